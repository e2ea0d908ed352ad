"""Scale: a synthetic corpus of 100 / 300 / 1,000 documents built end to end.

Sizes come from ``DOSSIER_BENCH_SCALE`` (default ``100,300,1000``). Each size is
built cold (``fresh``, empty caches) in its own process, so peak memory is that
build's alone (the process and its workers). Reported per size: time per stage
(extraction, resolution, export + publish, rendering), throughput (documents/s,
words/s), peak memory (PSS of the whole process tree) and how many cores were
busy; then how time grows with size, and whether the 1,000-document target
(15 minutes, 4 GB) is met. Publishing runs in a forked child while the
dossiers render, so "rendering" includes time in which publishing already
runs, and "export + publish" is exporting plus what remains of publishing
after rendering.

After each cold build one more document is added to the built corpus and the
build runs again with its caches (the cost of adding a document, next to the
cold build, and how many dossiers were rendered again); then the cold build
runs once more through a two-worker Dask ``LocalCluster`` and its outputs are
compared byte for byte with the local build's (``DOSSIER_BENCH_DASK=0``
skips that).
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    chosen = sizes()
    lines: list[str] = []
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        root = Path(tmp)
        for size in chosen:
            corpus = root / f"corpus-{size}"
            held = root / f"held-{size}"
            words = generate_with_one_held_back(corpus, held, size)
            lines.append(f"corpus of {size} documents, {words} words")
            work = root / f"work-{size}"
            work.mkdir()
            row = _subprocess(["local", str(corpus), str(work), str(held)], size, "", lines)
            if row is None:
                continue
            rows.append(row)
            lines.extend(_describe(row))
            lines.extend(_describe_incremental(row))
            if os.environ.get("DOSSIER_BENCH_DASK", "1") != "0":
                (corpus / str(row["added"])).unlink()  # the corpus of the cold build again
                meta = corpus / f"{row['added']}.meta.json"
                meta.unlink(missing_ok=True)
                dask_work = root / f"dask-{size}"
                dask_work.mkdir()
                dask = _subprocess(
                    ["dask", str(corpus), str(dask_work), str(work)], size, "dask ", lines
                )
                if dask is not None:
                    lines.extend(_describe_dask(dask, row))
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


COLD_OUTPUTS = "cold-outputs.json"  # hashes of the local cold build's files


def generate_with_one_held_back(corpus: Path, held: Path, size: int) -> int:
    """A corpus of ``size`` documents in ``corpus`` and one more (the last) in ``held``."""
    from dossier.bench.corpus import generate

    generate(corpus, size + 1)
    held.mkdir(parents=True, exist_ok=True)
    documents = sorted(p for p in corpus.iterdir() if not p.name.endswith(".meta.json"))
    last = documents[-1]
    for path in (last, last.with_name(f"{last.name}.meta.json")):
        if path.exists():
            path.rename(held / path.name)
    return sum(len(p.read_text(encoding="utf-8").split()) for p in documents[:-1])


def _subprocess(
    args: list[str], size: int, what: str, lines: list[str]
) -> dict[str, object] | None:
    out = subprocess.run(
        [sys.executable, "-m", "dossier.bench.scale", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        lines.append(f"  {what}build of {size} documents failed:\n{out.stderr[-3000:]}")
        return None
    row: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return row


def add_one(corpus: Path, work: Path, held: Path) -> dict[str, object]:
    """Add the held-back document to the built corpus and build again (caches on)."""
    from dossier.build import run_build
    from dossier.settings import Settings

    added = ""
    for path in sorted(held.iterdir()):
        shutil.copy(path, corpus / path.name)
        if not path.name.endswith(".meta.json"):
            added = path.name
    before = _outputs(work)
    timer = _Timer()
    started = time.perf_counter()
    result = run_build(Settings.from_env(), timer)
    ended = time.perf_counter()
    after = _outputs(work)
    changed = sorted(n for n in after if n.startswith("dossiers/") and before.get(n) != after[n])
    groups: dict[str, float] = {}
    for (name, at), (_, nxt) in itertools.pairwise([*timer.marks, ("end", ended)]):
        group = STAGE_GROUPS.get(name, name)
        groups[group] = groups.get(group, 0.0) + (nxt - at)
    return {
        "added": added,
        "add_s": ended - started,
        "add_stages": groups,
        "add_documents": len(result.sources),
        "add_rendered": len(changed),
        "add_dossiers": len(result.dossiers),
    }


def _outputs(work: Path) -> dict[str, str]:
    from dossier.cache import digest

    found = {}
    for part in ("entities", "dossiers"):
        folder = work / part
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                found[path.relative_to(work).as_posix()] = digest(path.read_bytes())
    return found


def build_on_dask(corpus: Path, work: Path, local: Path) -> dict[str, object]:
    """The same cold build through a two-worker LocalCluster; are the outputs identical?"""
    import distributed

    make_cluster: Any = distributed.LocalCluster  # untyped in distributed
    with make_cluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        os.environ["DOSSIER_DASK_SCHEDULER"] = str(cluster.scheduler_address)
        row = build_one(corpus, work)
    cold = json.loads((local / COLD_OUTPUTS).read_text(encoding="utf-8"))
    row["identical"] = _outputs(work) == cold
    return row


def _describe_incremental(row: dict[str, object]) -> list[str]:
    total, added = float(row["total_s"]), float(row["add_s"])  # type: ignore[arg-type]
    stages: dict[str, float] = row["add_stages"]  # type: ignore[assignment]
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in stages.items() if v >= 0.05)
    return [
        f"    adding one document ({row['added']}) to the built corpus: {added:.1f} s, "
        f"{100 * added / total:.1f}% of the cold build (target: at most 10%); "
        f"{row['add_rendered']} of {row['add_dossiers']} dossiers rendered again",
        f"      {parts}",
    ]


def _describe_dask(row: dict[str, object], local: dict[str, object]) -> list[str]:
    total = float(row["total_s"])  # type: ignore[arg-type]
    same = "identical to" if row["identical"] else "DIFFERENT FROM"
    return [
        f"    through a two-worker Dask LocalCluster: {total:.1f} s "
        f"(local {float(local['total_s']):.1f} s), outputs {same} the local build's; "  # type: ignore[arg-type]
        f"peak memory {float(row['peak_mb']):.0f} MB (all processes, PSS)",  # type: ignore[arg-type]
    ]


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


def _main(argv: list[str]) -> dict[str, object]:
    mode, corpus, work, other = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3])
    if mode == "dask":
        return build_on_dask(corpus, work, other)
    row = build_one(corpus, work)
    (work / COLD_OUTPUTS).write_text(json.dumps(_outputs(work)), encoding="utf-8")
    row.update(add_one(corpus, work, other))
    return row


if __name__ == "__main__":
    print(json.dumps(_main(sys.argv[1:])))
