"""Text of page images by OCR: Tesseract, with PDF pages rasterised by pdftoppm.

Used for PDF pages without a text layer and for scans saved as images (.png,
.jpg, .tiff). Both tools run as subprocesses on a private temporary folder,
with a timeout and one thread (``OMP_THREAD_LIMIT=1``), so a bad page cannot
hang or flood the machine. Results are cached as plain JSON text under
``ocr`` in the build cache, keyed by the bytes, the page, the resolution, the
languages and the Tesseract version: OCR is slow, and its output is what gets
quoted, so it must not change between builds.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from dossier.cache import CacheStore, digest
from dossier.ingest.errors import UnusableSourceError
from dossier.settings import Settings

log = logging.getLogger(__name__)

CACHE_KIND = "ocr"
CACHE_FORMAT = "2"  # 2: pages reflowed into paragraphs
MAX_PIXELS = 60_000_000  # per page image; a 300 dpi A3 page is about 17 million
MAX_IMAGE_PAGES = 500
BLANK_LEVEL = 240  # a page whose darkest pixel is this light (0-255) is empty
_INSTALL = (
    "install Tesseract (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus, "
    "or run make)"
)

Tick = Callable[[], None]


@dataclass(frozen=True)
class OcrSettings:
    """How pages are read: Tesseract languages (``eng+rus``), resolution, timeout per page."""

    languages: str = "eng+rus"
    dpi: int = 300
    timeout: int = 180


class Ocr:
    """Reads page images; ``cache`` keeps the results between builds."""

    def __init__(
        self, settings: OcrSettings | None = None, cache: CacheStore | None = None
    ) -> None:
        self.settings = settings if settings is not None else OcrSettings()
        self.cache = cache
        self.pages_read = 0  # pages actually run through Tesseract (not from the cache)

    def pdf_pages(self, data: bytes, numbers: list[int], tick: Tick | None = None) -> list[str]:
        """The OCR text of the given 1-based pages of the PDF ``data``, in order."""
        sha = hashlib.sha256(data).hexdigest()
        texts: list[str] = []
        with tempfile.TemporaryDirectory(prefix="dossier-ocr-") as folder:
            pdf = Path(folder) / "in.pdf"
            written = False
            for number in numbers:
                key = self._key(sha, f"pdf-page-{number}")
                cached = self._cached(key)
                if cached is not None:
                    texts.extend(cached)
                else:
                    if not written:
                        pdf.write_bytes(data)
                        written = True
                    image = _rasterise(pdf, number, self.settings)
                    if _is_blank(image):
                        text = ""
                    else:
                        text = reflow(_tesseract(image, self.settings, f"page {number}"))
                        self.pages_read += 1
                    self._store(key, [text])
                    texts.append(text)
                if tick is not None:
                    tick()
        return texts

    def image_pages(self, data: bytes) -> list[str]:
        """The OCR text of each page (frame) of the image ``data``."""
        frames = _check_image(data)
        key = self._key(hashlib.sha256(data).hexdigest(), "image")
        cached = self._cached(key)
        if cached is not None:
            return cached
        with tempfile.TemporaryDirectory(prefix="dossier-ocr-") as folder:
            image = Path(folder) / "in.img"
            image.write_bytes(data)
            output = _tesseract(image, self.settings, "image", frames)
            texts = [reflow(page) for page in _split_pages(output)]
        self.pages_read += frames
        while len(texts) < frames:
            texts.append("")
        self._store(key, texts[:frames])
        return texts[:frames]

    def _key(self, sha: str, what: str) -> str:
        s = self.settings
        return digest(CACHE_FORMAT, sha, what, str(s.dpi), s.languages, tesseract_version())

    def _cached(self, key: str) -> list[str] | None:
        if self.cache is None:
            return None
        payload = self.cache.get(CACHE_KIND, key)
        if payload is None:
            return None
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        pages = data.get("pages") if isinstance(data, dict) else None
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            log.warning("OCR cache entry %s cannot be read; reading the page again", key)
            return None
        return pages

    def _store(self, key: str, pages: list[str]) -> None:
        if self.cache is not None:
            payload = json.dumps({"pages": pages}, ensure_ascii=False, sort_keys=True)
            self.cache.put(CACHE_KIND, key, payload.encode("utf-8"))


def ocr_engine(settings: Settings, fresh: bool = False) -> Ocr:
    """OCR as configured by ``DOSSIER_OCR_*``, its results kept in the build cache."""
    return Ocr(
        OcrSettings(settings.ocr_languages, settings.ocr_dpi),
        CacheStore(settings.cache_dir, read=not fresh),
    )


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """First line of ``tesseract --version``; part of every OCR cache key."""
    path = shutil.which("tesseract")
    if path is None:
        raise UnusableSourceError(
            f"this file needs OCR, and Tesseract is not installed; {_INSTALL}"
        )
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise UnusableSourceError(f"Tesseract does not run ({exc}); {_INSTALL}") from exc
    lines = (done.stdout or done.stderr).splitlines()
    return lines[0].strip() if len(lines) > 0 else "tesseract"


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL")}
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _rasterise(pdf: Path, number: int, settings: OcrSettings) -> Path:
    """Page ``number`` of ``pdf`` as a grey PNG next to it."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise UnusableSourceError(
            "this PDF needs OCR, and pdftoppm is not installed; install poppler-utils"
        )
    out = pdf.with_name(f"page-{number}")
    command = [
        tool, "-r", str(settings.dpi), "-gray", "-png", "-f", str(number), "-l", str(number),
        "-singlefile", str(pdf), str(out),
    ]  # fmt: skip
    _run(command, settings.timeout, f"rasterising page {number}")
    image = out.with_suffix(".png")
    if not image.exists():
        raise UnusableSourceError(f"page {number} could not be rasterised for OCR")
    return image


