"""Section 2: identification (names by script, identifiers, positions, status)."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.profile import fold
from dossier.render.sections.basis import Basis, Note
from dossier.render.sections.designations import summary_line
from dossier.render.sections.positions import Position
from dossier.render.sections.wording import country_name

ID_LABELS: tuple[tuple[str, str], ...] = (
    ("firstName", "Given name"),
    ("fatherName", "Patronymic"),
    ("lastName", "Family name"),
    ("birthDate", "Date of birth"),
    ("birthPlace", "Place of birth"),
    ("birthCountry", "Country of birth"),
    ("nationality", "Nationality"),
    ("citizenship", "Citizenship"),
    ("country", "Country linked in the sources"),
    ("gender", "Gender"),
    ("passportNumber", "Passport number"),
    ("idNumber", "National identification number"),
)
COUNTRY_PROPS = {"nationality", "citizenship", "birthCountry", "country"}


@dataclass(frozen=True)
class IdValue:
    value: str
    note: Note | None


@dataclass(frozen=True)
class IdRow:
    label: str
    values: tuple[IdValue, ...]


def names_by_script(b: Basis) -> dict[str, list[str]]:
    """Names by script, without single words (a surname or given name alone is a
    reference to the person, not a name to list them under)."""
    found: dict[str, list[str]] = {}
    for script, names in b.p.names_by_script.items():
        full = [n for n in names if len(n.split()) > 1 or n == b.p.name]
        if len(full) > 0:
            found[script] = full
    return found


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def written_forms(prop: str, shown: str) -> list[str]:
    """How a source may write an identifier the export holds in FtM's form, most telling
    first: a date of birth "1976-10-05" as "05 Oct 1976" or "October 5, 1976"; a
    nationality as "nationality Russia". A passage that quotes one of these is its note.
    A bare year, month or country name alone says too little to find its passage."""
    if prop == "birthDate":
        parts = shown.split("-")
        if len(parts) == 1:
            return [f"DOB {shown}", f"born {shown}", f"born in {shown}"]
        year, month = parts[0], _MONTH_NAMES[int(parts[1]) - 1]
        if len(parts) == 2:
            return [f"{m} {year}" for m in (month, month[:3])]
        day = int(parts[2])
        forms = []
        for m in (month[:3], month):
            forms += [f"{day:02d} {m} {year}", f"{day} {m} {year}", f"{m} {day}, {year}"]
        return [*forms, shown]
    if prop in ("nationality", "citizenship"):
        return [f"nationality {shown}", f"citizenship {shown}", f"citizen of {shown}"]
    if prop == "gender":
        return [f"gender {shown}"]
    return [shown]


def _note(b: Basis, prop: str, shown: str) -> Note | None:
    for form in written_forms(prop, shown):
        note = b.find_note(form)
        if note is not None:
            return note
    return None


def identification(b: Basis, positions: list[Position]) -> list[IdRow]:
    rows: list[IdRow] = []
    for script, names in names_by_script(b).items():
        rows.append(
            IdRow(
                f"Name ({script} script)",
                tuple(IdValue(n, b.find_note(n)) for n in names),
            )
        )
    parts = {fold(w) for w in b.p.name.split()}
    for prop, label in ID_LABELS:
        values = b.p.identifiers.get(prop, [])
        if prop in ("firstName", "lastName", "fatherName"):
            # Name parts read off another spelling ("Kassym Zhomart-Tokayev") only
            # repeat that spelling; keep the parts of the name the dossier uses.
            own = [v for v in values if fold(v) in parts]
            values = own if len(own) > 0 else values
        shown = [country_name(v) if prop in COUNTRY_PROPS else v for v in values]
        rows.append(IdRow(label, tuple(IdValue(s, _note(b, prop, s)) for s in shown)))
    rows.append(IdRow("Positions held", tuple(IdValue(pos.dated, pos.note) for pos in positions)))
    rows.append(
        IdRow(
            "Existing designations reported (section 10)",
            tuple(
                IdValue(
                    summary_line(item),
                    b.note(item.document, item.summary, item.status, b.ref.get(item.record_id)),
                )
                for item in b.p.designations
            ),
        )
    )
    status = "Reported deceased" if b.p.deceased else None
    rows.append(IdRow("Status", (IdValue(status, None),) if status is not None else ()))
    return rows
