"""Relations between local entities: family, employment, membership,
directorship, ownership and association, each with its evidence passage.

Orientation follows ``model.RelationFact``: family ``subject`` is the person,
``object`` the relative and ``relationship`` what the relative is to the
person ("a son-in-law of Nursultan Nazarbayev, Timur Kulibayev" gives subject
Nazarbayev, object Kulibayev, "son-in-law"); employment/membership/
directorship: subject the person, object the organisation; ownership: subject
the owner, object the asset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dossier.extract.allegations import lemma
from dossier.extract.positions import (
    KIN_NOUNS,
    TITLE_NOUNS,
    Descriptor,
    all_descriptors,
    crosses_a_line,
    evidence_span,
    line_of,
)
from dossier.model import LocalEntity, Mention, RelationFact, RelationKind, SourceDocument

ASSOCIATE_NOUNS: frozenset[str] = frozenset(
    {"associate", "ally", "partner", "figurehead", "proxy", "confidant", "predecessor", "successor"}
)
OWNER_NOUNS: frozenset[str] = frozenset({"shareholder", "owner"})
MEMBERSHIP_NOUNS: frozenset[str] = frozenset(
    {"member", "ex-member", "leader", "chairman", "chair", "chairwoman", "founder"}
)


def _kind_for(title: str, head: str) -> RelationKind:
    lowered = title.lower()
    if "board" in lowered or head == "ceo":
        return "directorship"
    if head in MEMBERSHIP_NOUNS:
        return "membership"
    return "employment"


def _owner(token_owner: dict[int, int], token: Token) -> int | None:
    return token_owner.get(token.i)


def _person_pronoun_referent(
    pronoun: Token, mentions: Sequence[Mention], spans: dict[int, Span], exclude: int
) -> int | None:
    """ "his"/"her": the nearest person named before it in the same sentence, on the
    same line (the parser may glue a byline or a heading to the sentence below it)."""
    best: int | None = None
    doc = pronoun.doc
    for index, span in spans.items():
        if index == exclude or mentions[index].label != "PERSON" or _kin_named(span):
            continue
        same = (
            span.sent.start == pronoun.sent.start
            and span.end <= pronoun.i
            and not crosses_a_line(doc[span.end - 1 : pronoun.i])
        )
        if same and (best is None or spans[best].end < span.end):
            best = index
    return best


def _kin_named(span: Span) -> bool:
    """ "his spouse, A, his daughter, B": A is named as someone's relative, so the next
    "his" is that someone's, not A's."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return (
        i >= 1
        and (lemma(doc[i]) in KIN_NOUNS or doc[i].lower_ in {"spouse", "partner"})
        and doc[i - 1].lower_ in {"his", "her", "their"}
    )


def find_relations(
    source: SourceDocument,
    doc: Doc,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    token_owner: dict[int, int],
    entities: dict[str, LocalEntity],
) -> list[RelationFact]:
    """Every relation the text states between two resolved entities."""
    facts: list[RelationFact] = []
    seen: set[tuple[str, str, str, str]] = set()

    def add(
        kind: RelationKind, subject: int, obj: int, relationship: str, start: int, end: int
    ) -> None:
        subject_key = mentions[subject].entity_key
        object_key = mentions[obj].entity_key
        if subject_key is None or object_key is None or subject_key == object_key:
            return
        marker = (kind, subject_key, object_key, relationship.lower())
        if marker in seen:
            return
        seen.add(marker)
        facts.append(RelationFact(kind, subject_key, object_key, relationship, start, end))

    for descriptor in all_descriptors(source, doc, mentions, spans, token_owner):
        _from_descriptor(source, doc, descriptor, mentions, spans, token_owner, add)
    for index, span in spans.items():
        _from_membership_prep(source, doc, index, span, mentions, token_owner, add)
    _ownership(source, doc, mentions, spans, token_owner, add)
    return facts


def _from_descriptor(
    source: SourceDocument,
    doc: Doc,
    descriptor: Descriptor,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    token_owner: dict[int, int],
    add: _Add,
) -> None:
    person = descriptor.mention
    mention = mentions[person]
    start, end = evidence_span(source, doc, descriptor, mention)
    head = descriptor.head
    if descriptor.kind in {"signature", "credit"}:
        if mention.label != "PERSON":
            return
        line_start, line_end = line_of(source.text, mention.start)
        orgs = [
            i
            for i, m in enumerate(mentions)
            if m.label == "ORG" and line_start <= m.start and m.end <= line_end and i != person
        ]
        if len(orgs) == 0:
            return
        org = orgs[-1] if descriptor.kind == "signature" else orgs[0]
        add(_kind_for(descriptor.text, head), person, org, descriptor.text, start, end)
        return
    tokens = [doc[i] for i in descriptor.tokens]
    if len(tokens) == 0:
        return
    head_token = next((t for t in tokens if lemma(t) == head), tokens[-1])
    # Who or what the descriptor is "of": "son-in-law of X", "X's son-in-law", "his daughter".
    anchors: list[int] = []
    for child in head_token.children:
        if child.dep_ == "poss":
            owner = _owner(token_owner, child)
            if owner is not None:
                anchors.append(owner)
            elif child.lower_ in {"his", "her"}:
                ref = _person_pronoun_referent(child, mentions, spans, person)
                if ref is not None:
                    anchors.append(ref)
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "with", "for"}:
            for pobj in child.subtree:
                owner = _owner(token_owner, pobj)
                if owner is not None and owner != person and owner not in anchors:
                    anchors.append(owner)
                    break
    for word in tokens:
        owner = _owner(token_owner, word)
        if owner is not None and owner != person and owner not in anchors:
            anchors.append(owner)
    if len(anchors) == 0:
        return
    other = anchors[0]
    other_label = mentions[other].label
    if head in KIN_NOUNS:
        in_law = re.search(r"\b(\w+-in-law)\b", descriptor.text.lower())
        relationship = in_law.group(1) if in_law is not None else head
        if mention.label == "PERSON" and other_label == "PERSON":
            add("family", other, person, relationship, start, end)
        return
    if head in ASSOCIATE_NOUNS:
        if mention.label == "PERSON" and other_label == "PERSON":  # FtM Associate: two people
            add("associate", person, other, head, start, end)
        return
    if head in OWNER_NOUNS and other_label == "ORG":
        add("ownership", person, other, head, start, end)
        return
    if head in TITLE_NOUNS and other_label == "ORG" and mention.label == "PERSON":
        add(_kind_for(descriptor.text, head), person, other, descriptor.text, start, end)


