"""Patterns met on sanctions texts nobody tuned for, on sentences written for the test
with invented names: a judge sentencing police officers is no perpetrator, a name that
modifies a noun is no member of the list around it, a title inside a name is part of it."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.mentions import extract_text_mentions, find_mentions
from dossier.model import PERPETRATOR_PARTS, EntityLabel, SourceDocument, SourceMeta
from tests.test_claims import analyse, parts


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


# --- enumerations --------------------------------------------------------------------------


def test_names_between_dashes_share_an_implication(nlp: Language) -> None:
    text = (
        "The officers—Rob Kalemba, Elly Wandera, Alex Mugisha, and Hamid Tumusiime—have "
        "been implicated in acts of torture."
    )
    names = ("Rob Kalemba", "Elly Wandera", "Alex Mugisha", "Hamid Tumusiime")
    found = parts(nlp, text, *names)
    assert {name: found[name] for name in names} == dict.fromkeys(names, ("torture", "accused"))


def _designated(
    nlp: Language, text: str, people: tuple[str, ...], orgs: tuple[str, ...]
) -> dict[str, tuple[str, str]]:
    labels: dict[str, EntityLabel] = dict.fromkeys(people, "PERSON")
    labels.update(dict.fromkeys(orgs, "ORG"))
    _source, found, analysis = analyse(nlp, text, labels)
    return {found.entities[c.entity_key].name: (c.category, c.part) for c in analysis.claims}


def test_a_listed_name_with_its_unit_passes_the_designation_on(nlp: Language) -> None:
    text = (
        "OFAC announced sanctions on four men. Those sanctioned included Brigadier General "
        "Kasongo Ilunga Mbeki of the FARN armed forces, and Pierre Kalala Mutombo, Gaston "
        "Tshibanda Mwamba and Lucien Ndayisenga of three rebel factions."
    )
    people = ("Kasongo Ilunga Mbeki", "Pierre Kalala Mutombo", "Gaston Tshibanda Mwamba")
    found = _designated(nlp, text, (*people, "Lucien Ndayisenga"), ("FARN",))
    for name in (*people, "Lucien Ndayisenga"):
        assert found[name] == ("designation", "accused"), name
    assert found["FARN"][1] not in PERPETRATOR_PARTS


def test_a_body_after_a_listed_name_does_not_break_the_list(nlp: Language) -> None:
    text = (
        "OFAC announced sanctions on six men. Among those targeted are Paul Habimana, "
        "Brigadier General Simon Uwera, and Remy Nsengiyumva from FDLR; Bernard Bizimana "
        "from M23; Colonel Salomon Tshala from FARN; and Brigadier General Andre Nkusi from RDF."
    )
    people = (
        "Paul Habimana", "Simon Uwera", "Remy Nsengiyumva", "Bernard Bizimana",
        "Salomon Tshala", "Andre Nkusi",
    )
    found = _designated(nlp, text, people, ("FDLR", "M23", "FARN", "RDF"))
    assert {name: found[name] for name in people} == dict.fromkeys(
        people, ("designation", "accused")
    )
    assert all(found[org][1] not in PERPETRATOR_PARTS for org in ("FDLR", "M23", "FARN"))


# --- designation frames --------------------------------------------------------------------


def test_a_persons_own_designation_is_a_designation(nlp: Language) -> None:
    text = (
        "Commissioner Ramon Ibarra Soliz’s designation followed on the heels of "
        "\u201cextrajudicial killings\u201d by his team."
    )
    assert parts(nlp, text, "Ramon Ibarra Soliz") == {
        "Ramon Ibarra Soliz": ("designation", "accused")
    }


def test_an_authoritys_designation_of_someone_designates_the_someone(nlp: Language) -> None:
    text = "The Treasury’s designation of Ramon Ibarra Soliz followed the killings."
    found = _designated(nlp, text, ("Ramon Ibarra Soliz",), ("Treasury",))
    assert found["Ramon Ibarra Soliz"] == ("designation", "accused")
    assert found["Treasury"][1] not in PERPETRATOR_PARTS


def test_a_designation_asked_for_is_no_designation(nlp: Language) -> None:
    text = "Ramon Ibarra Soliz’s designation was demanded by the families of the victims."
    found = parts(nlp, text, "Ramon Ibarra Soliz")
    assert found["Ramon Ibarra Soliz"] != ("designation", "accused")


def test_names_on_a_blacklist_are_designated(nlp: Language) -> None:
    text = (
        "Also on the US Treasury’s blacklist were the head of the National Security Bureau, "
        "Tesfay Kahsay Negash, and the Hadar Fund."
    )
    assert parts(nlp, text, "Tesfay Kahsay Negash") == {
        "Tesfay Kahsay Negash": ("designation", "accused")
    }
    text = "Tesfay Kahsay Negash is on the US sanctions list."
    assert parts(nlp, text, "Tesfay Kahsay Negash") == {
        "Tesfay Kahsay Negash": ("designation", "accused")
    }
    text = "On the list of sanctions is also Pavel Darvenko, a judge of the Darvish court."
    assert parts(nlp, text, "Pavel Darvenko") == {"Pavel Darvenko": ("designation", "accused")}


def test_a_list_of_speakers_is_no_blacklist(nlp: Language) -> None:
    text = "Tesfay Kahsay Negash was on the list of speakers at the conference."
    found = parts(nlp, text, "Tesfay Kahsay Negash")
    assert found["Tesfay Kahsay Negash"][1] not in PERPETRATOR_PARTS


# --- names of programmes -------------------------------------------------------------------


def test_a_programme_named_once_as_an_act_is_no_person_where_cut_off(nlp: Language) -> None:
    texts = [
        "Police arrested Global Voronov, a banker, on Monday; Global Voronov denied bribery.",
        "The Treasury placed sanctions on the two men under the Global Voronov Act.\n"
        "Five companies owned by their children were also designated in the Global Voronov A",
    ]
    sources = [
        SourceDocument(f"{n}.txt", text, str(n) * 40, SourceMeta()) for n, text in enumerate(texts)
    ]
    found = find_mentions(sources, list(nlp.pipe(texts)))
    second = {m.text for m in found[1].mentions if m.label == "PERSON"}
    assert "Global Voronov" not in second


def test_a_related_programme_is_no_person(nlp: Language) -> None:
    text = (
        "OFAC imposes Global Voronov-related sanctions upon a former official.\n"
        "On Monday the Treasury sanctioned Luis Ortega Brenes for bribery."
    )
    found = persons(nlp, text)
    assert "Global Voronov" not in found
    assert "Luis Ortega Brenes" in found


def test_a_person_whose_name_a_law_bears_is_still_a_person(nlp: Language) -> None:
    text = (
        "The Voronov Act is named after Sergei Voronov, who died in custody in 2009. "
        "Sergei Voronov had exposed a tax fraud."
    )
    assert "Sergei Voronov" in persons(nlp, text)


# --- people the model labels as places or bodies ---------------------------------------------


def test_a_name_with_an_office_in_apposition_is_a_person(nlp: Language) -> None:
    text = (
        "The Treasury Department said it imposed sanctions on Anselem Gutamba, Ruritania’s "
        "ambassador to Tanzania, accusing him of directing security forces to attack "
        "protesters.\n"
        "Also on the blacklist was Hagos Gebrit Kidane, the party’s economic advisor."
    )
    found = persons(nlp, text)
    assert "Anselem Gutamba" in found
    assert "Hagos Gebrit Kidane" in found


def test_a_place_with_an_office_in_apposition_stays_a_place(nlp: Language) -> None:
    text = (
        "Officials met in Kampala on Monday. Kampala, the country’s capital and seat of the "
        "minister, was calm."
    )
    assert "Kampala" not in persons(nlp, text)


def test_a_councillor_title_introduces_a_name(nlp: Language) -> None:
    text = (
        "They were sanctioned for the May 2018 killing of municipal councilor Ekram Hossain "
        "in Teknaf."
    )
    assert "Ekram Hossain" in persons(nlp, text)


# --- a group designated in an earlier sentence -------------------------------------------------


def test_officials_sanctioned_earlier_and_named_later_are_designated(nlp: Language) -> None:
    text = (
        "The US on Wednesday imposed sanctions on two government officials accused of "
        "negotiating with gangs. According to a statement by the Treasury, the officials — "
        "Oscar Lunares, chief of the Penal System, and Carlos Marrodan, chairman of the "
        "reconstruction unit — organized covert meetings with gang leaders."
    )
    assert parts(nlp, text, "Oscar Lunares", "Carlos Marrodan") == {
        "Oscar Lunares": ("designation", "accused"),
        "Carlos Marrodan": ("designation", "accused"),
    }


def test_officials_who_were_not_sanctioned_are_not_designated(nlp: Language) -> None:
    text = (
        "Two government officials attended the meeting with the envoy. According to the "
        "ministry, the officials — Oscar Lunares and Carlos Marrodan — declined to comment."
    )
    found = parts(nlp, text, "Oscar Lunares", "Carlos Marrodan")
    assert all(part not in PERPETRATOR_PARTS for _, part in found.values())


def test_the_other_three_named_are_designated(nlp: Language) -> None:
    text = (
        "The United Kingdom has imposed sanctions on four security officials over abuses. "
        "The other three named include intelligence chief Isaac Mhlanga; Police "
        "Commissioner General Godwin Matare; and Anselm Sibanda, a former commander of the "
        "presidential guard."
    )
    names = ("Isaac Mhlanga", "Godwin Matare", "Anselm Sibanda")
    assert parts(nlp, text, *names) == dict.fromkeys(names, ("designation", "accused"))


def test_a_body_read_with_the_title_before_a_name_is_no_list_item(nlp: Language) -> None:
    # the organisation's name swallowed the title: "... Police Commissioner General NAME"
    text = (
        "The United Kingdom has imposed sanctions on four security officials over abuses. "
        "The other three named include intelligence chief Isaac Mhlanga; Ruritania Republic "
        "Police Commissioner General Godwin Matare; and Anselm Sibanda, a former commander "
        "of the presidential guard."
    )
    body = "Ruritania Republic Police Commissioner General"
    names = ("Isaac Mhlanga", "Godwin Matare", "Anselm Sibanda")
    found = _designated(nlp, text, names, (body,))
    assert {name: found[name] for name in names} == dict.fromkeys(
        names, ("designation", "accused")
    )
    assert found[body][1] not in PERPETRATOR_PARTS


def test_a_body_in_a_listed_persons_office_is_no_list_item(nlp: Language) -> None:
    text = (
        "The Treasury designated two officials. They were Oscar Lunares Meza, chief of the "
        "Penal System, and Carlos Marrodan Chica, chairman of the Social Reconstruction Unit."
    )
    people = ("Oscar Lunares Meza", "Carlos Marrodan Chica")
    bodies = ("Penal System", "Social Reconstruction Unit")
    found = _designated(nlp, text, people, bodies)
    assert all(found[body][1] not in PERPETRATOR_PARTS for body in bodies)


def test_a_speaker_before_a_dash_group_is_no_list_item(nlp: Language) -> None:
    text = (
        "The US imposed sanctions on two government officials accused of negotiating with "
        "gangs. According to a statement by the Treasury Department, the officials — Oscar "
        "Lunares and Carlos Marrodan — organized covert meetings with gang leaders."
    )
    found = _designated(nlp, text, ("Oscar Lunares", "Carlos Marrodan"), ("Treasury Department",))
    assert found["Oscar Lunares"] == ("designation", "accused")
    assert found["Treasury Department"][1] not in PERPETRATOR_PARTS


# --- a person's party, a person's denial -----------------------------------------------------


def test_a_persons_party_does_not_make_the_person_an_organisation(nlp: Language) -> None:
    text = (
        "The government of President Nayel Bukaro negotiated with the gangs. Bukaro’s office "
        "did not respond. Bukaro’s party won the elections, and Bukaro’s New Ideas party "
        "took control of congress."
    )
    records = extract_text_mentions(text, nlp)
    assert {r.label for r in records if r.text == "Bukaro"} == {"PERSON"}
    assert ("New Ideas", "ORG") in {(r.text, r.label) for r in records}
    # a quoted name's closing quote is no possessive: the party keeps its name
    quoted = "She entered politics in 2003 with her own ‘Verlan’ party, elected in 2004."
    assert ("Verlan", "ORG") in {(r.text, r.label) for r in extract_text_mentions(quoted, nlp)}


def test_denying_ones_own_administrations_conduct_is_a_denial(nlp: Language) -> None:
    text = "Bukaro on Wednesday vigorously denied his administration was negotiating with gangs."
    assert parts(nlp, text, "Nayel Bukaro")["Nayel Bukaro"] == ("context", "unclear")


def test_denying_that_police_tortured_is_still_a_cover_up(nlp: Language) -> None:
    text = "President Nayel Bukaro denied that police had tortured the detainees."
    assert parts(nlp, text, "Nayel Bukaro")["Nayel Bukaro"] == ("cover_up", "complicit")


def test_an_office_title_inside_a_titled_span_still_starts_the_name(nlp: Language) -> None:
    text = (
        "Gertler has used his close friendship with DR Congo President Jonas Kambale to act "
        "as a middleman for mining asset sales."
    )
    found = persons(nlp, text)
    assert "Jonas Kambale" in found
    assert "Congo President Jonas Kambale" not in found


def test_a_given_name_before_a_known_name_stays_in_the_name(nlp: Language) -> None:
    # "San Myat" is a full name elsewhere in the corpus, "Thura" a given name
    texts = [
        "Brigadier General San Myat and Thura Aung Lin were sanctioned on Monday.",
        "The Treasury sanctioned commanders Aung Kyaw Zaw and Khin Maung Soe, and border "
        "guard commander Thura San Myat, along with two units.",
    ]
    sources = [
        SourceDocument(f"{n}.txt", text, str(n) * 40, SourceMeta()) for n, text in enumerate(texts)
    ]
    found = find_mentions(sources, list(nlp.pipe(texts)))
    second = {m.text for m in found[1].mentions if m.label == "PERSON"}
    assert "Thura San Myat" in second
    assert "San Myat" not in second


# --- aliases and short forms -----------------------------------------------------------------


def test_a_name_also_known_as_is_the_same_person(nlp: Language) -> None:
    text = (
        "Today the Treasury sanctioned three commanders. Elfadil Abdalla Idris Adam (Idris), "
        "also known as \u201cAbu Lelo,\u201d is a brigadier general who filmed himself killing "
        "civilians. Abu Lelo was later promoted."
    )
    records = extract_text_mentions(text, nlp)
    people = {r.resolved for r in records if r.label == "PERSON"}
    assert len(people) == 1  # the full name, its short form and the alias: one person
    assert people != {"Abu Lelo"}


def test_two_people_in_a_row_are_not_aliases(nlp: Language) -> None:
    text = "The Treasury sanctioned Elfadil Abdalla Idris Adam and Gado Hamid Ahmed Musa."
    records = extract_text_mentions(text, nlp)
    resolved = {r.text: r.resolved for r in records if r.label == "PERSON"}
    assert resolved["Gado Hamid Ahmed Musa"] == "Gado Hamid Ahmed Musa"


def test_a_bracketed_short_form_defines_the_first_given_name(nlp: Language) -> None:
    text = (
        "The sanctions target three commanders. Gado Hamdan Ahmed Musa (Gado), also known as "
        "\u201cAbu Shak,\u201d is a major general. Gado was filmed at the scene."
    )
    records = extract_text_mentions(text, nlp)
    resolved = {r.text: r.resolved for r in records if r.label == "PERSON"}
    assert "Gado Hamdan Ahmed Musa" in resolved
    assert resolved.get("Gado") == "Gado Hamdan Ahmed Musa"


# --- a newspaper's deputy editor-in-chief ------------------------------------------------------


def test_a_deputy_editor_in_chief_is_a_journalist_not_an_official(nlp: Language) -> None:
    text = (
        "Police arrested Rashad Alizada, the deputy editor-in-chief of the Azadlig newspaper, "
        "in Baku on Monday."
    )
    _source, found, analysis = analyse(nlp, text, {"Rashad Alizada": "PERSON"})
    (key,) = found.entities
    assert analysis.roles[key] == "journalist"


def test_an_editor_in_chief_title_is_no_part_of_a_name(nlp: Language) -> None:
    text = "Deputy Editor-in-Chief Leyla Mammadli said the arrest of her colleague was unlawful."
    found = persons(nlp, text)
    assert "Leyla Mammadli" in found
    assert not any("Editor" in name for name in found)


# --- bylines ------------------------------------------------------------------------------------


def test_a_byline_name_glued_to_the_date_is_found(nlp: Language) -> None:
    text = (
        "US sanctions officials\nBy Dafna PsalidouMarch 5, 2020\nWASHINGTON (Reuters) - The "
        "United States on Thursday imposed sanctions on police commander Ivo Brandt."
    )
    assert persons(nlp, text) == {"Dafna Psalidou", "Ivo Brandt"}


def test_a_byline_glued_to_by_is_found(nlp: Language) -> None:
    text = (
        "US sanctions officials\nByDafna Psalidou\nThe United States on Thursday imposed "
        "sanctions on police commander Ivo Brandt."
    )
    assert persons(nlp, text) == {"Dafna Psalidou", "Ivo Brandt"}


def test_a_line_starting_with_by_the_way_names_nobody(nlp: Language) -> None:
    text = "Byzantine rules\nBy the way, the Treasury sanctioned police commander Ivo Brandt."
    assert persons(nlp, text) == {"Ivo Brandt"}


# --- a person's full name read as an organisation --------------------------------------------


def test_a_full_name_given_as_a_person_elsewhere_is_a_person(nlp: Language) -> None:
    # the model reads "Try" as a verb and the name as an organisation
    texts = [
        "The ministry objected to the designation of Cambodian tycoon Try Phean under the act.",
        "The former a timber tycoon, Try Phean was the subject of our report last year. "
        "We documented how Try Phean funded the military.",
    ]
    sources = [
        SourceDocument(f"{n}.txt", text, str(n) * 40, SourceMeta()) for n, text in enumerate(texts)
    ]
    found = find_mentions(sources, list(nlp.pipe(texts)))
    labels = {m.label for m in found[1].mentions if m.text == "Try Phean"}
    assert labels == {"PERSON"}


def test_honorifics_and_particles_of_other_languages(nlp: Language) -> None:
    text = (
        "The Treasury sanctioned Oknha Lim Sovann for bribery. Police shot 17-year-old "
        "Kiel Lorenzo delos Reyes in an alley, his uncle Randel Delos Reyes said."
    )
    found = persons(nlp, text)
    assert "Lim Sovann" in found
    assert "Randel Delos Reyes" in found


def test_a_name_after_a_units_code_is_a_person(nlp: Language) -> None:
    text = (
        "US state department has slapped sanctions on current inspector general of the "
        "Bangladesh Police and former director general of Rapid Action Battalion (RAB), "
        "Bashir Ahmed, and former commanding officer of RAB-7 Miftah Uddin Karim on Friday."
    )
    found = persons(nlp, text)
    assert "Miftah Uddin Karim" in found
    assert not any("RAB" in name for name in found)


def test_a_units_code_without_an_office_before_it_names_no_person(nlp: Language) -> None:
    text = "Soldiers of the F-16 Fighting Falcon Squadron flew over the capital on Monday."
    assert persons(nlp, text) == set()


def test_officials_named_as_speakers_after_a_designation_are_not_designated(nlp: Language) -> None:
    text = (
        "The US imposed sanctions on two government officials on Monday. Speaking to "
        "reporters, the officials — Oscar Lunares and Carlos Marrodan — said the measures "
        "were long overdue."
    )
    found = parts(nlp, text, "Oscar Lunares", "Carlos Marrodan")
    assert all(part not in PERPETRATOR_PARTS for _, part in found.values())
