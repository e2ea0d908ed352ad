"""Review screen speed: the target page of a person with 100+ evidence items.

Builds a synthetic source (one accused official, one allegation per paragraph)
in a temporary folder, then loads that person's page through the application
in process (jinja2, the dossier's section builders, every item in its
paragraph). The aim is under 300 ms per load.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from dossier.build import QuietReporter, run_build
from dossier.settings import PROJECT_ROOT, Settings

ITEMS = 100
LOADS = 10
TARGET_MS = 300.0
ACTS = (
    "ordered guards to beat", "ordered the torture of", "ordered the arbitrary detention of",
    "ordered officers to beat", "ordered the torture of",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


def corpus_text(paragraphs: int) -> str:
    lines = ["Report on the remand centre\n"]
    for n in range(paragraphs):
        act = ACTS[n % len(ACTS)]
        month = MONTHS[n % len(MONTHS)]
        lines.append(
            f"In {month} {2015 + n % 8}, Colonel Marat Oskarov {act} detainee number {n + 1} "
            f"in cell block {n % 9 + 1} of the remand centre, according to released prisoners.\n"
        )
    return "\n".join(lines)


def run() -> list[str]:
    from starlette.testclient import TestClient

    from dossier.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="dossier-bench-web-") as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "seeds" / "remand-centre.txt").write_text(corpus_text(ITEMS + 10), encoding="utf-8")
        settings = Settings(
            seeds_dir=root / "seeds",
            entities_dir=root / "entities",
            dossiers_dir=root / "dossiers",
            templates_dir=PROJECT_ROOT / "templates",
            cache_dir=root / "cache",
            database_url=f"sqlite:///{root / 'cache' / 'resolver.db'}",
            spacy_model=Settings.from_env().spacy_model,
            max_text_bytes=10 * 1024 * 1024,
            dataset="dossier",
            organisation="",
        )
        run_build(settings, QuietReporter(), render=False)
        client = TestClient(create_app(settings, hosts=["testserver"]))
        targets = client.get("/targets").text
        people = re.findall(r'href="/targets/((?:person|org)-[0-9a-f]{40})"', targets)
        if len(people) == 0:
            return ["web: the synthetic source gave no candidate target"]
        sizes = {p: client.get(f"/targets/{p}").text.count("data-item ") for p in people}
        person = max(sizes, key=lambda p: sizes[p])
        timings: list[float] = []
        for _ in range(LOADS):
            started = time.perf_counter()
            response = client.get(f"/targets/{person}")
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    median = statistics.median(timings)
    verdict = "met" if median < TARGET_MS and sizes[person] >= ITEMS else "NOT met"
    return [
        f"web: target page with {sizes[person]} evidence items: median {median:.0f} ms, "
        f"max {max(timings):.0f} ms over {LOADS} loads (aim < {TARGET_MS:.0f} ms: {verdict})"
    ]
