"""Mentions of people and organisations, with exact spans, linked to local entities.

The entry point of the mention stage. spaCy's entities are the base;
``candidates`` adds span rules (titles, shouted and glued names, surname
morphology, quoted organisation names), ``gazetteer`` makes labels consistent
across the corpus and finds the occurrences the model missed, ``coref`` links
partial names to full names within each document, and ``citations`` marks
names inside footnotes and reference lists.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.candidates import Candidate, DocumentView, collect, with_context
from dossier.extract.coref import PersonMention, resolve_references
from dossier.extract.gazetteer import Gazetteer, words_of
from dossier.extract.names import (
    EPONYM_NOUNS,
    fold,
    has_surname_morphology,
    is_demonym,
    is_initial,
    is_title,
    name_key,
    name_words,
    normal_form,
    split_camel,
    strip_possessive,
    wordset,
)
from dossier.extract.orgs import (
    LEGAL_FORMS,
    TAIL_CONNECTORS,
    has_org_cue,
    org_core,
    org_schema,
)
from dossier.extract.person_decision import BACKED, decide_person, outside_quotes
from dossier.extract.places import is_country
from dossier.extract.spans import clean_span
from dossier.extract.terms import TermIndex, find_terms
from dossier.model import (
    EntityLabel,
    LocalEntity,
    Mention,
    SourceDocument,
    SourceMeta,
    local_entity_key,
)

__all__ = [
    "CorpusKnowledge",
    "DocumentMentions",
    "MentionRecord",
    "corpus_knowledge",
    "document_mentions",
    "extract_text_mentions",
    "find_mentions",
]

_NOT_ORGS = frozenset({"covid", "covid 19", "coronavirus", "sars cov 2"})
_ORG_STOP = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "du", "des", "la", "le"})

# Ranking when candidate spans overlap: higher wins, then the longer span.
_PRIORITY: dict[str, float] = {
    "person-strong": 6,
    "org-typed": 5.5,
    "person-weak": 5,
    "person-gazetteer": 5,
    "org-quoted": 4,
    "org-model": 2,
    "org-gazetteer": 1,
}


@dataclass
class DocumentMentions:
    """The mentions found in one document and the local entities they name."""

    mentions: list[Mention]  # sorted by start; text == source.text[start:end]
    entities: dict[str, LocalEntity]  # key -> entity; every non-None entity_key is a key


@dataclass(frozen=True)
class MentionRecord:
    """One mention in any text, for ``dossier extract FILE`` (one JSON line each)."""

    text: str
    label: str  # PERSON, ORG, or another spaCy label (GPE, LOC, NORP ...)
    start: int
    end: int
    resolved: str | None  # the full normal-form name it resolves to, or None
    why: tuple[str, ...] = ()  # the signals the person and reference decisions weighed

    def to_dict(self) -> dict[str, str | int | list[str] | None]:
        return {
            "text": self.text,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "resolved": self.resolved,
            "why": list(self.why),
        }


@dataclass
class _Accepted:
    start: int
    end: int
    label: EntityLabel
    kind: str  # key of _PRIORITY
    collective: bool = False
    alias_of: _Accepted | None = None  # an acronym given in brackets after the full name
    signals: tuple[str, ...] = ()  # why it is a person (or an organisation)
    family: str = ""  # the family name the text gives this given name (``_family_members``)

    @property
    def rank(self) -> tuple[float, int]:
        return _PRIORITY[self.kind], self.end - self.start


@dataclass(frozen=True)
class CorpusKnowledge:
    """What the whole corpus says about names, for the decisions in each document."""

    gazetteer: Gazetteer
    org_terms: TermIndex  # organisation names searched for in every document
    person_terms: TermIndex  # strong names and distinctive surnames, likewise


def corpus_knowledge(views: Sequence[DocumentView]) -> CorpusKnowledge:
    """Label votes and searchable names over every document's ``collect`` view."""
    gazetteer = Gazetteer.build(views)
    return CorpusKnowledge(
        gazetteer, TermIndex(_org_terms(views, gazetteer)), people_terms(gazetteer)
    )


def find_mentions(sources: Sequence[SourceDocument], docs: Sequence[Doc]) -> list[DocumentMentions]:
    """Mentions and local entities for each source.

    ``docs[i]`` is ``nlp(sources[i].analysis_text())``, so offsets hold in
    ``sources[i].text``. Label consistency is decided over all the documents
    passed together, so pass the whole corpus at once. The three steps
    (``collect`` per document, ``corpus_knowledge``, ``document_mentions`` per
    document) can also run apart, as the parallel extraction does.
    """
    if len(sources) != len(docs):
        raise ValueError(f"{len(sources)} sources but {len(docs)} parsed documents")
    views = [collect(source, doc) for source, doc in zip(sources, docs, strict=True)]
    knowledge = corpus_knowledge(views)
    return [document_mentions(view, knowledge) for view in views]


def extract_text_mentions(text: str, nlp: Language) -> list[MentionRecord]:
    """Every mention found in ``text`` (PERSON, ORG and spaCy's other name labels)."""
    source = SourceDocument(
        file_name="<text>",
        text=text,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        meta=SourceMeta(),
    )
    doc = nlp(text)
    return mention_records(text, doc, find_mentions([source], [doc])[0])


