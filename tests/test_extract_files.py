"""`dossier extract FILE...`: several files read as one corpus, as `dossier build` reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from spacy.language import Language

from dossier.cli import main

LAWYER = "Human rights lawyer Marta Kowalczyk was detained in March by police in Warsaw.\n"
LATER = "Kowalczyk went home.\n"


def _extract(*paths: Path) -> Result:
    return CliRunner().invoke(main, ["extract", *map(str, paths)], catch_exceptions=False)


def _lines(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_surname_is_understood_through_the_other_file(tmp_path: Path, nlp: Language) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(LAWYER, encoding="utf-8")
    second.write_text(LATER, encoding="utf-8")
    alone = _lines(_extract(second))
    assert alone == []
    together = _lines(_extract(second, first))  # printed in path order, not argument order
    assert together == [
        {
            "file": str(first),
            "text": "Marta Kowalczyk",
            "label": "PERSON",
            "start": 20,
            "end": 35,
            "resolved": "Marta Kowalczyk",
            "why": [
                "rule:title",
                "title:lawyer",
                "title",
                "given-name-and-surname",
                "reference:full-name",
            ],
        },
        {
            "file": str(first),
            "text": "Warsaw",
            "label": "GPE",
            "start": 71,
            "end": 77,
            "resolved": None,
            "why": [],
        },
        {
            "file": str(second),
            "text": "Kowalczyk",
            "label": "PERSON",
            "start": 0,
            "end": 9,
            "resolved": "Kowalczyk",
            # the other file's full name is the agreeing evidence for a lone surname
            "why": [
                "model:PERSON",
                "model-votes-agree",
                "surname-of-full-name-in-corpus",
                "backed",
                "reference:own-name",
            ],
        },
    ]
    for line in together:
        text = Path(str(line["file"])).read_text(encoding="utf-8")
        assert text[int(str(line["start"])) : int(str(line["end"]))] == line["text"]


def test_files_in_different_folders_are_one_corpus(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y" / "z").mkdir(parents=True)
    first, second = tmp_path / "x" / "a.txt", tmp_path / "y" / "z" / "b.txt"
    first.write_text(LAWYER, encoding="utf-8")
    second.write_text(LATER, encoding="utf-8")
    lines = _lines(_extract(first, second))
    assert [(line["file"], line["text"]) for line in lines] == [
        (str(first), "Marta Kowalczyk"),
        (str(first), "Warsaw"),
        (str(second), "Kowalczyk"),
    ]


def test_an_unreadable_file_stops_the_run_with_its_reason(tmp_path: Path, nlp: Language) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(LAWYER, encoding="utf-8")
    bad.write_bytes(b"\xff\xfe\x00")
    result = _extract(good, bad)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"Refused {bad}: invalid UTF-16 at byte 2" in result.stderr
    assert "1 of 2 files cannot be read; nothing extracted" in result.stderr


def test_a_file_named_twice_or_missing_is_refused(tmp_path: Path, nlp: Language) -> None:
    good = tmp_path / "a.txt"
    good.write_text(LAWYER, encoding="utf-8")
    twice = _extract(good, tmp_path / "." / "a.txt")
    assert twice.exit_code == 1
    assert "named twice" in twice.stderr
    missing = _extract(good, tmp_path / "none.txt")
    assert missing.exit_code == 1
    assert f"no such file: {tmp_path / 'none.txt'}" in missing.stderr


def test_the_mentions_are_those_of_a_build(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.build import QuietReporter, run_extract
    from dossier.settings import Settings

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(LAWYER, encoding="utf-8")
    (seeds / "b.txt").write_text(
        "Kowalczyk went home. Her colleague Tomasz Brel of the Warsaw Bar Association "
        "said Brel and Kowalczyk would appeal.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DOSSIER_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))
    built = run_extract(Settings.from_env(), QuietReporter(), fresh=True)
    expected = [
        (str(seeds / e.source.file_name), m.text, m.label, m.start, m.end,
         None if m.entity_key is None else e.entities[m.entity_key].name)
        for e in built.extractions
        for m in e.mentions
    ]  # fmt: skip
    lines = _lines(_extract(seeds / "b.txt", seeds / "a.txt"))
    got = [
        (line["file"], line["text"], line["label"], line["start"], line["end"], line["resolved"])
        for line in lines
        if line["label"] in ("PERSON", "ORG")
    ]
    assert got == expected
    assert ("Marta Kowalczyk", "PERSON") in [(g[1], g[2]) for g in got]
    assert len(got) >= 4
