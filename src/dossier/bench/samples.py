"""Source files made at run time, for the ingest bench and the tests.

Every format NGOs hold their sources in, built from text the caller gives:
a Word file with footnotes and a table (raw WordprocessingML, as Word writes
it), an OpenDocument text with notes, a PDF of several pages (WeasyPrint) and
an image-only scan of one (WeasyPrint, then pdftoppm, then Pillow: no text
layer at all). Nothing is downloaded.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PIL import Image

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# A paragraph: text runs, and (footnote text) after the run it follows.
Paragraph = Sequence[str | tuple[str]]


def _runs(parts: Paragraph, notes: list[str]) -> str:
    out = []
    for part in parts:
        if isinstance(part, tuple):
            notes.append(part[0])
            out.append(
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'
            )
        else:
            out.append(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "".join(out)


def docx_bytes(
    title: str,
    paragraphs: Sequence[Paragraph],
    table: Sequence[Sequence[str]] = (),
    creator: str | None = None,
    created: str | None = None,
) -> bytes:
    """A .docx: a Title paragraph, body paragraphs with footnotes, then a table."""
    notes: list[str] = []
    body = [f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{_runs([title], notes)}</w:p>']
    body.extend(f"<w:p>{_runs(parts, notes)}</w:p>" for parts in paragraphs)
    if len(table) > 0:
        rows = "".join(
            "<w:tr>"
            + "".join(f"<w:tc><w:p>{_runs([cell], notes)}</w:p></w:tc>" for cell in row)
            + "</w:tr>"
            for row in table
        )
        body.append(f"<w:tbl>{rows}</w:tbl>")
    document = (
        f'{_XML}<w:document xmlns:w="{_W}" xmlns:r="{_REL}"><w:body>{"".join(body)}'
        "<w:sectPr/></w:body></w:document>"
    )
    footnotes = (
        f'{_XML}<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        + "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(notes, start=1)
        )
        + "</w:footnotes>"
    )
    core = (
        f"{_XML}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        + (f"<dc:creator>{escape(creator)}</dc:creator>" if creator else "")
        + (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            if created
            else ""
        )
        + "</cp:coreProperties>"
    )
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
            f'<Override PartName="/word/footnotes.xml" ContentType="{wml}.footnotes+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/footnotes" Target="footnotes.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": document,
        "word/footnotes.xml": footnotes,
        "docProps/core.xml": core,
    }
    return _zip(parts)


def odt_bytes(title: str, paragraphs: Sequence[Paragraph], creator: str | None = None) -> bytes:
    """An .odt: a heading, then paragraphs whose footnotes are ``text:note`` elements."""
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    count = 0
    body = [f'<text:h text:outline-level="1">{escape(title)}</text:h>']
    for parts in paragraphs:
        runs = []
        for part in parts:
            if isinstance(part, tuple):
                count += 1
                runs.append(
                    f'<text:note text:id="ftn{count}" text:note-class="footnote">'
                    f"<text:note-citation>{count}</text:note-citation><text:note-body>"
                    f"<text:p>{escape(part[0])}</text:p></text:note-body></text:note>"
                )
            else:
                runs.append(escape(part))
        body.append(f"<text:p>{''.join(runs)}</text:p>")
    content = (
        f'{_XML}<office:document-content xmlns:office="{office}" xmlns:text="{text_ns}" '
        'office:version="1.3"><office:body><office:text>'
        + "".join(body)
        + "</office:text></office:body></office:document-content>"
    )
    meta = (
        f'{_XML}<office:document-meta xmlns:office="{office}" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
        f"<dc:title>{escape(title)}</dc:title>"
        + (f"<meta:initial-creator>{escape(creator)}</meta:initial-creator>" if creator else "")
        + "</office:meta></office:document-meta>"
    )
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "meta.xml": meta,
        }
    )


def paged_pdf(pages: Sequence[str], title: str | None = None, author: str | None = None) -> bytes:
    """A PDF with one page per entry of ``pages`` (paragraphs split on blank lines)."""
    import weasyprint  # slow to import; only PDF samples need it

    head = "<style>@page { size: A5; margin: 1.5cm } body { font: 11pt DejaVu Sans }</style>"
    if title is not None:
        head += f"<title>{escape(title)}</title>"
    if author is not None:
        head += f'<meta name="author" content="{escape(author)}">'
    body = "".join(
        '<section style="break-after: page">'
        + "".join(f"<p>{escape(p)}</p>" for p in page.split("\n\n"))
        + "</section>"
        for page in pages
    )
    data: bytes = weasyprint.HTML(
        string=f"<html><head>{head}</head><body>{body}</body></html>"
    ).write_pdf()
    return data


def scanned_pdf(pages: Sequence[str], dpi: int = 150) -> bytes:
    """``paged_pdf(pages)`` printed and scanned: page images only, no text layer."""
    with tempfile.TemporaryDirectory(prefix="dossier-sample-") as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(paged_pdf(pages))
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), str(Path(folder) / "p")],
            check=True,
            capture_output=True,
        )
        images = [Image.open(path) for path in sorted(Path(folder).glob("p-*.png"))]
        out = io.BytesIO()
        images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
        for image in images:
            image.close()
        return out.getvalue()


def page_image(text: str, dpi: int = 150) -> bytes:
    """One scanned page of ``text`` as a PNG."""
    with tempfile.TemporaryDirectory(prefix="dossier-sample-") as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(paged_pdf([text]))
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(source),
             str(Path(folder) / "p")],
            check=True,
            capture_output=True,
        )  # fmt: skip
        return (Path(folder) / "p.png").read_bytes()


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            compress = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"), compress_type=compress)
    return out.getvalue()
