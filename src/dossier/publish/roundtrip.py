"""Prove that every value written loads back identically; report every one that does not.

followthemoney drops values its types cannot clean without a word, when they
are added and again when a file is read by a tool that cleans (Aleph,
nomenklatura's ``load_entity_file_store(cleaned=False)``, ``ftm validate``).
``Export.dropped`` covers the first case; this module covers the files:

- ``check_values``: every statement value is re-cleaned with its property type;
  a value that does not come back unchanged would be dropped or rewritten by a
  reader (a statement added with ``cleaned=True``, or cleaning that is not
  idempotent).
- ``check_entities_file``: each line of ``entities.ftm.json`` is loaded the way
  readers load it (values cleaned) and compared, value by value, with the export.
- ``check_statements_file``: ``statements.csv`` is read with followthemoney's
  CSV statement reader and compared, field by field, with the export's statements.

Each problem is a ``Mismatch`` naming the file, entity, property and value.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.dataset import Dataset
from followthemoney.exc import InvalidData
from followthemoney.statement import Statement
from followthemoney.statement.entity import StatementEntity
from followthemoney.statement.serialize import CSV, read_statements
from followthemoney.statement.util import BASE_ID

from dossier.publish.statements import collect_statements

_LOAD_DATASET = Dataset.make({"name": "roundtrip", "title": "Round-trip check"})
_STATEMENT_FIELDS = (
    "entity_id",
    "canonical_id",
    "schema",
    "prop",
    "value",
    "dataset",
    "origin",
    "lang",
    "original_value",
    "external",
    "first_seen",
    "last_seen",
)


@dataclass(frozen=True, order=True)
class Mismatch:
    """One value that did not survive: where, which value, and what happened to it."""

    file: str  # "entities.ftm.json", "statements.csv", or "values" (before writing)
    entity_id: str
    prop: str
    value: str
    problem: str
    schema: str = ""

    def __str__(self) -> str:
        where = f"{self.schema}.{self.prop}" if self.schema != "" else self.prop
        return f"{self.file}: {self.entity_id} {where} {self.value!r}: {self.problem}"


@dataclass
class RoundTripReport:
    values_checked: int = 0
    entities_checked: int = 0
    statements_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return len(self.mismatches) == 0


def check_values(entities: Sequence[StatementEntity]) -> tuple[int, list[Mismatch]]:
    """Re-clean every value with its property type; report those that change or vanish."""
    checked = 0
    problems: list[Mismatch] = []
    for entity in entities:
        assert entity.id is not None
        for stmt in entity.statements:
            if stmt.prop == BASE_ID:
                continue
            checked += 1
            prop = entity.schema.get(stmt.prop)
            if prop is None:
                problem = f"{entity.schema.name} has no property {stmt.prop!r}"
            else:
                clean = prop.type.clean_text(stmt.value, proxy=entity)
                if clean == stmt.value:
                    continue
                if clean is None:
                    problem = f"not a valid {prop.type.name}: readers drop it"
                else:
                    problem = f"not a clean {prop.type.name}: readers turn it into {clean!r}"
            problems.append(
                Mismatch("values", entity.id, stmt.prop, stmt.value, problem, entity.schema.name)
            )
    return checked, sorted(problems)


def _values(entity: StatementEntity) -> dict[str, set[str]]:
    return {prop: set(values) for prop, values in entity.properties.items()}


def check_entities_file(
    entities: Sequence[StatementEntity], path: Path
) -> tuple[int, list[Mismatch]]:
    """Load ``path`` (FtM JSON lines) as readers do and compare it with ``entities``."""
    name = path.name
    expected = {e.id: e for e in entities if e.id is not None}
    problems: list[Mismatch] = []
    loaded_ids: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                data = json.loads(raw)
                loaded = StatementEntity.from_data(_LOAD_DATASET, data, cleaned=False)
            except (ValueError, InvalidData) as exc:
                problems.append(Mismatch(name, f"line {number}", "", "", f"unreadable: {exc}"))
                continue
            entity_id = loaded.id or f"line {number}"
            loaded_ids.add(entity_id)
            original = expected.get(entity_id)
            if original is None:
                problems.append(Mismatch(name, entity_id, "", "", "not in the export"))
                continue
            schema = original.schema.name
            if loaded.schema.name != schema:
                problems.append(
                    Mismatch(name, entity_id, "schema", loaded.schema.name, f"expected {schema}")
                )
            want, got = _values(original), _values(loaded)
            for prop in sorted(set(want) | set(got)):
                for value in sorted(want.get(prop, set()) - got.get(prop, set())):
                    problems.append(Mismatch(name, entity_id, prop, value, "lost on load", schema))
                for value in sorted(got.get(prop, set()) - want.get(prop, set())):
                    problems.append(
                        Mismatch(name, entity_id, prop, value, "appeared on load", schema)
                    )
    for entity_id in sorted(set(expected) - loaded_ids):
        schema = expected[entity_id].schema.name
        problems.append(Mismatch(name, entity_id, "", "", "missing from the file", schema))
    return len(loaded_ids), problems


def read_csv_file(path: Path) -> list[Statement]:
    """All statements of a CSV file, read with followthemoney's own statement reader.

    The reader wraps the file in a ``TextIOWrapper`` it never closes, which
    raises a ``ResourceWarning`` when the wrapper is collected (an error under
    ``-W error``); the bytes are in memory, so that warning is silenced here.
    """
    data = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        return list(read_statements(io.BytesIO(data), CSV))


def _fields(stmt: Statement) -> dict[str, object]:
    return {name: getattr(stmt, name) for name in _STATEMENT_FIELDS}


def check_statements_file(
    entities: Sequence[StatementEntity], path: Path
) -> tuple[int, list[Mismatch]]:
    """Read ``path`` with followthemoney's CSV reader and compare every statement."""
    name = path.name
    expected = {s.id: s for s in collect_statements(entities) if s.id is not None}
    problems: list[Mismatch] = []
    seen: set[str] = set()
    count = 0
    with warnings.catch_warnings(), path.open("rb") as handle:
        # followthemoney's reader leaves its text wrapper for the collector (see read_csv_file);
        # the file is read one statement at a time: it can run to hundreds of MB
        warnings.simplefilter("ignore", ResourceWarning)
        for stmt in read_statements(handle, CSV):
            count += 1
            key = stmt.id or ""
            seen.add(key)
            original = expected.get(key)
            if original is None:
                problems.append(
                    Mismatch(name, stmt.entity_id, stmt.prop, stmt.value, "not in the export")
                )
                continue
            want, got = _fields(original), _fields(stmt)
            for field_name in _STATEMENT_FIELDS:
                if want[field_name] != got[field_name]:
                    problems.append(
                        Mismatch(
                            name,
                            original.entity_id,
                            original.prop,
                            original.value,
                            f"{field_name} read back as {got[field_name]!r}",
                            original.schema,
                        )
                    )
    for key in sorted(set(expected) - seen):
        stmt = expected[key]
        problems.append(
            Mismatch(name, stmt.entity_id, stmt.prop, stmt.value, "missing from the file")
        )
    return count, problems


def verify_roundtrip(
    entities: Sequence[StatementEntity],
    entities_file: Path | None = None,
    statements_file: Path | None = None,
) -> RoundTripReport:
    """Every check that applies; ``entities`` merged, one per ID."""
    report = RoundTripReport()
    report.values_checked, problems = check_values(entities)
    report.mismatches.extend(problems)
    if entities_file is not None:
        report.entities_checked, problems = check_entities_file(entities, entities_file)
        report.mismatches.extend(problems)
    if statements_file is not None:
        report.statements_checked, problems = check_statements_file(entities, statements_file)
        report.mismatches.extend(problems)
    report.mismatches.sort()
    return report
