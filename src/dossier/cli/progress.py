"""Progress shown on stderr while a long command runs."""

from __future__ import annotations

import sys
from typing import Any

import click


class ClickReporter:
    """Stage names on stderr, with a progress bar for stages that count items."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self._bar: Any = None

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.render_finish()
            self._bar = None

    def stage(self, name: str, total: int | None = None) -> None:
        self._close()
        if self.quiet:
            return
        if total is not None and total > 0 and sys.stderr.isatty():
            self._bar = click.progressbar(length=total, label=name, file=sys.stderr)
            self._bar.render_progress()
        else:
            click.echo(f"{name}…", err=True)

    def tick(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        self._close()
