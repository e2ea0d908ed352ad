"""Who did what to whom, from the dependency parse.

For one name mention in one sentence, ``findings`` climbs from the name to the
noun phrase it heads (through titles, appositions, coordination and
"including"), reads the phrase's grammatical function (subject of an active
verb, passive subject, object, "by"-agent, "against"-object, "according to",
speaker of a reporting verb, caller of "urge"/"call on") and combines it with
what the governing word means (``allegations``). Names are never looked up:
the same sentence frame gives the same part to any name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier.extract import allegations as lex
from dossier.extract import conduct, designations
from dossier.extract.allegations import lemma
from dossier.extract.names import is_title
from dossier.model import Category, Frame, Part

# Office, job and occupation nouns: a descriptor headed by one is a position
# (positions.py adds a few titles that do not keep the referent).
OFFICE_NOUNS: frozenset[str] = frozenset(
    {
        "president",
        "prosecutor",
        "minister",
        "head",
        "chief",
        "director",
        "chairman",
        "chair",
        "chairwoman",
        "commissioner",
        "ombudsman",
        "ombudswoman",
        "member",
        "employee",
        "deputy",
        "general",
        "officer",
        "official",
        "judge",
        "governor",
        "mayor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "critic",
        "secretary",
        "ambassador",
        "leader",
        "founder",
        "owner",
        "professor",
        "prof.",
        "fellow",
        "analyst",
        "researcher",
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "photographer",
        "lawyer",
        "attorney",
        "defender",
        "activist",
        "financier",
        "businessman",
        "businesswoman",
        "colonel",
        "commander",
        "investigator",
        # ranks: "a Major of Justice", "Captain of Police X"
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "brigadier",
        "admiral",
        "marshal",
        "warden",
        "magistrate",
    }
)

# Nouns that describe the person they stand next to ("prosecutor Azamat
# Kurmanov", "a son-in-law of X, Timur Kulibayev"): climbing through them keeps
# the referent. Other common nouns ("the Tokayev government") change it.
DESCRIPTOR_NOUNS: frozenset[str] = OFFICE_NOUNS | frozenset(
    {
        "shareholder",
        "billionaire",
        "oligarch",
        "tycoon",
        "expert",
        "scholar",
        "campaigner",
        "dissident",
        "victim",
        "student",
        "doctor",
        "musician",
        "father",
        "mother",
        "son",
        "daughter",
        "son-in-law",
        "daughter-in-law",
        "father-in-law",
        "brother",
        "sister",
        "wife",
        "husband",
        "relative",
        "predecessor",
        "successor",
        "citizen",
        "participant",
        "man",
        "woman",
        "girl",
        "boy",
        "person",
        "individual",
        "officials",
        "people",
        "kazakhstanis",
        "whistle-blower",
        "figurehead",
        "associate",
        "staff",
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
    }
)

PERPETRATOR_SIDE: frozenset[str] = frozenset(
    {"perpetrator", "ordered", "complicit", "beneficiary", "accused"}
)
# Which part wins when one sentence gives one entity several.
PART_RANK: tuple[str, ...] = (
    "ordered",
    "perpetrator",
    "complicit",
    "beneficiary",
    "accused",
    "victim",
    "witness",
    "source",
    "advocate",
    "subject",
    "unclear",
)
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {"meet", "report", "complain", "appeal", "write", "inform", "tell", "petition", "turn"}
)
BEHEST_NOUNS: frozenset[str] = frozenset(
    {"invitation", "request", "behest", "order", "orders", "instruction", "command"}
)
INCLUDING: frozenset[str] = frozenset({"including", "namely", "like", "especially", "notably"})
# "accused of", "charged with", "convicted of", "sentenced for": the crime named.
ACCUSE_VERBS: frozenset[str] = frozenset(
    {"accuse", "charge", "indict", "convict", "suspect", "blame", "sentence", "prosecute"}
)
# "The officers named in the report are ...": a group of office holders, a naming verb,
# a document that alleges.
OFFICE_GROUP_NOUNS: frozenset[str] = frozenset(
    {"officer", "official", "general", "commander", "officeholder", "leader", "perpetrator"}
)
NAMING_VERBS: frozenset[str] = frozenset({"include", "name", "list", "identify", "cite"})
REPORT_NOUNS: frozenset[str] = frozenset(
    {"report", "investigation", "study", "dossier", "submission", "letter"}
)
ALLEGING_VERBS: frozenset[str] = frozenset(
    {"allege", "accuse", "document", "detail", "describe", "expose", "find", "reveal"}
)
# "implicated in", "linked to", "tied to", "connected to".
LINK_VERBS: frozenset[str] = frozenset({"implicate", "link", "tie", "connect"})
# Commanding a body that did it: "oversees the services which repressed ...".
COMMAND_VERBS: frozenset[str] = frozenset(
    {"oversee", "lead", "head", "run", "supervise", "control", "preside", "manage"}
    | {"orchestrate", "mastermind"}
)
COMMAND_NOUNS: frozenset[str] = frozenset(
    {"commander", "head", "chief", "leader", "director", "commandant", "chairman", "boss"}
)
# "X's involvement in <act>": (part, frame).
INVOLVEMENT_NOUNS: dict[str, tuple[Part, Frame]] = {
    "involvement": ("perpetrator", "involved-in"),
    "participation": ("perpetrator", "involved-in"),
    "role": ("perpetrator", "role-in"),
    "responsibility": ("perpetrator", "responsible-for"),
    "complicity": ("complicit", "complicit-in"),
}
ADJECTIVE_FRAMES: dict[str, Frame] = {
    "responsible": "responsible-for",
    "involved": "involved-in",
    "complicit": "complicit-in",
}
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Entity types a person's name is never an apposition of ("On 13 April 2022 ... X").
NOT_REFERENTS: frozenset[str] = frozenset(
    {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
)


@dataclass(frozen=True)
class Finding:
    """What one grammatical frame says about one entity."""

    category: Category
    part: Part
    trigger: int  # token index of the word that carries the meaning
    frame: Frame = "none"  # the sentence frame that matched (model.FRAMES)
    # Holds only for someone the document describes by a public office
    # ("President X claimed ... without evidence"); anyone else is a source.
    office_only: bool = False


def _is_verbal(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def _subject_ids(verb: Token) -> set[int]:
    ids: set[int] = set()
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in {"conj", "cc"}:
            ids.update(word.i for word in child.subtree)
    return ids


def _object_category(verb: Token) -> Category | None:
    """Category of what a verb governs (objects, complements), not its subject."""
    return lex.subtree_category(verb, _subject_ids(verb) - {verb.i})


def climb(root: Token, own: set[int], others: set[int]) -> Token:
    """From a name's head word to the head of the noun phrase it stands for.

    ``own`` are this mention's token indices, ``others`` those of other
    entities' mentions (never climbed into: that would merge two referents).
    """
    token = root
    for _ in range(12):
        head = token.head
        if head.i == token.i or (head.i in others and token.dep_ != "conj"):
            return token
        if head.ent_type_ in NOT_REFERENTS and token.dep_ != "conj":
            return token
        dep = token.dep_
        if dep in {"compound", "flat", "appos", "conj", "nmod"} and (
            head.pos_ in {"NOUN", "PROPN", "PRON"}
            # "alongside its chief NAME": the small model tags "chief" ADJ
            or (dep == "appos" and head.pos_ == "ADJ" and lemma(head) in DESCRIPTOR_NOUNS)
        ):
            if head.i in own or head.pos_ == "PROPN" or lemma(head) in DESCRIPTOR_NOUNS:
                token = head
                continue
            if dep in {"appos", "conj"}:
                token = head
                continue
            return token
        if dep == "pobj" and head.lower_ in INCLUDING:
            if _is_verbal(head.head):
                return token  # "arrested dozens, including X": the clause reads the object
            token = head.head
            continue
        if dep in {"appos", "npadvmod"} and head.pos_ == "PROPN":
            token = head
            continue
        return token
    return token


def _climb_with_repair(root: Token, own: set[int], others: set[int]) -> Token:
    token = climb(root, own, others)
    # The name hung on a place or organisation ("SI-18 in Almaty Aset
    # Dzhumadiyev"): find the title noun the place belongs to.
    current = root
    while current.head.i != current.i:
        if current.dep_ in {"appos", "compound", "npadvmod"} and current.head.i not in own:
            repaired = _title_repair(current.head)
            if repaired is not None and repaired.i < root.i:
                return climb(repaired, own, others)
            break
        if current.i == token.i:
            break
        current = current.head
    if token.dep_ == "pobj" and token.i not in own:
        repaired = _title_repair(token)
        if repaired is not None and repaired.i < root.i:
            return climb(repaired, own, others)
    hyphenated = (
        token.dep_ == "pobj" and token.head.i > 0 and token.doc[token.head.i - 1].text == "-"
    )
    if token.dep_ == "pobj" and _name_shaped(token, own) and (
        hyphenated
        or any(
            c.dep_ == "compound"
            and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and not is_title(c.text)))
            and c.i not in own
            for c in token.children
        )
    ) and (hyphenated or not _own_title(token, own)):
        # "the head of the city division NAME": the unit's words are folded into the name
        # (an office only: "the wife of the activist NAME" is someone else);
        # "Commander-in-Chief NAME": the name hung on the title's "in"
        repaired = _title_repair(token)
        if (
            repaired is not None
            and repaired.i < root.i
            and (hyphenated or lemma(repaired) in OFFICE_NOUNS)
        ):
            return climb(repaired, own, others)
    return token


def _own_title(token: Token, own: set[int]) -> bool:
    """ "of opposition leader X", "of the activist X": the name has a title of its own
    (a descriptor noun among its compounds), so it names that person, not an office
    further up."""
    return any(
        c.dep_ == "compound" and c.i not in own and lemma(c) in DESCRIPTOR_NOUNS
        for c in token.subtree
        if c.i < min(own)
    )


def _name_shaped(token: Token, own: set[int]) -> bool:
    """A personal name's words: letters only ("Oleg Rudin", not "SI-18")."""
    return token.i in own and all(
        token.doc[i].is_alpha or token.doc[i].text in {"-", "'", "’"} for i in own
    ) and not any(token.doc[i].like_num for i in own)


