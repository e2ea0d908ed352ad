"""Word, OpenDocument, paginated and scanned PDFs, images, and metadata from the source."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from dossier.bench import samples
from dossier.cache import CacheStore
from dossier.ingest import ingest_file
from dossier.ingest.htmlmeta import html_meta
from dossier.ingest.ocr import Ocr
from dossier.ingest.textmeta import text_meta
from dossier.model import IngestError, SourceDocument, Span

LIMIT = 10 * 1024 * 1024
ORDER = "Colonel Daniyar Serikbayev ordered the riot police to fire on the protesters."
SCAN_TEXT = (
    "Appeal ruling\n\nThe court found that Colonel Daniyar Serikbayev ordered the torture "
    "of detained protesters."
)


def ingest(path: Path, ocr: Ocr | None = None) -> SourceDocument:
    result = ingest_file(path, path.parent, LIMIT, ocr)
    assert isinstance(result, SourceDocument), result
    return result


def refused(path: Path) -> str:
    result = ingest_file(path, path.parent, LIMIT)
    assert isinstance(result, IngestError), result
    return result.message


# --- Word -----------------------------------------------------------------------------


def word_file(tmp_path: Path) -> Path:
    path = tmp_path / "briefing.docx"
    path.write_bytes(
        samples.docx_bytes(
            "Partner briefing",
            [
                [ORDER, ("Witness statement, 6 January 2022.",), " He denies it."],
                ["Aigerim Nurlanova was detained.", ("Court record 12/2022.",)],
            ],
            table=[["Name", "Position"], ["Daniyar Serikbayev", "Head of the city police"]],
            creator="Steppe Rights Monitor",
            created="2022-03-15T09:00:00Z",
        )
    )
    return path


def test_docx_text_in_reading_order_with_footnotes_and_table(tmp_path: Path) -> None:
    doc = ingest(word_file(tmp_path))
    assert doc.text == (
        "Partner briefing\n\n"
        f"{ORDER}[1] He denies it.\n\n"
        "Aigerim Nurlanova was detained.[2]\n\n"
        "Name\tPosition\nDaniyar Serikbayev\tHead of the city police\n\n"
        "[1] Witness statement, 6 January 2022.\n\n"
        "[2] Court record 12/2022."
    )
    start = doc.text.index("Colonel")
    assert doc.text[start : start + len(ORDER)] == ORDER  # offsets are exact
    assert doc.pages == () and doc.ocr == ()
    assert doc.mime_type.endswith("wordprocessingml.document")  # type: ignore[union-attr]
    assert doc.meta.title == "Partner briefing"
    assert doc.meta.authors == ("Steppe Rights Monitor",)
    assert doc.meta.published_at == "2022-03-15"
    assert doc.meta.origins == (
        ("title", "docx core properties title"),
        ("authors", "docx core properties creator"),
        ("published_at", "docx core properties created"),
    )


def _repack(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, content if info.filename == name else old.read(info.filename))
    return out.getvalue()


def test_docx_with_entities_is_refused_not_expanded(tmp_path: Path) -> None:
    good = word_file(tmp_path).read_bytes()
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(_repack(good, "word/document.xml", xxe))
    assert refused(path) == (
        "xxe.docx: Word (.docx) part word/document.xml declares a DTD or entities, which are "
        "refused (DTDForbidden)"
    )


def test_damaged_and_bomb_packages_are_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    assert refused(tmp_path / "broken.docx").startswith(
        "broken.docx: not a valid Word (.docx) file (damaged zip package:"
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    assert refused(tmp_path / "bomb.docx") == (
        "bomb.docx: Word (.docx) package part word/document.xml compresses 200 times or more "
        "(a zip bomb?); refused"
    )


# --- OpenDocument -----------------------------------------------------------------------


def test_odt_text_with_notes_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "draft.odt"
    path.write_bytes(
        samples.odt_bytes("Crackdown report", [[ORDER, ("Witness statement.",), " End."]], "J. Doe")
    )
    doc = ingest(path)
    assert doc.text == f"Crackdown report\n\n{ORDER}[1] End.\n\n[1] Witness statement."
    assert doc.meta.title == "Crackdown report"
    assert doc.meta.authors == ("J. Doe",)
    assert doc.meta.origin("title") == "odt meta.xml dc:title"


def test_odt_with_a_dtd_is_refused(tmp_path: Path) -> None:
    good = samples.odt_bytes("T", [["Text."]])
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>'
    path = tmp_path / "laughs.odt"
    path.write_bytes(_repack(good, "content.xml", bomb))
    assert "declares a DTD or entities, which are refused" in refused(path)


# --- PDF pages and OCR ----------------------------------------------------------------------


def test_pdf_pages_are_spans_and_quotes_get_their_page(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        samples.paged_pdf(
            ["First page.", "Second page names the colonel.", "Third page."],
            title="Taldykol report",
            author="Rights Group",
        )
    )
    doc = ingest(path)
    assert doc.text == "First page.\fSecond page names the colonel.\fThird page."
    assert doc.pages == (Span(0, 11), Span(12, 42), Span(43, 54))
    assert doc.ocr == ()
    colonel = doc.text.index("colonel")
    assert doc.page_range(colonel, colonel + 7) == (2, 2)
    assert doc.page_range(0, len(doc.text)) == (1, 3)
    assert doc.page_range(doc.text.index("Second"), doc.text.index("Third") + 5) == (2, 3)
    assert doc.meta.title == "Taldykol report"
    assert doc.meta.origin("title") == "PDF document info /Title"
    assert doc.meta.authors == ("Rights Group",)


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "ruling-scan.pdf"
    path.write_bytes(samples.scanned_pdf([SCAN_TEXT, "Second page of the ruling."]))
    return path


def test_image_only_pdf_is_read_by_ocr_and_cached_as_json(scan: Path, tmp_path: Path) -> None:
    cache = CacheStore(tmp_path / "cache")
    first = Ocr(cache=cache)
    doc = ingest(scan, first)
    assert first.pages_read == 2
    assert "Colonel Daniyar Serikbayev ordered the torture" in doc.text.replace("\n", " ")
    assert doc.text.split("\f")[1] == "Second page of the ruling."
    assert doc.ocr == doc.pages and len(doc.pages) == 2
    assert doc.meta.title == "Appeal ruling" and doc.meta.origin("title") == "heading line"
    assert doc.meta.published_at is None  # the creation date of a scan is not a publication date
    entries = sorted((tmp_path / "cache" / "ocr").rglob("*"))
    payloads = [CacheStore(tmp_path / "cache").get("ocr", p.name) for p in entries if p.is_file()]
    assert sorted(json.loads(p or b"")["pages"][0] for p in payloads)[0].startswith("Appeal")
    again = Ocr(cache=cache)
    assert ingest(scan, again).text == doc.text
    assert again.pages_read == 0  # every page from the cache


def test_png_scan_is_read_by_ocr(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(samples.page_image("Statement by Marat Ospanov, 3 May 2022."))
    doc = ingest(path)
    assert doc.text == "Statement by Marat Ospanov, 3 May 2022."
    assert doc.ocr == (Span(0, len(doc.text)),) and doc.mime_type == "image/png"


def test_broken_and_huge_images_are_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot an image")
    assert refused(tmp_path / "broken.png").startswith("broken.png: unreadable image (")
    huge = io.BytesIO()
    Image.new("1", (9000, 9000), 1).save(huge, "PNG")
    (tmp_path / "huge.png").write_bytes(huge.getvalue())
    assert refused(tmp_path / "huge.png") == (
        "huge.png: image is 9000x9000 pixels, above the 60000000-pixel limit for OCR"
    )


# --- metadata from the source -------------------------------------------------------------------

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Police chief accused | The Steppe Courier</title>
<meta property="og:title" content="Police chief accused over shootings">
<meta property="og:site_name" content="The Steppe Courier">
<meta property="article:published_time" content="2022-01-20T08:00:00+06:00">
<meta name="author" content="Asel Karimova">
<link rel="canonical" href="file:///etc/passwd">
<meta property="og:url" content="https://courier.example.org/2022/01/police-chief">
</head><body><p>TALDYKOL, Jan 20 (Steppe Courier) - Relatives spoke.</p></body></html>"""


