"""The regimes a dossier is addressed to: chosen for this rendering, by a reviewer, or
derived from the allegation categories (title page and section 3)."""

from __future__ import annotations

from dossier import criteria as rules
from dossier.render.sections.basis import Basis


def chosen_regimes(b: Basis) -> tuple[list[str], str]:
    if b.options.regimes is not None:
        return list(b.options.regimes), "chosen for this rendering"
    if len(b.p.regimes) > 0:
        return [rules.parse_regime(r) for r in b.p.regimes], "chosen by a reviewer"
    cats = {e.category for e in b.allegations}
    return rules.recommend(cats), "derived from the allegation categories"
