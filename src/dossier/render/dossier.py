"""One designation dossier per candidate target: the context, the HTML and the PDF.

Everything shown comes from the person's profile (``dossier.profile``); wording
that is generated here (the statement of reasons, the sentence of each fact) is
fixed text around vocabulary values, never source text. Source text appears
only as quoted passages, names and titles, autoescaped by jinja2. Rejected
evidence is never printed: a rejected item may be a wrong attribution.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney import EntityProxy, registry

from dossier import __version__, atomic
from dossier.ids import ascii_slug, hash_parts, short_id
from dossier.model import PERPETRATOR_PARTS
from dossier.profile import (
    RELATION_SCHEMATA,
    EntityStore,
    EvidenceItem,
    PersonProfile,
    RelationItem,
    SourceRef,
    build_profile,
    candidate_targets,
    fold,
)
from dossier.render import regimes as regime_rules
from dossier.render.graph import Graph, relationship_graph
from dossier.render.pdf import format_date, html_document, make_environment, write_pdf

log = logging.getLogger(__name__)

MANIFEST = ".dossier-render.json"
FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{6}\.pdf")

CATEGORY_ORDER: tuple[str, ...] = (
    "killing", "torture", "detention", "persecution", "cover_up",
    "corruption", "laundering", "sanctions_evasion",
)  # fmt: skip
CATEGORY_NOUN: dict[str, str] = {
    "killing": "unlawful killings",
    "torture": "torture or cruel, inhuman or degrading treatment",
    "detention": "arbitrary arrest or detention",
    "persecution": "the persecution of human-rights defenders, journalists, opposition "
    "figures or protesters",
    "cover_up": "the cover-up of, or failure to investigate, serious violations",
    "corruption": "corruption (misappropriation, bribery or kleptocracy)",
    "laundering": "the laundering or concealment of assets",
    "sanctions_evasion": "the circumvention of sanctions",
}
CATEGORY_LABEL: dict[str, str] = {
    "killing": "Killings",
    "torture": "Torture / ill-treatment",
    "detention": "Arbitrary detention",
    "persecution": "Persecution",
    "cover_up": "Cover-up / failure to investigate",
    "corruption": "Corruption",
    "laundering": "Laundering / concealment",
    "sanctions_evasion": "Sanctions evasion",
    "sanctions_call": "Call for sanctions",
    "context": "Background",
}
PART_ORDER: tuple[str, ...] = ("ordered", "perpetrator", "complicit", "beneficiary", "accused")
PART_VERB: dict[str, str] = {
    "ordered": "is alleged to have ordered",
    "perpetrator": "is alleged to have carried out",
    "complicit": "is alleged to have been complicit in",
    "beneficiary": "is alleged to have benefited from",
    "accused": "is accused of involvement in",
}
LINK_LABEL: dict[str, str] = {
    "ordered": "Command or order",
    "perpetrator": "Direct participation",
    "complicit": "Complicity or failure to act",
    "beneficiary": "Benefit or profit",
    "accused": "Named as responsible, act not stated",
}
CONTRARY = re.compile(
    r"\b(den(?:y|ies|ied|ial|ials)|rejected the (?:allegation|accusation|claim)s?|"
    r"acquitt(?:ed|al)|charges (?:were |have been )?dropped|dropped (?:the )?charges|"
    r"(?:was|were|been) cleared|not guilty|dismissed the (?:case|charges)|refuted|"
    r"slander|fabricat(?:ed|ion))\b",
    re.IGNORECASE,
)
ID_LABELS: tuple[tuple[str, str], ...] = (
    ("firstName", "Given name"),
    ("fatherName", "Patronymic"),
    ("lastName", "Family name"),
    ("birthDate", "Date of birth"),
    ("birthPlace", "Place of birth"),
    ("birthCountry", "Country of birth"),
    ("nationality", "Nationality"),
    ("citizenship", "Citizenship"),
    ("country", "Country linked in the sources"),
    ("gender", "Gender"),
    ("passportNumber", "Passport number"),
    ("idNumber", "National identification number"),
)
COUNTRY_PROPS = {"nationality", "citizenship", "birthCountry", "country"}


class RenderError(ValueError):
    """A dossier cannot be rendered (e.g. the entity is not a person)."""


@dataclass(frozen=True)
class RenderOptions:
    templates_dir: Path
    date: dt.date  # printed date; passed in so identical input gives identical bytes
    organisation: str = ""
    regimes: tuple[str, ...] | None = None  # override; None = reviewer's choice or categories
    version: str = "1"
    confidentiality: str = (
        "CONFIDENTIAL — submitted to the sanctions authority named; not for publication"
    )
    extractor: str | None = None  # overrides the processing agents recorded on documents


# --- the pieces the template prints -------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A footnote: where a claim comes from, with the verbatim passage."""

    source_no: int | None
    title: str
    publisher: str
    date: str
    url: str | None
    passage: str | None
    status: str | None  # evidence review status, None for relations/positions
    ref: str | None  # E-number of the evidence item


