"""One entity per ID: the export may emit several partial entities with one ID."""

from __future__ import annotations

from collections.abc import Iterable

from followthemoney.statement.entity import StatementEntity


def merge_entities(entities: Iterable[StatementEntity]) -> list[StatementEntity]:
    """Merge entities sharing an ID (on copies; the inputs are left alone), sorted by ID."""
    merged: dict[str, StatementEntity] = {}
    for entity in entities:
        if entity.id is None:
            raise ValueError(f"{entity.schema.name} entity without an ID")
        if entity.id in merged:
            merged[entity.id].merge(entity)
        else:
            merged[entity.id] = entity.clone()
    return [merged[key] for key in sorted(merged)]
