"""The scoring rules of the ``cases`` bench: the gold of each text and how predictions meet it.

See ``dossier.bench.cases`` for what is measured; the rules are:

- **matching**: spellings are compared after ``spelling_key`` (titles in front,
  a possessive at the end and a leading "the" dropped, then ``fold``: case,
  diacritics, punctuation and hyphens, whitespace). A predicted person's
  spellings are its name, its aliases and the text of each of its mentions; a
  gold person's are its canonical name and its aliases. They match when they
  share a spelling.
- **people**: a predicted person is correct when it matches exactly one gold
  person of its document; two or more is a merge, and wrong. Names only under
  ``uncertain`` are not scored, nor is a predicted name cut off at the end of
  a truncated text (every mention runs to its end).
- **holding**: an entity holds a gold person when one of its spellings belongs
  to that person alone among the document's gold names; a must-not-merge pair
  is merged when one resolved actor holds both.
- **wrong links**: a mention linked to an entity whose name is gold person B,
  while the mention's spelling is a name or alias of other gold people but not
  of B.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.bench.extraction import Score, spelling_key
from dossier.model import Extraction

ROLES = ("accused", "protected", "neutral")


# -- gold -----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPerson:
    name: str
    role: str  # accused, protected or neutral
    flagged: bool  # also listed under ``uncertain``
    spellings: frozenset[str]  # spelling keys of the name and its aliases


@dataclass(frozen=True)
class GoldFile:
    file: str
    partial: bool
    persons: tuple[GoldPerson, ...]
    unscored: frozenset[str]  # spelling keys of names only under ``uncertain``
    orgs: frozenset[str]  # spelling keys of the accused organisations
    must_not_merge: tuple[tuple[str, str], ...]

    def scored(self, with_flagged: bool) -> tuple[GoldPerson, ...]:
        return tuple(p for p in self.persons if with_flagged or not p.flagged)

    def ignored(self, with_flagged: bool) -> frozenset[str]:
        """Spellings that are neither right nor wrong to predict."""
        keys = set(self.unscored)
        if not with_flagged:
            for person in self.persons:
                if person.flagged:
                    keys |= person.spellings
        return frozenset(keys)


def _strings(item: dict[str, Any], key: str, file: str) -> list[str]:
    value = item.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"gold.json, {file}: {key!r} must be a list of names")
    return list(value)


def parse_gold(data: object) -> list[GoldFile]:
    """The gold of every file; loud on anything the scoring does not understand."""
    if not isinstance(data, list):
        raise ValueError("gold.json must be a list of objects, one per file")
    files: list[GoldFile] = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise ValueError("gold.json: every entry needs a 'file'")
        file = item["file"]
        aliases = item.get("aliases", {})
        if not isinstance(aliases, dict):
            raise ValueError(f"gold.json, {file}: 'aliases' must map names to lists")
        uncertain = set(_strings(item, "uncertain", file))
        persons: list[GoldPerson] = []
        seen: set[str] = set()
        for role in ROLES:
            for name in _strings(item, role, file):
                if name in seen:
                    raise ValueError(f"gold.json, {file}: {name!r} is in two classes")
                seen.add(name)
                spellings = {spelling_key(name)} | {spelling_key(a) for a in aliases.get(name, [])}
                persons.append(GoldPerson(name, role, name in uncertain, frozenset(spellings)))
        orgs = _strings(item, "orgs_accused", file)
        unknown = set(aliases) - seen - uncertain - set(orgs)
        if len(unknown) > 0:
            raise ValueError(f"gold.json, {file}: aliases of unknown names {sorted(unknown)}")
        unscored: set[str] = set()
        for name in uncertain - seen:
            unscored.add(spelling_key(name))
            unscored.update(spelling_key(a) for a in aliases.get(name, []))
        pairs = item.get("must_not_merge", [])
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(n in seen for n in p) for p in pairs
        ):
            raise ValueError(f"gold.json, {file}: must_not_merge must be pairs of gold persons")
        files.append(
            GoldFile(
                file=file,
                partial=bool(item.get("partial", False)),
                persons=tuple(persons),
                unscored=frozenset(unscored),
                orgs=frozenset(spelling_key(n) for o in orgs for n in (o, *aliases.get(o, []))),
                must_not_merge=tuple((str(a), str(b)) for a, b in pairs),
            )
        )
    return files


# -- predictions ----------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    """A document-level Person entity, as the scoring sees it."""

    key: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[str, ...]  # the text of each mention linked to it
    ends: tuple[int, ...]  # where each mention ends
    actor: str  # the resolved actor (cluster) it belongs to

    @property
    def forms(self) -> frozenset[str]:
        names = (self.name, *self.aliases, *self.mentions)
        return frozenset(spelling_key(n) for n in names)


def predictions(extraction: Extraction, actor_of: dict[str, str]) -> list[Predicted]:
    out = []
    for key, entity in sorted(extraction.entities.items()):
        if entity.schema != "Person":
            continue
        mentions = [m for m in extraction.mentions if m.entity_key == key]
        out.append(
            Predicted(
                key=key,
                name=entity.name,
                aliases=tuple(sorted(entity.aliases)),
                mentions=tuple(m.text for m in mentions),
                ends=tuple(m.end for m in mentions),
                actor=actor_of.get(key, key),
            )
        )
    return out


def hits(predicted: Predicted, persons: Iterable[GoldPerson]) -> list[GoldPerson]:
    """The gold persons a predicted person matches (the matching rule)."""
    forms = predicted.forms
    return [p for p in persons if len(forms & p.spellings) > 0]


def cut_off(predicted: Predicted, text: str) -> bool:
    """Every mention of it runs to the end of the (truncated) text."""
    end = len(text.rstrip())
    return len(predicted.ends) > 0 and all(e >= end for e in predicted.ends)


# -- scoring --------------------------------------------------------------------


def score_people(
    gold: GoldFile, predicted: Sequence[Predicted], text: str, with_flagged: bool
) -> Score:
    """People found and predicted correctly in one document."""
    persons = gold.scored(with_flagged)
    ignored = gold.ignored(with_flagged)
    score = Score(gold=len(persons))
    matched: dict[str, int] = {p.name: 0 for p in persons}
    for item in predicted:
        found = hits(item, persons)
        for person in found:
            matched[person.name] += 1
        if len(found) == 0 and (
            len(item.forms & ignored) > 0 or (gold.partial and cut_off(item, text))
        ):
            continue
        score.predicted += 1
        if len(found) == 1:
            score.correct += 1
        elif len(found) > 1:
            score.merged.append(f"{item.name} = {' + '.join(p.name for p in found)}")
        else:
            score.spurious.append(item.name)
    score.found = sum(1 for n in matched.values() if n > 0)
    score.missed = [name for name, n in matched.items() if n == 0]
    score.split = [name for name, n in matched.items() if n > 1]
    return score


def accused_targets(
    gold: GoldFile, predicted: Sequence[Predicted], targets: set[str], with_flagged: bool
) -> tuple[list[str], list[str]]:
    """(accused who became candidate targets, accused who did not) in one document."""
    made: list[str] = []
    not_made: list[str] = []
    for person in gold.scored(with_flagged):
        if person.role != "accused":
            continue
        actors = {item.actor for item in predicted if person in hits(item, [person])}
        (made if len(actors & targets) > 0 else not_made).append(person.name)
    return made, not_made


def target_kind(members: Iterable[tuple[GoldFile, Predicted]]) -> str:
    """What a candidate target is, by its members' gold: accused first, then the wrongs."""
    kinds: set[str] = set()
    for gold, item in members:
        kinds.update(p.role for p in hits(item, gold.persons))
        if len(item.forms & gold.orgs) > 0:
            kinds.add("organisation")
        if len(item.forms & gold.unscored) > 0:
            kinds.add("unscored")
    for kind in ("accused", "protected", "neutral", "organisation", "unscored"):
        if kind in kinds:
            return kind
    return "not a gold person"


