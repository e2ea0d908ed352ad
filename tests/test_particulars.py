"""A list entry's particulars (DOB, POB, nationality ...) as identifiers, with evidence.

Every text here is written for the test; the names are made up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.build import QuietReporter, run_build
from dossier.extract.corpus import extract_docs
from dossier.extract.particulars import parse_date
from dossier.render.sections.identification import written_forms
from tests.test_names_hold import _source
from tests.web_corpus import settings_for

RELEASE = (
    "Treasury designates officials\n\n"
    "The following individuals have been added to the SDN List: VORONTSEV, Pavel Igorevich "
    "(a.k.a. WORONZOW, Pawel Igorewitsch); DOB 14 Feb 1969; POB Tula, Russia; nationality "
    "Russia; Gender Male; Passport 7012345678 (individual). BEKTURGANOVA, Dana Serikovna; "
    "DOB circa 1975; nationality Atlantis.\n\n"
    "Officials said Vorontsev ordered the arrests of protesters in Tula in 2021.\n"
)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("14 Feb 1969", "1969-02-14"),
        ("4 February 1969", "1969-02-04"),
        ("February 4, 1969", "1969-02-04"),
        ("Feb 1969", "1969-02"),
        ("1969", "1969"),
        ("31 Feb 1969", None),  # no such day: left out, not guessed
        ("circa 1969", None),
        ("14 Fbr 1969", None),
    ],
)
def test_dates_of_birth_are_read_strictly(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_a_list_entry_gives_identifiers_with_their_passage(nlp: Language) -> None:
    source = _source("release.txt", RELEASE)
    extraction = extract_docs([source], [nlp(source.analysis_text())], "test")[0]
    by_entity: dict[str, dict[str, str]] = {}
    for fact in extraction.identifiers:
        name = extraction.entities[fact.entity_key].name
        by_entity.setdefault(name, {})[fact.prop] = fact.value
        passage = RELEASE[fact.start : fact.end]
        assert passage.startswith(("VORONTSEV, Pavel", "BEKTURGANOVA, Dana"))
        assert fact.written in passage
    assert by_entity == {
        "Pavel Igorevich Vorontsev": {
            "birthDate": "1969-02-14",
            "birthPlace": "Tula, Russia",
            "nationality": "ru",
            "gender": "male",
            "passportNumber": "7012345678",
        },
        # "circa 1975" and a country FtM does not know are left out, not guessed.
    }
    # The parser cuts "DOB 14 | Feb 1969"; the entry is one evidence passage again.
    quoted = [RELEASE[c.start : c.end] for c in extraction.claims]
    assert any("VORONTSEV, Pavel" in q and "Passport 7012345678" in q for q in quoted)


def test_identifiers_reach_the_export(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.seeds_dir.mkdir(parents=True)
    (settings.seeds_dir / "release.txt").write_text(RELEASE, encoding="utf-8")
    run_build(settings, QuietReporter(), render=False)
    entities = [
        json.loads(line)
        for line in (settings.entities_dir / "entities.ftm.json").read_text().splitlines()
    ]
    pavel = next(
        e for e in entities if e["properties"].get("name") == ["Pavel Igorevich Vorontsev"]
    )
    props = pavel["properties"]
    assert (props["birthDate"], props["birthPlace"], props["nationality"]) == (
        ["1969-02-14"],
        ["Tula, Russia"],
        ["ru"],
    )
    assert (props["gender"], props["passportNumber"], props["fatherName"]) == (
        ["male"],
        ["7012345678"],
        ["Igorevich"],
    )


def test_the_identification_table_finds_an_identifier_as_written() -> None:
    assert written_forms("birthDate", "1969-02-04")[:3] == [
        "04 Feb 1969",
        "4 Feb 1969",
        "Feb 4, 1969",
    ]
    assert "4 February 1969" in written_forms("birthDate", "1969-02-04")
    assert written_forms("birthDate", "1969-02") == ["February 1969", "Feb 1969"]
    assert written_forms("nationality", "Russia")[0] == "nationality Russia"
    assert written_forms("birthPlace", "Tula, Russia") == ["Tula, Russia"]
