"""Frames of sanctions reporting met on texts nobody tuned for, on sentences written for
the test with invented names: an executive order is an instrument, not a command; a
spokesman declining to respond to a report covers nothing up."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract import agency, anchors
from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts
from tests.test_designations import read, reading


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


def test_a_listed_office_of_a_unit_stays_in_the_enumeration(nlp: Language) -> None:
    text = (
        "The Treasury released the list of designations that sanctioned the army chief. "
        "The list includes the deputy commander Boris Kalinin, Oleg Rudin, a leader of the "
        "9th Division and Pavel Zotov, a leader of the 3rd Division."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov")
    for name in ("Boris Kalinin", "Oleg Rudin", "Pavel Zotov"):
        assert found[name] == ("designation", "accused"), name


def test_the_principal_of_an_office_is_not_enumerated(nlp: Language) -> None:
    text = "The Treasury sanctioned Oleg Rudin, a deputy of Pavel Zotov."
    found = parts(nlp, text, "Oleg Rudin", "Pavel Zotov")
    assert found["Oleg Rudin"] == ("designation", "accused")
    assert found["Pavel Zotov"][1] not in PERPETRATOR_PARTS


def test_officials_penalized_include(nlp: Language) -> None:
    text = (
        "The US imposed sanctions on the regional party secretary. Other officials "
        "penalized include Boris Kalinin, a former deputy party secretary; Oleg Rudin, "
        "director of the police bureau; and Pavel Zotov, a former party secretary."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov")
    for name in ("Boris Kalinin", "Oleg Rudin", "Pavel Zotov"):
        assert found[name] == ("designation", "accused"), name


def test_those_sanctioned_have_been_named_as(nlp: Language) -> None:
    text = (
        "Those sanctioned for their involvement in the arrest have been named as Boris "
        "Kalinin, the judge who approved the arrest, and investigators Oleg Rudin and "
        "Pavel Zotov."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov")
    for name in ("Boris Kalinin", "Oleg Rudin", "Pavel Zotov"):
        assert found[name] == ("detention", "accused"), name
    text = (
        "The victims have been named as Boris Kalinin, a teacher, and students Oleg Rudin "
        "and Pavel Zotov."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov")
    assert all(part not in PERPETRATOR_PARTS for _, part in found.values())


def test_the_authority_said_it_was_targeting(nlp: Language) -> None:
    text = (
        "The US imposed sanctions on two men. The Treasury Department also said it was "
        "targeting a police official, Boris Kalinin, for alleged involvement in abuses."
    )
    assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"][1] == "accused"
    text = (
        "The US imposed sanctions on two men. The gang said it was targeting a police "
        "official, Boris Kalinin, in the city."
    )
    assert parts(nlp, text, "Boris Kalinin").get("Boris Kalinin", ("", ""))[1] != "accused"


def test_the_sanctions_name_x(nlp: Language) -> None:
    text = "The sanctions specifically name party secretary Boris Kalinin and three others."
    assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"] == ("designation", "accused")
    text = "The sanctions came after the report named Boris Kalinin as the commander."
    assert parts(nlp, text, "Boris Kalinin").get("Boris Kalinin", ("", ""))[1] != "accused"


def test_a_violent_campaign_is_an_act(nlp: Language) -> None:
    text = (
        "Army commanders Boris Kalinin, Oleg Rudin, and border guard commander Pavel Zotov, "
        "along with the 33rd Infantry Division, were accused of leading violent campaigns "
        "against the minority in the north."
    )
    found = parts(nlp, text, "Boris Kalinin", "Oleg Rudin", "Pavel Zotov")
    for name in ("Boris Kalinin", "Oleg Rudin", "Pavel Zotov"):
        assert found[name] == ("torture", "accused"), name
    text = "Police launched a violent attack on Boris Kalinin in May."
    assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"] == ("torture", "victim")
    text = "Boris Kalinin ran an election campaign in the north."
    assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"][1] not in PERPETRATOR_PARTS


def test_sanctioned_over_links_to_an_act_the_parser_split(nlp: Language) -> None:
    text = (
        "The UK sanctioned Boris Kalinin and Oleg Rudin over their links to the repression "
        "of women and girls."
    )
    found = read(nlp, text, "Boris Kalinin", "Oleg Rudin")
    assert reading(found.claims["Boris Kalinin"]) == ("persecution", "accused", "designated-for")
    assert reading(found.claims["Oleg Rudin"]) == ("persecution", "accused", "designated-for")
    reason = found.designations["Boris Kalinin"].reason
    assert reason == "over their links to the repression of women and girls"


def test_already_subject_to_sanctions_is_a_designation(nlp: Language) -> None:
    text = "Boris Kalinin is already subject to U.S. sanctions."
    assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"] == ("designation", "accused")
    for text in (
        "Boris Kalinin could be subject to U.S. sanctions.",
        "Boris Kalinin is not subject to sanctions.",
        "Boris Kalinin was subject to torture.",
    ):
        assert parts(nlp, text, "Boris Kalinin")["Boris Kalinin"][1] not in PERPETRATOR_PARTS


def test_a_participle_the_parser_made_a_clause_of_include(nlp: Language) -> None:
    # "Other officials penalized include X", parsed with "penalized" as a clause of
    # "include" (as the small model does in some contexts): the group still designates
    words = ["The", "US", "sanctioned", "the", "bureau", ".", "Other", "officials"]
    words += ["penalized", "include", "Boris", "Kalinin", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 9, 9, 9, 11, 9, 9]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "punct", "amod", "nsubj", "ccomp", "ROOT"]
    deps += ["compound", "dobj", "punct"]
    tags = ["DT", "NNP", "VBD", "DT", "NN", ".", "JJ", "NNS", "VBD", "VBP", "NNP", "NNP", "."]
    pos = ["DET", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "NOUN", "VERB", "VERB"]
    pos += ["PROPN", "PROPN", "PUNCT"]
    lemmas = ["the", "US", "sanction", "the", "bureau", ".", "other", "official", "penalize"]
    lemmas += ["include", "Boris", "Kalinin", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    found = agency.findings(doc[10:12], set())
    assert [(f.category, f.part, f.frame) for f in found] == [
        ("designation", "accused", "designated")
    ]
    lemmas[8] = "meet"
    words[8] = "met"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert all(f.part != "accused" for f in agency.findings(doc[10:12], set()))


def test_a_name_hung_on_the_in_of_a_hyphenated_title(nlp: Language) -> None:
    # "the Deputy Commander-in-Chief Boris Kalinin", parsed with the name as the object
    # of the title's "in": the name still stands for the title the list includes
    words = ["The", "US", "sanctioned", "the", "bureau", ".", "The", "list", "includes"]
    words += ["Commander", "-", "in", "-", "Chief", "Boris", "Kalinin", "."]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "ROOT", "dobj"]
    deps += ["punct", "prep", "punct", "compound", "compound", "pobj", "punct"]
    heads = [1, 2, 2, 4, 2, 2, 7, 8, 8, 8, 9, 9, 11, 15, 15, 11, 8]
    tags = ["DT", "NNP", "VBD", "DT", "NN", ".", "DT", "NN", "VBZ", "NNP", "HYPH", "IN"]
    tags += ["HYPH", "NNP", "NNP", "NNP", "."]
    pos = ["DET", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PROPN"]
    pos += ["PUNCT", "ADP", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[8] = "sanction", "include"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    found = agency.findings(doc[14:16], set())
    assert ("designation", "accused") in [(f.category, f.part) for f in found]


def test_the_last_office_holder_of_a_court_is_in_the_list(nlp: Language) -> None:
    text = (
        "Other officials targeted in the sanction package are: KGB head Oleg Rudin, "
        "Interior Ministry official Ivan Belov, chair of Constitutional Court Pavel Zotov, "
        "and others."
    )
    found = parts(nlp, text, "Oleg Rudin", "Ivan Belov", "Pavel Zotov")
    for name in ("Oleg Rudin", "Ivan Belov", "Pavel Zotov"):
        assert found[name] == ("designation", "accused"), name


def test_the_minister_a_deputy_serves_is_not_in_the_list(nlp: Language) -> None:
    for text in (
        "The Treasury sanctioned Oleg Rudin, the deputy of Interior Minister Pavel Zotov.",
        "The Treasury sanctioned Oleg Rudin, the deputy of General Pavel Zotov.",
    ):
        found = parts(nlp, text, "Oleg Rudin", "Pavel Zotov")
        assert found["Oleg Rudin"] == ("designation", "accused")
        assert found["Pavel Zotov"][1] not in PERPETRATOR_PARTS, text


def test_a_title_further_up_a_cited_title_is_no_descriptor(nlp: Language) -> None:
    # a footnote: the newspaper hangs on "frauds", far below "billionaire accused of"
    text = (
        "[41] Rupert Velno, Arrest warrant for Kazakh billionaire accused of one of world’s "
        "biggest frauds, The Courier, February 2012, https://www.courier.example/x"
    )
    doc = nlp(text)
    start = text.index("The Courier")
    span = doc.char_span(start, start + len("The Courier"), alignment_mode="expand")
    assert span is not None
    assert anchors.anchor_of(span, set()).lower_ == "frauds"


def test_a_facility_named_by_its_code_is_not_its_head(nlp: Language) -> None:
    text = (
        "According to victims’ testimonies, prosecutor Ivan Belov and head of pre-trial "
        "detention facility SI-7 in Verlow Oleg Rudin were involved in torture against "
        "the persecuted."
    )
    doc = nlp(text)
    start = text.index("SI-7")
    span = doc.char_span(start, start + len("SI-7"), alignment_mode="expand")
    assert span is not None
    assert anchors.anchor_of(span, set()).text == "SI-7"


def test_the_kidnapping_of_a_governor_makes_him_its_victim(nlp: Language) -> None:
    text = (
        "The State Department announced visa restrictions on Commander Oleg Rudin for his "
        "involvement in a gross violation of human rights, including the alleged June 15 "
        "kidnapping of West Darfur Gov. Pavel Zotov and his brother."
    )
    found = parts(nlp, text, "Oleg Rudin", "Pavel Zotov")
    assert found["Oleg Rudin"][1] == "accused"
    assert found["Pavel Zotov"] == ("detention", "victim")


def test_a_murdered_figure_is_the_victim(nlp: Language) -> None:
    text = (
        "The Kremlin critic, a close ally of murdered opposition figure Pavel Zotov, has "
        "survived two poisonings."
    )
    assert parts(nlp, text, "Pavel Zotov")["Pavel Zotov"] == ("killing", "victim")
    text = "The jailed former minister Pavel Zotov was convicted of bribery."
    assert parts(nlp, text, "Pavel Zotov")["Pavel Zotov"][1] != "victim"
