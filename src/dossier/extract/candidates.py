"""Where names might be: the model's entities plus span rules the model misses.

``collect`` turns one parsed document into a ``DocumentView``: cleaned
candidate spans with the model's label and the cues a rule saw, plus what the
corpus-level stages need from the document (its lowercase vocabulary, the web
domains it cites, its citation regions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dossier.extract.citations import CitedRegions, cited_regions
from dossier.extract.names import (
    PARTICLES,
    TITLES,
    has_surname_morphology,
    is_initial,
    is_shouting,
    split_camel,
)
from dossier.extract.orgs import ORG_CUES
from dossier.extract.spans import clean_span
from dossier.model import SourceDocument

MODEL_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ][a-zà-öø-ÿа-яёәғқңөұүһі’'-]*[a-zà-öø-ÿа-яёәғқңөұүһі]|[A-Z]\.)"
)
_PARTICLE = "|".join(sorted(PARTICLES))
_NAME_SEQ = rf"{_NAME_WORD}(?:[ \u00a0](?:(?:{_PARTICLE})[ \u00a0])*{_NAME_WORD}){{0,3}}"
_MODIFIERS = frozenset(
    {"former", "late", "acting", "interim", "then", "then-president", "then-prime"}
)
_TITLE_ALT = "|".join(
    re.escape(t) for t in sorted(TITLES - _MODIFIERS, key=len, reverse=True) if len(t) > 1
)
# "Mr. Tokayev", "Prof. Sahadeo", "President Kassym-Jomart Tokayev".
_TITLED = re.compile(rf"(?<![\w-])(?i:{_TITLE_ALT})\.?[ \u00a0]+({_NAME_SEQ})")
# "T. KULIBAYEV", "PAVEL MIKHEYEV": shouted names.
_CAPS_NAME = re.compile(
    r"(?<![\w-])((?:[A-ZА-Я]\.[ \u00a0]?|[A-ZА-ЯЁ][A-ZА-ЯЁ'-]+[ \u00a0]){1,3}"
    r"[A-ZА-ЯЁ][A-ZА-ЯЁ'-]{2,})(?![\w-])"
)
# "AliyaIsenova": a given name and a surname without the space.
_CAMEL = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][a-z]+(?![\w-])")
# Capitalised sequences, for names the model does not tag at all.
_CAP_SEQ = re.compile(rf"(?<![\w-]){_NAME_SEQ}(?![\w-])")
# An organisation type noun next to a quoted name: Foundation “Qaharman”, the “Alga” party.
_QUOTED = re.compile(r"[“\"«]([^“”\"«»\n]{1,60}?)[,.]?[”\"»]")
_URL = re.compile(r"https?://[^\s)\]>”\"]+|www\.[^\s)\]>”\"]+")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+)[a-z]{2,}(?=[/\s]|$)", re.I)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]+(?![\w-])")


@dataclass
class Candidate:
    """A span that may be a name, with the evidence for what it is."""

    start: int
    end: int
    text: str
    label: str  # the model's label, or the label a rule proposes
    rule: str  # "model", "title", "caps", "camel", "morph", "quoted", "gazetteer"
    title: str | None = None


@dataclass
class DocumentView:
    """One document as the mention stages see it."""

    source: SourceDocument
    doc: Doc
    text: str
    candidates: list[Candidate]
    cited: CitedRegions
    lower_words: set[str]
    domains: set[str]
    urls: list[tuple[int, int]]
    sent_starts: set[int] = field(default_factory=set)


def collect(source: SourceDocument, doc: Doc) -> DocumentView:
    """Candidates from the model and from span rules, for one document."""
    text = doc.text
    if len(text) != len(source.text):
        raise ValueError(
            f"{source.file_name}: parsed text has {len(text)} characters, source has "
            f"{len(source.text)}; parse source.analysis_text()"
        )
    candidates: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in MODEL_LABELS:
            continue
        person = ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
        for piece in clean_span(text, ent.start_char, ent.end_char, person=person):
            candidates.append(
                Candidate(
                    piece.start,
                    piece.end,
                    text[piece.start : piece.end],
                    ent.label_,
                    "model",
                    piece.title,
                )
            )
    candidates.extend(_rule_candidates(text))
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    domains: set[str] = set()
    for start, end in urls:
        match = _DOMAIN.match(text, start, end)
        if match is not None:
            domains.update(p for p in match.group(1).lower().split(".") if len(p) > 2)
    return DocumentView(
        source=source,
        doc=doc,
        text=text,
        candidates=candidates,
        cited=cited_regions(text),
        lower_words=set(_LOWER_WORD.findall(text)),
        domains=domains,
        urls=urls,
        sent_starts={s.start_char for s in doc.sents}
        if doc.has_annotation("SENT_START")
        else set(),
    )


def _rule_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _TITLED.finditer(text):
        title = text[match.start() : match.start(1)].strip()
        for piece in clean_span(text, match.start(1), match.end(1), person=True):
            out.append(
                Candidate(
                    piece.start, piece.end, text[piece.start : piece.end], "PERSON", "title", title
                )
            )
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
    for match in _CAMEL.finditer(text):
        if split_camel(match.group()) is not None:
            out.append(Candidate(match.start(), match.end(), match.group(), "PERSON", "camel"))
    for match in _CAP_SEQ.finditer(text):
        words = match.group().replace("\u00a0", " ").split(" ")
        if len(words) >= 2 and has_surname_morphology(words[-1]):
            for piece in clean_span(text, match.start(), match.end(), person=True):
                out.append(
                    Candidate(
                        piece.start, piece.end, text[piece.start : piece.end], "PERSON", "morph"
                    )
                )
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
        if not cue:
            continue
        for piece in clean_span(text, match.start(1), match.end(1), person=False):
            out.append(
                Candidate(piece.start, piece.end, text[piece.start : piece.end], "ORG", "quoted")
            )
    return out
