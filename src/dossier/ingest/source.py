"""Read source files into ``SourceDocument`` records, or say clearly why not.

Bad input never raises: each unusable file becomes one ``IngestError`` with a
one-line, actionable message, and the rest of the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dossier.ingest.decode import decode_text, is_blank
from dossier.ingest.docx import read_docx
from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.furniture import find_furniture
from dossier.ingest.html import html_to_text
from dossier.ingest.htmlmeta import html_meta
from dossier.ingest.metadata import merge_meta
from dossier.ingest.ocr import Ocr
from dossier.ingest.odt import read_odt
from dossier.ingest.pdf import read_pdf
from dossier.ingest.reading import Reading, join_pages
from dossier.ingest.sidecar import SIDECAR_SUFFIX, read_sidecar_and_hash, sidecar_path
from dossier.ingest.textmeta import text_meta
from dossier.model import IngestError, SourceDocument, SourceMeta

log = logging.getLogger(__name__)

UNPACKED_FACTOR = 10  # a .docx/.odt may unpack to this many times the byte limit
IMAGE_TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


@dataclass(frozen=True)
class _Context:
    max_bytes: int
    ocr: Ocr


def _plain_text(data: bytes, context: _Context) -> Reading:
    return Reading(text=decode_text(data), mime_type="text/plain")


def _html_text(data: bytes, context: _Context) -> Reading:
    markup = decode_text(data)
    text, _title = html_to_text(markup)
    return Reading(text=text, found=html_meta(markup), mime_type="text/html")


def _pdf_text(data: bytes, context: _Context) -> Reading:
    return read_pdf(data, context.ocr)


def _docx_text(data: bytes, context: _Context) -> Reading:
    return read_docx(data, context.max_bytes * UNPACKED_FACTOR)


def _odt_text(data: bytes, context: _Context) -> Reading:
    return read_odt(data, context.max_bytes * UNPACKED_FACTOR)


def _image_text(data: bytes, context: _Context) -> Reading:
    pages = [page.strip() for page in context.ocr.image_pages(data)]
    reading = join_pages(pages, [True] * len(pages))
    if reading.text.strip() == "":
        raise UnusableSourceError(f"no text found by OCR in {len(pages)} page image(s)")
    return reading


# suffix -> reader of the file's bytes
_READERS: dict[str, Callable[[bytes, _Context], Reading]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".html": _html_text,
    ".htm": _html_text,
    ".pdf": _pdf_text,
    ".docx": _docx_text,
    ".odt": _odt_text,
    **dict.fromkeys(IMAGE_TYPES, _image_text),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def ingest_file(
    path: Path, seeds_root: Path, max_bytes: int, ocr: Ocr | None = None
) -> SourceDocument | IngestError:
    """Read one source file under ``seeds_root``; an ``IngestError`` if it cannot be used.

    ``ocr`` reads pages without a text layer (a default ``Ocr()``, uncached, if None).
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    root = Path(os.path.abspath(seeds_root))
    full = Path(os.path.abspath(path))
    try:
        file_name = PurePosixPath(*full.relative_to(root).parts).as_posix()
    except ValueError:
        file_name = full.as_posix()
        return _error(file_name, f"not inside the seeds folder {_shown(root.as_posix())}")
    try:
        file_name.encode("utf-8")
    except UnicodeEncodeError:
        return _error(file_name, "file name is not valid UTF-8; rename the file")
    try:
        context = _Context(max_bytes, ocr if ocr is not None else Ocr())
        return _ingest(full, root, file_name, context)
    except UnusableSourceError as problem:
        return _error(file_name, problem.message)


def ingest_dir(
    seeds_root: Path, max_bytes: int, ocr: Ocr | None = None
) -> tuple[list[SourceDocument], list[IngestError]]:
    """Ingest every source under ``seeds_root`` in POSIX path order.

    Skips hidden files and folders and sidecars; reports unsupported file types,
    sidecars without a document, links and special files as errors.
    """
    documents: list[SourceDocument] = []
    errors: list[IngestError] = []
    root = Path(os.path.abspath(seeds_root))
    if not root.is_dir():
        errors.append(_error(".", f"seeds folder {_shown(root.as_posix())} does not exist"))
        return documents, errors
    engine = ocr if ocr is not None else Ocr()
    for path in _walk(root, errors):
        result = ingest_file(path, root, max_bytes, engine)
        if isinstance(result, IngestError):
            errors.append(result)
        else:
            documents.append(result)
    return documents, errors


