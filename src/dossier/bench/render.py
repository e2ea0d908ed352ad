"""Dossier rendering speed: pages/s of ``render_dossier_pdf`` next to WeasyPrint alone.

Renders every candidate target of ``entities/entities.ftm.json`` (or of the test
fixture when no export exists). For each, the full path (profile, context,
jinja2, WeasyPrint, PDF) is timed, then WeasyPrint alone on the same HTML (layout
and PDF writing, with the same restricted fetcher), in the same run.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from dossier.profile import build_profile, candidate_targets, load_store
from dossier.render.dossier import RenderOptions, render_dossier_html, render_dossier_pdf
from dossier.render.pdf import html_document, write_pdf
from dossier.settings import PROJECT_ROOT, Settings

SAMPLE = PROJECT_ROOT / "tests" / "fixtures" / "sample.ftm.json"


def _entities_file(settings: Settings) -> Path:
    path = settings.entities_dir / "entities.ftm.json"
    return path if path.is_file() else SAMPLE


def run() -> list[str]:
    settings = Settings.from_env()
    path = _entities_file(settings)
    store = load_store(path)
    options = RenderOptions(
        templates_dir=settings.templates_dir,
        date=dt.date(2024, 1, 1),
        organisation=settings.organisation,
    )
    targets = candidate_targets(store)
    ours = weasy = ours_cpu = weasy_cpu = 0.0
    pages = 0
    size = 0
    for person_id in targets:
        started, cpu = time.perf_counter(), time.process_time()
        profile = build_profile(store, person_id)
        pdf = render_dossier_pdf(profile, store, options)
        ours += time.perf_counter() - started
        ours_cpu += time.process_time() - cpu
        size += len(pdf)
        html = render_dossier_html(profile, store, options)
        started, cpu = time.perf_counter(), time.process_time()
        document = html_document(html, settings.templates_dir)
        write_pdf(document)
        weasy += time.perf_counter() - started
        weasy_cpu += time.process_time() - cpu
        pages += len(document.pages)
    if len(targets) == 0 or pages == 0:
        return [f"render: no candidate targets in {path}"]
    return [
        f"render: {len(targets)} dossiers, {pages} pages, {size / 1024:.0f} KiB from {path}",
        f"render: dossier {pages / ours:.1f} pages/s wall, {pages / ours_cpu:.1f} pages/s CPU "
        f"({ours:.2f} s, {ours / len(targets):.2f} s per dossier)",
        f"render: WeasyPrint alone on the same HTML {pages / weasy:.1f} pages/s wall, "
        f"{pages / weasy_cpu:.1f} pages/s CPU ({weasy:.2f} s)",
        f"render: overhead of profile + context + jinja2 "
        f"{100 * (ours_cpu - weasy_cpu) / weasy_cpu:.0f}% (CPU)",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
