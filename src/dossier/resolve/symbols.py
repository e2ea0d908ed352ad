"""rigour's name symbols of the tokens a build compared, kept for the next build.

The first person name a resolution compares loads rigour's name tagger
(``parts.name_symbols``): about 8 s of one core, whatever the corpus's size.
The symbols of a token depend only on the token, rigour's version and the
code that asks for them, so a build keeps every token's symbols in the cache
(one msgpack map, ``token -> symbols``) and the next build loads them into
``parts.KNOWN`` before resolving: when a new document brings no name token
the corpus has not had before, the tagger is never loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib import metadata

import msgpack

from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.resolve import parts
from dossier.resolve.catalog import CatalogEntry
from dossier.resolve.names import person_form

log = logging.getLogger(__name__)

KIND = "symbols"


def memo_key() -> str:
    return digest("symbols", metadata.version("rigour"), code_fingerprint("resolve/parts"))


def load(cache: CacheStore) -> bool:
    """Put the kept symbols into ``parts.KNOWN``; whether there were any."""
    key = memo_key()
    data = cache.get(KIND, key)
    if data is None:
        return False
    try:
        raw = msgpack.unpackb(data, raw=False)
        if not isinstance(raw, dict):
            raise ValueError("not a map")
        known: dict[str, frozenset[str]] = {}
        for token, symbols in raw.items():
            if not (isinstance(symbols, list) and all(isinstance(s, str) for s in symbols)):
                raise ValueError(f"bad symbols for {token!r}")
            known[str(token)] = frozenset(symbols)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        log.warning("cache entry %s/%s is not a symbol map (%s); ignoring it", KIND, key, exc)
        cache.discard(KIND, key)
        return False
    parts.KNOWN.update(known)
    return len(known) > 0


def all_known(entries: Iterable[CatalogEntry]) -> bool:
    """Whether every token of every person name in ``entries`` has its symbols in
    ``parts.KNOWN``, so that resolving them never loads the tagger."""
    for entry in entries:
        if entry.schema_class != "person":
            continue
        texts = list(entry.names)
        if entry.first_name is not None and entry.last_name is not None:
            texts.append(f"{entry.first_name} {entry.last_name}")
        for text in texts:
            form = person_form(text)
            if form is None:
                continue
            if any(len(t) >= 2 and t not in parts.KNOWN for t in form.tokens):
                return False
    return True


def save(cache: CacheStore) -> None:
    """Keep the symbols found in this process with those loaded, if any are new."""
    if len(parts.LEARNED) == 0:
        return
    merged = {**parts.KNOWN, **parts.LEARNED}
    payload = msgpack.packb(
        {token: sorted(merged[token]) for token in sorted(merged)}, use_bin_type=True
    )
    cache.put(KIND, memo_key(), payload)
