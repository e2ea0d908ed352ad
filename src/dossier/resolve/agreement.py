"""Agreement: when two written tokens are one part of a person's name (``agreement``).

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

Never when they are masculine and feminine forms (Kulibayev/Kulibayeva,
Ivanov/Ivanova, which share a name symbol; Kandinsky/Kandinskaya;
Sergeyevich/Sergeyevna; a final a for o, e or i: Antonio/Antonia,
Simone/Simona), or a son's and a daughter's patronymic
(Nurlanuly/Nurlankyzy): see ``genders``. ``alignment.align`` pairs every part of
one name with a part of the other; a name agrees with another only when nothing
is left over on either side.
"""

from __future__ import annotations

import re

from rigour.text.distance import levenshtein

from dossier.resolve.genders import feminine_ending, gendered_parts
from dossier.resolve.parts import VOWELS, Part, onsets_agree, sound_of
from dossier.resolve.vowels import (
    LEADING_VOWEL_MIN,
    ending_added,
    other_final_vowel,
    other_last_vowel,
    short_vowel_change,
    syllable_added,
    vowel_added_at_end,
    vowel_spelling,
    vowels_only_inserted,
)


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


# First letters as written that romanisations of one sound give: Qadhafi/Gadhafi,
# Jebrail/Cebrail, Sherri/Cherri, Yudith/Judith, Bladimir/Vladimir.
INITIAL_CLASSES = frozenset(
    frozenset(pair)
    for pair in (("q", "g"), ("j", "c"), ("j", "y"), ("s", "c"), ("b", "v"), ("a", "e"), ("g", "j"))
)


NEAR_MIN = 4


def near_spelling(a: Part, b: Part) -> bool:
    """One edit in a long name part (two from nine letters), on the transliteration keys
    or on the keys without h, not at its first letter and not a vowel added at its end
    (see the module docstring)."""
    opening = frozenset((a.opening, b.opening))
    for x, y in ((a.key, b.key), (a.bare, b.bare)):
        shortest = min(len(x), len(y))
        if shortest < NEAR_MIN or (x[0] != y[0] and opening not in INITIAL_CLASSES):
            continue
        if vowel_added_at_end(x, y) or ending_added(x, y) or other_last_vowel(x, y):
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
    if not one_symbol and other_final_vowel(a.skeleton, b.skeleton):
        return None
    if short_vowel_change(a.skeleton, b.skeleton):
        vowels = vowel_spelling(a.skeleton, b.skeleton, one_symbol)
        return vowels if vowels != "near vowel" or near else None
    if one_symbol:
        return "name symbol" if symbol_spelling(a, b) else None
    pairs = [(x, y) for x in sorted(a.keys) for y in sorted(b.keys)]
    if any(vowel_added_at_end(x, y) for x, y in pairs):
        return None  # Mansour/Mansouri on any key: a nisba
    if any(_sounds_alike(x, y) for x, y in pairs):
        return "phonetic"
    if near and near_spelling(a, b):
        return "near spelling"
    return None


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


def _sounds_alike(x: str, y: str) -> bool:
    if vowel_added_at_end(x, y) or ending_added(x, y):
        return False
    (sx, cx), (sy, cy) = sound_of(x), sound_of(y)
    if sx == "" or sx != sy or cx != cy:
        return False
    shortest = min(len(x), len(y))
    if len(x) != len(y) and x[0] != y[0] and shortest < LEADING_VOWEL_MIN:
        return False  # a leading vowel: Costa/Acosta, Li/Ali, Lena/Alena are other names
    if syllable_added(x, y):
        return False
    if vowels_only_inserted(x, y):
        return True
    if other_last_vowel(x, y):
        return False
    return shortest >= 6 and levenshtein(x, y) <= (2 if shortest < 10 else 3)


def known_apart(a: Part, b: Part) -> bool:
    """Two spellings rigour's name data knows as names, with no symbol in common."""
    return len(a.symbols) > 0 and len(b.symbols) > 0 and len(a.symbols & b.symbols) == 0
