"""Who did what to whom, from the dependency parse.

For one name mention in one sentence, ``findings`` climbs from the name to the
noun phrase it heads (through titles, appositions, coordination and
"including"), reads the phrase's grammatical function (subject of an active
verb, passive subject, object, "by"-agent, "against"-object, "according to",
speaker of a reporting verb, caller of "urge"/"call on") and combines it with
what the governing word means (``allegations``). Names are never looked up:
the same sentence frame gives the same part to any name.

The frames' concepts live in their own modules: ``anchors`` (climbing from a name to
its phrase), ``charges`` (crimes charged or convicted), ``command`` (what a body
someone leads did), ``sanctions_lists`` (the shapes of lists of designees) and
``finding`` (a finding, and which one wins).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract import allegations as lex
from dossier.extract import anchors, charges, command, conduct, designations, sanctions_lists, verbs
from dossier.extract.allegations import lemma
from dossier.extract.finding import PERPETRATOR_SIDE, Finding, best
from dossier.model import Category, Frame, Part

ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {"meet", "report", "complain", "appeal", "write", "inform", "tell", "petition", "turn"}
)
BEHEST_NOUNS: frozenset[str] = frozenset(
    {"invitation", "request", "behest", "order", "orders", "instruction", "command"}
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


def _wound_category(noun: Token) -> Category:
    words = {lemma(word) for word in noun.subtree}
    if words & {"fatal", "gunshot", "bullet", "shrapnel", "gunfire"}:
        return "killing"
    return "torture"


def agent_act(verb: Token) -> Category | None:
    """The worst act the sentence says the agent of ``verb`` did or took part in ("the
    unit that tortured detainees": torture), or None."""
    chosen = best([f for f in predicate(verb, "agent", 3) if f.part in PERPETRATOR_SIDE])
    return None if chosen is None else chosen.category


def _copula(verb: Token) -> list[Finding]:
    """ "X is a figurehead ... used to conceal", "X is responsible for the killings"."""
    out: list[Finding] = []
    sentence_category = lex.sentence_category(verb.sent)
    if sanctions_lists.on_a_blacklist(verb):
        out.append(Finding("designation", "accused", verb.i, "designated"))  # "X is on ..."
    for child in verb.children:
        if child.dep_ == "acomp" and child.tag_ == "VBN" and verbs.is_verbal(child):
            out.extend(predicate(child, "patient", 2))  # "who was (as) sentenced for ..."
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
                    slot = relative_slot(grand)
                    if slot is not None:
                        out.extend(predicate(grand, slot, 0))
        if (
            child.dep_ == "acomp"
            and lemma(child) == "subject"
            and any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(g.dep_ == "pobj" and designations.names_measures(g) for g in c.children)
                for c in child.children
            )
            and not lex.is_negated(verb)
            and designations.in_effect(verb)
        ):
            # "X is already subject to U.S. sanctions", "X will be subject to asset freezes
            # and travel bans": an existing designation
            out.append(Finding("designation", "accused", child.i, "designated"))
        if child.dep_ == "acomp" and lemma(child) in lex.INVOLVEMENT_ADJECTIVES:
            category = lex.subtree_category(child)
            if category is not None and not lex.is_negated(verb):
                part: Part = "complicit" if lemma(child) == "complicit" else "perpetrator"
                out.append(Finding(category, part, child.i, ADJECTIVE_FRAMES[lemma(child)]))
    return out


