"""Name parts: one written token of a person's name, with the keys the rules compare.

A ``Part`` holds a token's spelling key (``names.skeleton``), its transliteration
keys (``transliteration_keys``: the spelling key after folding the romanisations
that vary between sources), rigour's name symbols for it (``name_symbols``:
Wikidata given and family names, the data OpenSanctions' matchers use), its
metaphone key, its first sound (``onset``) and what the rules read of the token as
written (``sibilants``, ``syllables``, ``after_onset``). Whether two parts agree is
``agreement.agreement``; pairing every part of one name with a part of the other
is ``alignment.align``; the vowel rules are in ``vowels``, masculine and feminine
forms in ``genders``.

The Slavic transliteration key also folds Belarusian and Ukrainian forms
(ў written u or w, дз, г written h, -енка, initial Ul- for Vl-), -вич written
-vic/-vitch/-vits, й and ь written j, c for k, and a devoiced final d.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names
from rigour.text import metaphone

VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class Part:
    """One token of a name, with what the agreement rules look at."""

    skeleton: str  # names.skeleton of the token
    key: str  # transliteration key
    phonetic: str  # rigour metaphone of the key, without a leading vowel
    symbols: frozenset[str]  # rigour NAME symbols (Wikidata given/family names)
    keys: frozenset[str] = frozenset()  # every transliteration key, the main one too
    bare: str = ""  # spelling key of the token ``without_h``
    opening: str = ""  # the token's first letter as written
    onset: str = ""  # the token's first sound (``onset``)
    sibilants: str = ""  # the token's s and z between vowels, as written (``sibilants``)
    glide: str = ""  # "yy", "y" or "": the token's y, doubled or not (``letters_fit``)
    one_syllable: bool = False  # a name of one syllable (``syllables``)
    rest: str = ""  # what follows the first sound (``after_onset``)

    @property
    def spelled(self) -> tuple[str, str, str, bool]:
        """What the rules read of the written token beyond its keys (for signatures)."""
        return (self.sibilants, self.glide, self.rest, self.one_syllable)

    @property
    def consonants(self) -> str:
        return "".join(c for c in self.skeleton if c not in VOWELS)


# Tokens whose symbols an earlier build found (``dossier.resolve.symbols``), and those
# found in this process: a token in KNOWN never loads rigour's name tagger.
KNOWN: dict[str, frozenset[str]] = {}


LEARNED: dict[str, frozenset[str]] = {}


@lru_cache(maxsize=65536)
def name_symbols(token: str) -> frozenset[str]:
    """rigour's NAME symbols of one token (empty for an unknown name or an initial)."""
    if len(token) < 2:
        return frozenset()
    known = KNOWN.get(token)
    if known is not None:
        return known
    found = LEARNED[token] = _analysed_symbols(token)
    return found


def _analysed_symbols(token: str) -> frozenset[str]:
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
    (r"(?<=[^aeiou])j(?=[aeou])", "i"),  # ь/й before a vowel: Anatoljevich, Artjakov
    (r"(?<=[aeiou])j(?=[aeou])", "i"),  # й between vowels: Andrejevich (not Sajid)
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


ARABIC_ARTICLE = frozenset({"al", "el", "ul", "ur", "ud"})  # ur, ud: Mati-ur-Rehman, Nizam-ud-Din


# ʿAbd with the article, as a word of its own: Abdul / Abdel / Abdol, and assimilated
# to a sun letter (Abdur Rahman, Abdus Salam, Abdun Nur).
SERVANT_OF = re.compile(r"abd(?:[aeiou]|ou)?[lrsnzdt]?")


def _folded(key: str) -> str:
    text = re.sub(r"(?<=[^aeiou])io", "e", key)  # ё: Zhuravlyov, Korolyov, Beryozkin
    text = re.sub(r"(?<=[^aeiou])ie", "e", text)  # ь + е: Grigoriev / Grigorev
    text = re.sub(r"([aeou])i(e)", r"\1\2", text)  # a glide before e: Andreievich
    return re.sub(r"(.)\1+", r"\1", text)


