"""``dossier build``: every stage, in order, each reading the previous one's output.

ingest -> extract -> resolve -> review -> export -> render

Builds are incremental and crash-safe:

- extraction goes through content-hash keyed caches under ``DOSSIER_CACHE_DIR``
  (``dossier.extract.corpus.extract_cached``); ``fresh=True`` ignores them;
- a dossier whose rendered HTML, templates and renderer are unchanged is not
  rendered again (the input hash and the PDF's hash sit in the folder manifest),
  and one whose every read of the entity store gets the same answer is not even
  built again (``dossier.render.reads``);
- publishing runs in a forked child while the dossiers render (``dossier.aside``);
- every output is written to staging folders and committed through a journal
  (``dossier.outputs``), so entities/ and dossiers/ always hold one whole build.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

import msgpack
from followthemoney.dataset import Dataset
from spacy.language import Language

from dossier import atomic, codec
from dossier.aside import Aside
from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.clusters import Cluster, group_entities
from dossier.executor import SERIAL, Executor, LocalExecutor, open_executor
from dossier.export import ENTITIES_FILE, Export, build_entities, write_entities
from dossier.extract.corpus import corpus_key, extract_cached, model_identity
from dossier.extract.nlp import load_pipeline
from dossier.ingest import ingest_dir
from dossier.ingest.ocr import ocr_engine
from dossier.model import Extraction, IngestError, SourceDocument
from dossier.outputs import (
    OutputFolder,
    clear_staging,
    commit,
    read_json_object,
    recover,
    unchanged_outputs,
)
from dossier.publish import PublishReport, Verified, publish_all
from dossier.resolve import Resolution, resolve_entries, symbols
from dossier.resolve.background import BackgroundResolver
from dossier.resolve.catalog import CatalogEntry, catalog_entries, write_catalog, write_entries
from dossier.resolve.decisions import load_decisions
from dossier.resolve.queue import target_keys
from dossier.review import REVIEW_FILE, load_review
from dossier.settings import Settings
from dossier.targets import Target, assess_all

if TYPE_CHECKING:
    from dossier.profile import EntityStore, PersonProfile
    from dossier.render import RenderOptions

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
    catalog: list[CatalogEntry] | None = None  # catalog entries, when resolution made them


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


def cache_store(settings: Settings, fresh: bool = False) -> CacheStore:
    """The build caches; ``fresh`` ignores (and overwrites) what they hold."""
    return CacheStore(settings.cache_dir, read=not fresh)


def run_extract(
    settings: Settings,
    reporter: Reporter,
    fresh: bool = False,
    processes: int | None = None,
    executor: Executor | None = None,
    ingested: Callable[[list[SourceDocument]], None] | None = None,
) -> BuildResult:
    """Ingest and extract every source; per-file errors are collected, not raised.

    Parses and extractions come from the cache when their inputs are unchanged
    (``fresh`` ignores the cache); ``processes`` overrides the automatic choice
    of one or two spaCy processes; ``executor`` runs the per-document work
    (local processes by default); ``ingested`` is called with the sources
    before they are extracted.
    """
    result = BuildResult()
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(
            f"no seeds folder at {settings.seeds_dir}; put source documents there "
            f"or set DOSSIER_SEEDS_DIR"
        )
    reporter.stage("Reading sources")
    result.sources, result.errors = ingest_dir(
        settings.seeds_dir, settings.max_text_bytes, ocr_engine(settings, fresh, reporter)
    )
    for error in result.errors:
        log.error("%s: %s", error.file_name, error.message)
    if ingested is not None:
        ingested(result.sources)

    def load_nlp() -> Language:
        reporter.stage("Loading spaCy pipeline")
        nlp = load_pipeline(settings.spacy_model)
        reporter.stage("Parsing documents and collecting name candidates", len(result.sources))
        return nlp

    # The spaCy pipeline loads only on a cache miss; the progress bar starts then.
    reporter.stage("Checking the extraction cache")
    result.extractions = extract_cached(
        result.sources,
        settings.spacy_model,
        load_nlp,
        cache_store(settings, fresh),
        reporter.tick,
        processes,
        reporter.stage,
        executor,
        meanwhile=_import_renderer,
    )
    return result


def _import_renderer() -> None:
    """Import WeasyPrint and the renderer (about 2 s) while the workers parse, not after."""
    import dossier.render.dossier
    import dossier.render.pdf  # noqa: F401


def run_build(
    settings: Settings, reporter: Reporter, render: bool = True, fresh: bool = False
) -> BuildResult:
    """All stages; writes entities/ and (with ``render``) dossiers/ as one whole build.

    The per-document stages run on the Dask cluster ``DOSSIER_DASK_SCHEDULER``
    names, else on local processes (``dossier.executor``).
    """
    with build_lock(settings.cache_dir), open_executor(settings.dask_scheduler) as executor:
        return _build(settings, reporter, render, fresh, executor)


def _build(
    settings: Settings, reporter: Reporter, render: bool, fresh: bool, executor: Executor
) -> BuildResult:
    recover(settings.cache_dir, [settings.entities_dir, settings.dossiers_dir])
    result = run_assessment(settings, reporter, fresh=fresh, executor=executor)
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
    entities_out = OutputFolder(settings.entities_dir, legacy=_legacy_targets(settings))
    folders = [entities_out]
    staging = entities_out.reset()
    try:
        write_entities(result.export.entities, staging / ENTITIES_FILE)

        def published() -> bytes:
            """Publish into the staging folder; the report and the folder's state, as bytes."""
            report = stage_publication(settings, result, entities_out, fresh)
            write_catalog_cached(settings, result, fresh)
            state = [codec.encode(report), sorted(entities_out.keep), entities_out.input_key]
            data: bytes = msgpack.packb(state, use_bin_type=True)
            return data

        def take(data: bytes) -> None:
            report, keep, input_key = msgpack.unpackb(data, raw=False)
            result.publish = codec.decode(PublishReport, report)
            entities_out.keep, entities_out.input_key = set(keep), input_key

        def publish() -> None:
            reporter.stage("Publishing statements, summaries and dataset index")
            take(published())

        if render:
            dossiers_out = OutputFolder(settings.dossiers_dir)
            folders.append(dossiers_out)
            dossiers_out.legacy = set(_rendered_files(settings.dossiers_dir))
            dossiers_out.reset()
            if executor.name == LocalExecutor.name:
                # Publishing runs in a forked child while this process and its workers render.
                with Aside(published) as aside:
                    result.dossiers = stage_dossiers(
                        settings,
                        reporter,
                        staging / ENTITIES_FILE,
                        dossiers_out,
                        fresh,
                        executor=executor,
                    )
                    reporter.stage("Publishing statements, summaries and dataset index")
                    take(aside.result())
            else:
                # The render workers start first; publishing runs meanwhile in this process.
                result.dossiers = stage_dossiers(
                    settings,
                    reporter,
                    staging / ENTITIES_FILE,
                    dossiers_out,
                    fresh,
                    publish,
                    executor,
                )
        else:
            publish()
        reporter.stage("Writing outputs")
        commit(settings.cache_dir, folders)
    finally:
        clear_staging(folders)
    result.entities_path = entities_file(settings)
    return result


