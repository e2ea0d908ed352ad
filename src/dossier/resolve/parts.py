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
  family name (Aleksandr/Alexander, Oleg/Oleh, Lukashenka/Lukashenko), and
  the two are also spelled as one name (``symbol_spelling``): the same first
  sound and one edit in three letters. rigour's symbols join names across
  languages and scripts that a reader keeps apart (Juan/Pablo, Ali/Haidar,
  Chan/Tran, Anh/Ying), which never agree by a symbol alone;
- *phonetic*: rigour's metaphone keys of two transliteration keys agree
  (ignoring a leading vowel), the consonants are the same and the vowels
  differ only by inserted vowels, or, in names of six letters or more, by at
  most two edits (three from ten letters: Petr/Petro, Aleksandr/Oleksandr,
  Aliaksandravich/Aleksandrovich), but not a vowel that adds a syllable
  between consonants in a name of fewer than eight letters (Hamdi/Hamidi,
  Nasr/Nassar, Conte/Konate, Martins/Martinez: ``syllable_added``; from six
  letters a vowel inside the name, not in its last syllable, is a short vowel
  one romanisation writes: Barkat/Barakat, Qablan/Qabalan), another
  last vowel than one short vowel's romanisations (Mohamed/Mohamud:
  ``_other_last_vowel``) or an a or i after the other's last consonant
  (Hussein/Husseini: ``ending_added``);
- *vowel spelling*: in names of fewer than six letters with the same
  consonants in the same places, only the vowels of later syllables differ,
  and each as romanisations of one short vowel do (a/e, e/i, o/u: Ahmad/Ahmed,
  Jaber/Jabir, Malik/Malek), or rigour gives both one symbol and the first
  vowel is the same (Salih/Saleh); a first vowel may be o or u, the damma
  (Omar/Umar, Umid/Omid, Sobhi/Subhi; in a given name ``_opening_o_u``), e/i
  where rigour gives one symbol (Imad/Emad), and a or e before a vowel and
  a consonant (the diphthong ay: Saif/Seif, Sayed/Seyed; not Mei/Mai).
  Other vowel changes are *near vowels* (below), an opening one too (Lena/Lina;
  Igor/Egor and Ivan/Evan stay apart as names the data knows apart). Short names whose
  first vowel differs stay apart (Marat/Murat, Dana/Dina, Timur/Tamara), even
  where rigour gives them one symbol (Chan/Chen); so do a/i and a/u in later
  syllables without a symbol (Jamil/Jamal, Kamil/Kamal);
- *h spelling*: one spelling key once the h that romanisations add or leave
  out is dropped (``without_h``: Kochak/Kocak, Htun/Tun, Rawah/Rawa; not an h
  before w or y: Hwang/Wang); an opening h of a given name only from five
  letters and where the data does not know the two apart (Haroun/Aroun, not
  Hana/Ana: ``_initial_h_dropped``);
- *near spelling* and *near vowel*, only where ``align`` allows them (once in
  a name whose other parts all agree; in its given name only when the name
  data does not know one of the two spellings, below): keys, or keys without
  h, of four letters or more that begin with the same letter, or with letters
  that romanise one sound (Qadhafi/Gadhafi, Sherri/Cherri, Araghi/Eraghi), and
  differ by one edit (two from nine letters: Kelmendi/Keljmendi,
  Nembhard/Nemhard, Khanfurah/Khanfora); or a vowel change that the vowel rule
  above does not take (Yusuf/Yusif; a first a/e, the fatha, in a name of two
  syllables or more: Jadid/Jedid, but not Chan/Chen). An a or i added at the
  end never agrees (Hamdan/Hamdani: the -i makes another family name), a
  silent e does (Maxim/Maxime). Nor does a vowel that adds a syllable in a
  name of fewer than eight letters (Hamdi/Hamidi, Saqr/Saqer: a human says).

Spelling keys fold what must not be folded everywhere, so some agreements are
refused whatever the keys say:

- an s against a z between two vowels (``letters_fit``: Kazimi/Qasimi,
  Nasir/Nazir), unless rigour gives both one symbol; before a consonant or at
  the end they fold (Kozlov/Koslov, Gonzalez/Gonzales);
