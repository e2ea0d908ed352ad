"""Claims, positions, relations, roles and deaths: real seed sentences and
hand-made sentences that show the parts come from sentence structure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.extract.claims import DocumentAnalysis, analyse_document, passage_date
from dossier.extract.mentions import DocumentMentions, find_mentions
from dossier.ingest.source import ingest_file
from dossier.model import (
    PERPETRATOR_PARTS,
    PROTECTED_ROLES,
    ActorSchema,
    Claim,
    EntityLabel,
    LocalEntity,
    Mention,
    SourceDocument,
    SourceMeta,
    local_entity_key,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass
class Seed:
    source: SourceDocument
    found: DocumentMentions
    analysis: DocumentAnalysis

    def key(self, name: str) -> str:
        keys = [k for k, e in self.found.entities.items() if e.name == name]
        assert len(keys) == 1, (name, keys)
        return keys[0]

    def claims(self, name: str, sentence: str) -> list[Claim]:
        key = self.key(name)
        return [
            c
            for c in self.analysis.claims
            if c.entity_key == key and sentence in self.source.text[c.start : c.end]
        ]

    def claim(self, name: str, sentence: str) -> Claim:
        found = self.claims(name, sentence)
        assert len(found) == 1, (name, sentence, found)
        return found[0]


@pytest.fixture(scope="module")
def seeds(nlp: Language) -> dict[str, Seed]:
    paths = sorted(p for p in SEEDS.glob("*.txt") if p.name[:3] in {"000", "001", "002", "003"})
    sources: list[SourceDocument] = []
    for path in paths:
        ingested = ingest_file(path, SEEDS, 10_000_000)
        assert isinstance(ingested, SourceDocument)
        sources.append(ingested)
    docs = [nlp(s.analysis_text()) for s in sources]
    out: dict[str, Seed] = {}
    for source, doc, found in zip(sources, docs, find_mentions(sources, docs), strict=True):
        out[source.file_name[:3]] = Seed(source, found, analyse_document(source, doc, found))
    return out


# --- seed 001 -----------------------------------------------------------------


def test_threat_gives_perpetrator_and_victim(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    sentence = "Kurmanov threatened Akylzhan Kiysimbayev and his family"
    kurmanov = seed.claim("Azamat Kurmanov", sentence)
    assert (kurmanov.category, kurmanov.part) == ("persecution", "perpetrator")
    victim = seed.claim("Akylzhan Kiysimbayev", sentence)
    assert (victim.category, victim.part) == ("persecution", "victim")


def test_reported_torture_is_attributed(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    sentence = "were involved in torture against the persecuted"
    for name in ("Azamat Kurmanov", "Aset Dzhumadiyev"):
        claim = seed.claim(name, sentence)
        assert (claim.category, claim.part) == ("torture", "perpetrator")
        assert claim.attributed_to == "victims’ testimonies"


def test_witness_who_did_nothing_is_complicit(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    sentence = "also witnessed torture against him, but he did not do anything about it"
    claim = seed.claim("Azamat Kurmanov", sentence)
    assert (claim.category, claim.part) == ("cover_up", "complicit")
    assert claim.attributed_to == "Kiysimbayev"
    source = seed.claim("Akylzhan Kiysimbayev", sentence)
    assert source.part == "source"


def test_defender_is_never_perpetrator(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    key = seed.key("Raigul Sadyrbayeva")
    mine = [c for c in seed.analysis.claims if c.entity_key == key]
    assert len(mine) == 3
    assert all(c.part not in PERPETRATOR_PARTS for c in mine)
    tortured = seed.claim("Raigul Sadyrbayeva", "Raigul Sadyrbayeva was tortured")
    assert (tortured.category, tortured.part) == ("torture", "victim")
    assert seed.analysis.roles[key] == "human_rights_defender"
    assert key not in seed.analysis.deceased  # "threatened with being ... killed"


def test_shoot_to_kill_order(seeds: dict[str, Seed]) -> None:
    claim = seeds["001"].claim("Kassym-Jomart Tokayev", "gave the order “to shoot to kill")
    assert (claim.category, claim.part) == ("killing", "ordered")


def test_ombudswoman_covering_up(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    claim = seed.claim("Elvira Azimova", "Elvira Azimova covering up the crimes")
    assert (claim.category, claim.part) == ("cover_up", "complicit")
    unanswered = seed.claim("Elvira Azimova", "but there has been no response")
    assert (unanswered.category, unanswered.part) == ("cover_up", "complicit")
    assert seed.analysis.roles[seed.key("Elvira Azimova")] == "official"


def test_figurehead_concealing_assets(seeds: dict[str, Seed]) -> None:
    claim = seeds["001"].claim("Timur Turlov", "Turlov is a figurehead")
    assert (claim.category, claim.part) == ("laundering", "perpetrator")
    assert claim.attributed_to == "anonymous sources"


def test_helping_evade_sanctions(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    sentence = "to help Sberbank Kazakhstan evade the sanctions"
    turlov = seed.claim("Timur Turlov", sentence)
    assert (turlov.category, turlov.part) == ("sanctions_evasion", "perpetrator")
    bank = seed.claim("Sberbank Kazakhstan", sentence)
    assert bank.part == "beneficiary"


def test_skimming_is_corruption(seeds: dict[str, Seed]) -> None:
    claim = seeds["001"].claim("Timur Kulibayev", "“skimmed the cream off”")
    assert (claim.category, claim.part) == ("corruption", "perpetrator")
    assert claim.attributed_to == "the British newspaper the Financial Times"
    assert claim.date == "2020-12"


def test_unsupported_and_disproved_claims_of_an_official(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    claim = seed.claim("Kassym-Jomart Tokayev", "without providing any evidence of that")
    assert (claim.category, claim.part) == ("cover_up", "complicit")
    claim = seed.claim("Kassym-Jomart Tokayev", "disproving Tokayev’s claims")
    assert (claim.category, claim.part) == ("cover_up", "complicit")
    assert claim.attributed_to == "the General Prosecutor"


def test_regime_and_rule_make_the_leader_responsible(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    claim = seed.claim("Kassym-Jomart Tokayev", "continued the practice of political persecution")
    assert (claim.category, claim.part) == ("persecution", "complicit")
    sentence = "political repression against the opposition in Kazakhstan under Nursultan"
    claim = seed.claim("Nursultan Nazarbayev", sentence)
    assert (claim.category, claim.part) == ("persecution", "complicit")
    for name in ("Vladimir Kozlov", "Muratbek Ketebayev", "Mikhail Sizov"):
        assert seed.claim(name, sentence).part not in PERPETRATOR_PARTS


def test_list_lead_in_extends_to_first_item(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    claim = seed.claim("Timur Kulibayev", "a son-in-law of Nursultan Nazarbayev, Timur Kulibayev")
    passage = seed.source.text[claim.start : claim.end]
    assert passage.startswith("The Kazakhstani authorities are financing Russia’s war")
    assert passage.endswith("from “Sberbank Kazakhstan”.")
    assert (claim.category, claim.part) == ("sanctions_evasion", "perpetrator")
    assert claim.date == "2022-04-13"
    nazarbayev = seed.claim("Nursultan Nazarbayev", "a son-in-law of Nursultan Nazarbayev")
    assert nazarbayev.part not in PERPETRATOR_PARTS


def test_victims_and_deaths(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    killed = seed.claim("Nursultan Kuatbayev", "was killed on 7 January 2022")
    assert (killed.category, killed.part, killed.date) == ("killing", "victim", "2022-01-07")
    for name in ("Nursultan Kuatbayev", "Nurbolat Alpamys", "Aikorkem Meldekhan"):
        assert seed.key(name) in seed.analysis.deceased
    for name in ("Zhanel", "Bauyrzhan Meldekhan", "Akylzhan Kiysimbayev"):
        assert seed.key(name) not in seed.analysis.deceased
    assert seed.analysis.roles[seed.key("Sayat Adilbekuly")] == "victim"
    assert seed.analysis.roles[seed.key("Ayan Kalmurat")] == "journalist"


def test_positions_001(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    titles = {(p.entity_key, p.title, p.current) for p in seed.analysis.positions}
    kurmanov = seed.key("Azamat Kurmanov")
    assert (kurmanov, "prosecutor", None) in titles
    assert (kurmanov, "employee of the Prosecutor’s Office of Almaty", None) in titles
    dzhumadiyev = seed.key("Aset Dzhumadiyev")
    assert (dzhumadiyev, "head of pre-trial detention facility SI-18 in Almaty", None) in titles
    assert (seed.key("Nursultan Nazarbayev"), "President", False) in titles
    assert any(
        k == seed.key("Elvira Azimova") and t == "Commissioner for Human Rights"
        for k, t, _ in titles
    )
    for position in seed.analysis.positions:
        passage = seed.source.text[position.start : position.end]
        assert passage == passage.strip() and "\n" not in passage


def test_relations_001(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    relations = {
        (r.kind, r.subject_key, r.object_key, r.relationship) for r in seed.analysis.relations
    }
    assert (
        "family",
        seed.key("Nursultan Nazarbayev"),
        seed.key("Timur Kulibayev"),
        "son-in-law",
    ) in relations
    assert (
        "ownership",
        seed.key("Timur Turlov"),
        seed.key("Freedom Finance"),
        "owner",
    ) in relations
    assert any(
        kind == "employment" and subject == seed.key("Azamat Kurmanov")
        for kind, subject, _, _ in relations
    )


# --- seeds 000, 002, 003 ---------------------------------------------------------


def test_roles_000(seeds: dict[str, Seed]) -> None:
    seed = seeds["000"]
    roles = seed.analysis.roles
    assert roles[seed.key("Pavel Mikheyev")] == "journalist"
    assert roles[seed.key("Bill Browder")] == "activist"
    assert roles[seed.key("Jeff Sahadeo")] == "analyst_academic"
    assert roles[seed.key("Vladimir Putin")] == "foreign_official"
    assert seed.key("Sergei Magnitsky") in seed.analysis.deceased
    # "the late Russian whistle-blower": a figure of the past, flagged dead.
    assert roles[seed.key("Sergei Magnitsky")] == "historical"
    # The office's body or country sits left of the title words.
    for name in ("Mélanie Joly", "Jason Kung", "Michael Chong"):
        assert roles[seed.key(name)] == "foreign_official", name


def test_business_roles_and_foreign_descriptors(seeds: dict[str, Seed]) -> None:
    seed = seeds["001"]
    kulibayev = seed.key("Timur Kulibayev")
    assert seed.analysis.roles[kulibayev] == "business"
    titles = {(p.entity_key, p.title) for p in seed.analysis.positions}
    assert (kulibayev, "member of the Board of Directors of the Russian company") in titles
    seed = seeds["003"]
    # "billionaire son-in-law and former deputy state security chief": now business.
    assert seed.analysis.roles[seed.key("Timur Kulibayev")] == "business"
    nazarbayev = seed.key("Nursultan Nazarbayev")
    # "Nazarbayev’s billionaire son-in-law" describes the son-in-law, not him.
    assert all(
        "son-in-law" not in p.title for p in seed.analysis.positions if p.entity_key == nazarbayev
    )
    assert seed.analysis.roles[nazarbayev] == "official"


def test_ruler_of_a_government_is_an_official(seeds: dict[str, Seed]) -> None:
    seed = seeds["002"]
    assert seed.analysis.roles[seed.key("Tokayev")] == "official"


def test_sanctions_call_000(seeds: dict[str, Seed]) -> None:
    seed = seeds["000"]
    sentence = "impose sanctions on top Kazakh officials"
    browder = seed.claim("Bill Browder", sentence)
    assert (browder.category, browder.part) == ("sanctions_call", "advocate")
    for name in ("Kassym-Jomart Tokayev", "Nursultan Nazarbayev"):
        claim = seed.claim(name, sentence)
        assert (claim.category, claim.part) == ("sanctions_call", "accused")
        assert claim.attributed_to == "U.S.-born financier Bill Browder"
    order = seed.claim("Kassym-Jomart Tokayev", "authorized a shoot-to-kill order")
    assert (order.category, order.part) == ("killing", "ordered")


def test_signatories_002(seeds: dict[str, Seed]) -> None:
    seed = seeds["002"]
    names = [
        "Adam Hug",
        "Leila Seiitbek",
        "John Heathershaw",
        "Thomas Mayne",
        "James Nixey",
        "Eva van der Merwe",
        "Susan Hawley",
        "Anneke Van Woudenberg",
        "Duncan Hames",
        "Oliver Windridge",
        "Rupert Skilbeck",
    ]
    for name in names:
        assert seed.analysis.roles[seed.key(name)] == "advocate_signatory", name
    titles = {(p.entity_key, p.title) for p in seed.analysis.positions}
    assert (seed.key("John Heathershaw"), "Professor of International Relations") in titles


def test_sanctioned_under_magnitsky_003(seeds: dict[str, Seed]) -> None:
    seed = seeds["003"]
    claim = seed.claim("Timur Kulibayev", "Some individuals sanctioned under Magnitsky")
    assert (claim.category, claim.part) == ("sanctions_call", "accused")
    author = seed.key("Wilder Alejandro Sánchez")
    assert seed.analysis.roles[author] == "analyst_academic"


def test_every_claim_quotes_its_source(seeds: dict[str, Seed]) -> None:
    for seed in seeds.values():
        text = seed.source.text
        assert len(seed.analysis.claims) > 0
        ids = [c.id for c in seed.analysis.claims]
        assert len(ids) == len(set(ids))
        for claim in seed.analysis.claims:
            passage = text[claim.start : claim.end]
            assert passage == passage.strip()
            assert "\n\n" not in passage
            assert claim.start <= claim.mention_start < claim.mention_end <= claim.end
            mention = text[claim.mention_start : claim.mention_end]
            assert mention in passage
            assert claim.entity_key in seed.found.entities


def test_no_protected_person_is_perpetrator_side(seeds: dict[str, Seed]) -> None:
    protected = PROTECTED_ROLES
    for seed in seeds.values():
        for claim in seed.analysis.claims:
            if claim.part in PERPETRATOR_PARTS:
                assert seed.analysis.roles.get(claim.entity_key) not in protected


# --- hand-made sentences: the same frame gives the same part to any name ----------


@dataclass
class Found:
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, LocalEntity] = field(default_factory=dict)


def analyse(
    nlp: Language, text: str, names: dict[str, EntityLabel]
) -> tuple[SourceDocument, Found, DocumentAnalysis]:
    source = SourceDocument("test.txt", text, "0" * 40, SourceMeta())
    found = Found()
    for name, label in names.items():
        key = local_entity_key(source.content_hash, label, name.lower())
        schema: ActorSchema = "Person" if label == "PERSON" else "Organization"
        found.entities[key] = LocalEntity(key, schema, name)
        surname = name.split()[-1]
        pattern = (
            rf"\b{re.escape(name)}\b"
            if label == "ORG"
            else (rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b")
        )
        for match in re.finditer(pattern, text):
            found.mentions.append(Mention(match.start(), match.end(), match.group(0), label, key))
    found.mentions.sort(key=lambda m: m.start)
    return source, found, analyse_document(source, nlp(text), found)


def parts(nlp: Language, text: str, *names: str) -> dict[str, tuple[str, str]]:
    _source, found, analysis = analyse(nlp, text, dict.fromkeys(names, "PERSON"))
    out: dict[str, tuple[str, str]] = {}
    for claim in analysis.claims:
        out[found.entities[claim.entity_key].name] = (claim.category, claim.part)
    return out


@pytest.mark.parametrize(
    ("first", "second"), [("Ivan Sidorov", "Anna Petrova"), ("Anna Petrova", "Ivan Sidorov")]
)
def test_active_and_passive_voice(nlp: Language, first: str, second: str) -> None:
    active = parts(nlp, f"{first} tortured {second} in the police station.", first, second)
    assert active == {first: ("torture", "perpetrator"), second: ("torture", "victim")}
    passive = parts(nlp, f"{second} was arrested by {first} in May.", first, second)
    assert passive == {first: ("detention", "perpetrator"), second: ("detention", "victim")}


def test_negation_is_no_allegation(nlp: Language) -> None:
    found = parts(nlp, "Ivan Sidorov did not torture Anna Petrova.", "Ivan Sidorov", "Anna Petrova")
    assert found["Ivan Sidorov"][1] not in PERPETRATOR_PARTS
    assert found["Anna Petrova"][1] != "victim"


def test_orders_and_failures(nlp: Language) -> None:
    text = "Ivan Sidorov ordered the police to shoot the protesters."
    assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": ("killing", "ordered")}
    text = "Ivan Sidorov failed to investigate the killings of the protesters."
    assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": ("cover_up", "complicit")}
    text = "Ivan Sidorov was not held accountable for the killings."
    assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": ("cover_up", "accused")}


def test_reported_speech_and_advocacy(nlp: Language) -> None:
    text = "According to Maria Ivanova, Ivan Sidorov beat the detainees."
    _source, found, analysis = analyse(
        nlp, text, {"Maria Ivanova": "PERSON", "Ivan Sidorov": "PERSON"}
    )
    by_name = {found.entities[c.entity_key].name: c for c in analysis.claims}
    assert by_name["Maria Ivanova"].part == "source"
    assert (by_name["Ivan Sidorov"].category, by_name["Ivan Sidorov"].part) == (
        "torture",
        "perpetrator",
    )
    assert by_name["Ivan Sidorov"].attributed_to == "Maria Ivanova"
    text = "Maria Ivanova urged the government to impose sanctions on Ivan Sidorov."
    assert parts(nlp, text, "Maria Ivanova", "Ivan Sidorov") == {
        "Maria Ivanova": ("sanctions_call", "advocate"),
        "Ivan Sidorov": ("sanctions_call", "accused"),
    }


def test_journalist_role_and_death(nlp: Language) -> None:
    text = (
        "The journalist Anna Petrova was detained on 3 May 2021.\n"
        "Anna Petrova was killed in prison in 2022."
    )
    _source, found, analysis = analyse(nlp, text, {"Anna Petrova": "PERSON"})
    (key,) = found.entities
    assert analysis.roles[key] == "journalist"
    assert key in analysis.deceased
    assert [c.date for c in analysis.claims] == ["2021-05-03", "2022"]
    assert [c.category for c in analysis.claims] == ["detention", "killing"]


def test_unsupported_claims_need_an_office(nlp: Language) -> None:
    text = (
        "President Ivan Sidorov claimed that the city was attacked by foreign terrorists "
        "without providing any evidence."
    )
    assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": ("cover_up", "complicit")}
    text = "Minister Ivan Sidorov's claims were refuted by the commission."
    assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": ("cover_up", "complicit")}
    # A victim whose account is disputed is never made a perpetrator by it.
    text = "Anna Petrova claimed that she was tortured without providing any evidence."
    assert parts(nlp, text, "Anna Petrova")["Anna Petrova"][1] not in PERPETRATOR_PARTS
    text = "The police refuted Anna Petrova's claims of torture."
    assert parts(nlp, text, "Anna Petrova")["Anna Petrova"][1] not in PERPETRATOR_PARTS


def test_possessed_bodies_and_rule(nlp: Language) -> None:
    cases = {
        "Ivan Sidorov's government continued the persecution of journalists.": (
            "persecution",
            "complicit",
        ),
        "Ivan Sidorov's forces fired at the protesters.": ("killing", "complicit"),
        "Journalists were jailed under Ivan Sidorov.": ("detention", "complicit"),
        "Ivan Sidorov continued the practice of torture in the prison.": (
            "torture",
            "perpetrator",
        ),
    }
    for text, expected in cases.items():
        assert parts(nlp, text, "Ivan Sidorov") == {"Ivan Sidorov": expected}, text
    harmless = [
        "Ivan Sidorov's lawyer was arrested in May.",
        "Ivan Sidorov's family continued the campaign against torture.",
        "Anna Petrova studied law under Ivan Sidorov.",
        "Anna Petrova was arrested under Article 274 while Ivan Sidorov watched.",
    ]
    for text in harmless:
        found = parts(nlp, text, "Ivan Sidorov", "Anna Petrova")
        assert found["Ivan Sidorov"][1] not in PERPETRATOR_PARTS, text


def test_protected_descriptor_leaves_agency_unclear(nlp: Language) -> None:
    text = "Human rights defender Anna Petrova beat Ivan Sidorov."
    found = parts(nlp, text, "Anna Petrova", "Ivan Sidorov")
    assert found["Anna Petrova"] == ("torture", "unclear")
    assert "unclear" not in PERPETRATOR_PARTS


def test_passages_never_cross_lines(nlp: Language) -> None:
    text = "Ivan Sidorov\n\nIvan Sidorov beat Anna Petrova"
    _source, _found, analysis = analyse(
        nlp, text, {"Ivan Sidorov": "PERSON", "Anna Petrova": "PERSON"}
    )
    for claim in analysis.claims:
        assert "\n" not in text[claim.start : claim.end]


def test_passage_dates() -> None:
    assert passage_date("On 13 April 2022 a son-in-law purchased") == "2022-04-13"
    assert passage_date("In December 2020 the newspaper reported") == "2020-12"
    assert passage_date("on Jan. 12, 2022 the police") == "2022-01-12"
    assert passage_date("in 2011 the oil workers") == "2011"
    assert passage_date("more than $3 billion in assets") is None


def test_a_title_does_not_run_across_a_misread_verb(nlp: Language) -> None:
    text = (
        "US sanctions Ruritania head Pavel Vorontsev\n\n"
        "Liberal foreign-affairs critic Dana Morrow said the human rights defender Ilya "
        "Stepnov was arrested."
    )
    _source, found, analysis = analyse(
        nlp, text, dict.fromkeys(("Pavel Vorontsev", "Dana Morrow", "Ilya Stepnov"), "PERSON")
    )
    titles = {(found.entities[p.entity_key].name, p.title) for p in analysis.positions}
    assert ("Pavel Vorontsev", "Ruritania head") in titles
    assert not any("sanctions" in title for _, title in titles)
    assert ("Dana Morrow", "affairs critic") in titles  # a hyphened plural stays