def stage_publication(
    settings: Settings, result: BuildResult, folder: OutputFolder, fresh: bool = False
) -> PublishReport:
    """Publish into ``folder``'s staging folder, unless the last build published the same.

    The input is the exported entity file (already staged) plus the dataset
    settings and the publishing code; when it matches the last committed build
    and those files are untouched, they are kept and the cached report reused.
    """
    staged = folder.staging / ENTITIES_FILE
    key = digest(
        "publish",
        code_fingerprint("publish", "export", "cache", "outputs"),
        staged.read_bytes(),
        settings.dataset,
        settings.organisation,
    )
    folder.input_key = key
    cache = cache_store(settings, fresh)
    previous = unchanged_outputs(folder.final, key) if not fresh else None
    data = cache.get("publish", key) if previous is not None else None
    if previous is not None and data is not None:
        try:
            report = codec.decode(PublishReport, data)
        except codec.CodecError as exc:
            log.warning("cached publishing report cannot be read (%s); publishing again", exc)
            cache.discard("publish", key)
        else:
            folder.keep = previous - {ENTITIES_FILE}
            return report  # type: ignore[no-any-return]
    memo_key = digest("roundtrip", code_fingerprint("publish", "export"), _ftm_version())
    verified = None if fresh else _verified(cache.get("roundtrip", memo_key))
    now = Verified()
    report = publish_all(
        result.export.entities,
        folder.staging,
        settings.dataset,
        dropped=result.export.dropped,
        publisher=settings.organisation or None,
        verified=verified,
        now=now,
    )
    cache.put("publish", key, codec.encode(report))
    cache.put(
        "roundtrip",
        memo_key,
        msgpack.packb(
            {
                "entities": sorted(now.entities),
                "statements": sorted(now.statements),
                "values": sorted(now.values),
            },
            use_bin_type=True,
        ),
    )
    return report


