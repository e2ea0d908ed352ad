"""The targets list: ranked candidates with evidence counts, sources, categories and
the regimes their allegations meet; mark a target or not, choose regimes."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from dossier import criteria as rules
from dossier.review import REGIMES
from dossier.web import csrf
from dossier.web.app import ENTITY_ID, checked_id, wants_json, web
from dossier.web.decisions import DecisionInputError, decide_target_status


async def home(request: Request) -> Response:
    return RedirectResponse("/targets", status_code=303)


async def targets_page(request: Request) -> Response:
    context = web(request)
    show_all = request.query_params.get("all") == "1"
    targets = context.workspace.targets()
    shown = [t for t in targets if show_all or t.is_target]
    rows = [
        {
            "target": t,
            "met": rules.recommend(set(t.categories)) if len(t.categories) > 0 else [],
        }
        for t in shown
    ]
    return context.page(
        request,
        "targets.html.j2",
        rows=rows,
        show_all=show_all,
        regimes=[rules.regime(r) for r in REGIMES],
        rebuild=context.rebuilder.status(),
    )


async def decide_target(request: Request) -> Response:
    form = await csrf.checked_form(request)
    person_id = checked_id(request.path_params["pid"], ENTITY_ID, "person")
    choice = form.get("is_target")
    if choice not in ("yes", "no"):
        raise DecisionInputError("choose target or not target")
    regimes = [str(r) for r in form.getlist("regime")]
    decision = decide_target_status(web(request).workspace, person_id, choice == "yes", regimes)
    if wants_json(request):
        return JSONResponse(
            {"name": decision.name, "is_target": decision.is_target, "regimes": decision.regimes}
        )
    back = form.get("back")
    target = back if back in ("/targets", f"/targets/{person_id}") else "/targets"
    return RedirectResponse(str(target), status_code=303)


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/targets", targets_page, methods=["GET"]),
    Route("/targets/{pid}/target", decide_target, methods=["POST"]),
]
