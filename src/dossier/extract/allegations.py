"""What a sentence alleges: the category lexicon and trigger classification.

A *trigger* is a verb or noun whose lemma names conduct in one of the
``model.Category`` values ("tortured", "torture", "skimmed", "circumvent").
Lexicons list words, never names: who did what to whom is decided by
``agency`` from the dependency parse. Every lexicon value goes through
``check_vocabulary`` at import, so a typo in a category fails loudly.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract import conduct
from dossier.model import CATEGORIES, Category, check_vocabulary

# Verbs (by lemma) that name an act in a category; the grammatical subject of
# the active verb did it, the object or passive subject suffered it.
_ACT_VERBS: dict[str, str] = {
    # killing
    "kill": "killing",
    "murder": "killing",
    "shoot": "killing",
    "execute": "killing",
    "assassinate": "killing",
    "fire": "killing",
    "massacre": "killing",
    # torture and ill-treatment
    "torture": "torture",
    "beat": "torture",
    "rape": "sexual_violence",
    "rap": "sexual_violence",  # the small model lemmatises "raped" as "rap"
    "abuse": "torture",
    "mistreat": "torture",
    "maltreat": "torture",
    "ill-treat": "torture",
    "brutalise": "torture",
    "brutalize": "torture",
    "injure": "torture",
    "wound": "torture",
    # arbitrary detention
    "detain": "detention",
    "arrest": "detention",
    "imprison": "detention",
    "jail": "detention",
    "abduct": "detention",
    "kidnap": "detention",
    "sentence": "unjust_conviction",
    "convict": "unjust_conviction",
    "conscript": "detention",
    "disappear": "enforced_disappearance",
    # slavery and forced labour
    "enslave": "forced_labour",
    # persecution
    "persecute": "persecution",
    "prosecute": "persecution",
    "threaten": "persecution",
    "intimidate": "persecution",
    "harass": "persecution",
    "repress": "persecution",
    "pressure": "persecution",
    "interrogate": "persecution",
    "summon": "persecution",
    "question": "persecution",
    "search": "persecution",
    "seize": "persecution",
    "charge": "persecution",
    "suppress": "persecution",
    "silence": "persecution",
    "blackmail": "persecution",
    "ban": "persecution",
    # corruption
    "embezzle": "corruption",
    "misappropriate": "corruption",
    "steal": "corruption",
    "plunder": "corruption",
    "loot": "corruption",
    "bribe": "corruption",
    "skim": "corruption",
    "siphon": "corruption",
    "defraud": "corruption",
    "extort": "corruption",
    "pilfer": "corruption",
    "embezzel": "corruption",  # the small model's lemma of "embezzling"
    # laundering, concealment of assets
    "launder": "laundering",
    # sanctions circumvention
    "circumvent": "sanctions_evasion",
    "evade": "sanctions_evasion",
    "bypass": "sanctions_evasion",
    "dodge": "sanctions_evasion",
}

# Nouns (by lemma) that name an act; "X's torture", "torture of/against X".
_ACT_NOUNS: dict[str, str] = {
    "killing": "killing",
    "murder": "killing",
    "shooting": "killing",
    "execution": "killing",
    "assassination": "killing",
    "gunfire": "killing",
    "massacre": "killing",
    "genocide": "killing",
    "death": "killing",
    "shoot-to-kill": "killing",
    "torture": "torture",
    "beating": "torture",
    "rape": "sexual_violence",
    "abuse": "rights_abuse",
    "violation": "rights_abuse",
    "atrocity": "rights_abuse",
    "ill-treatment": "torture",
    "mistreatment": "torture",
    "violence": "torture",
    "brutality": "torture",
    "detention": "detention",
    "arrest": "detention",
    "imprisonment": "detention",
    "abduction": "detention",
    "kidnapping": "detention",
    "disappearance": "enforced_disappearance",
    "slavery": "forced_labour",
    "enslavement": "forced_labour",
    "servitude": "forced_labour",
    "hostage": "detention",
    "persecution": "persecution",
    "prosecution": "persecution",
    "repression": "persecution",
    "intimidation": "persecution",
    "harassment": "persecution",
    "threat": "persecution",
    "pressure": "persecution",
    "reprisal": "persecution",
    "crackdown": "persecution",
    "suppression": "persecution",
    "corruption": "corruption",
    "kleptocracy": "corruption",
    "embezzlement": "corruption",
    "misappropriation": "corruption",
    "bribery": "corruption",
    "bribe": "corruption",
    "theft": "corruption",
    "plunder": "corruption",
    "looting": "corruption",
    "kickback": "corruption",
    "graft": "corruption",
    "fraud": "corruption",
    "extortion": "corruption",
    "racketeering": "corruption",
    "nepotism": "corruption",
    "cronyism": "corruption",
    "malfeasance": "corruption",
    "self-enrichment": "corruption",
    "bribe-taking": "corruption",
    "bribetaking": "corruption",
    "payoff": "corruption",
    "pay-off": "corruption",
    "laundering": "laundering",
    "circumvention": "sanctions_evasion",
    "evasion": "sanctions_evasion",
    "cover-up": "cover_up",
    "impunity": "cover_up",
    "whitewash": "cover_up",
}

# Verbs whose subject gave an order: the category comes from what was ordered.
ORDER_VERBS: frozenset[str] = frozenset(
    {"order", "authorize", "authorise", "command", "instruct", "direct"}
)
# Nouns for an order, carried by a light verb ("gave the order to shoot").
ORDER_NOUNS: frozenset[str] = frozenset({"order", "command", "instruction", "directive"})
# Light verbs: their subject does what their object noun names.
LIGHT_VERBS: frozenset[str] = frozenset(
    {"give", "issue", "sign", "commit", "carry", "conduct", "perform", "launch", "orchestrate"}
)
# "X was involved in / took part in / is responsible for <act>".
INVOLVEMENT_VERBS: frozenset[str] = frozenset(
    {"involve", "participate", "engage", "take", "create", "organise", "organize"}
)
INVOLVEMENT_ADJECTIVES: frozenset[str] = frozenset({"responsible", "involved", "complicit"})
# Helping someone else do it: "help Sberbank evade the sanctions".
HELP_VERBS: frozenset[str] = frozenset(
    {"help", "assist", "enable", "facilitate", "allow", "aid", "finance", "fund"}
)
# Reported speech: the subject is the source of what follows.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "state",
        "claim",
        "report",
        "tell",
        "write",
        "allege",
        "note",
        "complain",
        "argue",
        "declare",
        "testify",
        "announce",
        "point",
        "confirm",
        "insist",
        "add",
        "explain",
        "suggest",
        "warn",
        "recall",
        "describe",
        "identify",
    }
)
# Calls for accountability: the subject is an advocate.
ADVOCACY_VERBS: frozenset[str] = frozenset(
    {"urge", "call", "demand", "appeal", "campaign", "petition", "echo", "press", "lobby", "ask"}
)
# Seeing it happen.
WITNESS_VERBS: frozenset[str] = frozenset({"witness", "see", "observe"})
# Suffering it: "X suffered wounds", "X faced pressure", "X was subjected to torture".
SUFFER_VERBS: frozenset[str] = frozenset(
    {"suffer", "sustain", "receive", "face", "endure", "undergo", "subject", "experience"}
)
INJURY_NOUNS: frozenset[str] = frozenset({"wound", "injury", "gunshot", "bullet", "shrapnel"})
DEATH_VERBS: frozenset[str] = frozenset({"die", "perish"})
# Light verbs of duration: "continued the practice of persecution", "stepped up repression".
CONTINUE_VERBS: frozenset[str] = frozenset(
    {"continue", "pursue", "intensify", "escalate", "maintain", "step", "resume", "wage", "unleash"}
)
# Nouns for a course of conduct, named by their "of" phrase ("the practice of torture").
PRACTICE_NOUNS: frozenset[str] = frozenset(
    {"practice", "policy", "campaign", "wave", "pattern", "series", "climate", "system"}
)
# Who stands behind an act done by a body the person heads or commands
# ("Tokayev's government persecuted ...", "X's forces fired at ...").
REGIME_NOUNS: frozenset[str] = frozenset(
    {
        "government",
        "regime",
        "administration",
        "authority",
        "force",
        "troop",
        "police",
        "army",
        "military",
        "service",
        "guard",
        "presidency",
        "rule",
        "policy",
        "henchman",
        "loyalist",
        "general",
        "officer",
        "soldier",
        "militia",
        "subordinate",
        "unit",
        "agent",
        "network",
    }
)
# An official's public claims the text calls false or unsupported.
CLAIM_NOUNS: frozenset[str] = frozenset({"claim", "assertion", "statement", "narrative", "version"})
DISPROVE_VERBS: frozenset[str] = frozenset(
    {"disprove", "refute", "debunk", "contradict", "rebut", "belie", "falsify"}
)
FALSE_ADJECTIVES: frozenset[str] = frozenset(
    {"false", "baseless", "unfounded", "unsubstantiated", "groundless", "fabricated", "untrue"}
)
FALSE_ADVERBS: frozenset[str] = frozenset({"falsely", "baselessly", "groundlessly", "wrongly"})
EVIDENCE_NOUNS: frozenset[str] = frozenset({"evidence", "proof", "substantiation", "basis"})
GIVING_VERBS: frozenset[str] = frozenset(
    {"provide", "give", "offer", "present", "produce", "cite", "show", "supply"}
)
# Covering up: "covering up", "failed to investigate", "sabotage the investigation".
COVER_VERBS: frozenset[str] = frozenset(
    {"cover", "conceal", "hide", "whitewash", "sabotage", "obstruct", "ignore", "deny", "drag"}
)
# What a failure/refusal is about: "failed to investigate / bring to justice".
ACCOUNTABILITY_LEMMAS: frozenset[str] = frozenset(
    {
        "investigate",
        "investigation",
        "justice",
        "prosecute",
        "punish",
        "accountable",
        "protect",
        "prevent",
        "respond",
        "response",
        "act",
        "identify",
        "conduct",
    }
)
FAIL_VERBS: frozenset[str] = frozenset({"fail", "refuse", "neglect", "decline"})
# Repeating the authorities' line while abuses are denied (whitewashing).
WHITEWASH_NOUNS: frozenset[str] = frozenset({"rhetoric", "agenda", "propaganda", "narrative"})
WHITEWASH_VERBS: frozenset[str] = frozenset({"repeat", "push", "support", "spread", "promote"})
# Dealing with sanctioned parties: "purchasing assets from banks under sanctions".
TRADE_VERBS: frozenset[str] = frozenset(
    {"purchase", "buy", "acquire", "finance", "fund", "supply", "sell", "trade", "redirect"}
)
# Objects that turn concealment into laundering.
ASSET_NOUNS: frozenset[str] = frozenset(
    {"asset", "money", "wealth", "fund", "property", "fortune", "proceeds", "billion", "million"}
)
# "X is a figurehead / front / nominee": a person through whom assets are held.
FRONT_NOUNS: frozenset[str] = frozenset({"figurehead", "front", "nominee", "proxy", "frontman"})
# Sanctions vocabulary: "impose sanctions on X", "X should be sanctioned".
SANCTION_LEMMAS: frozenset[str] = frozenset({"sanction", "designation", "designate"})
SANCTION_VERBS: frozenset[str] = frozenset(
    {"impose", "introduce", "apply", "issue", "put", "target", "place", "adopt"}
)
EXPOSING_VERBS: frozenset[str] = conduct.EXPOSING_VERBS
# Words that make an act hypothetical rather than reported as done.
IRREALIS_LEMMAS: frozenset[str] = frozenset(
    {"threaten", "attempt", "try", "plan", "fear", "want", "risk", "if", "whether", "would"}
    # refusals and denials: "refused to take bribes", "denied receiving bribes"
    | {"refuse", "decline", "reject", "deny", "resist"}
)

# Most serious first: when one sentence gives one entity several findings.
SEVERITY: tuple[str, ...] = (
    "killing",
    "enforced_disappearance",
    "torture",
    "sexual_violence",
    "forced_labour",
    "detention",
    "unjust_conviction",
    "rights_abuse",
    "persecution",
    "corruption",
    "laundering",
    "sanctions_evasion",
    "election_fraud",
    "cover_up",
    "designation",
    "sanctions_call",
    "context",
)


def _checked(table: dict[str, str]) -> dict[str, Category]:
    out: dict[str, Category] = {}
    for word, category in table.items():
        out[word] = check_category(category)
    return out


def check_category(value: str) -> Category:
    """Strict lookup of a category name (fails on unknown values)."""
    check_vocabulary(value, CATEGORIES, "category")
    return value  # type: ignore[return-value]


ACT_VERBS: dict[str, Category] = _checked(_ACT_VERBS)
ACT_NOUNS: dict[str, Category] = _checked(_ACT_NOUNS)
VIOLENT: frozenset[str] = frozenset(SEVERITY[: SEVERITY.index("corruption")])  # abuses of people
# Physical violence or deprivation of liberty: what makes a victim a victim.
PHYSICAL: frozenset[str] = VIOLENT - {"persecution", "rights_abuse"}


if set(SEVERITY) != set(CATEGORIES) or len(SEVERITY) != len(CATEGORIES):
    raise RuntimeError("SEVERITY does not rank the Category vocabulary exactly")


def severity(category: str) -> int:
    """Rank of a category; lower is more serious."""
    return SEVERITY.index(check_category(category))


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-case text."""
    value = token.lemma_.lower()
    return value if value != "" else token.lower_


