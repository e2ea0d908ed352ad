"""The one exception the ingest modules raise internally.

``ingest_file`` turns it into an ``IngestError`` record, so callers of the
public API never see it.
"""

from __future__ import annotations


class UnusableSourceError(Exception):
    """A source file cannot be used. ``message`` is one actionable line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
