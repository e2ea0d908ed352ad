"""The local-entity catalog: what resolution needs to know about each local entity.

``dossier build`` writes it (``write_catalog``) to ``.dossier/local-entities.json``
so the identity commands (merge, no-match, split, dedupe) can work without
re-running extraction. The file is a JSON list sorted by document then key, one
object per local entity::

    {"acronyms": ["CSTO"], "aliases": ["CSTO"], "cited_only": false,
     "content_hash": "…", "country": null, "document": "000_….txt",
     "first_name": null, "key": "local-…", "last_name": null, "mentions": 3,
     "name": "Collective Security Treaty Organization", "positions": [],
     "quotes": ["… Collective Security Treaty Organization (CSTO) …"],
     "schema": "Organization", "claims": 2, "related": true, "target": false}

``acronyms`` are the acronyms the document itself defines for the entity's name
("Collective Security Treaty Organization (CSTO)"); ``quotes`` are short
passages around the first mentions, for human review. ``claims`` (evidence
items about the entity), ``related`` (it takes part in a relation) and
``target`` (its cluster was a candidate target at that build) rank the review
queue (``queue.py``); catalogs without them read as 0 / false.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, get_args

from dossier.atomic import write_text
from dossier.model import ActorSchema, Extraction, LocalEntity, SourceDocument

SCHEMAS: tuple[str, ...] = get_args(ActorSchema)
QUOTE_WINDOW = 120
MAX_QUOTES = 2
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")


class CatalogError(ValueError):
    """The catalog file is missing or not in the expected format."""


@dataclass(frozen=True)
class CatalogEntry:
    """One local entity, flattened for resolution and review."""

    key: str
    schema: str
    name: str
    aliases: tuple[str, ...]
    document: str
    content_hash: str
    first_name: str | None = None
    last_name: str | None = None
    country: str | None = None
    cited_only: bool = False
    acronyms: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO dates or years a list entry in the text gives
    mentions: int = 0
    claims: int = 0
    related: bool = False
    target: bool = False

    @property
    def schema_class(self) -> str:
        """"person" or "org": only entities of the same class can ever merge."""
        return "person" if self.schema == "Person" else "org"

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then every alias."""
        return (self.name, *sorted(a for a in self.aliases if a != self.name))


def defined_acronyms(text: str, names: Sequence[str]) -> tuple[str, ...]:
    """Acronyms that ``text`` defines for any of ``names``.

    Recognised: ``Long Name (ACR)``, ``Long Name (known as the ACR in … or ACR2 …)``
    and ``ACR (Long Name)``. Only long names of two words or more count.
    """
    found: set[str] = set()
    for name in names:
        if len(name.split()) < 2:
            continue
        pattern = re.escape(name).replace(r"\ ", r"[\s\u00a0]+")
        for match in re.finditer(pattern + r"[\s\u00a0]*\(([^()]{1,80})\)", text):
            found.update(_parenthetical_acronyms(match.group(1)))
        head = name.split()[0]
        if name.startswith(head) and "(" + head not in text:
            continue  # ``ACR (Long Name)`` needs the name right after a bracket
        for match in re.finditer(r"\b([A-Z][A-Z0-9]{1,7})[\s\u00a0]*\(" + pattern + r"\)", text):
            found.add(match.group(1))
    return tuple(sorted(found))


def _parenthetical_acronyms(text: str) -> set[str]:
    """``OSCE PA`` -> {"OSCE PA"}; ``QDP or DPT`` -> both; ``known as the QDT in Kazakh
    or DVK in Russian`` -> both. Other prose ("equivalent to Prime Minister of the SSR")
    defines nothing."""
    segments = [s.strip() for s in re.split(r",|;|/|\bor\b|\band\b", text)]
    if all(re.fullmatch(r"[A-Z][A-Z0-9]{1,7}(?: [A-Z][A-Z0-9]{1,7})*", s) for s in segments):
        return set(segments)
    if re.match(r"(?:also |formerly |commonly )?known as\b|a\.k\.a\.|abbreviated", text):
        return set(_ACRONYM.findall(text))
    return set()


def _quotes(source: SourceDocument, extraction: Extraction, key: str) -> tuple[str, ...]:
    quotes: list[str] = []
    mentions = sorted(
        (m for m in extraction.mentions if m.entity_key == key), key=lambda m: (m.cited, m.start)
    )
    for mention in mentions[:MAX_QUOTES]:
        start = max(0, mention.start - QUOTE_WINDOW)
        end = min(len(source.text), mention.end + QUOTE_WINDOW)
        snippet = " ".join(source.text[start:end].split())
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(source.text) else ""
        quotes.append(f"{prefix}{snippet}{suffix}")
    return tuple(quotes)


