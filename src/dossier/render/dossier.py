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
from dossier import criteria as rules
from dossier.ids import ascii_slug, hash_parts, short_id
from dossier.model import PERPETRATOR_PARTS
from dossier.profile import (
    RELATION_SCHEMATA,
    EntityStore,
    EvidenceItem,
    PersonProfile,
    PositionHeld,
    RelationItem,
    SourceRef,
    build_profile,
    candidate_targets,
    fold,
)
from dossier.render.graph import Graph, relationship_graph
from dossier.render.pdf import format_date, html_document, make_environment, write_pdf
from dossier.render.screening import (
    SCREENING_FILE,
    Screening,
    ScreeningError,
    TargetScreening,
    load_screening,
)

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
    "perpetrator": "is alleged to have taken part in",
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
INLINE_QUOTE = 420  # passages up to this length are quoted in the text, longer ones in a note
SUMMARY_CATEGORIES = 4  # the summary names at most this many kinds of conduct
# Words that may open a position title in lower case ("former deputy head of …");
# any other lower-case opener before a capitalised word is a parsing fragment
# ("office President" from "in office President Tokayev").
TITLE_OPENERS = frozenset(
    {
     "former", "deputy", "acting", "vice", "first", "then", "ex", "chief", "head", "chair",
     "chairman", "chairwoman", "member", "employee", "director", "minister", "general",
     "senior", "junior", "prosecutor", "judge", "officer", "governor", "mayor", "commander",
     "colonel", "investigator", "businessman", "owner", "founder", "adviser", "advisor",
     "assistant", "secretary", "spokesperson", "ambassador", "akim",
    }
)  # fmt: skip
ANAPHORA = re.compile(
    r"\b(this|that|these|those|his|her|its|their|same)\b|"
    r"\bthe (institution|facility|organi[sz]ation|agency|commission|body|department)$",
    re.IGNORECASE,
)
EXCERPT_GROUPS: tuple[str, ...] = (
    "Allegations relied on",
    "Calls for sanctions",
    "Background: identity, position and statements (not relied on as conduct)",
    "The person in another part: victim, witness, source or advocate (not relied on)",
)


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
    # entities/screening.json from `dossier screen`; None: look next to the entities file
    screening: Path | None = None


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
    repeat: bool = False  # the passage was quoted in full in an earlier note


@dataclass(frozen=True)
class Sentence:
    text: str
    note: Note | None = None
    status: str | None = None
    sep: str = " "  # printed after the sentence (and its note)


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
    group: int  # index into EXCERPT_GROUPS


@dataclass(frozen=True)
class Position:
    """A position as printed: cleaned title, dates, and the best passage for it."""

    title: str
    start: str | None
    end: str | None
    note: Note | None

    @property
    def dated(self) -> str:
        when = ""
        if self.start is not None:
            when += f" (from {format_date(self.start)})"
        if self.end is not None:
            when += f" (until {format_date(self.end)})"
        return self.title + when


@dataclass(frozen=True)
class CriterionRow:
    citation: str
    text: str
    paraphrase: bool  # True: a paraphrase of the reference summary, not a quotation
    facts: tuple[str, ...]
    refs: tuple[str, ...]
    strength: str


@dataclass(frozen=True)
class CriteriaTable:
    regime: rules.Regime
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


def _publisher(doc: SourceRef | None) -> str:
    """Who a footnote says the source is by."""
    if doc is None:
        return "publisher not stated"
    by = doc.attribution
    return by if by is not None else "publisher not stated"


def _source_name(doc: SourceRef | None, number: int | None) -> str:
    """The source as the prose names it: its publisher or author, else what it is."""
    tag = f" [S{number}]" if number is not None else ""
    if doc is None:
        return "a source not in the export"
    by = doc.attribution
    if by is not None:
        return f"{by}{tag}"
    kind = "news article" if doc.schema == "Article" else "document"
    return f"an unattributed {kind}{tag}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _independence_key(doc: SourceRef | None) -> str:
    if doc is None:
        return "?"
    return fold(doc.publisher) if doc.publisher is not None else f"unknown:{doc.id}"


