"""Scale: a synthetic corpus of 100 / 300 / 1,000 documents built end to end.

Sizes come from ``DOSSIER_BENCH_SCALE`` (default ``100,300,1000``). Each size is
built cold (``fresh``, empty caches) in its own process, so peak memory is that
build's alone (the process and its workers). Reported per size: time per stage
(extraction, resolution, export + publish, rendering), throughput (documents/s,
words/s), peak memory (PSS of the whole process tree) and how many cores were
busy; then how time grows with size, and whether the 1,000-document target
(15 minutes, 4 GB) is met. The render workers start before publishing, so
"export + publish" includes time in which rendering already runs, and
"rendering" is what remains after it.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.build import BuildResult

DEFAULT_SIZES = (100, 300, 1000)
STAGE_GROUPS = {
    "Reading sources": "ingest",
    "Checking the extraction cache": "extraction",
    "Loading spaCy pipeline": "extraction",
    "Parsing documents and collecting name candidates": "extraction",
    "Finding people, organisations and evidence": "extraction",
    "Resolving identities": "resolution",
    "Exporting FtM entities": "export",
    "Publishing statements, summaries and dataset index": "export",
    "Rendering dossiers": "rendering",
    "Writing outputs": "export",
}


def sizes() -> list[int]:
    raw = os.environ.get("DOSSIER_BENCH_SCALE", "").strip()
    if raw == "":
        return list(DEFAULT_SIZES)
    try:
        chosen = sorted({int(part) for part in raw.split(",") if part.strip() != ""})
    except ValueError as exc:
        raise SystemExit(f"DOSSIER_BENCH_SCALE must be sizes like 100,300: {raw!r}") from exc
    if len(chosen) == 0 or chosen[0] <= 0:
        raise SystemExit(f"DOSSIER_BENCH_SCALE must be positive sizes: {raw!r}")
    return chosen


class _Timer:
    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []

    def stage(self, name: str, total: int | None = None) -> None:
        self.marks.append((name, time.perf_counter()))

    def tick(self) -> None:
        return None


class TreeMemory:
    """Peak memory of this process and all its descendants, sampled in a thread.

    Linux's proportional set size (``/proc/<pid>/smaps_rollup``) splits pages
    that forked workers share with their parent, so the sum over the tree is
    what the build really occupies (adding up each process's RSS would count
    shared pages several times). Where /proc is unavailable, ``peak_mb`` is 0.
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, _tree_pss_kb(os.getpid()))
            self._stop.wait(self.interval)


def _tree_pss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while len(todo) > 0:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def build_one(corpus: Path, work: Path) -> dict[str, object]:
    """Build ``corpus`` cold into ``work``; stage times, counts and peak memory."""
    os.environ.update(
        {
            "DOSSIER_SEEDS_DIR": str(corpus),
            "DOSSIER_ENTITIES_DIR": str(work / "entities"),
            "DOSSIER_DOSSIERS_DIR": str(work / "dossiers"),
            "DOSSIER_CACHE_DIR": str(work / "cache"),
            "SOURCE_DATE_EPOCH": "1700000000",
        }
    )
    from dossier.build import run_build
    from dossier.settings import Settings

    timer = _Timer()
    started = time.perf_counter()
    with TreeMemory() as memory:
        result = run_build(Settings.from_env(), timer, fresh=True)
    ended = time.perf_counter()
    groups: dict[str, float] = {}
    marks = [*timer.marks, ("end", ended)]
    for (name, at), (_, nxt) in itertools.pairwise(marks):
        group = STAGE_GROUPS.get(name, name)
        groups[group] = groups.get(group, 0.0) + (nxt - at)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker pools, once closed
    own, children = usage.ru_maxrss, reaped.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime + reaped.ru_utime + reaped.ru_stime
    return {
        "documents": len(result.sources),
        "refused": len(result.errors),
        "words": sum(len(s.text.split()) for s in result.sources),
        "people": sum(1 for c in result.clusters.values() if c.is_person),
        "pending": 0 if result.resolution is None else len(result.resolution.pending),
        "pending_targets": pending_for_targets(result),
        "dossiers": len(result.dossiers),
        "total_s": ended - started,
        "cpu_s": cpu,
        "stages": groups,
        "peak_mb": memory.peak_mb,
        "peak_main_mb": own / 1024,
        "peak_worker_mb": children / 1024,
    }


