"""The text layer of a PDF, via pypdf. No OCR: a scan without text is refused."""

from __future__ import annotations

import io
import logging
import re
import warnings

from pypdf import PdfReader

from dossier.ingest.errors import UnusableSourceError

log = logging.getLogger(__name__)

PAGE_SEPARATOR = "\f"  # form feed between pages, as pdftotext does
# Control characters other than tab, line feed, form feed and carriage return,
# and lone surrogates: pypdf passes them through from broken font maps.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def pdf_to_text(data: bytes) -> str:
    """Return the text of all pages, pages joined by a form feed."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pages = _extract_pages(data)
    for warning in caught:
        log.debug("pypdf: %s", warning.message)
    text = PAGE_SEPARATOR.join(pages)
    if text.strip() == "":
        raise UnusableSourceError(
            f"no text layer in {len(pages)} page(s) (scanned PDF?); run OCR first "
            "(e.g. ocrmypdf) and ingest the result"
        )
    return text


def _extract_pages(data: bytes) -> list[str]:
    # pypdf raises many exception types on malformed input (PdfReadError, ValueError,
    # KeyError, TypeError, RecursionError, ...); every one means "unreadable PDF".
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == 0:
            raise UnusableSourceError("encrypted PDF; remove the password protection first")
        if len(reader.pages) == 0:
            raise UnusableSourceError("PDF has no pages")
        return [_clean(page.extract_text()) for page in reader.pages]
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
