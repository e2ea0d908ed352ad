"""What a reader makes of one file: the text to quote, its pages, OCR and metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.ingest.metadata import FoundMeta
from dossier.model import Span

PAGE_SEPARATOR = "\f"  # form feed between pages, as pdftotext does


@dataclass
class Reading:
    """``text`` is exactly what gets quoted; spans are offsets into it."""

    text: str
    pages: tuple[Span, ...] = ()  # page i + 1, for paginated sources
    ocr: tuple[Span, ...] = ()  # parts read by OCR
    found: FoundMeta = field(default_factory=FoundMeta)
    mime_type: str | None = None


def join_pages(pages: Sequence[str], ocr_pages: Sequence[bool]) -> Reading:
    """Pages joined by a form feed, with page spans and the OCR'd pages marked."""
    spans: list[Span] = []
    ocr: list[Span] = []
    position = 0
    for text, by_ocr in zip(pages, ocr_pages, strict=True):
        span = Span(position, position + len(text))
        spans.append(span)
        if by_ocr and len(text) > 0:
            ocr.append(span)
        position = span.end + len(PAGE_SEPARATOR)
    return Reading(text=PAGE_SEPARATOR.join(pages), pages=tuple(spans), ocr=tuple(ocr))
