"""Names, places, ranks and group words met on a third set of sanctions texts nobody
tuned for, on sentences written for the test with invented names."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language

from dossier.extract.candidates import Candidate
from dossier.extract.claims import _no_conduct_of_a_law
from dossier.extract.finding import Finding
from dossier.extract.gazetteer import Gazetteer
from dossier.extract.mentions import extract_text_mentions
from tests.analysed import analysed
from tests.test_claims import parts


def _mentions(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(r.resolved or r.text, r.label) for r in extract_text_mentions(text, nlp)]


def _persons(nlp: Language, text: str) -> set[str]:
    return {name for name, label in _mentions(nlp, text) if label == "PERSON"}


# --- names -------------------------------------------------------------------------------


def test_an_apostrophe_for_the_ayn_stays_inside_the_name(nlp: Language) -> None:
    text = (
        "OFAC designated militia leaders Hamid al-Rubai and Karim Falih 'Abbas al-Tamimi "
        "for their involvement in serious human rights abuse."
    )
    found = _persons(nlp, text)
    assert "Karim Falih 'Abbas al-Tamimi" in found
    assert not {"Karim Falih", "Abbas al-Tamimi"} & found


def test_a_titled_name_keeps_its_lowercase_articles(nlp: Language) -> None:
    text = "The Treasury designated businessman Nabil Farhan al-Jasim al-Dulaimi for bribery."
    assert _persons(nlp, text) == {"Nabil Farhan al-Jasim al-Dulaimi"}


def test_a_name_cut_at_its_patronymic_takes_the_surname(nlp: Language) -> None:
    text = (
        "OFAC sanctioned Irina Petrovna Sokolova, Boris Igorevich Lavrov, and Danil "
        "Olegovich Vetrov for their involvement in the abuse of a journalist."
    )
    found = _persons(nlp, text)
    assert "Danil Olegovich Vetrov" in found
    assert "Danil Olegovich" not in found


def test_a_burmese_honorific_is_a_title(nlp: Language) -> None:
    text = "State Counsellor Daw Khin Myat Thu was in The Hague defending the country."
    assert "Khin Myat Thu" in _persons(nlp, text)


def test_an_investigators_title_is_no_part_of_the_name(nlp: Language) -> None:
    text = "Investigator Oleg Marchenko charged the activist with treason."
    assert _persons(nlp, text) == {"Oleg Marchenko"}


# --- places ------------------------------------------------------------------------------


def test_a_name_before_region_or_oblast_is_a_place(nlp: Language) -> None:
    text = (
        "Police in the Voronezh region detained the activist Ivan Petrov on Monday; "
        "officers from the Kostroma oblast beat him."
    )
    found = _mentions(nlp, text)
    assert ("Ivan Petrov", "PERSON") in found
    assert not any("Voronezh" in name or "Kostroma" in name for name, label in found
                   if label in {"PERSON", "ORG"})


def test_a_neighbourhood_of_a_city_is_a_place(nlp: Language) -> None:
    text = "Militias terrorised people in the Tripoli neighbourhood of Abu Karam for a decade."
    assert _persons(nlp, text) == set()


def test_a_sentence_after_a_name_and_a_comma_is_no_organisation(nlp: Language) -> None:
    text = "Oleg Marchenko, a Major of Justice, led the investigation into the activist."
    assert [name for name, label in _mentions(nlp, text) if label == "ORG"] == []


# --- ranks ---------------------------------------------------------------------------------


def _titles(nlp: Language, text: str) -> set[tuple[str, str]]:
    found, analysis = analysed(nlp, text)
    return {(found.entities[p.entity_key].name, p.title) for p in analysis.positions}


def test_a_rank_of_a_service_is_a_position(nlp: Language) -> None:
    assert _titles(nlp, "Oleg Marchenko, a Major of Justice, led the inquiry.") == {
        ("Oleg Marchenko", "Major of Justice")
    }
    assert _titles(nlp, "Major of Justice Oleg Marchenko charged the activist.") == {
        ("Oleg Marchenko", "Major of Justice")
    }


# --- group words ---------------------------------------------------------------------------


def test_the_two_men_are_the_two_people_just_named(nlp: Language) -> None:
    text = (
        "The ministry named Oleg Marchenko, a police major, and Pavel Dorin, an "
        "investigator. The two men are accused of torturing detainees."
    )
    assert parts(nlp, text, "Oleg Marchenko", "Pavel Dorin") == {
        "Oleg Marchenko": ("torture", "accused"),
        "Pavel Dorin": ("torture", "accused"),
    }


def test_the_two_officers_after_a_and_b_however_parsed(nlp: Language) -> None:
    text = (
        "Oleg Marchenko and Pavel Dorin were named by the ministry. The two officers "
        "tortured detainees in 2019."
    )
    assert parts(nlp, text, "Oleg Marchenko", "Pavel Dorin") == {
        "Oleg Marchenko": ("torture", "perpetrator"),
        "Pavel Dorin": ("torture", "perpetrator"),
    }


def test_two_men_without_the_are_not_the_two_just_named(nlp: Language) -> None:
    text = "Oleg Marchenko and Pavel Dorin were arrested. Two men tortured them."
    found = parts(nlp, text, "Oleg Marchenko", "Pavel Dorin")
    assert found["Oleg Marchenko"][1] != "perpetrator"
    assert found["Pavel Dorin"][1] != "perpetrator"


def test_a_capitalised_article_opening_a_sentence_is_the_persons_surname(
    nlp: Language,
) -> None:
    text = (
        "The Treasury said Hamid al-Rubaie directed the killing of demonstrators. "
        "Al-Rubaie was targeted under the Magnitsky Act."
    )
    found = _mentions(nlp, text)
    assert ("Hamid al-Rubaie", "PERSON") in found
    assert not any(label == "ORG" and "Rubaie" in name for name, label in found)


def test_a_titled_full_name_survives_the_models_place_votes_for_its_surname() -> None:
    # the small model tagged "Khashoggi" GPE in six sentences of one text; a surname the
    # corpus never writes as a place ("in X") or a country keeps its titled full name
    gaz = Gazetteer()
    gaz.votes["kalogeri"] = Counter({"GPE": 6, "PERSON": 1})
    cand = Candidate(0, 14, "Jamil Kalogeri", "PERSON", "title", "journalist")
    assert gaz.is_strong(cand)
    gaz.locative_uses["kalogeri"] += 1  # "in Kalogeri": the corpus uses it as a place
    assert not gaz.is_strong(cand)


def test_an_occasion_is_no_organisation(nlp: Language) -> None:
    text = (
        "The sanctions blacklist General Tun Lwin, the US Treasury Department said in a "
        "statement on December 10th, which marks International Human Rights Day."
    )
    orgs = {name for name, label in _mentions(nlp, text) if label == "ORG"}
    assert orgs == {"US Treasury Department"}


def test_a_law_does_nothing_itself() -> None:
    # seen on a real text: the parse made "the ... Act (...) allows the government to
    # sanction perpetrators" a complicit act of the law's organisation mention
    complicit = Finding("rights_abuse", "complicit", 0, "helped")
    law = "Global Magnitsky Human Rights Accountability Act"
    assert _no_conduct_of_a_law(law, complicit) is None
    assert _no_conduct_of_a_law("Executive Order", complicit) is None
    body = "Kazakhstan Bureau for Human Rights and Rule of Law"
    assert _no_conduct_of_a_law(body, complicit) == complicit
    assert _no_conduct_of_a_law("Kaniyat militia", complicit) == complicit
    source = Finding("context", "source", 0, "speech")
    assert _no_conduct_of_a_law(law, source) == source
