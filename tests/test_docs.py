"""Docs that cannot drift: every command has help text and a README entry."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dossier.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:400]
    assert "make dossiers" in head and "make test" in head


def test_expected_commands_exist() -> None:
    for name in ("build", "export", "extract", "targets", "review", "show", "render"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_readme_entry(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help is not None and len(command.help.strip()) > 20, name
    assert f"`dossier {name}" in README, f"README lacks `dossier {name}`"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: main" in result.output or "Usage: dossier" in result.output
