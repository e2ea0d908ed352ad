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
from dossier.build import run_build
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
    lines.append(
        f"rebuild with nothing changed (caches, no re-rendering): {warm:.2f} s, "
        f"{100 * warm / total:.1f}% of the cold build (in-process; add ~2-3 s of imports "
        "for a new `dossier build` process)"
    )
    lines += seeds.verdicts(result)
    return lines
