"""Responsibility by command: what a body someone leads, oversees or rules did.

"X oversees the services that repressed ...", "the unit led by X tortured",
"commander of the police that killed", "repression under X", "X's government
persecuted". What the body did is read with ``agency.predicate`` (the two recurse into
each other).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract import agency, verbs
from dossier.extract import allegations as lex
from dossier.extract.allegations import lemma
from dossier.extract.finding import PERPETRATOR_SIDE, Finding, best
from dossier.model import Category

# Commanding a body that did it: "oversees the services which repressed ...".
COMMAND_VERBS: frozenset[str] = frozenset(
    {"oversee", "lead", "head", "run", "supervise", "control", "preside", "manage"}
    | {"orchestrate", "mastermind"}
)
COMMAND_NOUNS: frozenset[str] = frozenset(
    {"commander", "head", "chief", "leader", "director", "commandant", "chairman", "boss"}
)


def _body_act(noun: Token, skip: int | None = None) -> Category | None:
    """What a body did, as its own phrase says: "the unit that tortured detainees",
    "security services, which have violently repressed opponents", "the crackdown".
    ``skip`` is the clause being read already ("the judge presiding over ..." reads
    "presiding" once, not again through "judge")."""
    found = lex.practice_category(noun)
    if found is not None:
        return found
    if lemma(noun) in SCHEME_NOUNS:
        found = _scheme_act(noun)
        if found is not None:
            return found
    for child in noun.children:
        if (
            child.dep_ in {"relcl", "acl"}
            and child.i != skip
            and verbs.is_verbal(child)
            and agency.relative_slot(child) == "agent"
        ):
            act = agency.agent_act(child)
            if act is not None:
                return act
    return None


# A scheme or ring someone runs: what it is for is named on it ("a bribery scheme",
# "a corrupt network", "a scheme to award inflated contracts").
SCHEME_NOUNS: frozenset[str] = frozenset(
    {"scheme", "network", "ring", "plot", "racket", "conspiracy", "cartel", "operation", "plan"}
)
CORRUPT_ADJECTIVES: frozenset[str] = frozenset({"corrupt", "fraudulent", "criminal", "illicit"})


def _scheme_act(noun: Token) -> Category | None:
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            if lemma(child) in CORRUPT_ADJECTIVES or child.lower_ in CORRUPT_ADJECTIVES:
                return "corruption"
            found = lex.ACT_NOUNS.get(lemma(child)) or lex.ACT_NOUNS.get(child.lower_)
            if found is not None and found not in {"cover_up"}:
                return found
        if child.dep_ == "acl" and child.tag_ == "VB" and not verbs.has_subject(child):
            act = agency.agent_act(child)
            if act is not None:
                return act
    return None


def commanded_act(verb: Token) -> Category | None:
    """ "X oversees the services that repressed ...", "X presided over the crackdown",
    "networks led by X have been looting": what the body X commands did."""
    targets = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"over", "of"}:
            targets.extend(c for c in child.children if c.dep_ == "pobj")
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        body = verb.head  # "the unit led by X", "networks led by X"
        found = _body_act(body, verb.i)
        if found is not None:
            return found
        if body.dep_ in verbs.SUBJECT_DEPS and verbs.is_verbal(body.head):
            act = agency.agent_act(body.head)
            if act is not None:
                return act
    for target in targets:
        found = _body_act(target)
        if found is None:
            found = _earlier_body_act(target)
        if found is not None:
            return found
    return None


BODY_NOUNS: frozenset[str] = frozenset(
    {
        "office",
        "unit",
        "agency",
        "ministry",
        "service",
        "police",
        "force",
        "army",
        "squad",
        "brigade",
        "battalion",
        "division",
        "department",
        "directorate",
        "prison",
        "facility",
    }
)


def _earlier_body_act(body: Token) -> Category | None:
    """ "The attorney general's office has been accused of ... persecuting those who
    pursue the corrupt. X, who has led the office for four years, ...": what the same
    body (a definite state body, named in one of the three sentences before) did or is
    accused of."""
    if lemma(body) not in BODY_NOUNS or not any(
        c.lower_ in {"the", "its", "this"} for c in body.children
    ):
        return None
    doc = body.doc
    sent = body.sent
    earlier: list[Span] = []
    for _ in range(3):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        earlier.append(sent)
    for before in earlier:
        for token in before:
            if lemma(token) != lemma(body) or not verbs.is_verbal(token.head):
                continue
            slot = {"nsubj": "agent", "nsubjpass": "patient"}.get(token.dep_)
            if slot is None:
                continue
            acts = [
                f
                for f in agency.predicate(token.head, slot, 3)
                if f.part in PERPETRATOR_SIDE and f.category in lex.VIOLENT | {"corruption"}
            ]
            chosen = best(acts)
            if chosen is not None:
                return chosen.category
    return None


def command_descriptor(span: Span, anchor: Token) -> list[Finding]:
    """ "X, commander of the unit that tortured ...", "head of the police that killed":
    a command title of the person whose "of" phrase names a body and what it did."""
    candidates = [c for c in span.root.children if c.dep_ == "appos"]
    if span.root.dep_ in {"appos", "compound"}:
        candidates.append(span.root.head)
    candidates.append(anchor)
    out: list[Finding] = []
    for noun in candidates:
        if lemma(noun) not in COMMAND_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for body in child.children:
                    if body.dep_ == "pobj":
                        category = _body_act(body)
                        if category is not None and category != "corruption":
                            out.append(Finding(category, "ordered", noun.i, "command"))
    return out


def through_possession(found: list[Finding]) -> list[Finding]:
    """What a body headed by the possessor did ("X's government persecuted"): the
    possessor is responsible for it, not its direct author; nothing else carries."""
    out: list[Finding] = []
    for finding in found:
        if finding.part in {"perpetrator", "complicit"} and finding.category in lex.VIOLENT:
            out.append(Finding(finding.category, "complicit", finding.trigger, "regime"))
        elif finding.part == "ordered":
            out.append(finding)
    return out


def under(governor: Token) -> list[Finding]:
    """ "repression against the opposition under X", "jailed under X": an act done
    under a person's rule or command makes them responsible for it."""
    token = governor
    for _ in range(4):
        category = lex.practice_category(token) if not verbs.is_verbal(token) else None
        if verbs.is_verbal(token):
            category = lex.act_category(token)
            if category is None or lex.is_negated(token) or lex.is_irrealis(token):
                return []
        if category is not None:
            if category not in lex.VIOLENT and category != "corruption":
                return []
            return [Finding(category, "complicit", token.i, "command")]
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
        elif token.dep_ in {"conj", "appos", "compound"}:
            token = token.head
        elif (
            token.dep_ == "nsubj"
            and verbs.is_verbal(token.head)
            and lemma(token) in lex.REGIME_NOUNS | {"unit", "officer", "guard", "official"}
        ):
            token = token.head  # "Security forces under X abducted dozens"
        else:
            return []
    return []
