"""A dossier keyed on what it read: an unchanged dossier costs a few hashes, not a render.

A dossier's HTML (and so its PDF) is a function of the rendering's own inputs
(templates, fonts, code, options, the screening file: ``base_key``) and of
what its profile and sections read of the entity store. Rendering it through
``EntityStore.recording()`` notes those reads: each entity looked up by ID,
each list of entities pointing at one, with a fingerprint of the entities
returned. The record (``DossierReads``) is kept in the cache under the base
key and the person's ID.

On the next build, a dossier whose record is there, whose every read gets
the same answer from the new store and whose PDF is still the one written
is kept without building its profile or HTML: the same inputs give the same
HTML. Any change to an entity it read (one evidence passage, a name, a
relation) changes an answer, and the dossier is rendered again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import metadata

import msgpack

from dossier import __version__
from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.profile import EntityStore
from dossier.render.options import RenderOptions

log = logging.getLogger(__name__)

KIND = "dossier_reads"  # cache kind
FORMAT = "1"


@dataclass(frozen=True)
class DossierReads:
    """One rendered dossier: its file name, its input key and what it read of the store."""

    name: str  # the PDF's file name
    input: str  # the input key recorded in the render manifest (HTML and assets)
    reads: tuple[tuple[str, str, str], ...]  # (operation, key, answer), sorted


def base_key(assets: str, options: RenderOptions, screening: tuple[str, bytes] | None) -> str:
    """Everything a dossier depends on besides the store.

    ``assets`` is the templates', fonts' and renderer's fingerprint;
    ``screening`` the screening file's name and bytes, if there is one.
    """
    return digest(
        "dossier-reads",
        FORMAT,
        __version__,
        assets,
        code_fingerprint("render", "profile", "ids", "model", "criteria", "cache"),
        metadata.version("followthemoney"),
        metadata.version("jinja2"),
        repr(options),
        "-" if screening is None else screening[0],
        b"" if screening is None else screening[1],
    )


def record_key(base: str, person_id: str) -> str:
    return digest(base, person_id)


def save(cache: CacheStore, base: str, person_id: str, record: DossierReads) -> None:
    payload = msgpack.packb(
        [record.name, record.input, [list(r) for r in record.reads]], use_bin_type=True
    )
    cache.put(KIND, record_key(base, person_id), payload)


def load(cache: CacheStore, base: str, person_id: str) -> DossierReads | None:
    """The record of the person's last rendering under ``base``, or None if unusable."""
    key = record_key(base, person_id)
    data = cache.get(KIND, key)
    if data is None:
        return None
    try:
        raw = msgpack.unpackb(data, raw=False)
        name, input_key, reads = raw
        if not (isinstance(name, str) and isinstance(input_key, str) and isinstance(reads, list)):
            raise ValueError("not a dossier record")
        rows = tuple(_read(r) for r in reads)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        log.warning("cache entry %s/%s is not a dossier record (%s); rendering", KIND, key, exc)
        cache.discard(KIND, key)
        return None
    return DossierReads(name, input_key, rows)


def _read(raw: object) -> tuple[str, str, str]:
    if not (isinstance(raw, list) and len(raw) == 3 and all(isinstance(v, str) for v in raw)):
        raise ValueError(f"not a store read: {raw!r}")
    return raw[0], raw[1], raw[2]


def still_valid(store: EntityStore, record: DossierReads) -> bool:
    """Does ``store`` answer every read of ``record`` as the store it was rendered from?"""
    try:
        return all(store.answer(op, key) == answer for op, key, answer in record.reads)
    except ValueError:  # a read this code does not make
        return False
