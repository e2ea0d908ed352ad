"""The review screen over HTTP, in process: every route, every refusal, security."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.web.app import create_app
from dossier.web.security import CSP
from tests.web_corpus import copy_corpus, settings_for

OSKAROV = "person-f8fbe7f9a4366da5b68af9367ce1d523cd5d10c9"
DZHUMADIYEV = "person-b027d93881e1970fb4d33e637e9dab883f29eb09"
OSKAROV_ITEM = "evidence-f2b488f7a89a6d8cdd86f5308ff3ed2724594f01"


@pytest.fixture(scope="module")
def root(web_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(web_corpus, tmp_path_factory.mktemp("web-app") / "corpus")


@pytest.fixture(scope="module")
def client(root: Path) -> Iterator[TestClient]:
    app = create_app(settings_for(root), hosts=["testserver"])
    with TestClient(app) as client:
        client.get("/targets")  # sets the CSRF cookie
        yield client


@pytest.fixture(autouse=True)
def no_decisions(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts and ends with no review decisions; the reviewer is "tester"."""
    monkeypatch.setenv("DOSSIER_USER", "tester")
    review = root / "entities" / "decisions" / "review.jsonl"
    review.unlink(missing_ok=True)
    yield
    review.unlink(missing_ok=True)


def csrf(client: TestClient) -> str:
    token = client.cookies.get("dossier_csrf")
    assert token is not None
    return token


def review_lines(root: Path) -> list[str]:
    path = root / "entities" / "decisions" / "review.jsonl"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def version_of(client: TestClient, person: str, item: str) -> str:
    page = client.get(f"/targets/{person}").text
    block = page[page.index(f'id="{item}"') :]
    found = re.search(r'name="version" value="([0-9a-f]+)"', block)
    assert found is not None
    return found.group(1)


