"""The ingest stage: real seeds with pinned hashes and metadata, and hostile input."""

from __future__ import annotations

import io
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.ingest import SUPPORTED_SUFFIXES, find_furniture, ingest_dir, ingest_file
from dossier.ingest.decode import is_blank
from dossier.model import IngestError, SourceDocument, SourceMeta

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LIMIT = 10 * 1024 * 1024

# file -> (SHA-1 of the bytes, metadata, furniture lines in order)
EXPECTED: dict[str, tuple[str, SourceMeta, tuple[str, ...]]] = {
    "000_ae5bf13b7d37ae8e.txt": (
        "1caa2f1b7876fbf7a683f9088d38ede479e54bdf",
        SourceMeta(language="en", kind="article"),
        (
            "Skip to main content",
            "For subscribers: Get exclusive political news and analysis by signing up for "
            "the Politics Briefing.",
        ),
    ),
    "001_00dd82caa1b878dc.txt": (
        "d7fcee45038bb29bb0a2e45bd471756a63e9a011",
        SourceMeta(authors=("ActivistsNotExtremists",), language="en", kind="report"),
        (),
    ),
    "002_20b2ab74bc0c4165.txt": (
        "1852f8189fd298b9769a2c7a9061dea07458b85c",
        SourceMeta(
            title="Targeted anti-corruption sanctions in relation to Kazakhstan",
            authors=(
                "Adam Hug",
                "Leila Seiitbek",
                "John Heathershaw",
                "Thomas Mayne",
                "James Nixey",
                "Eva van der Merwe",
                "Susan Hawley",
                "Anneke Van Woudenberg",
                "Duncan Hames",
                "Oliver Windridge",
                "Rupert Skilbeck",
            ),
            published_at="2022-02-03",
            language="en",
            kind="letter",
        ),
        ("Skip to content Skip to sidebar Skip to footer",),
    ),
    "003_cdec0f7c57f8d953.txt": (
        "75d87d6185f61b5691b1c37321d06d28e10c9869",
        SourceMeta(
            title="How Will Sanctions Impact Kazakhstan’s Foreign Policy?",
            authors=("Wilder Alejandro Sánchez",),
            language="en",
            kind="analysis",
        ),
        (),
    ),
    "004_b7dcf184cc906243.txt": (
        "3f8b1c5e89ffd582fa5123bf3f4032016287c7dc",
        SourceMeta(
            title="Retreating Rights – Kazakhstan: Introduction",
            publisher="The Foreign Policy Centre",
            authors=("Adam Hug",),
            published_at="2021",
            language="en",
            kind="report",
        ),
        ("Scroll Top", "Related Posts"),
    ),
}


def ingest_ok(path: Path, root: Path, max_bytes: int = LIMIT) -> SourceDocument:
    result = ingest_file(path, root, max_bytes)
    assert isinstance(result, SourceDocument), result
    return result


def ingest_fails(path: Path, root: Path, max_bytes: int = LIMIT) -> str:
    result = ingest_file(path, root, max_bytes)
    assert isinstance(result, IngestError), result
    assert "\n" not in result.message
    return result.message


def furniture_lines(doc: SourceDocument) -> tuple[str, ...]:
    return tuple(doc.text[span.start : span.end] for span in doc.furniture)


# --- the seeds -----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_ingests_with_pinned_hash_metadata_and_furniture(name: str) -> None:
    content_hash, meta, furniture = EXPECTED[name]
    doc = ingest_ok(SEEDS / name, SEEDS)
    assert doc.file_name == name
    assert doc.content_hash == content_hash
    assert doc.text == (SEEDS / name).read_bytes().decode("utf-8")  # byte-faithful
    # every key the sidecar gives (even as null) wins over what the text says
    assert doc.meta == replace(meta, origins=tuple((key, "sidecar") for key in SIDECAR_KEYS))
    assert furniture_lines(doc) == furniture
    assert doc.pages == () and doc.ocr == () and doc.mime_type == "text/plain"


SIDECAR_KEYS = ("title", "authors", "publisher", "published_at", "url", "language", "kind")


def test_seed_sidecars_explain_every_value() -> None:
    for name in EXPECTED:
        data = json.loads((SEEDS / f"{name}.meta.json").read_text(encoding="utf-8"))
        assert set(data["notes"]) == {
            "title",
            "publisher",
            "authors",
            "published_at",
            "url",
            "language",
            "kind",
        }
        assert data["url"] is None  # no URL is stated in any seed


