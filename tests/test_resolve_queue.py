"""The review queue: pending pairs ranked by what a decision would change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.model import Claim, Extraction, LocalEntity, RelationFact
from dossier.resolve.catalog import read_catalog, write_catalog
from dossier.resolve.decisions import load_decisions
from dossier.resolve.queue import (
    group_by_entity,
    rank_counts,
    rank_pairs,
    review_queue,
    stakes_from_catalog,
    target_keys,
)
from tests.test_resolve import doc, entity, extraction, run


def claim(source_hash: str, who: LocalEntity) -> Claim:
    return Claim(source_hash, who.key, 0, 10, 0, 5, "torture", "ordered")


def corpus() -> tuple[list[Extraction], dict[str, LocalEntity]]:
    """Three questions: a target's surname elsewhere (with evidence), a relative's surname
    elsewhere (in a relation), and a bystander's surname elsewhere (name only)."""
    d1, d2, d3, d4 = doc("1.txt"), doc("2.txt"), doc("3.txt"), doc("4.txt")
    e = {
        "target": entity(d1, "Bekzat Orynbasarov"),
        "target_again": entity(d2, "Orynbasarov"),
        "relative": entity(d1, "Aigul Temirkhanova"),
        "relative_again": entity(d3, "Temirkhanova"),
        "company": entity(d1, "Steppe Logistics", schema="Organization"),
        "bystander": entity(d1, "Nurzhan Kassenov"),
        "bystander_again": entity(d4, "Kassenov"),
    }
    one = extraction(d1, e["target"], e["relative"], e["company"], e["bystander"])
    one.claims = [claim(d1.content_hash, e["target"])]
    one.relations = [
        RelationFact("employment", e["relative"].key, e["company"].key, "director", 0, 10)
    ]
    two = extraction(d2, e["target_again"])
    two.claims = [claim(d2.content_hash, e["target_again"])]
    three = extraction(d3, e["relative_again"])
    four = extraction(d4, e["bystander_again"])
    return [one, two, three, four], e


def test_pairs_that_change_a_dossier_come_first_then_relations() -> None:
    extractions, e = corpus()
    resolution = run(extractions)
    assert len(resolution.pending) == 3  # surnames alone in other documents: all pending
    target_id = resolution.canonical[e["target"].key]
    queued = review_queue(extractions, resolution, [target_id])
    assert [(q.rank, {q.pair.left_name, q.pair.right_name}) for q in queued] == [
        ("dossier", {"Bekzat Orynbasarov", "Orynbasarov"}),
        ("relation", {"Aigul Temirkhanova", "Temirkhanova"}),
        ("other", {"Nurzhan Kassenov", "Kassenov"}),
    ]
    assert rank_counts(queued) == {"dossier": 1, "relation": 1, "other": 1}
    # Without a candidate target, the evidence pair is no dossier question.
    assert rank_counts(review_queue(extractions, resolution, [])) == {
        "dossier": 0,
        "relation": 1,
        "other": 2,
    }


def test_the_catalog_ranks_like_the_build(tmp_path: Path) -> None:
    extractions, e = corpus()
    resolution = run(extractions)
    chosen = [resolution.canonical[e["target"].key]]
    path = tmp_path / "local-entities.json"
    write_catalog(extractions, path, target_keys(resolution.canonical, chosen))
    entries = read_catalog(path)
    by_key = {x.key: x for x in entries}
    assert by_key[e["target"].key].target and by_key[e["target"].key].claims == 1
    assert by_key[e["relative"].key].related and not by_key[e["relative"].key].target
    from_catalog = rank_pairs(
        resolution.pending, resolution.canonical, stakes_from_catalog(entries)
    )
    from_build = review_queue(extractions, resolution, chosen)
    assert [(q.pair.left, q.rank) for q in from_catalog] == [
        (q.pair.left, q.rank) for q in from_build
    ]


def test_an_entity_with_several_candidates_is_one_question() -> None:
    d1, d2, d3 = doc("1.txt"), doc("2.txt"), doc("3.txt")
    bare = entity(d3, "Abenov")
    one, two = entity(d1, "Serik Abenov"), entity(d2, "Daulet Abenov")
    resolution = run([extraction(d1, one), extraction(d2, two), extraction(d3, bare)])
    queued = rank_pairs(resolution.pending, resolution.canonical, stakes_from_catalog([]))
    groups = group_by_entity(queued, resolution.canonical)
    assert len(groups) == 1
    shared, items = groups[0]
    assert shared == resolution.canonical[bare.key] and len(items) == 2


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / ".dossier"))
    monkeypatch.setenv("DOSSIER_ENTITIES_DIR", str(tmp_path / "entities"))
    monkeypatch.setenv("DOSSIER_USER", "tester")
    extractions, e = corpus()
    resolution = run(extractions)
    chosen = [resolution.canonical[e["target"].key]]
    write_catalog(
        extractions,
        tmp_path / ".dossier" / "local-entities.json",
        target_keys(resolution.canonical, chosen),
    )
    return tmp_path


def test_dedupe_walks_the_queue_in_order(project: Path) -> None:
    result = CliRunner().invoke(main, ["dedupe"], input="x\nn\nq\n")
    assert result.exit_code == 0, result.output
    assert "3 pairs to review: 1 affect a candidate target's dossier, 1 change a relation" in (
        result.output
    )
    output = result.output
    assert output.index("Orynbasarov") < output.index("Temirkhanova") < output.index("Kassenov")
    assert "[1/3] affects a candidate target's dossier" in output
    assert "[2/3] changes a relation" in output and "[3/3] name only" in output
    path = project / "entities" / "decisions" / "identity.jsonl"
    decided = {
        (d.decision, frozenset((d.left.name, d.right.name))) for d in load_decisions(path)
    }
    assert decided == {
        ("match", frozenset({"Bekzat Orynbasarov", "Orynbasarov"})),
        ("no_match", frozenset({"Aigul Temirkhanova", "Temirkhanova"})),
    }
    assert all(json.loads(line)["user"] == "tester" for line in path.read_text().splitlines())


def test_dedupe_asks_once_which_candidate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / ".dossier"))
    monkeypatch.setenv("DOSSIER_ENTITIES_DIR", str(tmp_path / "entities"))
    d1, d2, d3 = doc("1.txt"), doc("2.txt"), doc("3.txt")
    write_catalog(
        [
            extraction(d1, entity(d1, "Serik Abenov")),
            extraction(d2, entity(d2, "Daulet Abenov")),
            extraction(d3, entity(d3, "Abenov")),
        ],
        tmp_path / ".dossier" / "local-entities.json",
    )
    result = CliRunner().invoke(main, ["dedupe", "--user", "rita"], input="2\n")
    assert result.exit_code == 0, result.output
    assert "could be one of 2" in result.output and result.output.count("[1/1]") == 1
    (decision,) = load_decisions(tmp_path / "entities" / "decisions" / "identity.jsonl")
    assert decision.decision == "match" and decision.user == "rita"
    assert "Abenov" in {decision.left.name, decision.right.name}
