"""Names that hold anywhere: the person decision, name shapes and name parts.

Every text here is written for the test; the names are made up.
"""

from __future__ import annotations

import hashlib

from spacy.language import Language

from dossier.extract.mentions import DocumentMentions, extract_text_mentions, find_mentions
from dossier.extract.name_parts import family_name_first, name_parts
from dossier.model import LocalEntity, SourceDocument, SourceMeta


def _source(name: str, text: str) -> SourceDocument:
    return SourceDocument(
        file_name=name,
        text=text,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        meta=SourceMeta(),
    )


def _corpus(nlp: Language, texts: list[str]) -> list[DocumentMentions]:
    sources = [_source(f"{i:03d}.txt", t) for i, t in enumerate(texts)]
    return find_mentions(sources, [nlp(s.analysis_text()) for s in sources])


def _people(found: DocumentMentions) -> dict[str, LocalEntity]:
    return {e.name: e for e in found.entities.values() if e.schema == "Person"}


def _person_texts(text: str, nlp: Language) -> set[str]:
    return {r.text for r in extract_text_mentions(text, nlp) if r.label == "PERSON"}


STORIES = [
    "Tornell Rasmey scored twice on Friday as Dunmore beat Kelling 3-1. Rasmey said on "
    "Saturday that the win on Friday was the best of his career.",
    "Prices fell on Friday in Verlow. Traders said Friday was quiet and that Monday would "
    "bring more selling in May.",
    "Olvan Pretic told reporters on Tuesday that he would resign in June. Pretic said "
    "Friday's vote was final.",
]


def test_days_and_months_are_never_people(nlp: Language) -> None:
    found = _corpus(nlp, STORIES)
    for doc in found:
        for m in doc.mentions:
            if m.label == "PERSON":
                assert m.text not in ("Friday", "Saturday", "Tuesday", "Monday", "May", "June")
    assert "Tornell Rasmey" in _people(found[0]) and "Olvan Pretic" in _people(found[2])


def test_programmes_and_laws_are_not_people(nlp: Language) -> None:
    text = (
        "The Treasury designated Marek Olvanski under the Global Magnitsky sanctions "
        "programme and E.O. 13818. The Global Magnitsky Act allows such designations."
    )
    people = _person_texts(text, nlp)
    assert "Marek Olvanski" in people
    assert not any("Magnitsky" in p or "13818" in p for p in people)


def test_hyphenated_names_are_whole(nlp: Language) -> None:
    text = (
        "Opposition leader Dmitri Vasko-Murel was arrested in March. Vasko-Murel said the "
        "charges were false. His lawyer, Ahmed Abdel-Samir, said the court met in secret."
    )
    people = _person_texts(text, nlp)
    assert {"Dmitri Vasko-Murel", "Ahmed Abdel-Samir"} <= people
    assert not any(p in ("Dmitri Vasko", "Ahmed Abdel", "Vasko", "Murel") for p in people)


def test_names_with_inner_capitals_and_accents(nlp: Language) -> None:
    text = (
        "Manager Gary McTavell said the club would appeal. Defender Tomasz Wrzoğlu agreed, "
        "and McTavell added that the team would travel on Sunday."
    )
    people = _person_texts(text, nlp)
    assert "Gary McTavell" in people
    assert "Gary Mc" not in people


def test_particles_stay_in_the_name(nlp: Language) -> None:
    text = (
        "The minister, Faisal bin Tamer al-Harbi, met the envoy Joana dos Reis and the "
        "commissioner Pieter van Hollen in the capital. Suhail al-Marwan, a general, was "
        "also present."
    )
    people = _person_texts(text, nlp)
    assert {"Joana dos Reis", "Pieter van Hollen", "Suhail al-Marwan"} <= people


def test_ranks_and_honorifics_are_not_part_of_the_name(nlp: Language) -> None:
    text = (
        "The unit was led by Lt. Col. Samir Haddour and Maj. Gen. Tomas Ruelle. Shaikh Ali "
        "Nasrin, a cleric, was detained. Dr. Mira Kovalenko treated the prisoners."
    )
    people = _person_texts(text, nlp)
    assert {"Samir Haddour", "Tomas Ruelle", "Ali Nasrin", "Mira Kovalenko"} <= people
    assert not any(p.startswith(("Col", "Gen", "Shaikh", "Dr", "Lt", "Maj")) for p in people)


def test_a_nickname_in_quotes_stays_inside_the_name(nlp: Language) -> None:
    text = 'Former mayor Roberto "El Toro" Vasquez Pinel was charged with bribery on Monday.'
    assert 'Roberto "El Toro" Vasquez Pinel' in _person_texts(text, nlp)


