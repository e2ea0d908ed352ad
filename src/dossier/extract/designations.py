"""Existing designations: an authority designated, sanctioned, listed or barred someone.

Two halves. The token tests (``designation_verb``, ``sanction_noun``,
``proposed``, ``reason_category``) let ``agency`` recognise the frames ("OFAC
sanctioned X for ...", "X is designated pursuant to ...", "sanctions on X",
"the designation of X", "the individuals designated today are X and Y").
``describe`` then reads, from the passage that matched, who designated
(``authority``), under which regime or order (``program``), when, for what
(``reason``) and with which measures. Every value is as the source writes it,
normalised only by the tables below; what the passage does not say stays None.
Names are never looked up: authorities and programmes are institutions and
instruments, not people.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from dossier.extract import allegations as lex
from dossier.extract.allegations import lemma
from dossier.model import Category, Designation

# Verbs that designate by themselves ("OFAC sanctioned X", "is designating X").
STRONG_VERBS: frozenset[str] = frozenset({"designate", "sanction", "blacklist"})
# Verbs that designate only in a sanctions context ("blocked X from the U.S. financial
# system", "the new lists target X", "X was added", "banned X from entering").
WEAK_VERBS: frozenset[str] = frozenset(
    {"target", "block", "bar", "ban", "list", "add", "include", "hit", "place", "put"}
    | {"freeze", "penalize", "penalise", "name"}
)
# Nouns that are a designation ("sanctions on X", "the designation of X").
SANCTION_NOUNS: frozenset[str] = frozenset(
    {"sanction", "designation", "blacklisting", "listing", "blacklist"}
)
# Nouns that are a designation with a modifier ("visa restrictions", "travel ban",
# "asset freeze", "restrictive measures").
MEASURE_NOUNS: frozenset[str] = frozenset({"ban", "restriction", "freeze", "measure", "penalty"})
MEASURE_MODIFIERS: frozenset[str] = frozenset(
    {"visa", "travel", "entry", "asset", "restrictive", "economic", "financial", "targeted"}
)
AUTHORITY_NOUNS: frozenset[str] = frozenset(
    {"council", "department", "government", "treasury", "administration", "ministry", "office"}
    | {"agency", "commission", "bureau"}
)
LIST_NOUNS: frozenset[str] = frozenset({"list", "annex", "schedule", "register"})
# Words that make a designation a proposal: "urge the imposition of sanctions on X",
# "X should be sanctioned", "calling for sanctions on X".
PROPOSAL_WORDS: frozenset[str] = frozenset(
    lex.ADVOCACY_VERBS
    | {"should", "must", "could", "would", "might", "may", "will", "campaign", "consider"}
    | {"recommend", "propose", "seek", "want", "threaten", "if", "whether", "calling"}
    | lex.IRREALIS_LEMMAS
)
# Prepositions and phrases that give the reason: "for", "due to", "over", "in
# connection with", "because of", "in response to".
REASON_PREPS: frozenset[str] = frozenset({"for", "over", "because", "due", "in", "after"})
# "for being a leader or official of an entity that engaged in ..."
CONTEXT_WORDS = re.compile(
    r"\b(sanction\w*|designat\w*|blacklist\w*|asset freezes?|freez\w+ .{0,30}assets|"
    r"travel bans?|visa (?:restrictions?|bans?)|restrictive measures|E\.O\.|"
    r"Executive Order|Section 7031|Magnitsky|OFAC|Office of Foreign Assets Control|"
    r"financial system|ineligible for entry|entering the)",
    re.IGNORECASE,
)

# Who designated, as written -> the name shown in section 10 (first match wins).
AUTHORITIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"Office of Foreign Assets Control|\bOFAC\b", "U.S. Treasury, Office of Foreign "
         "Assets Control (OFAC)"),
        (r"\bHM Treasury\b|\bOFSI\b", "HM Treasury, Office of Financial Sanctions "
         "Implementation (OFSI)"),
        (r"\bTreasury\b", "U.S. Department of the Treasury"),
        (r"State Department|Department of State|\bU\.?S\.? Secretary of State\b",
         "U.S. Department of State"),
        (r"\bFCDO\b|Foreign, Commonwealth (?:and|&) Development Office|\bForeign Office\b",
         "UK Foreign, Commonwealth and Development Office (FCDO)"),
        (r"Council of the European Union|\bEU Council\b|\b(?:European|EU) Council\b",
         "Council of the European Union"),
        (r"\bEuropean Union\b|\bEU\b", "European Union"),
        (r"Global Affairs Canada|Government of Canada|Canadian government|\bCanada\b|"
         r"\bOttawa\b", "Government of Canada"),
        (r"United Kingdom|\bUK\b|\bU\.K\.|British government|HM Government",
         "UK Government"),
        (r"United States|\bU\.S\.|\bUS\b|\bWashington\b|Biden administration|"
         r"Trump administration", "U.S. Government"),
    )
)  # fmt: skip

# Regimes and orders -> (as shown, FtM programId where the project knows the regime).
_EO = r"(?:E\.\s?O\.|Executive Order)\s*(?:\(E\.O\.\)\s*|No\.\s*)?(1\d{4})"
PROGRAMS: tuple[tuple[re.Pattern[str], str | None, str | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), shown, program_id)
    for pattern, shown, program_id in (
        (_EO, None, None),  # "E.O. <number>", programId decided by the number
        (r"Section 7031\(c\)", "Section 7031(c)", None),
        (r"Global Magnitsky", "Global Magnitsky (E.O. 13818)", "US-GLOMAG"),
        (r"Global Human Rights Sanctions Regulations(?: 2020)?",
         "Global Human Rights Sanctions Regulations 2020", "GB-HR"),
        (r"Global Anti-Corruption Sanctions Regulations(?: 2021)?",
         "Global Anti-Corruption Sanctions Regulations 2021", "GB-AC"),
        (r"Global Human Rights Sanctions Regime", "EU Global Human Rights Sanctions Regime",
         "EU-HR"),
        (r"Justice for Victims of Corrupt Foreign Officials Act|Sergei Magnitsky Law",
         "Justice for Victims of Corrupt Foreign Officials Act", "CA-JVCFOA"),
        (r"Special Economic Measures Act", "Special Economic Measures Act", None),
        (r"\b[A-Z][a-z]+ \(Sanctions\)(?: \([A-Za-z ]+\))* Regulations \d{4}", "", None),
        (r"\[(?:GLOMAG)\]", "Global Magnitsky (E.O. 13818)", "US-GLOMAG"),
        (r"\[[A-Z]+(?:-[A-Z0-9]+)+\]", "", None),  # an SDN programme tag as written
    )
)  # fmt: skip
EO_PROGRAM_IDS: dict[str, str] = {"13818": "US-GLOMAG"}

MEASURES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name)
    for pattern, name in (
        (r"asset freezes?|freez\w* (?:any |all )?(?:of )?(?:their |his |her |its )?"
         r"(?:[\w-]+ )?assets|assets? (?:will be |are )?frozen", "asset freeze"),
        (r"block(?:s|ed|ing)? .{0,60}(?:property|financial system)|blocking of property",
         "blocking of property"),
        (r"visa restrictions?|visa bans?|restrict\w* (?:[\w.]+ )?entry", "visa restrictions"),
        (r"travel bans?|banned from entering|ineligible for entry|inadmissible to|"
         r"from entering", "travel ban"),
        (r"prohibit\w* dealings|banned from transactions|barred from having any business"
         r"|financial transactions with", "dealings prohibited"),
    )
)  # fmt: skip
TODAY = re.compile(r"\b(?:today|this week|on (?:monday|tuesday|wednesday|thursday|friday|"
                   r"saturday|sunday))\b", re.IGNORECASE)  # fmt: skip


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def in_context(token: Token) -> bool:
    """Whether the sentence of ``token``, or the one before it, speaks of sanctions."""
    sent = token.sent
    if CONTEXT_WORDS.search(sent.text) is not None:
        return True
    for _ in range(2):  # the two sentences before: "Two businessmen\nThe council included X"
        if sent.start == 0:
            return False
        sent = token.doc[sent.start - 1].sent
        if CONTEXT_WORDS.search(sent.text) is not None:
            return True
    return False


def proposed(token: Token) -> bool:
    """A designation asked for, planned or hypothetical, not one made."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in {"aux", "mark", "advmod"} and lemma(child) in PROPOSAL_WORDS:
                return True
            if child.dep_ in {"attr", "nsubj", "npadvmod"} and lemma(child) == "time":
                return True  # "it's high time governments impose sanctions on X"
        if current.head.i == current.i:
            return False
        if lemma(current.head) in PROPOSAL_WORDS or current.head.lower_ in PROPOSAL_WORDS:
            return True
        current = current.head
    return False