def is_modifier(token: Token) -> bool:
    """A word used as a modifier ("torture victim", "detention facility")."""
    return token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in {"NOUN", "PROPN"}


def act_category(token: Token) -> Category | None:
    """The category a verb or noun names as an act, or None."""
    if is_modifier(token) and token.lower_ != "kill":
        return None
    word = lemma(token)
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        if word == "shoot" and token.head.lower_ == "to":
            return "killing"
        if word == "fire" and not any(
            (c.dep_ == "prep" and c.lower_ in {"at", "on", "into"})
            or (c.dep_ == "dobj" and lemma(c) in {"shot", "bullet", "round", "weapon"})
            for c in token.children
        ):
            return None  # "fired the officials" is a dismissal, "fired at" a shooting
        found = ACT_VERBS.get(word)
        if word == "abuse" and _abuse_of_office(token):
            return "corruption"  # "abused their official positions"
        if word in {"force", "compel", "coerce"} and any(
            act_category(w) == "forced_labour" for w in token.subtree if w.i != token.i
        ):
            return "forced_labour"  # "forced the villagers into forced labour"
        if found is None and conduct.rigs_election(token):
            return "election_fraud"
        if found is None and conduct.corrupt_verb(token):
            return "corruption"  # "received bribes", "rigged a tender", "for personal gain"
        if found is None and token.pos_ == "VERB" and word in ACT_NOUNS:
            return None
        if word in {"conceal", "hide", "stash"} and objects_mention_assets(token):
            return "laundering"
        if word in TRADE_VERBS and any(lemma(w) in SANCTION_LEMMAS for w in token.subtree):
            return "sanctions_evasion"  # buying from / financing sanctioned parties
        if word in {"wound", "injure", "beat"} and any(
            c.lower_ in {"fatally", "mortally"} or lemma(c) == "death" for c in token.subtree
        ):
            return "killing"
        if (
            found is None
            and word in {"violate", "trample"}
            and any(
                c.dep_ == "dobj" and lemma(c) in {"right", "freedom", "liberty"}
                for c in token.children
            )
        ):
            return "rights_abuse"  # "violated the human rights of", "violate basic freedoms"
        return found
    if token.pos_ in {"NOUN", "PROPN"}:
        if word in WHITEWASH_NOUNS and lemma(token.head) in WHITEWASH_VERBS:
            return "cover_up"
        modifiers = {lemma(c) for c in token.children if c.dep_ in {"amod", "compound", "advmod"}}
        if word in {"violence", "abuse", "assault", "harassment", "exploitation"} and (
            modifiers & SEXUAL_WORDS
        ):
            return "sexual_violence"
        if word in LABOUR_NOUNS and modifiers & FORCED_WORDS:
            return "forced_labour"
        if word == "marriage" and modifiers & (FORCED_WORDS | {"child", "early"}):
            return "sexual_violence"  # "forced marriages", "child marriage"
        if word in {"conversion", "displacement", "eviction"} and modifiers & FORCED_WORDS:
            return "persecution"  # "forced conversions", "forced displacement"
        if word in CAMPAIGN_NOUNS and modifiers & VIOLENT_WORDS:
            # "leading violent campaigns against the minority", "a brutal operation"
            return "killing" if modifiers & LETHAL_WORDS else "torture"
        if word in CONDUCT_NOUNS and modifiers & {"corrupt", "fraudulent"}:
            return "corruption"  # "corrupt practices", "fraudulent dealings"
        if word in {"conviction", "sentence", "verdict", "trial"} and modifiers & UNJUST_WORDS:
            return "unjust_conviction"
        if word == "abuse" and _abuse_of_office(token):
            return "corruption"
        if conduct.election_fraud_noun(token):
            return "election_fraud"
        if conduct.influence_peddling(token) or conduct.sham_paper(token):
            return "corruption"
        if word in {"misuse", "misappropriation"} and _abuse_of_office(token):
            return "corruption"
        if word == "crime" and ({"war"} & modifiers or _about_rights(token)):
            return "rights_abuse"  # "war crimes", "crimes against humanity"
        if word in {"abuse", "violation"} and not _about_rights(token):
            return "torture" if word == "abuse" and "physical" in modifiers else None
        found = ACT_NOUNS.get(word)
        if found is None:
            found = ACT_NOUNS.get(token.lower_)
        return found
    return None


