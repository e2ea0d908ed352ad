"""The development cases (``cases/`` of the reference data) through the whole pipeline.

The 29 texts are copied, without sidecars, into a temporary seeds folder and
run as one corpus through the build's own stages (``build.run_assessment``:
ingest, extract, resolve, candidate targets) with temporary ``DOSSIER_*``
folders. Measured, following the cases README's "Suggested scoring" (the
matching rules are in ``case_scoring``):

- **people** per distinct person per document: recall and precision, with
  every gold person and again without those flagged ``uncertain`` (which are
  then not scored, like the names only under ``uncertain``);
- **accused as candidate targets**: an accused person is a target when some
  predicted person matching it belongs to a resolved person whose standing is
  candidate (or decided target); the threshold is judged on the accused not
  flagged uncertain (regime heads blamed by attribution, relatives designated
  as relatives), both figures are shown;
- **wrong targets**: candidate targets none of whose document-level members
  match an accused person, by kind: protected, neutral, an accused
  organisation, or not a gold person at all (places, laws, programmes and
  names nobody annotated), listed by name;
- **must-not-merge pairs merged** and **wrong given-name/surname links**;
- the extract stage's CPU time next to spaCy's ``nlp.pipe`` over the same texts.

``DOSSIER_BENCH_VERBOSE=1`` adds each file's missed and spurious people, merges,
splits, accused who are not targets (and why: not found, no allegation, or
excluded and for what reason), merged pairs and wrong links; wrong targets are
always listed with the categories of their allegations.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier.bench.case_scoring import (
    GoldFile,
    Predicted,
    accused_targets,
    hits,
    merged_pairs,
    parse_gold,
    predictions,
    score_people,
    target_kind,
    wrong_links,
)
from dossier.bench.extraction import Score
from dossier.bench.reference import missing, reference_file, verbose
from dossier.bench.verdicts import cpu_seconds, judge, timed
from dossier.build import BuildResult, run_assessment
from dossier.extract.nlp import load_pipeline
from dossier.ingest import ingest_dir
from dossier.settings import Settings
from dossier.targets import Target

SUITE = "cases"
RECALL_MIN = 0.95
PRECISION_MIN = 0.95
ACCUSED_MIN = 0.85
WRONG_KINDS = ("protected", "neutral", "organisation", "not a gold person")


class _Marks:
    """A build reporter that notes the CPU time at which each stage starts."""

    def __init__(self) -> None:
        self.marks: dict[str, float] = {}

    def stage(self, name: str, total: int | None = None) -> None:
        self.marks.setdefault(name, cpu_seconds())

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
            started = cpu_seconds()
            list(nlp.pipe(texts))
            spacy_seconds = cpu_seconds() - started
            reporter = _Marks()
            result = run_assessment(settings, reporter, fresh=True)
        finally:
            os.environ.clear()
            os.environ.update(saved)
    extract_seconds = (
        reporter.marks["Resolving identities"] - reporter.marks["Checking the extraction cache"]
    )
    return CaseRun(result, spacy_seconds, extract_seconds)


@dataclass
class Figures:
    """The corpus's figures; ``[True]`` with every gold person, ``[False]`` without flagged."""

    people: dict[bool, Score] = field(
        default_factory=lambda: {True: Score(), False: Score()}
    )
    accused: dict[bool, list[int]] = field(
        default_factory=lambda: {True: [0, 0], False: [0, 0]}
    )  # made targets, all
    merges: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    targets: int = 0
    wrong_targets: dict[str, list[str]] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)  # per file, for the verbose output


Scored = dict[str, tuple[GoldFile, str, list[Predicted]]]  # file -> gold, text, predictions
Standing = dict[str, Target]  # resolved actor -> its standing, for those in question


def match_files(golds: Sequence[GoldFile], result: BuildResult) -> Scored:
    """Each read file with its gold and predictions; loud when the two sets differ."""
    by_name = {g.file: g for g in golds}
    actor_of = {m.entity.key: c.id for c in result.clusters.values() for m in c.members}
    out: Scored = {}
    for extraction in result.extractions:
        name = Path(extraction.source.file_name).name
        if name not in by_name:
            raise ValueError(f"cases: {name} has no entry in gold.json")
        out[name] = (by_name[name], extraction.source.text, predictions(extraction, actor_of))
    absent = sorted(set(by_name) - set(out))
    if len(absent) > 0:
        raise ValueError(f"cases: gold.json names files that were not read: {absent}")
    return out


def why_not(name: str, gold: GoldFile, predicted: Sequence[Predicted], standing: Standing) -> str:
    """Why an accused person is not a candidate target: not found, no allegation, excluded."""
    (person,) = [p for p in gold.persons if p.name == name]
    actors = sorted({item.actor for item in predicted if len(hits(item, [person])) > 0})
    if len(actors) == 0:
        return f"{name} [not found]"
    reasons: list[str] = []
    for actor in actors:
        target = standing.get(actor)
        if target is None:
            reasons.append("no allegation")
        else:
            reasons.append(f"{target.status}: {'; '.join(target.reasons)}")
    return f"{name} [{', '.join(dict.fromkeys(reasons))}]"


