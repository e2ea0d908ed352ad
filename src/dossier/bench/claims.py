"""Claims against the hand annotation (``role`` and ``allegations`` fields).

For seeds 000-003: allegation recall and precision for the accused (an
annotated allegation is found when a perpetrator-side claim of that person in
that file quotes it: the passage contains the quote or the quote contains the
passage), role accuracy per person and document, and the number of persons
with a protected role in the annotation who get any perpetrator-side claim
(must be 0). Annotated persons are matched to extracted entities by their
annotated spellings, so a mention-stage miss shows up here as a miss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.extract.claims import DocumentAnalysis, analyse_document
from dossier.extract.mentions import DocumentMentions, find_mentions
from dossier.extract.names import fold
from dossier.extract.nlp import load_pipeline
from dossier.ingest.source import ingest_file
from dossier.model import PERPETRATOR_PARTS, PROTECTED_ROLES, SourceDocument
from dossier.settings import PROJECT_ROOT, Settings

ANNOTATION = PROJECT_ROOT / "tests" / "data" / "annotations-000-003.json"
SEEDS_DIR = PROJECT_ROOT / "seeds"
_HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|prof|president)\.?\s+", re.IGNORECASE)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _spelling(text: str) -> str:
    text = _HONORIFIC.sub("", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return fold(text)


@dataclass
class Run:
    """One document: source, mentions and analysis."""

    source: SourceDocument
    found: DocumentMentions
    analysis: DocumentAnalysis


@dataclass
class Figures:
    annotated: int = 0
    recalled: int = 0
    predicted: int = 0
    correct: int = 0
    roles_total: int = 0
    roles_right: int = 0
    protected_hit: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    role_errors: list[str] = field(default_factory=list)


def analyse_seeds(prefixes: tuple[str, ...] = ("000", "001", "002", "003")) -> dict[str, Run]:
    """Ingest, parse, find mentions and analyse the annotated seeds."""
    settings = Settings.from_env()
    nlp = load_pipeline(settings.spacy_model)
    sources: list[SourceDocument] = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        if path.name[:3] in prefixes:
            ingested = ingest_file(path, SEEDS_DIR, settings.max_text_bytes)
            if isinstance(ingested, SourceDocument):
                sources.append(ingested)
    docs = [nlp(source.analysis_text()) for source in sources]
    runs: dict[str, Run] = {}
    for source, doc, found in zip(sources, docs, find_mentions(sources, docs), strict=True):
        runs[Path(source.file_name).name] = Run(source, found, analyse_document(source, doc, found))
    return runs


def _entity_keys(person: dict[str, Any], run: Run, file_name: str) -> set[str]:
    spellings = {_spelling(person["name"])}
    for mention in person.get("mentions", []):
        if mention["file"] == file_name:
            spellings.add(_spelling(mention["text"]))
    keys: set[str] = set()
    for key, entity in run.found.entities.items():
        if entity.schema != "Person":
            continue
        if _spelling(entity.name) in spellings:
            keys.add(key)
    return keys


def _matches(quote: str, passage: str) -> bool:
    quote, passage = _norm(quote), _norm(passage)
    return quote in passage or (len(passage) > 30 and passage in quote)


def score(runs: dict[str, Run], annotation: dict[str, Any]) -> Figures:
    figures = Figures()
    persons: list[dict[str, Any]] = annotation["persons"]
    mapped: dict[tuple[str, str], str] = {}  # (file, entity key) -> person id
    for person in persons:
        files = {m["file"] for m in person.get("mentions", [])}
        for file_name in sorted(files):
            run = runs.get(file_name)
            if run is None:
                continue
            keys = _entity_keys(person, run, file_name)
            for key in keys:
                mapped[(file_name, key)] = person["id"]
            figures.roles_total += 1
            roles = {run.analysis.roles.get(key) for key in keys}
            if person["role"] in roles:
                figures.roles_right += 1
            else:
                shown = ",".join(sorted(str(r) for r in roles))
                figures.role_errors.append(
                    f"{file_name[:3]} {person['id']}: {shown} != {person['role']}"
                )
    quotes: dict[tuple[str, str], list[str]] = {}
    for person in persons:
        for allegation in person.get("allegations", []):
            quotes.setdefault((allegation["file"], person["id"]), []).append(allegation["quote"])
    for (file_name, person_id), items in sorted(quotes.items()):
        run = runs[file_name]
        claims = [
            run.source.text[c.start : c.end]
            for c in run.analysis.claims
            if c.part in PERPETRATOR_PARTS and mapped.get((file_name, c.entity_key)) == person_id
        ]
        for quote in items:
            figures.annotated += 1
            if any(_matches(quote, passage) for passage in claims):
                figures.recalled += 1
            else:
                figures.missed.append(f"{file_name[:3]} {person_id}: {quote[:90]}")
    protected = {p["id"] for p in persons if p["role"] in PROTECTED_ROLES}
    hit: set[str] = set()
    for file_name, run in sorted(runs.items()):
        for claim in run.analysis.claims:
            entity = run.found.entities[claim.entity_key]
            if claim.part not in PERPETRATOR_PARTS or entity.schema != "Person":
                continue
            who: str | None = mapped.get((file_name, claim.entity_key))
            figures.predicted += 1
            passage = run.source.text[claim.start : claim.end]
            if who is not None and who in protected:
                hit.add(who)
            if who is not None and any(
                _matches(q, passage) for q in quotes.get((file_name, who), [])
            ):
                figures.correct += 1
            else:
                figures.spurious.append(
                    f"{file_name[:3]} {who or entity.name}: {claim.category}/{claim.part}"
                    f" {passage[:80]}"
                )
    figures.protected_hit = sorted(hit)
    return figures


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100.0 * part / whole:.0f}%" if whole > 0 else "n/a"


def run() -> list[str]:
    """Figures for ``make bench`` (one line each)."""
    annotation = json.loads(ANNOTATION.read_text(encoding="utf-8"))
    figures = score(analyse_seeds(), annotation)
    lines = [
        f"allegation recall (accused): {_pct(figures.recalled, figures.annotated)}",
        f"allegation precision (perpetrator-side person claims): "
        f"{_pct(figures.correct, figures.predicted)}",
        f"role accuracy (person x document): {_pct(figures.roles_right, figures.roles_total)}",
        f"protected persons with a perpetrator-side claim: {len(figures.protected_hit)} "
        f"(must be 0){': ' + ', '.join(figures.protected_hit) if figures.protected_hit else ''}",
    ]
    lines.extend(f"   missed: {item}" for item in figures.missed)
    lines.extend(f"   spurious: {item}" for item in figures.spurious)
    lines.extend(f"   role: {item}" for item in figures.role_errors)
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
