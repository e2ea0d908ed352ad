"""Frames of sanctions reporting met on texts nobody tuned for, on sentences written for
the test with invented names: an executive order is an instrument, not a command; a
spokesman declining to respond to a report covers nothing up."""

from __future__ import annotations

from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts


def test_signing_an_executive_order_on_abuses_is_no_order_to_abuse(nlp: Language) -> None:
    text = (
        "President Marek Olvan on Thursday signed an executive order declaring a national "
        "emergency with respect to serious human rights abuse and corruption around the world."
    )
    found = parts(nlp, text, "Marek Olvan")
    assert found["Marek Olvan"][1] not in PERPETRATOR_PARTS


def test_signing_an_order_to_shoot_is_still_an_order(nlp: Language) -> None:
    text = "General Marek Olvan signed an order to shoot the protesters in the square."
    assert parts(nlp, text, "Marek Olvan") == {"Marek Olvan": ("killing", "ordered")}


def test_declining_to_respond_to_a_report_is_no_cover_up(nlp: Language) -> None:
    text = (
        "At a briefing on Monday, Foreign Ministry spokesman Tarsen Vullo declined to give "
        "a detailed response to the report, and accused the group of bias."
    )
    found = parts(nlp, text, "Tarsen Vullo")
    assert found["Tarsen Vullo"][1] not in PERPETRATOR_PARTS
    text = "Spokesman Tarsen Vullo declined to respond."
    assert parts(nlp, text, "Tarsen Vullo").get("Tarsen Vullo", ("", ""))[1] != "complicit"


def test_failing_to_respond_to_killings_is_still_a_cover_up(nlp: Language) -> None:
    text = "Governor Tarsen Vullo failed to respond to the killings of the villagers."
    assert parts(nlp, text, "Tarsen Vullo")["Tarsen Vullo"] == ("cover_up", "complicit")


def test_a_verb_list_in_a_relative_clause_makes_no_victim(nlp: Language) -> None:
    # the parser hangs "killed" on the name as if "Oleg Rudin, killed in 2010"
    text = (
        "Those sanctioned include Boris Kalinin, who oversaw police operations; and Oleg "
        "Rudin, who oversaw security forces who reportedly beat, killed, and sexually "
        "assaulted dozens of people."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert found["Boris Kalinin"] == ("designation", "accused")
    assert found["Oleg Rudin"][1] in PERPETRATOR_PARTS


def test_a_name_with_a_reduced_passive_is_still_the_victim(nlp: Language) -> None:
    text = "Police officers beat Oleg Rudin, killed in custody in May, the group said."
    assert parts(nlp, text, "Oleg Rudin")["Oleg Rudin"] == ("killing", "victim")
    text = "Oleg Rudin, killed in custody in May, was a teacher."
    assert parts(nlp, text, "Oleg Rudin")["Oleg Rudin"] == ("killing", "victim")


def test_a_title_described_by_a_clause_carries_the_appositive_name(nlp: Language) -> None:
    # the parser hangs each name on the nearest noun ("trial", "centre")
    text = (
        "The UK had already sanctioned the judge presiding over the trial, Boris Kalinin, "
        "and the head of the detention centre where Vera Orlova is being held, Oleg Rudin."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Vera Orlova")
    assert found["Boris Kalinin"] == ("designation", "accused")
    assert found["Oleg Rudin"] == ("designation", "accused")
    assert found["Vera Orlova"][1] not in PERPETRATOR_PARTS


def test_a_unit_sanctioned_as_well_as_its_chief(nlp: Language) -> None:
    text = (
        "The ministry said it has sanctioned the police unit in its entirety, as well as "
        "both its chief, Boris Kalinin, and the head of the city division, Oleg Rudin."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert found == {
        "Boris Kalinin": ("designation", "accused"),
        "Oleg Rudin": ("designation", "accused"),
    }


def test_a_unit_sanctioned_alongside_its_chief(nlp: Language) -> None:
    text = (
        "The UK has sanctioned the entire police unit, alongside its chief Boris Kalinin "
        "and the head of the city division Oleg Rudin."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert found == {
        "Boris Kalinin": ("designation", "accused"),
        "Oleg Rudin": ("designation", "accused"),
    }
    text = "The UK has sanctioned Boris Kalinin along with his deputy Oleg Rudin."
    assert parts(nlp, text, "Oleg Rudin")["Oleg Rudin"] == ("designation", "accused")


def test_alongside_without_a_designation_designates_nobody(nlp: Language) -> None:
    text = "Boris Kalinin, the chief prosecutor, spoke alongside Oleg Rudin at the meeting."
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert all(part not in PERPETRATOR_PARTS for _, part in found.values())


def test_the_relative_of_a_folded_name_is_not_that_name(nlp: Language) -> None:
    text = "Police beat the wife of the student activist Oleg Rudin."
    assert parts(nlp, text, "Oleg Rudin")["Oleg Rudin"][1] != "victim"
