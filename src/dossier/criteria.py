"""The sanctions regimes: legal basis, designation criteria, measures, and which
allegation categories can meet each criterion. The one source of truth for the
renderer, the letters and anything else that reasons about regimes.

Wording. ../shared/SUBMISSIONS.md summarises each regime's test in a table; it
is a reference summary, **not the statutory text**. Each ``Criterion.text`` is
either copied verbatim from that table (``form == "summary"``) or a paraphrase
of it (``form == "paraphrase"``: cut to one limb, or reworded). Neither may be
presented as a quotation of the instrument: the dossier prints the provision
cited and tells the reader to check the wording there. ``Regime.standard``
is the table's "standard" column, verbatim.

The EU Global Human Rights regime has no corruption limb, so corruption and
laundering map to no EU criterion. Lookups are strict: an unknown category or
regime raises ``KeyError`` (``RegimeError`` for regimes) instead of defaulting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dossier.model import ALLEGATION_CATEGORIES, CATEGORIES

REGIMES: tuple[str, ...] = ("GB-HR", "GB-AC", "US-GLOMAG", "EU-HR", "CA-JVCFOA")
REGIME_ALIASES: dict[str, str] = {
    "uk-ghr": "GB-HR", "gb-hr": "GB-HR",
    "uk-gac": "GB-AC", "gb-ac": "GB-AC",
    "us-glomag": "US-GLOMAG", "glomag": "US-GLOMAG",
    "eu-hr": "EU-HR", "eu-ghr": "EU-HR",
    "ca-jvcfoa": "CA-JVCFOA", "ca-magnitsky": "CA-JVCFOA",
}  # fmt: skip
EU_MEMBER_STATES: tuple[str, ...] = (
    "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie",
    "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se",
)  # fmt: skip

Form = Literal["summary", "paraphrase"]


class RegimeError(KeyError):
    """An unknown regime name or programId."""

    def __str__(self) -> str:
        return str(self.args[0]) if len(self.args) > 0 else "unknown regime"


@dataclass(frozen=True)
class Criterion:
    """One limb of one regime's designation test."""

    regime: str  # FtM programId
    limb: str  # short name of the limb
    citation: str  # the provision of the instrument to check the wording against
    text: str  # the test, from SUBMISSIONS.md (see ``form``); never the statutory text
    form: Form  # "summary": verbatim from SUBMISSIONS.md's table; "paraphrase": reworded
    standard: str  # the evidential standard of the regime (SUBMISSIONS.md, verbatim)

    @property
    def is_paraphrase(self) -> bool:
        return self.form == "paraphrase"


@dataclass(frozen=True)
class Regime:
    """A sanctions regime as a submission addresses it."""

    id: str  # FtM programId
    short_name: str
    instrument: str  # the legal basis, for "This submission is made under …"
    authority: str  # who decides
    jurisdiction: str  # for "ties to the jurisdiction"
    countries: tuple[str, ...]  # ISO codes that count as ties
    place_words: tuple[str, ...]  # words in a passage that indicate a tie
    standard: str  # SUBMISSIONS.md "standard" column, verbatim
    measures: tuple[str, ...]


# SUBMISSIONS.md, "Regimes and their tests", column "standard" (verbatim).
_GB_HR_STANDARD = (
    "reasonable grounds to suspect + the designation is “appropriate” (priorities include "
    "the nature of the victim: journalists, human-rights defenders)"
)
_GB_AC_STANDARD = (
    "reasonable grounds to suspect + appropriateness (scale, impact, status and "
    "connections, e.g. UK assets)"
)
_US_STANDARD = (
    "executive determination; in practice abuse involving physical violence or serious "
    "deprivation of liberty (killings, torture, arbitrary detention)"
)
_EU_STANDARD = (
    "unanimous Council decision; statement of reasons must rest on a sufficiently solid "
    "factual basis (reviewable by the EU courts)"
)
_CA_STANDARD = (
    "“in the opinion of the Governor in Council”; the published schedule lists names only"
)