def _ftm_version() -> str:
    from importlib import metadata

    return metadata.version("followthemoney")


def _verified(data: bytes | None) -> Verified | None:
    """The round-trip check's memo (``publish.roundtrip.Verified``), or None if unusable."""
    if data is None:
        return None
    try:
        raw = msgpack.unpackb(data, raw=False)
    except (ValueError, msgpack.UnpackException):
        return None
    if not isinstance(raw, dict) or set(raw) != {"entities", "statements", "values"}:
        return None
    entities, statements, values = raw["entities"], raw["statements"], raw["values"]
    for digests in (entities, statements, values):
        if not isinstance(digests, list) or not all(isinstance(v, str) for v in digests):
            return None
    return Verified(set(entities), set(statements), set(values))


def write_catalog_cached(settings: Settings, result: BuildResult, fresh: bool = False) -> None:
    """The resolver's local catalog (a derived file in the cache folder), if it changed."""
    path = catalog_file(settings)
    assert result.resolution is not None
    chosen = [t.id for t in result.targets if t.is_target]
    targets = target_keys(result.resolution.canonical, chosen)
    key = digest(
        "catalog",
        code_fingerprint("resolve", "model", "cache"),
        corpus_key(result.sources, model_identity(settings.spacy_model)),
        "\x1f".join(sorted(targets)).encode(),
    )
    cache = cache_store(settings, fresh)
    stamp = cache.get("catalog", key)
    if stamp is not None and path.is_file() and stamp == digest(path.read_bytes()).encode():
        return
    if result.catalog is not None:
        write_entries(result.catalog, path, targets)
    else:
        write_catalog(result.extractions, path, targets)
    cache.put("catalog", key, digest(path.read_bytes()).encode())


def _legacy_targets(settings: Settings) -> set[str]:
    """Per-target entity files written by builds from before the outputs manifest."""
    from dossier.publish.targets import TARGET_SUFFIX, TARGETS_DIR

    folder = settings.entities_dir / TARGETS_DIR
    if not folder.is_dir():
        return set()
    return {f"{TARGETS_DIR}/{p.name}" for p in folder.glob(f"*{TARGET_SUFFIX}") if p.is_file()}


def _render_manifest(folder: Path) -> dict[str, object]:
    from dossier.render.dossier import MANIFEST

    return dict(read_json_object(folder / MANIFEST))


def _rendered_files(folder: Path) -> list[str]:
    """The PDFs listed in a dossiers folder's render manifest."""
    from dossier.render.dossier import FILE_NAME

    files = _render_manifest(folder).get("files", [])
    return [
        f
        for f in (files if isinstance(files, list) else [])
        if isinstance(f, str) and FILE_NAME.fullmatch(f) is not None
    ]


T = TypeVar("T")
PARALLEL_RENDER_MIN = 2  # a forked second process costs little: two dossiers are enough


