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


_RUN = re.compile(r"\W*\w+")  # a run: what comes before a word, and the word


def _runs(text: str, i: int = 0) -> list[int]:
    """Where each run of ``text`` from ``i`` ends (the first, the first two, ...)."""
    ends: list[int] = []
    run = _RUN.match(text, i)
    while run is not None:
        ends.append(run.end())
        run = _RUN.match(text, run.end())
    return ends


class TermIndex:
    """Literal names, filed under all their words (with what comes before and between them).

    A name that occurs at a position begins with the text's words there: its
    runs of word characters (with what comes before and between them) are the
    text's first runs from that position, and its last word ends where the
    text's word does (only non-word characters may follow it in the name). So
    the names that can occur at a position are those filed under the text's
    first word, first two words, first three words and so on, as long as some
    name has more words than that (``_longer``); names without a word
    character are tried everywhere.

    Each lookup is keyed by words the text holds, so a document that reads the
    index (``dossier.readset``) depends only on the names made of its own words
    (and on whether some name goes on after them): a new name elsewhere in the
    corpus, even one that begins like a name the document holds, leaves it valid.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        names: dict[str, set[str]] = {}
        longer: set[str] = set()
        bare: set[str] = set()
        starts: set[str] = set()
        for term in terms:
            normal = _normal(term)
            if len(normal) < PREFIX:
                continue
            starts.add(normal[0])
            ends = _runs(normal)
            if len(ends) == 0:
                bare.add(normal)
                continue
            names.setdefault(normal[: ends[-1]], set()).add(normal)
            longer.update(normal[:end] for end in ends[:-1])
        self._names = {key: _longest_first(found) for key, found in names.items()}
        self._longer = longer  # the words some name begins with and goes on after
        self._bare = _longest_first(bare)
        self._starts = starts  # the first characters of the names

    def __len__(self) -> int:
        return sum(len(t) for t in self._names.values()) + len(self._bare)

    def candidates(self, text: str, i: int) -> list[str]:
        """The names that could occur at ``text[i:]``, longest first (``text`` normalised)."""
        if text[i] not in self._starts:
            return []
        found: list[str] = []
        run = _RUN.match(text, i)
        while run is not None:
            words = text[i : run.end()]
            found.extend(self._names.get(words, ()))
            if words not in self._longer:
                break
            run = _RUN.match(text, run.end())
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