@dataclass(frozen=True)
class Sentence:
    text: str
    note: Note | None = None
    status: str | None = None


@dataclass(frozen=True)
class IdValue:
    value: str
    note: Note | None


@dataclass(frozen=True)
class IdRow:
    label: str
    values: tuple[IdValue, ...]


@dataclass(frozen=True)
class Numbered:
    no: str  # E1 ...
    item: EvidenceItem
    source_no: int | None
    relied_on: bool


@dataclass(frozen=True)
class CriterionRow:
    citation: str
    quote: str
    note: str | None
    facts: tuple[str, ...]
    refs: tuple[str, ...]
    strength: str


@dataclass(frozen=True)
class CriteriaTable:
    regime: regime_rules.Regime
    rows: tuple[CriterionRow, ...]


@dataclass(frozen=True)
class MatrixRow:
    label: str
    cells: tuple[str, ...]
    publishers: int
    types: str
    strength: str


@dataclass(frozen=True)
class RelationRow:
    group: str
    name: str
    relationship: str
    candidate: bool
    note: Note | None


@dataclass(frozen=True)
class EntityRow:
    id: str
    schema: str
    caption: str


@dataclass
class DossierContext:
    profile: PersonProfile
    options: RenderOptions
    generator: str
    fingerprint: str
    draft: bool
    regimes: list[regime_rules.Regime]
    regimes_reason: str
    summary: list[Sentence]
    therefore: Sentence
    summary_caveats: list[str]
    identification: list[IdRow]
    criteria: list[CriteriaTable]
    uncovered: list[str]
    facts: list[Sentence]
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
    graph: Graph
    entities: list[EntityRow]
    names_seen: list[tuple[str, list[str]]]
    warnings: list[str] = field(default_factory=list)


def dossier_path(profile: PersonProfile, out_dir: Path) -> Path:
    """``<ascii-name-slug>-<short-id>.pdf`` inside ``out_dir``; no source path involved."""
    return out_dir / f"{ascii_slug(profile.name)}-{short_id(profile.id)}.pdf"


def _publisher(doc: SourceRef | None) -> str:
    if doc is None or doc.publisher is None:
        return "publisher not stated"
    return doc.publisher


def _independence_key(doc: SourceRef | None) -> str:
    if doc is None:
        return "?"
    return fold(doc.publisher) if doc.publisher is not None else f"unknown:{doc.id}"


