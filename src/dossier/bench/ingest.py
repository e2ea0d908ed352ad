"""Ingest speed by format: the same text as .txt, .docx, PDF with a text layer, and a scan.

The sample is made at run time (``dossier.bench.samples``): a few pages of
invented report text. Each of .txt, .docx and the PDF is ingested ``REPEATS``
times; the figures are the median per document and the added cost over plain
text. The scan is read once by OCR without a cache (pdftoppm and Tesseract,
one thread each), then again from the cache. CPU time includes the OCR
subprocesses.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dossier.bench import samples
from dossier.cache import CacheStore
from dossier.ingest import ingest_file
from dossier.ingest.ocr import Ocr
from dossier.model import SourceDocument

REPEATS = 15
PAGES = 3
LIMIT = 50 * 1024 * 1024
_PARAGRAPH = (
    "On {day} January the monitors recorded that officers of the regional police detained "
    "{n} protesters in the central square of the town, held them without access to a lawyer "
    "and released most of them after three days without charge."
)


def _pages() -> list[str]:
    return [
        "\n\n".join(_PARAGRAPH.format(day=page * 4 + i + 1, n=10 * (i + 2)) for i in range(4))
        for page in range(PAGES)
    ]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(read: Callable[[], object]) -> tuple[float, float]:
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    result = read()
    if not isinstance(result, SourceDocument):
        raise RuntimeError(f"bench sample refused: {result}")
    return (
        time.perf_counter() - wall,
        time.process_time() - cpu + _children_cpu() - children,
    )


def _reader(path: Path, root: Path) -> Callable[[], object]:
    return lambda: ingest_file(path, root, LIMIT)


def run() -> list[str]:
    pages = _pages()
    text = "\n\n".join(pages)
    with tempfile.TemporaryDirectory(prefix="dossier-bench-ingest-") as folder:
        root = Path(folder)
        files = {
            "plain text": ("report.txt", text.encode("utf-8")),
            "docx": (
                "report.docx",
                samples.docx_bytes("Report", [[p] for p in text.split("\n\n")]),
            ),
            "PDF (text layer)": ("report.pdf", samples.paged_pdf(pages)),
        }
        medians: dict[str, float] = {}
        lines: list[str] = []
        for label, (name, data) in files.items():
            path = root / name
            path.write_bytes(data)
            times = [_timed(_reader(path, root))[0] for _ in range(REPEATS)]
            medians[label] = statistics.median(times)
        base = medians["plain text"]
        for label, median in medians.items():
            extra = (
                ""
                if label == "plain text"
                else (f", +{(median - base) * 1000:.1f} ms over plain text ({median / base:.0f}x)")
            )
            lines.append(
                f"ingest: {label} {median * 1000:.2f} ms per document "
                f"({len(text)} characters, median of {REPEATS}){extra}"
            )
        scan = root / "scan.pdf"
        scan.write_bytes(samples.scanned_pdf(pages))
        cache = CacheStore(root / "cache")
        ocr = Ocr(cache=cache)
        wall, cpu = _timed(lambda: ingest_file(scan, root, LIMIT, ocr))
        cached_wall, _ = _timed(lambda: ingest_file(scan, root, LIMIT, Ocr(cache=cache)))
        lines.append(
            f"ingest: OCR {ocr.pages_read} scanned pages in {wall:.2f} s: "
            f"{ocr.pages_read / wall:.2f} pages/s wall, {ocr.pages_read / cpu:.2f} pages/s CPU "
            f"(300 dpi, eng+rus, pdftoppm + Tesseract); from the cache {cached_wall * 1000:.1f} ms"
        )
    return lines
