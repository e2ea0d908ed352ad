"""The scale benchmark's synthetic corpus and size setting."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dossier.bench.corpus import WORDS_PER_DOCUMENT, generate, population
from dossier.bench.scale import sizes


def test_corpus_is_deterministic_and_about_two_thousand_words_a_document(tmp_path: Path) -> None:
    words = generate(tmp_path / "a", 4)
    generate(tmp_path / "b", 4)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 8  # texts and sidecars
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert 4 * WORDS_PER_DOCUMENT <= words < 4 * WORDS_PER_DOCUMENT * 1.2


def test_population_shares_surnames_and_given_names() -> None:
    people = population(400, random.Random(1))
    assert len({(p.given, p.surname) for p in people}) == 400
    assert len({p.surname for p in people}) < 300
    assert len({p.given for p in people}) < 50
    spelled = {p.spelled(True) for p in people} - {p.spelled(False) for p in people}
    assert len(spelled) > 0  # transliteration variants exist


def test_sizes_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_BENCH_SCALE", "300, 100")
    assert sizes() == [100, 300]
    monkeypatch.setenv("DOSSIER_BENCH_SCALE", "")
    assert sizes() == [100, 300, 1000]
    monkeypatch.setenv("DOSSIER_BENCH_SCALE", "ten")
    with pytest.raises(SystemExit, match="DOSSIER_BENCH_SCALE"):
        sizes()