def _title_repair(token: Token) -> Token | None:
    """ "head of facility SI-18 in Almaty Aset Dzhumadiyev": the parser hangs the
    name on the place; the title noun before it is what the name stands for."""
    current = token
    for step in range(4):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            return None
        governor = current.head.head
        if step == 0 and governor.dep_ in {"acl", "relcl"} and governor.i > governor.head.i:
            # "the judge presiding over the trial, NAME": the clause describes the title
            # (the clause's own object only, not a title further up)
            governor = governor.head
        hyphenated = current.head.i > 0 and current.doc[current.head.i - 1].text == "-"
        if lemma(governor) not in DESCRIPTOR_NOUNS and lex.act_category(governor) is not None:
            # "officials in charge of the arrest of X": X is the act's object, no title's
            return None
        if lemma(governor) in DESCRIPTOR_NOUNS and (
            governor.pos_ == "NOUN" or (hyphenated and governor.pos_ == "PROPN")
        ):
            # (also "Deputy Commander-in-Chief NAME", the name hung on the title's "in")
            return governor
        current = governor
    return None


def anchor_of(span: Span, others: set[int]) -> Token:
    """The token whose grammatical function is the mention's function."""
    own = {token.i for token in span}
    token = _climb_with_repair(span.root, own, others)
    if token.dep_ in {"appos", "compound", "npadvmod"} and token.i in own:
        # "a son-in-law of X, NAME purchased": the parser lost the apposition;
        # the descriptor phrase just before the name is what the name stands for.
        before = span.start - 1
        if before > span.sent.start and span.doc[before].text == ",":
            before -= 1
        for candidate in [span.doc[before], *span.doc[before].ancestors]:
            if (
                lemma(candidate) in DESCRIPTOR_NOUNS
                and candidate.dep_ in {"nsubj", "nsubjpass", "dobj"}
                and candidate.right_edge.i == before
            ):
                return climb(candidate, own, others)
    return token


def _wound_category(noun: Token) -> Category:
    words = {lemma(word) for word in noun.subtree}
    if words & {"fatal", "gunshot", "bullet", "shrapnel", "gunfire"}:
        return "killing"
    return "torture"


def _copula(verb: Token) -> list[Finding]:
    """ "X is a figurehead ... used to conceal", "X is responsible for the killings"."""
    out: list[Finding] = []
    sentence_category = lex.sentence_category(verb.sent)
    if _on_a_blacklist(verb):
        out.append(Finding("designation", "accused", verb.i, "designated"))  # "X is on ..."
    for child in verb.children:
        if child.dep_ == "acomp" and child.tag_ == "VBN" and _is_verbal(child):
            out.extend(_predicate(child, "patient", 2))  # "who was (as) sentenced for ..."
        if child.dep_ == "prep" and child.lower_ == "among":
            # "Among the men designated today are X and Y": X is one of the group.
            for group in child.children:
                if group.dep_ == "pobj":
                    out.extend(
                        f for f in _modifier_findings(group) if f.frame.startswith("designat")
                    )
        if child.dep_ == "attr":
            if lemma(child) in lex.FRONT_NOUNS and sentence_category is not None:
                out.append(Finding(sentence_category, "perpetrator", child.i, "responsible-for"))
            for grand in child.children:
                if grand.dep_ == "relcl":
                    slot = _relative_slot(grand)
                    if slot is not None:
                        out.extend(_predicate(grand, slot, 0))
        if (
            child.dep_ == "acomp"
            and lemma(child) == "subject"
            and any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(g.dep_ == "pobj" and designations.sanction_noun(g) for g in c.children)
                for c in child.children
            )
            and not lex.is_negated(verb)
            and not designations.proposed(verb)
        ):
            # "X is already subject to U.S. sanctions": an existing designation
            out.append(Finding("designation", "accused", child.i, "designated"))
        if child.dep_ == "acomp" and lemma(child) in lex.INVOLVEMENT_ADJECTIVES:
            category = lex.subtree_category(child)
            if category is not None and not lex.is_negated(verb):
                part: Part = "complicit" if lemma(child) == "complicit" else "perpetrator"
                out.append(Finding(category, part, child.i, ADJECTIVE_FRAMES[lemma(child)]))
    return out


def _relative_slot(verb: Token) -> str | None:
    """The slot a relative clause's antecedent fills ("who tortured" / "who was killed")."""
    for child in verb.children:
        if child.tag_ in {"WP", "WDT"} or child.lower_ in {"who", "that", "which", "whom"}:
            if child.dep_ == "nsubj":
                return "agent"
            if child.dep_ in {"nsubjpass", "dobj"}:
                return "patient"
    if verb.dep_ == "acl" and (
        verb.tag_ == "VBN"
        or (verb.tag_ == "VBD" and designations.designation_verb(verb) and not _has_subject(verb))
    ):
        # (the small model tags some participles VBD: "Other officials penalized include")
        if _listed_after_a_verb(verb):
            return None
        return "patient"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return "agent"
    return None


