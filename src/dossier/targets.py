"""Candidate sanctions targets: people with perpetrator-side allegations.

A person is proposed only when the sources allege conduct on the perpetrator
side (did, ordered, was complicit in, profited from, or was named for
sanctions) and no document presents them in a protected role (victim,
defender, journalist, activist, signatory, analyst, lawyer, cited author).
People the sources report dead are flagged, not proposed. A person the sources
name by one name only is proposed with a warning: a designation needs the full
name. A reviewer's target decision overrides the proposal either way, and is
shown as such.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from dossier.clusters import Cluster
from dossier.model import ALLEGATION_CATEGORIES, PERPETRATOR_PARTS, PROTECTED_ROLES, Claim
from dossier.resolve.names import one_name_only
from dossier.review import ReviewDecisions, ReviewStatus, effective

TargetStatus = Literal["candidate", "excluded", "decided-target", "decided-not-target"]


@dataclass(frozen=True)
class ReviewedClaim:
    claim: Claim
    status: ReviewStatus
    note: str | None = None

    @property
    def alleges(self) -> bool:
        """Perpetrator-side allegation that a reviewer has not rejected."""
        return (
            self.status != "rejected"
            and self.claim.category in ALLEGATION_CATEGORIES
            and self.claim.part in PERPETRATOR_PARTS
        )


@dataclass
class Target:
    """A person's standing as a possible sanctions target."""

    id: str
    name: str
    status: TargetStatus
    allegations: int
    sources: int  # distinct documents with an allegation
    publishers: int  # distinct known publishers among those documents
    latest: str | None  # latest dated allegation
    accepted: int
    unreviewed: int
    rejected: int
    categories: tuple[str, ...]
    regimes: tuple[str, ...]  # chosen by a reviewer; empty = derive from categories
    reasons: list[str] = field(default_factory=list)
    deceased: bool = False
    warnings: list[str] = field(default_factory=list)  # what a reviewer must settle first

    @property
    def is_target(self) -> bool:
        return self.status in ("candidate", "decided-target")

    @property
    def score(self) -> tuple[int, int, int, int, str]:
        """Ranking: independent publishers, sources, allegations, accepted, recency."""
        return (self.publishers, self.sources, self.allegations, self.accepted, self.latest or "")


def one_name_warning(name: str) -> str:
    """What the sources lack when they name a person by one name only."""
    return (
        f"known in the sources only as “{name}”: one name does not identify a person for "
        "designation; establish the full name before submitting"
    )


def review_claims(cluster: Cluster, review: ReviewDecisions) -> list[ReviewedClaim]:
    """Every claim about the cluster's members, with its review decision applied."""
    keys = set(cluster.keys)
    reviewed: list[ReviewedClaim] = []
    seen: set[int] = set()
    for member in cluster.members:
        extraction = member.extraction
        if id(extraction) in seen:
            continue
        seen.add(id(extraction))
        for claim in extraction.claims:
            if claim.entity_key not in keys:
                continue
            decision = review.decision_for(claim)
            updated, status = effective(claim, decision)
            reviewed.append(
                ReviewedClaim(updated, status, None if decision is None else decision.note)
            )
    reviewed.sort(key=lambda r: (r.claim.content_hash, r.claim.start, r.claim.mention_start))
    return reviewed


def assess(cluster: Cluster, review: ReviewDecisions) -> Target | None:
    """The target standing of one person, or None if nothing puts them in question."""
    if not cluster.is_person:
        return None
    claims = review_claims(cluster, review)
    allegations = [r for r in claims if r.alleges]
    decision = review.target_for(cluster.keys)
    if len(allegations) == 0 and decision is None:
        return None
    documents = {r.claim.content_hash for r in allegations}
    publishers: set[str] = set()
    for member in cluster.members:
        source = member.extraction.source
        if source.content_hash in documents:
            publishers.add(source.meta.publisher or f"unknown publisher ({source.file_name})")
    dates = [r.claim.date for r in allegations if r.claim.date is not None]
    reasons: list[str] = []
    deceased = False
    for member in cluster.members:
        extraction = member.extraction
        role = extraction.roles.get(member.entity.key)
        if role is not None and role in PROTECTED_ROLES:
            reasons.append(
                f"presented as {role.replace('_', ' ')} in {extraction.source.file_name}"
            )
        if member.entity.key in extraction.deceased:
            deceased = True
            reasons.append(f"reported dead in {extraction.source.file_name}")
        if member.entity.cited_only:
            reasons.append(f"only cited as an author in {extraction.source.file_name}")
    warnings: list[str] = []
    one_name = one_name_only(
        name for m in cluster.members for name in (m.entity.name, *m.entity.aliases)
    )
    if one_name is not None:
        warnings.append(one_name_warning(one_name))
    status: TargetStatus
    if decision is not None:
        status = "decided-target" if decision.is_target else "decided-not-target"
    elif len(reasons) > 0:
        status = "excluded"
    else:
        status = "candidate"
    return Target(
        id=cluster.id,
        name=cluster.name,
        status=status,
        allegations=len(allegations),
        sources=len(documents),
        publishers=len(publishers),
        latest=max(dates) if len(dates) > 0 else None,
        accepted=sum(1 for r in allegations if r.status == "accepted"),
        unreviewed=sum(1 for r in allegations if r.status == "unreviewed"),
        rejected=sum(1 for r in claims if r.status == "rejected"),
        categories=tuple(sorted({r.claim.category for r in allegations})),
        regimes=() if decision is None else decision.regimes,
        reasons=sorted(set(reasons)),
        deceased=deceased,
        warnings=warnings,
    )


def assess_all(clusters: Mapping[str, Cluster], review: ReviewDecisions) -> list[Target]:
    """Everyone in question, strongest first; ties by name then ID."""
    found = [t for t in (assess(c, review) for c in clusters.values()) if t is not None]
    found.sort(key=lambda t: t.id)
    found.sort(key=lambda t: t.name)
    found.sort(key=lambda t: t.score, reverse=True)
    return found