def sanction_noun(noun: Token) -> bool:
    """ "sanctions", "designation", "visa restrictions", "asset freezes", "travel bans"."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    word = lemma(noun)
    if word in SANCTION_NOUNS or noun.lower_ in {"sanctions", "designations"}:
        return True
    if word == "entry" and noun.dep_ == "dobj" and lemma(noun.head) == "restrict":
        # "the State Department restricted U.S. entry for X": a sanctioning state's entry,
        # or a sanctioning authority restricting it (not a government barring a critic)
        verb = noun.head
        named = [c for c in noun.children if c.dep_ in {"compound", "amod", "poss"}] + [
            c for c in verb.children if c.dep_ == "nsubj"
        ]
        return in_context(noun) and any(
            authority_name(c.doc[c.left_edge.i : c.right_edge.i + 1].text) is not None
            for c in named
        )
    if word in MEASURE_NOUNS:
        around = {lemma(c) for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}}
        if noun.dep_ == "conj":
            around |= {lemma(c) for c in noun.head.children if c.dep_ in {"amod", "compound"}}
        return len(around & MEASURE_MODIFIERS) > 0
    return False


# Measures a designation imposes, as written (the small parser often reads "freezes" in
# "asset freezes and travel bans" as a verb): "asset freezes", "a travel ban".
_MEASURE_WORDS = re.compile(
    r"\b(?:asset[ \u00a0-]+freezes?|travel[ \u00a0]+bans?|visa[ \u00a0]+(?:restrictions?|bans?))\b",
    re.IGNORECASE,
)
# Words that make a measure a threat or a condition, not its effect.
_CONDITIONS: frozenset[str] = frozenset({"if", "unless", "could", "might", "may", "should"})


def names_measures(phrase: Token, bare: bool = True) -> bool:
    """The phrase under ``phrase`` names sanctions measures: "asset freezes and travel
    bans", "US and UK sanctions" (``bare``: "sanctions" alone counts too)."""
    text = phrase.doc[phrase.left_edge.i : phrase.right_edge.i + 1].text
    if _MEASURE_WORDS.search(text) is not None:
        return True
    return bare and any(sanction_noun(t) for t in phrase.subtree)


