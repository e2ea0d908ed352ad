"""Corrupt and other conduct named by a verb and what it governs, on hand-made sentences.

Bribes received or paid, public money misused, rigged tenders and elections, "for
personal gain", obstruction of investigations, charges, trials and guilty findings:
each frame gives the same reading to any name, and the people who expose, investigate,
deny or are falsely accused of the conduct are never read as its authors.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import analyse
from tests.test_designations import read, reading

OFFICIAL = "Ivan Sidorov"
OTHER = "Oleg Markov"
REPORTER = "Anna Petrova"


def one(nlp: Language, text: str, name: str = OFFICIAL) -> tuple[str, str, str]:
    found = read(nlp, text, name)
    return reading(found.claims[name])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry accused Ivan Sidorov of facilitating and receiving bribes in "
            "exchange for public contracts.",
            ("corruption", "accused", "accused-of"),
        ),
        (
            "Washington accused Ivan Sidorov of leading a network that controlled contracts "
            "at the port for personal gain.",
            ("corruption", "accused", "accused-of"),
        ),
        (
            'The Treasury said Ivan Sidorov engaged in "misappropriated public funds for his '
            'personal benefit."',
            ("corruption", "perpetrator", "involved-in"),
        ),
        ("Ivan Sidorov accepted bribes from a construction firm.", None),
        ("Ivan Sidorov received bribes from contractors.", None),
        ("Ivan Sidorov solicited kickbacks from contractors.", None),
        ("Ivan Sidorov paid bribes to judges.", None),
        ("Ivan Sidorov rigged a tender for the new hospital.", None),
        ("Ivan Sidorov fixed the results of the tender.", None),
        ("Ivan Sidorov misused public funds.", None),
        ("Ivan Sidorov diverted millions in state funds to his relatives.", None),
        ("Ivan Sidorov used his office for personal gain.", None),
        ("Ivan Sidorov appointed officials in exchange for money.", None),
        ("Ivan Sidorov abused his position to award contracts to relatives.", None),
        ("Ivan Sidorov embezzled millions from the state budget.", None),
    ],
)
def test_corrupt_conduct_of_the_agent(
    nlp: Language, text: str, expected: tuple[str, str, str] | None
) -> None:
    assert one(nlp, text) == (expected or ("corruption", "perpetrator", "active-agent"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ivan Sidorov was charged with money laundering, the agency said.", "laundering"),
        (
            "Ivan Sidorov was charged with squandering public funds and abuse of office.",
            "corruption",
        ),
        ("Ivan Sidorov, who was dismissed on charges of abuse of office, left.", "corruption"),
        ("Ivan Sidorov received a suspended sentence for taking bribes.", "corruption"),
        ("Ivan Sidorov was sentenced to ten years for embezzlement.", "corruption"),
        ("Ivan Sidorov pleaded guilty to money laundering.", "laundering"),
        ("Ivan Sidorov was found guilty of bribery.", "corruption"),
        ("The court found Ivan Sidorov guilty of accepting bribes.", "corruption"),
        ("Ivan Sidorov faces charges of embezzlement.", "corruption"),
        ("Ivan Sidorov stands trial for bribery.", "corruption"),
        ("Ivan Sidorov is alleged to have embezzled state funds.", "corruption"),
        ("Ivan Sidorov is suspected of taking bribes.", "corruption"),
        ("Ivan Sidorov was accused of rigging the election.", "election_fraud"),
        ("Prosecutors charged Ivan Sidorov with embezzlement.", "corruption"),
    ],
)
def test_accusations_charges_and_convictions(nlp: Language, text: str, category: str) -> None:
    assert one(nlp, text) == (category, "accused", "accused-of")


def test_apposition_between_the_accused_and_the_charge(nlp: Language) -> None:
    text = (
        "The ministry accused the mayor's chief of staff, Oleg Markov, of obstructing "
        "investigations into the misappropriation of funds."
    )
    assert one(nlp, text, OTHER) == ("cover_up", "accused", "accused-of")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivan Sidorov blocked investigations into the killings.", ("cover_up", "complicit")),
        (
            "Ivan Sidorov interfered with the investigation into the bank.",
            ("cover_up", "complicit"),
        ),
        ("Ivan Sidorov ran a bribery scheme at the port.", ("corruption", "ordered")),
        ("Ivan Sidorov headed a scheme to award inflated contracts.", ("corruption", "ordered")),
        ("Ivan Sidorov rigged the presidential election.", ("election_fraud", "perpetrator")),
        (
            "Ivan Sidorov falsified the vote count in the capital.",
            ("election_fraud", "perpetrator"),
        ),
        ("Ivan Sidorov was involved in electoral fraud.", ("election_fraud", "perpetrator")),
    ],
)
def test_obstruction_schemes_and_elections(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert one(nlp, text)[:2] == expected


# --- the people around the conduct are not its authors --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry accused the government of exposing torture, said Anna Petrova.",
        "Anna Petrova exposed the embezzlement of public funds.",
        "Anna Petrova helped expose officials who abused their positions.",
        "Anna Petrova helped recover stolen public funds.",
        "Anna Petrova led an investigation into the bribery scheme.",
        "Anna Petrova documented electoral fraud in the capital.",
        "Anna Petrova protested against the rigged election.",
        "Anna Petrova refused to pay a bribe.",
        "Anna Petrova was offered a bribe by the governor.",
        "Anna Petrova received a bribery complaint from a villager.",
        "Police accused Anna Petrova of spreading false information.",
    ],
)
def test_exposing_investigating_or_refusing_is_not_the_act(nlp: Language, text: str) -> None:
    found = read(nlp, text, REPORTER)
    claim = found.claims[REPORTER]
    assert claim.part not in PERPETRATOR_PARTS, reading(claim)


def test_who_investigated_bribery_is_a_victim_of_the_threat(nlp: Language) -> None:
    text = "Anna Petrova, who investigated bribery in the ministry, was threatened."
    assert one(nlp, text, REPORTER) == ("persecution", "victim", "victim")


def test_victim_of_torture_stays_a_victim(nlp: Language) -> None:
    assert one(nlp, "Anna Petrova was tortured in custody.", REPORTER) == (
        "torture",
        "victim",
        "victim",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Sidorov was falsely accused of taking bribes.",
        "Lawyers for Ivan Sidorov said he was accused falsely.",
        "Ivan Sidorov refused to take bribes.",
    ],
)
def test_false_accusations_and_refusals_are_no_allegation(nlp: Language, text: str) -> None:
    assert one(nlp, text) == ("context", "subject", "none")


def test_who_charges_whom(nlp: Language) -> None:
    assert one(nlp, "Prosecutors charged Ivan Sidorov with embezzlement.") == (
        "corruption",
        "accused",
        "accused-of",
    )
    assert one(nlp, "Ivan Sidorov charged the prosecutors with embezzlement.") == (
        "context",
        "source",
        "speech",
    )


def test_politically_motivated_charges_make_no_accused(nlp: Language) -> None:
    sentenced = "Anna Petrova was sentenced to ten years on fabricated charges of fraud."
    assert one(nlp, sentenced, REPORTER) == ("unjust_conviction", "victim", "victim")
    facing = one(nlp, "Ivan Sidorov faces politically motivated charges of fraud.")
    assert facing[1] not in PERPETRATOR_PARTS


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ivan Sidorov denied receiving bribes.", "corruption"),
        ("Ivan Sidorov has denied the allegations.", "context"),
        ("Ivan Sidorov rejected the allegations of corruption.", "corruption"),
    ],
)
def test_a_denial_is_kept_for_review(nlp: Language, text: str, category: str) -> None:
    """A person's own denial says there is an allegation; it is neither proof nor a
    cover-up, so it is shown as a denial, part unclear, for a reviewer."""
    assert one(nlp, text) == (category, "unclear", "denial")


def test_arrest_on_a_corruption_charge_is_left_for_review(nlp: Language) -> None:
    """An arrest is a deprivation of liberty and the charge an accusation: a political
    case reads the same, so the sentence alone decides neither."""
    text = "Ivan Sidorov was arrested on suspicion of misappropriating state funds."
    assert one(nlp, text) == ("corruption", "unclear", "accused-of")


def test_a_journalist_accused_of_bribery_is_for_review(nlp: Language) -> None:
    text = "The journalist Anna Petrova was charged with bribery."
    _source, found, analysis = analyse(nlp, text, {REPORTER: "PERSON"})
    (claim,) = analysis.claims
    assert (claim.category, claim.part) == ("corruption", "unclear")
    (key,) = found.entities
    assert analysis.roles[key] == "journalist"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ivan Sidorov was sanctioned for obstructing the investigation into the killing.",
            ("cover_up", "accused", "designated-for"),
        ),
        (
            "OFAC sanctioned Ivan Sidorov for rigging public tenders.",
            ("corruption", "accused", "designated-for"),
        ),
        (
            "In his role as minister, Ivan Sidorov orchestrated a scheme to embezzle public funds.",
            ("corruption", "ordered", "command"),
        ),
        (
            "Ivan Sidorov demanded a share of the kickbacks.",
            ("corruption", "perpetrator", "active-agent"),
        ),
        (
            "Security forces under Ivan Sidorov abducted dozens of protesters.",
            ("detention", "complicit", "command"),
        ),
        (
            "Ivan Sidorov was indicted on charges of money laundering.",
            ("laundering", "accused", "accused-of"),
        ),
        (
            "Ivan Sidorov was investigated for embezzlement.",
            ("corruption", "accused", "accused-of"),
        ),
    ],
)
def test_more_frames(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert one(nlp, text) == expected


def test_investigated_for_reporting_is_no_accusation(nlp: Language) -> None:
    text = "Anna Petrova was investigated for her reporting on corruption."
    assert one(nlp, text, REPORTER) == ("context", "subject", "none")
    text = "Anna Petrova was charged with defamation after exposing corruption."
    assert one(nlp, text, REPORTER) == ("persecution", "victim", "victim")


def test_a_descriptor_apposition_carries_its_participle(nlp: Language) -> None:
    text = "Ivan Sidorov, a former minister convicted of embezzlement, lives abroad."
    assert one(nlp, text) == ("corruption", "accused", "accused-of")
    text = "Anna Petrova, a journalist convicted of defamation, was freed."
    assert one(nlp, text, REPORTER) == ("detention", "victim", "released")


def test_who_exposes_a_sham_deal_did_not_make_it(nlp: Language) -> None:
    made = "Ivan Sidorov, the businessman who earned millions through underpriced contracts, left."
    assert one(nlp, made) == ("corruption", "perpetrator", "active-agent")
    assert one(nlp, "Ivan Sidorov awarded inflated contracts to his brother.") == (
        "corruption",
        "perpetrator",
        "active-agent",
    )
    for text in (
        "Anna Petrova, a lawyer who exposed inflated contracts, was attacked.",
        "Anna Petrova investigated the use of public funds for personal gain.",
        "Anna Petrova audited the fictitious invoices.",
    ):
        assert one(nlp, text, REPORTER)[1] not in PERPETRATOR_PARTS, text


# --- "both", "the two", "the pair" --------------------------------------------------


def readings_of(nlp: Language, text: str, *names: str) -> dict[str, set[tuple[str, str, str]]]:
    _source, found, analysis = analyse(nlp, text, dict.fromkeys(names, "PERSON"))
    out: dict[str, set[tuple[str, str, str]]] = {name: set() for name in names}
    for claim in analysis.claims:
        out[found.entities[claim.entity_key].name].add((claim.category, claim.part, claim.frame))
    return out


def test_the_pair_of_the_previous_sentence_did_it(nlp: Language) -> None:
    text = (
        "The ministry sanctioned Andrey Orlov, a police detective, and Pavel Grekov, a "
        "prison officer. In 2015, the pair tortured Maria Lenska."
    )
    found = readings_of(nlp, text, "Andrey Orlov", "Pavel Grekov", "Maria Lenska")
    for name in ("Andrey Orlov", "Pavel Grekov"):
        assert ("torture", "perpetrator", "active-agent") in found[name]
    assert found["Maria Lenska"] == {("torture", "victim", "victim")}
    names = dict.fromkeys(("Andrey Orlov", "Pavel Grekov", "Maria Lenska"), "PERSON")
    _source, _found, analysis = analyse(nlp, text, names)
    quoted = [text[c.start : c.end] for c in analysis.claims if c.part == "perpetrator"]
    assert quoted == [text, text]  # the quote names the pair and the act


def test_both_are_accused(nlp: Language) -> None:
    text = (
        "Andrey Orlov and Pavel Grekov were sanctioned on Monday. Both are accused of "
        "taking bribes."
    )
    found = readings_of(nlp, text, "Andrey Orlov", "Pavel Grekov")
    for name in ("Andrey Orlov", "Pavel Grekov"):
        assert ("corruption", "accused", "accused-of") in found[name]


def test_the_two_victims(nlp: Language) -> None:
    text = "Andrey Orlov and Pavel Grekov were detained in May. The two were beaten in custody."
    found = readings_of(nlp, text, "Andrey Orlov", "Pavel Grekov")
    for name in ("Andrey Orlov", "Pavel Grekov"):
        assert ("torture", "victim", "victim") in found[name]
        assert not any(part in PERPETRATOR_PARTS for _, part, _ in found[name])


@pytest.mark.parametrize(
    "text",
    [
        # not named together
        "Andrey Orlov met Pavel Grekov on Monday. Both are accused of taking bribes.",
        # three people: which two?
        "Andrey Orlov, Pavel Grekov and Maria Lenska were sanctioned. The two are accused "
        "of taking bribes.",
        # a paragraph between
        "Andrey Orlov and Pavel Grekov were sanctioned.\n\nBoth are accused of taking bribes.",
    ],
)
def test_a_group_word_without_one_clear_pair_says_nothing(nlp: Language, text: str) -> None:
    found = readings_of(nlp, text, "Andrey Orlov", "Pavel Grekov", "Maria Lenska")
    for name, readings in found.items():
        assert ("corruption", "accused", "accused-of") not in readings, name


def test_an_organisation_in_a_persons_descriptor_takes_no_part(nlp: Language) -> None:
    text = (
        "Anna Petrova, a Radio Nord correspondent, and Oleg Markov, a freelance journalist, "
        "were accused by the bureau of receiving bribes."
    )
    _source, found, analysis = analyse(nlp, text, {REPORTER: "PERSON", "Radio Nord": "ORG"})
    by_name = {found.entities[c.entity_key].name: c for c in analysis.claims}
    assert (by_name["Radio Nord"].category, by_name["Radio Nord"].part) == ("context", "subject")
    assert by_name[REPORTER].part == "unclear"  # a journalist accused: for review
    (key,) = [k for k, e in found.entities.items() if e.name == REPORTER]
    assert analysis.roles[key] == "journalist"


def test_he_opening_the_next_sentence_is_the_one_person_named(nlp: Language) -> None:
    text = "The court heard the case of Ivan Sidorov on Monday. He is suspected of taking bribes."
    assert ("corruption", "accused", "accused-of") in readings_of(nlp, text, OFFICIAL)[OFFICIAL]


@pytest.mark.parametrize(
    "text",
    [
        # two people before: which one?
        "Anna Petrova interviewed Ivan Sidorov on Monday. He is suspected of taking bribes.",
        # the pronoun is inside a reported clause
        "Ivan Sidorov resigned in May. Prosecutors said he took bribes.",
        # a paragraph between
        "Ivan Sidorov resigned in May.\n\nHe is suspected of taking bribes.",
    ],
)
def test_he_without_one_clear_referent_says_nothing(nlp: Language, text: str) -> None:
    for name, readings in readings_of(nlp, text, OFFICIAL, REPORTER).items():
        assert not any(part in PERPETRATOR_PARTS for _, part, _ in readings), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivan Sidorov was accused of corrupt practices.", ("corruption", "accused")),
        (
            "Ivan Sidorov was responsible for the forced displacement of villagers.",
            ("persecution", "perpetrator"),
        ),
        ("Ivan Sidorov was responsible for forced marriages.", ("sexual_violence", "perpetrator")),
    ],
)
def test_conduct_named_by_its_adjective(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert one(nlp, text)[:2] == expected
    assert one(nlp, "Anna Petrova exposed corrupt practices in the ministry.", REPORTER) == (
        "context",
        "subject",
        "none",
    )