def test_a_list_item_with_a_patronymic_is_found_whole(nlp: Language) -> None:
    text = (
        "The following officials were designated:\n"
        "Irina Olegovna Tarasenko: a district court judge who sentenced the activist.\n"
        "Pavel Sergeyevich Lomtev - Deputy Prosecutor of the region\n"
    )
    found = _corpus(nlp, [text])[0]
    people = _people(found)
    assert {"Irina Olegovna Tarasenko", "Pavel Sergeyevich Lomtev"} <= set(people)
    irina = people["Irina Olegovna Tarasenko"]
    assert (irina.first_name, irina.father_name, irina.last_name) == (
        "Irina",
        "Olegovna",
        "Tarasenko",
    )


def test_names_in_a_list_with_people_are_people(nlp: Language) -> None:
    text = (
        "The department also designated his relatives, including Lucia Maren Oteiza Vallin, "
        "Dario Anselmo Oteiza Brun, and Tamsin Oteiza Carrol."
    )
    people = _person_texts(text, nlp)
    assert {"Lucia Maren Oteiza Vallin", "Dario Anselmo Oteiza Brun"} <= people


def test_family_name_first_order() -> None:
    assert family_name_first(["Wang", "Zhiguo"])
    assert not family_name_first(["Lee", "Harvey", "Oswald"])
    assert not family_name_first(["Sam", "Nunnally"])
    parts = name_parts("Wang Zhiguo")
    assert (parts.first_name, parts.last_name, parts.order) == ("Zhiguo", "Wang", "family-first")
    parts = name_parts("Kim Sung-ho")
    assert (parts.first_name, parts.last_name) == ("Sung-ho", "Kim")
    parts = name_parts("Ivan Petrovich Sokolenko")
    assert (parts.first_name, parts.father_name, parts.last_name) == (
        "Ivan",
        "Petrovich",
        "Sokolenko",
    )
    assert name_parts("Hans Dietmar Kessler").father_name is None


def test_family_name_first_in_the_entity(nlp: Language) -> None:
    text = "Party secretary Wang Zhiguo ordered the detentions. Wang Zhiguo denied it."
    people = _people(_corpus(nlp, [text])[0])
    assert (people["Wang Zhiguo"].first_name, people["Wang Zhiguo"].last_name) == (
        "Zhiguo",
        "Wang",
    )


def test_each_person_mention_says_why(nlp: Language) -> None:
    text = "Dr. Mira Kovalenko said the clinic was closed. Kovalenko left for Verlow."
    records = [r for r in extract_text_mentions(text, nlp) if r.label == "PERSON"]
    assert len(records) == 2
    full, short = records
    assert "title" in full.why and "reference:full-name" in full.why
    assert "reference:only-fit:surname" in short.why and short.resolved == "Mira Kovalenko"
    assert full.to_dict()["why"] == list(full.why)


def test_a_name_before_an_organisations_head_word_is_not_a_person(nlp: Language) -> None:
    text = (
        "The Treasury designated Deputy Minister Tarin Volosk and Corvanta Bi-Regional "
        "Entity legal adviser Osric Palmeda for bribery. Palmeda took payments through "
        "the Corvanta Bi-Regional Entity and the Ilse Marrow Foundation."
    )
    people = _person_texts(text, nlp)
    assert "Osric Palmeda" in people and "Tarin Volosk" in people
    assert not any(p.startswith("Corvanta") or p.startswith("Ilse Marrow") for p in people)


def test_a_word_in_apposition_to_a_place_noun_is_no_person(nlp: Language) -> None:
    # ", who" after the place would otherwise read as a person's relative clause
    text = (
        "Officials restricted entry for Boris Kalinin, head of the police in the region's "
        "capital, Grozny, who the government alleges ordered the killings."
    )
    assert _person_texts(text, nlp) == {"Boris Kalinin"}
    text = "The governor of the province, Ivan Petrov, said the town, Lomova, was calm."
    assert "Ivan Petrov" in _person_texts(text, nlp)


def test_a_leaders_name_before_government_is_no_organisation_vote(nlp: Language) -> None:
    # The model tags the name ORG in "the X administration"; those tags say nothing of
    # the name alone, so the titled mention in the other document stays a person.
    texts = [
        "Human rights groups said the Mbeki administration killed thousands. The Mbeki "
        "government denied it and the Mbeki regime jailed critics.",
        "Ano served in the cabinet of President Mbeki. Critics said Mbeki ordered the killings.",
    ]
    found = _corpus(nlp, texts)[1]
    assert sorted((m.text, m.label) for m in found.mentions) == [
        ("Mbeki", "PERSON"),
        ("Mbeki", "PERSON"),
    ]


