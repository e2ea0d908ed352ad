"""``make bench``: run every benchmark and print its figures."""

from __future__ import annotations

import importlib
import sys
import time

from dossier.bench import verdicts

SUITES = (
    "extraction",
    "resolution",
    "variants",
    "claims",
    "cases",
    "conll",
    "render",
    "pipeline",
    "scale",
    "ingest",
)


def main(argv: list[str]) -> int:
    chosen = argv if len(argv) > 0 else list(SUITES)
    unknown = [name for name in chosen if name not in SUITES]
    if len(unknown) > 0:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        return 2
    for name in chosen:
        module = importlib.import_module(f"dossier.bench.{name}")
        print(f"== {name}")
        started = time.perf_counter()
        for line in module.run():
            print(line, flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)")
    lines = verdicts.summary()
    if len(lines) > 0:
        print("== issue-12 thresholds")
        for line in lines:
            print(f"   {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