class _Builder:
    """Builds the context for one profile."""

    def __init__(self, store: EntityStore, profile: PersonProfile, options: RenderOptions):
        self.store = store
        self.p = profile
        self.options = options
        self.source_no = {doc.id: n for n, doc in enumerate(profile.documents, start=1)}
        shown = [e for e in profile.evidence if e.status != "rejected"]
        self.numbered = [
            Numbered(
                f"E{n}",
                item,
                self.source_no.get(item.document.id) if item.document is not None else None,
                item.is_allegation
                or (item.part in PERPETRATOR_PARTS and item.category == "sanctions_call")
                or (item.category == "context" and item.part == "subject"),
            )
            for n, item in enumerate(shown, start=1)
        ]
        self.ref = {num.item.id: num.no for num in self.numbered}
        self.allegations = [n.item for n in self.numbered if n.item.is_allegation]

    # footnotes ---------------------------------------------------------------------

    def note(
        self,
        doc: SourceRef | None,
        passage: str | None,
        status: str | None = None,
        ref: str | None = None,
    ) -> Note:
        return Note(
            source_no=self.source_no.get(doc.id) if doc is not None else None,
            title=doc.label if doc is not None else "Source document not in the export",
            publisher=_publisher(doc),
            date=format_date(doc.published_at) if doc is not None else "date not stated",
            url=doc.url if doc is not None else None,
            passage=passage,
            status=status,
            ref=ref,
        )

    def evidence_note(self, item: EvidenceItem) -> Note:
        return self.note(item.document, item.summary, item.status, self.ref.get(item.id))

    def passages(self) -> list[tuple[str, Note]]:
        """Every quoted passage about the person, accepted evidence first."""
        pool: list[tuple[str, Note]] = []
        ranked = sorted(
            (n.item for n in self.numbered), key=lambda e: (e.status != "accepted", e.id)
        )
        pool.extend((e.summary, self.evidence_note(e)) for e in ranked)
        for pos in self.p.positions:
            if pos.summary is not None:
                pool.append((pos.summary, self.note(pos.document, pos.summary)))
        for rel in self.p.relations:
            if rel.summary is not None:
                pool.append((rel.summary, self.note(rel.document, rel.summary)))
        return pool

    def find_note(self, value: str) -> Note | None:
        wanted = value.casefold()
        for passage, note in self.passages():
            if wanted in passage.casefold():
                return note
        return None

    # sections ------------------------------------------------------------------------

    def chosen_regimes(self) -> tuple[list[str], str]:
        if self.options.regimes is not None:
            return list(self.options.regimes), "chosen for this rendering"
        if len(self.p.regimes) > 0:
            return [regime_rules.parse_regime(r) for r in self.p.regimes], "chosen by a reviewer"
        cats = {e.category for e in self.allegations}
        return regime_rules.recommend(cats), "derived from the allegation categories"

    def categories(self) -> list[str]:
        present = {e.category for e in self.allegations}
        return [c for c in CATEGORY_ORDER if c in present]

    def best(self, category: str) -> EvidenceItem:
        items = [e for e in self.allegations if e.category == category]
        return sorted(
            items,
            key=lambda e: (e.status != "accepted", PART_ORDER.index(e.part), e.date or "9999"),
        )[0]

    def position_sentences(self) -> list[Sentence]:
        found: list[Sentence] = []
        for pos in self.p.positions:
            when = ""
            if pos.start is not None and pos.end is not None:
                when = f" from {format_date(pos.start)} to {format_date(pos.end)}"
            elif pos.start is not None:
                when = f" since {format_date(pos.start)}"
            elif pos.end is not None:
                when = f" until {format_date(pos.end)}"
            verb = "was" if pos.end is not None else "is"
            if pos.start is not None and pos.end is None:
                verb = "has been"
            if pos.summary is not None:
                note: Note | None = self.note(pos.document, pos.summary)
            else:
                note = self.find_note(pos.title)
            found.append(
                Sentence(f"According to the sources, {self.p.name} {verb} {pos.title}{when}.", note)
            )
        return found

    def summary(self) -> tuple[list[Sentence], Sentence, list[str]]:
        name = self.p.name
        sentences = self.position_sentences()
        if len(sentences) == 0:
            sentences.append(Sentence(f"The sources do not state a position held by {name}."))
        accepted_cats: list[str] = []
        pending_cats: list[str] = []
        for index, category in enumerate(self.categories()):
            item = self.best(category)
            lead = "Further, " if index > 0 else (
                "In that capacity, " if len(self.p.positions) > 0 else ""
            )
            when = f" ({format_date(item.date)})" if item.date is not None else ""
            sentences.append(
                Sentence(
                    f"{lead}{name} {PART_VERB[item.part]} {CATEGORY_NOUN[category]}{when}, "
                    f"according to {_publisher(item.document)}.",
                    self.evidence_note(item),
                    item.status,
                )
            )
            (accepted_cats if item.status == "accepted" else pending_cats).append(category)
        relied = self.allegations
        publishers = sorted({_publisher(e.document) for e in relied})
        accepted = sum(1 for e in relied if e.status == "accepted")
        if len(relied) > 0:
            sentences.append(
                Sentence(
                    f"These allegations rest on {len(relied)} evidence "
                    f"item{'s' if len(relied) != 1 else ''} from {len(publishers)} "
                    f"publisher{'s' if len(publishers) != 1 else ''} "
                    f"({'; '.join(publishers)}); {accepted} of them "
                    f"{'has' if accepted == 1 else 'have'} been reviewed and accepted."
                )
            )
        caveats: list[str] = []
        if len(accepted_cats) > 0:
            conduct = _join(CATEGORY_NOUN[c] for c in accepted_cats)
            therefore = Sentence(
                f"Therefore there are reasonable grounds to suspect that {name} is or has been "
                f"involved in, and is responsible for, {conduct}."
            )
        elif len(pending_cats) > 0:
            therefore = Sentence(
                f"Subject to the review of the evidence, which is not complete, the sources "
                f"would give reasonable grounds to suspect that {name} is or has been involved "
                f"in {_join(CATEGORY_NOUN[c] for c in pending_cats)}."
            )
        else:
            therefore = Sentence(
                f"The sources in this dossier contain no allegation of conduct by {name} that "
                "meets a designation criterion; no designation is proposed on this basis."
            )
        if len(accepted_cats) > 0 and len(pending_cats) > 0:
            caveats.append(
                f"The allegations of {_join(CATEGORY_NOUN[c] for c in pending_cats)} rest on "
                "evidence that has not yet been reviewed and are not relied on in the "
                "conclusion above."
            )
        if self.p.deceased:
            caveats.append(
                f"The sources report that {name} has died. Sanctions are not imposed on a "
                "deceased person; this dossier records the evidence only."
            )
        return sentences, therefore, caveats

    def identification(self) -> list[IdRow]:
        rows: list[IdRow] = []
        for script, names in self.p.names_by_script.items():
            rows.append(
                IdRow(
                    f"Name ({script} script)",
                    tuple(IdValue(n, self.find_note(n)) for n in names),
                )
            )
        for prop, label in ID_LABELS:
            values = self.p.identifiers.get(prop, [])
            shown = [_country(v) if prop in COUNTRY_PROPS else v for v in values]
            rows.append(
                IdRow(label, tuple(IdValue(s, self.find_note(s)) for s in shown))
            )
        positions = tuple(
            IdValue(
                pos.title
                + (f" (from {format_date(pos.start)})" if pos.start is not None else "")
                + (f" (until {format_date(pos.end)})" if pos.end is not None else ""),
                self.note(pos.document, pos.summary)
                if pos.summary is not None
                else self.find_note(pos.title),
            )
            for pos in self.p.positions
        )
        rows.append(IdRow("Positions held", positions))
        status = "Reported deceased" if self.p.deceased else None
        rows.append(IdRow("Status", (IdValue(status, None),) if status is not None else ()))
        return rows

    def strength(self, items: Sequence[EvidenceItem]) -> str:
        accepted = [e for e in items if e.status == "accepted"]
        if len(accepted) == 0:
            return "Unreviewed: not yet relied on"
        independent = {_independence_key(e.document) for e in accepted}
        if len(independent) >= 2:
            return f"Corroborated: {len(independent)} independent publishers"
        return "Single source (reviewed)"

    def criteria(self, regime_ids: list[str]) -> tuple[list[CriteriaTable], list[str]]:
        cats = self.categories()
        tables: list[CriteriaTable] = []
        covered: set[str] = set()
        for rid in regime_ids:
            rows: list[CriterionRow] = []
            for limb, limb_cats in regime_rules.limbs_for(rid, cats):
                covered.update(limb_cats)
                items = [e for e in self.allegations if e.category in limb_cats]
                facts = tuple(
                    f"{self.p.name} {PART_VERB[e.part]} {CATEGORY_NOUN[e.category]}"
                    + (f" ({format_date(e.date)})" if e.date is not None else "")
                    + ("" if e.status == "accepted" else " [unreviewed]")
                    for e in items
                )
                refs = tuple(self.ref[e.id] for e in items)
                rows.append(
                    CriterionRow(limb.citation, limb.quote, limb.note, facts, refs,
                                 self.strength(items))
                )
            tables.append(CriteriaTable(regime_rules.regime(rid), tuple(rows)))
        uncovered = [CATEGORY_NOUN[c] for c in cats if c not in covered]
        return tables, uncovered

    def facts(self) -> list[Sentence]:
        found: list[Sentence] = []
        for num in self.numbered:
            item = num.item
            if not num.relied_on or item.category == "sanctions_call":
                continue
            when = f"On or about {format_date(item.date)}, a" if item.date is not None else "A"
            if item.category == "context":
                text = (
                    f"{when}ccording to {_publisher(item.document)}, the following is reported "
                    f"about {self.p.name}'s identity, position or conduct."
                )
            else:
                text = (
                    f"{when}ccording to {_publisher(item.document)}, {self.p.name} "
                    f"{PART_VERB[item.part]} {CATEGORY_NOUN[item.category]}."
                )
            found.append(Sentence(text, self.evidence_note(item), item.status))
        return found

    def links(self) -> list[tuple[str, list[str], list[str]]]:
        rows: list[tuple[str, list[str], list[str]]] = []
        for part in PART_ORDER:
            items = [e for e in self.allegations if e.part == part]
            if len(items) == 0:
                continue
            cats = sorted({e.category for e in items}, key=CATEGORY_ORDER.index)
            rows.append(
                (LINK_LABEL[part], [CATEGORY_LABEL[c] for c in cats],
                 [self.ref[e.id] for e in items])
            )
        return rows

    def matrix(self) -> tuple[list[int], list[MatrixRow]]:
        used = sorted(
            {self.source_no[e.document.id] for e in self.allegations if e.document is not None}
        )
        docs = {n: d for d, n in self.source_no.items()}
        rows: list[MatrixRow] = []
        for category in self.categories():
            items = [e for e in self.allegations if e.category == category]
            cells: list[str] = []
            for no in used:
                here = [e for e in items if e.document is not None and e.document.id == docs[no]]
                acc = sum(1 for e in here if e.status == "accepted")
                unrev = sum(1 for e in here if e.status == "unreviewed")
                cell = " ".join(
                    ([f"✓{acc if acc > 1 else ''}"] if acc > 0 else [])
                    + ([f"?{unrev if unrev > 1 else ''}"] if unrev > 0 else [])
                )
                cells.append(cell if cell != "" else "–")
            types = sorted({e.document.source_type for e in items if e.document is not None})
            rows.append(
                MatrixRow(
                    CATEGORY_LABEL[category],
                    tuple(cells),
                    len({_independence_key(e.document) for e in items}),
                    ", ".join(types),
                    self.strength(items),
                )
            )
        return used, rows

    def contrary(self) -> list[Sentence]:
        found: list[Sentence] = []
        for num in self.numbered:
            if CONTRARY.search(num.item.summary) is not None:
                found.append(
                    Sentence(
                        f"{_publisher(num.item.document)} reports contrary information or "
                        f"the person's response ({num.no}).",
                        self.evidence_note(num.item),
                        num.item.status,
                    )
                )
        for rel in self.p.relations:
            if rel.summary is not None and CONTRARY.search(rel.summary) is not None:
                found.append(
                    Sentence(
                        f"{_publisher(rel.document)} reports contrary information in a passage "
                        f"about the person's {rel.kind} link to {rel.other_name}.",
                        self.note(rel.document, rel.summary),
                    )
                )
        return found

    def ties(self, chosen: list[regime_rules.Regime]) -> list[tuple[str, list[Sentence]]]:
        result: list[tuple[str, list[Sentence]]] = []
        seen: set[str] = set()
        for reg in chosen:
            if reg.jurisdiction in seen:
                continue
            seen.add(reg.jurisdiction)
            rows: list[Sentence] = []
            countries = set(reg.countries)
            for prop in ("nationality", "citizenship", "country"):
                for value in self.p.identifiers.get(prop, []):
                    if value in countries:
                        rows.append(
                            Sentence(f"{self.p.name}: {prop} recorded as {_country(value)}.",
                                     self.find_note(_country(value)))
                        )
            for rel in self.p.relations:
                hit = sorted(set(rel.other_countries) & countries)
                if len(hit) > 0:
                    rows.append(
                        Sentence(
                            f"{_relation_phrase(rel)} {rel.other_name} is linked to "
                            f"{_join(_country(c) for c in hit)}.",
                            self.note(rel.document, rel.summary),
                        )
                    )
                if rel.other_schema != "Person":
                    continue
                for second in build_profile(self.store, rel.other_id).relations:
                    hit2 = sorted(set(second.other_countries) & countries)
                    if second.other_id == self.p.id or len(hit2) == 0:
                        continue
                    rows.append(
                        Sentence(
                            f"{rel.other_name} ({_relation_phrase(rel).lower()}) has "
                            f"{'an' if second.kind[:1] in 'aeiou' else 'a'} {second.kind} "
                            f"link ({second.relationship or second.kind}) to "
                            f"{second.other_name}, which is linked to "
                            f"{_join(_country(c) for c in hit2)}.",
                            self.note(second.document, second.summary),
                        )
                    )
            pattern = re.compile(
                r"(?<!\w)(" + "|".join(re.escape(w) for w in reg.place_words) + r")(?!\w)"
            )
            for num in self.numbered:
                match = pattern.search(num.item.summary)
                if match is not None:
                    rows.append(
                        Sentence(
                            f"A passage about {self.p.name} mentions “{match.group(1)}” "
                            f"({num.no}).",
                            self.evidence_note(num.item),
                            num.item.status,
                        )
                    )
            result.append((reg.jurisdiction, rows))
        return result

    def relations(self) -> list[RelationRow]:
        rows: list[RelationRow] = []
        group = {
            "family": "Family",
            "associate": "Associates",
        }
        for rel in self.p.relations:
            rows.append(
                RelationRow(
                    group.get(rel.kind, "Organisations and posts"),
                    rel.other_name,
                    _relation_phrase(rel),
                    "poi" in rel.other_topics,
                    self.note(rel.document, rel.summary) if rel.summary is not None else None,
                )
            )
        order = ["Family", "Associates", "Organisations and posts"]
        rows.sort(key=lambda r: (order.index(r.group), r.name))
        return rows

    def calls(self) -> list[Sentence]:
        return [
            Sentence(
                f"{_publisher(n.item.document)} calls for sanctions against {self.p.name}"
                + (f" ({format_date(n.item.date)})" if n.item.date is not None else "")
                + ".",
                self.evidence_note(n.item),
                n.item.status,
            )
            for n in self.numbered
            if n.item.category == "sanctions_call"
        ]

    def entities(self) -> list[EntityRow]:
        ids: list[str] = [self.p.id]
        ids.extend(n.item.id for n in self.numbered)
        for ref, _prop in self.store.references(self.p.id):
            if not ref.schema.is_a("Documentation"):
                ids.append(str(ref.id))
                ids.extend(sorted(ref.get("post", quiet=True)))
        ids.extend(rel.other_id for rel in self.p.relations)
        ids.extend(doc.id for doc in self.p.documents)
        rows: list[EntityRow] = []
        seen: set[str] = set()
        for entity_id in ids:
            proxy = self.store.get(entity_id)
            if entity_id in seen or proxy is None:
                continue
            seen.add(entity_id)
            rows.append(EntityRow(entity_id, proxy.schema.name, _entity_caption(proxy)))
        return rows

    def extractors(self) -> list[str]:
        if self.options.extractor is not None:
            return [self.options.extractor]
        return sorted(
            {d.processing_agent for d in self.p.documents if d.processing_agent is not None}
        )

    def fingerprint(self) -> str:
        parts: list[str] = [self.p.id, self.p.name, *self.p.aliases]
        parts.extend(f"{e.id}:{e.status}" for e in self.p.evidence)
        parts.extend(r.record_id or r.other_id for r in self.p.relations)
        return hash_parts(*parts)[:12]

    def build(self) -> DossierContext:
        regime_ids, reason = self.chosen_regimes()
        chosen = [regime_rules.regime(r) for r in regime_ids]
        summary, therefore, caveats = self.summary()
        criteria, uncovered = self.criteria(regime_ids)
        matrix_sources, matrix = self.matrix()
        co_targets = sorted({r.other_name for r in self.p.relations if "poi" in r.other_topics})
        not_relied = sum(1 for n in self.numbered if not n.relied_on)
        return DossierContext(
            profile=self.p,
            options=self.options,
            generator=f"dossier {__version__}",
            fingerprint=self.fingerprint(),
            draft=self.p.is_draft,
            regimes=chosen,
            regimes_reason=reason,
            summary=summary,
            therefore=therefore,
            summary_caveats=caveats,
            identification=self.identification(),
            criteria=criteria,
            uncovered=uncovered,
            facts=self.facts(),
            links=self.links(),
            position_links=self.position_sentences(),
            matrix_sources=matrix_sources,
            matrix=matrix,
            contrary=self.contrary(),
            ties=self.ties(chosen),
            relations=self.relations(),
            co_targets=co_targets,
            calls=self.calls(),
            extractors=self.extractors(),
            status_counts=self.p.status_counts(),
            not_relied=not_relied,
            sources=self.p.documents,
            excerpts=self.numbered,
            graph=relationship_graph(self.store, self.p),
            entities=self.entities(),
            names_seen=list(self.p.names_by_script.items()),
        )


