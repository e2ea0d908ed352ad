"""Dossiers keyed on what they read of the entity store (``dossier.render.reads``).

The sample export (tests/fixtures/sample.ftm.json) has two candidate
targets who are associates, so each dossier reads the other's profile; a
third, unrelated candidate target is added here with evidence of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier import build
from dossier.build import QuietReporter, stage_dossiers
from dossier.outputs import OutputFolder, clear_staging, commit
from dossier.profile import build_profile, load_store
from dossier.render import reads
from dossier.render.dossier import dossier_path
from dossier.settings import Settings

SAMPLE = Path(__file__).parent / "fixtures" / "sample.ftm.json"
TARGET = "person-9ec58763a6a3f6d3c69cab92900c5b70d0ce4e60"  # Alibek Zhanuzakov
ASSOCIATE = "person-7b033fa6e8b137df83bb873dd51097cb1084a829"  # Kairat Baimenov
DOCUMENT = "doc-9f77fb3051ab668af7d371e1851fb65a321405e7"
LONER = "person-00000000000000000000000000000000000000aa"
PASSAGE = (
    "Witnesses told Steppe Rights Monitor that on 7 January 2022 Alibek Zhanuzakov, "
    "the head of the regional police, ordered officers to beat detainees"
)


def _entity(entity_id: str, schema: str, **properties: list[str]) -> str:
    return json.dumps({"id": entity_id, "properties": properties, "schema": schema})


def _sample(extra: list[str] | None = None, replace: tuple[str, str] | None = None) -> str:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines.append(_entity(LONER, "Person", name=["Marat Oskenbayev"], topics=["poi"]))
    lines.append(
        _entity(
            "evidence-00000000000000000000000000000000000000bb",
            "Documentation",
            document=[DOCUMENT],
            entity=[LONER],
            recordId=["evidence-00000000000000000000000000000000000000bb"],
            role=["torture/perpetrator"],
            status=["accepted"],
            summary=["Marat Oskenbayev ordered the beating of a detained farmer in 2021."],
        )
    )
    text = "\n".join(sorted(lines + (extra or []))) + "\n"
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace)
    return text


def _settings(monkeypatch: pytest.MonkeyPatch, root: Path) -> Settings:
    for name, value in {
        "DOSSIER_SEEDS_DIR": root / "seeds",
        "DOSSIER_ENTITIES_DIR": root / "entities",
        "DOSSIER_DOSSIERS_DIR": root / "dossiers",
        "DOSSIER_CACHE_DIR": root / "cache",
        "DOSSIER_ORGANISATION": "Test Org",
        "SOURCE_DATE_EPOCH": "1700000000",
    }.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DOSSIER_DASK_SCHEDULER", raising=False)
    return Settings.from_env()


def _render(settings: Settings, text: str, fresh: bool = False) -> set[str]:
    """Render the dossiers of ``text`` as a build does; the names of the PDFs written."""
    entities = settings.entities_dir / "entities.ftm.json"
    entities.parent.mkdir(parents=True, exist_ok=True)
    entities.write_text(text, encoding="utf-8")
    folder = OutputFolder(settings.dossiers_dir)
    folder.reset()
    try:
        stage_dossiers(settings, QuietReporter(), entities, folder, fresh)
        written = {p.name for p in folder.staging.glob("*.pdf")}
        commit(settings.cache_dir, [folder])
    finally:
        clear_staging([folder])
    return written


def _pdfs(settings: Settings) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in settings.dossiers_dir.glob("*.pdf")}


def _names(settings: Settings) -> dict[str, str]:
    """Person ID -> dossier file name."""
    store = load_store(settings.entities_dir / "entities.ftm.json")
    people = (TARGET, ASSOCIATE, LONER)
    return {p: dossier_path(build_profile(store, p), Path(".")).name for p in people}


def test_unchanged_dossiers_cost_no_profile_and_a_changed_passage_renders_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "PARALLEL_RENDER_MIN", 1000)  # in this process: calls counted
    built: list[str] = []
    real = build.build_profile

    def counting(store: object, person_id: str) -> object:
        built.append(person_id)
        return real(store, person_id)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "build_profile", counting)
    settings = _settings(monkeypatch, tmp_path / "grown")
    assert len(_render(settings, _sample())) == 3
    names = _names(settings)

    # An entity no dossier reads: the entity file changes, no dossier is built again.
    built.clear()
    extra = _entity("org-00000000000000000000000000000000000000cc", "Company", name=["Ak Zhol LLP"])
    assert _render(settings, _sample([extra])) == set()
    assert [p for p in built if p in (TARGET, ASSOCIATE, LONER)] == []
    assert set(_pdfs(settings)) == set(names.values())

    # One evidence passage of the target: its dossier (and its associate's, which reads
    # the target's profile) is rendered again; the unrelated target's is kept.
    before = _pdfs(settings)
    changed = _sample([extra], (PASSAGE, PASSAGE.replace("7 January", "8 January")))
    written = _render(settings, changed)
    assert names[TARGET] in written and names[LONER] not in written
    after = _pdfs(settings)
    assert after[names[TARGET]] != before[names[TARGET]]
    assert after[names[LONER]] == before[names[LONER]]

    # The same bytes as rendering that export from nothing.
    cold = _settings(monkeypatch, tmp_path / "cold")
    assert len(_render(cold, changed, fresh=True)) == 3
    assert _pdfs(cold) == after


def test_a_record_is_valid_only_while_every_read_gets_the_same_answer(tmp_path: Path) -> None:
    view = load_store(SAMPLE).recording()
    assert view.get(TARGET) is not None and view.get("person-missing") is None
    view.references(TARGET)
    record = reads.DossierReads("x.pdf", "key", tuple(view.reads()))
    assert [(op, key) for op, key, _ in record.reads] == [
        ("get", TARGET),
        ("get", "person-missing"),
        ("refs", TARGET),
    ]
    assert reads.still_valid(load_store(SAMPLE), record)
    original = SAMPLE.read_text(encoding="utf-8")
    rejected = next(line for line in original.splitlines() if "the newspaper could" in line)
    for old, new in [
        ('"Alibek Zhanuzakov"', '"Alibek Zhanuzak"'),  # the person's own name
        ("the newspaper could not confirm", "the paper could not confirm"),  # one passage
        (rejected, rejected.replace('"rejected"', '"accepted"')),  # a review decision
    ]:
        assert old in original and old != new
        path = tmp_path / "changed.ftm.json"
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        assert not reads.still_valid(load_store(path), record), old
    # An entity nobody read: still valid.
    path.write_text(original + _entity("org-x", "Company", name=["Ak Zhol LLP"]) + "\n")
    assert reads.still_valid(load_store(path), record)
    unknown = reads.DossierReads("x.pdf", "key", (("walk", "", ""),))
    assert not reads.still_valid(load_store(SAMPLE), unknown)
