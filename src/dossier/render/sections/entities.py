"""Annex D: the FtM entities the dossier rests on."""

from __future__ import annotations

from dataclasses import dataclass

from followthemoney import EntityProxy

from dossier.profile import RELATION_SCHEMATA
from dossier.render.sections.basis import Basis


@dataclass(frozen=True)
class EntityRow:
    id: str
    schema: str
    caption: str


def entities(b: Basis) -> list[EntityRow]:
    ids: list[str] = [b.p.id]
    ids.extend(n.item.id for n in b.numbered)
    for ref, _prop in b.store.references(b.p.id):
        if not ref.schema.is_a("Documentation"):
            ids.append(str(ref.id))
            ids.extend(sorted(ref.get("post", quiet=True)))
    ids.extend(rel.other_id for rel in b.p.relations)
    ids.extend(doc.id for doc in b.p.documents)
    rows: list[EntityRow] = []
    seen: set[str] = set()
    for entity_id in ids:
        proxy = b.store.get(entity_id)
        if entity_id in seen or proxy is None:
            continue
        seen.add(entity_id)
        rows.append(EntityRow(entity_id, proxy.schema.name, entity_caption(proxy)))
    return rows


def entity_caption(proxy: EntityProxy) -> str:
    if proxy.schema.is_a("Documentation"):
        role = sorted(proxy.get("role", quiet=True))
        status = sorted(proxy.get("status", quiet=True))
        return f"Evidence: {', '.join(role)} ({', '.join(status) or 'no status'})"
    if proxy.schema.name in RELATION_SCHEMATA or proxy.schema.is_a("Occupancy"):
        label = sorted(proxy.get("relationship", quiet=True) + proxy.get("role", quiet=True))
        return f"{proxy.schema.label}: {', '.join(label)}" if label else str(proxy.schema.label)
    return str(proxy.caption)