def test_ingest_dir_on_seeds() -> None:
    documents, errors = ingest_dir(SEEDS, LIMIT)
    assert errors == []
    assert [doc.file_name for doc in documents] == sorted(EXPECTED)


def test_000_article_text_is_not_furniture() -> None:
    doc = ingest_ok(SEEDS / "000_ae5bf13b7d37ae8e.txt", SEEDS)
    first = "The man behind the global Magnitsky sanctions campaign is calling on Canada"
    caption = "A view shows windows of a building"
    for needle in (first, caption, "PAVEL MIKHEYEV/Reuters", "With reports from Reuters"):
        start = doc.text.index(needle)
        end = start + len(needle)
        assert all(span.end <= start or span.start >= end for span in doc.furniture), needle
    blanked = doc.analysis_text()
    assert len(blanked) == len(doc.text)
    assert not blanked.startswith("Skip")
    assert blanked.startswith(" " * len("Skip to main content") + "\n")
    assert "Politics Briefing" not in blanked
    assert first in blanked


def test_003_image_credit_is_kept_for_extraction() -> None:
    # Credits name real people and agencies; the annotation counts them as mentions.
    doc = ingest_ok(SEEDS / "003_cdec0f7c57f8d953.txt", SEEDS)
    assert doc.text.endswith("Image: Reuters.")
    assert doc.analysis_text().endswith("Image: Reuters.")


# --- furniture patterns --------------------------------------------------------------

FURNITURE = [
    "Skip to navigation",
    "Skip to main content | Skip to search",
    "Back to top",
    "Scroll to top",
    "Related Articles",
    "Recommended stories:",
    "You may also like",
    "Read more",
    "Share this article",
    "Leave a comment",
    "Advertisement",
    "Subscribe to our newsletter for the latest news in your inbox.",
    "Sign up for the Morning Update newsletter.",
    "Subscribe now",
    "We use cookies to give you the best experience. By continuing you accept them.",
    "This website uses cookies.",
    "Accept all cookies",
    "Reject all",
    "Cookie settings",
    "© 2022 Example Media Ltd. All rights reserved.",
    "Copyright 2021 Example Media, all rights reserved",
]

NOT_FURNITURE = [
    "Image: Reuters.",
    "Image by Jussi Toivanen under (CC).",
    "A view shows windows of a building on Jan. 12.PAVEL MIKHEYEV/Reuters",
    "Related posts on social media were deleted by the authorities within hours.",
    "Subscribers to the opposition newsletter were questioned by the police.",
    "Share prices of Halyk Bank fell after the sanctions were announced.",
    "Skip to the end: the court convicted all seven defendants.",
    "Top officials were sanctioned.",
    "(c) 2015 amendments restricted the right of assembly;",
    "Copyright law was amended in 2015.",
    "Accept the verdict, the prosecutor told him.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_found(line: str) -> None:
    text = f"Real sentence about Kazakhstan.\n  {line}  \r\nAnother real sentence."
    spans = find_furniture(text)
    assert [text[s.start : s.end] for s in spans] == [line]


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_real_sentences_are_not_furniture(line: str) -> None:
    assert find_furniture(f"Intro.\n{line}\nOutro.") == ()


def test_furniture_needs_the_whole_line() -> None:
    assert find_furniture("Menu\nPress the Menu button") != ()
    assert find_furniture("Skip to main content and read the rest") == ()
    assert find_furniture("Related Posts " * 40) == ()  # too long to be furniture


# --- the hostile folder --------------------------------------------------------------

MAX = 8192
RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев заявил, что протестующие получили деньги. "
    "Правозащитники требуют независимого расследования событий января.\n"
)
PAGE = """<!DOCTYPE html>
<html><head><title>Report &amp; Analysis — Kazakhstan</title>
<link rel="attachment" href="file:///etc/passwd">
<link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/">
<style>@import url("file:///etc/passwd"); body { color: red }</style>
<script>document.write("INJECTED"); fetch("http://169.254.169.254/latest/meta-data/iam")</script>
</head>
<body>
<a href="#main">Skip to main content</a>
<noscript>Enable JavaScript NOSCRIPT</noscript>
<h1>Sanctions   call</h1>
<p>President Kassym-Jomart&nbsp;Tokayev &amp; his <b>predecessor</b>
   Nursultan Nazarbayev &#8212; named.</p>
<img src="http://169.254.169.254/latest/meta-data/" alt="ALT TEXT">
<div hidden>HIDDEN DIV</div><div style="display: none">NONE DIV</div>
<p>Zero\u200bwidth Tok\u200dayev and \u202eveyabrazaN\u202c here.</p>
<ul><li>One</li><li>Two<br>lines</li></ul>
<template>TEMPLATE</template>
<table><tr><td>a</td><td>b</td></tr></table>
<script type="text/template"><p>FAKE</p></script>
</body></html>"""
PAGE_TEXT = (
    "Skip to main content\n\nSanctions call\n\n"
    "President Kassym-Jomart\xa0Tokayev & his predecessor Nursultan Nazarbayev — named.\n\n"
    "Zero\u200bwidth Tok\u200dayev and \u202eveyabrazaN\u202c here.\n\n"
    "One\nTwo\nlines\n\na b"
)
NAMES_TEXT = (
    "Kassym\u200b-Jomart Tok\u2060ayev met \u202eveyabrazaN\u202c and \u2066Kulibayev\u2069.\n"
)
ODD_NAMES = ("$(touch x).txt", "a;b.txt", "%2F..%2Fetc%2Fpasswd.txt")
SUPPORTED = ", ".join(SUPPORTED_SUFFIXES)


