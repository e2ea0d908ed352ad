"""``dossier add``: put a file or a web page into the seeds folder, with its sidecar.

The original bytes are kept as they are. Before anything is written the source
is read as the build would read it (``ingest_file``), so an unusable file is
refused now with the same message, not discovered at the next build. The
sidecar records what was added (``sha256``), from where and when (``url``,
``retrieved_at``) and the metadata found in the file, each value's origin in
``notes``. Content already in the seeds folder (same SHA-256) is not added
again. Files and sidecars are written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dossier import atomic
from dossier.ingest.errors import UnusableSourceError
from dossier.ingest.fetch import FetchError, FetchLimits, fetch
from dossier.ingest.ocr import Ocr
from dossier.ingest.sidecar import (
    SIDECAR_SUFFIX,
    parse_meta,
    read_sidecar_and_hash,
    sidecar_path,
)
from dossier.ingest.source import SUPPORTED_SUFFIXES, ingest_file
from dossier.model import IngestError, SourceDocument, SourceMeta

MAX_NAME_CHARS = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Added:
    """What ``add`` did with one argument."""

    argument: str
    file_name: str | None  # in the seeds folder; None when refused
    status: str  # "added", "unchanged" (already there) or "refused"
    message: str

    @property
    def ok(self) -> bool:
        return self.status != "refused"


def add_source(
    argument: str,
    seeds_dir: Path,
    max_bytes: int,
    limits: FetchLimits,
    ocr: Ocr | None = None,
) -> Added:
    """Add one file path or http(s) URL to ``seeds_dir``; never raises on bad input."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", argument) is not None:
        try:
            fetched = fetch(argument, limits)
        except FetchError as problem:
            return Added(argument, None, "refused", f"{argument}: {problem.message}")
        extra: dict[str, object] = {"url": fetched.url, "retrieved_at": fetched.retrieved_at}
        notes = {"url": "the address it was fetched from"}
        if fetched.url != argument:
            notes["url"] = f"the address it was fetched from, after redirects from {argument}"
        name = _url_name(fetched.url, fetched.suffix)
        return _store(argument, fetched.data, name, seeds_dir, max_bytes, ocr, extra, notes)
    path = Path(argument)
    try:
        if not path.is_file():
            raise UnusableSourceError("no such file" if not path.exists() else "not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnusableSourceError(f"file is {size} bytes, above the {max_bytes}-byte limit")
        data = path.read_bytes()
        given = _given_sidecar(path)
    except UnusableSourceError as problem:
        return Added(argument, None, "refused", f"{argument}: {problem.message}")
    except OSError as exc:
        return Added(argument, None, "refused", f"{argument}: cannot read: {exc.strerror}")
    name = _safe_name(path.stem, path.suffix.lower())
    return _store(argument, data, name, seeds_dir, max_bytes, ocr, given, {})


def _given_sidecar(path: Path) -> dict[str, object]:
    """The sidecar next to an added file, validated, or nothing."""
    beside = sidecar_path(path)
    if not beside.is_file():
        return {}
    read_sidecar_and_hash(beside)  # refuses a bad sidecar with its own message
    data = json.loads(beside.read_bytes().decode("utf-8-sig"))
    assert isinstance(data, dict)
    data.pop("sha256", None)
    return data


def _store(
    argument: str,
    data: bytes,
    name: str,
    seeds_dir: Path,
    max_bytes: int,
    ocr: Ocr | None,
    given: dict[str, object],
    notes: dict[str, str],
) -> Added:
    sha = hashlib.sha256(data).hexdigest()
    existing = _find_same(seeds_dir, sha)
    if existing is not None:
        return Added(argument, existing, "unchanged", f"{argument}: already in seeds as {existing}")
    if Path(name).suffix not in SUPPORTED_SUFFIXES:
        return Added(
            argument,
            None,
            "refused",
            f"{argument}: unsupported file type {Path(name).suffix or '(none)'}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    target = _free_name(seeds_dir, name)
    document = _read_as_source(data, target.name, max_bytes, ocr)
    if isinstance(document, IngestError):
        message = document.message.removeprefix(f"{target.name}: ")
        return Added(argument, None, "refused", f"{argument}: {message}")
    sidecar = _sidecar(document.meta, given, notes, sha)
    try:
        parse_meta(sidecar, sidecar_path(target).name)
    except UnusableSourceError as problem:  # found metadata that a sidecar cannot hold
        return Added(argument, None, "refused", f"{argument}: {problem.message}")
    atomic.write_bytes(target, data)
    atomic.write_text(
        sidecar_path(target), json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n"
    )
    relative = target.relative_to(seeds_dir).as_posix()
    return Added(argument, relative, "added", f"{argument}: added as {relative}")


def _read_as_source(
    data: bytes, name: str, max_bytes: int, ocr: Ocr | None
) -> SourceDocument | IngestError:
    """Ingest the bytes in a private folder, exactly as the build will."""
    with tempfile.TemporaryDirectory(prefix="dossier-add-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return ingest_file(path, Path(folder), max_bytes, ocr)


def _sidecar(
    meta: SourceMeta, given: dict[str, object], notes: dict[str, str], sha: str
) -> dict[str, object]:
    record: dict[str, object] = dict(given)
    record_notes = dict(notes)
    old_notes = record.pop("notes", None)
    if isinstance(old_notes, dict):
        record_notes.update({str(k): str(v) for k, v in old_notes.items()})
    values: dict[str, object] = {
        "title": meta.title,
        "authors": list(meta.authors),
        "publisher": meta.publisher,
        "published_at": meta.published_at,
        "place": meta.place,
        "url": meta.url,
        "language": meta.language,
        "kind": meta.kind,
    }
    for key, value in values.items():
        where = meta.origin(key)
        if key in record or where is None or where == "sidecar" or value in (None, []):
            continue
        record[key] = value
        record_notes.setdefault(key, f"found in the file: {where}")
    record["sha256"] = sha
    if len(record_notes) > 0:
        record["notes"] = dict(sorted(record_notes.items()))
    return record


def _find_same(seeds_dir: Path, sha: str) -> str | None:
    """A file under ``seeds_dir`` with this SHA-256, if any."""
    for folder, dir_names, file_names in os.walk(seeds_dir):
        dir_names[:] = sorted(d for d in dir_names if not d.startswith("."))
        for file_name in sorted(file_names):
            path = Path(folder) / file_name
            if file_name.startswith(".") or file_name.endswith(SIDECAR_SUFFIX):
                continue
            if path.is_symlink() or not path.is_file():
                continue
            try:
                with path.open("rb") as handle:
                    same = hashlib.file_digest(handle, "sha256").hexdigest() == sha
            except OSError:
                continue
            if same:
                return path.relative_to(seeds_dir).as_posix()
    return None


def _free_name(seeds_dir: Path, name: str) -> Path:
    """``name`` in ``seeds_dir``, or ``<stem>-2<suffix>`` … when taken."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate = seeds_dir / name
    number = 2
    while os.path.lexists(candidate) or os.path.lexists(sidecar_path(candidate)):
        candidate = seeds_dir / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _safe_name(stem: str, suffix: str) -> str:
    """A portable file name: ASCII letters, digits, dot, dash and underscore."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    clean = re.sub(r"-{2,}", "-", _UNSAFE.sub("-", ascii_stem)).strip(".-_")
    clean = clean[:MAX_NAME_CHARS].strip(".-_")
    return f"{clean or 'source'}{suffix}"


def _url_name(url: str, suffix: str) -> str:
    """``<host>-<path words><suffix>`` for a fetched URL."""
    parts = urlsplit(url)
    path = unquote(parts.path).rstrip("/")
    for known in (suffix, ".htm", ".html", ".php", ".aspx", ".asp"):
        if path.lower().endswith(known):
            path = path[: -len(known)]
            break
    host = (parts.hostname or "web").removeprefix("www.")
    return _safe_name(f"{host}-{path}" if path != "" else host, suffix)
