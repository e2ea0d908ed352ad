"""Where names might be: the model's entities plus span rules the model misses.

``collect`` turns one parsed document into a ``DocumentView``: cleaned
candidate spans with the model's label and the cues a rule saw, plus what the
corpus-level stages need from the document (its lowercase vocabulary, the web
domains it cites, its citation regions).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from dossier.extract.citations import CitedRegions, cited_regions, headline_ranges
from dossier.extract.name_parts import is_patronymic
from dossier.extract.names import (
    NAME_TITLES,
    PARTICLES,
    TITLES,
    has_surname_morphology,
    is_initial,
    is_shouting,
    is_title,
    split_camel,
    wordset,
)
from dossier.extract.orgs import ORG_CUES, has_org_cue
from dossier.extract.spans import clean_span
from dossier.model import SourceDocument

MODEL_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zß-öø-ÿā-žſа-яёәғқңөұүһі"
# A capitalised name word: "Erdoğan", "McCarthy", "Al-Khawaja", "Farr-Jones", "AlSingace".
_NAME_WORD = (
    rf"(?:[{_UPPER}](?:[{_LOWER}’']|-(?=[{_UPPER}{_LOWER}])|[{_UPPER}](?=[{_LOWER}]))*"
    rf"[{_LOWER}]|[A-Z]\.)"
)
_PARTICLE = "|".join(sorted(PARTICLES))
# Words that continue a name but cannot open one: "al-Khanjar", "el-Sisi" (a lowercase
# article glued to the name), "'Aziz" (an apostrophe for the ayn).
_CONTINUING_WORD = (
    rf"(?:(?:al|el|ad|as|ash|at|az|an|ud|ul)-[{_UPPER}][{_LOWER}’']*[{_LOWER}]"
    rf"|['’ʿ][{_UPPER}][{_LOWER}]+)"
)
_NAME_SEQ = (
    rf"{_NAME_WORD}(?:[ \u00a0]{{1,2}}(?:(?:{_PARTICLE})[ \u00a0])*"
    rf"(?:{_NAME_WORD}|{_CONTINUING_WORD})){{0,5}}"
)
_MODIFIERS = frozenset(
    {"former", "late", "acting", "interim", "then", "then-president", "then-prime"}
)
_ABBREVIATED = wordset(
    "mr mrs ms mx dr prof gen col lt lieut capt sgt rev fr sen rep gov maj cmdr adm pte cpl mme"
)
_TITLE_ALT = "|".join(
    re.escape(t)
    for t in sorted(TITLES - _MODIFIERS - _ABBREVIATED, key=len, reverse=True)
    if len(t) > 1
)
_ABBREVIATED_ALT = "|".join(sorted(_ABBREVIATED, key=len, reverse=True))
# "Mr. Tokayev", "Prof. Sahadeo", "President Kassym-Jomart Tokayev", "Gen- Bun Seng" (a
# typed dash for the abbreviation's full stop).
_TITLED = re.compile(
    rf"(?<![\w-])(?<!of )(?<!of the )"
    rf"(?:(?i:{_TITLE_ALT})|(?i:{_ABBREVIATED_ALT})(?:\.|-(?=[ \u00a0]))?)"
    rf"[ \u00a0]+({_NAME_SEQ})"
)
_NAME_WORD_BEFORE = re.compile(r"(?<![\w-])[A-ZÀ-Þ][a-zà-ÿ]+[ \u00a0]$")
# "T. KULIBAYEV", "PAVEL MIKHEYEV": shouted names.
_CAPS_NAME = re.compile(
    r"(?<![\w-])((?:[A-ZА-Я]\.[ \u00a0]?|[A-ZА-ЯЁ][A-ZА-ЯЁ'-]+[ \u00a0]){1,3}"
    r"[A-ZА-ЯЁ][A-ZА-ЯЁ'-]{2,})(?![\w-])"
)
# A name as sanctions lists write it, family name first in capitals and a comma:
# "KADYROV, Ramzan Akhmatovich (a.k.a. KADYROW, Ramzan Achmatowisch); DOB 05 Oct 1976".
# Only where a list's particulars follow, or after "a.k.a.": a dateline ("MOSCOW, Russia")
# is no name.
_INVERTED = re.compile(
    r"(?<![\w-])((?:(?:AL|EL|BIN|IBN|ABU|VAN|VON|DE|DI|DA|LA|LE)[ \u00a0-])?"
    r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’]+(?:[ \u00a0-][A-ZА-ЯЁ][A-ZА-ЯЁ'’]+){0,2}),[ \u00a0]+"
    r"([A-ZА-ЯЁ][a-zа-яё'’]+(?:[ \u00a0-][A-ZА-ЯЁ][a-zа-яё'’]+){0,3})"
    r"(?=[ \u00a0]*(?:\((?:a\.?k\.?a\.?|also known as|born|DOB)|[;,][ \u00a0]*(?:DOB|born|"
    r"date of birth|nationality|POB|place of birth|citizen|[Pp]assport|[Gg]ender)\b))"
    r"|(?<=a\.k\.a\.[ \u00a0])([A-ZА-ЯЁ][A-ZА-ЯЁ'’]+(?:[ \u00a0-][A-ZА-ЯЁ][A-ZА-ЯЁ'’]+){0,2}),"
    r"[ \u00a0]+([A-ZА-ЯЁ][a-zа-яё'’]+(?:[ \u00a0-][A-ZА-ЯЁ][a-zа-яё'’]+){0,3})"
)
# A list item that opens with a name and describes the person: "Ann Bolt - Director of ...",
# "• Ann Petrovna Bolt: a district court judge who ...".
_LISTED = re.compile(
    rf"^[ \t\u00a0]*(?:[•*·▪◦‣⁃-]|\d{{1,3}}[.)])?[ \t\u00a0]*({_NAME_SEQ})[ \u00a0]*"
    r"(?:[-–—:]|,(?=[ \u00a0]+(?:a|an|the|former|formerly|deputy|head|chief)\b))[ \u00a0]+"
    r"([^\n]{0,120})",
    re.M,
)
# "AliyaIsenova": a given name and a surname without the space.
_CAMEL = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][a-z]+(?![\w-])")
# Capitalised sequences, for names the model does not tag at all.
_CAP_SEQ = re.compile(rf"(?<![\w-]){_NAME_SEQ}(?![\w-])")
# An organisation type noun next to a quoted name: Foundation “Qaharman”, the “Alga” party.
_QUOTED = re.compile(r"[“\"«]([^“”\"«»\n]{1,60}?)[,.]?[”\"»]")
# "“KAZENERGY”, the Kazakhstan Association": an apposition naming the organisation type.
_ORG_APPOSITIVE = re.compile(
    r",?[ \u00a0]+the[ \u00a0]+((?:[A-Z][\w’'-]*[ \u00a0]+){0,3}[A-Z][\w’'-]*)"
)
# A capitalised type word right before a quoted name, not itself inside a longer name.
_CUE_BEFORE_QUOTE = re.compile(
    r"(?:(?<![\w’'-])[a-z][\w-]*|[,;:(]|[’']s|(?<![\w-])[A-Z]{2,5})[ \u00a0]+"
    r"([A-Z][a-z]+)[ \u00a0]+$"
)
# "the G7", "the G20": groups of states named by a letter and a number.
_GROUP_OF_STATES = re.compile(r"(?<=\bthe[ \u00a0])[A-Z]\d{1,2}(?![\w-])")
# "Conservative foreign-affairs critic": a party adjective before a political role.
_PARTY_ADJECTIVE = re.compile(
    r"(?<![\w-])(Conservative|Liberal|Labour|Democratic|Republican|Tory|Socialist)[ \u00a0]+"
    r"(?:[a-z-]+[ \u00a0]+)?(?:MPs?|MEPs?|critic|leader|lawmakers?|senators?|politicians?|"
    r"candidates?|spokes(?:man|woman|person)|deputies|deputy|members?)\b"
)
# "the country’s security council": a state body named in lowercase after its country.
_LOWER_BODY = re.compile(
    r"\bthe[ \u00a0]+(?:country|nation|state)[’']s[ \u00a0]+((?:[a-z]+[ \u00a0]+)?"
    r"(?:council|parliament|senate|court|committee|assembly))\b"
)
_URL = re.compile(r"https?://[^\s)\]>”\"]+|www\.[^\s)\]>”\"]+")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+)[a-z]{2,}(?=[/\s]|$)", re.I)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]+(?![\w-])")
# "Eva van der Merwe": the model often drops the given name and particles.
_PLAIN_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}’'-]*[{_LOWER}]|[A-Z]\.)"
# (no inner capitals here: with IGNORECASE they would make the search backtrack)
_PARTICLES_BEFORE = re.compile(
    rf"(?:{_PLAIN_NAME_WORD}[ \u00a0](?:(?:{_PARTICLE})[ \u00a0])+)$", re.IGNORECASE
)
# Nouns for people, for apposition cues ("Nurbolat Alpamys, a 19-year-old student").
PERSON_NOUNS = TITLES | wordset(
    """
    student students man woman boy girl child mother father son daughter wife husband brother
    sister uncle aunt nephew niece grandson granddaughter resident residents citizen native
    teacher worker employee pensioner farmer driver member participant victim witness survivor
    relative friend colleague protester protestor volunteer engineer entrepreneur person
    individual graduate veteran official politician lawmaker deputy critic opponent supporter
    prisoner detainee defendant suspect convict entrepreneur mathematician physician surgeon
    musician singer artist actor actress photographer blogger citizen-journalist
    """
)
_APPOSITION = re.compile(
    r"[ \u00a0]*(?:,[ \u00a0]+(?:who|whose)\b|,[ \u00a0]+(?:aged|age)[ \u00a0]+\d"
    r"|[ \u00a0]+\((?:aged[ \u00a0])?\d{1,3}\)"
    r"|,[ \u00a0]+(?:(?:formerly|currently|now|once|later|also|then)[ \u00a0]+)?"
    r"(?:a|an|the|his|her|their)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+){0,4}?([a-z-]+)\b)"
)
# "in Zhanaozen": words used as places.
_LOCATIVE_WORD = re.compile(
    r"\b(?:in|near|outside|across|throughout)[ \u00a0]+([A-Z][\w-]+)(?![\w’'-])(?!\s+[A-Z])"
)
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&-]*(?:\.[\w’'&-]+)*)"
_CONNECTOR = r"(?:of|for|the|on|in|into|&|de|des|du)"
# A capitalised phrase that may be an organisation's name.
_ORG_SEQ = re.compile(
    rf"(?<![\w-]){_CAP_WORD}(?:[ \u00a0/](?:{_CONNECTOR}[ \u00a0])*{_CAP_WORD}){{1,9}}(?![\w-])"
)
# The author opening a note: "[43] Bagdat Asylbek, Human Rights Bureau ...; Sarah McCloskey, ..."
_AUTHOR = re.compile(
    rf"(?:^[ \t\u00a0]*\[\d{{1,4}}\][ \t\u00a0]*|;[ \u00a0]+)"
    rf"({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{1,2}})(?:,|[ \u00a0]and)[ \u00a0]",
    re.M,
)
# A signature line: "Adam Hug, Director, Foreign Policy Centre (in a personal capacity)".
_SIGNATURE = re.compile(
    rf"^[ \t]*({_NAME_SEQ}),[ \u00a0]+([^,\n]+?)(?:,[ \u00a0]+([^\n]+?))?[ \t\u00a0]*$", re.M
)
_FUNCTION_WORDS = wordset(
    """
    the in at on for by from with as after before during since under while when if but and or
    a an this that these those its his her their our according following although because
    """
)
# A lowercase type noun followed by the name: "channel Khabar", "facility SI-18".
_TYPE_NOUNS = (
    r"(?:channel|newspaper|company|companies|holding|party|parties|movement|movements|outlet|"
    r"website|portal|organi[sz]ations?|foundation|magazine|broadcaster|agency|facility|firm|"
    r"coalition|bank|banks|publication|network|networks|group|groups|websites?|sites?|"
    r"outlets|ngos?|NGOs?|unions?|associations?|firms|agencies|organisations?|organizations?)"
)
_TYPED_NAME = re.compile(
    rf"\b{_TYPE_NOUNS}(?:,?[ \u00a0]+(?:such[ \u00a0]+as|including))?[ \u00a0]+"
    rf"((?:{_CAP_WORD}|[A-Z]{{1,4}}-\d+)(?:[ \u00a0]{_CAP_WORD}){{0,3}})(?![\w-])"
)
# "Bukele’s", "the Kims’": a possessive (not a quoted name's closing quote: "her ‘Azat’ party")
_POSSESSOR = re.compile(
    r"(?:[^ \u00a0]+[ \u00a0])*?[^ \u00a0]+(?:[’']s|s[’'])(?=[ \u00a0]|$)[ \u00a0]*"
)
# The name followed by its type: "the Ak Zhol party", "Koshe movement".
_NAME_TYPED = re.compile(
    rf"(?<![\w-])((?:{_CAP_WORD})(?:[ \u00a0]{_CAP_WORD}){{0,3}})[ \u00a0]+"
    r"(?:party|movement|coalition|newspaper|channel|foundation|group)\b"
)
# An armed group's name of two words or more, then its type: "the Kraze Barye gang", "the
# armed Mai-Mai Yakutumba rebel group" (one word may be its leader's surname: "the Smith
# gang" stays open).
_ARMED_TYPED = re.compile(
    rf"(?<![\w-])((?:{_CAP_WORD})(?:[ \u00a0]{_CAP_WORD}){{1,3}})[ \u00a0]+"
    r"(?:(?:rebel|armed|militant|paramilitary|criminal)[ \u00a0]+)?"
    r"(?:gang|militia|cartel|group)\b"
)
# Single words that name a legislature or similar body.
_BODY_WORDS = wordset(
    "parliament senate mazhilis majilis duma congress knesset bundestag sejm verkhovna kurultai"
)


@dataclass
class Candidate:
    """A span that may be a name, with the evidence for what it is."""

    start: int
    end: int
    text: str
    label: str  # the model's label, or the label a rule proposes
    rule: str  # "model", "title", "caps", "camel", "inverted", "morph", "quoted", "orgcue", ...
    title: str | None = None
    person_cue: bool = False  # an apposition says this is a person
    possessive: bool = False  # followed by ’s
    determiner: bool = False  # "the Khan": after "the", and no noun follows
    after_lower: bool = False  # the word before is a lowercase word (not a Title Case run)
    headline: bool = False  # inside a Title Case headline, where capitals prove nothing
    place_cue: bool = False  # "renamed from Alma Ata", "the city of Oral"
    org_after: bool = False  # "Ana Ruiz Foundation": an organisation's head word follows
    noun_after: bool = False  # a lowercase word follows that is not a function word
    person_verb: str | None = None  # "X said", "arrested X": a verb that takes a person
    rule_after: bool = False  # "the X regime", "X's rule": a noun for a person's time in power
    described: bool = False  # "X, a Saudi journalist": in apposition to a noun for a person
    # "X, Zimbabwe's ambassador to Tanzania": in apposition to an office only a person holds
    office_apposed: bool = False
    coordinated: list[tuple[int, int]] = field(default_factory=list)  # "A, B and C": spans


_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]+$")
_LOWER_BEFORE = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*[ \u00a0]+$")
# A lowercase word after the name that is not a preposition, conjunction or verb of being.
_NOUN_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?!(?:in|on|at|of|and|or|to|for|with|by|from|as|was|is|were|are|"
    r"had|has|have|who|which|that|would|will|could|did|said|himself|herself)\b)[a-z]"
)
# Words before a name that make it a place: "renamed from Alma Ata", "the city of Oral".
_PLACE_BEFORE = re.compile(
    r"\b(?:renamed(?:[ \u00a0]+(?:from|to|as))?|(?:city|town|village|region|province|"
    r"district|capital|neighbou?rhood|suburb|governorate|county|municipality|oblast|"
    r"quarter)[ \u00a0]+of)[ \u00a0]+$",
    re.IGNORECASE,
)
# A list of places after a plural place noun: "the towns of Mayom, Tor Abyad and" (any of
# its names).
_PLACE_WORD = r"[A-Z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*){0,2}"
_PLACES_BEFORE = re.compile(
    r"\b(?:towns|cities|villages|regions|provinces|districts|counties|municipalities)"
    rf"[ \u00a0]+of[ \u00a0]+(?:{_PLACE_WORD}[ \u00a0]*,[ \u00a0]+)*"
    rf"(?:{_PLACE_WORD}[ \u00a0]+)?(?:and[ \u00a0]+)?$"
)
# Lowercase nouns after a name that make it a place: "the Rostov region", "Marib
# governorate", "the Kursk oblast" (a capitalised "Region" is part of the name).
_PLACE_AFTER = re.compile(
    r"[ \u00a0]+(?:region|oblast|province|district|governorate|county|municipality|"
    r"prefecture|raion|krai|canton|neighbou?rhood|suburb)s?\b"
)
# "Chechnya’s provincial capital, Grozny": a single word in apposition to a place noun.
_PLACE_APPOSED = re.compile(
    r"\b(?:city|town|village|region|province|district|capital|hometown|port|county|suburb|"
    r"island)[ \u00a0]*,[ \u00a0]+$",
    re.IGNORECASE,
)


# An office named by its portfolio, then the holder: "Secretary of the Treasury Scott Bessent",
# "Minister of Foreign Affairs Mélanie Joly" (the portfolio words end the office).
_PORTFOLIO = (
    r"(?:(?:National|Public|State)[ \u00a0]+)?"  # "National Intelligence", "State Security"
    r"(?:Treasury|State|Interior|Defen[cs]e|Justice|Finance|Labou?r|Health|Education|"
    r"Agriculture|Energy|Commerce|Trade|Economy|Transport|Culture|Foreign[ \u00a0]+Affairs|"
    r"Home[ \u00a0]+Affairs|Internal[ \u00a0]+Affairs|Homeland[ \u00a0]+Security|Presidency|"
    r"Information|Intelligence|Communications|Telecommunications|Security|Environment|"
    r"Industry|Tourism|Emergency[ \u00a0]+Situations)"
)
PORTFOLIO = re.compile(_PORTFOLIO)
_OF_BEFORE = re.compile(r"\b(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?$")
_OF_OPENING = re.compile(r"(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?")


def _after_portfolio(text: str, start: int, end: int) -> int:
    """Where a name starts in a capitalised run after "of" or "for" that opens with a
    ministry's portfolio ("Ministry of Internal Affairs Ayub Tamarov": at "Ayub";
    "Secretary for Security NAME"), else ``start``."""
    opening = _OF_OPENING.match(text, start, end)  # "of Information Igor Lutsky" (a model span)
    at = opening.end() if opening is not None else start
    if opening is None and _OF_BEFORE.search(text, max(0, start - 8), start) is None:
        return start
    found = PORTFOLIO.match(text, at, end)
    if found is None or found.end() == end or text[found.end()] not in " \u00a0":
        return start
    following = re.match(r"[\w’'-]+", text[found.end() + 1 : end])
    if following is not None and following.group().lower() in ORG_CUES:
        return start  # "of the National Security Council": the body's name goes on
    return found.end() + 1


_OFFICE_OF = re.compile(
    r"\b(?:Secretary|Minister|Under[ \u00a0]+Secretary|Deputy[ \u00a0]+Secretary|"
    r"Deputy[ \u00a0]+Minister|Director|Director[ \u00a0]+General|Commissioner)"
    r"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?"
    rf"{_PORTFOLIO}(?:[ \u00a0]+and[ \u00a0]+{_PORTFOLIO})?,?[ \u00a0]+"
    rf"({_PLAIN_NAME_WORD}(?:[ \u00a0]{_PLAIN_NAME_WORD}){{1,3}})(?![\w’'-])"
)
# A capitalised word right after the name: "Ana Ruiz Foundation", "Rio Azul Entity".
_CAPITAL_AFTER = re.compile(r"[ \u00a0]+([A-Z][A-Za-z-]*)\b")

_TITLE_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z-]*\.?)[ \u00a0]+$")
# Nouns after a name for a person's time in power: "the X regime", "X’s rule".
_RULE_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:regime|administration|presidency|reign|rule|era|dictatorship)\b"
)


def with_context(cand: Candidate, text: str) -> Candidate:
    """Set the possessive and determiner flags of ``cand`` from the text around it."""
    cand.possessive = text[cand.end : cand.end + 2] in ("’s", "'s")
    cand.rule_after = _RULE_AFTER.match(text, cand.end, min(len(text), cand.end + 20)) is not None
    cand.described = _described_as_individual(text, cand.end)
    office = _OFFICE_APPOSED.match(text, cand.end, min(len(text), cand.end + 60))
    cand.office_apposed = office is not None
    if cand.title is None:
        titled = _TITLE_BEFORE.search(text, max(0, cand.start - 20), cand.start)
        if titled is not None and is_title(titled.group(1)):
            cand.title = titled.group(1)  # "Dr. Mira Kovalenko" where the model left "Dr." out
    before = _THE_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None
    after = _NOUN_AFTER.match(text, cand.end, min(len(text), cand.end + 5)) is not None
    cand.determiner = before and not after
    cand.noun_after = after
    cand.after_lower = _LOWER_BEFORE.search(text, max(0, cand.start - 30), cand.start) is not None
    window = max(0, cand.start - 30)
    cand.place_cue = (
        _PLACE_BEFORE.search(text, window, cand.start) is not None
        or _PLACES_BEFORE.search(text, max(0, cand.start - 80), cand.start) is not None
        or (
            _PLACE_APPOSED.search(text, window, cand.start) is not None
            and len(cand.text.split()) == 1
        )
        or (
            _PLACE_AFTER.match(text, cand.end, min(len(text), cand.end + 16)) is not None
            and (
                len(cand.text.split()) == 1
                or _THE_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None
            )
        )
    )
    following = _CAPITAL_AFTER.match(text, cand.end, min(len(text), cand.end + 40))
    cand.org_after = (
        following is not None and following.group(1).lower() in ORG_CUES
    ) or _described_as_organisation(text, cand.end)
    return cand


@dataclass
class DocumentView:
    """One document as the mention stages see it."""

    source: SourceDocument
    text: str
    candidates: list[Candidate]
    cited: CitedRegions
    lower_words: set[str]
    domains: set[str]
    urls: list[tuple[int, int]]
    locative_words: Counter[str] = field(default_factory=Counter)
    mid_caps: set[str] = field(default_factory=set)  # capitalised words seen mid-sentence
    headlines: CitedRegions = field(default_factory=lambda: CitedRegions([]))


# Verbs whose subject is nearly always a person ("Smith said", "Smith told reporters").
PERSON_VERBS = wordset(
    """
    say tell add ask admit deny insist explain recall write complain believe think
    feel hope want smile laugh shrug marry die resign retire testify confess apologise
    apologize plead
    """
)


# Verbs whose object is nearly always a person ("assassinate X", "arrested X").
PERSON_OBJECT_VERBS = wordset(
    """
    assassinate kill murder arrest detain jail imprison torture kidnap abduct execute
    sentence convict acquit pardon interview marry appoint elect re-elect nominate meet
    """
)


_HYPHEN_AFTER = re.compile(rf"(?:-[{_UPPER}][{_LOWER}’']*)+(?![\w-])")
_HYPHEN_BEFORE = re.compile(rf"(?<![\w-])(?:[{_UPPER}][{_LOWER}’']*-)+$")


def hyphen_whole(text: str, start: int, end: int) -> tuple[int, int]:
    """ "Nick Farr" of "Nick Farr-Jones", "Murza" of "Kara-Murza": a name is not cut at a
    hyphen that joins two capitalised parts."""
    after = _HYPHEN_AFTER.match(text, end, min(len(text), end + 40))
    if after is not None:
        end = after.end()
    before = _HYPHEN_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        start = before.start()
    return start, end


def _given_name_before(doc: Doc, text: str) -> list[Candidate]:
    """ "sanctioned Abelrahim Hamdan Dagalo" tagged from "Hamdan": the proper noun right
    before a person's name, after a lowercase word, is its first given name."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start < 1 or len(ent) > 3:
            continue
        prev = doc[ent.start - 1]
        if is_title(prev.text) or not prev.is_title:
            continue
        # "Gedo Hamdan Ahmed Mohamed (Gedo)": the bracket after the name defines the word
        # before the model's span as the person's short name, even at a sentence's start
        defined = text[ent.end_char : ent.end_char + len(prev.text) + 3] in {
            f" ({prev.text})",
            f"\u00a0({prev.text})",
        }
        if not defined:
            if ent.start < 2:
                continue
            before = doc[ent.start - 2]
            if prev.pos_ != "PROPN" or prev.ent_type_ != "" or prev.is_sent_start:
                continue
            if not before.is_lower or not before.is_alpha:
                continue
        for piece in clean_span(text, prev.idx, ent.end_char, person=True):
            value = text[piece.start : piece.end]
            out.append(
                Candidate(piece.start, piece.end, value, "PERSON", "given-before", piece.title)
            )
    return out


