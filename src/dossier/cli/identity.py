"""Identity review commands (dedupe, merge, no-match, split, decisions).

Thin wrappers over ``dossier.resolve.review``: they read the local-entity
catalog the last ``dossier build`` wrote and record decisions in
``entities/decisions/identity.jsonl``; the next build applies them.
Exit codes: 0 done, 1 a user error (message on stderr), 2 bad usage.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from dossier.resolve import PendingPair
from dossier.resolve.catalog import CatalogError, read_catalog
from dossier.resolve.decisions import (
    DecisionError,
    EntryIndex,
    check_decisions,
    default_user,
    load_decisions,
)
from dossier.resolve.review import (
    CATALOG_FILE,
    IDENTITY_FILE,
    Cluster,
    IdentityError,
    IdentityState,
    describe_decision,
)
from dossier.settings import Settings, SettingsError

P = ParamSpec("P")
R = TypeVar("R")

_ANSWERS = {"x": "match", "n": "no_match", "u": "unsure"}


def _paths() -> tuple[Path, Path]:
    settings = Settings.from_env()
    return settings.cache_dir / CATALOG_FILE, settings.entities_dir / IDENTITY_FILE


def _state(score: bool = False) -> IdentityState:
    catalog, decisions = _paths()
    return IdentityState.load(catalog, decisions, score=score)


def _user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Known errors become a message on stderr and exit code 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (IdentityError, CatalogError, DecisionError, SettingsError) as exc:
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(1) from exc

    return wrapper


_user_option = click.option(
    "--user",
    default=None,
    help="Who decides (default: $DOSSIER_USER, else $USER).",
)


def _who(user: str | None) -> str:
    return user if user is not None and user.strip() != "" else default_user()


@click.command("merge")
@click.argument("left")
@click.argument("right")
@_user_option
@_user_errors
def merge_command(left: str, right: str, user: str | None) -> None:
    """Record that LEFT and RIGHT are the same person or organisation.

    Each may be a canonical ID, a local entity key or an unambiguous name.
    """
    state = _state()
    decisions = state.decide("match", left, right, _who(user))
    first = decisions[0]
    click.echo(f"match: {first.left.name} = {first.right.name} (applied on the next build)")


@click.command("no-match")
@click.argument("left")
@click.argument("right")
@_user_option
@_user_errors
def no_match_command(left: str, right: str, user: str | None) -> None:
    """Record that LEFT and RIGHT are different people or organisations.

    Each may be a canonical ID, a local entity key or an unambiguous name.
    """
    state = _state()
    decision = state.decide("no_match", left, right, _who(user))[0]
    click.echo(f"no match: {decision.left.name} / {decision.right.name}")


@click.command("split")
@click.argument("ref", metavar="ID")
@_user_option
@_user_errors
def split_command(ref: str, user: str | None) -> None:
    """Undo a merge: separate a local entity (by its key) from the entity it was
    merged into, or, given a canonical ID or name, separate all its parts."""
    state = _state()
    decisions = state.split(ref, _who(user))
    click.echo(f"recorded {len(decisions)} no-match decision(s); applied on the next build")


@click.command("decisions")
@click.option(
    "--check",
    is_flag=True,
    help="Validate both decision files (identity.jsonl, review.jsonl); exit 1 on any problem.",
)
@_user_errors
def decisions_command(check: bool) -> None:
    """List the identity decisions (match, no match, unsure) with who and when.

    With --check, validate entities/decisions/identity.jsonl and review.jsonl
    instead: every malformed line or git conflict marker is printed as
    file:line: problem, and the exit code is 1 if there is any.
    """
    catalog, path = _paths()
    if check:
        _check_decision_files()
        return
    decisions = load_decisions(path)
    index: EntryIndex | None
    try:
        index = EntryIndex(read_catalog(catalog))
    except CatalogError:
        index = None
    if len(decisions) == 0:
        click.echo(f"no identity decisions yet ({path})")
    for decision in decisions:
        click.echo(describe_decision(decision, index))


def _check_decision_files() -> None:
    from dossier.review import REVIEW_FILE, check_review

    entities = Settings.from_env().entities_dir
    identity, review = entities / IDENTITY_FILE, entities / REVIEW_FILE
    found = [*check_decisions(identity), *check_review(review)]
    for problem in found:
        click.echo(f"Error: {problem}", err=True)
    if len(found) > 0:
        raise SystemExit(1)
    present = [str(p) for p in (identity, review) if p.is_file()]
    click.echo(f"decision files are valid: {', '.join(present) or 'none yet'}")


def _show_side(label: str, cluster: Cluster) -> None:
    click.echo(f"  {label}: {cluster.representative.name}   [{cluster.id}]")
    others = [n for n in cluster.names if n != cluster.representative.name]
    if len(others) > 0:
        click.echo(f"     also: {'; '.join(others)}")
    click.echo(f"     documents: {', '.join(cluster.documents)}")
    positions = sorted({p for e in cluster.members for p in e.positions})
    if len(positions) > 0:
        click.echo(f"     positions: {'; '.join(positions)}")
    for entry in cluster.members:
        for quote in entry.quotes[:1]:
            click.echo(f"     “{quote}” ({entry.document})")


_RANK_LABELS = {
    "dossier": "affects a candidate target's dossier",
    "relation": "changes a relation",
    "other": "name only",
}


@click.command("dedupe")
@click.option(
    "--score/--no-score",
    default=False,
    help="Show nomenklatura's logic-v2 score as a hint (slower start).",
)
@_user_option
@_user_errors
def dedupe_command(score: bool, user: str | None) -> None:
    """Review the pairs the resolver left for a human, most consequential first.

    Pairs that would add or move evidence in a candidate target's dossier come
    first, then pairs that would change a relation, then the rest. An entity
    that could be one of several others is asked about once: answer with the
    number of the one it is. Otherwise answer x (same entity), n (different),
    u (unsure), s (skip) or q (quit). Answers may come from stdin, one per
    line. Each answer is saved at once.
    """
    from dossier.resolve.queue import group_by_entity, rank_counts, rank_pairs, stakes_from_catalog

    state = _state(score=score)
    who = _who(user)
    canonical = state.resolution.canonical
    queued = rank_pairs(state.resolution.pending, canonical, stakes_from_catalog(state.entries))
    if len(queued) == 0:
        click.echo("nothing to review")
        return
    counts = rank_counts(queued)
    click.echo(
        f"{len(queued)} pairs to review: {counts['dossier']} affect a candidate target's "
        f"dossier, {counts['relation']} change a relation; those come first."
    )
    joined: dict[str, str] = {}

    def root(cid: str) -> str:
        while joined.get(cid, cid) != cid:
            cid = joined[cid]
        return cid

    def record(kind: str, pair: PendingPair) -> None:
        state.decide(kind, pair.left, pair.right, who)
        if kind == "match":
            left, right = state.cluster_of(pair.left), state.cluster_of(pair.right)
            joined[root(left.id)] = root(right.id)

    done = 0
    groups = group_by_entity(queued, canonical)
    for number, (shared, items) in enumerate(groups, start=1):
        live = [
            q
            for q in items
            if root(state.cluster_of(q.pair.left).id) != root(state.cluster_of(q.pair.right).id)
        ]
        if len(live) == 0:
            continue
        click.echo("")
        head = live[0]
        hint = f", score {head.pair.score:.2f}" if score else ""
        click.echo(
            f"[{number}/{len(groups)}] {_RANK_LABELS[head.rank]}: {head.pair.reason}{hint}"
        )
        if len(live) == 1:
            _show_side("A", state.cluster_of(head.pair.left))
            _show_side("B", state.cluster_of(head.pair.right))
            choices = ["x", "n", "u", "s", "q"]
            question = "Same entity? x=match n=no match u=unsure s=skip q=quit"
        else:
            _show_side("A", state.clusters[shared])
            click.echo(f"  could be one of {len(live)}:")
            for option, item in enumerate(live, start=1):
                other = item.pair.right if canonical[item.pair.left] == shared else item.pair.left
                _show_side(str(option), state.cluster_of(other))
            choices = [str(n) for n in range(1, len(live) + 1)] + ["n", "u", "s", "q"]
            question = f"Which one? 1-{len(live)}=that one n=none u=unsure s=skip q=quit"
        try:
            answer = click.prompt(question, type=click.Choice(choices), show_choices=False)
        except click.Abort:
            click.echo("")
            break
        if answer == "q":
            break
        if answer == "s":
            continue
        if answer.isdigit():
            record("match", live[int(answer) - 1].pair)
            done += 1
            continue
        for item in live:
            record(_ANSWERS[answer], item.pair)
            done += 1
            if answer == "x":
                break
    click.echo(f"{done} decision(s) recorded; run `dossier build` to apply them")


COMMANDS: list[click.Command] = [
    dedupe_command,
    merge_command,
    no_match_command,
    split_command,
    decisions_command,
]