# spaCy labels that are not names of anyone: left out of ``mention_records``.
NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)


def mention_records(text: str, doc: Doc, found: DocumentMentions) -> list[MentionRecord]:
    """A document's PERSON and ORG mentions, plus spaCy's other name labels where no
    such mention covers them, sorted by offsets. ``resolved`` is the full name of the
    local entity a mention names, or None when it is left unresolved."""
    records = [
        MentionRecord(
            m.text,
            m.label,
            m.start,
            m.end,
            None if m.entity_key is None else found.entities[m.entity_key].name,
            m.why,
        )
        for m in found.mentions
    ]
    taken = [(m.start, m.end) for m in found.mentions]
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") or ent.label_ in NOT_NAME_LABELS:
            continue
        for piece in clean_span(text, ent.start_char, ent.end_char, person=False):
            if any(piece.start < e and s < piece.end for s, e in taken):
                continue
            records.append(
                MentionRecord(
                    text[piece.start : piece.end], ent.label_, piece.start, piece.end, None
                )
            )
    records.sort(key=lambda r: (r.start, r.end))
    return records


# -- one document -------------------------------------------------------------


def document_mentions(view: DocumentView, knowledge: CorpusKnowledge) -> DocumentMentions:
    """The mentions of one document, decided with what the corpus knows."""
    gaz = knowledge.gazetteer
    text = view.text
    cores: list[tuple[Candidate, Candidate | None]] = [
        (c, gaz.person_core(c)) for c in view.candidates
    ]
    # Given names and surnames of the full names this document gives with strong evidence.
    parts: set[str] = set()
    surnames: set[str] = set()
    for _, core in cores:
        nickname = (
            core is not None
            and core.rule == "nickname"
            and decide_person(gaz, core, set()) is not None
        )
        if core is not None and (nickname or gaz.is_strong(core)):
            # ("Johnson “Izo” Andre": the name outside the nickname, so that "Andre" is his)
            value = outside_quotes(core.text) if nickname else core.text
            words = name_words(normal_form(value))
            raw = words_of(value)
            if len(words) >= 2:
                if not is_initial(words[0]):
                    parts.update({words[0], raw[0]})
                last = {words[-1], raw[-1], words[-1].split()[-1]}
                parts.update(last)
                surnames.update(last)
    # "the Global Magnitsky Act" once makes "Global Magnitsky" a programme's name in the
    # whole document ("designated in the Global Magnitsky A", cut off at the end)
    eponyms = {
        fold(value)
        for value in {c.text for _, c in cores if c is not None and len(words_of(c.text)) >= 2}
        if _eponym_in_document(gaz, text, value)
    }
    accepted: list[_Accepted] = []
    signatures: list[Candidate] = []
    companies = company_names(text)
    for cand, core in cores:
        if cand.rule == "signature2":
            signatures.append(cand)
            continue
        holder = _holder_after_body(cand, view, gaz)
        if holder is not None:
            # "head of the Ingush Ministry of Internal Affairs Ayub Tamarov": the body, then
            # the person who heads it, where the model read one organisation
            signals = ("named-after-their-body",)
            accepted.append(
                _Accepted(holder[1], holder[2], "PERSON", "person-weak", signals=signals)
            )
            body = _org_candidate(
                replace(cand, end=holder[0], text=text[cand.start : holder[0]]), text
            )
            if body is not None and _is_org(body, gaz):
                accepted.append(_Accepted(body.start, body.end, "ORG", _ORG_KINDS["model"]))
            continue
        verdict = None if core is None else decide_person(gaz, core, parts, surnames)
        if verdict is not None and core is not None and _company(core.text, companies):
            verdict = None  # "Pirelli" where the document writes "Pirelli SpA"
        if (
            core is not None
            and verdict is not None
            and verdict.strength == "weak"
            and not _supported(core, gaz, parts, view)
        ):
            verdict = None
        if core is not None and verdict is not None:
            if _eponym(gaz, text, core) or (
                fold(core.text) in eponyms and core.title is None and core.rule != "title"
            ):
                continue
            certain = verdict.strength == "strong" and gaz.is_certain(core)
            kind = "person-strong" if certain else "person-weak"
            accepted.append(
                _Accepted(
                    core.start,
                    core.end,
                    "PERSON",
                    kind,
                    gaz.collective_after(text, core.end),
                    signals=verdict.signals,
                )
            )
        else:
            org = _org_candidate(cand, text)
            if org is not None and _known_person(gaz, org.text):
                continue  # "Try Pheap" tagged ORG, a full name of a person elsewhere
            if org is not None and _is_org(org, gaz):
                kind = _ORG_KINDS.get(org.rule, "org-quoted")
                accepted.append(_Accepted(org.start, org.end, "ORG", kind))
    accepted.extend(_coordinated_people(cores, accepted, gaz))
    accepted.extend(_family_members(text, accepted, gaz))
    accepted.extend(_search_people(view, gaz, parts, surnames, accepted, knowledge.person_terms))
    person_ends = {a.end for a in accepted if a.label == "PERSON"}
    for cand in signatures:
        # "Oliver Windridge, rights: applied": the rest of a signature line after a name
        if text[cand.start - 2 : cand.start] in (", ", ",\u00a0") and cand.start - 2 in person_ends:
            accepted.append(_Accepted(cand.start, cand.end, "ORG", "org-quoted"))
    accepted.extend(_search_orgs(view, knowledge.org_terms))
    accepted.extend(_acronyms(text, accepted))
    accepted.extend(_coordinated(text, accepted, gaz))
    chosen = _resolve_overlaps(accepted, view, gaz)
    # One label per string in a document: a name the text calls a party or a company
    # ("the Ak Zhol party") is not a person elsewhere in it, unless a rule made it certain.
    typed = {fold(text[a.start : a.end]) for a in chosen if a.kind == "org-typed"}
    for item in chosen:
        name = fold(text[item.start : item.end])
        if item.label == "PERSON" and item.kind != "person-strong" and name in typed:
            item.label, item.kind = "ORG", "org-typed"
    return _build(view, chosen, accepted)


