"""The "rebuild dossier" action: ``dossier build`` in a child process, with progress.

The child runs the same ``run_build`` as the CLI (and takes the same build lock)
and reports each stage as a JSON line on stdout; the server keeps the latest
state for the page to poll. Only one rebuild runs at a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, replace
from typing import TextIO

from dossier.settings import Settings


@dataclass(frozen=True)
class RebuildStatus:
    state: str = "idle"  # idle, running, done, failed
    stage: str = ""
    done: int = 0
    total: int = 0
    message: str = ""
    finished: float = 0.0  # time.time() when it ended
    run: int = 0  # how many rebuilds this server has started

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives the child the same settings as this server."""
    env = dict(os.environ)
    env.update(
        {
            "DOSSIER_SEEDS_DIR": str(settings.seeds_dir),
            "DOSSIER_ENTITIES_DIR": str(settings.entities_dir),
            "DOSSIER_DOSSIERS_DIR": str(settings.dossiers_dir),
            "DOSSIER_TEMPLATES_DIR": str(settings.templates_dir),
            "DOSSIER_CACHE_DIR": str(settings.cache_dir),
            "DOSSIER_DATABASE_URL": settings.database_url,
            "DOSSIER_SPACY_MODEL": settings.spacy_model,
            "DOSSIER_MAX_TEXT_BYTES": str(settings.max_text_bytes),
            "DOSSIER_DATASET": settings.dataset,
            "DOSSIER_ORGANISATION": settings.organisation,
        }
    )
    return env


class Rebuilder:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._status = RebuildStatus()
        self._thread: threading.Thread | None = None

    def status(self) -> RebuildStatus:
        with self._lock:
            return self._status

    def start(self) -> RebuildStatus:
        """Start a rebuild unless one is running; the status either way."""
        with self._lock:
            if self._status.state == "running":
                return self._status
            self._status = RebuildStatus("running", "Starting", run=self._status.run + 1)
            self._thread = threading.Thread(target=self._run, name="dossier-rebuild", daemon=True)
            self._thread.start()
            return self._status

    def wait(self, timeout: float | None = None) -> RebuildStatus:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.status()

    def _update(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]

    def _run(self) -> None:
        command = [sys.executable, "-m", "dossier.web.rebuild"]
        message = ""
        # stderr goes to a file: a pipe nobody reads while stdout is read could fill up.
        with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
            try:
                child = subprocess.Popen(
                    command,
                    stdout=subprocess.PIPE,
                    stderr=errors,
                    text=True,
                    env=settings_env(self.settings),
                )
            except OSError as exc:
                self._update(state="failed", message=str(exc), finished=time.time())
                return
            with child:
                assert child.stdout is not None
                for line in child.stdout:
                    message = self._event(line, message)
            code = child.returncode
            errors.seek(0)
            last = errors.read().strip().splitlines()[-1:]
        if code == 0:
            self._update(state="done", stage="Done", message=message, finished=time.time())
        else:
            text = message or (last[0] if len(last) > 0 else f"exit code {code}")
            self._update(state="failed", message=text, finished=time.time())

    def _event(self, line: str, message: str) -> str:
        """Apply one progress line; returns the message to show at the end."""
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            return message
        if not isinstance(event, dict):
            return message
        if "stage" in event:
            self._update(stage=str(event["stage"]), done=0, total=int(event.get("total") or 0))
        elif "tick" in event:
            with self._lock:
                self._status = replace(self._status, done=self._status.done + 1)
        elif "error" in event:
            return str(event["error"])
        elif "done" in event:
            return str(event.get("message", ""))
        return message


class JsonReporter:
    """The child's progress, one JSON object per line on stdout."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def _emit(self, event: dict[str, object]) -> None:
        self.out.write(json.dumps(event) + "\n")
        self.out.flush()

    def stage(self, name: str, total: int | None = None) -> None:
        self._emit({"stage": name, "total": total})

    def tick(self) -> None:
        self._emit({"tick": 1})


def main() -> int:
    """The child process: one build, reported as JSON lines."""
    from dossier.build import BuildLockedError, run_build
    from dossier.review import ReviewError

    reporter = JsonReporter(sys.stdout)
    try:
        result = run_build(Settings.from_env(), reporter)
    except (BuildLockedError, ReviewError, FileNotFoundError, ValueError) as exc:
        reporter._emit({"error": str(exc)})
        return 1
    refused = len(result.errors)
    reporter._emit(
        {
            "done": True,
            "message": f"{len(result.dossiers)} dossiers rendered"
            + (f"; {refused} source files refused" if refused > 0 else ""),
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
