"""Masculine and feminine forms of a name part: one name, but two people.

Kulibayev/Kulibayeva and Ivanov/Ivanova (which share a name symbol),
Kandinsky/Kandinskaya, Sergeyevich/Sergeyevna, a final a for o, e or i
(Antonio/Antonia, Simone/Simona) and a son's and a daughter's patronymic
(Nurlanuly/Nurlankyzy) never agree (``gendered``, ``feminine_ending``). In a given
name a final a against another letter marks a woman's name (Anton/Antonia,
Rashad/Rashida), and a final e may (Denis/Denise) or may be silent (Maxime):
``gender_ending``.
"""

from __future__ import annotations

from dossier.resolve.parts import VOWELS, Part

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
    return gendered(a.skeleton, b.skeleton) or any(gendered(x, y) for x in a.keys for y in b.keys)


def feminine_ending(a: str, b: str) -> bool:
    """One name with a final a where the other ends in another vowel, on spelling keys:
    a man's and a woman's name (Antonio/Antonia, Simone/Simona, Stefano/Stefania).
    Only where no transliteration key agrees (Lukashenka/Lukashenko)."""
    for one, two in ((a, b), (b, a)):
        ending = len(two) >= 3 and two[-1] == "a" and one[-1:] in ("o", "e", "i")
        if ending and (one[:-1] == two[:-1] or (one[-1] == "o" and one[:-1] + "ia" == two)):
            return True
    return False


def gender_ending(a: Part, b: Part) -> str:
    """ "a" or "e" where the last letters differ and one of them is that letter, unless
    only a final h makes them differ (Atiya/Atiyah); else "". An a marks a woman's
    name (Anton/Antonia, Rashad/Rashida, Marie/Mario); an e may (Denis/Denise) or may be
    silent (Maxime, Evariste, Tewolde)."""
    x, y = a.skeleton[-1:], b.skeleton[-1:]
    if x == y or a.bare[-1:] == b.bare[-1:]:
        return ""
    return "a" if "a" in (x, y) else "e" if "e" in (x, y) else ""
