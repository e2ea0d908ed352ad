"""Worker processes that inherit the parent's state (fork), for the two-core stages."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

S = TypeVar("S")
A = TypeVar("A")
R = TypeVar("R")

_SHARED: dict[str, tuple[Callable[[Any, Any], Any], Any]] = {}  # what forked workers call


@contextmanager
def forked_map(
    function: Callable[[S, A], R], shared: S, tasks: Sequence[A], processes: int
) -> Iterator[Iterator[R]]:
    """``function(shared, task)`` for every task, in order, as the results come.

    With more than one process, forked workers compute them: ``shared`` reaches
    them by inheritance and is never pickled (only tasks and results are). The
    workers start when the block is entered, so the caller may do other work
    before reading the results. The parent's objects are first moved out of the
    garbage collector's reach (``gc.freeze``): otherwise every full collection
    in a worker walks the whole inherited heap (a million objects on a large
    corpus) and, by touching reference counts, copies the pages they live on.
    """
    if processes <= 1:
        yield (function(shared, task) for task in tasks)
        return
    _SHARED["call"] = (function, shared)
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield pool.imap(_call, tasks)
    finally:
        gc.unfreeze()
        _SHARED.clear()


def _call(task: Any) -> Any:
    function, shared = _SHARED["call"]
    return function(shared, task)


def fork_child(
    target: Callable[..., None], *args: Any, duplex: bool
) -> tuple[Connection, Any] | None:
    """A daemon child forked to run ``target(connection, *args)``, and this process's end
    of the pipe to it; None where processes cannot be forked (the caller then does the
    work itself). ``duplex``: whether this process also sends on the pipe."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=duplex)
    process = context.Process(target=target, args=(child, *args), daemon=True)
    process.start()
    child.close()
    return parent, process


def stop_child(conn: Connection | None, process: Any) -> None:
    """Close a child's end of the pipe and stop the child now (``fork_child``'s pair)."""
    if conn is not None:
        conn.close()
    if process is not None:
        if process.is_alive():
            process.terminate()
        process.join()
