"""Name parts: when two written tokens are one part of a person's name.

Two tokens of a person's name agree when one of these says so:

- *spelling*: they have one spelling key (``names.skeleton``: Kassym/Kasym,
  Dzhumadiyev/Jumadiyev);
- *transliteration*: they have one transliteration key, the spelling key
  after folding the romanisations of ё, щ and ь that vary between sources
  (Zhuravlev/Zhuravlyov, Ivashhenko/Ivashchenko, Grigoriev/Grigorev,
  Sergej/Sergei, Tokhtakhounov/Tokhtakhunov);
- *name symbol*: rigour's name analysis (``rigour.names.analyze_names``, the
  data OpenSanctions' matchers use) tags both with one Wikidata given or
  family name (Aleksandr/Alexander, Oleg/Oleh, Lukashenka/Lukashenko);
- *phonetic*: rigour's metaphone keys of two transliteration keys agree
  (ignoring a leading vowel), the consonants are the same and the vowels
  differ only by inserted vowels, or, in names of six letters or more, by at
  most two edits (three from ten letters: Petr/Petro, Aleksandr/Oleksandr,
  Aliaksandravich/Aleksandrovich). Short names whose vowels differ stay apart
  (Marat/Murat, Dana/Dina, Timur/Tamara), even where rigour gives them one
  symbol (Chan/Chen).

The Slavic transliteration key also folds Belarusian and Ukrainian forms
(ў written u or w, дз, г written h, -енка, initial Ul- for Vl-), -вич written
-vic/-vitch/-vits, й and ь written j, c for k, and a devoiced final d.

Never when they are masculine and feminine forms (Kulibayev/Kulibayeva,
Ivanov/Ivanova, which share a name symbol; Kandinsky/Kandinskaya;
Sergeyevich/Sergeyevna), or a son's and a daughter's patronymic
(Nurlanuly/Nurlankyzy). ``align`` pairs every part of one name with a part of
the other; a name agrees with another only when nothing is left over on
either side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names
from rigour.text import metaphone
from rigour.text.distance import levenshtein

VOWELS = frozenset("aeiou")
# Feminine endings that replace a masculine one, on spelling keys (y is i there).
_FEMININE_REPLACING = (
    ("skaia", ("ski", "skii", "skoi")),
    ("ckaia", ("cki", "ckii", "ckoi")),
    ("aia", ("oi", "ii", "ei")),
    ("ovna", ("ovich", "ovic", "ovi2")),
    ("evna", ("evich", "evic", "evi2")),
    ("ichna", ("ich",)),
    ("kisi", ("uli",)),
)


@dataclass(frozen=True)
class Part:
    """One token of a name, with what the agreement rules look at."""

    skeleton: str  # names.skeleton of the token
    key: str  # transliteration key
    phonetic: str  # rigour metaphone of the key, without a leading vowel
    symbols: frozenset[str]  # rigour NAME symbols (Wikidata given/family names)
    keys: frozenset[str] = frozenset()  # every transliteration key, the main one too

    @property
    def consonants(self) -> str:
        return "".join(c for c in self.skeleton if c not in VOWELS)


@lru_cache(maxsize=65536)
def name_symbols(token: str) -> frozenset[str]:
    """rigour's NAME symbols of one token (empty for an unknown name or an initial)."""
    if len(token) < 2:
        return frozenset()
    names = analyze_names(
        NameTypeTag.PER, [token], consolidate=False, phonetics=False, numerics=False, rewrite=False
    )
    return frozenset(
        str(span.symbol.id)
        for name in names
        for span in name.spans
        if span.symbol.category == SymbolCategory.NAME and len(span.parts) == 1
    )