def _group(item: EvidenceItem) -> int:
    """Which EXCERPT_GROUPS group an evidence item belongs to."""
    if item.is_allegation:
        return 0
    if item.category == "sanctions_call" and item.part in PERPETRATOR_PARTS:
        return 1
    if item.category == "context" and item.part == "subject":
        return 2
    return 3


def _excerpt_key(item: EvidenceItem) -> tuple[int, int, int, str, str]:
    category = CATEGORY_ORDER.index(item.category) if item.category in CATEGORY_ORDER else 99
    part = PART_ORDER.index(item.part) if item.part in PART_ORDER else 99
    return (_group(item), category, part, item.date or "9999", item.id)


def _title_is_fragment(title: str) -> bool:
    """A position title that is a parsing fragment rather than a post."""
    if ANAPHORA.search(title) is not None:
        return True  # "member of this commission": the post is named elsewhere
    words = title.split()
    if len(words) < 2 or not words[0][:1].islower():
        return False
    opener = words[0].strip("“”\"'(").lower()
    return opener not in TITLE_OPENERS and any(w[:1].isupper() for w in words[1:])


def _as_phrase(title: str) -> str:
    """``described as …``: an article before a common-noun title."""
    if title[:1].isupper():
        return title
    first_word = title.split(maxsplit=1)[0].lower()
    if first_word in ("head", "chair", "chairman", "chairwoman", "director", "leader"):
        return f"the {title}"
    return f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title}"