def relative_slot(verb: Token) -> str | None:
    """The slot a relative clause's antecedent fills ("who tortured" / "who was killed")."""
    for child in verb.children:
        if child.tag_ in {"WP", "WDT"} or child.lower_ in {"who", "that", "which", "whom"}:
            if child.dep_ == "nsubj":
                return "agent"
            if child.dep_ in {"nsubjpass", "dobj"}:
                return "patient"
    if verb.dep_ == "acl" and (
        verb.tag_ == "VBN"
        or (
            verb.tag_ == "VBD"
            and designations.designation_verb(verb)
            and not verbs.has_subject(verb)
        )
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


def predicate(verb: Token, slot: str, depth: int) -> list[Finding]:
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
        out.extend(sanctions_lists.designation(verb, slot, negated))
    elif (
        slot == "patient"
        and word in charges.HEARSAY_VERBS
        and charges.hearsay_act(verb) is not None
    ):
        # "X is alleged / suspected / believed to have embezzled": an accusation
        act = charges.hearsay_act(verb)
        assert act is not None
        if not negated:
            out.append(Finding(act, "accused", verb.i, "accused-of"))
    elif word in charges.DENY_VERBS and slot == "agent" and charges.denied(verb) is not None:
        # "X denied receiving bribes", "X has denied the allegations": the person's own
        # denial says an allegation exists; neither proof nor a cover-up. For review.
        out.append(Finding(charges.denied(verb) or "context", "unclear", verb.i, "denial"))
    elif charges.guilty_of(verb) is not None and slot == ("patient" if word == "find" else "agent"):
        # "X pleaded guilty to money laundering", "X was found guilty of bribery"
        crime = charges.guilty_of(verb)
        assert crime is not None
        out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif word == "receive" and slot == "agent" and charges.sentence_for(verb) is not None:
        # "X received a suspended sentence for taking bribes": a conviction for an act
        crime = charges.sentence_for(verb)
        assert crime is not None
        out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif word in charges.ACCUSE_VERBS and charges.charge_category(verb) is not None:
        crime = charges.charge_category(verb)
        assert crime is not None
        if charges.falsely(verb):
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
    elif word in command.COMMAND_VERBS and slot == "agent" and not negated:
        category = command.commanded_act(verb)
        if category is not None:
            out.append(Finding(category, "ordered", verb.i, "command"))
        elif lex.act_category(verb) == "corruption" and not lex.is_irrealis(verb):
            # "controlled contracts for personal gain", "ran a fraudulent scheme"
            out.append(Finding("corruption", "perpetrator", verb.i, "active-agent"))
    elif word == "have" and slot == "agent" and not negated and charges.record_of(verb) is not None:
        # "X has a long record of atrocities"
        category = charges.record_of(verb)
        assert category is not None
        out.append(Finding(category, "perpetrator", verb.i, "responsible-for"))
    elif slot == "agent" and _inaction(verb):
        out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif word in lex.FAIL_VERBS and slot == "agent":
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"} and any(
                lemma(w) in lex.ACCOUNTABILITY_LEMMAS and not _reply(w, word) for w in child.subtree
            ):
                out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif (word == "hold" and any(lemma(c) == "accountable" for c in verb.children)) or (
        word == "bring" and any(lemma(w) == "justice" for w in verb.subtree)
    ):
        if negated and slot == "patient":
            out.append(Finding("cover_up", "accused", verb.i, "cover-up"))
    elif word in lex.ORDER_VERBS and slot == "agent" and not negated:
        category = verbs.object_category(verb)
        if category is not None:
            order: Frame = "command" if word == "command" else "ordered"
            out.append(Finding(category, "ordered", verb.i, order))
    elif (
        slot == "agent"
        and object_lemmas & lex.ORDER_NOUNS
        and word in lex.LIGHT_VERBS
        and not any(_instrument(c) for c in verb.children if c.dep_ == "dobj")
    ):
        category = verbs.object_category(verb)
        if category is not None and not negated:
            out.append(Finding(category, "ordered", verb.i, "ordered"))
    elif word in lex.INVOLVEMENT_VERBS and (word != "take" or "part" in object_lemmas):
        category = (
            lex.subtree_category(verb, keep_subjects=True)
            if word == "create"
            else verbs.object_category(verb)
        )
        if category is None and word in {"engage", "participate"}:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    category = charges.crime(prep)  # "engaged in misappropriated public funds"
        passive_involve = word == "involve" and slot == "patient"
        active_other = word != "involve" and slot == "agent"
        if category is not None and not negated and (passive_involve or active_other):
            involved: Part = "complicit" if word == "create" else "perpetrator"
            out.append(Finding(category, involved, verb.i, "involved-in"))
    elif word in lex.HELP_VERBS and slot == "agent":
        category = verbs.object_category(verb)
        if category is not None and not negated:
            direct = category in {"sanctions_evasion", "laundering"}
            out.append(
                Finding(category, "perpetrator" if direct else "complicit", verb.i, "helped")
            )
    elif word in lex.SPEECH_VERBS and slot == "agent":
        category = verbs.object_category(verb)
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
        category = verbs.object_category(verb)
        if category is not None:
            out.append(Finding(category, "witness", verb.i, "witness"))
    elif (
        word in {"face", "stand", "await"}
        and slot == "agent"
        and charges.faces_charges(verb) is not None
    ):
        # "X faces charges of embezzlement", "X stands trial for bribery"
        crime = charges.faces_charges(verb)
        assert crime is not None
        if not negated:
            out.append(Finding(crime, "accused", verb.i, "accused-of"))
    elif (
        word in {"face", "receive", "incur"}
        and slot == "agent"
        and not negated
        and any(
            c.dep_ == "dobj" and designations.names_measures(c, bare=False) for c in verb.children
        )
        and designations.in_effect(verb)
        and designations.sanctions_said(verb)
    ):
        # "X will face asset freezes and travel bans": what the designation brings
        # ("faces sanctions" alone may be a threat)
        out.append(Finding("designation", "accused", verb.i, "designated"))
    elif (
        word in designations.HOLDING_VERBS
        and slot == "agent"
        and not negated
        and verb.dep_ == "relcl"
        and designations.frozen_holding(verb.head) is not None
    ):
        # "The measure freezes any assets that X has under U.S. jurisdiction"
        frozen = designations.frozen_holding(verb.head)
        assert frozen is not None
        out.append(Finding("designation", "accused", frozen.i, "designated"))
    elif slot == "agent" and not negated and lex.obstructs(verb):
        # "X blocked investigations into the killings", "interfered with the probe"
        out.append(Finding("cover_up", "complicit", verb.i, "cover-up"))
    elif word in lex.SUFFER_VERBS and not conduct.corrupt_verb(verb):
        nouns = [w for w in verb.subtree if w.i != verb.i and w.pos_ == "NOUN"]
        injuries = [n for n in nouns if lemma(n) in lex.INJURY_NOUNS]
        category = verbs.object_category(verb)
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
    elif (
        word == "impose"
        and slot == "patient"
        and not negated
        and any(c.dep_ == "dobj" and designations.sanction_noun(c) for c in verb.children)
    ):
        # "the officials who must be imposed sanctions": "impose sanctions on" made passive
        if designations.proposed(verb):
            out.append(Finding("sanctions_call", "accused", verb.i, "sanctions-call"))
        else:
            out.append(Finding("designation", "accused", verb.i, "designated"))
    elif word in lex.SANCTION_LEMMAS:
        if slot == "patient":
            out.append(Finding("sanctions_call", "accused", verb.i, "sanctions-call"))
    elif word in lex.COVER_VERBS and not lex.objects_mention_assets(verb):
        if slot == "agent" and not negated and _covers_abuse(verb):
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
        if category == "unjust_conviction" and slot == "agent" and charges.punishes_abuse(verb):
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

    if slot == "patient" and not negated and word not in charges.ACCUSE_VERBS:
        # "arrested on suspicion of misappropriating funds", "dismissed over charges of
        # abuse of office": the charge is an accusation; an arrest beside it stays, so
        # an arrest on a charge reads as unclear (a political case looks the same).
        crime = charges.on_charges(verb)
        if crime is not None:
            out.append(Finding(crime, "accused", verb.i, "accused-of"))

    # Coordinated verbs share the subject: "was tortured and threatened".
    if depth < 4:
        for child in verb.children:
            if child.dep_ == "conj" and verbs.is_verbal(child):
                if not verbs.has_subject(child):
                    passive = any(c.dep_ == "auxpass" for c in child.children)
                    out.extend(predicate(child, "patient" if passive else slot, depth + 1))
                elif slot == "agent" and _pronoun_subject(child):
                    # "X witnessed torture, but he did not do anything about it"
                    out.extend(predicate(child, "agent", depth + 1))
        # Purpose and manner clauses of the agent: "in order to help X evade".
        if slot == "agent":
            for clause in _implicit_clauses(verb):
                out.extend(
                    f for f in predicate(clause, "agent", depth + 1) if f.part in PERPETRATOR_SIDE
                )
    return out


