"""The review screen's Starlette application: templates, middleware and routes.

Templates live in ``templates/web/`` (jinja2, autoescape, StrictUndefined), with
their CSS and script in ``templates/web/static/``, read once at start-up and
served by name: no request path ever reaches the file system.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute

from dossier.decisionfile import DecisionFileError
from dossier.render.pdf import format_date
from dossier.settings import Settings
from dossier.web import csrf
from dossier.web.decisions import DecisionInputError, IdentityQueue, StaleDecisionError
from dossier.web.rebuild import Rebuilder
from dossier.web.security import SecurityMiddleware
from dossier.web.workspace import NotBuiltError, Workspace

STATIC_FILES: dict[str, str] = {"web.css": "text/css", "web.js": "text/javascript"}
ENTITY_ID = re.compile(r"(?:person|org)-[0-9a-f]{40}")
EVIDENCE_ID = re.compile(r"evidence-[0-9a-f]{40}")
DOCUMENT_ID = re.compile(r"doc-[0-9a-f]{40}")


class NotFoundError(LookupError):
    """No entity, item or document has the ID in the address."""


@dataclass
class WebContext:
    """What every route needs, kept on ``app.state.web``."""

    workspace: Workspace
    identity: IdentityQueue
    rebuilder: Rebuilder
    env: jinja2.Environment
    static: dict[str, bytes]

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        html = self.env.get_template(template).render(
            csrf_token=csrf.token(request), path=request.url.path, **context
        )
        return HTMLResponse(html, status_code=status)


def web(request: Request) -> WebContext:
    context = request.app.state.web
    assert isinstance(context, WebContext)
    return context


def checked_id(value: str, pattern: re.Pattern[str], what: str) -> str:
    """An ID from the address, exactly of its form; anything else is not found."""
    if pattern.fullmatch(value) is None:
        raise NotFoundError(f"no {what} has the ID {value!r}")
    return value


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir / "web")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    return env


def _error(
    request: Request, status: int, title: str, message: str, offer_rebuild: bool = False
) -> Response:
    if wants_json(request) or (request.method == "POST" and "x-csrf-token" in request.headers):
        return JSONResponse({"error": message, "title": title}, status_code=status)
    context = web(request)
    return context.page(
        request,
        "error.html.j2",
        status,
        title=title,
        message=message,
        rebuild=context.rebuilder.status() if offer_rebuild else None,
    )


async def _refused(request: Request, exc: Exception) -> Response:
    if isinstance(exc, StaleDecisionError):
        return _error(request, 409, "Refused: the item has changed", str(exc))
    if isinstance(exc, DecisionInputError):
        return _error(request, 400, "Refused: invalid decision", str(exc))
    if isinstance(exc, csrf.CsrfError):
        return _error(request, 403, "Refused: missing CSRF token", str(exc))
    if isinstance(exc, NotFoundError):
        return _error(request, 404, "Not found", str(exc))
    if isinstance(exc, NotBuiltError):
        return _error(request, 503, "Nothing built yet", str(exc), offer_rebuild=True)
    if isinstance(exc, DecisionFileError):
        return _error(
            request,
            500,
            "A decision file cannot be read",
            f"{exc}. Fix the line (`dossier decisions --check` lists every problem); "
            "nothing was recorded.",
        )
    raise exc


async def _no_route(request: Request, exc: Exception) -> Response:
    return _error(request, 404, "Not found", f"nothing is at {request.url.path}")


def create_app(
    settings: Settings,
    hosts: Iterable[str] | None = ("127.0.0.1", "localhost"),
    token: str | None = None,
) -> Starlette:
    """The application. ``hosts``: names the Host header may carry (None: any);
    ``token``: when set, every request must present it (see ``security``)."""
    from dossier.web.routes import ROUTES

    static_dir = settings.templates_dir / "web" / "static"
    static = {name: (static_dir / name).read_bytes() for name in STATIC_FILES}
    workspace = Workspace(settings)
    context = WebContext(
        workspace=workspace,
        identity=IdentityQueue(workspace),
        rebuilder=Rebuilder(settings),
        env=make_environment(settings.templates_dir),
        static=static,
    )
    routes: list[BaseRoute] = list(ROUTES)
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                SecurityMiddleware, hosts=None if hosts is None else list(hosts), token=token
            ),
            Middleware(csrf.CsrfCookieMiddleware),
        ],
        exception_handlers={
            StaleDecisionError: _refused,
            DecisionInputError: _refused,
            csrf.CsrfError: _refused,
            NotFoundError: _refused,
            NotBuiltError: _refused,
            DecisionFileError: _refused,
            404: _no_route,
        },
    )
    app.state.web = context
    return app