_SANCTIONS_SAID = re.compile(
    r"sanction|designat|blacklist|asset[ \u00a0-]+freez|\bOFAC\b|Magnitsky", re.IGNORECASE
)


def sanctions_said(token: Token) -> bool:
    """The sentence of ``token`` or the one before speaks of sanctions or an asset freeze
    (a travel ban alone may be a persecuting state's: "the activist faces a travel ban")."""
    sent = token.sent
    before = token.doc[sent.start - 1].sent.text if sent.start > 0 else ""
    return _SANCTIONS_SAID.search(before + " " + sent.text) is not None


def in_effect(verb: Token) -> bool:
    """ "X will face asset freezes and travel bans", "X will be subject to an asset freeze":
    a measure a designation brings (``proposed`` reads "will" as a plan), unless the
    sentence makes it a threat or a condition ("could face", "will face ... if")."""
    if any(t.lower_ in _CONDITIONS for t in verb.sent):
        return False
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ in {"aux", "mark", "advmod"} and lemma(child) in PROPOSAL_WORDS - {
                "will"
            }:
                return False
        if current.head.i == current.i:
            return True
        if current.dep_ not in {"ccomp", "conj"} and (
            lemma(current.head) in PROPOSAL_WORDS or current.head.lower_ in PROPOSAL_WORDS
        ):
            return False
        current = current.head
    return True


