"""One piece of work in a forked child process while this process goes on with another.

``Aside(work)`` forks a child that runs ``work()`` (which returns plain bytes)
and sends the bytes back; ``result()`` waits for them. The build publishes
aside while it renders: on a build that adds one document, rendering is
mostly a check of what each dossier read, and publishing the statements and
summaries would otherwise wait for it on one core.

Where processes cannot be forked, or when the child fails (its error is
logged), ``result()`` runs ``work()`` in this process instead, so its errors
are raised here with their own traceback, and a failed child costs only time.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from dossier.forking import fork_child, stop_child

log = logging.getLogger(__name__)


class Aside:
    """``work()`` in a forked child; use as a context manager, call ``result()`` once."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._conn: Connection | None = None
        self._process: Any = None
        forked = fork_child(_serve, work, duplex=False)
        if forked is not None:
            self._conn, self._process = forked

    def __enter__(self) -> Aside:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        stop_child(conn, process)

    def result(self) -> bytes:
        """The bytes ``work()`` returned, from the child or, failing that, from here."""
        conn = self._conn
        if conn is not None:
            try:
                reply = conn.recv_bytes()
            except (OSError, EOFError) as exc:
                reply = b"-" + f"the child stopped ({exc})".encode()
            self.close()
            if reply.startswith(b"+"):
                return reply[1:]
            log.warning("work done aside failed (%s); doing it here", reply[1:].decode())
        return self._work()


def _serve(conn: Connection, work: Callable[[], bytes]) -> None:
    try:
        reply = b"+" + work()  # bytes only: nothing is pickled
    except BaseException as exc:  # reported in the parent, which does the work again
        reply = b"-" + f"{type(exc).__name__}: {exc}".encode()
    with contextlib.suppress(OSError):
        conn.send_bytes(reply)
    conn.close()
    os._exit(0)  # nothing of the parent's (pools, atexit handlers) runs in the child
