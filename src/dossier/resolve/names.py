"""Name normalisation for matching: cleaning, transliteration and spelling keys.

A *skeleton* is a spelling key for one name token: the token transliterated to
ASCII (rigour's ``ascii_text``, which handles Cyrillic and Kazakh letters),
lower-cased, and folded over the romanisation choices that vary between
sources for the same Cyrillic or Kazakh letters:

- ``dzh``/``dj``/``zh`` → ``j`` (Dzhumadiyev, Zhanbolat/Janbolat)
- ``kh``/``h``/``q`` → ``k`` (Khalyk/Halyk, Mukhtar/Muktar, Тоқаев → Toqaev)
- ``y`` → ``i`` (Kasym/Kasim, Mamay/Mamai: ay/ai)
- ``z`` → ``s`` (Kozlov/Koslov, Organization/Organisation), ``w`` → ``v`` (Karimowa)
- doubled letters collapse (Kassym/Kasym, Rittmann/Rittman)
- a glide ``i`` between a vowel and ``e`` drops (Tokayev/Tokaev, Aliyev/Aliev:
  -yev/-ev/-iev), word-initial ``ye`` → ``e`` (Yermek/Ermek)
- ``u`` + ``y`` before a consonant → ``u`` (Bauyrzhan/Baurzhan)

The feminine ending is kept (Kulibayev ≠ Kulibayeva): it separates relatives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from rigour.names import remove_person_prefixes
from rigour.text import ascii_text

from dossier.resolve.parts import (
    Part,
    east_slavic,
    is_patronymic,
    long_vowels,
    part,
    transliteration_keys,
    without_h,
)

VOWELS = frozenset("aeiou")

# Honorifics rigour does not strip, lower-case, without the full stop. Royal and
# religious titles are NOT stripped: "Prince Andrew" is a name, not "Andrew".
_HONORIFICS: frozenset[str] = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "president"]
)
_POSSESSIVE = re.compile(r"['’`]s$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"[\[(]?\d+[\])]?$")
_SPLIT = re.compile(r"[\s\-‐‑–—/]+")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_ROYAL: frozenset[str] = frozenset(
    {"prince", "princess", "king", "queen", "emir", "sheikh"}
    | {"sultan", "shah", "tsar", "czar", "pope"}
)
# Org words spelled differently in British and American English.
_ORG_WORDS: dict[str, str] = {"centre": "center", "defence": "defense", "programme": "program"}
_ORG_STOPWORDS: frozenset[str] = frozenset({"the"})


def clean_name(text: str) -> str:
    """A name as written, minus honorifics, possessives, footnote markers and stray space."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = " ".join(text.split())
    text = text.strip(" ,;:.\"“”‘’'()[]")
    text = _POSSESSIVE.sub("", text)
    text = _FOOTNOTE.sub("", text).strip(" ,;:.[(")
    stripped = remove_person_prefixes(text)
    if isinstance(stripped, str) and stripped.strip() != "":
        text = stripped.strip()
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


_UNSPACED_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def one_name_only(names: Iterable[str]) -> str | None:
    """The name a person is known by when none of ``names`` is a full name (a given
    name and a surname spelled out: "Viktor", "Ibarra-Soto", "V. Ibarra"), else None.
    Chinese, Japanese and Korean names written in their script, which puts no space
    between the parts, count as full."""
    written = sorted({clean_name(n) for n in names} - {""}, key=lambda n: (-len(n), n))
    for name in written:
        form = person_form(name)
        if _UNSPACED_SCRIPTS.search(name) or (form is not None and form.is_full):
            return None
    return written[0] if len(written) > 0 else None


def display_case(text: str) -> str:
    """Title-case a name written in capitals ("T. KULIBAYEV" → "T. Kulibayev")."""
    letters = [c for c in text if c.isalpha()]
    if " " in text and len(letters) > 3 and all(c.isupper() for c in letters):
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), text.lower())
    return text


def ascii_token(token: str) -> str:
    """A token in lower-case ASCII letters and digits (Тоқаев → "toqaev")."""
    return re.sub(r"[^a-z0-9]", "", ascii_text(token).lower())


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The spelling key of one name token (see the module docstring)."""
    text = ascii_token(token)
    text = text.replace("dzh", "j").replace("dj", "j").replace("zh", "j")
    text = text.replace("sh", "1").replace("ch", "2").replace("kh", "k").replace("gh", "g")
    text = text.replace("h", "k").replace("q", "k").replace("x", "ks")
    text = text.replace("y", "i").replace("z", "s").replace("w", "v")
    text = re.sub(r"(.)\1+", r"\1", text)
    if text.startswith("ie") and len(text) > 3:
        text = text[1:]
    text = re.sub(r"([aeou])i(e)", r"\1\2", text)
    text = re.sub(r"ui(?=[^aeiou0-9])", "u", text)
    return text.replace("1", "sh").replace("2", "ch")


def tokens(text: str) -> list[str]:
    """Name tokens: split on spaces, hyphens and slashes; keep initials' letters."""
    return [t.strip(".,;:'’\"“”()[]") for t in _SPLIT.split(text) if t.strip(".,;:'’\"“”()[]")]


def is_initial(token: str) -> bool:
    return _INITIAL.match(token) is not None


def is_acronym(text: str) -> bool:
    """An acronym as written: 2-8 capitals or digits, optional dots ("CSTO", "U.N.")."""
    compact = text.replace(".", "").replace(" ", "")
    return 2 <= len(compact) <= 8 and compact.isupper() and compact.isalnum() and " " not in text


