"""Where a text places a name on a sanctions list.

A designation verb or noun makes its patient a designee (``designation``); besides
that, texts list designees in their own shapes: "On the sanctions list is X", "The
others on the list are X", "Besides X, the others on the list are Y", "the inclusion of
X in the list", "OFAC is designating: X, ...; Y, ...", "Other officials penalized
include X", and "the two officials" named after an earlier sentence designated two.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dossier.extract import allegations as lex
from dossier.extract import designations, verbs
from dossier.extract.allegations import lemma
from dossier.extract.finding import Finding

# "The officers named in the report are ...": a group of office holders, a naming verb,
# a document that alleges.
OFFICE_GROUP_NOUNS: frozenset[str] = frozenset(
    {"officer", "official", "general", "commander", "officeholder", "leader", "perpetrator"}
)


def designation(trigger: Token, slot: str, negated: bool) -> list[Finding]:
    """A designation verb or noun: its patient is the designee (accused of the conduct
    the reason phrase states), its agent the designating authority. A designation asked
    for or planned is a call for sanctions."""
    if negated:
        return []
    if designations.proposed(trigger):
        if slot == "patient":
            return [Finding("sanctions_call", "accused", trigger.i, "sanctions-call")]
        return []
    if slot == "agent":
        return [Finding("context", "source", trigger.i, "designating-authority")]
    reason = designations.reason_category(trigger)
    if reason is None:
        return [Finding("designation", "accused", trigger.i, "designated")]
    return [Finding(reason, "accused", trigger.i, "designated-for")]


def designated_group_before(include: Token) -> Token | None:
    """ "Other officials penalized include X": the participle right before "include",
    after the group it describes, when the parser lost it (made it a clause of
    "include"); the participle, when it designates in a sanctions context."""
    doc = include.doc
    if include.i < 2 or include.i - 2 < include.sent.start:
        return None
    participle, group = doc[include.i - 1], doc[include.i - 2]
    if participle.tag_ not in {"VBN", "VBD"} or group.pos_ not in {"NOUN", "PRON", "NUM"}:
        return None
    word = lemma(participle)
    if word not in designations.STRONG_VERBS | designations.WEAK_VERBS:
        return None
    if word not in designations.STRONG_VERBS and not designations.in_context(participle):
        return None
    return participle


def group_designated(group: Token) -> Token | None:
    """ "The two officials have been identified as X and Y": the designation, earlier in
    the text, of the same number of the same people ("sanctions on ... two state
    officials"); None when there is none."""
    number = next((c.lower_ for c in group.children if c.dep_ == "nummod"), None)
    if not any(c.lower_ in {"the", "these", "those"} for c in group.children):
        return None
    if number is None and (group.tag_ != "NNS" or lemma(group) not in OFFICE_GROUP_NOUNS):
        return None
    doc = group.doc
    for token in doc[: group.sent.start]:
        counted = [c.lower_ for c in token.children if c.dep_ == "nummod"]
        # "the officials — A and B — organized ...": the officials sanctioned earlier
        # ("sanctions on two government officials"), counted there
        if lemma(token) != lemma(group) or (number not in counted if number else not counted):
            continue
        for ancestor in [token, *token.ancestors]:
            designating = (
                ancestor.pos_ in {"VERB", "AUX"} and designations.designation_verb(ancestor)
            ) or designations.sanction_noun(ancestor)
            if designating and not designations.proposed(ancestor):
                return ancestor
            for noun in ancestor.children:  # "announced sanctions on A, B and two officials"
                if (
                    noun.dep_ == "dobj"
                    and designations.sanction_noun(noun)
                    and not designations.proposed(noun)
                ):
                    return noun
    return None


DESIGNATED_WORDS: frozenset[str] = frozenset({"sanctioned", "designated", "blacklisted"})


def designated_participle(subject: Token) -> Token | None:
    """ "Sanctioned Thursday were: A, ...; B", "Also designated were A and B": a copula's
    subject that is, or opens with, a participle of a designation verb (the parser makes
    "Sanctioned" a modifier of the day); None when there is none."""
    for word in [subject, *subject.children]:
        if (
            (word.i == subject.i or word.dep_ in {"amod", "acl", "compound"})
            and word.i <= subject.i
            and word.tag_ in {"VBN", "JJ", "VBD"}
            and (lemma(word) in designations.STRONG_VERBS or word.lower_ in DESIGNATED_WORDS)
            and not lex.is_negated(subject.head)
            and not designations.proposed(subject.head)
        ):
            return word
    return None


def sentence_designation(sent: Span) -> list[Finding]:
    """The designation (or call for sanctions) a sentence makes, for a name tied to it
    by "aside from", "in addition to", "besides"."""
    for token in sent:
        if (token.pos_ in {"VERB", "AUX"} and designations.designation_verb(token)) or (
            designations.sanction_noun(token)
            and any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in token.children)
        ):
            return designation(token, "patient", lex.is_negated(token))
    return []


def listing_noun(noun: Token) -> bool:
    """ "the inclusion of X in the sanctions list", "the addition of X to the blacklist":
    a noun placing its "of" object on a sanctions list."""
    if lemma(noun) not in {"inclusion", "addition", "placement"}:
        return False
    # (the list's phrase may hang on a word of the "of" object, a long title there)
    holders = [*noun.subtree, noun.head, noun.head.head]  # "coincided with the inclusion"
    return any(_on_sanctions_list(holder, {"in", "on", "to"}) for holder in holders)


