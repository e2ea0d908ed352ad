"""Commands that show and render what the build produced (show, render, letter)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