_ACRONYM_AFTER = re.compile(r"[ \u00a0]*\(([A-Z][A-Za-z0-9&.\- ]{0,12}[A-Z0-9])\)")


_COORDINATED = re.compile(
    r"(?:[ \u00a0]+and|[ \u00a0]+or|[ \u00a0]*&)[ \u00a0]+"
    r"((?:The[ \u00a0]+)?[A-Z][\w-]+(?:[ \u00a0][A-Z][\w-]+){0,2})(?![\w-])"
)


def _coordinated(text: str, accepted: list[_Accepted], gaz: Gazetteer) -> list[_Accepted]:
    """ "Visa and Mastercard": a name coordinated with an organisation is one too."""
    out: list[_Accepted] = []
    for item in accepted:
        if item.label != "ORG" or item.kind == "org-gazetteer":
            continue
        match = _COORDINATED.match(text, item.end, min(len(text), item.end + 60))
        if match is None:
            continue
        for piece in clean_span(text, match.start(1), match.end(1), person=False):
            value = text[piece.start : piece.end]
            words = words_of(value)
            person, place, _org = gaz.place_votes(value)
            if all(gaz.is_common(w) for w in words) or person > 0 or is_place(value, gaz):
                continue
            if place > 1 and item.kind != "org-typed":
                continue  # "companies Wolt and Glovo": the type noun covers both
            out.append(_Accepted(piece.start, piece.end, "ORG", "org-gazetteer"))
    return out


def _coordinated_people(
    cores: list[tuple[Candidate, Candidate | None]], accepted: list[_Accepted], gaz: Gazetteer
) -> list[_Accepted]:
    """ "Ann Bolt, Carl Dunne and Eva Fisk": a full name in a list with people is a person."""
    people = [(a.start, a.end) for a in accepted if a.label == "PERSON"]
    taken = set(people)
    out: list[_Accepted] = []
    for _ in range(3):  # "A, B, C": each link of the list in turn
        found = False
        for cand, core in cores:
            if core is None or len(cand.coordinated) == 0 or (core.start, core.end) in taken:
                continue
            if not any(s < e2 and s2 < e for s, e in cand.coordinated for s2, e2 in people):
                continue
            words = words_of(core.text)
            if (
                len(words) < 2
                or not gaz.name_like(core.text)
                or gaz.rejected_as_person(core.text)
                or any(gaz.is_common(w) or gaz.mostly_place(w) for w in words)
                # (the model's own label is one place vote: "and Marko Gujancic" tagged GPE)
                or gaz.mostly_place(core.text, 2)
            ):
                continue
            signals = ("coordinated-with-person", f"rule:{cand.rule}", "given-name-and-surname")
            out.append(_Accepted(core.start, core.end, "PERSON", "person-weak", signals=signals))
            people.append((core.start, core.end))
            taken.add((core.start, core.end))
            found = True
        if not found:
            break
    return out


_GIVEN = r"[A-Z][a-z][\w’'-]*"
# "the Rajapaksa brothers, Mahinda and Gotabaya": the given names of a family's members.
_MEMBERS_AFTER = re.compile(
    rf"[ \u00a0]+(brothers|sisters|siblings|twins|couple)[ \u00a0]*,[ \u00a0]+"
    rf"((?:{_GIVEN}[ \u00a0]*,[ \u00a0]+)*{_GIVEN},?[ \u00a0]+and[ \u00a0]+{_GIVEN})(?![\w’'-])"
)


# "Pirelli SpA", "Cofinec S.A.", "Hamilton Holdings Ltd": a name with a company's legal form.
_LEGAL_FORM_AFTER = re.compile(
    r"\b([A-Z][\w&’'-]*(?:[ \u00a0][A-Z][\w&’'-]*){0,3})[ \u00a0]+"
    r"(?:S\.A\.|SA|S\.p\.A\.|SpA|Ltd|Inc|AG|plc|PLC|GmbH|N\.V\.|NV|B\.V\.|LLC|JSC|Corp|"
    r"Co\.|Oyj|AB|ASA|A/S|SE)(?![\w/])"
)