HOLDING_VERBS: frozenset[str] = frozenset({"have", "hold", "own", "possess"})
HOLDING_NOUNS: frozenset[str] = frozenset({"asset", "property", "fund", "account", "holding"})
# Subjects of a freeze that are a sanction ("the measure freezes any assets ...").
MEASURE_SUBJECTS: frozenset[str] = frozenset({"measure", "action", "order", "move", "decision"})


def frozen_holding(noun: Token) -> Token | None:
    """ "freezes any assets that X has", "blocks all property X holds": the freeze or block
    of a holding by a sanction or a sanctioning authority, not proposed; None otherwise (a
    government freezing a critic's accounts is no designation)."""
    verb = noun.head
    if lemma(noun) not in HOLDING_NOUNS or noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    if lemma(verb) not in {"freeze", "block"} or lex.is_negated(verb):
        return None
    if proposed(verb) or not sanctions_said(verb):
        return None
    for subject in verb.children:
        if subject.dep_ == "nsubj" and not (
            sanction_noun(subject) or lemma(subject) in MEASURE_SUBJECTS or authority_like(subject)
        ):
            return None
    return verb


def designation_verb(verb: Token) -> bool:
    """A verb that reports a designation made (not asked for)."""
    word = lemma(verb)
    if word in STRONG_VERBS:
        return True
    if word not in WEAK_VERBS:
        return False
    if any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children) or verb.dep_ == "parataxis":
        return False  # "..., Andanar added": speech, not a listing
    if not any(c.dep_ in {"dobj", "nsubjpass", "dative"} for c in verb.children) and not (
        (verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN")
        # "Other officials penalized include X": the small model tags the participle VBD
        or (verb.dep_ == "acl" and verb.tag_ == "VBD" and not _has_subject(verb))
    ):
        return False  # a designation has a designee
    if word in {"ban", "bar"} and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(lemma(g) == "enter" for g in c.subtree)
        for c in verb.children
    ):
        return True  # "banned X from entering the country"
    if word in {"place", "add", "include", "list", "put"}:
        # "placed X on a list of ...", "added to the sanctions list"
        if any(
            c.dep_ == "prep" and any(lemma(g) in LIST_NOUNS for g in c.subtree)
            for c in verb.children
        ) and in_context(verb):
            return True
        # "X has been put under the same sanctions", "placed under sanctions"
        if any(
            c.dep_ == "prep"
            and c.lower_ == "under"
            and any(g.dep_ == "pobj" and sanction_noun(g) for g in c.children)
            for c in verb.children
        ):
            return True
        if word in {"place", "put"}:
            return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(sanction_noun(s) or lemma(s) in LIST_NOUNS for s in subjects):
        return True  # "the latest sanctions target X", "the new lists target X"
    if word == "name":
        return False  # only sanctions or a list name designees; "the report names X" does not
    agents = [s for s in subjects if s.dep_ == "nsubj"]
    if len(agents) > 0 and not any(authority_like(s) for s in agents):
        return False  # "the police targeted X" is no listing, whatever the text is about
    if in_context(verb):
        return True
    # "The council also included two businessmen ..." in a text whose opening is about
    # sanctions, with an authority as the subject.
    lede = verb.doc[: min(len(verb.doc), 120)].text
    return CONTEXT_WORDS.search(lede) is not None and len(agents) > 0


OFFICE_TITLES = re.compile(
    r"\b(?:Secretary|Minister|Director|Chancellor|High Representative|Council|Treasury|"
    r"Department|Government|Administration|OFAC)\b"
)


