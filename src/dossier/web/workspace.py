"""What the review screen reads: ``entities/`` and the assessment behind it.

The pages show the exported entities (the same person profile the PDF is built
from). Decisions need what the CLI uses: the claims with their spans and the
source text, from ``run_assessment`` (cached extraction, no outputs written).
Both are read again whenever a build has replaced ``entities.ftm.json``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from dossier.build import BuildResult, QuietReporter, entities_file, review_file, run_assessment
from dossier.clusters import Cluster
from dossier.model import Claim, Extraction, SourceDocument
from dossier.profile import EntityStore
from dossier.review import ReviewDecisions, load_review
from dossier.settings import Settings
from dossier.targets import Target, assess_all

Signature = tuple[int, int, int]


class NotBuiltError(RuntimeError):
    """There is no ``entities/entities.ftm.json`` yet."""


def signature(path: Path) -> Signature | None:
    """Changes whenever the file is replaced (inode, size, modification time)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass
class Snapshot:
    """One build's entities and the assessment that matches them."""

    signature: Signature
    store: EntityStore
    result: BuildResult
    claims: dict[str, tuple[Claim, Extraction]]  # by evidence ID
    sources: dict[str, Extraction]  # by document ID

    @classmethod
    def of(cls, sig: Signature, store: EntityStore, result: BuildResult) -> Snapshot:
        claims: dict[str, tuple[Claim, Extraction]] = {}
        sources: dict[str, Extraction] = {}
        for extraction in result.extractions:
            sources[extraction.source.id] = extraction
            for claim in extraction.claims:
                claims[claim.id] = (claim, extraction)
        return cls(sig, store, result, claims, sources)

    @property
    def clusters(self) -> dict[str, Cluster]:
        return self.result.clusters

    def source(self, document_id: str) -> SourceDocument | None:
        found = self.sources.get(document_id)
        return found.source if found is not None else None

    def passage(self, claim: Claim, extraction: Extraction) -> str:
        """The quote the CLI records: the passage as it stands in the source text."""
        return extraction.source.text[claim.start : claim.end]

    def canonical(self, entity_key: str) -> str:
        resolution = self.result.resolution
        if resolution is None:
            return entity_key
        return resolution.canonical.get(entity_key, entity_key)


class Workspace:
    """The settings of one ``dossier serve`` and the latest snapshot, reloaded on change."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    @property
    def entities_path(self) -> Path:
        return entities_file(self.settings)

    @property
    def review_path(self) -> Path:
        return review_file(self.settings)

    def snapshot(self) -> Snapshot:
        """The current snapshot; read again if a build replaced the entities file."""
        with self._lock:
            sig = signature(self.entities_path)
            if sig is None:
                raise NotBuiltError(
                    f"{self.entities_path} does not exist yet: run `dossier build`, "
                    "or use Rebuild dossiers above"
                )
            if self._snapshot is None or self._snapshot.signature != sig:
                store = EntityStore.load(self.entities_path)
                result = run_assessment(self.settings, QuietReporter())
                self._snapshot = Snapshot.of(sig, store, result)
            return self._snapshot

    def review(self) -> ReviewDecisions:
        """The review decisions as they are on disk now (browser and CLI alike)."""
        return load_review(self.review_path)

    def targets(self) -> list[Target]:
        """Ranked candidates with the current decisions applied, as `dossier targets`."""
        return assess_all(self.snapshot().clusters, self.review())
