"""Section 6: corroboration, the matrix of allegation categories by source."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.render.sections.basis import Basis
from dossier.render.sections.wording import CATEGORY_LABEL, independence_key


@dataclass(frozen=True)
class MatrixRow:
    label: str
    cells: tuple[str, ...]
    publishers: int
    types: str
    strength: str


def matrix(b: Basis) -> tuple[list[int], list[MatrixRow]]:
    used = sorted({b.source_no[e.document.id] for e in b.allegations if e.document is not None})
    docs = {n: d for d, n in b.source_no.items()}
    rows: list[MatrixRow] = []
    for category in b.categories():
        items = [e for e in b.allegations if e.category == category]
        cells: list[str] = []
        for no in used:
            here = [e for e in items if e.document is not None and e.document.id == docs[no]]
            acc = sum(1 for e in here if e.status == "accepted")
            unrev = sum(1 for e in here if e.status == "unreviewed")
            cell = " ".join(
                ([f"✓{acc if acc > 1 else ''}"] if acc > 0 else [])
                + ([f"?{unrev if unrev > 1 else ''}"] if unrev > 0 else [])
            )
            cells.append(cell if cell != "" else "–")
        types = sorted({e.document.source_type for e in items if e.document is not None})
        rows.append(
            MatrixRow(
                CATEGORY_LABEL[category],
                tuple(cells),
                len({independence_key(e.document) for e in items}),
                ", ".join(types),
                b.strength(items),
            )
        )
    return used, rows