def authority_like(subject: Token) -> bool:
    """A subject that can designate: a state or institution, or an office holder of one
    ("the council", "OFAC", "the United States", "Secretary of State X")."""
    phrase = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    if lemma(subject) in {"police", "force", "army", "militia", "gang", "soldier", "officer"}:
        return False
    clause = subject.head
    if (
        subject.lower_ in {"it", "they"}
        and clause.dep_ == "ccomp"
        and lemma(clause.head) in {"say", "announce", "state"}
    ):
        # "The Treasury said it was targeting X": the pronoun is the speaker
        return any(
            c.dep_ == "nsubj" and c.lower_ not in {"it", "they"} and authority_like(c)
            for c in clause.head.children
        )
    return (
        (subject.ent_type_ in {"ORG", "GPE", "NORP"} and subject.pos_ == "PROPN")
        or lemma(subject) in AUTHORITY_NOUNS
        or authority_name(phrase) is not None
        or OFFICE_TITLES.search(phrase) is not None
    )


def reason_phrase(trigger: Token) -> Token | None:
    """The "for ..." / "due to ..." / "over ..." phrase of a designation, if any."""
    holders = [trigger]
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.head.pos_ in {"VERB", "AUX"}:
        holders.append(trigger.head)  # "imposed sanctions on X for ..."
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in REASON_PREPS:
                if child.lower_ == "in" and not any(
                    lemma(g) in {"connection", "response", "relation"} for g in child.children
                ):
                    continue
                if child.lower_ == "after" and not any(
                    lemma(g) in lex.ACT_NOUNS for g in child.subtree
                ):
                    continue
                return child
            if child.dep_ == "advcl" and any(m.lower_ == "for" for m in child.children):
                return child
    # The parser lost the phrase ("... under Section 7031(c) due to his involvement in
    # corruption", with "due" made the head of its own clause): the first "due to" /
    # "because of" after the designation, in its sentence (the quoted passage).
    doc = trigger.doc
    for token in doc[trigger.i + 1 : min(trigger.sent.end, len(doc) - 1)]:
        if token.text in {".", ";", "\n"} or "\n" in token.text:
            break  # the parser's sentence may end early; the written one ends here
        if token.lower_ in {"due", "because"} and token.nbor(1).lower_ in {"to", "of"}:
            return token
    return None


LINK_NOUNS: frozenset[str] = frozenset(
    {"link", "tie", "connection", "role", "involvement", "part", "complicity"}
)


def _link_tail(phrase: Token) -> Token | None:
    """ "sanctioned X over their links to the repression of women": the parser hangs
    "to the repression" on the verb; it completes the link noun that ends the reason."""
    nouns = [c for c in phrase.children if c.dep_ == "pobj"]
    if len(nouns) != 1 or lemma(nouns[0]) not in LINK_NOUNS:
        return None
    if any(c.dep_ == "prep" for c in nouns[0].children):
        return None
    after = phrase.right_edge.i + 1
    if after >= len(phrase.doc):
        return None
    tail = phrase.doc[after]
    if tail.dep_ == "prep" and tail.lower_ in {"to", "in", "with"} and tail.head.i == phrase.head.i:
        return tail
    return None


def _reason_words(phrase: Token) -> list[Token]:
    """The words of a reason phrase: its subtree, or, for a phrase the parser made the
    head of the sentence, the words after it."""
    if phrase.left_edge.i < phrase.i or phrase.lower_ in {"due", "because"}:
        words: list[Token] = []
        for token in phrase.doc[phrase.i : phrase.sent.end]:
            if token.text in {".", ";"} or "\n" in token.text:
                break
            words.append(token)
        return words
    return list(phrase.subtree)


def reason_category(trigger: Token) -> Category | None:
    """The conduct a designation is for, from its reason phrase."""
    phrase = reason_phrase(trigger)
    if phrase is None:
        return None
    if phrase.left_edge.i == phrase.i and phrase.lower_ not in {"due", "because"}:
        found = lex.subtree_category(phrase, keep_subjects=True)
        tail = _link_tail(phrase)
        if found is None and tail is not None:
            return lex.subtree_category(tail, keep_subjects=True)
        return found
    best: Category | None = None
    for word in _reason_words(phrase):
        found = lex.act_category(word)
        if found is not None and (best is None or lex.severity(found) < lex.severity(best)):
            best = found
    return best


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def authority_name(text: str) -> str | None:
    """The authority a phrase names, normalised; None if it names none."""
    for pattern, name in AUTHORITIES:
        if pattern.search(text) is not None:
            return name
    return None


