"""Allegation categories against the regimes' criteria."""

from __future__ import annotations

import pytest

from dossier.criteria import (
    CRITERIA,
    REGIME_TABLE,
    REGIMES,
    RegimeError,
    categories_for,
    criteria_for,
    criteria_in,
    criteria_met,
    parse_regime,
    recommend,
    regime,
    regimes_for,
)
from dossier.model import CATEGORIES


def test_every_category_has_an_entry() -> None:
    assert set(CRITERIA) == set(CATEGORIES)


def test_eu_has_no_corruption_limb() -> None:
    assert "EU-HR" not in regimes_for("corruption")
    assert "EU-HR" not in regimes_for("laundering")
    assert categories_for("EU-HR") == (
        "killing",
        "torture",
        "detention",
        "enforced_disappearance",
        "sexual_violence",
        "forced_labour",
        "unjust_conviction",
    )


def test_killing_and_torture_cover_the_human_rights_regimes() -> None:
    assert regimes_for("killing") == ("GB-HR", "US-GLOMAG", "EU-HR", "CA-JVCFOA")
    assert regimes_for("torture") == ("GB-HR", "US-GLOMAG", "EU-HR", "CA-JVCFOA")
    assert regimes_for("corruption") == ("GB-AC", "US-GLOMAG", "CA-JVCFOA")
    assert regimes_for("cover_up") == ("GB-HR",)
    assert regimes_for("context") == ()
    assert regimes_for("sanctions_call") == ()


def test_criterion_text_is_quoted() -> None:
    (uk,) = criteria_in("GB-AC", "corruption")
    assert "bribery, misappropriation by or involving a foreign public official" in uk.text
    (eu,) = criteria_in("EU-HR", "detention")
    assert "arbitrary arrest or detention" in eu.text
    for criteria in CRITERIA.values():
        for criterion in criteria:
            assert criterion.regime in REGIMES


def test_unknown_values_fail() -> None:
    with pytest.raises(KeyError):
        criteria_for("genocide")
    with pytest.raises(KeyError):
        criteria_in("XX-HR", "torture")
    with pytest.raises(KeyError):
        categories_for("GB-XX")


def test_summaries_are_verbatim_and_paraphrases_are_marked() -> None:
    # Verbatim cells of SUBMISSIONS.md's regime table (a summary, not the statute).
    (us,) = criteria_in("US-GLOMAG", "killing")
    assert us.form == "summary"
    assert us.text == "foreign persons responsible for or complicit in serious human-rights abuse"
    (ca,) = criteria_in("CA-JVCFOA", "corruption")
    assert ca.text == "officials/associates responsible for significant corruption"
    # Cut down to one limb or reworded: paraphrases, and flagged as such.
    for rid, category in (("GB-HR", "killing"), ("GB-HR", "torture"), ("EU-HR", "detention")):
        (criterion,) = criteria_in(rid, category)
        assert criterion.is_paraphrase, (rid, category)
    for criteria in CRITERIA.values():
        for criterion in criteria:
            assert criterion.form in ("summary", "paraphrase")
            assert criterion.citation != ""
            assert criterion.standard == regime(criterion.regime).standard


def test_regime_table_and_recommendation() -> None:
    assert tuple(REGIME_TABLE) == REGIMES
    assert parse_regime("uk-ghr") == "GB-HR"
    assert parse_regime("us-glomag") == "US-GLOMAG"
    assert parse_regime("EU-HR") == "EU-HR"
    with pytest.raises(RegimeError, match="unknown regime"):
        parse_regime("uk-xx")
    with pytest.raises(RegimeError):
        regime("XX")
    assert recommend(["persecution"]) == ["CA-JVCFOA"]
    assert recommend(["corruption", "killing"]) == [
        "GB-HR", "GB-AC", "US-GLOMAG", "EU-HR", "CA-JVCFOA",
    ]  # fmt: skip
    assert recommend(["context", "sanctions_call", "sanctions_evasion"]) == []
    met = criteria_met("GB-HR", ["killing", "cover_up", "corruption"])
    assert [(c.limb, cats) for c, cats in met] == [
        ("right to life", ["killing"]),
        ("failing to investigate", ["cover_up"]),
    ]
    assert criteria_met("EU-HR", ["corruption", "laundering"]) == []
