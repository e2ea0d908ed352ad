"""Plain-data records: dataclasses to msgpack and back, strictly typed, no code."""

from __future__ import annotations

import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from dossier import codec
from dossier.model import Claim, Extraction, LocalEntity, Mention, SourceDocument, SourceMeta, Span
from dossier.resolve import PendingPair, Resolution


@dataclass
class _Record:
    kind: Literal["a", "b"]
    counts: Counter[str] = field(default_factory=Counter)
    pairs: dict[tuple[str, str], str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    path: Path | None = None
    score: float = 0.0


def _extraction() -> Extraction:
    source = SourceDocument(
        "a.txt", "Mr Petrov beat him.", "ab" * 20, SourceMeta(title="T", authors=("X",)),
        (Span(0, 2),),
    )
    entity = LocalEntity("local-1", "Person", "Ivan Petrov", {"Petrov", "I. Petrov"})
    return Extraction(
        source=source,
        extractor="dossier-test",
        mentions=[Mention(3, 9, "Petrov", "PERSON", "local-1")],
        entities={"local-1": entity},
        claims=[Claim("ab" * 20, "local-1", 0, 19, 3, 9, "torture", "perpetrator")],
        roles={"local-1": "alleged_perpetrator"},
        deceased={"local-1"},
    )


def test_extraction_round_trips_exactly() -> None:
    extraction = _extraction()
    data = codec.encode([extraction])
    assert codec.decode(list[Extraction], data) == [extraction]
    assert codec.encode(codec.decode(list[Extraction], data)) == data  # deterministic


def test_resolution_with_tuple_keys_round_trips() -> None:
    resolution = Resolution(
        {"local-1": "person-1"},
        [PendingPair("local-1", "local-2", "A", "B", 0.5, "why")],
        reasons={("local-1", "local-2"): "same name"},
    )
    assert codec.decode(Resolution, codec.encode(resolution)) == resolution


def test_counters_sets_paths_and_literals() -> None:
    record = _Record("a", Counter({"x": 2}), {("p", "q"): "r"}, {"n", "m"}, [(1, 2)], Path("t/u"))
    back = codec.decode(_Record, codec.encode(record))
    assert back == record and isinstance(back.counts, Counter) and back.spans == [(1, 2)]


def test_values_outside_the_type_hints_are_refused() -> None:
    bad = codec.encode({"kind": "c"})
    with pytest.raises(codec.CodecError, match="'c' is not one of"):
        codec.decode(_Record, bad)
    with pytest.raises(codec.CodecError, match="no fields"):
        codec.decode(_Record, codec.encode({"kind": "a", "command": "rm -rf /"}))
    with pytest.raises(codec.CodecError, match="expected int"):
        codec.decode(list[int], codec.encode(["1"]))


def test_a_pickle_is_not_data() -> None:
    with pytest.raises(codec.CodecError):
        codec.decode(list[Extraction], pickle.dumps([_extraction()]))
    with pytest.raises(codec.CodecError, match="cannot encode"):
        codec.encode(object())