# Nouns for conduct in general, named by an adjective: "corrupt practices".
CONDUCT_NOUNS: frozenset[str] = frozenset(
    {"practice", "dealing", "deal", "activity", "act", "conduct", "scheme", "behaviour", "behavior"}
)
# Organised action named violent by its adjective: "violent campaigns", "a deadly raid".
CAMPAIGN_NOUNS: frozenset[str] = frozenset(
    {"campaign", "operation", "attack", "raid", "offensive", "assault", "onslaught"}
)
LETHAL_WORDS: frozenset[str] = frozenset({"deadly", "lethal", "bloody", "murderous"})
VIOLENT_WORDS: frozenset[str] = LETHAL_WORDS | frozenset({"violent", "brutal", "armed"})
SEXUAL_WORDS: frozenset[str] = frozenset({"sexual", "gender-based", "sexually"})
LABOUR_NOUNS: frozenset[str] = frozenset({"labour", "labor", "work", "servitude"})
FORCED_WORDS: frozenset[str] = frozenset({"forced", "force", "compulsory", "slave", "bonded"})
UNJUST_WORDS: frozenset[str] = frozenset(
    {
        "unjust",
        "unfair",
        "wrongful",
        "political",
        "politically",
        "fabricated",
        "sham",
        "arbitrary",
        "show",
        "baseless",
        "trumped-up",
    }
)
OFFICE_WORDS: frozenset[str] = frozenset(
    {"power", "office", "position", "authority", "status", "influence", "function"}
)


