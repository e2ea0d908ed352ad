"""The review queue: pending identity pairs ranked by what a decision would change.

A large corpus leaves thousands of possible duplicates; a reviewer starts with
the ones that change a dossier:

1. ``dossier``: one side is (part of) a candidate target and the other brings
   evidence (claims): a merge would add or move evidence in a target's dossier;
2. ``relation``: either side takes part in a relation (family, employment,
   ownership ...) that a merge would re-point;
3. ``other``: the rest (a name and its documents only).

Within a rank, the pairs with the most evidence at stake come first, then the
matcher score, then names. ``Stakes`` holds what the ranking reads, per local
entity key, so the build (from its extractions and targets) and ``dossier
dedupe`` (from the catalog the build wrote) rank alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from dossier.model import Extraction
from dossier.resolve import PendingPair, Resolution
from dossier.resolve.catalog import CatalogEntry

Rank = Literal["dossier", "relation", "other"]
RANKS: tuple[Rank, ...] = ("dossier", "relation", "other")


@dataclass(frozen=True)
class Stakes:
    """What a merge would carry along, per local entity key."""

    targets: frozenset[str] = frozenset()  # keys in a candidate target's cluster
    evidence: Mapping[str, int] = field(default_factory=dict)  # key -> claims
    relations: frozenset[str] = frozenset()  # keys in a relation


def stakes_of(
    extractions: Sequence[Extraction], canonical: Mapping[str, str], target_ids: Iterable[str]
) -> Stakes:
    """Stakes from the build: ``target_ids`` are the candidate targets' canonical IDs."""
    chosen = set(target_ids)
    evidence: dict[str, int] = {}
    related: set[str] = set()
    for extraction in extractions:
        for claim in extraction.claims:
            evidence[claim.entity_key] = evidence.get(claim.entity_key, 0) + 1
        for relation in extraction.relations:
            related.update((relation.subject_key, relation.object_key))
    return Stakes(target_keys(canonical, chosen), evidence, frozenset(related))


def stakes_from_catalog(entries: Iterable[CatalogEntry]) -> Stakes:
    """Stakes from the catalog the last build wrote (what ``dossier dedupe`` reads)."""
    listed = list(entries)
    return Stakes(
        frozenset(e.key for e in listed if e.target),
        {e.key: e.claims for e in listed if e.claims > 0},
        frozenset(e.key for e in listed if e.related),
    )


def target_keys(canonical: Mapping[str, str], target_ids: Iterable[str]) -> frozenset[str]:
    """The local keys of the candidate targets' clusters."""
    chosen = set(target_ids)
    return frozenset(key for key, cid in canonical.items() if cid in chosen)


@dataclass(frozen=True)
class QueuedPair:
    pair: PendingPair
    rank: Rank
    evidence: int  # claims on both sides


def _members(canonical: Mapping[str, str]) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    for key, cid in canonical.items():
        members.setdefault(cid, []).append(key)
    return members


def rank_pairs(
    pending: Sequence[PendingPair], canonical: Mapping[str, str], stakes: Stakes
) -> list[QueuedPair]:
    """``pending`` in review order (see the module docstring)."""
    members = _members(canonical)
    queued: list[QueuedPair] = []
    for pair in pending:
        sides = [members.get(canonical[k], [k]) for k in (pair.left, pair.right)]
        target = [any(k in stakes.targets for k in side) for side in sides]
        claims = [sum(stakes.evidence.get(k, 0) for k in side) for side in sides]
        related = any(k in stakes.relations for side in sides for k in side)
        rank: Rank
        if (target[0] and claims[1] > 0) or (target[1] and claims[0] > 0):
            rank = "dossier"
        elif related:
            rank = "relation"
        else:
            rank = "other"
        queued.append(QueuedPair(pair, rank, sum(claims)))
    order = {name: i for i, name in enumerate(RANKS)}
    return sorted(
        queued,
        key=lambda q: (
            order[q.rank],
            -q.evidence,
            -q.pair.score,
            q.pair.left_name,
            q.pair.right_name,
            q.pair.left,
            q.pair.right,
        ),
    )


def review_queue(
    extractions: Sequence[Extraction], resolution: Resolution, target_ids: Iterable[str]
) -> list[QueuedPair]:
    """A build's pending pairs in review order; ``target_ids`` are its candidate targets."""
    stakes = stakes_of(extractions, resolution.canonical, target_ids)
    return rank_pairs(resolution.pending, resolution.canonical, stakes)


def rank_counts(queued: Sequence[QueuedPair]) -> dict[Rank, int]:
    """How many pairs of each rank, every rank present."""
    counts: dict[Rank, int] = dict.fromkeys(RANKS, 0)
    for item in queued:
        counts[item.rank] += 1
    return counts


def group_by_entity(
    queued: Sequence[QueuedPair], canonical: Mapping[str, str]
) -> list[tuple[str, list[QueuedPair]]]:
    """The queue as decisions: the pairs of an entity that could be one of several others
    (a surname that fits several people) together, at the place of the first of them.

    Each group is (the shared entity's canonical ID, its pairs in queue order); a pair
    whose sides are in no other pair is a group of its own, keyed by its left side.
    """
    count: dict[str, int] = {}
    for item in queued:
        for key in (item.pair.left, item.pair.right):
            count[canonical[key]] = count.get(canonical[key], 0) + 1
    groups: list[tuple[str, list[QueuedPair]]] = []
    where: dict[str, int] = {}
    for item in queued:
        left, right = canonical[item.pair.left], canonical[item.pair.right]
        shared = right if count[right] > count[left] else left
        if shared in where:
            groups[where[shared]][1].append(item)
        else:
            where[shared] = len(groups)
            groups.append((shared, [item]))
    return groups