def _from_membership_prep(
    source: SourceDocument,
    doc: Doc,
    index: int,
    span: Span,
    mentions: Sequence[Mention],
    token_owner: dict[int, int],
    add: _Add,
) -> None:
    """ "Shalipa Bekkulova from the Human Rights Public Association"."""
    if mentions[index].label != "PERSON":
        return
    heads = [span.root]
    heads.extend(c for c in span.root.children if c.dep_ == "conj")
    conj_root = span.root
    while conj_root.dep_ == "conj" and conj_root.head.pos_ == "PROPN":
        conj_root = conj_root.head
        heads.append(conj_root)
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ != "from":
                continue
            for pobj in child.children:
                owner = token_owner.get(pobj.i)
                if owner is None:
                    for word in pobj.subtree:
                        owner = token_owner.get(word.i)
                        if owner is not None:
                            break
                if owner is not None and mentions[owner].label == "ORG":
                    sent = span.sent
                    start, end = _trimmed(source, sent.start_char, sent.end_char, span)
                    add("membership", index, owner, "member", start, end)


def _trimmed(source: SourceDocument, start: int, end: int, span: Span) -> tuple[int, int]:
    text = source.text
    line_start, line_end = line_of(text, span.start_char)
    start, end = max(start, line_start), min(end, line_end)
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(text[start:end].rstrip())
    return start, end


def _mention_in(token: Token, token_owner: dict[int, int], stop: set[int]) -> int | None:
    """The entity a noun phrase names: itself, or an apposition or compound of it."""
    owner = token_owner.get(token.i)
    if owner is not None:
        return owner
    current = token
    for _ in range(3):
        if current.dep_ in {"appos", "attr"} and current.head.i not in stop:
            current = current.head
            owner = token_owner.get(current.i)
            if owner is not None:
                return owner
        else:
            break
    for child in token.children:
        if child.dep_ in {"appos", "compound"}:
            owner = token_owner.get(child.i)
            if owner is not None:
                return owner
    return None


def _ownership(
    source: SourceDocument,
    doc: Doc,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    token_owner: dict[int, int],
    add: _Add,
) -> None:
    """ "a company owned by X", "X owns Y", "the sole shareholder of A is B"."""
    for token in doc:
        word = lemma(token)
        if word == "own" and token.pos_ == "VERB":
            owners: list[int] = []
            assets: list[int] = []
            for child in token.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        found = _mention_in(pobj, token_owner, set())
                        if found is not None:
                            owners.append(found)
                if child.dep_ == "nsubj":
                    found = _mention_in(child, token_owner, set())
                    if found is not None:
                        owners.append(found)
                if child.dep_ == "dobj":
                    found = _mention_in(child, token_owner, set())
                    if found is not None:
                        assets.append(found)
            if token.dep_ == "acl":
                found = _mention_in(token.head, token_owner, set())
                if found is not None:
                    assets.append(found)
            for owner in owners:
                for owned in assets:
                    start, end = _trimmed(
                        source, token.sent.start_char, token.sent.end_char, token.sent
                    )
                    add("ownership", owner, owned, "owner", start, end)
        if word in OWNER_NOUNS and token.dep_ in {"nsubj", "attr"} and lemma(token.head) == "be":
            asset: int | None = None
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        asset = _mention_in(pobj, token_owner, set())
            other_dep = "attr" if token.dep_ == "nsubj" else "nsubj"
            holder: int | None = None
            for child in token.head.children:
                if child.dep_ == other_dep:
                    holder = _mention_in(child, token_owner, set())
            if asset is not None and holder is not None:
                start, end = _trimmed(
                    source, token.sent.start_char, token.sent.end_char, token.sent
                )
                add("ownership", holder, asset, token.text.lower(), start, end)


class _Add(Protocol):
    """Callable type of the ``add`` closure (for annotations only)."""

    def __call__(
        self, kind: RelationKind, subject: int, obj: int, relationship: str, start: int, end: int
    ) -> None: ...
