"""Section 12: methodology (the extractors used) and the dossier's fingerprint."""

from __future__ import annotations

from dossier.ids import hash_parts
from dossier.render.sections.basis import Basis


def extractors(b: Basis) -> list[str]:
    if b.options.extractor is not None:
        return [b.options.extractor]
    return sorted({d.processing_agent for d in b.p.documents if d.processing_agent is not None})


def fingerprint(b: Basis) -> str:
    parts: list[str] = [b.p.id, b.p.name, *b.p.aliases]
    parts.extend(f"{e.id}:{e.status}" for e in b.p.evidence)
    parts.extend(r.record_id or r.other_id for r in b.p.relations)
    return hash_parts(*parts)[:12]
