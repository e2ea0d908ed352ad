"""Metadata of a saved web page: JSON-LD, ``og:``/``article:`` tags, ``<title>``.

Offered in order of trust: a JSON-LD ``NewsArticle``/``Report`` (structured,
written for machines), then Open Graph and ``article:`` tags, then citation
and Dublin Core tags, then the ``<title>`` element and ``<html lang>``. The
canonical link gives the URL. Nothing is fetched; relative or non-http(s)
URLs (``file://``, ``javascript:``) are not used.
"""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser
from typing import Any

from dossier.ingest.metadata import FoundMeta

log = logging.getLogger(__name__)

MAX_JSON_LD_CHARS = 1_000_000
# JSON-LD types that describe the page itself, and the kind each gives.
_LD_KINDS: dict[str, str | None] = {
    "NewsArticle": "article",
    "ReportageNewsArticle": "article",
    "AnalysisNewsArticle": "analysis",
    "OpinionNewsArticle": "analysis",
    "Article": None,
    "BlogPosting": None,
    "ScholarlyArticle": None,
    "Report": "report",
}
# (attribute value, metadata key, where): meta tags in order of trust within a key.
_META_TAGS: tuple[tuple[str, str], ...] = (
    ("og:title", "title"),
    ("og:site_name", "publisher"),
    ("article:publisher", "publisher"),
    ("article:published_time", "published_at"),
    ("og:url", "url"),
    ("og:locale", "language"),
    ("citation_title", "title"),
    ("citation_publisher", "publisher"),
    ("citation_publication_date", "published_at"),
    ("citation_date", "published_at"),
    ("dc.title", "title"),
    ("dc.publisher", "publisher"),
    ("dc.date", "published_at"),
    ("dcterms.created", "published_at"),
    ("dc.language", "language"),
    ("date", "published_at"),
    ("pubdate", "published_at"),
)
_AUTHOR_TAGS: tuple[str, ...] = ("article:author", "author", "citation_author", "dc.creator")


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.lang: str | None = None
        self.title: list[str] = []
        self.json_ld: list[str] = []
        self._in: str | None = None  # "title" or "ld"
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if tag == "html" and self.lang is None:
            self.lang = values.get("lang")
        elif tag == "meta":
            name = values.get("property") or values.get("name") or values.get("itemprop")
            content = values.get("content")
            if name is not None and content is not None:
                self.meta.setdefault(name.strip().lower(), []).append(content)
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            if "canonical" in rel and self.canonical is None:
                self.canonical = values.get("href")
        elif tag == "title" and len(self.title) == 0 and self._in is None:
            self._in, self._buffer = "title", []
        elif tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self._in, self._buffer = "ld", []

    def handle_endtag(self, tag: str) -> None:
        if (tag, self._in) in {("title", "title"), ("script", "ld")}:
            text = "".join(self._buffer)
            (self.title if self._in == "title" else self.json_ld).append(text)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buffer.append(data)


def html_meta(markup: str) -> FoundMeta:
    """Metadata ``markup`` gives about itself (never raises on bad markup)."""
    parser = _HeadParser()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):
        pass  # what was read so far still counts; html_to_text reports the damage
    found = FoundMeta()
    for block in parser.json_ld:
        _offer_json_ld(block, found)
    for tag, key in _META_TAGS:
        for value in parser.meta.get(tag, []):
            found.offer(key, value, f"<meta {tag}>")
    for tag in _AUTHOR_TAGS:
        found.offer_authors(parser.meta.get(tag, []), f"<meta {tag}>")
    if parser.meta.get("og:type", [""])[0].strip().lower() == "article":
        found.offer("kind", "article", "<meta og:type>")
    if parser.canonical is not None:
        found.offer("url", parser.canonical, '<link rel="canonical">')
    for title in parser.title:
        found.offer("title", title, "<title>")
    if parser.lang is not None:
        found.offer("language", parser.lang, "<html lang>")
    return found


def _offer_json_ld(block: str, found: FoundMeta) -> None:
    if len(block) > MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(block)
    except (ValueError, RecursionError):
        log.debug("JSON-LD block is not valid JSON; ignored")
        return
    for item in _ld_items(data):
        types = item.get("@type")
        names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        kinds = [name for name in names if isinstance(name, str) and name in _LD_KINDS]
        if len(kinds) == 0:
            continue
        where = f"JSON-LD {kinds[0]}"
        found.offer("title", item.get("headline") or item.get("name"), where)
        found.offer("published_at", item.get("datePublished"), where)
        found.offer("url", _ld_url(item), where)
        found.offer("language", item.get("inLanguage"), where)
        found.offer("publisher", _ld_name(item.get("publisher")), where)
        authors = item.get("author")
        listed = authors if isinstance(authors, list) else [authors]
        found.offer_authors([n for n in (_ld_name(a) for a in listed) if n is not None], where)
        kind = _LD_KINDS[kinds[0]]
        if kind is not None:
            found.offer("kind", kind, where)


def _ld_items(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Objects of a JSON-LD document: the top level, lists and ``@graph`` members."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry, depth + 1)]
    if not isinstance(data, dict):
        return []
    items = [data]
    graph = data.get("@graph")
    if graph is not None:
        items.extend(_ld_items(graph, depth + 1))
    return items


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) > 0:
        return _ld_name(value[0])
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return None


def _ld_url(item: dict[str, Any]) -> str | None:
    for value in (item.get("url"), item.get("mainEntityOfPage")):
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("@id"), str):
            return str(value["@id"])
    return None
