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

``Verified`` remembers what loaded back identically: a digest of each line of
``entities.ftm.json`` and each row of ``statements.csv`` together with the
export's values it was compared with. A later check (the next build, with
one document more) loads again only the lines and rows whose digest is new;
the others are the same bytes compared with the same values, so the readers,
being deterministic, give the same answer. Only clean lines and rows are
remembered, so a problem is found again on every run.
"""

from __future__ import annotations

import csv
import hashlib
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
from rigour.env import ENCODING

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
class Verified:
    """Digests of lines and rows that loaded back identically (see the module docstring)."""

    entities: set[str] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # entities whose every value was clean


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass
class RoundTripReport:
    values_checked: int = 0
    entities_checked: int = 0
    statements_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return len(self.mismatches) == 0


def _values_key(entity: StatementEntity, keys: dict[str, str] | None = None) -> str:
    """A digest of an entity's ID, schema and values (``keys`` keeps them by ID)."""
    if keys is not None and entity.id in keys:
        return keys[entity.id]
    values = sorted((prop, sorted(values)) for prop, values in _values(entity).items())
    key = _digest(entity.id or "", entity.schema.name, repr(values))
    if keys is not None and entity.id is not None:
        keys[entity.id] = key
    return key


def check_values(
    entities: Sequence[StatementEntity],
    verified: Verified | None = None,
    now: Verified | None = None,
    keys: dict[str, str] | None = None,
) -> tuple[int, list[Mismatch]]:
    """Re-clean every value with its property type; report those that change or vanish.

    An entity in ``verified.values`` (the same values) is not cleaned again;
    the entities found clean go into ``now.values``.
    """
    checked = 0
    problems: list[Mismatch] = []
    for entity in entities:
        assert entity.id is not None
        key = _values_key(entity, keys) if verified is not None or now is not None else ""
        if verified is not None and key in verified.values:
            checked += sum(1 for stmt in entity.statements if stmt.prop != BASE_ID)
            if now is not None:
                now.values.add(key)
            continue
        before = len(problems)
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
        if now is not None and len(problems) == before:
            now.values.add(key)
    return checked, sorted(problems)


def _values(entity: StatementEntity) -> dict[str, set[str]]:
    return {prop: set(values) for prop, values in entity.properties.items()}


def _entity_key(raw: bytes, entity: StatementEntity, keys: dict[str, str] | None) -> str:
    return _digest(raw.decode("utf-8", "replace"), _values_key(entity, keys))


def check_entities_file(
    entities: Sequence[StatementEntity],
    path: Path,
    verified: Verified | None = None,
    now: Verified | None = None,
    keys: dict[str, str] | None = None,
) -> tuple[int, list[Mismatch]]:
    """Load ``path`` (FtM JSON lines) as readers do and compare it with ``entities``.

    Lines in ``verified`` (the same bytes, compared with the same values) are
    not loaded again; the digests of the lines found clean go into ``now``.
    """
    name = path.name
    expected = {e.id: e for e in entities if e.id is not None}
    problems: list[Mismatch] = []
    loaded_ids: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            key = None
            if verified is not None or now is not None:
                try:
                    entity_id = json.loads(raw).get("id")
                except (ValueError, AttributeError):
                    entity_id = None
                known = expected.get(entity_id) if isinstance(entity_id, str) else None
                if known is not None and isinstance(entity_id, str):
                    key = _entity_key(raw, known, keys)
                    if verified is not None and key in verified.entities:
                        loaded_ids.add(entity_id)
                        if now is not None:
                            now.entities.add(key)
                        continue
            before = len(problems)
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
            if now is not None and key is not None and len(problems) == before:
                now.entities.add(key)
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


_NULLABLE = ("origin", "lang", "original_value", "first_seen", "last_seen")


def _row_key(row: Sequence[str], original: Statement) -> str:
    """The row's fields and what of the statement it was written from they cannot show.

    The row holds every field the check compares, written from ``original``;
    the writer writes None and "" alike, so which fields were None is added.
    """
    nulls = "".join("-" if getattr(original, f) is None else "+" for f in _NULLABLE)
    return _digest(*row, nulls, repr(original.external))


