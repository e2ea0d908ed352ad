"""Positions held, as printed: fragments dropped, duplicates folded, each with the
best passage for it (sections 1, 2 and 5)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.profile import PositionHeld, fold
from dossier.render.pdf import format_date
from dossier.render.sections.basis import Basis, Note

# Words that may open a position title in lower case ("former deputy head of …");
# any other lower-case opener before a capitalised word is a parsing fragment
# ("office President" from "in office President Tokayev").
TITLE_OPENERS = frozenset(
    {
     "former", "deputy", "acting", "vice", "first", "then", "ex", "chief", "head", "chair",
     "chairman", "chairwoman", "member", "employee", "director", "minister", "general",
     "senior", "junior", "prosecutor", "judge", "officer", "governor", "mayor", "commander",
     "colonel", "investigator", "businessman", "owner", "founder", "adviser", "advisor",
     "assistant", "secretary", "spokesperson", "ambassador", "akim",
    }
)  # fmt: skip
ANAPHORA = re.compile(
    r"\b(this|that|these|those|his|her|its|their|same)\b|"
    r"\bthe (institution|facility|organi[sz]ation|agency|commission|body|department)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Position:
    """A position as printed: cleaned title, dates, and the best passage for it."""

    title: str
    start: str | None
    end: str | None
    note: Note | None

    @property
    def dated(self) -> str:
        when = ""
        if self.start is not None:
            when += f" (from {format_date(self.start)})"
        if self.end is not None:
            when += f" (until {format_date(self.end)})"
        return self.title + when


def title_is_fragment(title: str) -> bool:
    """A position title that is a parsing fragment rather than a post."""
    if ANAPHORA.search(title) is not None:
        return True  # "member of this commission": the post is named elsewhere
    words = title.split()
    if len(words) < 2 or not words[0][:1].islower():
        return False
    opener = words[0].strip("“”\"'(").lower()
    return opener not in TITLE_OPENERS and any(w[:1].isupper() for w in words[1:])


def as_phrase(title: str) -> str:
    """``described as …``: an article before a common-noun title."""
    if title[:1].isupper():
        return title
    first_word = title.split(maxsplit=1)[0].lower()
    if first_word in ("head", "chair", "chairman", "chairwoman", "director", "leader"):
        return f"the {title}"
    return f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title}"


def positions(b: Basis) -> list[tuple[PositionHeld, list[PositionHeld]]]:
    """Positions worth printing, each with the duplicates it stands for: fragments
    dropped, one entry per title, and a bare title ("President") dropped when a
    longer title ends with it ("Kazakhstani President"). The title more documents give
    comes first, a bare title's documents counted for the longer ones (the summary
    opens with it: not a post one passage names when several name another); otherwise
    the order of the profile."""
    by_title: dict[str, list[PositionHeld]] = {}
    for pos in b.p.positions:
        if title_is_fragment(pos.title):
            continue
        by_title.setdefault(fold(pos.title), []).append(pos)
    keys = list(by_title)
    kept: list[tuple[PositionHeld, list[PositionHeld]]] = []
    for key in keys:
        if any(o != key and (" " + o).endswith(" " + key) for o in keys):
            continue
        group = by_title[key]
        dated = [g for g in group if g.start is not None or g.end is not None]
        head = dated[0] if len(dated) > 0 else group[0]
        kept.append((head, group))

    def support(item: tuple[PositionHeld, list[PositionHeld]]) -> int:
        key = fold(item[0].title)
        named = [g for o in keys if (" " + key).endswith(" " + o) for g in by_title[o]]
        return len({g.document.id for g in named if g.document is not None})

    return sorted(kept, key=lambda item: -support(item))


def position_list(b: Basis) -> list[Position]:
    found: list[Position] = []
    for head, group in positions(b):
        passages = [g for g in group if g.summary is not None]
        if len(passages) > 0:
            best = min(passages, key=lambda g: (len(g.summary or ""), g.summary or ""))
            note: Note | None = b.note(best.document, best.summary, item=best)
        else:
            note = b.find_note(head.title)
        found.append(Position(head.title, head.start, head.end, note))
    return found
