"""Published forms of the export: statements, per-target files, summaries, metadata, round trip."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from followthemoney.dataset import Dataset
from followthemoney.statement.entity import StatementEntity
from followthemoney.statement.serialize import CSV_COLUMNS
from nomenklatura.resolver import Linker
from nomenklatura.store import MemoryStore, load_entity_file_store

from dossier.export import ENTITIES_FILE, DroppedValue, write_entities
from dossier.publish import publish_all
from dossier.publish.roundtrip import (
    Mismatch,
    Verified,
    check_values,
    read_csv_file,
    verify_roundtrip,
)
from dossier.publish.statements import STATEMENTS_FILE
from dossier.publish.summary import spreadsheet_cell

ROOT = Path(__file__).resolve().parents[1]
DATASET = Dataset.make({"name": "dossier", "title": "Test dossiers"})

DOC = "doc-1111111111111111111111111111111111111111"
TARGET = "person-aaaaaa1111111111111111111111111111111111"
BROTHER = "person-bbbbbb2222222222222222222222222222222222"
VICTIM = "person-cccccc3333333333333333333333333333333333"
FAMILY = "family-dddddd4444444444444444444444444444444444"
POSITION = "position-eeeeee5555555555555555555555555555555555"
OCCUPANCY = "occupancy-ffffff6666666666666666666666666666666666"
EV_TORTURE = "evidence-0000000000000000000000000000000000000001"
EV_CONTEXT = "evidence-0000000000000000000000000000000000000002"
EV_VICTIM = "evidence-0000000000000000000000000000000000000003"
TARGET_FILE = "targets/darkhan-zhaksygaliev-aaaaaa.ftm.json"

QUOTE = "Police chief Darkhan Zhaksygaliev ordered the beating of detainees, witnesses said."
FORMULA_QUOTE = '=HYPERLINK("http://evil.example") Zhaksygaliev heads the police.'


def _entity(schema: str, entity_id: str, values: dict[str, list[str]]) -> StatementEntity:
    entity = StatementEntity(DATASET, {"schema": schema, "id": entity_id})
    for prop, props in values.items():
        for value in props:
            entity.add(prop, value, origin=f"test-1:{DOC}:0-10")
    return entity


def make_export() -> list[StatementEntity]:
    """A small export: one source, a target with evidence, relations and a victim."""
    return [
        _entity(
            "Article",
            DOC,
            {
                "title": ["Police chief's men beat detainees"],
                "publisher": ["Caspian Herald"],
                "publishedAt": ["2022-01-12"],
                "sourceUrl": ["https://example.com/news/1"],
                "fileName": ["002_caspian_herald.txt"],
            },
        ),
        _entity(
            "Person",
            TARGET,
            {
                "name": ["Darkhan Zhaksygaliev"],
                "alias": ["Дархан Жаксыгалиев", "D. ZHAKSYGALIEV"],
                "topics": ["poi", "role.pep"],
                "country": ["kz"],
                "programId": ["GB-GHR"],
            },
        ),
        _entity("Person", BROTHER, {"name": ["Nurlan Zhaksygaliev"], "country": ["kz"]}),
        _entity("Person", VICTIM, {"name": ["Aigerim Sadykova"], "topics": ["role.journo"]}),
        _entity(
            "Family",
            FAMILY,
            {
                "person": [TARGET],
                "relative": [BROTHER],
                "relationship": ["brother"],
                "proof": [DOC],
            },
        ),
        _entity("Position", POSITION, {"name": ["Head of the Regional Police"]}),
        _entity("Occupancy", OCCUPANCY, {"holder": [TARGET], "post": [POSITION], "proof": [DOC]}),
        _entity(
            "Documentation",
            EV_TORTURE,
            {
                "entity": [TARGET],
                "document": [DOC],
                "summary": [QUOTE],
                "role": ["torture/ordered"],
                "status": ["accepted"],
                "date": ["2022-01-10"],
                "recordId": [EV_TORTURE],
            },
        ),
        _entity(
            "Documentation",
            EV_CONTEXT,
            {
                "entity": [TARGET],
                "document": [DOC],
                "summary": [FORMULA_QUOTE],
                "role": ["context/subject"],
                "status": ["unreviewed"],
                "recordId": [EV_CONTEXT],
            },
        ),
        _entity(
            "Documentation",
            EV_VICTIM,
            {
                "entity": [VICTIM],
                "document": [DOC],
                "summary": ["Aigerim Sadykova was detained."],
                "role": ["detention/victim"],
                "status": ["accepted"],
                "recordId": [EV_VICTIM],
            },
        ),
    ]


def _publish(folder: Path, entities: list[StatementEntity] | None = None) -> None:
    entities = make_export() if entities is None else entities
    write_entities(entities, folder / ENTITIES_FILE)
    report = publish_all(entities, folder, "dossier", publisher="Steppe Rights Monitor")
    assert report.ok, report.problems()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_publish_writes_every_file(tmp_path: Path) -> None:
    entities = make_export()
    write_entities(entities, tmp_path / ENTITIES_FILE)
    report = publish_all(entities, tmp_path, "dossier", publisher="Steppe Rights Monitor")
    assert report.ok and report.problems() == []
    assert sorted(_files(tmp_path)) == [
        "entities.ftm.json",
        "evidence.csv",
        "index.json",
        "statements.csv",
        "targets.csv",
        TARGET_FILE,
    ]
    assert report.entity_count == 10
    assert report.statement_count == 53  # 43 values + one ID checksum per entity
    assert report.roundtrip.values_checked == 43
    assert report.roundtrip.entities_checked == 10
    assert report.roundtrip.statements_checked == 53
    assert [f.path.as_posix() for f in report.target_files] == [TARGET_FILE]


def test_publish_is_deterministic(tmp_path: Path) -> None:
    _publish(tmp_path / "a")
    _publish(tmp_path / "b", list(reversed(make_export())))
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_statements_csv_loads_in_followthemoney_and_nomenklatura(tmp_path: Path) -> None:
    _publish(tmp_path)
    path = tmp_path / STATEMENTS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == CSV_COLUMNS
    statements = read_csv_file(path)  # followthemoney's CSV statement reader
    assert len(statements) == 53
    quote = [s for s in statements if s.prop == "summary" and s.entity_id == EV_TORTURE]
    assert [(s.value, s.dataset, s.origin, s.schema) for s in quote] == [
        (QUOTE, "dossier", f"test-1:{DOC}:0-10", "Documentation")
    ]
    store = MemoryStore(DATASET, Linker[StatementEntity]({}))
    with store.writer() as writer:
        for stmt in statements:
            writer.add_statement(stmt)
    target = store.view(DATASET).get_entity(TARGET)
    assert target is not None
    assert sorted(target.get("alias")) == ["D. ZHAKSYGALIEV", "Дархан Жаксыгалиев"]
    assert sorted(target.get("topics")) == ["poi", "role.pep"]
    assert len(list(store.view(DATASET).entities())) == 10


def test_target_file_holds_target_evidence_relations_and_other_ends(tmp_path: Path) -> None:
    _publish(tmp_path)
    lines = (tmp_path / TARGET_FILE).read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(
        [DOC, TARGET, BROTHER, FAMILY, POSITION, OCCUPANCY, EV_TORTURE, EV_CONTEXT]
    )
    assert lines == sorted(lines)
    linker: Any = Linker[StatementEntity]({})  # typed as a Resolver; only used as a linker
    store = load_entity_file_store(tmp_path / TARGET_FILE, linker)
    assert len(list(store.default_view().entities())) == 8


def test_stale_target_files_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "targets" / "someone-else-123456.ftm.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}\n", encoding="utf-8")
    keep = tmp_path / "targets" / "notes.txt"
    keep.write_text("not ours\n", encoding="utf-8")
    _publish(tmp_path)
    assert not stale.exists()
    assert keep.exists()


def _read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_spreadsheet_summaries(tmp_path: Path) -> None:
    _publish(tmp_path)
    targets = _read_csv(tmp_path / "targets.csv")
    assert targets == [
        {
            "target_id": TARGET,
            "name": "Darkhan Zhaksygaliev",
            "aliases": "D. ZHAKSYGALIEV; Дархан Жаксыгалиев",
            "positions": "",
            "countries": "kz",
            "topics": "poi; role.pep",
            "regimes": "GB-GHR",
            "status": "",
            "evidence_total": "2",
            "evidence_accepted": "1",
            "evidence_unreviewed": "1",
            "evidence_rejected": "0",
            "categories": "context: 1; torture: 1",
            "sources": "1",
            "relations": "2",
            "ftm_file": TARGET_FILE,
        }
    ]
    evidence = _read_csv(tmp_path / "evidence.csv")
    assert [(r["person"], r["category"], r["part"], r["status"]) for r in evidence] == [
        ("Aigerim Sadykova", "detention", "victim", "accepted"),
        ("Darkhan Zhaksygaliev", "torture", "ordered", "accepted"),
        ("Darkhan Zhaksygaliev", "context", "subject", "unreviewed"),
    ]
    torture = evidence[1]
    assert torture["quote"] == QUOTE
    assert torture["source_title"] == "Police chief's men beat detainees"
    assert torture["source_publisher"] == "Caspian Herald"
    assert torture["source_date"] == "2022-01-12"
    assert torture["date"] == "2022-01-10"
    assert evidence[2]["quote"] == "'" + FORMULA_QUOTE  # no formula runs in a spreadsheet


def test_spreadsheet_cell() -> None:
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_cell("Zhaksygaliev - police") == "Zhaksygaliev - police"


def test_dataset_index(tmp_path: Path) -> None:
    _publish(tmp_path)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["name"] == "dossier"
    assert index["publisher"]["name"] == "Steppe Rights Monitor"
    assert index["coverage"]["start"] == "2022-01-12"
    assert index["coverage"]["countries"] == ["kz"]
    assert index["entity_count"] == 10
    assert "updated_at" not in index
    resources = {r["name"]: r for r in index["resources"]}
    assert sorted(resources) == [
        "entities.ftm.json",
        "evidence.csv",
        "statements.csv",
        "targets.csv",
        TARGET_FILE,
    ]
    for name, resource in resources.items():
        data = (tmp_path / name).read_bytes()
        assert resource["checksum"] == hashlib.sha1(data).hexdigest()
        assert resource["size"] == len(data)
    assert resources[TARGET_FILE]["mime_type"] == "application/json+ftm"
    assert Dataset.make(index).name == "dossier"


def _with_invalid_values() -> list[StatementEntity]:
    entities = make_export()
    target = next(e for e in entities if e.id == TARGET)
    schema = target.schema
    # Values that bypass cleaning, as a statement loaded from elsewhere would.
    target.unsafe_add(schema.properties["birthDate"], "1968-13-45", cleaned=True)
    target.unsafe_add(schema.properties["topics"], "sanctioned-maybe", cleaned=True)
    target.unsafe_add(schema.properties["country"], "Narnia", cleaned=True)
    return entities


INVALID = [
    ("birthDate", "1968-13-45", "not a valid date: readers drop it"),
    ("country", "Narnia", "not a valid country: readers drop it"),
    ("topics", "sanctioned-maybe", "not a valid topic: readers drop it"),
]


def test_followthemoney_drops_invalid_values_silently() -> None:
    """The behaviour this module guards against: no error, the value is just gone."""
    entity = StatementEntity(DATASET, {"schema": "Person", "id": TARGET})
    assert entity.unsafe_add(entity.schema.properties["birthDate"], "1968-13-45") is None
    entity.add("topics", "sanctioned-maybe")
    assert entity.get("birthDate") == [] and entity.get("topics") == []


def test_invalid_values_are_detected_before_writing() -> None:
    _, problems = check_values(_with_invalid_values())
    assert [(m.entity_id, m.prop, m.value, m.problem) for m in problems] == [
        (TARGET, prop, value, problem) for prop, value, problem in INVALID
    ]


def test_invalid_values_are_reported_after_the_round_trip(tmp_path: Path) -> None:
    entities = _with_invalid_values()
    write_entities(entities, tmp_path / ENTITIES_FILE)
    dropped = [DroppedValue(VICTIM, "Person", "birthDate", "last spring")]
    report = publish_all(entities, tmp_path, "dossier", dropped=dropped)
    assert not report.ok
    lost = [
        (m.file, m.prop, m.value, m.problem)
        for m in report.roundtrip.mismatches
        if m.file == "entities.ftm.json"
    ]
    assert lost == [
        ("entities.ftm.json", prop, value, "lost on load") for prop, value, _ in INVALID
    ]
    problems = report.problems()
    assert problems[0] == f"dropped by FtM at export: {VICTIM} Person.birthDate 'last spring'"
    assert f"entities.ftm.json: {TARGET} Person.topics 'sanctioned-maybe': lost on load" in problems
    assert len(problems) == 1 + 3 + 3  # export drop, values check, entities file


def test_tampered_statements_file_is_reported(tmp_path: Path) -> None:
    entities = make_export()
    _publish(tmp_path, entities)
    path = tmp_path / STATEMENTS_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Caspian Herald", "Caspian Herold"), encoding="utf-8")
    report = verify_roundtrip(entities, None, path)
    assert report.mismatches == [
        Mismatch(
            "statements.csv",
            DOC,
            "publisher",
            "Caspian Herald",
            "value read back as 'Caspian Herold'",
            "Article",
        )
    ]


def test_missing_entities_file_is_reported(tmp_path: Path) -> None:
    report = publish_all(make_export(), tmp_path, "dossier")
    assert report.missing == ["entities.ftm.json"]
    assert report.problems() == ["entities.ftm.json was not written, so it was not checked"]


def test_real_export_round_trips_if_present(tmp_path: Path) -> None:
    source = ROOT / "entities" / ENTITIES_FILE
    if not source.is_file():
        pytest.skip("no entities/entities.ftm.json in this checkout")
    entities: list[StatementEntity] = []
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            entities.append(StatementEntity.from_data(DATASET, json.loads(line)))
    shutil.copy(source, tmp_path / ENTITIES_FILE)
    report = publish_all(entities, tmp_path, "dossier")
    assert report.problems() == []


def test_the_round_trip_memo_skips_only_what_is_unchanged(tmp_path: Path) -> None:
    entities = make_export()
    _publish(tmp_path, entities)
    files = (tmp_path / ENTITIES_FILE, tmp_path / STATEMENTS_FILE)
    first = Verified()
    cold = verify_roundtrip(entities, *files, now=first)
    assert cold.ok and len(first.entities) == len(entities) == len(first.values)
    assert len(first.statements) == cold.statements_checked
    again = Verified()
    assert verify_roundtrip(entities, *files, verified=first, now=again) == cold
    assert again == first
    # A changed row is read back again, and its problem found, even with the memo.
    path = files[1]
    path.write_text(
        path.read_text(encoding="utf-8").replace("Caspian Herald", "Caspian Herold"),
        encoding="utf-8",
    )
    third = Verified()
    report = verify_roundtrip(entities, None, path, verified=first, now=third)
    assert [m.problem for m in report.mismatches] == ["value read back as 'Caspian Herold'"]
    assert report.statements_checked == cold.statements_checked
    assert len(third.statements) == len(first.statements) - 1