READ_BACK_BATCH = 5000  # rows given to followthemoney's reader at a time


def _read_back(
    name: str,
    header: list[str],
    rows: list[list[str]],
    expected: dict[str, Statement],
    seen: set[str],
    problems: list[Mismatch],
    now: Verified | None,
) -> int:
    """Read ``rows`` back with followthemoney's CSV reader and compare; returns the count."""
    if len(rows) == 0:
        return 0
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect=csv.unix_dialect)
    writer.writerow(header)
    writer.writerows(rows)
    data = io.BytesIO(buffer.getvalue().encode(ENCODING))
    count = 0
    with warnings.catch_warnings():
        # followthemoney's reader leaves its text wrapper for the collector (see read_csv_file)
        warnings.simplefilter("ignore", ResourceWarning)
        for row, stmt in zip(rows, read_statements(data, CSV), strict=True):
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
            clean = True
            for field_name in _STATEMENT_FIELDS:
                if want[field_name] != got[field_name]:
                    clean = False
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
            if clean and now is not None:
                now.statements.add(_row_key(row, original))
    return count


def check_statements_file(
    entities: Sequence[StatementEntity],
    path: Path,
    verified: Verified | None = None,
    now: Verified | None = None,
    statements: Sequence[Statement] | None = None,
) -> tuple[int, list[Mismatch]]:
    """Read ``path`` with followthemoney's CSV reader and compare every statement.

    The file's rows are split as followthemoney's reader splits them (the
    ``csv`` module, Unix dialect); rows in ``verified`` (the same fields,
    compared with the same statement) are not read again, the others go
    through followthemoney's reader; the digests of the rows found clean go
    into ``now``. ``statements`` is ``collect_statements(entities)``, if the
    caller has it.
    """
    name = path.name
    if statements is None:
        statements = collect_statements(entities)
    expected = {s.id: s for s in statements if s.id is not None}
    problems: list[Mismatch] = []
    seen: set[str] = set()
    count = 0
    header: list[str] = []
    pending: list[list[str]] = []
    id_at = -1
    with path.open("rb") as handle, io.TextIOWrapper(handle, ENCODING, newline="") as text:
        # one row at a time, and the rows to read back in batches: the file can run to
        # hundreds of MB
        for row in csv.reader(text, dialect=csv.unix_dialect):
            if len(header) == 0:
                header = row
                id_at = header.index("id") if "id" in header else -1
                continue
            if len(row) == 0:
                continue  # followthemoney's DictReader skips empty rows too
            if verified is not None and len(row) == len(header) and id_at >= 0:
                original = expected.get(row[id_at])
                if original is not None:
                    key = _row_key(row, original)
                    if key in verified.statements:
                        count += 1
                        seen.add(original.id or "")
                        if now is not None:
                            now.statements.add(key)
                        continue
            pending.append(row)
            if len(pending) >= READ_BACK_BATCH:
                count += _read_back(name, header, pending, expected, seen, problems, now)
                pending = []
    count += _read_back(name, header, pending, expected, seen, problems, now)
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
    verified: Verified | None = None,
    now: Verified | None = None,
    statements: Sequence[Statement] | None = None,
) -> RoundTripReport:
    """Every check that applies; ``entities`` merged, one per ID.

    ``verified`` skips what an earlier check found clean; ``now`` collects
    what this one found clean (see ``Verified``).
    """
    report = RoundTripReport()
    keys: dict[str, str] = {}  # each entity's values digest, computed once for both checks
    report.values_checked, problems = check_values(entities, verified, now, keys)
    report.mismatches.extend(problems)
    if entities_file is not None:
        report.entities_checked, problems = check_entities_file(
            entities, entities_file, verified, now, keys
        )
        report.mismatches.extend(problems)
    if statements_file is not None:
        report.statements_checked, problems = check_statements_file(
            entities, statements_file, verified, now, statements
        )
        report.mismatches.extend(problems)
    report.mismatches.sort()
    return report
