"""What a rendering is asked for: templates, printed date, organisation, regimes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class RenderError(ValueError):
    """A dossier cannot be rendered (e.g. the entity is not a person)."""


@dataclass(frozen=True)
class RenderOptions:
    templates_dir: Path
    date: dt.date  # printed date; passed in so identical input gives identical bytes
    organisation: str = ""
    regimes: tuple[str, ...] | None = None  # override; None = reviewer's choice or categories
    version: str = "1"
    confidentiality: str = (
        "CONFIDENTIAL — submitted to the sanctions authority named; not for publication"
    )
    extractor: str | None = None  # overrides the processing agents recorded on documents
    # entities/screening.json from `dossier screen`; None: look next to the entities file
    screening: Path | None = None