def _exclusive(gold: GoldFile) -> dict[str, frozenset[str]]:
    """Each gold person's spellings that belong to no other name of the document."""
    out: dict[str, frozenset[str]] = {}
    for person in gold.persons:
        others: set[str] = set(gold.unscored)
        for other in gold.persons:
            if other is not person:
                others |= other.spellings
        out[person.name] = person.spellings - others
    return out


def merged_pairs(gold: GoldFile, predicted: Sequence[Predicted]) -> list[str]:
    """The must-not-merge pairs of one document that one resolved actor holds."""
    exclusive = _exclusive(gold)

    def actors(name: str) -> set[str]:
        return {item.actor for item in predicted if len(item.forms & exclusive[name]) > 0}

    return [f"{a} + {b}" for a, b in gold.must_not_merge if len(actors(a) & actors(b)) > 0]


def wrong_links(gold: GoldFile, predicted: Sequence[Predicted]) -> list[str]:
    """Mentions linked to gold person B whose spelling names other gold people, never B."""
    wrong: list[str] = []
    for item in predicted:
        owners = [p for p in gold.persons if spelling_key(item.name) in p.spellings]
        if len(owners) != 1:
            continue
        (owner,) = owners
        for text in item.mentions:
            key = spelling_key(text)
            belongs = [p.name for p in gold.persons if key in p.spellings]
            if len(belongs) > 0 and owner.name not in belongs:
                wrong.append(f"{text!r} -> {item.name} (gold: {' or '.join(belongs)})")
    return wrong
