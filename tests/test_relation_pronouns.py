"""Whose son "his son" is: a person named before the pronoun in the same sentence, never
a byline or a heading on a line above it (sentences written for the test, names
invented)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from spacy.language import Language

from dossier.extract.claims import analyse_document
from dossier.extract.mentions import find_mentions
from dossier.ingest.source import ingest_file


def _relations(nlp: Language, text: str) -> set[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        path.write_text(text, encoding="utf-8")
        source = ingest_file(path, Path(folder), 10**7)
    doc = nlp(source.analysis_text())
    found = find_mentions([source], [doc])[0]
    analysis = analyse_document(source, doc, found)
    name = {key: entity.name for key, entity in found.entities.items()}
    return {
        (r.kind, name[r.subject_key], name[r.object_key], r.relationship)
        for r in analysis.relations
    }


def test_a_byline_above_the_sentence_is_nobody_s_parent(nlp: Language) -> None:
    text = (
        "Oren Valk Sanctioned\n\nMara Lindqvist\n\nThe UK on Tuesday imposed sanctions on "
        "President Oren Valk, his son, and six senior officials of the government."
    )
    assert not any(kind == "family" for kind, _, _, _ in _relations(nlp, text))


def test_his_son_refers_to_the_person_named_before_in_the_sentence(nlp: Language) -> None:
    text = "President Oren Valk appointed his son, Teodor Valk, as national security adviser."
    assert ("family", "Oren Valk", "Teodor Valk", "son") in _relations(nlp, text)


def test_his_in_a_list_of_relatives_is_the_designees(nlp: Language) -> None:
    text = (
        "In addition to the public designation of Oren Valk, the Department is also "
        "designating his spouse, Mara Lindqvist Gabor, his daughter, Ina Uwase, and his "
        "son, Oren Kabera."
    )
    assert {r for r in _relations(nlp, text) if r[0] == "family"} == {
        ("family", "Oren Valk", "Ina Uwase", "daughter"),
        ("family", "Oren Valk", "Oren Kabera", "son"),
    }
