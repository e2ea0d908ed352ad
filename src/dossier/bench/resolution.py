"""Resolution benchmark against the hand annotation of seeds 000-003.

One local entity per (file, annotated entity), named by its longest spelling in
that file with the other spellings as aliases, is resolved with no human
decisions. Reported: false merges (different annotated entities in one
cluster; must be 0), people split into several clusters, pending pairs; then
the same for synthetic traps (different people who must stay apart) and
transliteration variants (one person spelled per the general patterns); then the
constructed siblings and namesakes of ``distinct_names`` (none may auto-merge).

Run: ``python -m dossier.bench.resolution``.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.bench import distinct_names
from dossier.model import (
    ActorSchema,
    EntityLabel,
    Extraction,
    LocalEntity,
    SourceDocument,
    SourceMeta,
    local_entity_key,
)
from dossier.resolve import Resolution, resolve_entries
from dossier.resolve.catalog import catalog_entries
from dossier.resolve.decisions import Decision, load_decisions
from dossier.resolve.names import display_case, name_key
from dossier.settings import PROJECT_ROOT

ANNOTATION = PROJECT_ROOT / "tests" / "data" / "annotations-000-003.json"
ANNOTATION_004 = PROJECT_ROOT / "tests" / "data" / "annotations-004.json"
DECISIONS = PROJECT_ROOT / "entities" / "decisions" / "identity.jsonl"
SEEDS = PROJECT_ROOT / "seeds"
MEMORY_DB = "sqlite://"

# Different people who must never merge: (name, name), each in its own document.
TRAPS: tuple[tuple[str, str], ...] = (
    ("Aikorkem Meldekhan", "Zhanel Meldekhan"),
    ("Aikorkem Meldekhan", "Bauyrzhan Meldekhan"),
    ("Aikorkem Meldekhan", "Bekislam Meldekhan"),
    ("Aikorkem Meldekhan", "Aidos Meldekhan"),
    ("Zhanel Meldekhan", "Bauyrzhan Meldekhan"),
    ("Zhanel Meldekhan", "Bekislam Meldekhan"),
    ("Zhanel Meldekhan", "Aidos Meldekhan"),
    ("Bauyrzhan Meldekhan", "Bekislam Meldekhan"),
    ("Bauyrzhan Meldekhan", "Aidos Meldekhan"),
    ("Bekislam Meldekhan", "Aidos Meldekhan"),
    ("Dinmukhamed Kunaev", "Askar Kunaev"),
    ("Aina Shormanbayeva", "Amangeldy Shormanbayev"),
    ("Timur Kulibayev", "Dinara Kulibayeva"),
    ("Nursultan Nazarbayev", "Dariga Nazarbayeva"),
    ("Rakhat Aliyev", "Nurali Aliyev"),
    ("Timur Kulibayev", "Timur Turlov"),
    ("Vladimir Putin", "Vladimir Kozlov"),
    ("Prince Andrew", "Andrew Roth"),
    ("Nursultan Nazarbayev", "Nursultan Kuatbayev"),
    ("Aya Sadvakasova", "Ayan Kalmurat"),
    ("Raigul Sadyrbayeva", "Aya Sadvakasova"),
    ("Bakhytzhan Toregozhina", "Bauyrzhan Meldekhan"),
    ("T. Kulibayev", "Timur Turlov"),
    ("Kulibayeva", "Timur Kulibayev"),
)
# Names in the traps that are one person with another trap name.
SAME_PERSON: dict[str, str] = {"T. Kulibayev": "Timur Kulibayev"}
ORG_TRAPS: tuple[tuple[str, str], ...] = (
    ("Democratic Choice of Kazakhstan", "Democratic Party of Kazakhstan"),
    ("Sberbank Kazakhstan", "Sberbank Russia"),
    ("VTB Kazakhstan", "VTB Bank"),
    ("Alfa Bank Kazakhstan", "Alfa Bank"),
    ("Constitutional Court", "Constitutional Council"),
    ("Alga", "Alga Kazakhstan"),
)

# The same person, spelled per the general transliteration patterns.
VARIANTS: tuple[tuple[str, str], ...] = (
    ("Kassym-Jomart Tokayev", "Kasym-Jomart Tokayev"),
    ("Kassym-Jomart Tokayev", "Kassym Zhomart-Tokayev"),
    ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев"),
    ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
    ("Bauyrzhan Meldekhan", "Baurzhan Meldekhan"),
    ("Vladimir Kozlov", "Vladimir Koslov"),
    ("Muktar Ablyazov", "Mukhtar Ablyazov"),
    ("Muktar Ablyazov", "Muktar Ablayazov"),
    ("Mukhtar Ablyazov", "Мухтар Аблязов"),
    ("Mihra Rittmann", "Mihra Rittman"),
    ("Janbolat Mamai", "Zhanbolat Mamay"),
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
    ("Nursultan Nazarbayev", "Нурсултан Назарбаев"),
    ("Rakhat Aliyev", "Rakhat Aliev"),
    ("Rakhat Aliyev", "Rahat Aliyev"),
    ("Aset Dzhumadiyev", "Aset Jumadiyev"),
    ("Aset Dzhumadiyev", "Aset Dzhumadiev"),
    ("Yermek Abdreshev", "Ermek Abdreshev"),
    ("Yermek Abdreshev", "Yermek Abdreshiev"),
    ("Akylzhan Kiysimbayev", "Akylzhan Kiisimbaev"),
    ("Timur Kulibayev", "Тимур Кулибаев"),
    ("Dinara Kulibayeva", "Dinara Kulibaeva"),
    ("Bulat Utemuratov", "Bulat Utemuratov"),
    ("Bakhytzhan Zhumagulov", "Bakhytzhan Jumagulov"),
    ("Sayat Adilbekuly", "Saiat Adilbekuly"),
    ("Kosai Makhanbayev", "Kosai Mahanbayev"),
    ("Zhanel Meldekhan", "Janel Meldekhan"),
    ("Gulnara Karimova", "Gulnara Karimowa"),
    ("Kairat Kelimbetov", "Qairat Kelimbetov"),
    ("Daniyar Akishev", "Daniiar Akishev"),
)
ORG_VARIANTS: tuple[tuple[str, str], ...] = (
    ("Collective Security Treaty Organization", "Collective Security Treaty Organisation"),
    ("Samruk-Kazyna", "Samruk-Kaznya"),
    ("Khalyk Bank", "Halyk Bank"),
    ("Astana International Financial Centre", "Astana International Financial Center"),
)


@dataclass
class Figures:
    """Counts for one benchmark part."""

    entities: int = 0  # annotated entities (or synthetic pairs)
    false_merges: int = 0
    split: int = 0  # entities spread over several clusters
    multi: int = 0  # entities with more than one local entity
    pending: int = 0
    pending_true: int = 0  # pending pairs that are in fact one entity


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _document(file_name: str) -> SourceDocument:
    path = SEEDS / file_name
    if path.is_file():
        data = path.read_bytes()
        return SourceDocument(
            file_name, data.decode("utf-8"), hashlib.sha1(data).hexdigest(), SourceMeta()
        )
    return SourceDocument(file_name, "", _hash(file_name), SourceMeta())


def _entity(doc: SourceDocument, schema: ActorSchema, spellings: Sequence[str]) -> LocalEntity:
    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    name = display_case(ordered[0]) if schema == "Person" else ordered[0]
    schema_class = "person" if schema == "Person" else "org"
    label: EntityLabel = "PERSON" if schema == "Person" else "ORG"
    key = local_entity_key(doc.content_hash, label, name_key(schema_class, name) or name)
    return LocalEntity(key, schema, name, set(ordered[1:]))


def annotated_extractions(
    annotations: Sequence[Path] = (ANNOTATION,),
) -> tuple[list[Extraction], dict[str, str]]:
    """Extractions built from the annotation, and each local key's gold identity."""
    extractions: dict[str, Extraction] = {}
    gold: dict[str, str] = {}
    items: list[tuple[str, ActorSchema, dict[str, Any]]] = []
    for annotation in annotations:
        data = json.loads(annotation.read_text(encoding="utf-8"))
        groups: tuple[tuple[str, ActorSchema], ...] = (
            ("persons", "Person"),
            ("organizations", "Organization"),
        )
        for group, schema in groups:
            items.extend((group, schema, item) for item in data[group])
    for group, schema, item in items:
        by_file: dict[str, list[str]] = defaultdict(list)
        for mention in item["mentions"]:
            by_file[mention["file"]].append(mention["text"])
        for file_name, spellings in sorted(by_file.items()):
            if file_name not in extractions:
                extractions[file_name] = Extraction(_document(file_name), "annotation")
            extraction = extractions[file_name]
            entity = _entity(extraction.source, schema, spellings)
            if entity.key in extraction.entities:
                raise ValueError(f"two annotated entities share a key in {file_name}")
            extraction.entities[entity.key] = entity
            gold[entity.key] = f"{group}:{item['id']}"
    return [extractions[f] for f in sorted(extractions)], gold


