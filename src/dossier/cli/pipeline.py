"""Commands that run pipeline stages (build, extract, export)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
