"""A title written before a name is the person's position, not an organisation
(sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_names_and_groups_untuned import _mentions, _titles


def test_a_police_commissioner_is_a_title(nlp: Language) -> None:
    text = "The officials on the list are Police Commissioner Oren Valk and Mr Teodor Brask."
    assert _mentions(nlp, text) == [("Oren Valk", "PERSON"), ("Teodor Brask", "PERSON")]
    assert _titles(nlp, text) == {("Oren Valk", "Police Commissioner")}


def test_the_body_before_a_title_stays_an_organisation(nlp: Language) -> None:
    text = "U.S. Treasury Secretary Ivo Lind announced the sanctions."
    assert _mentions(nlp, text) == [("U.S. Treasury", "ORG"), ("Ivo Lind", "PERSON")]