def on_a_blacklist(verb: Token) -> bool:
    """ "Also on the Treasury's blacklist were X", "On the sanctions list is X", "On the
    list of sanctions is X": a copula placing its complement on a blacklist or a
    sanctions list (not "the list of speakers")."""
    if lex.is_negated(verb) or designations.proposed(verb):
        return False
    for child in verb.children:
        nouns = [child] if child.dep_ == "nsubj" else []
        if child.dep_ == "prep" and child.lower_ in {"on", "among"}:
            nouns = [c for c in child.children if c.dep_ == "pobj"]
        for noun in nouns:
            if child.lower_ != "among" and _sanctions_list(noun):
                return True
            if _listed_group(noun):
                return True
    return lemma(verb) == "be" and _listed_group_before(verb) is not None


def _listed_group(noun: Token) -> bool:
    """ "The others on the sanctions list are X", "Among those on the UK's sanctions
    list are X", "The four officials on the blacklist are X": the group placed on the
    list is what the copula's complement names."""
    return lemma(noun) in LIST_GROUP_WORDS and _on_sanctions_list(noun, {"on"})


def _on_sanctions_list(token: Token, prepositions: set[str]) -> bool:
    """A phrase under ``token`` that places it on a sanctions list (``_sanctions_list``):
    "on the sanctions list", "in the blacklist", "to the list of sanctions"."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in prepositions
        and any(g.dep_ == "pobj" and _sanctions_list(g) for g in prep.children)
        for prep in token.children
    )


def _listed_group_before(verb: Token) -> Token | None:
    """ "Besides X and his son, Y, the others on the sanctions list are Z": a copula
    without a subject (the parser hung the group on the opening phrase); the group word
    before it that the list holds (a subject after the copula is its complement read
    as the subject: "the others on the list are X")."""
    if any(c.dep_ in verbs.SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.pos_ in {"NOUN", "PRON"} and _listed_group(token):
            ancestors = list(token.ancestors)
            if verb in ancestors and not any(
                verbs.is_verbal(a) for a in ancestors[: ancestors.index(verb)]
            ):
                return token
    return None


def besides_the_listed(anchor: Token) -> bool:
    """ "Besides X and his son, Y, the others on the sanctions list are Z": "besides"
    before "the others on the list" places X on the list too."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in {"besides", "beside"}:
        return False
    verb = prep.head
    if lemma(verb) != "be" or lex.is_negated(verb) or designations.proposed(verb):
        return False
    group = _listed_group_before(verb)
    return group is not None and lemma(group) == "other"


# The group words a sanctions list holds: "the others on the list", "those on it".
LIST_GROUP_WORDS: frozenset[str] = frozenset(
    {"other", "those", "official", "individual", "person", "people", "name", "figure"}
    | {"officer", "man", "woman", "member", "one"}
)


def _sanctions_list(noun: Token) -> bool:
    """ "the sanctions list", "the list of sanctions", "the Treasury's blacklist"; a bare
    "the list" in a passage about sanctions ("the four officials on the list are")."""
    modifiers = {lemma(c) for c in noun.children if c.dep_ in {"compound", "amod"}}
    modifiers |= {
        lemma(g)
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    }
    if lemma(noun) == "blacklist":
        return True
    if lemma(noun) != "list":
        return False
    if len(modifiers & {"sanction", "sanctions", "sdn"}) > 0:
        return True
    return (
        len(modifiers - {"expanded", "new", "latest", "updated"}) == 0
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        and (designations.in_context(noun) or _named_list_before(noun))
    )


# A sanctions list named in so many words: "the blacklist", "the sanctions list".
_NAMED_LIST = re.compile(
    r"\b(?:blacklist|sanctions?[ \u00a0]+list|list[ \u00a0]+of[ \u00a0]+sanctions)"
)


def _named_list_before(noun: Token) -> bool:
    """ "... added to the blacklist. ... On the list is X": "the list" refers back to a
    sanctions list the document named before."""
    return _NAMED_LIST.search(noun.doc.text, 0, noun.idx) is not None


def own_designation(possessor: Token, noun: Token) -> bool:
    """ "Commissioner X's designation followed ...": a person's designation without an
    "of" phrase is the designation of that person; "OFAC's designation of X" (an "of"
    phrase, or an authority as the possessor) is by the possessor."""
    return (
        lemma(noun) in {"designation", "listing", "blacklisting"}
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        and not designations.authority_like(possessor)
        and not designations.proposed(noun)
    )


def _opens_with_a_colon(verb: Token) -> bool:
    """ "OFAC is designating: ...": a strong designation verb whose object a colon opens."""
    doc = verb.doc
    return (
        verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ":"
        and lemma(verb) in designations.STRONG_VERBS
        and verbs.is_verbal(verb)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    )


def colon_listed(span: Span, found: list[Finding]) -> list[Finding]:
    """A name after "designating:" that the parser made the verb's subject (conjoined
    with the authority) is no designating authority; whether it is a designee is the
    list's to say (``claims._share_list_findings``: a list item, not a body named in an
    item's description)."""
    return [
        finding
        for finding in found
        if not (
            finding.frame == "designating-authority"
            and span.start > finding.trigger + 1
            and _opens_with_a_colon(span.doc[finding.trigger])
        )
    ]


def after_a_colon(span: Span) -> list[Finding]:
    """ "OFAC is designating: X, the Minister of ...; Y, ...": a designation verb whose
    object a colon opens; the parser hangs the first name on the verb's subject."""
    before = span.start - 1
    if before < span.sent.start + 1 or span.doc[before].text != ":":
        return []
    verb = span.doc[before - 1]
    if not _opens_with_a_colon(verb):
        return []
    return designation(verb, "patient", lex.is_negated(verb))
