"""Candidate pairs and the strict auto-merge rule.

No matcher score ever merges two entities here (STACK.md: none is safe on these
names). Two entities merge only when their names agree after normalisation and
transliteration (``names.skeleton``) and nothing contradicts. Everything else
that looks alike becomes a pending pair for a human.

Persons
- *Strong* merge: two full names (given name and surname) that spell the same
  after transliteration, in any token order or hyphenation (Kassym-Jomart /
  Kassym Zhomart-Tokayev), or whose surnames differ by one vowel or one swap
  (Ablyazov / Ablayazov) while everything else is equal, or in which every
  name part on both sides is paired with one part of the other by a spelling
  key, a transliteration key, a rigour name symbol or a phonetic key
  (``alignment.align``: Aleksandr Zhuravlev / Oleksandr Zhuravlyov; Sergei
  Borisovich Korolev / Sergey Borisovich Korolyov), or in which one part
  slips a letter while every other part of a long name agrees (``slips``:
  never the given name). A part left over on either
  side (a patronymic one source gives and the other does not) leaves the pair
  to a human; so does a shared given name alone (Timur Kulibayev / Timur
  Turlov share rigour's symbol for Timur and nothing else: no verdict).
- *Apart* (recorded as a rule judgement, blocks transitive merges): the same
  surname with clearly different given names (family members), or a masculine
  and a feminine form of the surname (Kulibayev / Kulibayeva, Ivanov /
  Ivanova, Kandinsky / Kandinskaya) or of the given name.
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

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Literal

from rigour.text.distance import levenshtein

from dossier.extract.names import PARTICLES
from dossier.resolve.agreement import agreement
from dossier.resolve.alignment import STRICT_REASONS, align, openings_fit
from dossier.resolve.catalog import CatalogEntry
from dossier.resolve.genders import gendered, gendered_parts
from dossier.resolve.names import (
    PersonForm,
    deletion_keys,
    edit_variant,
    is_acronym,
    name_part,
    org_key,
    person_form,
)
from dossier.resolve.parts import Part, is_patronymic, near_keys, onsets_agree
from dossier.resolve.slips import slip
from dossier.resolve.vowels import ending_added, syllable_added, vowels_only_inserted

log = logging.getLogger(__name__)

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

    def signature(self) -> tuple[object, ...]:
        """What the strong tier looks at: profiles with one signature get one verdict."""
        if self.is_person:
            forms = tuple(
                sorted((f.parts, f.part_signature, f.royal) for f in (*self.full, *self.royal))
            )
            if len(forms) == 0:  # no strong-tier verdict at all: a group of its own
                return ("alone", self.key)
            return ("person", forms, self.entry.country, self.entry.birth_dates)
        if self.org_primary == "":
            return ("alone", self.key)
        return (
            self.entry.schema_class,
            self.org_primary,
            tuple(sorted(self.org_names)),
            is_acronym(self.entry.name),
        )

    def blocking_keys(self) -> set[str]:
        """Keys shared by every pair the strong tier can give a verdict on.

        Persons: the surname and its one-letter deletions (spelling variants,
        masculine/feminine forms, relatives), the surname's transliteration
        keys, consonants (phonetic variants), near-spelling keys
        (``parts.near_keys``) and rigour name symbols, the other parts with
        the surname's first three letters (Vassiliades/Vassiliadou), the
        order-free token set, two parts of a short form of the name
        (``_short_form_keys``) and the joined tokens. Organisations: each name
        and alias whole, the primary name with one token replaced by a
        one-letter deletion (one-token spelling variants) and the primary name
        minus its last word. A person named by a surname or given name alone
        has no keys: only the weak tier (``weak_proposals``) places it.
        """
        keys: set[str] = set()
        if self.is_person:
            for form in self.full:
                keys.update(f"s:{k}" for k in deletion_keys(form.surname))
                surname = form.name_parts[-1]
                keys.update(f"sk:{key}" for key in surname.keys)
                keys.add(f"sc:{surname.consonants}")
                keys.update(f"sd:{k}" for k in near_keys(surname))
                keys.update(f"sy:{symbol}" for symbol in surname.symbols)
                if len(form.parts) >= 2:  # the other parts, for a surname two edits away
                    keys.add(f"g:{' '.join(form.parts[:-1])}|{surname.key[:3]}")
                keys.add("p:" + " ".join(sorted(form.parts)))
                keys.update(f"w:{key}" for key in _short_form_keys(form))
                keys.add(f"j:{form.joined}")
            keys.update(f"r:{form.joined}" for form in self.royal)
            return keys
        if self.org_primary == "":
            return keys
        keys.update(f"n:{name}" for name in self.org_names)
        words = self.org_primary.split(" ")
        for i, word in enumerate(words):
            before, after = " ".join(words[:i]), " ".join(words[i + 1 :])
            keys.update(f"v:{len(words)}:{before}|{k}|{after}" for k in deletion_keys(word))
        keys.add(f"m:{self.org_primary}")
        if len(words) >= 2:
            keys.add("m:" + " ".join(words[:-1]))
        return keys


@dataclass
class Group:
    """Profiles with one signature: one strong-tier verdict serves all of them."""

    members: list[Profile]  # sorted by key

    @property
    def rep(self) -> Profile:
        return self.members[0]

    @cached_property
    def documents(self) -> frozenset[str]:
        """Read once the group is complete (``group_profiles``), for every pair it is in."""
        return frozenset(m.entry.content_hash for m in self.members)


def group_profiles(profiles: Sequence[Profile]) -> list[Group]:
    """Profiles grouped by ``Profile.signature``, in order of their smallest key."""
    groups: dict[tuple[object, ...], Group] = {}
    for p in sorted(profiles, key=lambda p: p.key):
        signature = p.signature()
        if signature in groups:
            groups[signature].members.append(p)
        else:
            groups[signature] = Group([p])
    return list(groups.values())


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


def _short_form_keys(form: PersonForm) -> set[str]:
    """Two parts in written order, the first of them the name's first or second, for a
    short form of the name that leaves the others out (``short_form_of``)."""
    parts = [p for p, t in zip(form.parts, form.tokens, strict=True) if t not in PARTICLES]
    return {
        f"{parts[i]} {parts[j]}"
        for i in range(min(2, len(parts)))
        for j in range(i + 1, len(parts))
    }


def _same_surname(a: str, b: str) -> bool:
    return a == b or edit_variant(a, b)


def _given_close(f: PersonForm, g: PersonForm) -> bool:
    """Given names that might be one name: a prefix, a one-letter vowel/swap variant,
    one letter apart with one first sound, or parts that agree (``agreement.agreement``:
    Aleksandr / Oleksandr)."""
    a, b = f.given, g.given
    if a.startswith(b) or b.startswith(a) or edit_variant(a, b):
        return True
    one, two = f.name_parts[0], g.name_parts[0]
    if onsets_agree(one, two) and (levenshtein(a, b) <= 1 or ending_added(a, b)):
        return True  # one letter apart (Bashar / Bashir), a final a (Rashad / Rashida)
    return agreement(one, two) is not None


def _look_alike(a: str, b: str) -> str | None:
    """Surnames spelled one letter or only vowels apart that the rules do not take for one
    (Saqr / Saqer, Kazimi / Qasimi), or two letters apart from six letters with one first
    letter (Jalamah / Jalahma, Verdugo / Verduzco): a human says, so the pair is pending,
    not lost."""
    if a == b:
        return None
    if levenshtein(a, b) <= 1 or vowels_only_inserted(a, b):
        return "spelled alike"
    if min(len(a), len(b)) >= 6 and a[0] == b[0] and levenshtein(a, b) <= 2:
        return "spelled a little apart"
    return None


SHORTER_NAME = "one name is the other with parts left out"
GIVEN_NEAR = "same surname, given names nearly agree"
NO_GIVEN_NAME = "same surname, one name opens with a patronymic (its given name left out)"
# Pending verdicts whose names are consistent: one office or date of birth that both
# texts give makes them one person (``resolve._one_office``).
CORROBORABLE = frozenset({SHORTER_NAME, GIVEN_NEAR})


def short_form_of(short: PersonForm, long: PersonForm) -> bool:
    """Whether ``short`` is ``long`` with some parts left out, as a short form writes a
    name: a second given name, a patronymic or a mother's surname left out (Rodrigo
    Ibarra / Rodrigo Andres Ibarra Soto; Lucia Ibarra / Maria Lucia Ibarra Soto).

    The parts kept agree by one spelling or transliteration key and stay in order;
    ``short`` has two of them at least, opens with ``long``'s first or second part and
    ends after it. No part left out is a name of one syllable: in a Korean or Chinese
    name every syllable is the name (Kim Jong Un is not Kim Un); particles aside
    (de, van, bin)."""
    if not (2 <= len(short.parts) < len(long.parts)):
        return False
    kept: list[int] = []
    for token, p in zip(short.tokens, short.name_parts, strict=True):
        if token in PARTICLES:
            continue
        j = next(
            (
                j
                for j in range(kept[-1] + 1 if kept else 0, len(long.parts))
                if agreement(p, long.name_parts[j]) in STRICT_REASONS
                and not gendered_parts(p, long.name_parts[j])
            ),
            None,
        )
        if j is None:
            return False
        kept.append(j)
    if len(kept) < 2 or kept[0] > 1 or kept[-1] == 0:
        return False
    left_out = [
        p
        for j, (t, p) in enumerate(zip(long.tokens, long.name_parts, strict=True))
        if j not in kept and t not in PARTICLES
    ]
    return all(not p.one_syllable for p in left_out)


def compare_full(f: PersonForm, g: PersonForm) -> Verdict:
    """Two full names."""
    if gendered(f.surname, g.surname) or gendered(f.given, g.given):
        return Verdict("apart", "masculine and feminine forms of the name")
    opening = openings_fit(f.name_parts[0], g.name_parts[0], given=True)  # not Said / Zaid
    if f.joined == g.joined or sorted(f.parts) == sorted(g.parts):
        split = len(f.parts) != len(g.parts)  # Abdulrahman / Abdul Rahman
        if (split and opening) or align(f.name_parts, g.name_parts) is not None:
            return Verdict("merge", "same name after transliteration")
    last = openings_fit(f.name_parts[-1], g.name_parts[-1], given=False)  # not Saidi / Zaidi
    if len(f.parts) == len(g.parts) and opening and last:
        diffs = [(x, y) for x, y in zip(f.parts, g.parts, strict=True) if x != y]
        if (
            len(diffs) == 1
            and diffs[0] == (f.surname, g.surname)
            and edit_variant(*diffs[0])
            and not syllable_added(*diffs[0])  # Martins / Martinez
        ):
            return Verdict("merge", "surname spelling variant")
    alignment = align(f.name_parts, g.name_parts)
    if alignment is not None:
        return Verdict("merge", f"every name part agrees: {alignment.describe(f.tokens, g.tokens)}")
    slipped = slip(f.name_parts, g.name_parts)
    if slipped is not None:
        return Verdict(
            "merge", f"every other name part agrees, one spelled a letter apart: {slipped}"
        )
    if short_form_of(f, g) or short_form_of(g, f):
        return Verdict("pending", SHORTER_NAME)
    if _same_surname(f.surname, g.surname):
        if f.given != g.given:
            if _given_close(f, g):
                return Verdict("pending", GIVEN_NEAR)
            if is_patronymic(f.name_parts[0]) or is_patronymic(g.name_parts[0]):
                # "Viktorovich Prigozhin": the given name is left out, not another one
                return Verdict("pending", NO_GIVEN_NAME)
            return Verdict("apart", "same surname, different given names")
        if not opening:
            return Verdict("pending", "given names spelled alike, opening with other sounds")
        return Verdict("pending", "same given name and surname, other names differ")
    surnames = agreement(f.name_parts[-1], g.name_parts[-1]) or _look_alike(f.surname, g.surname)
    if surnames is not None and _given_close(f, g):
        return Verdict("pending", f"surname and given name agree ({surnames}), other names differ")
    return NONE


def births_differ(left: Sequence[str], right: Sequence[str]) -> str | None:
    """Two dates of birth that cannot be one ("1970-03-05 / 1971"), or None when either
    side gives none or one agrees with the other (a year with a full date of it)."""
    if len(left) == 0 or len(right) == 0:
        return None
    if any(x.startswith(y) or y.startswith(x) for x in left for y in right):
        return None
    return f"{', '.join(left)} / {', '.join(right)}"


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
    born = births_differ(a.entry.birth_dates, b.entry.birth_dates)
    if born is not None:
        return Verdict("apart", f"dates of birth differ: {born}")
    countries = (a.entry.country, b.entry.country)
    if verdict.outcome == "merge" and None not in countries and countries[0] != countries[1]:
        return Verdict("pending", "names agree but the countries differ")
    return verdict


def compare_orgs(a: Profile, b: Profile, other_documents: bool) -> Verdict:
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
    if other_documents:
        short, long_ = (a, b) if len(pa) < len(pb) else (b, a)
        shorter, longer = short.org_primary.split(" "), long_.org_primary.split(" ")
        telling = len(shorter) >= 2 or is_acronym(short.entry.name)
        if telling and len(longer) == len(shorter) + 1 and longer[:-1] == shorter:
            return Verdict("pending", "one name is the other plus one word")
    return NONE


def _is_short(p: Profile) -> bool:
    """An organisation known by an acronym or a single word only."""
    return is_acronym(p.entry.name) or len(p.org_primary.split(" ")) == 1


BLOCK_LIMIT = 200  # groups under one key; more means a word that says nothing ("bank")


def candidate_pairs(groups: Sequence[Group]) -> list[tuple[Group, Group]]:
    """Pairs of groups of the same class that share a blocking key.

    Keys are precise (see ``Profile.blocking_keys``) and groups stand for every
    spelling-identical profile, so the number of pairs grows with the number of
    distinct names that could be one, not with the square of the corpus.
    """
    index: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for key in group.rep.blocking_keys():
            index.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in index.items():
        if len(members) > BLOCK_LIMIT:
            log.debug("blocking key %r has %d groups; not paired", key, len(members))
            continue
        for i, j in combinations(members, 2):
            if groups[i].rep.entry.schema_class == groups[j].rep.entry.schema_class:
                pairs.add((i, j))
    return [(groups[i], groups[j]) for i, j in sorted(pairs)]


def compare(a: Profile, b: Profile, other_documents: bool | None = None) -> Verdict:
    """The strong-tier verdict for a candidate pair.

    ``other_documents`` says whether the pair spans documents (by default,
    whether ``a`` and ``b`` come from different documents); only organisations
    use it.
    """
    if a.entry.schema_class != b.entry.schema_class:
        return Verdict("apart", "a person and an organisation")
    if a.is_person:
        return compare_persons(a, b)
    if other_documents is None:
        other_documents = a.entry.content_hash != b.entry.content_hash
    return compare_orgs(a, b, other_documents)


def compare_groups(a: Group, b: Group) -> Verdict:
    """The verdict every pair of members of two groups would get."""
    documents = a.documents | b.documents
    return compare(a.rep, b.rep, other_documents=len(documents) > 1)


def _ends_with(full: PersonForm, alone: PersonForm) -> bool:
    """A full name whose surname is the word ``alone`` (Soto; Ibarra-Soto for Rodrigo
    Ibarra-Soto), with a given name before it."""
    count = len(alone.parts)
    return len(full.parts) > count and full.parts[-count:] == alone.parts


def _surname_agrees(full: Sequence[Part], alone: Sequence[Part]) -> bool:
    """Each part of a surname written alone agrees with the full name's last parts."""
    count = len(alone)
    return len(full) > count and all(
        agreement(f, a) is not None for f, a in zip(full[-count:], alone, strict=True)
    )


