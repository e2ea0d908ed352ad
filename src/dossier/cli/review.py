"""Evidence and target review commands (targets, review)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
