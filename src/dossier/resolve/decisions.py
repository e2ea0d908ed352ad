"""Human identity decisions: a diffable JSON-lines file, one decision per line.

``entities/decisions/identity.jsonl`` holds every match / no-match / unsure
judgement a person made, with who and when. Each side of a decision is an
*anchor*: the document's content hash and file name, the entity's name, its
order-free spelling key (``names.name_key``) and the local entity key it had
when the decision was made. A line looks like (wrapped here)::

    {"decision": "match",
     "left": {"content_hash": "ae5b…", "document": "000_….txt", "key": "local-…",
              "name": "Kassym-Jomart Tokayev", "name_key": "jomart kasim tokaev",
              "schema_class": "person"},
     "right": {…}, "time": "2024-05-01T10:00:00Z", "user": "alice"}

Re-attaching an anchor to the current extraction (``attach``) tries, in order:
the same local key; an entity of the same document (content hash) whose name,
then whose aliases, have the same spelling key; the same again by file name
when the document's bytes changed. So a decision survives new documents, new
spans or aliases and a changed extractor key; an anchor that fits nothing is
reported as orphaned and kept in the file, never dropped.

The file is rewritten atomically, lines sorted, sides in a fixed order, keys
sorted, so each new decision is a one-line git diff. One decision per pair of
anchors: a new decision on the same pair replaces the old one (git keeps the
history).
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

from dossier.atomic import write_text
from dossier.decisionfile import DecisionFileError, json_lines, problems
from dossier.resolve.catalog import CatalogEntry
from dossier.resolve.names import name_key

DecisionKind = Literal["match", "no_match", "unsure"]
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)
SCHEMA_CLASSES = ("person", "org")


class DecisionError(DecisionFileError):
    """The decision file cannot be read or a decision is invalid."""


@dataclass(frozen=True, order=True)
class Anchor:
    """One side of a decision, tied to stable source facts."""

    content_hash: str
    name_key: str
    key: str
    document: str
    name: str
    schema_class: str

    @classmethod
    def of(cls, entry: CatalogEntry) -> Anchor:
        return cls(
            content_hash=entry.content_hash,
            name_key=name_key(entry.schema_class, entry.name),
            key=entry.key,
            document=entry.document,
            name=entry.name,
            schema_class=entry.schema_class,
        )

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes two anchors the same side: document, class and spelling key."""
        return (self.content_hash, self.schema_class, self.name_key)

    def to_dict(self) -> dict[str, str]:
        return {
            "content_hash": self.content_hash,
            "document": self.document,
            "key": self.key,
            "name": self.name,
            "name_key": self.name_key,
            "schema_class": self.schema_class,
        }


