"""Crimes a person is charged with, accused of, tried or convicted for.

"accused of kidnapping", "faces charges of embezzlement", "pleaded guilty to money
laundering", "arrested on suspicion of taking bribes", "is alleged to have tortured";
and what makes a charge not the person's act: "falsely accused", "on fabricated
charges", a court sentencing officers for an abuse. ``hearsay_act`` reads the reported
clause with ``agency.predicate`` (the two recurse into each other).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract import agency, command, conduct, verbs
from dossier.extract import allegations as lex
from dossier.extract.allegations import lemma
from dossier.model import Category

# "accused of", "charged with", "convicted of", "sentenced for": the crime named.
ACCUSE_VERBS: frozenset[str] = frozenset(
    {"accuse", "charge", "indict", "convict", "suspect", "blame", "sentence", "prosecute"}
    | {"cite"}  # "X was cited for involvement in attacks that targeted civilians"
)
# "for involvement in", "for his role in": the act is named under the noun.
INVOLVEMENT_WORDS: frozenset[str] = frozenset(
    {"involvement", "participation", "role", "responsibility", "complicity"}
)
# Who a court may sentence for abuse: state agents ("sentenced the officers").
STATE_AGENT_NOUNS: frozenset[str] = frozenset(
    {"officer", "policeman", "policemen", "police", "soldier", "guard", "official"}
    | {"commander", "agent", "cop", "trooper", "jailer", "warden", "interrogator"}
)
BODILY_ACTS: frozenset[str] = frozenset(
    {"killing", "torture", "sexual_violence", "enforced_disappearance"}
)


def punishes_abuse(verb: Token) -> bool:
    """ "sentenced each officer to 40 years", "convicted the soldiers of murder": a
    sentence passed on state agents, or for a violent act, punishes an abuse; the one
    who passes it is no perpetrator of an unjust conviction."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and lemma(child) in STATE_AGENT_NOUNS:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"for", "of", "over"}
            and crime(child) in BODILY_ACTS
        ):
            return True
    return False


RECORD_NOUNS: frozenset[str] = frozenset({"record", "history", "track"})


def record_of(verb: Token) -> Category | None:
    """ "has a long record of atrocities", "a history of torture"."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and lemma(obj) in RECORD_NOUNS:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found = crime(prep)
                    if found is not None:
                        return found
    return None


def crime(prep: Token) -> Category | None:
    """The act a preposition names directly ("of kidnapping", "over the murder and
    torture of ..."), not one named deeper inside ("for demanding the prosecution of
    officers for torture" names no crime of the person)."""
    best_found: Category | None = None
    for child in prep.children:
        if child.dep_ not in {"pobj", "pcomp"}:
            continue
        words = [child, *(c for c in child.children if c.dep_ in {"conj", "advcl"})]
        words += [c for w in words[1:] for c in w.children if c.dep_ == "conj"]
        for word in words:
            found = (
                lex.practice_category(word) if not verbs.is_verbal(word) else lex.act_category(word)
            )
            if found is None and verbs.is_verbal(word) and lex.obstructs(word):
                found = "cover_up"
            if found is None and verbs.is_verbal(word) and lemma(word) in command.COMMAND_VERBS:
                found = command.commanded_act(word)  # "of leading a network that controlled ..."
            if found is None and not verbs.is_verbal(word) and _misused(word):
                found = "corruption"  # "of misappropriated public funds"
            if found is None and lemma(word) in INVOLVEMENT_WORDS:
                found = _involved_in(word)  # "for involvement in attacks on civilians"
            if found is not None and (
                best_found is None or lex.severity(found) < lex.severity(best_found)
            ):
                best_found = found
    return best_found


def _involved_in(noun: Token) -> Category | None:
    """The act named under "involvement in", "role in", "responsibility for"."""
    found: Category | None = None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "for", "of"}:
            category = lex.subtree_category(child, keep_subjects=True)
            if category is not None and (
                found is None or lex.severity(category) < lex.severity(found)
            ):
                found = category
    return found


