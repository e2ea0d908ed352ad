"""``dossier build``: every stage, in order, each reading the previous one's output.

ingest -> extract -> resolve -> review -> export -> render
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from followthemoney.dataset import Dataset

from dossier.clusters import Cluster, group_entities
from dossier.export import ENTITIES_FILE, Export, build_entities, write_entities
from dossier.extract.corpus import extract_corpus
from dossier.extract.nlp import load_pipeline
from dossier.ingest import ingest_dir
from dossier.model import Extraction, IngestError, SourceDocument
from dossier.publish import PublishReport, publish_all
from dossier.resolve import Resolution, resolve
from dossier.resolve.catalog import write_catalog
from dossier.review import REVIEW_FILE, load_review
from dossier.settings import Settings
from dossier.targets import Target, assess_all

log = logging.getLogger(__name__)

IDENTITY_FILE = Path("decisions") / "identity.jsonl"
CATALOG_FILE = "local-entities.json"


class Reporter(Protocol):
    """Where a long build reports progress (a progress bar, or nothing)."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def tick(self) -> None: ...


class QuietReporter:
    def stage(self, name: str, total: int | None = None) -> None:
        log.info("%s", name)

    def tick(self) -> None:
        return None


class BuildLockedError(RuntimeError):
    """Another build is writing the same outputs."""


@contextmanager
def build_lock(cache_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock for the duration of a build; fail fast if taken."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / "build.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError(
                f"another build is running (lock held on {path}); wait for it to finish"
            ) from exc
        yield
    finally:
        os.close(fd)


@dataclass
class BuildResult:
    sources: list[SourceDocument] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    resolution: Resolution | None = None
    clusters: dict[str, Cluster] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    export: Export = field(default_factory=Export)
    entities_path: Path | None = None
    publish: PublishReport | None = None
    dossiers: list[Path] = field(default_factory=list)


def identity_file(settings: Settings) -> Path:
    return settings.entities_dir / IDENTITY_FILE


def review_file(settings: Settings) -> Path:
    return settings.entities_dir / REVIEW_FILE


def catalog_file(settings: Settings) -> Path:
    return settings.cache_dir / CATALOG_FILE


def entities_file(settings: Settings) -> Path:
    return settings.entities_dir / ENTITIES_FILE


def dataset(settings: Settings) -> Dataset:
    return Dataset(
        {
            "name": settings.dataset,
            "title": "Sanctions designation dossiers: actors and evidence",
        }
    )


def run_extract(settings: Settings, reporter: Reporter) -> BuildResult:
    """Ingest and extract every source; per-file errors are collected, not raised."""
    result = BuildResult()
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(
            f"no seeds folder at {settings.seeds_dir}; put source documents there "
            f"or set DOSSIER_SEEDS_DIR"
        )
    reporter.stage("Reading sources")
    result.sources, result.errors = ingest_dir(settings.seeds_dir, settings.max_text_bytes)
    for error in result.errors:
        log.error("%s: %s", error.file_name, error.message)
    reporter.stage("Loading spaCy pipeline")
    nlp = load_pipeline(settings.spacy_model)
    reporter.stage("Extracting people, organisations and evidence", len(result.sources))
    result.extractions = extract_corpus(result.sources, nlp, reporter.tick)
    return result


def run_build(settings: Settings, reporter: Reporter, render: bool = True) -> BuildResult:
    """All stages; writes entities/ and (with ``render``) dossiers/."""
    with build_lock(settings.cache_dir):
        result = run_assessment(settings, reporter)
        write_catalog(result.extractions, catalog_file(settings))
        review = load_review(review_file(settings))
        assert result.resolution is not None
        reporter.stage("Exporting FtM entities")
        result.export = build_entities(
            result.extractions,
            result.clusters,
            result.resolution.canonical,
            result.targets,
            review,
            dataset(settings),
        )
        for dropped in result.export.dropped:
            log.warning(
                "FtM dropped %s.%s value %r of %s",
                dropped.schema,
                dropped.prop,
                dropped.value,
                dropped.entity_id,
            )
        result.entities_path = entities_file(settings)
        write_entities(result.export.entities, result.entities_path)
        reporter.stage("Publishing statements, summaries and dataset index")
        result.publish = publish_all(
            result.export.entities,
            settings.entities_dir,
            settings.dataset,
            dropped=result.export.dropped,
            publisher=settings.organisation or None,
        )
        if render:
            result.dossiers = run_render(settings, reporter, result.entities_path)
    return result


def run_render(settings: Settings, reporter: Reporter, entities_path: Path) -> list[Path]:
    """Render one dossier per candidate target from the exported entities."""
    from dossier.profile import load_store
    from dossier.render import RenderOptions, render_all

    store = load_store(entities_path)
    options = RenderOptions(
        templates_dir=settings.templates_dir,
        organisation=settings.organisation,
        date=render_date(),
    )
    reporter.stage("Rendering dossiers")
    return render_all(store, settings.dossiers_dir, options)


def render_date() -> date:
    """Today, or the date of $SOURCE_DATE_EPOCH for reproducible PDFs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        return date.fromtimestamp(int(epoch.strip()))
    return date.today()


def run_assessment(settings: Settings, reporter: Reporter) -> BuildResult:
    """Extract, resolve and apply review decisions, without writing outputs."""
    result = run_extract(settings, reporter)
    reporter.stage("Resolving identities")
    result.resolution = resolve(result.extractions, identity_file(settings), settings.database_url)
    result.clusters = group_entities(result.extractions, result.resolution.canonical)
    result.targets = assess_all(result.clusters, load_review(review_file(settings)))
    return result
