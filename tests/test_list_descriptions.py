"""The description of a listed name is no list item: a principal, a relative or a bracket
after a designee takes no designation, and a title written before each name is that
name's (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.mentions import extract_text_mentions
from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts
from tests.test_names_and_groups_untuned import _titles
from tests.test_untuned_texts import persons


def test_a_principal_in_a_designees_description_is_not_designated(nlp: Language) -> None:
    for text in (
        "The Treasury announced sanctions against Oren Valdt, an army commander loyal to "
        "Bram Kessel, and Major General Ilan Sorge, head of the presidential guard.",
        "The Treasury sanctioned Oren Valdt, a close ally of Bram Kessel, and Ilan Sorge, "
        "the police chief.",
        "The Treasury sanctioned Oren Valdt, the son of Bram Kessel, and Ilan Sorge, the "
        "police chief.",
    ):
        found = parts(nlp, text, "Oren Valdt", "Bram Kessel", "Ilan Sorge")
        assert found["Oren Valdt"] == ("designation", "accused"), text
        assert found["Ilan Sorge"] == ("designation", "accused"), text
        assert found["Bram Kessel"][1] not in PERPETRATOR_PARTS, text


def test_the_holder_of_a_listed_office_is_still_listed(nlp: Language) -> None:
    text = (
        "The State Department designated Interior Ministry official Oren Valdt, chair of "
        "Constitutional Court Bram Kessel, and Ilan Sorge."
    )
    found = parts(nlp, text, "Oren Valdt", "Bram Kessel", "Ilan Sorge")
    assert set(found.values()) == {("designation", "accused")}


def test_a_relative_in_a_title_before_a_designee_is_not_designated(nlp: Language) -> None:
    text = "The Treasury sanctioned the son of Bram Kessel, Oren Valdt, and Ilan Sorge."
    found = parts(nlp, text, "Oren Valdt", "Bram Kessel", "Ilan Sorge")
    assert found["Oren Valdt"] == ("designation", "accused")
    assert found["Ilan Sorge"] == ("designation", "accused")
    assert found["Bram Kessel"][1] not in PERPETRATOR_PARTS


def test_a_bracket_after_a_designee_does_not_break_the_list(nlp: Language) -> None:
    text = (
        "OFAC said that it has blacklisted Oren Valdt (husband of Kessel's daughter Mira), "
        "Ilan Sorge, Teodor Lanz and Piet Amsel, for helping Kessel enrich himself."
    )
    found = parts(nlp, text, "Oren Valdt", "Kessel", "Mira", "Ilan Sorge", "Teodor Lanz")
    for name in ("Oren Valdt", "Ilan Sorge", "Teodor Lanz"):
        assert found[name] == ("designation", "accused"), name
    assert found["Mira"][1] not in PERPETRATOR_PARTS


def test_a_title_before_each_name_is_that_names(nlp: Language) -> None:
    text = (
        "The Treasury sanctioned the Minister of Internal Affairs, Pavel Orlic, the Chief of "
        "Staff, Goran Milic, and the Chief of Protocol, Dragan Kovac."
    )
    assert _titles(nlp, text) == {
        ("Pavel Orlic", "Minister of Internal Affairs"),
        ("Goran Milic", "Chief of Staff"),
    }


def test_a_title_before_a_name_read_as_no_person_is_nobodys(nlp: Language) -> None:
    # the last name is no person mention here: its title is not the name before's
    text = (
        "For organizing the parade, sanctions were imposed on the Minister of Internal "
        "Affairs of the region, Pavel Orlic, Kessel's Chief of Staff, Goran Milic, the Chief "
        "of Protocol of the region, Dragan Kovac, and the Director of the Radio, Ivo Basic."
    )
    assert _titles(nlp, text) == {
        ("Pavel Orlic", "Minister of Internal Affairs of the region"),
        ("Goran Milic", "Chief of Staff"),
    }


def test_a_title_after_each_name_stays_that_names(nlp: Language) -> None:
    text = (
        "The Treasury sanctioned Pavel Orlic, the Minister of Internal Affairs, Goran Milic, "
        "the Chief of Protocol, and Dragan Kovac, the Director of the Radio."
    )
    assert _titles(nlp, text) == {
        ("Pavel Orlic", "Minister of Internal Affairs"),
        ("Goran Milic", "Chief of Protocol"),
    }


def test_a_polity_is_no_person(nlp: Language) -> None:
    text = (
        "The sanctions target people who helped the president of the country's Serb entity, "
        "Republika Velska, Oren Valdt, and his family."
    )
    assert persons(nlp, text) == {"Oren Valdt"}


def test_the_surname_of_a_name_with_a_quoted_nickname_is_that_person(nlp: Language) -> None:
    text = (
        "The gang leaders named by the Treasury are Johnson “Izo” Marcel, head of the 5 "
        "Segonn gang, and Renel “Ti Pwen” Dorval, a key ally of Marcel. “Marcel and Dorval "
        "are each being designated for serious human rights abuse,” the Treasury said."
    )
    names = {r.text: r.resolved for r in extract_text_mentions(text, nlp) if r.label == "PERSON"}
    assert names["Marcel"] == "Johnson “Izo” Marcel"
    assert names["Dorval"] == "Renel “Ti Pwen” Dorval"
