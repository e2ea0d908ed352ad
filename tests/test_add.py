"""``dossier add`` and ``dossier sources`` against a local HTTP server with hostile pages."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.bench import samples
from dossier.cli import main
from dossier.ingest.add import add_source
from dossier.ingest.fetch import FetchLimits

LIMITS = FetchLimits(max_bytes=64 * 1024, timeout=2.0, max_redirects=3)
ARTICLE = (
    b"<!doctype html><html lang='en'><head><title>Police chief accused | Courier</title>"
    b"<meta property='og:title' content='Police chief accused'>"
    b"<meta property='og:site_name' content='The Steppe Courier'>"
    b"<meta property='article:published_time' content='2022-01-20'>"
    b"</head><body><p>Relatives accused Colonel Daniyar Serikbayev.</p>"
    b"<a href='file:///etc/passwd'>local file</a><img src='file:///etc/hostname'>"
    b"</body></html>"
)
PDF = samples.paged_pdf(["A report page."], title="Monitor report")

# path -> (status, headers, body); a callable body is written by the handler itself
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE),
    "/moved": (302, {"Location": "/article"}, b""),
    "/loop-a": (302, {"Location": "/loop-b"}, b""),
    "/loop-b": (302, {"Location": "/loop-a"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/huge": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * (200 * 1024)),
    "/exe": (200, {"Content-Type": "application/x-msdownload"}, b"MZ\x90\x00"),
    "/fake-pdf": (200, {"Content-Type": "application/pdf"}, b"<html>not a pdf</html>"),
    "/report.pdf": (200, {"Content-Type": "application/pdf"}, PDF),
    "/missing": (404, {"Content-Type": "text/html"}, b"<p>no</p>"),
    "/slow": (200, {"Content-Type": "text/html"}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 - the test server's log of requests

    def do_GET(self) -> None:
        _Handler.requests.append(self.path)
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        if self.path == "/slow":
            time.sleep(3)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hanging up on a huge or slow body is the point of those pages


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_add_url_keeps_bytes_and_writes_the_sidecar(server: str, tmp_path: Path) -> None:
    _Handler.requests.clear()
    result = add_source(f"{server}/moved", tmp_path, 10_000_000, LIMITS)
    assert result.status == "added", result.message
    assert result.file_name == "127.0.0.1-article.html"
    saved = tmp_path / "127.0.0.1-article.html"
    assert saved.read_bytes() == ARTICLE  # the original bytes
    sidecar = json.loads((tmp_path / "127.0.0.1-article.html.meta.json").read_text("utf-8"))
    assert sidecar["url"] == f"{server}/article"  # where it was fetched, after the redirect
    assert sidecar["sha256"] == hashlib.sha256(ARTICLE).hexdigest()
    assert sidecar["retrieved_at"].endswith("Z") and len(sidecar["retrieved_at"]) == 20
    assert sidecar["title"] == "Police chief accused"
    assert sidecar["publisher"] == "The Steppe Courier"
    assert sidecar["published_at"] == "2022-01-20"
    assert sidecar["notes"]["title"] == "found in the file: <meta og:title>"
    assert sidecar["notes"]["url"].endswith(f"after redirects from {server}/moved")
    # nothing the page points at was fetched, file:// least of all
    assert _Handler.requests == ["/moved", "/article"]
    again = add_source(f"{server}/article", tmp_path, 10_000_000, LIMITS)
    assert (again.status, again.file_name) == ("unchanged", "127.0.0.1-article.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "127.0.0.1-article.html",
        "127.0.0.1-article.html.meta.json",
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop-a", "redirect loop: {server}/loop-a was already visited"),
        ("/to-file", "redirect to a file: URL refused; only http(s) is followed"),
        (
            "/huge",
            "the body is 204803 bytes, above the 65536-byte limit (DOSSIER_FETCH_MAX_BYTES)",
        ),
        (
            "/exe",
            "content type application/x-msdownload is not a source type dossier reads "
            "(HTML, plain text, PDF, Word, OpenDocument, PNG, JPEG, TIFF)",
        ),
        ("/fake-pdf", "the server says application/pdf, but the body is not one"),
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/slow", "took longer than 2 s; gave up"),
    ],
)
def test_hostile_urls_are_refused_with_a_message(
    server: str, tmp_path: Path, path: str, message: str
) -> None:
    result = add_source(f"{server}{path}", tmp_path, 10_000_000, LIMITS)
    assert result.status == "refused"
    assert result.message == f"{server}{path}: {message.format(server=server)}"
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_other_schemes_are_not_fetched(tmp_path: Path) -> None:
    result = add_source("file:///etc/passwd", tmp_path, 10_000_000, LIMITS)
    assert result.message == (
        "file:///etc/passwd: only http and https URLs can be fetched, not file:"
    )
    ftp = add_source("ftp://example.org/x.pdf", tmp_path, 10_000_000, LIMITS)
    assert ftp.status == "refused" and list(tmp_path.iterdir()) == []


def test_add_file_copies_and_refuses_unusable_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    source = tmp_path / "Partner draft (v2).docx"
    source.write_bytes(samples.docx_bytes("Partner briefing", [["Text."]], creator="Monitor"))
    added = add_source(str(source), seeds, 10_000_000, LIMITS)
    assert (added.status, added.file_name) == ("added", "Partner-draft-v2.docx")
    sidecar = json.loads((seeds / "Partner-draft-v2.docx.meta.json").read_text("utf-8"))
    assert sidecar["title"] == "Partner briefing" and sidecar["authors"] == ["Monitor"]
    assert "url" not in sidecar and "retrieved_at" not in sidecar
    assert add_source(str(source), seeds, 10_000_000, LIMITS).status == "unchanged"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert add_source(str(empty), seeds, 10_000_000, LIMITS).message == (
        f"{empty}: empty file (0 bytes)"
    )
    missing = add_source(str(tmp_path / "nope.pdf"), seeds, 10_000_000, LIMITS)
    assert missing.message == f"{tmp_path / 'nope.pdf'}: no such file"


def test_cli_add_and_sources(server: str, tmp_path: Path) -> None:
    env = {"DOSSIER_SEEDS_DIR": str(tmp_path / "seeds"), "DOSSIER_CACHE_DIR": str(tmp_path / "c")}
    runner = CliRunner()
    result = runner.invoke(
        main, ["add", f"{server}/report.pdf", f"{server}/exe", f"{server}/report.pdf"], env=env
    )
    assert result.exit_code == 1  # one refused; the others still done
    assert result.stdout.splitlines() == [
        f"{server}/report.pdf: added as 127.0.0.1-report.pdf",
        f"{server}/report.pdf: already in seeds as 127.0.0.1-report.pdf",
    ]
    assert f"Refused {server}/exe: content type application/x-msdownload" in result.stderr
    listing = runner.invoke(main, ["sources"], env=env)
    assert listing.exit_code == 0, listing.output
    lines = listing.stdout.splitlines()
    assert lines[0] == "127.0.0.1-report.pdf  (application/pdf, 1 page(s))"
    assert "  title         Monitor report  [sidecar]" in lines
    assert f"  url           {server}/report.pdf  [sidecar]" in lines
    assert "  missing:      publisher, published_at" in lines
    data = json.loads(runner.invoke(main, ["sources", "--json"], env=env).stdout)
    assert data["missing"] == ["publisher", "published_at"] and data["pages"] == 1
