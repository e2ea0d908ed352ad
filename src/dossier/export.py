"""Turn extractions, identity resolution and review decisions into FtM entities.

Every property value is a FtM statement whose ``origin`` records the extractor
and the exact source span (``<extractor>:<document id>:<start>-<end>``).
followthemoney drops values it cannot clean without a word; here every dropped
value is collected and reported instead.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model as ftm_model
from followthemoney.dataset import Dataset
from followthemoney.statement.entity import StatementEntity

from dossier import atomic
from dossier.clusters import Cluster
from dossier.ids import make_id
from dossier.model import (
    OCR_NOTE,
    PAGE_PREFIX,
    Claim,
    Extraction,
    IdentifierFact,
    PositionFact,
    SourceDocument,
    page_label,
)
from dossier.review import ReviewDecisions
from dossier.targets import ReviewedClaim, Target, review_claims

log = logging.getLogger(__name__)

ENTITIES_FILE = "entities.ftm.json"

# Document roles -> FtM topics on the person.
ROLE_TOPICS: dict[str, str] = {
    "official": "role.pep",
    "alleged_perpetrator": "role.pep",
    "foreign_official": "role.pep",
    "activist": "role.act",
    "human_rights_defender": "role.act",
    "journalist": "role.journo",
    "lawyer": "role.lawyer",
}

# Relation kind -> (schema, subject property, object property, label property).
RELATION_SCHEMAS: dict[str, tuple[str, str, str, str]] = {
    "family": ("Family", "person", "relative", "relationship"),
    "associate": ("Associate", "person", "associate", "relationship"),
    "employment": ("Employment", "employee", "employer", "role"),
    "membership": ("Membership", "member", "organization", "role"),
    "directorship": ("Directorship", "director", "organization", "role"),
    "ownership": ("Ownership", "owner", "asset", "role"),
}


@dataclass(frozen=True)
class DroppedValue:
    entity_id: str
    schema: str
    prop: str
    value: str


@dataclass
class Export:
    """The FtM entities of one build, plus anything that could not be exported."""

    entities: list[StatementEntity] = field(default_factory=list)
    dropped: list[DroppedValue] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # relations left out, and why


def _origin(extractor: str, source: SourceDocument, start: int, end: int) -> str:
    """``<extractor>:<document id>:<start>-<end>``, plus ``:p<page>[-<page>]`` when paginated."""
    origin = f"{extractor}:{source.id}:{start}-{end}"
    pages = source.page_range(start, end)
    if pages is not None:
        origin += f":p{pages[0]}" if pages[0] == pages[1] else f":p{pages[0]}-{pages[1]}"
    return origin


class _Builder:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.result = Export()

    def make(self, schema: str, entity_id: str) -> StatementEntity:
        entity = StatementEntity(self.dataset, {"schema": schema, "id": entity_id})
        self.result.entities.append(entity)
        return entity

    def put(
        self, entity: StatementEntity, prop: str, value: str | None, origin: str | None = None
    ) -> None:
        """Add a value; a value FtM cannot clean is recorded as dropped, not lost silently."""
        if value is None or value.strip() == "":
            return
        schema_prop = entity.schema.properties[prop]
        cleaned = entity.unsafe_add(schema_prop, value, origin=origin)
        if cleaned is None:
            assert entity.id is not None
            self.result.dropped.append(DroppedValue(entity.id, entity.schema.name, prop, value))


def _document(builder: _Builder, source: SourceDocument, extractor: str) -> None:
    schema = "Article" if source.meta.kind == "article" else "Document"
    entity = builder.make(schema, source.id)
    origin = f"ingest:{source.file_name}"
    meta = source.meta

    def found(key: str) -> str:
        """The origin of a metadata value: the file, and where in it (or the sidecar)."""
        where = meta.origin(key)
        return origin if where is None or where == "sidecar" else f"{origin}:{where}"

    builder.put(entity, "fileName", source.file_name, origin)
    builder.put(entity, "contentHash", source.content_hash, origin)
    builder.put(entity, "mimeType", source.mime_type, origin)
    builder.put(entity, "title", meta.title, found("title"))
    builder.put(entity, "publisher", meta.publisher, found("publisher"))
    for author in meta.authors:
        builder.put(entity, "author", author, found("authors"))
    builder.put(entity, "publishedAt", meta.published_at, found("published_at"))
    builder.put(entity, "sourceUrl", meta.url, found("url"))
    builder.put(entity, "retrievedAt", meta.retrieved_at, found("retrieved_at"))
    builder.put(entity, "language", meta.language, found("language"))
    builder.put(entity, "processingAgent", extractor, origin)


def _pinpoint(
    builder: _Builder,
    entity: StatementEntity,
    source: SourceDocument,
    start: int,
    end: int,
    origin: str,
) -> None:
    """The page (in a paginated source) and the OCR mark of a quoted passage."""
    pages = source.page_range(start, end)
    if pages is not None:
        builder.put(entity, "description", f"{PAGE_PREFIX} {page_label(pages)}", origin)
    if source.is_ocr(start, end):
        builder.put(entity, "description", OCR_NOTE, origin)


def _first_mention_origin(cluster: Cluster, key: str) -> str | None:
    for member in cluster.members:
        if member.entity.key != key:
            continue
        extraction = member.extraction
        for mention in extraction.mentions:
            if mention.entity_key == key:
                return _origin(extraction.extractor, extraction.source, mention.start, mention.end)
    return None


def _actor(
    builder: _Builder,
    cluster: Cluster,
    target: Target | None,
    positions: Sequence[PositionFact],
    particulars: Sequence[tuple[IdentifierFact, str]] = (),
) -> None:
    entity = builder.make(cluster.schema, cluster.id)
    roles: set[str] = set()
    for member in cluster.members:
        local = member.entity
        origin = _first_mention_origin(cluster, local.key)
        builder.put(entity, "name" if local.name == cluster.name else "alias", local.name, origin)
        for alias in sorted(local.aliases):
            if alias != cluster.name:
                builder.put(entity, "alias", alias, origin)
        if cluster.is_person:
            builder.put(entity, "firstName", local.first_name, origin)
            builder.put(entity, "lastName", local.last_name, origin)
            builder.put(entity, "fatherName", local.father_name, origin)
        builder.put(entity, "country", local.country, origin)
        local_role = member.extraction.roles.get(local.key)
        if local_role is not None:
            roles.add(local_role)
    for fact in positions:
        builder.put(entity, "position", fact.title)
    if cluster.is_person:
        for particular, origin in particulars:  # a list entry's DOB, POB, nationality ...
            builder.put(entity, particular.prop, particular.value, origin)
        for role in sorted(roles):
            builder.put(entity, "keywords", f"role:{role}")
            builder.put(entity, "topics", ROLE_TOPICS.get(role))
        if target is not None and target.is_target:
            builder.put(entity, "topics", "poi")
            for regime in target.regimes:
                builder.put(entity, "programId", regime)
        if target is not None and target.deceased:
            builder.put(entity, "status", "deceased")


def reading_text(claim: Claim) -> str:
    """ "Read as: designated-for; frame:designated-for, …": why the passage was read so."""
    signals = [s for s in claim.signals if s != f"frame:{claim.frame}"]
    return f"Read as: {claim.frame}" + (f"; {'; '.join(signals)}" if len(signals) > 0 else "")


def _describe(claim: Claim, name: str) -> str:
    part = claim.part.replace("_", " ")
    category = claim.category.replace("_", " ")
    text = f"{name}: {part}" if claim.category == "context" else f"{name}: {part} ({category})"
    if claim.attributed_to is not None:
        text += f"; according to {claim.attributed_to}"
    return text


def _evidence(builder: _Builder, cluster: Cluster, review: ReviewDecisions) -> list[ReviewedClaim]:
    sources = {m.extraction.source.content_hash: m.extraction for m in cluster.members}
    claims = review_claims(cluster, review)
    for reviewed in claims:
        claim = reviewed.claim
        extraction = sources[claim.content_hash]
        source = extraction.source
        passage = source.text[claim.start : claim.end]
        origin = _origin(extraction.extractor, source, claim.start, claim.end)
        entity = builder.make("Documentation", claim.id)
        builder.put(entity, "entity", cluster.id, origin)
        builder.put(entity, "document", source.id, origin)
        builder.put(entity, "summary", passage, origin)
        builder.put(entity, "role", f"{claim.category}/{claim.part}", origin)
        builder.put(entity, "description", _describe(claim, cluster.name), origin)
        builder.put(entity, "description", reading_text(claim), origin)
        builder.put(entity, "date", claim.date, origin)
        builder.put(entity, "status", reviewed.status, origin)
        builder.put(entity, "recordId", claim.id, origin)
        _pinpoint(builder, entity, source, claim.start, claim.end, origin)
        if reviewed.note is not None:
            builder.put(entity, "description", f"Reviewer's note: {reviewed.note}", origin)
    return claims


def _designations(
    builder: _Builder,
    extraction: Extraction,
    canonical: Mapping[str, str],
    status: Mapping[str, str],
) -> None:
    """One FtM ``Sanction`` per designation a source reports, on the person, with the
    verbatim passage, the source as proof and the evidence ID as ``recordId``. A
    designation whose evidence a reviewer rejected is left out."""
    source = extraction.source
    for fact in extraction.designations:
        review_status = status.get(fact.evidence_id, "unreviewed")
        if review_status == "rejected":
            continue
        origin = _origin(extraction.extractor, source, fact.start, fact.end)
        sanction = builder.make("Sanction", fact.id)
        builder.put(sanction, "entity", canonical.get(fact.entity_key, fact.entity_key), origin)
        builder.put(sanction, "authority", fact.authority, origin)
        builder.put(sanction, "program", fact.program, origin)
        builder.put(sanction, "programId", fact.program_id, origin)
        builder.put(sanction, "reason", fact.reason, origin)
        builder.put(sanction, "startDate", fact.date, origin)
        for measure in fact.measures:
            builder.put(sanction, "provisions", measure, origin)
        builder.put(sanction, "summary", source.text[fact.start : fact.end], origin)
        builder.put(sanction, "proof", source.id, origin)
        builder.put(sanction, "sourceUrl", source.meta.url, origin)
        builder.put(sanction, "status", review_status, origin)
        builder.put(sanction, "recordId", fact.evidence_id, origin)
        builder.put(
            sanction,
            "description",
            f"Read as: {fact.frame}; reported in {source.file_name}, evidence {fact.evidence_id}",
            origin,
        )


def _occupancies(
    builder: _Builder, extraction: Extraction, canonical: Mapping[str, str], seen: set[str]
) -> None:
    source = extraction.source
    for fact in extraction.positions:
        holder = canonical.get(fact.entity_key, fact.entity_key)
        position_id = make_id("position", " ".join(fact.title.lower().split()))
        origin = _origin(extraction.extractor, source, fact.start, fact.end)
        if position_id not in seen:
            seen.add(position_id)
            position = builder.make("Position", position_id)
            builder.put(position, "name", fact.title, origin)
        occupancy = builder.make(
            "Occupancy", make_id("occupancy", source.content_hash, fact.start, fact.end, holder)
        )
        builder.put(occupancy, "holder", holder, origin)
        builder.put(occupancy, "post", position_id, origin)
        builder.put(occupancy, "summary", source.text[fact.start : fact.end], origin)
        builder.put(occupancy, "proof", source.id, origin)
        _pinpoint(builder, occupancy, source, fact.start, fact.end, origin)
        if fact.current is not None:
            builder.put(occupancy, "status", "current" if fact.current else "former", origin)


def _relations(
    builder: _Builder,
    extraction: Extraction,
    canonical: Mapping[str, str],
    clusters: Mapping[str, Cluster],
) -> None:
    source = extraction.source
    for fact in extraction.relations:
        schema_name, subject_prop, object_prop, label_prop = RELATION_SCHEMAS[fact.kind]
        subject = clusters[canonical.get(fact.subject_key, fact.subject_key)]
        obj = clusters[canonical.get(fact.object_key, fact.object_key)]
        if subject.id == obj.id:
            builder.result.skipped.append(f"{fact.kind} of {subject.name} with itself")
            continue
        schema = ftm_model.get(schema_name)
        assert schema is not None
        ranges = (schema.properties[subject_prop].range, schema.properties[object_prop].range)
        if not all(
            r is not None and ftm_model.get(c.schema) is not None and ftm_model[c.schema].is_a(r)
            for r, c in zip(ranges, (subject, obj), strict=True)
        ):
            builder.result.skipped.append(
                f"{fact.kind}: {subject.name} ({subject.schema}) -> {obj.name} ({obj.schema})"
                f" does not fit {schema_name}"
            )
            continue
        origin = _origin(extraction.extractor, source, fact.start, fact.end)
        relation = builder.make(
            schema_name,
            make_id(
                fact.kind,
                source.content_hash,
                fact.start,
                fact.end,
                fact.subject_key,
                fact.object_key,
            ),
        )
        builder.put(relation, subject_prop, subject.id, origin)
        builder.put(relation, object_prop, obj.id, origin)
        builder.put(relation, label_prop, fact.relationship, origin)
        builder.put(relation, "summary", source.text[fact.start : fact.end], origin)
        builder.put(relation, "proof", source.id, origin)
        _pinpoint(builder, relation, source, fact.start, fact.end, origin)
        builder.put(relation, "recordId", relation.id, origin)


def build_entities(
    extractions: Sequence[Extraction],
    clusters: Mapping[str, Cluster],
    canonical: Mapping[str, str],
    targets: Iterable[Target],
    review: ReviewDecisions,
    dataset: Dataset,
) -> Export:
    """All FtM entities of the corpus: documents, actors, evidence, relations."""
    builder = _Builder(dataset)
    by_id = {t.id: t for t in targets}
    positions: dict[str, list[PositionFact]] = {}
    identifiers: dict[str, list[tuple[IdentifierFact, str]]] = {}
    for extraction in extractions:
        _document(builder, extraction.source, extraction.extractor)
        for fact in extraction.positions:
            cluster_id = canonical.get(fact.entity_key, fact.entity_key)
            positions.setdefault(cluster_id, []).append(fact)
        for particular in extraction.identifiers:
            cluster_id = canonical.get(particular.entity_key, particular.entity_key)
            origin = _origin(
                extraction.extractor, extraction.source, particular.start, particular.end
            )
            identifiers.setdefault(cluster_id, []).append((particular, origin))
    status: dict[str, str] = {}
    for cluster in clusters.values():
        _actor(
            builder,
            cluster,
            by_id.get(cluster.id),
            positions.get(cluster.id, []),
            identifiers.get(cluster.id, []),
        )
        for reviewed in _evidence(builder, cluster, review):
            status[reviewed.claim.id] = reviewed.status
    seen_positions: set[str] = set()
    for extraction in extractions:
        _designations(builder, extraction, canonical, status)
        _occupancies(builder, extraction, canonical, seen_positions)
        _relations(builder, extraction, canonical, clusters)
    return builder.result


def entity_line(entity: StatementEntity) -> str:
    """One FtM JSON line ``{"id", "schema", "properties"}`` with sorted values."""
    properties = {prop: sorted(set(values)) for prop, values in entity.properties.items()}
    data: dict[str, Any] = {
        "id": entity.id,
        "schema": entity.schema.name,
        "properties": dict(sorted(properties.items())),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def write_entities(entities: Iterable[StatementEntity], path: Path) -> int:
    """Write entities as sorted FtM JSON lines, atomically; returns the count."""
    merged: dict[str, StatementEntity] = {}
    for entity in entities:
        assert entity.id is not None
        if entity.id in merged:
            merged[entity.id].merge(entity)
        else:
            merged[entity.id] = entity
    lines = sorted(entity_line(e) for e in merged.values())
    atomic.write_text(path, "".join(f"{line}\n" for line in lines))
    return len(lines)
