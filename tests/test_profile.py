"""The per-person view of the FtM export (tests/fixtures/sample.ftm.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.profile import (
    EntityStore,
    ProfileError,
    StoreError,
    build_profile,
    candidate_targets,
    find_people,
    load_store,
    safe_url,
    script_of,
)

SAMPLE = Path(__file__).parent / "fixtures" / "sample.ftm.json"
TARGET = "person-9ec58763a6a3f6d3c69cab92900c5b70d0ce4e60"  # Alibek Zhanuzakov
ASSOCIATE = "person-7b033fa6e8b137df83bb873dd51097cb1084a829"  # Kairat Baimenov
VICTIM = "person-e88d7789cca2109ff2e1522e7b634c2f54b7b09f"  # Aigerim Sadykova


@pytest.fixture(scope="module")
def store() -> EntityStore:
    return load_store(SAMPLE)


def test_store_indexes_entities(store: EntityStore) -> None:
    assert len(store) == 28
    assert sorted(e.schema.name for e in store.by_schema("Document")) == [
        "Article", "Document", "Document",
    ]  # fmt: skip
    refs = {(e.schema.name, prop) for e, prop in store.references(TARGET)}
    assert ("Documentation", "entity") in refs
    assert ("Occupancy", "holder") in refs
    assert ("Family", "person") in refs


def test_candidate_targets_sorted_by_name(store: EntityStore) -> None:
    assert candidate_targets(store) == [TARGET, ASSOCIATE]
    assert VICTIM not in candidate_targets(store)


@pytest.mark.parametrize(
    "query",
    ["Alibek Zhanuzakov", "ALIBEK zhanuzakov", "zhanuzakov alibek", "Әлібек Жанұзақов",
     "ӘЛІБЕК жанұзақов", "a. zhanuzakov", TARGET],
)  # fmt: skip
def test_find_people_ignores_case_and_diacritics(store: EntityStore, query: str) -> None:
    assert find_people(store, query) == [TARGET]


def test_find_people_prefix_is_ambiguous_not_a_guess(store: EntityStore) -> None:
    assert len(find_people(store, "zhanuzak")) == 2
    assert find_people(store, "nobody at all") == []
    assert find_people(store, "") == []


def test_build_profile(store: EntityStore) -> None:
    p = build_profile(store, TARGET)
    assert p.name == "Alibek Zhanuzakov"
    assert p.names_by_script == {
        "Cyrillic": ["Әлібек Жанұзақов"],
        "Latin": ["Alibek Zhanuzakov", "A. ZHANUZAKOV", "Alibek Serikuly Zhanuzakov"],
    }
    assert p.identifiers["nationality"] == ["kz"]
    assert "birthDate" not in p.identifiers
    assert [(x.title, x.start) for x in p.positions] == [
        ("Head of the Karaganda Regional Police Department", "2019-03")
    ]
    assert [(r.kind, r.other_name, r.relationship) for r in p.relations] == [
        ("associate", "Kairat Baimenov", "business partner"),
        ("employment", "Karaganda Regional Police Department", "head"),
        ("family", "Dinara Zhanuzakova", "daughter"),
    ]
    assert p.status_counts() == {"unreviewed": 2, "accepted": 5, "rejected": 1}
    assert p.is_draft
    assert p.is_candidate
    assert p.topics == ["poi", "role.pep"]
    assert p.roles == ["alleged_perpetrator", "official"]
    assert not p.deceased
    assert len(p.documents) == 3
    torture = [e for e in p.evidence if (e.category, e.part) == ("torture", "ordered")]
    assert len(torture) == 1
    assert torture[0].document is not None
    assert torture[0].document.publisher == "Steppe Rights Monitor"
    assert torture[0].document.url == "https://example.org/reports/karaganda-2022"
    assert torture[0].summary.startswith("Witnesses told Steppe Rights Monitor")


def test_victim_profile_is_not_a_candidate(store: EntityStore) -> None:
    p = build_profile(store, VICTIM)
    assert not p.is_candidate
    assert p.roles == ["journalist", "victim"]
    assert [(e.category, e.part) for e in p.evidence] == [("detention", "victim")]


def test_deceased(store: EntityStore) -> None:
    (omarov,) = find_people(store, "Yerlan Omarov")
    assert build_profile(store, omarov).deceased


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://exa mple.org", None),
        ("https://user:pw@example.org/", None),
        ("https:///nohost", None),
        (None, None),
    ],
)
def test_safe_url(value: str | None, expected: str | None) -> None:
    assert safe_url(value) == expected


def test_script_of() -> None:
    assert script_of("Қасым-Жомарт Тоқаев") == "Cyrillic"
    assert script_of("Kassym-Jomart Tokayev") == "Latin"


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_lines_are_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=":1: not JSON"):
        load_store(_write(tmp_path, ["{nope"]))
    with pytest.raises(StoreError, match="unknown schema"):
        load_store(_write(tmp_path, [json.dumps({"id": "x", "schema": "Nope", "properties": {}})]))


def test_unknown_category_fails_loudly(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    changed = [line.replace("torture/ordered", "tortur/ordered") for line in lines]
    store = load_store(_write(tmp_path, changed))
    with pytest.raises(ProfileError, match="unknown evidence category 'tortur'"):
        build_profile(store, TARGET)