def _listed_after_a_verb(verb: Token) -> bool:
    """ "X, who oversaw forces who beat, killed, and assaulted dozens": the parser hangs
    "killed" on X as a reduced passive ("X, killed in 2010"), but a participle that
    follows another verb and a comma continues that verb's list of acts."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0 or before == verb.head.i or before == verb.i - 1:
        return False
    return verb.doc[before].pos_ == "VERB"


def _inaction(verb: Token) -> bool:
    """ "did not do anything", "did nothing"."""
    if lemma(verb) != "do":
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in {"nothing"}:
            return True
        if child.dep_ == "dobj" and child.lower_ in {"anything"} and lex.is_negated(verb):
            return True
    return False


def _reply(word: Token, failing: str) -> bool:
    """ "declined to give a detailed response to the report", "declined to respond": a
    reply to a question, a report or a request, not a response to the abuses. Only a
    response to an act ("failed to respond to the killings") is accountability; "decline"
    with no such act is declining to comment."""
    if lemma(word) not in {"respond", "response"}:
        return False
    heard = [
        g
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in {"to", "on"}
        for g in c.subtree
        if lex.act_category(g) is not None
    ]
    if len(heard) > 0:
        return False
    return failing == "decline" or any(
        c.dep_ == "prep" and c.lower_ in {"to", "on"} for c in word.children
    )


def _instrument(order: Token) -> bool:
    """ "signed an executive order declaring a national emergency with respect to serious
    human rights abuse": an executive order is a legal instrument, and the acts it names
    are what it acts against, not what it commands."""
    return lemma(order) in lex.ORDER_NOUNS and any(
        c.dep_ in {"amod", "compound"} and c.lower_ == "executive" for c in order.children
    )


def _predicate(verb: Token, slot: str, depth: int) -> list[Finding]:
    """Findings for an entity filling ``slot`` ("agent"/"patient") of ``verb``."""
    out: list[Finding] = []
    word = lemma(verb)
    negated = lex.is_negated(verb)
    irrealis = lex.is_irrealis(verb)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    object_lemmas = {lemma(c) for c in objects}

    if word == "be" and slot == "agent":
        out.extend(_copula(verb))
    elif slot == "patient" and _as_responsible(verb) is not None:
        # "condemns X as the main person responsible for the violations"
        category = _as_responsible(verb)
        assert category is not None
        out.append(Finding(category, "accused", verb.i, "responsible-for"))
    elif designations.designation_verb(verb):
        out.extend(_designation(verb, slot, negated))
    elif slot == "patient" and word in HEARSAY_VERBS and _hearsay_act(verb) is not None:
        # "X is alleged / suspected / believed to have embezzled": an accusation
        act = _hearsay_act(verb)
        assert act is not None
        if not negated:
            out.append(Finding(act, "accused", verb.i, "accused-of"))
    elif word in DENY_VERBS and slot == "agent" and _denied(verb) is not None:
        # "X denied receiving bribes", "X has denied the allegations": the person's own
        # denial says an allegation exists; neither proof nor a cover-up. For review.
        out.append(Finding(_denied(verb) or "context", "unclear", verb.i, "denial"))
    elif _guilty_of(verb) is not None and slot == ("patient" if word == "find" else "agent"):
        # "X pleaded guilty to money laundering", "X was found guilty of bribery"
        crime = _guilty_of(verb)
        assert crime is not None
        out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif word == "receive" and slot == "agent" and _sentence_for(verb) is not None:
        # "X received a suspended sentence for taking bribes": a conviction for an act
        crime = _sentence_for(verb)
        assert crime is not None
        out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif word in ACCUSE_VERBS and _charge_category(verb) is not None:
        crime = _charge_category(verb)
        assert crime is not None
        if _falsely(verb):
            pass  # "falsely accused of", "charged on fabricated counts of": not an accusation
        elif slot == "patient" and not negated:
            out.append(Finding(crime, "accused", verb.i, "accused-of"))
        elif slot == "agent":
            out.append(Finding("context", "source", verb.i, "speech"))
    elif word in LINK_VERBS:
        category = _prep_category(verb, {"in", "to", "with"})
        if category is not None and slot == "patient" and not negated:
            frame: Frame = "implicated-in" if word == "implicate" else "linked-to"
            out.append(Finding(category, "accused", verb.i, frame))
        elif category is not None and slot == "agent":
            out.append(Finding("context", "source", verb.i, "speech"))
    elif word in COMMAND_VERBS and slot == "agent" and not negated:
        category = _commanded_act(verb)
        if category is not None:
            out.append(Finding(category, "ordered", verb.i, "command"))
        elif lex.act_category(verb) == "corruption" and not lex.is_irrealis(verb):
            # "controlled contracts for personal gain", "ran a fraudulent scheme"
            out.append(Finding("corruption", "perpetrator", verb.i, "active-agent"))
    elif word == "have" and slot == "agent" and not negated and _record_of(verb) is not None:
        # "X has a long record of atrocities"
        category = _record_of(verb)
        assert category is not None
        out.append(Finding(category, "perpetrator", verb.i, "responsible-for"))
    elif slot == "agent" and _inaction(verb):
        out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif word in lex.FAIL_VERBS and slot == "agent":
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"} and any(
                lemma(w) in lex.ACCOUNTABILITY_LEMMAS and not _reply(w, word)
                for w in child.subtree
            ):
                out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif (word == "hold" and any(lemma(c) == "accountable" for c in verb.children)) or (
        word == "bring" and any(lemma(w) == "justice" for w in verb.subtree)
    ):
        if negated and slot == "patient":
            out.append(Finding("cover_up", "accused", verb.i, "cover-up"))
    elif word in lex.ORDER_VERBS and slot == "agent" and not negated:
        category = _object_category(verb)
        if category is not None:
            order: Frame = "command" if word == "command" else "ordered"
            out.append(Finding(category, "ordered", verb.i, order))
    elif (
        slot == "agent"
        and object_lemmas & lex.ORDER_NOUNS
        and word in lex.LIGHT_VERBS
        and not any(_instrument(c) for c in verb.children if c.dep_ == "dobj")
    ):
        category = _object_category(verb)
        if category is not None and not negated:
            out.append(Finding(category, "ordered", verb.i, "ordered"))
    elif word in lex.INVOLVEMENT_VERBS and (word != "take" or "part" in object_lemmas):
        category = (
            lex.subtree_category(verb, keep_subjects=True)
            if word == "create"
            else _object_category(verb)
        )
        if category is None and word in {"engage", "participate"}:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    category = _crime(prep)  # "engaged in misappropriated public funds"
        passive_involve = word == "involve" and slot == "patient"
        active_other = word != "involve" and slot == "agent"
        if category is not None and not negated and (passive_involve or active_other):
            involved: Part = "complicit" if word == "create" else "perpetrator"
            out.append(Finding(category, involved, verb.i, "involved-in"))
    elif word in lex.HELP_VERBS and slot == "agent":
        category = _object_category(verb)
        if category is not None and not negated:
            direct = category in {"sanctions_evasion", "laundering"}
            out.append(
                Finding(category, "perpetrator" if direct else "complicit", verb.i, "helped")
            )
    elif word in lex.SPEECH_VERBS and slot == "agent":
        category = _object_category(verb)
        if lex.unsupported_speech(verb) and not negated:
            out.append(Finding("cover_up", "complicit", verb.i, "cover-up", office_only=True))
        if any(lemma(w) in lex.SANCTION_LEMMAS for w in verb.subtree) and any(
            lemma(w) in lex.SANCTION_VERBS | lex.ADVOCACY_VERBS | {"time", "should"}
            for w in verb.subtree
        ):
            out.append(Finding("sanctions_call", "advocate", verb.i, "sanctions-call"))
        else:
            out.append(
                Finding(category if category is not None else "context", "source", verb.i, "speech")
            )
    elif (
        word in lex.ADVOCACY_VERBS
        and slot == "agent"
        and not conduct.corrupt_verb(verb)  # "demanded a share of the kickbacks"
        and (word != "call" or any(c.lower_ in {"on", "for", "upon"} for c in verb.children))
    ):
        sanctions = any(lemma(w) in lex.SANCTION_LEMMAS for w in verb.subtree)
        out.append(
            Finding("sanctions_call" if sanctions else "context", "advocate", verb.i, "advocacy")
        )
    elif word in lex.WITNESS_VERBS and slot == "agent":
        category = _object_category(verb)
        if category is not None:
            out.append(Finding(category, "witness", verb.i, "witness"))
    elif (
        word in {"face", "stand", "await"} and slot == "agent" and _faces_charges(verb) is not None
    ):
        # "X faces charges of embezzlement", "X stands trial for bribery"
        crime = _faces_charges(verb)
        assert crime is not None
        if not negated:
            out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif slot == "agent" and not negated and lex.obstructs(verb):
        # "X blocked investigations into the killings", "interfered with the probe"
        out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif word in lex.SUFFER_VERBS and not conduct.corrupt_verb(verb):
        nouns = [w for w in verb.subtree if w.i != verb.i and w.pos_ == "NOUN"]
        injuries = [n for n in nouns if lemma(n) in lex.INJURY_NOUNS]
        category = _object_category(verb)
        if len(injuries) > 0:
            category = _wound_category(injuries[0])
        subject_slot = "patient" if word == "subject" else "agent"
        if category is not None and slot == subject_slot and not negated:
            out.append(Finding(category, "victim", verb.i, "victim"))
    elif word in lex.DEATH_VERBS and not negated and not irrealis:
        out.append(Finding("killing", "victim", verb.i, "victim"))
    elif (word == "cover" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)) or (
        word in lex.WHITEWASH_VERBS and object_lemmas & lex.WHITEWASH_NOUNS
    ):
        if slot == "agent" and not negated:
            out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif word in {"release", "free"}:
        if slot == "patient" and not negated:
            out.append(Finding("detention", "victim", verb.i, "released"))
    elif word in lex.SANCTION_LEMMAS:
        if slot == "patient":
            out.append(Finding("sanctions_call", "accused", verb.i, "sanctions-call"))
    elif word in lex.COVER_VERBS and not lex.objects_mention_assets(verb):
        if slot == "agent" and not negated:
            out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    else:
        category = lex.act_category(verb)
        if category is None and word in lex.LIGHT_VERBS | lex.CONTINUE_VERBS | {
            "put",
            "exert",
            "use",
        }:
            for obj in objects:
                category = lex.practice_category(obj)
                if category is not None:
                    break
        if category == "unjust_conviction" and slot == "agent" and _punishes_abuse(verb):
            return out  # "the judge sentenced each officer to 40 years": justice, not abuse
        if category is not None and not negated and not irrealis:
            part: Part = "perpetrator" if slot == "agent" else "victim"
            if part == "victim" and category not in lex.VIOLENT:
                return out  # the object of a purchase or a theft is no victim
            if (
                slot == "agent"
                and verb.dep_ in {"ccomp", "xcomp"}
                and lemma(verb.head) in lex.HELP_VERBS
            ):
                part = "beneficiary"  # "help Sberbank Kazakhstan evade the sanctions"
            out.append(
                Finding(category, part, verb.i, "victim" if part == "victim" else "active-agent")
            )

    if slot == "patient" and not negated and word not in ACCUSE_VERBS:
        # "arrested on suspicion of misappropriating funds", "dismissed over charges of
        # abuse of office": the charge is an accusation; an arrest beside it stays, so
        # an arrest on a charge reads as unclear (a political case looks the same).
        crime = _on_charges(verb)
        if crime is not None:
            out.append(Finding(crime, "accused", verb.i, "accused-of"))

    # Coordinated verbs share the subject: "was tortured and threatened".
    if depth < 4:
        for child in verb.children:
            if child.dep_ == "conj" and _is_verbal(child):
                if not _has_subject(child):
                    passive = any(c.dep_ == "auxpass" for c in child.children)
                    out.extend(_predicate(child, "patient" if passive else slot, depth + 1))
                elif slot == "agent" and _pronoun_subject(child):
                    # "X witnessed torture, but he did not do anything about it"
                    out.extend(_predicate(child, "agent", depth + 1))
        # Purpose and manner clauses of the agent: "in order to help X evade".
        if slot == "agent":
            for clause in _implicit_clauses(verb):
                out.extend(
                    f for f in _predicate(clause, "agent", depth + 1) if f.part in PERPETRATOR_SIDE
                )
    return out


# Who a court may sentence for abuse: state agents ("sentenced the officers").
STATE_AGENT_NOUNS: frozenset[str] = frozenset(
    {"officer", "policeman", "policemen", "police", "soldier", "guard", "official"}
    | {"commander", "agent", "cop", "trooper", "jailer", "warden", "interrogator"}
)


BODILY_ACTS: frozenset[str] = frozenset(
    {"killing", "torture", "sexual_violence", "enforced_disappearance"}
)


def _punishes_abuse(verb: Token) -> bool:
    """ "sentenced each officer to 40 years", "convicted the soldiers of murder": a
    sentence passed on state agents, or for a violent act, punishes an abuse; the one
    who passes it is no perpetrator of an unjust conviction."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and lemma(child) in STATE_AGENT_NOUNS:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"for", "of", "over"}
            and _crime(child) in BODILY_ACTS
        ):
            return True
    return False


