"""Commands that run pipeline stages (build, export, extract)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dossier.cli.progress import ClickReporter
from dossier.settings import Settings, SettingsError

if TYPE_CHECKING:
    from dossier.build import BuildResult

FRESH = click.option(
    "--fresh", is_flag=True, help="Ignore the caches in .dossier/: parse and render everything."
)

# Heavy modules (spaCy, WeasyPrint, nomenklatura) are imported inside the
# commands, so `dossier --help` answers at once.


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _summary(result: BuildResult) -> None:
    persons = sum(1 for c in result.clusters.values() if c.is_person)
    orgs = len(result.clusters) - persons
    evidence = sum(1 for e in result.export.entities if e.schema.name == "Documentation")
    candidates = [t for t in result.targets if t.is_target]
    click.echo(
        f"{len(result.sources)} documents read, {len(result.errors)} refused; "
        f"{persons} people, {orgs} organisations, {evidence} evidence items; "
        f"{len(candidates)} candidate targets."
    )
    if result.entities_path is not None:
        click.echo(f"Entities: {result.entities_path}")
    for path in result.dossiers:
        click.echo(f"Dossier: {path}")
    if result.resolution is not None and len(result.resolution.pending) > 0:
        from dossier.resolve.queue import rank_counts, review_queue

        targets = [t.id for t in result.targets if t.is_target]
        counts = rank_counts(review_queue(result.extractions, result.resolution, targets))
        click.echo(
            f"{len(result.resolution.pending)} possible duplicates await review; "
            f"{counts['dossier']} would add or move evidence in a candidate target's dossier, "
            f"{counts['relation']} would change a relation: run `dossier dedupe` "
            "(it shows those first)."
        )
    for error in result.errors:
        click.echo(f"Refused {error.file_name}: {error.message}", err=True)
    if len(result.export.dropped) > 0:
        click.echo(
            f"{len(result.export.dropped)} values were invalid for FtM and left out "
            "(see the warnings above).",
            err=True,
        )


def _run(ctx: click.Context, render: bool, strict: bool, fresh: bool) -> None:
    from dossier.build import BuildLockedError, run_build
    from dossier.decisionfile import DecisionFileError
    from dossier.extract.nlp import ModelNotInstalledError
    from dossier.outputs import JournalError

    settings = _settings()
    reporter = ClickReporter(quiet=bool(ctx.obj.get("quiet", False)) if ctx.obj else False)
    try:
        result = run_build(settings, reporter, render=render, fresh=fresh)
    except (
        BuildLockedError,
        DecisionFileError,
        ModelNotInstalledError,
        FileNotFoundError,
        JournalError,
    ) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        reporter.close()
    _summary(result)
    publish_ok = result.publish is None or result.publish.ok
    if not publish_ok:
        click.echo(
            "Some values did not survive the FtM round trip (see the errors above).", err=True
        )
    if strict and (len(result.errors) > 0 or not publish_ok):
        ctx.exit(3)


@click.command()
@click.option("--no-render", is_flag=True, help="Stop after writing entities/.")
@click.option("--strict", is_flag=True, help="Exit with status 3 if any source was refused.")
@FRESH
@click.pass_context
def build(ctx: click.Context, no_render: bool, strict: bool, fresh: bool) -> None:
    """Run every stage: seeds/ -> entities/entities.ftm.json -> dossiers/*.pdf.

    Sources that cannot be read are reported one by one and the rest of the
    build goes on. Review decisions in entities/decisions/ are applied.
    Unchanged documents and dossiers come from the caches in .dossier/
    (--fresh ignores them). Outputs are replaced whole: an interrupted build
    leaves the previous entities/ and dossiers/.
    """
    _run(ctx, render=not no_render, strict=strict, fresh=fresh)


@click.command()
@click.option("--strict", is_flag=True, help="Exit with status 3 if any source was refused.")
@FRESH
@click.pass_context
def export(ctx: click.Context, strict: bool, fresh: bool) -> None:
    """Write the FtM entity file from seeds/ without rendering PDFs.

    Writes entities/entities.ftm.json (FtM JSON lines, sorted, byte-identical
    for the same seeds and decisions).
    """
    _run(ctx, render=False, strict=strict, fresh=fresh)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def extract(files: tuple[Path, ...]) -> None:
    """Print every name found in FILES, read as one corpus, as JSON lines.

    The files are read as `dossier build` reads a seeds folder (every format it
    reads, OCR included, with their sidecars) and their names are decided over
    all of them together, as in a build. Each line: {"file", "text", "label", "start",
    "end", "resolved", "why"}, with character offsets into the file's text;
    "resolved" is the full name a PERSON or ORG mention refers to, or null;
    "why" lists the signals that made it a person and decided its reference
    (for example "title:Dr.", "reference:only-fit:surname",
    "reference:start-of-longer-name"). Files are
    printed in path order. If any file cannot be read, each one is reported and
    nothing is printed (exit status 1).
    """
    from dossier.extract.files import DuplicateFileError, extract_files
    from dossier.extract.nlp import ModelNotInstalledError, load_pipeline
    from dossier.ingest.ocr import ocr_engine

    settings = _settings()
    missing = [str(f) for f in files if not f.is_file()]
    if len(missing) > 0:
        raise click.ClickException(f"no such file: {', '.join(missing)}")
    try:
        nlp = load_pipeline(settings.spacy_model)
        found, errors = extract_files(
            list(files), nlp, settings.max_text_bytes, ocr_engine(settings)
        )
    except (ModelNotInstalledError, DuplicateFileError) as exc:
        raise click.ClickException(str(exc)) from exc
    if len(errors) > 0:
        for error in errors:
            click.echo(f"Refused {error.file_name}: {error.message}", err=True)
        raise click.ClickException(
            f"{len(errors)} of {len(files)} files cannot be read; nothing extracted"
        )
    for mention in found:
        sys.stdout.write(json.dumps(mention.to_dict(), ensure_ascii=False) + "\n")


COMMANDS: list[click.Command] = [build, export, extract]
