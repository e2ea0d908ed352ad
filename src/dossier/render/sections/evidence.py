"""The evidence items as the dossier numbers them (E1, E2 …) and groups them (Annex B).

Rejected items are never shown: a rejected item may be a wrong attribution. The
same numbering and groups are used by the PDF and by the review screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dossier.model import PERPETRATOR_PARTS
from dossier.profile import EvidenceItem
from dossier.render.sections.wording import CATEGORY_ORDER, PART_ORDER

EXCERPT_GROUPS: tuple[str, ...] = (
    "Allegations relied on",
    "Calls for sanctions",
    "Background: identity, position and statements (not relied on as conduct)",
    "The person in another part: victim, witness, source or advocate (not relied on)",
)


@dataclass(frozen=True)
class Numbered:
    no: str  # E1 ...
    item: EvidenceItem
    source_no: int | None
    relied_on: bool
    group: int  # index into EXCERPT_GROUPS


def evidence_group(item: EvidenceItem) -> int:
    """Which EXCERPT_GROUPS group an evidence item belongs to."""
    if item.is_allegation:
        return 0
    if item.category == "sanctions_call" and item.part in PERPETRATOR_PARTS:
        return 1
    if item.category == "context" and item.part == "subject":
        return 2
    return 3


def excerpt_key(item: EvidenceItem) -> tuple[int, int, int, str, str]:
    category = CATEGORY_ORDER.index(item.category) if item.category in CATEGORY_ORDER else 99
    part = PART_ORDER.index(item.part) if item.part in PART_ORDER else 99
    return (evidence_group(item), category, part, item.date or "9999", item.id)


def number_evidence(
    evidence: Iterable[EvidenceItem], source_no: Mapping[str, int]
) -> list[Numbered]:
    """Every item that is not rejected, in Annex B order, numbered E1, E2 …"""
    shown = sorted((e for e in evidence if e.status != "rejected"), key=excerpt_key)
    return [
        Numbered(
            f"E{n}",
            item,
            source_no.get(item.document.id) if item.document is not None else None,
            evidence_group(item) in (0, 1),
            evidence_group(item),
        )
        for n, item in enumerate(shown, start=1)
    ]


def excerpt_groups(numbered: Iterable[Numbered]) -> list[tuple[str, list[Numbered]]]:
    """Annex B: the non-empty groups, each with its items in order."""
    items = list(numbered)
    groups = [
        (label, [n for n in items if n.group == index])
        for index, label in enumerate(EXCERPT_GROUPS)
    ]
    return [(label, members) for label, members in groups if len(members) > 0]
