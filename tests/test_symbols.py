"""Name symbols kept between builds (``dossier.resolve.symbols``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.cache import CacheStore
from dossier.resolve import parts, symbols
from dossier.resolve.catalog import CatalogEntry


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(parts, "KNOWN", {})
    monkeypatch.setattr(parts, "LEARNED", {})
    parts.name_symbols.cache_clear()
    yield
    parts.name_symbols.cache_clear()


def test_symbols_found_once_are_reused_without_the_tagger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean: None
) -> None:
    cache = CacheStore(tmp_path)
    assert not symbols.load(cache)
    found = {t: parts.name_symbols(t) for t in ("Nurlan", "Bekova", "Zz")}
    assert found["Nurlan"] != frozenset() and found["Zz"] == frozenset()
    assert set(parts.LEARNED) == {"Nurlan", "Bekova", "Zz"}
    symbols.save(cache)

    # The next build: a new process knows nothing, and the tagger must not be asked.
    monkeypatch.setattr(parts, "KNOWN", {})
    monkeypatch.setattr(parts, "LEARNED", {})
    parts.name_symbols.cache_clear()

    def no_tagger(token: str) -> frozenset[str]:
        raise AssertionError(f"the tagger was asked about {token}")

    monkeypatch.setattr(parts, "_analysed_symbols", no_tagger)
    assert symbols.load(cache)
    assert {t: parts.name_symbols(t) for t in found} == found
    assert parts.LEARNED == {}
    with pytest.raises(AssertionError, match="Aidos"):
        parts.name_symbols("Aidos")  # a token no build has seen goes to the tagger


def test_a_damaged_memo_is_ignored(tmp_path: Path, clean: None) -> None:
    cache = CacheStore(tmp_path)
    cache.put(symbols.KIND, symbols.memo_key(), b"\x93not a map")
    assert not symbols.load(cache)
    assert parts.KNOWN == {}
    assert cache.get(symbols.KIND, symbols.memo_key()) is None


def _person(key: str, name: str, *aliases: str) -> CatalogEntry:
    return CatalogEntry(key, "Person", name, aliases, f"{key}.txt", "hash")


def test_a_catalog_is_all_known_only_when_every_person_name_token_is(clean: None) -> None:
    parts.KNOWN.update({"nurlan": frozenset({"N1"}), "bekov": frozenset()})
    known = [
        _person("a", "Nurlan Bekov"),
        _person("b", "N. Bekov"),  # an initial needs no symbols
        CatalogEntry("c", "Organization", "Zarqan Trading House", (), "c.txt", "hash"),
    ]
    assert symbols.all_known(known)
    assert not symbols.all_known([*known, _person("d", "Bekov", "Aidos Bekov")])  # an alias
    with_parts = CatalogEntry(
        "e", "Person", "Bekov", (), "e.txt", "hash", first_name="Timur", last_name="Bekov"
    )
    assert not symbols.all_known([*known, with_parts])  # first and last name as given
