"""The per-document work on a Dask cluster gives the same bytes as local processes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.build import QuietReporter, run_build
from dossier.executor import DaskExecutor, ExecutorError, LocalExecutor, open_executor
from dossier.settings import Settings, SettingsError
from tests.conftest import SEEDS

SMALL = ("002_20b2ab74bc0c4165.txt", "003_cdec0f7c57f8d953.txt")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A two-worker LocalCluster in this process (threads), small and quick to start."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield str(local.scheduler_address)


def _build(root: Path, monkeypatch: pytest.MonkeyPatch, scheduler: str | None) -> Path:
    out = root / ("dask" if scheduler else "local")
    for name, value in {
        "DOSSIER_SEEDS_DIR": str(root / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(out / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(out / "dossiers"),
        "DOSSIER_CACHE_DIR": str(out / "cache"),
        "SOURCE_DATE_EPOCH": "1700000000",
    }.items():
        monkeypatch.setenv(name, value)
    if scheduler is None:
        monkeypatch.delenv("DOSSIER_DASK_SCHEDULER", raising=False)
    else:
        monkeypatch.setenv("DOSSIER_DASK_SCHEDULER", scheduler)
    result = run_build(Settings.from_env(), QuietReporter(), fresh=True)
    assert len(result.dossiers) > 0
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_dask_cluster_builds_the_same_bytes_as_local_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: str, nlp: Language
) -> None:
    (tmp_path / "seeds").mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / name, tmp_path / "seeds")
        shutil.copy(SEEDS / f"{name}.meta.json", tmp_path / "seeds")
    local = _build(tmp_path, monkeypatch, None)
    dask = _build(tmp_path, monkeypatch, cluster)
    for part in ("entities", "dossiers"):
        expected, got = _files(local / part), _files(dask / part)
        assert sorted(got) == sorted(expected) and len(expected) > 1
        assert got == expected, part


def test_executor_map_keeps_task_order(cluster: str) -> None:
    with open_executor(cluster) as executor:
        assert isinstance(executor, DaskExecutor)
        with executor.map(_scaled, 10, list(range(12)), 2) as results:
            assert list(results) == [10 * n for n in range(12)]
    with open_executor(None) as local:
        assert isinstance(local, LocalExecutor)
        with local.map(_scaled, 3, [1, 2, 3], 2) as results:
            assert list(results) == [3, 6, 9]


def _scaled(factor: int, n: int) -> int:
    return factor * n


def test_unreachable_scheduler_is_a_clear_error() -> None:
    message = r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    with pytest.raises(ExecutorError, match=message), open_executor("tcp://127.0.0.1:9", timeout=2):
        pass


def test_scheduler_setting_is_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_DASK_SCHEDULER", "localhost:8786")
    with pytest.raises(SettingsError, match="tcp://host:8786"):
        Settings.from_env()
    monkeypatch.setenv("DOSSIER_DASK_SCHEDULER", "tcp://10.0.0.5:8786")
    assert Settings.from_env().dask_scheduler == "tcp://10.0.0.5:8786"
