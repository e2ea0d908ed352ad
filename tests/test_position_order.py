"""The summary opens with the position most sources give, not the first one read."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from dossier.profile import PositionHeld, SourceRef
from dossier.render.sections.basis import Basis
from dossier.render.sections.positions import position_list


def _source(n: int) -> SourceRef:
    return SourceRef(f"doc-{n}", "Document", f"Report {n}", None, (), None, None, None, None, None)


def _held(title: str, source: int) -> PositionHeld:
    return PositionHeld(title, (), None, None, None, _source(source), None)


def test_the_position_more_documents_give_comes_first() -> None:
    held = [
        _held("Chair of the Senate", 1),  # read first, one document
        _held("Valdorian President", 2),
        _held("President", 3),  # a bare title counts for the longer one
        _held("Prime Minister", 1),
    ]
    basis = cast(
        Basis, SimpleNamespace(p=SimpleNamespace(positions=held), find_note=lambda _: None)
    )
    titles = [p.title for p in position_list(basis)]
    assert titles == ["Valdorian President", "Chair of the Senate", "Prime Minister"]
