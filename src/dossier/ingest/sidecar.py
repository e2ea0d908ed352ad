"""Source metadata from a sidecar file ``<document file name>.meta.json``.

Read strictly (zavod's rule): an unknown key, a wrong type or a malformed value
is an error naming the key, never a silent default. A missing key means unknown.

    {
      "title": "…", "publisher": null, "authors": ["…"],
      "published_at": "2022-02-03", "url": null, "language": "en",
      "kind": "letter",
      "notes": {"published_at": "date from the letter's date line"}
    }
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
TEXT_KEYS: tuple[str, ...] = ("title", "publisher", "published_at", "url", "language", "kind")
META_KEYS: tuple[str, ...] = (*TEXT_KEYS, "authors")
ALLOWED_KEYS: tuple[str, ...] = (*META_KEYS, "notes")
MAX_SIDECAR_BYTES = 1024 * 1024

# ISO 8601, only as precise as known: 2022, 2022-02, 2022-02-03, or a date-time.
_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?P<time>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?"
)
_LANGUAGE = re.compile(r"[a-z]{2}")


def sidecar_path(document: Path) -> Path:
    """Where the sidecar of ``document`` lives."""
    return document.with_name(document.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> SourceMeta:
    """Parse and validate the sidecar at ``path``."""
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
    return parse_meta(data, path.name)


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
    )


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


def _check_date(value: str, where: str) -> None:
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
            f"sidecar {where}: key 'published_at' must be ISO 8601 (2022, 2022-02 or "
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
