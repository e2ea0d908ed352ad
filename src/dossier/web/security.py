"""Response headers, host check and access token for the review screen.

- Every response says, in its Content-Security-Policy, that scripts, styles,
  images, frames and requests come from this application only (no CDN, no
  inline script), and that no other site may frame it.
- On loopback, requests must name this server in their Host header (a web page
  elsewhere cannot reach it by DNS rebinding).
- When the server listens on an address other than loopback, every request
  needs the secret token printed at start-up: once as ``?token=…`` (it then
  lives in a cookie) or in an ``X-Dossier-Token`` header.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable

from starlette.datastructures import URL, Headers, QueryParams
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; frame-src 'self'; object-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'self'"
)
HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
TOKEN_COOKIE = "dossier_token"
TOKEN_HEADER = "x-dossier-token"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SecurityMiddleware:
    """Host check, token check and the security headers, on every HTTP response."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | None, token: str | None) -> None:
        self.app = app
        # None: any Host (a server on a public address, protected by the token instead)
        self.hosts = None if hosts is None else {h.lower() for h in hosts}
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]").lower()
        refusal: Response | None = None
        if self.hosts is not None and host not in self.hosts:
            refusal = PlainTextResponse(f"Unknown host {host!r}.", status_code=400)
        elif self.token is not None:
            refusal = self._token_refusal(scope, headers)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                for name, value in HEADERS.items():
                    key = name.lower().encode("latin-1")
                    if key not in present:
                        raw.append((key, value.encode("latin-1")))
                message["headers"] = raw
            await send(message)

        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _token_refusal(self, scope: Scope, headers: Headers) -> Response | None:
        assert self.token is not None
        url = URL(scope=scope)
        offered = QueryParams(url.query).get("token")
        if offered is not None and hmac.compare_digest(offered, self.token):
            # Keep the token in a cookie and drop it from the address bar.
            response = RedirectResponse(url.remove_query_params("token").path, status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return response
        cookie = _cookie(headers, TOKEN_COOKIE)
        header = headers.get(TOKEN_HEADER)
        for candidate in (cookie, header):
            if candidate is not None and hmac.compare_digest(candidate, self.token):
                return None
        return PlainTextResponse(
            "This server needs the token printed when `dossier serve` started: "
            "open the address it printed (…?token=…).",
            status_code=403,
        )


def _cookie(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None
