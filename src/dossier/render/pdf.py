"""Jinja2 environment and HTML → PDF through WeasyPrint with the restricted fetcher."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import jinja2
from weasyprint import HTML
from weasyprint.document import Document

from dossier.render.fetcher import BundledAssetFetcher

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(value: str | dt.date | None) -> str:
    """``2022-01-07`` → ``7 January 2022``; ``2022-01`` → ``January 2022``; else as given."""
    if value is None:
        return "date not stated"
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    if match is None:
        return value
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None:
        return f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Autoescaping (every template, whatever its name) and StrictUndefined."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    return env


@functools.lru_cache(maxsize=4)
def shared_environment(templates_dir: Path) -> jinja2.Environment:
    """One ``make_environment`` per templates folder and process, so each template is
    compiled once, not once per dossier (jinja recompiles a template whose file changed)."""
    return make_environment(templates_dir)


def html_document(html: str, templates_dir: Path) -> Document:
    """Lay out ``html``; relative URLs resolve inside templates/ and nothing else loads."""
    base_url = templates_dir.resolve().as_uri() + "/"
    fetcher = BundledAssetFetcher(templates_dir)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()


def write_pdf(document: Document) -> bytes:
    """The PDF bytes. Metadata (dates included) come from the HTML head only."""
    data = document.write_pdf()
    assert isinstance(data, bytes)
    return data


def html_to_pdf(html: str, templates_dir: Path) -> bytes:
    return write_pdf(html_document(html, templates_dir))
