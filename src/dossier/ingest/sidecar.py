"""Source metadata from a sidecar file ``<document file name>.meta.json``.

Read strictly (zavod's rule): an unknown key, a wrong type or a malformed value
is an error naming the key, never a silent default. A missing key means unknown.

    {
      "title": "…", "publisher": null, "authors": ["…"],
      "published_at": "2022-02-03", "url": null, "language": "en",
      "kind": "letter", "place": null,
      "retrieved_at": "2026-12-01T08:30:00Z", "sha256": "…",
      "notes": {"published_at": "date from the letter's date line"}
    }

``retrieved_at`` and ``sha256`` are written by ``dossier add``: when and what
was fetched. A ``sha256`` that no longer matches the file is an error.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dossier.ingest.errors import UnusableSourceError
from dossier.model import SourceMeta

SIDECAR_SUFFIX = ".meta.json"
KINDS: tuple[str, ...] = ("article", "report", "letter", "analysis")
TEXT_KEYS: tuple[str, ...] = (
    "title", "publisher", "published_at", "url", "language", "kind", "place", "retrieved_at"
)  # fmt: skip
META_KEYS: tuple[str, ...] = (*TEXT_KEYS, "authors")
ALLOWED_KEYS: tuple[str, ...] = (*META_KEYS, "sha256", "notes")
SIDECAR_ORIGIN = "sidecar"
MAX_SIDECAR_BYTES = 1024 * 1024

# ISO 8601, only as precise as known: 2022, 2022-02, 2022-02-03, or a date-time.
_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?P<time>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?"
)
_LANGUAGE = re.compile(r"[a-z]{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def sidecar_path(document: Path) -> Path:
    """Where the sidecar of ``document`` lives."""
    return document.with_name(document.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> SourceMeta:
    """Parse and validate the sidecar at ``path``."""
    return parse_meta(_load(path), path.name)


def _load(path: Path) -> object:
    """The sidecar's JSON, read strictly."""
    try:
        size = path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            raise UnusableSourceError(
                f"sidecar {path.name} is {size} bytes, above the {MAX_SIDECAR_BYTES}-byte limit"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnusableSourceError(f"cannot read sidecar {path.name}: {exc.strerror}") from exc
    try:
        data = json.loads(
            raw.decode("utf-8-sig"),
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError as exc:
        raise UnusableSourceError(f"sidecar {path.name} is not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise UnusableSourceError(
            f"sidecar {path.name} is not valid JSON: {exc.msg} at line {exc.lineno} "
            f"column {exc.colno}"
        ) from exc
    except ValueError as exc:
        raise UnusableSourceError(f"sidecar {path.name}: {exc}") from exc
    return data


def parse_meta(data: object, where: str) -> SourceMeta:
    """Validate decoded sidecar JSON into a ``SourceMeta``."""
    if not isinstance(data, dict):
        raise UnusableSourceError(f"sidecar {where} must hold a JSON object")
    for key in data:
        if key not in ALLOWED_KEYS:
            raise UnusableSourceError(
                f"sidecar {where}: unknown key {key!r}; allowed: {', '.join(ALLOWED_KEYS)}"
            )
    values = {key: _text(data, key, where) for key in TEXT_KEYS}
    published_at = values["published_at"]
    if published_at is not None:
        _check_date(published_at, where)
    retrieved_at = values["retrieved_at"]
    if retrieved_at is not None:
        _check_date(retrieved_at, where, "retrieved_at")
    sha = data.get("sha256")
    if sha is not None and (not isinstance(sha, str) or not _SHA256.fullmatch(sha)):
        raise UnusableSourceError(
            f"sidecar {where}: key 'sha256' must be 64 lower-case hex digits, got {sha!r}"
        )
    url = values["url"]
    if url is not None:
        _check_url(url, where)
    language = values["language"]
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise UnusableSourceError(
            f"sidecar {where}: key 'language' must be a two-letter ISO 639-1 code such as "
            f"'en', got {language!r}"
        )
    kind = values["kind"]
    if kind is not None and kind not in KINDS:
        raise UnusableSourceError(
            f"sidecar {where}: key 'kind' must be one of {', '.join(KINDS)}, got {kind!r}"
        )
    _check_notes(data.get("notes"), where)
    return SourceMeta(
        title=values["title"],
        publisher=values["publisher"],
        authors=_authors(data.get("authors"), where),
        published_at=published_at,
        url=url,
        language=language,
        kind=kind,
        place=values["place"],
        retrieved_at=retrieved_at,
        origins=tuple((key, SIDECAR_ORIGIN) for key in META_KEYS if key in data),
    )


def read_sidecar_and_hash(path: Path) -> tuple[SourceMeta, str | None]:
    """The sidecar's metadata and the ``sha256`` of the document it records, if any."""
    data = _load(path)
    meta = parse_meta(data, path.name)
    assert isinstance(data, dict)  # parse_meta checked it
    sha = data.get("sha256")
    return meta, sha if isinstance(sha, str) else None


def _text(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UnusableSourceError(
            f"sidecar {where}: key {key!r} must be a string or null, got {_json_type(value)}"
        )
    _check_line(value, key, where)
    return value


def _check_line(value: str, key: str, where: str) -> None:
    if value.strip() == "":
        raise UnusableSourceError(f"sidecar {where}: key {key!r} is empty; use null for unknown")
    if value != value.strip() or any(unicodedata.category(ch) == "Cc" for ch in value):
        raise UnusableSourceError(
            f"sidecar {where}: key {key!r} has surrounding spaces or control characters"
        )


def _authors(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UnusableSourceError(f"sidecar {where}: key 'authors' must be a list of strings")
    for item in value:
        _check_line(item, "authors", where)
    if len(set(value)) != len(value):
        raise UnusableSourceError(f"sidecar {where}: key 'authors' lists a name twice")
    return tuple(value)


def _check_notes(value: object, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise UnusableSourceError(
            f"sidecar {where}: key 'notes' must be an object mapping metadata keys to text"
        )
    for key, note in value.items():
        if key not in META_KEYS:
            raise UnusableSourceError(
                f"sidecar {where}: notes has unknown key {key!r}; allowed: {', '.join(META_KEYS)}"
            )
        if not isinstance(note, str):
            raise UnusableSourceError(f"sidecar {where}: notes[{key!r}] must be a string")


def _check_date(value: str, where: str, key: str = "published_at") -> None:
    match = _ISO.fullmatch(value)
    problem = match is None
    if match is not None:
        try:
            if match["time"] is not None:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            else:
                date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
        except ValueError:
            problem = True
    if problem:
        raise UnusableSourceError(
            f"sidecar {where}: key {key!r} must be ISO 8601 (2022, 2022-02 or "
            f"2022-02-03), got {value!r}"
        )


def _check_url(value: str, where: str) -> None:
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host = None
    if host is None or parts.scheme not in {"http", "https"} or " " in value:
        raise UnusableSourceError(
            f"sidecar {where}: key 'url' must be an http(s) URL, got {value!r}"
        )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"key {key!r} appears twice")
        result[key] = value
    return result


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