SHCH = re.compile(r"s[h]?ch|shh")  # щ written shch, sch or shh
# Romanisations of Slavic letters that sources write in more than one way, on the token
# in lower-case ASCII, before its spelling key is taken (see the module docstring).
_SLAVIC: tuple[tuple[str, str], ...] = (
    (r"(?<=[aeiou])j(?=[^aeiou]|$)", "i"),  # й: Sergej, Mikhajlavich, Mozhelyanskij
    (r"(?<=[^aeiou])j(?=[aeiou])", "i"),  # ь/й before a vowel: Anatoljevich, Artjakov
    (r"(?<=[aeiou])j(?=[aeiou])", "i"),  # й between vowels: Andrejevich, Soltajev
    (r"(?:itch|itj|its|ic)$", "ich"),  # -вич: Viktorovitch, Stefanovic, Volfovits
    (r"c(?!h)", "k"),  # Victor / Viktor
    (r"(?<=[aeo])u(?=[^aeiou]|$)", "v"),  # Belarusian ў: Barsukou, Kalinouski, Piatrouna
    (r"enka$", "enko"),  # Belarusian -енка: Paulichenka / Pavlichenko
    (r"^u(?=l[aeiou])", "v"),  # Belarusian initial ў for в: Uladzimir / Vladimir
    (r"dz(?=[^aeou]|$)", "d"),  # Belarusian дз: Dzmitry, Vadzim, Henadzievich
    (r"d$", "t"),  # a final consonant devoiced: Nurmurad / Nurmurat, Akhmed / Akhmet
    # Ukrainian and Belarusian г written h, where Russian has g: Ihar, Lyahin, Hleb, Morhun
    # (not a word-initial h before a vowel, which is an Arabic h: Hassan is not Ghassan).
    (r"(?<=[aeiou])h(?=[aeiou])|^h(?=[lr])|(?<=[lrmn])h(?=[aeiou])", "g"),
)


def _folded(key: str) -> str:
    text = re.sub(r"(?<=[^aeiou])io", "e", key)  # ё: Zhuravlyov, Korolyov, Beryozkin
    text = re.sub(r"(?<=[^aeiou])ie", "e", text)  # ь + е: Grigoriev / Grigorev
    text = re.sub(r"([aeou])i(e)", r"\1\2", text)  # a glide before e: Andreievich
    return re.sub(r"(.)\1+", r"\1", text)


def transliteration_keys(token: str, skeleton: Callable[[str], str]) -> tuple[str, ...]:
    """The transliteration keys of a lower-case ASCII token: its spelling key with щ
    folded, with the Slavic romanisations folded, and with French ou read as u
    (Tokhtakhounov); each then folded over ё and ь. The first is the main key."""
    plain = SHCH.sub("sh", token)
    slavic = plain
    for pattern, replacement in _SLAVIC:
        slavic = re.sub(pattern, replacement, slavic)
    keys = [_folded(skeleton(t)) for t in (plain, slavic, plain.replace("ou", "u"))]
    return tuple(dict.fromkeys(k for k in keys if k != ""))


@lru_cache(maxsize=65536)
def part(token: str, skeleton: str, keys: tuple[str, ...]) -> Part:
    """The ``Part`` of a lower-case ASCII token, given its spelling key and its
    transliteration keys (``transliteration_keys``)."""
    key = keys[0] if len(keys) > 0 else skeleton
    return Part(skeleton, key, _sound(key)[0], name_symbols(token), frozenset(keys) | {key})


def gendered(a: str, b: str) -> bool:
    """Masculine and feminine forms of one name part, on spelling keys.

    Kulibayev/Kulibayeva, Novak/Novakova, Kandinsky/Kandinskaya,
    Tolstoy/Tolstaya, Sergeyevich/Sergeyevna, Nurlanuly/Nurlankyzy.
    """
    if a == b:
        return False
    for one, two in ((a, b), (b, a)):
        if two == one + "a" or (two == one + "ova" and one[-1:] not in VOWELS):
            return True
        for feminine, masculine in _FEMININE_REPLACING:
            if two.endswith(feminine):
                stem = two[: -len(feminine)]
                if any(one == stem + m for m in masculine) and len(stem) >= 2:
                    return True
    return False


