"""Candidate pairs and the strict auto-merge rule.

No matcher score ever merges two entities here (STACK.md: none is safe on these
names). Two entities merge only when their names agree after normalisation and
transliteration (``names.skeleton``) and nothing contradicts. Everything else
that looks alike becomes a pending pair for a human.

Persons
- *Strong* merge: two full names (given name and surname) that spell the same
  after transliteration, in any token order or hyphenation (Kassym-Jomart /
  Kassym Zhomart-Tokayev), or whose surnames differ by one vowel or one swap
  (Ablyazov / Ablayazov) while everything else is equal.
- *Apart* (recorded as a rule judgement, blocks transitive merges): the same
  surname with clearly different given names (family members), or a masculine
  and a feminine form of the surname (Kulibayev / Kulibayeva).
- *Weak* merge: a surname alone merges with the one full name in the same
  document that has that surname; "T. Kulibayev" merges with the one given name
  starting with T that the corpus knows for that surname. Never across
  documents for a surname alone, never for a given name alone, never when two
  candidates exist: those go to pending.
Organisations
- *Strong*: the same name after normalisation (Organisation/Organization), or
  one token differing by one vowel or one swap (Samruk-Kazyna / Samruk-Kaznya).
- *Weak*: a name that is another organisation's alias or a document-defined
  acronym ("CSTO"), when exactly one organisation carries it.
- *Pending*: two names that share an alias but differ (Sberbank Russia /
  Sberbank Kazakhstan), or an acronym or name of two words or more that is the
  other name minus its last word (VTB / VTB Kazakhstan, OSCE / OSCE PA).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from dossier.resolve.catalog import CatalogEntry
from dossier.resolve.names import (
    PersonForm,
    deletion_keys,
    edit_variant,
    is_acronym,
    org_key,
    person_form,
)

Outcome = Literal["merge", "pending", "apart", "none"]


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str = ""


NONE = Verdict("none")


@dataclass
class Profile:
    """An entry with its names parsed for matching."""

    entry: CatalogEntry
    full: list[PersonForm] = field(default_factory=list)
    initials: list[PersonForm] = field(default_factory=list)
    singles: list[PersonForm] = field(default_factory=list)
    royal: list[PersonForm] = field(default_factory=list)
    org_primary: str = ""
    org_names: set[str] = field(default_factory=set)  # primary, aliases, acronyms

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def is_person(self) -> bool:
        return self.entry.schema_class == "person"

    @property
    def kind(self) -> str:
        """How the entity is named at its fullest: full, royal, initial, single or empty."""
        if not self.is_person:
            return "org"
        for kind, forms in (
            ("full", self.full),
            ("royal", self.royal),
            ("initial", self.initials),
            ("single", self.singles),
        ):
            if len(forms) > 0:
                return kind
        return "empty"

    def blocking_keys(self) -> set[str]:
        keys: set[str] = set()
        if self.is_person:
            for form in (*self.full, *self.initials, *self.singles, *self.royal):
                for part in form.parts:
                    keys.update(f"p:{k}" for k in deletion_keys(part))
        else:
            for name in self.org_names:
                for part in name.split(" "):
                    keys.update(f"o:{k}" for k in deletion_keys(part))
        return keys


def _person_names(entry: CatalogEntry) -> list[str]:
    names = list(entry.names)
    if entry.first_name is not None and entry.last_name is not None:
        names.append(f"{entry.first_name} {entry.last_name}")
    return names


def profile(entry: CatalogEntry) -> Profile:
    result = Profile(entry)
    if entry.schema_class == "person":
        seen: set[tuple[str | None, tuple[str, ...], bool]] = set()
        for text in _person_names(entry):
            form = person_form(text)
            if form is None or (form.initial, form.parts, form.royal) in seen:
                continue
            seen.add((form.initial, form.parts, form.royal))
            if form.royal:
                result.royal.append(form)
            elif form.initial is not None:
                result.initials.append(form)
            elif form.is_full:
                result.full.append(form)
            else:
                result.singles.append(form)
    else:
        result.org_primary = org_key(entry.name)
        result.org_names = {org_key(n) for n in (*entry.names, *entry.acronyms)} - {""}
    return result


def _same_surname(a: str, b: str) -> bool:
    return a == b or edit_variant(a, b)


def _gendered(a: str, b: str) -> bool:
    """Masculine and feminine forms of one surname (Kulibayev / Kulibayeva)."""
    return a + "a" == b or b + "a" == a


def _given_close(a: str, b: str) -> bool:
    """Given names that might be one name: a prefix or a one-letter vowel/swap variant."""
    return a.startswith(b) or b.startswith(a) or edit_variant(a, b)


def compare_full(f: PersonForm, g: PersonForm) -> Verdict:
    """Two full names."""
    if _gendered(f.surname, g.surname) or _gendered(f.given, g.given):
        return Verdict("apart", "masculine and feminine forms of the name")
    if f.joined == g.joined or sorted(f.parts) == sorted(g.parts):
        return Verdict("merge", "same name after transliteration")
    if len(f.parts) == len(g.parts):
        diffs = [(x, y) for x, y in zip(f.parts, g.parts, strict=True) if x != y]
        if len(diffs) == 1 and diffs[0] == (f.surname, g.surname) and edit_variant(*diffs[0]):
            return Verdict("merge", "surname spelling variant")
    if _same_surname(f.surname, g.surname):
        if f.given != g.given:
            if _given_close(f.given, g.given):
                return Verdict("pending", "same surname, given names nearly agree")
            return Verdict("apart", "same surname, different given names")
        return Verdict("pending", "same given name and surname, other names differ")
    return NONE


def compare_persons(a: Profile, b: Profile) -> Verdict:
    """Strong-tier comparison of two persons named in full (or royal names)."""
    if len(a.royal) > 0 and len(b.royal) > 0:
        if {f.joined for f in a.royal} & {g.joined for g in b.royal}:
            return Verdict("merge", "same name")
        return NONE
    if len(a.full) == 0 or len(b.full) == 0:
        return NONE
    verdicts = [compare_full(f, g) for f in a.full for g in b.full]
    outcomes = {v.outcome for v in verdicts}
    for outcome in ("apart", "merge", "pending"):
        if outcome in outcomes:
            verdict = next(v for v in verdicts if v.outcome == outcome)
            break
    else:
        return NONE
    countries = (a.entry.country, b.entry.country)
    if verdict.outcome == "merge" and None not in countries and countries[0] != countries[1]:
        return Verdict("pending", "names agree but the countries differ")
    return verdict


def compare_orgs(a: Profile, b: Profile) -> Verdict:
    """Strong-tier comparison of two organisations, plus the pending look-alikes."""
    if a.org_primary == "" or b.org_primary == "":
        return NONE
    if a.org_primary == b.org_primary:
        return Verdict("merge", "same name after normalisation")
    pa, pb = a.org_primary.split(" "), b.org_primary.split(" ")
    if len(pa) == len(pb):
        diffs = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
        if len(diffs) == 1 and edit_variant(*diffs[0]):
            return Verdict("merge", "name spelling variant")
    shared = (a.org_names & b.org_names) - {a.org_primary, b.org_primary}
    if len(shared) > 0 and not _is_short(a) and not _is_short(b):
        return Verdict("pending", f"different names sharing the alias {sorted(shared)[0]!r}")
    if a.entry.content_hash != b.entry.content_hash:
        short, long_ = (a, b) if len(pa) < len(pb) else (b, a)
        shorter, longer = short.org_primary.split(" "), long_.org_primary.split(" ")
        telling = len(shorter) >= 2 or is_acronym(short.entry.name)
        if telling and len(longer) == len(shorter) + 1 and longer[:-1] == shorter:
            return Verdict("pending", "one name is the other plus one word")
    return NONE


def _is_short(p: Profile) -> bool:
    """An organisation known by an acronym or a single word only."""
    return is_acronym(p.entry.name) or len(p.org_primary.split(" ")) == 1


def candidate_pairs(profiles: Sequence[Profile]) -> list[tuple[Profile, Profile]]:
    """Pairs of the same class that share a name token (or a one-letter variant)."""
    index: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        for key in p.blocking_keys():
            index.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 200:  # a token so common it says nothing ("bank")
            continue
        for i, j in combinations(sorted(set(members)), 2):
            if profiles[i].entry.schema_class == profiles[j].entry.schema_class:
                pairs.add((i, j))
    ordered = sorted(pairs, key=lambda ij: (profiles[ij[0]].key, profiles[ij[1]].key))
    return [(profiles[i], profiles[j]) for i, j in ordered]


def compare(a: Profile, b: Profile) -> Verdict:
    """The strong-tier verdict for a candidate pair."""
    if a.entry.schema_class != b.entry.schema_class:
        return Verdict("apart", "a person and an organisation")
    if a.is_person:
        return compare_persons(a, b)
    return compare_orgs(a, b)


@dataclass(frozen=True)
class WeakProposal:
    """A weak entity and what it could join: merge if ``targets`` has one cluster."""

    entity: Profile
    targets: tuple[Profile, ...]  # one representative per candidate cluster
    reason: str
    auto: bool  # may merge automatically when there is exactly one target


def weak_proposals(
    profiles: Sequence[Profile], cluster_of: dict[str, str]
) -> list[WeakProposal]:
    """Surname-only, initial+surname and alias-named entities and where they could go.

    ``cluster_of`` maps each key to its strong-tier cluster, so an entity whose
    candidates are one person seen in many documents still counts one target.
    """
    proposals: list[WeakProposal] = []
    full_people = [p for p in profiles if p.is_person and p.kind == "full"]
    orgs = [p for p in profiles if not p.is_person]

    def group(found: Iterable[Profile]) -> tuple[Profile, ...]:
        best: dict[str, Profile] = {}
        for p in sorted(found, key=lambda p: p.key):
            best.setdefault(cluster_of[p.key], p)
        return tuple(best[c] for c in sorted(best))

    for p in profiles:
        if p.is_person and p.kind == "single":
            token = p.singles[0].parts[0]
            same_doc = [q for q in full_people if q.entry.content_hash == p.entry.content_hash]
            exact = [q for q in same_doc if any(f.surname == token for f in q.full)]
            if len(exact) == 0:
                exact = [q for q in same_doc if any(edit_variant(f.surname, token) for f in q.full)]
            if len(exact) > 0:
                targets = group(exact)
                reason = (
                    "surname only, one full name with it in the same document"
                    if len(targets) == 1
                    else "surname only, several people with it in the same document"
                )
                proposals.append(WeakProposal(p, targets, reason, auto=True))
                continue
            given = [q for q in same_doc if any(f.given == token for f in q.full)]
            if len(given) > 0:
                proposals.append(
                    WeakProposal(p, group(given), "given name only, same document", auto=False)
                )
                continue
            other = [
                q
                for q in full_people
                if q.entry.content_hash != p.entry.content_hash
                and any(f.surname == token for f in q.full)
            ]
            if len(other) > 0:
                proposals.append(
                    WeakProposal(p, group(other), "surname only, in another document", auto=False)
                )
        elif p.is_person and p.kind == "initial":
            form = p.initials[0]
            assert form.initial is not None
            initial, surname = form.initial, form.surname
            fitting = [
                q
                for q in full_people
                if any(f.surname == surname and f.given.startswith(initial) for f in q.full)
            ]
            if len(fitting) == 0:
                continue
            givens = {
                f.given
                for q in fitting
                for f in q.full
                if f.surname == surname and f.given.startswith(initial)
            }
            targets = group(fitting)
            if len(givens) == 1:
                reason = "initial and surname fit the only such person in the corpus"
            else:
                reason = "initial and surname fit several people"
            proposals.append(WeakProposal(p, targets, reason, auto=len(givens) == 1))
        elif not p.is_person and p.org_primary != "":
            carriers = [
                q
                for q in orgs
                if q.key != p.key
                and p.org_primary in (q.org_names - {q.org_primary})
                and q.org_primary != p.org_primary
            ]
            if len(carriers) > 0:
                targets = group(carriers)
                defined_here = any(
                    q.entry.content_hash == p.entry.content_hash for q in carriers
                )
                auto = is_acronym(p.entry.name) and defined_here and len(targets) == 1
                if auto:
                    reason = "acronym defined in the same document"
                elif len(targets) > 1:
                    reason = "its name is an alias of several organisations"
                elif is_acronym(p.entry.name):
                    reason = "acronym defined only in another document"
                else:
                    reason = "its name is another organisation's alias"
                proposals.append(WeakProposal(p, targets, reason, auto=auto))
    return proposals