def test_a_sentences_first_preposition_is_no_part_of_a_name(nlp: Language) -> None:
    text = "Beyond Omdurman, in North Kordofan, the militias looted towns."
    assert _person_texts(text, nlp) == set()
    text = "Despite Ivan Petrov's denials, the court convicted him."
    assert _person_texts(text, nlp) == {"Ivan Petrov"}


def test_family_members_named_after_the_family(nlp: Language) -> None:
    # "the X brothers, A and B": each given name is one of the family's members
    known = "Former President Boris Kalinov spoke on Monday."
    text = (
        "Canada announced sanctions on the Kalinov brothers, Mikhail and Gennady, and two "
        "officials. The Kalinov brothers denied it."
    )
    found = _corpus(nlp, [known, text])[1]
    people = sorted({m.text for m in found.mentions if m.label == "PERSON"})
    assert people == ["Gennady", "Kalinov", "Mikhail"]
    assert "member-of-family-named-before" in next(
        m.why for m in found.mentions if m.text == "Mikhail"
    )
    # each is named in full with the family name the text gives them
    named = {e.name: e.last_name for e in found.entities.values() if e.schema == "Person"}
    assert named["Mikhail Kalinov"] == "Kalinov" and named["Gennady Kalinov"] == "Kalinov"
    assert "Mikhail" in next(
        e.aliases for e in found.entities.values() if e.name == "Mikhail Kalinov"
    )
    couple = "Canada sanctioned the Kalinov couple, Mikhail and Olga, and two officials."
    found = _corpus(nlp, [known, couple])[1]
    # a couple need not share a family name: the given names stay as they are written
    assert {"Mikhail", "Olga"} <= {e.name for e in found.entities.values()}
    places = "The Kalinov brothers, Moscow and Minsk were named."
    found = _corpus(nlp, [known, places])[1]
    assert {m.text for m in found.mentions if m.label == "PERSON"} == {"Kalinov"}


def test_a_rank_typed_with_a_dash_for_its_full_stop(nlp: Language) -> None:
    text = (
        "The officers named in the report are Gen. Pol Sarun, commander-in-chief; Lt. Gen. "
        "Chea Vuthy, Military Region 4 commander; Gen- Choeun Sokha, Military Region 2 "
        "commander; Gen. Mok Dara, deputy police commissioner."
    )
    records = [r for r in extract_text_mentions(text, nlp) if r.label == "PERSON"]
    assert [r.text for r in records] == ["Pol Sarun", "Chea Vuthy", "Choeun Sokha", "Mok Dara"]
    assert "title:Gen" in records[2].why


def test_a_name_described_as_a_journalist_is_a_person_whatever_the_label(nlp: Language) -> None:
    # The model labels the name a place; the apposition says it is a person, and then
    # the document's other mentions of the same word are that person too.
    text = (
        "Officials were sanctioned over the killing of Alrabiah, a Saudi journalist living "
        "in the United States. Alrabiah had written critical articles."
    )
    records = [r for r in extract_text_mentions(text, nlp) if r.label == "PERSON"]
    assert [r.text for r in records] == ["Alrabiah", "Alrabiah"]
    assert "described-as-person" in records[0].why
    for text in (
        "Protests spread to Verhovsk, a student town in the north. Verhovsk was calm later.",
        "Police raided Zarya, a women rights group, on Monday. Zarya denied it.",
    ):
        assert _person_texts(text, nlp) == set()


def test_a_name_the_document_writes_with_a_legal_form_is_the_company(nlp: Language) -> None:
    text = (
        "Italian tyre giant Morelli on Friday announced a venture. Morelli SpA chairman "
        "Marco Tronchetti said Morelli would grow."
    )
    assert _person_texts(text, nlp) == {"Marco Tronchetti"}
    # without the legal form, the same surname stays a person
    text = "Marco Morelli, a lawyer, said Morelli would appeal."
    assert _person_texts(text, nlp) == {"Marco Morelli", "Morelli"}


def test_a_surname_inside_a_laws_title_is_no_mention_of_the_person(nlp: Language) -> None:
    # The victim's surname is known from the other document; in the law's title it names
    # the law, and must not become a person (who could then be merged with the victim).
    texts = [
        "Russian officials were implicated in the death of whistleblower Sergei Magnitsky.",
        "The sanctions were imposed under the Global Magnitsky Human Rights Accountability "
        "Act, which targets abusers.",
    ]
    found = _corpus(nlp, texts)[1]
    assert [(m.text, m.label) for m in found.mentions] == [
        ("Global Magnitsky Human Rights Accountability Act", "ORG")
    ]