# What ignoring or hiding is a cover-up of, besides an act and an inquiry: "ignored the
# allegations", "hid the bodies".
COVERED_NOUNS: frozenset[str] = frozenset(
    {"allegation", "report", "warning", "body", "corpse", "grave", "crime", "abuse", "record"}
)


def _covers_abuse(verb: Token) -> bool:
    """ "ignored complaints of torture", "hid the evidence": what is ignored or hidden
    concerns abuse or accountability; "ignored the demands" for an apology, "hid from
    reporters" do not cover anything up. (Other cover verbs say so themselves.)"""
    if lemma(verb) not in {"ignore", "hide"}:
        return True
    return any(
        lex.act_category(word) is not None or lemma(word) in lex.INQUIRY_NOUNS | COVERED_NOUNS
        for child in verb.children
        if child.dep_ in {"dobj", "prep"}
        for word in child.subtree
    )


def _named_group(verb: Token) -> list[Finding]:
    """ "The two officials have been identified as X and Y"; "Those sanctioned for their
    involvement have been named as X and Y": the names take the group's designation."""
    for group in verb.children:
        if group.dep_ in {"nsubjpass", "dobj"}:
            found = [f for f in _modifier_findings(group) if f.frame.startswith("designat")]
            if len(found) > 0:
                return found
            trigger = sanctions_lists.group_designated(group)
            if trigger is not None:
                return [Finding("designation", "accused", trigger.i, "designated")]
    return []


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