def synthetic_extractions(
    pairs: Sequence[tuple[str, str]], schema: ActorSchema, same: bool, tag: str
) -> tuple[list[Extraction], dict[str, str]]:
    """One document per name; gold identity per pair (same) or per name (different)."""
    extractions: list[Extraction] = []
    gold: dict[str, str] = {}
    person = {name: SAME_PERSON.get(name, name) for pair in pairs for name in pair}
    if same:  # every name linked by a pair is one person
        for left, right in pairs:
            old, new = person[right], person[left]
            person = {n: (new if p == old else p) for n, p in person.items()}
    for number, (left, right) in enumerate(pairs):
        for side, name in (("a", left), ("b", right)):
            doc = SourceDocument(
                f"synthetic/{tag}-{number}-{side}.txt",
                name,
                _hash(f"{tag}\x1f{number}\x1f{side}"),
                SourceMeta(),
            )
            entity = _entity(doc, schema, [name])
            extraction = Extraction(doc, "synthetic", entities={entity.key: entity})
            extractions.append(extraction)
            gold[entity.key] = f"{tag}:{person[name]}"
    return extractions, gold


def measure(
    extractions: Sequence[Extraction],
    gold: dict[str, str],
    score: bool = False,
    decisions: Sequence[Decision] = (),
) -> tuple[Figures, Resolution, list[str]]:
    """Resolve ``extractions`` and compare with ``gold``; also return the problems found."""
    resolution = resolve_entries(catalog_entries(extractions), decisions, MEMORY_DB, score=score)
    clusters: dict[str, set[str]] = defaultdict(set)
    spread: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for key, cid in resolution.canonical.items():
        clusters[cid].add(gold[key])
        spread[gold[key]].add(cid)
        counts[gold[key]] += 1
    figures = Figures(entities=len(spread))
    problems: list[str] = []
    for cid, identities in sorted(clusters.items()):
        if len(identities) > 1:
            figures.false_merges += len(identities) - 1
            problems.append(f"FALSE MERGE {cid}: {', '.join(sorted(identities))}")
    for identity, cids in sorted(spread.items()):
        if counts[identity] > 1:
            figures.multi += 1
        if len(cids) > 1:
            figures.split += 1
            problems.append(f"split {identity} over {len(cids)} entities")
    figures.pending = len(resolution.pending)
    figures.pending_true = sum(1 for p in resolution.pending if gold[p.left] == gold[p.right])
    return figures, resolution, problems


