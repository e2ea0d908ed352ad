"""Corrupt conduct named by a verb and what it governs, not by the verb alone.

"received bribes", "solicited kickbacks", "asked for bribes", "squandered public
funds", "rigged a tender", "controlled contracts for personal gain": none of these
verbs names an act by itself ("received an award", "rigged the stage", "controlled
the border"); the object or the purpose phrase does. Each rule here reads a verb's
own dependents (objects, their "in"/"for" phrases, the verb's purpose phrase), never
a whole subtree, so an act named deeper inside ("exposed officials who took bribes")
stays the act of whoever does it there. Words only, never names: ``agency`` decides
whose act it is from the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

# What a bribe is called.
BRIBE_NOUNS: frozenset[str] = frozenset(
    {"bribe", "kickback", "inducement", "payoff", "pay-off", "backhander", "bribery", "kickbacks"}
)
# Verbs that move a bribe: "received / took / paid / solicited / asked for bribes".
BRIBE_VERBS: frozenset[str] = frozenset(
    {
        "receive",
        "take",
        "accept",
        "pay",
        "solicit",
        "demand",
        "ask",
        "offer",
        "give",
        "extort",
        "seek",
        "request",
        "collect",
        "pocket",
        "obtain",
        "get",
        "funnel",
        "channel",
        "hand",
        "transfer",
    }
)
# Verbs that misuse public money when their object is public money.
MISUSE_VERBS: frozenset[str] = frozenset(
    {"squander", "divert", "misuse", "pocket", "misspend", "funnel", "appropriate", "waste"}
)
MONEY_NOUNS: frozenset[str] = frozenset(
    {"fund", "money", "asset", "budget", "revenue", "proceeds", "resource", "aid", "treasury"}
)
PUBLIC_WORDS: frozenset[str] = frozenset(
    {"public", "state", "government", "budget", "municipal", "federal", "national", "taxpayer"}
)
# Rigging a procurement: "rigged a tender", "manipulated the bidding".
RIG_VERBS: frozenset[str] = frozenset({"rig", "fix", "manipulate", "falsify", "tamper"})
PROCUREMENT_NOUNS: frozenset[str] = frozenset(
    {"tender", "bid", "bidding", "procurement", "auction", "contract", "privatisation"}
)
# What an election is: "rigged the election", "falsified the results", "stuffed ballots".
ELECTION_NOUNS: frozenset[str] = frozenset(
    {"election", "vote", "ballot", "poll", "result", "count", "referendum", "tally", "returns"}
)
ELECTION_RIG_VERBS: frozenset[str] = RIG_VERBS | frozenset({"stuff", "steal", "doctor", "alter"})
ELECTION_WORDS: frozenset[str] = frozenset(
    {"election", "electoral", "vote", "voter", "voting", "ballot", "poll", "referendum"}
)
# Procurement or accounts the text calls sham: "fictitious tenders", "inflated contracts".
SHAM_WORDS: frozenset[str] = frozenset(
    {"fictitious", "fraudulent", "inflated", "rigged", "sham", "bogus", "fake", "overpriced"}
    | {"underpriced", "overvalued", "undervalued", "padded"}
)
PAPER_NOUNS: frozenset[str] = PROCUREMENT_NOUNS | frozenset(
    {"invoice", "procedure", "purchase", "payment", "accounting", "account", "scheme"}
)
# "for personal gain", "for his own benefit", "for private profit".
GAIN_NOUNS: frozenset[str] = frozenset({"gain", "benefit", "enrichment", "profit", "advantage"})
OWN_WORDS: frozenset[str] = frozenset(
    {"personal", "private", "own", "his", "her", "their", "financial", "illicit", "illegal"}
)
# Corrupt verbs that, as a participle on public money, name the act: "misappropriated funds".
ASSET_PARTICIPLES: frozenset[str] = frozenset(
    {"misappropriate", "embezzle", "steal", "loot", "siphon", "divert", "launder", "plunder"}
)


# Exposing, investigating or fighting an act: what they govern is someone else's act.
EXPOSING_VERBS: frozenset[str] = frozenset(
    {
        "expose",
        "investigate",
        "uncover",
        "reveal",
        "document",
        "report",
        "denounce",
        "condemn",
        "fight",
        "combat",
        "oppose",
        "protest",
        "probe",
        "recover",
        "return",
        "trace",
        "prevent",
        "stop",
        "end",
        "criticise",
        "criticize",
        "publicise",
        "publicize",
        "research",
        "monitor",
    }
)
# Verbs that talk about, check or undo a deal rather than make it: "exposed inflated
# contracts", "audited the tender", "annulled the fictitious invoices".
EXAMINING_VERBS: frozenset[str] = EXPOSING_VERBS | frozenset(
    {
        "say",
        "claim",
        "allege",
        "describe",
        "publish",
        "write",
        "tell",
        "accuse",
        "find",
        "discover",
        "detect",
        "audit",
        "review",
        "examine",
        "question",
        "challenge",
        "cancel",
        "annul",
        "scrutinise",
        "scrutinize",
        "flag",
        "highlight",
        "note",
        "cite",
        "refuse",
        "reject",
        "decline",
        "deny",
        "resist",
        "warn",
        "complain",
        "film",
        "photograph",
        "record",
    }
)


def _lemma(token: Token) -> str:
    value = token.lemma_.lower()
    return value if value != "" else token.lower_


def _objects(verb: Token) -> list[Token]:
    """A verb's objects and the nouns of its "for"/"in" phrases ("asked for bribes",
    "accepted $600,000 in bribes")."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "attr", "oprd", "nsubjpass"}:
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
        if child.dep_ == "prep" and child.lower_ in {"for", "in", "as"}:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    for noun in list(out):
        for prep in noun.children:
            # "USD 600,000 in bribes", "a share of the kickbacks"; not "reports of bribes"
            if prep.dep_ == "prep" and (
                prep.lower_ == "in" or (prep.lower_ == "of" and _amount(noun))
            ):
                out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


