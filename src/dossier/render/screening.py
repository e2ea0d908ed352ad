"""Read ``entities/screening.json`` (written by ``dossier screen``) for the dossiers.

The format is ``dossier-screening/1``, documented in ``dossier.screen``. The file
is untrusted data like everything else: it is read strictly (a different format
or a malformed field is a ``ScreeningError``), values are kept as plain strings,
and only what section 10 of a dossier prints is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCREENING_FILE = "screening.json"
FORMAT = "dossier-screening/1"


class ScreeningError(ValueError):
    """The screening file cannot be read or is not in the expected format."""


@dataclass(frozen=True)
class ListedSanction:
    programs: tuple[str, ...]  # programme names
    program_ids: tuple[str, ...]
    authorities: tuple[str, ...]
    listing_dates: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ScreeningMatch:
    entity_id: str
    caption: str
    strength: str  # "strong" or "possible"
    score: float
    datasets: tuple[str, ...]
    birth_dates: tuple[str, ...]
    countries: tuple[str, ...]
    positions: tuple[str, ...]
    why: tuple[str, ...]
    sanctions: tuple[ListedSanction, ...]


@dataclass(frozen=True)
class TargetScreening:
    strong: tuple[ScreeningMatch, ...]
    possible: tuple[ScreeningMatch, ...]


@dataclass(frozen=True)
class Screening:
    """One screening run: what was screened against, and the matches per target ID."""

    against_file: str
    against_sha1: str
    against_entities: int
    matcher: str
    algorithm: str
    strong_threshold: float
    possible_threshold: float
    targets: dict[str, TargetScreening]

    def for_target(self, person_id: str) -> TargetScreening | None:
        """The target's results, or None when this run did not screen the person."""
        return self.targets.get(person_id)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ScreeningError(f"{where}: expected a list of strings")
    return tuple(value)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ScreeningError(f"{where}: expected a string")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScreeningError(f"{where}: expected a number")
    return float(value)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScreeningError(f"{where}: expected an object")
    return value


def _sanction(data: Any, where: str) -> ListedSanction:
    obj = _object(data, where)
    return ListedSanction(
        programs=_strings(obj.get("program"), f"{where}.program"),
        program_ids=_strings(obj.get("programId"), f"{where}.programId"),
        authorities=_strings(obj.get("authority"), f"{where}.authority"),
        listing_dates=_strings(obj.get("listingDate"), f"{where}.listingDate"),
        reasons=_strings(obj.get("reason"), f"{where}.reason"),
    )


def _match(data: Any, strength: str, where: str) -> ScreeningMatch:
    obj = _object(data, where)
    sanctions = obj.get("sanctions", [])
    if not isinstance(sanctions, list):
        raise ScreeningError(f"{where}.sanctions: expected a list")
    return ScreeningMatch(
        entity_id=_text(obj.get("entity_id"), f"{where}.entity_id"),
        caption=_text(obj.get("caption"), f"{where}.caption"),
        strength=strength,
        score=_number(obj.get("score"), f"{where}.score"),
        datasets=_strings(obj.get("datasets"), f"{where}.datasets"),
        birth_dates=_strings(obj.get("birth_dates"), f"{where}.birth_dates"),
        countries=_strings(obj.get("countries"), f"{where}.countries"),
        positions=_strings(obj.get("positions"), f"{where}.positions"),
        why=_strings(obj.get("why"), f"{where}.why"),
        sanctions=tuple(
            _sanction(s, f"{where}.sanctions[{n}]") for n, s in enumerate(sanctions)
        ),
    )


def parse_screening(data: Any) -> Screening:
    """The screening run in ``data`` (the parsed JSON), strictly."""
    top = _object(data, "screening")
    if top.get("format") != FORMAT:
        raise ScreeningError(f"screening: format {top.get('format')!r} is not {FORMAT!r}")
    against = _object(top.get("against"), "against")
    thresholds = _object(top.get("thresholds"), "thresholds")
    targets_data = top.get("targets")
    if not isinstance(targets_data, list):
        raise ScreeningError("targets: expected a list")
    targets: dict[str, TargetScreening] = {}
    for n, item in enumerate(targets_data):
        where = f"targets[{n}]"
        obj = _object(item, where)
        target_id = _text(obj.get("id"), f"{where}.id")
        lists: dict[str, tuple[ScreeningMatch, ...]] = {}
        for strength in ("strong", "possible"):
            matches = obj.get(strength)
            if not isinstance(matches, list):
                raise ScreeningError(f"{where}.{strength}: expected a list")
            lists[strength] = tuple(
                _match(m, strength, f"{where}.{strength}[{k}]") for k, m in enumerate(matches)
            )
        targets[target_id] = TargetScreening(lists["strong"], lists["possible"])
    entities = against.get("entities", 0)
    return Screening(
        against_file=_text(against.get("file_name"), "against.file_name"),
        against_sha1=_text(against.get("sha1"), "against.sha1"),
        against_entities=int(_number(entities, "against.entities")),
        matcher=_text(top.get("matcher"), "matcher"),
        algorithm=_text(top.get("algorithm"), "algorithm"),
        strong_threshold=_number(thresholds.get("strong"), "thresholds.strong"),
        possible_threshold=_number(thresholds.get("possible"), "thresholds.possible"),
        targets=targets,
    )


def load_screening(path: Path) -> Screening:
    """Read a screening file; an unreadable or malformed file is a ``ScreeningError``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScreeningError(f"{path}: cannot read the screening file: {exc}") from exc
    try:
        return parse_screening(data)
    except ScreeningError as exc:
        raise ScreeningError(f"{path}: {exc}") from exc
