"""Evidence claims, positions, relations, roles and deaths for one document.

``analyse_document`` is the entry point. One ``Claim`` per (sentence, entity
named in it): the passage is the sentence, quoted verbatim from
``source.text``; the category and the entity's part come from the dependency
parse (``agency``), the date and the attribution from the sentence itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dossier.extract import agency, anchors, designations, groups
from dossier.extract import allegations as lex
from dossier.extract.finding import Finding, best
from dossier.extract.names import is_title
from dossier.extract.particulars import list_particulars
from dossier.extract.positions import find_positions
from dossier.extract.relations import find_relations
from dossier.extract.roles import assign_roles, descriptor_roles
from dossier.model import (
    PERPETRATOR_PARTS,
    PROTECTED_ROLES,
    Category,
    Claim,
    Designation,
    Frame,
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
    designations: list[Designation] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)  # local entity key -> role
    deceased: set[str] = field(default_factory=set)  # local entity keys reported dead


@dataclass(frozen=True)
class Passage:
    """A quotable sentence: ``[start, end)`` in source.text, and its parse."""

    start: int
    end: int
    sent: Span
    lead_in: Passage | None = None  # list lead-in ending in ":"
    bullet: bool = False  # the line starts with a bullet or a number
    quotes_lead: bool = False  # the first bullet under its lead-in: quoted with it

    @property
    def quote_start(self) -> int:
        return self.lead_in.start if self.lead_in is not None and self.quotes_lead else self.start


MARKER_ONLY = re.compile(r"^(?:\d{1,2}[.)]|[\-\u2013\u2014\u2022*·])$")
BULLET = re.compile(r"^(?:[\-\u2013\u2014\u2022*·]|\d{1,2}[.)])\s+")


def passages(
    source: SourceDocument, doc: Doc, whole: Sequence[tuple[int, int]] = ()
) -> list[Passage]:
    """Sentences cut at line breaks and furniture, trimmed of whitespace; sentences that
    the parser cut inside one of the ``whole`` spans (a list entry: "...; DOB 05 | Oct
    1976; POB ...") are one passage again."""
    text = source.text
    cuts = sorted({m.start() for m in re.finditer("\n", text)})
    blocked = [(span.start, span.end) for span in source.furniture]
    found: list[Passage] = []
    marker = False
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
            if MARKER_ONLY.match(stripped) is not None:
                marker = True  # "1." parsed as a sentence of its own: the next is an item
                continue
            start = a + (len(piece) - len(piece.lstrip()))
            bullet = BULLET.match(text[start:b])
            if bullet is not None:
                start += bullet.end()
            end = start + len(text[start:b].rstrip())
            found.append(Passage(start, end, sent, bullet=bullet is not None or marker))
            marker = False
    found.sort(key=lambda p: p.start)
    found = _rejoined(doc, found, whole)
    linked: list[Passage] = []
    lead: Passage | None = None  # the lead-in of the list being read
    for index, passage in enumerate(found):
        item = passage
        if index > 0:
            previous = found[index - 1]
            gap = text[previous.end : passage.start]
            first = text[previous.end - 1] == ":"
            if first and gap.count("\n") in {1, 2, 3}:
                lead = previous  # a new list starts under this lead-in
            elif lead is None or gap.count("\n") not in {1, 2}:
                lead = None  # running text (a list ends at a paragraph break)
            if lead is not None:
                quoted = first and gap.count("\n") == 1 and BULLET.match(gap.lstrip(" \t\n"))
                item = Passage(
                    passage.start, passage.end, passage.sent, lead, passage.bullet, bool(quoted)
                )
        linked.append(item)
    return linked


def _rejoined(doc: Doc, found: list[Passage], whole: Sequence[tuple[int, int]]) -> list[Passage]:
    out: list[Passage] = []
    for passage in found:
        if len(out) > 0 and any(
            start < out[-1].end and passage.start < end for start, end in whole
        ):
            previous = out.pop()
            sent = doc[previous.sent.start : passage.sent.end]
            out.append(Passage(previous.start, passage.end, sent, bullet=previous.bullet))
        else:
            out.append(passage)
    return out


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


def _reports_death(doc: Doc, finding: Finding) -> bool:
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
    entries = sorted({(f.start, f.end) for f in list_particulars(source.text, found.mentions)})
    sections = passages(source, doc, entries)
    per_entity_parts: dict[str, list[tuple[str, str]]] = {}
    late: set[str] = set()  # "the late X": a figure of the past, not of these events
    # The last shared finding of the previous passage, for an enumeration the parser
    # cut in two ("...; Gen- | Choeun Sovantha, ...").
    carry: tuple[Passage, Finding, Span] | None = None
    last_people: tuple[Passage, list[tuple[str, int]]] | None = None  # of the last passage
    for passage in sections:
        inside = [
            i
            for i, m in enumerate(resolved)
            if passage.start <= m.start and m.end <= passage.end and i in spans
        ]
        group = _group_reading(source, doc, spans, passage, last_people)
        people = [
            (key, i)
            for i in inside
            if (key := resolved[i].entity_key) is not None
            and found.entities[key].schema == "Person"
        ]
        group_previous = last_people
        last_people = (passage, people)
        if len(inside) == 0 and len(group) == 0:
            continue
        lead = _lead_reading(doc, passage.lead_in) if passage.lead_in is not None else None
        bounds = _token_bounds(doc, passage)
        chosen: dict[str, tuple[int, Finding | None, tuple[str, ...]]] = {}
        for index in inside:
            mention = resolved[index]
            key = mention.entity_key
            assert key is not None
            span = spans[index]
            others = {t for t, owner in token_owner.items() if owner != index}
            found_here = agency.findings(span, others, bounds)
            signals: tuple[str, ...] = ()
            if mention.cited:
                # A name in a footnote or reference list is the author of a
                # source, whatever the cited title's words say.
                found_here = [Finding("context", "source", span.root.i, "cited")]
                signals = ("cited",)
            anchor = anchors.anchor_of(span, others)
            if (
                mention.label != "PERSON"
                and anchor.i not in {t.i for t in span}
                and lex.lemma(anchor) in anchors.DESCRIPTOR_NOUNS
            ):
                # "a Deutsche Welle correspondent", "police chief X": the phrase stands for
                # the person the organisation describes, not for the organisation
                # (a finding, so that no enumeration hands it the person's part)
                found_here = [Finding("context", "subject", span.root.i)]
                signals = ("organisation names a person's descriptor",)
            if any(_reports_death(doc, f) for f in found_here) or _posthumous(span, anchor):
                analysis.deceased.add(key)
            if _called_late(span, anchor):
                late.add(key)
            if lead is not None and len(found_here) == 0 and not mention.cited:
                lead_finding = _lead_finding(lead, anchor, span, bounds, passage, mention, source)
                if lead_finding is not None:
                    found_here = [lead_finding]
                    signals = (f"lead-in:{lead.category}",)
            result = best(found_here)
            previous = chosen.get(key)
            if previous is None or _stronger(result, previous[1]):
                chosen[key] = (index, result, signals)
        continued = None
        if carry is not None and _continues(source.text, carry[0], passage):
            continued = carry
        carry_out: tuple[Finding, Span] | None = None
        carried_keys: set[str] = set()
        if len(chosen) > 0:
            carry_out, carried_keys = _share_list_findings(
                doc,
                chosen,
                spans,
                bounds,
                None if continued is None else continued[1:],
                persons={key for key, _ in people},
            )
        carry = None if carry_out is None else (passage, *carry_out)
        grouped: set[str] = set()
        for key, (index, result) in group.items():
            if key not in chosen or chosen[key][1] is None:
                chosen[key] = (
                    index,
                    result,
                    ("reference: the person(s) the sentence before names",),
                )
                grouped.add(key)
        for key, (index, result, signals) in chosen.items():
            mention = resolved[index]
            span = spans[index]
            finding = result
            if finding is not None and found.entities[key].schema != "Person":
                finding = _no_conduct_of_a_law(found.entities[key].name, finding)
            reading = decide(finding, descriptors.get(key), signals)
            attributed = None
            if reading.part != "source":
                attributed = attribution(span.root, {t.i for t in span})
            start = passage.quote_start
            if reading.frame == "designee-list" and passage.lead_in is not None:
                start = passage.start if not passage.quotes_lead else start
            if continued is not None and key in carried_keys:
                start = continued[0].start  # quote the sentence the list started in
            if key in grouped and group_previous is not None:
                start = group_previous[0].start  # quote the sentence that names the pair
            designation = None
            if result is not None and reading.designation:
                designation = _designation(
                    doc, source, passage, result, mention, key, reading, start
                )
                if designation.authority is not None:
                    attributed = designation.authority
                analysis.designations.append(designation)
            claim = Claim(
                content_hash=source.content_hash,
                entity_key=key,
                start=start,
                end=passage.end,
                mention_start=mention.start,
                mention_end=mention.end,
                category=lex.check_category(reading.category),
                part=reading.part,
                date=passage_date(source.text[start : passage.end]),
                attributed_to=attributed,
                frame=reading.frame,
                signals=reading.signals,
            )
            if designation is not None and claim.date is None and designation.date is not None:
                claim = replace(claim, date=designation.date)
            analysis.claims.append(claim)
            per_entity_parts.setdefault(key, []).append((claim.category, claim.part))
    analysis.claims.sort(key=lambda c: (c.start, c.mention_start))
    analysis.designations = designations.merge_reports(analysis.designations)
    analysis.positions = find_positions(source, doc, resolved, spans, token_owner)
    analysis.relations = find_relations(source, doc, resolved, spans, token_owner, found.entities)
    analysis.roles = assign_roles(
        found.entities,
        descriptors,
        per_entity_parts,
        analysis.relations,
        analysis.deceased,
        late,
        designated_for={c.entity_key for c in analysis.claims if c.frame == "designated-for"},
    )
    return analysis


def _group_reading(
    source: SourceDocument,
    doc: Doc,
    spans: dict[int, Span],
    passage: Passage,
    previous: tuple[Passage, list[tuple[str, int]]] | None,
) -> dict[str, tuple[int, Finding]]:
    """ "A and B were sanctioned. Both are accused of ...": the finding of a group word
    that is the subject, for each of the two people the sentence before names together
    (``groups``); empty when the group word or the pair is not there."""
    if previous is None or "\n\n" in source.text[previous[0].end : passage.start]:
        return {}
    low, high = _token_bounds(doc, passage)
    people = [(key, spans[i]) for key, i in previous[1]]
    members: tuple[str, ...] | None = None
    anchor = groups.group_subject(doc[low:high])
    if anchor is not None:
        members = groups.pair_members(people)
    else:
        anchor = groups.pronoun_subject(doc[low:high])
        single = groups.single_person(people) if anchor is not None else None
        members = None if single is None else (single,)
    if anchor is None or members is None:
        return {}
    result = best(agency.group_findings(anchor))
    if result is None or result.part not in PERPETRATOR_PARTS | {"victim"}:
        return {}
    index = {key: i for key, i in reversed(previous[1])}
    return {key: (index[key], result) for key in members}


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


# Frames a name passes on to the other names of its enumeration.
SHARED_FRAMES: frozenset[str] = frozenset(
    {"designated", "designated-for", "sanctions-call", "accused-of", "implicated-in"}
)
# Words an enumeration of names may have between two names: "A, B and C", "A, as well
# as current public official B", "General A, Colonel B".
_GAP_POS: frozenset[str] = frozenset({"PUNCT", "CCONJ", "ADJ", "PROPN", "NOUN", "DET", "NUM"})


def _enumerated(doc: Doc, left: Span, right: Span) -> bool:
    """Whether nothing but list punctuation, titles and descriptors separates two
    names ("A, B, C and D", "A, as well as former official B")."""
    if any(
        span.end < len(doc) and doc[span.end].lower_ in {"’s", "'s", "’", "'"}
        for span in (left, right)
    ):
        return False  # "X, Y's son-in-law": a possessor in a descriptor, not a list member
    gap = doc[left.end : right.start]
    if len(gap) == 0:
        return left.text.endswith(".")  # "Defense Sec. Delfin Lorenzana": a title cut off
    # "A, outgoing commander-in-chief; B, ...": items separated by semicolons, here or
    # elsewhere in the sentence ("A, the head of X; B, the minister; and C, the ...")
    listed = any(t.text == ";" for t in gap) or (
        any(t.text == ";" for t in doc[left.sent.start : right.sent.end])
        and any(t.text == "," for t in gap)
    )
    qualifiers = _bracketed_qualifiers(gap)
    if qualifiers is None:
        qualifiers = _bracketed_description(gap)
    # "A, a leader of the 9th Division, and B": the office's "of" belongs to the
    # description (a relative's does not: "A, the son of B" is no list)
    offices = {
        t.i
        for t in gap
        # "A of the armed forces, and B": the unit a listed name belongs to
        if (t.lower_ in {"of", "from"} and t.i == left.end and _unit_then_next(doc, t, gap))
        or _office_of(doc, t, gap)
    }
    limit = 24 if listed else (14 if len(offices) > 0 else 8)
    if qualifiers is None or len(gap) - len(qualifiers) > limit or any(t.text == ":" for t in gap):
        return False
    if any(t.text in {"—", "–"} for t in gap) and any(t.tag_ == "NNS" for t in gap):
        return False  # "by the Treasury, the officials — A": a group the dash names
    described = _described_by_clause(gap) if listed else set()
    words = [
        t
        for t in gap
        if t.i not in offices
        # "chairman of the Council of the Republic": the unit's own "of"
        and not (t.lower_ == "of" and t.head.pos_ == "PROPN" and any(o < t.i for o in offices))
        and not (t.lower_ in {"as", "well"} and t.pos_ in {"ADP", "ADV"})
        and not (t.pos_ == "PRON" and t.dep_ == "poss")  # "A, his daughter, B"
        and not (t.dep_ == "amod" and t.tag_ in {"VBN", "VBG"})  # "the armed forces"
        # "the newly appointed head of": the participle's adverb
        and not (t.pos_ == "ADV" and t.dep_ == "advmod" and t.head.dep_ == "amod")
        # "Iran’s Minister of Intelligence": a place's or body's possessive in a title
        and not (t.tag_ == "POS" and t.i > gap.start and t.doc[t.i - 1].pos_ == "PROPN")
        # "Commander-in-Chief": the preposition inside a hyphenated title
        and not (_hyphenated_inside(t) and t.pos_ == "ADP")
        and t.i not in qualifiers
        and t.i not in described
    ]
    if not any(t.text in {",", ";", "and", "&"} for t in gap):
        # "Defense Sec. Delfin Lorenzana": a title split off the name
        return all(t.pos_ == "PROPN" or t.text == "." for t in gap)
    allowed = _GAP_POS | {"ADP"} if listed else _GAP_POS
    return all(t.pos_ in allowed for t in words)


def _hyphenated_inside(t: Token) -> bool:
    """ "Commander-in-Chief": a word between two hyphens of one compound."""
    doc = t.doc
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "-" and doc[t.i + 1].text == "-"


def _described_by_clause(gap: Span) -> set[int]:
    """ "A, former director who had been demoted; B": the tokens of a relative clause
    describing an item's title, when the whole clause lies between the two names (a
    clause that reaches the next name, "who ordered the killing of B", is no
    description)."""
    out: set[int] = set()
    for token in gap:
        if token.dep_ != "relcl" or not gap.start <= token.head.i < gap.end:
            continue
        inside = [w.i for w in token.subtree]
        if min(inside) >= gap.start and max(inside) < gap.end and _office(token.head):
            out.update(inside)
    return out


def _office_of(doc: Doc, t: Token, gap: Span) -> bool:
    """ "A, a leader of the 9th Division, and B": the office's "of" belongs to the
    description (a relative's does not: "A, the son of B" is no list); "Secretary for
    Security B" likewise."""
    return (
        (t.lower_ in {"of", "for"} or (t.lower_ == "to" and _aide(doc[t.i - 1])))
        and t.i > gap.start
        and (_office(doc[t.i - 1]) or _aide(doc[t.i - 1]))
        # what the office is of comes before the next item ("a deputy of B" names B's
        # office, not a list): a unit, then a comma or "and" ("a leader of the 9th
        # Division and B"), or a unit's name without a title ("chair of Constitutional
        # Court B", not "a deputy of Interior Minister B")
        and (
            any(w.text in {",", "and", ";"} for w in doc[t.i + 2 : gap.end])
            or (
                t.i + 1 < gap.end
                and all(
                    (w.pos_ in {"PROPN", "DET"} and not is_title(w.text))
                    # "chairman of the Council of the Republic (upper house) B"
                    or (w.lower_ == "of" and w.i > t.i + 1)
                    or w.i in (_bracketed_qualifiers(gap) or set())
                    for w in doc[t.i + 1 : gap.end]
                )
            )
        )
    )


def _unit_then_next(doc: Doc, prep: Token, gap: Span) -> bool:
    """ "of the DRC armed forces, and": a unit's words, then the list's comma or "and"."""
    rest = doc[prep.i + 1 : gap.end]
    return any(w.text in {",", "and", ";"} for w in rest) and all(
        w.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM", "PUNCT", "CCONJ"} or w.dep_ == "amod"
        for w in rest
    )


# Nouns for someone who serves another: "a former top aide to Crown Prince X".
_AIDE_NOUNS: frozenset[str] = frozenset({"aide", "adviser", "advisor", "assistant"})


def _aide(word: Token) -> bool:
    return word.pos_ == "NOUN" and lex.lemma(word) in _AIDE_NOUNS


def _office(word: Token) -> bool:
    """An office noun, also capitalised ("Secretary for Security", "Minister of")."""
    return (word.pos_ == "NOUN" or (word.pos_ == "PROPN" and word.text[:1].isupper())) and (
        lex.lemma(word) in anchors.OFFICE_NOUNS
    )


def _bracketed_qualifiers(gap: Span) -> set[int] | None:
    """The tokens of short bracketed qualifiers of a title in a gap ("ADG (Operations)"),
    brackets included; None when the gap has any other bracket."""
    out: set[int] = set()
    opened: int | None = None
    for token in gap:
        if token.text == "(":
            if opened is not None:
                return None
            opened = token.i
        elif token.text == ")":
            if opened is None:
                return None
            inner = gap.doc[opened + 1 : token.i]
            # "(Operations)", "(HKMAO)", "(upper house of parliament)"
            if not 1 <= len(inner) <= 5 or any(
                t.pos_ not in {"PROPN", "NOUN"}
                and not (t.pos_ in {"ADJ", "DET", "ADP"} and t.i > opened + 1)
                and not (t.pos_ == "ADJ" and t.dep_ == "amod")
                for t in inner
            ):
                return None
            out |= set(range(opened, token.i + 1))
            opened = None
    return None if opened is not None else out


def _bracketed_description(gap: Span) -> set[int] | None:
    """ "A (husband of B's daughter C), D": a bracket right after a listed name that
    describes it, a kin or office noun first and no verb (its tokens, brackets included);
    None for any other gap."""
    if len(gap) == 0 or gap[0].text != "(":
        return None
    close = next((t.i for t in gap if t.text == ")"), None)
    if close is None or any(t.text == "(" for t in gap.doc[gap.start + 1 : close]):
        return None
    inner = [t for t in gap.doc[gap.start + 1 : close] if t.dep_ != "det"]
    if (
        not 1 <= len(inner) <= 10
        or lex.lemma(inner[0]) not in anchors.DESCRIPTOR_NOUNS
        or any(t.pos_ in {"VERB", "AUX"} for t in inner)
        or any(t.text in {"(", ")"} for t in gap.doc[close + 1 : gap.end])
    ):
        return None
    return set(range(gap.start, close + 1))


def _continues(text: str, previous: Passage, passage: Passage) -> bool:
    """The parser cut one written sentence in two: same line, no full stop between."""
    gap = text[previous.end : passage.start]
    if "\n" in gap or len(gap) > 2:
        return False
    ending = text[previous.start : previous.end]
    if ending.endswith(".") and ABBREVIATION.search(ending) is not None:
        return True  # "... Defense Sec. | Delfin Lorenzana, ...": cut at a title
    return ending[-1] not in ".!?:"


ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$")


def _share_list_findings(
    doc: Doc,
    chosen: dict[str, tuple[int, Finding | None, tuple[str, ...]]],
    spans: dict[int, Span],
    bounds: tuple[int, int],
    carried_in: tuple[Finding, Span] | None = None,
    persons: frozenset[str] | set[str] = frozenset(),
) -> tuple[tuple[Finding, Span] | None, set[str]]:
    """Names the parse left without a finding take a designation, a call for sanctions
    or an accusation from the name they are enumerated with. The small parser often
    breaks long lists of names ("designating A, B, oligarch C and 64 entities"); the
    enumeration, not the parse, says they share the verb. A misparsed "sanctions
    target A, B" (``target`` read as a noun) seeds the enumeration the same way."""
    items = sorted(((spans[i].start, key) for key, (i, _, _) in chosen.items()))
    order = [key for _, key in items]
    seeds: dict[str, Finding] = {}
    continued: set[str] = set()
    if carried_in is not None:
        first_index, first_found, _ = chosen[order[0]]
        if first_found is None and _enumerated(doc, carried_in[1], spans[first_index]):
            chosen[order[0]] = (
                first_index,
                carried_in[0],
                ("list:continues the enumeration of the previous sentence",),
            )
            continued.add(order[0])
    for key in order:
        found = chosen[key][1]
        if found is not None and found.frame in SHARED_FRAMES and found.part == "accused":
            seeds[key] = found
    first_person = next((key for key in order if key in persons), order[0])
    if chosen[first_person][1] is None:
        # "These are A, B, ...": the first person's name takes what the sentence before
        # says of the group the pronoun stands for; the enumeration passes it on
        first_index = chosen[first_person][0]
        grouped = agency.opening_group(doc[bounds[0] : bounds[1]])
        # (only a title before the first name: "These are a head of the Department A")
        title = doc[bounds[0] + 2 : spans[first_index].start]
        if len(grouped) > 0 and not any(
            t.text in {",", "’s", "'s", "(", ":"}
            or lex.lemma(t) in anchors.DESCRIPTOR_NOUNS - anchors.OFFICE_NOUNS  # "the son of A"
            for t in title
        ):
            chosen[first_person] = (
                first_index,
                grouped[0],
                ("list:the group the sentence before names",),
            )
            seeds[first_person] = grouped[0]
    if len(seeds) == 0:
        for key in order:
            index, found, _ = chosen[key]
            misparsed = _misparsed_trigger(doc, bounds[0], spans[index])
            # "The sanctions blacklist A, B, the Treasury said": the parser made A the
            # speaker of the reporting verb after the list
            reported = (
                found is not None
                and found.frame == "speech"
                and found.trigger >= spans[index].end
                and _reporting_tail(doc, found.trigger)
            )
            if (found is None or reported) and misparsed is not None:
                chosen[key] = (index, misparsed, ("list:misparsed trigger",))
                seeds[key] = misparsed
    named = [spans[chosen[key][0]] for key in order]
    for direction in (order, list(reversed(order))):
        carried: Finding | None = None
        previous: Span | None = None
        for key in direction:
            index, found, _ = chosen[key]
            span = spans[index]
            if key not in seeds and (
                _attributive(span)
                or _unit_of(span, named, key in persons)
                or _title_of(span, named)
                or _in_description(span, named)
                or _in_bracket_after(span, named)
                # "..., the Treasury said": the list's reporter, no item of it
                or (
                    span.end < len(doc)
                    and lex.lemma(doc[span.end]) in lex.SPEECH_VERBS
                    and doc[span.end].pos_ == "VERB"
                )
            ):
                # "the Alvaro Colom presidential administration", "of the DRC armed
                # forces": a name inside a list item's description is no item itself
                continue
            if key in seeds:
                carried = seeds[key]
            elif found is None and carried is not None and previous is not None:
                left, right = (previous, span) if previous.start < span.start else (span, previous)
                if _enumerated(doc, left, right):
                    chosen[key] = (index, carried, ("list:enumerated with a designated name",))
                else:
                    carried = None
            else:
                carried = None
            previous = span
    last_key = order[-1]
    last_index, last_found, _ = chosen[last_key]
    if last_found is not None and last_found.frame in SHARED_FRAMES:
        return (last_found, spans[last_index]), continued
    return None, continued


def _attributive(span: Span) -> bool:
    """A name that modifies a common noun after it ("a chief of staff for the Alvaro
    Colom presidential administration", "the Ortega government"): it names the thing,
    not a member of the list around it."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "the Chaharmahal and Bakhtiari province": the first conjunct's
    return (
        root.dep_ in {"nmod", "compound", "amod"}
        and root.head.i >= span.end
        and root.head.pos_ == "NOUN"
    )


def _title_of(span: Span, named: list[Span]) -> bool:
    """ "Zimbabwe Republic Police Commissioner General Godwin Matanga": a body's name
    written right before a person's name is that person's office, no list item."""
    return any(other.start == span.end for other in named)


def _unit_of(span: Span, named: list[Span], person: bool) -> bool:
    """ "Ruvugayimikore Protogene from FDLR; Bernard Byamungu ...": the body a listed
    name belongs to, named right after it, is no item of the list."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "to" and _aide(root.head.head):
        return True  # "A, a former top aide to Crown Prince B, and C": B is A's principal
    if root.dep_ != "pobj" or root.head.lower_ not in {"of", "from"}:
        return False
    owner = root.head.head
    # "A, chief of the Penal System, and B": the body of a listed name's office (a
    # person there is the office holder: "chair of Constitutional Court B")
    # (a body after any common noun of a description: "a subsidiary force of the IRGC")
    return (
        not person and (lex.lemma(owner) in anchors.DESCRIPTOR_NOUNS or owner.pos_ == "NOUN")
    ) or any(other.start <= owner.i < other.end for other in named)


# What an item's description may say of the item on the way up from a name to it.
_DESCRIPTION_DEPS: frozenset[str] = frozenset({"prep", "pobj", "amod", "acl", "compound", "nmod"})


def _in_description(span: Span, named: list[Span]) -> bool:
    """ "A, an army commander loyal to B, and C", "A, the son of B, and C": a name in the
    apposition that describes another listed name (or in the title written before it:
    "the son of B, A") is that item's principal or relative, no item of the list (an
    office's holder is: "A, chair of Constitutional Court B")."""
    root = span.root
    if root.dep_ != "pobj" or lex.lemma(root.head.head) in anchors.OFFICE_NOUNS:
        return False
    doc = span.doc
    if (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and any(o.start == span.end + 1 for o in named)
    ):
        return True  # "the son of B, A": B is in the title written before A
    token = root.head
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "appos":
            return any(o.start <= head.i < o.end for o in named if o.start != span.start)
        if token.dep_ not in _DESCRIPTION_DEPS:
            return False
        token = head
    return False


def _in_bracket_after(span: Span, named: list[Span]) -> bool:
    """ "A (husband of B's daughter C), D and E": a name inside the bracket written right
    after a listed name describes that item (a relative, a principal), no item itself."""
    doc = span.doc
    for other in named:
        if other.end >= span.start or other.end >= len(doc) or doc[other.end].text != "(":
            continue
        between = doc[other.end + 1 : span.start]
        if not any(t.text in {"(", ")"} for t in between) and len(between) <= 10:
            return True
    return False


def _reporting_tail(doc: Doc, verb: int) -> bool:
    """ "..., the US Treasury Department said": a reporting verb right after a comma and
    an authority (a state or institution), closing the sentence's list."""
    said = doc[verb]
    start = said.sent.start
    commas = [t.i for t in doc[start:verb] if t.text == ","]
    if len(commas) == 0 or not 1 <= verb - commas[-1] - 1 <= 6:
        return False
    speaker = doc[verb - 1]
    return speaker.pos_ in {"PROPN", "NOUN"} and designations.authority_like(speaker)


def _misparsed_trigger(doc: Doc, low: int, first: Span) -> Finding | None:
    """ "The latest sanctions target A, B": a designation verb the parser read as a
    noun, right after a sanctions noun and before the name (titles between)."""
    for token in doc[max(low, first.start - 6) : first.start]:
        if (
            lex.lemma(token) in designations.STRONG_VERBS | designations.WEAK_VERBS
            and token.i > low
            and (
                designations.sanction_noun(doc[token.i - 1])
                # "The sanctions, which will be imposed under X, target A": the clause
                # between the noun and its verb
                or any(c.dep_ == "nsubj" and designations.sanction_noun(c) for c in token.children)
            )
        ):
            between = doc[token.i + 1 : first.start]
            if all(t.pos_ == "PROPN" for t in between):
                return Finding("designation", "accused", token.i, "designated")
    return None


@dataclass(frozen=True)
class LeadReading:
    """What a list's lead-in says about the names listed under it."""

    category: Category
    frame: Frame
    trigger: int  # token index of the word in the lead-in that carries it
    victims: bool = False  # the lead-in speaks of victims: bare names are not accused


def _lead_reading(doc: Doc, lead_in: Passage) -> LeadReading | None:
    """What a list's lead-in alleges ("... are financing Russia's war by purchasing
    assets from banks under sanctions:"), or that it lists designees ("The full list of
    designations is below:", "OFAC has added the following persons:") or names for whom
    sanctions are sought; read from its predicates only."""
    low, high = _token_bounds(doc, lead_in)
    for token in doc[low:high]:
        designating = (token.pos_ in {"VERB", "AUX"} and designations.designation_verb(token)) or (
            lex.lemma(token) in {"designation", "designee", "listing"}
            and designations.sanction_noun(token)
        )
        if designating:
            if designations.proposed(token):
                return LeadReading("sanctions_call", "sanctions-call", token.i)
            reason = designations.reason_category(token)
            return LeadReading(reason or "designation", "designee-list", token.i)
    best: LeadReading | None = None
    for token in doc[low:high]:
        if token.dep_ in {"acl", "relcl", "amod", "compound"}:
            continue
        found = lex.act_category(token)
        if found is not None and (
            best is None or lex.severity(found) < lex.severity(best.category)
        ):
            best = LeadReading(found, "list-lead-in", token.i)
    if best is not None:
        words = {lex.lemma(t) for t in doc[low:high]} | {t.lower_ for t in doc[low:high]}
        best = replace(best, victims=len(words & VICTIM_WORDS) > 0)
    return best


def _lead_finding(
    lead: LeadReading,
    anchor: Token,
    span: Span,
    bounds: tuple[int, int],
    passage: Passage,
    mention: Mention,
    source: SourceDocument,
) -> Finding | None:
    """The finding a list item's name takes from the lead-in, if the name is the item's
    subject (or, under a list of designees, the item's heading: "NAME – post")."""
    if lead.frame in {"designee-list", "sanctions-call"}:
        if _heads_item(passage, mention, source.text) or _item_subject(anchor, span, bounds):
            return Finding(lead.category, "accused", lead.trigger, lead.frame)
        return None
    if _item_subject(anchor, span, bounds):
        part: Part = "complicit" if lead.category == "cover_up" else "perpetrator"
        return Finding(lead.category, part, anchor.head.i, "list-lead-in")
    if lead.victims or not _bare_item(passage, mention, source.text):
        return None
    # "... officials with command over operations that resulted in crimes, including:
    # 1. President X": the item only names the person; the lead-in says what of.
    return Finding(lead.category, "accused", lead.trigger, "list-lead-in")


def _bare_item(passage: Passage, mention: Mention, text: str) -> bool:
    """A list item that is a name, a title before it and at most a short descriptor
    after a comma or dash ("General X, chief of staff of the army"), with no verb."""
    if not _heads_item(passage, mention, text):
        return False
    rest = text[mention.end : passage.end].strip()
    if rest == "":
        return True
    return rest[0] in ",–—-(" and VERBISH.search(rest) is None


VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|did|does|do|said|says|\w+ed)\b", re.IGNORECASE
)
VICTIM_WORDS: frozenset[str] = frozenset(
    {
        "victim",
        "prisoner",
        "detainee",
        "survivor",
        "hostage",
        "journalist",
        "defender",
        "activist",
        "protester",
        "dissident",
        "family",
        "relative",
        "casualty",
        "dead",
        "killed",
        "detained",
        "arrested",
        "disappeared",
    }
)