def transliteration_keys(token: str, skeleton: Callable[[str], str]) -> tuple[str, ...]:
    """The transliteration keys of a lower-case ASCII token: its spelling key with щ
    folded, with the Slavic romanisations folded, and with French ou read as u
    (Tokhtakhounov), or w before a vowel (Sahraoui/Sahrawi); each then folded over ё
    and ь; "al" for the Arabic article written el or ul; and "abdal" for Abdul, Abdel
    or Abdur written as a word of its own. The first is the main key."""
    plain = SHCH.sub("sh", token)
    slavic = plain
    for pattern, replacement in _SLAVIC:
        slavic = re.sub(pattern, replacement, slavic)
    french = re.sub(r"ou(?=[aei])", "w", plain).replace("ou", "u")  # Sahraoui, Tokhtakhounov
    keys = [_folded(skeleton(t)) for t in (plain, slavic, french)]
    if token in ARABIC_ARTICLE:  # al-, el-, ul-, ur-: one article (Al-Houthi / El-Houthi)
        keys.append("al")
    if SERVANT_OF.fullmatch(token):  # Abdul / Abdel / Abdur (Rauf): one word
        keys.append("abdal")
    return tuple(dict.fromkeys(k for k in keys if k != ""))


@lru_cache(maxsize=65536)
def part(token: str, skeleton: str, keys: tuple[str, ...], bare: str = "") -> Part:
    """The ``Part`` of a lower-case ASCII token, given its spelling key, its
    transliteration keys (``transliteration_keys``) and the spelling key of the
    token ``without_h``, each of the token with its long vowels read (``long_vowels``)."""
    key = keys[0] if len(keys) > 0 else skeleton
    return Part(
        skeleton,
        key,
        sound_of(key)[0],
        name_symbols(token),
        frozenset(keys) | {key},
        bare or skeleton,
        token[:1],
        onset(token),
        sibilants(token),
        "yy" if "yy" in token else "y" if "y" in token else "",
        syllables(token) == 1,
        after_onset(bare or skeleton),
    )


_ONSET_DIGRAPHS = (
    ("dzh", "j"),
    ("dz", "dj"),  # Dzekovic/Dzhekovich
    ("dj", "dj"),  # Serbian đ: Djokic / Dokic / Jokic
    ("zh", "j"),
    ("kh", "x"),  # х: Khalid/Halid, Khalaf/Kalaf, Xashani/Kashani
    ("gh", "g"),
    ("ht", "t"),  # Burmese: Htet/Tet, Hsan/San
    ("hs", "s"),
    ("tch", "c"),  # Tchad/Chad
)


_ONSET_LETTERS = {"q": "k", "w": "v"}


# First sounds that romanisations of one name write either way: Qasim/Gasim, Gamal/Jamal,
# Cebrail/Jebrail, Celia/Selia, Costas/Kostas, Bladimir/Vladimir.
ONSET_CLASSES = frozenset(
    frozenset(pair)
    for pair in (
        ("k", "g"),
        ("j", "g"),
        ("j", "c"),
        ("s", "c"),
        ("k", "c"),
        ("b", "v"),
        ("y", "j"),  # Yusuf/Jusuf
        ("x", "h"),  # kh or x for х, h or k for it (but Hazem/Kazem are other names)
        ("x", "k"),
        ("dj", "d"),
        ("dj", "j"),
        ("y", "a"),  # a y before a vowel: Yelena/Elena, Yuri/Iuri
    )
)


def onset(token: str) -> str:
    """The first sound of a lower-case ASCII token: kh and x are h (Khalid/Halid), zh, dj
    and dzh are j, q is k and w is v; a vowel is "a". Spelling keys fold z into s
    and h into k, which is right inside a name and wrong at its start: Said and Zaid,
    Hazem and Kazem are other names."""
    for digraph, sound in _ONSET_DIGRAPHS:
        if token.startswith(digraph):
            return sound
    first = token[:1]
    if first in VOWELS:
        return "a"
    return _ONSET_LETTERS.get(first, first)


_SIBILANT = re.compile(r"(?<=[aeiouy])([sz])\1?(?=[aeiouy])")


def sibilants(token: str) -> str:
    """The s and z of a lower-case ASCII token that stand between two vowels, in order
    (Kazimi "z", Qasimi "s", Hosseini "s"; not the s of sh or the z of zh or dz)."""
    return "".join(m.group(1) for m in _SIBILANT.finditer(token))


def onsets_agree(a: Part, b: Part) -> bool:
    """Whether two tokens may open one given name (``onset``, ``ONSET_CLASSES``)."""
    return a.onset == b.onset or frozenset((a.onset, b.onset)) in ONSET_CLASSES