- in two names of one syllable (``one_syllable_fit``), every letter is the
  name: they agree only with the same first sound (voiced or voiceless, or ch
  for zh, where rigour gives one symbol: Bong/Pong, Chao/Zhao) and the same
  letters after it (Saif/Seif, Din/Deen), the Korean ŏ and ŭ written o or eo,
  u or eu aside (Chol/Cheol); Hong/Hung, Yan/Yen, Lim/Lin, Jun/Yun and
  Tang/Tsang are other names;
- a doubled e or o is read as the long i or u it writes (``long_vowels``:
  Sameer/Samir, Deen/Din; the Russian -eev aside); a doubled y is a consonant
  no spelling drops (Sayyid/Said).

The Slavic transliteration key also folds Belarusian and Ukrainian forms
(ў written u or w, дз, г written h, -енка, initial Ul- for Vl-), -вич written
-vic/-vitch/-vits, й and ь written j, c for k, and a devoiced final d.

Never when they are masculine and feminine forms (Kulibayev/Kulibayeva,
Ivanov/Ivanova, which share a name symbol; Kandinsky/Kandinskaya;
Sergeyevich/Sergeyevna; a final a for o, e or i: Antonio/Antonia,
Simone/Simona), or a son's and a daughter's patronymic
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
        _sound(key)[0],
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


def letters_fit(a: Part, b: Part) -> bool:
    """Whether letters that spelling keys fold or drop let two parts pair. Keys fold z
    into s (Kozlov/Koslov, Gonzalez/Gonzales), but between two vowels an s and a z are
    other letters in Arabic, Persian, Turkic and Slavic names, and other names:
    Kazimi/Qasimi, Kazem/Qasem, Nasir/Nazir (unless rigour gives both one symbol). A
    doubled y is a consonant no spelling drops (Sayyid/Said). Two names of one syllable
    with one key still differ where ``one_syllable_fit`` says so (Ho/Ko, Lu/Luu)."""
    if {a.glide, b.glide} == {"yy", ""}:
        return False
    if a.skeleton == b.skeleton and a.one_syllable and b.one_syllable:
        return one_syllable_fit(a, b)  # keys fold h into k: Ho/Ko, Hanh/Khanh, Lu/Luu
    if len(a.sibilants) != len(b.sibilants) or a.sibilants == b.sibilants:
        return True
    return len(a.symbols & b.symbols) > 0


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


def gendered_parts(a: Part, b: Part) -> bool:
    """Masculine and feminine forms of one name part (``gendered``) on the spelling keys
    or on any two transliteration keys."""
    return gendered(a.skeleton, b.skeleton) or any(
        gendered(x, y) for x in a.keys for y in b.keys
    )


def feminine_ending(a: str, b: str) -> bool:
    """One name with a final a where the other ends in another vowel, on spelling keys:
    a man's and a woman's name (Antonio/Antonia, Simone/Simona, Stefano/Stefania).
    Only where no transliteration key agrees (Lukashenka/Lukashenko)."""
    for one, two in ((a, b), (b, a)):
        ending = len(two) >= 3 and two[-1] == "a" and one[-1:] in ("o", "e", "i")
        if ending and (one[:-1] == two[:-1] or (one[-1] == "o" and one[:-1] + "ia" == two)):
            return True
    return False