def test_home_redirects_to_the_targets(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/targets"


def test_targets_page_ranks_candidates_with_counts_and_regimes(client: TestClient) -> None:
    response = client.get("/targets")
    assert response.status_code == 200
    page = response.text
    assert f'href="/targets/{OSKAROV}">Marat Oskarov</a>' in page
    row = page[page.index(f'id="t-{OSKAROV}"') :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r'<td class="num[^"]*">(\d+)', row)
    assert cells[:4] == ["1", "0", "1", "0"]  # allegations, accepted, unreviewed, rejected
    assert "torture" in row and "GB-HR" in row and "US-GLOMAG" in row
    assert "Aikorkem Meldekhan" not in page  # a victim is never a candidate


def test_every_page_sends_the_security_headers_and_loads_only_its_own_assets(
    client: TestClient,
) -> None:
    page = client.get(f"/targets/{OSKAROV}").text
    doc = re.search(r'href="/sources/(doc-[0-9a-f]{40})"', page)
    assert doc is not None
    for path in ("/targets", f"/targets/{OSKAROV}", "/identity", f"/sources/{doc.group(1)}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == CSP
        assert "default-src 'none'" in CSP and "script-src 'self'" in CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        for _attr, value in re.findall(r'\b(src|href|action)="([^"]*)"', response.text):
            assert value.startswith(("/", "#")) and not value.startswith("//"), (path, value)
        assert "<script" not in response.text.replace('<script src="/static/web.js" defer>', "")
        tags = re.sub(r">[^<]*<", "><", response.text)
        assert " style=" not in tags and " on" not in tags  # no inline style or handler


def test_static_assets_are_served_by_name_only(client: TestClient) -> None:
    css = client.get("/static/web.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "http" not in css.text  # no font or image from elsewhere
    js = client.get("/static/web.js")
    assert js.status_code == 200 and "fetch(" in js.text and "innerHTML" not in js.text
    for name in ("dossier.css", "..%2F..%2Fpyproject.toml", "../web.css", "web.css.bak"):
        assert client.get(f"/static/{name}").status_code == 404, name


@pytest.mark.parametrize(
    "path",
    [
        "/targets/person-0000000000000000000000000000000000000000",
        "/targets/..%2F..%2Fetc%2Fpasswd",
        "/targets/person-F8FBE7F9A4366DA5B68AF9367CE1D523CD5D10C9",
        "/targets/doc-0000000000000000000000000000000000000000",
        "/sources/doc-0000000000000000000000000000000000000000",
        "/sources/..%2Fseeds%2F001_00dd82caa1b878dc.txt",
        "/sources/001_00dd82caa1b878dc.txt",
        "/entities/person-0000000000000000000000000000000000000000",
        f"/targets/{OSKAROV}x",
    ],
)
def test_unknown_or_malformed_ids_are_not_found(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Not found" in response.text


def test_target_page_shows_identity_passage_in_context_and_matrix(client: TestClient) -> None:
    response = client.get(f"/targets/{OSKAROV}")
    assert response.status_code == 200
    page = response.text
    assert "<h1>Marat Oskarov</h1>" in page
    assert '<span data-count="unreviewed">1</span> unreviewed' in page and "DRAFT" in page
    # the passage inside its paragraph, the person's mention marked inside the passage
    assert '<mark class="mention">Marat Oskarov</mark>' in page
    assert (
        "<mark> ordered the torture of detainees in the Almaty remand centre in January "
        "2022.</mark>" in page
    )
    assert '<span class="around">Colonel </span>' not in page  # "Colonel" is in the passage
    # source title and publisher (autoescaped), date
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Prison report" in page
    assert "1 February 2022" in page
    # the reading and the controls
    assert "Torture / ill-treatment" in page and '<span class="part">ordered</span>' in page
    assert len(re.findall(r"data-decide[\s>]", page)) == 4
    # identity rows come from the dossier's identification section
    assert "Name (Latin script)" in page
    assert '<table class="matrix">' in page and "Torture / ill-treatment" in page


def test_hostile_source_renders_as_inert_text(client: TestClient) -> None:
    page = client.get(f"/targets/{OSKAROV}").text
    doc = re.search(r'href="/sources/(doc-[0-9a-f]{40})"', page)
    assert doc is not None
    source = client.get(f"/sources/{doc.group(1)}").text
    for html in (page, source):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<b onmouseover" not in html and 'href="javascript:' not in html
    assert "&lt;img src=x onerror=&#34;alert(&#39;img&#39;)&#34;&gt;" in source
    assert "&lt;a href=&#34;javascript:alert(&#39;link&#39;)&#34;&gt;" in source
    assert "&lt;b onmouseover=&#34;alert(&#39;publisher&#39;)&#34;&gt;Watch&lt;/b&gt;" in page


def test_filters_by_status_category_and_source(client: TestClient) -> None:
    person = "person-05c9450a55d3fbad77f9dbcef3fc936d8bb69ed2"  # 12 items, several categories
    page = client.get(f"/targets/{person}").text
    total = page.count("data-item ")
    assert total == 12
    assert client.get(f"/targets/{person}?status=accepted").text.count("data-item ") == 0
    assert client.get(f"/targets/{person}?status=unreviewed").text.count("data-item ") == 12
    by_category = client.get(f"/targets/{person}?category=context").text
    assert 0 < by_category.count("data-item ") < 12
    assert "<mark" in by_category
    unknown = client.get(f"/targets/{person}?category=nonsense&status=bogus")
    assert unknown.text.count("data-item ") == 12  # unknown filter values are ignored, visibly
    assert '<option value="" selected' not in unknown.text


def test_accept_with_the_keyboard_form_writes_the_cli_line(client: TestClient, root: Path) -> None:
    version = version_of(client, OSKAROV, OSKAROV_ITEM)
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{OSKAROV_ITEM}",
        data={"csrf": csrf(client), "version": version, "action": "accept"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "accepted" and response.json()["user"] == "tester"
    lines = review_lines(root)
    assert len(lines) == 1 and '"status": "accepted"' in lines[0]
    page = client.get(f"/targets/{OSKAROV}").text
    assert "decided, not yet rebuilt" in page and '<span data-count="accepted">1</span>' in page


def test_form_post_without_javascript_redirects_back(client: TestClient) -> None:
    version = version_of(client, OSKAROV, OSKAROV_ITEM)
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{OSKAROV_ITEM}",
        data={"csrf": csrf(client), "version": version, "action": "note", "value": "check"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/targets/{OSKAROV}#{OSKAROV_ITEM}"


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"action": "accept"}, 403, "CSRF"),
        ({"action": "accept", "csrf": "x" * 43}, 403, "CSRF"),
        ({"action": "launch", "csrf": None}, 400, "unknown action"),
        ({"action": "category", "value": "treason", "csrf": None}, 400, "unknown category"),
        ({"action": "part", "value": "bystander", "csrf": None}, 400, "unknown part"),
        ({"action": "note", "value": "  ", "csrf": None}, 400, "a note needs some text"),
        ({"action": "accept", "version": "0" * 16, "csrf": None}, 409, "changed after the page"),
    ],
)
def test_refused_decisions_write_nothing(
    client: TestClient, root: Path, data: dict[str, str | None], status: int, message: str
) -> None:
    form = {"version": version_of(client, OSKAROV, OSKAROV_ITEM), **data}
    if "csrf" in form and form["csrf"] is None:
        form["csrf"] = csrf(client)
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{OSKAROV_ITEM}",
        data={k: v for k, v in form.items() if v is not None},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == status
    assert message in response.json()["error"]
    assert review_lines(root) == []


def test_decision_from_another_site_is_refused(client: TestClient, root: Path) -> None:
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{OSKAROV_ITEM}",
        data={
            "csrf": csrf(client),
            "version": version_of(client, OSKAROV, OSKAROV_ITEM),
            "action": "accept",
        },
        headers={"Origin": "http://evil.example", "Accept": "application/json"},
    )
    assert response.status_code == 403 and "another site" in response.json()["error"]
    assert review_lines(root) == []


def test_decision_on_an_item_the_person_no_longer_has_is_refused(
    client: TestClient, root: Path
) -> None:
    other_item = "evidence-" + "0" * 40
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{other_item}",
        data={"csrf": csrf(client), "version": "0" * 16, "action": "accept"},
    )
    assert response.status_code == 409
    assert "no longer part of Marat Oskarov" in response.text and "Nothing was recorded" in (
        response.text
    )
    # an item of another person, sent to this person's address, is refused the same way
    page = client.get(f"/targets/{DZHUMADIYEV}").text
    theirs = re.findall(r'id="(evidence-[0-9a-f]{40})" data-item', page)[0]
    response = client.post(
        f"/targets/{OSKAROV}/evidence/{theirs}",
        data={
            "csrf": csrf(client),
            "version": version_of(client, DZHUMADIYEV, theirs),
            "action": "accept",
        },
    )
    assert response.status_code == 409
    assert review_lines(root) == []