# "the former commanding officer of RAB-7 Miftah Uddin Ahmed": an office of a unit
# written as a code, then a name the model took into the unit's name.
_OFFICE_OF_CODE = re.compile(
    r"\b(?:officer|commander|chief|head|director|leader|commandant)[ \u00a0]+of[ \u00a0]+"
    r"(?:the[ \u00a0]+)?[A-Z]{1,6}-?\d{1,4}[ \u00a0]+$"
)


def _name_after_unit_code(doc: Doc, text: str) -> list[Candidate]:
    """The name after a unit's code in a model organisation ("RAB-7 Miftah Uddin Ahmed"),
    when an office of that unit comes right before the code."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC", "PRODUCT"} or len(ent) < 3:
            continue
        code, rest = ent[0], ent[1:]
        if not any(c.isdigit() for c in code.text):
            continue
        words = [t for t in rest if t.text != "-"]
        if not 2 <= len(words) <= 4 or not all(t.is_title and t.is_alpha for t in words):
            continue
        if has_org_cue(rest.text):
            continue
        office = _OFFICE_OF_CODE.search(text, max(0, ent.start_char - 60), rest.start_char)
        if office is None:
            continue
        title = office.group().split()[0]
        out.append(
            Candidate(rest.start_char, rest.end_char, rest.text, "PERSON", "title", title)
        )
    return out


def _name_pieces(doc: Doc) -> list[Span]:
    """The model's PERSON entities, and the pieces it cut off a long name: an untagged run
    of capitalised proper nouns right before a PERSON entity ("Johana Vanessa" PERSON,
    "Flores" untagged, "Jimenez" PERSON) and a short ORG tag with no organisation word
    right before one ("Celia Margarita" ORG, "Reyes Ochoa" PERSON)."""
    text = doc.text
    ents = list(doc.ents)
    pieces: list[Span] = []
    for k, ent in enumerate(ents):
        if ent.label_ == "PERSON":
            pieces.append(ent)
            continue
        follows = k + 1 < len(ents) and ents[k + 1].label_ == "PERSON"
        if (
            ent.label_ == "ORG"
            and follows
            and text[ent.end_char : ents[k + 1].start_char] == " "
            and len(ent) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in ent)
            and not has_org_cue(ent.text)
        ):
            pieces.append(ent)
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" or k == 0:
            continue
        start = ent.start
        while (
            start > 0
            and doc[start - 1].ent_type_ == ""
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].whitespace_ == " "
        ):
            start -= 1
        before = ents[k - 1]
        if start < ent.start and before.end == start and before.label_ == "PERSON":
            pieces.append(doc[start : ent.start])
    return sorted(pieces, key=lambda s: s.start)


def _adjacent_people(doc: Doc, text: str) -> list[Candidate]:
    """ "Athar Kamel" + "Mohamed Ibrahim" with one space between: the model cut one long name
    (a given name, a patronymic, a grandfather's name and a family name) in two."""
    out: list[Candidate] = []
    ents = _name_pieces(doc)
    i = 0
    while i < len(ents) - 1:
        j = i
        while j + 1 < len(ents) and text[ents[j].end_char : ents[j + 1].start_char] == " ":
            j += 1
        if j > i:
            start, end = ents[i].start_char, ents[j].end_char
            for piece in clean_span(text, start, end, person=True):
                value = text[piece.start : piece.end]
                if len(value.split()) <= 6:
                    out.append(
                        Candidate(piece.start, piece.end, value, "PERSON", "model", piece.title)
                    )
        i = j + 1
    return out


def _coordinated_spans(doc: Doc) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each entity, the entities and proper-noun phrases coordinated with it ("A, B and
    C", "lawmakers: A B, C D and E F")."""
    ent_of: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        for token in ent:
            ent_of[token.i] = (ent.start_char, ent.end_char)
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        span = (ent.start_char, ent.end_char)
        root = ent.root
        tokens = [t for t in root.children if t.dep_ == "conj"]
        if root.dep_ == "conj":
            tokens.append(root.head)
        for token in tokens:
            other = ent_of.get(token.i) or _proper_phrase(token)
            if other is not None and other != span:
                out.setdefault(span, []).append(other)
                out.setdefault(other, []).append(span)
    return out


def _proper_phrase(token: Token) -> tuple[int, int] | None:
    """The span of proper nouns ending at ``token`` ("Hervé Fourcand"), or None."""
    if token.pos_ != "PROPN" or not token.is_title:
        return None
    first = token
    while first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.pos_ != "PROPN" or not prev.is_title or first.i - 1 < token.i - 3:
            break
        first = prev
    if first.i == token.i:
        return None
    return first.idx, token.idx + len(token.text)


def _appos_to_person(dep: str, head: Token) -> bool:
    if dep != "appos" or head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in PERSON_NOUNS or head.text.lower() in PERSON_NOUNS


# "Porfirio “Pepe” Lobo Sosa", "Hector " Macho " Camacho": a nickname in quotes inside a name.
_NICKNAMED = re.compile(
    rf"(?<![\w-]){_NAME_WORD}(?:[ \u00a0]{_NAME_WORD})?[ \u00a0]+"
    rf"[“\"‘][ \u00a0]?{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}[ \u00a0]?[”\"’][ \u00a0]+"
    rf"(?:(?:{_PARTICLE})[ \u00a0])*{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,2}}(?![\w-])"
)


def _person_verb(root_dep: str, head_lemma: str) -> str | None:
    lemma = head_lemma.lower()
    if root_dep in ("nsubj", "nsubjpass") and lemma in PERSON_VERBS:
        return lemma
    if root_dep == "dobj" and lemma in PERSON_OBJECT_VERBS:
        return lemma
    if root_dep == "nsubjpass" and lemma in PERSON_OBJECT_VERBS:
        return lemma  # "X was arrested"
    return None


_SURNAME_AFTER = re.compile(
    rf"[ \u00a0]([{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)(?![\w’'-])"
)


def _after_patronymic(text: str, start: int, end: int) -> int:
    """ "Danila Yurievich Mikheev": a span the model ended at a patronymic (given name,
    patronymic, surname) takes the capitalised word after it, the surname."""
    words = text[start:end].split()
    if len(words) != 2 or not is_patronymic(words[-1]):
        return end
    found = _SURNAME_AFTER.match(text, end, min(len(text), end + 40))
    if found is None or is_title(found.group(1)) or found.group(1).lower() in ORG_CUES:
        return end
    return found.end()


_AYN_GAP = re.compile(r"[ \u00a0]['’ʿ‘]")


def _ayn_joined(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "Husayn Falih 'Aziz al-Lami": the model cuts a name at an apostrophe written for
    the ayn; the two halves, the second opening with the apostrophe, are one name."""
    people = sorted(
        (c for c in candidates if c.label in {"PERSON", "COORD"} and c.rule != "morph"),
        key=lambda c: c.start,
    )
    out: list[Candidate] = []
    for left, right in pairwise(people):
        if _AYN_GAP.fullmatch(text, left.end, right.start) is not None:
            value = text[left.start : right.end]
            joined = Candidate(left.start, right.end, value, "PERSON", "model", left.title)
            joined.person_cue = left.person_cue or right.person_cue
            joined.coordinated = [*left.coordinated, *right.coordinated]
            out.append(joined)
    return out


def collect(source: SourceDocument, doc: Doc) -> DocumentView:
    """Candidates from the model and from span rules, for one document."""
    text = doc.text
    if len(text) != len(source.text):
        raise ValueError(
            f"{source.file_name}: parsed text has {len(text)} characters, source has "
            f"{len(source.text)}; parse source.analysis_text()"
        )
    candidates: list[Candidate] = []
    partners = _coordinated_spans(doc)
    for ent in doc.ents:
        if ent.label_ not in MODEL_LABELS:
            continue
        person = ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
        verb = _person_verb(ent.root.dep_, ent.root.head.lemma_) if person else None
        # "two officials, Ann Bolt (Bolt) and ...": in apposition to a noun for people
        appos = person and _appos_to_person(ent.root.dep_, ent.root.head)
        for piece in clean_span(text, ent.start_char, ent.end_char, person=person):
            start, end = piece.start, piece.end
            if person:
                before = _PARTICLES_BEFORE.search(text, max(0, start - 40), start)
                if before is not None and before.group()[0].isupper():
                    start = before.start()
                # "the Minister of Information Igor Lutsky": the portfolio ends the office
                # (a name after it: capitalised words only, not "for Foreign Affairs")
                after = _after_portfolio(text, start, end)
                if after != start and not _LOWER_WORD.search(text, after, end):
                    start = after
                start, end = hyphen_whole(text, start, end)
                end = _after_patronymic(text, start, end)
            candidates.append(
                Candidate(
                    start,
                    end,
                    text[start:end],
                    ent.label_,
                    "model",
                    piece.title,
                    person and (appos or _apposition(text, piece.end)),
                    person_verb=verb,
                    coordinated=partners.get((ent.start_char, ent.end_char), []),
                )
            )
    candidates.extend(_adjacent_people(doc, text))
    candidates.extend(_given_name_before(doc, text))
    candidates.extend(_name_after_unit_code(doc, text))
    ent_spans = {(e.start_char, e.end_char) for e in doc.ents}
    for span, others in sorted(partners.items()):
        if span not in ent_spans:  # a proper-noun phrase the model did not tag
            for piece in clean_span(text, span[0], span[1], person=True):
                value = text[piece.start : piece.end]
                candidates.append(
                    Candidate(
                        piece.start, piece.end, value, "COORD", "coordinated", coordinated=others
                    )
                )
    candidates.extend(_ayn_joined(candidates, text))
    cited = cited_regions(text)
    rule_candidates = _rule_candidates(text)
    for cand in rule_candidates:
        if cand.rule == "orgcue":
            _drop_leading_noun(cand, doc, text)
    candidates.extend(rule_candidates)
    candidates.extend(_surname_candidates(text))
    candidates.extend(_source_candidates(text, cited))
    lower_words = set(_LOWER_WORD.findall(_URL.sub(" ", text)))
    headlines = CitedRegions(headline_ranges(text, lower_words))
    for cand in candidates:
        _drop_leading_gerund(cand, doc, text)
        with_context(cand, text)
        cand.headline = headlines.covers(cand.start, cand.end)
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    domains: set[str] = set()
    for start, end in urls:
        match = _DOMAIN.match(text, start, end)
        if match is not None:
            domains.update(p for p in match.group(1).lower().split(".") if len(p) > 2)
    return DocumentView(
        source=source,
        text=text,
        candidates=candidates,
        cited=cited,
        lower_words=lower_words,
        domains=domains,
        urls=urls,
        locative_words=Counter(m.group(1) for m in _LOCATIVE_WORD.finditer(text)),
        mid_caps={
            t.text for t in doc if t.is_title and not t.is_sent_start and t.i > 0 and t.is_alpha
        },
        headlines=headlines,
    )


_LEAD_OF = re.compile(
    r"([A-Z][a-z]+)(?:[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?|,?[ \u00a0]+the[ \u00a0]+)(?=[A-Z])"
)


def _drop_leading_gerund(cand: Candidate, doc: Doc, text: str) -> None:
    """ "Punishing Kadyrov and Kataev ... is the right thing": a capitalised gerund that
    opens a sentence or a quote and takes the name as its object is no part of it."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="contract")
    if span is None or len(span) < 2:
        return
    first = span[0]
    if not (first.lower_.endswith("ing") and len(first) >= 5 and first.is_title):
        return
    if not any(c.dep_ == "dobj" and span.start < c.i < span.end for c in first.children):
        return
    cand.start = span[1].idx
    cand.text = text[cand.start : cand.end]


def _drop_leading_noun(cand: Candidate, doc: Doc, text: str) -> None:
    """ "Shares of General Motors", "Overall the Justice for Journalists Foundation" opening
    a sentence: the common word is no part of the name."""
    lead = _LEAD_OF.match(text, cand.start, cand.end)
    if lead is None or lead.group(1).lower() in ORG_CUES:
        return
    span = doc.char_span(cand.start, lead.end(1))
    if span is None or len(span) != 1 or not span[0].is_sent_start or span[0].pos_ == "PROPN":
        return
    cand.start = lead.end()
    cand.text = text[cand.start : cand.end]


def _apposition(text: str, end: int) -> bool:
    match = _APPOSITION.match(text, end, min(len(text), end + 60))
    if match is None:
        return False
    noun = match.group(1)
    return noun is None or noun.lower() in PERSON_NOUNS


# Nouns for a person that no organisation or place takes ("member", "critic" can).
INDIVIDUAL_NOUNS = wordset(
    """
    journalist reporter correspondent photographer blogger activist lawyer student man woman
    boy girl teacher doctor farmer driver businessman businesswoman politician lawmaker writer
    poet son daughter mother father wife husband brother sister prisoner detainee widow
    """
)


# Offices only a person holds, in apposition after a name: "X, Zimbabwe's ambassador to
# Tanzania", "X, the party's economic advisor", "X, Index's head of advocacy".
OFFICE_HOLDER_NOUNS = (
    "ambassador|minister|advis[eo]r|council+or|commander|governor|mayor|senator|"
    "spokes(?:man|woman|person)|deputy|chairman|chairwoman|secretary-general|head[ \u00a0]+of"
)
_OFFICE_APPOSED = re.compile(
    r",[ \u00a0]+(?:(?:formerly|currently|now|then)[ \u00a0]+)?"
    r"(?:(?:a|an|the|his|her|their)[ \u00a0]+)?"
    r"(?:[A-Za-z][\w-]*[’']s?[ \u00a0]+)?(?:[a-z][\w-]*[ \u00a0]+){0,2}?"
    rf"(?:{OFFICE_HOLDER_NOUNS})\b"
)


def _described_as_individual(text: str, end: int) -> bool:
    """"X, a Saudi journalist": in apposition to a noun that only a person takes."""
    match = _APPOSITION.match(text, end, min(len(text), end + 60))
    if match is None or match.group(1) is None or match.group(1).lower() not in INDIVIDUAL_NOUNS:
        return False
    return _NOT_INDIVIDUAL_HEAD.match(text, match.end(1)) is None  # not "a student town"


_NOT_INDIVIDUAL_HEAD = re.compile(
    r"[ \u00a0]+(?:towns?|city|cities|villages?|groups?|party|parties|compan(?:y|ies)|"
    r"organi[sz]ations?|newspapers?|agency|union|movement|associations?|council|unit|"
    r"wing|network|federation|league|club|committee|magazine|channel|site|website)\b"
)


# Nouns for a body, in apposition: "X, a party contesting the election".
ORGANISATION_NOUNS = wordset(
    """
    party company coalition group organisation organization movement newspaper firm bank
    agency militia association alliance union network foundation ngo charity outlet website
    broadcaster conglomerate corporation subsidiary bloc faction front consortium
    """
)
# What may follow the noun when it heads the apposition ("a party contesting", "a group
# that", "a company based in"), not when it modifies another noun ("a party leader").
_AFTER_HEAD_NOUN = re.compile(
    r"(?:[ \u00a0]*[,.;:)]|[ \u00a0]+(?:that|which|of|in|with|for|from|close|linked|"
    r"[a-z]+ing|[a-z]+ed)\b)"
)


def _described_as_organisation(text: str, end: int) -> bool:
    """"X, a party contesting the election": in apposition to a noun for a body."""
    match = _APPOSITION.match(text, end, min(len(text), end + 60))
    if match is None or match.group(1) is None:
        return False
    if match.group(1).lower() not in ORGANISATION_NOUNS:
        return False
    return _AFTER_HEAD_NOUN.match(text, match.end(1)) is not None


_AGE_BEFORE = re.compile(r"\b\d{1,3}[ \u00a0-]years?[ \u00a0-]old[ \u00a0]+$")


def _described_as_person(text: str, start: int, end: int) -> bool:
    """A name the text describes with a person noun ("X, a 19-year-old student") or an age."""
    if _AGE_BEFORE.search(text, max(0, start - 20), start) is not None:
        return True
    match = _APPOSITION.match(text, end, min(len(text), end + 60))
    if match is None or match.group(1) is None:
        return False
    return match.group(1).lower() in PERSON_NOUNS


def _rule_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _TITLED.finditer(text):
        title = text[match.start() : match.start(1)].strip().removesuffix("-")
        if title.lower() in NAME_TITLES and _NAME_WORD_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "Justo Pastor Urbina": a given name, not the title of "Urbina"
        for piece in clean_span(text, match.start(1), match.end(1), person=True):
            out.append(
                Candidate(
                    piece.start, piece.end, text[piece.start : piece.end], "PERSON", "title", title
                )
            )
    for match in _OFFICE_OF.finditer(text):
        title = text[match.start() : match.start(1)].strip().rstrip(",")
        if match.group(1).split()[0].lower() in ORG_CUES:
            continue  # "Director of National Intelligence Service ...": a body, no name
        for piece in clean_span(text, match.start(1), match.end(1), person=True):
            value = text[piece.start : piece.end]
            if len(value.split()) >= 2:
                out.append(Candidate(piece.start, piece.end, value, "PERSON", "title", title))
    for match in _CAPS_NAME.finditer(text):
        words = match.group(1).split()
        if not any(has_surname_morphology(w.title()) for w in words if not is_initial(w)):
            continue
        if not (is_initial(words[0]) or all(is_shouting(w) for w in words)):
            continue
        for piece in clean_span(text, match.start(1), match.end(1), person=True):
            out.append(
                Candidate(piece.start, piece.end, text[piece.start : piece.end], "PERSON", "caps")
            )
    for match in _INVERTED.finditer(text):
        out.append(Candidate(match.start(), match.end(), match.group(), "PERSON", "inverted"))
    for match in _LISTED.finditer(text):
        described = re.findall(r"[A-Za-z][\w-]*", match.group(2))[:8]
        if not any(w.lower() in PERSON_NOUNS for w in described):
            continue
        for piece in clean_span(text, match.start(1), match.end(1), person=True):
            value = text[piece.start : piece.end]
            if len(value.split()) >= 2:
                out.append(
                    Candidate(piece.start, piece.end, value, "PERSON", "listed", piece.title, True)
                )
    for match in _NICKNAMED.finditer(text):
        out.append(Candidate(match.start(), match.end(), match.group(), "PERSON", "nickname"))
    for match in _CAMEL.finditer(text):
        if split_camel(match.group()) is not None:
            out.append(Candidate(match.start(), match.end(), match.group(), "PERSON", "camel"))
    for match in _CAP_SEQ.finditer(text):
        words = match.group().replace("\u00a0", " ").split(" ")
        start = _after_portfolio(text, match.start(), match.end())
        if start != match.start():  # "Ministry of Internal Affairs Ayub Tamarov"
            words = text[start : match.end()].replace("\u00a0", " ").split(" ")
        if len(words) >= 2 and has_surname_morphology(words[-1]):
            for piece in clean_span(text, start, match.end(), person=True):
                out.append(
                    Candidate(
                        piece.start, piece.end, text[piece.start : piece.end], "PERSON", "morph"
                    )
                )
        elif 2 <= len(words) <= 3 and _described_as_person(text, match.start(), match.end()):
            # "led by 33 year old Janbolat Mamai, formerly a campaigning journalist"
            for piece in clean_span(text, match.start(), match.end(), person=True):
                value = text[piece.start : piece.end]
                out.append(Candidate(piece.start, piece.end, value, "PERSON", "appos", None, True))
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        if inner == "" or not (inner[0].isupper() or inner[0].isdigit()) or len(inner.split()) > 5:
            continue
        before = text[max(0, match.start() - 40) : match.start()].lower()
        after = text[match.end() : match.end() + 25].lower()
        before_words = re.findall(r"[a-z]+", before)[-3:]
        after_words = re.findall(r"[a-z]+", after)[:2]
        cue = any(w in ORG_CUES for w in before_words[-2:]) or any(
            w in ORG_CUES for w in after_words[:1]
        )
        if not cue and before.rstrip().endswith("according to"):
            cue = True
        if not cue and len(before_words) >= 2 and before_words[-1] == "of":
            cue = before_words[-2] in TITLES  # "the head of “KAZENERGY”"
        if not cue:
            appositive = _ORG_APPOSITIVE.match(text, match.end(), min(len(text), match.end() + 60))
            cue = appositive is not None and any(
                w.lower() in ORG_CUES for w in appositive.group(1).split()
            )  # "“KAZENERGY”, the Kazakhstan Association of ..."
        if not cue:
            continue
        typed = _CUE_BEFORE_QUOTE.search(text, max(0, match.start() - 40), match.start())
        if typed is not None and typed.group(1).lower() in ORG_CUES:
            # "Bank “CenterCredit”": a lone type word is part of the name
            value = text[typed.start(1) : match.end()]
            out.append(Candidate(typed.start(1), match.end(), value, "ORG", "quoted"))
            continue
        for piece in clean_span(text, match.start(1), match.end(1), person=False):
            out.append(
                Candidate(piece.start, piece.end, text[piece.start : piece.end], "ORG", "quoted")
            )
    out.extend(_org_rule_candidates(text))
    for match in _AUTHOR.finditer(text):
        out.append(Candidate(match.start(1), match.end(1), match.group(1), "PERSON", "author"))
    for match in _CREDIT.finditer(text):
        position = match.end()
        while True:  # "Reporting by A, B and C"
            name = _CREDITED_NAME.match(text, position)
            if name is None:
                break
            out.append(Candidate(name.start(1), name.end(1), name.group(1), "PERSON", "author"))
            position = name.end(1)
            joined = _CREDIT_JOIN.match(text, position)
            if joined is None:
                break
            position = joined.end()
    return out


# A credit line: "(Reporting by Daphne Psaledakis; Editing by ...)", "Additional reporting
# by A and B", a line "By Ann Bolt" under a headline.
_CREDIT = re.compile(
    r"(?:\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Aa]dditional[ \u00a0]+reporting|"
    r"[Pp]hotos?)[ \u00a0]+by|^[ \t\u00a0]*By)(?:[ \u00a0]+(?=[A-Z])|(?=[A-Z][a-z]))",
    re.M,
)
# What a byline's name may be glued to: "By Daphne PsaledakisMarch 5, 2020".
_GLUED_AFTER_BYLINE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Updated|Published|Posted|Last[ \u00a0]updated)\b"
)
_CREDITED_NAME = re.compile(
    rf"({_PLAIN_NAME_WORD}(?:[ \u00a0]{_PLAIN_NAME_WORD}){{1,2}})"
    rf"(?=[ \u00a0]*(?:[,;)]|and\b|$)|{_GLUED_AFTER_BYLINE})",
    re.M,
)
_CREDIT_JOIN = re.compile(r"(?:,[ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)(?=[A-Z])")


_SURNAME_WORD = re.compile(
    r"(?<=[a-z,;:][ \u00a0])[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?(?![\w-])(?![ \u00a0][A-Z])"
)


_NOTE_NUMBER = re.compile(
    r"^[ \t\u00a0]*(?:\[\d{1,4}\]|\d{1,4}\.)?[ \t\u00a0]*(?:See(?: also)?:?[ \u00a0]+)?"
)
_DATE_SEGMENT = re.compile(
    r"^[ \u00a0]*(?:\d{1,2}[ \u00a0]+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?[ \u00a0]+(?:\d{1,2},?[ \u00a0]+)?)?(?:19|20)\d\d\b"
)
_ONE_NAME = re.compile(r"^[A-Z][\w&/.-]*[\w]$")
_PUBLISHER = re.compile(r"^(?:The[ \u00a0]+)?[A-Z][\w&/.’'-]*(?:[ \u00a0]+[A-Z][\w&/.’'-]*){0,3}$")


def _source_candidates(text: str, cited: CitedRegions) -> list[Candidate]:
    """Who published a cited work: "[73] Eurasianet, Title, ..., The Diplomat, January 2020".

    In a note, a one-word author is an organisation (a person's name has two words), and
    a short capitalised name right before the date is the publisher.
    """
    out: list[Candidate] = []
    for start, end in cited.ranges:
        for entry in re.finditer(r"[^;\n]+", text[start:end]):
            offset = start + entry.start()
            lead = _NOTE_NUMBER.match(entry.group())
            skip = 0 if lead is None else lead.end()
            segments = [
                (offset + m.start(), offset + m.end())
                for m in re.finditer(r"[^,]+", entry.group()[skip:])
            ]
            segments = [(s + skip, e + skip) for s, e in segments]
            if len(segments) < 2:
                continue
            slots: list[tuple[int, int]] = []
            first_start, first_end = segments[0]
            if _ONE_NAME.match(text[first_start:first_end].strip()) is not None:
                slots.append((first_start, first_end))
            for i in range(2, len(segments)):
                if _DATE_SEGMENT.match(text, segments[i][0], segments[i][1]) is not None:
                    slots.append(segments[i - 1])
                    break
            for s, e in slots:
                value = text[s:e].strip(" \u00a0")
                if _PUBLISHER.match(value) is None or value.endswith("."):
                    continue
                if any(w in ("In", "Of", "To", "On", "For", "With") for w in value.split()[1:]):
                    continue
                for piece in clean_span(text, s, e, person=False):
                    out.append(
                        Candidate(
                            piece.start,
                            piece.end,
                            text[piece.start : piece.end],
                            "ORG",
                            "publisher",
                        )
                    )
    return out


def _surname_candidates(text: str) -> list[Candidate]:
    """A lone surname-shaped word inside a sentence ("a meeting with Asanov")."""
    return [
        Candidate(m.start(), m.end(), m.group(), "SURNAME", "morph")
        for m in _SURNAME_WORD.finditer(text)
        if has_surname_morphology(m.group())
    ]


def _org_rule_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _ORG_SEQ.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        first = 0
        while first < len(words) - 1 and words[first].group().lower() in _FUNCTION_WORDS:
            first += 1
        start = match.start() + words[first].start()
        finish = match.end()
        if _PLACE_AFTER.match(text, finish, min(len(text), finish + 16)) is not None:
            # "Police in the Rostov region": the body's name ends before the place
            cut = re.search(r"[ \u00a0]+(?:in|of|for)[ \u00a0]+(?:the[ \u00a0]+)?\S+$",
                            text[start:finish])
            if cut is not None:
                finish = start + cut.start()
                words = list(re.finditer(r"\S+", text[match.start() : finish]))
        value = text[start:finish]
        if len(words) - first > 1 and is_title(words[first].group()):
            second = words[first + 1].group()
            if second in ("of", "and", "for") or is_title(second):
                continue  # "Professor of International Relations": a position
        cues = [w for w in re.findall(r"[A-Za-z’']+", value) if w[0].isupper()]
        if len(value.split()) < 2 or not any(
            c.lower().removesuffix("’s").removesuffix("'s").removesuffix("s") in ORG_CUES
            or c.lower() in ORG_CUES
            for c in cues
        ):
            continue
        for piece in clean_span(text, start, finish, person=False):
            out.append(
                Candidate(piece.start, piece.end, text[piece.start : piece.end], "ORG", "orgcue")
            )
    for rule, pattern in (
        ("typed", _TYPED_NAME),
        ("typed-after", _NAME_TYPED),
        ("typed-after", _ARMED_TYPED),
    ):
        for match in pattern.finditer(text):
            name = match.group(1)
            if len(name) < 2 or name.lower() in _FUNCTION_WORDS:
                continue  # "A group of people"
            start = match.start(1)
            owner = _POSSESSOR.match(name)
            if owner is not None:
                # "Bukele’s party", "Bukele’s New Ideas party": the possessor owns the
                # party; only what follows the possessive can be the party's name
                if owner.end() >= len(name):
                    continue
                start += owner.end()
            for piece in clean_span(text, start, match.end(1), person=False):
                out.append(
                    Candidate(piece.start, piece.end, text[piece.start : piece.end], "ORG", rule)
                )
    for match in _GROUP_OF_STATES.finditer(text):
        out.append(Candidate(match.start(), match.end(), match.group(), "ORG", "orgcue"))
    for match in _PARTY_ADJECTIVE.finditer(text):
        out.append(Candidate(match.start(1), match.end(1), match.group(1), "ORG", "typed"))
    for match in _LOWER_BODY.finditer(text):
        out.append(Candidate(match.start(1), match.end(1), match.group(1), "ORG", "body"))
    for match in re.finditer(r"(?<![\w-])[A-Z][a-z]+(?![\w-])", text):
        if match.group().lower() in _BODY_WORDS:
            out.append(Candidate(match.start(), match.end(), match.group(), "ORG", "orgcue"))
    for match in _SIGNATURE.finditer(text):
        role = match.group(2)
        org_group = 3 if match.group(3) is not None else 2
        role_titles = [w for w in role.split()[:2] if is_title(w)]
        if org_group == 3 and len(role_titles) == 0:
            continue
        if org_group == 3:
            person = Candidate(
                match.start(1), match.end(1), match.group(1), "PERSON", "title", role_titles[0]
            )
            out.append(person)
        start, end = match.start(org_group), match.end(org_group)
        last_comma = text.rfind(", ", start, end)
        if last_comma >= 0:
            start = last_comma + 2
        bracket = re.search(r"[ \u00a0]*\([^()]*\)$", text[start:end])
        if bracket is not None:
            end = start + bracket.start()
        body = text[start:end]
        if not body[:1].isupper() and (body.endswith(".") or len(body.split()) > 3):
            # "X, a major, led the inquiry.": a sentence, not a signature's body (a
            # lowercase name such as "rights: applied" stays)
            continue
        rule = "signature" if org_group == 3 else "signature2"
        for piece in clean_span(text, start, end, person=False):
            out.append(
                Candidate(piece.start, piece.end, text[piece.start : piece.end], "ORG", rule)
            )
    return out
