"""Corpus-level label consistency, from the documents themselves.

The model labels the same string differently from one sentence to the next
("Nazarbayev": ORG 49 times, PERSON 16). The ``Gazetteer`` pools what all
documents say about each string: the model's label votes, names introduced
with strong evidence (a title, surname morphology, a full name the model tags
PERSON), eponym uses ("Magnitsky Act"), the lowercase vocabulary (words that
are common words, not names) and web domains (sites, not people). ``decide``
then gives each candidate one label.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from dossier.extract.candidates import PORTFOLIO, Candidate, DocumentView
from dossier.extract.names import (
    CALENDAR_WORDS,
    EPONYM_NOUNS,
    NAME_TITLES,
    PARTICLES,
    PLACE_NOUNS,
    STATE_FORMS,
    WEEKDAYS,
    fold,
    has_surname_morphology,
    is_demonym,
    is_initial,
    is_prefixed_name,
    is_shouting,
    is_title,
    wordset,
)
from dossier.extract.orgs import has_org_cue
from dossier.extract.places import is_country

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Things the model takes for people that never are (small closed list).
NOT_NAMES: frozenset[str] = wordset(
    """
    covid covid-19 coronavirus sars-cov-2 twitter facebook instagram youtube telegram
    whatsapp tiktok vkontakte google wikipedia linkedin internet
    """
)
# Words of news agencies' names ("Agence France-Presse", "Associated Press"): never people.
AGENCY_WORDS: frozenset[str] = wordset(
    "agence presse press news reuters interfax xinhua tass novosti yonhap kyodo bernama anadolu afp"
    " images"  # picture agencies: "Getty Images"
)
# Words of a listing's fields ("Gender Male", "Nationality: ..."), never a name's.
FIELD_WORDS: frozenset[str] = wordset(
    "gender male female sex nationality citizenship dob pob passport born aka alias"
)
# Place-name endings (Kyzylorda, Shymkent, Uralsk, Ashgabat, Petersburg, Kazakhstan).
_POSSESSIVE_END = re.compile(r"[’']s?$")
TOPONYM = re.compile(r"(?:stan|abad|grad|gorod|burg|orda|kent|polis|insk|ovsk|evsk|sk)$")
_COLLECTIVE = re.compile(
    r"[ \u00a0]+(?:family|families|clan|clans|dynasty|brothers|sisters|siblings|couple|"
    r"household)\b"
)
_EPONYM_AFTER = re.compile(r"(?:-(?:style|type|like|gate)\b|[ \u00a0]+([A-Za-z]+))")


VOTE_CAP = 6  # above every number the decisions compare a vote count with (at most 5)


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


class VoteTable(defaultdict[str, Counter[str]]):
    """The model's label votes for each folded string (``Gazetteer.votes``).

    The decisions use a string's votes only through ``Gazetteer.place_votes``,
    comparing the PERSON, place and ORG counts with each other, their sum with
    the PERSON count, and each count with numbers up to 5 (the place count's
    lead over the PERSON and use counts together is ``Gazetteer.place_led``).
    What a document records as read of a string's votes (``dossier.readset``)
    is therefore that profile, not the counts: one more vote that changes none
    of those comparisons leaves the documents that looked the string up valid.
    A rule that compares votes in another way must extend ``readset_answer``
    (the incremental build tests compare with a cold build).
    """

    def __init__(self, factory: Callable[[], Counter[str]] = Counter) -> None:
        super().__init__(factory)

    def readset_answer(self, votes: Counter[str]) -> tuple[int, ...]:
        person, place, org = _tally(votes)
        return (
            min(person, VOTE_CAP),
            min(place, VOTE_CAP),
            min(org, VOTE_CAP),
            _sign(place - person),
            _sign(place - org),
            _sign(person - org),
            _sign(place + org - person),
        )


class UseCounts(Counter[str]):
    """Counts the decisions only compare with zero (``locative_uses``): a document
    records only whether a string's count is above zero (``dossier.readset``)."""

    def readset_answer(self, count: int) -> bool:
        return count > 0


# A person's name used for the government they lead: "the Duterte administration", "the
# Maduro regime’s", "the Kalinov government". The model's ORG tag there is no vote.
_GOVERNMENT_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:regime|administration|government|presidency|dictatorship|"
    r"cabinet)\b"
)


def _tally(votes: Counter[str]) -> tuple[int, int, int]:
    return votes["PERSON"], sum(votes[label] for label in PLACE_LABELS), votes["ORG"]


def words_of(value: str) -> list[str]:
    return value.replace("\u00a0", " ").split()


