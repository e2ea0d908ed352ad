"""Section 8: ties to the sanctioning jurisdiction (nationality, relations, places)."""

from __future__ import annotations

import re

from dossier import criteria as rules
from dossier.profile import build_profile
from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.relations import relation_phrase
from dossier.render.sections.wording import country_name, join_words


def ties(b: Basis, chosen: list[rules.Regime]) -> list[tuple[str, list[Sentence]]]:
    result: list[tuple[str, list[Sentence]]] = []
    seen: set[str] = set()
    for reg in chosen:
        if reg.jurisdiction in seen:
            continue
        seen.add(reg.jurisdiction)
        rows: list[Sentence] = []
        countries = set(reg.countries)
        for prop in ("nationality", "citizenship", "country"):
            for value in b.p.identifiers.get(prop, []):
                if value in countries:
                    rows.append(
                        Sentence(
                            f"{b.p.name}: {prop} recorded as {country_name(value)}.",
                            b.find_note(country_name(value)),
                        )
                    )
        for rel in b.p.relations:
            hit = sorted(set(rel.other_countries) & countries)
            if len(hit) > 0:
                rows.append(
                    Sentence(
                        f"{relation_phrase(rel, b.p.name)} {rel.other_name} is linked to "
                        f"{join_words(country_name(c) for c in hit)}.",
                        b.note(rel.document, rel.summary, item=rel),
                    )
                )
            if rel.other_schema != "Person":
                continue
            for second in build_profile(b.store, rel.other_id).relations:
                hit2 = sorted(set(second.other_countries) & countries)
                if second.other_id == b.p.id or len(hit2) == 0:
                    continue
                rows.append(
                    Sentence(
                        f"{rel.other_name} ({relation_phrase(rel, b.p.name).lower()}) has "
                        f"{'an' if second.kind[:1] in 'aeiou' else 'a'} {second.kind} "
                        f"link ({second.relationship or second.kind}) to "
                        f"{second.other_name}, which is linked to "
                        f"{join_words(country_name(c) for c in hit2)}.",
                        b.note(second.document, second.summary, item=second),
                    )
                )
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(w) for w in reg.place_words) + r")(?!\w)"
        )
        for num in b.numbered:
            if num.group not in (0, 2):  # advocacy and victims' passages are not ties
                continue
            match = pattern.search(num.item.summary)
            if match is not None:
                rows.append(
                    Sentence(
                        f"A passage about {b.p.name} mentions “{match.group(1)}” ({num.no}).",
                        b.evidence_note(num.item),
                        num.item.status,
                    )
                )
        result.append((reg.jurisdiction, rows))
    return result
