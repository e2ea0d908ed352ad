"""Source text cut into pieces for the templates: a passage inside its paragraph,
and a whole document with the names of people and organisations marked.

Only offsets are computed here; the templates print every piece autoescaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dossier.model import Claim, Extraction

CONTEXT_LIMIT = 400  # characters of paragraph shown on each side of a passage at most


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str  # "text", "passage", "mention", "name"
    link: str | None = None  # for names: the entity page
    label: str | None = None  # for names: PER / ORG


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between line breaks) around ``start:end``; a long one is cut at
    the word boundary nearest ``CONTEXT_LIMIT`` characters from the passage."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    if start - left > CONTEXT_LIMIT:
        cut = text.find(" ", start - CONTEXT_LIMIT, start)
        left = cut + 1 if cut >= 0 else start - CONTEXT_LIMIT
    if right - end > CONTEXT_LIMIT:
        cut = text.rfind(" ", end, end + CONTEXT_LIMIT)
        right = cut if cut >= 0 else end + CONTEXT_LIMIT
    return left, right


def in_paragraph(claim: Claim, extraction: Extraction) -> list[Piece]:
    """Before, the passage (with the person's mention marked inside it), after."""
    text = extraction.source.text
    left, right = paragraph_bounds(text, claim.start, claim.end)
    before = text[left : claim.start]
    after = text[claim.end : right]
    if left > 0 and text[left - 1] != "\n":
        before = "…" + before
    if right < len(text) and text[right] != "\n":
        after = after + "…"
    pieces = [Piece(before, "text")]
    m_start = min(max(claim.mention_start, claim.start), claim.end)
    m_end = min(max(claim.mention_end, m_start), claim.end)
    pieces.append(Piece(text[claim.start : m_start], "passage"))
    pieces.append(Piece(text[m_start:m_end], "mention"))
    pieces.append(Piece(text[m_end : claim.end], "passage"))
    pieces.append(Piece(after, "text"))
    return [p for p in pieces if p.text != ""]


def marked_document(extraction: Extraction, link: Callable[[str], str | None]) -> list[Piece]:
    """The whole text, each resolved mention of a person or organisation a link
    (``link(entity_key)`` gives the entity page, None for no page)."""
    text = extraction.source.text
    pieces: list[Piece] = []
    at = 0
    for mention in sorted(extraction.mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < at or mention.entity_key is None:
            continue  # overlapping or unresolved: left as plain text
        target = link(mention.entity_key)
        if target is None:
            continue
        if mention.start > at:
            pieces.append(Piece(text[at : mention.start], "text"))
        pieces.append(Piece(text[mention.start : mention.end], "name", target, mention.label))
        at = mention.end
    if at < len(text):
        pieces.append(Piece(text[at:], "text"))
    return pieces
