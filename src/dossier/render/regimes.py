"""Sanctions regimes as the dossier uses them: legal basis, criteria, measures.

``dossier.criteria`` (another module, in progress) will become the single source of
the allegation-category → regime mapping and the quoted criteria. Until it lands,
everything the renderer needs goes through ``regime()`` and ``recommend()`` here,
so switching over is a change to these two functions only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

REGIME_ORDER: tuple[str, ...] = ("GB-HR", "GB-AC", "US-GLOMAG", "EU-HR", "CA-JVCFOA")
REGIME_ALIASES: dict[str, str] = {
    "uk-ghr": "GB-HR",
    "gb-hr": "GB-HR",
    "uk-gac": "GB-AC",
    "gb-ac": "GB-AC",
    "us-glomag": "US-GLOMAG",
    "glomag": "US-GLOMAG",
    "eu-hr": "EU-HR",
    "eu-ghr": "EU-HR",
    "ca-jvcfoa": "CA-JVCFOA",
    "ca-magnitsky": "CA-JVCFOA",
}
EU_MEMBER_STATES: tuple[str, ...] = (
    "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie",
    "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se",
)  # fmt: skip


class RegimeError(ValueError):
    """An unknown regime name."""


@dataclass(frozen=True)
class Limb:
    """One designation criterion: the quoted text and the categories it can cover."""

    citation: str
    quote: str
    categories: frozenset[str]
    involvement: str  # "involved in" (UK) or "responsible for" (EU/US/CA)
    note: str | None = None  # what else must be shown (e.g. who the victims were)


@dataclass(frozen=True)
class Regime:
    id: str  # FtM programId
    short_name: str
    instrument: str
    authority: str  # who decides
    jurisdiction: str  # for "ties to the jurisdiction"
    countries: tuple[str, ...]  # ISO codes that count as ties
    place_words: tuple[str, ...]  # words in a passage that indicate a tie
    standard: str
    limbs: tuple[Limb, ...]
    measures: tuple[str, ...]

    @property
    def categories(self) -> frozenset[str]:
        found: set[str] = set()
        for limb in self.limbs:
            found |= limb.categories
        return frozenset(found)


_UK_WORDS = ("United Kingdom", "UK", "U.K.", "Britain", "British", "London", "England", "Scotland")

_REGIMES: dict[str, Regime] = {
    "GB-HR": Regime(
        id="GB-HR",
        short_name="UK Global Human Rights sanctions",
        instrument=(
            "the Global Human Rights Sanctions Regulations 2020 (S.I. 2020/680), made under "
            "section 1 of the Sanctions and Anti-Money Laundering Act 2018"
        ),
        authority="Foreign, Commonwealth and Development Office (United Kingdom)",
        jurisdiction="United Kingdom",
        countries=("gb",),
        place_words=_UK_WORDS,
        standard=(
            "reasonable grounds to suspect that the person is an involved person, and "
            "designation is appropriate"
        ),
        limbs=(
            Limb(
                citation="S.I. 2020/680, regulation 4(2)",
                quote=(
                    "activities which, if carried out by or on behalf of a State within the "
                    "territory of that State, would amount to a serious violation by that State "
                    "of an individual's— (a) right to life, (b) right not to be subjected to "
                    "torture or cruel, inhuman or degrading treatment or punishment, or (c) right "
                    "to be free from slavery, not to be held in servitude or required to perform "
                    "forced or compulsory labour"
                ),
                categories=frozenset({"killing", "torture", "cover_up"}),
                involvement="involved in",
                note=(
                    "Involvement includes responsibility for, facilitating, profiting from and "
                    "failing to investigate such violations (regulation 4(3)-(4))."
                ),
            ),
        ),
        measures=("asset freeze", "travel ban (immigration measures)"),
    ),
    "GB-AC": Regime(
        id="GB-AC",
        short_name="UK Global Anti-Corruption sanctions",
        instrument=(
            "the Global Anti-Corruption Sanctions Regulations 2021 (S.I. 2021/488), made under "
            "section 1 of the Sanctions and Anti-Money Laundering Act 2018"
        ),
        authority="Foreign, Commonwealth and Development Office (United Kingdom)",
        jurisdiction="United Kingdom",
        countries=("gb",),
        place_words=_UK_WORDS,
        standard=(
            "reasonable grounds to suspect that the person is an involved person, and "
            "designation is appropriate"
        ),
        limbs=(
            Limb(
                citation="S.I. 2021/488, regulation 4",
                quote="involved in serious corruption",
                categories=frozenset({"corruption", "laundering"}),
                involvement="involved in",
                note=(
                    "Serious corruption means bribery or misappropriation of property involving "
                    "a foreign public official; involvement includes dealing with the proceeds "
                    "and being owned by, acting for or associated with an involved person."
                ),
            ),
        ),
        measures=("asset freeze", "travel ban (immigration measures)"),
    ),
    "US-GLOMAG": Regime(
        id="US-GLOMAG",
        short_name="US Global Magnitsky sanctions",
        instrument=(
            "Executive Order 13818 of 20 December 2017, implementing the Global Magnitsky Human "
            "Rights Accountability Act"
        ),
        authority="Department of the Treasury (OFAC) and Department of State (United States)",
        jurisdiction="United States",
        countries=("us",),
        place_words=("United States", "U.S.", "USA", "America", "American", "New York",
                     "Washington", "Miami", "California", "Delaware"),
        standard="determination by the Secretary of the Treasury, in consultation",
        limbs=(
            Limb(
                citation="E.O. 13818, section 1(a)(ii)(A)",
                quote=(
                    "to be responsible for or complicit in, or to have directly or indirectly "
                    "engaged in, serious human rights abuse"
                ),
                categories=frozenset(
                    {"killing", "torture", "detention", "persecution", "cover_up"}
                ),
                involvement="responsible for or complicit in",
            ),
            Limb(
                citation="E.O. 13818, section 1(a)(ii)(B)",
                quote=(
                    "to be a current or former government official, or a person acting for or "
                    "on behalf of such an official, who is responsible for or complicit in, or "
                    "has directly or indirectly engaged in: (1) corruption, including the "
                    "misappropriation of state assets, the expropriation of private assets for "
                    "personal gain, corruption related to government contracts or the "
                    "extraction of natural resources, or bribery; or (2) the transfer or the "
                    "facilitation of the transfer of the proceeds of corruption"
                ),
                categories=frozenset({"corruption", "laundering"}),
                involvement="responsible for or complicit in",
            ),
        ),
        measures=("blocking of property and interests in property", "suspension of entry"),
    ),
    "EU-HR": Regime(
        id="EU-HR",
        short_name="EU Global Human Rights Sanctions Regime",
        instrument=(
            "Council Regulation (EU) 2020/1998 and Council Decision (CFSP) 2020/1999 of "
            "7 December 2020 concerning restrictive measures against serious human rights "
            "violations and abuses"
        ),
        authority="Council of the European Union (via the High Representative or a Member State)",
        jurisdiction="European Union",
        countries=EU_MEMBER_STATES,
        place_words=("European Union", "EU", "Cyprus", "Latvia", "Germany", "France",
                     "Netherlands", "Austria", "Malta", "Luxembourg", "Switzerland"),
        standard="a sufficiently solid factual basis, reviewable by the EU courts",
        limbs=(
            Limb(
                citation="Regulation (EU) 2020/1998, Articles 2(1)(c) and 3(1)",
                quote=(
                    "torture and other cruel, inhuman or degrading treatment or punishment; "
                    "... extrajudicial, summary or arbitrary executions and killings; "
                    "enforced disappearance of persons; arbitrary arrests or detentions"
                ),
                categories=frozenset({"killing", "torture", "detention", "cover_up"}),
                involvement="responsible for, supporting or otherwise involved in",
            ),
            Limb(
                citation="Regulation (EU) 2020/1998, Article 2(1)(d)",
                quote=(
                    "other human rights violations or abuses ... in so far as those violations "
                    "or abuses are widespread, systematic or are otherwise of serious concern"
                ),
                categories=frozenset({"persecution"}),
                involvement="responsible for, supporting or otherwise involved in",
                note="Includes violations of freedom of expression, assembly and association.",
            ),
        ),
        measures=("asset freeze", "prohibition on making funds available", "travel ban"),
    ),
    "CA-JVCFOA": Regime(
        id="CA-JVCFOA",
        short_name="Canada Justice for Victims of Corrupt Foreign Officials Act",
        instrument=(
            "the Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law), "
            "S.C. 2017, c. 21, and its Regulations (SOR/2017-233)"
        ),
        authority="Global Affairs Canada (Governor in Council)",
        jurisdiction="Canada",
        countries=("ca",),
        place_words=("Canada", "Canadian", "Ottawa", "Toronto", "Vancouver", "Montreal"),
        standard="the opinion of the Governor in Council",
        limbs=(
            Limb(
                citation="S.C. 2017, c. 21, section 4(2)(a)",
                quote=(
                    "responsible for, or complicit in, extrajudicial killings, torture or other "
                    "gross violations of internationally recognized human rights committed "
                    "against individuals in any foreign state who seek (i) to expose illegal "
                    "activity carried out by foreign public officials, or (ii) to obtain, "
                    "exercise, defend or promote internationally recognized human rights and "
                    "freedoms"
                ),
                categories=frozenset({"killing", "torture", "detention", "persecution"}),
                involvement="responsible for, or complicit in",
                note="The victims must be people who exposed wrongdoing or defended rights.",
            ),
            Limb(
                citation="S.C. 2017, c. 21, section 4(2)(c)",
                quote=(
                    "a foreign public official or an associate of such an official, is "
                    "responsible for or complicit in ordering, controlling or otherwise "
                    "directing acts of corruption ... which amount to acts of significant "
                    "corruption"
                ),
                categories=frozenset({"corruption", "laundering"}),
                involvement="responsible for or complicit in",
            ),
        ),
        measures=("asset freeze (dealings prohibition)", "inadmissibility to Canada"),
    ),
}


def parse_regime(text: str) -> str:
    """Map ``uk-ghr`` / ``GB-HR`` style names to the programId, strictly."""
    key = text.strip()
    if key.lower() in REGIME_ALIASES:
        return REGIME_ALIASES[key.lower()]
    if key.upper() in _REGIMES:
        return key.upper()
    raise RegimeError(f"unknown regime {text!r}; use one of {', '.join(sorted(REGIME_ALIASES))}")


def regime(regime_id: str) -> Regime:
    """The regime with this programId; unknown IDs are an error."""
    found = _REGIMES.get(regime_id)
    if found is None:
        raise RegimeError(f"unknown regime {regime_id!r}; known: {', '.join(REGIME_ORDER)}")
    return found


def recommend(categories: Iterable[str]) -> list[str]:
    """Regimes with a limb that covers at least one of the allegation ``categories``."""
    wanted = set(categories)
    return [rid for rid in REGIME_ORDER if len(_REGIMES[rid].categories & wanted) > 0]


def limbs_for(regime_id: str, categories: Iterable[str]) -> list[tuple[Limb, list[str]]]:
    """Each limb of the regime with the allegation categories it covers (non-empty only)."""
    wanted = list(categories)
    found: list[tuple[Limb, list[str]]] = []
    for limb in regime(regime_id).limbs:
        covered = [c for c in wanted if c in limb.categories]
        if len(covered) > 0:
            found.append((limb, covered))
    return found
