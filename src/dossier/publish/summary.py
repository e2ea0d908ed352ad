"""Spreadsheet-friendly summaries: ``targets.csv`` and ``evidence.csv``.

For colleagues who open files in Excel or LibreOffice rather than FtM tools.

Format: UTF-8 **with a byte-order mark** and CRLF line ends (RFC 4180), comma
separated, every field quoted. Excel only reads a CSV file as UTF-8 when it
starts with a BOM; without it Kazakh and Russian names turn into mojibake on a
double-click. LibreOffice, pandas (``encoding="utf-8-sig"``) and Python's csv
module read it as well.

Source text is untrusted: a cell that starts with ``=``, ``+``, ``-``, ``@``,
tab or carriage return would run as a formula in a spreadsheet, so such a cell
gets a leading apostrophe (shown by Excel as plain text). The FtM files keep
the verbatim passage; this file is a reading aid.

``targets.csv``: one row per candidate target (topic ``poi``), sorted by name
then ID, with evidence counts by review status and by category.
``evidence.csv``: one row per evidence item (``Documentation``) about anyone,
sorted by person, source title, evidence ID.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from followthemoney.statement.entity import StatementEntity
from followthemoney.types import registry

from dossier import atomic
from dossier.publish.targets import TargetFile, is_target

TARGETS_CSV = "targets.csv"
EVIDENCE_CSV = "evidence.csv"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TARGET_COLUMNS = [
    "target_id",
    "name",
    "aliases",
    "positions",
    "countries",
    "topics",
    "regimes",
    "status",
    "evidence_total",
    "evidence_accepted",
    "evidence_unreviewed",
    "evidence_rejected",
    "categories",
    "sources",
    "relations",
    "ftm_file",
]
EVIDENCE_COLUMNS = [
    "evidence_id",
    "person",
    "person_id",
    "category",
    "part",
    "status",
    "date",
    "quote",
    "description",
    "source_title",
    "source_publisher",
    "source_date",
    "source_url",
    "source_file",
    "source_id",
]
# FtM schemata that relate two actors (the export's relation kinds, plus Occupancy).
RELATION_SCHEMATA = frozenset(
    {"Family", "Associate", "Employment", "Membership", "Directorship", "Ownership", "Occupancy"}
)


def spreadsheet_cell(value: str) -> str:
    """``value`` made safe to open in a spreadsheet (no formula can run)."""
    if value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def _join(values: Sequence[str]) -> str:
    return "; ".join(sorted(set(values)))


def _first(entity: StatementEntity | None, prop: str) -> str:
    if entity is None:
        return ""
    values = sorted(entity.get(prop, quiet=True))
    return values[0] if len(values) > 0 else ""


def _csv_bytes(columns: Sequence[str], rows: Sequence[Mapping[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(c, "")) for c in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _category_part(doc: StatementEntity) -> tuple[str, str]:
    role = _first(doc, "role")
    category, _, part = role.partition("/")
    return category, part


def _source_cells(source: StatementEntity | None) -> dict[str, str]:
    return {
        "source_title": _first(source, "title"),
        "source_publisher": _first(source, "publisher"),
        "source_date": _first(source, "publishedAt"),
        "source_url": _first(source, "sourceUrl"),
        "source_file": _first(source, "fileName"),
    }


def evidence_rows(entities: Sequence[StatementEntity]) -> list[dict[str, str]]:
    by_id = {e.id: e for e in entities if e.id is not None}
    rows: list[dict[str, str]] = []
    # A person and a source have many evidence items: their cells are worked out once.
    captions: dict[str, str] = {}
    sources: dict[str, dict[str, str]] = {}
    for doc in entities:
        if doc.schema.name != "Documentation" or doc.id is None:
            continue
        person_id = _first(doc, "entity")
        if person_id not in captions:
            person = by_id.get(person_id)
            captions[person_id] = person.caption if person is not None else ""
        source_id = _first(doc, "document")
        if source_id not in sources:
            sources[source_id] = _source_cells(by_id.get(source_id))
        category, part = _category_part(doc)
        rows.append(
            {
                "evidence_id": _first(doc, "recordId") or doc.id,
                "person": captions[person_id],
                "person_id": person_id,
                "category": category,
                "part": part,
                "status": _first(doc, "status"),
                "date": _join(doc.get("date", quiet=True)),
                "quote": _first(doc, "summary"),
                "description": " ".join(sorted(doc.get("description", quiet=True))),
                **sources[source_id],
                "source_id": source_id,
            }
        )
    rows.sort(key=lambda r: (r["person"], r["person_id"], r["source_title"], r["evidence_id"]))
    return rows


def target_rows(
    entities: Sequence[StatementEntity], files: Mapping[str, TargetFile]
) -> list[dict[str, str]]:
    evidence: dict[str, list[StatementEntity]] = {}
    relations: Counter[str] = Counter()
    for entity in entities:
        if entity.schema.name == "Documentation":
            for ref in set(entity.get("entity", quiet=True)):
                evidence.setdefault(ref, []).append(entity)
        elif entity.schema.name in RELATION_SCHEMATA:
            for ref in set(entity.get_type_values(registry.entity)):
                relations[ref] += 1
    rows: list[dict[str, str]] = []
    for target in entities:
        if not is_target(target) or target.id is None:
            continue
        docs = evidence.get(target.id, [])
        statuses = Counter(_first(d, "status") for d in docs)
        categories = Counter(_category_part(d)[0] for d in docs)
        target_file = files.get(target.id)
        rows.append(
            {
                "target_id": target.id,
                "name": target.caption,
                "aliases": _join(target.get("alias", quiet=True)),
                "positions": _join(target.get("position", quiet=True)),
                "countries": _join(target.get("country", quiet=True)),
                "topics": _join(target.get("topics", quiet=True)),
                "regimes": _join(target.get("programId", quiet=True)),
                "status": _join(target.get("status", quiet=True)),
                "evidence_total": str(len(docs)),
                "evidence_accepted": str(statuses["accepted"]),
                "evidence_unreviewed": str(statuses["unreviewed"]),
                "evidence_rejected": str(statuses["rejected"]),
                "categories": "; ".join(f"{c}: {n}" for c, n in sorted(categories.items())),
                "sources": str(len({_first(d, "document") for d in docs})),
                "relations": str(relations[target.id]),
                "ftm_file": target_file.path.as_posix() if target_file is not None else "",
            }
        )
    rows.sort(key=lambda r: (r["name"], r["target_id"]))
    return rows


def write_summaries(
    entities: Sequence[StatementEntity], entities_dir: Path, files: Sequence[TargetFile]
) -> tuple[int, int]:
    """Write ``targets.csv`` and ``evidence.csv``; returns their row counts."""
    targets = target_rows(entities, {f.entity_id: f for f in files})
    evidence = evidence_rows(entities)
    atomic.write_bytes(entities_dir / TARGETS_CSV, _csv_bytes(TARGET_COLUMNS, targets))
    atomic.write_bytes(entities_dir / EVIDENCE_CSV, _csv_bytes(EVIDENCE_COLUMNS, evidence))
    return len(targets), len(evidence)
