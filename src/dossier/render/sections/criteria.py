"""Section 3: legal criteria of each chosen regime and the evidence that meets them."""

from __future__ import annotations

from dataclasses import dataclass

from dossier import criteria as rules
from dossier.profile import EvidenceItem
from dossier.render.sections.basis import Basis
from dossier.render.sections.wording import CATEGORY_NOUN, PART_ORDER, PART_VERB, join_words


@dataclass(frozen=True)
class CriterionRow:
    citation: str
    text: str
    paraphrase: bool  # True: a paraphrase of the reference summary, not a quotation
    facts: tuple[str, ...]
    refs: tuple[str, ...]
    strength: str


@dataclass(frozen=True)
class CriteriaTable:
    regime: rules.Regime
    rows: tuple[CriterionRow, ...]


def criteria(b: Basis, regime_ids: list[str]) -> tuple[list[CriteriaTable], list[str]]:
    cats = b.categories()
    tables: list[CriteriaTable] = []
    covered: set[str] = set()
    for rid in regime_ids:
        rows: list[CriterionRow] = []
        for criterion, met_by in rules.criteria_met(rid, cats):
            covered.update(met_by)
            facts: list[str] = []
            refs: list[str] = []
            items: list[EvidenceItem] = []
            for category in met_by:
                ranked = b.ranked(category)
                items.extend(ranked)
                parts = sorted({e.part for e in ranked}, key=PART_ORDER.index)
                pending = sum(1 for e in ranked if e.status != "accepted")
                facts.append(
                    f"{b.p.name} {join_words(PART_VERB[p] for p in parts)} "
                    f"{CATEGORY_NOUN[category]} ({len(ranked)} item"
                    f"{'s' if len(ranked) != 1 else ''}"
                    + (f", {pending} unreviewed" if pending > 0 else "")
                    + ")"
                )
                refs.extend(b.ref[e.id] for e in ranked)
            rows.append(
                CriterionRow(
                    criterion.citation,
                    criterion.text,
                    criterion.is_paraphrase,
                    tuple(facts),
                    tuple(sorted(set(refs), key=lambda r: int(r[1:]))),
                    b.strength(items),
                )
            )
        tables.append(CriteriaTable(rules.regime(rid), tuple(rows)))
    uncovered = [CATEGORY_NOUN[c] for c in cats if c not in covered]
    return tables, uncovered
