"""Worker processes that inherit the parent's state (fork), for the two-core stages."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool


@contextmanager
def fork_pool(processes: int) -> Iterator[Pool]:
    """A pool of forked workers; they see the parent's objects without pickling.

    The parent's objects are first moved out of the garbage collector's reach
    (``gc.freeze``): otherwise every full collection in a worker walks the
    whole inherited heap (a million objects on a large corpus) and, by
    touching their reference counts, copies the pages they live on.
    """
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield pool
    finally:
        gc.unfreeze()
