"""Commands that show and render what the build produced (show, render, letter)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import unicodedata
from pathlib import Path

import click

from dossier import atomic
from dossier.criteria import RegimeError, parse_regime
from dossier.profile import (
    EntityStore,
    PersonProfile,
    ProfileError,
    SourceRef,
    StoreError,
    build_profile,
    candidate_targets,
    display_name,
    find_people,
    load_store,
)
from dossier.render import RenderError, RenderOptions, render_all
from dossier.render.letter import LetterError, LetterOptions, read_signatories, render_letter_pdf
from dossier.settings import Settings, SettingsError

ENTITIES_FILE = "entities.ftm.json"

entities_option = click.option(
    "--entities",
    "entities_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="FtM entity file to read (default: entities/entities.ftm.json).",
)


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _store(settings: Settings, path: Path | None) -> EntityStore:
    path = path if path is not None else settings.entities_dir / ENTITIES_FILE
    if not path.is_file():
        raise click.ClickException(f"{path} not found; run `dossier build` first")
    try:
        return load_store(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _render_date() -> dt.date:
    """$SOURCE_DATE_EPOCH (UTC) for reproducible PDFs, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch != "":
        if not epoch.isdigit():
            raise click.ClickException(f"SOURCE_DATE_EPOCH must be whole seconds, got {epoch!r}")
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _regimes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    try:
        return tuple(parse_regime(part) for part in text.split(",") if part.strip() != "")
    except RegimeError as exc:
        raise click.BadParameter(str(exc), param_hint="--regime") from exc


def _clean(text: str) -> str:
    """Source text for the terminal: control characters (escape sequences) removed."""
    return "".join(
        ch if ch in "\n" or not unicodedata.category(ch).startswith("C") else " " for ch in text
    )


def _resolve(store: EntityStore, query: str) -> str:
    """One person ID for ``query``, or a ClickException listing the candidates."""
    hits = find_people(store, query)
    if len(hits) == 1:
        return hits[0]
    if len(hits) == 0:
        lines = [f"no person matches {query!r}. Candidate targets:"]
        ids = candidate_targets(store)
    else:
        lines = [f"{query!r} matches {len(hits)} people; give the ID:"]
        ids = hits
    for person_id in ids:
        proxy = store.get(person_id)
        name = display_name(proxy) if proxy is not None else person_id
        lines.append(f"  {_clean(name)}  {person_id}")
    raise click.ClickException("\n".join(lines))


def _source_line(doc: SourceRef | None) -> str:
    if doc is None:
        return "source: not in the export"
    parts = [doc.label, doc.publisher or "publisher not stated", doc.published_at or "undated"]
    if doc.url is not None:
        parts.append(doc.url)
    return _clean("source: " + " · ".join(parts))


def _print_profile(profile: PersonProfile) -> None:
    echo = click.echo
    flag = "candidate target" if profile.is_candidate else "not a candidate target"
    echo(click.style(_clean(profile.name), bold=True) + f"  {profile.id}  ({flag})")
    if profile.deceased:
        echo("  reported deceased in the sources")
    echo(f"  topics: {', '.join(profile.topics) or '-'}; roles: {', '.join(profile.roles) or '-'}")
    if len(profile.regimes) > 0:
        echo(f"  regimes chosen by a reviewer: {', '.join(profile.regimes)}")
    echo("Names:")
    for script, names in profile.names_by_script.items():
        echo(f"  {script}: {_clean('; '.join(names))}")
    for prop, values in profile.identifiers.items():
        echo(f"  {prop}: {_clean(', '.join(values))}")
    echo("Positions:")
    for pos in profile.positions:
        when = " – ".join(x for x in (pos.start, pos.end) if x is not None)
        echo(f"  - {_clean(pos.title)}" + (f" ({when})" if when != "" else ""))
        if pos.summary is not None:
            echo(f"      “{_clean(pos.summary)}”")
            echo(f"      {_source_line(pos.document)}")
    if len(profile.positions) == 0:
        echo("  none found in the sources")
    echo("Relations:")
    for rel in profile.relations:
        arrow = "→" if rel.outgoing else "←"
        label = rel.relationship or rel.kind
        echo(f"  - {rel.kind} {arrow} {_clean(rel.other_name)} ({_clean(label)})  {rel.other_id}")
        if rel.summary is not None:
            echo(f"      “{_clean(rel.summary)}”")
            echo(f"      {_source_line(rel.document)}")
    if len(profile.relations) == 0:
        echo("  none found in the sources")
    counts = profile.status_counts()
    echo(
        f"Evidence ({len(profile.evidence)}: {counts['accepted']} accepted, "
        f"{counts['unreviewed']} unreviewed, {counts['rejected']} rejected):"
    )
    colours = {"accepted": "green", "unreviewed": "yellow", "rejected": "red"}
    for item in profile.evidence:
        status = click.style(item.status.upper(), fg=colours[item.status])
        echo(f"  [{status}] {item.category}/{item.part}  {item.date or 'undated'}  {item.id}")
        ocr = "  " + click.style("[OCR: check against the page image]", fg="magenta")
        echo(f"      “{_clean(item.summary)}”" + (ocr if item.ocr else ""))
        pinpoint = f" · {item.pages}" if item.pages is not None else ""
        echo(f"      {_source_line(item.document)}{pinpoint}")
        if item.reviewer_note is not None:
            echo(f"      reviewer: {_clean(item.reviewer_note)}")


