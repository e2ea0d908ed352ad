"""A PDF's text, page by page: the text layer via pypdf, OCR where a page has none.

Pages are joined by a form feed and each page's span is kept, so every quote
can be cited to its page. A page with no letters or digits in its text layer
(a scan) is rasterised and read by Tesseract (``dossier.ingest.ocr``) and its
span marked as OCR. Metadata comes from the document information dictionary,
then the XMP packet (parsed with defusedxml: no entities, no DTD).
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from typing import Any

from defusedxml import ElementTree
from pypdf import PdfReader

from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.metadata import FoundMeta
from dossier.ingest.ocr import Ocr
from dossier.ingest.reading import PAGE_SEPARATOR, Reading, join_pages

log = logging.getLogger(__name__)

MAX_XMP_BYTES = 1024 * 1024
# Control characters other than tab, line feed, form feed and carriage return,
# and lone surrogates: pypdf passes them through from broken font maps.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_HAS_TEXT = re.compile(r"[^\W_]")
_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
__all__ = ["PAGE_SEPARATOR", "pdf_to_text", "read_pdf"]


def pdf_to_text(data: bytes, ocr: Ocr | None = None) -> str:
    """Return the text of all pages, pages joined by a form feed."""
    return read_pdf(data, ocr).text


def read_pdf(data: bytes, ocr: Ocr | None = None) -> Reading:
    """The pages of ``data``, OCR'd where they have no text layer, and its metadata."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader, pages = _extract_pages(data)
        scanned = [i for i, text in enumerate(pages) if _HAS_TEXT.search(text) is None]
        found = _metadata(reader, scan=len(scanned) > 0)
    for warning in caught:
        log.debug("pypdf: %s", warning.message)
    by_ocr = [False] * len(pages)
    if len(scanned) > 0:
        engine = ocr if ocr is not None else Ocr()
        try:
            texts = engine.pdf_pages(data, [i + 1 for i in scanned])
        except UnusableSourceError as problem:
            raise UnusableSourceError(
                f"{len(scanned)} of {len(pages)} page(s) have no text layer and need OCR: "
                f"{problem.message}"
            ) from problem
        for i, text in zip(scanned, texts, strict=True):
            pages[i] = _clean(text).strip()
            by_ocr[i] = True
    reading = join_pages(pages, by_ocr)
    if reading.text.strip() == "":
        raise UnusableSourceError(
            f"no text in {len(pages)} page(s), not even by OCR (blank or unreadable scan?)"
        )
    reading.found = found
    reading.mime_type = "application/pdf"
    return reading


def _extract_pages(data: bytes) -> tuple[PdfReader, list[str]]:
    # pypdf raises many exception types on malformed input (PdfReadError, ValueError,
    # KeyError, TypeError, RecursionError, ...); every one means "unreadable PDF".
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == 0:
            raise UnusableSourceError("encrypted PDF; remove the password protection first")
        if len(reader.pages) == 0:
            raise UnusableSourceError("PDF has no pages")
        return reader, [_clean(page.extract_text()) for page in reader.pages]
    except UnusableSourceError:
        raise
    except Exception as exc:
        lines = str(exc).splitlines()
        detail = lines[0][:200] if len(lines) > 0 else type(exc).__name__
        raise UnusableSourceError(
            f"unreadable PDF ({detail}); check that it opens in a viewer"
        ) from exc


def _clean(text: str) -> str:
    return _JUNK.sub("", text)


def _metadata(reader: PdfReader, scan: bool) -> FoundMeta:
    """Document information first, then XMP; damaged metadata is ignored, not fatal.

    The creation date stands for the publication date of a born-digital PDF only:
    in a scan it is the day of the scan, so it is not used.
    """
    found = FoundMeta()
    try:
        info: Any = reader.metadata
    except Exception:  # pypdf: any damage in the trailer
        info = None
    if info is not None:
        where = "PDF document info"
        found.offer("title", _text(info.get("/Title")), f"{where} /Title")
        author = _text(info.get("/Author"))
        if author is not None:
            found.offer_authors([a for a in re.split(r"\s*;\s*", author)], f"{where} /Author")
        if not scan:
            found.offer("published_at", _text(info.get("/CreationDate")), f"{where} /CreationDate")
    _xmp(reader, found, scan)
    return found


def _text(value: object) -> str | None:
    try:
        return None if value is None else str(value)
    except Exception:
        return None


def _xmp(reader: PdfReader, found: FoundMeta, scan: bool) -> None:
    try:
        stream = reader.root_object.get("/Metadata")
        data = None if stream is None else stream.get_object().get_data()
    except Exception:
        return
    if not isinstance(data, bytes) or len(data) > MAX_XMP_BYTES:
        return
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except Exception:  # defusedxml refusals and parse errors: ignore the packet
        log.debug("XMP packet cannot be read safely; ignored")
        return
    where = "PDF XMP"

    def items(tag: str) -> list[str]:
        out: list[str] = []
        for element in root.iter(tag):
            values = [li.text for li in element.iter(f"{{{_NS['rdf']}}}li")] or [element.text]
            out.extend(v for v in values if v is not None and v.strip() != "")
        return out

    dc = _NS["dc"]
    for value in items(f"{{{dc}}}title"):
        found.offer("title", value, f"{where} dc:title")
    found.offer_authors(items(f"{{{dc}}}creator"), f"{where} dc:creator")
    for value in items(f"{{{dc}}}publisher"):
        found.offer("publisher", value, f"{where} dc:publisher")
    dates = items(f"{{{dc}}}date") + ([] if scan else items(f"{{{_NS['xmp']}}}CreateDate"))
    for value in dates:
        found.offer("published_at", value, f"{where} date")
    for value in items(f"{{{dc}}}language"):
        found.offer("language", value, f"{where} dc:language")