def _designation(trigger: Token, slot: str, negated: bool) -> list[Finding]:
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


RECORD_NOUNS: frozenset[str] = frozenset({"record", "history", "track"})


def _record_of(verb: Token) -> Category | None:
    """ "has a long record of atrocities", "a history of torture"."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and lemma(obj) in RECORD_NOUNS:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found = _crime(prep)
                    if found is not None:
                        return found
    return None


def _named_group(verb: Token) -> list[Finding]:
    """ "The two officials have been identified as X and Y"; "Those sanctioned for their
    involvement have been named as X and Y": the names take the group's designation."""
    for group in verb.children:
        if group.dep_ in {"nsubjpass", "dobj"}:
            found = [f for f in _modifier_findings(group) if f.frame.startswith("designat")]
            if len(found) > 0:
                return found
            trigger = _group_designated(group)
            if trigger is not None:
                return [Finding("designation", "accused", trigger.i, "designated")]
    return []


def _designated_group_before(include: Token) -> Token | None:
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


def _group_designated(group: Token) -> Token | None:
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


def _as_responsible(verb: Token) -> Category | None:
    """ "names X as responsible for", "condemns X as the person responsible for": the act
    the "as" phrase holds X responsible for (not negated, not asked for)."""
    if lex.is_negated(verb):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        for noun in prep.children:
            holders = [noun] if lemma(noun) in lex.INVOLVEMENT_ADJECTIVES else []
            holders += [
                c
                for c in noun.children
                if c.dep_ in {"amod", "acomp"} and lemma(c) in lex.INVOLVEMENT_ADJECTIVES
            ]
            for holder in holders:
                category = lex.subtree_category(holder)
                if category is not None:
                    return category
    return None


