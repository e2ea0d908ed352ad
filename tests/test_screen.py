"""Screening targets against an OpenSanctions-format list (fictional people only)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from followthemoney.dataset import Dataset
from followthemoney.statement.entity import StatementEntity

from dossier.cli import main
from dossier.export import ENTITIES_FILE, write_entities
from dossier.screen import (
    SCREENING_FILE,
    ScreeningError,
    ScreeningResult,
    block_keys,
    load_targets,
    missing_name_parts,
    same_name_part,
    screen_targets,
    skeleton,
    write_screening,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "opensanctions-sample.ftm.json"
DATASET = Dataset.make({"name": "dossier", "title": "Test dossiers"})

DARKHAN = "person-1000000000000000000000000000000000000001"
YERLAN = "person-2000000000000000000000000000000000000002"
GULNARA = "person-3000000000000000000000000000000000000003"
WITNESS = "person-4000000000000000000000000000000000000004"


def _person(entity_id: str, name: str, target: bool, **props: str) -> StatementEntity:
    entity = StatementEntity(DATASET, {"schema": "Person", "id": entity_id})
    entity.add("name", name, origin="test")
    if target:
        entity.add("topics", "poi")
    for prop, value in props.items():
        entity.add(prop, value, origin="test")
    return entity


def make_export() -> list[StatementEntity]:
    """Fictional candidate targets, plus one person who is not a target."""
    return [
        _person(
            DARKHAN,
            "Darkhan Ulanbekovich Zhaksygaliev",
            True,
            birthDate="1968-04-12",
            country="kz",
        ),
        _person(YERLAN, "Yerlan Mukhamedzhanov", True, country="kz"),
        _person(GULNARA, "Gulnara Sabitovna Ibrayeva", True),
        _person(WITNESS, "Nurlan Zhaksygaliev", False),
    ]


@pytest.fixture(scope="module")
def result() -> ScreeningResult:
    targets = [e for e in make_export() if "poi" in e.get("topics")]
    return screen_targets(targets, FIXTURE)


def _target(data: dict[str, Any], entity_id: str) -> dict[str, Any]:
    return next(t for t in data["targets"] if t["id"] == entity_id)


def _ids(matches: list[dict[str, Any]]) -> list[str]:
    return [m["entity_id"] for m in matches]


def test_true_match_is_strong_with_its_programmes(result: ScreeningResult) -> None:
    darkhan = _target(result.to_dict(), DARKHAN)
    assert _ids(darkhan["strong"]) == ["NK-fx7Zq1DarkhanZh"]
    match = darkhan["strong"][0]
    assert match["strength"] == "strong"
    assert match["score"] >= 0.9
    assert match["topics"] == ["role.pep", "sanction"]
    assert match["birth_dates"] == ["1968-04-12"]
    assert "Дархан Жаксыгалиев" in match["names"]
    assert [
        (s["id"], s["authority"], s["programId"], s["listingDate"], s["country"])
        for s in match["sanctions"]
    ] == [
        (
            "ofac-fx-0001",
            ["Office of Foreign Assets Control"],
            ["US-GLOMAG"],
            ["2023-12-08"],
            ["us"],
        ),
        (
            "gb-fcdo-fx-0002",
            ["Foreign, Commonwealth and Development Office"],
            ["GB-GHR"],
            ["2024-02-20"],
            ["gb"],
        ),
    ]
    assert match["why"] == [
        "a full name of the target agrees with a listed name, part by part",
        "no contradicting birth date, country or gender in the data",
    ]
    assert "name_match" in match["features"]


def test_relatives_and_namesakes_are_never_strong(result: ScreeningResult) -> None:
    darkhan = _target(result.to_dict(), DARKHAN)
    # Different patronymic, and a namesake born 23 years later: possible, with the reason.
    assert _ids(darkhan["possible"]) == ["NK-fxBDarkhanS", "NK-fxADarkhanY"]
    patronymic, namesake = darkhan["possible"]
    assert patronymic["why"] == [
        "2 of 3 name parts agree (darkhan, zhaksygaliev)",
        "score 0.67 is below 0.70",
        "names do not agree on: serikovich, ulanbekovich "
        "(relatives and namesakes share a surname or a given name)",
    ]
    assert namesake["score"] < 0.5
    assert (
        "contradicting fact: birth dates differ (Birth day mis-match: 1968-04-12 vs 1991-02-03)"
        in namesake["why"]
    )
    # The brother (same surname) and a man sharing only the given name are not listed.
    listed = _ids(darkhan["strong"]) + _ids(darkhan["possible"])
    assert "NK-fx8Nurlan" not in listed and "NK-fx9DarkhanA" not in listed


def test_transliteration_variant_is_strong_patronymic_surname_is_not(
    result: ScreeningResult,
) -> None:
    yerlan = _target(result.to_dict(), YERLAN)
    assert _ids(yerlan["strong"]) == ["NK-fxCErlan"]
    assert [s["programId"] for s in yerlan["strong"][0]["sanctions"]] == [["EU-HR"]]
    # "Mukhamedzhanuly" (son of Mukhamedzhan) scores 0.86 but is another surname form.
    assert _ids(yerlan["possible"]) == ["NK-fxDYerlanM"]
    assert yerlan["possible"][0]["score"] > 0.8
    assert yerlan["possible"][0]["why"][0] == "1 of 2 name parts agree (yerlan)"
    assert yerlan["possible"][0]["why"][1].startswith(
        "names do not agree on: mukhamedzhanov, mukhamedzhanuly"
    )


def test_no_match_and_summary(result: ScreeningResult) -> None:
    data = result.to_dict()
    assert _target(data, GULNARA)["strong"] == [] and _target(data, GULNARA)["possible"] == []
    assert [t["name"] for t in data["targets"]] == [
        "Darkhan Ulanbekovich Zhaksygaliev",
        "Gulnara Sabitovna Ibrayeva",
        "Yerlan Mukhamedzhanov",
    ]
    assert data["summary"] == {"targets": 3, "strong": 2, "possible": 3, "comparisons": 7}
    assert data["against"] == {
        "file_name": "opensanctions-sample.ftm.json",
        "sha1": hashlib.sha1(FIXTURE.read_bytes()).hexdigest(),
        "entities": 15,
        "sanctions": 5,
        "candidates": 7,  # blocking: no company, no unrelated people
        "skipped": {},
    }
    assert data["format"] == "dossier-screening/1"
    assert data["algorithm"] == "logic-v2"


def test_screening_file_is_deterministic(result: ScreeningResult, tmp_path: Path) -> None:
    write_screening(result, tmp_path / "a.json")
    write_screening(result, tmp_path / "b.json")
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert text == (tmp_path / "b.json").read_text(encoding="utf-8")
    assert json.loads(text) == result.to_dict()
    assert "first_seen" not in text and "2025-06-01" not in text


def test_name_keys() -> None:
    assert skeleton("dzhumadiyev") == skeleton("dzhumadiev") == "jmdv"
    assert skeleton("kassym") == skeleton("kasym")
    assert "s:jmdv" in block_keys(["Джумадиев"]) & block_keys(["Aset Dzhumadiyev"])
    assert block_keys(["T. Al"]) == set()
    assert same_name_part("bauyrzhan", "baurzhan")
    assert not same_name_part("aset", "asad")
    assert not same_name_part("aidos", "aidar")


def test_missing_name_parts() -> None:
    assert missing_name_parts(["Serik Dauletovich Omarbekov"], ["Serik Omarbekov"]) == []
    assert missing_name_parts(["Aset Dzhumadiyev"], ["Асет Джумадиев"]) == []
    assert missing_name_parts(["Timur Kulibayev"], ["Timur Turlov"]) == ["kulibayev", "turlov"]
    assert missing_name_parts(["Aidos Meldekhan"], ["Aikorkem Meldekhan"]) == ["aidos", "aikorkem"]
    with pytest.raises(LookupError):
        missing_name_parts(["Kulibayev"], ["Timur Kulibayev"])


def test_nested_entities_and_unknown_schemata(tmp_path: Path) -> None:
    nested = {
        "id": "NK-nested",
        "schema": "Person",
        "properties": {
            "name": ["Yerlan Mukhamedzhanov"],
            "sanctions": [
                {
                    "id": "nested-sanction",
                    "schema": "Sanction",
                    "properties": {
                        "entity": ["NK-nested"],
                        "programId": ["TEST-1"],
                        "listingDate": ["2020-01-01"],
                    },
                }
            ],
        },
    }
    future = {"id": "x-1", "schema": "FutureSchema", "properties": {}}
    path = tmp_path / "nested.json"
    path.write_text(f"{json.dumps(nested)}\n\n{json.dumps(future)}\n", encoding="utf-8")
    screened = screen_targets([make_export()[1]], path)
    data = screened.to_dict()
    assert data["against"]["skipped"] == {"FutureSchema": 1}
    assert data["against"]["entities"] == 3
    match = data["targets"][0]["strong"][0]
    assert match["entity_id"] == "NK-nested"
    assert [s["programId"] for s in match["sanctions"]] == [["TEST-1"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,schema\nx,Person\n", "nested.json, line 1: not FtM JSON lines"),
        ('{"id": "x"}\n', "nested.json, line 1: an FtM entity needs a string 'id' and 'schema'"),
        ("[1, 2]\n", "nested.json, line 1: not an FtM entity object"),
        ("\n", "nested.json holds no FtM entities"),
        ('{"id": "x", "schema": "Person", "properties": {"name": "A B"}}\n', "must be a list"),
    ],
)
def test_invalid_lists_fail_clearly(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "nested.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScreeningError, match=message.replace("(", r"\(")):
        screen_targets([make_export()[0]], path)


def test_load_targets(tmp_path: Path) -> None:
    write_entities(make_export(), tmp_path / ENTITIES_FILE)
    assert [t.id for t in load_targets(tmp_path / ENTITIES_FILE)] == [DARKHAN, YERLAN, GULNARA]
    with pytest.raises(ScreeningError, match="run `dossier export`"):
        load_targets(tmp_path / "missing.json")


def _cli(tmp_path: Path, *args: str) -> Any:
    env = {"DOSSIER_ENTITIES_DIR": str(tmp_path), "DOSSIER_CACHE_DIR": str(tmp_path / "cache")}
    return CliRunner().invoke(main, ["screen", *args], env=env)


def test_cli_table_json_and_file(tmp_path: Path, result: ScreeningResult) -> None:
    write_entities(make_export(), tmp_path / ENTITIES_FILE)
    table = _cli(tmp_path, "--against", str(FIXTURE))
    assert table.exit_code == 0, table.output
    assert "Darkhan Ulanbekovich Zhaksygaliev  (1 strong, 2 possible)" in table.output
    assert "STRONG   0.97  Darkhan Zhaksygaliev" in table.output
    assert "US-GLOMAG (2023-12-08); GB-GHR (2024-02-20)" in table.output
    written = (tmp_path / SCREENING_FILE).read_text(encoding="utf-8")
    assert json.loads(written) == result.to_dict()
    as_json = _cli(tmp_path, "--against", str(FIXTURE), "--json")
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == result.to_dict()


def test_cli_errors(tmp_path: Path) -> None:
    missing = _cli(tmp_path, "--against", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    no_entities = _cli(tmp_path, "--against", str(FIXTURE))
    assert no_entities.exit_code == 1
    assert "no entities file" in no_entities.output
    write_entities(make_export(), tmp_path / ENTITIES_FILE)
    bad = tmp_path / "list.csv"
    bad.write_text("id,schema\n", encoding="utf-8")
    invalid = _cli(tmp_path, "--against", str(bad))
    assert invalid.exit_code == 1
    assert "list.csv, line 1: not FtM JSON lines" in invalid.output
    assert not (tmp_path / SCREENING_FILE).exists()