@dataclass
class Gazetteer:
    """What the whole corpus says about names."""

    lower_vocab: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    votes: dict[str, Counter[str]] = field(default_factory=VoteTable)
    strong_names: dict[str, str] = field(default_factory=dict)  # fold -> surface
    surnames: set[str] = field(default_factory=set)  # surname-shaped surnames of strong names
    given_names: set[str] = field(default_factory=set)
    last_names: set[str] = field(default_factory=set)  # last words of strong full names
    eponym_uses: Counter[str] = field(default_factory=Counter)
    person_uses: Counter[str] = field(default_factory=Counter)
    locative_uses: Counter[str] = field(default_factory=UseCounts)
    mid_caps: set[str] = field(default_factory=set)
    typed_orgs: set[str] = field(default_factory=set)  # names the text calls a party, a group ...
    # strings whose place votes outnumber their PERSON votes and person uses together
    place_led: set[str] = field(default_factory=set)
    # words used for a law, prize or street at least once and as often as for a person
    eponym_led: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, views: Sequence[DocumentView]) -> Gazetteer:
        gaz = cls()
        for view in views:
            gaz.lower_vocab |= view.lower_words
            gaz.domains |= view.domains
            gaz.mid_caps |= view.mid_caps
            for word, count in view.locative_words.items():
                gaz.locative_uses[fold(word)] += count
        for view in views:
            for cand in view.candidates:
                key = fold(cand.text)
                if cand.rule in ("typed", "typed-after"):
                    gaz.typed_orgs.add(key)
                if cand.rule == "model" and not (
                    cand.label == "ORG" and _GOVERNMENT_AFTER.match(view.text, cand.end) is not None
                ):
                    # (not "the Duterte administration" tagged ORG: the tag is the regime's)
                    gaz.votes[key][cand.label] += 1
                words = words_of(cand.text)
                if gaz.eponym_after(view.text, cand.end):
                    gaz.eponym_uses[fold(words[-1])] += 1
                elif len(words) == 1 and (cand.label == "PERSON" or cand.rule == "title"):
                    gaz.person_uses[key] += 1
        for view in views:
            for cand in view.candidates:
                core = gaz.person_core(cand)
                if core is None or not gaz.is_strong(core):
                    continue
                words = words_of(core.text)
                if len(words) < 2:
                    continue
                gaz.strong_names[fold(core.text)] = core.text
                last = words[-1]
                gaz.person_uses[fold(last)] += 1
                gaz.last_names.add(last)
                if has_surname_morphology(last):
                    gaz.surnames.add(last)
                if not is_initial(words[0]) and words[0].lower() not in PARTICLES:
                    gaz.given_names.add(words[0])
        gaz.place_led = {
            key
            for key, votes in gaz.votes.items()
            if _tally(votes)[1] > _tally(votes)[0] + gaz.person_uses[key]
        }
        # One fact per word for its readers (``dossier.readset``): a document that
        # reads it is decided again only when the comparison's outcome changes.
        gaz.eponym_led = {
            key
            for key, uses in gaz.eponym_uses.items()
            if uses > 0 and uses >= gaz.person_uses[key]
        }
        return gaz

    # -- word tests ---------------------------------------------------------
    def is_common(self, word: str) -> bool:
        """A word the corpus also writes in lowercase: a common word, not a name."""
        bare = word.strip(".,;:’'").lower()
        if "-" in bare and bare not in self.lower_vocab:
            parts = [p for p in bare.split("-") if p != ""]
            return len(parts) > 0 and all(p in self.lower_vocab for p in parts)
        return bare in self.lower_vocab or is_title(bare)

    def place_votes(self, value: str) -> tuple[int, int, int]:
        """(PERSON, place, ORG) votes of the model for ``value`` across the corpus."""
        votes = self.votes.get(fold(value))
        if votes is None:
            return 0, 0, 0
        return _tally(votes)

    def eponym_after(self, text: str, end: int) -> bool:
        """Is the name ending at ``end`` used for a law, prize, street, scandal ...?"""
        match = _EPONYM_AFTER.match(text, end, min(len(text), end + 30))
        if match is None:
            return False
        if match.group(1) is None:
            return True
        return match.group(1).lower() in EPONYM_NOUNS

    # -- person decisions ---------------------------------------------------
    def person_core(self, cand: Candidate) -> Candidate | None:
        """The candidate with leading common words cut ("Following Kassym-Jomart Tokayev")."""
        text = cand.text
        matches = list(re.finditer(r"\S+", text))
        i = 0
        while len(matches) - i >= 2:
            word = matches[i].group()
            if word.lower() in PARTICLES or is_initial(word):
                break
            if is_title(word) or (self.is_common(word) and not is_shouting(word)):
                if i == 0 and len(matches) == 2 and self._given_word(cand, word):
                    break  # "financier Bill Browder"
                i += 1
                continue
            break
        # "Prisoner of Conscience Max Bokayev": a known full name at the end, after words
        # that are not a given name ("Mehmet Volkan Kasikci" keeps "Mehmet")
        while len(matches) - i >= 3 and cand.rule not in ("author", "given-before"):
            rest = text[matches[i + 1].start() :]
            if fold(rest) not in self.strong_names:
                break
            person, place, org = self.place_votes(matches[i].group())
            if not (cand.after_lower or place + org > person):
                break
            if (
                matches[i].group() in self.given_names
                and place + org <= person
                and cand.rule != "nickname"  # (its quoted short form is the name's key)
            ):
                break  # "commander Thura San Lwin": a given name, not a word before the name
            i += 1
        end = len(text)
        if len(matches) - i >= 3 and fold(matches[-1].group()) in NOT_NAMES:
            end = matches[-2].end()  # "William Tompson Twitter post", "Maxim Eristavi’s Twitter"
            end -= len(text[:end]) - len(_POSSESSIVE_END.sub("", text[:end]))
        if i == 0 and end == len(text):
            return cand
        if cand.rule == "author":
            return None  # "International Labour Conference": a note's author is all name
        cut = matches[i].start()
        return replace(cand, start=cand.start + cut, end=cand.start + end, text=text[cut:end])

    def name_like(self, value: str) -> bool:
        """Every word is a capitalised word, initial or particle; not a URL, number or org."""
        if any(c.isdigit() for c in value) or "/" in value or "@" in value or "://" in value:
            return False
        if "." in value.replace(". ", " ").strip(".") and not all(
            is_initial(w) or "." not in w for w in words_of(value)
        ):
            return False  # a domain name: Vlast.kz, Factcheck.kz
        words = words_of(value)
        if len(words) == 0 or len(words) > 7:
            return False
        for at, word in enumerate(words):
            if word.lower() in PARTICLES or is_initial(word) or is_prefixed_name(word):
                continue
            if at > 0 and len(word) > 2 and word[0] in "'’ʿ" and word[1].isupper():
                continue  # "Husayn Falih 'Aziz al-Lami": an apostrophe for the ayn
            if not word[0].isupper():
                return False
        if not (words[-1][0].isupper() or is_prefixed_name(words[-1])):
            return False
        return not has_org_cue(value)

    def rejected_as_person(self, value: str) -> bool:
        """Demonyms, titles, sites, diseases, scandals and common words are not people."""
        words = words_of(value)
        key = fold(value)
        if key in NOT_NAMES or key.replace(" ", "") in self.domains or is_country(value):
            return True
        if PORTFOLIO.fullmatch(" ".join(words)) is not None:
            return True  # "Minister of Foreign Affairs Mélanie Joly": the office's portfolio
        if len(words) > 1 and (
            words[-1].lower() in EPONYM_NOUNS or words[-1].lower() in PLACE_NOUNS
        ):
            return True  # "King Charles Street", "Nobel Prize", "Dzungar Khanate"
        if len(words) > 1 and words[0].lower() in STATE_FORMS:
            return True  # "Republika Srpska": a polity's name
        if len(words) > 1 and any(re.search(r"[’']s$", w) for w in words[:-1]):
            return True  # "Jehovah’s Witnesses"
        if key in self.typed_orgs and not has_surname_morphology(words[-1]):
            return True  # "the Ak Zhol party", "social movement Oyan Kazakstan"
        if any(p in AGENCY_WORDS for w in words for p in w.lower().split("-")):
            return True  # a news agency
        if any(w.lower().strip(".:;,") in FIELD_WORDS for w in words):
            return True  # "Gender Male": a field of a sanctions listing
        if len(words) == 1 and words[0].lower().strip(".") in CALENDAR_WORDS:
            return True  # "Friday", "May": a day or a month alone
        if words[-1].lower() in WEEKDAYS:
            return True  # "Good Friday", "Super Tuesday"
        if len(words) == 1:
            word = words[0]
            if is_demonym(word) or is_title(word) or word.lower().endswith("gate"):
                return True
            if word.lower() in PLACE_NOUNS:
                return True  # "the Khanate"
            if word.lower() in self.domains:
                return True
        if all(self.is_common(w) for w in words if w.lower() not in PARTICLES):
            return True
        return any(is_demonym(w) for w in words)

    def is_strong(self, cand: Candidate) -> bool:
        """Evidence enough to call this string a person's full name anywhere."""
        value = cand.text
        if not self.name_like(value) or self.rejected_as_person(value):
            return False
        words = words_of(value)
        if cand.rule in ("caps", "camel", "inverted"):
            return True
        if cand.place_cue or cand.org_after:
            return False
        if cand.headline and cand.rule != "author" and not has_surname_morphology(words[-1]):
            return False  # "Dark Shadows: Inside the Secret World of Kazakhstan"
        common = [
            w
            for w in words
            if not is_initial(w) and w.lower() not in PARTICLES and self.is_common(w)
        ]
        # "financier Bill Browder": a given name that is also a word, capitalised mid-sentence
        given_word = len(words) == 2 and common == [words[0]] and self._given_word(cand, words[0])
        # "Prime Minister John Major": after a title, a given name makes a word a surname
        word_surname = (
            len(words) == 2
            and common == [words[1]]
            and (cand.rule == "title" or cand.title is not None)
            and not self.is_common(words[0])
            and not is_title(words[0])
        )
        # "Justo Pastor Urbina": the model's name of three words with a title word inside
        # it, after a given name, is still a full name (the title does not start it)
        inner_word = (
            len(words) >= 3
            and cand.label == "PERSON"
            and len(common) == 1
            and common[0] in words[1:-1]
            and common[0].lower() in NAME_TITLES
            and not is_title(words[0])
            and not self.mostly_place(words[0])
        )
        if len(common) > 0 and not given_word and not word_surname and not inner_word:
            return False
        if self.mostly_place(value):
            return False
        if any(
            self.mostly_place(w, 5) and self._used_as_place(w)
            for w in words
            if not has_surname_morphology(w)
        ):
            return False  # "President Nazarbayev Kazakhstan"
        if cand.rule in ("title", "author") or (cand.person_cue and len(words) >= 2):
            return True
        lenient = cand.rule == "morph" or has_surname_morphology(words[-1])
        at_least = 5 if lenient else 2
        if any(self.mostly_place(w, at_least) for w in words if not has_surname_morphology(w)):
            return False
        if len(words) < 2:
            return False
        if has_surname_morphology(words[-1]):
            return True
        return cand.label == "PERSON"

    def strong_signals(self, cand: Candidate) -> list[str]:
        """The evidence ``is_strong`` found in a full name, named for the output."""
        words = words_of(cand.text)
        out: list[str] = []
        if cand.rule in ("caps", "camel"):
            out.append("shouted-or-glued-name")
        if cand.rule == "inverted":
            out.append("listed-family-name-first")
        if cand.rule == "author":
            out.append("note-author")
        if cand.rule == "title" or cand.title is not None:
            out.append("title")
        if cand.person_cue:
            out.append("apposition")
        if len(words) >= 2:
            out.append("given-name-and-surname")
        if has_surname_morphology(words[-1]):
            out.append("surname-morphology")
        return out

    def _given_word(self, cand: Candidate, word: str) -> bool:
        """A common word capitalised mid-sentence before a surname: a given name ("Bill")."""
        titled = cand.rule == "title" or cand.title is not None  # "President Bill Clinton"
        return cand.label == "PERSON" and (cand.after_lower or titled) and word in self.mid_caps

    def is_certain(self, cand: Candidate) -> bool:
        """Strong evidence beyond the model's label: a title, a note author, an apposition,
        surname morphology, a shouted or glued name."""
        if (
            cand.rule
            in ("title", "author", "caps", "camel", "inverted", "morph", "nickname", "listed")
            or cand.person_cue
        ):
            return True
        return has_surname_morphology(words_of(cand.text)[-1])

    def _used_as_place(self, word: str) -> bool:
        """A country, or a word the corpus writes as a place ("in X"): the model's place
        votes alone may be its mistake ("journalist Jamal Khashoggi" tagged GPE)."""
        return is_country(word) or self.locative_uses[fold(word)] > 0

    def mostly_place(self, word: str, at_least: int = 1) -> bool:
        person, place, org = self.place_votes(word)
        return place > person and place >= org and place >= at_least

    def is_surname_like(self, word: str) -> bool:
        return word in self.surnames

    def collective_after(self, text: str, end: int) -> bool:
        return _COLLECTIVE.match(text, end, min(len(text), end + 20)) is not None


def _possessive_at(text: str, end: int) -> bool:
    return text[end : end + 2] in ("’s", "'s")
