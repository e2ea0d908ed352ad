"""Patterns met on sanctions texts nobody tuned for, on sentences written for the test
with invented names: a judge sentencing police officers is no perpetrator, a name that
modifies a noun is no member of the list around it, a title inside a name is part of it."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.mentions import extract_text_mentions
from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts


def persons(nlp: Language, text: str) -> set[str]:
    return {r.resolved or r.text for r in extract_text_mentions(text, nlp) if r.label == "PERSON"}


# --- a court punishing an abuse ----------------------------------------------------------


def test_a_judge_sentencing_officers_is_no_perpetrator(nlp: Language) -> None:
    text = (
        "Judge Tomas Ravel ruled that the murder of 17-year-old Ana Lisboa was \u201cnot a "
        "function of law enforcement\u201d and sentenced each officer to 40 years."
    )
    assert parts(nlp, text, "Tomas Ravel")["Tomas Ravel"][1] not in PERPETRATOR_PARTS


def test_a_judge_sentencing_a_man_for_murder_is_no_perpetrator(nlp: Language) -> None:
    text = "Judge Tomas Ravel sentenced Ivo Brandt to 40 years for the murder of two protesters."
    found = parts(nlp, text, "Tomas Ravel", "Ivo Brandt")
    assert found["Tomas Ravel"][1] not in PERPETRATOR_PARTS
    assert found["Ivo Brandt"] == ("killing", "accused")


def test_a_judge_sentencing_an_activist_is_still_a_perpetrator(nlp: Language) -> None:
    text = "Judge Tomas Ravel sentenced the activist to 40 years."
    assert parts(nlp, text, "Tomas Ravel") == {
        "Tomas Ravel": ("unjust_conviction", "perpetrator")
    }


# --- a name that modifies a noun ----------------------------------------------------------


def test_a_name_modifying_an_administration_takes_no_designation(nlp: Language) -> None:
    text = (
        "Marco Ilves Darren, a former chief of staff for the Tomas Ravel presidential "
        "administration, and Pablo Ilves Soren, an elected delegate to the Congress, were "
        "designated under Executive Order 13818 for their roles in corruption."
    )
    found = parts(nlp, text, "Marco Ilves Darren", "Tomas Ravel", "Pablo Ilves Soren")
    assert found["Marco Ilves Darren"] == ("corruption", "accused")
    assert found["Pablo Ilves Soren"] == ("corruption", "accused")
    assert found["Tomas Ravel"][1] not in PERPETRATOR_PARTS


# --- names -------------------------------------------------------------------------------


def test_a_title_word_inside_a_name_is_part_of_the_name(nlp: Language) -> None:
    text = (
        "It named the blacklisted commissioners as Juan Ramon Vallejo Vallejo, Luis Ernesto "
        "Perez Olmos, and Justo Pastor Urdaneta and said their assets are blocked."
    )
    found = persons(nlp, text)
    assert "Justo Pastor Urdaneta" in found
    assert "Urdaneta" not in found


def test_a_pastor_before_a_name_is_still_a_title(nlp: Language) -> None:
    text = "The police arrested Pastor Andrew Brenner at his church in the capital on Sunday."
    assert "Andrew Brenner" in persons(nlp, text)
