"""Decisions made in the browser, written by the CLI's own library functions.

An evidence decision is ``dossier.review.decide_evidence`` inside
``update_review`` (the decision file's lock), with the same claim, quote, user
and status rules as ``dossier review``, so the line is the one the CLI writes.
Identity decisions go through ``IdentityState.decide`` / ``split`` like
``dossier merge`` / ``no-match`` / ``split`` / ``dedupe``.

The page sends, with each evidence decision, the version of the item it
showed (a hash of its passage, category and part). If a rebuild has since
changed or removed the item, the decision is refused and nothing is written:
it is never applied to another passage.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Literal

from dossier.build import identity_file
from dossier.ids import hash_parts
from dossier.model import CATEGORIES, PARTS
from dossier.profile import EvidenceItem, build_profile
from dossier.resolve.decisions import Decision, default_user
from dossier.resolve.queue import QueuedPair, rank_pairs, stakes_from_catalog
from dossier.resolve.review import CATALOG_FILE, IdentityError, IdentityState
from dossier.review import (
    EvidenceDecision,
    ReviewDecisions,
    ReviewError,
    TargetDecision,
    decide_evidence,
    decide_target,
    parse_regime,
    update_review,
)
from dossier.web.workspace import Workspace, signature

ACTIONS: tuple[str, ...] = ("accept", "reject", "category", "part", "note")
IDENTITY_KINDS: tuple[str, ...] = ("match", "no_match", "unsure")


class StaleDecisionError(ValueError):
    """The item or pair the page showed is no longer what the build holds."""


class DecisionInputError(ValueError):
    """A decision that makes no sense (unknown action, category, part, regime)."""


def item_version(item: EvidenceItem) -> str:
    """What the page showed of an item: a decision is refused if this changed."""
    return hash_parts(item.id, item.summary, item.category, item.part)[:16]


def current_item(workspace: Workspace, person_id: str, evidence_id: str) -> EvidenceItem:
    snapshot = workspace.snapshot()
    if snapshot.store.get(person_id) is None:
        raise StaleDecisionError(
            "This person is no longer in the build (a rebuild changed the identities). "
            "Nothing was recorded: go back to the targets list."
        )
    profile = build_profile(snapshot.store, person_id)
    for item in profile.evidence:
        if item.id == evidence_id:
            return item
    raise StaleDecisionError(
        f"This evidence item is no longer part of {profile.name}'s evidence: a rebuild has "
        "changed it. Nothing was recorded; reload the page and decide on what it shows now."
    )


def decide_item(
    workspace: Workspace,
    person_id: str,
    evidence_id: str,
    version: str,
    action: str,
    value: str | None = None,
    user: str | None = None,
) -> EvidenceDecision:
    """Accept, reject, correct the category or part of, or annotate one item."""
    if action not in ACTIONS:
        raise DecisionInputError(f"unknown action {action!r}; expected one of {ACTIONS}")
    item = current_item(workspace, person_id, evidence_id)
    if item_version(item) != version:
        raise StaleDecisionError(
            "This evidence item changed after the page was loaded (a rebuild gave it another "
            "passage, category or part). Nothing was recorded; reload the page and decide again."
        )
    found = workspace.snapshot().claims.get(evidence_id)
    if found is None:
        raise StaleDecisionError(
            "The sources no longer produce this evidence item (the documents changed since the "
            "last build). Nothing was recorded; rebuild, then reload the page."
        )
    claim, extraction = found
    quote = extraction.source.text[claim.start : claim.end]
    category = part = note = None
    if action == "category":
        if value not in CATEGORIES:
            raise DecisionInputError(f"unknown category {value!r}")
        category = value
    elif action == "part":
        if value not in PARTS:
            raise DecisionInputError(f"unknown part {value!r}")
        part = value
    elif action == "note":
        if value is None or value.strip() == "":
            raise DecisionInputError("a note needs some text")
        note = value

    def change(decisions: ReviewDecisions) -> EvidenceDecision:
        status: Literal["accepted", "rejected"]
        if action == "reject":
            status = "rejected"
        elif action == "note":
            # As `dossier review --note`: a note keeps a rejection, else it accepts.
            current = decisions.decision_for(claim)
            status = (
                "rejected" if current is not None and current.status == "rejected" else ("accepted")
            )
        else:
            status = "accepted"
        return decide_evidence(
            decisions, claim, quote, status, category=category, part=part, note=note, user=user
        )

    try:
        return update_review(workspace.review_path, change)
    except ReviewError as exc:
        raise DecisionInputError(str(exc)) from exc


def decide_target_status(
    workspace: Workspace,
    person_id: str,
    is_target: bool,
    regimes: Sequence[str],
    user: str | None = None,
) -> TargetDecision:
    """Mark a person a target or not, with the chosen regimes (as `dossier review
    NAME --target/--not-target --regime …`)."""
    cluster = workspace.snapshot().clusters.get(person_id)
    if cluster is None or not cluster.is_person:
        raise StaleDecisionError(
            "This person is no longer in the build (a rebuild changed the identities). "
            "Nothing was recorded; reload the targets list."
        )
    try:
        chosen = [parse_regime(r) for r in regimes]
    except ReviewError as exc:
        raise DecisionInputError(str(exc)) from exc
    return update_review(
        workspace.review_path,
        lambda decisions: decide_target(
            decisions, cluster.keys, cluster.name, is_target, regimes=chosen, user=user
        ),
    )


class IdentityQueue:
    """The identity state behind the queue page, read again when its files change."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._lock = threading.Lock()
        self._state: IdentityState | None = None
        self._key: object = None

    def state(self) -> IdentityState:
        settings = self.workspace.settings
        catalog = settings.cache_dir / CATALOG_FILE
        decisions = identity_file(settings)
        with self._lock:
            key = (signature(catalog), signature(decisions))
            if self._state is None or key != self._key:
                self._state = IdentityState.load(catalog, decisions)
                self._key = key
            return self._state

    def pending(self) -> list[QueuedPair]:
        """The pairs left for a human, most consequential first: the order of
        `dossier dedupe` (``dossier.resolve.queue``)."""
        state = self.state()
        stakes = stakes_from_catalog(state.entries)
        return rank_pairs(state.resolution.pending, state.resolution.canonical, stakes)

    def decide(self, kind: str, left: str, right: str, user: str | None = None) -> list[Decision]:
        if kind not in IDENTITY_KINDS:
            raise DecisionInputError(f"unknown identity decision {kind!r}")
        state = self.state()
        if not any({p.left, p.right} == {left, right} for p in state.resolution.pending):
            raise StaleDecisionError(
                "This pair is no longer waiting for a decision (decided in another tab or by "
                "the CLI, or changed by a rebuild). Nothing was recorded; reload the queue."
            )
        try:
            return state.decide(kind, left, right, user if user is not None else default_user())
        except IdentityError as exc:
            raise StaleDecisionError(str(exc)) from exc

    def split(self, ref: str, user: str | None = None) -> list[Decision]:
        try:
            return self.state().split(ref, user if user is not None else default_user())
        except IdentityError as exc:
            raise StaleDecisionError(str(exc)) from exc
