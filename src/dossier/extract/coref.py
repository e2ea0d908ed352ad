"""Within-document reference resolution for person names.

Full names ("Kassym-Jomart Tokayev") make entities. A surname, a given name or
an initial plus surname ("Tokayev", "Bauyrzhan", "T. KULIBAYEV") links to the
one full name it fits; when several fit ("Meldekhan" with three Meldekhans
named) the mention stays unresolved for a human, and a plural or a family
reference ("the Kulibayevs", "the Meldekhan family") is never linked to one
person. Spelling variants merge only on a transliteration-safe rule: same
given name and surname once doubled letters are collapsed (Kassym/Kasym).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.extract.name_parts import name_parts
from dossier.extract.names import (
    has_surname_morphology,
    is_initial,
    name_words,
    normal_form,
    skeleton,
    strip_possessive,
)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    collective: bool = False  # "the Meldekhan family", "the Kulibayevs"
    title: str | None = None  # the title or honorific right before it ("Mr.", "Prince")
    defined_by: int | None = None  # "Ann Bolt (Bolt)": index of the full name it abbreviates
    longer_name: bool = False  # followed or preceded by another capitalised name word
    # 'Elfateh Idris Adam (Idris), also known as "Abu Lulu"': index of the full name the
    # text gives this name as another name of
    alias_of: int | None = None
    # "the Rajapaksa brothers, Mahinda and Gotabaya": the family name the text gives a
    # given name of a family's member
    family: str | None = None


@dataclass
class PersonCluster:
    """One person as named in the document."""

    name: str  # normal form of the canonical full name
    forms: Counter[str] = field(default_factory=Counter)  # normal forms of its mentions
    spellings: set[str] = field(default_factory=set)  # as written
    first_name: str | None = None
    last_name: str | None = None
    father_name: str | None = None  # a patronymic ("Petrovich")
    name_order: str = "given-first"  # or "family-first" ("Wang Xiaoming")


# Titles used with a given name or alone; never a link to another person's surname.
ROYAL_TITLES = frozenset(
    {"prince", "princess", "king", "queen", "emperor", "empress", "pope", "saint", "sheikh"}
    | {"emir", "sultan", "shah", "tsar", "czar", "sir", "dame", "lady", "tsarina"}
)


def _full_key(words: list[str]) -> tuple[str, str]:
    return skeleton(words[0]), skeleton(words[-1])


def resolve_people(
    mentions: Sequence[PersonMention],
) -> tuple[list[int | None], list[PersonCluster]]:
    """Link mentions to clusters: ``links[i]`` is an index into ``clusters`` or None."""
    links, clusters, _reasons = resolve_references(mentions)
    return links, clusters


def resolve_references(
    mentions: Sequence[PersonMention],
) -> tuple[list[int | None], list[PersonCluster], list[str]]:
    """Whom each mention refers to, and why.

    ``links[i]`` is an index into ``clusters`` or None (left for review);
    ``reasons[i]`` names the rule that decided it: ``full-name``,
    ``defined-short-form``, ``only-fit:surname``, ``only-fit:given-name``,
    ``only-fit:initial-and-surname``, ``own-name`` (a name no full name fits), ``alias``
    (a name the text gives as another name of a full name before it),
    ``member-of-named-family`` (a given name with the family name the text gives it: "the
    Rajapaksa brothers, Mahinda and Gotabaya" names Mahinda Rajapaksa),
    or why it stays unresolved: ``ambiguous:N-fit``, ``start-of-longer-name``,
    ``family``, ``collective``.
    """
    links: list[int | None] = [None] * len(mentions)
    reasons: list[str] = [""] * len(mentions)
    clusters: list[PersonCluster] = []
    by_full: dict[tuple[str, str], int] = {}
    forms = [normal_form(m.text if m.family is None else f"{m.text} {m.family}") for m in mentions]
    # 1. Full names make clusters.
    for i, mention in enumerate(mentions):
        words = name_words(forms[i])
        if mention.collective or len(words) < 2 or is_initial(words[0]):
            continue
        key = _full_key(words)
        owner = None if mention.alias_of is None else links[mention.alias_of]
        if owner is not None and key not in by_full:
            # "also known as": another name of the same person, wherever it recurs
            by_full[key] = owner
            links[i] = owner
            reasons[i] = "alias"
            continue
        if key not in by_full:
            by_full[key] = len(clusters)
            clusters.append(PersonCluster(name=forms[i]))
        links[i] = by_full[key]
        reasons[i] = "full-name" if mention.family is None else "member-of-named-family"
    by_surname: dict[str, set[int]] = defaultdict(set)
    by_given: dict[str, set[int]] = defaultdict(set)
    for (given, surname), index in by_full.items():
        by_given[given].add(index)
        by_surname[surname].add(index)
    for index, cluster in enumerate(clusters):
        # the last word of a particle surname ("van der Merwe" -> "Merwe") also refers
        last = name_words(cluster.name)[-1].split()[-1]
        by_surname[skeleton(last)].add(index)
    # 2. Partial names link to the one cluster they fit.
    singles: dict[str, int] = {}
    # "Ann Bolt (Bolt)": the text defines the short form; it names her wherever it occurs.
    defined: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        full_index = mention.defined_by
        target = None if full_index is None else links[full_index]
        if target is not None and links[i] is None:
            defined.setdefault(skeleton(strip_possessive(forms[i])), target)
    for i, mention in enumerate(mentions):
        if links[i] is not None:
            continue
        words = name_words(forms[i])
        if len(words) == 0:
            continue
        if mention.collective:
            reasons[i] = "collective"
            continue
        short_form = defined.get(skeleton(strip_possessive(forms[i])))
        if short_form is not None:
            links[i] = short_form
            reasons[i] = "defined-short-form"
            continue
        if mention.longer_name:
            reasons[i] = "start-of-longer-name"
            continue  # "Sergey" of a "Sergey Volkov" not read as a person: never linked
        kind = "surname"
        if len(words) >= 2 and is_initial(words[0]):
            kind = "initial-and-surname"
            initial = skeleton(words[0])[:1]
            fits = {
                c
                for c in by_surname.get(skeleton(words[-1]), set())
                if skeleton(name_words(clusters[c].name)[0]).startswith(initial)
            }
        elif len(words) == 1:
            word = strip_possessive(words[0])
            word_key = skeleton(word)
            title = None if mention.title is None else mention.title.lower().rstrip(".")
            if title in ROYAL_TITLES:
                # "Prince Andrew" is not Andrew Roth: a person of his own
                own = f"{mention.title} {word}"
                if own not in singles:
                    singles[own] = len(clusters)
                    clusters.append(PersonCluster(name=own))
                    forms[i] = own
                links[i] = singles[own]
                reasons[i] = "royal-title-and-name"
                continue
            fits = set(by_surname.get(word_key, set()))
            if title is None:
                # a bare word may be a given name ("Bauyrzhan"); "Mr. X" is always a surname
                given_fits = by_given.get(word_key, set())
                if len(fits) == 0 and len(given_fits) > 0:
                    kind = "given-name"
                fits |= given_fits
            plural = word_key.endswith("s") and len(by_surname.get(word_key[:-1], set())) > 0
            if len(fits) == 0 and plural:
                reasons[i] = "family"
                continue  # "the Kulibayevs": a family, not one person
        else:
            fits = set()
        if len(fits) == 1:
            links[i] = next(iter(fits))
            reasons[i] = f"only-fit:{kind}"
        elif len(fits) == 0:
            own = skeleton(forms[i])
            if own not in singles:
                singles[own] = len(clusters)
                clusters.append(PersonCluster(name=forms[i]))
            links[i] = singles[own]
            reasons[i] = "own-name"
        else:
            reasons[i] = f"ambiguous:{len(fits)}-fit"
    # 3. Names, spellings and first/last names of each cluster.
    aliases = {forms[i] for i, reason in enumerate(reasons) if reason == "alias"}
    for i, link in enumerate(links):
        if link is not None:
            clusters[link].forms[forms[i]] += 1
            clusters[link].spellings.add(mentions[i].text.replace("\u00a0", " "))
    for cluster in clusters:
        full = [
            f for f in cluster.forms if len(name_words(f)) >= 2 and not is_initial(name_words(f)[0])
        ]
        if any(f not in aliases for f in full):
            full = [f for f in full if f not in aliases]  # "Abu Lulu" never names the person
        if len(full) > 0:
            cluster.name = max(full, key=lambda f: (cluster.forms[f], len(f), f))
        words = name_words(cluster.name)
        if len(words) >= 2:
            parts = name_parts(cluster.name)
            cluster.first_name, cluster.last_name = parts.first_name, parts.last_name
            cluster.father_name, cluster.name_order = parts.father_name, parts.order
        elif has_surname_morphology(words[0]):
            cluster.last_name = words[0]
    return links, clusters, reasons
