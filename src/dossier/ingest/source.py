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
from dataclasses import replace
from pathlib import Path, PurePosixPath

from dossier.ingest.decode import decode_text, is_blank
from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.furniture import find_furniture
from dossier.ingest.html import html_to_text
from dossier.ingest.pdf import pdf_to_text
from dossier.ingest.sidecar import SIDECAR_SUFFIX, read_sidecar, sidecar_path
from dossier.model import IngestError, SourceDocument, SourceMeta

log = logging.getLogger(__name__)


def _plain_text(data: bytes) -> tuple[str, str | None]:
    return decode_text(data), None


def _html_text(data: bytes) -> tuple[str, str | None]:
    return html_to_text(decode_text(data))


def _pdf_text(data: bytes) -> tuple[str, str | None]:
    return pdf_to_text(data), None


# suffix -> reader returning (text to quote, title found in the file)
_READERS: dict[str, Callable[[bytes], tuple[str, str | None]]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".html": _html_text,
    ".htm": _html_text,
    ".pdf": _pdf_text,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def ingest_file(path: Path, seeds_root: Path, max_bytes: int) -> SourceDocument | IngestError:
    """Read one source file under ``seeds_root``; an ``IngestError`` if it cannot be used."""
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
        return _ingest(full, root, file_name, max_bytes)
    except UnusableSourceError as problem:
        return _error(file_name, problem.message)


def ingest_dir(seeds_root: Path, max_bytes: int) -> tuple[list[SourceDocument], list[IngestError]]:
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
    for path in _walk(root, errors):
        result = ingest_file(path, root, max_bytes)
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


def _ingest(full: Path, root: Path, file_name: str, max_bytes: int) -> SourceDocument:
    suffix = full.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        kind = f"file type {suffix}" if suffix != "" else "file without an extension"
        raise UnusableSourceError(f"unsupported {kind}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    data = _read(full, root, max_bytes)
    text, found_title = reader(data)
    if is_blank(text):
        raise UnusableSourceError("empty file: no visible text")
    sidecar = sidecar_path(full)
    meta = read_sidecar(sidecar) if os.path.lexists(sidecar) else SourceMeta()
    if meta.title is None and found_title is not None:
        meta = replace(meta, title=found_title)
    return SourceDocument(
        file_name=file_name,
        text=text,
        content_hash=hashlib.sha1(data).hexdigest(),
        meta=meta,
        furniture=find_furniture(text),
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