def _abuse_of_office(token: Token) -> bool:
    """ "abuse of office", "abused their official positions"."""
    for child in token.children:
        if child.dep_ == "dobj" and lemma(child) in OFFICE_WORDS:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(lemma(p) in OFFICE_WORDS for p in child.children if p.dep_ == "pobj")
        ):
            return True
    return False


def _about_rights(noun: Token) -> bool:
    """ "human rights abuses", "violations of human rights", "serious abuses": abuse or
    violation means a rights abuse only when the phrase says so or is serious."""
    words = {lemma(w) for w in noun.subtree} | {lemma(w) for w in noun.head.children}
    if "right" in words or "humanitarian" in words or "humanity" in words:
        return True
    modifiers = {lemma(c) for c in noun.children if c.dep_ == "amod"}
    return len(modifiers & {"serious", "gross", "grave", "systematic", "widespread"}) > 0


def unsupported_speech(verb: Token) -> bool:
    """ "X claimed ... without providing any evidence", "X falsely claimed"."""
    if any(c.dep_ == "advmod" and lemma(c) in FALSE_ADVERBS for c in verb.children):
        return True
    for word in verb.subtree:
        if word.lower_ != "without":
            continue
        for gerund in word.children:
            if (
                gerund.dep_ == "pcomp"
                and lemma(gerund) in GIVING_VERBS
                and any(lemma(o) in EVIDENCE_NOUNS for o in gerund.children if o.dep_ == "dobj")
            ):
                return True
    return False


