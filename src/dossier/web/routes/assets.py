"""The bundled stylesheet and script, served by name from memory."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dossier.web.app import STATIC_FILES, NotFoundError, web


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC_FILES:
        raise NotFoundError(f"no asset is called {name!r}")
    return Response(web(request).static[name], media_type=STATIC_FILES[name])


async def favicon(request: Request) -> Response:
    return Response(status_code=204)  # no icon; answered so browsers do not log a 404


ROUTES = [
    Route("/static/{name}", static, methods=["GET"]),
    Route("/favicon.ico", favicon, methods=["GET"]),
]
