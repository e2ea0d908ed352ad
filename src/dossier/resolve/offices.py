"""One office: what lets a short form of a name join the full name in another document.

A press text calls a man "Rodrigo Ibarra" who is "Rodrigo Andres Ibarra Soto" in
the release that designated him. The names alone cannot say they are one person
(``matching.SHORTER_NAME`` leaves the pair to a human): a cousin may share the
given name and the father's surname. Both texts also name his office, "director of
the Northern Prison Service"; a cousin does not hold that office too. So a pair
whose names are consistent (one is the other with parts left out) merges when the
two people hold one office, named specifically enough to be one post: three words
or more and a proper name in it ("Director of the National Police", not "head of
state" or "minister"). Countries that differ still leave the pair to a human.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"[\w’'-]+")
OFFICE_WORDS_MIN = 3


def _words(title: str) -> list[str]:
    return [w for w in _WORD.findall(title) if w.lower() not in _ARTICLES]


def office_key(title: str) -> str | None:
    """The office as compared ("director of northern prison service"), or None when the
    title has fewer than three words."""
    words = _words(title)
    if len(words) < OFFICE_WORDS_MIN:
        return None
    return " ".join(w.lower() for w in words)


def _named(title: str) -> bool:
    """A proper name after the first word: the post is one institution's."""
    return any(w[:1].isupper() for w in _words(title)[1:])


def shared_office(left: Iterable[str], right: Iterable[str]) -> str | None:
    """An office both sides hold, as one side names the institution; None if there is
    none. One side may write it in lower case ("director of the northern prison
    service") when the other names the institution in capitals."""
    named: dict[str, str] = {}  # office key -> the right side's title naming it
    plain: set[str] = set()
    for title in sorted(right):
        key = office_key(title)
        if key is not None:
            plain.add(key)
            if _named(title):
                named.setdefault(key, title)
    for title in sorted(left):
        key = office_key(title)
        if key is None or key not in plain:
            continue
        if _named(title):
            return title
        if key in named:
            return named[key]
    return None
