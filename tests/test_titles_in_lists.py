"""Lists of officials written "title NAME, title NAME, ...": each title is the next
name's, whatever the parser hangs on what (sentences written for the test, names
invented)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_names_and_groups_untuned import _titles
from tests.test_relation_pronouns import _relations

LIST = (
    "The other six Vimperk officials on the blacklist are Police Commissioner Kevin Lam, "
    "his predecessor Tony Ho, Secretary for Security Peter Wong Ka-wai, Justice Secretary "
    "Grace Lau, Secretary for Constitutional and Mainland Affairs Eddie Tse, and the newly "
    "appointed head of the national security committee, Mr Eddie Fung."
)


def test_each_title_in_a_list_is_the_next_names(nlp: Language) -> None:
    assert _titles(nlp, LIST) == {
        ("Kevin Lam", "Police Commissioner"),
        ("Peter Wong Ka-wai", "Secretary for Security"),
        ("Grace Lau", "Justice Secretary"),
        ("Eddie Tse", "Secretary for Constitutional and Mainland Affairs"),
    }


def test_his_predecessor_is_one_person_not_the_whole_list(nlp: Language) -> None:
    associates = {r for r in _relations(nlp, LIST) if r[0] == "associate"}
    assert associates == {("associate", "Tony Ho", "Kevin Lam", "predecessor")}


def test_an_office_of_a_portfolio_before_a_name(nlp: Language) -> None:
    text = (
        "In a letter to Secretary of State Oren Valk and Treasury Secretary Ivo Lind, the "
        "groups asked for sanctions."
    )
    assert {t for name, t in _titles(nlp, text) if name == "Oren Valk"} == {"Secretary of State"}