def pending_for_targets(result: BuildResult) -> int:
    """Pending pairs that would add or move evidence in a candidate target's dossier."""
    from dossier.resolve.queue import rank_counts, review_queue

    if result.resolution is None:
        return 0
    targets = [t.id for t in result.targets if t.is_target]
    return rank_counts(review_queue(result.extractions, result.resolution, targets))["dossier"]


def run() -> list[str]:
    from dossier.bench.corpus import generate

    chosen = sizes()
    lines: list[str] = []
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        root = Path(tmp)
        for size in chosen:
            corpus = root / f"corpus-{size}"
            words = generate(corpus, size)
            lines.append(f"corpus of {size} documents, {words} words")
            work = root / f"work-{size}"
            work.mkdir()
            out = subprocess.run(
                [sys.executable, "-m", "dossier.bench.scale", str(corpus), str(work)],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                lines.append(f"  build of {size} documents failed:\n{out.stderr[-3000:]}")
                continue
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            lines.extend(_describe(row))
    if len(rows) >= 2:
        lines.append("growth (time relative to the smallest size, per document):")
        base = rows[0]
        for row in rows[1:]:
            ratio = float(row["documents"]) / float(base["documents"])  # type: ignore[arg-type]
            parts = []
            for group in ("extraction", "resolution", "export", "rendering"):
                t0 = float(base["stages"].get(group, 0.0))  # type: ignore[attr-defined]
                t1 = float(row["stages"].get(group, 0.0))  # type: ignore[attr-defined]
                growth = (t1 / t0) / ratio if t0 > 0 else float("nan")
                parts.append(
                    f"{group} x{t1 / t0 if t0 > 0 else float('nan'):.2f} ({growth:.2f} per doc)"
                )
            lines.append(
                f"  {base['documents']} -> {row['documents']} documents (x{ratio:.1f}): "
                + ", ".join(parts)
            )
    return lines


TARGET_DOCUMENTS = 1000  # issue 8: 1,000 documents end to end ...
TARGET_SECONDS = 15 * 60  # ... in under 15 minutes ...
TARGET_MB = 4096  # ... with peak memory under 4 GB


def _describe(row: dict[str, object]) -> list[str]:
    stages: dict[str, float] = row["stages"]  # type: ignore[assignment]
    total = float(row["total_s"])  # type: ignore[arg-type]
    docs = int(row["documents"])  # type: ignore[call-overload]
    words = int(row["words"])  # type: ignore[call-overload]
    peak = float(row["peak_mb"])  # type: ignore[arg-type]
    main, worker = float(row["peak_main_mb"]), float(row["peak_worker_mb"])  # type: ignore[arg-type]
    extraction = stages.get("extraction", 0.0)
    lines = [
        f"  {docs} documents ({words} words), {row['refused']} refused: "
        f"{total:.1f} s end to end, {docs / total:.2f} documents/s, {words / total:.0f} words/s",
        f"    peak memory {peak:.0f} MB (all processes, PSS; largest RSS: main {main:.0f} MB, "
        f"a worker {worker:.0f} MB); {float(row['cpu_s']) / total:.2f} cores busy on average",  # type: ignore[arg-type]
        f"    extraction {extraction:.1f} s ({words / extraction:.0f} words/s), "
        f"resolution {stages.get('resolution', 0.0):.1f} s, "
        f"export+publish {stages.get('export', 0.0):.1f} s, "
        f"rendering {stages.get('rendering', 0.0):.1f} s ({row['dossiers']} dossiers)",
        f"    {row['people']} people, {row['pending']} pairs left for review, "
        f"{row.get('pending_targets', 0)} of them affecting a candidate target's dossier",
    ]
    if docs >= TARGET_DOCUMENTS:
        met = total < TARGET_SECONDS and 0 < peak < TARGET_MB
        lines.append(
            f"    target for {TARGET_DOCUMENTS} documents (under {TARGET_SECONDS // 60} min, "
            f"under {TARGET_MB} MB): {total / 60:.1f} min, {peak:.0f} MB: "
            + ("met" if met else "NOT MET")
        )
    return lines


if __name__ == "__main__":
    print(json.dumps(build_one(Path(sys.argv[1]), Path(sys.argv[2]))))
