"""Section 9: family members and associates."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.profile import RelationItem, fold
from dossier.render.sections.basis import Basis, Note


@dataclass(frozen=True)
class RelationRow:
    group: str
    name: str
    relationship: str
    candidate: bool
    note: Note | None


INVERSE_LABEL: dict[str, str] = {
    "predecessor": "successor", "successor": "predecessor",
    "superior": "subordinate", "subordinate": "superior",
    "employer": "employee", "employee": "employer",
    "patron": "protégé", "protégé": "patron",
}  # fmt: skip


FAMILY_INVERSE: dict[str, str] = {
    "husband": "Spouse", "wife": "Spouse", "spouse": "Spouse",
    "son-in-law": "Parent-in-law", "daughter-in-law": "Parent-in-law",
    "father-in-law": "Child-in-law", "mother-in-law": "Child-in-law",
    "son": "Parent", "daughter": "Parent", "child": "Parent",
    "father": "Child", "mother": "Child", "parent": "Child",
    "brother": "Sibling", "sister": "Sibling", "sibling": "Sibling",
    "grandson": "Grandparent", "granddaughter": "Grandparent",
    "nephew": "Uncle or aunt", "niece": "Uncle or aunt",
}  # fmt: skip


def relation_phrase(rel: RelationItem, name: str) -> str:
    """What the other party is to the person, from the person's side."""
    label = rel.relationship or rel.kind
    if rel.kind == "associate" and not rel.outgoing:
        # Associate(person=other, associate=this person, relationship=label): the label
        # says what this person is to the other; directional labels turn round.
        label = INVERSE_LABEL.get(label.casefold(), label)
    if rel.outgoing or rel.kind == "associate":
        return label[:1].upper() + label[1:]
    if rel.kind == "family":
        # Family(person=other, relative=this person): the label is what this person is.
        inverse = FAMILY_INVERSE.get(label.casefold())
        return inverse if inverse is not None else f"{name} is their {label}"
    return f"{rel.kind.title()} ({label})"


def relations(b: Basis) -> list[RelationRow]:
    rows: list[RelationRow] = []
    group = {
        "family": "Family",
        "associate": "Associates",
    }
    for rel in b.p.relations:
        rows.append(
            RelationRow(
                group.get(rel.kind, "Organisations and posts"),
                rel.other_name,
                relation_phrase(rel, b.p.name),
                "poi" in rel.other_topics,
                b.note(rel.document, rel.summary, item=rel) if rel.summary is not None else None,
            )
        )
    order = ["Family", "Associates", "Organisations and posts"]
    rows.sort(key=lambda r: (order.index(r.group), r.name))
    unique: list[RelationRow] = []
    seen: set[tuple[str, str, str]] = set()
    for row in rows:  # one row per person and relationship, however often sourced
        key = (row.group, fold(row.name), fold(row.relationship))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique
