"""What ``dossier sources`` shows: each source's metadata, its origins, what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.ingest.metadata import CITATION_KEYS, FOUND_KEYS, missing_keys
from dossier.model import SourceDocument


@dataclass(frozen=True)
class MetaValue:
    key: str
    value: str
    origin: str  # "sidecar", "og:title", "heading line", ...


@dataclass(frozen=True)
class SourceListing:
    file_name: str
    document_id: str
    mime_type: str | None
    pages: int  # 0 when not paginated
    ocr_pages: int  # pages read by OCR
    values: tuple[MetaValue, ...]
    missing: tuple[str, ...]  # citation keys without a value
    unknown_in_sidecar: tuple[str, ...]  # missing keys the sidecar gives as null


def list_source(doc: SourceDocument) -> SourceListing:
    """The listing of one ingested source."""
    meta = doc.meta
    raw: dict[str, object] = {
        "title": meta.title,
        "authors": "; ".join(meta.authors) if len(meta.authors) > 0 else None,
        "publisher": meta.publisher,
        "published_at": meta.published_at,
        "place": meta.place,
        "url": meta.url,
        "retrieved_at": meta.retrieved_at,
        "language": meta.language,
        "kind": meta.kind,
    }
    values = tuple(
        MetaValue(key, str(value), meta.origin(key) or "unknown")
        for key in (*FOUND_KEYS, "retrieved_at")
        if (value := raw.get(key)) is not None
    )
    ocr_pages = sum(1 for page in doc.pages if any(page == span for span in doc.ocr))
    if len(doc.pages) == 0 and len(doc.ocr) > 0:
        ocr_pages = len(doc.ocr)
    return SourceListing(
        file_name=doc.file_name,
        document_id=doc.id,
        mime_type=doc.mime_type,
        pages=len(doc.pages),
        ocr_pages=ocr_pages,
        values=values,
        missing=tuple(missing_keys(meta)),
        unknown_in_sidecar=tuple(k for k in missing_keys(meta) if meta.origin(k) == "sidecar"),
    )


__all__ = ["CITATION_KEYS", "MetaValue", "SourceListing", "list_source"]
