"""Evidence and target review commands (targets, review)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Literal

import click

from dossier.cli.progress import ClickReporter
from dossier.clusters import Cluster, find_clusters
from dossier.decisionfile import DecisionFileError
from dossier.export import reading_text
from dossier.model import CATEGORIES, PARTS, page_label
from dossier.review import (
    ReviewDecisions,
    ReviewError,
    decide_evidence,
    decide_target,
    load_review,
    parse_regime,
    update_review,
)
from dossier.settings import Settings, SettingsError
from dossier.targets import ReviewedClaim, Target, review_claims

if TYPE_CHECKING:
    from dossier.build import BuildResult


def _state(ctx: click.Context) -> tuple[Settings, BuildResult]:
    from dossier.build import run_assessment
    from dossier.extract.nlp import ModelNotInstalledError

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc
    reporter = ClickReporter(quiet=True)
    try:
        return settings, run_assessment(settings, reporter)
    except (ModelNotInstalledError, FileNotFoundError, DecisionFileError) as exc:
        raise click.ClickException(str(exc)) from exc


def _target_dict(target: Target) -> dict[str, object]:
    return {
        "id": target.id,
        "name": target.name,
        "status": target.status,
        "allegations": target.allegations,
        "sources": target.sources,
        "publishers": target.publishers,
        "latest": target.latest,
        "accepted": target.accepted,
        "unreviewed": target.unreviewed,
        "rejected": target.rejected,
        "categories": list(target.categories),
        "regimes": list(target.regimes),
        "deceased": target.deceased,
        "reasons": target.reasons,
        "warnings": target.warnings,
    }


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also list people with allegations who are not proposed, and why.",
)
@click.pass_context
def targets(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """List candidate sanctions targets, strongest first, with evidence counts.

    Counts are of perpetrator-side allegations: accepted / unreviewed by a
    reviewer. Victims, defenders, journalists, activists, signatories and
    analysts are never candidates.
    """
    _, result = _state(ctx)
    shown = [t for t in result.targets if show_all or t.is_target]
    if as_json:
        for target in shown:
            click.echo(json.dumps(_target_dict(target), ensure_ascii=False, sort_keys=True))
        return
    if len(shown) == 0:
        click.echo("No candidate targets found.")
        return
    click.echo(f"{'name':32} {'status':19} {'alleg.':>6} {'src':>3} {'acc.':>4} {'unrev.':>6}")
    for t in shown:
        click.echo(
            f"{t.name[:32]:32} {t.status:19} {t.allegations:>6} {t.sources:>3} "
            f"{t.accepted:>4} {t.unreviewed:>6}"
        )
        for reason in t.reasons:
            click.echo(f"{'':33}- {reason}")
        for warning in t.warnings:
            click.echo(f"{'':33}! {warning}")


def _pick(clusters: dict[str, Cluster], name: str) -> Cluster:
    found = [c for c in find_clusters(clusters, name) if c.is_person]
    if len(found) == 0:
        raise click.ClickException(f"no person matches {name!r}; see `dossier targets --all`")
    if len(found) > 1:
        listing = "; ".join(f"{c.name} ({c.id})" for c in found[:10])
        raise click.ClickException(f"{name!r} matches several people: {listing}. Use an ID.")
    return found[0]


def _match(items: Sequence[ReviewedClaim], ref: str) -> ReviewedClaim:
    ref = ref.strip()
    hits = [r for r in items if r.claim.id == ref or r.claim.id.split("-", 1)[1].startswith(ref)]
    if len(hits) != 1:
        what = "no" if len(hits) == 0 else "several"
        raise click.ClickException(f"{what} evidence items of this person match {ref!r}")
    return hits[0]


def _pairs(values: Sequence[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        if "=" not in value:
            raise click.BadParameter(f"expected ID={what}, got {value!r}")
        ref, _, choice = value.partition("=")
        pairs.append((ref, choice))
    return pairs


def _passage(result: BuildResult, item: ReviewedClaim) -> str:
    for extraction in result.extractions:
        if extraction.source.content_hash == item.claim.content_hash:
            return extraction.source.text[item.claim.start : item.claim.end]
    raise click.ClickException("evidence refers to a document that is no longer in seeds/")


def _source_name(result: BuildResult, item: ReviewedClaim) -> str:
    for extraction in result.extractions:
        source = extraction.source
        if source.content_hash == item.claim.content_hash:
            name = source.meta.title or source.file_name
            pages = source.page_range(item.claim.start, item.claim.end)
            if pages is not None:
                name += f", {page_label(pages)}"
            if source.is_ocr(item.claim.start, item.claim.end):
                name += "  [OCR: check the quote against the page image]"
            return name
    return "?"


def _decide(
    decisions: ReviewDecisions,
    result: BuildResult,
    item: ReviewedClaim,
    status: Literal["accepted", "rejected"],
    category: str | None = None,
    part: str | None = None,
    note: str | None = None,
) -> None:
    decide_evidence(
        decisions,
        item.claim,
        _passage(result, item),
        status,
        category=category,
        part=part,
        note=note,
    )


Record = Callable[[Callable[[ReviewDecisions], object]], object]


def _interactive(
    record: Record,
    result: BuildResult,
    items: Sequence[ReviewedClaim],
) -> None:
    """Each answer is written at once, under the decision file's lock."""
    for number, item in enumerate(items, start=1):
        claim = item.claim
        click.echo("")
        click.secho(f"[{number}/{len(items)}] {claim.id[:21]}  {item.status.upper()}", bold=True)
        click.echo(
            f"  {claim.category} / {claim.part}"
            + (f"  (according to {claim.attributed_to})" if claim.attributed_to else "")
        )
        click.echo(f"  {reading_text(claim)}")
        click.echo(f"  Source: {_source_name(result, item)}")
        click.echo(f"  “{_passage(result, item)}”")
        answer = click.prompt(
            "  [a]ccept [r]eject [c]ategory [p]art [n]ote [s]kip [q]uit",
            type=click.Choice(["a", "r", "c", "p", "n", "s", "q"]),
            default="s",
            show_choices=False,
        )
        if answer == "q":
            break
        if answer == "s":
            continue
        if answer in ("a", "r"):
            status: Literal["accepted", "rejected"] = "accepted" if answer == "a" else "rejected"
            record(partial(_decide, result=result, item=item, status=status))
        elif answer == "c":
            category = click.prompt("  category", type=click.Choice(list(CATEGORIES)))
            record(partial(_decide, result=result, item=item, status="accepted", category=category))
        elif answer == "p":
            part = click.prompt("  part", type=click.Choice(list(PARTS)))
            record(partial(_decide, result=result, item=item, status="accepted", part=part))
        else:
            note = click.prompt("  note")
            kept: Literal["accepted", "rejected"] = (
                "rejected" if item.status == "rejected" else "accepted"
            )
            record(partial(_decide, result=result, item=item, status=kept, note=note))


