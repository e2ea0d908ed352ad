"""Section 4: statement of facts, the alleged conduct by category in date order."""

from __future__ import annotations

from dossier.profile import EvidenceItem
from dossier.render.pdf import format_date
from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.wording import (
    CATEGORY_LABEL,
    CATEGORY_NOUN,
    PART_ORDER,
    PART_VERB,
    capitalise,
    source_name,
)

INLINE_QUOTE = 420  # passages up to this length are quoted in the text, longer ones in a note


def conduct_sentence(
    b: Basis, item: EvidenceItem, lead: str, limit: int = INLINE_QUOTE, tag: bool = True
) -> Sentence:
    """``{lead}{source} reports that {name} {part} {conduct} ({date}): “passage”``."""
    no = b.source_no.get(item.document.id) if item.document is not None else None
    when = f" ({format_date(item.date)})" if item.date is not None else ""
    claim = f"{lead}{b.p.name} {PART_VERB[item.part]} {CATEGORY_NOUN[item.category]}{when}."
    source = capitalise(source_name(item.document, no if tag else None))
    inline = len(item.summary) <= limit
    if inline:
        text = f"{claim} {source} reports: “{item.summary}”"
    else:
        text = f"{claim} {source} reports it in the passage quoted in the note."
    return Sentence(capitalise(text), b.evidence_note(item, quoted_inline=inline), item.status)


def facts(b: Basis) -> list[tuple[str, list[Sentence]]]:
    """The alleged conduct, by category, in date order within each (undated last).
    Background passages are not facts of conduct and stay in Annex B."""
    groups: list[tuple[str, list[Sentence]]] = []
    for category in b.categories():
        items = sorted(
            (e for e in b.allegations if e.category == category),
            key=lambda e: (e.date or "9999", PART_ORDER.index(e.part), e.id),
        )
        sentences: list[Sentence] = []
        for item in items:
            lead = f"On or about {format_date(item.date)}, " if item.date is not None else ""
            sentences.append(conduct_sentence(b, item, lead))
        groups.append((CATEGORY_LABEL[category], sentences))
    return groups