def _named_in_report(group: Token) -> list[Finding]:
    """ "The senior officers included in the report are X, Y": a group of officials
    named in a report that an earlier sentence says alleges abuse ("a report ... that
    alleged serious abuses by top generals") is accused of what the report alleges.
    Only groups of office holders: victims named in a report are not accused."""
    if lemma(group) not in OFFICE_GROUP_NOUNS:
        return []
    for acl in group.children:
        if acl.dep_ != "acl" or lemma(acl) not in NAMING_VERBS:
            continue
        for prep in acl.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for report in prep.children:
                if report.dep_ == "pobj" and lemma(report) in REPORT_NOUNS:
                    category = _report_allegation(report)
                    if category is not None:
                        return [Finding(category, "accused", acl.i, "accused-of")]
    return []


def _report_allegation(report: Token) -> Category | None:
    """What the document's report (same noun, earlier in the text) alleges: "a report
    ... that alleged serious and systematic human rights abuses by a group of generals",
    "The report accuses the officers of torture"."""
    doc = report.doc
    for token in doc[: report.sent.start]:
        if lemma(token) != lemma(report):
            continue
        verbs = [c for c in token.children if c.dep_ in {"relcl", "acl"}]
        if token.dep_ == "nsubj":
            verbs.append(token.head)
        for verb in verbs:
            if lemma(verb) in ALLEGING_VERBS and not lex.is_negated(verb):
                category = _object_category(verb)
                if category is not None:
                    return category
    return None


def _sentence_designation(sent: Span) -> list[Finding]:
    """The designation (or call for sanctions) a sentence makes, for a name tied to it
    by "aside from", "in addition to", "besides"."""
    for token in sent:
        if (token.pos_ in {"VERB", "AUX"} and designations.designation_verb(token)) or (
            designations.sanction_noun(token)
            and any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in token.children)
        ):
            return _designation(token, "patient", lex.is_negated(token))
    return []


def _prep_category(word: Token, preps: set[str]) -> Category | None:
    """The act named under ``word``'s prepositions ("involvement in the killing")."""
    best: Category | None = None
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found = lex.subtree_category(child, keep_subjects=True)
            if found is not None and (best is None or lex.severity(found) < lex.severity(best)):
                best = found
    return best


def _crime(prep: Token) -> Category | None:
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
            found = lex.practice_category(word) if not _is_verbal(word) else lex.act_category(word)
            if found is None and _is_verbal(word) and lex.obstructs(word):
                found = "cover_up"
            if found is None and _is_verbal(word) and lemma(word) in COMMAND_VERBS:
                found = _commanded_act(word)  # "of leading a network that controlled ..."
            if found is None and not _is_verbal(word) and _misused(word):
                found = "corruption"  # "of misappropriated public funds"
            if found is not None and (
                best_found is None or lex.severity(found) < lex.severity(best_found)
            ):
                best_found = found
    return best_found


def _misused(noun: Token) -> bool:
    """ "misappropriated public funds for his personal benefit": a noun phrase that names
    corrupt conduct by its participle or its purpose phrase."""
    return conduct.misused_money(noun) or conduct.private_gain(noun)


# "X is alleged / suspected / believed / said to have <act>ed".
HEARSAY_VERBS: frozenset[str] = frozenset(
    {"allege", "suspect", "believe", "say", "report", "think", "understand", "accuse"}
)
DENY_VERBS: frozenset[str] = frozenset({"deny", "reject", "refute", "dispute", "contest"})


def _hearsay_act(verb: Token) -> Category | None:
    """The act of the clause a passive hearsay verb reports about its subject."""
    for child in verb.children:
        if child.dep_ == "xcomp" and _is_verbal(child) and not _has_subject(child):
            acts = [f for f in _predicate(child, "agent", 3) if f.part in PERPETRATOR_SIDE]
            chosen = best(acts)
            if chosen is not None:
                return chosen.category
    return None


def _faces_charges(verb: Token) -> Category | None:
    """ "faces charges of embezzlement", "stands trial for bribery", "faces a corruption
    trial"; None for charges the text calls false."""
    for child in verb.children:
        nouns = [child] if child.dep_ in {"dobj", "npadvmod"} else []
        if child.dep_ == "prep" and child.lower_ in {"for", "on", "over"} and lemma(verb) != "face":
            nouns = [child]  # "stands trial for" is read as the "for" phrase
        for noun in nouns:
            if noun.dep_ == "prep":
                found = _crime(noun)
            elif lemma(noun) in {"trial", "prosecution"}:
                found = _charge_noun_crime(noun, {"trial", "prosecution"})
                for prep in verb.children:
                    if found is None and prep.dep_ == "prep" and prep.lower_ in {"for", "over"}:
                        found = _crime(prep)
            else:
                found = _charge_noun_crime(noun)
            if found is not None:
                return found
    return None


def _falsely(verb: Token) -> bool:
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
            found = _crime(child)
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


def _on_charges(verb: Token) -> Category | None:
    """The crime of "on charges of ...", "on suspicion of ...", "over allegations of ...",
    and of "investigated / arrested / dismissed for <crime>" (not "for exposing it")."""
    if lemma(verb) in PUNISH_VERBS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "over"} and not _falsely(verb):
                found = _crime(prep)
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


def _denied(verb: Token) -> Category | None:
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
            if _has_subject(child):
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


def _guilty_of(verb: Token) -> Category | None:
    """ "pleaded guilty to X", "was found guilty of X", "admitted guilt in X"."""
    if lemma(verb) not in {"plead", "find", "prove", "declare", "be"} or lex.is_negated(verb):
        return None
    for child in verb.children:
        if child.lower_ == "guilty" and child.dep_ in {"acomp", "oprd", "advmod", "attr"}:
            for prep in [child, verb]:
                for grand in prep.children:
                    if grand.dep_ == "prep" and grand.lower_ in {"of", "to", "in"}:
                        found = _crime(grand)
                        if found is not None:
                            return found
    return None


def _sentence_for(verb: Token) -> Category | None:
    """ "received a (suspended) sentence / prison term for taking bribes"."""
    for child in verb.children:
        if child.dep_ == "dobj" and lemma(child) in {"sentence", "term", "conviction", "fine"}:
            if any(lemma(c) in lex.UNJUST_WORDS for c in child.children):
                return None  # "a politically motivated sentence": not the person's act
            for prep in [*child.children, *verb.children]:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "over"}:
                    found = _crime(prep)
                    if found is not None:
                        return found
    return None


def _charge_category(verb: Token) -> Category | None:
    """ "accused of kidnapping", "charged over the murder", "sentenced for the murder":
    the crime a person is accused of or tried for; None when no act is named."""
    found: Category | None = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "with", "over", "for", "in"}:
            found = found or _crime(child)
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            for noun in child.children:  # "indicted on charges of money laundering"
                if noun.dep_ == "pobj":
                    found = found or _charge_noun_crime(noun)
        if child.dep_ == "dobj" and lemma(child) in {"charge", "count"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}:
                    found = found or _crime(prep)
        if child.dep_ == "dobj" and lemma(child) not in {"charge", "count"}:
            # "accused the minister's secretary, X, of obstructing ...": the parser hangs
            # the crime on the object; only an act word there counts.
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "with"}:
                    found = found or _crime(prep)
    return found


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
            and _is_verbal(child)
            and _relative_slot(child) == "agent"
        ):
            perpetrated = [f for f in _predicate(child, "agent", 3) if f.part in PERPETRATOR_SIDE]
            chosen = best(perpetrated)
            if chosen is not None:
                return chosen.category
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
        if child.dep_ == "acl" and child.tag_ == "VB" and not _has_subject(child):
            acts = [f for f in _predicate(child, "agent", 3) if f.part in PERPETRATOR_SIDE]
            chosen = best(acts)
            if chosen is not None:
                return chosen.category
    return None


