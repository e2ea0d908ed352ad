"""A small relationship graph as SVG geometry (drawn by the template, no graphviz).

The target sits in the centre; its direct relations sit on a circle around it,
and entities one step further (e.g. a company a relative owns) sit on an outer
ring next to the relation that leads to them. Only geometry and labels are
computed here; the template writes the SVG elements, with autoescaped labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dossier.profile import EntityStore, PersonProfile, build_profile

WIDTH = 640
HEIGHT = 420
INNER = 135.0
OUTER = 200.0


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    x: float
    y: float
    kind: str  # target, person, organisation
    candidate: bool  # has its own dossier


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    lx: float
    ly: float


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _kind(schema: str) -> str:
    return "person" if schema == "Person" else "organisation"


def relationship_graph(store: EntityStore, profile: PersonProfile) -> Graph:
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes: dict[str, Node] = {
        profile.id: Node(profile.id, _short(profile.name), cx, cy, "target", True)
    }
    edges: list[Edge] = []
    # one node per related entity, first relation wins the label
    direct: dict[str, tuple[str, str, bool]] = {}
    for rel in profile.relations:
        if rel.other_id not in direct:
            label = rel.relationship or rel.kind
            direct[rel.other_id] = (rel.other_name, label, "poi" in rel.other_topics)
    count = max(len(direct), 1)
    for index, (other_id, (name, label, candidate)) in enumerate(sorted(direct.items())):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        x, y = cx + INNER * 1.45 * math.cos(angle), cy + INNER * math.sin(angle)
        x = min(max(x, 82.0), WIDTH - 82.0)
        other = store.get(other_id)
        schema = other.schema.name if other is not None else "Person"
        nodes[other_id] = Node(other_id, _short(name), x, y, _kind(schema), candidate)
        edges.append(Edge(cx, cy, x, y, _short(label, 22), (cx + x) / 2, (cy + y) / 2 - 3))
        # one step further: what this relation owns, directs or employs
        if schema != "Person":
            continue
        second = [
            r for r in build_profile(store, other_id).relations
            if r.other_id not in nodes and r.other_id not in direct and r.other_id != profile.id
        ]
        for offset, rel in enumerate(second[:3]):
            spread = (offset - (len(second[:3]) - 1) / 2) * 0.35
            ox = cx + OUTER * 1.5 * math.cos(angle + spread)
            oy = cy + OUTER * math.sin(angle + spread)
            oy = min(max(oy, 18.0), HEIGHT - 18.0)
            ox = min(max(ox, 82.0), WIDTH - 82.0)
            nodes[rel.other_id] = Node(
                rel.other_id, _short(rel.other_name), ox, oy, _kind(rel.other_schema),
                "poi" in rel.other_topics,
            )
            edges.append(
                Edge(x, y, ox, oy, _short(rel.relationship or rel.kind, 22),
                     (x + ox) / 2, (y + oy) / 2 - 3)
            )
    return Graph(WIDTH, HEIGHT, tuple(nodes.values()), tuple(edges))
