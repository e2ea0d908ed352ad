"""Which word of a person's full name is the given name, the patronymic and the family name.

Decided from the shape of the words, never from a list of people:

- A middle word with a patronymic ending ("Petrovich", "Ivanovna", "Abishuly") is
  the ``father_name``; so is the middle word of a three-word name whose middle and
  last words both have surname endings ("Ivan Petrov Sokolov", the Bulgarian order).
- A name that opens with a common East or South-East Asian family name and whose
  other words are romanised syllables ("Wang Xiaoming", "Kim Jong-su", "Nguyen Van
  Minh") is written family name first: ``last_name`` is the first word. The small
  closed list of family names is morphology, like the surname suffixes in ``names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.names import fold, has_surname_morphology, is_initial, name_words, wordset

_PATRONYMIC = re.compile(
    r"(?:ovich|evich|yevich|ievich|ovna|evna|yevna|ievna|uly|ұлы|kyzy|qyzy|oglu|ogly|uulu)$",
    re.IGNORECASE,
)

# Common family names of Chinese, Korean, Vietnamese and Khmer names, romanised.
FAMILY_FIRST: frozenset[str] = wordset(
    """
    wang li zhang liu chen yang huang zhao zhou wu xu sun zhu ma hu guo lin he gao liang
    zheng luo song xie tang han cao deng xiao feng zeng cheng cai peng pan yuan yu dong su
    ye lu wei jiang tian du ding shen jiang fan fu zhong lu dai cui ren yao tan liao zou
    xiong jin hao kong bai qiu qin xue yan duan lei hou long shi tao he gu mao hao gong
    kim lee park choi jung jeong kang cho yoon jang lim shin seo kwon hwang ahn oh jeon
    moon yang baek nam ryu
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
    hun sok chea chan keo kem kong meas men pol prak sam sar seng som tep touch yim chhay
    heng ouk pich vong chhim nhem
    """
)
_SYLLABLE = (
    r"(?:ch|zh|sh|kh|ng|nh|ph|th|tr|gi|qu|kw|gw|hw|[bcdfghjklmnpqrstvwxyz])?"
    r"(?:[aeiouy]{1,3})(?:ng|nh|ch|[nmktp]|h)?"
)
_ROMANISED = re.compile(rf"(?:{_SYLLABLE}){{1,3}}(?:-(?:{_SYLLABLE}){{1,3}})?", re.IGNORECASE)


@dataclass(frozen=True)
class NameParts:
    """The parts of a full name, and the signal that decided their order."""

    first_name: str | None
    last_name: str | None
    father_name: str | None = None
    order: str = "given-first"  # or "family-first"


def is_patronymic(word: str) -> bool:
    return len(word) >= 5 and word[0].isupper() and _PATRONYMIC.search(word) is not None


def family_name_first(words: list[str]) -> bool:
    """ "Wang Xiaoming", "Nguyen Van Minh": a common family name, then romanised syllables."""
    if not 2 <= len(words) <= 3 or fold(words[0]) not in FAMILY_FIRST:
        return False
    return all(_ROMANISED.fullmatch(fold(w).replace(" ", "-")) is not None for w in words[1:])


def name_parts(name: str) -> NameParts:
    """Given name, family name and patronymic of a normal-form full name."""
    words = name_words(name)
    if len(words) < 2:
        return NameParts(None, None)
    first = None if is_initial(words[0]) else words[0]
    if first is not None and family_name_first(words):
        return NameParts(" ".join(words[1:]), words[0], None, "family-first")
    father = None
    if len(words) >= 3 and first is not None:
        middle = words[1]
        if is_patronymic(middle) or (
            len(words) == 3 and has_surname_morphology(middle) and has_surname_morphology(words[2])
        ):
            father = middle
    return NameParts(first, words[-1], father)
