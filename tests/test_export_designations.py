"""A reported designation through export, the profile and section 10 of the dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from followthemoney.dataset import Dataset

from dossier.clusters import group_entities
from dossier.export import ENTITIES_FILE, build_entities, write_entities
from dossier.model import Designation
from dossier.profile import EntityStore, build_profile
from dossier.review import ReviewDecisions
from dossier.targets import assess_all
from tests.factories import DocBuilder

SENTENCE = (
    "Today, OFAC designated Ivan Sidorov under E.O. 13818 for his involvement in the "
    "killing of Anna Petrova."
)


def _export(tmp_path: Path) -> EntityStore:
    builder = DocBuilder("release.txt", f"Sanctions release.\n{SENTENCE}\n")
    sidorov = builder.entity("Ivan Sidorov", role="official")
    claim = builder.claim(sidorov, SENTENCE, "killing", "accused", date="2024-03-14")
    claim = replace(
        claim,
        attributed_to="U.S. Treasury, Office of Foreign Assets Control (OFAC)",
        frame="designated-for",
        signals=("frame:designated-for",),
    )
    builder.extraction.claims = [claim]
    builder.extraction.designations.append(
        Designation(
            content_hash=claim.content_hash,
            entity_key=sidorov.key,
            start=claim.start,
            end=claim.end,
            mention_start=claim.mention_start,
            mention_end=claim.mention_end,
            frame="designated-for",
            authority="U.S. Treasury, Office of Foreign Assets Control (OFAC)",
            program="E.O. 13818",
            program_id="US-GLOMAG",
            date="2024-03-14",
            reason="for his involvement in the killing of Anna Petrova",
        )
    )
    extractions = [builder.extraction]
    clusters = group_entities(extractions, {})
    review = ReviewDecisions()
    targets = assess_all(clusters, review)
    export = build_entities(
        extractions, clusters, {}, targets, review, Dataset({"name": "test", "title": "Test"})
    )
    write_entities(export.entities, tmp_path / ENTITIES_FILE)
    return EntityStore.load(tmp_path / ENTITIES_FILE)


def test_designation_is_a_sanction_linked_to_person_and_evidence(tmp_path: Path) -> None:
    store = _export(tmp_path)
    sanctions = store.by_schema("Sanction")
    assert len(sanctions) == 1
    sanction = sanctions[0]
    person = store.by_schema("Person")[0]
    evidence = store.by_schema("Documentation")[0]
    assert sanction.get("entity") == [person.id]
    assert sanction.get("authority") == ["U.S. Treasury, Office of Foreign Assets Control (OFAC)"]
    assert sanction.get("program") == ["E.O. 13818"]
    assert sanction.get("programId") == ["US-GLOMAG"]
    assert sanction.get("startDate") == ["2024-03-14"]
    assert sanction.get("reason") == ["for his involvement in the killing of Anna Petrova"]
    assert sanction.get("summary") == [SENTENCE]
    assert sanction.get("recordId") == evidence.get("recordId")
    assert "Read as: designated-for" in evidence.get("description")


def test_profile_and_section_10_show_the_designation(tmp_path: Path) -> None:
    store = _export(tmp_path)
    profile = build_profile(store, str(store.by_schema("Person")[0].id))
    assert len(profile.designations) == 1
    item = profile.designations[0]
    assert (item.authority, item.program, item.program_id, item.date) == (
        "U.S. Treasury, Office of Foreign Assets Control (OFAC)",
        "E.O. 13818",
        "US-GLOMAG",
        "2024-03-14",
    )
    assert item.frame == "designated-for"
    assert [e.frame for e in profile.evidence] == ["designated-for"]
    assert profile.evidence[0].is_allegation

    from dossier.render.options import RenderOptions
    from dossier.render.sections import designations
    from dossier.render.sections.basis import Basis

    basis = Basis(store, profile, RenderOptions(templates_dir=tmp_path, date=dt.date(2024, 4, 1)))
    rows = designations.existing(basis)
    assert [(r.authority, r.program, r.reason) for r in rows] == [
        (
            "U.S. Treasury, Office of Foreign Assets Control (OFAC)",
            "E.O. 13818 (US-GLOMAG)",
            "for his involvement in the killing of Anna Petrova",
        )
    ]
    assert rows[0].note.passage == SENTENCE