def vowels_only_inserted(a: str, b: str) -> bool:
    """True if the shorter skeleton is the longer one minus some vowels."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for char in long_:
        if i < len(short) and short[i] == char:
            i += 1
        elif char not in VOWELS:
            return False
    return i == len(short)


# First letters as written that romanisations of one sound give: Qadhafi/Gadhafi,
# Jebrail/Cebrail, Sherri/Cherri, Yudith/Judith, Bladimir/Vladimir.
INITIAL_CLASSES = frozenset(
    frozenset(pair)
    for pair in (("q", "g"), ("j", "c"), ("j", "y"), ("s", "c"), ("b", "v"), ("a", "e"), ("g", "j"))
)
SHORT = 6  # names of fewer letters: only their vowels may be spelled another way
NEAR_MIN = 4
# Vowels that romanise one short vowel (Arabic fatha a/e, kasra i/e, damma o/u).
VOWEL_CLASSES = frozenset({frozenset("ae"), frozenset("ei"), frozenset("ou")})


def _other_final_vowel(a: str, b: str) -> bool:
    """Names that end in two different vowels other than e/i or o/u: Rossi/Russo,
    Bianchi/Bianca, Adeyemi/Adeyemo are other family names."""
    if a[-1:] == b[-1:] or a[-1:] not in VOWELS or b[-1:] not in VOWELS:
        return False
    if frozenset((a[-1], b[-1])) in VOWEL_CLASSES - {frozenset("ae")}:
        return False  # e/i, o/u: one short vowel (Saade/Saadi, Hamo/Hamu)
    return a[-2:-1] not in VOWELS and b[-2:-1] not in VOWELS  # not -aei/-aee


def _short_vowel_change(a: str, b: str) -> bool:
    """Names of fewer than six letters that differ only in vowels at the same places."""
    if len(a) != len(b) or len(a) >= SHORT or a == b:
        return False
    return all(x == y or (x in VOWELS and y in VOWELS) for x, y in zip(a, b, strict=True))


def _vowel_spelling(a: str, b: str, one_symbol: bool) -> str | None:
    """Whether a short vowel change (``_short_vowel_change``) still spells one name: "vowel
    spelling", "near vowel" (only once in a name, and in its first part only as
    ``align`` allows: Yusuf/Yusif, Imad/Emad) or None (see the module docstring:
    Ahmad/Ahmed and Omar/Umar yes, Marat/Murat and Chan/Chen no)."""
    first = next((i for i, c in enumerate(a) if c in VOWELS), -1)
    reason = "vowel spelling"
    changed = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y:
            continue
        pair = frozenset((x, y))
        if i == first:
            glide = all(  # a vowel, then a consonant: not Mei/Mai, Wei/Wai
                w[i + 1 : i + 2] in ("i", "e") and w[i + 2 : i + 3] not in ("", *VOWELS)
                for w in (a, b)
            )
            if pair == frozenset("ae") and glide:
                if changed == [i]:
                    return "diphthong spelling"  # ay written ai or ei: Saif/Seif, Sayed/Seyed
                # the glide changed too: a diphthong against two syllables (Zeid/Zayed)
                reason = "near vowel"
                continue
            if pair == frozenset("ou") or (pair == frozenset("ei") and one_symbol):
                continue  # the damma written o or u (Omar/Umar, Sobhi/Subhi); Imad/Emad
            if pair == frozenset("ei") or (pair == frozenset("ae") and _syllables(a) >= 2):
                # Lena/Lina (not Igor/Egor, Ivan/Evan: names the data knows
                # apart, see ``_may_be_near``); a fatha written e: Jadid/Jedid
                reason = "near vowel"
            else:
                return None
        elif not (one_symbol or pair in VOWEL_CLASSES):
            reason = "near vowel"
    return reason


def _syllables(skeleton: str) -> int:
    """The number of vowel groups in a spelling key (Chen 1, Jedid 2)."""
    return len(re.findall(r"[aeiou]+", skeleton))


def near_spelling(a: Part, b: Part) -> bool:
    """One edit in a long name part (two from nine letters), on the transliteration keys
    or on the keys without h, not at its first letter and not a vowel added at its end
    (see the module docstring)."""
    opening = frozenset((a.opening, b.opening))
    for x, y in ((a.key, b.key), (a.bare, b.bare)):
        shortest = min(len(x), len(y))
        if shortest < NEAR_MIN or (x[0] != y[0] and opening not in INITIAL_CLASSES):
            continue
        if _vowel_added_at_end(x, y) or ending_added(x, y) or _other_last_vowel(x, y):
            return False  # Hamdan/Hamdani, Mohamed/Mohamud
        if syllable_added(x, y):
            return False  # Hamdi/Hamidi, Nasr/Nassar
        if shortest < NEAR_CONSONANT_MIN and not _slight_consonants(x[1:], y[1:]):
            continue  # Sami/Zaki, Karim/Qasim, Tram/Tran: other names
        if levenshtein(x, y) <= (1 if shortest < 9 else 2):
            return True
    return False


NEAR_CONSONANT_MIN = 7  # a shorter part one consonant off is another name (Karimi/Kazimi)


# Consonants that romanise one sound, voiced or not: Asgari/Askari, Zarqun/Zargun.
SIMILAR_CONSONANTS = frozenset(
    frozenset(pair) for pair in (("g", "k"), ("d", "t"), ("b", "p"), ("v", "f"))
)


def _slight_consonants(x: str, y: str) -> bool:
    """The consonants of two keys (after their first letters, which ``INITIAL_CLASSES``
    judges: Sherri/Cherri) are the same, or one is the voiced form of the other."""
    cx = [c for c in x if c not in VOWELS]
    cy = [c for c in y if c not in VOWELS]
    if cx == cy:
        return True
    if len(cx) != len(cy):
        return False
    changed = [frozenset((c, d)) for c, d in zip(cx, cy, strict=True) if c != d]
    return len(changed) == 1 and changed[0] in SIMILAR_CONSONANTS


def agreement(a: Part, b: Part, near: bool = False) -> str | None:
    """Why two parts are one name part ("spelling", "transliteration", "vowel spelling",
    "name symbol", "phonetic", and with ``near`` also "near spelling"), or None (see
    the module docstring)."""
    if not letters_fit(a, b):
        return None
    if a.skeleton == b.skeleton:
        return "spelling"
    if gendered_parts(a, b):
        return None
    if min(len(a.skeleton), len(b.skeleton)) < 2:
        return None
    if a.key == b.key or len(a.keys & b.keys) > 0:
        return "transliteration"
    if feminine_ending(a.skeleton, b.skeleton):
        return None
    if a.one_syllable and b.one_syllable and not one_syllable_fit(a, b):
        return None  # Hong/Hung, Yan/Yen, Lim/Lin, Cai/Choi: every letter is the name
    if min(len(a.skeleton), len(b.skeleton)) < 3 and not (a.symbols & b.symbols):
        return None  # Li/Le/Lu, Liu/Lu: in a name this short every letter is the name
    if a.bare == b.bare and len(a.bare) >= 3:
        return "h spelling"
    one_symbol = len(a.symbols & b.symbols) > 0
    if not one_symbol and _other_final_vowel(a.skeleton, b.skeleton):
        return None
    if _short_vowel_change(a.skeleton, b.skeleton):
        vowels = _vowel_spelling(a.skeleton, b.skeleton, one_symbol)
        return vowels if vowels != "near vowel" or near else None
    if one_symbol:
        return "name symbol" if symbol_spelling(a, b) else None
    pairs = [(x, y) for x in sorted(a.keys) for y in sorted(b.keys)]
    if any(_vowel_added_at_end(x, y) for x, y in pairs):
        return None  # Mansour/Mansouri on any key: a nisba
    if any(_sounds_alike(x, y) for x, y in pairs):
        return "phonetic"
    if near and near_spelling(a, b):
        return "near spelling"
    return None


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


def _korean_vowels(rest: str) -> str:
    """The Korean vowels ŏ and ŭ written o or eo, u or eu, and o written ou, one way."""
    return re.sub(r"e(?=[ou])", "", rest).replace("ou", "o")


# First sounds that romanisations write voiced or voiceless where rigour gives both one
# symbol: the Korean Bong/Pong, Kwang/Gwang, To/Do (and k/g, as ``ONSET_CLASSES``).
VOICED_ONSETS = frozenset(frozenset(pair) for pair in (("b", "p"), ("d", "t"), ("g", "k")))


def one_syllable_fit(a: Part, b: Part) -> bool:
    """Whether two names of one syllable may be one: the same first sound (or, where
    rigour gives one symbol, one of ``ONE_SYLLABLE_ONSETS``: Bong/Pong, Zhao/Chao) and
    the same letters after its first letter (Saif/Seif, Din/Deen, Htun/Tun), or, where
    rigour gives one symbol, the same but for the Korean ŏ and ŭ written o or eo, u or
    eu (Chol/Cheol, Un/Eun, Yong/Young). In a name this short every letter is the name:
    Hong/Hung, Yan/Yen, Lim/Lin, Cai/Choi, Hwang/Wang, Tang/Tsang, Jun/Yun are other
    names."""
    one_symbol = len(a.symbols & b.symbols) > 0
    sounds = frozenset((a.onset, b.onset))
    if a.onset != b.onset and sounds != KH_K and not (one_symbol and sounds in ONE_SYLLABLE_ONSETS):
        return False
    if a.rest == b.rest:
        return True
    return one_symbol and _korean_vowels(a.rest) == _korean_vowels(b.rest)


# Other first sounds one syllable may open with where rigour gives one symbol: voiced
# and voiceless (the Korean Bong/Pong, Kwang/Gwang) and the Wade-Giles ch for zh
# (Chao/Zhao); not a j and a y (Jun/Yun, Jing/Ying are other Chinese names).
ONE_SYLLABLE_ONSETS = VOICED_ONSETS | {frozenset(("j", "c"))}
KH_K = frozenset(("x", "k"))  # the Burmese aspirated kh written k: Khin/Kin, Khaing/Kaing


def symbol_spelling(a: Part, b: Part) -> bool:
    """Whether two parts rigour gives one symbol are also spelled as one name: the same
    first sound (``onsets_agree``, or voiced and voiceless: Bong/Pong) and, on the keys
    without h, one edit in three letters at most (Muhammad/Mohammad, Oleg/Oleh,
    Hashem/Hashim), or the same letters after the first sound (Pu/Bu). rigour's
    symbols join names across languages and scripts that a reader keeps apart: Juan
    and Pablo, Ali and Haidar, Chan and Tran, Anh and Ying, Carlos and Karl."""
    if a.onset != b.onset and not (
        onsets_agree(a, b) or frozenset((a.onset, b.onset)) in VOICED_ONSETS
    ):
        return False
    shortest = min(len(a.bare), len(b.bare))
    return levenshtein(a.bare, b.bare) <= shortest // 3 or a.rest == b.rest


@lru_cache(maxsize=65536)
def _sound(key: str) -> tuple[str, str]:
    """rigour's metaphone of a key without a leading vowel, and the key's consonants."""
    sound = metaphone(key) if key != "" else ""
    if sound[:1] in {"A", "E", "I", "O", "U"}:
        sound = sound[1:]
    return sound, "".join(c for c in key if c not in VOWELS)


def _vowel_added_at_end(x: str, y: str) -> bool:
    """An a or i added at the end of a name: a feminine form or an Arabic or Persian
    nisba (Hamdan/Hamdani), which is another family name. A silent e is no such
    ending (Maxim/Maxime), nor an i after a vowel, a Persian ending written two ways
    (Mostafaei/Mostafaee)."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if long_[:-1] != short:
        return False
    return long_[-1] == "a" or (long_[-1] == "i" and short[-1:] not in VOWELS)


