"""CSRF protection for every form: a double-submit token bound to the browser.

The first page a browser loads sets a random ``dossier_csrf`` cookie
(HttpOnly, SameSite=Strict); every form carries the same value in a hidden
``csrf`` field (scripts send it as ``X-CSRF-Token``). A POST whose field and
cookie differ, or that comes from another origin, is refused.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "dossier_csrf"
FIELD = "csrf"
HEADER = "x-csrf-token"


class CsrfError(PermissionError):
    """A form without a valid CSRF token."""


class CsrfCookieMiddleware:
    """Puts a CSRF token in ``scope["state"]`` and sets the cookie when it is new."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = request.cookies.get(COOKIE)
        fresh = token is None or len(token) < 32
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token

        async def send_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, receive, send_cookie)


def token(request: Request) -> str:
    value = request.state.csrf
    assert isinstance(value, str)
    return value


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after checking its CSRF token and origin; else CsrfError."""
    form = await request.form()
    cookie = request.cookies.get(COOKIE)
    offered = form.get(FIELD)
    if not isinstance(offered, str):
        offered = request.headers.get(HEADER)
    if cookie is None or offered is None or not hmac.compare_digest(cookie, offered):
        raise CsrfError("the form has no valid CSRF token: reload the page and try again")
    origin = request.headers.get("origin")
    if origin is not None and origin != "null":
        expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin != expected:
            raise CsrfError(f"a form from another site ({origin}) was refused")
    return form