def _entity_caption(proxy: EntityProxy) -> str:
    if proxy.schema.is_a("Documentation"):
        role = sorted(proxy.get("role", quiet=True))
        status = sorted(proxy.get("status", quiet=True))
        return f"Evidence: {', '.join(role)} ({', '.join(status) or 'no status'})"
    if proxy.schema.name in RELATION_SCHEMATA or proxy.schema.is_a("Occupancy"):
        label = sorted(proxy.get("relationship", quiet=True) + proxy.get("role", quiet=True))
        return f"{proxy.schema.label}: {', '.join(label)}" if label else str(proxy.schema.label)
    return str(proxy.caption)


def _join(items: Iterable[str]) -> str:
    values = list(items)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def _country(code: str) -> str:
    caption = registry.country.caption(code)
    return caption if caption is not None and caption != "" else code.upper()


def _relation_phrase(rel: RelationItem) -> str:
    label = rel.relationship or rel.kind
    if rel.outgoing or rel.kind == "associate":  # associates are symmetric
        return label[:1].upper() + label[1:]
    if rel.kind == "family":
        return f"This person is their {label}"
    return f"{rel.kind.title()} ({label})"


def dossier_context(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> DossierContext:
    if profile.schema != "Person":
        raise RenderError(f"{profile.id} is a {profile.schema}; dossiers are for persons")
    return _Builder(store, profile, options).build()


def render_dossier_html(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> str:
    env = make_environment(options.templates_dir)
    context = dossier_context(profile, store, options)
    return env.get_template("dossier.html.j2").render(d=context, regimes_all=regime_rules)


def render_dossier_pdf(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> bytes:
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
