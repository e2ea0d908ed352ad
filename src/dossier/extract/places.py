"""Countries: a small closed list, so that a country is never taken for an organisation.

spaCy often tags a country ORG ("urges the government of Kazakhstan", "Kazakhstan’s
leaders"), and one such tag, spread by the corpus gazetteer, would turn every
mention of the country into an organisation. A country, its short and former
forms ("Kazakh SSR", "the Russian Federation") and an adjective in front of it
("oil-rich Kazakhstan") are places, not organisations.
"""

from __future__ import annotations

import re

from dossier.extract.names import fold, wordset

_COUNTRY_NAMES = wordset(
    """
afghanistan albania algeria andorra angola antigua argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile
china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador
egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kazakstan
qazaqstan kenya kiribati kosovo kuwait kyrgyzstan kirgizia laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali
malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria
norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia
somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand
togo tonga trinidad tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay
uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland wales
america ussr
"""
)

_MULTI_WORD = (
    "united states",
    "united states of america",
    "united kingdom",
    "great britain",
    "northern ireland",
    "russian federation",
    "soviet union",
    "south africa",
    "south korea",
    "north korea",
    "new zealand",
    "saudi arabia",
    "sri lanka",
    "costa rica",
    "el salvador",
    "czech republic",
    "ivory coast",
    "dominican republic",
    "united arab emirates",
    "papua new guinea",
    "sierra leone",
    "east timor",
    "north macedonia",
    "hong kong",
    "people s republic of china",
)

COUNTRIES: frozenset[str] = _COUNTRY_NAMES | frozenset(_MULTI_WORD)
_COUNTRY_KEYS = COUNTRIES | frozenset({"us", "usa", "uk", "prc", "uae"})
# "Republic of Kazakhstan", "Kazakh SSR", "the Kazakh Soviet Socialist Republic".
_STATE_FORM = re.compile(
    r"^(?:the )?(?:(?:republic|kingdom|federation|state|commonwealth) of (?:the )?(.+)|"
    r"(.+?) (?:ssr|soviet socialist republic|republic|federation))$"
)


def is_country(name: str) -> bool:
    """True for a country's name or a state form of it ("Kazakh SSR", "Republic of Kazakhstan").

    >>> is_country("Kazakhstan"), is_country("Kazakhstan’s"), is_country("Kazakh SSR")
    (True, True, True)
    >>> is_country("Democratic Choice of Kazakhstan")
    False
    """
    key = fold(re.sub(r"[’']s?$", "", name.strip()))
    key = key.removeprefix("the ")
    if key in _COUNTRY_KEYS or key == "ssr":
        return True
    match = _STATE_FORM.match(key)
    if match is None:
        return False
    inner = match.group(1) if match.group(1) is not None else match.group(2)
    return inner in _COUNTRY_KEYS or _is_country_adjective(inner)


def _is_country_adjective(word: str) -> bool:
    """ "kazakh", "russian", "soviet": the adjective of a country, for "Kazakh SSR"."""
    if word in ("soviet", "socialist"):
        return True
    return (
        any(
            country.startswith(word[: max(4, len(word) - 3)]) and " " not in country
            for country in COUNTRIES
        )
        and word not in COUNTRIES
    )


def ends_with_country(words: list[str]) -> bool:
    """ "Oil-rich Kazakhstan": the last word is a country."""
    return len(words) > 0 and is_country(words[-1])