@dataclass(frozen=True)
class WeakProposal:
    """A weak entity and what it could join: merge if ``targets`` has one cluster."""

    entity: Profile
    targets: tuple[Profile, ...]  # one representative per candidate cluster
    reason: str
    auto: bool  # may merge automatically when there is exactly one target


def weak_proposals(profiles: Sequence[Profile], cluster_of: dict[str, str]) -> list[WeakProposal]:
    """Surname-only, initial+surname and alias-named entities and where they could go.

    ``cluster_of`` maps each key to its strong-tier cluster, so an entity whose
    candidates are one person seen in many documents still counts one target.
    """
    proposals: list[WeakProposal] = []
    in_document: dict[str, list[Profile]] = {}  # full-named people by document
    by_surname: dict[str, list[Profile]] = {}  # full-named people by exact surname
    carrying: dict[str, list[Profile]] = {}  # organisations by alias or acronym
    for q in profiles:
        if q.is_person and q.kind == "full":
            in_document.setdefault(q.entry.content_hash, []).append(q)
            for surname in sorted({f.surname for f in q.full}):
                by_surname.setdefault(surname, []).append(q)
        elif not q.is_person:
            for name in sorted(q.org_names - {q.org_primary}):
                carrying.setdefault(name, []).append(q)

    def group(found: Iterable[Profile]) -> tuple[Profile, ...]:
        best: dict[str, Profile] = {}
        for p in sorted(found, key=lambda p: p.key):
            best.setdefault(cluster_of[p.key], p)
        return tuple(best[c] for c in sorted(best))

    for p in profiles:
        if p.is_person and p.kind == "single":
            alone = p.singles[0]  # one word; a hyphenated one has parts (Ibarra-Soto)
            token = alone.parts[-1]
            same_doc = in_document.get(p.entry.content_hash, [])
            exact = [q for q in same_doc if any(_ends_with(f, alone) for f in q.full)]
            if len(exact) == 0 and len(alone.parts) == 1:
                exact = [q for q in same_doc if any(edit_variant(f.surname, token) for f in q.full)]
            if len(exact) == 0:
                single = [name_part(t) for t in alone.tokens]
                exact = [
                    q
                    for q in same_doc
                    if any(_surname_agrees(f.name_parts, single) for f in q.full)
                ]
            if len(exact) > 0:
                targets = group(exact)
                reason = (
                    "surname only, one full name with it in the same document"
                    if len(targets) == 1
                    else "surname only, several people with it in the same document"
                )
                proposals.append(WeakProposal(p, targets, reason, auto=True))
                continue
            given = [
                q
                for q in same_doc
                if any(f.parts[: len(alone.parts)] == alone.parts for f in q.full)
            ]
            if len(given) > 0:
                proposals.append(
                    WeakProposal(p, group(given), "given name only, same document", auto=False)
                )
                continue
            other = [
                q
                for q in by_surname.get(token, [])
                if q.entry.content_hash != p.entry.content_hash
                and any(_ends_with(f, alone) for f in q.full)
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
                for q in by_surname.get(surname, [])
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
                for q in carrying.get(p.org_primary, [])
                if q.key != p.key and q.org_primary != p.org_primary
            ]
            if len(carriers) > 0:
                targets = group(carriers)
                defined_here = any(q.entry.content_hash == p.entry.content_hash for q in carriers)
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
