"""Section 11: recommended measures: the calls for sanctions the sources report."""

from __future__ import annotations

from dossier.render.pdf import format_date
from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.wording import capitalise, source_name


def calls(b: Basis) -> list[Sentence]:
    return [
        Sentence(
            capitalise(
                f"{source_name(n.item.document, n.source_no)} reports a call for "
                f"sanctions against {b.p.name}"
                + (f" ({format_date(n.item.date)})" if n.item.date is not None else "")
                + "."
            ),
            b.evidence_note(n.item),
            n.item.status,
        )
        for n in b.numbered
        if n.item.category == "sanctions_call"
    ]
