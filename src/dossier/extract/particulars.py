"""Particulars of a list entry quoted in the text: date and place of birth, nationality,
citizenship, gender, passport and national ID numbers.

Government releases quote the sanctions list's own entry for a person:
``KADYROV, Ramzan Akhmatovich (a.k.a. ...); DOB 05 Oct 1976; POB Tsentoroi, Chechen
Republic, Russia; nationality Russia; Gender Male (individual)``. The entry's name
is a mention found by the listed-name rule (``candidates._INVERTED``); the
particulars are the ``;``-separated fields that follow it, up to the end of the
entry (a full stop, a closing quote, a line break or a closing bracket of the
entry). Each field is read strictly: a date that does not parse, or a country FtM
does not know, is left out rather than guessed. The evidence passage is the
entry, from the name to the last particular.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from followthemoney import registry

from dossier.model import IdentifierFact, Mention

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_FIELD = re.compile(
    r"^(?P<label>DOB|date of birth|born|POB|place of birth|nationality|citizen|citizenship|"
    r"gender|passport(?:[ \u00a0]+(?:no\.?|number))?|national[ \u00a0]+id(?:entification)?"
    r"(?:[ \u00a0]+(?:no\.?|number))?)[ \u00a0]*:?[ \u00a0]+(?P<value>.+)$",
    re.IGNORECASE,
)
_PROPS = {
    "dob": "birthDate",
    "date of birth": "birthDate",
    "born": "birthDate",
    "pob": "birthPlace",
    "place of birth": "birthPlace",
    "nationality": "nationality",
    "citizen": "citizenship",
    "citizenship": "citizenship",
    "gender": "gender",
    "passport": "passportNumber",
    "national id": "idNumber",
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ \u00a0]+([A-Za-z]+)\.?,?[ \u00a0]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?[ \u00a0]+(\d{1,2}),?[ \u00a0]+(\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?[ \u00a0]+(\d{4})")
_NUMBER = re.compile(r"(?:No\.?[ \u00a0]*)?([A-Z0-9][A-Z0-9-]{3,19})(?![\w-])")


def parse_date(text: str) -> str | None:
    """An ISO date (as precise as the text) from "05 Oct 1976", "October 5, 1976",
    "Oct 1976" or "1976"; None for anything else (a range, "circa", a bad day)."""
    text = text.strip()
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        match = pattern.fullmatch(text)
        if match is not None:
            day, month_name, year = (
                (match.group(1), match.group(2), match.group(3))
                if order == "dmy"
                else (match.group(2), match.group(1), match.group(3))
            )
            month = _MONTHS.get(month_name.lower())
            if month is None:
                return None
            try:
                return date(int(year), month, int(day)).isoformat()
            except ValueError:
                return None
    match = _MONTH_YEAR.fullmatch(text)
    if match is not None and match.group(1).lower() in _MONTHS:
        return f"{int(match.group(2)):04d}-{_MONTHS[match.group(1).lower()]:02d}"
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return text
    return None


def _value(prop: str, raw: str) -> tuple[str, str] | None:
    """(FtM value, the part of ``raw`` it was read from), or None if it cannot be read."""
    raw = raw.strip().rstrip(",")
    if prop == "birthDate":
        parsed = parse_date(raw)
        return None if parsed is None else (parsed, raw)
    if prop in ("nationality", "citizenship"):
        code = registry.country.clean(raw)
        return None if code is None else (code, raw)
    if prop == "gender":
        word = raw.split()[0] if raw.split() else ""
        gender = registry.gender.clean(word)
        return None if gender is None else (gender, word)
    if prop in ("passportNumber", "idNumber"):
        match = _NUMBER.match(raw)
        return None if match is None else (match.group(1), match.group(1))
    return raw, raw  # birthPlace: as written


def _ends_entry(text: str, i: int) -> bool:
    """Whether the character at ``i`` (outside brackets) ends the entry: a closing quote,
    a line break, or a full stop before a space that does not end "No." or "a.k.a."."""
    char = text[i]
    if char in "”\"\n":
        return True
    if char != "." or (i + 1 < len(text) and not text[i + 1].isspace()):
        return False
    word = re.search(r"[\w.]*$", text[max(0, i - 8) : i])
    return word is None or word.group().lower() not in _ABBREVIATIONS


_ABBREVIATIONS = frozenset({"no", "a.k.a", "aka", "f.k.a", "jr", "sr", "st"})


def _entry_fields(text: str, start: int) -> list[tuple[str, int, int]]:
    """The ``;``-separated fields after a listed name at ``start``: (field, start, end)."""
    fields: list[tuple[str, int, int]] = []
    depth = 0
    field_start = start
    i = start
    while i < len(text):
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break  # the entry's closing bracket
            depth -= 1
        elif depth == 0 and _ends_entry(text, i):
            break
        elif char == ";" and depth == 0:
            fields.append((text[field_start:i], field_start, i))
            field_start = i + 1
        i += 1
    fields.append((text[field_start:i], field_start, i))
    return fields


def list_particulars(text: str, mentions: Sequence[Mention]) -> list[IdentifierFact]:
    """The particulars of every list entry whose name is a listed-name mention."""
    facts: list[IdentifierFact] = []
    for mention in mentions:
        if mention.label != "PERSON" or mention.entity_key is None:
            continue
        if "rule:inverted" not in mention.why:
            continue
        if re.search(r"a\.k\.a\.[ \u00a0]*$", text[max(0, mention.start - 12) : mention.start]):
            continue  # an alias inside the entry: its particulars are the entry's
        found: list[tuple[str, str, str]] = []
        last = mention.end
        for raw, _, end in _entry_fields(text, mention.end)[1:]:
            stripped = re.sub(r"\([^)]*\)", "", raw).strip()
            match = _FIELD.match(stripped)
            if match is None:
                continue
            label = re.sub(r"[ \u00a0]+(?:no\.?|number)$", "", match.group("label").lower())
            label = re.sub(r"[ \u00a0]+", " ", label).replace("identification", "id")
            prop = _PROPS[label]
            read = _value(prop, match.group("value"))
            if read is None:
                continue
            found.append((prop, read[0], read[1]))
            last = end
        for prop, value, written in found:
            facts.append(
                IdentifierFact(mention.entity_key, prop, value, written, mention.start, last)
            )
    return facts
