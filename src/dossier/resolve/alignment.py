"""Alignment: when every part of one name pairs with a part of the other.

``align`` pairs the parts spelled alike first, in written order, then searches
the rest; written order does not matter (Kassym-Jomart Tokayev / Tokayev
Kassym-Jomart). Two parts pair when they agree (``agreement.agreement``); at most
one pair may agree by a near reason, and nothing may be left over on either side.

The given name (a first part) is held to more, because a sibling's given name is
the likeliest other name one letter or one vowel away (Samar/Samer, Tamar/Tamer,
Bashar/Bashir, Saad/Said): ``_paired`` says what it takes. An opening h dropped
from a long given name (``_initial_h_dropped``: Haroun/Aroun), an opening vowel
(``_leading_vowel_dropped``: Ekaterina/Kateryna) and the damma written o, u or ou
(``_opening_o_u``: Omar/Oumar) are spellings of one given name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.resolve.agreement import agreement, known_apart, letters_fit
from dossier.resolve.genders import gender_ending
from dossier.resolve.parts import VOWELS, Part, onsets_agree
from dossier.resolve.vowels import LEADING_VOWEL_MIN


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
    ending = gender_ending(a, b)
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
