"""Section 5: the link between the person and the conduct (order, participation …)."""

from __future__ import annotations

from dossier.render.sections.basis import Basis
from dossier.render.sections.wording import CATEGORY_LABEL, CATEGORY_ORDER, LINK_LABEL, PART_ORDER


def links(b: Basis) -> list[tuple[str, list[str], list[str]]]:
    rows: list[tuple[str, list[str], list[str]]] = []
    for part in PART_ORDER:
        items = [e for e in b.allegations if e.part == part]
        if len(items) == 0:
            continue
        cats = sorted({e.category for e in items}, key=CATEGORY_ORDER.index)
        rows.append(
            (LINK_LABEL[part], [CATEGORY_LABEL[c] for c in cats], [b.ref[e.id] for e in items])
        )
    return rows