def company_names(text: str) -> set[str]:
    """Folded names the text writes with a company's legal form: in that document the
    name alone is the company, not a person."""
    return {fold(m.group(1)) for m in _LEGAL_FORM_AFTER.finditer(text)}


def _company(value: str, companies: set[str]) -> bool:
    return fold(value) in companies or _LEGAL_FORM_AFTER.fullmatch(value) is not None


def _family_members(text: str, accepted: list[_Accepted], gaz: Gazetteer) -> list[_Accepted]:
    """Each given name in apposition to "the X brothers" (X a person's surname) is one of
    them; only plain name words (no common word, no place)."""
    taken = [(a.start, a.end) for a in accepted]
    out: list[_Accepted] = []
    for item in accepted:
        if item.label != "PERSON":
            continue
        match = _MEMBERS_AFTER.match(text, item.end, min(len(text), item.end + 120))
        if match is None:
            continue
        found = [
            (m.start() + match.start(2), m.end() + match.start(2))
            for m in re.finditer(_GIVEN, match.group(2))
        ]
        # siblings share the family name; a couple need not (many wives keep their own)
        surname = strip_possessive(text[item.start : item.end])
        family = "" if match.group(1) == "couple" or " " in surname else surname
        words = [text[s:e] for s, e in found]
        if any(gaz.is_common(w) or gaz.mostly_place(w) or is_place(w, gaz) for w in words):
            continue
        for start, end in found:
            if any(s < end and start < e for s, e in taken):
                continue
            signals = ("member-of-family-named-before", "given-name")
            out.append(
                _Accepted(start, end, "PERSON", "person-weak", signals=signals, family=family)
            )
    return out


def _acronyms(text: str, accepted: list[_Accepted]) -> list[_Accepted]:
    """ "Democratic Choice of Kazakhstan (DCK)": the bracketed acronym is the same organisation."""
    out: list[_Accepted] = []
    for item in accepted:
        if item.label != "ORG":
            continue
        match = _ACRONYM_AFTER.match(text, item.end, min(len(text), item.end + 20))
        if match is None:
            continue
        acronym = match.group(1)
        letters = [c for c in acronym if c.isalpha()]
        if sum(c.isupper() for c in letters) < max(2, len(letters) - 1):
            continue
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", text[item.start : item.end]))
        if not initials.upper().startswith(acronym[0]) and acronym[0] not in initials:
            continue
        out.append(_Accepted(match.start(1), match.end(1), "ORG", "org-quoted", alias_of=item))
    return out


def _supported(cand: Candidate, gaz: Gazetteer, parts: set[str], view: DocumentView) -> bool:
    """A lone word in a citation (often a headline word) needs a name behind it."""
    if " " in cand.text.strip() or not view.cited.covers(cand.start, cand.end):
        return True
    if cand.text in parts or cand.text in gaz.surnames:
        return True
    return not cand.headline and has_surname_morphology(cand.text)


def _known_person(gaz: Gazetteer, value: str) -> bool:
    """A full name the corpus gives as a person's with strong evidence, without a word
    that only an organisation's name has."""
    return (
        len(words_of(value)) >= 2
        and fold(value) in gaz.strong_names
        and not has_org_cue(value)
    )


