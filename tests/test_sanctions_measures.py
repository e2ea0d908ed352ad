"""Designations written as their measures or as a list after a participle: "will face
asset freezes and travel bans", "freezes any assets that X has", "Sanctioned Thursday
were: ...", "Also designated were ..." (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts

DESIGNATED = ("designation", "accused")


def test_facing_asset_freezes_and_travel_bans_is_a_designation(nlp: Language) -> None:
    for text in (
        "The FCDO said that Ivan Petrov, the defence minister, will face asset freezes and "
        "travel bans.",
        "Ivan Petrov, the head of the militia, is now subject to asset freezes and travel bans.",
        "Ivan Petrov will be subject to an asset freeze and a travel ban.",
        "Ivan Petrov, who leads the region, is already subject to US and UK sanctions.",
    ):
        assert parts(nlp, text, "Ivan Petrov")["Ivan Petrov"] == DESIGNATED, text


def test_a_threatened_or_persecuting_measure_is_no_designation(nlp: Language) -> None:
    for text in (
        "Ivan Petrov could face asset freezes.",
        "Ivan Petrov will face asset freezes if he continues.",
        "Ivan Petrov faces US sanctions.",
        "The activist Ivan Petrov faces a travel ban imposed by the Kazakh authorities.",
    ):
        assert parts(nlp, text, "Ivan Petrov")["Ivan Petrov"][1] not in PERPETRATOR_PARTS, text


def test_freezing_the_assets_a_person_holds_is_a_designation(nlp: Language) -> None:
    text = (
        "The Treasury has imposed sanctions on two officials. The measure Wednesday freezes "
        "any assets that Information Minister Ivan Petrov and former army chief Pavel Orlic "
        "have under U.S. jurisdiction."
    )
    found = parts(nlp, text, "Ivan Petrov", "Pavel Orlic")
    assert found == {"Ivan Petrov": DESIGNATED, "Pavel Orlic": DESIGNATED}


def test_a_government_freezing_a_critics_accounts_designates_nobody(nlp: Language) -> None:
    for text in (
        "The government froze all accounts that the activist Pavel Orlic holds.",
        "The sanctions would freeze any assets that Pavel Orlic has in the US.",
    ):
        assert parts(nlp, text, "Pavel Orlic")["Pavel Orlic"][1] not in PERPETRATOR_PARTS, text


def test_a_participle_before_a_copula_lists_designees(nlp: Language) -> None:
    text = (
        "Sanctioned Thursday were: Ivan Petrov, the Constituent Assembly’s second vice "
        "president; Pavel Orlic, the National Electoral Council vice president;"
    )
    assert parts(nlp, text, "Ivan Petrov", "Pavel Orlic") == {
        "Ivan Petrov": DESIGNATED,
        "Pavel Orlic": DESIGNATED,
    }
    for text in (
        "Also sanctioned were Ivan Petrov and Pavel Orlic.",
        "Also designated on Friday were Ivan Petrov and Pavel Orlic.",
    ):
        assert parts(nlp, text, "Ivan Petrov", "Pavel Orlic") == {
            "Ivan Petrov": DESIGNATED,
            "Pavel Orlic": DESIGNATED,
        }, text


def test_a_negated_participle_lists_nobody(nlp: Language) -> None:
    found = parts(nlp, "Not sanctioned were Ivan Petrov and Pavel Orlic.", "Ivan Petrov")
    assert found["Ivan Petrov"][1] not in PERPETRATOR_PARTS


def test_cited_for_involvement_in_an_act_is_an_accusation(nlp: Language) -> None:
    text = (
        "Ivan Petrov, a major general who defected from the army, was cited for involvement "
        "in rebel attacks that targeted civilians, including women and children, with "
        "killing, sexual violence and attacks on schools."
    )
    assert parts(nlp, text, "Ivan Petrov")["Ivan Petrov"] == ("killing", "accused")
    text = "The report cited Ivan Petrov for his courage."
    assert parts(nlp, text, "Ivan Petrov")["Ivan Petrov"][1] not in PERPETRATOR_PARTS
