"""The ingest stage: source files in seeds/ to ``SourceDocument`` records.

``text`` is exactly what gets quoted: for .txt/.md the decoded file, for HTML
its visible text, for PDF its text layer. Page furniture is marked as spans, not
removed, so offsets never move. Metadata comes from a strict sidecar file.
"""

from __future__ import annotations

from dossier.ingest.furniture import find_furniture
from dossier.ingest.sidecar import KINDS, SIDECAR_SUFFIX, read_sidecar, sidecar_path
from dossier.ingest.source import SUPPORTED_SUFFIXES, ingest_dir, ingest_file

__all__ = [
    "KINDS",
    "SIDECAR_SUFFIX",
    "SUPPORTED_SUFFIXES",
    "find_furniture",
    "ingest_dir",
    "ingest_file",
    "read_sidecar",
    "sidecar_path",
]
