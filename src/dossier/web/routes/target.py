"""A target's page: identity with sources, every evidence item in its paragraph with
its reading and review controls, filters, the corroboration matrix, rebuild and
the PDF. The identity rows and the matrix come from the dossier's own section
builders (``dossier.render.sections``), so the page and the PDF agree."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from dossier import criteria as rules
from dossier.build import render_date
from dossier.model import CATEGORIES, PARTS, page_label
from dossier.profile import STATUSES, EvidenceItem, PersonProfile, build_profile
from dossier.render.dossier import dossier_path
from dossier.render.options import RenderOptions
from dossier.render.sections import corroboration, identification, positions
from dossier.render.sections.basis import Basis
from dossier.render.sections.wording import CATEGORY_LABEL
from dossier.review import REGIMES, EvidenceDecision
from dossier.web import csrf
from dossier.web.app import ENTITY_ID, EVIDENCE_ID, NotFoundError, checked_id, wants_json, web
from dossier.web.decisions import DecisionInputError, decide_item, item_version
from dossier.web.passages import Piece, in_paragraph
from dossier.web.workspace import Snapshot

FILTER_STATUSES: tuple[str, ...] = (*STATUSES, "decided")


@dataclass(frozen=True)
class ItemView:
    """One evidence item as the page shows it."""

    item: EvidenceItem
    no: str | None  # E-number in the dossier (None: rejected, not printed)
    version: str
    pieces: list[Piece]
    decision: EvidenceDecision | None  # on disk now, maybe not yet built
    frame: str | None  # the frame or rule that produced the reading, when recorded
    attributed_to: str | None
    source_no: int | None
    pages: str | None = None  # "p. 12" where the source is paginated
    ocr: bool = False  # the passage was read by OCR: check it against the page image

    @property
    def shown_status(self) -> str:
        return self.decision.status if self.decision is not None else self.item.status

    @property
    def pending(self) -> bool:
        """Decided on disk, but the entities (and the PDF) do not show it yet."""
        if self.decision is None:
            return False
        d = self.decision
        return (
            d.status != self.item.status
            or (d.category is not None and d.category != self.item.category)
            or (d.part is not None and d.part != self.item.part)
            or (d.note is not None and d.note != self.item.reviewer_note)
        )


def _profile(snapshot: Snapshot, person_id: str) -> PersonProfile:
    proxy = snapshot.store.get(person_id)
    if proxy is None or not (proxy.schema.is_a("Person") or proxy.schema.is_a("Organization")):
        raise NotFoundError(f"no person or organisation has the ID {person_id!r}")
    return build_profile(snapshot.store, person_id)


def _items(
    snapshot: Snapshot, basis: Basis, review_claims: dict[str, EvidenceDecision]
) -> list[ItemView]:
    views: list[ItemView] = []
    for item in sorted(basis.p.evidence, key=lambda e: (basis.ref.get(e.id) is None, e.id)):
        found = snapshot.claims.get(item.id)
        pieces: list[Piece] = []
        frame = attributed = pages = None
        ocr = False
        decision = review_claims.get(item.id)
        if found is not None:
            claim, extraction = found
            pieces = in_paragraph(claim, extraction)
            span = extraction.source.page_range(claim.start, claim.end)
            pages = page_label(span) if span is not None else None
            ocr = extraction.source.is_ocr(claim.start, claim.end)
            value = getattr(claim, "frame", None)
            frame = value if isinstance(value, str) and value != "" else None
            attributed = claim.attributed_to
        if len(pieces) == 0:
            pieces = [Piece(item.summary, "passage")]
        views.append(
            ItemView(
                item=item,
                no=basis.ref.get(item.id),
                version=item_version(item),
                pieces=pieces,
                decision=decision,
                frame=frame,
                attributed_to=attributed,
                source_no=basis.source_no.get(item.document.id) if item.document else None,
                pages=pages,
                ocr=ocr,
            )
        )
    views.sort(key=lambda v: (v.no is None, int(v.no[1:]) if v.no is not None else 0, v.item.id))
    return views


def _filtered(views: list[ItemView], request: Request) -> tuple[list[ItemView], dict[str, str]]:
    params = request.query_params
    chosen = {
        "status": params.get("status", ""),
        "category": params.get("category", ""),
        "source": params.get("source", ""),
    }
    shown = views
    if chosen["status"] in FILTER_STATUSES:
        if chosen["status"] == "decided":
            shown = [v for v in shown if v.pending]
        else:
            shown = [v for v in shown if v.shown_status == chosen["status"]]
    else:
        chosen["status"] = ""
    if chosen["category"] in CATEGORIES:
        shown = [v for v in shown if v.item.category == chosen["category"]]
    else:
        chosen["category"] = ""
    sources = {v.item.document.id for v in views if v.item.document is not None}
    if chosen["source"] in sources:
        shown = [
            v
            for v in shown
            if v.item.document is not None and v.item.document.id == chosen["source"]
        ]
    else:
        chosen["source"] = ""
    return shown, chosen


async def target_page(request: Request) -> Response:
    context = web(request)
    person_id = checked_id(request.path_params["pid"], ENTITY_ID, "person")
    snapshot = context.workspace.snapshot()
    profile = _profile(snapshot, person_id)
    settings = context.workspace.settings
    basis = Basis(
        snapshot.store, profile, RenderOptions(settings.templates_dir, date=render_date())
    )
    position_list = positions.position_list(basis)
    ident = identification.identification(basis, position_list)
    matrix_sources, matrix = corroboration.matrix(basis)
    review = context.workspace.review()
    decisions: dict[str, EvidenceDecision] = {}
    for item in profile.evidence:
        found = snapshot.claims.get(item.id)
        if found is not None:
            decision = review.decision_for(found[0])
            if decision is not None:
                decisions[item.id] = decision
    views = _items(snapshot, basis, decisions)
    shown, chosen = _filtered(views, request)
    cluster = snapshot.clusters.get(person_id)
    target_decision = review.target_for(cluster.keys) if cluster is not None else None
    pdf = dossier_path(profile, settings.dossiers_dir)
    categories_present = sorted({v.item.category for v in views})
    met = rules.recommend({e.category for e in profile.evidence if e.is_allegation})
    return context.page(
        request,
        "target.html.j2",
        p=profile,
        basis=basis,
        identification=ident,
        matrix_sources=matrix_sources,
        matrix=matrix,
        sources={n: d for d, n in basis.source_no.items()},
        documents=profile.documents,
        items=shown,
        total=len(views),
        counts={s: sum(1 for v in views if v.shown_status == s) for s in STATUSES},
        pending=sum(1 for v in views if v.pending),
        chosen=chosen,
        statuses=FILTER_STATUSES,
        categories=CATEGORIES,
        categories_present=categories_present,
        category_label=CATEGORY_LABEL,
        parts=PARTS,
        regimes=[rules.regime(r) for r in REGIMES],
        met=met,
        target_decision=target_decision,
        is_person=profile.schema == "Person",
        members=len(cluster.members) if cluster is not None else 0,
        has_pdf=pdf.is_file(),
        rebuild=context.rebuilder.status(),
    )


async def decide(request: Request) -> Response:
    form = await csrf.checked_form(request)
    person_id = checked_id(request.path_params["pid"], ENTITY_ID, "person")
    evidence_id = checked_id(request.path_params["eid"], EVIDENCE_ID, "evidence item")
    action = form.get("action")
    version = form.get("version")
    value = form.get("value")
    if not isinstance(action, str) or not isinstance(version, str):
        raise DecisionInputError("the form needs an action and the item's version")
    decision = decide_item(
        web(request).workspace,
        person_id,
        evidence_id,
        version,
        action,
        value if isinstance(value, str) else None,
    )
    if wants_json(request):
        return JSONResponse(
            {
                "id": decision.id,
                "status": decision.status,
                "category": decision.category,
                "part": decision.part,
                "note": decision.note,
                "user": decision.user,
                "at": decision.at,
            }
        )
    return RedirectResponse(f"/targets/{person_id}#{evidence_id}", status_code=303)


async def dossier_pdf(request: Request) -> Response:
    context = web(request)
    person_id = checked_id(request.path_params["pid"], ENTITY_ID, "person")
    profile = _profile(context.workspace.snapshot(), person_id)
    path = dossier_path(profile, context.workspace.settings.dossiers_dir)
    if not path.is_file():
        raise NotFoundError(f"{profile.name} has no dossier yet: rebuild to render it")
    return Response(
        path.read_bytes(),
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{path.name}"',
            "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'",
        },
    )


async def split(request: Request) -> Response:
    await csrf.checked_form(request)
    person_id = checked_id(request.path_params["pid"], ENTITY_ID, "person")
    decisions = web(request).identity.split(person_id)
    if wants_json(request):
        return JSONResponse({"recorded": len(decisions)})
    return RedirectResponse(f"/targets/{person_id}", status_code=303)


ROUTES = [
    Route("/targets/{pid}", target_page, methods=["GET"]),
    Route("/targets/{pid}/evidence/{eid}", decide, methods=["POST"]),
    Route("/targets/{pid}/dossier.pdf", dossier_pdf, methods=["GET"]),
    Route("/targets/{pid}/split", split, methods=["POST"]),
]