def _commanded_act(verb: Token) -> Category | None:
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
        if body.dep_ in SUBJECT_DEPS and _is_verbal(body.head):
            acts = [f for f in _predicate(body.head, "agent", 3) if f.part in PERPETRATOR_SIDE]
            chosen = best(acts)
            if chosen is not None:
                return chosen.category
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
            if lemma(token) != lemma(body) or not _is_verbal(token.head):
                continue
            slot = {"nsubj": "agent", "nsubjpass": "patient"}.get(token.dep_)
            if slot is None:
                continue
            acts = [
                f
                for f in _predicate(token.head, slot, 3)
                if f.part in PERPETRATOR_SIDE and f.category in lex.VIOLENT | {"corruption"}
            ]
            chosen = best(acts)
            if chosen is not None:
                return chosen.category
    return None


def _command_descriptor(span: Span, anchor: Token) -> list[Finding]:
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


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"he", "she", "they"} for c in verb.children)


def _implicit_clauses(verb: Token) -> list[Token]:
    """Clauses whose unstated subject is ``verb``'s subject."""
    clauses: list[Token] = []
    for child in verb.children:
        if (
            child.dep_ in {"xcomp", "advcl"}
            and _is_verbal(child)
            and not _has_subject(child)
            and child.tag_ != "VBN"  # "found himself arrested": a passive participle
            and not any(c.dep_ == "auxpass" for c in child.children)
            and not _object_predicative(verb, child)
        ):
            clauses.append(child)
        if child.dep_ == "prep" and child.lower_ == "in":
            for pobj in child.children:
                if pobj.lower_ == "order":
                    clauses.extend(c for c in pobj.children if c.dep_ in {"acl", "relcl"})
    for clause in list(clauses):
        for child in clause.children:
            if (
                child.dep_ in {"advcl", "xcomp"}
                and not _has_subject(child)
                and not _object_predicative(clause, child)
            ):
                clauses.append(child)
    return clauses


