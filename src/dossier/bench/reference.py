"""Where the development data lives, and the benches' own switches.

The reference data (``cases/``, CoNLL-2003) is third-party material kept outside
the repository: ``DOSSIER_REFERENCE_DIR`` when set, else the first of
``<repo>/../shared/reference`` and ``/work/shared/reference`` that exists.
Benches that need it skip, with a message, when it is absent.
``DOSSIER_BENCH_VERBOSE=1`` adds the per-file and per-string breakdowns.
"""

from __future__ import annotations

import os
from pathlib import Path

from dossier.settings import PROJECT_ROOT

DEFAULT_DIRS = (PROJECT_ROOT.parent / "shared" / "reference", Path("/work/shared/reference"))


def reference_dir() -> Path | None:
    """The reference folder, or None when there is none."""
    chosen = os.environ.get("DOSSIER_REFERENCE_DIR", "").strip()
    if chosen != "":
        return Path(chosen)
    for folder in DEFAULT_DIRS:
        if folder.is_dir():
            return folder
    return None


def reference_file(*parts: str) -> Path | None:
    """``parts`` under the reference folder, or None when it is not there."""
    folder = reference_dir()
    if folder is None:
        return None
    path = folder.joinpath(*parts)
    return path if path.exists() else None


def missing(what: str) -> str:
    """The skip message for a bench whose data is absent."""
    where = os.environ.get("DOSSIER_REFERENCE_DIR", "").strip() or " or ".join(
        str(d) for d in DEFAULT_DIRS
    )
    return f"skipped: {what} not found under {where} (set DOSSIER_REFERENCE_DIR)"


def verbose() -> bool:
    """``DOSSIER_BENCH_VERBOSE``: 1 for the breakdowns, 0 or unset for the figures only."""
    value = os.environ.get("DOSSIER_BENCH_VERBOSE", "").strip()
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise SystemExit(f"DOSSIER_BENCH_VERBOSE must be 0 or 1, got {value!r}")