def _vowels_only_inserted(a: str, b: str) -> bool:
    """True if the shorter skeleton is the longer one minus some vowels."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for char in long_:
        if i < len(short) and short[i] == char:
            i += 1
        elif char not in VOWELS:
            return False
    return i == len(short)


def _short_vowel_change(a: str, b: str) -> bool:
    """Names of fewer than six letters that differ only in vowels at the same places make
    other names (Marat/Murat, Dana/Dina), even where rigour gives them one symbol
    (Chan/Chen)."""
    if len(a) != len(b) or len(a) >= 6:
        return False
    return all(x == y or (x in VOWELS and y in VOWELS) for x, y in zip(a, b, strict=True))


def agreement(a: Part, b: Part) -> str | None:
    """Why two parts are one name part ("spelling", "transliteration", "name symbol",
    "phonetic"), or None (see the module docstring)."""
    if a.skeleton == b.skeleton:
        return "spelling"
    if gendered(a.skeleton, b.skeleton) or any(gendered(x, y) for x in a.keys for y in b.keys):
        return None
    if min(len(a.skeleton), len(b.skeleton)) < 2:
        return None
    if a.key == b.key or len(a.keys & b.keys) > 0:
        return "transliteration"
    if _short_vowel_change(a.skeleton, b.skeleton):
        return None
    if len(a.symbols & b.symbols) > 0:
        return "name symbol"
    for x in sorted(a.keys):
        for y in sorted(b.keys):
            if _sounds_alike(x, y):
                return "phonetic"
    return None


@lru_cache(maxsize=65536)
def _sound(key: str) -> tuple[str, str]:
    """rigour's metaphone of a key without a leading vowel, and the key's consonants."""
    sound = metaphone(key) if key != "" else ""
    if sound[:1] in {"A", "E", "I", "O", "U"}:
        sound = sound[1:]
    return sound, "".join(c for c in key if c not in VOWELS)


def _sounds_alike(x: str, y: str) -> bool:
    (sx, cx), (sy, cy) = _sound(x), _sound(y)
    if sx == "" or sx != sy or cx != cy:
        return False
    if _vowels_only_inserted(x, y):
        return True
    shortest = min(len(x), len(y))
    return shortest >= 6 and levenshtein(x, y) <= (2 if shortest < 10 else 3)


@dataclass(frozen=True)
class Alignment:
    """Every part of one name paired with a part of the other, and why."""

    pairs: tuple[tuple[int, int, str], ...]  # (index left, index right, reason)

    def describe(self, left: Sequence[str], right: Sequence[str]) -> str:
        shown = [
            f"{left[i]}~{right[j]} ({reason})"
            for i, j, reason in self.pairs
            if reason != "spelling"
        ]
        return ", ".join(shown)


def align(left: Sequence[Part], right: Sequence[Part]) -> Alignment | None:
    """A one-to-one pairing of all parts of ``left`` with all parts of ``right``, or None.

    Written order does not matter (Kassym-Jomart Tokayev / Tokayev Kassym-Jomart).
    Among pairings, the one with the most spelling agreements wins, then the
    first in written order, so the result is deterministic.
    """
    if len(left) != len(right) or len(left) == 0 or len(left) > 8:
        return None
    options = [[(j, agreement(a, b)) for j, b in enumerate(right)] for a in left]
    best: list[tuple[int, int, str]] | None = None
    best_rank = -1

    def walk(i: int, used: frozenset[int], chosen: list[tuple[int, int, str]]) -> None:
        nonlocal best, best_rank
        if i == len(left):
            rank = sum(1 for _, _, r in chosen if r == "spelling")
            if rank > best_rank:
                best, best_rank = list(chosen), rank
            return
        for j, reason in options[i]:
            if reason is not None and j not in used:
                chosen.append((i, j, reason))
                walk(i + 1, used | {j}, chosen)
                chosen.pop()

    walk(0, frozenset(), [])
    return None if best is None else Alignment(tuple(best))