LEADING_VOWEL_MIN = 7  # Katerina/Ekaterina: a long name may lose its first vowel


def ending_added(x: str, y: str) -> bool:
    """One key ends in a consonant and the other in that consonant and an a or i: a
    nisba or a feminine form, even where a vowel before it differs (Hussein/Husseini,
    Ibrahim/Ebrahimi, Mohamed/Mohammadi)."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if short[-1:] in VOWELS or short[-1:] == "" or long_[-1:] not in ("a", "i"):
        return False
    return long_[-2:-1] == short[-1]


def _sounds_alike(x: str, y: str) -> bool:
    if _vowel_added_at_end(x, y) or ending_added(x, y):
        return False
    (sx, cx), (sy, cy) = _sound(x), _sound(y)
    if sx == "" or sx != sy or cx != cy:
        return False
    shortest = min(len(x), len(y))
    if len(x) != len(y) and x[0] != y[0] and shortest < LEADING_VOWEL_MIN:
        return False  # a leading vowel: Costa/Acosta, Li/Ali, Lena/Alena are other names
    if syllable_added(x, y):
        return False
    if vowels_only_inserted(x, y):
        return True
    if _other_last_vowel(x, y):
        return False
    return shortest >= 6 and levenshtein(x, y) <= (2 if shortest < 10 else 3)


# A vowel between two consonants adds a syllable; in a shorter name that makes another
# name (Hamdi/Hamidi, Nasr/Nassar, Conte/Konate, Martins/Martinez), in a longer one it
# may be a romanisation's (Aleksandr/Aleksander, Ketabchi/Ketabachi).
SYLLABLE_ADDED_MIN = 8
# From six letters, a vowel added inside the name, not in its last syllable, is a
# romanisation's short vowel (Barkat/Barakat, Qablan/Qabalan, Haswani/Hasawani);
# in the last syllable it still makes another name (Martins/Martinez, Saqr/Saqer).
MID_SYLLABLE_MIN = 6


def syllable_added(x: str, y: str) -> bool:
    """Two keys with another number of syllables between their consonants (a vowel at
    the end aside: Petr/Petro, Maxim/Maxime), the shorter under SYLLABLE_ADDED_MIN
    letters."""
    if min(len(x), len(y)) >= SYLLABLE_ADDED_MIN:
        return False
    x_stem, y_stem = (re.sub(r"[aeiou]+$", "", w) for w in (x, y))
    if _syllables(x_stem) == _syllables(y_stem):
        return False
    if min(len(x), len(y)) < MID_SYLLABLE_MIN:
        return True
    return _last_syllable(x_stem) != _last_syllable(y_stem)


def _last_syllable(stem: str) -> str:
    """The last vowel group of a key and what follows it (Barkat: "at", Martins: "ins")."""
    found = re.search(r"[aeiou]+[^aeiou]*$", stem)
    return "" if found is None else found.group(0)


LOOSE_A = frozenset({frozenset("ai"), frozenset("ao")})


def _other_last_vowel(x: str, y: str) -> bool:
    """The last syllable's vowel is another, and not as romanisations of one short vowel
    write it (a/e, e/i, o/u) or an a that loose romanisations write for an i or an o
    (Muhandis/Mohandas, Lukwang/Lukwong): Mohamed/Mohamud and Mohamad/Mohamud (Muhammad
    and Mahmud) are other names."""
    last_x = re.search(r"([aeiou])([^aeiou]+)$", x)
    last_y = re.search(r"([aeiou])([^aeiou]+)$", y)
    if last_x is None or last_y is None or last_x.group(2) != last_y.group(2):
        return False
    if x[: last_x.start()][-1:] in VOWELS or y[: last_y.start()][-1:] in VOWELS:
        return False  # a vowel group (Mahmoud/Mohamud): not one vowel for another
    pair = frozenset((last_x.group(1), last_y.group(1)))
    return len(pair) == 2 and pair not in VOWEL_CLASSES and pair not in LOOSE_A


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


NEAR_REASONS = frozenset({"near spelling", "near vowel"})
MAX_SEARCHED = 8  # parts left to pair after the identical ones; more are left to a human


STRICT_REASONS = frozenset({"spelling", "transliteration", "diphthong spelling"})


def known_apart(a: Part, b: Part) -> bool:
    """Two spellings rigour's name data knows as names, with no symbol in common."""
    return len(a.symbols) > 0 and len(b.symbols) > 0 and len(a.symbols & b.symbols) == 0