def _walk(root: Path, errors: list[IngestError]) -> list[Path]:
    """Source files under ``root`` sorted by relative POSIX path; problems go to ``errors``."""

    def on_error(exc: OSError) -> None:
        name = _relative(Path(exc.filename or root), root)
        errors.append(_error(name, f"cannot read folder: {exc.strerror}"))

    found: list[tuple[str, Path]] = []
    for folder, dir_names, file_names in os.walk(root, onerror=on_error):
        base = Path(folder)
        for name in list(dir_names):
            if name.startswith(".") or (base / name).is_symlink():
                dir_names.remove(name)
                if not name.startswith("."):
                    errors.append(
                        _error(
                            _relative(base / name, root),
                            "symbolic link to a folder is not followed; copy the files in instead",
                        )
                    )
        for name in file_names:
            if name.startswith("."):
                continue
            path = base / name
            if name.endswith(SIDECAR_SUFFIX):
                document = path.with_name(name[: -len(SIDECAR_SUFFIX)])
                if not os.path.lexists(document):
                    errors.append(
                        _error(
                            _relative(path, root),
                            f"sidecar without a document: {_shown(document.name)} is missing",
                        )
                    )
                continue
            found.append((_relative(path, root), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _ingest(full: Path, root: Path, file_name: str, context: _Context) -> SourceDocument:
    suffix = full.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        kind = f"file type {suffix}" if suffix != "" else "file without an extension"
        raise UnusableSourceError(f"unsupported {kind}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    data = _read(full, root, context.max_bytes)
    sidecar = sidecar_path(full)
    given: SourceMeta | None = None
    if os.path.lexists(sidecar):
        given, recorded = read_sidecar_and_hash(sidecar)
        actual = hashlib.sha256(data).hexdigest()
        if recorded is not None and recorded != actual:
            raise UnusableSourceError(
                f"the file changed since it was added: its sha256 is {actual}, the sidecar "
                f"records {recorded}; restore the file, or remove 'sha256' from the sidecar"
            )
    reading = reader(data, context)
    if is_blank(reading.text):
        raise UnusableSourceError("empty file: no visible text")
    furniture = find_furniture(reading.text)
    found = reading.found
    found.extend(text_meta(reading.text, furniture))
    return SourceDocument(
        file_name=file_name,
        text=reading.text,
        content_hash=hashlib.sha1(data).hexdigest(),
        meta=merge_meta(given, found),
        furniture=furniture,
        pages=reading.pages,
        ocr=reading.ocr,
        mime_type=reading.mime_type or IMAGE_TYPES.get(suffix),
    )


def _read(full: Path, root: Path, max_bytes: int) -> bytes:
    """The file's bytes: a regular file inside ``root``, at most ``max_bytes`` long."""
    try:
        if not full.resolve(strict=True).is_relative_to(root.resolve()):
            raise UnusableSourceError(
                "symbolic link pointing outside the seeds folder; copy the file in instead"
            )
        info = full.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnusableSourceError("not a regular file")
        if info.st_size > max_bytes:
            raise UnusableSourceError(_too_big(info.st_size, max_bytes))
        with full.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnusableSourceError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # grew while we looked
        raise UnusableSourceError(_too_big(len(data), max_bytes))
    if len(data) == 0:
        raise UnusableSourceError("empty file (0 bytes)")
    return data


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {size} bytes, above the {max_bytes}-byte limit; "
        "raise DOSSIER_MAX_TEXT_BYTES to ingest it"
    )


def _relative(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(*path.relative_to(root).parts).as_posix()
    except ValueError:
        return path.as_posix()


def _shown(name: str) -> str:
    """``name`` safe for a one-line message: control and undecodable characters escaped."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if ch.isprintable() is False or "\udc80" <= ch <= "\udcff"
        else ch
        for ch in name
    )


def _error(file_name: str, message: str) -> IngestError:
    shown = _shown(file_name)
    error = IngestError(file_name=shown, message=f"{shown}: {message}")
    log.warning("%s", error.message)
    return error
