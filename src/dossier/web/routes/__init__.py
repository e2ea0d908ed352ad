"""One module per page of the review screen; ``ROUTES`` lists them all."""

from __future__ import annotations

from starlette.routing import BaseRoute

from dossier.web.routes import assets, identity, rebuild, sources, target, targets

ROUTES: list[BaseRoute] = [
    *targets.ROUTES,
    *target.ROUTES,
    *identity.ROUTES,
    *sources.ROUTES,
    *rebuild.ROUTES,
    *assets.ROUTES,
]