def openings_fit(a: Part, b: Part, given: bool) -> bool:
    """Whether two parts' first sounds let them pair (``_paired``): in a given name one
    sound (``onsets_agree``), elsewhere anything but s and z, which spelling keys fold
    (Saidi/Zaidi), and h and k (Ho/Ko); either way where rigour gives both one symbol."""
    if len(a.symbols & b.symbols) > 0:
        return True
    if given:
        return onsets_agree(a, b)
    return {a.onset, b.onset} not in ({"s", "z"}, {"h", "k"})


def _paired(left: Sequence[Part], right: Sequence[Part], i: int, j: int, near: bool) -> str | None:
    """Why ``left[i]`` and ``right[j]`` agree in these two names, or None.

    A given name (a first part) is held to more, because other given names are spelled
    one letter or one vowel apart and a sibling's is the likeliest (Samar/Samer,
    Tamar/Tamer, Bashar/Bashir, Saad/Said, Lena/Alena, Ana/Hana, Marie/Mario):

    - an s and a z at the start, which spelling keys fold, never agree (Saidi/Zaidi),
      unless rigour gives both one symbol; in every part; the rest holds for given
      names:
    - given names that open with other sounds never agree (``onsets_agree``: Said/Zaid,
      Hazem/Kazem), unless rigour gives both one symbol (Bong/Pong, the Korean b/p)
      or a transliteration key joins them (Hleb/Gleb);
    - last letters that differ where one is a mark a man's and a woman's name
      (Marie/Mario, Anton/Antonia, Rashad/Rashida): never; where one is e, never
      between names the data knows apart (Denis/Denise, Maxim/Maxime);
    - names the data knows apart, shorter than seven letters, agree only by one spelling
      or transliteration key, or by an o at the end (Petr/Petro). Longer ones may
      agree as other parts do (Aliaksandr/Aleksandr, Ekaterina/Katerina).

    What is refused is left to a human as a pending pair.
    """
    a, b = left[i], right[j]
    reason = agreement(a, b, near=near and _may_be_near(left, right, i, j))
    if reason is None:
        return reason
    given = 0 in (i, j)
    dropped = given and (
        (reason == "h spelling" and _initial_h_dropped(a, b)) or _leading_vowel_dropped(a, b)
    )
    if not (openings_fit(a, b, given) or (given and reason == "transliteration") or dropped):
        return None
    if not given:
        return reason
    ending = _gender_ending(a, b)
    if ending == "a" or (ending == "e" and known_apart(a, b)):
        return None
    if reason in STRICT_REASONS or not known_apart(a, b) or _opening_o_u(a, b):
        return reason
    if min(len(a.skeleton), len(b.skeleton)) >= GIVEN_NEAR_MIN or _o_added(a, b):
        return reason
    return None