def discredited_claim(noun: Token) -> bool:
    """ "disproving X's claims", "X's baseless claims", "X's claims were refuted"."""
    if lemma(noun) not in CLAIM_NOUNS:
        return False
    if any(c.dep_ == "amod" and lemma(c) in FALSE_ADJECTIVES for c in noun.children):
        return True
    head = noun.head
    if lemma(head) in DISPROVE_VERBS and noun.dep_ in {"dobj", "nsubjpass"}:
        return not is_negated(head) and not is_irrealis(head)
    return False


def practice_category(noun: Token) -> Category | None:
    """ "the practice of political persecution": the act a course-of-conduct noun names."""
    found = act_category(noun)
    if found is not None or lemma(noun) not in PRACTICE_NOUNS:
        return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = act_category(pobj)
                    if found is not None:
                        return found
    return None


def objects_mention_assets(token: Token) -> bool:
    """Whether a verb's objects talk about money or assets."""
    for child in token.children:
        if child.dep_ in {"dobj", "obj", "attr", "prep", "dative"}:
            for word in child.subtree:
                if lemma(word) in ASSET_NOUNS:
                    return True
    return False


def is_negated(token: Token) -> bool:
    """ "did not torture", "never", "no one was brought to justice"."""
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and child.lower_ in {
            "nobody",
            "nothing",
            "none",
        }:
            return True
        if child.lower_ == "no" and child.dep_ == "det":
            return True
        if child.dep_ in {"nsubj", "nsubjpass"}:
            for grand in child.children:
                if grand.dep_ == "det" and grand.lower_ == "no":
                    return True
    return False


