"""Targets and evidence review through the CLI, applied by the next build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from spacy.language import Language

from dossier.cli import main
from tests.conftest import SEEDS

REPORT = "001_00dd82caa1b878dc.txt"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    root = tmp_path_factory.mktemp("review")
    (root / "seeds").mkdir()
    for name in (REPORT, REPORT + ".meta.json"):
        shutil.copy(SEEDS / name, root / "seeds" / name)
    return root


def invoke(root: Path, *args: str, stdin: str | None = None) -> Result:
    env = {
        "DOSSIER_SEEDS_DIR": str(root / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(root / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
        "DOSSIER_CACHE_DIR": str(root / "cache"),
        "DOSSIER_USER": "tester",
    }
    return CliRunner().invoke(main, list(args), env=env, input=stdin, catch_exceptions=False)


def _targets(root: Path, *extra: str) -> list[dict[str, Any]]:
    result = invoke(root, "targets", "--json", *extra)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _entities(root: Path) -> list[dict[str, Any]]:
    path = root / "entities" / "entities.ftm.json"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_targets_lists_the_accused_and_never_victims(root: Path) -> None:
    names = {t["name"]: t for t in _targets(root)}
    assert {"Azamat Kurmanov", "Aset Dzhumadiyev", "Elvira Azimova", "Timur Turlov"} <= set(names)
    for victim in ("Akylzhan Kiysimbayev", "Raigul Sadyrbayeva", "Aikorkem Meldekhan"):
        assert victim not in names
    kurmanov = names["Azamat Kurmanov"]
    assert kurmanov["status"] == "candidate"
    assert kurmanov["accepted"] == 0 and kurmanov["unreviewed"] == kurmanov["allegations"] >= 2


def test_scripted_review_is_saved_and_applied(root: Path) -> None:
    evidence_ids = _allegation_ids(root, "Azamat Kurmanov")
    first, second = evidence_ids[0], evidence_ids[1]
    result = invoke(
        root,
        "review",
        "Azamat Kurmanov",
        "--accept",
        first[9:21],
        "--reject",
        second,
        "--note",
        f"{first}=Checked against the original report.",
        "--target",
        "--regime",
        "uk-ghr,us-glomag",
    )
    assert result.exit_code == 0, result.output
    lines = (root / "entities" / "decisions" / "review.jsonl").read_text().splitlines()
    decisions = [json.loads(line) for line in lines]
    by_id = {d.get("id"): d for d in decisions if d["kind"] == "evidence"}
    assert by_id[first]["status"] == "accepted" and by_id[first]["user"] == "tester"
    assert by_id[first]["note"] == "Checked against the original report."
    assert by_id[second]["status"] == "rejected"
    (target,) = [d for d in decisions if d["kind"] == "target"]
    assert target["is_target"] is True and target["regimes"] == ["GB-HR", "US-GLOMAG"]

    built = invoke(root, "export")
    assert built.exit_code == 0, built.output
    entities = {e["id"]: e for e in _entities(root)}
    assert entities[first]["properties"]["status"] == ["accepted"]
    assert entities[second]["properties"]["status"] == ["rejected"]
    person_id = entities[first]["properties"]["entity"][0]
    person = entities[person_id]
    assert "poi" in person["properties"]["topics"]
    assert person["properties"]["programId"] == ["GB-HR", "US-GLOMAG"]
    (kurmanov,) = [t for t in _targets(root) if t["name"] == "Azamat Kurmanov"]
    assert kurmanov["status"] == "decided-target" and kurmanov["accepted"] == 1


def test_not_target_decision_removes_a_candidate(root: Path) -> None:
    result = invoke(root, "review", "Timur Turlov", "--not-target")
    assert result.exit_code == 0, result.output
    assert "Timur Turlov" not in {t["name"] for t in _targets(root)}
    (turlov,) = [t for t in _targets(root, "--all") if t["name"] == "Timur Turlov"]
    assert turlov["status"] == "decided-not-target"


def test_interactive_review_reads_answers(root: Path) -> None:
    before = (root / "entities" / "decisions" / "review.jsonl").read_text()
    result = invoke(root, "review", "Aset Dzhumadiyev", stdin="a\nq\n")
    assert result.exit_code == 0, result.output
    assert "Aset Dzhumadiyev:" in result.output and "[1/" in result.output
    after = (root / "entities" / "decisions" / "review.jsonl").read_text()
    assert len(after.splitlines()) == len(before.splitlines()) + 1


def test_review_errors_are_clear(root: Path) -> None:
    missing = invoke(root, "review", "Nobody Atall", "--accept", "x")
    assert missing.exit_code == 1 and "no person matches 'Nobody Atall'" in missing.output
    bad = invoke(root, "review", "Azamat Kurmanov", "--accept", "zzzz")
    assert bad.exit_code == 1 and "no evidence items of this person match 'zzzz'" in bad.output
    regime = invoke(root, "review", "Azamat Kurmanov", "--regime", "mars")
    assert regime.exit_code == 1 and "unknown regime 'mars'" in regime.output


def _allegation_ids(root: Path, name: str) -> list[str]:
    built = invoke(root, "export")
    assert built.exit_code == 0, built.output
    entities = _entities(root)
    (person,) = [e for e in entities if e["schema"] == "Person" and name in e["properties"]["name"]]
    return sorted(
        e["id"]
        for e in entities
        if e["schema"] == "Documentation"
        and e["properties"]["entity"] == [person["id"]]
        and not e["properties"]["role"][0].startswith("context/")
    )
