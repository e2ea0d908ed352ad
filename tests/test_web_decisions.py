"""Browser decisions are the CLI's lines, land under concurrency, and are refused
when a rebuild has changed the item."""

from __future__ import annotations

import itertools
import multiprocessing
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from dossier.cli import main
from dossier.profile import build_profile, candidate_targets
from dossier.resolve.decisions import load_decisions, make_decision, record_decisions
from dossier.review import decide_evidence, load_review, update_review
from dossier.web.app import create_app
from dossier.web.decisions import decide_item, item_version
from dossier.web.workspace import Workspace
from tests.web_corpus import HOSTILE, copy_corpus, env_for, settings_for

KURMANOV = "person-68316a3837ecebfa434957b40c3f8c91739f07e4"
OSKAROV = "person-f8fbe7f9a4366da5b68af9367ce1d523cd5d10c9"
OSKAROV_ITEM = "evidence-f2b488f7a89a6d8cdd86f5308ff3ed2724594f01"
FIXED_TIME = "2026-12-01T09:00:00+00:00"


@pytest.fixture(scope="module")
def root(web_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(web_corpus, tmp_path_factory.mktemp("web-decisions") / "corpus")


@pytest.fixture(autouse=True)
def reviewer(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DOSSIER_USER", "tester")
    decisions = root / "entities" / "decisions"
    identity = decisions / "identity.jsonl"
    kept = identity.read_bytes() if identity.exists() else None
    (decisions / "review.jsonl").unlink(missing_ok=True)
    yield
    (decisions / "review.jsonl").unlink(missing_ok=True)
    if kept is not None:
        identity.write_bytes(kept)


def client_for(root: Path) -> TestClient:
    client = TestClient(create_app(settings_for(root), hosts=["testserver"]))
    client.get("/targets")
    return client


def post(client: TestClient, path: str, **data: str | list[str]) -> dict[str, object]:
    token = client.cookies.get("dossier_csrf")
    assert token is not None
    response = client.post(
        path, data={"csrf": token, **data}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


def versions(client: TestClient, person: str) -> dict[str, str]:
    page = client.get(f"/targets/{person}").text
    found = re.findall(
        r'id="(evidence-[0-9a-f]{40})" data-item.*?name="version" value="([0-9a-f]+)"',
        page,
        flags=re.DOTALL,
    )
    return dict(found)


def test_browser_and_cli_write_byte_identical_review_lines(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dossier.review.now", lambda: FIXED_TIME)
    review = root / "entities" / "decisions" / "review.jsonl"
    client = client_for(root)
    items = versions(client, KURMANOV)
    a, b, c = sorted(items)
    # The CLI: accept, reject, category, part, note (in that order), then the target.
    result = CliRunner().invoke(
        main,
        [
            "review", KURMANOV, "--accept", a, "--reject", b, "--category", f"{c}=detention",
            "--part", f"{b}=complicit", "--note", f"{a}=Checked against the source “quoted”.",
            "--target", "--regime", "uk-ghr,us-glomag",
        ],
        env=env_for(root),
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    by_cli = review.read_bytes()
    assert by_cli.count(b"\n") == 4  # three items and the target decision
    review.unlink()
    base = f"/targets/{KURMANOV}/evidence"
    post(client, f"{base}/{a}", version=items[a], action="accept")
    post(client, f"{base}/{b}", version=items[b], action="reject")
    post(client, f"{base}/{c}", version=items[c], action="category", value="detention")
    post(client, f"{base}/{b}", version=items[b], action="part", value="complicit")
    post(
        client,
        f"{base}/{a}",
        version=items[a],
        action="note",
        value="Checked against the source “quoted”.",
    )
    post(client, f"/targets/{KURMANOV}/target", is_target="yes", regime=["GB-HR", "US-GLOMAG"])
    assert review.read_bytes() == by_cli


def test_browser_and_cli_write_byte_identical_identity_lines(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dossier.resolve.decisions.now", lambda: "2026-12-01T09:00:00Z")
    identity = root / "entities" / "decisions" / "identity.jsonl"
    before = identity.read_bytes() if identity.exists() else b""
    client = client_for(root)
    page = client.get("/identity").text
    left, right = re.findall(
        r'name="left" value="([^"]+)">\s*<input type="hidden" name="right" value="([^"]+)"', page
    )[0]
    result = CliRunner().invoke(
        main, ["no-match", left, right], env=env_for(root), catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    by_cli = identity.read_bytes()
    assert by_cli != before
    identity.write_bytes(before)
    post(client, "/identity/decide", left=left, right=right, decision="no_match")
    assert identity.read_bytes() == by_cli


def _cli_writer(review: str, claims: list[tuple[object, str]], barrier: object) -> None:
    """What `dossier review` does per decision: update_review with decide_evidence."""
    assert hasattr(barrier, "wait")
    barrier.wait()
    for claim, quote in claims:
        update_review(
            Path(review),
            lambda d, c=claim, q=quote: decide_evidence(d, c, q, "rejected"),  # type: ignore[misc]
        )


def test_two_tabs_and_a_cli_deciding_at_once_lose_nothing(root: Path) -> None:
    workspace = Workspace(settings_for(root))
    snapshot = workspace.snapshot()
    people = candidate_targets(snapshot.store)
    profiles = [build_profile(snapshot.store, p) for p in people]
    jobs = [(p.id, e.id, item_version(e)) for p in profiles for e in p.evidence]
    assert len(jobs) >= 40
    tab_one, tab_two, cli = jobs[0::3], jobs[1::3], jobs[2::3]
    cli_claims = [
        (snapshot.claims[e][0], snapshot.passage(*snapshot.claims[e])) for _p, e, _v in cli
    ]
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(3)
    process = context.Process(
        target=_cli_writer, args=(str(workspace.review_path), cli_claims, barrier)
    )
    process.start()
    failures: list[BaseException] = []

    def tab(work: list[tuple[str, str, str]]) -> None:
        barrier.wait()
        try:
            for person, evidence, version in work:
                decide_item(workspace, person, evidence, version, "accept")
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=tab, args=(w,)) for w in (tab_one, tab_two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    process.join(60)
    assert process.exitcode == 0 and failures == []
    decisions = load_review(workspace.review_path).evidence
    assert len(decisions) == len(jobs)
    accepted = {e for _p, e, _v in tab_one + tab_two}
    assert {i for i, d in decisions.items() if d.status == "accepted"} == accepted
    assert {i for i, d in decisions.items() if d.status == "rejected"} == {e for _p, e, _v in cli}


def _identity_writer(path: str, decisions: list[object], barrier: object) -> None:
    assert hasattr(barrier, "wait")
    barrier.wait()
    for decision in decisions:
        record_decisions(Path(path), [decision])  # type: ignore[list-item]


def test_identity_decisions_from_two_processes_at_once_lose_nothing(root: Path) -> None:
    from dossier.resolve.catalog import read_catalog

    settings = settings_for(root)
    entries = [e for e in read_catalog(settings.cache_dir / "local-entities.json")]
    people = sorted((e for e in entries if e.schema_class == "person"), key=lambda e: e.key)
    pairs = [
        make_decision("unsure", a, b, "tester")
        for a, b in itertools.pairwise(people)
        if (a.name, a.document) != (b.name, b.document)
    ][:30]
    assert len(pairs) >= 10
    path = root / "entities" / "decisions" / "concurrent-identity.jsonl"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    workers = [
        context.Process(target=_identity_writer, args=(str(path), pairs[i::2], barrier))
        for i in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert {d.pair for d in load_decisions(path)} == {d.pair for d in pairs}


def test_a_decision_on_an_item_a_rebuild_changed_is_refused(root: Path) -> None:
    client = client_for(root)
    shown = versions(client, OSKAROV)
    other_tab = versions(client, KURMANOV)
    kurmanov_item = sorted(other_tab)[0]
    # Another tab corrects the category of one of Kurmanov's items; the sources of
    # Oskarov's item change (a new version of the report); then a rebuild.
    post(
        client,
        f"/targets/{KURMANOV}/evidence/{kurmanov_item}",
        version=other_tab[kurmanov_item],
        action="category",
        value="detention",
    )
    hostile = root / "seeds" / HOSTILE
    hostile.write_text(
        hostile.read_text(encoding="utf-8").replace("in January 2022", "in March 2022"),
        encoding="utf-8",
    )
    token = client.cookies.get("dossier_csrf")
    assert token is not None
    started = client.post("/rebuild", data={"csrf": token}, headers={"Accept": "application/json"})
    assert started.status_code == 202 and started.json()["state"] == "running"
    rebuilder = client.app.state.web.rebuilder  # type: ignore[attr-defined]
    status = rebuilder.wait(600)
    assert status.state == "done", status
    assert client.get("/rebuild/status").json()["state"] == "done"
    before = (root / "entities" / "decisions" / "review.jsonl").read_bytes()
    # This tab still shows the old pages: both of its decisions are refused. The
    # report's new version gives its people new IDs (they hash the document).
    gone = client.post(
        f"/targets/{OSKAROV}/evidence/{OSKAROV_ITEM}",
        data={"csrf": token, "version": shown[OSKAROV_ITEM], "action": "accept"},
        headers={"Accept": "application/json"},
    )
    assert gone.status_code == 409
    assert "This person is no longer in the build" in gone.json()["error"]
    assert "Nothing was recorded" in gone.json()["error"]
    changed = client.post(
        f"/targets/{KURMANOV}/evidence/{kurmanov_item}",
        data={"csrf": token, "version": other_tab[kurmanov_item], "action": "reject"},
        headers={"Accept": "application/json"},
    )
    assert changed.status_code == 409
    assert "changed after the page was loaded" in changed.json()["error"]
    assert (root / "entities" / "decisions" / "review.jsonl").read_bytes() == before
    assert client.get(f"/targets/{OSKAROV}").status_code == 404
    # Reloaded, the pages show what the new build holds and decisions work again.
    targets = client.get("/targets").text
    found = re.search(r'href="/targets/(person-[0-9a-f]{40})">Marat Oskarov<', targets)
    assert found is not None
    fresh = versions(client, found.group(1))
    (new_item,) = fresh
    assert "in March 2022" in client.get(f"/targets/{found.group(1)}").text
    post(
        client,
        f"/targets/{found.group(1)}/evidence/{new_item}",
        version=fresh[new_item],
        action="accept",
    )
    kurmanov = versions(client, KURMANOV)
    assert kurmanov[kurmanov_item] != other_tab[kurmanov_item]  # category now detention
    post(
        client,
        f"/targets/{KURMANOV}/evidence/{kurmanov_item}",
        version=kurmanov[kurmanov_item],
        action="reject",
    )