def is_irrealis(token: Token) -> bool:
    """Threats, plans and conditions: "threatened with being killed", "even if I get killed"."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "mark" and child.lower_ in {"if", "whether"}:
                return True
        if current.head.i == current.i:
            return False
        parent = current.head
        if lemma(parent) in IRREALIS_LEMMAS and parent.i != token.i:
            return True
        current = parent
    return False


INQUIRY_NOUNS: frozenset[str] = ACCOUNTABILITY_LEMMAS | frozenset(
    {"inquiry", "probe", "prosecution", "trial", "case", "audit", "investigator", "prosecutor"}
    | {"complaint", "inquest", "testimony", "evidence"}
)


def obstructs(verb: Token) -> bool:
    """ "blocking corruption investigations", "obstructed the inquiry", "interfered with
    the investigation"."""
    word = lemma(verb)
    if word in COVER_VERBS | {"block", "undermine", "impede", "hinder", "thwart", "stall"}:
        return any(c.dep_ == "dobj" and lemma(c) in INQUIRY_NOUNS for c in verb.children)
    if word in {"interfere", "meddle", "tamper"}:
        return any(
            c.dep_ == "prep"
            and c.lower_ in {"with", "in"}
            and any(lemma(p) in INQUIRY_NOUNS | {"justice", "witness"} for p in c.children)
            for c in verb.children
        )
    return False


def subtree_category(
    root: Token, exclude: set[int] | None = None, keep_subjects: bool = False
) -> Category | None:
    """The most serious act category named inside ``root``'s subtree.

    Conjoined clauses and subjects are left out: they say something else.
    """
    skip = exclude if exclude is not None else set()
    best: Category | None = None
    stack = [root]
    while len(stack) > 0:
        token = stack.pop()
        if token.i in skip:
            continue
        if token.i != root.i or root.pos_ in {"NOUN", "PROPN"}:
            found = act_category(token)
            if found is None and token.lower_ in {"shoot-to-kill"}:
                found = "killing"
            if found is not None and (best is None or severity(found) < severity(best)):
                best = found
        if token.i != root.i and token.pos_ == "VERB" and obstructs(token):
            best = "cover_up" if best is None or severity(best) > severity("cover_up") else best
            continue  # "for obstructing the investigation into the killing": a cover-up
        if token.i != root.i and lemma(token) in EXPOSING_VERBS and token.pos_ == "VERB":
            continue  # "helped expose officials who took bribes": their act, not the helper's
        if token.i != root.i and lemma(token) in {"investigation", "inquiry", "probe"}:
            continue  # what an investigation is into is not the act of whoever governs it
        for child in token.children:
            if token.i == root.i and child.dep_ in {"conj", "cc", "punct", "mark"}:
                continue
            if token.i == root.i and child.dep_ in {"nsubj", "nsubjpass"} and not keep_subjects:
                continue
            stack.append(child)
    return best


def sentence_category(sent: Span) -> Category | None:
    """The most serious act any predicate of the sentence names."""
    best: Category | None = None
    for token in sent:
        if token.dep_ in {"acl", "relcl", "amod", "compound"}:
            continue
        found = act_category(token)
        if found is not None and (best is None or severity(found) < severity(best)):
            best = found
    return best
