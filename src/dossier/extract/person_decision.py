"""Is this candidate a person? The one place that decides, and the signals it weighed.

The model's label is one vote. A span becomes a person mention when the
evidence agrees: a given name and a surname, a title or honorific, an
apposition with a person noun, surname morphology, a full name of the same
document or corpus that the word is part of, or the model's label backed by
the corpus's other votes for the same string. ``decide_person`` returns a
``PersonVerdict`` whose ``signals`` name that evidence, so that the output can
say why a name was read as a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.candidates import Candidate
from dossier.extract.gazetteer import TOPONYM, Gazetteer, words_of
from dossier.extract.names import fold, has_surname_morphology, split_camel
from dossier.extract.places import is_country


@dataclass(frozen=True)
class PersonVerdict:
    """A person decision: ``strength`` is "strong" (a full name on its own evidence)
    or "weak" (a mention that needs the document's or the corpus's support)."""

    strength: str
    signals: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "signals", tuple(dict.fromkeys(self.signals)))


def candidate_signals(cand: Candidate) -> list[str]:
    """What the span itself shows: the model's label, the rule that found it, its cues."""
    out = [f"model:{cand.label}" if cand.rule == "model" else f"rule:{cand.rule}"]
    if cand.title is not None:
        out.append(f"title:{cand.title}")
    if cand.person_cue:
        out.append("apposition")
    if cand.possessive:
        out.append("possessive")
    if cand.person_verb is not None:
        out.append(f"verb:{cand.person_verb}")
    return out


def outside_quotes(value: str) -> str:
    """ "Johnson “Izo” Andre" -> "Johnson Andre": a name without its quoted nickname."""
    return re.sub(r"[ \u00a0]*[“\"‘][^”\"’]*[”\"’][ \u00a0]*", " ", value).strip()


def decide_person(
    gaz: Gazetteer,
    cand: Candidate,
    doc_parts: set[str],
    doc_surnames: set[str] | None = None,
    doc_singles: set[str] | None = None,
) -> PersonVerdict | None:
    """Whether ``cand`` is a person mention, and why.

    ``doc_parts`` are the given names and surnames of the full names the same
    document gives with strong evidence; ``doc_surnames`` the surnames alone;
    ``doc_singles`` single names the document gives as a person with evidence
    beyond the model's label (a title, an apposition, a verb that takes a person).
    """
    value = cand.text
    base = candidate_signals(cand)
    if cand.rule == "nickname":
        outer = outside_quotes(value)
        plain = not any(gaz.is_common(w) for w in words_of(outer))
        if (
            plain
            and not cand.headline
            and gaz.name_like(outer)
            and not gaz.rejected_as_person(outer)
        ):
            return PersonVerdict("strong", (*base, "nickname-in-quotes", "given-name-and-surname"))
        return None
    if not gaz.name_like(value) or gaz.rejected_as_person(value):
        return None
    if cand.org_after:
        return None  # "Ana Ruiz Foundation", "Rio Azul Entity": part of an organisation's name
    words = words_of(value)
    if gaz.is_strong(cand):
        signals = [*base, *gaz.strong_signals(cand)]
        return PersonVerdict("strong", tuple(signals))
    if len(words) == 1:
        if (
            doc_singles is not None
            and words[0] in doc_singles
            and not cand.determiner
            and not cand.place_cue
        ):
            return PersonVerdict("weak", (*base, "named-as-person-in-document"))
        return _one_word(gaz, cand, words[0], doc_parts, doc_surnames, base)
    if cand.headline or cand.place_cue:
        return None
    person, place, org = gaz.place_votes(value)
    if (
        cand.label == "PERSON"
        and not any(gaz.mostly_place(w) for w in words)
        and all(w in doc_parts or not gaz.is_common(w) for w in words)
        and place + org <= person
    ):
        return PersonVerdict("weak", (*base, "model-votes-agree"))
    if (
        cand.label in ("ORG", "GPE", "NORP", "GAZ", "FAC")
        and len(words) <= 3
        and doc_surnames is not None
        and words[-1] in doc_surnames
        and not any(gaz.is_common(w) or gaz.mostly_place(w) for w in words)
        # (the candidate's own label is one place vote: "Milorad Dodik" tagged FAC once)
        and not gaz.mostly_place(value, 2)
    ):
        # "Emmerson Mnangagwa" tagged ORG (or FAC), where "Auxillia Mnangagwa" is a person
        return PersonVerdict("weak", (*base, "surname-of-full-name-in-document"))
    if (
        cand.label in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")
        and 2 <= len(words) <= 3
        and cand.office_apposed
        # (the model's own labels of this name are the place votes; a place is written
        # "in X" somewhere, or is a country)
        and not any(
            gaz.is_common(w)
            or gaz.locative_uses[fold(w)] > 0
            or TOPONYM.search(w) is not None
            or is_country(w)
            for w in words
        )
        and not is_country(value)
    ):
        # "Anselem Sanyatwe, Zimbabwe's ambassador to Tanzania" tagged GPE
        return PersonVerdict("weak", (*base, "office-in-apposition"))
    if (
        cand.label in ("ORG", "GPE", "NORP")
        and len(words) <= 3
        and words[0] in gaz.given_names
        and not any(gaz.is_common(w) or gaz.mostly_place(w) for w in words)
        and not gaz.mostly_place(value)
    ):
        return PersonVerdict("weak", (*base, "given-name-in-corpus"))
    return None


