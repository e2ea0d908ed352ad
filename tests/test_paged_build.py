"""End to end from the sources NGOs hold: a paginated PDF, a scan, a Word draft and a
saved web page without sidecars, to FtM evidence with pages and OCR marks and a dossier
whose footnotes cite each quote to its page and each source by its own metadata."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from spacy.language import Language

from dossier.bench import samples
from dossier.cli import main

PERSON = "Daniyar Serikbayev"
ARTICLE = """<!doctype html><html lang="en-GB"><head>
<title>Police chief accused over Taldykol shootings | The Steppe Courier</title>
<meta property="og:title" content="Police chief accused over Taldykol shootings">
<link rel="canonical" href="https://courier.example.org/2022/01/taldykol-police-chief">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Police chief accused over Taldykol shootings", "datePublished": "2022-01-20",
"author": {"@type": "Person", "name": "Asel Karimova"},
"publisher": {"@type": "Organization", "name": "The Steppe Courier"}}</script>
</head><body><article><h1>Police chief accused over Taldykol shootings</h1>
<p>Relatives of the dead accused Colonel Daniyar Serikbayev of ordering the police to shoot
protesters, and called for him to be sanctioned.</p></article></body></html>"""


def make_seeds(seeds: Path) -> None:
    seeds.mkdir(parents=True)
    (seeds / "report.pdf").write_bytes(
        samples.paged_pdf(
            [
                "Taldykol: the January events\n\nThis report documents the crackdown.",
                "Witnesses said that Colonel Daniyar Serikbayev ordered the riot police to open "
                "fire on peaceful protesters in Taldykol on 5 January 2022.",
                "Colonel Daniyar Serikbayev also ordered the arbitrary detention of more than "
                "two hundred protesters, according to the monitors.",
            ],
            title="Taldykol: the January events",
            author="Steppe Rights Monitor",
        )
    )
    (seeds / "ruling-scan.pdf").write_bytes(
        samples.scanned_pdf(
            [
                "Appeal ruling\n\nThe court found that Colonel Daniyar Serikbayev ordered the "
                "torture of detained protesters at the Taldykol police station."
            ]
        )
    )
    (seeds / "draft.docx").write_bytes(
        samples.docx_bytes(
            "Partner briefing on Taldykol",
            [
                [
                    "Colonel Daniyar Serikbayev ordered officers to beat detained protesters.",
                    ("Interview with a former detainee, March 2022.",),
                ]
            ],
            creator="Steppe Rights Monitor",
            created="2022-03-15T09:00:00Z",
        )
    )
    (seeds / "article.html").write_text(ARTICLE, encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("paged")
    make_seeds(root / "seeds")
    yield root


def invoke(root: Path, *args: str) -> Result:
    env = {
        "DOSSIER_SEEDS_DIR": str(root / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(root / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
        "DOSSIER_CACHE_DIR": str(root / "cache"),
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def built(workspace: Path) -> list[dict[str, Any]]:
    result = invoke(workspace, "build")
    assert result.exit_code == 0, result.output
    assert "4 documents read, 0 refused" in result.output
    lines = (workspace / "entities" / "entities.ftm.json").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _evidence(entities: list[dict[str, Any]], words: str) -> dict[str, Any]:
    person = next(
        e for e in entities if e["schema"] == "Person" and PERSON in e["properties"]["name"]
    )
    hits = [
        e
        for e in entities
        if e["schema"] == "Documentation"
        and e["properties"]["entity"] == [person["id"]]
        and words in e["properties"]["summary"][0].replace("\n", " ")
        and "context/subject" not in e["properties"]["role"]
    ]
    assert len(hits) == 1, [h["properties"]["summary"] for h in hits]
    return hits[0]


def test_evidence_carries_its_page_in_the_export(built: list[dict[str, Any]]) -> None:
    detention = _evidence(built, "also ordered the")["properties"]
    assert detention["role"] == ["detention/ordered"]
    assert "Cited at p. 3" in detention["description"]
    assert "Read by OCR: check the quote against the page image." not in detention["description"]


def test_ocr_quote_yields_the_person_and_is_marked(built: list[dict[str, Any]]) -> None:
    torture = _evidence(built, "ordered the torture of detained protesters")["properties"]
    assert torture["role"] == ["torture/ordered"]
    assert "Cited at p. 1" in torture["description"]
    assert "Read by OCR: check the quote against the page image." in torture["description"]


def test_sources_without_sidecars_are_described_by_themselves(
    built: list[dict[str, Any]],
) -> None:
    docs = {
        e["properties"]["fileName"][0]: e["properties"]
        for e in built
        if e["schema"] in ("Document", "Article")
    }
    article = docs["article.html"]
    assert article["title"] == ["Police chief accused over Taldykol shootings"]
    assert article["publisher"] == ["The Steppe Courier"]
    assert article["publishedAt"] == ["2022-01-20"]
    assert article["sourceUrl"] == ["https://courier.example.org/2022/01/taldykol-police-chief"]
    assert docs["report.pdf"]["mimeType"] == ["application/pdf"]
    assert docs["draft.docx"]["title"] == ["Partner briefing on Taldykol"]


def test_dossier_text_cites_pages_ocr_and_own_metadata(
    workspace: Path, built: list[dict[str, Any]]
) -> None:
    pdfs = sorted((workspace / "dossiers").glob("*.pdf"))
    assert [p.name.rsplit("-", 1)[0] for p in pdfs] == ["daniyar-serikbayev"]
    text = subprocess.run(
        ["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    # footnotes: the page after the date, the OCR mark after the passage
    assert "Taldykol: the January events. Steppe Rights Monitor, date not stated, p. 3." in flat
    assert "Appeal ruling. publisher not stated, date not stated, p. 1. OCR" in flat
    # the evidence table
    assert "OCR: CHECK AGAINST THE PAGE IMAGE" in flat
    assert ", p. 2, " in flat
    # the web page, without a sidecar, is cited by its own title, publisher and date
    assert (
        "Police chief accused over Taldykol shootings. The Steppe Courier (Asel Karimova), "
        "20 January 2022."
    ) in flat


def test_show_marks_ocr_quotes(workspace: Path, built: list[dict[str, Any]]) -> None:
    result = invoke(
        workspace, "show", PERSON, "--entities", str(workspace / "entities" / "entities.ftm.json")
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ocr = [i for i, line in enumerate(lines) if "[OCR: check against the page image]" in line]
    assert len(ocr) == 1 and "torture" in lines[ocr[0]]
    assert lines[ocr[0] + 1].endswith(" · p. 1")