def _misused(noun: Token) -> bool:
    """ "misappropriated public funds for his personal benefit": a noun phrase that names
    corrupt conduct by its participle or its purpose phrase."""
    return conduct.misused_money(noun) or conduct.private_gain(noun)


# "X is alleged / suspected / believed / said to have <act>ed".
HEARSAY_VERBS: frozenset[str] = frozenset(
    {"allege", "suspect", "believe", "say", "report", "think", "understand", "accuse"}
)
DENY_VERBS: frozenset[str] = frozenset({"deny", "reject", "refute", "dispute", "contest"})


def hearsay_act(verb: Token) -> Category | None:
    """The act of the clause a passive hearsay verb reports about its subject."""
    for child in verb.children:
        if child.dep_ == "xcomp" and verbs.is_verbal(child) and not verbs.has_subject(child):
            act = agency.agent_act(child)
            if act is not None:
                return act
    return None


def faces_charges(verb: Token) -> Category | None:
    """ "faces charges of embezzlement", "stands trial for bribery", "faces a corruption
    trial"; None for charges the text calls false."""
    for child in verb.children:
        nouns = [child] if child.dep_ in {"dobj", "npadvmod"} else []
        if child.dep_ == "prep" and child.lower_ in {"for", "on", "over"} and lemma(verb) != "face":
            nouns = [child]  # "stands trial for" is read as the "for" phrase
        for noun in nouns:
            if noun.dep_ == "prep":
                found = crime(noun)
            elif lemma(noun) in {"trial", "prosecution"}:
                found = _charge_noun_crime(noun, {"trial", "prosecution"})
                for prep in verb.children:
                    if found is None and prep.dep_ == "prep" and prep.lower_ in {"for", "over"}:
                        found = crime(prep)
            else:
                found = _charge_noun_crime(noun)
            if found is not None:
                return found
    return None


def falsely(verb: Token) -> bool:
    """The text calls the accusation false: "falsely accused", "on fabricated charges"."""
    if any(c.dep_ == "advmod" and lemma(c) in lex.FALSE_ADVERBS for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ == "prep" and any(
            _false_charge(p) for p in child.children if p.dep_ == "pobj"
        ):
            return True
        if child.dep_ == "dobj" and lemma(child) in CHARGE_NOUNS and _false_charge(child):
            return True
    return False


CHARGE_NOUNS: frozenset[str] = frozenset(
    {"charge", "suspicion", "allegation", "accusation", "count", "indictment", "conviction"}
)
DENIED_NOUNS: frozenset[str] = frozenset(
    {
        "allegation",
        "accusation",
        "charge",
        "wrongdoing",
        "involvement",
        "guilt",
        "responsibility",
        "claim",
        "report",
    }
)


def _false_charge(noun: Token) -> bool:
    """ "fabricated charges", "trumped-up accusations", "politically motivated charges"."""
    return any(
        lemma(c) in lex.UNJUST_WORDS | lex.FALSE_ADJECTIVES | {"motivated", "bogus", "spurious"}
        for c in noun.children
        if c.dep_ in {"amod", "compound", "advmod"}
    )


def _charge_noun_crime(
    noun: Token, nouns: frozenset[str] | set[str] = frozenset()
) -> Category | None:
    """ "charges of embezzlement", "corruption charges", "suspicion of taking bribes"."""
    if lemma(noun) not in (nouns or CHARGE_NOUNS) or _false_charge(noun):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "over", "for", "in"}:
            found = crime(child)
            if found is not None:
                return found
        if child.dep_ in {"compound", "amod"}:
            found = lex.ACT_NOUNS.get(lemma(child)) or lex.ACT_NOUNS.get(child.lower_)
            if found is not None:
                return found
    return None


# What the state does to a suspect: "investigated / arrested / dismissed for embezzlement".
PUNISH_VERBS: frozenset[str] = frozenset(
    {
        "investigate",
        "probe",
        "question",
        "interrogate",
        "detain",
        "arrest",
        "jail",
        "imprison",
        "fine",
        "punish",
        "sack",
        "dismiss",
        "fire",
        "remove",
        "oust",
        "expel",
        "extradite",
        "try",
        "prosecute",
    }
)


