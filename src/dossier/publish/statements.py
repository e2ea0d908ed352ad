"""``entities/statements.csv``: every property value as an FtM 4 statement.

Written with followthemoney's own CSV statement writer, so followthemoney's
``read_statements`` / ``ftm`` CLI and nomenklatura's stores read it back.
Columns are followthemoney's ``CSV_COLUMNS`` (``canonical_id, entity_id, prop,
prop_type, schema, value, dataset, origin, lang, original_value, external,
first_seen, last_seen, id``); ``origin`` carries the extractor and source span.
Rows are sorted (entity, property, value, statement ID) and no timestamps are
added, so the same entities always give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, cast

from followthemoney.statement import Statement
from followthemoney.statement.entity import StatementEntity
from followthemoney.statement.serialize import CSV, write_statements

from dossier import atomic

STATEMENTS_FILE = "statements.csv"


class _KeptBuffer(io.BytesIO):
    """A byte buffer that survives ``close()``: the writer's text wrapper closes it."""

    def close(self) -> None:
        self.flush()


def statement_key(stmt: Statement) -> tuple[str, str, str, str, str]:
    return (stmt.canonical_id, stmt.entity_id, stmt.prop, stmt.value, stmt.id or "")


def collect_statements(entities: Iterable[StatementEntity]) -> list[Statement]:
    """All statements of ``entities`` (with each entity's ID checksum), sorted, unique."""
    seen: dict[str, Statement] = {}
    for entity in entities:
        for stmt in entity.statements:
            key = stmt.id if stmt.id is not None else stmt.generate_key()
            if key is None:
                raise ValueError(f"statement without an ID on {entity.id}")
            seen.setdefault(key, stmt)
    return sorted(seen.values(), key=statement_key)


def statements_csv_bytes(statements: Iterable[Statement]) -> bytes:
    buffer = _KeptBuffer()
    write_statements(cast(BinaryIO, buffer), CSV, statements)
    return buffer.getvalue()


def write_statements_csv(entities: Iterable[StatementEntity], path: Path) -> int:
    """Write the statements of ``entities`` to ``path`` atomically; returns the row count."""
    statements = collect_statements(entities)
    atomic.write_bytes(path, statements_csv_bytes(statements))
    return len(statements)
