"""Mention extraction on the seeds: the annotation's hard cases, one by one, and the totals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.bench.extraction import Score, load_annotations, load_source, score_document
from dossier.extract.citations import headline_ranges
from dossier.extract.mentions import DocumentMentions, extract_text_mentions, find_mentions
from dossier.extract.names import name_key, normal_form, skeleton, split_camel, strip_possessive
from dossier.extract.orgs import org_core
from dossier.extract.places import is_country
from dossier.extract.spans import clean_span
from dossier.model import LocalEntity, Mention, SourceDocument, local_entity_key

F000 = "000_ae5bf13b7d37ae8e.txt"
F001 = "001_00dd82caa1b878dc.txt"
F002 = "002_20b2ab74bc0c4165.txt"
F003 = "003_cdec0f7c57f8d953.txt"
F004 = "004_b7dcf184cc906243.txt"


@pytest.fixture(scope="module")
def corpus(nlp: Language, seeds_dir: Path) -> dict[str, tuple[SourceDocument, DocumentMentions]]:
    """All five seeds parsed once, extracted together (label consistency is corpus-wide)."""
    sources = [load_source(p) for p in sorted(seeds_dir.glob("*.txt"))]
    docs = list(nlp.pipe([s.analysis_text() for s in sources]))
    found = find_mentions(sources, docs)
    return {s.file_name: (s, f) for s, f in zip(sources, found, strict=True)}


def people(found: DocumentMentions) -> dict[str, LocalEntity]:
    return {e.name: e for e in found.entities.values() if e.schema == "Person"}


def mentions_of(found: DocumentMentions, text: str, label: str = "PERSON") -> list[Mention]:
    return [m for m in found.mentions if m.text.replace("\u00a0", " ") == text and m.label == label]


def entity_of(found: DocumentMentions, mention: Mention) -> LocalEntity | None:
    return None if mention.entity_key is None else found.entities[mention.entity_key]


# -- the contract ---------------------------------------------------------------


def test_spans_are_exact_and_sorted(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    for source, found in corpus.values():
        starts = [m.start for m in found.mentions]
        assert starts == sorted(starts)
        for m in found.mentions:
            assert source.text[m.start : m.end] == m.text
            assert m.entity_key is None or m.entity_key in found.entities
            assert m.text == m.text.strip() and "\n" not in m.text
            assert not m.text.endswith(("’s", "'s", ",", ";", ":"))
            assert not m.text.endswith(".") or re.search(r"\b(?:[A-Z]\.)+$", m.text)
            assert "[" not in m.text or m.label == "ORG"


def test_entity_keys_are_stable_ids(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    source, found = corpus[F000]
    tokayev = people(found)["Kassym-Jomart Tokayev"]
    assert tokayev.key == local_entity_key(source.content_hash, "PERSON", "kassym jomart tokayev")
    assert tokayev.first_name == "Kassym-Jomart" and tokayev.last_name == "Tokayev"
    for key, entity in found.entities.items():
        assert key == entity.key


# -- hard cases from the annotation ------------------------------------------------


def test_honorific_surnames_link_to_full_names_in_000(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    source, found = corpus[F000]
    for full, bare, count in [
        ("Kassym-Jomart Tokayev", "Tokayev", 5),
        ("Nursultan Nazarbayev", "Nazarbayev", 3),
        ("Jeff Sahadeo", "Sahadeo", 3),
        ("Jason Kung", "Kung", 1),
        ("Michael Chong", "Chong", 1),
    ]:
        linked = [m for m in mentions_of(found, bare) if entity_of(found, m) is not None]
        assert len(linked) == count, bare
        assert {entity_of(found, m).name for m in linked} == {full}  # type: ignore[union-attr]
        # the title is cut from the span but it was there
        assert all(source.text[m.start - 4 : m.start] in ("Mr. ", "of. ") for m in linked)
    browder = mentions_of(found, "Browder")
    assert len(browder) >= 4
    assert {entity_of(found, m).name for m in browder} == {"Bill Browder"}  # type: ignore[union-attr]


def test_initial_and_shouted_surname_link_in_001(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F001]
    [mention] = mentions_of(found, "T. KULIBAYEV")
    entity = entity_of(found, mention)
    assert entity is not None and entity.name == "Timur Kulibayev"
    assert "T. KULIBAYEV" in entity.aliases
    assert "T. Kulibayev" not in people(found)
    assert normal_form("T. KULIBAYEV") == "T. Kulibayev"


def test_glued_names_are_split(corpus: dict[str, tuple[SourceDocument, DocumentMentions]]) -> None:
    source, found = corpus[F001]
    [mention] = mentions_of(found, "AliyaIsenova")
    entity = entity_of(found, mention)
    assert entity is not None and entity.name == "Aliya Isenova"
    assert entity.first_name == "Aliya" and entity.last_name == "Isenova"
    source, found = corpus[F000]
    [pavel] = mentions_of(found, "PAVEL MIKHEYEV")
    assert source.text[pavel.start - 3 : pavel.end + 8] == "12.PAVEL MIKHEYEV/Reuters"
    assert entity_of(found, pavel).name == "Pavel Mikheyev"  # type: ignore[union-attr]
    reuters = [m for m in mentions_of(found, "Reuters", "ORG") if m.start == pavel.end + 1]
    assert len(reuters) == 1


def test_five_meldekhans_stay_apart(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F001]
    names = people(found)
    for name in (
        "Aikorkem Meldekhan",
        "Bauyrzhan Meldekhan",
        "Aidos Meldekhan",
        "Zhanel",
        "Bekislam",
    ):
        assert name in names, name
    assert {entity_of(found, m).name for m in mentions_of(found, "Aikorkem")} == {  # type: ignore[union-attr]
        "Aikorkem Meldekhan"
    }
    assert {entity_of(found, m).name for m in mentions_of(found, "Bauyrzhan")} == {  # type: ignore[union-attr]
        "Bauyrzhan Meldekhan"
    }
    zhanel = mentions_of(found, "Zhanel")
    assert len(zhanel) == 4 and {entity_of(found, m).name for m in zhanel} == {"Zhanel"}  # type: ignore[union-attr]
    # a bare "Meldekhan" with three full Meldekhans named: ambiguous, left for a human
    bare = mentions_of(found, "Meldekhan")
    assert len(bare) > 0 and all(m.entity_key is None for m in bare)


def test_spelling_variant_with_a_doubled_letter_is_one_person(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F001]
    tokayev = people(found)["Kassym-Jomart Tokayev"]
    assert "Kasym-Jomart Tokayev" in tokayev.aliases
    assert "Kasym-Jomart Tokayev" not in people(found)
    assert skeleton("Kassym-Jomart") == skeleton("Kasym-Jomart")
    assert skeleton("Zhanel") != skeleton("Zhanna")


def test_bare_surnames_in_001(corpus: dict[str, tuple[SourceDocument, DocumentMentions]]) -> None:
    _, found = corpus[F001]
    for bare, full in [
        ("Tokayev", "Kassym-Jomart Tokayev"),
        ("Azimova", "Elvira Azimova"),
        ("Kiysimbayev", "Akylzhan Kiysimbayev"),
        ("Kurmanov", "Azamat Kurmanov"),
        ("Makhanbayev", "Kosai Makhanbayev"),
        ("Ruzakhunov", "Vikram Ruzakhunov"),
        ("Bedenbayev", "Adilkhan Bedenbayev"),
        ("Turlov", "Timur Turlov"),
        ("Kosai", "Kosai Makhanbayev"),
    ]:
        found_mentions = mentions_of(found, bare)
        assert len(found_mentions) > 0, bare
        assert {entity_of(found, m).name for m in found_mentions} == {full}, bare  # type: ignore[union-attr]
    # Nursultan Nazarbayev vs Nursultan Kuatbayev; Timur Kulibayev vs Timur Turlov: distinct
    names = people(found)
    assert {
        "Nursultan Nazarbayev",
        "Nursultan Kuatbayev",
        "Timur Kulibayev",
        "Timur Turlov",
    } <= set(names)


def test_not_people(corpus: dict[str, tuple[SourceDocument, DocumentMentions]]) -> None:
    for file_name, text in [
        (F000, "Magnitsky"),
        (F003, "Magnitsky"),
        (F003, "Nur-Sultan"),
        (F000, "Kazakh"),
        (F001, "Kazakh"),
        (F001, "Zhanaozen"),
        (F001, "Kremlin"),
        (F001, "Ural"),
        (F003, "Washington"),
        (F003, "Georgia"),
        (F002, "King Charles Street"),
        (F002, "Charles Street"),
        (F004, "Twitter"),
        (F004, "COVID-19"),
        (F004, "Nur-Sultan"),
        (F004, "Kazakhs"),
    ]:
        _, found = corpus[file_name]
        assert mentions_of(found, text) == [], (file_name, text)
    for _, found in corpus.values():
        for m in found.mentions:
            if m.label == "PERSON":
                assert "http" not in m.text and "@" not in m.text and "gate" not in m.text.lower()
    _, found = corpus[F000]
    assert "Sergei Magnitsky" in people(found)
    assert len(mentions_of(found, "Sergei Magnitsky")) == 1


def test_possessives_and_footnote_markers_are_cut(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    source, found = corpus[F001]
    aikorkem = [m for m in mentions_of(found, "Aikorkem Meldekhan") if source.text[m.end] == "’"]
    assert len(aikorkem) == 1
    source, found = corpus[F004]
    kozlov = [m for m in found.mentions if source.text[m.end : m.end + 5] == ".[43]"]
    assert [m.text for m in kozlov] == ["Vladimir Kozlov"]
    assert strip_possessive("Tokayev’s") == "Tokayev"


def test_particles_and_diacritics_are_kept(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F002]
    names = people(found)
    assert {"Eva van der Merwe", "Anneke Van Woudenberg", "Adam Hug"} <= set(names)
    assert names["Eva van der Merwe"].last_name == "van der Merwe"
    _, found = corpus[F003]
    assert "Wilder Alejandro Sánchez" in people(found)
    _, found = corpus[F000]
    assert "Mélanie Joly" in people(found)


def test_signature_block_and_no_break_spaces_in_002(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F002]
    orgs = {m.text.replace("\u00a0", " ") for m in found.mentions if m.label == "ORG"}
    assert {
        "Foreign Policy Centre",
        "Chatham House",
        "Transparency International UK",
        "International Lawyers Project",
        "rights: applied",
        "REDRESS",
        "RAID",
        "Freedom for Eurasia",
    } <= orgs
    raid = next(m for m in found.mentions if m.text == "RAID")
    full = next(m for m in found.mentions if m.text == "Rights & Accountability in Development")
    assert raid.entity_key == full.entity_key


def test_organisation_schemas(corpus: dict[str, tuple[SourceDocument, DocumentMentions]]) -> None:
    _, found = corpus[F001]
    schemas = {e.name: e.schema for e in found.entities.values()}
    assert schemas["Ministry of Justice"] == "PublicBody"
    assert schemas["General Prosecutor’s Office"] == "PublicBody"
    assert schemas["Sberbank Kazakhstan"] == "Company"
    assert schemas["Freedom Finance"] == "Company"
    assert schemas["Open Dialogue Foundation"] == "Organization"


def test_citations_are_marked(corpus: dict[str, tuple[SourceDocument, DocumentMentions]]) -> None:
    _, found = corpus[F004]
    names = people(found)
    assert names["Joanna Lillis"].cited_only
    assert names["Catherine Putz"].cited_only
    assert not names["Nursultan Nazarbayev"].cited_only
    assert not names["Dariga Nazarbayeva"].cited_only
    assert all(not m.cited for m in corpus[F000][1].mentions)


def test_royal_title_is_not_another_persons_given_name(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F004]
    names = people(found)
    assert "Prince Andrew" in names
    assert "Andrew" not in names["Andrew Roth"].aliases
    dariga = names["Dariga Nazarbayeva"]
    assert "Nazarbayeva" in dariga.aliases
    assert "Nazarbayev" not in dariga.aliases


def test_headline_words_in_cited_titles_are_not_people(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F004]
    for text in ("Dark Shadows", "Victory", "Slitting", "Conference", "Khanate", "Khan"):
        assert mentions_of(found, text) == [], text
    names = people(found)
    # a name in a sentence-case title is still a name; a note's author keeps all its words
    assert {"Asanov", "Dostiyarov", "Mehmet Volkan Kasikci"} <= set(names)
    assert "Volkan Kasikci" not in names
    assert "Joanna Lillis" in names


def test_groups_the_text_types_are_organisations(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    _, found = corpus[F004]
    for text in ("Ak Zhol", "Oyan Kazakstan", "Tablighi Jamaat", "Glovo", "Mediazona"):
        assert mentions_of(found, text) == [], text
        assert len(mentions_of(found, text, "ORG")) > 0, text
    assert mentions_of(found, "Alma Ata") == []  # "renamed from Alma Ata": a place
    assert "Janbolat Mamai" in people(found)  # "33 year old Janbolat Mamai, formerly a ..."
    orgs = {m.text for m in found.mentions if m.label == "ORG"}
    assert "Eurasianet" in orgs  # a one-word note author, and a publisher in the text
    assert {"Communist Party of Kazakhstan", "Amnesty International"} <= orgs
    assert "Amnesty International Prisoner" not in orgs


def test_organisations_named_by_their_context(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    orgs = {
        (file_name, m.text)
        for file_name, (_, found) in corpus.items()
        for m in found.mentions
        if m.label == "ORG"
    }
    assert {
        (F000, "Conservative"),  # "Conservative foreign-affairs critic Michael Chong"
        (F000, "security council"),  # "the country’s security council"
        (F001, "KAZENERGY"),  # "the head of “KAZENERGY”, the Kazakhstan Association of ..."
        (F001, "Bank “CenterCredit”"),
        (F001, "Facebook"),  # "monitoring Facebook group"
        (F002, "G7"),
        (F002, "Spotlight on Corruption"),  # a signature line's organisation
    } <= orgs
    # the type word stays outside a longer name: "... Protection Foundation “Qaharman”"
    assert (F001, "Qaharman") in orgs and (F001, "JSC") not in orgs
    assert all(text != "A" for _, text in orgs)  # "A group of people who demanded ..."


def test_countries_and_positions_are_not_organisations(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    for _, found in corpus.values():
        for m in found.mentions:
            if m.label == "ORG":
                assert not is_country(m.text), m.text
                assert m.text not in ("Prosecutor", "General", "Oil-rich Kazakhstan"), m.text
                assert m.text not in ("Khanate", "Kazakh Khanate", "Koslov", "anti-Government")
                assert " Is " not in m.text and len(m.text.split()) <= 12, m.text
    source, found = corpus[F001]
    at = source.text.index("the General Prosecutor stated")
    assert [m for m in found.mentions if at <= m.start < at + 30] == []


def test_general_news(nlp: Language) -> None:
    """Ordinary Western names and organisations in news prose come through unharmed."""
    text = (
        "German Chancellor Angela Merkel met executives of Siemens AG in Berlin on Tuesday.\n"
        "Merkel said the company would invest in France and Spain.\n"
        "Microsoft Corp. chief executive Bill Gates told Reuters that the European Commission "
        "had approved the deal.\n"
        "Gates, a 41-year-old father of two, flew to London after talks with British Prime "
        "Minister John Major.\n"
        "The United Nations Security Council condemned the attack, a spokesman for "
        "Secretary-General Kofi Annan said.\n"
        "Yeltsin's spokesman Sergei Yastrzhembsky said Boris Yeltsin would meet Chernomyrdin "
        "in Moscow.\n"
        "Shares of General Motors and Ford Motor Co dropped while Arsenal beat Chelsea 2-1.\n"
    )
    records = extract_text_mentions(text, nlp)
    persons = {(r.text, r.resolved) for r in records if r.label == "PERSON"}
    assert persons == {
        ("Angela Merkel", "Angela Merkel"),
        ("Merkel", "Angela Merkel"),
        ("Bill Gates", "Bill Gates"),
        ("Gates", "Bill Gates"),
        ("John Major", "John Major"),
        ("Kofi Annan", "Kofi Annan"),
        ("Yeltsin", "Boris Yeltsin"),
        ("Sergei Yastrzhembsky", "Sergei Yastrzhembsky"),
        ("Boris Yeltsin", "Boris Yeltsin"),
        ("Chernomyrdin", "Chernomyrdin"),
    }
    orgs = {r.text for r in records if r.label == "ORG"}
    assert {
        "Siemens AG",
        "Microsoft Corp.",
        "Reuters",
        "European Commission",
        "United Nations Security Council",
        "General Motors",
        "Ford Motor Co",
    } <= orgs
    assert orgs.isdisjoint({"France", "Spain", "London", "Moscow", "Berlin"})
    assert all(not r.text.endswith(("Tuesday", "2-1")) for r in records)


def test_headline_and_place_units() -> None:
    text = "Joanna Lillis, Dark Shadows: Inside the Secret World of Kazakhstan, IB Taurus, 2018"
    lower = {"dark", "shadows", "inside", "secret", "world"}
    [(start, end)] = headline_ranges(text, lower)
    assert text[start:end].strip() == "Dark Shadows: Inside the Secret World of Kazakhstan"
    assert headline_ranges("Dmitry Solovyov and Robin Paxton, Reuters", lower) == []
    assert is_country("Kazakhstan’s") and is_country("Kazakh SSR")
    assert is_country("the Russian Federation") and not is_country(
        "Democratic Choice of Kazakhstan"
    )
    for value, expected in [
        ("First Secretary of the Communist Party of Kazakhstan", "Communist Party of Kazakhstan"),
        ("Amnesty International Prisoner", "Amnesty International"),
        ("European Parliament Resolution", "European Parliament"),
        ("Kharkova’s KNPRK", "KNPRK"),
        ("Office of the President", "Office of the President"),
        ("General Prosecutor", None),
    ]:
        span = org_core(value, 0, len(value))
        assert (None if span is None else value[span[0] : span[1]]) == expected, value


# -- quality totals ------------------------------------------------------------------

# Distinct persons found per document (all correct on 000-003).
PERSONS_FOUND = {F000: 10, F001: 31, F002: 14, F003: 3}


def test_quality_against_the_annotation(
    corpus: dict[str, tuple[SourceDocument, DocumentMentions]],
) -> None:
    golds = load_annotations()
    people_000_003, orgs_000_003, people_004, orgs_004 = Score(), Score(), Score(), Score()
    for file_name, (_, found) in corpus.items():
        person_score, org_score = score_document(found, golds[file_name])
        if file_name == F004:
            people_004.add(person_score)
            orgs_004.add(org_score)
            continue
        assert person_score.correct == PERSONS_FOUND[file_name], file_name
        people_000_003.add(person_score)
        orgs_000_003.add(org_score)
    assert people_000_003.recall == 1.0 and people_000_003.precision == 1.0
    assert people_000_003.merged == [] and people_004.merged == []
    assert orgs_000_003.recall >= 0.95
    # issue 3: recall >= 98% and precision >= 97% per distinct person; ORG recall >= 90%
    assert people_004.recall >= 0.98
    assert people_004.precision >= 0.97
    assert orgs_004.recall >= 0.90


# -- units and the CLI entry point -------------------------------------------------


def test_names_units() -> None:
    assert split_camel("AliyaIsenova") == ("Aliya", "Isenova")
    assert split_camel("IHaveAChoice") is None
    assert normal_form("PAVEL\u00a0MIKHEYEV") == "Pavel Mikheyev"
    assert name_key("Mélanie Joly") == "melanie joly"


def test_clean_span_units() -> None:
    text = "said Mr. Browder’s aide. Vladimir Kozlov.[43] And"
    [piece] = clean_span(text, 5, 18, person=True)
    assert text[piece.start : piece.end] == "Browder" and piece.title == "Mr."
    start = text.index("Vladimir")
    [piece] = clean_span(text, start, start + len("Vladimir Kozlov.[43"), person=True)
    assert text[piece.start : piece.end] == "Vladimir Kozlov"


def test_extract_text_mentions(nlp: Language) -> None:
    text = "Mr. Tokayev met Kassym-Jomart Tokayev’s aide in Nur-Sultan. The Kazakh Senate met."
    records = extract_text_mentions(text, nlp)
    for record in records:
        assert text[record.start : record.end] == record.text
    people_found = [r for r in records if r.label == "PERSON"]
    assert [(r.text, r.resolved) for r in people_found] == [
        ("Tokayev", "Kassym-Jomart Tokayev"),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
    ]
    assert records[0].to_dict()["label"] == "PERSON"
    assert ("Kazakh Senate", "ORG") in [(r.text, r.label) for r in records]
    assert ("Nur-Sultan", "GPE") in [(r.text, r.label) for r in records]
