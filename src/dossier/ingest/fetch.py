"""Fetch one web source for ``dossier add URL``, defensively.

Only http(s); redirects are followed by hand, at most ``max_redirects`` times,
never to another scheme (``file://``, ``ftp://``) and never round in a loop.
The body is read in chunks and refused as soon as it passes ``max_bytes``; the
whole fetch must finish within ``timeout`` seconds. The response must declare
a content type the ingest stage reads, and its first bytes must agree with it
(a "PDF" that is HTML is refused). No cookies, no compression, no proxy; the
bytes are kept exactly as sent. This module is used by ``dossier add`` only:
nothing is ever fetched while building or rendering.
"""

from __future__ import annotations

import http.client
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from dossier import __version__

USER_AGENT = f"dossier/{__version__} (sanctions dossier builder; one request per source)"
CHUNK = 64 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Content types the ingest stage reads, and the file suffix each is saved with.
CONTENT_TYPES: dict[str, str] = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tiff",
}
_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
_BINARY = tuple(magic for magics in _MAGIC.values() for magic in magics)


class FetchError(Exception):
    """The URL cannot be added. ``message`` is one actionable line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    timeout: float
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    requested_url: str
    url: str  # after redirects
    content_type: str  # one of CONTENT_TYPES
    data: bytes
    retrieved_at: str  # ISO 8601, UTC, seconds

    @property
    def suffix(self) -> str:
        return CONTENT_TYPES[self.content_type]


def check_web_url(url: str) -> tuple[str, str, int | None, str]:
    """(scheme, host, port, path with query) of an absolute http(s) URL, else FetchError."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL ({exc})") from exc
    if parts.scheme not in ("http", "https"):
        scheme = parts.scheme or "none"
        raise FetchError(f"only http and https URLs can be fetched, not {scheme}:")
    if host is None or host == "":
        raise FetchError("the URL has no host")
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        raise FetchError("the URL contains spaces or control characters")
    path = parts.path or "/"
    if parts.query != "":
        path += f"?{parts.query}"
    return parts.scheme, host, port, path


def fetch(url: str, limits: FetchLimits) -> Fetched:
    """GET ``url`` within ``limits``; a ``FetchError`` says why not."""
    deadline = time.monotonic() + limits.timeout
    seen: list[str] = []
    current = url
    while True:
        seen.append(current)
        status, reason, headers, response, connection = _request(current, limits, deadline)
        try:
            if status in REDIRECTS:
                location = headers.get("location")
                if location is None or location.strip() == "":
                    raise FetchError(f"HTTP {status} redirect without a Location header")
                target = urljoin(current, location.strip())
                scheme = urlsplit(target).scheme
                if scheme not in ("http", "https"):
                    raise FetchError(
                        f"redirect to a {scheme or 'relative'}: URL refused; only http(s) "
                        "is followed"
                    )
                if urlsplit(current).scheme == "https" and scheme == "http":
                    raise FetchError("redirect from https to plain http refused")
                if target in seen:
                    raise FetchError(f"redirect loop: {target} was already visited")
                if len(seen) > limits.max_redirects:
                    raise FetchError(f"more than {limits.max_redirects} redirects; gave up")
                current = target
                continue
            if status != 200:
                raise FetchError(f"the server answered HTTP {status} {reason}".rstrip())
            content_type = _content_type(headers)
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise FetchError(f"the server sent a {encoding}-compressed body, not asked for")
            declared = headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > limits.max_bytes:
                raise FetchError(_too_big(int(declared), limits.max_bytes))
            data = _read_body(response, limits, deadline)
            _check_body(data, content_type)
            return Fetched(
                requested_url=url,
                url=current,
                content_type=content_type,
                data=data,
                retrieved_at=datetime.now(UTC)
                .replace(microsecond=0)
                .isoformat()
                .replace("+00:00", "Z"),
            )
        finally:
            connection.close()


def _request(
    url: str, limits: FetchLimits, deadline: float
) -> tuple[int, str, dict[str, str], http.client.HTTPResponse, http.client.HTTPConnection]:
    scheme, host, port, path = check_web_url(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"took longer than {limits.timeout:g} s; gave up")
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = http.client.HTTPSConnection(
            host, port, timeout=remaining, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=remaining)
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ", ".join(CONTENT_TYPES),
                "Accept-Encoding": "identity",
            },
        )
        response = connection.getresponse()
    except TimeoutError as exc:
        connection.close()
        raise FetchError(f"took longer than {limits.timeout:g} s; gave up") from exc
    except ssl.SSLError as exc:
        connection.close()
        raise FetchError(f"TLS failed ({exc.reason or exc})") from exc
    except (OSError, http.client.HTTPException) as exc:
        connection.close()
        raise FetchError(f"cannot fetch {host}: {_reason(exc)}") from exc
    headers = {name.lower(): value for name, value in response.getheaders()}
    return response.status, response.reason, headers, response, connection


def _content_type(headers: dict[str, str]) -> str:
    raw = headers.get("content-type")
    if raw is None:
        raise FetchError("the server did not say what type the content is (no Content-Type)")
    mime = raw.split(";", 1)[0].strip().lower()
    if mime not in CONTENT_TYPES:
        raise FetchError(
            f"content type {mime} is not a source type dossier reads "
            "(HTML, plain text, PDF, Word, OpenDocument, PNG, JPEG, TIFF)"
        )
    return mime


def _read_body(response: http.client.HTTPResponse, limits: FetchLimits, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"took longer than {limits.timeout:g} s; gave up")
            chunk = response.read(CHUNK)
            if chunk == b"":
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchError(_too_big(size, limits.max_bytes, at_least=True))
            chunks.append(chunk)
    except TimeoutError as exc:
        raise FetchError(f"took longer than {limits.timeout:g} s; gave up") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"the download broke off ({_reason(exc)})") from exc
    data = b"".join(chunks)
    if len(data) == 0:
        raise FetchError("the server sent an empty body")
    return data


def _check_body(data: bytes, content_type: str) -> None:
    suffix = CONTENT_TYPES[content_type]
    magics = _MAGIC.get(suffix)
    if magics is not None:
        if not data.startswith(magics):
            raise FetchError(f"the server says {content_type}, but the body is not one")
    elif data.startswith(_BINARY) or b"\x00" in data[:4096]:
        raise FetchError(f"the server says {content_type}, but the body is binary")


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    amount = f"more than {limit}" if at_least else str(size)
    return f"the body is {amount} bytes, above the {limit}-byte limit (DOSSIER_FETCH_MAX_BYTES)"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror is not None:
        return exc.strerror
    return str(exc) or type(exc).__name__