PATRONYMIC = re.compile(r"(?:vich|vna|ichna)$")  # -ovich, -evna, -avich, -ivna, -ovych


def is_patronymic(p: Part) -> bool:
    """An East Slavic patronymic (Leonidovich, Oleksandrivna), on its keys."""
    return any(PATRONYMIC.search(k) is not None for k in p.keys) and len(p.key) >= 6


def east_slavic(token: str) -> str:
    """A lower-case ASCII token of a name with an East Slavic patronymic, as Russian
    would write it: Belarusian akanye and Uzbek o write a where Russian writes o, so
    every o but a final one is read a (Raman/Roman, Leanidavich/Leonidovich,
    Gafur/Gofur; a final -a is feminine), an opening e is a too (Olena/Elena), and a
    Belarusian or Ukrainian h outside kh,
    zh, ch and sh is g (Henadzievich/Gennadievich, Hryhorauna/Grigorovna), and the
    Ukrainian Mykola and Belarusian Mikalai are Nikolai (Mykolaiovych/Nikolayevich).
    Only in such a name: elsewhere Omar/Amar and Hassan/Ghassan are other names."""
    text = re.sub(r"^m[iy]k(?=[ao]l)", "nik", token)
    text = re.sub(r"(?<![kzcs])h", "g", text)
    text = re.sub(r"^e", "a", text)  # Elena / Alena / Olena
    return text[:-1].replace("o", "a") + text[-1:]


def without_h(token: str) -> str:
    """A lower-case ASCII token without the h that romanisations add or leave out: of a
    digraph (Kochak/Kocak, Oztash/Oztas, Chehadeh/Cehadeh), word-initial (Htun/Tun,
    Hamdouni/Amdouni) but before a w or y, or after a final vowel (Rawah/Rawa). An
    initial h before a w or y is a sound of its own: Hwang/Wang, Hyun/Yun."""
    return re.sub(r"(?<=[^aeiou])h|^h(?![wy])|(?<=[aeiou])h$", "", token)


def near_keys(p: Part) -> set[str]:
    """Keys two parts share when they may agree by a near or h spelling: the spelling
    key without its h, and the one-letter deletions of it and of the transliteration
    keys, from four letters."""
    keys = {p.bare}
    for text in sorted({p.bare, *p.keys}):
        if len(text) >= 4:
            keys.update(text[:i] + text[i + 1 :] for i in range(len(text)))
    return keys


def syllables(token: str) -> int:
    """The syllables of a lower-case ASCII token: its groups of vowels, a y that opens
    the token or stands between vowels being a consonant (Yang, Sayed), a final silent
    e after a consonant not counted (Maxime, Tewolde), and ae, oe, aie two syllables
    (an ayn between them: Shaer, Moein, Saied)."""
    text = re.sub(r"(.)\1+", r"\1", token)
    text = re.sub(r"^y(?=[aeiou])|(?<=[aeiou])y(?=[aeiou])", "j", text)
    text = re.sub(r"(?<=[aeiouy].)(?<=[^aeiouy])e$", "", text)
    groups = re.findall(r"[aeiouy]+", text)
    return len(groups) + sum(1 for g in groups if "ae" in g or "oe" in g or "aie" in g)


def long_vowels(token: str) -> str:
    """A lower-case ASCII token with a doubled e or o read as the long vowel it writes
    (Sameer/Samir, not Samer; Deen/Din, Noor/Nur); not the Russian -eev, two
    syllables (Alekseev, Sergeevich)."""
    return re.sub(r"ee(?!v)", "i", token).replace("oo", "u")


def after_onset(key: str) -> str:
    """A key without its first letter if that is a consonant, or a y before a vowel
    (Kwang "vang", Tsang "sang", Yong "ong"), the diphthong ay written ei read ai
    (Seif/Saif)."""
    text = re.sub(r"^[^aeiou]|^i(?=[aeou])", "", key)
    return re.sub(r"ei(?=[^aeiou])", "ai", text)


@lru_cache(maxsize=65536)
def sound_of(key: str) -> tuple[str, str]:
    """rigour's metaphone of a key without a leading vowel, and the key's consonants."""
    sound = metaphone(key) if key != "" else ""
    if sound[:1] in {"A", "E", "I", "O", "U"}:
        sound = sound[1:]
    return sound, "".join(c for c in key if c not in VOWELS)
