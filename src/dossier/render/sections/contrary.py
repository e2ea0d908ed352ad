"""Section 7: exculpatory and contrary information, and the person's response."""

from __future__ import annotations

import re

from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.wording import publisher

CONTRARY = re.compile(
    r"\b(den(?:y|ies|ied|ial|ials)|rejected the (?:allegation|accusation|claim)s?|"
    r"acquitt(?:ed|al)|charges (?:were |have been )?dropped|dropped (?:the )?charges|"
    r"(?:was|were|been) cleared|not guilty|dismissed the (?:case|charges)|refuted|"
    r"slander|fabricat(?:ed|ion))\b",
    re.IGNORECASE,
)


def contrary(b: Basis) -> list[Sentence]:
    found: list[Sentence] = []
    for num in b.numbered:
        if CONTRARY.search(num.item.summary) is not None:
            found.append(
                Sentence(
                    f"{publisher(num.item.document)} reports contrary information or "
                    f"the person's response ({num.no}).",
                    b.evidence_note(num.item),
                    num.item.status,
                )
            )
    for rel in b.p.relations:
        if rel.summary is not None and CONTRARY.search(rel.summary) is not None:
            found.append(
                Sentence(
                    f"{publisher(rel.document)} reports contrary information in a passage "
                    f"about the person's {rel.kind} link to {rel.other_name}.",
                    b.note(rel.document, rel.summary, item=rel),
                )
            )
    return found