def _subject_phrase(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child.doc[child.left_edge.i : child.right_edge.i + 1].text
        if child.dep_ == "agent":
            return child.doc[child.left_edge.i : child.right_edge.i + 1].text
    return None


def find_authority(trigger: Token, passage: str, document: str) -> str | None:
    """Who designated: the designating verb's subject or "by" agent, else an authority
    the passage names, else the one authority the document names first; None if the
    text does not say."""
    current: Token | None = trigger
    for _ in range(3):
        if current is None:
            break
        phrase = _subject_phrase(current) if current.pos_ in {"VERB", "AUX"} else None
        if phrase is not None:
            found = authority_name(phrase)
            if found is not None:
                return found
        current = current.head if current.head.i != current.i else None
    found = authority_name(passage)
    if found is not None:
        return found
    return authority_name(document[:2000])


def find_program(passage: str, paragraph: str) -> tuple[str | None, str | None]:
    """(program as shown, FtM programId) named in the passage, else the one program its
    paragraph names; (None, None) when neither says."""
    for text, single in ((passage, False), (paragraph, True)):
        found: list[tuple[int, str, str | None]] = []
        for pattern, shown, program_id in PROGRAMS:
            for match in pattern.finditer(text):
                if pattern.pattern == _EO:
                    number = match.group(1)
                    found.append((match.start(), f"E.O. {number}", EO_PROGRAM_IDS.get(number)))
                else:
                    name = shown if shown else _normal(match.group(0).strip("[]"))
                    found.append((match.start(), name, program_id))
        if len(found) == 0:
            continue
        found.sort()
        names = {program_id or name for _, name, program_id in found}
        if single and len(names) > 1:
            return None, None
        return found[0][1], found[0][2]
    return None, None


def find_measures(passage: str) -> tuple[str, ...]:
    return tuple(name for pattern, name in MEASURES if pattern.search(passage) is not None)


def reason_text(trigger: Token, low: int, high: int) -> str | None:
    """The reason phrase as written, inside the passage's tokens ``[low, high)``."""
    phrase = reason_phrase(trigger)
    if phrase is None:
        return None
    words = _reason_words(phrase)
    tail = _link_tail(phrase) if phrase.left_edge.i == phrase.i else None
    if tail is not None:
        words += list(tail.subtree)
    start = max(words[0].i, low)
    end = min(max(w.i for w in words) + 1, high)
    if end <= start:
        return None
    text = _normal(trigger.doc[start:end].text).strip(" ,.;")
    return text if len(text) <= 400 else text[:399].rstrip() + "…"


def paragraph_around(text: str, start: int, end: int) -> str:
    """The blank-line-delimited paragraph that holds ``[start, end)``."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return text[before + 1 if before >= 0 else 0 : after if after >= 0 else len(text)]


def merge_reports(found: list[Designation]) -> list[Designation]:
    """One designation per person and document: "OFAC designated X for ..." and "X is
    designated pursuant to E.O. 13818" report the same act. Reports merge when they do
    not disagree (same authority or one unstated, same programme or one unstated); the
    first report's passage stays the evidence, the others fill what it leaves unstated."""
    merged: list[Designation] = []
    for item in sorted(found, key=lambda d: (d.start, d.mention_start)):
        for index, kept in enumerate(merged):
            if kept.entity_key != item.entity_key:
                continue
            if None not in (kept.authority, item.authority) and kept.authority != item.authority:
                continue
            if None not in (kept.program, item.program) and kept.program != item.program:
                continue
            merged[index] = replace(
                kept,
                authority=kept.authority or item.authority,
                program=kept.program or item.program,
                program_id=kept.program_id or item.program_id,
                date=kept.date or item.date,
                reason=kept.reason or item.reason,
                measures=tuple(dict.fromkeys([*kept.measures, *item.measures])),
            )
            break
        else:
            merged.append(item)
    return merged