@dataclass(frozen=True)
class Decision:
    """A person's judgement on whether two anchored entities are the same."""

    decision: DecisionKind
    left: Anchor
    right: Anchor
    user: str
    time: str  # ISO 8601, UTC

    @property
    def pair(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return (self.left.identity, self.right.identity)

    def to_line(self) -> str:
        row = {
            "decision": self.decision,
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
            "time": self.time,
            "user": self.user,
        }
        return json.dumps(row, ensure_ascii=False, sort_keys=True)


def default_user() -> str:
    """Who is deciding: $DOSSIER_USER, else $USER, else the login name."""
    for variable in ("DOSSIER_USER", "USER"):
        value = os.environ.get(variable, "").strip()
        if value != "":
            return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def make_decision(
    kind: str, left: CatalogEntry, right: CatalogEntry, user: str, time: str | None = None
) -> Decision:
    """A decision between two entries, sides in canonical order."""
    if kind not in DECISION_KINDS:
        raise DecisionError(f"unknown decision {kind!r}; expected one of {DECISION_KINDS}")
    if left.schema_class != right.schema_class:
        raise DecisionError(
            f"cannot compare a {left.schema_class} ({left.name}) "
            f"with a {right.schema_class} ({right.name})"
        )
    if left.key == right.key:
        raise DecisionError(f"{left.name} ({left.key}) is the same local entity on both sides")
    if user.strip() == "":
        raise DecisionError("a decision needs a user name")
    a, b = sorted((Anchor.of(left), Anchor.of(right)))
    if a.identity == b.identity:
        raise DecisionError(
            f"{left.name} and {right.name} have the same name in the same document; "
            "the decision file cannot tell them apart"
        )
    kind_: DecisionKind = kind  # type: ignore[assignment]
    return Decision(kind_, a, b, user.strip(), time if time is not None else now())


def _anchor(value: Any, where: str) -> Anchor:
    if not isinstance(value, dict):
        raise DecisionError(f"{where}: expected an object")
    fields = ("content_hash", "name_key", "key", "document", "name", "schema_class")
    for name in fields:
        if not isinstance(value.get(name), str):
            raise DecisionError(f"{where}: missing or non-text field {name!r}")
    if value["schema_class"] not in SCHEMA_CLASSES:
        raise DecisionError(f"{where}: unknown schema_class {value['schema_class']!r}")
    return Anchor(**{name: value[name] for name in fields})


def parse_line(line: str, where: str) -> Decision:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DecisionError(f"{where}: not valid JSON: {exc}") from exc
    if not isinstance(row, dict):
        raise DecisionError(f"{where}: expected a JSON object")
    return parse_row(row, where)


def parse_row(row: dict[str, Any], where: str) -> Decision:
    """One decision from its line's JSON object; ``where`` (file:line) names it in errors."""
    kind = row.get("decision")
    if kind not in DECISION_KINDS:
        raise DecisionError(f"{where}: unknown decision {kind!r}; expected {DECISION_KINDS}")
    user, time = row.get("user"), row.get("time")
    if not isinstance(user, str) or not isinstance(time, str):
        raise DecisionError(f"{where}: user and time must be text")
    left = _anchor(row.get("left"), f"{where} left")
    right = _anchor(row.get("right"), f"{where} right")
    a, b = sorted((left, right))
    return Decision(kind, a, b, user, time)


def load_decisions(path: Path) -> list[Decision]:
    """Every decision in ``path`` (none if the file does not exist yet).

    Any problem (a malformed line, git conflict markers) raises ``DecisionError``
    naming the file and line.
    """
    return [parse_row(row, where) for where, row in json_lines(path, DecisionError)]


def check_decisions(path: Path) -> list[str]:
    """Every problem in the identity decision file, one ``file:line: …`` message each."""
    return problems(path, parse_row)


def format_decisions(decisions: Iterable[Decision]) -> str:
    """The file's text: one decision per pair (the latest wins), sorted lines."""
    latest: dict[tuple[tuple[str, str, str], tuple[str, str, str]], Decision] = {}
    for decision in decisions:
        current = latest.get(decision.pair)
        if current is None or decision.time >= current.time:
            latest[decision.pair] = decision
    ordered = sorted(latest.values(), key=lambda d: (d.pair, d.left.key, d.right.key))
    return "".join(d.to_line() + "\n" for d in ordered)


def record_decisions(path: Path, new: Sequence[Decision]) -> None:
    """Add ``new`` to the file atomically, replacing earlier decisions on the same pairs."""
    existing = load_decisions(path)
    replaced = {d.pair for d in new}
    kept = [d for d in existing if d.pair not in replaced]
    write_text(path, format_decisions([*kept, *new]))


class EntryIndex:
    """The current entries, indexed for re-attaching anchors."""

    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self.by_key: dict[str, CatalogEntry] = {}
        self.by_hash: dict[str, list[CatalogEntry]] = {}
        self.by_document: dict[str, list[CatalogEntry]] = {}
        for entry in entries:
            self.by_key[entry.key] = entry
            self.by_hash.setdefault(entry.content_hash, []).append(entry)
            self.by_document.setdefault(entry.document, []).append(entry)

    def attach(self, anchor: Anchor) -> CatalogEntry | None:
        """The current entry an anchor refers to, or None if it fits none or several."""
        entry = self.by_key.get(anchor.key)
        if entry is not None and entry.schema_class == anchor.schema_class:
            return entry
        for group in (self.by_hash.get(anchor.content_hash), self.by_document.get(anchor.document)):
            if group is None:
                continue
            found = _by_name_key(group, anchor)
            if found is not None:
                return found
        return None


def _by_name_key(group: Sequence[CatalogEntry], anchor: Anchor) -> CatalogEntry | None:
    same_class = [e for e in group if e.schema_class == anchor.schema_class]
    by_name = [e for e in same_class if name_key(e.schema_class, e.name) == anchor.name_key]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        return None
    by_alias = [
        e
        for e in same_class
        if any(name_key(e.schema_class, a) == anchor.name_key for a in e.aliases)
    ]
    if len(by_alias) == 1:
        return by_alias[0]
    return None


@dataclass(frozen=True)
class AttachedDecision:
    decision: Decision
    left: CatalogEntry
    right: CatalogEntry


def attach_all(
    decisions: Sequence[Decision], index: EntryIndex
) -> tuple[list[AttachedDecision], list[Decision]]:
    """Split decisions into those that re-attach (both sides found) and orphans."""
    attached: list[AttachedDecision] = []
    orphans: list[Decision] = []
    for decision in decisions:
        left = index.attach(decision.left)
        right = index.attach(decision.right)
        if left is None or right is None or left.key == right.key:
            orphans.append(decision)
        else:
            attached.append(AttachedDecision(decision, left, right))
    return attached, orphans


def by_key(entries: Iterable[CatalogEntry]) -> Mapping[str, CatalogEntry]:
    return {e.key: e for e in entries}
