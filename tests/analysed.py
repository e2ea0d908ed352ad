"""One text, written for a test, through ingest, mentions and claims."""

from __future__ import annotations

import tempfile
from pathlib import Path

from spacy.language import Language

from dossier.extract.claims import DocumentAnalysis, analyse_document
from dossier.extract.mentions import DocumentMentions, find_mentions
from dossier.ingest.source import ingest_file


def analysed(nlp: Language, text: str) -> tuple[DocumentMentions, DocumentAnalysis]:
    """The document's mentions and its analysis (claims, positions, relations)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        path.write_text(text, encoding="utf-8")
        source = ingest_file(path, Path(folder), 10**7)
    doc = nlp(source.analysis_text())
    found = find_mentions([source], [doc])[0]
    return found, analyse_document(source, doc, found)