AMOUNT_NOUNS: frozenset[str] = frozenset(
    {"share", "portion", "part", "cut", "sum", "amount", "million", "billion", "thousand"}
)


def _amount(noun: Token) -> bool:
    return noun.like_num or noun.ent_type_ == "MONEY" or _lemma(noun) in AMOUNT_NOUNS


def _names_bribe(noun: Token) -> bool:
    """ "bribes", "kickbacks", "bribe money"; not "a bribery complaint"."""
    return _lemma(noun) in BRIBE_NOUNS or (
        _lemma(noun) in MONEY_NOUNS | {"payment", "cash"}
        and any(c.dep_ in {"compound", "amod"} and _lemma(c) in BRIBE_NOUNS for c in noun.children)
    )


def public_money(noun: Token) -> bool:
    """ "public funds", "state money", "the regional budget", "funds from the budget"."""
    if _lemma(noun) not in MONEY_NOUNS:
        return False
    if _lemma(noun) in {"budget", "treasury"}:
        return True
    words = {_lemma(c) for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}:
            words.update(_lemma(p) for p in prep.children if p.dep_ == "pobj")
    return len(words & PUBLIC_WORDS) > 0


def sham_paper(noun: Token) -> bool:
    """ "fictitious procurement procedures", "inflated contracts", "fraudulent invoices"."""
    return _lemma(noun) in PAPER_NOUNS and any(
        c.dep_ in {"amod", "compound"} and _lemma(c) in SHAM_WORDS for c in noun.children
    )


def _purpose_preps(word: Token) -> list[Token]:
    """The "for" phrases of a word and of the noun phrases it governs ("controlled
    contracts in the ports for personal gain"), not inside clauses."""
    out: list[Token] = []
    stack = [word]
    while len(stack) > 0:
        token = stack.pop()
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                out.append(child)
            if child.dep_ in {"dobj", "obj", "pobj", "conj", "prep"} and child.pos_ != "VERB":
                stack.append(child)
    return out


