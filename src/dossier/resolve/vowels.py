"""Vowels: when two spellings differ only as romanisations of a name's vowels do.

- ``vowel_spelling``: in names of fewer than six letters with the same consonants
  in the same places, later vowels that romanise one short vowel (a/e, e/i, o/u:
  Ahmad/Ahmed, Jaber/Jabir), an opening o or u (the damma), a diphthong written
  ai or ei (Saif/Seif); other changes are near vowels or other names
  (``agreement`` has the whole rule);
- ``syllable_added``: a vowel that adds a syllable between consonants makes
  another name in a name of fewer than eight letters (Hamdi/Hamidi, Nasr/Nassar,
  Martins/Martinez), except, from six letters, a vowel inside the name, not in
  its last syllable, which is a short vowel one romanisation writes
  (Barkat/Barakat, Qablan/Qabalan);
- ``vowel_added_at_end`` and ``ending_added``: an a or i added at the end is a
  nisba or a feminine form, another family name (Hamdan/Hamdani,
  Hussein/Husseini);
- ``other_final_vowel`` and ``other_last_vowel``: other final or last-syllable
  vowels than one short vowel's spellings are other names (Rossi/Russo,
  Mohamed/Mohamud).
"""

from __future__ import annotations

import re

from dossier.resolve.parts import VOWELS


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


SHORT = 6  # names of fewer letters: only their vowels may be spelled another way


# Vowels that romanise one short vowel (Arabic fatha a/e, kasra i/e, damma o/u).
VOWEL_CLASSES = frozenset({frozenset("ae"), frozenset("ei"), frozenset("ou")})


def other_final_vowel(a: str, b: str) -> bool:
    """Names that end in two different vowels other than e/i or o/u: Rossi/Russo,
    Bianchi/Bianca, Adeyemi/Adeyemo are other family names."""
    if a[-1:] == b[-1:] or a[-1:] not in VOWELS or b[-1:] not in VOWELS:
        return False
    if frozenset((a[-1], b[-1])) in VOWEL_CLASSES - {frozenset("ae")}:
        return False  # e/i, o/u: one short vowel (Saade/Saadi, Hamo/Hamu)
    return a[-2:-1] not in VOWELS and b[-2:-1] not in VOWELS  # not -aei/-aee


def short_vowel_change(a: str, b: str) -> bool:
    """Names of fewer than six letters that differ only in vowels at the same places."""
    if len(a) != len(b) or len(a) >= SHORT or a == b:
        return False
    return all(x == y or (x in VOWELS and y in VOWELS) for x, y in zip(a, b, strict=True))


def vowel_spelling(a: str, b: str, one_symbol: bool) -> str | None:
    """Whether a short vowel change (``short_vowel_change``) still spells one name: "vowel
    spelling", "near vowel" (only once in a name, and in its first part only as
    ``alignment.align`` allows: Yusuf/Yusif, Imad/Emad) or None (see ``agreement``:
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
                # apart, see ``alignment._may_be_near``); a fatha written e: Jadid/Jedid
                reason = "near vowel"
            else:
                return None
        elif not (one_symbol or pair in VOWEL_CLASSES):
            reason = "near vowel"
    return reason


def _syllables(skeleton: str) -> int:
    """The number of vowel groups in a spelling key (Chen 1, Jedid 2)."""
    return len(re.findall(r"[aeiou]+", skeleton))


def vowel_added_at_end(x: str, y: str) -> bool:
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


def other_last_vowel(x: str, y: str) -> bool:
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