def _object_predicative(verb: Token, clause: Token) -> bool:
    """ "citing the two figures as having engaged in corruption": an "as" clause after a
    verb's object says what the object did, not what the verb's subject did."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children) and any(
        c.dep_ == "dobj" and c.i < clause.i for c in verb.children
    )


def _noun_trigger(noun: Token, relation: str) -> list[Finding]:
    """The entity is tied to an act noun by a preposition or a possessive."""
    category = lex.act_category(noun)
    if relation == "of" and _listing_noun(noun):
        return _designation(noun, "patient", False)  # "the inclusion of X in the list"
    if designations.sanction_noun(noun):
        if relation in {"against", "on", "upon", "for"} or (
            relation == "of" and lemma(noun) in {"designation", "listing", "blacklisting"}
        ):
            return _designation(noun, "patient", False)
        return []
    if lemma(noun) in lex.SANCTION_LEMMAS:
        return []
    if lemma(noun) in lex.ORDER_NOUNS and relation in {"poss", "by"} and not _instrument(noun):
        ordered = lex.subtree_category(noun)
        return [] if ordered is None else [Finding(ordered, "ordered", noun.i, "ordered")]
    if category is None:
        return []
    if relation == "by":
        return [Finding(category, "perpetrator", noun.i, "act-noun")]
    if relation in {"against", "on", "upon", "at"} and category in lex.VIOLENT:
        return [Finding(category, "victim", noun.i, "victim")]
    if relation == "of" and category in lex.VIOLENT:
        return [Finding(category, "victim", noun.i, "victim")]
    if relation == "poss" and category in {"corruption", "laundering", "sanctions_evasion"}:
        return [Finding(category, "perpetrator", noun.i, "act-noun")]
    return []


def _listing_noun(noun: Token) -> bool:
    """ "the inclusion of X in the sanctions list", "the addition of X to the blacklist":
    a noun placing its "of" object on a sanctions list."""
    if lemma(noun) not in {"inclusion", "addition", "placement"}:
        return False
    # (the list's phrase may hang on a word of the "of" object, a long title there)
    holders = [*noun.subtree, noun.head, noun.head.head]  # "coincided with the inclusion"
    return any(_on_sanctions_list(holder, {"in", "on", "to"}) for holder in holders)


def _patient_of_noun_phrase(noun: Token) -> list[Finding]:
    """Findings of a noun phrase as a whole (for "the vehicle in which X travelled")."""
    dep = noun.dep_
    head = noun.head
    if dep == "dobj" and _is_verbal(head):
        return [f for f in _predicate(head, "patient", 3) if f.part == "victim"]
    if dep == "pobj" and head.dep_ in {"prep"} and head.lower_ in {"at", "on", "against"}:
        governor = head.head
        if _is_verbal(governor):
            return [f for f in _predicate(governor, "patient", 3) if f.part == "victim"]
    return []


def _clause_findings(anchor: Token) -> list[Finding]:
    dep = anchor.dep_
    head = anchor.head
    if dep in {"nsubj", "csubj"} and _is_verbal(head):
        found = _predicate(head, "agent", 0)
        if head.dep_ == "relcl" and len(found) == 0:
            found = _patient_of_noun_phrase(head.head)
        return found
    if dep == "nsubjpass" and _is_verbal(head):
        return _predicate(head, "patient", 0)
    if dep == "nsubj" and head.lower_ == "guilty" and lemma(head.head) in {"find", "declare"}:
        # "The court found X guilty of accepting bribes"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and not lex.is_negated(head.head):
                crime = _crime(prep)
                if crime is not None:
                    return [Finding(crime, "accused", head.head.i, "accused-of")]
        return []
    if (
        dep in {"npadvmod", "appos"}
        and _is_verbal(head)
        and anchor.left_edge.i > 0
        and anchor.doc[anchor.left_edge.i - 1].lower_ in {"namely", ",", "including"}
    ):
        return _predicate(head, "patient", 0)  # "sanction some people, namely X"
    if dep in {"dobj", "dative"} and _is_verbal(head):
        if lemma(head) == "include":
            # "individuals sanctioned under X would include Y": Y takes the
            # part the including group has.
            for child in head.children:
                if child.dep_ == "nsubj":
                    found = _modifier_findings(child)
                    if len(found) > 0:
                        return found
            group = _designated_group_before(head)
            if group is not None:
                return [Finding("designation", "accused", group.i, "designated")]
        return _predicate(head, "patient", 0)
    if (
        dep == "conj"
        and _is_verbal(head)
        and (anchor.pos_ == "PROPN" or (anchor.pos_ == "NOUN" and lemma(anchor) in OFFICE_NOUNS))
    ):
        # "The US sanctioned A, a senator, for bribing judges, and B, a gang leader": the
        # parser hung B on the verb; B is designated too (A's reason is A's own). So is
        # "sanctioned the unit, as well as its chief, NAME" (the title stands for NAME).
        if lemma(head) in {"identify", "name"} and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in head.children
        ):
            return _named_group(head)  # "... named as A, the judge, and investigators B"
        return [
            Finding("designation", "accused", f.trigger, "designated")
            for f in _predicate(head, "patient", 1)
            if f.frame in {"designated", "designated-for"}
        ]
    if dep == "attr" and lemma(head) == "be":
        if _on_a_blacklist(head):
            # "Also on the Treasury's blacklist were X and Y"
            return [Finding("designation", "accused", head.i, "designated")]
        # "The individuals designated today are X and Y": X takes the subject's part;
        # "The officers named in the report are X and Y": the report's allegation.
        for child in head.children:
            if child.dep_ == "nsubj":
                found = [f for f in _modifier_findings(child) if f.frame.startswith("designat")]
                if len(found) == 0:
                    trigger = _group_designated(child)
                    if trigger is not None:
                        found = [Finding("designation", "accused", trigger.i, "designated")]
                return found if len(found) > 0 else _named_in_report(child)
        return []
    if dep == "pobj" and head.dep_ in {"prep", "agent"}:
        word = head.lower_
        governor = head.head
        if word == "as" and lemma(governor) in {"identify", "name"}:
            return _named_group(governor)
        if word == "of" and lemma(governor) == "behalf" and governor.head.dep_ == "prep":
            # "committed abuses on behalf of X": X is the principal
            acting = governor.head.head
            if _is_verbal(acting):
                return [
                    Finding(f.category, "complicit", f.trigger, "regime")
                    for f in _predicate(acting, "agent", 1)
                    if f.part in PERPETRATOR_SIDE and f.category in lex.VIOLENT
                ]
            return []
        if (
            word == "besides"
            or (word == "from" and governor.lower_ in {"aside", "apart"})
            or (word == "to" and governor.lower_ == "addition")
        ):
            # "Aside from X, the coalition calls for sanctions on Y": X shares Y's part.
            return _sentence_designation(anchor.sent)
        if word == "under":
            return _under(governor)
        alongside = word == "alongside" or (
            word == "with" and governor.lower_ in {"along", "together"}
        )
        if alongside and (_is_verbal(governor) or _is_verbal(governor.head)):
            # "sanctioned the police unit, alongside its chief X": X is designated with it
            verb = governor if _is_verbal(governor) else governor.head
            return [
                Finding("designation", "accused", f.trigger, "designated")
                for f in _predicate(verb, "patient", 1)
                if f.frame in {"designated", "designated-for"}
            ]
        if (
            word in INCLUDING
            and _is_verbal(governor)
            and any(c.dep_ in {"dobj", "nsubjpass"} for c in governor.children)
        ):
            # "targeted political leaders, including X", "dozens were arrested, including
            # X": X is one of the verb's objects.
            return _predicate(governor, "patient", 0)
        if word == "to" and lemma(governor) == "accord":
            return [Finding("context", "source", governor.i, "speech")]
        if head.dep_ == "agent" or word == "by":
            if _is_verbal(governor):
                return [
                    Finding(f.category, f.part, f.trigger, "passive-by-agent", f.office_only)
                    if f.frame == "active-agent"
                    else f
                    for f in _predicate(governor, "agent", 0)
                ]
            return _noun_trigger(governor, "by")
        if word in {"with", "to"} and lemma(governor) in ADDRESSEE_VERBS:
            if _unanswered(anchor.sent):
                return [Finding("cover_up", "complicit", governor.i, "cover-up")]
            return []
        if (
            _is_verbal(governor)
            and word in {"against", "on", "upon", "for"}
            and any(
                designations.sanction_noun(c)
                for c in governor.children
                if c.dep_ in {"dobj", "nsubjpass", "attr"}
            )
        ):
            # "impose sanctions on top officials, including X", "announced sanctions
            # Wednesday on X"
            return _designation(governor, "patient", lex.is_negated(governor))
        if _is_verbal(governor) and word in {"against", "on", "upon", "at"}:
            return [f for f in _predicate(governor, "patient", 0) if f.part == "victim"]
        if governor.pos_ in {"NOUN", "PROPN"}:
            return _noun_trigger(governor, word)
        return []
    if dep == "poss":
        if lemma(head) in INVOLVEMENT_NOUNS:
            category = _prep_category(head, {"in", "for", "of"})
            if category is not None:
                part, frame = INVOLVEMENT_NOUNS[lemma(head)]
                return [Finding(category, part, head.i, frame)]
        if lex.discredited_claim(head):
            return [Finding("cover_up", "complicit", head.i, "cover-up", office_only=True)]
        if lemma(head) in lex.REGIME_NOUNS or (
            head.ent_type_ == "GPE" and head.dep_ in SUBJECT_DEPS
        ):
            return _through_possession(_clause_findings(head))
        if (
            lemma(head) in BEHEST_NOUNS
            and head.dep_ == "pobj"
            and head.head.lower_ in {"at", "on", "upon", "under", "by"}
        ):
            root = anchor.sent.root
            category = lex.act_category(root) or lex.subtree_category(root)
            if category is not None:
                behest: Frame = "command" if lemma(head) == "command" else "ordered"
                return [Finding(category, "ordered", head.i, behest)]
        if _own_designation(anchor, head):
            return _designation(head, "patient", False)
        return _noun_trigger(head, "poss")
    return []


def _on_a_blacklist(verb: Token) -> bool:
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
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.pos_ in {"NOUN", "PRON"} and _listed_group(token):
            ancestors = list(token.ancestors)
            if verb in ancestors and not any(
                _is_verbal(a) for a in ancestors[: ancestors.index(verb)]
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


def _own_designation(possessor: Token, noun: Token) -> bool:
    """ "Commissioner X's designation followed ...": a person's designation without an
    "of" phrase is the designation of that person; "OFAC's designation of X" (an "of"
    phrase, or an authority as the possessor) is by the possessor."""
    return (
        lemma(noun) in {"designation", "listing", "blacklisting"}
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        and not designations.authority_like(possessor)
        and not designations.proposed(noun)
    )


def _through_possession(found: list[Finding]) -> list[Finding]:
    """What a body headed by the possessor did ("X's government persecuted"): the
    possessor is responsible for it, not its direct author; nothing else carries."""
    out: list[Finding] = []
    for finding in found:
        if finding.part in {"perpetrator", "complicit"} and finding.category in lex.VIOLENT:
            out.append(Finding(finding.category, "complicit", finding.trigger, "regime"))
        elif finding.part == "ordered":
            out.append(finding)
    return out


def _under(governor: Token) -> list[Finding]:
    """ "repression against the opposition under X", "jailed under X": an act done
    under a person's rule or command makes them responsible for it."""
    token = governor
    for _ in range(4):
        category = lex.practice_category(token) if not _is_verbal(token) else None
        if _is_verbal(token):
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
            and _is_verbal(token.head)
            and lemma(token) in lex.REGIME_NOUNS | {"unit", "officer", "guard", "official"}
        ):
            token = token.head  # "Security forces under X abducted dozens"
        else:
            return []
    return []


def _unanswered(sent: Span) -> bool:
    """ "there has been no response", "went unheeded", "ignored"."""
    for token in sent:
        word = lemma(token)
        if word in {"response", "reaction", "answer", "action"} and (
            any(c.lower_ == "no" for c in token.children) or lex.is_negated(token.head)
        ):
            return True
        if word in {"unheeded", "unanswered", "ignore"}:
            return True
        if word in {"respond", "react"} and lex.is_negated(token):
            return True
    return False


