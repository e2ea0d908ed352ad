"""End to end: seeds/ -> entities/entities.ftm.json -> dossiers/*.pdf through the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from spacy.language import Language

from dossier import build as build_module
from dossier.cli import main
from dossier.model import PROTECTED_ROLES
from tests.conftest import SEEDS

ANNOTATION = Path(__file__).parent / "data" / "annotations-000-003.json"
MUST_BE_TARGETS = [
    "Kassym-Jomart Tokayev",
    "Nursultan Nazarbayev",
    "Azamat Kurmanov",
    "Aset Dzhumadiyev",
    "Elvira Azimova",
    "Timur Kulibayev",
    "Timur Turlov",
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("build")
    shutil.copytree(SEEDS, root / "seeds")
    # The repository's human decisions travel with the seeds, as in `make dossiers`.
    shutil.copytree(SEEDS.parent / "entities" / "decisions", root / "entities" / "decisions")
    yield root


def _env(root: Path) -> dict[str, str]:
    return {
        "DOSSIER_SEEDS_DIR": str(root / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(root / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
        "DOSSIER_CACHE_DIR": str(root / "cache"),
        "DOSSIER_ORGANISATION": "Test Rights Watch",
        "SOURCE_DATE_EPOCH": "1700000000",
    }


def invoke(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=_env(root), catch_exceptions=False)


COLD: dict[str, float] = {}


@pytest.fixture(scope="module")
def built(workspace: Path) -> Result:
    started = time.perf_counter()
    result = invoke(workspace, "build")
    COLD["build"] = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def entities(workspace: Path, built: Result) -> list[dict[str, Any]]:
    lines = (workspace / "entities" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _by_schema(entities: list[dict[str, Any]], *schemas: str) -> list[dict[str, Any]]:
    return [e for e in entities if e["schema"] in schemas]


def _person(entities: list[dict[str, Any]], name: str) -> dict[str, Any]:
    found = [e for e in _by_schema(entities, "Person") if name in e["properties"]["name"]]
    assert len(found) == 1, f"{name}: {[f['properties']['name'] for f in found]}"
    return found[0]


def test_entity_file_is_ftm_json_lines_sorted(entities: list[dict[str, Any]]) -> None:
    assert all(set(e) == {"id", "schema", "properties"} for e in entities)
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entities]
    assert lines == sorted(lines)
    assert len({e["id"] for e in entities}) == len(entities)


def test_documents_carry_file_name_and_hash(entities: list[dict[str, Any]]) -> None:
    docs = _by_schema(entities, "Document", "Article")
    assert sorted(d["properties"]["fileName"][0] for d in docs) == sorted(
        p.name for p in SEEDS.iterdir() if not p.name.endswith(".meta.json")
    )
    for doc in docs:
        (content_hash,) = doc["properties"]["contentHash"]
        data = (SEEDS / doc["properties"]["fileName"][0]).read_bytes()
        import hashlib

        assert hashlib.sha1(data).hexdigest() == content_hash


def test_every_summary_is_verbatim_and_there_are_hundreds(
    entities: list[dict[str, Any]],
) -> None:
    docs = {d["id"]: d for d in _by_schema(entities, "Document", "Article")}
    texts = {
        doc_id: (SEEDS / d["properties"]["fileName"][0]).read_text(encoding="utf-8")
        for doc_id, d in docs.items()
    }
    evidence = _by_schema(entities, "Documentation")
    assert len(evidence) >= 300
    for item in evidence:
        (summary,) = item["properties"]["summary"]
        (doc_id,) = item["properties"]["document"]
        assert summary in texts[doc_id], item["id"]
        assert item["properties"]["status"] == ["unreviewed"]


def test_cross_document_merges(entities: list[dict[str, Any]]) -> None:
    docs = {
        d["id"]: d["properties"]["fileName"][0][:3]
        for d in _by_schema(entities, "Document", "Article")
    }

    def files(person: dict[str, Any]) -> set[str]:
        return {
            docs[e["properties"]["document"][0]]
            for e in _by_schema(entities, "Documentation")
            if e["properties"]["entity"] == [person["id"]]
        }

    tokayev = _person(entities, "Kassym-Jomart Tokayev")
    assert {"000", "001", "002", "004"} <= files(tokayev)
    assert "Kasym-Jomart Tokayev" in tokayev["properties"]["alias"]
    kulibayev = _person(entities, "Timur Kulibayev")
    assert {"001", "003", "004"} <= files(kulibayev)
    assert "T. Kulibayev" in kulibayev["properties"].get(
        "alias", []
    ) or "T. KULIBAYEV" in kulibayev["properties"].get("alias", [])
    nazarbayev = _person(entities, "Nursultan Nazarbayev")
    assert {"000", "001", "002", "003", "004"} <= files(nazarbayev)


def test_different_people_stay_apart(entities: list[dict[str, Any]]) -> None:
    ids = {
        name: _person(entities, name)["id"]
        for name in (
            "Aikorkem Meldekhan",
            "Aidos Meldekhan",
            "Bauyrzhan Meldekhan",
            "Timur Kulibayev",
            "Timur Turlov",
            "Nursultan Nazarbayev",
            "Nursultan Kuatbayev",
        )
    }
    assert len(set(ids.values())) == len(ids)


def test_dossiers_for_the_accused_only(workspace: Path, entities: list[dict[str, Any]]) -> None:
    pdfs = sorted(p.name for p in (workspace / "dossiers").glob("*.pdf"))
    for name in MUST_BE_TARGETS:
        person = _person(entities, name)
        assert "poi" in person["properties"]["topics"], name
        slug = name.lower().replace(" ", "-")
        matching = [p for p in pdfs if p.startswith(slug + "-") and len(p) == len(slug) + 11]
        assert len(matching) == 1, (name, pdfs)
        text = subprocess.run(
            ["pdftotext", "-layout", str(workspace / "dossiers" / matching[0]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert name in " ".join(text.split())
    annotation = json.loads(ANNOTATION.read_text(encoding="utf-8"))
    protected = [p["name"] for p in annotation["persons"] if p["role"] in PROTECTED_ROLES]
    poi = {
        n
        for e in _by_schema(entities, "Person")
        if "poi" in e["properties"].get("topics", [])
        for n in e["properties"]["name"] + e["properties"].get("alias", [])
    }
    assert [name for name in protected if name in poi] == []
    assert len(pdfs) == sum(
        1 for e in _by_schema(entities, "Person") if "poi" in e["properties"].get("topics", [])
    )


def test_rebuild_is_byte_identical(workspace: Path, built: Result) -> None:
    path = workspace / "entities" / "entities.ftm.json"
    before = path.read_bytes()
    pdf_before = {p.name: p.read_bytes() for p in (workspace / "dossiers").glob("*.pdf")}
    again = invoke(workspace, "build")
    assert again.exit_code == 0, again.output
    assert path.read_bytes() == before
    assert {p.name: p.read_bytes() for p in (workspace / "dossiers").glob("*.pdf")} == pdf_before


def _inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.glob("*.pdf")}


def test_unchanged_rebuild_reuses_caches_and_pdfs_and_fresh_redoes_them(
    workspace: Path, built: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossiers = workspace / "dossiers"
    before = {p.name: p.read_bytes() for p in dossiers.glob("*.pdf")}
    inodes = _inodes(dossiers)
    started = time.perf_counter()
    again = invoke(workspace, "build")
    warm = time.perf_counter() - started
    assert again.exit_code == 0, again.output
    assert _inodes(dossiers) == inodes  # no PDF was rendered again
    assert warm < 0.25 * COLD["build"], (warm, COLD["build"])
    for kind in ("parse", "extraction", "resolution", "publish"):
        assert any((workspace / "cache" / kind).rglob("*")), kind
    monkeypatch.setattr(build_module, "PARALLEL_RENDER_MIN", 2)  # two render processes
    fresh = invoke(workspace, "build", "--fresh")
    assert fresh.exit_code == 0, fresh.output
    assert set(_inodes(dossiers).values()).isdisjoint(inodes.values())  # all re-rendered
    assert {p.name: p.read_bytes() for p in dossiers.glob("*.pdf")} == before
    assert not (workspace / "entities" / ".dossier-staging").exists()
    assert not (workspace / "cache" / "commit.json").exists()


def test_build_reports_a_bad_file_and_goes_on(tmp_path: Path, nlp: Language) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "002_20b2ab74bc0c4165.txt", seeds)
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00\x00")
    (seeds / "empty.txt").write_bytes(b"")
    result = invoke(tmp_path, "export")
    assert result.exit_code == 0, result.output
    assert "1 documents read, 2 refused" in result.output
    assert "Refused broken.txt" in result.output and "Refused empty.txt" in result.output
    assert (tmp_path / "entities" / "entities.ftm.json").exists()
    strict = invoke(tmp_path, "export", "--strict")
    assert strict.exit_code == 3
