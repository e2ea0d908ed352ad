"""Footnotes, endnotes, bibliographies and reference lists inside a document.

Names found there are cited authors (or people in cited titles), not actors in
the events the document reports. ``cited_regions`` returns character ranges.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract.names import wordset

# A footnote or endnote line: "[43] Vladimir Kozlov, ...", "43. Author, Title, 2020",
# "^ ...", "↑ ...".
_NOTE_LINE = re.compile(
    r"^[ \t\u00a0]*(?:\[\d{1,4}\]|\^|↑|\d{1,4}\s*[\].)]?\s+[A-Z“\"‘'].*\b(?:19|20)\d\d\b)"
)
# A heading that opens a reference section.
_HEADING = re.compile(
    r"^[ \t\u00a0#*]*(?:references|notes|endnotes|footnotes|bibliography|sources|"
    r"works cited|further reading|citations|literature)[ \t\u00a0:*]*$",
    re.IGNORECASE,
)
# An in-text citation in brackets: "(Olmos, 2019)", "(Olmos 2019: 12)".
_PAREN_CITATION = re.compile(
    r"\((?:see |cf\. )?[A-Z][^()\n]{1,80}?,? (?:19|20)\d\d[a-z]?(?:[:,] ?(?:p\. ?)?\d+(?:-\d+)?)?\)"
)


_NUMBERED = re.compile(r"^\d{1,4}\s*[.)]\s+")
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|served|serves|ordered|led|commanded|oversaw)\b"
)


def _list_sentence(line: str) -> bool:
    """ "1. X has served as minister since 2018 ...": a numbered list item that is a
    sentence about someone, not a note ("12. Author, Title, 2020"): its first words run
    to a verb before any comma or quotation mark."""
    numbered = _NUMBERED.match(line)
    if numbered is None:
        return False
    head = line[numbered.end() :].split()[:8]
    for word in head:
        if _CLAUSE_VERB.fullmatch(word) is not None:
            return True
        if any(mark in word for mark in (",", "“", '"', ":", "(")):
            return False
    return False


class CitedRegions:
    """Sorted, non-overlapping character ranges that are citations."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if len(merged) > 0 and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.ranges = merged
        self._starts = [r[0] for r in merged]

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]

    def covers(self, start: int, end: int) -> bool:
        return start in self and (end - 1) in self


def cited_regions(text: str) -> CitedRegions:
    """Where ``text`` cites sources: note lines, reference sections, bracketed citations."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    in_references = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if _HEADING.match(stripped) is not None:
            in_references = True
        elif (in_references and stripped != "") or (
            _NOTE_LINE.match(line) is not None and not _list_sentence(stripped)
        ):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    for match in _PAREN_CITATION.finditer(text):
        ranges.append((match.start(), match.end()))
    return CitedRegions(ranges)


# Words a Title Case headline leaves in lowercase (and that say nothing about names).
_MINOR_WORDS = wordset(
    """
    a an the of in on at for to by with from and or but nor as vs via into onto over under
    about after against between per than upon up out off
    """
)
# A headline segment ends at a comma, semicolon, line break or a byline's "by".
_SEGMENT_END = re.compile(r"[,;\n]|[ \u00a0]by[ \u00a0]")
_HEADLINE_WORD = re.compile(r"(?<![\w$€£])[^\W\d_][\w’'.-]*")


def headline_ranges(text: str, lower_words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Title Case runs ("Dark Shadows: Inside the Secret World of Kazakhstan").

    A segment is a headline when at least four of its words are content words,
    every content word is capitalised, and at least two of them are words the
    document also writes in lowercase: there, a capital letter is no evidence
    of a name. A list of names ("Dmitry Solovyov and Robin Paxton") is not one.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for end_match in [*_SEGMENT_END.finditer(text), None]:
        end = len(text) if end_match is None else end_match.start()
        segment_start, start = start, (len(text) if end_match is None else end_match.end())
        words = _HEADLINE_WORD.findall(text, segment_start, end)
        content = [w for w in words if w.lower() not in _MINOR_WORDS]
        if len(content) < 4 or not all(w[0].isupper() for w in content):
            continue
        common = sum(1 for w in content if w.lower().rstrip(".") in lower_words)
        if common >= 2 and common * 3 >= len(content):
            out.append((segment_start, end))
    return out
