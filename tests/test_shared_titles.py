"""A title written once before two names: an occupation describes both, an office one
person holds describes the first only (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_names_and_groups_untuned import _titles


def test_an_office_before_the_first_name_is_not_the_second_persons(nlp: Language) -> None:
    text = (
        "Regional Governor Tomas Verlaine and Pavel Oskarov of the Interior Ministry are "
        "among the five officials added to the sanctions list."
    )
    assert _titles(nlp, text) == {("Tomas Verlaine", "Regional Governor")}
    text = "Interior Minister Tomas Verlaine and Pavel Oskarov were sanctioned on Monday."
    assert _titles(nlp, text) == {("Tomas Verlaine", "Minister")}


def test_an_occupation_before_two_names_describes_both(nlp: Language) -> None:
    text = "Investigative journalist Ana Prell and Mirek Sosna were detained in March."
    assert _titles(nlp, text) == {
        ("Ana Prell", "Investigative journalist"),
        ("Mirek Sosna", "Investigative journalist"),
    }
