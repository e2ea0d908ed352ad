"""The resolver's store on SQLite (default) and PostgreSQL (``DOSSIER_DATABASE_URL``).

PostgreSQL runs when ``DOSSIER_TEST_DATABASE_URL`` names a server (``.ci/run``
starts one and sets it); without it those tests are skipped, except in CI
(``CI=true``), where a missing server is a failure.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from sqlalchemy import create_engine, text

from dossier.cli import main
from dossier.extract.corpus import extract_corpus
from dossier.ingest import ingest_dir
from dossier.model import Extraction
from dossier.resolve import Resolution, resolve
from dossier.resolve.resolver import TABLE
from tests.conftest import SEEDS

SMALL = ("002_20b2ab74bc0c4165.txt", "003_cdec0f7c57f8d953.txt")
PG_URL = os.environ.get("DOSSIER_TEST_DATABASE_URL", "").strip()


def _backends() -> list[object]:
    reason = (
        "no PostgreSQL server given: set DOSSIER_TEST_DATABASE_URL "
        "(e.g. postgresql://user:pass@127.0.0.1:5432/db; .ci/run starts one)"
    )
    in_ci = os.environ.get("CI", "").lower() == "true"
    marks = [] if PG_URL != "" or in_ci else [pytest.mark.skip(reason=reason)]
    return ["sqlite", pytest.param("postgresql", marks=marks)]


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'resolver.db'}"
    if PG_URL == "":
        pytest.fail("CI=true but DOSSIER_TEST_DATABASE_URL is not set: PostgreSQL must run in CI")
    assert PG_URL.startswith("postgresql")
    return PG_URL


@pytest.fixture(scope="module")
def small_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("storage-seeds")
    for name in SMALL:
        shutil.copy(SEEDS / name, folder)
        shutil.copy(SEEDS / f"{name}.meta.json", folder)
    return folder


@pytest.fixture(scope="module")
def extractions(small_seeds: Path, nlp: Language) -> list[Extraction]:
    sources, errors = ingest_dir(small_seeds, 10 * 1024 * 1024)
    assert errors == []
    return extract_corpus(sources, nlp)


@pytest.fixture(scope="module")
def reference(
    extractions: list[Extraction], tmp_path_factory: pytest.TempPathFactory
) -> Resolution:
    folder = tmp_path_factory.mktemp("reference")
    return resolve(extractions, folder / "identity.jsonl", f"sqlite:///{folder / 'ref.db'}")


def _rows(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT COUNT(*) FROM {TABLE}")).scalar_one())
    finally:
        engine.dispose()


def test_resolver_gives_the_same_identities_on_every_backend(
    database_url: str, extractions: list[Extraction], reference: Resolution, tmp_path: Path
) -> None:
    decisions = tmp_path / "identity.jsonl"
    first = resolve(extractions, decisions, database_url)
    assert first.canonical == reference.canonical
    assert [(p.left, p.right) for p in first.pending] == [
        (p.left, p.right) for p in reference.pending
    ]
    rows = _rows(database_url)
    assert rows > 0
    # The table is derived state: a second run rebuilds it, it never accumulates.
    second = resolve(extractions, decisions, database_url)
    assert second.canonical == first.canonical
    assert _rows(database_url) == rows


@pytest.fixture
def workspace(small_seeds: Path, tmp_path: Path) -> Iterator[Path]:
    shutil.copytree(small_seeds, tmp_path / "seeds")
    yield tmp_path


def test_export_through_the_cli_on_every_backend(
    database_url: str, workspace: Path, nlp: Language
) -> None:
    env = {
        "DOSSIER_SEEDS_DIR": str(workspace / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(workspace / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(workspace / "dossiers"),
        "DOSSIER_CACHE_DIR": str(workspace / "cache"),
        "DOSSIER_DATABASE_URL": database_url,
    }
    result = CliRunner().invoke(main, ["export"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "2 documents read, 0 refused" in result.output
    assert (workspace / "entities" / "entities.ftm.json").stat().st_size > 0
    assert _rows(database_url) > 0
    if database_url.startswith("sqlite"):
        assert not (workspace / "cache" / "resolver.db").exists()  # the URL was used


def _row_ids(url: str) -> list[int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            ids = conn.execute(text(f"SELECT id FROM {TABLE} ORDER BY id")).scalars()
            return [int(i) for i in ids]
    finally:
        engine.dispose()


def test_a_rebuild_rewrites_only_what_changed(
    database_url: str, extractions: list[Extraction], tmp_path: Path
) -> None:
    decisions = tmp_path / "identity.jsonl"
    resolve(extractions, decisions, database_url)
    ids = _row_ids(database_url)
    again = resolve(extractions, decisions, database_url)
    assert _row_ids(database_url) == ids  # same judgements: not one row rewritten
    # One document fewer: its rows go, the others stay as they were.
    fewer = resolve(extractions[:1], decisions, database_url)
    assert set(fewer.canonical) < set(again.canonical)
    kept = set(_row_ids(database_url))
    assert kept < set(ids)  # rows removed, none rewritten


def _postgres() -> str:
    if PG_URL == "":
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but DOSSIER_TEST_DATABASE_URL is not set")
        pytest.skip("no PostgreSQL server given: set DOSSIER_TEST_DATABASE_URL")
    return PG_URL


def test_a_build_waits_for_another_with_a_message(
    extractions: list[Extraction],
    reference: Resolution,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import threading
    import time

    from dossier.resolve.resolver import LOCK_KEY

    url = _postgres()
    engine = create_engine(url)
    results: list[Resolution] = []
    try:
        with engine.connect() as other:  # another build, half-way through publishing
            other.execute(text(f"SELECT pg_advisory_xact_lock({LOCK_KEY})"))
            with caplog.at_level(logging.WARNING, logger="dossier.resolve.resolver"):
                worker = threading.Thread(
                    target=lambda: results.append(
                        resolve(extractions, tmp_path / "identity.jsonl", url)
                    )
                )
                worker.start()
                deadline = time.monotonic() + 120
                while "waiting for it to finish" not in caplog.text:
                    assert time.monotonic() < deadline, "the second build never said it waits"
                    time.sleep(0.2)
                assert results == []  # it waits
                other.commit()  # the other build is done
                worker.join(timeout=120)
        assert "another build is writing the resolver table dossier_identity" in caplog.text
        assert "***" in caplog.text or "dossier:dossier@" not in caplog.text  # no password
        assert len(results) == 1 and results[0].canonical == reference.canonical
    finally:
        engine.dispose()


def test_two_builds_at_once_on_one_database(small_seeds: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    url = _postgres()
    runs = []
    for name in ("alice", "bob"):
        root = tmp_path / name
        shutil.copytree(small_seeds, root / "seeds")
        env = {
            **os.environ,
            "DOSSIER_SEEDS_DIR": str(root / "seeds"),
            "DOSSIER_ENTITIES_DIR": str(root / "entities"),
            "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
            "DOSSIER_CACHE_DIR": str(root / "cache"),
            "DOSSIER_DATABASE_URL": url,
        }
        command = [sys.executable, "-c", "from dossier.cli import main; main()", "export"]
        pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        runs.append((root, subprocess.Popen(command, env=env, **pipes)))  # type: ignore[call-overload]
    outputs = []
    for root, process in runs:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err.decode()
        assert b"2 documents read, 0 refused" in out
        outputs.append((root / "entities" / "entities.ftm.json").read_bytes())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 0
    assert _rows(url) > 0