_UK_WORDS = ("United Kingdom", "UK", "U.K.", "Britain", "British", "London", "England", "Scotland")

REGIME_TABLE: dict[str, Regime] = {
    "GB-HR": Regime(
        id="GB-HR",
        short_name="UK Global Human Rights sanctions",
        instrument=(
            "the Global Human Rights Sanctions Regulations 2020 (S.I. 2020/680), made under "
            "the Sanctions and Anti-Money Laundering Act 2018"
        ),
        authority="Foreign, Commonwealth and Development Office (United Kingdom)",
        jurisdiction="United Kingdom",
        countries=("gb",),
        place_words=_UK_WORDS,
        standard=_GB_HR_STANDARD,
        measures=("asset freeze", "travel ban (immigration measures)"),
    ),
    "GB-AC": Regime(
        id="GB-AC",
        short_name="UK Global Anti-Corruption sanctions",
        instrument=(
            "the Global Anti-Corruption Sanctions Regulations 2021 (S.I. 2021/488), made under "
            "the Sanctions and Anti-Money Laundering Act 2018"
        ),
        authority="Foreign, Commonwealth and Development Office (United Kingdom)",
        jurisdiction="United Kingdom",
        countries=("gb",),
        place_words=_UK_WORDS,
        standard=_GB_AC_STANDARD,
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
        place_words=(
            "United States",
            "U.S.",
            "USA",
            "America",
            "American",
            "New York",
            "Washington",
            "Miami",
            "California",
            "Delaware",
        ),
        standard=_US_STANDARD,
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
        place_words=(
            "European Union",
            "EU",
            "Cyprus",
            "Latvia",
            "Germany",
            "France",
            "Netherlands",
            "Austria",
            "Malta",
            "Luxembourg",
        ),
        standard=_EU_STANDARD,
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
        standard=_CA_STANDARD,
        measures=("asset freeze (dealings prohibition)", "inadmissibility to Canada"),
    ),
}