def _tesseract(image: Path, settings: OcrSettings, what: str, pages: int = 1) -> str:
    command = [
        shutil.which("tesseract") or "tesseract", str(image), "stdout",
        "-l", settings.languages, "--dpi", str(settings.dpi),
    ]  # fmt: skip
    tesseract_version()  # a clear message when it is missing
    return _run(command, settings.timeout * pages, f"OCR of {what}")


def _run(command: list[str], timeout: int, what: str) -> str:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=_environment(),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise UnusableSourceError(f"{what} took longer than {timeout} s; gave up") from exc
    except OSError as exc:
        raise UnusableSourceError(f"{what} failed to start: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = lines[-1][:200] if len(lines) > 0 else f"exit status {done.returncode}"
        raise UnusableSourceError(f"{what} failed ({detail})")
    return done.stdout.decode("utf-8", "replace")


def _is_blank(image: Path) -> bool:
    """True for a page with no dark pixel at all (an empty page): nothing to read."""
    with Image.open(image) as page:
        extrema = page.convert("L").getextrema()
    darkest = extrema[0]
    return isinstance(darkest, int | float) and darkest >= BLANK_LEVEL


def _split_pages(output: str) -> list[str]:
    """Tesseract ends every page with a form feed."""
    pages = output.split("\f")
    if len(pages) > 1 and pages[-1].strip() == "":
        pages.pop()
    return pages


_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_A-ZА-ЯЁ])")  # "Serik-\nbayev"
_HYPHEN_NAME = re.compile(r"(?<=[^\W\d_])-\n(?=[A-ZА-ЯЁ])")  # "Nur-\nSultan"


def reflow(text: str) -> str:
    """OCR text as paragraphs: the lines of a paragraph (Tesseract separates paragraphs
    by a blank line) joined by a space, a word hyphenated at a line end joined again.

    The text of a scan is our reading of the image, so it is laid out for reading and
    quoting: a passage is never cut at the end of a printed line.
    """
    paragraphs = re.split(r"\n[ \t]*\n+", text.strip())
    out = []
    for paragraph in paragraphs:
        joined = _HYPHEN_NAME.sub("-", _HYPHEN_BREAK.sub("", paragraph.strip()))
        out.append(" ".join(line.strip() for line in joined.splitlines() if line.strip() != ""))
    return "\n\n".join(p for p in out if p != "")


def _check_image(data: bytes) -> int:
    """The number of pages of a readable, not absurdly large image; else a clear error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                frames = int(getattr(image, "n_frames", 1))
                width, height = image.size
                fmt = image.format
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise UnusableSourceError(f"image too large to OCR ({exc})") from exc
        except Exception as exc:  # PIL raises many types on damaged files
            raise UnusableSourceError(
                f"unreadable image ({type(exc).__name__}); check that it opens in a viewer"
            ) from exc
    if fmt not in ("PNG", "JPEG", "TIFF"):
        raise UnusableSourceError(f"image format {fmt} is not supported; use PNG, JPEG or TIFF")
    if width * height > MAX_PIXELS:
        raise UnusableSourceError(
            f"image is {width}x{height} pixels, above the {MAX_PIXELS}-pixel limit for OCR"
        )
    if frames > MAX_IMAGE_PAGES:
        raise UnusableSourceError(f"image has {frames} pages, above the {MAX_IMAGE_PAGES} limit")
    return frames