@dataclass(frozen=True)
class _DossierJob:
    """What rendering one dossier needs; sent to every worker once (``Executor.map``).

    Local workers inherit it; Dask workers receive the entity records, the
    options and the last build's manifest inputs, never a path to write to.
    """

    store: EntityStore
    options: RenderOptions
    assets: str  # fingerprint of the templates, fonts and renderer
    previous: dict[str, object]  # the last build's manifest inputs, by file name
    fresh: bool


def _one_dossier(
    job: _DossierJob, person_id: str
) -> tuple[str, str, bytes | None, tuple[tuple[str, str, str], ...]]:
    """Profile, HTML and (unless the last build's input was the same) the PDF of one person.

    Returns the file name, the input key, the PDF's bytes, or None when the
    last build rendered the same input (the caller checks that its PDF is
    still intact), and what the profile and HTML read of the store
    (``dossier.render.reads``).
    """
    from dossier.render.dossier import dossier_path, render_dossier_html

    store = job.store.recording()
    profile = build_profile(store, person_id)
    name = dossier_path(profile, Path(".")).name
    html = render_dossier_html(profile, store, job.options)
    key = digest("dossier", job.assets, html)
    reads = tuple(store.reads())
    old = job.previous.get(name)
    if not job.fresh and isinstance(old, dict) and old.get("input") == key:
        return name, key, None, reads
    return name, key, _pdf(job, html), reads


def _pdf(job: _DossierJob, html: str) -> bytes:
    from dossier.render.pdf import html_document, write_pdf

    with SERIAL:
        pdf: bytes = write_pdf(html_document(html, job.options.templates_dir))
    return pdf


def _one_dossier_again(job: _DossierJob, person_id: str) -> bytes:
    """The PDF of one person, rendered here (its kept copy was damaged or missing)."""
    from dossier.render.dossier import render_dossier_html

    html = render_dossier_html(build_profile(job.store, person_id), job.store, job.options)
    return _pdf(job, html)


def build_profile(store: EntityStore, person_id: str) -> PersonProfile:
    from dossier.profile import build_profile as profile_of

    return profile_of(store, person_id)


def _tick_each(results: Iterable[T], reporter: Reporter) -> Iterator[T]:
    for result in results:
        reporter.tick()
        yield result


def _unchanged_pdf(folder: Path, name: str, recorded: object) -> bool:
    """``name`` is in ``folder`` with the bytes the manifest recorded for it."""
    if not isinstance(recorded, dict) or not isinstance(recorded.get("sha256"), str):
        return False
    path = folder / name
    return path.is_file() and digest(path.read_bytes()) == recorded["sha256"]


def _screening(store: EntityStore, options: RenderOptions) -> tuple[str, bytes] | None:
    """The screening file the dossiers print (its name and bytes), if there is one."""
    from dossier.render.sections.designations import screening_path

    path = screening_path(store, options)
    if path is None or not path.is_file():
        return None
    return path.name, path.read_bytes()


def render_fingerprint(settings: Settings) -> str:
    """What a PDF depends on besides its HTML: bundled assets, renderer code, WeasyPrint."""
    import weasyprint

    parts: list[str | bytes] = [weasyprint.__version__, code_fingerprint("render")]
    root = settings.templates_dir
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts.extend([path.relative_to(root).as_posix(), path.read_bytes()])
    return digest(*parts)


