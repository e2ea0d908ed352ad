"""What the parse says about a verb: whether a word is one, whether it has a subject of
its own, and what it governs."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract import allegations as lex
from dossier.model import Category

SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def is_verbal(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def _subject_ids(verb: Token) -> set[int]:
    ids: set[int] = set()
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in {"conj", "cc"}:
            ids.update(word.i for word in child.subtree)
    return ids


def object_category(verb: Token) -> Category | None:
    """Category of what a verb governs (objects, complements), not its subject."""
    return lex.subtree_category(verb, _subject_ids(verb) - {verb.i})
