"""A slip: one name part spelled a letter apart in a name whose other parts all agree.

``alignment.align`` pairs every part of two names by a rule of spelling, and refuses
what those rules take for another name: a vowel that adds a syllable (Saqr /
Saqer), an ending that makes another family name (Hamdan / Hamdani), one
consonant for another in a short part (Loera / Loesa). In a name of two parts
that caution is right: "Fadi Saqr" and "Fadi Saqer" may be two families. In a
longer name it is not: the more parts agree, the less a slip in one of them can
mean another person, and lists and press texts misspell long names often
(Peregrina Toboada / Peregrina Toboado, Mubarak Mushakhas Sanad / Mubarak
Mishkhas Sanad).

A slip is allowed once, never in the given name (siblings share every other
part: Samer / Amer), and only where enough of the name agrees:

- in a middle part (a father's or second name) when the given name and the
  surname agree: cousins named after one grandfather share those two, but their
  fathers' names are not a letter apart;
- in the surname when at least three other parts agree (given name and two more).

Every other part must agree by a strict rule (no near spelling, ``align``
without near reasons). The slipped parts must look alike (``look_alike``): the
same first letter, or letters that romanise one sound, at most one edit in four
letters (one in a part of four to seven), never a masculine against a feminine
form (Aliyev / Aliyeva) and never a part shorter than four letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from rigour.text.distance import levenshtein

from dossier.resolve.agreement import INITIAL_CLASSES, known_apart
from dossier.resolve.alignment import NEAR_REASONS, align
from dossier.resolve.genders import feminine_ending, gendered_parts
from dossier.resolve.parts import Part, is_patronymic

SLIP_MIN = 4  # a shorter part is all name: every letter counts
SURNAME_SLIP_PARTS = 4  # a surname may slip only in a name of this many parts or more
MIDDLE_SLIP_PARTS = 3
KNOWN_SLIP_MIN = 7  # shorter names that rigour knows as two names do not slip


def look_alike(a: Part, b: Part) -> bool:
    """Two parts a letter apart: one edit in four letters on a spelling or
    transliteration key, with one first letter (or one sound) and no gender."""
    if gendered_parts(a, b) or feminine_ending(a.skeleton, b.skeleton):
        return False
    shortest = min(len(a.skeleton), len(b.skeleton))
    if shortest < SLIP_MIN:
        return False
    if a.opening != b.opening and frozenset((a.opening, b.opening)) not in INITIAL_CLASSES:
        return False
    if shortest < KNOWN_SLIP_MIN and known_apart(a, b):
        return False  # Said / Saad, Amer / Amir: two names the name data knows apart
    for x, y in ((a.skeleton, b.skeleton), *((k, m) for k in a.keys for m in b.keys)):
        if levenshtein(x, y) <= max(1, min(len(x), len(y)) // 4):
            return True
    return False


def _patronymic_before(left: Sequence[Part], right: Sequence[Part]) -> bool:
    """A given name, an East Slavic patronymic and a surname: the patronymic names the
    father, so it counts as the second part that agrees (Sergei Ivanovich Fradkov /
    Frakov); a middle name in general does not (Darvel Kosti Conte / Conti)."""
    return len(left) == 3 and is_patronymic(left[1]) and is_patronymic(right[1])


def slip(left: Sequence[Part], right: Sequence[Part]) -> str | None:
    """The slipped pair ("zabin~zaben") when two names agree but for one slip, else None.

    Both names are read in written order, the given name first and the surname
    last; a slip pairs the parts at one place."""
    count = len(left)
    if count != len(right) or count < MIDDLE_SLIP_PARTS:
        return None
    for k in range(1, count):
        if k == count - 1 and count < SURNAME_SLIP_PARTS and not _patronymic_before(left, right):
            continue
        a, b = left[k], right[k]
        if not look_alike(a, b):
            continue
        rest = align(
            [p for i, p in enumerate(left) if i != k], [p for i, p in enumerate(right) if i != k]
        )
        if rest is None or any(reason in NEAR_REASONS for _, _, reason in rest.pairs):
            continue
        return f"{a.skeleton}~{b.skeleton}"
    return None
