"""Spelling variants and namesakes from the OFAC SDN alias clusters (development data).

Reads ``ofac-sdn-alias-clusters-dev.jsonl`` from the reference folder
(``DOSSIER_REFERENCE_DIR``, else ``<repo>/../shared/reference``, else
``/work/shared/reference``; skipped with a message when absent). Nothing from
the file is kept in the repository. Each pair is resolved on its own, each
name in its own short synthetic document, with no human decisions.

Must merge (*spelling variants*): a listed person's primary name and an alias
that is the same name spelled another way: the alias's surname matches the
primary surname by spelling (case-folded ASCII, at most one edit in four
letters: Zhuravlev/Zhuravlyov yes, Bout/Sergitov no, since cover identities
are no spelling variant), and so does each given name and patronymic, with as
many name parts on both sides. Aliases with a part only one side gives (a
patronymic) or another given name are counted but not scored: the strict rule
leaves those to a human.

Must not merge: different people (different ids) who share a surname, or a
first given name; and, for each name string the file gives to two ids, the two
people's primary names. Two ids with the very same primary name cannot be
told apart by a name; they are counted and shown, not scored.

Missed variants are counted by the strict rule's verdict on them (the reason
of the pending pair), so what is left shows where the rule is deliberately
strict: given names a sibling could have, name parts one source gives and the
other does not.

Run: ``python -m dossier.bench variants``.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from rigour.text import ascii_text
from rigour.text.distance import levenshtein

from dossier.settings import PROJECT_ROOT

FILE_NAME = "ofac-sdn-alias-clusters-dev.jsonl"
PAIRS_PER_NAME = 3  # namesake pairs per shared surname or given name, at most


def reference_file(name: str) -> Path | None:
    """A development-data file, or None when no reference folder holds it."""
    folders = []
    if os.environ.get("DOSSIER_REFERENCE_DIR", "").strip() != "":
        folders.append(Path(os.environ["DOSSIER_REFERENCE_DIR"]))
    folders += [PROJECT_ROOT.parent / "shared" / "reference", Path("/work/shared/reference")]
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


@dataclass(frozen=True)
class ListedName:
    """One name of a listed person ("SURNAME, Given Patronymic"), parsed and in natural order."""

    surname: str
    given: tuple[str, ...]
    natural: str  # "Given Patronymic Surname"


@dataclass(frozen=True)
class Person:
    id: str
    primary: ListedName
    aliases: tuple[ListedName, ...]
    cyrillic: bool


def _fold(text: str) -> str:
    return ascii_text(text).lower().replace("-", " ").replace("'", "").strip()


def _parse(name: str) -> ListedName | None:
    if "," not in name:
        return None
    surname, given = (" ".join(x.split()) for x in name.split(",", 1))
    if surname == "" or given == "":
        return None
    natural = f"{given} {surname.title() if surname.isupper() else surname}"
    return ListedName(_fold(surname), tuple(_fold(given).split()), natural)


def read_people(path: Path) -> list[Person]:
    """The listed people of the development file, in file order."""
    people: list[Person] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() == "":
                continue
            row = json.loads(line)
            names, types = row["names"], row["name_types"]
            if len(names) != len(types) or types[0] != "primary":
                raise ValueError(f"{path.name}, line {number}: unexpected name lists")
            primary = _parse(names[0])
            if primary is None:
                continue
            aliases = tuple(a for a in (_parse(n) for n in names[1:]) if a is not None)
            people.append(Person(row["id"], primary, aliases, bool(row["cyrillic_origin"])))
    return people


def same_by_spelling(a: str, b: str) -> bool:
    """Two name parts spelled alike: at most one edit in four letters, and at least one."""
    return a == b or levenshtein(a, b) <= max(1, min(len(a), len(b)) // 4)


@dataclass
class VariantPairs:
    pairs: list[tuple[str, str, Person]]
    other_surname: int = 0  # cover identities: surname not spelled alike
    part_missing: int = 0  # one side gives a part the other does not
    other_given: int = 0  # another given name or patronymic


def variant_pairs(people: Sequence[Person]) -> VariantPairs:
    """Primary name / alias pairs that are one name spelled another way (module docstring)."""
    found = VariantPairs([])
    for person in people:
        seen: set[str] = {person.primary.natural.lower()}
        for alias in person.aliases:
            if alias.natural.lower() in seen:
                continue
            seen.add(alias.natural.lower())
            primary = person.primary
            surnames = (primary.surname.replace(" ", ""), alias.surname.replace(" ", ""))
            if not same_by_spelling(*surnames):
                found.other_surname += 1
            elif len(primary.given) != len(alias.given) or len(primary.surname.split()) != len(
                alias.surname.split()
            ):
                found.part_missing += 1
            elif not all(
                same_by_spelling(x, y) for x, y in zip(primary.given, alias.given, strict=True)
            ):
                found.other_given += 1
            else:
                found.pairs.append((primary.natural, alias.natural, person))
    return found


def _chained(groups: dict[str, list[Person]]) -> Iterator[tuple[Person, Person]]:
    """Up to PAIRS_PER_NAME pairs of different people per shared name, deterministically."""
    for _, members in sorted(groups.items()):
        distinct = sorted({p.id: p for p in members}.values(), key=lambda p: p.id)
        yield from list(pairwise(distinct))[:PAIRS_PER_NAME]


@dataclass
class NamesakePairs:
    surname: list[tuple[str, str]]
    given: list[tuple[str, str]]
    homonyms: list[tuple[str, str]]
    identical: list[str]  # names two ids share as their primary name: not scored


def namesake_pairs(people: Sequence[Person]) -> NamesakePairs:
    """Different people sharing a surname, a first given name or a listed name string."""
    by_surname: dict[str, list[Person]] = defaultdict(list)
    by_given: dict[str, list[Person]] = defaultdict(list)
    by_string: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_surname[person.primary.surname].append(person)
        if len(person.primary.given) > 0 and len(person.primary.given[0]) > 1:
            by_given[person.primary.given[0]].append(person)
        for name in {n.natural.lower() for n in (person.primary, *person.aliases)}:
            by_string[name].append(person)
    result = NamesakePairs([], [], [], [])

    def keep(target: list[tuple[str, str]], one: Person, two: Person) -> None:
        a, b = one.primary.natural, two.primary.natural
        if a.lower() == b.lower():
            result.identical.append(a)
        else:
            target.append((a, b))

    for one, two in _chained(by_surname):
        if one.primary.given != two.primary.given and len(one.primary.given) > 0:
            keep(result.surname, one, two)
    for one, two in _chained(by_given):
        if one.primary.surname != two.primary.surname:
            keep(result.given, one, two)
    for name, members in sorted(by_string.items()):
        distinct = sorted({p.id: p for p in members}.values(), key=lambda p: p.id)
        if len(distinct) == 2:
            keep(result.homonyms, distinct[0], distinct[1])
        elif len(distinct) > 2:
            raise ValueError(f"{name!r} belongs to {len(distinct)} people")
    return result


@dataclass(frozen=True)
class Outcome:
    """What resolving one pair gave: merged, or left pending (and the rule's reason)."""

    merged: bool
    pending: bool
    reason: str = ""  # the pending pair's reason, or "" when merged or no pair was left


def resolve_pair(left: str, right: str, tag: str) -> Outcome:
    """Resolve two names, each in its own document."""
    from dossier.bench.resolution import measure, synthetic_extractions

    extractions, gold = synthetic_extractions([(left, right)], "Person", True, tag)
    figures, resolution, _ = measure(extractions, gold)
    reasons = sorted(p.reason for p in resolution.pending)
    return Outcome(figures.split == 0, figures.pending > 0, reasons[0] if reasons else "")


def score(pairs: Sequence[tuple[str, str]], tag: str) -> list[Outcome]:
    """Resolve each pair on its own."""
    return [resolve_pair(left, right, f"{tag}-{n}") for n, (left, right) in enumerate(pairs)]


def _reason_kind(reason: str) -> str:
    """A pending pair's reason without the parts it names ("... (phonetic), other names
    differ" and "... (spelled alike), other names differ" are one kind); the rest are
    pairs the rule did not even leave to a human."""
    return re.sub(r" \([^)]*\)", "", reason) or "no verdict: not even a pair for a human"


def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole > 0 else "n/a"


def run() -> list[str]:
    path = reference_file(FILE_NAME)
    if path is None:
        return [f"skipped: {FILE_NAME} not found (set DOSSIER_REFERENCE_DIR)"]
    people = read_people(path)
    found = variant_pairs(people)
    lines = [
        f"{path.name}: {len(people)} listed people with a surname, "
        f"{sum(p.cyrillic for p in people)} of Cyrillic origin"
    ]
    outcomes = score([(a, b) for a, b, _ in found.pairs], "variant")
    for title, cyrillic in (("all", None), ("Cyrillic origin", True)):
        chosen = [
            (pair, outcome)
            for pair, outcome in zip(found.pairs, outcomes, strict=True)
            if cyrillic is None or pair[2].cyrillic
        ]
        merged = sum(1 for _, o in chosen if o.merged)
        pending = sum(1 for _, o in chosen if not o.merged and o.pending)
        lines.append(
            f"spelling variants ({title}): {merged} of {len(chosen)} pairs merged across "
            f"documents ({_percent(merged, len(chosen))}), {pending} left pending"
        )
        if cyrillic is None:
            kinds = Counter(_reason_kind(o.reason) for _, o in chosen if not o.merged)
            lines.append("  missed, by the strict rule's verdict on the pair:")
            lines.extend(f"    {count:4d}  {kind}" for kind, count in kinds.most_common())
        if cyrillic:
            missed = [(a, b, o.pending) for (a, b, _), o in chosen if not o.merged]
            lines.extend(
                f"  missed: {a} / {b}" + (" (pending)" if p else "") for a, b, p in missed[:20]
            )
    lines.append(
        f"  not scored: {found.other_surname} aliases with another surname (cover identities), "
        f"{found.part_missing} with a name part only one side gives, "
        f"{found.other_given} with another given name or patronymic"
    )
    namesakes = namesake_pairs(people)
    for title, pairs in (
        ("different people sharing a surname", namesakes.surname),
        ("different people sharing a given name", namesakes.given),
        ("homonyms (one listed name string, two ids; their primary names)", namesakes.homonyms),
    ):
        distinct = sorted(set(pairs))
        results = score(distinct, "namesake")
        wrong = [pair for pair, o in zip(distinct, results, strict=True) if o.merged]
        waiting = sum(1 for o in results if not o.merged and o.pending)
        lines.append(
            f"{title}: {len(distinct)} pairs, false merges {len(wrong)} (must be 0), "
            f"{waiting} pending"
        )
        lines.extend(f"  FALSE MERGE: {a} / {b}" for a, b in wrong)
    identical = sorted(set(namesakes.identical))
    lines.append(
        f"  not scored: {len(identical)} primary names listed under two ids "
        f"(no name can tell them apart): {'; '.join(identical)}"
    )
    lines.extend(screening_lines(people))
    return lines


def write_list(people: Sequence[Person], path: Path) -> None:
    """The listed people as FtM Person entities (JSON lines), for screening."""
    from followthemoney import model

    with path.open("w", encoding="utf-8") as handle:
        for person in people:
            entity = model.make_entity("Person")
            entity.id = f"dev-{person.id}"
            entity.add("name", person.primary.natural)
            for alias in person.aliases:
                entity.add("alias", alias.natural)
            handle.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")


def screening_lines(people: Sequence[Person]) -> list[str]:
    """The seeds' candidate targets screened against the development file as an FtM list."""
    import tempfile

    from followthemoney import model

    from dossier.build import QuietReporter, run_assessment
    from dossier.screen import screen_targets
    from dossier.settings import Settings

    with tempfile.TemporaryDirectory(prefix="dossier-screen-") as tmp:
        root = Path(tmp)
        saved = dict(os.environ)
        os.environ.update(
            {
                "DOSSIER_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
                "DOSSIER_ENTITIES_DIR": str(root / "entities"),
                "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
                "DOSSIER_CACHE_DIR": str(root / "cache"),
            }
        )
        try:
            result = run_assessment(Settings.from_env(), QuietReporter())
        finally:
            os.environ.clear()
            os.environ.update(saved)
        targets = []
        for target in result.targets:
            if not target.is_target:
                continue
            entity = model.make_entity("Person")
            entity.id = target.id
            entity.add("name", result.clusters[target.id].name)
            entity.add("alias", result.clusters[target.id].aliases)
            targets.append(entity)
        listed = root / "ofac-dev.ftm.json"
        write_list(people, listed)
        screening = screen_targets(targets, listed)
    lines = [
        f"screening the seeds' {len(targets)} candidate targets against the development file "
        f"as FtM ({screening.entity_count} people): {screening.strong_count} strong, "
        f"{screening.possible_count} possible matches"
    ]
    for screened in screening.targets:
        strong = "; ".join(m.entity.caption for m in screened.strong) or "none"
        left_out = screened.possible_left_out
        lines.append(
            f"  {screened.target.caption}: {len(screened.strong)} strong ({strong}), "
            f"{len(screened.possible)} possible" + (f" (+{left_out} left out)" if left_out else "")
        )
    return lines


def main() -> None:
    print("\n".join(run()))


if __name__ == "__main__":
    main()
