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

from collections.abc import Iterable
from io import TextIOWrapper
from pathlib import Path

from followthemoney.statement import Statement
from followthemoney.statement.entity import StatementEntity
from followthemoney.statement.serialize import CSVStatementWriter
from rigour.env import ENCODING

from dossier import atomic

STATEMENTS_FILE = "statements.csv"


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


def write_statements_csv(
    entities: Iterable[StatementEntity], path: Path, statements: list[Statement] | None = None
) -> int:
    """Write the statements of ``entities`` to ``path`` atomically; returns the row count.

    Rows stream to the file: on a large corpus the CSV runs to hundreds of MB.
    ``statements`` is ``collect_statements(entities)``, if the caller has it.
    """
    if statements is None:
        statements = collect_statements(entities)
    with atomic.replacing(path) as handle, TextIOWrapper(handle, ENCODING, newline="") as text:
        writer = CSVStatementWriter(text)  # what followthemoney's write_statements uses for CSV
        for stmt in statements:
            writer.write(stmt)
        writer.close()  # writes the last batch; the with-block closes the file
    return len(statements)