@dataclass(frozen=True)
class PersonForm:
    """One spelling of a person's name, parsed for matching."""

    text: str
    parts: tuple[str, ...]  # skeletons of every token, in written order
    initial: str | None  # "T. Kulibayev": "t"; else None
    royal: bool  # "Prince Andrew": a title that is part of the name
    tokens: tuple[str, ...] = ()  # each part's token in lower-case ASCII

    @cached_property
    def name_parts(self) -> tuple[Part, ...]:
        """Each part with what ``agreement.agreement`` compares (rigour symbols, keys); in a
        name with an East Slavic patronymic, with the keys of ``parts.east_slavic``."""
        plain = tuple(name_part(t) for t in self.tokens)
        if not any(is_patronymic(p) for p in plain[1:-1]):
            return plain
        return tuple(slavic_name_part(t) for t in self.tokens)

    @property
    def part_signature(
        self,
    ) -> tuple[tuple[object, ...], ...]:
        """What the agreement rules read from each part (profiles with one get one verdict)."""
        return tuple(
            (p.skeleton, p.keys, p.symbols, p.bare, p.opening, p.onset, *p.spelled)
            for p in self.name_parts
        )

    @property
    def is_full(self) -> bool:
        """Given name and surname, both spelled out, as two words or more: one word
        joined by a hyphen is a compound surname or given name alone (Ibarra-Soto,
        Jean-Marie), not a given name and a surname."""
        return (
            self.initial is None
            and len(self.parts) >= 2
            and not self.royal
            and len(self.text.split()) >= 2
        )

    @property
    def is_single(self) -> bool:
        return self.initial is None and len(self.parts) == 1 and not self.royal

    @property
    def given(self) -> str:
        return self.parts[0]

    @property
    def surname(self) -> str:
        return self.parts[-1]

    @property
    def joined(self) -> str:
        return "".join(self.parts)


def person_form(text: str) -> PersonForm | None:
    """Parse one spelling; None if nothing name-like is left after cleaning."""
    cleaned = clean_name(text)
    raw = tokens(cleaned)
    if len(raw) == 0:
        return None
    royal = raw[0].lower() in _ROYAL
    initial: str | None = None
    if len(raw) >= 2 and all(is_initial(t) for t in raw[:-1]):
        initial = skeleton(raw[0])[:1] or None
        raw = raw[-1:]
    kept = [(skeleton(t), ascii_token(t)) for t in raw]
    kept = [(s, t) for s, t in kept if s != ""]
    if len(kept) == 0:
        return None
    parts = tuple(s for s, _ in kept)
    return PersonForm(cleaned, parts, initial, royal, tuple(t for _, t in kept))


def name_part(token: str) -> Part:
    """``parts.Part`` of a lower-case ASCII token."""
    read = long_vowels(token)  # Sameer read Samir (and so not Samer)
    return part(
        token,
        skeleton(read),
        transliteration_keys(read, skeleton),
        skeleton(without_h(read)),
    )


@lru_cache(maxsize=65536)
def slavic_name_part(token: str) -> Part:
    """``name_part`` of a token of a name with an East Slavic patronymic."""
    p = name_part(token)
    extra = transliteration_keys(east_slavic(long_vowels(token)), skeleton)
    return replace(p, keys=p.keys | frozenset(extra))


def org_key(text: str) -> str:
    """The spelling key of an organisation name (token skeletons joined by spaces)."""
    cleaned = clean_org(text)
    parts = []
    for token in tokens(cleaned):
        if is_acronym(token):  # compared as written: EEU is not EU
            parts.append(token.replace(".", ""))
            continue
        lowered = ascii_text(token).lower()
        if lowered in _ORG_STOPWORDS:
            continue
        parts.append(skeleton(_ORG_WORDS.get(lowered, lowered)))
    return " ".join(p for p in parts if p != "")


def clean_org(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = " ".join(text.split()).strip(" ,;:.\"“”‘’'()[]")
    text = _POSSESSIVE.sub("", text)
    return _FOOTNOTE.sub("", text).strip(" ,;:.[(")


def name_key(schema_class: str, text: str) -> str:
    """Anchor key of a name for decisions: order-free spelling key, or "" if empty."""
    if schema_class == "person":
        form = person_form(text)
        if form is None:
            return ""
        prefix = f"{form.initial}. " if form.initial is not None else ""
        return prefix + " ".join(sorted(form.parts))
    return org_key(text)


def edit_variant(left: str, right: str) -> bool:
    """True if two skeletons differ by one vowel inserted or two letters swapped.

    Only for tokens of six letters or more whose first two and last letters
    agree, so endings that carry meaning (Kulibayev/Kulibayeva) never match.
    """
    if left == right or min(len(left), len(right)) < 6:
        return False
    if left[:2] != right[:2] or left[-1] != right[-1]:
        return False
    if len(left) == len(right):
        diffs = [i for i in range(len(left)) if left[i] != right[i]]
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and left[diffs[0]] == right[diffs[1]]
            and left[diffs[1]] == right[diffs[0]]
        )
    short, long_ = (left, right) if len(left) < len(right) else (right, left)
    if len(long_) - len(short) != 1:
        return False
    for i, char in enumerate(long_):
        if long_[:i] + long_[i + 1 :] == short:
            return char in VOWELS
    return False


def deletion_keys(part: str) -> set[str]:
    """Blocking keys that bring edit variants together: the part and its one-letter deletions."""
    keys = {part}
    if len(part) >= 6:
        keys.update(part[:i] + part[i + 1 :] for i in range(len(part)))
    return keys
