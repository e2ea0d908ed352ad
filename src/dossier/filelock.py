"""An exclusive lock on a file's companion ``.lock`` file, across threads and processes.

Decision files are read, changed and written back whole. Two writers at once (two
browser tabs, a browser and a CLI command) would each write what they read plus
their own change, and one change would be lost; holding this lock around the
read-change-write makes every change land.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMEOUT = 30.0  # seconds to wait for another writer before giving up


class LockTimeoutError(RuntimeError):
    """Another writer held the lock for longer than the timeout."""


_THREAD_LOCKS: dict[Path, threading.Lock] = {}
_GUARD = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    # flock is per open file description, so threads of one process each open their
    # own descriptor and exclude one another too; the thread lock only avoids spinning.
    with _GUARD:
        return _THREAD_LOCKS.setdefault(path, threading.Lock())


@contextmanager
def locked(path: Path, timeout: float = TIMEOUT) -> Iterator[None]:
    """Hold the lock on ``<path>.lock`` for the block (waits up to ``timeout``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + timeout
    inner = _thread_lock(lock_path.resolve())
    if not inner.acquire(timeout=timeout):
        raise LockTimeoutError(f"{path} is being written by another thread; try again")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError as exc:
                    if time.monotonic() > deadline:
                        raise LockTimeoutError(
                            f"{path} is being written by another process (lock {lock_path})"
                        ) from exc
                    time.sleep(0.01)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        inner.release()