def stage_dossiers(
    settings: Settings,
    reporter: Reporter,
    entities_path: Path,
    folder: OutputFolder,
    fresh: bool = False,
    meanwhile: Callable[[], None] | None = None,
    executor: Executor | None = None,
) -> list[Path]:
    """Render one dossier per candidate target into ``folder``'s staging folder.

    ``meanwhile`` runs in this process once the render workers have started
    (or first, when everything renders here), so it overlaps the rendering.

    A PDF whose input (its HTML, which holds everything printed, plus the
    bundled assets and the renderer) is unchanged and whose bytes are still those
    written is kept in place (``folder.keep``) instead of being rendered again.
    A dossier whose recorded reads of the store (``dossier.render.reads``) all
    get the same answers is not given to the workers at all: same reads, same
    HTML.
    Returns the final paths of all dossiers.
    """
    from dossier.profile import candidate_targets, load_store
    from dossier.render import RenderOptions, reads
    from dossier.render.dossier import MANIFEST

    options = RenderOptions(
        templates_dir=settings.templates_dir,
        organisation=settings.organisation,
        date=render_date(),
    )
    assets = render_fingerprint(settings)
    manifest_before = _render_manifest(folder.final)
    previous = manifest_before.get("inputs", {})
    previous_inputs = previous if isinstance(previous, dict) else {}
    # Same entity file, options, templates and code: every dossier is as last built.
    store_key = digest(
        "dossiers",
        assets,
        code_fingerprint("render", "profile", "ids", "model", "criteria"),
        digest(entities_path.read_bytes()),
        options.organisation,
        options.date.isoformat(),
    )
    order = manifest_before.get("order")
    if (
        not fresh
        and manifest_before.get("store") == store_key
        and isinstance(order, list)
        and set(order) == set(previous_inputs)
        and all(_unchanged_pdf(folder.final, str(n), previous_inputs[n]) for n in order)
    ):
        if meanwhile is not None:
            meanwhile()
        reporter.stage("Rendering dossiers (all unchanged)", 0)
        folder.keep.update(str(n) for n in order)
        unchanged = {"store": store_key, "order": order}
        atomic.write_text(
            folder.staging / MANIFEST,
            json.dumps({**manifest_before, **unchanged}, indent=1) + "\n",
        )
        return [folder.final / str(n) for n in order]
    store = load_store(entities_path)
    ids = candidate_targets(store)
    job = _DossierJob(store, options, assets, previous_inputs, fresh)
    inputs: dict[str, dict[str, str]] = {}
    paths: list[Path] = []
    cache = cache_store(settings, fresh)
    base = reads.base_key(assets, options, _screening(store, options))
    # A dossier whose every read of the store gets the answer it got last time is kept.
    kept: dict[str, tuple[str, str, bytes | None, tuple[tuple[str, str, str], ...]]] = {}
    for person_id in ids:
        record = reads.load(cache, base, person_id)
        old = previous_inputs.get(record.name) if record is not None else None
        if (
            record is not None
            and isinstance(old, dict)
            and old.get("input") == record.input
            and reads.still_valid(store, record)
        ):
            kept[person_id] = (record.name, record.input, None, record.reads)
    todo = [p for p in ids if p not in kept]
    processes = 2 if len(todo) >= PARALLEL_RENDER_MIN else 1
    executor = LocalExecutor() if executor is None else executor
    # The largest dossiers first (most entities refer to the person), so the workers
    # finish together; the results are put back in the targets' order.
    order = sorted(todo, key=lambda p: (-len(store.references(p)), p))
    log.info("rendering %d of %d dossiers again (the others read nothing new)", len(todo), len(ids))
    with executor.map(_one_dossier, job, order, processes) as rendering:
        if meanwhile is not None:
            meanwhile()
        reporter.stage("Rendering dossiers", len(todo))
        by_person = dict(zip(order, _tick_each(rendering, reporter), strict=True))
    for person_id in order:
        name, key, _, read = by_person[person_id]
        reads.save(cache, base, person_id, reads.DossierReads(name, key, read))
    by_person.update(kept)
    for person_id in ids:
        name, key, rendered, _ = by_person[person_id]
        paths.append(folder.final / name)
        if rendered is None and _unchanged_pdf(folder.final, name, previous_inputs.get(name)):
            old = previous_inputs[name]
            assert isinstance(old, dict)
            inputs[name] = {"input": key, "sha256": str(old["sha256"])}
            folder.keep.add(name)
            continue
        pdf = _one_dossier_again(job, person_id) if rendered is None else rendered
        atomic.write_bytes(folder.staging / name, pdf)
        inputs[name] = {"input": key, "sha256": digest(pdf)}
    names = sorted(inputs)
    manifest = {
        "files": names,
        "inputs": {n: inputs[n] for n in names},
        "store": store_key,
        "order": [p.name for p in paths],
    }
    atomic.write_text(folder.staging / MANIFEST, json.dumps(manifest, indent=1) + "\n")
    return paths


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