def private_gain(verb: Token) -> bool:
    """The word's own purpose phrase says it was for personal gain."""
    for prep in _purpose_preps(verb):
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if _lemma(noun) == "self-enrichment":
                return True
            if _lemma(noun) in GAIN_NOUNS and any(
                _lemma(c) in OWN_WORDS or c.lower_ in OWN_WORDS
                for c in noun.children
                if c.dep_ in {"amod", "poss", "compound"}
            ):
                return True
    return False


def corrupt_verb(verb: Token) -> bool:
    """Whether a verb with its own dependents names corrupt conduct."""
    word = _lemma(verb)
    if word in EXAMINING_VERBS:
        return False  # "exposed the inflated contracts": someone else's deal
    objects = _objects(verb)
    if word in BRIBE_VERBS and any(_names_bribe(o) for o in objects):
        return True
    if exchanged_for_money(verb):
        return True
    if word in MISUSE_VERBS and any(public_money(o) for o in objects):
        return True
    if word in RIG_VERBS and any(
        _lemma(o) in PROCUREMENT_NOUNS
        or (
            _lemma(o) in {"result", "outcome"}
            and any(
                _lemma(p) in PROCUREMENT_NOUNS
                for prep in o.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
            )
        )
        for o in objects
    ):
        return True  # "rigged a tender", "fixed the results of the tender"
    means = [
        p
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in {"through", "via", "from", "by"}
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if any(sham_paper(o) for o in [*objects, *means]):
        # "set up fictitious procurement procedures", "award inflated contracts",
        # "earned millions through underpriced mining contracts"
        return True
    return private_gain(verb)


EXCHANGE_NOUNS: frozenset[str] = BRIBE_NOUNS | frozenset(
    {"money", "cash", "payment", "favor", "favour", "gift", "share", "cut"}
)


def exchanged_for_money(verb: Token) -> bool:
    """ "appointed officials in exchange for money", "in return for bribes"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or _lemma(noun) not in {"exchange", "return"}:
                continue
            for inner in noun.children:
                if (
                    inner.dep_ == "prep"
                    and inner.lower_ == "for"
                    and any(
                        p.dep_ == "pobj" and _lemma(p) in EXCHANGE_NOUNS for p in inner.children
                    )
                ):
                    return True
    return False


def rigs_election(verb: Token) -> bool:
    """ "rigged the election", "falsified the vote count", "stuffed ballot boxes"."""
    if _lemma(verb) not in ELECTION_RIG_VERBS:
        return False
    for obj in _objects(verb):
        words = {_lemma(obj)} | {_lemma(c) for c in obj.children if c.dep_ in {"compound", "amod"}}
        if _lemma(obj) in ELECTION_NOUNS and (
            _lemma(obj) not in {"result", "count", "tally", "returns"} or words & ELECTION_WORDS
        ):
            return True
        if words & ELECTION_WORDS and _lemma(obj) in {"box", "result", "count", "tally", "list"}:
            return True
    return False


def election_fraud_noun(noun: Token) -> bool:
    """ "election fraud", "electoral fraud", "vote-rigging", "the rigging of the election"."""
    word = _lemma(noun)
    if word in {"vote-rigging", "ballot-stuffing", "vote-buying"}:
        return True
    if word not in {"fraud", "rigging", "falsification", "manipulation", "stuffing", "buying"}:
        return False
    around = {_lemma(c) for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            around.update(_lemma(p) for p in prep.children if p.dep_ == "pobj")
    return len(around & (ELECTION_WORDS | {"election", "result"})) > 0


def misused_money(noun: Token) -> bool:
    """ "misappropriated public funds", "embezzled state assets": a corrupt participle on
    public money names the act (read only where the frame names conduct: "engaged in",
    "accused of", never a bare mention such as "recovered stolen funds")."""
    return public_money(noun) and any(
        c.dep_ == "amod" and _lemma(c) in ASSET_PARTICIPLES for c in noun.children
    )


def influence_peddling(noun: Token) -> bool:
    """ "influence peddling", "trading in influence", "peddling influence"."""
    word = _lemma(noun)
    if word not in {"peddling", "trading", "trafficking"}:
        return False
    around = {_lemma(c) for c in noun.children}
    return "influence" in around or any(
        _lemma(p) == "influence" for c in noun.children for p in c.children
    )
