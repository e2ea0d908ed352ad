"""A pronoun opening a sentence stands for the group the sentence before names: "These
are A, B", "That includes A" (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts


def test_the_listed_members_of_a_designated_group_are_designated(nlp: Language) -> None:
    text = "The Treasury designated two officials on Monday. They are Ivan Petrov and Pavel Orlic."
    assert parts(nlp, text, "Ivan Petrov", "Pavel Orlic") == {
        "Ivan Petrov": ("designation", "accused"),
        "Pavel Orlic": ("designation", "accused"),
    }


def test_the_members_of_a_group_to_sanction_are_named_for_sanctions(nlp: Language) -> None:
    text = (
        "Mamedov named the 11 officials who, in his view, should be sanctioned. These are a "
        "head of the Department on Work with Law Enforcement Ivan Petrov and Pavel Orlic."
    )
    found = parts(nlp, text, "Ivan Petrov", "Pavel Orlic")
    assert found["Ivan Petrov"] == ("sanctions_call", "accused")


def test_a_group_involved_in_war_crimes_passes_it_on(nlp: Language) -> None:
    text = (
        "The ban may affect other leaders who were directly involved in war crimes. That "
        "includes the president, Ivan Petrov."
    )
    assert parts(nlp, text, "Ivan Petrov") == {"Ivan Petrov": ("rights_abuse", "perpetrator")}


def test_a_group_of_victims_accuses_nobody(nlp: Language) -> None:
    text = "Police detained 11 activists on Monday. These are Ivan Petrov and Pavel Orlic."
    found = parts(nlp, text, "Ivan Petrov", "Pavel Orlic")
    assert all(part not in PERPETRATOR_PARTS for _, part in found.values())


def test_a_relative_in_the_first_title_is_no_member(nlp: Language) -> None:
    text = (
        "Mamedov named the 11 officials who, in his view, should be sanctioned. These are the "
        "son of Pavel Orlic, Ivan Petrov, and others."
    )
    found = parts(nlp, text, "Ivan Petrov", "Pavel Orlic")
    assert found["Ivan Petrov"] == ("sanctions_call", "accused")
    assert found["Pavel Orlic"][1] not in PERPETRATOR_PARTS


def test_being_imposed_sanctions_is_a_sanctions_passive(nlp: Language) -> None:
    text = (
        "Mamedov named the 11 officials who, in his view, must be imposed sanctions. These "
        "are a head of the Department on Work with Law Enforcement Ivan Petrov and Pavel Orlic."
    )
    found = parts(nlp, text, "Mamedov", "Ivan Petrov")
    assert found["Ivan Petrov"] == ("sanctions_call", "accused")
    assert found["Mamedov"][1] not in PERPETRATOR_PARTS
    text = "Pavel Orlic was imposed sanctions by the Treasury in May."
    assert parts(nlp, text, "Pavel Orlic") == {"Pavel Orlic": ("designation", "accused")}
