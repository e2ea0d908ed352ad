"""What every section draws on: the person, the numbered evidence, and the footnotes.

A ``Basis`` is made once per dossier. Footnotes remember which passages they have
already quoted in full, so sections must be built in the order the template prints
them (``dossier.render.dossier.dossier_context`` does that).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.profile import (
    EntityStore,
    EvidenceItem,
    PersonProfile,
    PositionHeld,
    RelationItem,
    SourceRef,
)
from dossier.render.options import RenderOptions
from dossier.render.pdf import format_date
from dossier.render.sections.evidence import Numbered, number_evidence
from dossier.render.sections.wording import CATEGORY_ORDER, PART_ORDER, independence_key, publisher

Pinned = EvidenceItem | PositionHeld | RelationItem  # a quoted record with a pinpoint


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
    pages: str | None = None  # pinpoint in a paginated source: "p. 12"
    ocr: bool = False  # the passage was read by OCR from a page image


@dataclass(frozen=True)
class Sentence:
    text: str
    note: Note | None = None
    status: str | None = None
    sep: str = " "  # printed after the sentence (and its note)


class Basis:
    """The person, their numbered evidence and the footnotes made so far."""

    def __init__(self, store: EntityStore, profile: PersonProfile, options: RenderOptions):
        self.store = store
        self.p = profile
        self.options = options
        self.source_no = {doc.id: n for n, doc in enumerate(profile.documents, start=1)}
        self.numbered: list[Numbered] = number_evidence(profile.evidence, self.source_no)
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
        item: EvidenceItem | PositionHeld | RelationItem | None = None,
    ) -> Note:
        """A footnote. A passage already quoted in an earlier note is not repeated:
        the note says so (notes are made in the order the template prints them).
        ``item`` is what the passage comes from: its page and OCR mark go in the note."""
        repeat = passage is not None and passage in self.quoted
        if passage is not None:
            self.quoted.add(passage)
        return Note(
            source_no=self.source_no.get(doc.id) if doc is not None else None,
            title=doc.label if doc is not None else "Source document not in the export",
            publisher=publisher(doc),
            date=format_date(doc.published_at) if doc is not None else "date not stated",
            url=doc.url if doc is not None else None,
            passage=None if repeat else passage,
            status=status,
            ref=ref,
            repeat=repeat,
            pages=item.pages if item is not None else None,
            ocr=item.ocr if item is not None else False,
        )

    def evidence_note(self, item: EvidenceItem, quoted_inline: bool = False) -> Note:
        """The note for an evidence item; without the passage when the text quotes it."""
        if quoted_inline:
            self.quoted.add(item.summary)
            return self.note(item.document, None, item.status, self.ref.get(item.id), item)
        return self.note(item.document, item.summary, item.status, self.ref.get(item.id), item)

    def passages(self) -> list[tuple[str, SourceRef | None, Pinned | None]]:
        """Every quoted passage about the person, accepted evidence first."""
        pool: list[tuple[str, SourceRef | None, Pinned | None]] = []
        ranked = sorted(
            (n.item for n in self.numbered), key=lambda e: (e.status != "accepted", e.id)
        )
        pool.extend((e.summary, e.document, e) for e in ranked)
        for pos in self.p.positions:
            if pos.summary is not None:
                pool.append((pos.summary, pos.document, pos))
        for rel in self.p.relations:
            if rel.summary is not None:
                pool.append((rel.summary, rel.document, rel))
        return pool

    def find_note(self, value: str) -> Note | None:
        """A note for the shortest passage that contains ``value``: the easiest to check."""
        wanted = value.casefold()
        hits = [entry for entry in self.passages() if wanted in entry[0].casefold()]
        if len(hits) == 0:
            return None
        passage, doc, item = min(hits, key=lambda h: (len(h[0]), h[0]))
        if isinstance(item, EvidenceItem):
            return self.evidence_note(item)
        return self.note(doc, passage, item=item)

    # evidence by category ------------------------------------------------------------

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

    def strength(self, items: Sequence[EvidenceItem]) -> str:
        accepted = [e for e in items if e.status == "accepted"]
        if len(accepted) == 0:
            return "Unreviewed: not yet relied on"
        independent = {independence_key(e.document) for e in accepted}
        if len(independent) >= 2:
            return f"Corroborated: {len(independent)} independent publishers"
        return "Single source (reviewed)"