def score_file(figures: Figures, name: str, scored: Scored, standing: Standing) -> None:
    gold, text, predicted = scored[name]
    targets = {actor for actor, t in standing.items() if t.is_target}
    for flag in (True, False):
        people = score_people(gold, predicted, text, flag)
        figures.people[flag].add(people)
        made, not_made = accused_targets(gold, predicted, targets, flag)
        figures.accused[flag][0] += len(made)
        figures.accused[flag][1] += len(made) + len(not_made)
        if flag:
            figures.details.append(
                f"  {name[:2]}: P {people.precision:.2f} R {people.recall:.2f} "
                f"accused as targets {len(made)}/{len(made) + len(not_made)}"
            )
            for label, values in (
                ("missed", people.missed),
                ("spurious", people.spurious),
                ("merged", people.merged),
                ("split", people.split),
                ("accused not a target", [why_not(n, gold, predicted, standing) for n in not_made]),
            ):
                if len(values) > 0:
                    figures.details.append(f"      {label}: {'; '.join(values)}")
    pairs = merged_pairs(gold, predicted)
    wrong = wrong_links(gold, predicted)
    figures.merges += [f"{name[:2]} {p}" for p in pairs]
    figures.links += [f"{name[:2]} {w}" for w in wrong]
    figures.details += [f"      must-not-merge merged: {p}" for p in pairs]
    if len(wrong) > 0:
        figures.details.append(f"      wrong links: {_counted(wrong)}")


def score_targets(figures: Figures, scored: Scored, result: BuildResult) -> None:
    """Every candidate target that is not an accused person, by kind."""
    targets = sorted(t.id for t in result.targets if t.is_target)
    figures.targets = len(targets)
    for actor_id in targets:
        cluster = result.clusters[actor_id]
        members: list[tuple[GoldFile, Predicted]] = []
        for member in cluster.members:
            gold, _, predicted = scored[Path(member.extraction.source.file_name).name]
            members += [(gold, p) for p in predicted if p.key == member.entity.key]
        kind = target_kind(members)
        if kind in WRONG_KINDS:
            files = sorted({Path(m.extraction.source.file_name).name[:2] for m in cluster.members})
            target = next(t for t in result.targets if t.id == actor_id)
            figures.wrong_targets.setdefault(kind, []).append(
                f"{cluster.name} ({','.join(files)}: {', '.join(target.categories)})"
            )


def score_corpus(golds: Sequence[GoldFile], result: BuildResult) -> Figures:
    scored = match_files(golds, result)
    standing = {t.id: t for t in result.targets}
    figures = Figures()
    for name in sorted(scored):
        score_file(figures, name, scored, standing)
    score_targets(figures, scored, result)
    return figures


def _counted(items: Sequence[str]) -> str:
    """Distinct items in first-seen order, with "(xN)" when repeated."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return "; ".join(f"{k} (x{n})" if n > 1 else k for k, n in counts.items())


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100.0 * part / whole:.0f}%" if whole > 0 else "n/a"


def _listed(items: Sequence[str]) -> str:
    return f" ({_counted(items)})" if len(items) > 0 else ""


def report(figures: Figures) -> list[str]:
    lines: list[str] = []
    for flag, label in ((True, "all gold persons"), (False, "without uncertain-flagged")):
        people = figures.people[flag]
        lines.append(
            f"  people ({label}): P {people.precision:.3f} ({people.correct}/{people.predicted}) "
            f"R {people.recall:.3f} ({people.found}/{people.gold}); "
            f"{len(people.merged)} merged entities, {len(people.split)} split persons"
        )
        made, whole = figures.accused[flag]
        lines.append(f"  accused as candidate targets ({label}): {_pct(made, whole)}")
    lines.append(f"  candidate targets: {figures.targets}")
    for kind in WRONG_KINDS:
        found = figures.wrong_targets.get(kind, [])
        lines.append(f"  {kind} as candidate targets: {len(found)}{_listed(found)}")
    lines.append(f"  must-not-merge pairs merged: {len(figures.merges)}{_listed(figures.merges)}")
    lines.append(f"  wrong reference links: {len(figures.links)}{_listed(figures.links)}")
    people = figures.people[True]
    made, whole = figures.accused[False]
    wrong = sum(len(v) for v in figures.wrong_targets.values())
    verdicts = [
        (f"people recall >= {RECALL_MIN}", f"{people.recall:.3f}", people.recall >= RECALL_MIN),
        (
            f"people precision >= {PRECISION_MIN}",
            f"{people.precision:.3f}",
            people.precision >= PRECISION_MIN,
        ),
        (
            f"accused (not flagged) as candidate targets >= {100 * ACCUSED_MIN:.0f}%",
            _pct(made, whole),
            whole > 0 and made >= ACCUSED_MIN * whole,
        ),
        ("protected/neutral/org/place/law/unlisted targets = 0", str(wrong), wrong == 0),
        ("must-not-merge pairs merged = 0", str(len(figures.merges)), len(figures.merges) == 0),
        ("wrong given-name/surname links = 0", str(len(figures.links)), len(figures.links) == 0),
    ]
    lines += ["  " + judge(SUITE, what, figure, met) for what, figure, met in verdicts]
    return lines


def run() -> list[str]:
    gold_path = reference_file("cases", "gold.json")
    texts_dir = reference_file("cases", "texts")
    if gold_path is None or texts_dir is None:
        return [missing("cases/gold.json and cases/texts/")]
    golds = parse_gold(json.loads(gold_path.read_text(encoding="utf-8")))
    case = run_cases(texts_dir)
    figures = score_corpus(golds, case.result)
    lines = [
        f"cases: {len(golds)} texts as one corpus (ingest, extract, resolve, targets); "
        "people per distinct person per document"
    ]
    if verbose():
        lines += figures.details
    lines += report(figures)
    lines.append("  " + timed(SUITE, case.spacy_seconds, case.extract_seconds))
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