def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole > 0 else "n/a"


def measure_reviewed_people() -> tuple[Figures, Resolution, list[str]]:
    """What the product delivers after human review: the people of 000-004 (the
    004 annotation is ours) resolved under the repository's identity decisions."""
    extractions, gold = annotated_extractions((ANNOTATION, ANNOTATION_004))
    people = [
        Extraction(
            e.source,
            e.extractor,
            entities={k: v for k, v in e.entities.items() if v.schema == "Person"},
        )
        for e in extractions
    ]
    people_gold = {k: g for k, g in gold.items() if g.startswith("persons:")}
    return measure(people, people_gold, decisions=load_decisions(DECISIONS))


def run() -> list[str]:
    """The benchmark report, one line per figure."""
    lines: list[str] = []
    extractions, gold = annotated_extractions()
    figures, resolution, problems = measure(extractions, gold)
    for group in ("persons", "organizations"):
        keys = {k for k, g in gold.items() if g.startswith(group)}
        group_gold = {k: gold[k] for k in keys}
        spread: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            spread[group_gold[key]].add(resolution.canonical[key])
        split = sum(1 for cids in spread.values() if len(cids) > 1)
        lines.append(
            f"annotation {group}: {len(spread)} entities, {len(keys)} local entities, "
            f"split {split} ({_percent(split, len(spread))})"
        )
    lines.append(f"annotation false merges: {figures.false_merges} (must be 0)")
    lines.append(
        f"annotation split: {figures.split} of {figures.entities} entities "
        f"({_percent(figures.split, figures.entities)}); "
        f"{figures.multi} appear in more than one document"
    )
    fixable = {gold[p.left] for p in resolution.pending if gold[p.left] == gold[p.right]}
    lines.append(
        f"annotation split entities with a pending pair that would join them: {len(fixable)} "
        f"of {figures.split}"
    )
    lines.append(
        f"annotation pending pairs: {figures.pending} "
        f"({figures.pending_true} same entity, {figures.pending - figures.pending_true} different)"
    )
    lines.extend(f"  {p}" for p in problems)
    for pair in resolution.pending:
        verdict = "same" if gold[pair.left] == gold[pair.right] else "different"
        lines.append(
            f"  pending ({verdict}): {pair.left_name} [{pair.left_document[:3]}] / "
            f"{pair.right_name} [{pair.right_document[:3]}]: {pair.reason}"
        )
    decided, _, decided_problems = measure_reviewed_people()
    lines.append(
        f"persons of 000-004 with the repository's identity decisions: false merges "
        f"{decided.false_merges} (must be 0), split {decided.split} of {decided.entities} "
        f"({_percent(decided.split, decided.entities)})"
    )
    lines.extend(f"  {p}" for p in decided_problems)
    for title, pairs, schema, same in (
        ("person traps", TRAPS, "Person", False),
        ("organisation traps", ORG_TRAPS, "Organization", False),
        ("person variants", VARIANTS, "Person", True),
        ("organisation variants", ORG_VARIANTS, "Organization", True),
    ):
        tag = title.replace(" ", "-")
        syn, syn_gold = synthetic_extractions(pairs, schema, same, tag)  # type: ignore[arg-type]
        figures, _, problems = measure(syn, syn_gold)
        if same:
            merged = len(pairs) - figures.split
            lines.append(
                f"{title}: {merged} of {len(pairs)} pairs merged, "
                f"{figures.pending} pending, false merges {figures.false_merges}"
            )
        else:
            lines.append(
                f"{title}: {len(pairs)} pairs, false merges {figures.false_merges} (must be 0), "
                f"{figures.pending} pending"
            )
        lines.extend(f"  {p}" for p in problems)
    lines.extend(distinct_names.run())
    return lines


def main() -> None:
    print("\n".join(run()))


if __name__ == "__main__":
    main()


__all__ = ["ANNOTATION", "Figures", "annotated_extractions", "measure", "run"]
