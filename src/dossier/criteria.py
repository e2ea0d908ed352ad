"""Allegation categories mapped to the sanctions regimes' designation criteria.

One table, from ../shared/SUBMISSIONS.md: for each regime (FtM programId) the
criterion quoted from the regime's test, and which allegation categories can
meet it. The EU Global Human Rights regime has no corruption limb, so
corruption and laundering map to no EU criterion. Lookups are strict: an
unknown category or regime raises ``KeyError`` instead of defaulting.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model import ALLEGATION_CATEGORIES, CATEGORIES

REGIMES: tuple[str, ...] = ("GB-HR", "GB-AC", "US-GLOMAG", "EU-HR", "CA-JVCFOA")


@dataclass(frozen=True)
class Criterion:
    """One limb of one regime's designation test."""

    regime: str  # FtM programId
    limb: str  # short name of the limb
    text: str  # the criterion as quoted in SUBMISSIONS.md
    standard: str  # the evidential standard of the regime


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

GB_HR_LIFE = Criterion(
    "GB-HR",
    "right to life",
    "persons “involved” in violations of the right to life; “involved” includes "
    "facilitating, profiting, failing to investigate",
    _GB_HR_STANDARD,
)
GB_HR_TORTURE = Criterion(
    "GB-HR",
    "torture",
    "persons “involved” in violations of torture or cruel/inhuman/degrading treatment; "
    "“involved” includes facilitating, profiting, failing to investigate",
    _GB_HR_STANDARD,
)
GB_HR_INVOLVED = Criterion(
    "GB-HR",
    "failing to investigate",
    "“involved” includes facilitating, profiting, failing to investigate",
    _GB_HR_STANDARD,
)
GB_AC = Criterion(
    "GB-AC",
    "serious corruption",
    "persons involved in serious corruption (bribery, misappropriation by or involving a "
    "foreign public official), and those owned/controlled by, acting for or associated "
    "with them",
    _GB_AC_STANDARD,
)
US_ABUSE = Criterion(
    "US-GLOMAG",
    "serious human-rights abuse",
    "foreign persons responsible for or complicit in serious human-rights abuse",
    _US_STANDARD,
)
US_CORRUPTION = Criterion(
    "US-GLOMAG",
    "corruption",
    "current or former officials responsible for or complicit in corruption "
    "(misappropriation, expropriation, contracts, bribery, transfer of proceeds); leaders "
    "of such entities; material supporters; owned entities",
    _US_STANDARD,
)
EU_TORTURE = Criterion(
    "EU-HR",
    "torture",
    "persons responsible for, supporting or involved in torture/CIDT, and those "
    "associated with them",
    _EU_STANDARD,
)
EU_KILLINGS = Criterion(
    "EU-HR",
    "extrajudicial killings",
    "persons responsible for, supporting or involved in extrajudicial killings, and those "
    "associated with them",
    _EU_STANDARD,
)
EU_DETENTION = Criterion(
    "EU-HR",
    "arbitrary arrest or detention",
    "persons responsible for, supporting or involved in enforced disappearance, arbitrary "
    "arrest or detention, and those associated with them",
    _EU_STANDARD,
)
CA_RIGHTS = Criterion(
    "CA-JVCFOA",
    "gross human-rights violations",
    "foreign nationals responsible for gross human-rights violations against people who "
    "expose wrongdoing or defend rights",
    _CA_STANDARD,
)
CA_CORRUPTION = Criterion(
    "CA-JVCFOA",
    "significant corruption",
    "officials/associates responsible for significant corruption",
    _CA_STANDARD,
)

# Category -> the criteria it can support. "context" and "sanctions_call" support
# none: a call for sanctions is advocacy, not conduct.
CRITERIA: dict[str, tuple[Criterion, ...]] = {
    "killing": (GB_HR_LIFE, US_ABUSE, EU_KILLINGS, CA_RIGHTS),
    "torture": (GB_HR_TORTURE, US_ABUSE, EU_TORTURE, CA_RIGHTS),
    "detention": (US_ABUSE, EU_DETENTION, CA_RIGHTS),
    "persecution": (CA_RIGHTS,),
    "cover_up": (GB_HR_INVOLVED,),
    "corruption": (GB_AC, US_CORRUPTION, CA_CORRUPTION),
    "laundering": (GB_AC, US_CORRUPTION, CA_CORRUPTION),
    "sanctions_evasion": (),
    "sanctions_call": (),
    "context": (),
}


def _check_table() -> None:
    if set(CRITERIA) != set(CATEGORIES):
        raise RuntimeError("criteria table does not cover the Category vocabulary exactly")
    for criteria in CRITERIA.values():
        for criterion in criteria:
            if criterion.regime not in REGIMES:
                raise RuntimeError(f"unknown regime {criterion.regime!r} in criteria table")
    if any(c.regime == "EU-HR" for cat in ("corruption", "laundering") for c in CRITERIA[cat]):
        raise RuntimeError("EU-HR has no corruption limb")


_check_table()


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
    if regime not in REGIMES:
        raise KeyError(f"unknown regime {regime!r}")
    return tuple(c for c in criteria_for(category) if c.regime == regime)


def categories_for(regime: str) -> tuple[str, ...]:
    """The allegation categories that can support a regime."""
    if regime not in REGIMES:
        raise KeyError(f"unknown regime {regime!r}")
    return tuple(
        category
        for category in ALLEGATION_CATEGORIES
        if any(c.regime == regime for c in CRITERIA[category])
    )
