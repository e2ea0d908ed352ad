"""A document added to a built corpus: the build gives the bytes a cold build gives.

The synthetic corpus of the scale bench shares given names and surnames
between documents, so the added document changes the corpus's knowledge
(label votes, searchable names) that the other documents read; only the
documents whose facts changed are decided again, and no output may differ.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.bench.scale import _outputs, generate_with_one_held_back
from dossier.build import QuietReporter, run_build
from dossier.settings import Settings


def _settings(monkeypatch: pytest.MonkeyPatch, corpus: Path, work: Path) -> Settings:
    for name, value in {
        "DOSSIER_SEEDS_DIR": corpus,
        "DOSSIER_ENTITIES_DIR": work / "entities",
        "DOSSIER_DOSSIERS_DIR": work / "dossiers",
        "DOSSIER_CACHE_DIR": work / "cache",
        "SOURCE_DATE_EPOCH": "1700000000",
    }.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DOSSIER_DATABASE_URL", raising=False)
    monkeypatch.delenv("DOSSIER_DASK_SCHEDULER", raising=False)
    return Settings.from_env()


def test_adding_a_document_builds_what_a_cold_build_builds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    nlp: Language,
    caplog: pytest.LogCaptureFixture,
) -> None:
    corpus, held = tmp_path / "corpus", tmp_path / "held"
    generate_with_one_held_back(corpus, held, 3)
    grown = _settings(monkeypatch, corpus, tmp_path / "grown")
    run_build(grown, QuietReporter())
    for path in held.iterdir():
        shutil.copy(path, corpus / path.name)
    with caplog.at_level(logging.INFO, logger="dossier.extract.corpus"):
        run_build(grown, QuietReporter())
    decided = [r.getMessage() for r in caplog.records if r.getMessage().startswith("decided")]
    assert decided != [] and " of 4 documents" in decided[0], decided
    cold = _settings(monkeypatch, corpus, tmp_path / "cold")
    run_build(cold, QuietReporter(), fresh=True)
    after, expected = _outputs(tmp_path / "grown"), _outputs(tmp_path / "cold")
    assert any(name.endswith(".pdf") for name in expected)
    assert after == expected