def _eponym_in_document(gaz: Gazetteer, text: str, value: str) -> bool:
    """Whether the document writes ``value`` somewhere as the name of a law, prize or
    programme ("the Global Magnitsky Act")."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
        if gaz.eponym_after(text, match.end()) or (
            _TITLE_ENDING_IN_EPONYM.match(text, match.end(), min(len(text), match.end() + 80))
            is not None
        ):
            return True
    return False


def _eponym(gaz: Gazetteer, text: str, cand: Candidate) -> bool:
    if gaz.eponym_after(text, cand.end):
        return True
    if _RELATED_AFTER.match(text, cand.end, min(len(text), cand.end + 60)) is not None:
        return True  # "Global Magnitsky-related sanctions": a programme's name
    # "the Global Magnitsky Human Rights Accountability Act": the name inside a title that
    # ends, a few capitalised words on, in a law, prize or institution
    if _TITLE_ENDING_IN_EPONYM.match(text, cand.end, min(len(text), cand.end + 80)) is not None:
        return True
    # "placed under Global Magnitsky human rights-related sanctions": a programme's name
    return (
        _UNDER_BEFORE.search(text, max(0, cand.start - 40), cand.start) is not None
        and _PROGRAMME_AFTER.match(text, cand.end, min(len(text), cand.end + 60)) is not None
    )


_RELATED_AFTER = re.compile(
    r"-related(?:[ \u00a0]+[\w-]+){0,2}?[ \u00a0]+(?:sanctions|designations?|program(?:me)?s?)\b"
)
_UNDER_BEFORE = re.compile(
    r"\bunder[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Z][\w-]*[ \u00a0]+){0,2}$"
)
_PROGRAMME_AFTER = re.compile(
    r"(?:[ \u00a0]+(?!(?:and|or|his|her|its|their|whose|who|the|a)\b)[\w-]+){0,3}?[ \u00a0]+"
    r"(?:sanctions|program(?:me)?s?|acts?|laws?|authorit(?:y|ies)|designations?)\b"
)


_TITLE_ENDING_IN_EPONYM = re.compile(
    r"(?:[ \u00a0]+[A-Z][\w’'-]*){1,5}?[ \u00a0]+(?:"
    + "|".join(sorted((w.title() for w in EPONYM_NOUNS if w.isalpha()), key=len, reverse=True))
    + r")(?![\w’'-])"
)


_ORG_KINDS = {
    "model": "org-model",
    "orgcue": "org-model",
    "typed": "org-typed",
    "typed-after": "org-typed",
    "body": "org-typed",
}
# Capitalised small words inside a span mark a Title Case headline, not a name.
_CAPITAL_MINOR = wordset(
    """
    Of In To On With For As At By From And Is Are Was Were Has Have Had Says Say Urges
    Under Before After Into Over
    """
)
# Nouns that end the name of a place or polity ("Kazakh Khanate", "Junior Horde").
_PLACE_ENDS = wordset(
    """
    khanate empire horde kingdom oblast province region district valley river lake
    mountains mountain sea desert steppe island islands sultanate caliphate
    """
)


# A name word of a person after a body's name: capitalised, letters, hyphens, apostrophes.
_HOLDER_WORD = re.compile(r"[A-Z][a-z][\w’'-]*")


def _holder_after_body(
    org: Candidate, view: DocumentView, gaz: Gazetteer
) -> tuple[int, int, int] | None:
    """The end of the body and the span of the person a model's organisation swallowed
    after it ("the Ingush Ministry of Internal Affairs Ayub Tamarov"), or None.

    Only two name words after a body's name that names a state body or an organisation
    by its own words (a cue before them: Ministry, Service), where the second is a
    surname: the document names a person by it alone elsewhere ("Tamarov denied it"),
    the corpus knows it for a person, or it has a surname's shape; and neither word is
    an organisation's word or a place."""
    text = view.text
    if org.label != "ORG" or org.rule != "model":
        return None
    words = list(re.finditer(r"\S+", text[org.start : org.end]))
    if len(words) < 4:
        return None
    given, surname = (w.group() for w in words[-2:])
    if not all(_HOLDER_WORD.fullmatch(w) for w in (given, surname)):
        return None
    body = text[org.start : org.start + words[-3].end()]
    person = f"{given} {surname}"
    if not has_org_cue(body) or has_org_cue(person) or words[-3].group().lower() in _CONNECTORS:
        return None
    alone = any(
        c.label == "PERSON" and c.text == surname and not org.start <= c.start < org.end
        for c in view.candidates
    )
    if not (alone or gaz.is_surname_like(surname) or has_surname_morphology(surname)):
        return None
    if not gaz.name_like(person) or gaz.rejected_as_person(person):
        return None
    if any(is_place(w, gaz) or gaz.mostly_place(w) or gaz.is_common(w) for w in (given, surname)):
        return None
    return org.start + words[-3].end(), org.start + words[-2].start(), org.end


_CONNECTORS = TAIL_CONNECTORS | {"de", "du", "des"}


def _org_candidate(cand: Candidate, text: str) -> Candidate | None:
    """The candidate cut to the organisation it names (no position held in it)."""
    if cand.label not in ("ORG", "PERSON"):
        return cand
    span = org_core(text, cand.start, cand.end)
    if span is None:
        return None
    if span == (cand.start, cand.end):
        return cand
    return replace(cand, start=span[0], end=span[1], text=text[span[0] : span[1]])


def is_place(value: str, gaz: Gazetteer) -> bool:
    """A country ("Kazakhstan", "Kazakh SSR") or a country after common words ("Oil-rich
    Kazakhstan")."""
    if is_country(value):
        return True
    words = words_of(value)
    if len(words) > 0 and words[-1].lower() in _PLACE_ENDS:
        return True
    if len(words) != 2 or not is_country(words[-1]):
        return False
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[0]) is not None:
        return True  # "Oil-rich Kazakhstan"
    return gaz.is_common(words[0]) and not has_org_cue(words[0])


# Last words of the names of occasions: "International Human Rights Day".
_EVENT_ENDS = frozenset({"day", "week", "anniversary", "festival", "olympics"})


