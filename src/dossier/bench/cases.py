"""The development cases (``cases/`` of the reference data) through the whole pipeline.

The 29 texts are copied, without sidecars, into a temporary seeds folder and
run as one corpus through the build's own stages (``build.run_assessment``:
ingest, extract, resolve, candidate targets) with temporary ``DOSSIER_*``
folders. The figures follow the cases README's "Suggested scoring":

- **People**, per distinct person per document. A predicted person is a
  document-level Person entity; its spellings are its name, its aliases and
  the text of each of its mentions. A gold person is its canonical name and
  its aliases. Spellings are compared after ``spelling_key``: titles in front,
  a possessive at the end and a leading "the" dropped, then ``fold`` (case,
  diacritics, punctuation and hyphens, whitespace). A predicted person is
  correct when it matches exactly one gold person; matching two or more is a
  merge and counts as wrong. Names only under ``uncertain`` are not scored
  (matching one is neither right nor wrong), nor is a predicted name cut off
  at the end of a truncated text. Figures are given with every gold person,
  then without those flagged ``uncertain`` (they are then treated like the
  unscored names).
- **Accused as candidate targets**: an accused person is a target when some
  predicted person matching it belongs to a resolved person whose standing is
  candidate (or decided target).
- **Wrong targets**: every candidate target whose document-level members
  match no accused person, by what they are: protected, neutral, an accused
  organisation, or not a gold person at all (places, laws, programmes and
  names nobody annotated), listed by name.
- **Merges of must-not-merge pairs**: a pair is merged when one resolved actor
  holds both people. An entity holds a person when one of its spellings
  belongs to that person alone among the document's gold names.
- **Wrong reference links**: a mention linked to an entity whose name is a
  gold person B, while the mention's own spelling is a name or alias of other
  gold people but not of B ("Sergey" of Sergey A linked to Sergey B).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.bench.extraction import spelling_key
from dossier.bench.reference import missing, reference_file, verbose
from dossier.bench.verdicts import judge, timed
from dossier.build import BuildResult, run_assessment
from dossier.extract.nlp import load_pipeline
from dossier.ingest import ingest_dir
from dossier.model import Extraction
from dossier.settings import Settings

SUITE = "cases"
ROLES = ("accused", "protected", "neutral")
RECALL_MIN = 0.95
PRECISION_MIN = 0.95
ACCUSED_MIN = 0.85


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


@dataclass
class PeopleScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold > 0 else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted > 0 else 1.0

    def add(self, other: PeopleScore) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct
        self.missed += other.missed
        self.spurious += other.spurious
        self.merged += other.merged
        self.split += other.split


def score_people(
    gold: GoldFile, predicted: Sequence[Predicted], text: str, with_flagged: bool
) -> PeopleScore:
    """People found and predicted correctly in one document."""
    persons = gold.scored(with_flagged)
    ignored = gold.ignored(with_flagged)
    score = PeopleScore(gold=len(persons))
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


# -- the run --------------------------------------------------------------------


class _Marks:
    """A build reporter that notes when each stage starts."""

    def __init__(self) -> None:
        self.marks: dict[str, float] = {}

    def stage(self, name: str, total: int | None = None) -> None:
        self.marks.setdefault(name, time.process_time())

    def tick(self) -> None:
        return None


@dataclass
class CaseRun:
    result: BuildResult
    spacy_seconds: float
    extract_seconds: float


def run_cases(texts_dir: Path) -> CaseRun:
    """The whole pipeline over the texts, in a temporary folder with temporary settings."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        for path in sorted(texts_dir.glob("*.txt")):
            shutil.copyfile(path, seeds / path.name)
        saved = dict(os.environ)
        os.environ.update(
            {
                "DOSSIER_SEEDS_DIR": str(seeds),
                "DOSSIER_ENTITIES_DIR": str(root / "entities"),
                "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
                "DOSSIER_CACHE_DIR": str(root / "cache"),
            }
        )
        try:
            settings = Settings.from_env()
            nlp = load_pipeline(settings.spacy_model)
            sources, _ = ingest_dir(seeds, settings.max_text_bytes)
            texts = [s.analysis_text() for s in sources]
            list(nlp.pipe(texts[:1]))  # warm up
            started = time.process_time()
            list(nlp.pipe(texts))
            spacy_seconds = time.process_time() - started
            reporter = _Marks()
            result = run_assessment(settings, reporter, fresh=True)
        finally:
            os.environ.clear()
            os.environ.update(saved)
    extract_seconds = (
        reporter.marks["Resolving identities"] - reporter.marks["Checking the extraction cache"]
    )
    return CaseRun(result, spacy_seconds, extract_seconds)


