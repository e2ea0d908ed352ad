"""OpenDocument text (.odt): the text in reading order, notes and tables included.

``content.xml`` is parsed with defusedxml (no DTD, no entities). Headings,
paragraphs, lists, sections and tables come in document order, blocks
separated by a blank line, table rows one per line with cells separated by a
tab. A note becomes ``[citation]`` where it stands (the mark the document
shows) and its body follows the main text as ``[citation] text``. Tracked
deletions, annotations, frames and the table of contents are not text. White
space is collapsed as ODF defines (``text:s``, ``text:tab`` and
``text:line-break`` are the explicit spaces, tabs and breaks). Metadata from
``meta.xml``: title, initial creator and creator, creation date, language.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.metadata import FoundMeta
from dossier.ingest.package import Package
from dossier.ingest.reading import Reading

MIME_TYPE = "application/vnd.oasis.opendocument.text"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_SPACE = re.compile(r"[ \t\r\n]+")
_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})
_CONTAINERS = frozenset(
    {
        f"{_TEXT}list", f"{_TEXT}list-item", f"{_TEXT}list-header", f"{_TEXT}section",
        f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group",
        f"{_OFFICE}text",
    }
)  # fmt: skip
_SKIP = frozenset(
    {
        f"{_OFFICE}annotation", f"{_OFFICE}annotation-end", f"{_TEXT}tracked-changes",
        f"{_TEXT}table-of-content", f"{_TEXT}sequence-decls", f"{_TEXT}variable-decls",
        f"{_TEXT}soft-page-break", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
        f"{_OFFICE}forms",
    }
)  # fmt: skip


def read_odt(data: bytes, max_unpacked: int) -> Reading:
    package = Package(data, "OpenDocument (.odt)", max_unpacked)
    content = package.xml("content.xml")
    if content is None:
        raise UnusableSourceError("OpenDocument (.odt) package has no content.xml")
    text_root = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_root is None:
        raise UnusableSourceError(
            "not an OpenDocument text: content.xml has no office:text (a spreadsheet or "
            "presentation?)"
        )
    notes: list[str] = []
    blocks = _blocks(text_root, notes)
    blocks.extend(notes)
    return Reading(text="\n\n".join(blocks), found=_meta(package), mime_type=MIME_TYPE)


def _blocks(container: Element, notes: list[str]) -> list[str]:
    blocks: list[str] = []
    for child in container:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag in _PARAGRAPHS:
            text = _paragraph(child, notes)
            if text != "":
                blocks.append(text)
        elif tag == f"{_TABLE}table":
            rows = [_row(row, notes) for row in _rows(child)]
            rows = [row for row in rows if row.strip() != ""]
            if len(rows) > 0:
                blocks.append("\n".join(rows))
        elif tag in _CONTAINERS:
            blocks.extend(_blocks(child, notes))
    return blocks


def _rows(table: Element) -> list[Element]:
    rows: list[Element] = []
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            rows.append(child)
        elif child.tag in _CONTAINERS:
            rows.extend(_rows(child))
    return rows


def _row(row: Element, notes: list[str]) -> str:
    cells = [" ".join(_blocks(cell, notes)) for cell in row if cell.tag == f"{_TABLE}table-cell"]
    return "\t".join(cells)


def _paragraph(element: Element, notes: list[str]) -> str:
    parts: list[str] = []
    _inline(element, notes, parts)
    return "".join(parts).strip(" ")


def _inline(element: Element, notes: list[str], parts: list[str]) -> None:
    _data(element.text, parts)
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * _count(child))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag == f"{_TEXT}note":
            citation = child.find(f"{_TEXT}note-citation")
            mark = "".join(citation.itertext()).strip() if citation is not None else ""
            mark = f"[{mark if mark != '' else len(notes) + 1}]"
            parts.append(mark)
            body = child.find(f"{_TEXT}note-body")
            if body is not None:
                text = " ".join(_blocks(body, notes))
                notes.append(f"{mark} {text}" if text != "" else mark)
        elif tag not in _SKIP and not tag.startswith(f"{_TEXT}change"):
            _inline(child, notes, parts)
        _data(child.tail, parts)


def _data(value: str | None, parts: list[str]) -> None:
    if value is None or value == "":
        return
    text = _SPACE.sub(" ", value)
    if text.startswith(" ") and (len(parts) == 0 or parts[-1].endswith((" ", "\n", "\t"))):
        text = text[1:]
    parts.append(text)


def _count(element: Element) -> int:
    try:
        return max(1, min(int(element.get(f"{_TEXT}c", "1")), 1000))
    except ValueError:
        return 1


def _meta(package: Package) -> FoundMeta:
    found = FoundMeta()
    root = package.xml("meta.xml")
    meta = None if root is None else root.find(f"{_OFFICE}meta")
    if meta is None:
        return found
    where = "odt meta.xml"

    def value(tag: str) -> str | None:
        element = meta.find(tag)
        return None if element is None else element.text

    found.offer("title", value(f"{_DC}title"), f"{where} dc:title")
    creator = value(f"{_META}initial-creator")
    if creator is not None:
        found.offer_authors([creator], f"{where} initial-creator")
    found.offer("published_at", value(f"{_META}creation-date"), f"{where} creation-date")
    found.offer("language", value(f"{_DC}language"), f"{where} dc:language")
    return found
