"""Lists of designated people as sanctions texts write them, on sentences written for the
test with invented names: "the others on the sanctions list are A, title; B, title",
"OFAC is designating: A, ...; B, ...", long titles between the names of one list."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.mentions import extract_text_mentions
from dossier.model import PERPETRATOR_PARTS, EntityLabel
from tests.test_claims import analyse, parts

DESIGNATED = ("designation", "accused")


def _all_designated(nlp: Language, text: str, *names: str) -> dict[str, tuple[str, str]]:
    found = parts(nlp, text, *names)
    return {name: found.get(name, ("", "")) for name in names}


# --- the group a sanctions list holds ------------------------------------------------------


def test_the_others_on_the_sanctions_list_are_designated(nlp: Language) -> None:
    text = (
        "The others on the sanctions list are Oleg Marchenko, chief of staff to the "
        "president; Pavel Dorin, minister of internal affairs and major general of militia; "
        "and Ivan Seleznev, commander of the riot police."
    )
    names = ("Oleg Marchenko", "Pavel Dorin", "Ivan Seleznev")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_among_those_on_the_sanctions_list_are_designated(nlp: Language) -> None:
    text = (
        "Among those on the sanctions list are the head of the state broadcaster, Oleg "
        "Marchenko, the Prosecutor General Pavel Dorin, and Judge Irina Volkova."
    )
    names = ("Oleg Marchenko", "Pavel Dorin", "Irina Volkova")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_the_officials_on_the_list_of_a_sanctions_passage_are_designated(
    nlp: Language,
) -> None:
    text = (
        "The ministry imposed sanctions on the police. The four officials on the list are "
        "Police Commissioner Oleg Marchenko, his predecessor Pavel Dorin, and Justice "
        "Secretary Irina Volkova."
    )
    names = ("Oleg Marchenko", "Pavel Dorin", "Irina Volkova")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_the_others_on_a_list_of_speakers_are_not_designated(nlp: Language) -> None:
    text = (
        "The speakers at the conference were listed. The others on the list are Oleg "
        "Marchenko and Pavel Dorin."
    )
    found = parts(nlp, text, "Oleg Marchenko", "Pavel Dorin")
    assert all(part not in PERPETRATOR_PARTS for _category, part in found.values())
    assert DESIGNATED not in found.values()


def test_besides_the_others_on_the_list_is_on_the_list_too(nlp: Language) -> None:
    text = (
        "Besides the president and his son, national security adviser Viktor Marchenko, "
        "the others on the sanctions list are Igor Dorin, chief of staff to the president; "
        "and Yuri Seleznev, minister of internal affairs."
    )
    names = ("Viktor Marchenko", "Igor Dorin", "Yuri Seleznev")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_besides_the_others_at_a_meeting_is_no_designation(nlp: Language) -> None:
    text = "Besides Anna Petrova, the others at the meeting were Igor Dorin and Yuri Seleznev."
    found = parts(nlp, text, "Anna Petrova", "Igor Dorin", "Yuri Seleznev")
    assert DESIGNATED not in found.values()


# --- a colon opening the list ---------------------------------------------------------------


def test_a_colon_after_designating_opens_the_list(nlp: Language) -> None:
    text = (
        "Additionally, OFAC is designating: Oleg Marchenko, Karan\u2019s Minister of "
        "Intelligence; Pavel Dorin, the police commander of the Karan province; and Irina "
        "Volkova, the deputy commander of the militia."
    )
    names = ("Oleg Marchenko", "Pavel Dorin", "Irina Volkova")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_a_colon_after_a_negated_designation_designates_nobody(nlp: Language) -> None:
    text = "The council has not sanctioned: Oleg Marchenko and Pavel Dorin."
    found = parts(nlp, text, "Oleg Marchenko", "Pavel Dorin")
    assert DESIGNATED not in found.values()


# --- long titles between the names of one list ------------------------------------------------


def test_titles_with_possessives_and_prepositions_keep_the_list_together(
    nlp: Language,
) -> None:
    text = (
        "The other officials on the blacklist are Police Commissioner Chen Wai, his "
        "predecessor Lam Tak, Secretary for Security Ho Kin, and Justice Secretary Ma Lin. "
        "The Treasury also sanctioned Zhou Bo, director of the Affairs Office of Karan's "
        "State Council; Liu Hao, former director who had been demoted; and Wu Tian, the "
        "newly appointed head of the security committee."
    )
    names = ("Chen Wai", "Lam Tak", "Ho Kin", "Ma Lin", "Zhou Bo", "Liu Hao", "Wu Tian")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_a_bracketed_description_and_a_hyphenated_title_keep_the_list_together(
    nlp: Language,
) -> None:
    text = (
        "Among those on the UK\u2019s sanctions list are the Prosecutor General Andrei "
        "Volkov, the chairman of the Council of the Republic (upper house of parliament) "
        "Natalia Sidorova, and Judge Elena Morozova. The sanctions blacklist General Tun "
        "Lwin, deputy Commander-in-Chief Kyaw Soe and Major General Than Myint."
    )
    names = (
        "Andrei Volkov", "Natalia Sidorova", "Elena Morozova", "Tun Lwin", "Kyaw Soe",
        "Than Myint",
    )  # fmt: skip
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)


def test_a_clause_reaching_the_next_name_is_no_title(nlp: Language) -> None:
    text = (
        "The Treasury sanctioned Oleg Marchenko, who ordered the killing of Anna Petrova; "
        "and Pavel Dorin, the commander of the riot police."
    )
    found = parts(nlp, text, "Oleg Marchenko", "Anna Petrova", "Pavel Dorin")
    assert found["Oleg Marchenko"][1] in PERPETRATOR_PARTS
    assert found["Anna Petrova"][1] not in PERPETRATOR_PARTS
    assert found["Anna Petrova"] != DESIGNATED


# --- titles before the name ----------------------------------------------------------------


def _persons(nlp: Language, text: str) -> set[str]:
    return {r.resolved or r.text for r in extract_text_mentions(text, nlp) if r.label == "PERSON"}


def test_a_two_word_title_and_a_ministrys_portfolio_are_no_part_of_the_name(
    nlp: Language,
) -> None:
    text = (
        "The United States placed sanctions on Chief Executive Maria Santos and on the "
        "Minister of Information Igor Lutovich."
    )
    found = _persons(nlp, text)
    assert {"Maria Santos", "Igor Lutovich"} <= found
    assert not any(name.startswith(("Executive", "Information")) for name in found)


def test_an_executive_order_keeps_its_name(nlp: Language) -> None:
    text = "Ana Ruiz and Felipe Alejos were designated under Executive Order 13818 for bribery."
    assert _persons(nlp, text) == {"Ana Ruiz", "Felipe Alejos"}


# --- the object of the designees' act ------------------------------------------------------


def test_the_person_the_designated_officials_arrested_is_not_designated(
    nlp: Language,
) -> None:
    for text in (
        "The United States announces sanctions against six officials and judges in charge "
        "of the arrest and investigation of opposition leader Pavel Dorin.",
        "The United States announces sanctions against six officials in charge of the "
        "arrest of Pavel Dorin.",
    ):
        found = parts(nlp, text, "Pavel Dorin")
        assert found["Pavel Dorin"] == ("detention", "victim"), text


def test_the_head_of_a_unit_named_after_it_is_still_designated(nlp: Language) -> None:
    text = "OFAC sanctioned the head of the city division Pavel Dorin."
    assert parts(nlp, text, "Pavel Dorin") == {"Pavel Dorin": DESIGNATED}


def test_bodies_inside_a_list_items_description_are_not_designated(nlp: Language) -> None:
    text = (
        "Additionally, OFAC is designating: Oleg Marchenko, the police commander of the "
        "Karan and Bekar province; and Irina Volkova, the deputy commander of the Sopot, a "
        "subsidiary force of the Northern Guard Corps."
    )
    labels: dict[str, EntityLabel] = {"Oleg Marchenko": "PERSON", "Irina Volkova": "PERSON"}
    labels.update({"Bekar": "ORG", "Northern Guard Corps": "ORG"})
    _source, found, analysis = analyse(nlp, text, labels)
    claims = {found.entities[c.entity_key].name: (c.category, c.part) for c in analysis.claims}
    assert claims["Oleg Marchenko"] == DESIGNATED
    assert claims["Irina Volkova"] == DESIGNATED
    assert claims["Bekar"] != DESIGNATED
    assert claims["Northern Guard Corps"] != DESIGNATED


# --- more designation frames ---------------------------------------------------------------


def test_a_misparsed_blacklist_before_a_reporting_tail_designates_the_list(
    nlp: Language,
) -> None:
    text = (
        "The move coincides with the hearing. The sanctions blacklist Senior General Tun "
        "Lwin, deputy Commander-in-Chief Kyaw Soe, Major General Than Myint and Maj-Gen Aung "
        "Myo, the US Treasury Department said in a statement on December 10th."
    )
    names = ("Tun Lwin", "Kyaw Soe", "Than Myint", "Aung Myo")
    labels: dict[str, EntityLabel] = dict.fromkeys(names, "PERSON")
    labels["US Treasury Department"] = "ORG"
    _source, found, analysis = analyse(nlp, text, labels)
    claims = {found.entities[c.entity_key].name: (c.category, c.part) for c in analysis.claims}
    assert {name: claims[name] for name in names} == dict.fromkeys(names, DESIGNATED)
    assert claims["US Treasury Department"] != DESIGNATED


def test_the_inclusion_of_names_in_the_sanctions_list_designates_them(nlp: Language) -> None:
    text = (
        "This announcement coincided with the inclusion of the Minister of Internal Affairs, "
        "Vakhtang Berdze, and Deputy Director of the Special Tasks Department, Mirza "
        "Kalandze, in the global Magnitsky sanctions list."
    )
    names = ("Vakhtang Berdze", "Mirza Kalandze")
    assert _all_designated(nlp, text, *names) == dict.fromkeys(names, DESIGNATED)
    text = "The NGO demanded the inclusion of Vakhtang Berdze in the sanctions list."
    assert parts(nlp, text, "Vakhtang Berdze") == {
        "Vakhtang Berdze": ("sanctions_call", "accused")
    }


def test_the_list_refers_back_to_a_blacklist_named_before(nlp: Language) -> None:
    before = "Most were added to the blacklist in May. "
    rest = (
        "The judge was involved in the case. Officials included doctors. On the list is "
        "Dr. Pavel Dorin, a prison doctor."
    )
    assert parts(nlp, before + rest, "Pavel Dorin") == {"Pavel Dorin": DESIGNATED}
    speakers = "The speakers were announced. " + rest
    assert parts(nlp, speakers, "Pavel Dorin")["Pavel Dorin"] != DESIGNATED


def test_an_authority_citing_the_designees_as_corrupt_is_not_corrupt(nlp: Language) -> None:
    text = (
        "The reaction came after the US Department of Treasury on Monday placed sanctions "
        "on Pavel Dorin and Ivan Sidorov and his family, citing the two figures as having "
        "had directly or indirectly engaged in corruption, including the misappropriation "
        "of state assets."
    )
    labels: dict[str, EntityLabel] = {"Pavel Dorin": "PERSON", "Ivan Sidorov": "PERSON"}
    labels["US Department of Treasury"] = "ORG"
    _source, found, analysis = analyse(nlp, text, labels)
    claims = {found.entities[c.entity_key].name: (c.category, c.part) for c in analysis.claims}
    assert claims["US Department of Treasury"][1] not in PERPETRATOR_PARTS
    assert claims["Pavel Dorin"][1] == "accused"


def test_sanctions_that_target_a_list_past_a_clause_and_an_aides_principal(
    nlp: Language,
) -> None:
    text = (
        "The sanctions, which will be imposed under the Global Magnitsky Act, target Saud "
        "al-Rashidi, a former top aide to Crown Prince Hamad bin Khalid, and Mohammed "
        "al-Harbi, the consul general in Istanbul, among others."
    )
    found = parts(nlp, text, "Saud al-Rashidi", "Hamad bin Khalid", "Mohammed al-Harbi")
    assert found["Saud al-Rashidi"] == DESIGNATED
    assert found["Mohammed al-Harbi"] == DESIGNATED
    assert found["Hamad bin Khalid"] != DESIGNATED
    assert found["Hamad bin Khalid"][1] not in PERPETRATOR_PARTS
