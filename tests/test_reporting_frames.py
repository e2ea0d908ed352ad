"""General frames of English reporting, on hand-made sentences with invented names:
a visa restriction ("restricted entry for X"), a designated group written before its
members ("Among the men designated are X and Y"), "including X" hung on the verb, and
a relative clause whose reporting verb has its own speaker ("X, who the U.S. alleges
was responsible for ..."), which makes X the one alleged against, never the source."""

from __future__ import annotations

from spacy.language import Language

from tests.test_claims import parts
from tests.test_designations import read, reading


def test_restricted_entry_is_a_visa_restriction(nlp: Language) -> None:
    text = (
        "The Treasury sanctioned two officers on Monday. The State Department also "
        "restricted U.S. entry for Boris Kalinin, a former governor, in connection with "
        "the killing of Vera Orlova."
    )
    found = read(nlp, text, "Boris Kalinin", "Vera Orlova")
    assert reading(found.claims["Boris Kalinin"]) == ("designation", "accused", "designated")
    assert found.designations["Boris Kalinin"].measures == ("visa restrictions",)
    assert reading(found.claims["Vera Orlova"]) == ("killing", "victim", "victim")
    assert "Vera Orlova" not in found.designations


def test_restricted_entry_needs_a_sanctions_context(nlp: Language) -> None:
    text = "The border guards restricted entry for Boris Kalinin at the airport."
    found = read(nlp, text, "Boris Kalinin")
    assert found.claims["Boris Kalinin"].part not in {"accused", "perpetrator"}
    assert found.designations == {}


def test_group_designated_before_its_members(nlp: Language) -> None:
    text = "Among the men designated in the action are Boris Kalinin and Consul Oleg Rudin."
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert reading(found.claims["Boris Kalinin"]) == ("designation", "accused", "designated")
    assert reading(found.claims["Oleg Rudin"]) == ("designation", "accused", "designated")


def test_among_victims_is_no_designation(nlp: Language) -> None:
    text = "Among the men detained in the raid are Boris Kalinin and Oleg Rudin."
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert all(part not in {"accused", "perpetrator"} for _, part in found.values())


def test_including_hung_on_the_verb_reads_the_object(nlp: Language) -> None:
    text = (
        "The new sanctions targeted senior leaders, including Mr. Kalinin and Prime "
        "Minister Oleg Rudin."
    )
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert reading(found.claims["Boris Kalinin"]) == ("designation", "accused", "designated")
    assert reading(found.claims["Oleg Rudin"]) == ("designation", "accused", "designated")


def test_including_after_an_arrest_makes_victims(nlp: Language) -> None:
    text = "The police arrested dozens of students, including Boris Kalinin."
    assert parts(nlp, text, "Boris Kalinin") == {"Boris Kalinin": ("detention", "victim")}


def test_relative_clause_with_its_own_speaker(nlp: Language) -> None:
    text = (
        "Officials named Boris Kalinin, director of the regional police, who the "
        "government alleges was responsible for the execution of 27 men."
    )
    found = read(nlp, text, "Boris Kalinin")
    claim = found.claims["Boris Kalinin"]
    assert (claim.category, claim.part) == ("killing", "perpetrator")
    assert claim.part != "source"


def test_relative_clause_speaker_is_the_source(nlp: Language) -> None:
    text = "Boris Kalinin, who alleged that the police beat the detainees, was arrested."
    found = read(nlp, text, "Boris Kalinin")
    assert found.claims["Boris Kalinin"].part not in {"perpetrator", "accused"}


def test_put_under_sanctions_is_a_designation(nlp: Language) -> None:
    text = (
        "The US imposed sanctions on seven officials. Boris Kalinin and Oleg Rudin have "
        "also been put under the same sanctions."
    )
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert reading(found.claims["Boris Kalinin"]) == ("designation", "accused", "designated")
    assert reading(found.claims["Oleg Rudin"]) == ("designation", "accused", "designated")
    text = "The police put Boris Kalinin under house arrest."
    assert read(nlp, text, "Boris Kalinin").claims["Boris Kalinin"].part != "accused"


def test_a_title_with_a_bracketed_qualifier_stays_in_the_enumeration(nlp: Language) -> None:
    text = (
        "The US sanctioned seven officials. Current director-general Boris Kalinin, ADG "
        "(Operations) Oleg Rudin, former ADG (Operations) Pavel Zotov, and Ivan Belov have "
        "also been put under the same sanctions."
    )
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov", "Ivan Belov")
    for name in ("Boris Kalinin", "Oleg Rudin", "Pavel Zotov", "Ivan Belov"):
        assert found.claims[name].part == "accused", name


def test_a_long_descriptor_in_a_semicolon_list(nlp: Language) -> None:
    text = (
        "The individuals sanctioned include Boris Kalinin, the Director of the Financial "
        "Unit; Vera Orlova, the Minister of Labor; Anna Zotova, the Deputy Director General "
        "of the National Institute of Telecommunications and Postal Services, and Major "
        "General Oleg Rudin, the head of the Directorate of Military Intelligence."
    )
    names = ("Boris Kalinin", "Vera Orlova", "Anna Zotova", "Oleg Rudin")
    found = read(nlp, text, *names)
    for name in names:
        assert reading(found.claims[name])[:2] == ("designation", "accused"), name


def test_a_victim_after_a_semicolon_list_takes_no_designation(nlp: Language) -> None:
    text = (
        "The Treasury designated Boris Kalinin, the Director of the Unit; Oleg Rudin, the "
        "Minister of Labor; and Ivan Belov, who ordered the killing of the journalist Vera "
        "Orlova."
    )
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin", "Ivan Belov", "Vera Orlova")
    assert found.claims["Vera Orlova"].part == "victim"


def test_a_government_restricting_a_critics_entry_designates_nobody(nlp: Language) -> None:
    text = (
        "The EU sanctioned two officials last year. The government restricted entry for "
        "Vera Orlova, a journalist, at the border."
    )
    found = read(nlp, text, "Vera Orlova")
    assert found.designations == {}
    assert found.claims["Vera Orlova"].part not in {"accused", "perpetrator"}
