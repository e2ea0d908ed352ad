"""``find_terms`` finds what one big regular-expression alternation would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.extract.terms import TermIndex, find_terms


def by_regex(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """The implementation ``find_terms`` replaces."""
    terms = {t.replace("\u00a0", " ") for t in terms if len(t) >= 2}
    if len(terms) == 0:
        return []
    pattern = re.compile(
        r"(?<![\w\-’'.])(?:"
        + "|".join(
            re.escape(t).replace(r"\ ", r"[ \u00a0]") for t in sorted(terms, key=len, reverse=True)
        )
        + r")(?![\w])"
    )
    return [m.span() for m in pattern.finditer(text)]


def test_longest_name_wins_and_word_boundaries_hold() -> None:
    text = "Kairat Tokayev met Tokayev-era officials, not Tokayevs, and Kairat\u00a0Tokayev left."
    index = TermIndex(["Tokayev", "Kairat Tokayev", "Kairat"])
    found = [text[s:e] for s, e in find_terms(text, [index])]
    # "Tokayev-era" is found (the caller decides about hyphens); "Tokayevs" is not.
    assert found == ["Kairat Tokayev", "Tokayev", "Kairat\u00a0Tokayev"]


def test_names_from_two_indexes_compete_on_length() -> None:
    text = "Sberbank Kazakhstan and Sberbank."
    found = find_terms(text, [TermIndex(["Sberbank"]), TermIndex(["Sberbank Kazakhstan"])])
    assert [text[s:e] for s, e in found] == ["Sberbank Kazakhstan", "Sberbank"]


ALPHABET = "ab AB-.'’\u00a0_é1"
words = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.sets(words, max_size=8))
def test_same_occurrences_as_the_regular_expression(text: str, terms: set[str]) -> None:
    assert find_terms(text, [TermIndex(terms)]) == by_regex(text, terms)


def test_a_document_reads_only_the_names_made_of_its_own_words() -> None:
    from dossier.readset import ReadLog, still_valid, watch

    text = "Officials of the Ministry of Internal Affairs of Karaganda said so."
    index = TermIndex(["Ministry of Internal Affairs", "Ministry of Internal Trade"])
    reads = ReadLog()
    assert find_terms(text, [watch(index, reads)]) == [(17, 45)]
    entries = reads.entries()
    # Names that begin with the same words but go on with others: still valid.
    for more in ["Ministry of Internal Trade of Kostanay", "Ministry of Internal Security"]:
        grown = TermIndex(["Ministry of Internal Affairs", "Ministry of Internal Trade", more])
        assert still_valid(grown, entries, {}), more
        assert find_terms(text, [grown]) == [(17, 45)]
    # A longer name the text holds: read again, and it is found.
    longer = "Ministry of Internal Affairs of Karaganda"
    grown = TermIndex(["Ministry of Internal Affairs", longer])
    assert not still_valid(grown, entries, {})
    assert find_terms(text, [grown]) == [(17, 17 + len(longer))]
