"""Span cleanup: exact character spans for names.

A raw span from the model may swallow a title ("Mr."), a determiner ("the"),
a possessive ("’s"), a footnote marker (".[43"), trailing punctuation, a blank
line, or a neighbour glued on without a space ("12.PAVEL MIKHEYEV/Reuters").
``clean_span`` cuts such a span into the name pieces it contains.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from dossier.extract.names import is_shouting, is_title

_DETERMINERS = frozenset({"the", "a", "an"})
# Prepositions that open sentences and never begin a person's name.
_PREPOSITIONS = frozenset(
    {"beyond", "across", "despite", "throughout", "outside", "inside", "within", "without"}
    | {"among", "amid", "amidst", "against", "towards", "toward", "upon", "into", "onto"}
    | {"behind", "below", "above", "beside", "besides", "between", "except", "via", "unlike"}
    | {"after", "before", "during", "since", "under", "from", "with", "at", "for", "by", "of"}
    | {"about", "around", "following", "regarding", "concerning", "through", "until"}
)
_LEADING_JUNK = " \t\u00a0\u200b[]()•·*#-–—|:;,.!?/\\“”\"‘’'«»„"
_TRAILING_JUNK = " \t\u00a0\u200b[(•·*#-–—|:;,!?/\\“\"‘'«„"
_FOOTNOTE = re.compile(
    r"(?:\.?\s?\[\d{0,4}\]?|\.?\[\w{0,3}|\.\d{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$"
)
_POSSESSIVE = re.compile(r"(?:[’'`´ʼ]s|(?<=s)[’'`´ʼ])$")
# Glue between two names written without a space: "12.PAVEL", "Reuters.PAVEL".
_GLUE = re.compile(r"(?<=[0-9][.\]])(?=[A-ZА-Я])|(?<=[a-z]\.)(?=[A-ZА-Я]{2})")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,4}|\b(?:Inc|Co|Ltd|Corp|Jr|Sr|Bros|Plc|St|Ave|No|Dept|Univ)\.)$"
)
_SPACED_DASH = re.compile(r"[ \u00a0][-–—](?=[ \u00a0])")
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("«", "»"), ("‘", "’"), ('"', '"'))


@dataclass(frozen=True)
class Piece:
    """A cleaned span and the title or honorific that was cut from its front."""

    start: int
    end: int
    title: str | None = None


def _split_slash(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "MIKHEYEV/Reuters" (a credit line) but not "Radio Free Europe/Radio Liberty"."""
    out: list[tuple[int, int]] = []
    cut = start
    for match in re.finditer(r"/", text[start:end]):
        at = start + match.start()
        left = re.search(r"[\w.-]+$", text[cut:at])
        right = re.match(r"[\w.-]+", text[at + 1 : end])
        if left is None or right is None:
            continue
        if is_shouting(left.group()) != is_shouting(right.group()):
            out.append((cut, at))
            cut = at + 1
    out.append((cut, end))
    return out


def _balanced(value: str) -> bool:
    for opening, closing in _PAIRS:
        if opening == closing:
            if value.count(opening) % 2 != 0:
                return False
        elif value.count(opening) != value.count(closing):
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip junk, footnote markers, possessives and punctuation from both ends."""
    while True:
        before = (start, end)
        while start < end and text[start] in _LEADING_JUNK:
            if text[start] in "“‘«(\"'" and _balanced(text[start:end]):
                break
            start += 1
        while start < end and text[end - 1] in _TRAILING_JUNK:
            end -= 1
        value = text[start:end]
        match = _FOOTNOTE.search(value)
        if match is not None and match.start() > 0:
            end = start + match.start()
            continue
        match = _POSSESSIVE.search(value)
        if match is not None and match.start() > 1:
            end = start + match.start()
            continue
        if end > start and text[end - 1] == "." and _ABBREVIATION_END.search(value) is None:
            end -= 1
            continue
        value = text[start:end]
        if value.count("(") > value.count(")") and value.rfind("(") > 0:
            end = start + value.rfind("(")
            continue
        if end > start and text[end - 1] in ')”»’"' and not _balanced(value):
            end -= 1
            continue
        if end > start and text[start] in '(“«‘"' and not _balanced(value):
            start += 1
            continue
        if (start, end) == before:
            return start, end


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


# Titles of two words whose second word is no title alone.
_TWO_WORD: frozenset[tuple[str, str]] = frozenset({("chief", "executive")})


def _title_before(text: str, start: int, titles: list[str]) -> str:
    """The title word just before ``start``: stripped already, or left out of the span."""
    if len(titles) > 0:
        return titles[-1].lower()
    found = re.search(r"([A-Za-z]+)[ \u00a0]+$", text[max(0, start - 20) : start])
    return found.group(1).lower() if found is not None else ""


def clean_span(text: str, start: int, end: int, person: bool) -> list[Piece]:
    """Cut ``text[start:end]`` into cleaned name pieces.

    Determiners are dropped from the front of any name; for a person, titles
    and honorifics are dropped too and reported in ``Piece.title``.
    """
    pieces: list[Piece] = []
    for line in re.finditer(r"[^\n\r]+", text[start:end]):
        line_start, line_end = start + line.start(), start + line.end()
        bounds = [
            line_start,
            *(line_start + m.start() for m in _GLUE.finditer(text[line_start:line_end])),
            line_end,
        ]
        if person:
            # "Ann Bolt - Director General": a spaced dash ends a name
            bounds = sorted(
                {
                    *bounds,
                    *(
                        line_start + m.start()
                        for m in _SPACED_DASH.finditer(text[line_start:line_end])
                    ),
                }
            )
        for seg_start, seg_end in itertools.pairwise(bounds):
            for part_start, part_end in _split_slash(text, seg_start, seg_end):
                piece = _clean_piece(text, part_start, part_end, person)
                if piece is not None:
                    pieces.append(piece)
    return pieces


_GLUED_BY = re.compile(r"By[A-Z][a-z]")


def _clean_piece(text: str, start: int, end: int, person: bool) -> Piece | None:
    start, end = _trim(text, start, end)
    titles: list[str] = []
    while True:
        words = _words(text, start, end)
        if len(words) < 2:
            break
        first = text[words[0][0] : words[0][1]]
        if person and _GLUED_BY.match(first) and (start == 0 or text[start - 1] == "\n"):
            start += 2  # "ByDafna Psalidou": a byline's "By" glued to the name
            continue
        if person and first.lower() in _PREPOSITIONS and first[0].isupper():
            start = words[1][0]  # "Beyond Khartoum, ...": a sentence's first word
            start, end = _trim(text, start, end)
            continue
        if (
            first.lower() in _DETERMINERS
            or (person and is_title(first))
            # "Chief Executive Carrie Lam": a title's second word (not "Executive Order")
            or (person and (_title_before(text, start, titles), first.lower()) in _TWO_WORD)
        ):
            if first.lower() not in _DETERMINERS:
                titles.append(first)
            start = words[1][0]
            start, end = _trim(text, start, end)
            continue
        break
    if not person:
        generic = re.search(r"[ \u00a0]+NGOs?$", text[start:end])  # "Freedom for Eurasia NGO"
        if generic is not None and generic.start() > 0:
            end = start + generic.start()
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return Piece(start, end, " ".join(titles) if len(titles) > 0 else None)
