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
PREFIX = 2  # names shorter than this are never searched for


def _normal(text: str) -> str:
    return text.replace("\u00a0", " ")


_FIRST_RUN = re.compile(r"\W*\w+")
_TWO_RUNS = re.compile(r"\W*\w+\W+\w+")
_THREE_RUNS = re.compile(r"\W*\w+\W+\w+\W+\w+")


class TermIndex:
    """Literal names, indexed by their first three words (or all, if fewer), longest first.

    A name that occurs at a position begins with the text's words there: its
    first runs of word characters (with what comes before and between them)
    are the text's first runs from that position, and its last word ends where
    the text's word does. So the names that can occur at a position are those
    filed under the text's first three words, first two words (names of two
    words) or first word (names of one word); names without a word character
    are tried everywhere.

    Each lookup is keyed by words the text holds, so a document that reads the
    index (``dossier.readset``) depends only on the names that begin with its
    own words: a new name elsewhere in the corpus leaves it valid.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        one: dict[str, set[str]] = {}
        two: dict[str, set[str]] = {}
        three: dict[str, set[str]] = {}
        bare: set[str] = set()
        starts: set[str] = set()
        for term in terms:
            normal = _normal(term)
            if len(normal) < PREFIX:
                continue
            starts.add(normal[0])
            triple = _THREE_RUNS.match(normal)
            pair = _TWO_RUNS.match(normal)
            first = _FIRST_RUN.match(normal)
            if triple is not None:
                three.setdefault(triple.group(), set()).add(normal)
            elif pair is not None:
                two.setdefault(pair.group(), set()).add(normal)
            elif first is not None:
                one.setdefault(first.group(), set()).add(normal)
            else:
                bare.add(normal)
        self._one = {key: _longest_first(found) for key, found in one.items()}
        self._two = {key: _longest_first(found) for key, found in two.items()}
        self._three = {key: _longest_first(found) for key, found in three.items()}
        self._bare = _longest_first(bare)
        self._starts = starts  # the first characters of the names

    def __len__(self) -> int:
        return (
            sum(len(t) for t in self._one.values())
            + sum(len(t) for t in self._two.values())
            + sum(len(t) for t in self._three.values())
            + len(self._bare)
        )

    def candidates(self, text: str, i: int) -> list[str]:
        """The names that could occur at ``text[i:]``, longest first (``text`` normalised)."""
        if text[i] not in self._starts:
            return []
        found: list[str] = []
        first = _FIRST_RUN.match(text, i)
        if first is not None:
            found.extend(self._one.get(first.group(), ()))
            pair = _TWO_RUNS.match(text, i)
            if pair is not None:
                found.extend(self._two.get(pair.group(), ()))
                triple = _THREE_RUNS.match(text, i)
                if triple is not None:
                    found.extend(self._three.get(triple.group(), ()))
        if len(self._bare) > 0:
            found.extend(self._bare)
        return _longest_first(found) if len(found) > 1 else found


def _longest_first(terms: Iterable[str]) -> list[str]:
    return sorted(set(terms), key=lambda t: (-len(t), t))


def find_terms(text: str, indexes: Sequence[TermIndex]) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of a name of any of ``indexes`` in ``text``."""
    normal = _normal(text)
    size = len(normal)
    found: list[tuple[int, int]] = []
    i = 0
    while i <= size - PREFIX:
        end = -1
        if i == 0 or not (_WORD.match(normal[i - 1]) or normal[i - 1] in _NOT_BEFORE):
            for index in indexes:
                for term in index.candidates(normal, i):
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
