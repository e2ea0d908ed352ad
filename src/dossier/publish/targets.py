"""One FtM JSON-lines file per candidate target: ``targets/<slug>-<short id>.ftm.json``.

A candidate target is an entity with the topic ``poi``. Its file holds, as
sorted FtM JSON lines in the same form as ``entities.ftm.json``:

- the target itself;
- every entity that points at it: evidence (``Documentation``), relations
  (``Family``, ``Associate``, ``Employment``, ``Membership``, ``Directorship``,
  ``Ownership``, ``Occupancy``);
- everything those point at: the sources (``Document``/``Article``), the other
  end of each relation (people, organisations, ``Position``).

The file name is an ASCII slug of the target's name plus a short ID taken from
its entity ID, so no text from a source reaches the file system unsanitised.
Files in that folder from an earlier build whose target is gone are removed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from followthemoney.statement.entity import StatementEntity
from followthemoney.types import registry

from dossier import atomic
from dossier.export import entity_line
from dossier.ids import ascii_slug, short_id

log = logging.getLogger(__name__)

TARGETS_DIR = "targets"
TARGET_SUFFIX = ".ftm.json"
TARGET_TOPIC = "poi"


@dataclass(frozen=True)
class TargetFile:
    entity_id: str
    name: str
    path: Path  # relative to the entities folder, POSIX
    entity_count: int


def is_target(entity: StatementEntity) -> bool:
    return TARGET_TOPIC in entity.get("topics", quiet=True)


def target_file_name(entity: StatementEntity) -> str:
    assert entity.id is not None
    return f"{ascii_slug(entity.caption)}-{short_id(entity.id)}{TARGET_SUFFIX}"


class References:
    """Who points at whom (entity-typed properties), indexed once for every target."""

    def __init__(self, entities: Sequence[StatementEntity]) -> None:
        self.ids = {e.id for e in entities if e.id is not None}
        self.out: dict[str, set[str]] = {}
        self.into: dict[str, set[str]] = {}
        for entity in entities:
            if entity.id is None:
                continue
            targets = set(entity.get_type_values(registry.entity))
            self.out.setdefault(entity.id, set()).update(targets)
            for other in targets:
                self.into.setdefault(other, set()).add(entity.id)

    def bundle(self, target_id: str) -> list[str]:
        """The target, what it points at, what points at it and what those point at; sorted."""
        included = {target_id} | self.out.get(target_id, set())
        for referrer in self.into.get(target_id, set()) - {target_id}:
            included.add(referrer)
            included.update(self.out.get(referrer, set()))
        return sorted(i for i in included if i in self.ids)


def write_target_files(entities: Sequence[StatementEntity], entities_dir: Path) -> list[TargetFile]:
    """Write one file per target (``entities`` merged, one per ID); remove stale ones."""
    by_id = {e.id: e for e in entities if e.id is not None}
    folder = entities_dir / TARGETS_DIR
    written: list[TargetFile] = []
    names: dict[str, str] = {}
    references = References(entities)
    for target in sorted((e for e in entities if is_target(e)), key=lambda e: e.id or ""):
        assert target.id is not None
        name = target_file_name(target)
        if name in names:
            raise ValueError(f"targets {names[name]} and {target.id} share the file name {name}")
        names[name] = target.id
        ids = references.bundle(target.id)
        lines = sorted(entity_line(by_id[i]) for i in ids)
        atomic.write_text(folder / name, "".join(f"{line}\n" for line in lines))
        written.append(TargetFile(target.id, target.caption, Path(TARGETS_DIR) / name, len(lines)))
    if folder.is_dir():
        for stale in sorted(folder.glob(f"*{TARGET_SUFFIX}")):
            if stale.name not in names and stale.is_file():
                log.info("removing %s: no longer a candidate target", stale)
                stale.unlink()
    return written
