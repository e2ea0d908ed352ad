"""One designation dossier per candidate target: the context, the HTML and the PDF.

Everything shown comes from the person's profile (``dossier.profile``); each
section of the dossier is built by one module of ``dossier.render.sections``
(also used by the review screen). Wording that is generated there is fixed text
around vocabulary values, never source text. Source text appears only as quoted
passages, names and titles, autoescaped by jinja2. Rejected evidence is never
printed: a rejected item may be a wrong attribution.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier import __version__, atomic
from dossier import criteria as rules
from dossier.ids import ascii_slug, short_id
from dossier.profile import (
    EntityStore,
    PersonProfile,
    SourceRef,
    build_profile,
    candidate_targets,
)
from dossier.render.graph import Graph, relationship_graph
from dossier.render.options import RenderError, RenderOptions
from dossier.render.pdf import html_document, shared_environment, write_pdf
from dossier.render.screening import Screening, ScreeningError, TargetScreening
from dossier.render.sections import (
    calls,
    contrary,
    corroboration,
    criteria,
    designations,
    entities,
    facts,
    identification,
    links,
    methodology,
    positions,
    regimes,
    relations,
    summary,
    ties,
)
from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.corroboration import MatrixRow
from dossier.render.sections.criteria import CriteriaTable
from dossier.render.sections.entities import EntityRow
from dossier.render.sections.evidence import Numbered, excerpt_groups
from dossier.render.sections.identification import IdRow
from dossier.render.sections.relations import RelationRow

__all__ = [
    "FILE_NAME",
    "MANIFEST",
    "DossierContext",
    "RenderError",
    "RenderOptions",
    "dossier_context",
    "dossier_path",
    "render_all",
    "render_dossier_html",
    "render_dossier_pdf",
]

log = logging.getLogger(__name__)

MANIFEST = ".dossier-render.json"
FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{6}\.pdf")


@dataclass
class DossierContext:
    profile: PersonProfile
    options: RenderOptions
    generator: str
    fingerprint: str
    draft: bool
    regimes: list[rules.Regime]
    regimes_reason: str
    summary: list[Sentence]
    therefore: Sentence
    summary_caveats: list[str]
    identification: list[IdRow]
    criteria: list[CriteriaTable]
    uncovered: list[str]
    facts: list[tuple[str, list[Sentence]]]  # (category label, sentences), chronological
    background_count: int  # passages about the person that are not conduct
    links: list[tuple[str, list[str], list[str]]]
    position_links: list[Sentence]
    matrix_sources: list[int]
    matrix: list[MatrixRow]
    contrary: list[Sentence]
    ties: list[tuple[str, list[Sentence]]]
    relations: list[RelationRow]
    co_targets: list[str]
    calls: list[Sentence]
    extractors: list[str]
    status_counts: dict[str, int]
    not_relied: int
    sources: list[SourceRef]
    excerpts: list[Numbered]
    excerpt_groups: list[tuple[str, list[Numbered]]]
    existing: list[designations.Existing]  # designations the sources report
    screening: TargetScreening | None
    screening_run: Screening | None
    screening_note: str  # how screening was (or was not) done, one sentence
    graph: Graph
    entities: list[EntityRow]
    names_seen: list[tuple[str, list[str]]]
    warnings: list[str] = field(default_factory=list)


def dossier_path(profile: PersonProfile, out_dir: Path) -> Path:
    """``<ascii-name-slug>-<short-id>.pdf`` inside ``out_dir``; no source path involved."""
    return out_dir / f"{ascii_slug(profile.name)}-{short_id(profile.id)}.pdf"


def _build(b: Basis) -> DossierContext:
    """Every section, in the order the template prints them (footnotes depend on it)."""
    regime_ids, reason = regimes.chosen_regimes(b)
    chosen = [rules.regime(r) for r in regime_ids]
    position_list = positions.position_list(b)
    summary_sentences, therefore, caveats = summary.summary(b, position_list)
    identification_rows = identification.identification(b, position_list)
    criteria_tables, uncovered = criteria.criteria(b, regime_ids)
    fact_groups = facts.facts(b)
    position_links = [Sentence(pos.dated, pos.note) for pos in position_list]
    matrix_sources, matrix = corroboration.matrix(b)
    co_targets = sorted({r.other_name for r in b.p.relations if "poi" in r.other_topics})
    not_relied = sum(1 for n in b.numbered if n.group == 3)
    contrary_sentences = contrary.contrary(b)
    tie_rows = ties.ties(b, chosen)
    relation_rows = relations.relations(b)
    existing = designations.existing(b)
    screening, run, screening_note = designations.screening(b)
    call_sentences = calls.calls(b)
    return DossierContext(
        profile=b.p,
        options=b.options,
        generator=f"dossier {__version__}",
        fingerprint=methodology.fingerprint(b),
        draft=b.p.is_draft,
        regimes=chosen,
        regimes_reason=reason,
        summary=summary_sentences,
        therefore=therefore,
        summary_caveats=caveats,
        identification=identification_rows,
        criteria=criteria_tables,
        uncovered=uncovered,
        facts=fact_groups,
        background_count=sum(1 for n in b.numbered if n.group == 2),
        links=links.links(b),
        position_links=position_links,
        matrix_sources=matrix_sources,
        matrix=matrix,
        contrary=contrary_sentences,
        ties=tie_rows,
        relations=relation_rows,
        co_targets=co_targets,
        calls=call_sentences,
        extractors=methodology.extractors(b),
        status_counts=b.p.status_counts(),
        not_relied=not_relied,
        sources=b.p.documents,
        excerpts=b.numbered,
        excerpt_groups=excerpt_groups(b.numbered),
        existing=existing,
        screening=screening,
        screening_run=run,
        screening_note=screening_note,
        graph=relationship_graph(b.store, b.p),
        entities=entities.entities(b),
        names_seen=list(identification.names_by_script(b).items()),
    )


def dossier_context(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> DossierContext:
    if profile.schema != "Person":
        raise RenderError(f"{profile.id} is a {profile.schema}; dossiers are for persons")
    try:
        return _build(Basis(store, profile, options))
    except ScreeningError as exc:
        raise RenderError(str(exc)) from exc


def render_dossier_html(profile: PersonProfile, store: EntityStore, options: RenderOptions) -> str:
    env = shared_environment(options.templates_dir)
    context = dossier_context(profile, store, options)
    return env.get_template("dossier.html.j2").render(d=context, regimes_all=rules)


def render_dossier_pdf(profile: PersonProfile, store: EntityStore, options: RenderOptions) -> bytes:
    """The dossier PDF. Identical profile, store and options give identical bytes."""
    html = render_dossier_html(profile, store, options)
    return write_pdf(html_document(html, options.templates_dir))


def _read_manifest(out_dir: Path) -> list[str]:
    path = out_dir / MANIFEST
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        log.warning("ignoring unreadable %s", path)
        return []
    files = data.get("files", []) if isinstance(data, dict) else []
    return [f for f in files if isinstance(f, str) and FILE_NAME.fullmatch(f) is not None]


def render_all(
    store: EntityStore,
    out_dir: Path,
    options: RenderOptions,
    progress: Callable[[Path], None] | None = None,
    targets: Sequence[str] | None = None,
) -> list[Path]:
    """One PDF per candidate target (or per ID in ``targets``), written atomically.

    On a full run (``targets`` is None), PDFs this function wrote before (listed in
    the folder's manifest) that no longer belong to a target are removed; nothing
    else in ``out_dir`` is touched.
    """
    ids = candidate_targets(store) if targets is None else list(targets)
    written: list[Path] = []
    for person_id in ids:
        profile = build_profile(store, person_id)
        path = dossier_path(profile, out_dir)
        atomic.write_bytes(path, render_dossier_pdf(profile, store, options))
        written.append(path)
        if progress is not None:
            progress(path)
    names = sorted({p.name for p in written})
    previous = _read_manifest(out_dir)
    if targets is None:
        for stale in sorted(set(previous) - set(names)):
            (out_dir / stale).unlink(missing_ok=True)
            log.info("removed stale dossier %s", stale)
        keep = names
    else:
        keep = sorted(set(previous) | set(names))
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic.write_text(out_dir / MANIFEST, json.dumps({"files": keep}, indent=1) + "\n")
    return written