def pdf_with_text() -> bytes:
    import weasyprint  # slow to import; only this fixture needs it

    html = (
        "<html><body><h1>Report on Kazakhstan</h1>"
        "<p>Kassym-Jomart Tokayev authorised the use of force.</p></body></html>"
    )
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data


def pdf_without_text() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def build_hostile(root: Path) -> None:
    """The hostile fixture folder (see STYLE.md, item 7)."""
    root.mkdir(parents=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.md": " \n\t\r\n\u200b\ufeff\n".encode(),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        "invalid-utf8.txt": "Tokayev said “no” — again.\n".encode() + b"caf\xc3\x28 \xff end\n",
        "utf16-bom.txt": "Токаев — “quoted”\r\nline two\n".encode("utf-16"),  # adds a BOM
        "utf8-bom.md": "\ufeff# Title\n\nBody “text”.\n".encode(),
        "russian-cp1251.txt": RUSSIAN.encode("cp1251"),
        "latin1-ambiguous.txt": "caf\xe9 na\xefve r\xe9sum\xe9".encode("latin-1"),
        "big.txt": b"Kazakhstan. " * 900,
        "page.html": PAGE.encode(),
        "names.txt": NAMES_TEXT.encode(),
        "report.pdf": pdf_with_text(),
        "scan.pdf": pdf_without_text(),
        "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n",
        "notes.xyz": b"plain words",
        "README": b"no extension",
        ".hidden.txt": b"never read",
        "orphan.txt.meta.json": b"{}",
        "bad-sidecar.txt": b"Some text.",
        "bad-sidecar.txt.meta.json": b'{"title": "T", "autors": ["X"]}',
        "sub/nested.md": b"Nested *markdown* file.",
        ".git/config": b"[core]",
    }
    for name in ODD_NAMES:
        files[name] = f"File {name} is ordinary text.".encode()
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.symlink("/etc/passwd", root / "passwd-link.txt")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    build_hostile(root)
    return root


