"""Where the per-document work runs: this machine's cores, or a Dask cluster.

Three stages do the same work for every document or dossier: parse and
collect name candidates, decide mentions and claims, render a PDF. They run
through an ``Executor``:

- ``LocalExecutor`` (the default): forked worker processes on this machine
  (``dossier.forking``); the shared state reaches them by inheritance.
- ``DaskExecutor``: the workers of a Dask distributed cluster, when
  ``DOSSIER_DASK_SCHEDULER`` names its scheduler (``tcp://host:8786``). The
  shared state is scattered to every worker once (``Client.scatter``), each
  task is a ``Client.map`` future, and results come back in task order.

Either way ``map(function, shared, tasks)`` yields ``function(shared, task)``
for every task, in order, and the build's outputs are the same bytes. The
corpus-wide steps (gazetteer, resolution, export) stay in the build's own
process. What crosses the wire to Dask workers is plain data (documents,
parses as spaCy ``DocBin`` bytes, candidate views, extraction results,
entity records, rendered PDF bytes); workers load the spaCy pipeline by name
themselves and never see the build's folders.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from dossier.forking import forked_map

log = logging.getLogger(__name__)

S = TypeVar("S")
A = TypeVar("A")
R = TypeVar("R")

# Dask runs tasks in threads (several per worker, or in-process with processes=False);
# spaCy's vocabulary and WeasyPrint are not safe to share between threads, so the
# worker functions hold this lock around them. In a process of its own it is free.
SERIAL = threading.Lock()


class ExecutorError(RuntimeError):
    """The configured cluster cannot be reached or a worker cannot do the work."""


class Executor(Protocol):
    """Runs ``function(shared, task)`` for many tasks (see the module docstring)."""

    name: str

    def map(
        self, function: Callable[[S, A], R], shared: S, tasks: Sequence[A], processes: int
    ) -> Any:
        """A context manager yielding an iterator of results in task order.

        ``processes`` is how many local processes the caller thinks the work is
        worth; a cluster ignores it.
        """
        ...


class LocalExecutor:
    """Forked processes on this machine (``forking.forked_map``)."""

    name = "local"

    def map(
        self, function: Callable[[S, A], R], shared: S, tasks: Sequence[A], processes: int
    ) -> Any:
        return forked_map(function, shared, tasks, processes)


class DaskExecutor:
    """The workers of a ``distributed.Client``."""

    name = "dask"

    def __init__(self, client: Any) -> None:
        self.client = client

    @contextmanager
    def map(
        self, function: Callable[[S, A], R], shared: S, tasks: Sequence[A], processes: int
    ) -> Iterator[Iterator[R]]:
        if len(tasks) == 0:
            yield iter(())
            return
        shared_future = self.client.scatter(shared, broadcast=True, hash=False)
        futures = self.client.map(
            function, [shared_future] * len(tasks), list(tasks), pure=False
        )
        try:
            yield (future.result() for future in futures)
        finally:
            self.client.cancel([*futures, shared_future])


@contextmanager
def open_executor(scheduler: str | None, timeout: float = 30.0) -> Iterator[Executor]:
    """The executor for ``DOSSIER_DASK_SCHEDULER``: local processes when it is unset."""
    if scheduler is None or scheduler.strip() == "":
        yield LocalExecutor()
        return
    import distributed

    make_client: Any = distributed.Client  # untyped in distributed
    try:
        client: Any = make_client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(
            f"cannot reach the Dask scheduler at {scheduler} (DOSSIER_DASK_SCHEDULER): {exc}; "
            "start it with `dask scheduler` or unset the variable to work locally"
        ) from exc
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as exc:
            raise ExecutorError(
                f"the Dask scheduler at {scheduler} has no workers after {timeout:.0f} s; "
                "start some with `dask worker " + scheduler + " --nthreads 1`"
            ) from exc
        log.info("running per-document work on the Dask cluster at %s", scheduler)
        yield DaskExecutor(client)
    finally:
        client.close()
