"""Mention extraction against the hand annotations, and its speed next to raw spaCy.

Quality is counted per distinct entity per document, as in issue 3: an
annotated person is found when some extracted PERSON entity of that document
carries one of its annotated spellings (name, alias or mention text; titles
and possessives aside). An extracted entity is correct when it matches exactly
one annotated person; matching two is a merge (the worst failure) and counts
as wrong. Organisations: an annotated organisation is found when some ORG
mention has one of its annotated spellings.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier.bench.verdicts import judge
from dossier.extract.mentions import DocumentMentions, find_mentions
from dossier.extract.names import fold, is_title
from dossier.extract.nlp import load_pipeline
from dossier.model import SourceDocument, SourceMeta
from dossier.settings import PROJECT_ROOT, Settings

DATA_DIR = PROJECT_ROOT / "tests" / "data"
SEED_MIN = 0.99  # issue 12: the seeds keep people P and R >= 0.99
SEEDS_DIR = PROJECT_ROOT / "seeds"


@dataclass
class Gold:
    """The annotation of one document: spellings per person and organisation id."""

    persons: dict[str, set[str]] = field(default_factory=dict)
    orgs: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class Score:
    """Counts for one label in one document (or summed)."""

    gold: int = 0
    found: int = 0  # gold entities found
    predicted: int = 0
    correct: int = 0  # predicted entities matching exactly one gold entity
    merged: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold > 0 else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted > 0 else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct
        self.merged += other.merged
        self.split += other.split
        self.missed += other.missed
        self.spurious += other.spurious


def spelling_key(value: str) -> str:
    """Fold a spelling; drop titles in front and a possessive at the end."""
    words = value.replace("\u00a0", " ").split()
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    text = " ".join(words)
    text = re.sub(r"(?:[’']s|(?<=s)[’'])$", "", text)
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return fold(text)


def load_annotations(data_dir: Path = DATA_DIR) -> dict[str, Gold]:
    """file name -> Gold, from every ``annotations-*.json`` in ``data_dir``."""
    golds: dict[str, Gold] = {}
    for path in sorted(data_dir.glob("annotations-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind, target in (("persons", "persons"), ("organizations", "orgs")):
            for item in data.get(kind, []):
                for mention in item["mentions"]:
                    gold = golds.setdefault(mention["file"], Gold())
                    table: dict[str, set[str]] = getattr(gold, target)
                    spellings = table.setdefault(item["id"], set())
                    spellings.add(spelling_key(mention["text"]))
                    if target == "persons":
                        spellings.add(spelling_key(item["name"]))
    return golds


def load_source(path: Path) -> SourceDocument:
    data = path.read_bytes()
    return SourceDocument(
        file_name=path.name,
        text=data.decode("utf-8"),
        content_hash=hashlib.sha1(data).hexdigest(),
        meta=SourceMeta(),
    )


def score_document(found: DocumentMentions, gold: Gold) -> tuple[Score, Score]:
    """(PERSON score, ORG score) of one document."""
    people = Score(gold=len(gold.persons))
    matched: dict[str, int] = dict.fromkeys(gold.persons, 0)
    for key, entity in found.entities.items():
        if entity.schema != "Person":
            continue
        forms = {spelling_key(entity.name)} | {spelling_key(a) for a in entity.aliases}
        forms |= {spelling_key(m.text) for m in found.mentions if m.entity_key == key}
        hits = [pid for pid, spellings in gold.persons.items() if len(forms & spellings) > 0]
        people.predicted += 1
        if len(hits) == 1:
            people.correct += 1
        elif len(hits) > 1:
            people.merged.append(f"{entity.name} = {' + '.join(hits)}")
        else:
            people.spurious.append(entity.name)
        for pid in hits:
            matched[pid] += 1
    people.found = sum(1 for n in matched.values() if n > 0)
    people.missed = sorted(pid for pid, n in matched.items() if n == 0)
    people.split = sorted(pid for pid, n in matched.items() if n > 1)
    orgs = Score(gold=len(gold.orgs))
    org_forms = {spelling_key(m.text) for m in found.mentions if m.label == "ORG"}
    org_entities = [e for e in found.entities.values() if e.schema != "Person"]
    orgs.predicted = len(org_entities)
    for entity in org_entities:
        forms = {spelling_key(entity.name)} | {spelling_key(a) for a in entity.aliases}
        if any(len(forms & spellings) > 0 for spellings in gold.orgs.values()):
            orgs.correct += 1
    for oid, spellings in gold.orgs.items():
        if len(org_forms & spellings) > 0:
            orgs.found += 1
        else:
            orgs.missed.append(oid)
    return people, orgs


def _words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def run() -> list[str]:
    golds = load_annotations()
    paths = [SEEDS_DIR / name for name in sorted(golds) if (SEEDS_DIR / name).exists()]
    sources = [load_source(p) for p in paths]
    nlp = load_pipeline(Settings.from_env().spacy_model)
    texts = [s.analysis_text() for s in sources]
    list(nlp.pipe(texts[:1]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    raw_seconds = time.perf_counter() - started
    started = time.perf_counter()
    results = find_mentions(sources, docs)
    extract_seconds = time.perf_counter() - started
    lines = ["mentions: per distinct entity per document against tests/data/annotations-*.json"]
    total_people, total_orgs = Score(), Score()
    for source, result in zip(sources, results, strict=True):
        people, orgs = score_document(result, golds[source.file_name])
        total_people.add(people)
        total_orgs.add(orgs)
        lines.append(
            f"  {source.file_name}: PERSON P {people.precision:.3f} R {people.recall:.3f} "
            f"({people.correct}/{people.predicted} predicted, {people.found}/{people.gold} found)"
            f"  ORG R {orgs.recall:.3f} ({orgs.found}/{orgs.gold})"
        )
        for label, values in (
            ("missed", people.missed),
            ("spurious", people.spurious),
            ("merged", people.merged),
            ("split", people.split),
        ):
            if len(values) > 0:
                lines.append(f"      PERSON {label}: {', '.join(values)}")
        if len(orgs.missed) > 0:
            lines.append(f"      ORG missed: {', '.join(orgs.missed)}")
    lines.append(
        f"  overall: PERSON P {total_people.precision:.3f} R {total_people.recall:.3f} "
        f"({total_people.correct}/{total_people.predicted}, "
        f"{total_people.found}/{total_people.gold}, "
        f"{len(total_people.merged)} merged, {len(total_people.split)} split)  "
        f"ORG R {total_orgs.recall:.3f} ({total_orgs.found}/{total_orgs.gold})"
    )
    for figure, value in (
        ("people precision", total_people.precision),
        ("people recall", total_people.recall),
    ):
        lines.append(
            "  " + judge("seeds", f"{figure} >= {SEED_MIN}", f"{value:.3f}", value >= SEED_MIN)
        )
    words = _words(texts)
    raw_rate = words / raw_seconds
    full_rate = words / (raw_seconds + extract_seconds)
    lines.append(
        f"  throughput: spaCy nlp.pipe {raw_rate:,.0f} words/s; with extraction "
        f"{full_rate:,.0f} words/s; overhead {100 * extract_seconds / raw_seconds:.1f}% "
        f"({words} words, spaCy {raw_seconds:.2f} s, find_mentions {extract_seconds:.2f} s)"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
