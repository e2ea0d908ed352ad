"""Metadata a source gives about itself, each value with where it was found.

Readers *offer* values in their own order of trust (JSON-LD before ``og:``
tags before ``<title>``, PDF document info before XMP, a heading line before
nothing); the first acceptable offer for a key is kept. Values are untrusted
text: they are cleaned (one line, no control characters, bounded length),
dates are normalised to ISO 8601 and URLs must be absolute http(s).

``merge_meta`` then applies the precedence rule: a key the sidecar gives (even
as null) wins; the rest is filled from what the file says. Every value in the
result names its origin (``SourceMeta.origins``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlsplit

from dossier.model import SourceMeta

# Keys a source can fill by itself, in the order ``dossier sources`` shows them.
FOUND_KEYS: tuple[str, ...] = (
    "title",
    "authors",
    "publisher",
    "published_at",
    "place",
    "url",
    "language",
    "kind",
)
# Keys a citation needs; ``dossier sources`` says when one is missing.
CITATION_KEYS: tuple[str, ...] = ("title", "publisher", "published_at", "url")
MAX_VALUE_CHARS = 300
MAX_AUTHORS = 20

_SPACE = re.compile(r"\s+")
_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?=$|[T ])")
_PDF_DATE = re.compile(r"D:(?P<year>\d{4})(?P<month>\d{2})?(?P<day>\d{2})?")
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.IGNORECASE
)
_LANGUAGE = re.compile(r"(?P<code>[A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")
# Titles that are really file names or tool output ("Microsoft Word - draft.docx").
_JUNK_TITLE = re.compile(
    r"(?i)^(?:microsoft\s+word\s+-|untitled\b|document\d*$)|\.(?:docx?|odt|pdf|indd|rtf|txt)$"
)


@dataclass
class FoundMeta:
    """Values a reader found in a file; the first acceptable offer per key wins."""

    values: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (value, where)
    authors: tuple[tuple[str, ...], str] | None = None

    def offer(self, key: str, value: object, where: str) -> bool:
        """Keep ``value`` for ``key`` unless one is already kept or it is not acceptable."""
        if key == "authors":
            raise ValueError("use offer_authors for authors")
        if key not in FOUND_KEYS:
            raise ValueError(f"unknown metadata key {key!r}")
        if key in self.values or not isinstance(value, str):
            return False
        cleaned = _clean_value(key, value)
        if cleaned is None:
            return False
        self.values[key] = (cleaned, where)
        return True

    def offer_authors(self, names: list[str], where: str) -> bool:
        if self.authors is not None:
            return False
        kept: list[str] = []
        for name in names:
            cleaned = one_line(name)
            if cleaned is not None and not _looks_like_url(cleaned) and cleaned not in kept:
                kept.append(cleaned)
        if len(kept) == 0:
            return False
        self.authors = (tuple(kept[:MAX_AUTHORS]), where)
        return True

    def extend(self, other: FoundMeta) -> None:
        """Offer every value of ``other`` (lower precedence than what is kept)."""
        for key, (value, where) in other.values.items():
            self.offer(key, value, where)
        if other.authors is not None:
            self.offer_authors(list(other.authors[0]), other.authors[1])


def merge_meta(sidecar: SourceMeta | None, found: FoundMeta) -> SourceMeta:
    """The source's metadata: sidecar keys win (even null), found values fill the rest."""
    meta = sidecar if sidecar is not None else SourceMeta()
    given = {key for key, _ in meta.origins}
    origins = list(meta.origins)
    updates: dict[str, object] = {}
    for key in FOUND_KEYS:
        if key in given:
            continue
        if key == "authors":
            if found.authors is not None:
                updates["authors"] = found.authors[0]
                origins.append(("authors", found.authors[1]))
            continue
        if key in found.values:
            value, where = found.values[key]
            updates[key] = value
            origins.append((key, where))
    order = {key: i for i, key in enumerate((*FOUND_KEYS, "retrieved_at"))}
    origins.sort(key=lambda item: order.get(item[0], len(order)))
    return replace(meta, **updates, origins=tuple(origins))  # type: ignore[arg-type]


def missing_keys(meta: SourceMeta) -> list[str]:
    """Citation keys without a value."""
    values = {
        "title": meta.title,
        "publisher": meta.publisher,
        "published_at": meta.published_at,
        "url": meta.url,
    }
    return [key for key in CITATION_KEYS if values[key] is None]


def one_line(value: str) -> str | None:
    """``value`` as one clean line (NFC, spaces collapsed, no controls); None if empty."""
    text = unicodedata.normalize("NFC", value)
    text = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch for ch in text
    )
    text = _SPACE.sub(" ", text).strip()
    if text == "":
        return None
    if len(text) > MAX_VALUE_CHARS:
        cut = text[:MAX_VALUE_CHARS].rsplit(" ", 1)[0]
        text = f"{cut}…"
    return text


def normalise_date(value: str) -> str | None:
    """An ISO 8601 date (as precise as given) from the date forms sources use; else None."""
    text = value.strip()
    for pattern in (_ISO_DATE, _PDF_DATE):
        match = pattern.match(text)
        if match is not None:
            return _iso(match["year"], match["month"], match["day"])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(text) or pattern.match(text)
        if match is not None:
            return _iso(match["year"], str(_MONTHS[match["month"].lower()]), match["day"])
    return None


def month_number(name: str) -> int | None:
    return _MONTHS.get(name.lower().rstrip("."))


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    try:
        if month is None:
            number = int(year)
            return f"{number:04d}" if 1000 <= number <= 9999 else None
        if day is None:
            date(int(year), int(month), 1)
            return f"{int(year):04d}-{int(month):02d}"
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _looks_like_url(value: str) -> bool:
    return re.match(r"(?i)[a-z][a-z0-9+.-]*://", value) is not None or value.startswith("www.")


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    return host is not None and parts.scheme in {"http", "https"} and " " not in value


def _clean_value(key: str, value: str) -> str | None:
    text = one_line(value)
    if text is None:
        return None
    if key == "published_at":
        return normalise_date(text)
    if key == "url":
        return text if is_web_url(text) else None
    if key == "language":
        match = _LANGUAGE.fullmatch(text)
        return None if match is None else match["code"].lower()
    if key == "kind":
        return text if text in ("article", "report", "letter", "analysis") else None
    if key == "title" and _JUNK_TITLE.search(text) is not None:
        return None
    if key in ("publisher", "place") and _looks_like_url(text):
        return None
    return text