def test_a_name_in_apposition_to_a_body_is_no_person(nlp: Language) -> None:
    text = (
        "The Koalisyon ng Bagong Daan, a party contesting the election, has called upon "
        "Ramon Reyes to explain."
    )
    assert _person_texts(text, nlp) == {"Ramon Reyes"}
    # the noun modifying another noun: a person's office
    assert _person_texts("Boris Kalinov, a party leader, said it.", nlp) == {"Boris Kalinov"}


def test_a_long_name_the_model_cut_in_pieces_is_one_name(nlp: Language) -> None:
    text = (
        "The individuals sanctioned include Retired Major General Denis Membreno Rivas, the "
        "Director of the Financial Analysis Unit; Johana Vanessa Flores Jimenez, the Minister "
        "of Labor; Celia Margarita Reyes Ochoa, the Deputy Director General of the Institute."
    )
    assert _person_texts(text, nlp) == {
        "Denis Membreno Rivas",
        "Johana Vanessa Flores Jimenez",
        "Celia Margarita Reyes Ochoa",
    }


def test_spanish_names_of_bodies_are_no_people(nlp: Language) -> None:
    text = (
        "The Treasury blacklisted Attorney General Ana Julia Guido De Romero and the "
        "financial institution Cooperativa De Ahorro Y Credito Caja Rural Nacional RL."
    )
    assert _person_texts(text, nlp) == {"Ana Julia Guido De Romero"}


def test_a_programme_named_after_under_is_no_person(nlp: Language) -> None:
    text = (
        "Among the officials who was placed under Global Magnitsky human rights-related "
        "sanctions is the police chief Benazir Ahmed."
    )
    assert _person_texts(text, nlp) == {"Benazir Ahmed"}
    # a ruler under whom things were done stays a person
    for text in (
        "Critics were jailed under President Ivan Petrov and his regime.",
        "Abuses were committed under the Ivan Petrov regime.",
    ):
        assert _person_texts(text, nlp) == {"Ivan Petrov"}


def test_credit_lines_name_people(nlp: Language) -> None:
    text = (
        "The action freezes any assets of those blacklisted.\n"
        "(Reporting by Daphne Psaledakis; Editing by Chris Reese and Tom Brown)"
    )
    assert _person_texts(text, nlp) == {"Daphne Psaledakis", "Chris Reese", "Tom Brown"}
    assert _person_texts("By Monday the protests had spread to Dunmore.", nlp) == set()


def test_an_office_named_by_its_portfolio_then_the_holder(nlp: Language) -> None:
    text = "'We will continue,' said Secretary of the Treasury Scott Bessent."
    assert _person_texts(text, nlp) == {"Scott Bessent"}
    text = (
        "The researcher met the Minister of Justice, Paul Denis, and the Minister of "
        "Foreign Affairs Mélanie Joly."
    )
    assert _person_texts(text, nlp) == {"Paul Denis", "Mélanie Joly"}


def test_an_abbreviated_lieutenant_is_a_title_not_a_person(nlp: Language) -> None:
    text = (
        "Tarsen is the brother of the militia's Commander Lieut. Gen. Marek Hamdan Olvan. "
        "The unit is large."
    )
    people = _person_texts(text, nlp)
    assert "Lieut" not in people and "Lieut." not in people
    assert "Marek Hamdan Olvan" in people


def test_a_picture_agency_credit_is_no_person(nlp: Language) -> None:
    text = (
        "Protesters gathered in the square of Verlow on Monday.\nGetty Images\n\n"
        "The council later imposed sanctions on Dariusz Olvanski, the city's police chief."
    )
    people = _person_texts(text, nlp)
    assert "Getty Images" not in people
    assert "Dariusz Olvanski" in people


def test_a_gerund_opening_a_quote_is_no_part_of_its_object(nlp: Language) -> None:
    text = (
        'The Treasury sanctioned Rudinov and Zotayev in May. "Punishing Rudinov and '
        'Zotayev through the new act is the right thing to do," she said.'
    )
    found = [r.text for r in extract_text_mentions(text, nlp) if r.label == "PERSON"]
    assert found == ["Rudinov", "Zotayev", "Rudinov", "Zotayev"]


def test_a_given_name_ending_in_ing_stays(nlp: Language) -> None:
    assert "Irving Berlin" in _person_texts("Irving Berlin wrote the song in 1911.", nlp)
