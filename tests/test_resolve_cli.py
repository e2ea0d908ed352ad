"""The identity commands, driven through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.resolve.catalog import write_catalog
from dossier.resolve.decisions import load_decisions
from tests.test_resolve import doc, entity, extraction


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / ".dossier"))
    monkeypatch.setenv("DOSSIER_ENTITIES_DIR", str(tmp_path / "entities"))
    monkeypatch.setenv("DOSSIER_USER", "tester")
    d1, d2, d3 = doc("001.txt"), doc("002.txt"), doc("003.txt")
    write_catalog(
        [
            extraction(d1, entity(d1, "Kassym-Jomart Tokayev"), entity(d1, "Timur Kulibayev")),
            extraction(d2, entity(d2, "Tokayev"), entity(d2, "Timur Turlov")),
            extraction(d3, entity(d3, "Timur Kulibayev"), entity(d3, "Askar Kunaev")),
        ],
        tmp_path / ".dossier" / "local-entities.json",
    )
    return tmp_path


def decisions(project: Path) -> Path:
    return project / "entities" / "decisions" / "identity.jsonl"


def test_every_identity_command_has_help() -> None:
    runner = CliRunner()
    for name in ("dedupe", "merge", "no-match", "split", "decisions"):
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert len(result.output.strip()) > 40


def test_merge_by_names_records_one_decision(project: Path) -> None:
    result = CliRunner().invoke(main, ["merge", "Tokayev", "Kassym-Jomart Tokayev"])
    assert result.exit_code == 0, result.output
    (decision,) = load_decisions(decisions(project))
    assert decision.decision == "match" and decision.user == "tester"
    listing = CliRunner().invoke(main, ["decisions"])
    assert listing.exit_code == 0 and "tester  match: " in listing.output


def test_ambiguous_name_lists_candidates(project: Path) -> None:
    assert CliRunner().invoke(main, ["split", "Timur Kulibayev"]).exit_code == 0
    result = CliRunner().invoke(main, ["no-match", "Timur Kulibayev", "Askar Kunaev"])
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr and result.stderr.count("person-") == 2


def test_unknown_name_is_a_user_error(project: Path) -> None:
    result = CliRunner().invoke(main, ["merge", "Nobody Atall", "Tokayev"])
    assert result.exit_code == 1 and "no entity" in result.stderr
    assert not decisions(project).exists()


def test_missing_argument_is_usage_error(project: Path) -> None:
    assert CliRunner().invoke(main, ["merge", "Tokayev"]).exit_code == 2


def test_split_a_merged_person_by_name(project: Path) -> None:
    result = CliRunner().invoke(main, ["split", "Timur Kulibayev"])
    assert result.exit_code == 0, result.output
    (decision,) = load_decisions(decisions(project))
    assert decision.decision == "no_match"
    again = CliRunner().invoke(main, ["split", "Timur Kulibayev"])
    assert again.exit_code == 1  # now ambiguous: two separate Timur Kulibayevs


def test_dedupe_reads_answers_from_stdin(project: Path) -> None:
    result = CliRunner().invoke(main, ["dedupe"], input="x\n")
    assert result.exit_code == 0, result.output
    assert "Tokayev" in result.output
    (decision,) = load_decisions(decisions(project))
    assert decision.decision == "match"
    rows = [json.loads(line) for line in decisions(project).read_text().splitlines()]
    assert {rows[0]["left"]["name"], rows[0]["right"]["name"]} == {
        "Tokayev",
        "Kassym-Jomart Tokayev",
    }


def test_dedupe_quits_and_survives_end_of_input(project: Path) -> None:
    assert CliRunner().invoke(main, ["dedupe"], input="q\n").exit_code == 0
    assert CliRunner().invoke(main, ["dedupe"], input="").exit_code == 0
    assert not decisions(project).exists()


def test_commands_without_a_build_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "none"))
    result = CliRunner().invoke(main, ["merge", "A", "B"])
    assert result.exit_code == 1 and "dossier build" in result.stderr
