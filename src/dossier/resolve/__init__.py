"""Resolve: group document-level entities into people and organisations.

``resolve(extractions, decisions_file, database_url)`` is the stage's entry
point. It returns a ``Resolution``:

- ``canonical`` maps every local entity key to a canonical ID. The ID is
  ``make_id("person" | "org", <smallest local key in the cluster>)``: the same
  extraction and decisions always give the same IDs. A cluster keeps its ID as
  long as its smallest member stays; a new document can change it only by
  bringing in a smaller key (decisions are anchored to documents and names, not
  to these IDs, so they are never lost by that).
- ``pending`` lists the pairs a human should look at (``dossier dedupe``).

Judgements are held in a nomenklatura ``Resolver`` (see ``resolver.py``),
rebuilt on every run from the decision file (``decisions.py``) and the strict
rules (``matching.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path

from nomenklatura.judgement import Judgement

from dossier.ids import make_id
from dossier.model import Extraction
from dossier.resolve.catalog import CatalogEntry, catalog_entries
from dossier.resolve.decisions import (
    Decision,
    EntryIndex,
    attach_all,
    load_decisions,
)
from dossier.resolve.matching import (
    CORROBORABLE,
    SHORTER_NAME,
    Profile,
    candidate_pairs,
    compare,
    compare_full,
    compare_groups,
    group_profiles,
    profile,
    short_form_of,
    weak_proposals,
)
from dossier.resolve.offices import shared_office
from dossier.resolve.resolver import AUTO_USER, RULE_USER, JudgementGraph

log = logging.getLogger(__name__)

_JUDGEMENTS = {
    "match": Judgement.POSITIVE,
    "no_match": Judgement.NEGATIVE,
    "unsure": Judgement.UNSURE,
}
_BLOCKING = (Judgement.NEGATIVE, Judgement.UNSURE)


@dataclass(frozen=True)
class PendingPair:
    """Two entities that may be one; left for a human."""

    left: str  # local entity key
    right: str
    left_name: str
    right_name: str
    score: float  # nomenklatura logic-v2 score, a hint only (0 if not scored)
    reason: str  # why the rule did not decide
    left_document: str = ""
    right_document: str = ""
    left_id: str = ""  # canonical IDs of both sides
    right_id: str = ""


@dataclass
class Resolution:
    canonical: dict[str, str]  # every local entity key -> canonical entity ID
    pending: list[PendingPair]  # pairs left for a human, best first
    orphaned: list[Decision] = field(default_factory=list)  # decisions that fit no entity
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)  # auto merges, why


def canonical_id(schema_class: str, members: Sequence[str]) -> str:
    """The deterministic ID of a cluster of local keys."""
    prefix = "person" if schema_class == "person" else "org"
    return make_id(prefix, min(members))


def resolve(
    extractions: Sequence[Extraction],
    decisions_file: Path,
    database_url: str,
    score: bool = True,
) -> Resolution:
    """Resolve the local entities of ``extractions`` (the pipeline's entry point)."""
    return resolve_entries(
        catalog_entries(extractions), load_decisions(decisions_file), database_url, score
    )


def resolve_entries(
    entries: Sequence[CatalogEntry],
    decisions: Sequence[Decision],
    database_url: str,
    score: bool = True,
) -> Resolution:
    """Resolve catalog entries under human ``decisions`` (see the module docstring)."""
    profiles = [profile(e) for e in sorted(entries, key=lambda e: e.key)]
    by_key: dict[str, Profile] = {}
    for p in profiles:
        if p.key in by_key:
            raise ValueError(f"local entity key {p.key} appears twice")
        by_key[p.key] = p
    attached, orphans = attach_all(decisions, EntryIndex(entries))
    for orphan in orphans:
        log.warning(
            "identity decision no longer fits the extraction (kept in the file): "
            "%s %r (%s) / %r (%s) by %s",
            orphan.decision,
            orphan.left.name,
            orphan.left.document,
            orphan.right.name,
            orphan.right.document,
            orphan.user,
        )
    reasons: dict[tuple[str, str], str] = {}
    raw_pending: list[tuple[str, str, str]] = []
    with JudgementGraph(database_url) as graph:
        human: set[frozenset[str]] = set()
        order = {"no_match": 0, "unsure": 1, "match": 2}
        for item in sorted(attached, key=lambda a: (order[a.decision.decision], a.decision.time)):
            left, right = item.left.key, item.right.key
            human.add(frozenset((left, right)))
            judgement = _JUDGEMENTS[item.decision.decision]
            if judgement == Judgement.POSITIVE and graph.judgement(left, right) in _BLOCKING:
                log.warning(
                    "match decision %r = %r by %s conflicts with a no-match or unsure "
                    "decision; not merged",
                    item.left.name,
                    item.right.name,
                    item.decision.user,
                )
                continue
            graph.decide(left, right, judgement, item.decision.user)
        _strong_tier(graph, profiles, human, reasons, raw_pending)
        _one_office(graph, human, by_key, reasons, raw_pending)
        _in_one_document(graph, human, by_key, reasons, raw_pending)
        cluster_of = _clusters(graph, by_key)
        for proposal in weak_proposals(profiles, cluster_of):
            key = proposal.entity.key
            if proposal.auto and len(proposal.targets) == 1:
                target = proposal.targets[0].key
                _merge(graph, human, key, target, proposal.reason, reasons, raw_pending)
            else:
                raw_pending.extend((key, t.key, proposal.reason) for t in proposal.targets)
        cluster_of = _clusters(graph, by_key)
        pending = _pending(graph, by_key, cluster_of, raw_pending, score)
        for pair in pending:
            graph.suggest(pair.left, pair.right, pair.score)
    canonical = {
        key: canonical_id(by_key[key].entry.schema_class, [cluster_of[key]])
        for key in sorted(by_key)
    }
    pending = [replace(p, left_id=canonical[p.left], right_id=canonical[p.right]) for p in pending]
    return Resolution(canonical, pending, orphans, reasons)


def _strong_tier(
    graph: JudgementGraph,
    profiles: Sequence[Profile],
    human: set[frozenset[str]],
    reasons: dict[tuple[str, str], str],
    raw_pending: list[tuple[str, str, str]],
) -> None:
    """Apply the strong-tier rules, group by group (see ``matching.group_profiles``).

    Profiles with one signature get one verdict, so each group pair needs one
    comparison and one judgement between representatives: a judgement between
    any two members blocks or joins the whole clusters. Rule judgements to keep
    apart are written first, so no chain of merges can cross them; a pair of
    groups a human has already judged anywhere gets none.
    """
    groups = group_profiles(profiles)
    group_of = {m.key: i for i, g in enumerate(groups) for m in g.members}
    judged = {frozenset(group_of[k] for k in pair) for pair in human}
    within = [
        (g, compare(g.rep, g.rep, len(g.documents) > 1)) for g in groups if len(g.members) > 1
    ]
    across = [(one, two, compare_groups(one, two)) for one, two in candidate_pairs(groups)]
    for group, verdict in within:
        if verdict.outcome == "apart":
            for a, b in combinations(group.members, 2):
                _keep_apart(graph, human, a.key, b.key)
    for one, two, verdict in across:
        left, right = one.rep.key, two.rep.key
        if (
            verdict.outcome == "apart"
            and frozenset((group_of[left], group_of[right])) not in judged
        ):
            _keep_apart(graph, human, left, right)
    touched = {k for pair in human for k in pair}
    for group, verdict in within:
        rep = group.rep.key
        if verdict.outcome == "merge" and touched.isdisjoint(m.key for m in group.members):
            # Nothing joins or blocks these members yet (rule judgements so far only keep
            # other groups apart): the group is one node of the graph from now on.
            graph.represent(rep, [m.key for m in group.members])
            reasons.update(
                ((min(rep, m.key), max(rep, m.key)), verdict.reason) for m in group.members[1:]
            )
            continue
        for member in group.members[1:]:
            if verdict.outcome == "merge":
                _merge(graph, human, rep, member.key, verdict.reason, reasons, raw_pending)
            elif verdict.outcome == "pending":
                raw_pending.append((rep, member.key, verdict.reason))
    for one, two, verdict in across:
        left, right = one.rep.key, two.rep.key
        if verdict.outcome == "merge":
            _merge(graph, human, left, right, verdict.reason, reasons, raw_pending)
        elif verdict.outcome == "pending":
            raw_pending.append((left, right, verdict.reason))


def _one_office(
    graph: JudgementGraph,
    human: set[frozenset[str]],
    by_key: dict[str, Profile],
    reasons: dict[tuple[str, str], str],
    raw_pending: list[tuple[str, str, str]],
) -> None:
    """Merge the pending pairs whose names are consistent (``CORROBORABLE``: a short form
    of the name, or given names that nearly agree: Samer / Samir) where both people
    hold one office (``offices.shared_office``) or were born on one full date that a
    text gives, and no country differs. Siblings share a surname, not an office."""
    cluster_of = _clusters(graph, by_key)
    members: dict[str, list[Profile]] = {}
    for key in sorted(by_key):
        members.setdefault(cluster_of[key], []).append(by_key[key])
    kept: list[tuple[str, str, str]] = []
    for left, right, reason in raw_pending:
        because = None
        if reason in CORROBORABLE and frozenset((left, right)) not in human:
            because = _corroboration(members[cluster_of[left]], members[cluster_of[right]])
        if because is None:
            kept.append((left, right, reason))
        else:
            _merge(graph, human, left, right, f"{reason}; {because}", reasons, kept)
    raw_pending[:] = kept


_FULL_DATE = len("1970-03-05")


def _corroboration(one: Sequence[Profile], two: Sequence[Profile]) -> str | None:
    """What both clusters' texts give that makes them one person ("both hold one office:
    X", "both born on D"), or None; never across countries that differ."""
    if len({p.entry.country for p in (*one, *two)} - {None}) > 1:
        return None
    office = shared_office(
        [t for p in one for t in p.entry.positions], [t for p in two for t in p.entry.positions]
    )
    if office is not None:
        return f"both hold one office: {office}"
    born = sorted(
        {d for p in one for d in p.entry.birth_dates if len(d) == _FULL_DATE}
        & {d for p in two for d in p.entry.birth_dates}
    )
    return f"both born on {born[0]}" if len(born) > 0 else None


def _in_one_document(
    graph: JudgementGraph,
    human: set[frozenset[str]],
    by_key: dict[str, Profile],
    reasons: dict[tuple[str, str], str],
    raw_pending: list[tuple[str, str, str]],
) -> None:
    """Merge a short form of a name into the one full name it shortens in its own
    document ("Rodrigo Ibarra" after "Rodrigo Andres Ibarra Soto"): a text that
    names someone in full and then shortly means that person. Where the short form
    fits two people of the document (or their countries differ) a human says."""
    cluster_of = _clusters(graph, by_key)
    by_document: dict[str, list[Profile]] = {}
    for key in sorted(by_key):
        p = by_key[key]
        if p.is_person and len(p.full) > 0:
            by_document.setdefault(p.entry.content_hash, []).append(p)
    for _, people in sorted(by_document.items()):
        for short in people:
            others = [p for p in people if cluster_of[p.key] != cluster_of[short.key]]
            longer = [
                p for p in others if any(short_form_of(f, g) for f in short.full for g in p.full)
            ]
            if len(longer) == 0:
                continue
            maybe = {  # everyone else it could name (Rodrigo Ibarra: Rodrigo Luis Ibarra)
                cluster_of[p.key]
                for p in others
                if any(
                    compare_full(f, g).outcome in ("merge", "pending")
                    for f in short.full
                    for g in p.full
                )
            }
            if len(maybe | {cluster_of[p.key] for p in longer}) != 1:
                continue
            full = longer[0]
            if None not in (short.entry.country, full.entry.country) and (
                short.entry.country != full.entry.country
            ):
                continue
            reason = f"{SHORTER_NAME}, the only name it shortens in its document"
            _merge(graph, human, short.key, full.key, reason, reasons, raw_pending)


def _keep_apart(graph: JudgementGraph, human: set[frozenset[str]], left: str, right: str) -> None:
    if (
        frozenset((left, right)) not in human
        and graph.judgement(left, right) == Judgement.NO_JUDGEMENT
    ):
        graph.decide(left, right, Judgement.NEGATIVE, RULE_USER)


def _merge(
    graph: JudgementGraph,
    human: set[frozenset[str]],
    left: str,
    right: str,
    reason: str,
    reasons: dict[tuple[str, str], str],
    raw_pending: list[tuple[str, str, str]],
) -> None:
    judgement = graph.judgement(left, right)
    if judgement == Judgement.NO_JUDGEMENT:
        graph.decide(left, right, Judgement.POSITIVE, AUTO_USER)
        reasons[(min(left, right), max(left, right))] = reason
    elif judgement in _BLOCKING and frozenset((left, right)) not in human:
        raw_pending.append((left, right, f"{reason}, but the merge would join people kept apart"))


def _clusters(graph: JudgementGraph, by_key: dict[str, Profile]) -> dict[str, str]:
    """Each key -> the smallest local key of its cluster."""
    cluster_of: dict[str, str] = {}
    for key in sorted(by_key):
        if key in cluster_of:
            continue
        members = sorted(m for m in graph.members(key) if m in by_key)
        for member in members:
            cluster_of[member] = members[0]
    return cluster_of


def _pending(
    graph: JudgementGraph,
    by_key: dict[str, Profile],
    cluster_of: dict[str, str],
    raw: list[tuple[str, str, str]],
    score: bool,
) -> list[PendingPair]:
    """One pair per pair of clusters, undecided only, best score first."""
    best: dict[tuple[str, str], tuple[str, str, str]] = {}
    for one, two, reason in sorted(raw):
        if graph.judgement(one, two) != Judgement.NO_JUDGEMENT:
            continue
        ca, cb = cluster_of[one], cluster_of[two]
        if ca == cb:
            continue
        if ca > cb:
            best.setdefault((cb, ca), (two, one, reason))
        else:
            best.setdefault((ca, cb), (one, two, reason))
    pairs: list[PendingPair] = []
    scorer = None
    if score and len(best) > 0:
        from dossier.resolve.resolver import matcher_score

        scorer = matcher_score
    for left, right, reason in best.values():
        a, b = by_key[left].entry, by_key[right].entry
        value = scorer(a, b) if scorer is not None else 0.0
        pairs.append(
            PendingPair(
                left=left,
                right=right,
                left_name=a.name,
                right_name=b.name,
                score=round(value, 4),
                reason=reason,
                left_document=a.document,
                right_document=b.document,
            )
        )
    return sorted(pairs, key=lambda p: (-p.score, p.left_name, p.right_name, p.left, p.right))


__all__ = ["PendingPair", "Resolution", "canonical_id", "resolve", "resolve_entries"]