def _counted(items: Sequence[str]) -> str:
    """Distinct items in first-seen order, with "(xN)" when repeated."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return "; ".join(f"{k} (x{n})" if n > 1 else k for k, n in counts.items())


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100.0 * part / whole:.0f}%" if whole > 0 else "n/a"


def run() -> list[str]:
    gold_path = reference_file("cases", "gold.json")
    texts_dir = reference_file("cases", "texts")
    if gold_path is None or texts_dir is None:
        return [missing("cases/gold.json and cases/texts/")]
    golds = {g.file: g for g in parse_gold(json.loads(gold_path.read_text(encoding="utf-8")))}
    case = run_cases(texts_dir)
    result = case.result
    actor_of = {m.entity.key: c.id for c in result.clusters.values() for m in c.members}
    targets = {t.id for t in result.targets if t.is_target}
    by_file: dict[str, tuple[GoldFile, Extraction, list[Predicted]]] = {}
    for extraction in result.extractions:
        name = Path(extraction.source.file_name).name
        if name not in golds:
            raise ValueError(f"cases: {name} has no entry in gold.json")
        by_file[name] = (golds[name], extraction, predictions(extraction, actor_of))
    absent = sorted(set(golds) - set(by_file))
    if len(absent) > 0:
        raise ValueError(f"cases: gold.json names files that were not read: {absent}")
    show = verbose()
    lines = [
        f"cases: {len(by_file)} texts as one corpus (ingest, extract, resolve, targets); "
        "per distinct person per document"
    ]
    totals = {flag: PeopleScore() for flag in (True, False)}
    accused = {flag: [0, 0] for flag in (True, False)}  # made, all
    merges: list[str] = []
    links: list[str] = []
    for name, (gold, extraction, predicted) in sorted(by_file.items()):
        text = extraction.source.text
        details: list[str] = []
        for flag in (True, False):
            people = score_people(gold, predicted, text, flag)
            totals[flag].add(people)
            made, not_made = accused_targets(gold, predicted, targets, flag)
            accused[flag][0] += len(made)
            accused[flag][1] += len(made) + len(not_made)
            if flag:
                details.append(
                    f"  {name[:2]}: P {people.precision:.2f} R {people.recall:.2f} "
                    f"accused as targets {len(made)}/{len(made) + len(not_made)}"
                )
                for label, values in (
                    ("missed", people.missed),
                    ("spurious", people.spurious),
                    ("merged", people.merged),
                    ("split", people.split),
                    ("accused not a target", not_made),
                ):
                    if len(values) > 0:
                        details.append(f"      {label}: {'; '.join(values)}")
        pairs = merged_pairs(gold, predicted)
        wrong = wrong_links(gold, predicted)
        merges += [f"{name[:2]} {p}" for p in pairs]
        links += [f"{name[:2]} {w}" for w in wrong]
        if show:
            lines += details
            lines += [f"      must-not-merge merged: {p}" for p in pairs]
            if len(wrong) > 0:
                lines.append(f"      wrong links: {_counted(wrong)}")
    wrong_targets: dict[str, list[str]] = {}
    for actor_id in sorted(targets):
        cluster = result.clusters[actor_id]
        members = []
        for member in cluster.members:
            file = Path(member.extraction.source.file_name).name
            gold, _, predicted = by_file[file]
            members += [(gold, p) for p in predicted if p.key == member.entity.key]
        kind = target_kind(members)
        if kind not in ("accused", "unscored"):
            files = sorted({Path(m.extraction.source.file_name).name[:2] for m in cluster.members})
            wrong_targets.setdefault(kind, []).append(f"{cluster.name} ({','.join(files)})")
    for flag, label in ((True, "all gold persons"), (False, "without uncertain-flagged")):
        people = totals[flag]
        lines.append(
            f"  people ({label}): P {people.precision:.3f} ({people.correct}/{people.predicted}) "
            f"R {people.recall:.3f} ({people.found}/{people.gold}); "
            f"{len(people.merged)} merged entities, {len(people.split)} split persons"
        )
        lines.append(f"  accused as candidate targets ({label}): {_pct(*accused[flag])}")
    lines.append(f"  candidate targets: {len(targets)}")
    wrong_count = 0
    for kind in ("protected", "neutral", "organisation", "not a gold person"):
        found = wrong_targets.get(kind, [])
        wrong_count += len(found)
        lines.append(
            f"  {kind} as candidate targets: {len(found)}"
            + (f" ({'; '.join(found)})" if len(found) > 0 else "")
        )
    lines.append(
        f"  must-not-merge pairs merged: {len(merges)}"
        + (f" ({'; '.join(merges)})" if len(merges) > 0 else "")
    )
    lines.append(
        f"  wrong reference links: {len(links)}"
        + (f" ({_counted(links)})" if len(links) > 0 else "")
    )
    people = totals[True]
    certain_made, certain_all = accused[False]
    lines += [
        "  " + judge(SUITE, f"people recall >= {RECALL_MIN}", f"{people.recall:.3f}",
                     people.recall >= RECALL_MIN),
        "  " + judge(SUITE, f"people precision >= {PRECISION_MIN}", f"{people.precision:.3f}",
                     people.precision >= PRECISION_MIN),
        "  " + judge(SUITE, f"accused as candidate targets >= {100 * ACCUSED_MIN:.0f}%",
                     _pct(certain_made, certain_all),
                     certain_all > 0 and certain_made >= ACCUSED_MIN * certain_all),
        "  " + judge(SUITE, "protected/neutral/org/place/law/unlisted targets = 0",
                     str(wrong_count), wrong_count == 0),
        "  " + judge(SUITE, "must-not-merge pairs merged = 0", str(len(merges)),
                     len(merges) == 0),
        "  " + judge(SUITE, "wrong given-name/surname links = 0", str(len(links)),
                     len(links) == 0),
        "  " + timed(SUITE, case.spacy_seconds, case.extract_seconds),
    ]  # fmt: skip
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
