"""Recording what a computation reads from a shared object, and checking it later."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.readset import ReadLog, still_valid, watch


@dataclass
class Knowledge:  # stands for the corpus's knowledge (a class of this package's tests)
    words: set[str] = field(default_factory=set)
    votes: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    uses: Counter[str] = field(default_factory=Counter)
    size: int = 0

    def is_common(self, word: str) -> bool:
        return word.lower() in self.words


def _decide(k: Knowledge, names: list[str]) -> list[str]:
    out = []
    for name in names:
        votes = k.votes[name]
        if not k.is_common(name) and votes["PERSON"] >= votes["ORG"] and k.uses[name] > 0:
            out.append(name)
    return out


def _knowledge() -> Knowledge:
    k = Knowledge({"the", "bank"}, size=3)
    k.votes["Petrov"]["PERSON"] += 2
    k.votes["Bank"]["ORG"] += 1
    k.uses.update(["Petrov", "Bank"])
    return k


def test_a_stand_in_gives_the_same_answers_and_records_them() -> None:
    k = _knowledge()
    log = ReadLog()
    assert _decide(watch(k, log), ["Petrov", "Bank", "Nobody"]) == ["Petrov"]
    assert "Nobody" not in k.votes  # the stand-in's defaultdict does not insert
    assert _decide(k, ["Petrov", "Bank", "Nobody"]) == ["Petrov"]
    probes = {(path, op, key) for path, op, key, _ in log.entries()}
    assert (".words", "in", "petrov") in probes and (".votes", "at", "Nobody") in probes
    assert (".size", "all", None) in probes  # not a container: recorded whole


def test_only_changes_to_facts_read_invalidate() -> None:
    k = _knowledge()
    log = ReadLog()
    _decide(watch(k, log), ["Petrov"])
    entries = log.entries()
    other = _knowledge()
    other.words.add("astana")  # a word the computation never looked up
    other.votes["Tokayev"]["PERSON"] += 1
    assert still_valid(other, entries, {})
    other.uses["Petrov"] += 1  # a fact it read
    assert not still_valid(other, entries, {})
    changed = _knowledge()
    changed.words.add("petrov")
    assert not still_valid(changed, entries, {})


def test_iterating_a_container_depends_on_all_of_it() -> None:
    k = _knowledge()
    log = ReadLog()
    assert sorted(watch(k, log).words) == ["bank", "the"]
    other = _knowledge()
    other.words.add("astana")
    assert not still_valid(other, log.entries(), {})
    log2 = ReadLog()
    assert watch(k, log2).words | {"x"} == {"bank", "the", "x"}
    assert not still_valid(other, log2.entries(), {})