# The criteria. "summary" texts are verbatim cells of SUBMISSIONS.md's table;
# "paraphrase" texts cut or reword a cell and must be shown as paraphrases.
GB_HR_LIFE = Criterion(
    "GB-HR",
    "right to life",
    "S.I. 2020/680, Part 2 (designation of involved persons)",
    "persons “involved” in violations of the right to life; “involved” includes "
    "facilitating, profiting, failing to investigate",
    "paraphrase",
    _GB_HR_STANDARD,
)
GB_HR_TORTURE = Criterion(
    "GB-HR",
    "torture",
    "S.I. 2020/680, Part 2 (designation of involved persons)",
    "persons “involved” in torture or cruel, inhuman or degrading treatment; “involved” "
    "includes facilitating, profiting, failing to investigate",
    "paraphrase",
    _GB_HR_STANDARD,
)
GB_HR_INVOLVED = Criterion(
    "GB-HR",
    "failing to investigate",
    "S.I. 2020/680, Part 2 (designation of involved persons)",
    "persons “involved” in violations of the right to life or of the prohibition of "
    "torture, where “involved” includes failing to investigate such violations",
    "paraphrase",
    _GB_HR_STANDARD,
)
GB_AC = Criterion(
    "GB-AC",
    "serious corruption",
    "S.I. 2021/488, Part 2 (designation of involved persons)",
    "persons involved in serious corruption (bribery, misappropriation by or involving a "
    "foreign public official), and those owned/controlled by, acting for or associated "
    "with them",
    "summary",
    _GB_AC_STANDARD,
)
GB_HR_SLAVERY = Criterion(
    "GB-HR",
    "slavery and forced labour",
    "S.I. 2020/680, Part 2 (designation of involved persons)",
    "persons “involved” in slavery or forced labour; “involved” includes facilitating, "
    "profiting, failing to investigate",
    "paraphrase",
    _GB_HR_STANDARD,
)
US_ABUSE = Criterion(
    "US-GLOMAG",
    "serious human-rights abuse",
    "E.O. 13818, section 1(a)(ii)(A)",
    "foreign persons responsible for or complicit in serious human-rights abuse",
    "summary",
    _US_STANDARD,
)
US_CORRUPTION = Criterion(
    "US-GLOMAG",
    "corruption",
    "E.O. 13818, section 1(a)(ii)(B)",
    "current or former officials responsible for or complicit in corruption "
    "(misappropriation, expropriation, contracts, bribery, transfer of proceeds); leaders "
    "of such entities; material supporters; owned entities",
    "summary",
    _US_STANDARD,
)
EU_TORTURE = Criterion(
    "EU-HR",
    "torture",
    "Regulation (EU) 2020/1998, Articles 2 and 3",
    "persons responsible for, supporting or involved in torture or cruel, inhuman or "
    "degrading treatment, and those associated with them",
    "paraphrase",
    _EU_STANDARD,
)
EU_KILLINGS = Criterion(
    "EU-HR",
    "extrajudicial killings",
    "Regulation (EU) 2020/1998, Articles 2 and 3",
    "persons responsible for, supporting or involved in extrajudicial killings, and those "
    "associated with them",
    "paraphrase",
    _EU_STANDARD,
)
EU_DETENTION = Criterion(
    "EU-HR",
    "arbitrary arrest or detention",
    "Regulation (EU) 2020/1998, Articles 2 and 3",
    "persons responsible for, supporting or involved in enforced disappearance or "
    "arbitrary arrest or detention, and those associated with them",
    "paraphrase",
    _EU_STANDARD,
)
EU_SLAVERY = Criterion(
    "EU-HR",
    "slavery",
    "Regulation (EU) 2020/1998, Articles 2 and 3",
    "persons responsible for, supporting or involved in slavery, and those associated with them",
    "paraphrase",
    _EU_STANDARD,
)
CA_RIGHTS = Criterion(
    "CA-JVCFOA",
    "gross human-rights violations",
    "S.C. 2017, c. 21, section 4(2)",
    "foreign nationals responsible for gross human-rights violations against people who "
    "expose wrongdoing or defend rights",
    "summary",
    _CA_STANDARD,
)
CA_CORRUPTION = Criterion(
    "CA-JVCFOA",
    "significant corruption",
    "S.C. 2017, c. 21, section 4(2)",
    "officials/associates responsible for significant corruption",
    "summary",
    _CA_STANDARD,
)

# Category -> the criteria it can support. "context", "sanctions_call" and
# "designation" support none: a call for sanctions is advocacy, not conduct, and an
# existing designation without stated conduct is section 10's business, not a fact
# that meets a criterion. "rights_abuse" (the kind of abuse not stated) meets only
# the limbs that do not name a kind. Persecution (of defenders,
# journalists, protesters) is only the Canadian limb's victim class; the others
# need violence or deprivation of liberty, which "killing", "torture" and
# "detention" carry.
CRITERIA: dict[str, tuple[Criterion, ...]] = {
    "killing": (GB_HR_LIFE, US_ABUSE, EU_KILLINGS, CA_RIGHTS),
    "torture": (GB_HR_TORTURE, US_ABUSE, EU_TORTURE, CA_RIGHTS),
    "enforced_disappearance": (US_ABUSE, EU_DETENTION, CA_RIGHTS),
    "sexual_violence": (GB_HR_TORTURE, US_ABUSE, EU_TORTURE, CA_RIGHTS),
    "forced_labour": (GB_HR_SLAVERY, US_ABUSE, EU_SLAVERY, CA_RIGHTS),
    "detention": (US_ABUSE, EU_DETENTION, CA_RIGHTS),
    "unjust_conviction": (US_ABUSE, EU_DETENTION, CA_RIGHTS),
    "rights_abuse": (US_ABUSE, CA_RIGHTS),
    "persecution": (CA_RIGHTS,),
    "cover_up": (GB_HR_INVOLVED,),
    "corruption": (GB_AC, US_CORRUPTION, CA_CORRUPTION),
    "laundering": (GB_AC, US_CORRUPTION, CA_CORRUPTION),
    "sanctions_evasion": (),
    "election_fraud": (),
    "sanctions_call": (),
    "designation": (),
    "context": (),
}


