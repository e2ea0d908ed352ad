"""Names that are places or armed groups by what the text writes around them: "the towns of
A, B and C", "the X Y gang", "the armed X Y rebel group" (sentences written for the test,
names invented)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_untuned_texts import persons


def test_every_town_of_a_list_is_a_place(nlp: Language) -> None:
    text = (
        "Forces under the command of General Ivan Petrov captured the towns of Mayorn, Tel "
        "Abrad and Wan Kessi, the Treasury said."
    )
    assert persons(nlp, text) == {"Ivan Petrov"}


def test_an_armed_groups_name_is_no_person(nlp: Language) -> None:
    text = (
        "The sanctions target Pavel Orlic, head of the Kraze Barko gang, and Ivan Petrov, "
        "leader of the armed Mai-Mai Tessaro rebel group."
    )
    assert persons(nlp, text) == {"Pavel Orlic", "Ivan Petrov"}


def test_a_gang_named_after_its_leaders_surname_keeps_the_person(nlp: Language) -> None:
    text = "Ivan Petrov was sanctioned on Monday. Members of the Petrov gang fled the city."
    assert "Ivan Petrov" in persons(nlp, text)
