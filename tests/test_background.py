"""Resolution in a forked, warmed-up process gives what resolving here gives; errors come back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.resolve import resolve_entries
from dossier.resolve.background import BackgroundResolver
from dossier.resolve.catalog import CatalogEntry, catalog_entries
from dossier.resolve.decisions import make_decision
from tests.test_resolve import doc, entity, extraction


def _entries() -> list[CatalogEntry]:
    one, two, three = doc("a.txt", "one"), doc("b.txt", "two"), doc("c.txt", "three")
    return catalog_entries(
        [
            extraction(one, entity(one, "Aleksandr Ivanov")),
            extraction(two, entity(two, "Alexander Ivanov")),
            extraction(three, entity(three, "Olga Ivanova"), entity(three, "Nurlan Bekov")),
        ]
    )


def test_the_child_resolves_exactly_as_this_process_does(tmp_path: Path) -> None:
    entries = _entries()
    apart = [make_decision("no_match", entries[0], entries[1], "reviewer", "2026-01-01T00:00Z")]
    for decisions, people in (([], 3), (apart, 4)):
        here = resolve_entries(entries, decisions, "sqlite://", score=False)
        with BackgroundResolver() as background:
            there = background.resolve_entries(entries, decisions, "sqlite://", score=False)
        assert there == here
        # Aleksandr and Alexander Ivanov are one person, unless a reviewer keeps them apart
        assert len(set(here.canonical.values())) == people


def test_an_error_in_the_child_is_raised_here() -> None:
    entries = _entries()
    with BackgroundResolver() as background, pytest.raises(ValueError, match="appears twice"):
        background.resolve_entries([*entries, entries[0]], [], "sqlite://", score=False)


def test_a_child_that_is_never_asked_stops_with_the_build() -> None:
    background = BackgroundResolver()
    process = background._process
    background.close()
    assert process is None or not process.is_alive()


def test_a_child_still_warming_up_is_stopped_at_once_when_not_needed() -> None:
    background = BackgroundResolver(warm=True)
    process = background._process
    background.discard()  # it may be loading the tagger: no waiting for it to finish
    assert process is None or (not process.is_alive() and process.exitcode is not None)
    # Asked anyway, it resolves in this process, exactly as resolving here does.
    entries = _entries()
    here = resolve_entries(entries, [], "sqlite://", score=False)
    assert background.resolve_entries(entries, [], "sqlite://", score=False) == here
