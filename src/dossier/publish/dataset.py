"""``entities/index.json``: the export described as a FollowTheMoney dataset.

The document follows followthemoney's dataset model (``followthemoney.dataset``,
the ``index.json`` OpenSanctions publishes for each dataset, which yente and
OpenAleph's FtM tooling read): ``name``, ``title``, ``summary``, ``publisher``,
``coverage`` (``start``/``end`` from the sources' publication dates, the
countries named in the data), ``entity_count``, ``thing_count`` and
``resources``: every file written, by path relative to the entities folder,
with SHA-1 ``checksum``, ``size`` in bytes and ``mime_type``
(``application/json+ftm`` for entity files, ``text/csv`` for CSV).

It is validated through followthemoney's pydantic model before it is written,
and has no timestamp unless ``updated_at`` is passed in, so a rebuild from the
same data gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followthemoney.dataset import Dataset
from followthemoney.statement.entity import StatementEntity
from followthemoney.types import registry

from dossier import atomic

INDEX_FILE = "index.json"
FTM_MIME = "application/json+ftm"
CSV_MIME = "text/csv"
DEFAULT_TITLE = "Sanctions designation dossiers: actors and evidence"
DEFAULT_SUMMARY = (
    "People and organisations named in human-rights and corruption sources, with every "
    "claim about them as a verbatim, cited passage (FtM Documentation entities), their "
    "relations, and the candidate targets of sanctions designation requests (topic poi)."
)


@dataclass(frozen=True)
class Resource:
    """One file of the export: path relative to the entities folder, checksum, size."""

    path: str
    sha1: str
    size: int
    mime_type: str
    title: str

    @classmethod
    def of(cls, entities_dir: Path, relative: Path, mime_type: str, title: str) -> Resource:
        data = (entities_dir / relative).read_bytes()
        return cls(relative.as_posix(), hashlib.sha1(data).hexdigest(), len(data), mime_type, title)


def coverage(entities: Sequence[StatementEntity]) -> dict[str, Any]:
    """Sources' publication dates and the countries named; invalid values are left out
    here (the round-trip check reports them)."""
    dates: set[str] = set()
    countries: set[str] = set()
    for entity in entities:
        if entity.schema.is_a("Document"):
            for value in entity.get("publishedAt", quiet=True):
                date = registry.date.clean_text(value)
                if date is not None:
                    dates.add(date)
        for value in entity.get_type_values(registry.country):
            country = registry.country.clean_text(value)
            if country is not None:
                countries.add(country)
    data: dict[str, Any] = {"countries": sorted(countries), "frequency": "never"}
    if len(dates) > 0:
        data["start"] = min(dates)
        data["end"] = max(dates)
    return data


def dataset_metadata(
    entities: Sequence[StatementEntity],
    dataset_name: str,
    resources: Sequence[Resource],
    title: str = DEFAULT_TITLE,
    summary: str = DEFAULT_SUMMARY,
    publisher: str | None = None,
    publisher_url: str | None = None,
    updated_at: str | None = None,
) -> dict[str, Any]:
    """The dataset document, checked against followthemoney's dataset model."""
    data: dict[str, Any] = {
        "name": dataset_name,
        "title": title,
        "summary": summary,
        "category": "research",
        "entity_count": len(entities),
        "thing_count": sum(1 for e in entities if e.schema.is_a("Thing")),
        "coverage": coverage(entities),
        "resources": [
            {
                "name": r.path,
                "title": r.title,
                "checksum": r.sha1,
                "size": r.size,
                "mime_type": r.mime_type,
            }
            for r in sorted(resources, key=lambda r: r.path)
        ],
    }
    if publisher is not None and publisher.strip() != "":
        data["publisher"] = {"name": publisher.strip(), "official": False}
        if publisher_url is not None:
            data["publisher"]["url"] = publisher_url
    if updated_at is not None:
        data["updated_at"] = updated_at
    validated: dict[str, Any] = Dataset.make(data).to_dict()
    return validated


def write_dataset_metadata(path: Path, metadata: dict[str, Any]) -> None:
    text = json.dumps(metadata, ensure_ascii=False, indent=2, sort_keys=True)
    atomic.write_text(path, text + "\n")