def _check_table() -> None:
    if set(CRITERIA) != set(CATEGORIES):
        raise RuntimeError("criteria table does not cover the Category vocabulary exactly")
    if tuple(REGIME_TABLE) != REGIMES:
        raise RuntimeError("regime table does not list REGIMES in order")
    for criteria in CRITERIA.values():
        for criterion in criteria:
            if criterion.regime not in REGIMES:
                raise RuntimeError(f"unknown regime {criterion.regime!r} in criteria table")
            if criterion.standard != REGIME_TABLE[criterion.regime].standard:
                raise RuntimeError(f"{criterion.regime}: criterion and regime standards differ")
    if any(c.regime == "EU-HR" for cat in ("corruption", "laundering") for c in CRITERIA[cat]):
        raise RuntimeError("EU-HR has no corruption limb")


_check_table()


def _known(regime: str) -> str:
    if regime not in REGIMES:
        raise RegimeError(f"unknown regime {regime!r}; known: {', '.join(REGIMES)}")
    return regime


def parse_regime(text: str) -> str:
    """Map ``uk-ghr`` / ``GB-HR`` style names to the programId, strictly."""
    key = text.strip()
    if key.lower() in REGIME_ALIASES:
        return REGIME_ALIASES[key.lower()]
    if key.upper() in REGIME_TABLE:
        return key.upper()
    raise RegimeError(f"unknown regime {text!r}; use one of {', '.join(sorted(REGIME_ALIASES))}")


def regime(regime_id: str) -> Regime:
    """The regime with this programId; unknown IDs fail."""
    return REGIME_TABLE[_known(regime_id)]


def criteria_for(category: str) -> tuple[Criterion, ...]:
    """The criteria an allegation category can support; unknown categories fail."""
    if category not in CRITERIA:
        raise KeyError(f"unknown allegation category {category!r}")
    return CRITERIA[category]


def regimes_for(category: str) -> tuple[str, ...]:
    """The regimes (programIds) whose criteria the category can support, in table order."""
    found = {c.regime for c in criteria_for(category)}
    return tuple(regime for regime in REGIMES if regime in found)


def criteria_in(regime: str, category: str) -> tuple[Criterion, ...]:
    """The criteria of one regime a category can support; unknown regimes fail."""
    _known(regime)
    return tuple(c for c in criteria_for(category) if c.regime == regime)


def categories_for(regime: str) -> tuple[str, ...]:
    """The allegation categories that can support a regime."""
    _known(regime)
    return tuple(
        category
        for category in ALLEGATION_CATEGORIES
        if any(c.regime == regime for c in CRITERIA[category])
    )


def recommend(categories: Iterable[str]) -> list[str]:
    """Regimes (in table order) with a criterion that one of ``categories`` can meet."""
    found: set[str] = set()
    for category in categories:
        found.update(regimes_for(category))
    return [r for r in REGIMES if r in found]


def criteria_met(regime: str, categories: Iterable[str]) -> list[tuple[Criterion, list[str]]]:
    """Each criterion of ``regime`` with the given categories that can meet it (in the
    regime's limb order; criteria no category meets are left out)."""
    _known(regime)
    wanted = list(categories)
    order: list[Criterion] = []
    for criteria in CRITERIA.values():
        for criterion in criteria:
            if criterion.regime == regime and criterion not in order:
                order.append(criterion)
    found: list[tuple[Criterion, list[str]]] = []
    for criterion in order:
        covered = [c for c in wanted if criterion in criteria_for(c)]
        if len(covered) > 0:
            found.append((criterion, covered))
    return found
