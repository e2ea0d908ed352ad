"""Stable identifiers: hashes of stable source facts, never slugs of names.

Every ID is a SHA-1 over its parts joined with a separator that cannot occur
inside a part, so ``("ab", "c")`` and ``("a", "bc")`` never collide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SEPARATOR = "\x1f"  # ASCII unit separator; parts containing it are rejected


def hash_parts(*parts: str | int) -> str:
    """Return the hex SHA-1 of ``parts``, joined with an unambiguous separator."""
    if len(parts) == 0:
        raise ValueError("hash_parts needs at least one part")
    texts: list[str] = []
    for part in parts:
        text = str(part)
        if SEPARATOR in text:
            raise ValueError(f"ID part contains the separator: {text!r}")
        texts.append(text)
    return hashlib.sha1(SEPARATOR.join(texts).encode("utf-8")).hexdigest()


def make_id(prefix: str, *parts: str | int) -> str:
    """An FtM entity ID ``<prefix>-<sha1 of prefix and parts>``."""
    if not re.fullmatch(r"[a-z]+", prefix):
        raise ValueError(f"ID prefix must be lowercase letters: {prefix!r}")
    return f"{prefix}-{hash_parts(prefix, *parts)}"


def short_id(entity_id: str, length: int = 6) -> str:
    """The first ``length`` hex digits of an ID's hash, for file names."""
    digest = entity_id.rsplit("-", 1)[-1]
    if not re.fullmatch(r"[0-9a-f]+", digest) or len(digest) < length:
        digest = hash_parts(entity_id)
    return digest[:length]


def ascii_slug(text: str, max_length: int = 60) -> str:
    """A safe ASCII file-name slug: lowercase letters, digits and hyphens only."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:max_length].strip("-")
    return slug if slug != "" else "unnamed"