INITIAL_H_MIN = 5  # Haroun/Aroun; a shorter name without its h is another (Hana/Ana)


def _initial_h_dropped(a: Part, b: Part) -> bool:
    """One given name is the other without its opening h, from five letters, and the
    name data does not know the two as different names (Haroun/Aroun, Hamadou/Amadou,
    Hidajet/Idajet; not Hana/Ana)."""
    x, y = sorted((a.skeleton, b.skeleton), key=len)
    return (
        y == "k" + x  # spelling keys write h as k
        and a.opening != b.opening
        and "h" in (a.opening, b.opening)
        and len(x) >= INITIAL_H_MIN
        and not known_apart(a, b)
    )


def _leading_vowel_dropped(a: Part, b: Part) -> bool:
    """One given name is the other without its opening vowel, the shorter of
    LEADING_VOWEL_MIN letters or more (Ekaterina/Katerina, the Russian and Ukrainian
    forms; not Alena/Lena)."""
    x, y = sorted((a.skeleton, b.skeleton), key=len)
    return y[0] in VOWELS and y[1:] == x and len(x) >= LEADING_VOWEL_MIN


_OPENING_O_U = re.compile(r"^([^aeiou]*)(?:ou|o|u)")


def _opening_o_u(a: Part, b: Part) -> bool:
    """Given names that differ only in their first vowel, written o, u or ou (the damma:
    Omar/Oumar/Umar, Othman/Uthman, Sobhi/Subhi). Where the name data knows both
    spellings as names, one of them is still a romanisation of the other."""
    x, y = (_OPENING_O_U.sub(r"\1u", p.skeleton, count=1) for p in (a, b))
    return x == y and a.skeleton != b.skeleton and _OPENING_O_U.match(a.skeleton) is not None