TITLE_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|[a-z]{1,3}\.)$")


def _heads_item(passage: Passage, mention: Mention, text: str) -> bool:
    """The list item opens with the name, perhaps after a title ("Gen. X – ...")."""
    before = text[passage.start : mention.start].split()
    return len(before) <= 4 and all(TITLE_WORD.match(word) is not None for word in before)


@dataclass(frozen=True)
class Reading:
    """The decision on one name in one passage: category, part, the frame that matched
    and every other signal weighed, in order."""

    category: Category
    part: Part
    frame: Frame
    signals: tuple[str, ...]

    @property
    def designation(self) -> bool:
        return self.frame in DESIGNATION_FRAMES and self.part == "accused"


DESIGNATION_FRAMES: frozenset[str] = frozenset({"designated", "designated-for", "designee-list"})


# Last words, capitalised, of the names of legal instruments: "the Magnitsky Act".
_INSTRUMENT_ENDS: frozenset[str] = frozenset(
    {"Act", "Law", "Order", "Regulations", "Decree", "Bill", "Directive", "Statute"}
)


def _no_conduct_of_a_law(name: str, result: Finding) -> Finding | None:
    """ "The Global Magnitsky Human Rights Accountability Act allows the government to
    sanction abusers": a law (an organisation mention, so that its eponym is no person)
    does nothing itself; conduct the parse gives it is no claim. (A body named after the
    law keeps its readings: "the Bureau for Human Rights and Rule of Law".)"""
    words = name.split()
    law = (
        len(words) > 1
        and words[-1] in _INSTRUMENT_ENDS
        and not (words[-1] == "Law" and any(w in {"of", "for"} for w in words))
    )
    if law and result.part in PERPETRATOR_PARTS | {"victim"}:
        return None
    return result


