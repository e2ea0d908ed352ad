"""Identity review: find entities by ID or name, and record merge / no-match / split.

The library behind ``dossier merge``, ``no-match``, ``split``, ``dedupe`` and
``decisions``. It works from the catalog the last build left behind
(``catalog.py``) and writes only the decision file (``decisions.py``); the
next ``dossier build`` applies the decisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from dossier.resolve import Resolution, resolve_entries
from dossier.resolve.catalog import CatalogEntry, read_catalog
from dossier.resolve.decisions import (
    Decision,
    EntryIndex,
    load_decisions,
    make_decision,
    record_decisions,
)
from dossier.resolve.names import name_key

IDENTITY_FILE = Path("decisions") / "identity.jsonl"  # under the entities folder
CATALOG_FILE = "local-entities.json"  # under the cache folder
MEMORY_DB = "sqlite://"  # review state is derived and short-lived


class IdentityError(ValueError):
    """A reference that fits no entity, or several, or an impossible request."""


@dataclass(frozen=True)
class Cluster:
    """A resolved entity as the review commands see it."""

    id: str
    members: tuple[CatalogEntry, ...]

    @property
    def representative(self) -> CatalogEntry:
        """The member with the fullest name (most words, most mentions), for anchoring."""
        return sorted(
            self.members,
            key=lambda e: (-len(e.name.split()), -e.mentions, e.document, e.key),
        )[0]

    @property
    def names(self) -> list[str]:
        return sorted({n for e in self.members for n in e.names})

    @property
    def documents(self) -> list[str]:
        return sorted({e.document for e in self.members})

    def describe(self) -> str:
        return f"{self.id}  {self.representative.name}  ({', '.join(self.documents)})"


class IdentityState:
    """The current entries, decisions and resolution."""

    def __init__(
        self, entries: Sequence[CatalogEntry], decisions_file: Path, resolution: Resolution
    ) -> None:
        self.entries = list(entries)
        self.decisions_file = decisions_file
        self.resolution = resolution
        self.by_key = {e.key: e for e in self.entries}
        grouped: dict[str, list[CatalogEntry]] = {}
        for entry in self.entries:
            grouped.setdefault(resolution.canonical[entry.key], []).append(entry)
        self.clusters = {cid: Cluster(cid, tuple(m)) for cid, m in sorted(grouped.items())}

    @classmethod
    def load(cls, catalog_file: Path, decisions_file: Path, score: bool = False) -> IdentityState:
        decisions = load_decisions(decisions_file)  # first: a broken file is named at once
        entries = read_catalog(catalog_file)
        return cls(entries, decisions_file, resolve_entries(entries, decisions, MEMORY_DB, score))

    def cluster_of(self, key: str) -> Cluster:
        return self.clusters[self.resolution.canonical[key]]

    def find(self, ref: str) -> tuple[Cluster, CatalogEntry | None]:
        """The cluster ``ref`` names (canonical ID, local key or name) and, for a local key,
        the entry itself."""
        ref = ref.strip()
        if ref in self.by_key:
            return self.cluster_of(ref), self.by_key[ref]
        if ref in self.clusters:
            return self.clusters[ref], None
        found: dict[str, Cluster] = {}
        for entry in self.entries:
            key = name_key(entry.schema_class, ref)
            if key == "":
                continue
            names = (n for n in entry.names)
            if any(n.casefold() == ref.casefold() or name_key(entry.schema_class, n) == key
                   for n in names):
                cluster = self.cluster_of(entry.key)
                found[cluster.id] = cluster
        if len(found) == 1:
            return next(iter(found.values())), None
        if len(found) == 0:
            raise IdentityError(
                f"no entity with ID or name {ref!r}; `dossier decisions` and the catalog "
                "list what exists (run `dossier build` after adding documents)"
            )
        listing = "\n".join(f"  {c.describe()}" for c in found.values())
        raise IdentityError(f"{ref!r} is ambiguous; use one of these IDs:\n{listing}")

    def _pick(self, ref: str) -> tuple[Cluster, CatalogEntry]:
        cluster, entry = self.find(ref)
        return cluster, entry if entry is not None else cluster.representative

    def decide(self, kind: str, left_ref: str, right_ref: str, user: str) -> list[Decision]:
        """Record ``kind`` (match / no_match / unsure) between two references."""
        left_cluster, left = self._pick(left_ref)
        right_cluster, right = self._pick(right_ref)
        if left.key == right.key:
            raise IdentityError(f"{left_ref!r} and {right_ref!r} are the same local entity")
        if left.schema_class != right.schema_class:
            raise IdentityError(
                f"{left.name} is a {left.schema_class} and {right.name} a {right.schema_class}"
            )
        if kind == "match" and left_cluster.id == right_cluster.id:
            raise IdentityError(f"{left.name} and {right.name} are already one entity")
        decisions = [make_decision(kind, left, right, user)]
        if kind == "match":
            decisions.extend(self._superseded_blockers(left_cluster, right_cluster, user))
        record_decisions(self.decisions_file, decisions)
        return decisions

    def _superseded_blockers(self, a: Cluster, b: Cluster, user: str) -> list[Decision]:
        """Earlier no-match/unsure decisions between the two clusters, turned into matches."""
        index = EntryIndex(self.entries)
        keys_a = {e.key for e in a.members}
        keys_b = {e.key for e in b.members}
        result = []
        for old in load_decisions(self.decisions_file):
            if old.decision == "match":
                continue
            left, right = index.attach(old.left), index.attach(old.right)
            if left is None or right is None:
                continue
            if (left.key in keys_a and right.key in keys_b) or (
                left.key in keys_b and right.key in keys_a
            ):
                result.append(make_decision("match", left, right, user))
        return result

    def split(self, ref: str, user: str) -> list[Decision]:
        """Separate a local entity from its cluster, or (for a cluster ID or name)
        every member from every other."""
        cluster, entry = self.find(ref)
        if len(cluster.members) < 2:
            raise IdentityError(f"{cluster.describe()} has only one member; nothing to split")
        if entry is not None:
            pairs = [(entry, other) for other in cluster.members if other.key != entry.key]
        else:
            pairs = list(combinations(cluster.members, 2))
        decisions = [make_decision("no_match", a, b, user) for a, b in pairs]
        record_decisions(self.decisions_file, decisions)
        return decisions


def describe_decision(decision: Decision, index: EntryIndex | None) -> str:
    """One line for ``dossier decisions``."""
    status = ""
    if index is not None:
        left, right = index.attach(decision.left), index.attach(decision.right)
        if left is None or right is None:
            status = "  [orphaned: no current entity fits]"
    return (
        f"{decision.time}  {decision.user}  {decision.decision}: "
        f"{decision.left.name} [{decision.left.document}] / "
        f"{decision.right.name} [{decision.right.document}]{status}"
    )
