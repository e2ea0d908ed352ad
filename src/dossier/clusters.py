"""Resolved actors: the document-level entities that resolution grouped together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dossier.model import ActorSchema, Extraction, LocalEntity

# When documents disagree on an organisation's schema, the more specific wins
# only if all agree on it; otherwise Organization is the safe common parent.
_ORG_SCHEMAS: tuple[ActorSchema, ...] = ("PublicBody", "Company", "Organization")


@dataclass
class Member:
    """One document-level entity inside a resolved actor."""

    entity: LocalEntity
    extraction: Extraction
    mentions: int


@dataclass
class Cluster:
    """A resolved person or organisation across documents."""

    id: str
    schema: ActorSchema
    name: str
    members: list[Member] = field(default_factory=list)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(sorted(m.entity.key for m in self.members))

    @property
    def aliases(self) -> list[str]:
        names: set[str] = set()
        for member in self.members:
            names.add(member.entity.name)
            names.update(member.entity.aliases)
        names.discard(self.name)
        return sorted(names)

    @property
    def is_person(self) -> bool:
        return self.schema == "Person"


def _choose_name(members: Sequence[Member]) -> str:
    """The fullest name: most name parts, then most mentions, then alphabetical."""
    counts: Counter[str] = Counter()
    for member in members:
        counts[member.entity.name] += max(member.mentions, 1)
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))[0]


def _choose_schema(members: Sequence[Member]) -> ActorSchema:
    schemas = {m.entity.schema for m in members}
    if "Person" in schemas:
        if len(schemas) > 1:
            raise ValueError(
                "resolution grouped a person with an organisation: "
                + ", ".join(sorted(m.entity.name for m in members))
            )
        return "Person"
    if len(schemas) == 1:
        return next(iter(schemas))
    return "Organization"


def group_entities(
    extractions: Sequence[Extraction], canonical: Mapping[str, str]
) -> dict[str, Cluster]:
    """Group every local entity under its canonical ID (itself if unresolved)."""
    grouped: dict[str, list[Member]] = {}
    for extraction in extractions:
        mention_counts = Counter(
            m.entity_key for m in extraction.mentions if m.entity_key is not None
        )
        for key in sorted(extraction.entities):
            entity = extraction.entities[key]
            cluster_id = canonical.get(key, key)
            member = Member(entity, extraction, mention_counts[key])
            grouped.setdefault(cluster_id, []).append(member)
    clusters: dict[str, Cluster] = {}
    for cluster_id in sorted(grouped):
        members = grouped[cluster_id]
        clusters[cluster_id] = Cluster(
            id=cluster_id,
            schema=_choose_schema(members),
            name=_choose_name(members),
            members=members,
        )
    return clusters


def _fold(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("\u00a0", " "))
    stripped = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def find_clusters(clusters: Mapping[str, Cluster], query: str) -> list[Cluster]:
    """Clusters whose ID, name or alias matches ``query`` (case and accents ignored).

    An exact ID or an exact name wins; otherwise every cluster whose name or an
    alias contains the query is returned, so the caller can report ambiguity.
    """
    if query in clusters:
        return [clusters[query]]
    wanted = _fold(query)
    if wanted == "":
        return []
    exact = [c for c in clusters.values() if _fold(c.name) == wanted]
    if len(exact) > 0:
        return exact
    exact_alias = [c for c in clusters.values() if wanted in {_fold(a) for a in c.aliases}]
    if len(exact_alias) > 0:
        return exact_alias
    return [
        c
        for c in clusters.values()
        if wanted in _fold(c.name) or any(wanted in _fold(a) for a in c.aliases)
    ]
