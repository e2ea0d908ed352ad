"""A target the sources name by one name only is proposed with a visible warning:
in `dossier targets`, on the dossier's cover and in its summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from followthemoney.dataset import Dataset

from dossier.clusters import group_entities
from dossier.export import ENTITIES_FILE, build_entities, write_entities
from dossier.profile import EntityStore, build_profile
from dossier.render import RenderOptions, render_dossier_html
from dossier.resolve.names import one_name_only
from dossier.review import ReviewDecisions
from dossier.targets import Target, assess_all
from tests.factories import DocBuilder

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "The ministry's guards beat detainees at the Northern Camp.\n"
    "Colonel Teodor Halvik ordered the beatings of detainees.\n"
    "His deputy Ruslan tortured detainees at the camp.\n"
)
WARNING = (
    "known in the sources only as “Ruslan”: one name does not identify a person for "
    "designation; establish the full name before submitting"
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Ruslan"], "Ruslan"),
        (["Colonel Ruslan"], "Ruslan"),
        (["Halvik-Soto"], "Halvik-Soto"),  # a compound surname alone
        (["T. Halvik", "Halvik"], "T. Halvik"),  # an initial: still not the full name
        (["Ruslan", "Ruslan Halvik"], None),
        (["Teodor Ruslanovich Halvik"], None),
        (["金正哲"], None),  # written without spaces in its script
    ],
)
def test_one_name_only(names: list[str], expected: str | None) -> None:
    assert one_name_only(names) == expected


def _build(tmp_path: Path) -> tuple[list[Target], EntityStore]:
    builder = DocBuilder("report.txt", TEXT)
    halvik = builder.entity("Teodor Halvik", role="official")
    ruslan = builder.entity("Ruslan", role="official")
    builder.claim(halvik, TEXT.splitlines()[1], "torture", "accused")
    builder.claim(ruslan, TEXT.splitlines()[2], "torture", "accused")
    extractions = [builder.extraction]
    clusters = group_entities(extractions, {})
    targets = assess_all(clusters, ReviewDecisions())
    export = build_entities(
        extractions, clusters, {}, targets, ReviewDecisions(), Dataset({"name": "t", "title": "T"})
    )
    write_entities(export.entities, tmp_path / ENTITIES_FILE)
    return targets, EntityStore.load(tmp_path / ENTITIES_FILE)


def test_a_target_known_by_one_name_is_proposed_with_a_warning(tmp_path: Path) -> None:
    targets, _ = _build(tmp_path)
    by_name = {t.name: t for t in targets}
    assert by_name["Ruslan"].status == "candidate"
    assert by_name["Ruslan"].warnings == [WARNING]
    assert by_name["Teodor Halvik"].warnings == []


def test_the_dossier_cover_and_summary_ask_for_the_full_name(tmp_path: Path) -> None:
    _, store = _build(tmp_path)
    options = RenderOptions(templates_dir=ROOT / "templates", date=dt.date(2024, 5, 1))
    people = {str(p.get("name")[0]): str(p.id) for p in store.by_schema("Person")}
    ruslan = build_profile(store, people["Ruslan"])
    halvik = build_profile(store, people["Teodor Halvik"])
    assert ruslan.one_name == "Ruslan" and halvik.one_name is None
    html = render_dossier_html(ruslan, store, options)
    cover = html[html.index('class="cover"') : html.index('class="toc"')]
    assert '<span class="identify-label">IDENTIFY</span>' in cover
    assert "The sources name this person only as “Ruslan”." in cover
    assert "establish the full name, and if possible the date of birth" in html
    other = render_dossier_html(halvik, store, options)
    assert "IDENTIFY" not in other and "name this person only as" not in other