def _gender_ending(a: Part, b: Part) -> str:
    """ "a" or "e" where the last letters differ and one of them is that letter, unless
    only a final h makes them differ (Atiya/Atiyah); else "". An a marks a woman's
    name (Anton/Antonia, Rashad/Rashida, Marie/Mario); an e may (Denis/Denise) or may be
    silent (Maxime, Evariste, Tewolde)."""
    x, y = a.skeleton[-1:], b.skeleton[-1:]
    if x == y or a.bare[-1:] == b.bare[-1:]:
        return ""
    return "a" if "a" in (x, y) else "e" if "e" in (x, y) else ""


def _o_added(a: Part, b: Part) -> bool:
    """One name is the other with an o at the end (Petr/Petro, Mark/Marko)."""
    x, y = sorted((a.skeleton, b.skeleton), key=len)
    return y == x + "o"


def _may_be_near(left: Sequence[Part], right: Sequence[Part], i: int, j: int) -> bool:
    """Whether ``left[i]`` and ``right[j]`` may agree by a near reason: anywhere but in a
    given name; in the given names (both first) only when rigour's name data lacks one of
    the two spellings or gives both one symbol (Mahdi/Mehdi), and not for a final a (a
    feminine name). Siblings' names differ
    in the given name, and are names the data knows (Samir/Samar, Wilber/Wilmer);
    a spelling it does not know is a romanisation or a typo (Hatim/Hatam, Sidki/Sitki)."""
    if 0 not in (i, j):
        return True
    a, b = left[i], right[j]
    if a.skeleton[-1:] != b.skeleton[-1:] and "a" in (a.skeleton[-1:], b.skeleton[-1:]):
        return False  # a final a for another vowel: a feminine name (Nuri/Nura)
    return i == j == 0 and not known_apart(a, b) and _slight(a.skeleton, b.skeleton)


