"""End-to-end build over seeds/ into a temporary folder: time per stage and in all,
then the same build again with nothing changed (caches and kept PDFs). The
repository's identity decisions travel with the seeds, as in `make dossiers`;
the seed thresholds of issue 12 are judged on the first build (``seeds``)."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from pathlib import Path

from dossier.bench import seeds
from dossier.build import BuildResult, run_build
from dossier.settings import PROJECT_ROOT, Settings


class _TimingReporter:
    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []
        self._started = time.perf_counter()

    def stage(self, name: str, total: int | None = None) -> None:
        now = time.perf_counter()
        self.stages.append((name, now))

    def tick(self) -> None:
        return None


def single_process_floor(settings: Settings, result: BuildResult) -> tuple[float, float, int]:
    """Seconds for spaCy alone over the build's texts and WeasyPrint alone over its dossiers'
    HTML, one after the other in this process, and the number of pages."""
    from dossier.build import render_date
    from dossier.extract.nlp import load_pipeline
    from dossier.profile import build_profile, candidate_targets, load_store
    from dossier.render import RenderOptions
    from dossier.render.dossier import render_dossier_html
    from dossier.render.pdf import html_document, write_pdf

    nlp = load_pipeline(settings.spacy_model)
    texts = [s.analysis_text() for s in result.sources]
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    spacy_s = time.perf_counter() - started
    store = load_store(settings.entities_dir / "entities.ftm.json")
    options = RenderOptions(
        templates_dir=settings.templates_dir,
        organisation=settings.organisation,
        date=render_date(),
    )
    pages = [
        render_dossier_html(build_profile(store, person), store, options)
        for person in candidate_targets(store)
    ]
    started = time.perf_counter()
    count = 0
    for html in pages:
        document = html_document(html, settings.templates_dir)
        write_pdf(document)
        count += len(document.pages)
    return spacy_s, time.perf_counter() - started, count


def run() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        decisions = PROJECT_ROOT / "entities" / "decisions"
        if decisions.is_dir():
            shutil.copytree(decisions, root / "entities" / "decisions")
        saved = dict(os.environ)
        os.environ.update(
            {
                "DOSSIER_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
                "DOSSIER_ENTITIES_DIR": str(root / "entities"),
                "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
                "DOSSIER_CACHE_DIR": str(root / "cache"),
            }
        )
        try:
            settings = Settings.from_env()
            reporter = _TimingReporter()
            started = time.perf_counter()
            result = run_build(settings, reporter)
            total = time.perf_counter() - started
            spacy_s, weasy_s, pages = single_process_floor(settings, result)
            again = time.perf_counter()
            run_build(settings, _TimingReporter())
            warm = time.perf_counter() - again
        finally:
            os.environ.clear()
            os.environ.update(saved)
    lines = []
    marks = [*reporter.stages, ("end", started + total)]
    for (name, at), (_, nxt) in itertools.pairwise(marks):
        lines.append(f"{name:48} {nxt - at:7.2f} s")
    words = sum(len(s.text.split()) for s in result.sources)
    lines.append(
        f"build of {len(result.sources)} documents ({words} words): {total:.1f} s, "
        f"{len(result.dossiers)} dossiers"
    )
    floor = spacy_s + weasy_s
    lines.append(
        f"single-process floor on the same texts and pages: raw spaCy {spacy_s:.1f} s "
        f"+ raw WeasyPrint {weasy_s:.1f} s ({pages} pages) = {floor:.1f} s; the cold build "
        f"takes {total / floor:.2f}x that (target: below 1.00x, using both cores)"
    )
    lines.append(
        f"rebuild with nothing changed (caches, no re-rendering): {warm:.2f} s, "
        f"{100 * warm / total:.1f}% of the cold build (in-process; add ~2-3 s of imports "
        "for a new `dossier build` process)"
    )
    lines += seeds.verdicts(result)
    return lines
