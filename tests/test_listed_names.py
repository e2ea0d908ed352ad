"""Names as sanctions lists write them: family name first, in capitals, then a comma.

Every text here is written for the test; the names are made up.
"""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.names import normal_form
from tests.test_names_hold import _corpus, _people

RELEASE = (
    "The following individuals have been added to the SDN List: VORONTSEV, Pavel Igorevich "
    "(a.k.a. WORONZOW, Pawel Igorewitsch); DOB 14 Feb 1969; POB Tula, Russia; nationality "
    "Russia. BEKTURGANOVA, Dana Serikovna; DOB 02 Jun 1975; nationality Kazakhstan. "
    "Officials said Vorontsev had ordered the arrests."
)


def test_a_listed_name_is_one_person_in_written_order(nlp: Language) -> None:
    people = _people(_corpus(nlp, [RELEASE])[0])
    pavel = people["Pavel Igorevich Vorontsev"]
    assert (pavel.first_name, pavel.father_name, pavel.last_name) == (
        "Pavel",
        "Igorevich",
        "Vorontsev",
    )
    assert "VORONTSEV, Pavel Igorevich" in pavel.aliases
    dana = people["Dana Serikovna Bekturganova"]
    assert (dana.first_name, dana.last_name) == ("Dana", "Bekturganova")
    # Neither the given names alone nor the capitals alone are someone else.
    assert not {"Pavel Igorevich", "Dana Serikovna", "Vorontsev", "Bekturganova"} & set(people)


def test_the_alias_after_aka_is_read_as_a_listed_name(nlp: Language) -> None:
    found = _corpus(nlp, [RELEASE])[0]
    listed = [m for m in found.mentions if m.text == "WORONZOW, Pawel Igorewitsch"]
    assert len(listed) == 1 and listed[0].label == "PERSON"
    assert "rule:inverted" in listed[0].why


def test_a_dateline_is_no_listed_name(nlp: Language) -> None:
    text = (
        "MOSCOW, Russia (Reuters) - Prosecutors charged Ilya Stepnov on Monday. "
        "WASHINGTON, Dec 20 (Reuters) - The Treasury named no one else."
    )
    people = _people(_corpus(nlp, [text])[0])
    assert "Ilya Stepnov" in people
    assert not any("Moscow" in name or "Washington" in name for name in people)


def test_normal_form_puts_a_listed_name_in_written_order() -> None:
    assert normal_form("VORONTSEV, Pavel Igorevich") == "Pavel Igorevich Vorontsev"
    assert normal_form("AL-RASHIDI, Karim") == "Karim Al-Rashidi"
    assert normal_form("Pavel Vorontsev") == "Pavel Vorontsev"
