"""Whom "both", "the two" or "the pair" stands for, and a sentence-initial "he"/"she".

Press releases name two people in one sentence and say what they did in the next:
"The UK also sanctioned A, a detective, and B, an officer. In 2015, the pair tortured
C." "Both are accused of obstructing complaints of torture." A group word that is
the subject of the next sentence refers to the two people, and only when the
sentence just before names exactly two people and names them together (one
coordinated with the other). "He" or "she" opening the next sentence as its subject
refers to the one person the sentence just before names, when it names exactly one.
Anything else (three people, two people in separate clauses, a pronoun inside a
clause, a paragraph between) stays unresolved: the sentence then speaks of nobody.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

# "both", "the two", "the pair", "the duo".
GROUP_WORDS: frozenset[str] = frozenset({"both", "two", "pair", "duo"})


def group_subject(tokens: Span) -> Token | None:
    """The group word that is a clause's subject in ``tokens``, or None."""
    for token in tokens:
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        word = token.lower_
        if word == "both" and not any(c.dep_ == "prep" for c in token.children):
            return token  # "Both are accused ...", not "both of the companies"
        if word in {"two", "pair", "duo"} and any(
            c.dep_ == "det" and c.lower_ in {"the", "these"} for c in token.children
        ):
            return token
        if token.lemma_.lower() in PEOPLE_NOUNS and _counted_as_two(token):
            return token  # "The two men are accused ...", "Both officers tortured ..."
    return None


# Nouns for people that a group word counts: "the two men", "both officers".
PEOPLE_NOUNS: frozenset[str] = frozenset(
    {"man", "woman", "officer", "official", "individual", "person", "people", "brother"}
    | {"commander", "general", "judge", "prosecutor", "agent", "leader", "suspect", "son"}
    | {"policeman", "investigator", "minister", "businessman", "defendant", "sister"}
)


def _counted_as_two(noun: Token) -> bool:
    """ "the two men", "these two officers", "both men" (not "two men", any two)."""
    children = list(noun.children)
    if any(c.lower_ == "both" and c.dep_ in {"det", "predet", "amod"} for c in children):
        return True
    return any(c.lower_ == "two" and c.dep_ == "nummod" for c in children) and any(
        c.dep_ == "det" and c.lower_ in {"the", "these"} for c in children
    )


def _joined(left: Span, right: Span) -> bool:
    """The second name hangs on the first through coordination (and appositions
    between): "A, a detective, and B"."""
    between = left.doc[left.end : right.start]
    if 1 <= len(between) <= 2 and all(t.lower_ in {",", "and", "&"} for t in between):
        return any(t.lower_ in {"and", "&"} for t in between)  # "A and B" however parsed
    token = right.root
    inside = {t.i for t in left}
    for _ in range(5):
        if token.dep_ not in {"conj", "appos"} or token.head.i == token.i:
            return False
        token = token.head
        if token.i in inside:
            return True
    return False


def pair_members(people: Sequence[tuple[str, Span]]) -> tuple[str, str] | None:
    """The two local entity keys a group word in the next sentence refers to: the
    previous sentence's person mentions, exactly two people, coordinated."""
    keys = list(dict.fromkeys(key for key, _ in people))
    if len(keys) != 2:
        return None
    first = next(span for key, span in people if key == keys[0])
    second = next(span for key, span in people if key == keys[1])
    if not _joined(first, second):
        return None
    return keys[0], keys[1]


def pronoun_subject(tokens: Span) -> Token | None:
    """ "He is suspected of taking a bribe": a personal pronoun that is the subject of the
    sentence's main clause and its first word (after an opening phrase), or None."""
    for token in tokens:
        if token.lower_ not in {"he", "she"} or token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if token.head.dep_ != "ROOT":
            return None  # "..., who said he ...": a pronoun inside a clause
        before = tokens[: token.i - tokens.start]
        if any(t.pos_ == "PROPN" for t in before):
            return None  # another name comes first
        return token
    return None


def single_person(people: Sequence[tuple[str, Span]]) -> str | None:
    """The one person a sentence names (any number of mentions), or None."""
    keys = list(dict.fromkeys(key for key, _ in people))
    return keys[0] if len(keys) == 1 else None
