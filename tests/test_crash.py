"""Crash-safe builds: SIGKILL at random points, the commit journal, the build lock."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier import outputs
from dossier.build import build_lock
from dossier.cli import main
from dossier.outputs import STAGING, OutputFolder, commit, recover
from tests.conftest import ROOT, SEEDS

Snapshot = dict[str, bytes]


def snapshot(*folders: Path) -> Snapshot:
    """Every file under ``folders`` except work in progress (staging)."""
    files: Snapshot = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder.parent)
            if path.is_file() and STAGING not in rel.parts:
                files[rel.as_posix()] = path.read_bytes()
    return files


# --- the journal, crash after every step ---------------------------------------------


def _stage(folder: OutputFolder, files: dict[str, str]) -> None:
    staging = folder.reset()
    for name, content in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text(content)


OLD = {"a.txt": "old a", "targets/x.json": "old x", "stale.txt": "old stale"}
NEW = {"a.txt": "new a", "targets/x.json": "new x", "targets/y.json": "new y"}


def _old_state(root: Path) -> tuple[Path, Path]:
    cache, out = root / "cache", root / "out"
    cache.mkdir(parents=True)
    (out / "decisions").mkdir(parents=True)
    (out / "decisions" / "review.jsonl").write_text('{"human": "decision"}\n')
    folder = OutputFolder(out)
    _stage(folder, OLD)
    commit(cache, [folder])
    return cache, out


def test_commit_writes_a_first_build(tmp_path: Path) -> None:
    cache, out = _old_state(tmp_path)
    assert not (out / STAGING).exists() or list((out / STAGING).iterdir()) == []
    assert not (cache / outputs.JOURNAL).exists()
    assert (out / "stale.txt").read_text() == "old stale"


@pytest.mark.parametrize("crash_after", range(6))
def test_a_crash_during_commit_is_completed_by_recovery(
    tmp_path: Path, crash_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, out = _old_state(tmp_path)
    old = snapshot(out)
    folder = OutputFolder(out)
    _stage(folder, NEW)
    real_replace = os.replace
    calls = {"n": 0}

    def dying_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if calls["n"] >= crash_after and not str(dst).endswith(outputs.JOURNAL):
            raise KeyboardInterrupt("simulated crash")
        calls["n"] += 1
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        commit(cache, [folder])
    monkeypatch.setattr(outputs.os, "replace", real_replace)
    committed = (cache / outputs.JOURNAL).exists()
    recover(cache, [out])
    after = snapshot(out)
    expected = {f"out/{k}": v.encode() for k, v in NEW.items()}
    expected["out/decisions/review.jsonl"] = b'{"human": "decision"}\n'
    if committed:
        assert {k: v for k, v in after.items() if ".dossier-outputs" not in k} == expected
    else:
        assert after == old
    assert not (out / STAGING).exists()


def test_an_unreadable_journal_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / outputs.JOURNAL).write_text("{not json")
    with pytest.raises(outputs.JournalError, match="dossier build --fresh"):
        recover(tmp_path, [])


# --- the lock ---------------------------------------------------------------------


def test_a_second_build_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    env = {
        "DOSSIER_SEEDS_DIR": str(tmp_path / "seeds"),
        "DOSSIER_ENTITIES_DIR": str(tmp_path / "entities"),
        "DOSSIER_DOSSIERS_DIR": str(tmp_path / "dossiers"),
        "DOSSIER_CACHE_DIR": str(tmp_path / "cache"),
    }
    with build_lock(tmp_path / "cache"):
        result = CliRunner().invoke(main, ["build"], env=env)
    assert result.exit_code == 1
    assert "another build is running" in result.output
    assert "wait for it to finish" in result.output
    assert not (tmp_path / "entities").exists()


# --- SIGKILL at random points ---------------------------------------------------------

CORPORA = {
    "a": ("002_20b2ab74bc0c4165.txt", "003_cdec0f7c57f8d953.txt"),
    "b": ("002_20b2ab74bc0c4165.txt", "000_ae5bf13b7d37ae8e.txt"),
}
KILLS = 5
BUDGET_S = 90.0


def _env(root: Path, corpus: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DOSSIER_SEEDS_DIR": str(root / f"seeds-{corpus}"),
            "DOSSIER_ENTITIES_DIR": str(root / "entities"),
            "DOSSIER_DOSSIERS_DIR": str(root / "dossiers"),
            "DOSSIER_CACHE_DIR": str(root / "cache"),
            "SOURCE_DATE_EPOCH": "1700000000",
        }
    )
    return env


def _start(root: Path, corpus: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "dossier"), "-q", "build"],
        env=_env(root, corpus),
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _complete(root: Path, corpus: str) -> float:
    started = time.perf_counter()
    proc = _start(root, corpus)
    assert proc.wait(timeout=300) == 0
    return time.perf_counter() - started


def test_sigkill_leaves_the_old_or_the_new_build_whole(tmp_path: Path) -> None:
    for corpus, names in CORPORA.items():
        folder = tmp_path / f"seeds-{corpus}"
        folder.mkdir()
        for name in names:
            shutil.copy(SEEDS / name, folder)
            shutil.copy(SEEDS / f"{name}.meta.json", folder)
    shutil.copytree(ROOT / "entities" / "decisions", tmp_path / "entities" / "decisions")
    decisions = snapshot(tmp_path / "entities" / "decisions")
    dirs = (tmp_path / "entities", tmp_path / "dossiers")
    versions: dict[str, Snapshot] = {}
    durations: dict[str, float] = {}
    for corpus in ("a", "b"):
        durations[corpus] = _complete(tmp_path, corpus)
        versions[corpus] = snapshot(*dirs)
    assert versions["a"] != versions["b"]
    assert any(name.endswith(".pdf") for name in versions["a"])
    current, rng = "b", random.Random(8)
    started = time.perf_counter()
    outcomes: list[str] = []
    for _ in range(KILLS):
        if time.perf_counter() - started > BUDGET_S:
            break
        target = "a" if current == "b" else "b"
        # The build switching corpora re-renders; the kill lands anywhere in it.
        proc = _start(tmp_path, target)
        time.sleep(rng.uniform(0.2, durations[target]))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        raw = snapshot(*dirs)
        # Every file is whole: one version's bytes, never a mixture or a truncation.
        for name, data in raw.items():
            assert data in (versions["a"].get(name), versions["b"].get(name)), name
        assert snapshot(tmp_path / "entities" / "decisions") == decisions
        recover(tmp_path / "cache", dirs)
        state = snapshot(*dirs)
        assert state in (versions["a"], versions["b"]), sorted(
            set(state.items()) ^ set(versions[target].items())
        )[:3]
        current = "a" if state == versions["a"] else "b"
        outcomes.append("new" if current == target else "old")
    assert len(outcomes) >= 3
    # Whatever was killed, the next build completes and is the full new version.
    _complete(tmp_path, "a")
    assert snapshot(*dirs) == versions["a"]
