"""Work done in a forked child while the build goes on (``dossier.aside``)."""

from __future__ import annotations

import os

import pytest

from dossier.aside import Aside


def test_the_child_does_the_work_and_sends_its_bytes() -> None:
    parent = os.getpid()
    with Aside(lambda: str(os.getpid()).encode()) as aside:
        done_by = int(aside.result())
    assert done_by != parent


def test_a_failing_child_is_replaced_by_the_work_done_here(
    caplog: pytest.LogCaptureFixture,
) -> None:
    parent = os.getpid()
    calls: list[int] = []

    def work() -> bytes:
        calls.append(os.getpid())
        if os.getpid() != parent:
            raise ValueError("no disk in the child")
        return b"done here"

    with Aside(work) as aside:
        assert aside.result() == b"done here"
    assert calls == [parent]  # the child's call happened in its own memory
    assert "ValueError: no disk in the child" in caplog.text


def test_an_error_here_is_raised_here() -> None:
    def work() -> bytes:
        raise KeyError("missing")

    with Aside(work) as aside, pytest.raises(KeyError, match="missing"):
        aside.result()
