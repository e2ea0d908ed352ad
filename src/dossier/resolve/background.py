"""Resolution in a process of its own, started while the documents are still being parsed.

The first person name a run compares loads rigour's name tagger
(``parts.name_symbols``): about 8 s of one core, spent inside Rust with
Python's global lock held, so a thread cannot overlap it with anything. A
build that resolves in its own process pays it on the critical path, after
extraction and before anything can be exported.

``BackgroundResolver`` forks a child process as soon as the build knows that
resolution will not come from its cache (before the spaCy pass). The child
loads the tagger at once, at a lower priority, so it takes the core time the
parse and the decisions leave idle (the longest document keeps one core busy
while the other has finished its share), then waits. When the extraction is
done the build sends it the catalog entries and the decisions
(``resolve_entries``'s arguments, plain data) and gets back the
``Resolution``: the same function on the same inputs, so the same result as
resolving in the build's process. Errors raised in the child (a malformed
decision, a database that cannot be reached) are raised again in the build.

The child warms up even when the last build's symbols were kept
(``dossier.resolve.symbols``), since the new documents may bring a name token
they lack. When every person-name token of the catalog turns out to be known
(``symbols.all_known``), the tagger would never load: the build stops the
child, warming or not, and resolves in its own process without waiting.

Where processes cannot be forked (not Linux or macOS), or when the child
dies, resolution runs in the build's process as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from dossier.cache import CacheStore
from dossier.forking import fork_child, stop_child
from dossier.resolve import symbols
from dossier.resolve.catalog import CatalogEntry
from dossier.resolve.decisions import Decision

log = logging.getLogger(__name__)

WARM_NICENESS = 4  # the child loads the tagger this much nicer, then returns to normal
_WARM_TOKEN = "Alexander"  # any given name: the tagger loads on the first one


def warm_up() -> None:
    """Load what the first name comparison of a run loads (rigour's person-name tagger)."""
    from dossier.resolve.parts import name_symbols

    name_symbols(_WARM_TOKEN)


class BackgroundResolver:
    """A forked child that warms up now and resolves later (see the module docstring).

    Use as a context manager; ``resolve_entries`` may be called once.
    """

    def __init__(self, warm: bool = True, keep: CacheStore | None = None) -> None:
        """``warm``: load the tagger while waiting; ``keep``: the cache the child keeps
        the name symbols it found in (``dossier.resolve.symbols``)."""
        self._conn: Connection | None = None
        self._process: Any = None
        self._priority = _priority()
        forked = fork_child(_serve, warm, keep, duplex=True)
        if forked is not None:
            self._conn, self._process = forked

    def __enter__(self) -> BackgroundResolver:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the child if it is still waiting (nothing to resolve, or an error)."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        if process is not None:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()

    def discard(self) -> None:
        """Stop the child now, warming up or not: the build resolves without it."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        stop_child(conn, process)

    def resolve_entries(
        self,
        entries: Sequence[CatalogEntry],
        decisions: Sequence[Decision],
        database_url: str,
        score: bool = True,
    ) -> Any:
        """``dossier.resolve.resolve_entries`` in the child (here, if there is none)."""
        from dossier.resolve import resolve_entries

        conn = self._conn
        if conn is None:
            return resolve_entries(entries, decisions, database_url, score)
        if self._priority is not None:  # the build now waits for it: full speed
            _set_priority(self._process.pid, self._priority)
        try:
            conn.send((list(entries), list(decisions), database_url, score))
            status, value = conn.recv()
        except (OSError, EOFError) as exc:
            log.warning("the resolution process stopped (%s); resolving here", exc)
            self.close()
            return resolve_entries(entries, decisions, database_url, score)
        self.close()
        if status == "error":
            raise value
        return value


def _serve(conn: Connection, warm: bool = True, keep: CacheStore | None = None) -> None:
    """The child: warm up at low priority, then resolve one request (or none)."""
    priority = _priority()
    if warm:
        if priority is not None:
            _set_priority(os.getpid(), priority + WARM_NICENESS)
        started = time.perf_counter()
        try:
            warm_up()
        except Exception as exc:  # the real call reports it, with the inputs that cause it
            log.debug("warming up the name tagger failed: %s", exc)
        log.debug("name tagger loaded in %.1f s", time.perf_counter() - started)
        if priority is not None:
            _set_priority(os.getpid(), priority)
    try:
        request = conn.recv()
    except EOFError:
        return
    if request is None:
        return
    from dossier.resolve import resolve_entries

    started = time.perf_counter()
    try:
        reply: tuple[str, object] = ("ok", resolve_entries(*request))
        log.debug("resolved in %.1f s", time.perf_counter() - started)
        if keep is not None:
            symbols.save(keep)
    except Exception as exc:
        reply = ("error", exc)
    try:
        conn.send(reply)
    except (pickle.PicklingError, TypeError, AttributeError):
        error = reply[1]
        conn.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    conn.close()


def _priority() -> int | None:
    """This process's niceness, or None where it cannot be read."""
    try:
        return os.getpriority(os.PRIO_PROCESS, 0)
    except (OSError, AttributeError):
        return None


def _set_priority(pid: int, niceness: int) -> None:
    """Set a process's niceness, where this process may (raising it back may need rights)."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
