from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dossier.model import Claim, LocalEntity
from dossier.review import (
    ReviewDecisions,
    ReviewError,
    decide_evidence,
    decide_target,
    effective,
    load_review,
    parse_regime,
    save_review,
)
from tests.factories import DocBuilder

TEXT = "Colonel Ivan Petrov ordered the beating of Anna Smirnova. Petrov denied it."


def _setup() -> tuple[DocBuilder, LocalEntity, Claim]:
    doc = DocBuilder("a.txt", TEXT)
    petrov = doc.entity("Ivan Petrov")
    claim = doc.claim(
        petrov, "Colonel Ivan Petrov ordered the beating of Anna Smirnova.", "torture", "ordered"
    )
    return doc, petrov, claim


def test_round_trip_is_sorted_and_stable(tmp_path: Path) -> None:
    _doc, petrov, claim = _setup()
    decisions = ReviewDecisions()
    decide_evidence(decisions, claim, "quote", "accepted", note="checked", user="ana")
    decide_target(
        decisions, [petrov.key], "Ivan Petrov", True, regimes=["uk-ghr", "us-glomag"], user="ana"
    )
    path = tmp_path / "decisions" / "review.jsonl"
    save_review(path, decisions)
    first = path.read_bytes()
    loaded = load_review(path)
    save_review(path, loaded)
    assert path.read_bytes() == first
    assert first.count(b"\n") == 2
    assert loaded.evidence[claim.id].note == "checked"
    assert loaded.targets[0].regimes == ("GB-HR", "US-GLOMAG")
    assert loaded.targets[0].is_target is True


def test_decision_reattaches_by_mention_span_when_passage_moves() -> None:
    _doc, _petrov, claim = _setup()
    decisions = ReviewDecisions()
    decide_evidence(decisions, claim, "q", "rejected", user="x")
    # A new extractor makes the passage the whole paragraph: new ID, same mention.
    moved = replace(claim, end=len(TEXT))
    assert moved.id != claim.id
    found = decisions.decision_for(moved)
    assert found is not None and found.status == "rejected"
    updated, status = effective(moved, found)
    assert status == "rejected" and updated == moved


def test_correction_changes_category_and_part() -> None:
    _doc, _petrov, claim = _setup()
    decisions = ReviewDecisions()
    decision = decide_evidence(
        decisions, claim, "q", "accepted", category="persecution", part="perpetrator", user="x"
    )
    updated, status = effective(claim, decision)
    assert (updated.category, updated.part, status) == ("persecution", "perpetrator", "accepted")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"kind": "other"}', "kind must be"),
        ('{"kind": "evidence", "id": "x", "status": "maybe"}', "status must be"),
        ('{"kind": "evidence", "id": "x", "status": "accepted"}', "missing field"),
        ('{"kind": "target", "members": [], "is_target": true}', "members must be"),
        ('{"kind": "target", "members": ["a"], "is_target": "yes"}', "is_target must be"),
        (
            '{"kind": "target", "members": ["a"], "is_target": true, "regimes": ["xx"]}',
            "unknown regime",
        ),
    ],
)
def test_strict_file_errors_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "review.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=message) as info:
        load_review(path)
    assert f"{path}:2" in str(info.value)


def test_unknown_category_is_refused() -> None:
    _doc, _petrov, claim = _setup()
    with pytest.raises(ValueError, match="unknown category 'theft'"):
        decide_evidence(ReviewDecisions(), claim, "q", "accepted", category="theft")


def test_parse_regime() -> None:
    assert parse_regime("uk-ghr") == "GB-HR"
    assert parse_regime("EU-HR") == "EU-HR"
    with pytest.raises(ReviewError, match="unknown regime"):
        parse_regime("mars")


def test_missing_file_means_no_decisions(tmp_path: Path) -> None:
    decisions = load_review(tmp_path / "none.jsonl")
    assert decisions.evidence == {} and decisions.targets == []
