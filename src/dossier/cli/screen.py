"""Screening commands (screen targets against sanctions and PEP data)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