def entry_from_entity(
    extraction: Extraction, entity: LocalEntity, target: bool = False
) -> CatalogEntry:
    """Flatten one local entity of ``extraction``."""
    source = extraction.source
    acronyms: tuple[str, ...] = ()
    if entity.schema != "Person":
        acronyms = defined_acronyms(source.text, [entity.name, *sorted(entity.aliases)])
    positions = tuple(sorted({p.title for p in extraction.positions if p.entity_key == entity.key}))
    births = {
        i.value
        for i in extraction.identifiers
        if i.entity_key == entity.key and i.prop == "birthDate"
    }
    return CatalogEntry(
        key=entity.key,
        schema=entity.schema,
        name=entity.name,
        aliases=tuple(sorted(entity.aliases - {entity.name})),
        document=source.file_name,
        content_hash=source.content_hash,
        first_name=entity.first_name,
        last_name=entity.last_name,
        country=entity.country,
        cited_only=entity.cited_only,
        acronyms=acronyms,
        quotes=_quotes(source, extraction, entity.key),
        positions=positions,
        birth_dates=tuple(sorted(births)),
        mentions=sum(1 for m in extraction.mentions if m.entity_key == entity.key),
        claims=sum(1 for c in extraction.claims if c.entity_key == entity.key),
        related=any(entity.key in (r.subject_key, r.object_key) for r in extraction.relations),
        target=target,
    )


def catalog_entries(
    extractions: Sequence[Extraction], target_keys: frozenset[str] = frozenset()
) -> list[CatalogEntry]:
    """Every local entity of every extraction, sorted by document then key;
    ``target_keys`` are the local keys of candidate targets' clusters."""
    entries = [
        entry_from_entity(extraction, entity, entity.key in target_keys)
        for extraction in extractions
        for entity in extraction.entities.values()
    ]
    return sorted(entries, key=lambda e: (e.document, e.key))


def dump_catalog(entries: Sequence[CatalogEntry]) -> str:
    """The catalog file's text: stable formatting, so identical input gives identical bytes."""
    rows = [asdict(e) for e in sorted(entries, key=lambda e: (e.document, e.key))]
    return json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_catalog(
    extractions: Sequence[Extraction], path: Path, target_keys: frozenset[str] = frozenset()
) -> None:
    """Write the catalog of ``extractions`` to ``path`` atomically."""
    write_text(path, dump_catalog(catalog_entries(extractions, target_keys)))


def write_entries(
    entries: Sequence[CatalogEntry], path: Path, target_keys: frozenset[str] = frozenset()
) -> None:
    """``write_catalog`` from entries already made (``catalog_entries`` without targets)."""
    write_text(path, dump_catalog([replace(e, target=e.key in target_keys) for e in entries]))


def _text(row: dict[str, Any], field: str, where: str, optional: bool = False) -> str | None:
    value = row.get(field)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise CatalogError(f"{where}: field {field!r} must be a string, got {value!r}")
    return value


def _texts(row: dict[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = row.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogError(f"{where}: field {field!r} must be a list of strings")
    return tuple(value)


def parse_entry(row: Any, where: str) -> CatalogEntry:
    """One catalog row; unknown schemas and missing fields fail loudly."""
    if not isinstance(row, dict):
        raise CatalogError(f"{where}: expected an object, got {type(row).__name__}")
    schema = _text(row, "schema", where)
    if schema not in SCHEMAS:
        raise CatalogError(f"{where}: unknown schema {schema!r}; expected one of {SCHEMAS}")
    cited = row.get("cited_only", False)
    mentions = row.get("mentions", 0)
    claims = row.get("claims", 0)
    related, target = row.get("related", False), row.get("target", False)
    if not isinstance(cited, bool) or not isinstance(mentions, int):
        raise CatalogError(f"{where}: cited_only must be true/false and mentions a number")
    if not isinstance(claims, int) or not isinstance(related, bool) or not isinstance(target, bool):
        raise CatalogError(f"{where}: claims must be a number, related and target true/false")
    return CatalogEntry(
        key=str(_text(row, "key", where)),
        schema=schema,
        name=str(_text(row, "name", where)),
        aliases=_texts(row, "aliases", where),
        document=str(_text(row, "document", where)),
        content_hash=str(_text(row, "content_hash", where)),
        first_name=_text(row, "first_name", where, optional=True),
        last_name=_text(row, "last_name", where, optional=True),
        country=_text(row, "country", where, optional=True),
        cited_only=cited,
        acronyms=_texts(row, "acronyms", where),
        quotes=_texts(row, "quotes", where),
        positions=_texts(row, "positions", where),
        birth_dates=_texts(row, "birth_dates", where),
        mentions=mentions,
        claims=claims,
        related=related,
        target=target,
    )


def read_catalog(path: Path) -> list[CatalogEntry]:
    """Read the catalog written by ``write_catalog`` (CatalogError if absent or bad)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogError(
            f"no local-entity catalog at {path}; run `dossier build` first"
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(f"cannot read the local-entity catalog {path}: {exc}") from exc
    if not isinstance(data, list):
        raise CatalogError(f"{path}: expected a JSON list of local entities")
    return [parse_entry(row, f"{path}[{i}]") for i, row in enumerate(data)]
