"""Section 10: existing designations the sources report, and screening results (from
`dossier screen`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.profile import DesignationItem, EntityStore
from dossier.render.options import RenderOptions
from dossier.render.pdf import format_date
from dossier.render.screening import SCREENING_FILE, Screening, TargetScreening, load_screening
from dossier.render.sections.basis import Basis, Note

NOT_STATED = "not stated in the source"


@dataclass(frozen=True)
class Existing:
    """One designation a source reports, as the dossier prints it."""

    authority: str
    program: str
    date: str
    reason: str
    measures: str
    status: str  # review status of the evidence that reports it
    frame: str | None
    note: Note


def summary_line(item: DesignationItem) -> str:
    """ "U.S. Department of the Treasury; E.O. 13818; 23 August 2021" (identification)."""
    parts = [
        item.authority or "authority not stated",
        item.program or "programme not stated",
        format_date(item.date) if item.date is not None else "date not stated",
    ]
    return "; ".join(parts)


def existing(b: Basis) -> list[Existing]:
    """The designations the sources report, each footnoted to its passage."""
    rows: list[Existing] = []
    for item in b.p.designations:
        program = item.program or NOT_STATED
        if item.program_id is not None and item.program_id not in program:
            program = f"{program} ({item.program_id})"
        rows.append(
            Existing(
                authority=item.authority or NOT_STATED,
                program=program,
                date=format_date(item.date) if item.date is not None else NOT_STATED,
                reason=item.reason or NOT_STATED,
                measures=", ".join(item.measures) if len(item.measures) > 0 else NOT_STATED,
                status=item.status,
                frame=item.frame,
                note=b.note(item.document, item.summary, item.status, b.ref.get(item.record_id)),
            )
        )
    return rows


def screening(b: Basis) -> tuple[TargetScreening | None, Screening | None, str]:
    path = screening_path(b.store, b.options)
    if path is None or not path.is_file():
        return (
            None,
            None,
            (
                "Screening against published sanctions lists was not run for this dossier "
                "(no screening file was found)."
            ),
        )
    run = load_screening(path)  # a malformed file is an error, not "not run"
    found = run.for_target(b.p.id)
    if found is None:
        return (
            None,
            run,
            (
                f"{b.p.name} was not among the targets of the screening run recorded "
                f"in {path.name}; screening was not run for this person."
            ),
        )
    return (
        found,
        run,
        (
            f"{b.p.name} was screened against {run.against_file} ({run.against_entities} "
            f"entities; SHA-1 {run.against_sha1}) with {run.matcher}, algorithm "
            f"{run.algorithm}: strong matches score at least {run.strong_threshold:g} with "
            f"the names agreeing part by part, possible matches at least "
            f"{run.possible_threshold:g}."
        ),
    )


def screening_path(store: EntityStore, options: RenderOptions) -> Path | None:
    """The screening file: the one in the options, else ``screening.json`` next to
    the entities file the store was read from."""
    if options.screening is not None:
        return options.screening
    if store.source is None:
        return None
    return store.source.parent / SCREENING_FILE
