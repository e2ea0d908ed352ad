"""Publish the export in the forms other tools and people read.

``publish_all`` writes, into the entities folder, atomically and
deterministically (same entities in, same bytes out; no clock is read):

- ``statements.csv`` — FtM 4 statements with dataset and origin (``statements.py``);
- ``targets/<slug>-<short id>.ftm.json`` — one FtM file per candidate target
  with its evidence, sources and relations (``targets.py``);
- ``targets.csv`` and ``evidence.csv`` — spreadsheet summaries (``summary.py``);
- ``index.json`` — FtM dataset metadata with every file's checksum and size
  (``dataset.py``), written last.

It then proves the round trip (``roundtrip.py``): every value of
``entities.ftm.json`` (written before, by ``dossier.export.write_entities``)
and of ``statements.csv`` loads back identically. The report carries the
export's own dropped values (``Export.dropped``) and every round-trip mismatch,
so nothing followthemoney drops goes unreported.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.statement.entity import StatementEntity

from dossier.export import ENTITIES_FILE, DroppedValue
from dossier.publish.dataset import (
    CSV_MIME,
    DEFAULT_SUMMARY,
    DEFAULT_TITLE,
    FTM_MIME,
    INDEX_FILE,
    Resource,
    dataset_metadata,
    write_dataset_metadata,
)
from dossier.publish.merge import merge_entities
from dossier.publish.roundtrip import Mismatch, RoundTripReport, Verified, verify_roundtrip
from dossier.publish.statements import STATEMENTS_FILE, collect_statements, write_statements_csv
from dossier.publish.summary import EVIDENCE_CSV, TARGETS_CSV, write_summaries
from dossier.publish.targets import TargetFile, write_target_files

log = logging.getLogger(__name__)

__all__ = [
    "INDEX_FILE",
    "STATEMENTS_FILE",
    "Mismatch",
    "PublishReport",
    "Resource",
    "RoundTripReport",
    "TargetFile",
    "Verified",
    "publish_all",
]


@dataclass
class PublishReport:
    """What was written, and every value that was dropped or did not load back."""

    entity_count: int = 0
    statement_count: int = 0
    target_files: list[TargetFile] = field(default_factory=list)
    target_rows: int = 0
    evidence_rows: int = 0
    resources: list[Resource] = field(default_factory=list)
    dropped: list[DroppedValue] = field(default_factory=list)
    roundtrip: RoundTripReport = field(default_factory=RoundTripReport)
    missing: list[str] = field(default_factory=list)  # expected files that were not there

    @property
    def ok(self) -> bool:
        """True when no value was dropped or changed anywhere."""
        return len(self.dropped) == 0 and self.roundtrip.ok and len(self.missing) == 0

    def problems(self) -> list[str]:
        """One line per problem, for logs and the command line."""
        lines = [
            f"dropped by FtM at export: {d.entity_id} {d.schema}.{d.prop} {d.value!r}"
            for d in self.dropped
        ]
        lines.extend(str(m) for m in self.roundtrip.mismatches)
        lines.extend(f"{name} was not written, so it was not checked" for name in self.missing)
        return lines


def publish_all(
    export_entities: Sequence[StatementEntity],
    entities_dir: Path,
    dataset_name: str,
    *,
    dropped: Sequence[DroppedValue] = (),
    title: str = DEFAULT_TITLE,
    summary: str = DEFAULT_SUMMARY,
    publisher: str | None = None,
    updated_at: str | None = None,
    verified: Verified | None = None,
    now: Verified | None = None,
) -> PublishReport:
    """Write every published form of ``export_entities`` into ``entities_dir`` and check it.

    ``dropped`` are the values the export could not add (``Export.dropped``);
    they are carried into the report. ``updated_at`` (ISO 8601) is the only
    time that ever goes into a file, and only when given. ``verified`` and
    ``now`` make the round-trip check incremental (``roundtrip.Verified``).
    """
    entities = merge_entities(export_entities)
    report = PublishReport(entity_count=len(entities), dropped=sorted(dropped, key=_dropped_key))
    statements_path = entities_dir / STATEMENTS_FILE
    statements = collect_statements(entities)
    report.statement_count = write_statements_csv(entities, statements_path, statements)
    report.target_files = write_target_files(entities, entities_dir)
    report.target_rows, report.evidence_rows = write_summaries(
        entities, entities_dir, report.target_files
    )

    entities_path: Path | None = entities_dir / ENTITIES_FILE
    assert entities_path is not None
    if not entities_path.is_file():
        report.missing.append(ENTITIES_FILE)
        entities_path = None
    report.roundtrip = verify_roundtrip(
        entities, entities_path, statements_path, verified, now, statements
    )
    for problem in report.roundtrip.mismatches:
        log.error("value did not survive the round trip: %s", problem)

    resources = [
        Resource.of(entities_dir, Path(STATEMENTS_FILE), CSV_MIME, "FtM statements"),
        Resource.of(entities_dir, Path(TARGETS_CSV), CSV_MIME, "Candidate targets (spreadsheet)"),
        Resource.of(entities_dir, Path(EVIDENCE_CSV), CSV_MIME, "Evidence items (spreadsheet)"),
    ]
    if entities_path is not None:
        resources.append(
            Resource.of(entities_dir, Path(ENTITIES_FILE), FTM_MIME, "All FtM entities")
        )
    for target in report.target_files:
        resources.append(
            Resource.of(entities_dir, target.path, FTM_MIME, f"Candidate target: {target.name}")
        )
    report.resources = sorted(resources, key=lambda r: r.path)
    metadata = dataset_metadata(
        entities,
        dataset_name,
        report.resources,
        title=title,
        summary=summary,
        publisher=publisher,
        updated_at=updated_at,
    )
    write_dataset_metadata(entities_dir / INDEX_FILE, metadata)
    return report


def _dropped_key(dropped: DroppedValue) -> tuple[str, str, str, str]:
    return (dropped.entity_id, dropped.schema, dropped.prop, dropped.value)