@click.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@entities_option
def show(name: str, as_json: bool, entities_path: Path | None) -> None:
    """Show a person: names, positions, relations and every evidence item with its source.

    NAME is a name or alias (case and accents ignored) or an exact entity ID. Exits
    non-zero and lists the candidates when nothing or more than one person matches.
    """
    store = _store(_settings(), entities_path)
    person_id = _resolve(store, name)
    try:
        profile = build_profile(store, person_id)
    except ProfileError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        data = dataclasses.asdict(profile)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        _print_profile(profile)


@click.command("render")
@click.argument("names", nargs=-1)
@click.option(
    "--regime",
    "regime_text",
    default=None,
    help="Comma-separated regimes, e.g. uk-ghr,us-glomag (default: the reviewer's "
    "choice, else derived from the allegations).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PDFs (default: dossiers/).",
)
@entities_option
def render(
    names: tuple[str, ...],
    regime_text: str | None,
    out_dir: Path | None,
    entities_path: Path | None,
) -> None:
    """Render PDF dossiers: one per candidate target, or for the NAMES given.

    Only persons marked as candidate targets get a dossier; victims, defenders,
    journalists and signatories never do. The date printed is today, or
    $SOURCE_DATE_EPOCH for byte-identical output.
    """
    settings = _settings()
    store = _store(settings, entities_path)
    regimes = _regimes(regime_text)
    targets: list[str] | None = None
    if len(names) > 0:
        targets = []
        for query in names:
            person_id = _resolve(store, query)
            if person_id not in candidate_targets(store):
                proxy = store.get(person_id)
                who = display_name(proxy) if proxy is not None else person_id
                raise click.ClickException(
                    f"{_clean(who)} is not a candidate target; no dossier is rendered"
                )
            targets.append(person_id)
    options = RenderOptions(
        templates_dir=settings.templates_dir,
        date=_render_date(),
        organisation=settings.organisation,
        regimes=regimes,
    )
    out = out_dir if out_dir is not None else settings.dossiers_dir
    count = len(targets) if targets is not None else len(candidate_targets(store))
    try:
        with click.progressbar(length=count, label="Rendering dossiers", file=None) as bar:
            paths = render_all(
                store, out, options, progress=lambda _path: bar.update(1), targets=targets
            )
    except (ProfileError, RenderError, RegimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    for path in paths:
        click.echo(str(path))


@click.command("letter")
@click.option("--to", "addressee", required=True,
              help='Addressee: "UK FCDO", "US Treasury", "US State", "EU" or "Canada".')
@click.option("--targets", "target_text", required=True,
              help="Comma-separated names or IDs of the candidate targets.")
@click.option("--from", "organisation", default=None,
              help="Submitting organisation (default: $DOSSIER_ORGANISATION).")
@click.option("--signatories", "signatories_path",
              type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Text file, one signatory a line: name | title | organisation.")
@click.option("--regime", "regime_text", default=None,
              help="Comma-separated regimes for every target (default: per target).")
@click.option("--bundle", is_flag=True, help="Append each target's dossier to the letter.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="PDF to write (default: dossiers/letter-<addressee>.pdf).")
@entities_option
def letter(
    addressee: str,
    target_text: str,
    organisation: str | None,
    signatories_path: Path | None,
    regime_text: str | None,
    bundle: bool,
    out_path: Path | None,
    entities_path: Path | None,
) -> None:
    """Render an advocacy letter asking a government to designate the targets.

    One paragraph per target cites its strongest reviewed evidence; the dossiers
    are listed as annexes and, with --bundle, appended to the same PDF.
    """
    settings = _settings()
    store = _store(settings, entities_path)
    targets = tuple(_resolve(store, q.strip()) for q in target_text.split(",") if q.strip())
    signatories = () if signatories_path is None else tuple(read_signatories(signatories_path))
    options = LetterOptions(
        templates_dir=settings.templates_dir,
        date=_render_date(),
        addressee=addressee,
        targets=targets,
        organisation=organisation if organisation is not None else settings.organisation,
        signatories=signatories,
        regimes=_regimes(regime_text),
        bundle=bundle,
    )
    try:
        data = render_letter_pdf(store, options)
    except (LetterError, ProfileError, RenderError, RegimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    if out_path is None:
        slug = "-".join(addressee.lower().replace("/", " ").split())
        safe = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch == "-"))
        out_path = settings.dossiers_dir / f"letter-{safe or 'addressee'}.pdf"
    atomic.write_bytes(out_path, data)
    click.echo(str(out_path))


COMMANDS: list[click.Command] = [show, render, letter]
