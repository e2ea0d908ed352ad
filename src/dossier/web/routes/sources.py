"""The source viewer: a document's full text with people and organisations marked;
a name links to its entity's page. ``/entities/{id}`` opens any exported entity."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from dossier.profile import source_ref
from dossier.web.app import DOCUMENT_ID, ENTITY_ID, NotFoundError, checked_id, web
from dossier.web.passages import marked_document


async def source_page(request: Request) -> Response:
    context = web(request)
    doc_id = checked_id(request.path_params["doc"], DOCUMENT_ID, "document")
    snapshot = context.workspace.snapshot()
    extraction = snapshot.sources.get(doc_id)
    if extraction is None:
        raise NotFoundError(f"no document has the ID {doc_id!r}")
    store = snapshot.store

    def link(entity_key: str) -> str | None:
        entity_id = snapshot.canonical(entity_key)
        return f"/entities/{entity_id}" if store.get(entity_id) is not None else None

    pieces = marked_document(extraction, link)
    return context.page(
        request,
        "source.html.j2",
        ref=source_ref(store, doc_id),
        source=extraction.source,
        pieces=pieces,
        names=sum(1 for p in pieces if p.kind == "name"),
    )


async def entity(request: Request) -> Response:
    entity_id = checked_id(request.path_params["eid"], ENTITY_ID, "entity")
    if web(request).workspace.snapshot().store.get(entity_id) is None:
        raise NotFoundError(f"no entity has the ID {entity_id!r}")
    return RedirectResponse(f"/targets/{entity_id}", status_code=303)


ROUTES = [
    Route("/sources/{doc}", source_page, methods=["GET"]),
    Route("/entities/{eid}", entity, methods=["GET"]),
]