@click.command()
@click.argument("name")
@click.option("--accept", multiple=True, metavar="ID", help="Accept evidence ID (prefix ok).")
@click.option("--reject", multiple=True, metavar="ID", help="Reject evidence ID (prefix ok).")
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="ID=CATEGORY",
    help="Correct an item's category (and accept it).",
)
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="ID=PART",
    help="Correct the person's part in an item (and accept it).",
)
@click.option("--note", "notes", multiple=True, metavar="ID=TEXT", help="Add a note to an item.")
@click.option(
    "--target/--not-target",
    "is_target",
    default=None,
    help="Decide whether this person is a sanctions target.",
)
@click.option(
    "--regime",
    "regimes",
    default=None,
    metavar="LIST",
    help="Regimes for this target, e.g. uk-ghr,us-glomag.",
)
@click.option(
    "--all-evidence", is_flag=True, help="Walk every item, not only allegations (interactive mode)."
)
@click.pass_context
def review(
    ctx: click.Context,
    name: str,
    accept: Sequence[str],
    reject: Sequence[str],
    categories: Sequence[str],
    parts: Sequence[str],
    notes: Sequence[str],
    is_target: bool | None,
    regimes: str | None,
    all_evidence: bool,
) -> None:
    """Review a person's evidence: accept, reject, correct, annotate.

    With no decision options, walks the evidence in the terminal. Decisions are
    written to entities/decisions/review.jsonl; run `dossier build` to apply
    them to entities/ and the PDFs.
    """
    from dossier.build import review_file

    settings, result = _state(ctx)
    cluster = _pick(result.clusters, name)
    path = review_file(settings)
    items = review_claims(cluster, load_review(path))

    def record(change: Callable[[ReviewDecisions], object]) -> object:
        return update_review(path, change)

    scripted = (
        any((accept, reject, categories, parts, notes))
        or is_target is not None
        or regimes is not None
    )
    try:
        if scripted:
            for _ref, category in _pairs(categories, "CATEGORY"):
                if category not in CATEGORIES:
                    raise click.BadParameter(f"unknown category {category!r}")
            for _ref, part in _pairs(parts, "PART"):
                if part not in PARTS:
                    raise click.BadParameter(f"unknown part {part!r}")

            def apply(decisions: ReviewDecisions) -> None:
                for ref in accept:
                    _decide(decisions, result, _match(items, ref), "accepted")
                for ref in reject:
                    _decide(decisions, result, _match(items, ref), "rejected")
                for ref, category in _pairs(categories, "CATEGORY"):
                    _decide(decisions, result, _match(items, ref), "accepted", category=category)
                for ref, part in _pairs(parts, "PART"):
                    _decide(decisions, result, _match(items, ref), "accepted", part=part)
                for ref, note in _pairs(notes, "TEXT"):
                    item = _match(items, ref)
                    status = "rejected" if item.status == "rejected" else "accepted"
                    _decide(decisions, result, item, status, note=note)  # type: ignore[arg-type]
                if is_target is not None or regimes is not None:
                    chosen = (
                        [] if regimes is None else [parse_regime(r) for r in regimes.split(",")]
                    )
                    decide_target(
                        decisions,
                        cluster.keys,
                        cluster.name,
                        True if is_target is None else is_target,
                        regimes=chosen,
                    )

            record(apply)
        else:
            shown = items if all_evidence else [r for r in items if r.alleges] or items
            click.echo(f"{cluster.name}: {len(shown)} evidence items to review")
            _interactive(record, result, shown)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Decisions saved to {path}. Run `dossier build` to apply them.")


COMMANDS: list[click.Command] = [targets, review]