def test_ingest_dir_on_hostile_folder(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(hostile.parent)
    documents, errors = ingest_dir(hostile, MAX)
    by_name = {doc.file_name: doc for doc in documents}
    assert list(by_name) == sorted(
        [
            "$(touch x).txt",
            "%2F..%2Fetc%2Fpasswd.txt",
            "a;b.txt",
            "names.txt",
            "page.html",
            "report.pdf",
            "russian-cp1251.txt",
            "sub/nested.md",
            "utf16-bom.txt",
            "utf8-bom.md",
        ]
    )
    assert {error.file_name: error.message for error in errors} == {
        "README": f"README: unsupported file without an extension; supported: {SUPPORTED}",
        "bad-sidecar.txt": (
            "bad-sidecar.txt: sidecar bad-sidecar.txt.meta.json: unknown key 'autors'; allowed: "
            "title, publisher, published_at, url, language, kind, authors, notes"
        ),
        "big.txt": (
            "big.txt: file is 10800 bytes, above the 8192-byte limit; "
            "raise DOSSIER_MAX_TEXT_BYTES to ingest it"
        ),
        "binary.txt": (
            "binary.txt: binary file: contains NUL bytes (or is UTF-16/UTF-32 without a "
            "byte-order mark); save the file as UTF-8 if it is text"
        ),
        "blank.md": "blank.md: empty file: no visible text",
        "broken.pdf": errors_message(errors, "broken.pdf"),
        "empty.txt": "empty.txt: empty file (0 bytes)",
        "invalid-utf8.txt": (
            "invalid-utf8.txt: invalid UTF-8 at byte 36: the file is mostly UTF-8 but damaged; "
            "repair it or export it again as UTF-8"
        ),
        "latin1-ambiguous.txt": errors_message(errors, "latin1-ambiguous.txt"),
        "notes.xyz": f"notes.xyz: unsupported file type .xyz; supported: {SUPPORTED}",
        "orphan.txt.meta.json": (
            "orphan.txt.meta.json: sidecar without a document: orphan.txt is missing"
        ),
        "passwd-link.txt": (
            "passwd-link.txt: symbolic link pointing outside the seeds folder; "
            "copy the file in instead"
        ),
        "scan.pdf": (
            "scan.pdf: no text in 1 page(s), not even by OCR (blank or unreadable scan?)"
        ),
    }
    assert errors_message(errors, "broken.pdf").startswith("broken.pdf: unreadable PDF (")
    assert errors_message(errors, "latin1-ambiguous.txt").startswith(
        "latin1-ambiguous.txt: not UTF-8, and the encoding cannot be identified reliably"
    )
    # nothing was executed or resolved through the odd names
    assert not (hostile.parent / "x").exists()
    assert not (hostile / "x").exists()
    for name in ODD_NAMES:
        assert by_name[name].text == f"File {name} is ordinary text."
    # the error messages are one line each
    assert all("\n" not in error.message for error in errors)


def errors_message(errors: list[IngestError], file_name: str) -> str:
    return next(error.message for error in errors if error.file_name == file_name)


def test_decoding(hostile: Path) -> None:
    assert ingest_ok(hostile / "utf16-bom.txt", hostile).text == "Токаев — “quoted”\r\nline two\n"
    assert ingest_ok(hostile / "utf8-bom.md", hostile).text == "# Title\n\nBody “text”.\n"
    russian = ingest_ok(hostile / "russian-cp1251.txt", hostile)
    assert russian.text == RUSSIAN
    assert russian.content_hash == "647cd77886558328619c883be577aa1b56f26461"


def test_zero_width_and_bidi_characters_are_kept(hostile: Path) -> None:
    doc = ingest_ok(hostile / "names.txt", hostile)
    assert doc.text == NAMES_TEXT  # offsets must hold; cleaning is for name matching later


def test_html_visible_text_only(hostile: Path) -> None:
    doc = ingest_ok(hostile / "page.html", hostile)
    assert doc.text == PAGE_TEXT
    assert doc.meta == SourceMeta(
        title="Report & Analysis — Kazakhstan", origins=(("title", "<title>"),)
    )
    assert furniture_lines(doc) == ("Skip to main content",)
    for hidden in ("INJECTED", "document.write", "NOSCRIPT", "TEMPLATE", "FAKE", "ALT TEXT"):
        assert hidden not in doc.text
    for hidden in ("HIDDEN DIV", "NONE DIV", "@import", "169.254", "/etc/passwd", "color: red"):
        assert hidden not in doc.text
    passwd = Path("/etc/passwd")
    if passwd.exists():
        first_line = passwd.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        assert first_line not in doc.text


def test_html_sidecar_title_wins(hostile: Path) -> None:
    (hostile / "page.html.meta.json").write_text('{"title": "From the sidecar"}')
    doc = ingest_ok(hostile / "page.html", hostile)
    assert doc.meta.title == "From the sidecar"


def test_pdf_text_layer(hostile: Path) -> None:
    doc = ingest_ok(hostile / "report.pdf", hostile)
    assert doc.text == "Report on Kazakhstan\nKassym-Jomart Tokayev authorised the use of force."
    assert doc.meta == SourceMeta()


def test_odd_file_names_are_plain_names(hostile: Path) -> None:
    for name in ODD_NAMES:
        assert ingest_ok(hostile / name, hostile).file_name == name


def test_nested_file_name_is_posix_relative(hostile: Path) -> None:
    assert ingest_ok(hostile / "sub" / "nested.md", hostile).file_name == "sub/nested.md"


def test_special_files_and_outside_paths(hostile: Path, tmp_path: Path) -> None:
    os.mkfifo(hostile / "pipe.txt")
    assert ingest_fails(hostile / "pipe.txt", hostile) == "pipe.txt: not a regular file"
    outside = tmp_path / "outside.txt"
    outside.write_text("outside")
    message = ingest_fails(outside, hostile)
    assert message.endswith(f": not inside the seeds folder {hostile.as_posix()}")
    (hostile / "missing.txt.meta.json").unlink(missing_ok=True)
    message = ingest_fails(hostile / "missing.txt", hostile)
    assert message.startswith("missing.txt: cannot read file: ")


def test_inside_symlink_is_followed(hostile: Path) -> None:
    os.symlink("sub/nested.md", hostile / "alias.md")
    doc = ingest_ok(hostile / "alias.md", hostile)
    assert doc.file_name == "alias.md"
    assert doc.text == "Nested *markdown* file."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbfab\xff", "invalid UTF-8 at byte 5 after a UTF-8 byte-order mark"),
        (b"\xff\xfea\x00\x00\xd8", "invalid UTF-16 at byte 4 after a UTF-16 byte-order mark"),
    ],
)
def test_damage_after_a_byte_order_mark(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "bom.txt").write_bytes(data)
    assert ingest_fails(tmp_path / "bom.txt", tmp_path) == (
        f"bom.txt: {message}; repair the file or save the file as UTF-8"
    )


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    (tmp_path / "ctl.txt").write_bytes(b"Some text " + b"\x01\x02\x03\x04" * 10)
    assert ingest_fails(tmp_path / "ctl.txt", tmp_path) == (
        "ctl.txt: binary file: 40 of 50 characters are control characters; "
        "save the file as UTF-8 if it is text"
    )


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    with open(os.fsencode(tmp_path) + b"/bad\xff\xe2\x80\xae.txt", "wb") as handle:
        handle.write(b"Some text.")
    documents, errors = ingest_dir(tmp_path, LIMIT)
    assert documents == []
    shown = "bad\\udcff\\u202e.txt"  # escaped, so a log line cannot be spoofed
    assert errors == [IngestError(shown, f"{shown}: file name is not valid UTF-8; rename the file")]