def run_assessment(
    settings: Settings,
    reporter: Reporter,
    fresh: bool = False,
    executor: Executor | None = None,
) -> BuildResult:
    """Extract, resolve and apply review decisions, without writing outputs.

    Both decision files are read first, so a malformed line or a git conflict
    stops the run at once with its file and line (``DecisionFileError``).

    With local workers, when the resolution is not in the cache, it runs in a
    process forked before extraction, which warms up the name tagger meanwhile
    (``dossier.resolve.background``).
    """
    load_decisions(identity_file(settings))
    review = load_review(review_file(settings))
    with ExitStack() as stack:
        helpers: list[BackgroundResolver] = []

        def ingested(sources: list[SourceDocument]) -> None:
            local = executor is None or executor.name == LocalExecutor.name
            key = resolution_key(settings, sources)
            if local and (fresh or cache_store(settings).get("resolution", key) is None):
                # The last build's name symbols go to the child too; it warms the tagger
                # all the same, in case the new documents bring a name token they lack.
                symbols.load(cache_store(settings, fresh))
                keep = cache_store(settings, fresh)
                helpers.append(stack.enter_context(BackgroundResolver(True, keep)))

        result = run_extract(settings, reporter, fresh=fresh, executor=executor, ingested=ingested)
        reporter.stage("Resolving identities")
        helper = helpers[0] if len(helpers) > 0 else None
        result.resolution = resolve_cached(settings, result, fresh, helper)
    result.clusters = group_entities(result.extractions, result.resolution.canonical)
    result.targets = assess_all(result.clusters, review)
    return result


def resolution_key(settings: Settings, sources: Sequence[SourceDocument]) -> str:
    """What a resolution depends on: the extraction's inputs, decisions, code and database."""
    decisions = identity_file(settings)
    return digest(
        "resolution",
        code_fingerprint("resolve", "model", "ids", "cache"),
        corpus_key(sources, model_identity(settings.spacy_model)),
        decisions.read_bytes() if decisions.is_file() else b"",
        settings.database_url,
    )


def resolve_cached(
    settings: Settings,
    result: BuildResult,
    fresh: bool = False,
    background: BackgroundResolver | None = None,
) -> Resolution:
    """``resolve`` through the cache: same extraction, decisions, code and database URL.

    The resolver table is derived state (rebuilt from the decision file on
    every run), so skipping the run when nothing it depends on has changed
    leaves it as the last run wrote it. ``background`` resolves in its
    warmed-up process instead of this one.
    """
    cache = cache_store(settings, fresh)
    decisions = identity_file(settings)
    key = resolution_key(settings, result.sources)
    data = cache.get("resolution", key)
    if data is not None:
        try:
            cached: Resolution = codec.decode(Resolution, data)
        except codec.CodecError as exc:
            log.warning("cached resolution cannot be read (%s); resolving again", exc)
            cache.discard("resolution", key)
        else:
            return cached
    # Scores are hints for `dossier dedupe`, which computes them itself; the build skips them.
    result.catalog = catalog_entries(result.extractions)
    # The symbols the child was given were loaded here before it was forked.
    loaded = background is not None
    if background is not None and symbols.all_known(result.catalog):
        background.discard()  # every name token's symbols are known: the tagger is not needed
        background = None
    if background is None:
        if not loaded:
            symbols.load(cache)
        resolution = resolve_entries(
            result.catalog, load_decisions(decisions), settings.database_url, score=False
        )
        symbols.save(cache)
    else:
        resolution = background.resolve_entries(
            result.catalog,
            load_decisions(decisions),
            settings.database_url,
            score=False,
        )
    cache.put("resolution", key, codec.encode(resolution))
    return resolution