def _is_org(cand: Candidate, gaz: Gazetteer) -> bool:
    if cand.rule == "title":
        return False  # "United Nations General Assembly" read as "General" + "Assembly"
    if cand.label not in ("ORG", "PERSON") or (
        cand.label == "PERSON" and not has_org_cue(cand.text)
    ):
        return False
    value = cand.text
    key = fold(value)
    if key == "" or key in _NOT_ORGS or "://" in value or value.startswith("www.") or "@" in value:
        return False
    if not any(c.isupper() or c.isdigit() for c in value) and cand.rule not in (
        "signature",
        "body",
    ):
        return False
    if cand.rule != "quoted" and value.isdigit():
        return False
    words = words_of(value)
    if len(words) == 1 and is_demonym(words[0]):
        return False
    if is_place(value, gaz):
        return False
    if cand.headline and cand.rule in ("model", "orgcue"):
        # "Kazakhstan Takes Autocratic Turn": a headline, unless an organisation's name
        # ("BTA Bank") stands in it
        if not has_org_cue(value) or (len(words) > 6 and not has_org_cue(" ".join(words[:3]))):
            return False
        if any(w in _CAPITAL_MINOR for w in words[1:]):
            return False
    if cand.rule in ("model", "orgcue") and any(w in _CAPITAL_MINOR for w in words[1:]):
        return False  # "Alternative Media Is Thriving", "Party Before Parliamentary Vote"
    if re.match(r"[a-z]+-", value) is not None:
        return False  # "anti-Government rally"
    glued = re.match(r"([a-z]+)[ \u00a0]+[A-Z]", value)
    if (
        cand.rule in ("model", "orgcue")
        and glued is not None
        and glued.group(1) not in _ORG_STOP | {"van", "von", "al", "el", "da", "di", "del"}
    ):
        return False  # "marks International Human Rights Day": a verb glued to a name
    if len(words) > 1 and words[-1].lower() in _EVENT_ENDS:
        return False  # "International Human Rights Day": an occasion, not a body
    if cand.rule == "model" and len(words) == 1:
        _person, place, org = gaz.place_votes(value)
        if place >= 3 and place > org:
            return False  # "Almaty": the model's usual label is a place
        if has_surname_morphology(value) and org < 2:
            return False  # "Koslov": a surname
    if cand.rule == "signature" and (len(words) > 8 or any(c.isdigit() for c in value)):
        return False  # a sentence that happens to follow a name and a comma
    if cand.rule in ("typed", "signature", "publisher", "body"):
        return True  # the type noun, the signature line or the note says what it is
    if len(words) == 1 and gaz.is_common(words[0]) and cand.noun_after:
        return False  # "Public protests", "Her party", "the Government turned": not a name
    if len(words) == 1 and cand.rule == "model" and words[0] in gaz.mid_caps:
        return True  # "Visa": capitalised inside sentences, a name
    return not (all(gaz.is_common(w) for w in words) and not has_org_cue(value))


def people_terms(gaz: Gazetteer) -> TermIndex:
    """The corpus's names searched for in every document: strong names, distinctive surnames."""
    terms = set(gaz.strong_names.values()) | {s for s in gaz.surnames if not gaz.is_common(s)}
    return TermIndex(_searchable(terms))


def _searchable(terms: set[str]) -> set[str]:
    return {t for t in terms if len(t) > 2 and t[0].isupper() and split_camel(t) is None}


def _search_people(
    view: DocumentView,
    gaz: Gazetteer,
    parts: set[str],
    surnames: set[str],
    accepted: list[_Accepted],
    corpus_terms: TermIndex,
) -> list[_Accepted]:
    """Occurrences of known names that the model missed or mislabelled.

    A full name the document gives as a person is one wherever it occurs; a single
    word is decided again at each occurrence, so that one label does not spread.
    """
    text = view.text
    terms: set[str] = set()
    named: set[str] = set()  # full names this document already gives as people
    for item in accepted:
        if item.label == "PERSON" and not item.collective:
            value = text[item.start : item.end].replace("\u00a0", " ")
            terms.add(value)
            if " " in value:
                named.add(value)
    terms |= {p for p in parts if " " not in p and not gaz.is_common(p)}
    singles = {
        text[a.start : a.end]
        for a in accepted
        if a.label == "PERSON"
        and (BACKED in a.signals or "title" in a.signals or "described-as-person" in a.signals)
    }
    own_terms = TermIndex(_searchable(terms))
    companies = company_names(text)
    programmes: dict[str, bool] = {}  # full names the document also writes as a law's name
    found: list[_Accepted] = []
    for start, end in find_terms(text, [own_terms, corpus_terms]):
        value = text[start:end]
        if _company(value, companies):
            continue
        cand = with_context(Candidate(start, end, value, "GAZ", "gazetteer"), text)
        if value.replace("\u00a0", " ") in named:
            signals: tuple[str, ...] = ("full-name-given-as-person-in-document",)
        elif _known_person(gaz, value) and not (cand.org_after or cand.place_cue):
            # "Try Pheap" (the model reads "Try" as a verb): a full name another document
            # gives as a person with strong evidence
            signals = ("full-name-given-as-person-in-corpus",)
        else:
            verdict = decide_person(gaz, cand, parts, surnames, singles)
            if verdict is None:
                continue
            signals = verdict.signals
        if " " in value and value not in named and value not in programmes:
            programmes[value] = _eponym_in_document(gaz, text, value)
        if _eponym(gaz, text, cand) or programmes.get(value, False):
            continue
        if text[end : end + 1] == "-" and not re.match(
            r"-(?:era|led|backed|linked|appointed|allied)\b", text[end : end + 12]
        ):
            continue
        found.append(
            _Accepted(
                start,
                end,
                "PERSON",
                "person-gazetteer",
                gaz.collective_after(text, end),
                signals=("name-known-in-corpus", *signals),
            )
        )
    return found


