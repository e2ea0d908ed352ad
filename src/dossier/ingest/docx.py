"""Word .docx files: the text in reading order, footnotes and tables included.

Read with the stdlib zip reader and defusedxml (``dossier.ingest.package``),
which sees every part python-docx would and expands no entities. The body's
paragraphs and tables come in document order, paragraphs separated by a blank
line, table rows one per line with cells separated by a tab. A footnote
reference becomes ``[n]`` where it stands (numbered in order of appearance, as
Word shows them); the footnotes follow the body, each ``[n] text``, then the
endnotes as ``[i]``, ``[ii]`` … Deleted revisions, field codes, comments and
drawings are not text. Metadata: the core properties (title, creator,
created, language), then the first paragraph in the Title style.
"""

from __future__ import annotations

import posixpath
from xml.etree.ElementTree import Element

from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.metadata import FoundMeta
from dossier.ingest.package import Package
from dossier.ingest.reading import Reading

MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
    "language": "{http://purl.org/dc/elements/1.1/}language",
    "created": "{http://purl.org/dc/terms/}created",
}
_REL_TYPES = {
    "document": "/officeDocument",
    "footnotes": "/footnotes",
    "endnotes": "/endnotes",
}
# Inline elements whose content is not shown text.
_SKIP = frozenset(
    f"{W}{name}"
    for name in (
        "del", "moveFrom", "delText", "instrText", "fldChar", "drawing", "pict", "object",
        "commentReference", "rPr", "pPr", "tblPr", "tcPr", "trPr", "sectPr", "annotationRef",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}  # fmt: skip


class _Notes:
    """Footnote and endnote numbers in order of first reference."""

    def __init__(self) -> None:
        self.order: dict[str, list[str]] = {"footnote": [], "endnote": []}

    def mark(self, kind: str, note_id: str) -> str:
        ids = self.order[kind]
        if note_id not in ids:
            ids.append(note_id)
        number = ids.index(note_id) + 1
        return f"[{number}]" if kind == "footnote" else f"[{_roman(number)}]"


def read_docx(data: bytes, max_unpacked: int) -> Reading:
    package = Package(data, "Word (.docx)", max_unpacked)
    main = _main_part(package)
    document = package.xml(main)
    if document is None:
        raise UnusableSourceError(f"Word (.docx) package has no main document part {main}")
    body = document.find(f"{W}body")
    if body is None:
        raise UnusableSourceError("Word (.docx) document has no body")
    notes = _Notes()
    blocks = _blocks(body, notes, None)
    rels = _relations(package, main)
    for kind in ("footnote", "endnote"):
        part = rels.get(f"{kind}s")
        root = None if part is None else package.xml(part)
        if root is None:
            continue
        bodies = {
            note.get(f"{W}id"): note for note in root.iter(f"{W}{kind}") if note.get(f"{W}id")
        }
        for note_id in list(notes.order[kind]):  # notes inside notes extend the list
            note = bodies.get(note_id)
            if note is not None:
                text = " ".join(_blocks(note, notes, (kind, note_id)))
                if text.strip() != "":
                    blocks.append(text)
    found = _core(package)
    title = _title_paragraph(body)
    if title is not None:
        found.offer("title", title, "docx Title-style paragraph")
    return Reading(text="\n\n".join(blocks), found=found, mime_type=MIME_TYPE)


def _main_part(package: Package) -> str:
    rels = package.xml("_rels/.rels")
    if rels is not None:
        for rel in rels.iter(f"{_PKG_REL}Relationship"):
            if rel.get("Type", "").endswith(_REL_TYPES["document"]):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _relations(package: Package, main: str) -> dict[str, str]:
    folder, name = posixpath.split(main)
    rels = package.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
    found: dict[str, str] = {}
    if rels is None:
        return found
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        for key, suffix in _REL_TYPES.items():
            target = rel.get("Target", "")
            if rel.get("Type", "").endswith(suffix) and rel.get("TargetMode") != "External":
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                found[key] = posixpath.normpath(path)
    return found


def _blocks(container: Element, notes: _Notes, note: tuple[str, str] | None) -> list[str]:
    """Paragraphs and tables of ``container`` in order, as text blocks."""
    blocks: list[str] = []
    for child in container:
        if child.tag == f"{W}p":
            text = _inline(child, notes, note).strip(" ")
            if text.strip() != "":
                blocks.append(text)
        elif child.tag == f"{W}tbl":
            rows = []
            for row in child.iter(f"{W}tr"):
                cells = [
                    " ".join(_blocks(cell, notes, note)) for cell in row if cell.tag == f"{W}tc"
                ]
                if any(cell.strip() != "" for cell in cells):
                    rows.append("\t".join(cells))
            if len(rows) > 0:
                blocks.append("\n".join(rows))
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            blocks.extend(_blocks(child, notes, note))
    return blocks


def _inline(element: Element, notes: _Notes, note: tuple[str, str] | None) -> str:
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            if child.get(f"{W}customMarkFollows") not in ("1", "true", "on"):
                kind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
                parts.append(notes.mark(kind, child.get(f"{W}id", "")))
        elif tag in (f"{W}footnoteRef", f"{W}endnoteRef"):
            if note is not None:
                parts.append(notes.mark(*note))
        else:
            parts.append(_inline(child, notes, note))
    return "".join(parts)


def _core(package: Package) -> FoundMeta:
    found = FoundMeta()
    core = package.xml("docProps/core.xml")
    if core is None:
        return found
    where = "docx core properties"

    def value(key: str) -> str | None:
        element = core.find(_CORE[key])
        return None if element is None or element.text is None else element.text

    found.offer("title", value("title"), f"{where} title")
    creator = value("creator")
    if creator is not None:
        found.offer_authors(creator.split(";"), f"{where} creator")
    found.offer("published_at", value("created"), f"{where} created")
    found.offer("language", value("language"), f"{where} language")
    return found


def _title_paragraph(body: Element) -> str | None:
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").lower() == "title":
            return _inline(paragraph, _Notes(), None)
    return None


def _roman(number: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