# Pronouns that stand for a group the sentence before names: "These are A, B".
GROUP_PRONOUNS: frozenset[str] = frozenset({"these", "they", "those", "that", "this"})


def _antecedent_findings(pronoun: Token) -> list[Finding]:
    """ "He named 11 officials who should be sanctioned. These are A, B, ...", "... leaders
    who were involved in war crimes. That includes A": the pronoun opening a sentence
    stands for the group of people the sentence before names; the listed people take
    what that sentence says of the group (its accusation or designation only)."""
    sent = pronoun.sent
    if pronoun.lower_ not in GROUP_PRONOUNS or pronoun.i != sent.start or sent.start == 0:
        return []
    previous = pronoun.doc[sent.start - 1].sent
    groups = [
        t
        for t in previous
        if t.tag_ == "NNS"
        and lemma(t) in anchors.DESCRIPTOR_NOUNS | sanctions_lists.OFFICE_GROUP_NOUNS
    ]
    for group in reversed(groups):
        found = [
            f
            for f in [*_modifier_findings(group), *_clause_findings(group)]
            if f.part in PERPETRATOR_SIDE
        ]
        if len(found) > 0:
            return found
    return []


def opening_group(sent: Span) -> list[Finding]:
    """ "These are A, B, ...", "They include A": what the sentence before says of the group
    a sentence-opening pronoun stands for (``_antecedent_findings``), for a list the
    parser may not hang on the pronoun's verb."""
    pronoun = sent[0]
    if pronoun.dep_ != "nsubj" or lemma(pronoun.head) not in {"be", "include"}:
        return []
    return _antecedent_findings(pronoun)


