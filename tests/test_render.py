"""Real PDFs from tests/fixtures/sample.ftm.json, read back with pdftotext."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from dossier.cli import main
from dossier.criteria import parse_regime, recommend
from dossier.profile import EntityStore, PersonProfile, build_profile, load_store
from dossier.render import (
    AssetRefusedError,
    BundledAssetFetcher,
    RenderError,
    RenderOptions,
    dossier_path,
    render_all,
    render_dossier_html,
    render_dossier_pdf,
)
from dossier.render.letter import LetterOptions, render_letter_pdf
from dossier.render.pdf import html_to_pdf

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
SAMPLE = Path(__file__).parent / "fixtures" / "sample.ftm.json"
TARGET = "person-9ec58763a6a3f6d3c69cab92900c5b70d0ce4e60"  # Alibek Zhanuzakov
ASSOCIATE = "person-7b033fa6e8b137df83bb873dd51097cb1084a829"  # Kairat Baimenov
OPTIONS = RenderOptions(templates_dir=TEMPLATES, date=dt.date(2024, 5, 1), organisation="Test Org")
HOSTILE = (
    'Hostile <script>alert("x")</script> <img src="file:///etc/passwd"> '
    '<link rel="attachment" href="file:///etc/passwd"> end of passage.'
)
HEADINGS = [
    "Contents",
    "1. Summary and statement of reasons",
    "Statement of reasons",
    "2. Identification",
    "3. Legal criteria",
    "4. Statement of facts",
    "5. Link between the person and the conduct",
    "6. Corroboration",
    "7. Exculpatory and contrary information",
    "8. Ties to the sanctioning jurisdiction",
    "9. Family members and associates",
    "10. Existing designations and screening results",
    "11. Recommended measures and co-targets",
    "12. Methodology",
    "Annex A. Sources",
    "Annex B. Evidence excerpts",
    "Annex C. Relationship graph",
    "Annex D. FtM entities",
    "Annex E. Identity decisions",
]


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return flat(result.stdout)


def variant(tmp_path: Path, replace: dict[str, str]) -> EntityStore:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "entities.ftm.json"
    path.write_text(text, encoding="utf-8")
    return load_store(path)


@pytest.fixture(scope="module")
def store() -> EntityStore:
    return load_store(SAMPLE)


@pytest.fixture(scope="module")
def target(store: EntityStore) -> PersonProfile:
    return build_profile(store, TARGET)


@pytest.fixture(scope="module")
def rendered(store: EntityStore, target: PersonProfile) -> bytes:
    return render_dossier_pdf(target, store, OPTIONS)


@pytest.fixture(scope="module")
def text(rendered: bytes, tmp_path_factory: pytest.TempPathFactory) -> str:
    return pdf_text(rendered, tmp_path_factory.mktemp("pdf"))


def test_every_section_and_the_target(text: str) -> None:
    for heading in HEADINGS:
        assert heading in text, heading
    assert "Alibek Zhanuzakov" in text
    assert "Әлібек Жанұзақов" in text  # Kazakh letters survive (embedded DejaVu)
    assert "This submission is made under the Global Human Rights Sanctions Regulations" in text
    assert "Therefore there are reasonable grounds to suspect that Alibek Zhanuzakov" in text
    assert "Submitted by Test Org" in text
    assert "Date 1 May 2024" in text
    assert "Not found in the sources" in text  # date of birth, unknown, not guessed


def test_every_footnote_source_and_verbatim_quote(text: str, target: PersonProfile) -> None:
    shown = [e for e in target.evidence if e.status != "rejected"]
    assert len(shown) == 7
    for item in shown:
        assert item.document is not None and item.document.title is not None
        assert flat(item.document.title) in text
        assert f"“{flat(item.summary)}”" in text, item.summary
    for rel in target.relations:
        assert rel.summary is not None
        assert f"“{flat(rel.summary)}”" in text
    assert "Steppe Rights Monitor, 15 March 2022." in text
    assert "https://example.org/reports/karaganda-2022" in text
    # content hash in Annex A (wrapped inside its narrow column)
    assert "a27297bde9732f2e73fbc06db2611764e3ad9855" in text.replace(" ", "")


def test_rejected_evidence_is_never_shown(text: str, target: PersonProfile) -> None:
    (rejected,) = [e for e in target.evidence if e.status == "rejected"]
    assert "shot at protesters" in rejected.summary
    assert "shot at protesters" not in text
    assert "1 rejected (rejected items are not shown)" in text


def test_victim_passage_is_quoted_not_extended(text: str) -> None:
    # The victim appears only inside the quoted passages, never in a generated sentence.
    assert "Aigerim Sadykova" in text
    assert text.count("Aigerim Sadykova") == text.count("Journalist Aigerim Sadykova was detained")


def test_contrary_information_and_ties(text: str) -> None:
    assert "reports contrary information or the person's response" in text
    assert "denied giving any order" in text
    assert "Steppe Property Holdings Ltd, which is linked to United Kingdom" in text


def test_draft_mark_while_evidence_is_unreviewed(text: str) -> None:
    assert "DRAFT" in text
    assert "2 evidence items about this person have not been reviewed" in text


def test_no_draft_mark_when_all_accepted(tmp_path: Path) -> None:
    store = variant(tmp_path, {'"status": ["unreviewed"]': '"status": ["accepted"]'})
    profile = build_profile(store, TARGET)
    assert not profile.is_draft
    text = pdf_text(render_dossier_pdf(profile, store, OPTIONS), tmp_path)
    assert "DRAFT" not in text
    assert "draft" not in text.lower().replace("draft dossier", "")
    assert "Alibek Zhanuzakov" in text


def test_hostile_passage_renders_as_text(tmp_path: Path) -> None:
    original = (
        "The report finds that the regional police under Zhanuzakov failed to open any "
        "investigation into the deaths of detainees."
    )
    store = variant(tmp_path, {original: HOSTILE.replace('"', '\\"')})
    data = render_dossier_pdf(build_profile(store, TARGET), store, OPTIONS)
    text = pdf_text(data, tmp_path)
    assert '<script>alert("x")</script>' in text
    assert '<img src="file:///etc/passwd">' in text
    assert '<link rel="attachment" href="file:///etc/passwd">' in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert b"/EmbeddedFile" not in data
    assert b"/EmbeddedFiles" not in data
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert passwd not in text
    assert "root:x:0:0" not in text


def test_fetcher_refuses_everything_but_bundled_assets(tmp_path: Path) -> None:
    fetcher = BundledAssetFetcher(TEMPLATES)
    for url in [
        "file:///etc/passwd",
        "http://example.com/dossier.css",
        "https://example.com/dossier.css",
        "data:text/css,body{}",
        f"{TEMPLATES.as_uri()}/../README.md",
        f"{TEMPLATES.as_uri()}/dossier.html.j2",
        "file://evil.example/etc/passwd",
    ]:
        with pytest.raises(AssetRefusedError):
            fetcher.fetch(url)
    link = tmp_path / "link.css"
    link.symlink_to("/etc/passwd")
    with pytest.raises(AssetRefusedError):
        BundledAssetFetcher(tmp_path).fetch(link.as_uri())
    response = fetcher.fetch(f"{TEMPLATES.as_uri()}/dossier.css")
    assert b"@page" in response.read()
    response.close()


def test_weasyprint_uses_the_fetcher() -> None:
    html = (
        '<html><head><link rel="attachment" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
        '<body><p>x</p><img src="file:///etc/passwd"></body></html>'
    )
    data = html_to_pdf(html, TEMPLATES)
    assert PdfReader(io.BytesIO(data)).attachments == {}
    assert b"/EmbeddedFile" not in data


def test_byte_identical_output(store: EntityStore, target: PersonProfile, rendered: bytes) -> None:
    assert render_dossier_pdf(target, store, OPTIONS) == rendered


def test_pdf_metadata_and_fonts(rendered: bytes, tmp_path: Path) -> None:
    meta = PdfReader(io.BytesIO(rendered)).metadata
    assert meta is not None
    assert meta.title == "Designation submission: Alibek Zhanuzakov"
    assert meta.author == "Test Org"
    assert meta.subject is not None and meta.subject.startswith(
        "Submission for sanctions designation of Alibek Zhanuzakov"
    )
    path = tmp_path / "f.pdf"
    path.write_bytes(rendered)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert len(rows) > 0
    assert all("DejaVu" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows)  # emb column


def test_dossier_file_name(target: PersonProfile, tmp_path: Path) -> None:
    assert dossier_path(target, tmp_path) == tmp_path / "alibek-zhanuzakov-9ec587.pdf"


def test_render_all_one_pdf_per_candidate_and_stale_files(
    store: EntityStore, tmp_path: Path
) -> None:
    out = tmp_path / "dossiers"
    out.mkdir()
    (out / "own-notes-abcdef.pdf").write_bytes(b"not ours")
    seen: list[Path] = []
    paths = render_all(store, out, OPTIONS, progress=seen.append)
    assert [p.name for p in paths] == [
        "alibek-zhanuzakov-9ec587.pdf",
        "kairat-baimenov-7b033f.pdf",
    ]
    assert seen == paths
    # victims, relatives and other non-targets get no dossier
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "alibek-zhanuzakov-9ec587.pdf",
        "kairat-baimenov-7b033f.pdf",
        "own-notes-abcdef.pdf",
    ]
    fewer = variant(tmp_path, {'"topics": ["poi"]': '"topics": ["role.rca"]'})
    render_all(fewer, out, OPTIONS)
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "alibek-zhanuzakov-9ec587.pdf",
        "own-notes-abcdef.pdf",
    ]


def test_regimes() -> None:
    assert parse_regime("uk-ghr") == "GB-HR"
    assert parse_regime("EU-HR") == "EU-HR"
    assert recommend({"corruption"}) == ["GB-AC", "US-GLOMAG", "CA-JVCFOA"]  # no EU limb
    assert recommend({"torture"}) == ["GB-HR", "US-GLOMAG", "EU-HR", "CA-JVCFOA"]


def test_regime_override_and_reviewer_choice(store: EntityStore, tmp_path: Path) -> None:
    options = RenderOptions(TEMPLATES, dt.date(2024, 5, 1), regimes=("GB-HR",))
    text = pdf_text(render_dossier_pdf(build_profile(store, TARGET), store, options), tmp_path)
    assert "UK Global Human Rights sanctions (GB-HR)" in text
    assert "US-GLOMAG" not in text
    associate = build_profile(store, ASSOCIATE)  # programId GB-AC, chosen by a reviewer
    text = pdf_text(render_dossier_pdf(associate, store, OPTIONS), tmp_path)
    assert "chosen by a reviewer" in text
    assert "Global Anti-Corruption Sanctions Regulations 2021" in text


def test_letter(store: EntityStore, tmp_path: Path) -> None:
    options = LetterOptions(
        templates_dir=TEMPLATES,
        date=dt.date(2024, 5, 1),
        addressee="UK FCDO",
        targets=(TARGET, ASSOCIATE),
        organisation="Test Org",
        signatories=(("Jane Doe", "Director", "Test Org"),),
    )
    data = render_letter_pdf(store, options)
    assert render_letter_pdf(store, options) == data
    text = pdf_text(data, tmp_path)
    for expected in [
        "King Charles Street",
        "Dear Secretary of State,",
        "Request for targeted sanctions: Alibek Zhanuzakov and Kairat Baimenov",
        "Jane Doe Director Test Org",
        "Annex 1: Designation dossier, Alibek Zhanuzakov (alibek-zhanuzakov-9ec587.pdf)",
        "Yours sincerely,",
        "DRAFT",
    ]:
        assert expected in text, expected
    assert "Witnesses told Steppe Rights Monitor" in text  # accepted evidence is cited
    assert "failed to open any investigation" not in text  # unreviewed is not
    assert "shot at protesters" not in text  # rejected is not
    bundle = render_letter_pdf(store, LetterOptions(**{**options.__dict__, "bundle": True}))
    assert len(PdfReader(io.BytesIO(bundle)).pages) > len(PdfReader(io.BytesIO(data)).pages)


def test_cli_show(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["show", "alibek zhanuzakov", "--entities", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Alibek Zhanuzakov  person-9ec58763" in result.output
    assert "Head of the Karaganda Regional Police Department" in result.output
    assert "family → Dinara Zhanuzakova (daughter)" in result.output
    assert "Evidence (8: 5 accepted, 2 unreviewed, 1 rejected):" in result.output
    assert "[UNREVIEWED] cover_up/complicit" in result.output
    assert "Crackdown in Karaganda: Findings on the January 2022 Events" in result.output

    as_json = runner.invoke(main, ["show", TARGET, "--json", "--entities", str(SAMPLE)])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["name"] == "Alibek Zhanuzakov"

    missing = runner.invoke(main, ["show", "Nobody Known", "--entities", str(SAMPLE)])
    assert missing.exit_code == 1
    assert "no person matches 'Nobody Known'. Candidate targets:" in missing.output
    assert "Kairat Baimenov" in missing.output

    ambiguous = runner.invoke(main, ["show", "zhanuzak", "--entities", str(SAMPLE)])
    assert ambiguous.exit_code == 1
    assert "matches 2 people" in ambiguous.output
    assert "Dinara Zhanuzakova" in ambiguous.output


def test_cli_show_strips_terminal_escapes(tmp_path: Path) -> None:
    store_path = tmp_path / "e.ftm.json"
    store_path.write_text(
        SAMPLE.read_text(encoding="utf-8").replace(
            "Alibek Zhanuzakov, the head", "Alibek Zhanuzakov,\\u001b[2J the head"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["show", TARGET, "--entities", str(store_path)])
    assert result.exit_code == 0
    assert "\x1b[2J" not in result.output


def test_cli_render_refuses_victims(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    victim = runner.invoke(
        main, ["render", "Aigerim Sadykova", "--out", str(out), "--entities", str(SAMPLE)]
    )
    assert victim.exit_code == 1
    assert "is not a candidate target" in victim.output
    assert not out.exists()
    ok = runner.invoke(
        main,
        ["render", "Zhanuzakov", "--regime", "uk-ghr", "--out", str(out), "--entities",
         str(SAMPLE)],
        env={"SOURCE_DATE_EPOCH": "1714521600"},
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert [p.name for p in out.glob("*.pdf")] == ["alibek-zhanuzakov-9ec587.pdf"]
    bad = runner.invoke(main, ["render", "--regime", "uk-xyz", "--entities", str(SAMPLE)])
    assert bad.exit_code == 2
    for command in ("show", "render", "letter"):
        assert runner.invoke(main, [command, "--help"]).exit_code == 0


# --- screening results (HTML only: no PDF layout needed) ------------------------------


def _screening(target_id: str) -> dict[str, object]:
    sanction = {
        "id": "NK-sanction-1", "program": ["Global Human Rights"], "programId": ["GB-HR"],
        "authority": ["Foreign, Commonwealth and Development Office"],
        "listingDate": ["2022-03-15"], "startDate": [], "endDate": [], "country": ["gb"],
        "sourceUrl": [], "reason": [],
    }  # fmt: skip
    match = {
        "entity_id": "NK-strong", "schema": "Person", "caption": "ZHANUZAKOV, Alibek",
        "names": ["ZHANUZAKOV, Alibek"], "topics": ["sanction"], "datasets": ["gb_fcdo"],
        "birth_dates": ["1970-01-02"], "countries": ["kz"], "positions": [], "score": 0.93,
        "strength": "strong", "why": ["names agree part by part"], "features": {},
        "sanctions": [sanction],
    }  # fmt: skip
    namesake = dict(match, entity_id="NK-possible", caption="Alibek ZHANUZAKOVA",
                    score=0.55, strength="possible", why=["genders differ"], sanctions=[])
    return {
        "format": "dossier-screening/1", "algorithm": "logic-v2",
        "matcher": "nomenklatura 4.17.4", "thresholds": {"strong": 0.7, "possible": 0.5},
        "note": "a lead, not a finding",
        "against": {"file_name": "list.ftm.json", "sha1": "ab" * 20, "entities": 12,
                    "sanctions": 3, "candidates": 2, "skipped": {}},
        "summary": {"targets": 1, "strong": 1, "possible": 1, "comparisons": 2},
        "targets": [{"id": target_id, "name": "Alibek Zhanuzakov", "schema": "Person",
                     "names": ["Alibek Zhanuzakov"], "strong": [match], "possible": [namesake]}],
    }  # fmt: skip


def _section(html: str, start: str, end: str) -> str:
    return flat(html.split(start, 1)[1].split(end, 1)[0])


def test_screening_results_next_to_the_entities_file(tmp_path: Path) -> None:
    store = variant(tmp_path, {})
    profile = build_profile(store, TARGET)
    absent = render_dossier_html(profile, store, OPTIONS)
    section = _section(absent, 'id="s10"', 'id="s11"')
    assert "Screening against published sanctions lists was not run" in section
    (tmp_path / "screening.json").write_text(json.dumps(_screening(TARGET)), encoding="utf-8")
    html = render_dossier_html(profile, store, OPTIONS)
    section = _section(html, 'id="s10"', 'id="s11"')
    assert "was screened against list.ftm.json (12 entities" in section
    strong, possible = section.split("Possible matches", 1)
    assert "ZHANUZAKOV, Alibek" in strong and "0.93" in strong
    assert "Global Human Rights (GB-HR)" in strong
    assert "Foreign, Commonwealth and Development Office" in strong
    assert "15 March 2022" in strong
    assert "Alibek ZHANUZAKOVA" in possible and "genders differ" in possible
    assert "No sanction recorded for this entity" in possible
    assert "not run" not in section
    # An explicit path wins; another target's results say this person was not screened.
    other = tmp_path / "other.json"
    other.write_text(json.dumps(_screening(ASSOCIATE)), encoding="utf-8")
    html = render_dossier_html(
        profile, store, dataclasses.replace(OPTIONS, screening=other)
    )
    assert "screening was not run for this person" in _section(html, 'id="s10"', 'id="s11"')


def test_malformed_screening_file_is_an_error(tmp_path: Path) -> None:
    store = variant(tmp_path, {})
    profile = build_profile(store, TARGET)
    (tmp_path / "screening.json").write_text('{"format": "other/9"}', encoding="utf-8")
    with pytest.raises(RenderError, match="format"):
        render_dossier_html(profile, store, OPTIONS)


def test_statement_of_facts_is_conduct_only(store: EntityStore, target: PersonProfile) -> None:
    html = render_dossier_html(target, store, OPTIONS)
    facts = _section(html, 'id="s4"', 'id="s5"')
    conduct = {e.summary for e in target.evidence if e.is_allegation and e.status != "rejected"}
    assert len(conduct) > 0 and "reports: “" in facts
    for item in target.evidence:
        if item.summary in conduct:
            continue  # the same passage may also carry an allegation
        quoted = flat(item.summary.replace("&", "&amp;").replace("<", "&lt;"))
        assert quoted[:60] not in facts, item.id  # neither in the text nor in a note
    assert "identity, position or conduct" not in facts
    # Background passages are quoted in Annex B under their own heading.
    annex = _section(html, 'id="a2"', 'id="a3"')
    assert "Allegations relied on" in annex
    assert "Background" not in annex or annex.index("Allegations") < annex.index("Background")
