"""Content-addressed caches under ``DOSSIER_CACHE_DIR`` (``.dossier/`` by default).

A cache entry is a file ``<root>/<kind>/<key[:2]>/<key>`` holding a small
header (magic, payload length, SHA-256 of the payload) and the payload. Keys
are hashes of everything the payload depends on (content hashes, extractor
code, spaCy model), so an entry is never stale, only unused. Entries are
written atomically (``dossier.atomic``); an entry whose header, length or
checksum does not match (a truncated or damaged file) is reported with a
warning, removed and treated as missing, so the work is simply done again.

Payloads are data, never code: spaCy ``DocBin`` bytes, msgpack records of
the project's dataclasses (``dossier.codec``, which rebuilds only the type
it is asked for and refuses anything else) and JSON. Nothing is ever
unpickled, so a cache folder shared with, or copied from, another machine
running the same code is safe to read. Nothing prunes old entries;
``rm -rf .dossier`` (or ``--fresh``) is always safe.
"""

from __future__ import annotations

import hashlib
import logging
import struct
from functools import lru_cache
from pathlib import Path

from dossier import atomic

log = logging.getLogger(__name__)

MAGIC = b"DOSSIER-CACHE\x01"
_HEADER = struct.Struct(">Q32s")  # payload length, sha256 of payload
_PACKAGE = Path(__file__).resolve().parent


class CacheStore:
    """Read and write cache entries; ``read=False`` ignores what is there (``--fresh``)."""

    def __init__(self, root: Path, read: bool = True) -> None:
        self.root = root
        self.read = read
        self.hits = 0
        self.misses = 0

    def path(self, kind: str, key: str) -> Path:
        if not kind.isidentifier() or not key.isalnum():
            raise ValueError(f"bad cache kind or key: {kind!r} {key!r}")
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None if absent, ignored or damaged."""
        if not self.read:
            self.misses += 1
            return None
        path = self.path(kind, key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        payload = unpack(data)
        if payload is None:
            log.warning("cache entry %s is damaged (truncated or corrupt); rebuilding it", path)
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def put(self, kind: str, key: str, payload: bytes) -> None:
        atomic.write_bytes(self.path(kind, key), pack(payload))

    def discard(self, kind: str, key: str) -> None:
        """Remove an entry whose payload turned out unusable (it is computed again)."""
        self.path(kind, key).unlink(missing_ok=True)


def pack(payload: bytes) -> bytes:
    return MAGIC + _HEADER.pack(len(payload), hashlib.sha256(payload).digest()) + payload


def unpack(data: bytes) -> bytes | None:
    """The payload of a packed entry, or None if the entry is not whole and intact."""
    head = len(MAGIC) + _HEADER.size
    if len(data) < head or not data.startswith(MAGIC):
        return None
    length, digest = _HEADER.unpack(data[len(MAGIC) : head])
    payload = data[head:]
    if len(payload) != length or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def digest(*parts: str | bytes) -> str:
    """SHA-256 hex of ``parts`` with each part's length in front (no ambiguity)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=8)
def code_fingerprint(*modules: str) -> str:
    """A hash of the source files of the named ``dossier`` subpackages/modules.

    The package version does not change with every commit; the code does. A
    cache key that includes this fingerprint is invalidated by any change to
    the code that produced the entry.
    """
    files: list[Path] = []
    for name in modules:
        target = _PACKAGE / name
        if target.is_dir():
            files.extend(sorted(target.rglob("*.py")))
        else:
            files.append(target.with_suffix(".py"))
    parts: list[str | bytes] = []
    for file in files:
        parts.extend([file.relative_to(_PACKAGE).as_posix(), file.read_bytes()])
    return digest(*parts)
