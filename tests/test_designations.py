"""Designations as evidence and the responsibility frames, on hand-made sentences.

Every claim keeps the frame that matched; a designation a source reports becomes a
``Designation`` (authority, programme, date, reason, measures) as well as a claim
whose source is the authority. Names are invented; the frames decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from dossier.extract.claims import decide
from dossier.extract.designations import find_program, merge_reports
from dossier.model import FRAMES, Claim, Designation, SourceDocument
from tests.test_claims import Found, analyse


@dataclass
class Read:
    source: SourceDocument
    found: Found
    claims: dict[str, Claim]
    designations: dict[str, Designation]


def read(nlp: Language, text: str, *names: str) -> Read:
    source, found, analysis = analyse(nlp, text, dict.fromkeys(names, "PERSON"))
    by_name = {found.entities[c.entity_key].name: c for c in analysis.claims}
    designated = {found.entities[d.entity_key].name: d for d in analysis.designations}
    return Read(source, found, by_name, designated)


def reading(claim: Claim) -> tuple[str, str, str]:
    return (claim.category, claim.part, claim.frame)


# --- designations ------------------------------------------------------------------


def test_treasury_designates_for_a_killing(nlp: Language) -> None:
    text = (
        "Today, the Treasury Department designated Ivan Sidorov for his involvement in "
        "the killing of Anna Petrova."
    )
    found = read(nlp, text, "Ivan Sidorov", "Anna Petrova")
    assert reading(found.claims["Ivan Sidorov"]) == ("killing", "accused", "designated-for")
    assert found.claims["Ivan Sidorov"].attributed_to == "U.S. Department of the Treasury"
    assert reading(found.claims["Anna Petrova"]) == ("killing", "victim", "victim")
    designation = found.designations["Ivan Sidorov"]
    assert designation.authority == "U.S. Department of the Treasury"
    assert designation.reason == "for his involvement in the killing of Anna Petrova"
    assert designation.frame == "designated-for"
    assert "Anna Petrova" not in found.designations


def test_passive_designation_under_an_executive_order(nlp: Language) -> None:
    text = (
        "Ivan Sidorov was designated pursuant to Executive Order 13818 for serious human "
        "rights abuse."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("rights_abuse", "accused", "designated-for")
    designation = found.designations["Ivan Sidorov"]
    assert (designation.program, designation.program_id) == ("E.O. 13818", "US-GLOMAG")
    assert designation.reason == "for serious human rights abuse"


def test_ofac_sanctions_with_role_in_torture(nlp: Language) -> None:
    text = (
        "OFAC sanctioned Ivan Sidorov, the head of the prison service, for his role in the "
        "torture of detainees."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("torture", "accused", "designated-for")
    assert found.designations["Ivan Sidorov"].authority == (
        "U.S. Treasury, Office of Foreign Assets Control (OFAC)"
    )


def test_uk_measures_under_the_global_human_rights_regulations(nlp: Language) -> None:
    text = (
        "The Foreign Office imposed an asset freeze and a travel ban on Ivan Sidorov under "
        "the Global Human Rights Sanctions Regulations 2020."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("designation", "accused", "designated")
    designation = found.designations["Ivan Sidorov"]
    assert designation.authority == "UK Foreign, Commonwealth and Development Office (FCDO)"
    assert (designation.program, designation.program_id) == (
        "Global Human Rights Sanctions Regulations 2020",
        "GB-HR",
    )
    assert designation.measures == ("asset freeze", "travel ban")


def test_eu_restrictive_measures_on_two_people(nlp: Language) -> None:
    text = (
        "The Council of the European Union imposed restrictive measures on Ivan Sidorov and "
        "Oleg Markov under the Global Human Rights Sanctions Regime."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov")
    for name in ("Ivan Sidorov", "Oleg Markov"):
        assert reading(found.claims[name]) == ("designation", "accused", "designated")
        designation = found.designations[name]
        assert designation.authority == "Council of the European Union"
        assert designation.program_id == "EU-HR"


def test_state_department_designates_under_7031c(nlp: Language) -> None:
    text = (
        "The Department of State designated Ivan Sidorov under Section 7031(c) for his "
        "involvement in significant corruption."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("corruption", "accused", "designated-for")
    designation = found.designations["Ivan Sidorov"]
    assert (designation.authority, designation.program) == (
        "U.S. Department of State",
        "Section 7031(c)",
    )


def test_the_individuals_designated_today_are(nlp: Language) -> None:
    text = "The individuals designated today are Ivan Sidorov, Oleg Markov and Pavel Orlov."
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov", "Pavel Orlov")
    for name in ("Ivan Sidorov", "Oleg Markov", "Pavel Orlov"):
        assert reading(found.claims[name]) == ("designation", "accused", "designated")
        assert name in found.designations


def test_list_of_designees_with_their_posts(nlp: Language) -> None:
    text = (
        "The Minister announced new sanctions. The full list of designations is below:\n"
        "Ivan Sidorov – Minister of the Interior\n"
        "Oleg Markov - Commander of the National Guard\n"
        "Pavel Orlov - Director General of the Security Service\n"
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov", "Pavel Orlov")
    for name in ("Ivan Sidorov", "Oleg Markov", "Pavel Orlov"):
        claim = found.claims[name]
        assert reading(claim) == ("designation", "accused", "designee-list")
        assert "lead-in:designation" in claim.signals
        passage = found.source.text[claim.start : claim.end]
        assert passage.startswith(name)  # the item itself, verbatim


def test_sanctions_on_officials_listed_after_a_colon(nlp: Language) -> None:
    text = (
        "Canada announced sanctions on three officials: Ivan Sidorov, Oleg Markov and Pavel Orlov."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov", "Pavel Orlov")
    for name in ("Ivan Sidorov", "Oleg Markov", "Pavel Orlov"):
        assert reading(found.claims[name]) == ("designation", "accused", "designated")
        assert found.designations[name].authority == "Government of Canada"


def test_a_call_for_sanctions_is_not_a_designation(nlp: Language) -> None:
    found = read(nlp, "Activists urged the EU to sanction Ivan Sidorov.", "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("sanctions_call", "accused", "sanctions-call")
    assert found.designations == {}
    text = "Ivan Sidorov should be sanctioned for the killing of Anna Petrova."
    found = read(nlp, text, "Ivan Sidorov", "Anna Petrova")
    assert reading(found.claims["Ivan Sidorov"]) == ("sanctions_call", "accused", "sanctions-call")
    assert found.designations == {}


def test_officials_who_announce_sanctions_stay_neutral(nlp: Language) -> None:
    text = '"These sanctions send a clear message," said Treasury Secretary Maria Lopez.'
    found = read(nlp, text, "Maria Lopez")
    assert reading(found.claims["Maria Lopez"]) == ("context", "source", "speech")
    text = (
        "Secretary of State Maria Lopez announced that the United States is designating "
        "Ivan Sidorov."
    )
    found = read(nlp, text, "Maria Lopez", "Ivan Sidorov")
    assert reading(found.claims["Maria Lopez"]) == ("context", "source", "speech")
    assert reading(found.claims["Ivan Sidorov"]) == ("designation", "accused", "designated")
    text = "Secretary of State Maria Lopez banned Ivan Sidorov from entering the country."
    found = read(nlp, text, "Maria Lopez", "Ivan Sidorov")
    assert reading(found.claims["Maria Lopez"]) == ("context", "source", "designating-authority")
    assert found.claims["Ivan Sidorov"].part == "accused"
    assert "Maria Lopez" not in found.designations


def test_reports_of_one_designation_merge(nlp: Language) -> None:
    text = (
        "OFAC designated Ivan Sidorov for the torture of prisoners. Sidorov is designated "
        "pursuant to E.O. 13818."
    )
    _source, _found, analysis = analyse(nlp, text, {"Ivan Sidorov": "PERSON"})
    assert len(analysis.designations) == 1
    merged = analysis.designations[0]
    assert merged.authority == "U.S. Treasury, Office of Foreign Assets Control (OFAC)"
    assert (merged.program, merged.program_id) == ("E.O. 13818", "US-GLOMAG")
    assert merged.reason == "for the torture of prisoners"
    assert merge_reports([merged, merged]) == [merged]


def test_programme_from_the_paragraph_only_when_it_names_one() -> None:
    paragraph = "X was sanctioned. X is designated under E.O. 13818 (Global Magnitsky)."
    assert find_program("X was sanctioned.", paragraph) == ("E.O. 13818", "US-GLOMAG")
    two = "X was sanctioned. The State Department acted under Section 7031(c) and E.O. 14059."
    assert find_program("X was sanctioned.", two) == (None, None)
    tagged = "SIDOROV, Ivan; DOB 01 Jan 1960 (individual) [GLOMAG]."
    assert find_program(tagged, tagged) == ("Global Magnitsky (E.O. 13818)", "US-GLOMAG")


# --- responsibility frames ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ivan Sidorov is responsible for the enforced disappearance of Anna Petrova.",
            ("enforced_disappearance", "perpetrator", "responsible-for"),
        ),
        (
            "Ivan Sidorov is complicit in the abduction of Anna Petrova.",
            ("detention", "complicit", "complicit-in"),
        ),
        (
            "Ivan Sidorov was implicated in the torture of prisoners.",
            ("torture", "accused", "implicated-in"),
        ),
        (
            "The State Department linked Ivan Sidorov to the extrajudicial killing of "
            "Anna Petrova.",
            ("killing", "accused", "linked-to"),
        ),
        (
            "Ivan Sidorov was accused of kidnapping Anna Petrova.",
            ("detention", "accused", "accused-of"),
        ),
        (
            "The prosecutors charged Ivan Sidorov with the murder of Anna Petrova.",
            ("killing", "accused", "accused-of"),
        ),
        (
            "Ivan Sidorov oversees the security services, which have violently repressed "
            "political opponents.",
            ("persecution", "ordered", "command"),
        ),
        (
            "Ivan Sidorov, commander of the unit that tortured the detainees, was promoted in May.",
            ("torture", "ordered", "command"),
        ),
        (
            "Ivan Sidorov commanded the troops that killed the protesters.",
            ("killing", "ordered", "command"),
        ),
        (
            "Ivan Sidorov presided over the crackdown on protesters.",
            ("persecution", "ordered", "command"),
        ),
        (
            "The forces under Ivan Sidorov's command shot the protesters.",
            ("killing", "ordered", "command"),
        ),
        (
            "Anna Petrova was raped by Ivan Sidorov.",
            ("sexual_violence", "perpetrator", "passive-by-agent"),
        ),
        (
            "Ivan Sidorov forced the villagers into forced labour on his estate.",
            ("forced_labour", "perpetrator", "active-agent"),
        ),
        (
            "Judge Ivan Sidorov sentenced Anna Petrova to seven years in a politically "
            "motivated trial.",
            ("unjust_conviction", "perpetrator", "active-agent"),
        ),
    ],
)
def test_responsibility_frames(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    names = [n for n in ("Ivan Sidorov", "Anna Petrova") if n in text]
    found = read(nlp, text, *names)
    assert reading(found.claims["Ivan Sidorov"]) == expected
    if "Anna Petrova" in found.claims:
        assert found.claims["Anna Petrova"].part not in {"perpetrator", "ordered", "accused"}


def test_the_persecuting_state_accusing_a_pastor_keeps_him_protected(nlp: Language) -> None:
    text = "The government accused the pastor Anna Petrova of aiding a terrorist group."
    found = read(nlp, text, "Anna Petrova")
    assert reading(found.claims["Anna Petrova"]) == ("context", "subject", "none")


def test_a_convict_released_is_not_a_detainee(nlp: Language) -> None:
    text = (
        "Ivan Sidorov, who was sentenced to death for the murder of eight villagers, was "
        "released on a presidential pardon."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("killing", "accused", "accused-of")


def test_every_frame_is_in_the_vocabulary(nlp: Language) -> None:
    text = (
        "Today, OFAC designated Ivan Sidorov for the killing of Anna Petrova. Maria Lopez "
        "said the designation was overdue. Oleg Markov witnessed the beating."
    )
    _source, _found, analysis = analyse(
        nlp,
        text,
        dict.fromkeys(("Ivan Sidorov", "Anna Petrova", "Maria Lopez", "Oleg Markov"), "PERSON"),
    )
    assert all(claim.frame in FRAMES for claim in analysis.claims)
    assert all(
        claim.signals[0] == f"frame:{claim.frame}"
        for claim in analysis.claims
        if claim.frame != "none"
    )


def test_decide_records_what_it_weighed() -> None:
    from dossier.extract.finding import Finding

    finding = Finding("killing", "accused", 0, "designated-for")
    assert decide(finding, "journalist").part == "unclear"
    assert decide(finding, "journalist").signals == (
        "frame:designated-for",
        "described as journalist: unclear, for review",
    )
    assert decide(finding, "official").part == "accused"
    assert decide(None, None).frame == "none"


def test_a_designated_group_named_later(nlp: Language) -> None:
    text = (
        "Canada imposed sanctions on two state officials. The two officials have been "
        "identified as Ivan Sidorov and Oleg Markov."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov")
    for name in ("Ivan Sidorov", "Oleg Markov"):
        assert reading(found.claims[name]) == ("designation", "accused", "designated")
        assert found.designations[name].authority == "Government of Canada"


def test_officers_named_in_a_report_that_alleges_abuse(nlp: Language) -> None:
    text = (
        "The report, published in May, alleged serious abuses by the generals. The officers "
        "named in the report are Ivan Sidorov and Oleg Markov."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov")
    for name in ("Ivan Sidorov", "Oleg Markov"):
        assert reading(found.claims[name]) == ("rights_abuse", "accused", "accused-of")


def test_record_of_atrocities_and_condemned_as_responsible(nlp: Language) -> None:
    found = read(nlp, "Ivan Sidorov has a long record of atrocities.", "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == (
        "rights_abuse",
        "perpetrator",
        "responsible-for",
    )
    text = (
        "The campaign condemns the minister, Ivan Sidorov, as the main person responsible "
        "for the torture of prisoners."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("torture", "accused", "responsible-for")


@pytest.mark.parametrize(
    "text",
    [
        "The victims named in the report are Anna Petrova and Oleg Markov.",
        "Human rights defenders listed by the authorities:\n- Anna Petrova\n- Oleg Markov\n",
        "Journalists killed in the crackdown include:\n1. Anna Petrova\n2. Oleg Markov\n",
    ],
)
def test_victims_in_lists_are_not_accused(nlp: Language, text: str) -> None:
    found = read(nlp, text, "Anna Petrova", "Oleg Markov")
    for name in ("Anna Petrova", "Oleg Markov"):
        assert found.claims[name].part not in {"perpetrator", "ordered", "complicit", "accused"}
    assert found.designations == {}


def test_bare_names_under_an_allegation_lead_in(nlp: Language) -> None:
    text = (
        "The inquiry named officials with command over operations that resulted in "
        "widespread human rights crimes, including:\n\n"
        "  1. General Ivan Sidorov\n"
        "  2. Colonel Oleg Markov, chief of staff of the army\n"
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov")
    for name in ("Ivan Sidorov", "Oleg Markov"):
        assert reading(found.claims[name]) == ("rights_abuse", "accused", "list-lead-in")


def test_numbered_sentence_is_not_a_footnote() -> None:
    from dossier.extract.citations import cited_regions

    text = (
        "Intro.\n  1. Ivan Sidorov has served as the minister since 2018 in the cabinet.\n"
        "12. Oleg Markov, The Book, 2020.\n"
    )
    regions = cited_regions(text)
    assert [text[a:b] for a, b in regions.ranges] == ["12. Oleg Markov, The Book, 2020.\n"]


def test_names_the_parser_hung_on_the_verb_and_a_lawyer_designee(nlp: Language) -> None:
    text = (
        "The US also sanctioned Ivan Sidorov, a prominent lawyer, for bribing judges, and "
        "Oleg Markov, a leader of a criminal gang."
    )
    source, found, analysis = analyse(
        nlp, text, {"Ivan Sidorov": "PERSON", "Oleg Markov": "PERSON"}
    )
    by_name = {found.entities[c.entity_key].name: c for c in analysis.claims}
    assert reading(by_name["Ivan Sidorov"]) == ("corruption", "accused", "designated-for")
    assert "described as lawyer; designated for stated conduct: kept" in (
        by_name["Ivan Sidorov"].signals
    )
    assert reading(by_name["Oleg Markov"]) == ("designation", "accused", "designated")
    roles = {found.entities[k].name: r for k, r in analysis.roles.items()}
    assert roles["Ivan Sidorov"] == "alleged_perpetrator"
    assert source.text.count("Oleg Markov") == 1


def test_a_list_cut_by_the_parser_at_a_title(nlp: Language) -> None:
    text = (
        "The coalition is calling for sanctions on Gen. Ivan Sidorov, Defense Sec. Oleg "
        "Markov, Interior Sec. Pavel Orlov and others."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov", "Pavel Orlov")
    for name in ("Ivan Sidorov", "Oleg Markov", "Pavel Orlov"):
        assert found.claims[name].category == "sanctions_call"
        assert found.claims[name].part == "accused"


def test_head_of_a_body_accused_in_an_earlier_sentence(nlp: Language) -> None:
    text = (
        "The national prosecutor's office has been accused of blocking corruption "
        "investigations and even persecuting judges. Ivan Sidorov, who has led the office "
        "since 2019, denies it."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert reading(found.claims["Ivan Sidorov"]) == ("persecution", "ordered", "command")
    text = (
        "The national prosecutor's office has been praised for its independence. Ivan "
        "Sidorov, who has led the office since 2019, welcomed it."
    )
    found = read(nlp, text, "Ivan Sidorov")
    assert found.claims["Ivan Sidorov"].part not in {"ordered", "perpetrator", "accused"}


def test_only_an_authority_lists_or_blocks_in_a_sanctions_text(nlp: Language) -> None:
    text = (
        "The Treasury imposed sanctions on Ivan Sidorov. The agency blocked Oleg Markov "
        "from the U.S. financial system. The police targeted Anna Petrova in May."
    )
    found = read(nlp, text, "Ivan Sidorov", "Oleg Markov", "Anna Petrova")
    assert reading(found.claims["Oleg Markov"]) == ("designation", "accused", "designated")
    assert found.claims["Anna Petrova"].part not in {"accused", "perpetrator"}
    assert "Anna Petrova" not in found.designations