class _Builder:
    """Builds the context for one profile."""

    def __init__(self, store: EntityStore, profile: PersonProfile, options: RenderOptions):
        self.store = store
        self.p = profile
        self.options = options
        self.source_no = {doc.id: n for n, doc in enumerate(profile.documents, start=1)}
        shown = sorted((e for e in profile.evidence if e.status != "rejected"), key=_excerpt_key)
        self.numbered = [
            Numbered(
                f"E{n}",
                item,
                self.source_no.get(item.document.id) if item.document is not None else None,
                _group(item) in (0, 1),
                _group(item),
            )
            for n, item in enumerate(shown, start=1)
        ]
        self.ref = {num.item.id: num.no for num in self.numbered}
        self.allegations = [n.item for n in self.numbered if n.item.is_allegation]
        self.quoted: set[str] = set()  # passages already printed in full in a note

    # footnotes ---------------------------------------------------------------------

    def note(
        self,
        doc: SourceRef | None,
        passage: str | None,
        status: str | None = None,
        ref: str | None = None,
    ) -> Note:
        """A footnote. A passage already quoted in an earlier note is not repeated:
        the note says so (notes are made in the order the template prints them)."""
        repeat = passage is not None and passage in self.quoted
        if passage is not None:
            self.quoted.add(passage)
        return Note(
            source_no=self.source_no.get(doc.id) if doc is not None else None,
            title=doc.label if doc is not None else "Source document not in the export",
            publisher=_publisher(doc),
            date=format_date(doc.published_at) if doc is not None else "date not stated",
            url=doc.url if doc is not None else None,
            passage=None if repeat else passage,
            status=status,
            ref=ref,
            repeat=repeat,
        )

    def evidence_note(self, item: EvidenceItem, quoted_inline: bool = False) -> Note:
        """The note for an evidence item; without the passage when the text quotes it."""
        if quoted_inline:
            self.quoted.add(item.summary)
            return self.note(item.document, None, item.status, self.ref.get(item.id))
        return self.note(item.document, item.summary, item.status, self.ref.get(item.id))

    def passages(self) -> list[tuple[str, SourceRef | None, EvidenceItem | None]]:
        """Every quoted passage about the person, accepted evidence first."""
        pool: list[tuple[str, SourceRef | None, EvidenceItem | None]] = []
        ranked = sorted(
            (n.item for n in self.numbered), key=lambda e: (e.status != "accepted", e.id)
        )
        pool.extend((e.summary, e.document, e) for e in ranked)
        for pos in self.p.positions:
            if pos.summary is not None:
                pool.append((pos.summary, pos.document, None))
        for rel in self.p.relations:
            if rel.summary is not None:
                pool.append((rel.summary, rel.document, None))
        return pool

    def find_note(self, value: str) -> Note | None:
        """A note for the shortest passage that contains ``value``: the easiest to check."""
        wanted = value.casefold()
        hits = [entry for entry in self.passages() if wanted in entry[0].casefold()]
        if len(hits) == 0:
            return None
        passage, doc, item = min(hits, key=lambda h: (len(h[0]), h[0]))
        if item is not None:
            return self.evidence_note(item)
        return self.note(doc, passage)

    # sections ------------------------------------------------------------------------

    def chosen_regimes(self) -> tuple[list[str], str]:
        if self.options.regimes is not None:
            return list(self.options.regimes), "chosen for this rendering"
        if len(self.p.regimes) > 0:
            return [rules.parse_regime(r) for r in self.p.regimes], "chosen by a reviewer"
        cats = {e.category for e in self.allegations}
        return rules.recommend(cats), "derived from the allegation categories"

    def categories(self) -> list[str]:
        present = {e.category for e in self.allegations}
        return [c for c in CATEGORY_ORDER if c in present]

    def ranked(self, category: str) -> list[EvidenceItem]:
        """Allegations of one category, strongest first: reviewed, then the closest
        link (order before participation before complicity), then the most recent."""
        items = [e for e in self.allegations if e.category == category]
        return sorted(
            items,
            key=lambda e: (
                e.status != "accepted",
                e.summary.rstrip().endswith("?"),  # a question (a heading) asserts nothing
                PART_ORDER.index(e.part),
                "".join(chr(0x10FFFF - ord(c)) for c in (e.date or "")),
                len(e.summary),
                e.id,
            ),
        )

    def best(self, category: str) -> EvidenceItem:
        return self.ranked(category)[0]

    def positions(self) -> list[tuple[PositionHeld, list[PositionHeld]]]:
        """Positions worth printing, each with the duplicates it stands for: fragments
        dropped, one entry per title, and a bare title ("President") dropped when a
        longer title ends with it ("Kazakhstani President")."""
        by_title: dict[str, list[PositionHeld]] = {}
        for pos in self.p.positions:
            if _title_is_fragment(pos.title):
                continue
            by_title.setdefault(fold(pos.title), []).append(pos)
        keys = list(by_title)
        kept: list[tuple[PositionHeld, list[PositionHeld]]] = []
        for key in keys:
            if any(o != key and (" " + o).endswith(" " + key) for o in keys):
                continue
            group = by_title[key]
            dated = [g for g in group if g.start is not None or g.end is not None]
            head = dated[0] if len(dated) > 0 else group[0]
            kept.append((head, group))
        return kept

    def position_list(self) -> list[Position]:
        found: list[Position] = []
        for head, group in self.positions():
            passages = [g for g in group if g.summary is not None]
            if len(passages) > 0:
                best = min(passages, key=lambda g: (len(g.summary or ""), g.summary or ""))
                note: Note | None = self.note(best.document, best.summary)
            else:
                note = self.find_note(head.title)
            found.append(Position(head.title, head.start, head.end, note))
        return found

    def role_sentences(self, positions: list[Position]) -> list[Sentence]:
        name = self.p.name
        if len(positions) == 0:
            return [Sentence(f"The sources do not state a position held by {name}.")]
        found: list[Sentence] = []
        for index, pos in enumerate(positions):
            if index == 0:
                lead = f"{name} is described in the sources as "
            elif index == len(positions) - 1:
                lead = "and as "
            else:
                lead = "as "
            when = pos.dated[len(pos.title):]
            last = index == len(positions) - 1
            found.append(
                Sentence(f"{lead}{_as_phrase(pos.title)}{when}{'.' if last else ''}", pos.note,
                         sep=" " if last else ", ")
            )
        return found

    def conduct_sentence(
        self, item: EvidenceItem, lead: str, limit: int = INLINE_QUOTE, tag: bool = True
    ) -> Sentence:
        """``{lead}{source} reports that {name} {part} {conduct} ({date}): “passage”``."""
        no = self.source_no.get(item.document.id) if item.document is not None else None
        when = f" ({format_date(item.date)})" if item.date is not None else ""
        claim = f"{lead}{self.p.name} {PART_VERB[item.part]} {CATEGORY_NOUN[item.category]}{when}."
        source = _capitalise(_source_name(item.document, no if tag else None))
        inline = len(item.summary) <= limit
        if inline:
            text = f"{claim} {source} reports: “{item.summary}”"
        else:
            text = f"{claim} {source} reports it in the passage quoted in the note."
        return Sentence(_capitalise(text), self.evidence_note(item, quoted_inline=inline),
                        item.status)

    def summary(
        self, positions: list[Position]
    ) -> tuple[list[Sentence], Sentence, list[str]]:
        name = self.p.name
        sentences = self.role_sentences(positions)
        accepted_cats: list[str] = []
        pending_cats: list[str] = []
        categories = self.categories()
        for index, category in enumerate(categories[:SUMMARY_CATEGORIES]):
            item = self.best(category)
            lead = "" if index == 0 else "Further, "
            sentences.append(self.conduct_sentence(item, lead, limit=300))
            (accepted_cats if item.status == "accepted" else pending_cats).append(category)
        for category in categories[SUMMARY_CATEGORIES:]:
            best = self.best(category)
            (accepted_cats if best.status == "accepted" else pending_cats).append(category)
        relied = self.allegations
        sources = sorted(
            {_source_name(e.document, self.source_no.get(e.document.id) if e.document else None)
             for e in relied}
        )
        independent = len({_independence_key(e.document) for e in relied})
        accepted = sum(1 for e in relied if e.status == "accepted")
        if len(relied) > 0:
            sentences.append(
                Sentence(
                    f"These allegations rest on {len(relied)} evidence "
                    f"item{'s' if len(relied) != 1 else ''} from {len(sources)} "
                    f"source{'s' if len(sources) != 1 else ''} ({'; '.join(sources)})"
                    + (
                        f", {independent} of them independent by publisher or author"
                        if len(sources) > 1
                        else ""
                    )
                    + (
                        "; none has yet been reviewed. "
                        if accepted == 0
                        else f"; {accepted} {'has' if accepted == 1 else 'have'} been reviewed "
                        "and accepted. "
                    )
                    + "Each is set out in section 4 and quoted in Annex B."
                )
            )
        caveats: list[str] = []
        if len(accepted_cats) > 0:
            conduct = _join(CATEGORY_NOUN[c] for c in accepted_cats)
            therefore = Sentence(
                f"Therefore there are reasonable grounds to suspect that {name} is or has been "
                f"involved in {conduct}."
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

    def names(self) -> dict[str, list[str]]:
        """Names by script, without single words (a surname or given name alone is a
        reference to the person, not a name to list them under)."""
        found: dict[str, list[str]] = {}
        for script, names in self.p.names_by_script.items():
            full = [n for n in names if len(n.split()) > 1 or n == self.p.name]
            if len(full) > 0:
                found[script] = full
        return found

    def identification(self, positions: list[Position]) -> list[IdRow]:
        rows: list[IdRow] = []
        for script, names in self.names().items():
            rows.append(
                IdRow(
                    f"Name ({script} script)",
                    tuple(IdValue(n, self.find_note(n)) for n in names),
                )
            )
        parts = {fold(w) for w in self.p.name.split()}
        for prop, label in ID_LABELS:
            values = self.p.identifiers.get(prop, [])
            if prop in ("firstName", "lastName", "fatherName"):
                # Name parts read off another spelling ("Kassym Zhomart-Tokayev") only
                # repeat that spelling; keep the parts of the name the dossier uses.
                own = [v for v in values if fold(v) in parts]
                values = own if len(own) > 0 else values
            shown = [_country(v) if prop in COUNTRY_PROPS else v for v in values]
            rows.append(
                IdRow(label, tuple(IdValue(s, self.find_note(s)) for s in shown))
            )
        rows.append(
            IdRow("Positions held", tuple(IdValue(pos.dated, pos.note) for pos in positions))
        )
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
            for criterion, met_by in rules.criteria_met(rid, cats):
                covered.update(met_by)
                facts: list[str] = []
                refs: list[str] = []
                items: list[EvidenceItem] = []
                for category in met_by:
                    ranked = self.ranked(category)
                    items.extend(ranked)
                    parts = sorted({e.part for e in ranked}, key=PART_ORDER.index)
                    pending = sum(1 for e in ranked if e.status != "accepted")
                    facts.append(
                        f"{self.p.name} {_join(PART_VERB[p] for p in parts)} "
                        f"{CATEGORY_NOUN[category]} ({len(ranked)} item"
                        f"{'s' if len(ranked) != 1 else ''}"
                        + (f", {pending} unreviewed" if pending > 0 else "")
                        + ")"
                    )
                    refs.extend(self.ref[e.id] for e in ranked)
                rows.append(
                    CriterionRow(
                        criterion.citation,
                        criterion.text,
                        criterion.is_paraphrase,
                        tuple(facts),
                        tuple(sorted(set(refs), key=lambda r: int(r[1:]))),
                        self.strength(items),
                    )
                )
            tables.append(CriteriaTable(rules.regime(rid), tuple(rows)))
        uncovered = [CATEGORY_NOUN[c] for c in cats if c not in covered]
        return tables, uncovered

    def facts(self) -> list[tuple[str, list[Sentence]]]:
        """The alleged conduct, by category, in date order within each (undated last).
        Background passages are not facts of conduct and stay in Annex B."""
        groups: list[tuple[str, list[Sentence]]] = []
        for category in self.categories():
            items = sorted(
                (e for e in self.allegations if e.category == category),
                key=lambda e: (e.date or "9999", PART_ORDER.index(e.part), e.id),
            )
            sentences: list[Sentence] = []
            for item in items:
                lead = f"On or about {format_date(item.date)}, " if item.date is not None else ""
                sentences.append(self.conduct_sentence(item, lead))
            groups.append((CATEGORY_LABEL[category], sentences))
        return groups

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

    def ties(self, chosen: list[rules.Regime]) -> list[tuple[str, list[Sentence]]]:
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
                            f"{_relation_phrase(rel, self.p.name)} {rel.other_name} is linked to "
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
                            f"{rel.other_name} ({_relation_phrase(rel, self.p.name).lower()}) has "
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
                if num.group not in (0, 2):  # advocacy and victims' passages are not ties
                    continue
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
                    _relation_phrase(rel, self.p.name),
                    "poi" in rel.other_topics,
                    self.note(rel.document, rel.summary) if rel.summary is not None else None,
                )
            )
        order = ["Family", "Associates", "Organisations and posts"]
        rows.sort(key=lambda r: (order.index(r.group), r.name))
        unique: list[RelationRow] = []
        seen: set[tuple[str, str, str]] = set()
        for row in rows:  # one row per person and relationship, however often sourced
            key = (row.group, fold(row.name), fold(row.relationship))
            if key not in seen:
                seen.add(key)
                unique.append(row)
        return unique

    def calls(self) -> list[Sentence]:
        return [
            Sentence(
                _capitalise(
                    f"{_source_name(n.item.document, n.source_no)} reports a call for "
                    f"sanctions against {self.p.name}"
                    + (f" ({format_date(n.item.date)})" if n.item.date is not None else "")
                    + "."
                ),
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

    def screening(self) -> tuple[TargetScreening | None, Screening | None, str]:
        path = screening_path(self.store, self.options)
        if path is None or not path.is_file():
            return None, None, (
                "Screening against published sanctions lists was not run for this dossier "
                "(no screening file was found)."
            )
        run = load_screening(path)  # a malformed file is an error, not "not run"
        found = run.for_target(self.p.id)
        if found is None:
            return None, run, (
                f"{self.p.name} was not among the targets of the screening run recorded "
                f"in {path.name}; screening was not run for this person."
            )
        return found, run, (
            f"{self.p.name} was screened against {run.against_file} ({run.against_entities} "
            f"entities; SHA-1 {run.against_sha1}) with {run.matcher}, algorithm "
            f"{run.algorithm}: strong matches score at least {run.strong_threshold:g} with "
            f"the names agreeing part by part, possible matches at least "
            f"{run.possible_threshold:g}."
        )

    def build(self) -> DossierContext:
        regime_ids, reason = self.chosen_regimes()
        chosen = [rules.regime(r) for r in regime_ids]
        positions = self.position_list()
        summary, therefore, caveats = self.summary(positions)
        identification = self.identification(positions)
        criteria, uncovered = self.criteria(regime_ids)
        facts = self.facts()
        position_links = [Sentence(pos.dated, pos.note) for pos in positions]
        matrix_sources, matrix = self.matrix()
        co_targets = sorted({r.other_name for r in self.p.relations if "poi" in r.other_topics})
        not_relied = sum(1 for n in self.numbered if n.group == 3)
        contrary = self.contrary()
        ties = self.ties(chosen)
        relations = self.relations()
        screening, run, screening_note = self.screening()
        calls = self.calls()
        groups = [
            (label, [n for n in self.numbered if n.group == index])
            for index, label in enumerate(EXCERPT_GROUPS)
        ]
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
            identification=identification,
            criteria=criteria,
            uncovered=uncovered,
            facts=facts,
            background_count=sum(1 for n in self.numbered if n.group == 2),
            links=self.links(),
            position_links=position_links,
            matrix_sources=matrix_sources,
            matrix=matrix,
            contrary=contrary,
            ties=ties,
            relations=relations,
            co_targets=co_targets,
            calls=calls,
            extractors=self.extractors(),
            status_counts=self.p.status_counts(),
            not_relied=not_relied,
            sources=self.p.documents,
            excerpts=self.numbered,
            excerpt_groups=[(label, items) for label, items in groups if len(items) > 0],
            screening=screening,
            screening_run=run,
            screening_note=screening_note,
            graph=relationship_graph(self.store, self.p),
            entities=self.entities(),
            names_seen=list(self.names().items()),
        )


def screening_path(store: EntityStore, options: RenderOptions) -> Path | None:
    """The screening file: the one in the options, else ``screening.json`` next to
    the entities file the store was read from."""
    if options.screening is not None:
        return options.screening
    if store.source is None:
        return None
    return store.source.parent / SCREENING_FILE


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


INVERSE_LABEL: dict[str, str] = {
    "predecessor": "successor", "successor": "predecessor",
    "superior": "subordinate", "subordinate": "superior",
    "employer": "employee", "employee": "employer",
    "patron": "protégé", "protégé": "patron",
}  # fmt: skip


FAMILY_INVERSE: dict[str, str] = {
    "husband": "Spouse", "wife": "Spouse", "spouse": "Spouse",
    "son-in-law": "Parent-in-law", "daughter-in-law": "Parent-in-law",
    "father-in-law": "Child-in-law", "mother-in-law": "Child-in-law",
    "son": "Parent", "daughter": "Parent", "child": "Parent",
    "father": "Child", "mother": "Child", "parent": "Child",
    "brother": "Sibling", "sister": "Sibling", "sibling": "Sibling",
    "grandson": "Grandparent", "granddaughter": "Grandparent",
    "nephew": "Uncle or aunt", "niece": "Uncle or aunt",
}  # fmt: skip


def _relation_phrase(rel: RelationItem, name: str) -> str:
    """What the other party is to the person, from the person's side."""
    label = rel.relationship or rel.kind
    if rel.kind == "associate" and not rel.outgoing:
        # Associate(person=other, associate=this person, relationship=label): the label
        # says what this person is to the other; directional labels turn round.
        label = INVERSE_LABEL.get(label.casefold(), label)
    if rel.outgoing or rel.kind == "associate":
        return label[:1].upper() + label[1:]
    if rel.kind == "family":
        # Family(person=other, relative=this person): the label is what this person is.
        inverse = FAMILY_INVERSE.get(label.casefold())
        return inverse if inverse is not None else f"{name} is their {label}"
    return f"{rel.kind.title()} ({label})"


def dossier_context(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> DossierContext:
    if profile.schema != "Person":
        raise RenderError(f"{profile.id} is a {profile.schema}; dossiers are for persons")
    try:
        return _Builder(store, profile, options).build()
    except ScreeningError as exc:
        raise RenderError(str(exc)) from exc


def render_dossier_html(
    profile: PersonProfile, store: EntityStore, options: RenderOptions
) -> str:
    env = make_environment(options.templates_dir)
    context = dossier_context(profile, store, options)
    return env.get_template("dossier.html.j2").render(d=context, regimes_all=rules)


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
