"""A WeasyPrint URL fetcher that serves only bundled assets under templates/.

WeasyPrint fetches ``file://`` and ``http://`` URLs found in the HTML by default,
even when the HTML comes from a string; a ``<link rel="attachment">`` pointing at
``file:///etc/passwd`` would embed that file in the PDF. This fetcher refuses
every URL except ``file://`` URLs that resolve (after following symlinks) to a
regular file inside the templates folder with an allowed extension.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSET_TYPES: dict[str, str] = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


class AssetRefusedError(ValueError):
    """A URL that is not a bundled asset."""


class BundledAssetFetcher(URLFetcher):  # type: ignore[misc]
    """Serve files under ``root`` and nothing else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=False)
        self.root = root.resolve()

    def resolve(self, url: str) -> Path:
        """The bundled file ``url`` names, or AssetRefusedError."""
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise AssetRefusedError(f"not a URL: {url!r}") from exc
        if parts.scheme != "file":
            scheme = parts.scheme or "no"
            raise AssetRefusedError(f"only bundled files are served, not {scheme}: URLs")
        if parts.netloc not in ("", "localhost") or parts.query != "" or parts.fragment != "":
            raise AssetRefusedError(f"refused URL {url!r}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root):
            raise AssetRefusedError(f"{path} is outside the bundled assets folder")
        if path.suffix.lower() not in ASSET_TYPES or not path.is_file():
            raise AssetRefusedError(f"{path} is not a bundled asset")
        return path

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self.resolve(url)
        return URLFetcherResponse(
            path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": ASSET_TYPES[path.suffix.lower()]},
        )

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> Any:
        # Never fall back to urllib's opener (OpenerDirector.open).
        return self.fetch(url if isinstance(url, str) else str(getattr(url, "full_url", "")))