def _named_in_report(group: Token) -> list[Finding]:
    """ "The senior officers included in the report are X, Y": a group of officials
    named in a report that an earlier sentence says alleges abuse ("a report ... that
    alleged serious abuses by top generals") is accused of what the report alleges.
    Only groups of office holders: victims named in a report are not accused."""
    if lemma(group) not in sanctions_lists.OFFICE_GROUP_NOUNS:
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
        alleging = [c for c in token.children if c.dep_ in {"relcl", "acl"}]
        if token.dep_ == "nsubj":
            alleging.append(token.head)
        for verb in alleging:
            if lemma(verb) in ALLEGING_VERBS and not lex.is_negated(verb):
                category = verbs.object_category(verb)
                if category is not None:
                    return category
    return None


def _prep_category(word: Token, preps: set[str]) -> Category | None:
    """The act named under ``word``'s prepositions ("involvement in the killing")."""
    best: Category | None = None
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found = lex.subtree_category(child, keep_subjects=True)
            if found is not None and (best is None or lex.severity(found) < lex.severity(best)):
                best = found
    return best


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"he", "she", "they"} for c in verb.children)


def _implicit_clauses(verb: Token) -> list[Token]:
    """Clauses whose unstated subject is ``verb``'s subject."""
    clauses: list[Token] = []
    for child in verb.children:
        if (
            child.dep_ in {"xcomp", "advcl"}
            and verbs.is_verbal(child)
            and not verbs.has_subject(child)
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
                and not verbs.has_subject(child)
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


# Act nouns whose possessor is the one acting, never the one suffering.
AGENT_ACT_NOUNS: frozenset[str] = frozenset({"crackdown", "repression", "purge"})


def _noun_trigger(noun: Token, relation: str) -> list[Finding]:
    """The entity is tied to an act noun by a preposition or a possessive."""
    category = lex.act_category(noun)
    if relation == "of" and sanctions_lists.listing_noun(noun):
        return sanctions_lists.designation(
            noun, "patient", False
        )  # "the inclusion of X in the list"
    if designations.sanction_noun(noun):
        if relation in {"against", "on", "upon", "for"} or (
            relation == "of" and lemma(noun) in {"designation", "listing", "blacklisting"}
        ):
            return sanctions_lists.designation(noun, "patient", False)
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
    if relation == "poss" and lemma(noun) in AGENT_ACT_NOUNS:
        # "X's crackdown on civil society": the possessor does it (an arrest or a torture
        # may be the possessor's own: "X's torture in custody")
        return [Finding(category, "perpetrator", noun.i, "act-noun")]
    return []


def _patient_of_noun_phrase(noun: Token) -> list[Finding]:
    """Findings of a noun phrase as a whole (for "the vehicle in which X travelled")."""
    dep = noun.dep_
    head = noun.head
    if dep == "dobj" and verbs.is_verbal(head):
        return [f for f in predicate(head, "patient", 3) if f.part == "victim"]
    if dep == "pobj" and head.dep_ in {"prep"} and head.lower_ in {"at", "on", "against"}:
        governor = head.head
        if verbs.is_verbal(governor):
            return [f for f in predicate(governor, "patient", 3) if f.part == "victim"]
    return []


def _clause_findings(anchor: Token) -> list[Finding]:
    dep = anchor.dep_
    head = anchor.head
    if dep in {"nsubj", "csubj"} and verbs.is_verbal(head):
        found = predicate(head, "agent", 0)
        if head.dep_ == "relcl" and len(found) == 0:
            found = _patient_of_noun_phrase(head.head)
        return found
    if dep == "nsubjpass" and verbs.is_verbal(head):
        return predicate(head, "patient", 0)
    if dep == "nsubj" and head.lower_ == "guilty" and lemma(head.head) in {"find", "declare"}:
        # "The court found X guilty of accepting bribes"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and not lex.is_negated(head.head):
                crime = charges.crime(prep)
                if crime is not None:
                    return [Finding(crime, "accused", head.head.i, "accused-of")]
        return []
    if (
        dep in {"npadvmod", "appos"}
        and verbs.is_verbal(head)
        and anchor.left_edge.i > 0
        and anchor.doc[anchor.left_edge.i - 1].lower_ in {"namely", ",", "including"}
    ):
        return predicate(head, "patient", 0)  # "sanction some people, namely X"
    if dep in {"dobj", "dative"} and verbs.is_verbal(head):
        if lemma(head) == "include":
            # "individuals sanctioned under X would include Y": Y takes the
            # part the including group has.
            for child in head.children:
                if child.dep_ == "nsubj":
                    found = _modifier_findings(child) or _antecedent_findings(child)
                    if len(found) > 0:
                        return found
            group = sanctions_lists.designated_group_before(head)
            if group is not None:
                return [Finding("designation", "accused", group.i, "designated")]
        return predicate(head, "patient", 0)
    if (
        dep == "conj"
        and verbs.is_verbal(head)
        and (
            anchor.pos_ == "PROPN"
            or (anchor.pos_ == "NOUN" and lemma(anchor) in anchors.OFFICE_NOUNS)
        )
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
            for f in predicate(head, "patient", 1)
            if f.frame in {"designated", "designated-for"}
        ]
    if dep == "attr" and lemma(head) == "be":
        if sanctions_lists.on_a_blacklist(head):
            # "Also on the Treasury's blacklist were X and Y"
            return [Finding("designation", "accused", head.i, "designated")]
        # "The individuals designated today are X and Y": X takes the subject's part;
        # "The officers named in the report are X and Y": the report's allegation.
        for child in head.children:
            if child.dep_ == "nsubj":
                found = [f for f in _modifier_findings(child) if f.frame.startswith("designat")]
                if len(found) == 0:
                    trigger = sanctions_lists.group_designated(child)
                    if trigger is None:
                        trigger = sanctions_lists.designated_participle(child)
                    if trigger is not None:
                        found = [Finding("designation", "accused", trigger.i, "designated")]
                if len(found) == 0:
                    found = _antecedent_findings(child)
                return found if len(found) > 0 else _named_in_report(child)
        participle = head.head
        if (
            head.dep_ in {"auxpass", "aux"}
            and participle.i < head.i
            and sanctions_lists.designated_participle(participle) is not None
        ):
            # "Also sanctioned were X and Y"
            return [Finding("designation", "accused", participle.i, "designated")]
        return []
    if dep == "pobj" and head.dep_ in {"prep", "agent"}:
        word = head.lower_
        governor = head.head
        if word == "as" and lemma(governor) in {"identify", "name"}:
            return _named_group(governor)
        if word == "of" and lemma(governor) == "behalf" and governor.head.dep_ == "prep":
            # "committed abuses on behalf of X": X is the principal
            acting = governor.head.head
            if verbs.is_verbal(acting):
                return [
                    Finding(f.category, "complicit", f.trigger, "regime")
                    for f in predicate(acting, "agent", 1)
                    if f.part in PERPETRATOR_SIDE and f.category in lex.VIOLENT
                ]
            return []
        if (
            word == "besides"
            or (word == "from" and governor.lower_ in {"aside", "apart"})
            or (word == "to" and governor.lower_ == "addition")
        ):
            # "Aside from X, the coalition calls for sanctions on Y": X shares Y's part.
            return sanctions_lists.sentence_designation(anchor.sent)
        if word == "under":
            return command.under(governor)
        alongside = word == "alongside" or (
            word == "with" and governor.lower_ in {"along", "together"}
        )
        if alongside and (verbs.is_verbal(governor) or verbs.is_verbal(governor.head)):
            # "sanctioned the police unit, alongside its chief X": X is designated with it
            verb = governor if verbs.is_verbal(governor) else governor.head
            return [
                Finding("designation", "accused", f.trigger, "designated")
                for f in predicate(verb, "patient", 1)
                if f.frame in {"designated", "designated-for"}
            ]
        if (
            word in anchors.INCLUDING
            and verbs.is_verbal(governor)
            and any(c.dep_ in {"dobj", "nsubjpass"} for c in governor.children)
        ):
            # "targeted political leaders, including X", "dozens were arrested, including
            # X": X is one of the verb's objects.
            return predicate(governor, "patient", 0)
        if word == "to" and lemma(governor) == "accord":
            return [Finding("context", "source", governor.i, "speech")]
        if head.dep_ == "agent" or word == "by":
            if verbs.is_verbal(governor):
                return [
                    Finding(f.category, f.part, f.trigger, "passive-by-agent", f.office_only)
                    if f.frame == "active-agent"
                    else f
                    for f in predicate(governor, "agent", 0)
                ]
            return _noun_trigger(governor, "by")
        if word in {"with", "to"} and lemma(governor) in ADDRESSEE_VERBS:
            if _unanswered(anchor.sent):
                return [Finding("cover_up", "complicit", governor.i, "cover-up")]
            return []
        if (
            verbs.is_verbal(governor)
            and word in {"against", "on", "upon", "for"}
            and any(
                designations.sanction_noun(c)
                for c in governor.children
                if c.dep_ in {"dobj", "nsubjpass", "attr"}
            )
        ):
            # "impose sanctions on top officials, including X", "announced sanctions
            # Wednesday on X"
            return sanctions_lists.designation(governor, "patient", lex.is_negated(governor))
        if verbs.is_verbal(governor) and word in {"against", "on", "upon", "at"}:
            return [f for f in predicate(governor, "patient", 0) if f.part == "victim"]
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
            head.ent_type_ == "GPE" and head.dep_ in verbs.SUBJECT_DEPS
        ):
            return command.through_possession(_clause_findings(head))
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
        if sanctions_lists.own_designation(anchor, head):
            return sanctions_lists.designation(head, "patient", False)
        return _noun_trigger(head, "poss")
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
        if (
            child.dep_ == "appos"
            and lemma(child) in anchors.DESCRIPTOR_NOUNS
            and child.pos_ == "NOUN"
        ):
            candidates.append(child)
            described.add(child.i)
    for holder in candidates:
        for child in holder.children:
            if child.dep_ not in {"relcl", "acl"} or not verbs.is_verbal(child):
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
                    out.extend(predicate(reported, "agent", 2))
                continue
            slot = relative_slot(child)
            if slot is not None:
                out.extend(predicate(child, slot, 2))
    return out


RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "that", "which"})


def _reported_gap(verb: Token) -> Token | None:
    """For a relative clause "who the U.S. alleges was responsible", whose reporting verb
    has a speaker of its own besides the relative pronoun: the reported clause's verb
    (its ``ccomp``, or the verb written right after the reporting verb when the parser
    lost the clause), or ``verb`` itself when there is none; None for any other clause."""
    if lemma(verb) not in lex.SPEECH_VERBS | charges.HEARSAY_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    relative = [c for c in subjects if c.lower_ in RELATIVE_PRONOUNS]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and verbs.is_verbal(c)]
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
    anchor = anchors.anchor_of(span, others)
    low, high = bounds if bounds is not None else (span.sent.start, span.sent.end)
    out = _clause_findings(anchor) if low <= anchor.head.i < high else []
    if anchor.i in {t.i for t in span} and anchor.dep_ in verbs.SUBJECT_DEPS and _possessive(span):
        # The parser made a possessor the subject ("X’s “New Kazakhstan”
        # continued ..."): X is responsible for what X's thing did, no more.
        out = command.through_possession(out)
    out.extend(command.command_descriptor(span, anchor))
    out.extend(_suffered_descriptor(span))
    out = [*sanctions_lists.colon_listed(span, out), *sanctions_lists.after_a_colon(span)]
    if sanctions_lists.besides_the_listed(anchor):
        out.append(Finding("designation", "accused", anchor.head.i, "designated"))
    if (
        anchor.i not in {t.i for t in span}
        and span.root.dep_ in {"appos", "conj"}
        and not any(f.part in PERPETRATOR_SIDE or f.part == "victim" for f in out)
        # "the officials, A and B, said": speakers, not necessarily the ones sanctioned
        and not (anchor.dep_ in verbs.SUBJECT_DEPS and lemma(anchor.head) in lex.SPEECH_VERBS)
    ):
        group = sanctions_lists.group_designated(anchor)
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