def test_symlinked_folder_is_reported_not_followed(hostile: Path) -> None:
    os.symlink("/etc", hostile / "etc")
    _, errors = ingest_dir(hostile, MAX)
    assert errors_message(errors, "etc") == (
        "etc: symbolic link to a folder is not followed; copy the files in instead"
    )


def test_missing_seeds_folder(tmp_path: Path) -> None:
    documents, errors = ingest_dir(tmp_path / "nope", LIMIT)
    assert documents == []
    assert [error.message for error in errors] == [
        f".: seeds folder {(tmp_path / 'nope').as_posix()} does not exist"
    ]


# --- sidecars ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("{", "is not valid JSON: Expecting property name enclosed in double quotes"),
        ("[]", "must hold a JSON object"),
        ('{"title": "a", "title": "b"}', "key 'title' appears twice"),
        ('{"authors": "Adam Hug"}', "key 'authors' must be a list of strings"),
        ('{"title": 3}', "key 'title' must be a string or null, got a number"),
        ('{"title": ""}', "key 'title' is empty; use null for unknown"),
        ('{"published_at": "3rd February 2022"}', "key 'published_at' must be ISO 8601"),
        ('{"published_at": "2022-02-30"}', "key 'published_at' must be ISO 8601"),
        ('{"url": "javascript:alert(1)"}', "key 'url' must be an http(s) URL"),
        ('{"url": "file:///etc/passwd"}', "key 'url' must be an http(s) URL"),
        ('{"language": "English"}', "key 'language' must be a two-letter ISO 639-1 code"),
        ('{"kind": "blog"}', "key 'kind' must be one of article, report, letter, analysis"),
        ('{"notes": {"titel": "x"}}', "notes has unknown key 'titel'"),
        ('{"published_at": NaN}', "NaN is not allowed"),
    ],
)
def test_sidecar_is_strict(tmp_path: Path, sidecar: str, message: str) -> None:
    (tmp_path / "doc.txt").write_text("Some text.")
    (tmp_path / "doc.txt.meta.json").write_text(sidecar)
    result = ingest_fails(tmp_path / "doc.txt", tmp_path)
    assert result.startswith("doc.txt: sidecar doc.txt.meta.json")
    assert message in result