def _org_terms(views: Sequence[DocumentView], gaz: Gazetteer) -> set[str]:
    terms: set[str] = set()
    for view in views:
        for cand in view.candidates:
            found = _org_candidate(cand, view.text) if cand.label == "ORG" else None
            if found is not None and _is_org(found, gaz):
                value = found.text.replace("\u00a0", " ")
                if _known_person(gaz, value):
                    continue
                person, place, org = gaz.place_votes(value)
                typed = fold(value) in gaz.typed_orgs
                if not typed and ((place >= org and place > 0) or person > org):
                    continue
                words = words_of(value)
                if len(value) < 2 or (len(words) == 1 and gaz.is_common(value)):
                    continue
                if len(words) == 1 and not value[0].isupper():
                    continue
                terms.add(value)
    return terms


def _search_orgs(view: DocumentView, terms: TermIndex) -> list[_Accepted]:
    return [
        _Accepted(start, end, "ORG", "org-gazetteer")
        for start, end in find_terms(view.text, [terms])
    ]


def _resolve_overlaps(
    items: list[_Accepted], view: DocumentView, gaz: Gazetteer
) -> list[_Accepted]:
    chosen: list[_Accepted] = []
    occupied: list[tuple[int, int]] = []
    people: list[tuple[int, int]] = []  # the chosen persons' spans
    for item in sorted(items, key=lambda a: a.rank, reverse=True):
        if item.end <= item.start:
            continue
        if any(s <= item.start < e for s, e in view.urls):
            continue
        if any(item.start < e and s < item.end for s, e in occupied):
            if item.label != "ORG":
                continue
            trimmed = _trim_outside(view.text, item, occupied, gaz, people)
            if trimmed is None:
                continue
            item = trimmed  # noqa: PLW2901
        chosen.append(item)
        occupied.append((item.start, item.end))
        if item.label == "PERSON":
            people.append((item.start, item.end))
    chosen.sort(key=lambda a: (a.start, a.end))
    return chosen


def _trim_outside(
    text: str,
    item: _Accepted,
    occupied: list[tuple[int, int]],
    gaz: Gazetteer,
    people: list[tuple[int, int]],
) -> _Accepted | None:
    """The longest part of an organisation span that no stronger mention took; None when
    that part is the title of the person named right after it ("Police Commissioner
    NAME", "Interior Ministry Spokesman NAME": a position, not an organisation)."""
    free = [True] * (item.end - item.start)
    for s, e in occupied:
        for i in range(max(s, item.start), min(e, item.end)):
            free[i - item.start] = False
    best: tuple[int, int] | None = None
    i = 0
    while i < len(free):
        if free[i]:
            j = i
            while j < len(free) and free[j]:
                j += 1
            if best is None or j - i > best[1] - best[0]:
                best = (item.start + i, item.start + j)
            i = j
        else:
            i += 1
    if best is None:
        return None
    pieces = clean_span(text, best[0], best[1], person=False)
    if len(pieces) == 0:
        return None
    piece = max(pieces, key=lambda p: p.end - p.start)
    value = text[piece.start : piece.end]
    words = [w for w in words_of(value) if w.lower() not in _ORG_STOP]
    if len(value) < 2 or len(words) == 0 or not any(c.isupper() for c in value):
        return None
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if all(gaz.is_common(w) for w in words) and not has_org_cue(value):
        return None
    if is_place(value, gaz) or all(is_title(w) for w in words):
        return None
    if all(w.lower().rstrip(".") in LEGAL_FORMS for w in words):
        return None  # "JSC" left of "Bank “CenterCredit”"
    if is_title(words[-1]) and any(
        start >= piece.end and text[piece.end : start].strip(" \u00a0") == ""
        for start, _ in people
    ):
        return None
    if value.split()[-1].lower() in TAIL_CONNECTORS:
        return None  # "Secretary-General of", cut before the body's name another took
    return _Accepted(piece.start, piece.end, "ORG", item.kind)


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*\.?)[ \u00a0]+$")


def _title_before(text: str, start: int) -> str | None:
    match = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if match is None or not is_title(match.group(1)):
        return None
    return match.group(1)


_NEXT_NAME_WORD = re.compile(r"[ \u00a0]([A-Z][\w’'-]*[a-z][\w’'-]*)")
_PREVIOUS_NAME_WORD = re.compile(
    r"(?<![.!?:;\n] )(?<![\w’'-])([A-Z][\w’'-]*[a-z][\w’'-]*)[ \u00a0]$"
)


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """ "Sergey" in "Sergey Volkov" when only "Sergey" was read as a name: a given name at the
    start of a longer name (or a surname after another name word) is not a reference."""
    after = _NEXT_NAME_WORD.match(text, end, min(len(text), end + 40))
    if after is not None and not is_title(after.group(1)) and after.group(1) not in _CAPITAL_MINOR:
        return True
    before = _PREVIOUS_NAME_WORD.search(text, max(0, start - 40), start)
    if before is None or start - 1 - len(before.group(1)) <= 0:
        return False
    word = before.group(1)
    at_sentence_start = re.search(
        r"(?:^|[.!?:;\n]\s*)$", text[max(0, before.start() - 3) : before.start()]
    )
    return not (is_title(word) or word in _CAPITAL_MINOR or at_sentence_start is not None)


