"""Allegation categories against the regimes' criteria."""

from __future__ import annotations

import pytest

from dossier.criteria import (
    CRITERIA,
    REGIMES,
    categories_for,
    criteria_for,
    criteria_in,
    regimes_for,
)
from dossier.model import CATEGORIES


def test_every_category_has_an_entry() -> None:
    assert set(CRITERIA) == set(CATEGORIES)


def test_eu_has_no_corruption_limb() -> None:
    assert "EU-HR" not in regimes_for("corruption")
    assert "EU-HR" not in regimes_for("laundering")
    assert categories_for("EU-HR") == ("killing", "torture", "detention")


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
