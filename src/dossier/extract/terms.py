"""Whole-word occurrences of many known names in a text, in time linear in the text.

The gazetteer searches every document for the names the corpus knows (every
strong full name, every distinctive surname, every organisation name). One
regular expression alternating thousands of names costs time proportional to
the text times the number of names, and compiling it per document costs as
much again: with the corpus growing, that is quadratic. ``TermIndex`` finds
the same occurrences with a hash lookup per text position.

Semantics (those of the regular expression it replaces): an occurrence starts
where the previous character is not a word character, hyphen, apostrophe or
full stop, and ends where the next character is not a word character. A space
in a name matches a space or a no-break space. At each position the longest
name that fits wins, and the search goes on after it (no overlaps).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"\w")
_NOT_BEFORE = frozenset("-’'.")
PREFIX = 2  # characters a name is indexed by; shorter names are never searched for


def _normal(text: str) -> str:
    return text.replace("\u00a0", " ")


class TermIndex:
    """Literal names, indexed by their first characters, longest first."""

    def __init__(self, terms: Iterable[str]) -> None:
        by_prefix: dict[str, set[str]] = {}
        for term in terms:
            normal = _normal(term)
            if len(normal) >= PREFIX:
                by_prefix.setdefault(normal[:PREFIX], set()).add(normal)
        self._by_prefix = {
            prefix: sorted(found, key=lambda t: (-len(t), t)) for prefix, found in by_prefix.items()
        }

    def __len__(self) -> int:
        return sum(len(terms) for terms in self._by_prefix.values())

    def candidates(self, prefix: str) -> list[str]:
        return self._by_prefix.get(prefix, [])


def find_terms(text: str, indexes: Sequence[TermIndex]) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of a name of any of ``indexes`` in ``text``."""
    normal = _normal(text)
    size = len(normal)
    found: list[tuple[int, int]] = []
    i = 0
    while i <= size - PREFIX:
        prefix = normal[i : i + PREFIX]
        end = -1
        if i == 0 or not (_WORD.match(normal[i - 1]) or normal[i - 1] in _NOT_BEFORE):
            for index in indexes:
                for term in index.candidates(prefix):
                    if len(term) <= end - i:
                        break  # the rest are shorter than the best found so far
                    j = i + len(term)
                    if normal.startswith(term, i) and (j == size or not _WORD.match(normal[j])):
                        end = j
                        break
        if end > i:
            found.append((i, end))
            i = end
        else:
            i += 1
    return found
