"""Screening commands (screen targets against sanctions and PEP data)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dossier.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("screen")
@click.option(
    "--against",
    "against",
    required=True,
    type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path),
    help="FtM JSON-lines file of sanctions/PEP data, e.g. OpenSanctions' entities.ftm.json.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.pass_context
def screen(ctx: click.Context, against: Path, as_json: bool) -> None:
    """Screen every candidate target against a sanctions or PEP list.

    Reads the targets (topic poi) from entities/entities.ftm.json, scores them
    with nomenklatura's logic-v2 matcher against every person and organisation
    in FILE, and writes entities/screening.json for the dossiers' "existing
    designations" section. Strong matches agree on the full name, part by
    part (a surname alone or half the name parts never does), with no
    contradicting fact; everything else is a possible match, with the reason,
    ranked by the name parts it shares and capped per target.
    Exit 0 whether or not anything matched.
    """
    from dossier.cli.progress import ClickReporter
    from dossier.export import ENTITIES_FILE
    from dossier.screen import (
        SCREENING_FILE,
        ScreeningError,
        load_targets,
        screen_targets,
        write_screening,
    )

    settings = _settings()
    quiet = bool(ctx.obj.get("quiet", False)) if ctx.obj else False
    reporter = ClickReporter(quiet=quiet or as_json)
    try:
        targets = load_targets(settings.entities_dir / ENTITIES_FILE)
        reporter.stage(f"Screening {len(targets)} targets against {against.name}", len(targets))
        result = screen_targets(targets, against, reporter.tick)
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        reporter.close()
    output = settings.entities_dir / SCREENING_FILE
    write_screening(result, output)
    data = result.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for target in data["targets"]:
        counts = f"{len(target['strong'])} strong, {len(target['possible'])} possible"
        click.echo(f"{target['name']}  ({counts})")
        for strength in ("strong", "possible"):
            for match in target[strength]:
                programmes = "; ".join(
                    " ".join(s["programId"] or s["program"])
                    + (f" ({', '.join(s['listingDate'])})" if s["listingDate"] else "")
                    for s in match["sanctions"]
                )
                topics = ", ".join(match["topics"]) or "no topics"
                click.echo(
                    f"  {strength.upper():8} {match['score']:.2f}  {match['caption']}"
                    f"  [{topics}]  {programmes or 'no sanction listed'}"
                )
                click.echo(f"           why: {'; '.join(match['why'])}")
        if target["possible_left_out"] > 0:
            click.echo(
                f"  ... {target['possible_left_out']} more possible matches, weaker, not listed"
            )
    summary = data["summary"]
    click.echo(
        f"{summary['targets']} targets screened against {against.name}: "
        f"{summary['strong']} strong, {summary['possible']} possible matches. Wrote {output}.",
        err=True,
    )


COMMANDS: list[click.Command] = [screen]