def test_sidecar_full(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Some text.")
    sidecar = {
        "title": "T",
        "publisher": "P",
        "authors": ["A", "B"],
        "published_at": "2022-02",
        "url": "https://example.org/a?b=c",
        "language": "en",
        "kind": "report",
        "notes": {"title": "from the heading"},
    }
    (tmp_path / "doc.txt.meta.json").write_text(json.dumps(sidecar))
    assert ingest_ok(tmp_path / "doc.txt", tmp_path).meta == SourceMeta(
        title="T",
        publisher="P",
        authors=("A", "B"),
        published_at="2022-02",
        url="https://example.org/a?b=c",
        language="en",
        kind="report",
        origins=tuple((key, "sidecar") for key in SIDECAR_KEYS),
    )


# --- property --------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from("\n\r\t"),
    ),
    max_size=300,
).filter(lambda s: not is_blank(s) and not s.startswith("\ufeff"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_utf8_txt_round_trips_exactly(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "doc.txt").write_bytes(text.encode("utf-8"))
        doc = ingest_ok(root / "doc.txt", root)
        assert doc.text == text
        for span in doc.furniture:
            assert 0 <= span.start < span.end <= len(text)


# --- issue 8: the hostile folder through a whole build ----------------------------------

BUILD_SEEDS = ("002_20b2ab74bc0c4165.txt", "003_cdec0f7c57f8d953.txt")


def test_whole_build_over_the_hostile_folder(tmp_path: Path) -> None:
    """Every hostile file gives a per-file message or a safe result; the build completes.

    A 30 MB text is refused under the default 10 MB limit, with how to raise it; no
    traceback; no PDF holds an embedded file or anything from the local file system or
    the hostile HTML's scripts and URLs; undecodable text is never quoted as evidence.
    """
    import shutil
    import subprocess

    from click.testing import CliRunner

    from dossier.cli import main
    from tests.conftest import SEEDS

    seeds = tmp_path / "seeds"
    build_hostile(seeds)
    for name in BUILD_SEEDS:
        shutil.copy(SEEDS / name, seeds)
        shutil.copy(SEEDS / f"{name}.meta.json", seeds)
    with (seeds / "huge-30mb.txt").open("wb") as handle:
        line = b"Kassym-Jomart Tokayev visited the region again this week.\n"
        handle.write(line * (30 * 1024 * 1024 // len(line) + 1))
    env = {
        "DOSSIER_SEEDS_DIR": str(seeds),
        "DOSSIER_ENTITIES_DIR": str(tmp_path / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(tmp_path / "dossiers"),
        "DOSSIER_CACHE_DIR": str(tmp_path / "cache"),
        "DOSSIER_MAX_TEXT_BYTES": "",  # the default limit
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    result = CliRunner().invoke(main, ["build"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "Refused huge-30mb.txt: " in result.output
    huge = next(line for line in result.output.splitlines() if "huge-30mb.txt" in line)
    assert "above the 10485760-byte limit" in huge and "DOSSIER_MAX_TEXT_BYTES" in huge
    for refused in ("empty.txt", "binary.txt", "scan.pdf", "passwd-link.txt"):
        assert f"Refused {refused}: " in result.output, refused
    entities = [
        json.loads(line)
        for line in (tmp_path / "entities" / "entities.ftm.json").read_text("utf-8").splitlines()
    ]
    files = {
        e["properties"]["fileName"][0] for e in entities if e["schema"] in ("Document", "Article")
    }
    assert set(BUILD_SEEDS) <= files
    assert "huge-30mb.txt" not in files and "invalid-utf8.txt" not in files
    for item in (e for e in entities if e["schema"] == "Documentation"):
        assert "\ufffd" not in item["properties"]["summary"][0]  # never quote undecoded text
    pdfs = sorted((tmp_path / "dossiers").glob("*.pdf"))
    assert len(pdfs) > 0
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    for pdf in pdfs:
        reader = pypdf.PdfReader(pdf)
        assert reader.attachments == {}, pdf.name
        assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for leaked in (passwd, "169.254", "INJECTED", "HIDDEN DIV", "[core]"):
            assert leaked not in text, (pdf.name, leaked)