def _one_word(
    gaz: Gazetteer,
    cand: Candidate,
    word: str,
    doc_parts: set[str],
    doc_surnames: set[str] | None,
    base: list[str],
) -> PersonVerdict | None:
    key = fold(word)
    if split_camel(word) is not None:
        return PersonVerdict("strong", (*base, "glued-given-name-and-surname"))
    if cand.determiner or cand.place_cue:
        return None  # "the Khan": a title or a common noun, not a name
    person, place, org = gaz.place_votes(word)
    # "Al-Fayyadh" opening a sentence is the "al-Fayyadh" of a full name
    article = re.match(r"(A[lnrsz]|E[ln])-(?=[A-Z])", word)
    if article is not None and word not in doc_parts:
        word = article.group(1).lower() + word[len(article.group(1)) :]
    if word in doc_parts:
        part = "surname" if doc_surnames is None or word in doc_surnames else "name-part"
        return PersonVerdict("weak", (*base, f"{part}-of-full-name-in-document"))
    if cand.headline:
        if word in gaz.surnames:
            return PersonVerdict("weak", (*base, "surname-in-corpus"))
        return None
    if key in gaz.eponym_led:  # used for a law or prize at least as often as for a person
        return None
    if (
        cand.label == "SURNAME"
        and place <= 1
        and org == 0
        and gaz.locative_uses[key] == 0
        and not TOPONYM.search(word)
    ):
        return PersonVerdict("weak", (*base, "surname-morphology", "mid-sentence"))
    if word in gaz.surnames and cand.label in ("ORG", "GPE", "NORP", "GAZ"):
        if key not in gaz.place_led:  # place <= person + person uses
            return PersonVerdict("weak", (*base, "surname-in-corpus"))
        return None
    if gaz.locative_uses[key] > 0 or TOPONYM.search(word):
        return None
    if (
        cand.described
        and cand.label in ("GPE", "ORG", "NORP")
        and not is_country(word)
        and word in gaz.mid_caps
    ):
        # "Khashoggi, a Saudi journalist": the text says what the model's label missed
        return PersonVerdict("weak", (*base, "described-as-person"))
    if place > person:
        return None
    if (
        word not in gaz.mid_caps
        and not cand.person_cue
        and cand.rule != "title"
        and not cand.possessive
    ):
        return None  # only ever capitalised at the start of a sentence
    if cand.label == "SURNAME" and place == 0 and org == 0:
        return PersonVerdict("weak", (*base, "surname-morphology"))
    if cand.label != "PERSON":
        return None
    # The model's label must agree with its other votes for the word (unless a title or
    # an apposition says so), and something beyond the label must back it.
    backing: list[str] = []
    if cand.rule == "title" or cand.title is not None:
        backing.append("title")
    if cand.person_cue:
        backing.append("apposition")
    if word in gaz.last_names:
        backing.append("surname-of-full-name-in-corpus")
    if has_surname_morphology(word):
        backing.append("surname-morphology")
    if cand.person_verb is not None:
        backing.append("verb-takes-a-person")
    if cand.rule_after:
        backing.append("regime-or-rule-after")
    if cand.possessive and place + org == 0:
        backing.append("possessive-and-model-only-person")
    if len(backing) == 0:
        return None
    contextual = {"title", "apposition", "verb-takes-a-person", "regime-or-rule-after"}
    if place + org > person or (place + org == person and contextual.isdisjoint(backing)):
        return None
    return PersonVerdict("weak", (*base, "model-votes-agree", *backing, BACKED))


# The mark of a single name accepted on evidence beyond the model's label.
BACKED = "backed"
