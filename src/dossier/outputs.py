"""Staged outputs and the commit journal: a build replaces entities/ and dossiers/ whole.

A build writes every output into a staging folder inside each output folder
(``<out>/.dossier-staging/``), so the finished files never sit half-written
next to the previous build's. Then it commits:

1. the plan (every staged file -> its final path, and every file of the
   previous build that is no longer produced) is written atomically to the
   journal ``<cache>/commit.json``; writing it is the commit point;
2. the staged files are renamed into place (``os.replace``, atomic per file)
   and the stale files removed; each folder's manifest
   (``.dossier-outputs.json``, the list of generated files) goes last;
3. the journal is removed.

If the build dies before step 1, the output folders still hold the complete
previous build (the staging folder is cleared by the next build). If it dies
after, ``recover`` (run at the start of every build, under the build lock)
replays the journal, which is idempotent, and the folders hold the complete new
build. Files the build does not generate (``entities/decisions/``) are never
touched.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier import atomic

log = logging.getLogger(__name__)

JOURNAL = "commit.json"
STAGING = ".dossier-staging"
OUTPUTS_MANIFEST = ".dossier-outputs.json"


class JournalError(RuntimeError):
    """The commit journal cannot be read: outputs may be a mix of two builds."""


@dataclass
class OutputFolder:
    """One output folder (entities/ or dossiers/) and its staging folder."""

    final: Path
    keep: set[str] = field(default_factory=set)  # unchanged files left in place
    legacy: set[str] = field(default_factory=set)  # generated files of older builds
    input_key: str = ""  # hash of what the folder's files were made from, if known

    @property
    def staging(self) -> Path:
        return self.final / STAGING

    def reset(self) -> Path:
        """An empty staging folder."""
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        return self.staging


def generated_files(final: Path) -> set[str]:
    """The files the last committed build wrote into ``final`` (relative POSIX paths)."""
    path = final / OUTPUTS_MANIFEST
    if not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        log.warning("ignoring unreadable %s", path)
        return set()
    files = data.get("files", []) if isinstance(data, dict) else []
    return {f for f in files if isinstance(f, str) and _safe_relative(f)}


def unchanged_outputs(final: Path, input_key: str) -> set[str] | None:
    """The files of the last build if it was made from ``input_key`` and is untouched."""
    data = read_json_object(final / OUTPUTS_MANIFEST)
    hashes = data.get("sha256")
    if input_key == "" or data.get("input") != input_key or not isinstance(hashes, dict):
        return None
    files = generated_files(final)
    for name in files:
        path = final / name
        if not path.is_file() or hashes.get(name) != _sha256(path):
            return None
    return files


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _safe_relative(name: str) -> bool:
    parts = Path(name).parts
    return (
        len(parts) > 0
        and not Path(name).is_absolute()
        and ".." not in parts
        and parts[0] != STAGING
        and name != OUTPUTS_MANIFEST
    )


def _staged(folder: OutputFolder) -> list[str]:
    return sorted(
        p.relative_to(folder.staging).as_posix()
        for p in folder.staging.rglob("*")
        if p.is_file() and p.name != OUTPUTS_MANIFEST
    )


def commit(cache_dir: Path, folders: Sequence[OutputFolder]) -> None:
    """Move every staged file into place through the journal (see the module docstring)."""
    moves: list[tuple[str, str]] = []
    last: list[tuple[str, str]] = []
    deletes: list[str] = []
    for folder in folders:
        staged = _staged(folder)
        produced = set(staged) | folder.keep
        previous = generated_files(folder.final) | folder.legacy
        hashes = {
            n: _sha256(folder.staging / n if n in staged else folder.final / n)
            for n in sorted(produced)
        }
        manifest = (
            json.dumps(
                {"files": sorted(produced), "input": folder.input_key, "sha256": hashes},
                indent=1,
            )
            + "\n"
        )
        atomic.write_text(folder.staging / OUTPUTS_MANIFEST, manifest)
        moves.extend((str(folder.staging / n), str(folder.final / n)) for n in staged)
        deletes.extend(str(folder.final / n) for n in sorted(previous - produced))
        last.append((str(folder.staging / OUTPUTS_MANIFEST), str(folder.final / OUTPUTS_MANIFEST)))
    journal = {"moves": moves + last, "deletes": deletes}
    atomic.write_text(cache_dir / JOURNAL, json.dumps(journal, indent=1) + "\n")
    apply_journal(cache_dir)
    clear_staging(folders)


def apply_journal(cache_dir: Path) -> bool:
    """Finish a committed build if its journal is there; True if there was one."""
    path = cache_dir / JOURNAL
    if not path.is_file():
        return False
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
        moves = [(Path(a), Path(b)) for a, b in journal["moves"]]
        deletes = [Path(d) for d in journal["deletes"]]
    except (OSError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        raise JournalError(
            f"the build journal {path} cannot be read ({exc}); run `dossier build --fresh`"
        ) from exc
    touched: set[Path] = set()
    for delete in deletes:
        delete.unlink(missing_ok=True)
        touched.add(delete.parent)
    for source, target in moves:
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        touched.add(target.parent)
    for folder in sorted(touched):
        atomic.fsync_dir(folder)
    path.unlink()
    atomic.fsync_dir(cache_dir)
    return True


def recover(cache_dir: Path, finals: Iterable[Path]) -> bool:
    """Complete a build that died after its commit point; clear unfinished staging.

    Returns True if a committed build was completed.
    """
    completed = apply_journal(cache_dir)
    if completed:
        log.warning("completed the outputs of a build that was interrupted while committing")
    for final in finals:
        staging = final / STAGING
        if staging.exists():
            shutil.rmtree(staging)
    return completed


def clear_staging(folders: Iterable[OutputFolder]) -> None:
    for folder in folders:
        if folder.staging.exists():
            shutil.rmtree(folder.staging)


def read_json_object(path: Path) -> Mapping[str, object]:
    """A JSON object from ``path``, or {} if missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
