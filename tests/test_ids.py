from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.ids import SEPARATOR, ascii_slug, hash_parts, make_id, short_id

PART = st.text().filter(lambda s: SEPARATOR not in s)


def test_pinned_ids() -> None:
    # Changing these breaks every stored review decision: change deliberately only.
    assert make_id("doc", "ae5bf13b7d37ae8e") == "doc-f013978b6d9625daa155defdf879f4a9a9cd288c"
    assert hash_parts("a", 1) == hash_parts("a", "1")


@given(PART, PART, PART)
def test_separator_prevents_collisions(a: str, b: str, c: str) -> None:
    # ("a"+"b", "c") and ("a", "b"+"c") hash alike only when they are the same parts.
    assert (hash_parts(a + b, c) == hash_parts(a, b + c)) == (b == "")


def test_separator_rejected() -> None:
    with pytest.raises(ValueError, match="separator"):
        hash_parts("a" + SEPARATOR + "b")


@given(st.text(min_size=1))
def test_slug_is_safe_ascii(text: str) -> None:
    slug = ascii_slug(text)
    assert slug != ""
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "/" not in slug and ".." not in slug


def test_slug_examples() -> None:
    assert ascii_slug("Aset Dzhumadiyev") == "aset-dzhumadiyev"
    assert ascii_slug("Mélanie Joly") == "melanie-joly"
    assert ascii_slug("../../etc/passwd") == "etc-passwd"
    assert ascii_slug("Тоқаев") == "unnamed"


def test_short_id() -> None:
    assert short_id("person-3f9a1c0000") == "3f9a1c"
