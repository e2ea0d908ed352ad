"""Evidence claims, positions, relations, roles and deaths for one document.

``analyse_document`` is the entry point. One ``Claim`` per (sentence, entity
named in it): the passage is the sentence, quoted verbatim from
``source.text``; the category and the entity's part come from the dependency
parse (``agency``), the date and the attribution from the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dossier.extract import agency
from dossier.extract import allegations as lex
from dossier.extract.positions import find_positions
from dossier.extract.relations import find_relations
from dossier.extract.roles import assign_roles, descriptor_roles
from dossier.model import (
    PERPETRATOR_PARTS,
    PROTECTED_ROLES,
    Category,
    Claim,
    LocalEntity,
    Mention,
    Part,
    PositionFact,
    RelationFact,
    Role,
    SourceDocument,
)

# Roles whose public statements are an official's acts.
OFFICE_ROLES: frozenset[str] = frozenset({"official", "foreign_official"})


class FoundMentions(Protocol):
    """What ``mentions.find_mentions`` gives per document (``DocumentMentions``)."""

    @property
    def mentions(self) -> list[Mention]: ...

    @property
    def entities(self) -> dict[str, LocalEntity]: ...


@dataclass
class DocumentAnalysis:
    """Everything ``analyse_document`` finds in one document."""

    claims: list[Claim] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)  # local entity key -> role
    deceased: set[str] = field(default_factory=set)  # local entity keys reported dead


@dataclass(frozen=True)
class Passage:
    """A quotable sentence: ``[start, end)`` in source.text, and its parse."""

    start: int
    end: int
    sent: Span
    lead_in: Passage | None = None  # bullet-list lead-in ending in ":"

    @property
    def quote_start(self) -> int:
        return self.lead_in.start if self.lead_in is not None else self.start


BULLET = re.compile(r"^[\-\u2013\u2014\u2022*·]\s+")


def passages(source: SourceDocument, doc: Doc) -> list[Passage]:
    """Sentences cut at line breaks and furniture, trimmed of whitespace."""
    text = source.text
    cuts = sorted({m.start() for m in re.finditer("\n", text)})
    blocked = [(span.start, span.end) for span in source.furniture]
    found: list[Passage] = []
    for sent in doc.sents:
        pieces = [(sent.start_char, sent.end_char)]
        for cut in cuts:
            if sent.start_char < cut < sent.end_char:
                last = pieces.pop()
                pieces.extend([(last[0], cut), (cut + 1, last[1])])
        for start, end in blocked:
            split: list[tuple[int, int]] = []
            for a, b in pieces:
                if b <= start or a >= end:
                    split.append((a, b))
                    continue
                if a < start:
                    split.append((a, start))
                if b > end:
                    split.append((end, b))
            pieces = split
        for a, b in pieces:
            piece = text[a:b]
            stripped = piece.strip()
            if stripped == "" or not any(ch.isalnum() for ch in stripped):
                continue
            start = a + (len(piece) - len(piece.lstrip()))
            bullet = BULLET.match(text[start:b])
            if bullet is not None:
                start += bullet.end()
            end = start + len(text[start:b].rstrip())
            found.append(Passage(start, end, sent))
    found.sort(key=lambda p: p.start)
    linked: list[Passage] = []
    for index, passage in enumerate(found):
        item = passage
        if index > 0:
            previous = found[index - 1]
            gap = text[previous.end : passage.start]
            if (
                text[previous.end - 1] == ":"
                and gap.count("\n") == 1
                and BULLET.match(gap.lstrip(" \t\n")) is not None
            ):
                item = Passage(passage.start, passage.end, passage.sent, previous)
        linked.append(item)
    return linked


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+((?:19|20)\d\d)\b")
YEAR = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Ii]n early|[Ii]n late)\s+((?:19|20)\d\d)\b(?!\s*[-–]\d)"
)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def passage_date(text: str) -> str | None:
    """The first date the passage gives, as precise as the text (ISO 8601)."""
    candidates: list[tuple[int, str]] = []
    for match in DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(match.group(1)), _month(match.group(2)), match.group(3)
        if 1 <= day <= 31:
            candidates.append((match.start(), f"{year}-{month:02d}-{day:02d}"))
    for match in MONTH_DAY_YEAR.finditer(text):
        month, day, year = _month(match.group(1)), int(match.group(2)), match.group(3)
        if 1 <= day <= 31:
            candidates.append((match.start(), f"{year}-{month:02d}-{day:02d}"))
    covered = [start for start, _ in candidates]
    for match in MONTH_YEAR.finditer(text):
        if not any(abs(match.start() - c) < 12 for c in covered):
            candidates.append((match.start(), f"{match.group(2)}-{_month(match.group(1)):02d}"))
    if len(candidates) == 0:
        for match in YEAR.finditer(text):
            candidates.append((match.start(), match.group(1)))
    if len(candidates) == 0:
        return None
    return min(candidates)[1]


def _phrase(token: Token) -> str:
    """The text of a noun phrase, cut before a following comma or clause."""
    words = [
        w
        for w in token.subtree
        if w.i <= token.i or w.dep_ not in {"relcl", "acl", "punct", "appos"}
    ]
    start = min(w.i for w in words)
    end = token.i + 1
    for w in token.subtree:
        if w.i > token.i and w.dep_ not in {"relcl", "acl", "punct", "appos", "cc", "conj"}:
            if any(p.dep_ in {"relcl", "acl", "appos"} for p in w.ancestors if p.i > token.i):
                continue
            end = max(end, w.i + 1)
    span = token.doc[start:end]
    return span.text.strip(" ,“”\"'")


def attribution(token: Token, mention: set[int]) -> str | None:
    """Who the sentence says the information about ``token`` comes from."""
    sent = token.sent
    for word in sent:
        if lex.lemma(word) == "accord" and word.lower_ == "according":
            for prep in word.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            ids = {w.i for w in pobj.subtree}
                            if ids & mention:
                                return None
                            return _phrase(pobj)
    current = token
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ in {"ccomp", "parataxis"} and lex.lemma(parent) in lex.SPEECH_VERBS:
            speakers = [c for c in parent.children if c.dep_ in {"nsubj", "nsubjpass"}]
            speakers = [s for s in speakers if s.dep_ == "nsubj"]
            if len(speakers) > 0 and not any({w.i for w in s.subtree} & mention for s in speakers):
                start = min(w.i for s in speakers for w in s.subtree)
                end = max(s.i for s in speakers) + 1
                return token.doc[start:end].text.strip(" ,“”\"'")
            return None
        current = parent
    return None


DEATH_WORDS: frozenset[str] = frozenset(
    {"kill", "murder", "die", "execute", "assassinate", "perish", "fatal", "death", "fatally"}
)


def _reports_death(doc: Doc, finding: agency.Finding) -> bool:
    if finding.part != "victim" or finding.category != "killing":
        return False
    trigger = doc[finding.trigger]
    if lex.is_irrealis(trigger) or lex.is_negated(trigger):
        return False
    if lex.lemma(trigger) in DEATH_WORDS:
        return True
    return any(lex.lemma(w) in DEATH_WORDS for w in trigger.children) or any(
        lex.lemma(w) in {"fatal", "death"} for w in trigger.subtree
    )


def _called_late(span: Span, anchor: Token) -> bool:
    """ "the late X", "the late Russian whistle-blower X"."""
    for token in [*span, anchor]:
        for child in token.children:
            if child.dep_ == "amod" and child.lower_ == "late":
                return True
    return False


def _posthumous(span: Span, anchor: Token) -> bool:
    """ "was posthumously considered a suspect", "the late X"."""
    if _called_late(span, anchor):
        return True
    return any(word.lower_ == "posthumously" for word in anchor.head.children)


def analyse_document(source: SourceDocument, doc: Doc, found: FoundMentions) -> DocumentAnalysis:
    """Claims, positions, relations, roles and deaths for one parsed document."""
    analysis = DocumentAnalysis()
    resolved = [
        m for m in found.mentions if m.entity_key is not None and m.entity_key in found.entities
    ]
    spans: dict[int, Span] = {}
    for index, mention in enumerate(resolved):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            spans[index] = span
    token_owner: dict[int, int] = {}
    for index, span in spans.items():
        for token in span:
            token_owner[token.i] = index

    descriptors = descriptor_roles(source, doc, resolved, spans, found.entities)
    sections = passages(source, doc)
    per_entity_parts: dict[str, list[tuple[str, str]]] = {}
    late: set[str] = set()  # "the late X": a figure of the past, not of these events
    for passage in sections:
        inside = [
            i
            for i, m in enumerate(resolved)
            if passage.start <= m.start and m.end <= passage.end and i in spans
        ]
        if len(inside) == 0:
            continue
        lead_category = None
        if passage.lead_in is not None:
            lead_category = _lead_category(doc, passage.lead_in)
        chosen: dict[str, tuple[int, agency.Finding | None]] = {}
        for index in inside:
            mention = resolved[index]
            key = mention.entity_key
            assert key is not None
            span = spans[index]
            others = {t for t, owner in token_owner.items() if owner != index}
            bounds = _token_bounds(doc, passage)
            found_here = agency.findings(span, others, bounds)
            if mention.cited:
                # A name in a footnote or reference list is the author of a
                # source, whatever the cited title's words say.
                found_here = [agency.Finding("context", "source", span.root.i)]
            anchor = agency.anchor_of(span, others)
            if any(_reports_death(doc, f) for f in found_here) or _posthumous(span, anchor):
                analysis.deceased.add(key)
            if _called_late(span, anchor):
                late.add(key)
            if (
                lead_category is not None
                and len(found_here) == 0
                and _item_subject(anchor, span, bounds)
            ):
                part: Part = "complicit" if lead_category == "cover_up" else "perpetrator"
                found_here = [agency.Finding(lead_category, part, anchor.head.i)]
            result = agency.best(found_here)
            previous = chosen.get(key)
            if previous is None or _stronger(result, previous[1]):
                chosen[key] = (index, result)
        for key, (index, result) in chosen.items():
            mention = resolved[index]
            category, part = ("context", "subject")
            if result is not None:
                category, part = result.category, result.part
                if result.office_only and descriptors.get(key) not in OFFICE_ROLES:
                    category, part = ("context", "source")
            if part in PERPETRATOR_PARTS and descriptors.get(key) in PROTECTED_ROLES:
                # Never a perpetrator by a single parse: a reviewer decides.
                part = "unclear"
            span = spans[index]
            attributed = None
            if part != "source":
                attributed = attribution(span.root, {t.i for t in span})
            start = passage.quote_start
            claim = Claim(
                content_hash=source.content_hash,
                entity_key=key,
                start=start,
                end=passage.end,
                mention_start=mention.start,
                mention_end=mention.end,
                category=lex.check_category(category),
                part=part,
                date=passage_date(source.text[start : passage.end]),
                attributed_to=attributed,
            )
            analysis.claims.append(claim)
            per_entity_parts.setdefault(key, []).append((claim.category, claim.part))
    analysis.claims.sort(key=lambda c: (c.start, c.mention_start))
    analysis.positions = find_positions(source, doc, resolved, spans, token_owner)
    analysis.relations = find_relations(source, doc, resolved, spans, token_owner, found.entities)
    analysis.roles = assign_roles(
        found.entities,
        descriptors,
        per_entity_parts,
        analysis.relations,
        analysis.deceased,
        late,
    )
    return analysis


def _item_subject(anchor: Token, span: Span, bounds: tuple[int, int]) -> bool:
    """Whether a list item's name is the subject of the item's main verb (also when
    the parser lost the subject: the name comes before a main verb without one)."""
    if anchor.dep_ == "nsubj" and anchor.head.dep_ == "ROOT":
        return True
    low, high = bounds
    verbs = [
        t
        for t in span.doc[low:high]
        if t.pos_ == "VERB" and (t.head.i == t.i or not low <= t.head.i < high)
    ]
    return (
        len(verbs) == 1
        and span.end <= verbs[0].i
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verbs[0].children)
        and anchor.dep_ not in {"dobj", "pobj", "nsubjpass", "poss"}
    )


def _lead_category(doc: Doc, lead_in: Passage) -> Category | None:
    """What a list's lead-in alleges ("... are financing Russia's war by purchasing
    assets from banks under sanctions:"), read from its predicates only."""
    low, high = _token_bounds(doc, lead_in)
    best: Category | None = None
    for token in doc[low:high]:
        if token.dep_ in {"acl", "relcl", "amod", "compound"}:
            continue
        found = lex.act_category(token)
        if found is not None and (best is None or lex.severity(found) < lex.severity(best)):
            best = found
    return best


def _token_bounds(doc: Doc, passage: Passage) -> tuple[int, int]:
    span = doc.char_span(passage.start, passage.end, alignment_mode="expand")
    if span is None:
        return passage.sent.start, passage.sent.end
    return span.start, span.end


def _stronger(new: agency.Finding | None, old: agency.Finding | None) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    return agency.best([new, old]) == new
