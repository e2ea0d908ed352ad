"""``POST /rebuild`` starts ``dossier build`` in a child process; ``GET /rebuild/status``
reports its progress (the pages poll it)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from dossier.web import csrf
from dossier.web.app import wants_json, web


async def start(request: Request) -> Response:
    form = await csrf.checked_form(request)
    status = web(request).rebuilder.start()
    if wants_json(request):
        return JSONResponse(status.to_dict(), status_code=202)
    back = form.get("back")
    target = back if isinstance(back, str) and back.startswith("/") and "//" not in back else "/"
    return RedirectResponse(target, status_code=303)


async def status(request: Request) -> Response:
    return JSONResponse(web(request).rebuilder.status().to_dict())


ROUTES = [
    Route("/rebuild", start, methods=["POST"]),
    Route("/rebuild/status", status, methods=["GET"]),
]
