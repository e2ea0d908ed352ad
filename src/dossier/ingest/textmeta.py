"""Metadata a plain text gives in its own first lines: a heading and a dateline.

Conservative: the title is the first line only when it reads as a heading
(short, no sentence-final full stop, a blank line or the end after it, or a
Markdown ``#`` heading); a dateline counts only at the start of a paragraph in
the first part of the text, with the place in capitals and a dash after it:

    WASHINGTON – The Treasury …            place WASHINGTON
    ALMATY, Jan 5 (Reuters) - …            place ALMATY, publisher Reuters
    MOSCOW, 10 December 2024 — …           place MOSCOW, date 2024-12-10

A dateline date without a year is not a publication date and is not used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.ingest.metadata import FoundMeta
from dossier.model import Span

MAX_HEADING_CHARS = 150
MAX_HEADING_WORDS = 20
DATELINE_WINDOW = 3000  # datelines are looked for in the first characters only

_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_WORD}(?:\s+\d{{4}})?)"
_PLACE = r"[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ.'’-]+(?:\s[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ.'’-]+){0,3}"
_AGENCY = r"[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*){0,2}"
_DATELINE = re.compile(
    rf"(?:(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?"
    rf"(?:,\s*(?P<date1>{_DATE}))?|(?P<date2>{_DATE}))"
    rf"\s*(?:\((?P<agency>{_AGENCY})\))?\s+[–—-]{{1,2}}\s+(?=\S)"
)
_MARKDOWN_HEADING = re.compile(r"#{1,2}\s+(?P<title>\S.*?)\s*#*\s*")
_WORD = re.compile(r"\w+")


def text_meta(text: str, skip: Sequence[Span] = ()) -> FoundMeta:
    """Title, place, date and agency from the opening lines of ``text``."""
    found = FoundMeta()
    lines = _lines(text, skip)
    heading = _heading(lines)
    if heading is not None:
        found.offer("title", heading[0], heading[1])
    _dateline(text[:DATELINE_WINDOW], found)
    return found


def _lines(text: str, skip: Sequence[Span]) -> list[tuple[str, bool]]:
    """(line, followed by a blank line or the end) for the non-blank, non-furniture lines."""
    skipped = {span.start for span in skip}
    result: list[tuple[str, bool]] = []
    position = 0
    raw = text[:DATELINE_WINDOW].split("\n")
    for i, line in enumerate(raw):
        start = position + len(line) - len(line.lstrip())
        position += len(line) + 1
        if line.strip() == "" or start in skipped:
            continue
        after = raw[i + 1] if i + 1 < len(raw) else ""
        result.append((line.strip(), after.strip() == ""))
        if len(result) >= 2:
            break
    return result


def _heading(lines: list[tuple[str, bool]]) -> tuple[str, str] | None:
    if len(lines) == 0:
        return None
    line, blank_after = lines[0]
    markdown = _MARKDOWN_HEADING.fullmatch(line)
    if markdown is not None:
        return markdown["title"], "heading line (Markdown #)"
    if not blank_after or len(line) > MAX_HEADING_CHARS:
        return None
    if len(_WORD.findall(line)) > MAX_HEADING_WORDS or line.endswith((".", ",", ";", ":")):
        return None
    if _DATELINE.match(line) is not None or not any(ch.isalpha() for ch in line):
        return None
    return line, "heading line"


def _dateline(window: str, found: FoundMeta) -> None:
    for paragraph in re.finditer(r"(?:^|\n)[ \t]*(?P<start>\S)", window):
        match = _DATELINE.match(window, paragraph.start("start"))
        if match is None:
            continue
        if match["place"] is not None:
            place = match["place"].title() if match["place"].isupper() else match["place"]
            if match["region"] is not None:
                place = f"{place}, {match['region']}"
            found.offer("place", place, "dateline")
        day = match["date1"] or match["date2"]
        if day is not None and re.search(r"\d{4}", day) is not None:
            found.offer("published_at", day, "dateline")
        if match["agency"] is not None:
            found.offer("publisher", match["agency"], "dateline")
        return
