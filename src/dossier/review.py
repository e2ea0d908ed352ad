"""Human review decisions on evidence and targets, kept in a diffable file.

``entities/decisions/review.jsonl`` holds one JSON object per line, sorted, so a
git diff shows exactly which decision changed. Two kinds of line:

- ``{"kind": "evidence", "id": …, "status": "accepted"|"rejected", …}`` decides
  one evidence item. Besides its ID it records the document's content hash,
  the mention span and the quoted passage, so the decision re-attaches when a
  new extractor moves the passage boundaries but not the mention.
- ``{"kind": "target", "members": [local keys…], "name": …, "is_target": …,
  "regimes": […]}`` decides whether a person is a target. It applies to any
  resolved person containing one of ``members`` (document-level IDs that do not
  change when other documents are added).

Decisions are applied on every build; decisions that no longer match anything
are reported, never silently dropped.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from dossier import atomic
from dossier.decisionfile import DecisionFileError, json_lines, problems
from dossier.model import CATEGORIES, PARTS, Claim, check_vocabulary

ReviewStatus = Literal["unreviewed", "accepted", "rejected"]
REVIEW_FILE = Path("decisions") / "review.jsonl"

# Regime codes (FtM programId style) a reviewer may choose.
REGIMES: tuple[str, ...] = ("GB-HR", "GB-AC", "US-GLOMAG", "EU-HR", "CA-JVCFOA")
REGIME_ALIASES: dict[str, str] = {
    "uk-ghr": "GB-HR",
    "gb-hr": "GB-HR",
    "uk-gac": "GB-AC",
    "gb-ac": "GB-AC",
    "us-glomag": "US-GLOMAG",
    "glomag": "US-GLOMAG",
    "eu-hr": "EU-HR",
    "eu-ghr": "EU-HR",
    "ca-jvcfoa": "CA-JVCFOA",
    "ca-magnitsky": "CA-JVCFOA",
}


class ReviewError(DecisionFileError):
    """A review decision or decision file that cannot be used."""


def parse_regime(text: str) -> str:
    """Map a user-typed regime name (``uk-ghr``, ``GB-HR``) to its code."""
    key = text.strip().lower()
    if key in REGIME_ALIASES:
        return REGIME_ALIASES[key]
    if text.strip().upper() in REGIMES:
        return text.strip().upper()
    known = ", ".join(sorted(REGIME_ALIASES))
    raise ReviewError(f"unknown regime {text!r}; use one of {known}")


def current_user() -> str:
    """Who is deciding: $DOSSIER_USER, else the login name."""
    user = os.environ.get("DOSSIER_USER")
    if user is not None and user.strip() != "":
        return user.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class EvidenceDecision:
    id: str
    status: Literal["accepted", "rejected"]
    content_hash: str
    mention_start: int
    mention_end: int
    quote: str
    category: str | None = None  # reviewer's correction of the category
    part: str | None = None  # reviewer's correction of the person's part
    note: str | None = None
    user: str = "unknown"
    at: str = ""


@dataclass(frozen=True)
class TargetDecision:
    members: tuple[str, ...]  # local entity keys of the person when decided
    name: str
    is_target: bool
    regimes: tuple[str, ...] = ()
    note: str | None = None
    user: str = "unknown"
    at: str = ""


@dataclass
class ReviewDecisions:
    evidence: dict[str, EvidenceDecision] = field(default_factory=dict)
    targets: list[TargetDecision] = field(default_factory=list)

    def decision_for(self, claim: Claim) -> EvidenceDecision | None:
        """The decision on ``claim``: by ID, else by document and mention span."""
        found = self.evidence.get(claim.id)
        if found is not None:
            return found
        for decision in self.evidence.values():
            if (
                decision.content_hash == claim.content_hash
                and decision.mention_start == claim.mention_start
                and decision.mention_end == claim.mention_end
            ):
                return decision
        return None

    def target_for(self, members: Iterable[str]) -> TargetDecision | None:
        """The latest target decision covering any of ``members``."""
        keys = set(members)
        found: TargetDecision | None = None
        for decision in self.targets:
            if keys.intersection(decision.members) and (found is None or decision.at >= found.at):
                found = decision
        return found


def _evidence_from(data: dict[str, Any], where: str) -> EvidenceDecision:
    status = data.get("status")
    if status not in ("accepted", "rejected"):
        raise ReviewError(f"{where}: status must be accepted or rejected, got {status!r}")
    category = data.get("category")
    if category is not None:
        check_vocabulary(category, CATEGORIES, "category")
    part = data.get("part")
    if part is not None:
        check_vocabulary(part, PARTS, "part")
    try:
        return EvidenceDecision(
            id=str(data["id"]),
            status=status,
            content_hash=str(data["content_hash"]),
            mention_start=int(data["mention_start"]),
            mention_end=int(data["mention_end"]),
            quote=str(data["quote"]),
            category=category,
            part=part,
            note=data.get("note"),
            user=str(data.get("user", "unknown")),
            at=str(data.get("at", "")),
        )
    except KeyError as exc:
        raise ReviewError(f"{where}: missing field {exc.args[0]!r}") from exc


def _target_from(data: dict[str, Any], where: str) -> TargetDecision:
    members = data.get("members")
    if not isinstance(members, list) or len(members) == 0:
        raise ReviewError(f"{where}: members must be a non-empty list of entity keys")
    try:
        regimes = tuple(parse_regime(str(r)) for r in data.get("regimes", []))
    except ReviewError as exc:
        raise ReviewError(f"{where}: {exc}") from exc
    is_target = data.get("is_target")
    if not isinstance(is_target, bool):
        raise ReviewError(f"{where}: is_target must be true or false")
    return TargetDecision(
        members=tuple(sorted(str(m) for m in members)),
        name=str(data.get("name", "")),
        is_target=is_target,
        regimes=regimes,
        note=data.get("note"),
        user=str(data.get("user", "unknown")),
        at=str(data.get("at", "")),
    )


def load_review(path: Path) -> ReviewDecisions:
    """Read the review file strictly; a missing file means no decisions yet.

    Any problem (a malformed line, git conflict markers) raises ``ReviewError``
    naming the file and line.
    """
    decisions = ReviewDecisions()
    for where, data in json_lines(path, ReviewError):
        decision = parse_review_row(data, where)
        if isinstance(decision, EvidenceDecision):
            decisions.evidence[decision.id] = decision
        else:
            decisions.targets.append(decision)
    return decisions


def parse_review_row(data: dict[str, Any], where: str) -> EvidenceDecision | TargetDecision:
    """One review decision from its line's JSON object; ``where`` (file:line) names it."""
    data = dict(data)
    kind = data.pop("kind", None)
    try:
        if kind == "evidence":
            return _evidence_from(data, where)
        if kind == "target":
            return _target_from(data, where)
    except ReviewError:
        raise
    except (ValueError, TypeError) as exc:
        raise ReviewError(f"{where}: {exc}") from exc
    raise ReviewError(f"{where}: kind must be 'evidence' or 'target', got {kind!r}")


