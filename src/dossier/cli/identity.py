"""Identity review commands (dedupe, merge, no-match, split, decisions)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
