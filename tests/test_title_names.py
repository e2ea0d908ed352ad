"""A title whose institution's name holds an "and" keeps the whole name (sentences
written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_names_and_groups_untuned import _titles


def test_an_and_inside_the_institutions_name_stays_in_the_title(nlp: Language) -> None:
    text = (
        "The four officials on the list are Mr Tomas Verlaine, director of the Lake "
        "Ostrava and Vimperk Affairs Office of the State Council, and Mr Pavel Oskarov."
    )
    assert _titles(nlp, text) == {
        (
            "Tomas Verlaine",
            "director of the Lake Ostrava and Vimperk Affairs Office of the State Council",
        )
    }
    text = "Tomas Verlaine, head of the Department of Roads and Bridges, was sanctioned."
    assert _titles(nlp, text) == {("Tomas Verlaine", "head of the Department of Roads and Bridges")}


def test_two_descriptors_joined_by_and_stay_two(nlp: Language) -> None:
    text = "Tomas Verlaine, head of the police and a member of the council, was sanctioned."
    assert _titles(nlp, text) == {
        ("Tomas Verlaine", "head of the police"),
        ("Tomas Verlaine", "member of the council"),
    }


def test_a_rank_and_a_post_are_not_one_name(nlp: Language) -> None:
    text = (
        "Tomas Verlaine, Colonel General and Deputy Chairman of the Air Defence Committee, "
        "was sanctioned."
    )
    assert _titles(nlp, text) == {("Tomas Verlaine", "Colonel General")}


def test_the_name_does_not_run_into_the_address_on_the_next_lines(nlp: Language) -> None:
    text = (
        "Skip to content\n\nTomas Verlaine\n\nSecretary of State for Foreign Roads and "
        "Bridges Affairs\n\nKing Charles Street\n\nLondon\n\nSW1A 2AH\n\n3rd May 2022\n\n"
        "Dear Secretary of State,"
    )
    assert _titles(nlp, text) == {
        ("Tomas Verlaine", "Secretary of State for Foreign Roads and Bridges Affairs")
    }