def on_charges(verb: Token) -> Category | None:
    """The crime of "on charges of ...", "on suspicion of ...", "over allegations of ...",
    and of "investigated / arrested / dismissed for <crime>" (not "for exposing it")."""
    if lemma(verb) in PUNISH_VERBS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "over"} and not falsely(verb):
                found = crime(prep)
                if found is not None and found not in lex.VIOLENT - {"killing", "torture"}:
                    return found
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "over", "for", "amid", "upon"}:
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    found = _charge_noun_crime(noun)
                    if found is not None:
                        return found
    return None


def denied(verb: Token) -> Category | None:
    """What a denial denies when it is the person's own: an allegation noun ("denied the
    allegations", "any wrongdoing") or a gerund ("denied receiving bribes"). Returns
    "context" for a denial whose act is not named, None for another kind of denial
    ("denied that torture took place", "denied them access")."""
    for child in verb.children:
        if child.dep_ == "dobj" and lemma(child) in DENIED_NOUNS:
            found = lex.subtree_category(child)
            return found if found is not None else "context"
        if child.dep_ == "ccomp" and _own_body_subject(child):
            # "denied his administration was negotiating with gangs": the person's own
            # side of an accusation, neither proof nor a cover-up
            found = lex.subtree_category(child)
            return found if found is not None else "context"
        if child.dep_ in {"xcomp", "ccomp", "dobj"} and child.tag_ == "VBG":
            if verbs.has_subject(child):
                return None
            found = lex.act_category(child)
            return found if found is not None else "context"
    return None


def _own_body_subject(clause: Token) -> bool:
    """The clause's subject is the speaker's own body ("his administration", "her
    government", "their party")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and any(g.dep_ == "poss" and g.lower_ in {"his", "her", "their"} for g in c.children)
        for c in clause.children
    )


def guilty_of(verb: Token) -> Category | None:
    """ "pleaded guilty to X", "was found guilty of X", "admitted guilt in X"."""
    if lemma(verb) not in {"plead", "find", "prove", "declare", "be"} or lex.is_negated(verb):
        return None
    for child in verb.children:
        if child.lower_ == "guilty" and child.dep_ in {"acomp", "oprd", "advmod", "attr"}:
            for prep in [child, verb]:
                for grand in prep.children:
                    if grand.dep_ == "prep" and grand.lower_ in {"of", "to", "in"}:
                        found = crime(grand)
                        if found is not None:
                            return found
    return None


def sentence_for(verb: Token) -> Category | None:
    """ "received a (suspended) sentence / prison term for taking bribes"."""
    for child in verb.children:
        if child.dep_ == "dobj" and lemma(child) in {"sentence", "term", "conviction", "fine"}:
            if any(lemma(c) in lex.UNJUST_WORDS for c in child.children):
                return None  # "a politically motivated sentence": not the person's act
            for prep in [*child.children, *verb.children]:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "over"}:
                    found = crime(prep)
                    if found is not None:
                        return found
    return None


def charge_category(verb: Token) -> Category | None:
    """ "accused of kidnapping", "charged over the murder", "sentenced for the murder":
    the crime a person is accused of or tried for; None when no act is named."""
    found: Category | None = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "with", "over", "for", "in"}:
            found = found or crime(child)
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            for noun in child.children:  # "indicted on charges of money laundering"
                if noun.dep_ == "pobj":
                    found = found or _charge_noun_crime(noun)
        if child.dep_ == "dobj" and lemma(child) in {"charge", "count"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}:
                    found = found or crime(prep)
        if child.dep_ == "dobj" and lemma(child) not in {"charge", "count"}:
            # "accused the minister's secretary, X, of obstructing ...": the parser hangs
            # the crime on the object; only an act word there counts.
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "with"}:
                    found = found or crime(prep)
    return found