def check_review(path: Path) -> list[str]:
    """Every problem in the review decision file, one ``file:line: …`` message each."""
    return problems(path, parse_review_row)


def _line(kind: str, record: object) -> str:
    data: dict[str, Any] = {"kind": kind}
    for key, value in asdict(record).items():  # type: ignore[call-overload]
        if value is None or value == ():
            continue
        data[key] = list(value) if isinstance(value, tuple) else value
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def save_review(path: Path, decisions: ReviewDecisions) -> None:
    """Write the review file atomically, one sorted line per decision."""
    lines = [_line("evidence", d) for d in decisions.evidence.values()]
    lines.extend(_line("target", d) for d in decisions.targets)
    lines.sort()
    atomic.write_text(path, "".join(f"{line}\n" for line in lines))


def decide_evidence(
    decisions: ReviewDecisions,
    claim: Claim,
    quote: str,
    status: Literal["accepted", "rejected"],
    *,
    category: str | None = None,
    part: str | None = None,
    note: str | None = None,
    user: str | None = None,
) -> EvidenceDecision:
    """Record a decision on one evidence item (replacing any earlier one)."""
    if category is not None:
        check_vocabulary(category, CATEGORIES, "category")
    if part is not None:
        check_vocabulary(part, PARTS, "part")
    decision = EvidenceDecision(
        id=claim.id,
        status=status,
        content_hash=claim.content_hash,
        mention_start=claim.mention_start,
        mention_end=claim.mention_end,
        quote=quote,
        category=category,
        part=part,
        note=note,
        user=user if user is not None else current_user(),
        at=now(),
    )
    decisions.evidence[decision.id] = decision
    return decision


def decide_target(
    decisions: ReviewDecisions,
    members: Sequence[str],
    name: str,
    is_target: bool,
    *,
    regimes: Sequence[str] = (),
    note: str | None = None,
    user: str | None = None,
) -> TargetDecision:
    """Record whether a person is a target, replacing earlier decisions on them."""
    keys = tuple(sorted(set(members)))
    decision = TargetDecision(
        members=keys,
        name=name,
        is_target=is_target,
        regimes=tuple(parse_regime(r) for r in regimes),
        note=note,
        user=user if user is not None else current_user(),
        at=now(),
    )
    decisions.targets = [d for d in decisions.targets if not set(d.members) & set(keys)]
    decisions.targets.append(decision)
    return decision


def effective(claim: Claim, decision: EvidenceDecision | None) -> tuple[Claim, ReviewStatus]:
    """The claim as reviewed (category/part corrected) and its review status."""
    if decision is None:
        return claim, "unreviewed"
    updated = claim
    if decision.category is not None:
        updated = replace(updated, category=decision.category)  # type: ignore[arg-type]
    if decision.part is not None:
        updated = replace(updated, part=decision.part)  # type: ignore[arg-type]
    return updated, decision.status
