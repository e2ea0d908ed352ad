"""Commands about the source documents themselves (add, sources)."""

from __future__ import annotations

import dataclasses
import json

import click

from dossier.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("add")
@click.argument("items", nargs=-1, required=True, metavar="FILE|URL...")
def add(items: tuple[str, ...]) -> None:
    """Add files or web pages (http/https URLs) to the seeds folder.

    Files are copied; URLs are fetched once, with a size limit
    (DOSSIER_FETCH_MAX_BYTES), a timeout (DOSSIER_FETCH_TIMEOUT), content-type
    checks and no redirects to other schemes. The original bytes are kept and a
    sidecar records the URL, the retrieval time, the SHA-256 and the metadata
    found in the source. Content already in seeds/ is not added again.
    Exits with status 1 when any item is refused; the others are still added.
    """
    from dossier.ingest.add import add_source
    from dossier.ingest.fetch import FetchLimits
    from dossier.ingest.ocr import ocr_engine

    settings = _settings()
    limits = FetchLimits(settings.fetch_max_bytes, float(settings.fetch_timeout))
    ocr = ocr_engine(settings)
    refused = 0
    for item in items:  # one line per item as it is done: the progress
        result = add_source(item, settings.seeds_dir, settings.max_text_bytes, limits, ocr)
        if result.ok:
            click.echo(result.message)
        else:
            refused += 1
            click.echo(f"Refused {result.message}", err=True)
    if refused > 0:
        raise SystemExit(1)


@click.command("sources")
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON lines.")
@click.option("--missing", "only_missing", is_flag=True, help="Only sources missing a value.")
def sources(as_json: bool, only_missing: bool) -> None:
    """List every source in seeds/ with its metadata, where each value came from,
    and which citation values (title, publisher, date, URL) are missing."""
    from dossier.ingest import ingest_dir
    from dossier.ingest.listing import list_source
    from dossier.ingest.ocr import ocr_engine

    settings = _settings()
    if not settings.seeds_dir.is_dir():
        raise click.ClickException(f"no seeds folder at {settings.seeds_dir}")
    documents, errors = ingest_dir(
        settings.seeds_dir, settings.max_text_bytes, ocr_engine(settings)
    )
    listings = [list_source(doc) for doc in documents]
    if only_missing:
        listings = [item for item in listings if len(item.missing) > 0]
    for item in listings:
        if as_json:
            click.echo(json.dumps(dataclasses.asdict(item), ensure_ascii=False, sort_keys=True))
            continue
        form = item.mime_type or "unknown type"
        if item.pages > 0:
            form += f", {item.pages} page(s)"
        if item.ocr_pages > 0:
            form += f", {item.ocr_pages} read by OCR"
        click.secho(f"{item.file_name}  ({form})", bold=True)
        for value in item.values:
            click.echo(f"  {value.key:<13} {_one_line(value.value)}  [{value.origin}]")
        if len(item.missing) > 0:
            shown = [
                f"{key} (null in the sidecar)" if key in item.unknown_in_sidecar else key
                for key in item.missing
            ]
            click.secho(f"  missing:      {', '.join(shown)}", fg="yellow")
    for error in errors:
        click.echo(f"Refused {error.message}", err=True)
    if not as_json:
        click.echo(f"{len(documents)} sources, {len(errors)} refused.")


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


COMMANDS = [add, sources]
