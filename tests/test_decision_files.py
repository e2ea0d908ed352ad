"""Decision files as a team edits them: every command that reads them names a bad line.

A malformed line or git conflict markers in ``identity.jsonl`` or ``review.jsonl``
give, for each command that reads the file, a one-line error with the file and
line, and exit code 1, without a traceback. ``dossier decisions --check``
validates both files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.decisionfile import DecisionFileError, conflict_marker, json_lines
from dossier.resolve.catalog import write_catalog
from dossier.resolve.decisions import check_decisions, load_decisions
from dossier.review import check_review, load_review
from tests.test_resolve import doc, entity, extraction

GOOD_REVIEW = (
    '{"content_hash": "abc", "id": "evidence-1", "kind": "evidence", "mention_end": 9, '
    '"mention_start": 4, "quote": "Mr Petrov beat him", "status": "accepted"}'
)
CONFLICT = (
    "<<<<<<< HEAD\n"
    f"{GOOD_REVIEW}\n"
    "=======\n"
    f"{GOOD_REVIEW.replace('accepted', 'rejected')}\n"
    ">>>>>>> alice/review\n"
)
MALFORMED = '{"decision": "match", "left": {\n'

# Every command that reads a decision file, with the arguments it needs.
IDENTITY_COMMANDS = [
    ["build"],
    ["export"],
    ["targets"],
    ["review", "Anyone", "--accept", "x"],
    ["merge", "Timur Kulibayev", "Askar Kunaev"],
    ["no-match", "Timur Turlov", "Askar Kunaev"],
    ["split", "Askar Kunaev"],
    ["dedupe"],
    ["decisions"],
    ["decisions", "--check"],
]
REVIEW_COMMANDS = [
    ["build"],
    ["export"],
    ["targets"],
    ["review", "Anyone", "--accept", "x"],
    ["decisions", "--check"],
]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / ".dossier"))
    monkeypatch.setenv("DOSSIER_ENTITIES_DIR", str(tmp_path / "entities"))
    monkeypatch.setenv("DOSSIER_DOSSIERS_DIR", str(tmp_path / "dossiers"))
    monkeypatch.setenv("DOSSIER_SEEDS_DIR", str(tmp_path / "seeds"))
    monkeypatch.setenv("DOSSIER_USER", "tester")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "entities" / "decisions").mkdir(parents=True)
    d1, d2 = doc("001.txt"), doc("002.txt")
    write_catalog(
        [
            extraction(d1, entity(d1, "Timur Kulibayev"), entity(d1, "Askar Kunaev")),
            extraction(d2, entity(d2, "Timur Turlov")),
        ],
        tmp_path / ".dossier" / "local-entities.json",
    )
    return tmp_path


def _one_line_error(output: str, where: str, what: str) -> None:
    lines = [line for line in output.splitlines() if line.strip() != ""]
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ") and where in lines[0] and what in lines[0], output
    assert "Traceback" not in output


@pytest.mark.parametrize("args", IDENTITY_COMMANDS, ids=" ".join)
def test_malformed_identity_line_is_named_by_every_command(project: Path, args: list[str]) -> None:
    path = project / "entities" / "decisions" / "identity.jsonl"
    path.write_text("\n\n\n" + MALFORMED, encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _one_line_error(result.stderr, f"{path}:4:", "not valid JSON")


@pytest.mark.parametrize("args", IDENTITY_COMMANDS, ids=" ".join)
def test_identity_conflict_markers_are_named_by_every_command(
    project: Path, args: list[str]
) -> None:
    path = project / "entities" / "decisions" / "identity.jsonl"
    path.write_text("<<<<<<< HEAD\n=======\n>>>>>>> bob\n", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "delete the marker lines" in result.stderr
    if args == ["decisions", "--check"]:  # --check lists every problem, one line each
        assert [line.split(" marker ")[1][:9] for line in result.stderr.splitlines()] == [
            "'<<<<<<<'",
            "'======='",
            "'>>>>>>>'",
        ]
    else:
        _one_line_error(result.stderr, f"{path}:1:", "git conflict marker '<<<<<<<'")


@pytest.mark.parametrize("args", REVIEW_COMMANDS, ids=" ".join)
def test_review_conflict_markers_are_named_by_every_command(
    project: Path, args: list[str]
) -> None:
    path = project / "entities" / "decisions" / "review.jsonl"
    path.write_text(CONFLICT, encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    if args == ["decisions", "--check"]:  # --check lists every problem, one line each
        lines = result.stderr.splitlines()
        assert [line.split(": git conflict")[0] for line in lines] == [
            f"Error: {path}:1",
            f"Error: {path}:3",
            f"Error: {path}:5",
        ]
    else:
        _one_line_error(result.stderr, f"{path}:1:", "git conflict marker '<<<<<<<'")


@pytest.mark.parametrize("args", REVIEW_COMMANDS, ids=" ".join)
def test_malformed_review_line_is_named_by_every_command(project: Path, args: list[str]) -> None:
    path = project / "entities" / "decisions" / "review.jsonl"
    path.write_text(GOOD_REVIEW + '\n{"kind": "evidence", "id": "x", "status": "maybe"}\n')
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    _one_line_error(result.stderr, f"{path}:2:", "status must be accepted or rejected")


def test_check_passes_valid_files(project: Path) -> None:
    (project / "entities" / "decisions" / "review.jsonl").write_text(GOOD_REVIEW + "\n")
    result = CliRunner().invoke(main, ["decisions", "--check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("decision files are valid: ")
    assert "review.jsonl" in result.output


def test_check_reports_every_problem_in_both_files(project: Path) -> None:
    identity = project / "entities" / "decisions" / "identity.jsonl"
    review = project / "entities" / "decisions" / "review.jsonl"
    identity.write_text('{"decision": "maybe"}\n[1]\n', encoding="utf-8")
    review.write_text('{"kind": "evidence", "id": "x", "status": "accepted"}\n', "utf-8")
    result = CliRunner().invoke(main, ["decisions", "--check"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {identity}:1: unknown decision 'maybe'; expected ('match', 'no_match', 'unsure')",
        f"Error: {identity}:2: expected a JSON object",
        f"Error: {review}:1: missing field 'content_hash'",
    ]


def test_repository_decisions_are_valid() -> None:
    root = Path(__file__).resolve().parents[1] / "entities" / "decisions"
    assert check_decisions(root / "identity.jsonl") == []
    assert check_review(root / "review.jsonl") == []


def test_library_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "identity.jsonl"
    path.write_text("\n=======\n", encoding="utf-8")
    with pytest.raises(DecisionFileError, match=rf"{path}:2: git conflict marker '======='"):
        load_decisions(path)
    path.write_text('{"kind": "target", "members": ["a"], "is_target": true}\n\n{\n')
    with pytest.raises(DecisionFileError, match=rf"{path}:3: not valid JSON"):
        load_review(path)
    assert list(json_lines(tmp_path / "absent.jsonl")) == []


def test_conflict_marker_needs_the_whole_marker() -> None:
    assert conflict_marker("<<<<<<< HEAD") == "<<<<<<<"
    assert conflict_marker(">>>>>>> 3f2a1c (alice)") == ">>>>>>>"
    assert conflict_marker("=======") == "======="
    assert conflict_marker("||||||| merged common ancestors") == "|||||||"
    assert conflict_marker('{"note": "<<<<<<< not a marker"}') is None
    assert conflict_marker("========") is None