def _modifier_findings(token: Token) -> list[Finding]:
    """Relative clauses and participles on the phrase: "X, who was killed by ..."."""
    out: list[Finding] = []
    candidates = [token]
    described: set[int] = set()  # "X, a former official convicted of ...": the same person
    for child in token.children:
        if child.dep_ == "prep":
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "appos" and lemma(child) in DESCRIPTOR_NOUNS and child.pos_ == "NOUN":
            candidates.append(child)
            described.add(child.i)
    for holder in candidates:
        for child in holder.children:
            if child.dep_ not in {"relcl", "acl"} or not _is_verbal(child):
                continue
            if (
                holder.i != token.i
                and holder.i not in described
                and not any(c.lower_ in {"who", "whom"} for c in child.children)
            ):
                continue
            reported = _reported_gap(child)
            if reported is not None:
                # "X, who the U.S. alleges was responsible for ...": X is the subject of
                # what is alleged, not the one alleging.
                if reported.i != child.i:
                    out.extend(_predicate(reported, "agent", 2))
                continue
            slot = _relative_slot(child)
            if slot is not None:
                out.extend(_predicate(child, slot, 2))
    return out


RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "that", "which"})


def _reported_gap(verb: Token) -> Token | None:
    """For a relative clause "who the U.S. alleges was responsible", whose reporting verb
    has a speaker of its own besides the relative pronoun: the reported clause's verb
    (its ``ccomp``, or the verb written right after the reporting verb when the parser
    lost the clause), or ``verb`` itself when there is none; None for any other clause."""
    if lemma(verb) not in lex.SPEECH_VERBS | HEARSAY_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    relative = [c for c in subjects if c.lower_ in RELATIVE_PRONOUNS]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _is_verbal(c)]
    for clause in clauses:  # the parse got it right: "who" is the reported clause's subject
        if any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children):
            return clause
    if len(relative) == 0 or len(relative) == len(subjects):
        return None
    if len(clauses) > 0:
        return clauses[0]
    after = verb.i + 1
    if after < verb.sent.end and verb.doc[after].pos_ in {"VERB", "AUX"}:
        return verb.doc[after]
    return verb


def findings(span: Span, others: set[int], bounds: tuple[int, int] | None = None) -> list[Finding]:
    """Everything the sentence's structure says about the entity named by ``span``.

    ``bounds`` (token indices) is the quoted passage when the parser's sentence
    runs past it (a heading or list item glued to the next line): a head
    outside the passage says nothing about this passage.
    """
    anchor = anchor_of(span, others)
    low, high = bounds if bounds is not None else (span.sent.start, span.sent.end)
    out = _clause_findings(anchor) if low <= anchor.head.i < high else []
    if anchor.i in {t.i for t in span} and anchor.dep_ in SUBJECT_DEPS and _possessive(span):
        # The parser made a possessor the subject ("X’s “New Kazakhstan”
        # continued ..."): X is responsible for what X's thing did, no more.
        out = _through_possession(out)
    out.extend(_command_descriptor(span, anchor))
    out.extend(_suffered_descriptor(span))
    out = [*_colon_listed(span, out), *_after_a_colon(span)]
    if besides_the_listed(anchor):
        out.append(Finding("designation", "accused", anchor.head.i, "designated"))
    if (
        anchor.i not in {t.i for t in span}
        and span.root.dep_ in {"appos", "conj"}
        and not any(f.part in PERPETRATOR_SIDE or f.part == "victim" for f in out)
        # "the officials, A and B, said": speakers, not necessarily the ones sanctioned
        and not (anchor.dep_ in SUBJECT_DEPS and lemma(anchor.head) in lex.SPEECH_VERBS)
    ):
        group = _group_designated(anchor)
        if group is not None:
            out.append(Finding("designation", "accused", group.i, "designated"))
    seen = {span.root.i}
    token = span.root
    while True:
        if token.i not in seen or token.i == span.root.i:
            out.extend(_modifier_findings(token))
        seen.add(token.i)
        if token.i in (anchor.i, token.head.i):
            break
        token = token.head
        if token.i < span.sent.start or token.i >= span.sent.end:
            break
    return out


def _opens_with_a_colon(verb: Token) -> bool:
    """ "OFAC is designating: ...": a strong designation verb whose object a colon opens."""
    doc = verb.doc
    return (
        verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ":"
        and lemma(verb) in designations.STRONG_VERBS
        and _is_verbal(verb)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    )


def _colon_listed(span: Span, found: list[Finding]) -> list[Finding]:
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


def _after_a_colon(span: Span) -> list[Finding]:
    """ "OFAC is designating: X, the Minister of ...; Y, ...": a designation verb whose
    object a colon opens; the parser hangs the first name on the verb's subject."""
    before = span.start - 1
    if before < span.sent.start + 1 or span.doc[before].text != ":":
        return []
    verb = span.doc[before - 1]
    if not _opens_with_a_colon(verb):
        return []
    return _designation(verb, "patient", lex.is_negated(verb))


SUFFERED: frozenset[str] = frozenset({"killing", "torture", "enforced_disappearance"})


def _suffered_descriptor(span: Span) -> list[Finding]:
    """ "murdered opposition figure X", "the slain journalist X", "tortured activist X":
    a participle of a violent act on the name's descriptor makes the person its victim
    (only acts done to a person: "the jailed minister" may be a convict)."""
    out: list[Finding] = []
    own = {t.i for t in span}
    for noun in span.root.children:
        if noun.i in own or noun.dep_ != "compound" or noun.pos_ != "NOUN" or noun.i > span.start:
            continue
        for word in noun.children:
            if word.dep_ == "amod" and word.tag_ == "VBN" and not lex.is_negated(word):
                category: Category | None = lex.act_category(word) if word.pos_ == "VERB" else None
                if category is None:
                    category = lex.ACT_VERBS.get(lemma(word))
                if category in SUFFERED:
                    out.append(Finding(category, "victim", word.i, "victim"))
    return out


def group_findings(anchor: Token) -> list[Finding]:
    """What a sentence says about a group word ("both", "the pair") as its subject."""
    return _clause_findings(anchor) + _modifier_findings(anchor)


def _possessive(span: Span) -> bool:
    after = span.end
    return after < len(span.doc) and span.doc[after].lower_ in {"’s", "'s", "’", "'"}


def best(found: list[Finding]) -> Finding | None:
    """One finding per entity and sentence; None when there is nothing.

    A sentence that makes the same entity both victim and perpetrator is
    not resolved here: the result is part "unclear" with the allegation's
    category, which leaves it to a human reviewer.
    """
    if len(found) == 0:
        return None
    parts = {f.part for f in found}
    perpetrator = [f for f in found if f.part in PERPETRATOR_SIDE]
    if all(f.frame == "released" for f in found if f.part == "victim") and any(
        f.frame == "accused-of" for f in perpetrator
    ):
        # "X, who was sentenced for the murder of ..., was released": a convict freed,
        # not a detainee freed.
        found = [f for f in found if f.part != "victim"]
        parts = {f.part for f in found}
    if "victim" in parts and len(perpetrator) > 0:
        worst = min(perpetrator, key=lambda f: lex.severity(f.category))
        return Finding(worst.category, "unclear", worst.trigger, worst.frame)

    def key(f: Finding) -> tuple[int, int]:
        return (PART_RANK.index(f.part), lex.severity(f.category))

    if len(perpetrator) > 0:
        # The most serious act first, then the most direct part.
        return min(perpetrator, key=lambda f: (lex.severity(f.category), PART_RANK.index(f.part)))
    return min(found, key=key)