def _defined_by(text: str, people: list[_Accepted], i: int) -> int | None:
    """ "Ann Bolt (Bolt)": the index of the full name a bracketed short form defines."""
    if i == 0:
        return None
    item, full = people[i], people[i - 1]
    if text[full.end : item.start] not in (" (", " (“", ' ("', "\u00a0("):
        return None
    if (
        text[item.end : item.end + 1] not in (")", "”", '"')
        or " " not in text[full.start : full.end]
    ):
        return None
    return i - 1


# 'Elfateh Idris Adam (Idris), also known as "Abu Lulu,"': between a full name and the
# name it is also known by, an optional bracketed short form, then the phrase.
_ALSO_KNOWN_AS = re.compile(
    r"(?:[ \u00a0]*\([^()\n]{1,40}\))?,?[ \u00a0]+(?:also[ \u00a0]+)?"
    r"(?:known[ \u00a0]+as|a\.k\.a\.?|aka|nicknamed|alias)[ \u00a0]+[“\"‘']?$"
)


def _alias_of(text: str, people: list[_Accepted], i: int) -> int | None:
    """The index of the full name before ``people[i]`` that the text says is also known
    by it ('X (Idris), also known as "Abu Lulu"'); None otherwise."""
    item = people[i]
    for j in range(i - 1, max(-1, i - 3), -1):
        full = people[j]
        gap = text[full.end : item.start]
        if _ALSO_KNOWN_AS.fullmatch(gap) is not None and " " in text[full.start : full.end]:
            return j
    return None


def _build(
    view: DocumentView, chosen: list[_Accepted], accepted: list[_Accepted]
) -> DocumentMentions:
    text = view.text
    source = view.source
    content_hash = source.content_hash
    people = [a for a in chosen if a.label == "PERSON"]
    person_mentions = [
        PersonMention(
            a.start,
            a.end,
            text[a.start : a.end],
            a.collective,
            _title_before(text, a.start),
            _defined_by(text, people, i),
            " " not in text[a.start : a.end] and _in_longer_name(text, a.start, a.end),
            _alias_of(text, people, i),
            a.family or None,
        )
        for i, a in enumerate(people)
    ]
    links, clusters, reasons = resolve_references(person_mentions)
    entities: dict[str, LocalEntity] = {}
    cluster_keys: list[str] = []
    for cluster in clusters:
        key = local_entity_key(content_hash, "PERSON", name_key(cluster.name))
        cluster_keys.append(key)
        entity = entities.get(key)
        if entity is None:
            entity = LocalEntity(
                key=key,
                schema="Person",
                name=cluster.name,
                first_name=cluster.first_name,
                last_name=cluster.last_name,
                father_name=cluster.father_name,
            )
            entities[key] = entity
        entity.aliases |= {s for s in cluster.spellings if s != entity.name}
    chosen_spans = {(item.start, item.end) for item in chosen}
    acronyms: dict[str, str] = {}
    for item in accepted:
        full = item.alias_of
        if (
            full is not None
            and (full.start, full.end) in chosen_spans
            and (item.start, item.end) in chosen_spans
        ):
            short = _org_key(text[item.start : item.end])
            acronyms[short] = _org_key(text[full.start : full.end])
    mentions: list[Mention] = []
    cited_by_key: dict[str, list[bool]] = defaultdict(list)
    person_index = 0
    org_forms: dict[str, Counter[str]] = defaultdict(Counter)
    for item in chosen:
        value = source.text[item.start : item.end]
        cited = view.cited.covers(item.start, item.end)
        why: tuple[str, ...] = item.signals
        if item.label == "PERSON":
            link = links[person_index]
            why = (*why, f"reference:{reasons[person_index]}")
            person_index += 1
            entity_key = None if link is None else cluster_keys[link]
        else:
            org_key = _org_key(value)
            org_key = acronyms.get(org_key, org_key)
            entity_key = local_entity_key(content_hash, "ORG", org_key)
            org_forms[entity_key][value.replace("\u00a0", " ")] += 1
        if entity_key is not None:
            cited_by_key[entity_key].append(cited)
        mentions.append(Mention(item.start, item.end, value, item.label, entity_key, cited, why))
    for key, forms in org_forms.items():
        name = max(forms, key=lambda f: (forms[f], len(f), f))
        name = re.sub(r"^(?:the|The)\s+", "", name)
        entities[key] = LocalEntity(
            key=key, schema=org_schema(name), name=name, aliases={f for f in forms if f != name}
        )
    for key, flags in cited_by_key.items():
        entities[key].cited_only = all(flags)
    return DocumentMentions(mentions=mentions, entities=entities)


def _org_key(value: str) -> str:
    key = fold(value)
    return key.removeprefix("the ") if key != "the" else key