def test_target_decision_with_regimes(client: TestClient, root: Path) -> None:
    response = client.post(
        f"/targets/{OSKAROV}/target",
        data={"csrf": csrf(client), "is_target": "no", "regime": ["GB-HR", "us-glomag"]},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/targets"
    (line,) = review_lines(root)
    assert '"is_target": false' in line and '"regimes": ["GB-HR", "US-GLOMAG"]' in line
    assert '"name": "Marat Oskarov"' in line
    page = client.get("/targets").text
    assert f'href="/targets/{OSKAROV}"' not in page  # decided not a target: not listed
    assert f'href="/targets/{OSKAROV}"' in client.get("/targets?all=1").text
    bad = client.post(
        f"/targets/{OSKAROV}/target",
        data={"csrf": csrf(client), "is_target": "yes", "regime": "ofac"},
    )
    assert bad.status_code == 400 and "unknown regime" in bad.text
    missing = client.post(f"/targets/{OSKAROV}/target", data={"csrf": csrf(client)})
    assert missing.status_code == 400
    unknown = client.post(
        f"/targets/person-{'1' * 40}/target", data={"csrf": csrf(client), "is_target": "yes"}
    )
    assert unknown.status_code == 409
    assert len(review_lines(root)) == 1


def test_identity_queue_decides_pairs_once(client: TestClient, root: Path) -> None:
    identity = root / "entities" / "decisions" / "identity.jsonl"
    before = identity.read_bytes() if identity.exists() else b""
    page = client.get("/identity")
    assert page.status_code == 200
    pairs = re.findall(
        r'name="left" value="([^"]+)">\s*<input type="hidden" name="right" value="([^"]+)"',
        page.text,
    )
    assert len(pairs) >= 1
    left, right = pairs[0]
    form = {"csrf": csrf(client), "left": left, "right": right, "decision": "unsure"}
    try:
        response = client.post(
            "/identity/decide", data=form, headers={"Accept": "application/json"}
        )
        assert response.status_code == 200 and response.json() == {
            "recorded": 1,
            "decision": "unsure",
        }
        assert identity.read_bytes() != before
        again = client.post("/identity/decide", data=form)
        assert again.status_code == 409 and "no longer waiting" in again.text
        assert client.post("/identity/decide", data={**form, "csrf": ""}).status_code == 403
        odd = client.post("/identity/decide", data={**form, "decision": "merge-all"})
        assert odd.status_code == 400
    finally:
        identity.write_bytes(before)


def test_split_of_a_single_entity_is_refused(client: TestClient) -> None:
    response = client.post(f"/targets/{OSKAROV}/split", data={"csrf": csrf(client)})
    assert response.status_code == 409 and "nothing to split" in response.text
    response = client.post("/identity/split", data={"csrf": csrf(client), "ref": OSKAROV})
    assert response.status_code == 409
    assert client.post("/identity/split", data={"csrf": csrf(client)}).status_code == 400


def test_source_viewer_marks_names_and_opens_the_entity(client: TestClient) -> None:
    page = client.get(f"/targets/{OSKAROV}").text
    doc = re.search(r'href="/sources/(doc-[0-9a-f]{40})"', page)
    assert doc is not None
    source = client.get(f"/sources/{doc.group(1)}").text
    link = f'<a class="name label-PERSON" href="/entities/{OSKAROV}">Marat Oskarov</a>'
    assert link in source
    response = client.get(f"/entities/{OSKAROV}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/targets/{OSKAROV}"


def test_rebuild_needs_csrf_and_pdf_is_served_by_id(client: TestClient) -> None:
    assert client.post("/rebuild", data={}).status_code == 403
    status = client.get("/rebuild/status").json()
    assert status["state"] == "idle"
    pdf = client.get(f"/targets/{OSKAROV}/dossier.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    missing = client.get(f"/targets/{'org-' + '0' * 40}/dossier.pdf")
    assert missing.status_code == 404


def test_unknown_host_is_refused(root: Path) -> None:
    app = create_app(settings_for(root))  # loopback names only
    with TestClient(app, base_url="http://evil.example") as client:
        response = client.get("/targets")
    assert response.status_code == 400 and "Unknown host" in response.text
    assert response.headers["content-security-policy"] == CSP


def test_token_is_required_off_loopback(root: Path) -> None:
    app = create_app(settings_for(root), hosts=None, token="s3cret-token")
    with TestClient(app, base_url="http://192.0.2.7:8765") as client:
        refused = client.get("/targets")
        assert refused.status_code == 403 and "token" in refused.text
        assert client.get("/targets?token=wrong").status_code == 403
        entry = client.get("/targets?token=s3cret-token", follow_redirects=False)
        assert entry.status_code == 303 and entry.headers["location"] == "/targets"
        assert "dossier_token=s3cret-token" in entry.headers["set-cookie"]
        assert "HttpOnly" in entry.headers["set-cookie"]
        assert client.get("/targets").status_code == 200  # the cookie now carries it
    with TestClient(app, base_url="http://192.0.2.7:8765") as other:
        assert other.get("/static/web.css").status_code == 403
        headed = other.get("/static/web.css", headers={"X-Dossier-Token": "s3cret-token"})
        assert headed.status_code == 200


def test_nothing_built_yet_is_explained(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.get("/targets")
    assert response.status_code == 503
    assert "run `dossier build`" in response.text
    assert 'action="/rebuild"' in response.text  # the build can start from here


def test_serve_prints_its_address_and_a_token_off_loopback(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from dossier.cli import main
    from tests.web_corpus import env_for

    calls: list[dict[str, object]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append({"app": app, **kw}))
    env = env_for(root)
    local = CliRunner().invoke(main, ["serve", "--port", "9123"], env=env)
    assert local.exit_code == 0, local.output
    assert "Review screen: http://127.0.0.1:9123/targets\n" in local.output
    assert "token" not in local.output
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 9123
    public = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"], env=env)
    assert public.exit_code == 0, public.output
    token = re.search(r"Secret token: (\S+)", public.output)
    assert token is not None and len(token.group(1)) >= 24
    assert f"http://0.0.0.0:8765/targets?token={token.group(1)}" in public.output
    app = calls[-1]["app"]
    with TestClient(app, base_url="http://192.0.2.7:8765") as client:  # type: ignore[arg-type]
        assert client.get("/targets").status_code == 403
        assert client.get(f"/targets?token={token.group(1)}").status_code == 200


def test_a_broken_decision_file_is_reported_not_overwritten(client: TestClient, root: Path) -> None:
    review = root / "entities" / "decisions" / "review.jsonl"
    review.write_text('{"kind": "evidence", "id": "x"\n', encoding="utf-8")
    page = client.get(f"/targets/{OSKAROV}")
    assert page.status_code == 500
    assert "review.jsonl:1" in page.text and "dossier decisions --check" in page.text
    refused = client.post(
        f"/targets/{OSKAROV}/target", data={"csrf": csrf(client), "is_target": "yes"}
    )
    assert refused.status_code == 500
    assert review.read_text(encoding="utf-8") == '{"kind": "evidence", "id": "x"\n'