def decide(
    result: Finding | None, descriptor: Role | None, signals: tuple[str, ...] = ()
) -> Reading:
    """Is this passage an allegation about this name, and whose: the one place that
    decides, from the parse's finding, the lead-in and the descriptor role."""
    if result is None:
        return Reading("context", "subject", "none", signals)
    category: Category = result.category
    part: Part = result.part
    frame: Frame = result.frame
    weighed = [f"frame:{frame}", *signals]
    if result.office_only and descriptor not in OFFICE_ROLES:
        category, part = ("context", "source")
        weighed.append(f"not an office holder ({descriptor or 'no descriptor'}): source")
    if part in PERPETRATOR_PARTS and descriptor in PROTECTED_ROLES:
        if descriptor == "lawyer" and frame == "designated-for":
            # A profession, not a victim class: an authority designating a lawyer for
            # stated conduct ("sanctioned X, a lawyer and senator, for bribing judges").
            weighed.append("described as lawyer; designated for stated conduct: kept")
        else:
            # Never a perpetrator by a single parse: a reviewer decides.
            part = "unclear"
            weighed.append(f"described as {descriptor}: unclear, for review")
    return Reading(category, part, frame, tuple(weighed))


def _designation(
    doc: Doc,
    source: SourceDocument,
    passage: Passage,
    result: Finding,
    mention: Mention,
    key: str,
    reading: Reading,
    start: int,
) -> Designation:
    """The designation a passage reports: who, under what, when, for what."""
    text = source.text
    trigger = doc[result.trigger]
    home = passage.lead_in if reading.frame == "designee-list" else None
    where = home if home is not None else passage
    statement = text[where.start : where.end]
    whole = (
        text[passage.quote_start : passage.end]
        if home is None
        else (f"{statement}\n{text[passage.start : passage.end]}")
    )
    low, high = _token_bounds(doc, where)
    program, program_id = designations.find_program(
        whole, designations.paragraph_around(text, where.start, passage.end)
    )
    date = passage_date(whole)
    if date is None and designations.TODAY.search(whole) is not None:
        date = source.meta.published_at
    return Designation(
        content_hash=source.content_hash,
        entity_key=key,
        start=start,  # the claim's passage: the designation and its evidence share an ID
        end=passage.end,
        mention_start=mention.start,
        mention_end=mention.end,
        frame=reading.frame,
        authority=designations.find_authority(trigger, statement, text),
        program=program,
        program_id=program_id,
        date=date,
        reason=designations.reason_text(trigger, low, high),
        measures=designations.find_measures(whole),
    )


def _token_bounds(doc: Doc, passage: Passage) -> tuple[int, int]:
    span = doc.char_span(passage.start, passage.end, alignment_mode="expand")
    if span is None:
        return passage.sent.start, passage.sent.end
    return span.start, span.end


def _stronger(new: Finding | None, old: Finding | None) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    return best([new, old]) == new
