"""Section 10: existing designations and screening results (from `dossier screen`)."""

from __future__ import annotations

from pathlib import Path

from dossier.profile import EntityStore
from dossier.render.options import RenderOptions
from dossier.render.screening import SCREENING_FILE, Screening, TargetScreening, load_screening
from dossier.render.sections.basis import Basis


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