def test_html_metadata_with_its_origins(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    meta = ingest(tmp_path / "page.html").meta
    assert meta.title == "Police chief accused over shootings"
    assert meta.publisher == "The Steppe Courier"
    assert meta.published_at == "2022-01-20"
    assert meta.authors == ("Asel Karimova",)
    assert meta.url == "https://courier.example.org/2022/01/police-chief"  # not file://
    assert meta.language == "en"
    assert meta.place == "Taldykol"
    assert dict(meta.origins) == {
        "title": "<meta og:title>",
        "authors": "<meta author>",
        "publisher": "<meta og:site_name>",
        "published_at": "<meta article:published_time>",
        "place": "dateline",
        "url": "<meta og:url>",
        "language": "<html lang>",
    }


def test_json_ld_comes_first() -> None:
    found = html_meta(
        '<head><meta property="og:title" content="OG title"><script type="application/ld+json">'
        '{"@graph": [{"@type": "WebSite"}, {"@type": "Report", "headline": "LD title", '
        '"publisher": {"name": "Monitor"}, "author": [{"name": "A"}, {"name": "B"}], '
        '"datePublished": "2023-05-02"}]}</script></head>'
    )
    assert found.values["title"] == ("LD title", "JSON-LD Report")
    assert found.values["kind"] == ("report", "JSON-LD Report")
    assert found.values["publisher"] == ("Monitor", "JSON-LD Report")
    assert found.authors == (("A", "B"), "JSON-LD Report")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanctions on Kazakhstan\n\nWASHINGTON – The Treasury said.",
            {"title": "Sanctions on Kazakhstan", "place": "Washington"},
        ),
        ("ALMATY, Jan 5 (Reuters) - Police said.", {"place": "Almaty", "publisher": "Reuters"}),
        ("Dec 10 (Reuters) - The court said.", {"publisher": "Reuters"}),  # no year: no date
        (
            "MOSCOW, 10 December 2024 — The court.",
            {"place": "Moscow", "published_at": "2024-12-10"},
        ),
        ("# Report title\n\nText.", {"title": "Report title"}),
        ("The man behind it said so.\n\nMore.", {}),  # a sentence is not a heading
        ("A long opening line that goes on, and on.\nNo blank line after it.", {}),
    ],
)
def test_plain_text_heading_and_dateline(text: str, expected: dict[str, str]) -> None:
    assert {key: value for key, (value, _) in text_meta(text).values.items()} == expected


def test_sidecar_wins_even_with_null(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.html.meta.json").write_text(
        json.dumps({"title": "Sidecar title", "publisher": None}), encoding="utf-8"
    )
    meta = ingest(tmp_path / "page.html").meta
    assert (meta.title, meta.publisher) == ("Sidecar title", None)
    assert meta.origin("title") == "sidecar" and meta.origin("publisher") == "sidecar"
    assert meta.published_at == "2022-01-20"  # not in the sidecar: from the page


def test_changed_file_with_a_recorded_hash_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Edited text.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"sha256": "0" * 64}), encoding="utf-8")
    assert refused(tmp_path / "a.txt").startswith(
        "a.txt: the file changed since it was added: its sha256 is "
    )
