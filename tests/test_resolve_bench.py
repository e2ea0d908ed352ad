"""The resolution benchmark on the hand annotation: no false merges, ever."""

from __future__ import annotations

from dossier.bench.resolution import (
    TRAPS,
    annotated_extractions,
    measure,
    measure_reviewed_people,
    synthetic_extractions,
)


def test_annotation_has_no_false_merges() -> None:
    extractions, gold = annotated_extractions()
    figures, _, problems = measure(extractions, gold)
    assert figures.false_merges == 0, problems
    assert figures.split <= 4, problems  # surname-only mentions across documents stay pending
    assert figures.pending_true == figures.pending  # every pending pair is a real question


def test_synthetic_traps_have_no_false_merges() -> None:
    extractions, gold = synthetic_extractions(TRAPS, "Person", False, "traps")
    figures, _, problems = measure(extractions, gold)
    assert figures.false_merges == 0, problems


def test_people_are_whole_after_the_repositorys_identity_decisions() -> None:
    figures, _, problems = measure_reviewed_people()
    assert (figures.false_merges, figures.split) == (0, 0), problems
    assert figures.entities == 180