GIVEN_NEAR_MIN = 7  # a given name this long may differ by one letter; shorter, by one vowel


def _slight(x: str, y: str) -> bool:
    """A change small enough for a given name: one vowel, from five letters (Hatim/Hatam),
    or anything near from seven (Bahaddin/Bahattin); not Zeid/Zein, Zeid/Ziad or
    Nadira/Nasira, which are other names."""
    if min(len(x), len(y)) >= GIVEN_NEAR_MIN:
        return True
    changed = [(c, d) for c, d in zip(x, y, strict=False) if c != d]
    return (
        len(x) == len(y) >= 5
        and len(changed) == 1
        and changed[0][0] in VOWELS
        and changed[0][1] in VOWELS
    )


def align(left: Sequence[Part], right: Sequence[Part]) -> Alignment | None:
    """A one-to-one pairing of all parts of ``left`` with all parts of ``right``, or None.

    Written order does not matter (Kassym-Jomart Tokayev / Tokayev Kassym-Jomart).
    Parts spelled alike pair first, in written order; the rest are searched.
    At most one pair may agree by a near reason ("near spelling", "near
    vowel"), only in a name of two parts or more, and in the first part of
    either name, the given name that relatives do not share, only as
    ``_may_be_near`` allows. Among
    pairings, the one with the fewest near agreements wins, then the most
    spelling agreements, then the first in written order, so the result is
    deterministic.
    """
    if len(left) != len(right) or len(left) == 0:
        return None
    paired: list[tuple[int, int, str]] = []
    free_right = list(range(len(right)))
    free_left: list[int] = []
    for i, a in enumerate(left):
        j = next(
            (
                j
                for j in free_right
                if right[j].skeleton == a.skeleton
                and letters_fit(a, right[j])
                and openings_fit(a, right[j], 0 in (i, j))
            ),
            None,
        )
        if j is None:
            free_left.append(i)
        else:
            free_right.remove(j)
            paired.append((i, j, "spelling"))
    if len(free_left) > MAX_SEARCHED:
        return None
    near = len(left) >= 2
    options = [[(j, _paired(left, right, i, j, near)) for j in free_right] for i in free_left]
    best: list[tuple[int, int, str]] | None = None
    best_rank: tuple[int, int] = (-1, -1)

    def walk(k: int, used: frozenset[int], chosen: list[tuple[int, int, str]]) -> None:
        nonlocal best, best_rank
        nears = sum(1 for _, _, r in chosen if r in NEAR_REASONS)
        if nears > 1:
            return
        if k == len(free_left):
            rank = (-nears, sum(1 for _, _, r in chosen if r == "spelling"))
            if rank > best_rank:
                best, best_rank = list(chosen), rank
            return
        for j, reason in options[k]:
            if reason is not None and j not in used:
                chosen.append((free_left[k], j, reason))
                walk(k + 1, used | {j}, chosen)
                chosen.pop()

    walk(0, frozenset(), [])
    if best is None:
        return None
    return Alignment(tuple(sorted(paired + best)))
