"""Reading a JSON-lines decision file as a team edits it in git.

Both decision files (``entities/decisions/identity.jsonl`` and
``review.jsonl``) are one JSON object per line. Two reviewers who decide at
the same time merge their branches, and git may stop with a conflict: it
leaves ``<<<<<<<``, ``=======`` and ``>>>>>>>`` marker lines in the file.
``json_lines`` reads a file strictly and turns every problem into a
``DecisionFileError`` that names the file and line (``file:line: what``), with
how to resolve a conflict when it finds markers, so a command can print one
line and exit 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


class DecisionFileError(ValueError):
    """A decision file (or one of its lines) that cannot be used; the message names it."""


def conflict_marker(line: str) -> str | None:
    """The git conflict marker ``line`` starts with, if any."""
    for marker in CONFLICT_MARKERS:
        if line.startswith(marker) and (len(line) == len(marker) or line[len(marker)] in " \t"):
            return marker
    return None


def conflict_message(where: str, marker: str) -> str:
    return (
        f"{where}: git conflict marker {marker!r}: the file is in the middle of a merge; "
        "keep the decision lines you want from both sides, delete the marker lines, "
        "then run `dossier decisions --check`"
    )


def _rows(
    path: Path, error: type[DecisionFileError] = DecisionFileError
) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """``(where, object or problem)`` per non-blank line; file-level problems raise."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise error(f"{path}: cannot be read: {exc.strerror}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == "":
            continue
        where = f"{path}:{number}"
        marker = conflict_marker(line)
        if marker is not None:
            yield where, conflict_message(where, marker)
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        yield where, row if isinstance(row, dict) else f"{where}: expected a JSON object"


def json_lines(
    path: Path, error: type[DecisionFileError] = DecisionFileError
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` for every non-blank line of ``path`` (none if it is absent).

    ``where`` is ``<path>:<line>``. A conflict marker, a line that is not
    JSON or not an object, or an unreadable file raises ``error`` (a
    ``DecisionFileError``).
    """
    for where, row in _rows(path, error):
        if isinstance(row, str):
            raise error(row)
        yield where, row


def problems(path: Path, parse: Callable[[dict[str, Any], str], object]) -> list[str]:
    """Every problem in ``path``, one message each (``file:line: …``), not only the first.

    ``parse(row, where)`` validates one line and raises ``ValueError`` with a
    message that starts with ``where``.
    """
    found: list[str] = []
    try:
        for where, row in _rows(path):
            if isinstance(row, str):
                found.append(row)
                continue
            try:
                parse(row, where)
            except ValueError as exc:
                found.append(str(exc))
    except DecisionFileError as exc:
        found.append(str(exc))
    return found
