"""The identity queue: the pairs the resolver left for a human, side by side, with
match / no match / unsure, and split of a merged entity."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from dossier.resolve import PendingPair
from dossier.resolve.review import Cluster
from dossier.web import csrf
from dossier.web.app import wants_json, web
from dossier.web.decisions import DecisionInputError

QUEUE_LIMIT = 200  # pairs shown at once; the rest follow once these are decided


@dataclass(frozen=True)
class Side:
    cluster: Cluster
    key: str  # the local entity of the pair on this side
    positions: list[str]
    quotes: list[tuple[str, str]]  # (quote, document)
    in_store: bool  # the entity has a page (it was exported)


RANK_LABELS: dict[str, str] = {
    "dossier": "affects a candidate target's dossier",
    "relation": "changes a relation",
    "other": "name only",
}


@dataclass(frozen=True)
class PairView:
    pair: PendingPair
    rank: str  # what a decision would change (see RANK_LABELS)
    left: Side
    right: Side


def _side(request: Request, cluster: Cluster, key: str) -> Side:
    positions = sorted({p for e in cluster.members for p in e.positions})
    quotes = [(q, e.document) for e in cluster.members for q in e.quotes[:1]]
    snapshot = web(request).workspace.snapshot()
    return Side(cluster, key, positions, quotes[:4], snapshot.store.get(cluster.id) is not None)


async def queue_page(request: Request) -> Response:
    context = web(request)
    state = context.identity.state()
    views: list[PairView] = []
    seen: set[frozenset[str]] = set()
    for queued in context.identity.pending():
        pair = queued.pair
        left, right = state.cluster_of(pair.left), state.cluster_of(pair.right)
        key = frozenset((left.id, right.id))
        if left.id == right.id or key in seen:
            continue
        seen.add(key)
        views.append(
            PairView(
                pair,
                RANK_LABELS[queued.rank],
                _side(request, left, pair.left),
                _side(request, right, pair.right),
            )
        )
        if len(views) >= QUEUE_LIMIT:
            break
    return context.page(
        request, "identity.html.j2", pairs=views, rebuild=context.rebuilder.status()
    )


async def decide(request: Request) -> Response:
    form = await csrf.checked_form(request)
    kind, left, right = form.get("decision"), form.get("left"), form.get("right")
    if not isinstance(kind, str) or not isinstance(left, str) or not isinstance(right, str):
        raise DecisionInputError("the form needs a decision and both sides")
    decisions = web(request).identity.decide(kind, left, right)
    if wants_json(request):
        return JSONResponse({"recorded": len(decisions), "decision": kind})
    return RedirectResponse("/identity", status_code=303)


async def split(request: Request) -> Response:
    form = await csrf.checked_form(request)
    ref = form.get("ref")
    if not isinstance(ref, str):
        raise DecisionInputError("the form needs the entity to split")
    decisions = web(request).identity.split(ref)
    if wants_json(request):
        return JSONResponse({"recorded": len(decisions)})
    return RedirectResponse("/identity", status_code=303)


ROUTES = [
    Route("/identity", queue_page, methods=["GET"]),
    Route("/identity/decide", decide, methods=["POST"]),
    Route("/identity/split", split, methods=["POST"]),
]
