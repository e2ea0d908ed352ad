"""Personal-name morphology: titles, particles, surname suffixes, normal form and keys.

Small closed word lists live here (titles, honorifics, particles, demonyms); no
list of people's names does. Everything works on plain strings so it can be
tested without spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.text import ascii_text


def wordset(words: str) -> frozenset[str]:
    """A closed word list written as whitespace-separated words."""
    return frozenset(words.split())


# Words that introduce a person's name and are not part of it ("Mr. Tokayev",
# "President Kassym-Jomart Tokayev", "prosecutor Azamat Kurmanov"). Lowercase,
# without a trailing full stop.
TITLES: frozenset[str] = wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle
    monsieur herr frau señor senor senora señora don dona president vice-president
    ex-president premier prime chancellor minister vice-minister secretary undersecretary
    under-secretary ambassador envoy consul diplomat senator sen rep representative
    congressman congresswoman deputy mp mep mps meps governor gov mayor akim akims judge
    justice prosecutor prosecutors attorney lawyer advocate barrister solicitor counsel
    counsellor councilor councillor ombudsman ombudswoman commissioner general gen colonel col
    lieutenant lt lieut
    captain capt major maj sergeant sgt corporal cpl private pte admiral adm marshal
    commander cmdr officer inspector detective constable chief head director ceo cfo coo
    chairman chairwoman chairperson chair founder co-founder owner president-elect
    spokesman spokeswoman spokesperson king queen prince princess emir sheikh sultan
    shah tsar czar pope cardinal bishop archbishop imam rabbi reverend rev father fr
    pastor saint protester protestor prisoner journalist reporter editor editor-in-chief
    shaikh shaykh sheik sayyid sayed mullah ayatollah haji hajji oknha datuk dato datin
    crown vice brig brigadier daw investigator warden magistrate
    lieutenant-general major-general lt-gen maj-gen lt-col lt.-col lt-colonel
    brigadier-general rear-admiral vice-admiral hon honourable honorable excellency hrh
    blogger activist dissident
    defender campaigner businessman businesswoman billionaire tycoon oligarch banker
    financier investor economist analyst expert researcher academic scholar historian
    author writer poet leader coach manager striker midfielder defender goalkeeper
    player champion former late acting interim then-president then-prime then nurse
    doctor professor-emeritus emeritus
    """
)

# Titles that are also given names: right after a capitalised name word they are part of
# the name ("Justo Pastor Urbina", "José Don Pedro").
NAME_TITLES: frozenset[str] = wordset("pastor don")

# Lower-case particles that belong inside a name ("Eva van der Merwe").
PARTICLES: frozenset[str] = wordset(
    """
    van der den de del della di da dos das du le la von zu ten ter bin ibn al el st dela
    delos bint ben binti
    """
)

# "al-Hasan", "el-Sisi", "d’Estaing": a lowercase particle glued to a capitalised name.
_PREFIXED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|d|l)[-’'][A-ZÀ-Þ]")


def is_prefixed_name(word: str) -> bool:
    """``al-Hasan``, ``el-Sisi``: a name word that starts with a glued lowercase particle."""
    return _PREFIXED.match(word) is not None


# Nationalities, ethnic groups and languages that the model takes for people.
DEMONYMS: frozenset[str] = wordset(
    """
    kazakh kazakhs kazakhstani kazakhstanis qazaq uzbek uzbeks kyrgyz kirghiz tajik
    tajiks turkmen turkmens uyghur uyghurs uighur uighurs russian russians chinese
    dungan dungans karakalpak karakalpaks tatar tatars ukrainian ukrainians belarusian
    belarusians american americans british briton britons english french german germans
    european europeans soviet soviets cossack cossacks mongol mongols han muslim muslims
    jewish jews arab arabs turkish turk turks persian iranian
    afghan afghans tamil tamils kurd kurds kurdish sikh sikhs hindu hindus
    catholic catholics protestant protestants buddhist buddhists israeli israelis palestinian
    palestinians iraqi iraqis syrian syrians indian indians pakistani pakistanis japanese
    korean koreans italian italians spanish polish dutch swiss swedish danish finnish irish
    scottish welsh canadian canadians mexican mexicans brazilian brazilians african africans
    asian asians armenian armenians azerbaijani azerbaijanis mongolian mongolians serb serbs
    croat croats bosnian bosnians albanian albanians greek greeks egyptian egyptians saudi
    saudis lebanese iranians chechen chechens georgian georgians emirati emiratis lankan
    lankans sudanese eritrean eritreans ethiopian ethiopians congolese ugandan ugandans
    zimbabwean zimbabweans cambodian cambodians venezuelan venezuelans haitian haitians
    guatemalan guatemalans honduran hondurans paraguayan paraguayans bulgarian bulgarians
    bahraini bahrainis filipino filipinos nicaraguan nicaraguans burmese bangladeshi
    bangladeshis vietnamese thai thais nigerian nigerians kenyan kenyans somali somalis
    yemeni yemenis libyan libyans tunisian tunisians moroccan moroccans algerian algerians
    jordanian jordanians qatari qataris kuwaiti kuwaitis omani omanis colombian colombians
    cuban cubans peruvian peruvians chilean chileans argentine argentinian argentinians
    bolivian bolivians ecuadorian ecuadorians salvadoran salvadorans hutu hutus tutsi tutsis
    rohingya azeri azeris uzbekistani tajikistani belarussian moldovan moldovans romanian
    romanians hungarian hungarians czech czechs slovak slovaks portuguese norwegian
    norwegians austrian austrians belgian belgians australian australians
    """
)

WEEKDAYS: frozenset[str] = wordset("monday tuesday wednesday thursday friday saturday sunday")
# Days and months: capitalised like names, never people ("on Friday", "in May").
CALENDAR_WORDS: frozenset[str] = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    """
)

# Nouns that, right after a surname, make it the name of something else
# ("Magnitsky Act", "Nobel Prize", "King Charles Street"): eponyms, not people.
EPONYM_NOUNS: frozenset[str] = wordset(
    """
    act acts law laws bill sanctions sanction list lists regime-style style prize prizes
    award awards medal fund foundation institute institution university college school
    academy street st avenue ave road square boulevard blvd lane bridge airport station
    stadium arena park hall museum library centre center hospital doctrine amendment
    principle effect syndrome disease scale index rule rules plan programme program
    report commission committee convention treaty agreement protocol declaration day
    """
)

# Nouns that end the name of a place or polity ("Dzungar Khanate", "Golden Horde").
PLACE_NOUNS: frozenset[str] = wordset(
    """
    khanate empire horde kingdom republic region oblast province district city county valley
    river lake mountains mountain sea desert steppe island islands state sultanate caliphate
    """
)

# Words that open the name of a state or polity ("Republika Srpska", "Kingdom of Fife").
STATE_FORMS: frozenset[str] = wordset(
    """
    republic republika respublika kingdom emirate sultanate principality federation
    """
)

_SURNAME_SUFFIX = re.compile(
    r"(?:[bcdfghjklmnpqrstvwxz]ov|[bcdfghjklmnpqrstvwxz]ova|[bcdfghjklmnpqrstvwxzy]ev|"
    r"[bcdfghjklmnpqrstvwxzy]eva|iev|ieva|yev|yeva|"
    r"uly|ұлы|kyzy|qyzy|uulu|kyzy|ovich|evich|ovna|evna|enko|"
    r"skiy|skyi|sky|skaya|ski|shvili|dze|oglu|zade|zadeh|yan|iyan|"
    r"bayev|bayeva|baev|baeva|bekov|bekova|bekuly|ova|eva|ovа)$",
    re.IGNORECASE,
)

_APOSTROPHES = "’'`´ʼ"
_POSSESSIVE = re.compile(r"(?:[’'`´ʼ]s|s[’'`´ʼ]|[’'`´ʼ])$")
_CAMEL = re.compile(r"^([A-Z][a-zà-ÿа-яёәғқңөұүһі]+)([A-Z][a-zà-ÿа-яёәғқңөұүһі]+)$")


def has_surname_morphology(word: str) -> bool:
    """True for a capitalised word shaped like a Central Asian/Slavic/Caucasian surname.

    >>> has_surname_morphology("Nazarbayev"), has_surname_morphology("Adilbekuly")
    (True, True)
    """
    word = strip_possessive(word)
    if len(word) < 5 or not word[0].isupper():
        return False
    return _SURNAME_SUFFIX.search(word) is not None


def strip_possessive(word: str) -> str:
    """``Tokayev’s`` -> ``Tokayev``; ``Mr. Browder’s`` -> ``Mr. Browder``."""
    if len(word) > 2 and word[-1] in _APOSTROPHES + "s":
        stripped = _POSSESSIVE.sub("", word)
        if stripped != word and len(stripped) > 1:
            return stripped
    return word


def is_title(word: str) -> bool:
    """True if ``word`` (any case, with or without a full stop) is a title or honorific."""
    return word.lower().rstrip(".") in TITLES


def is_demonym(word: str) -> bool:
    return word.lower().replace("\u2019", "'").removesuffix("'s") in DEMONYMS


def is_initial(word: str) -> bool:
    """``T.`` or ``A.G.``: initials."""
    return re.fullmatch(r"(?:[A-ZА-ЯЁ]\.){1,3}", word) is not None


def is_shouting(word: str) -> bool:
    """An all-caps word of two or more letters (``KULIBAYEV``)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_camel(word: str) -> tuple[str, str] | None:
    """``AliyaIsenova`` -> (``Aliya``, ``Isenova``) when the second part is surname-shaped."""
    match = _CAMEL.match(word)
    if match is None:
        return None
    first, last = match.group(1), match.group(2)
    if len(first) < 2 or not has_surname_morphology(last):
        return None
    return first, last


def _title_case_word(word: str) -> str:
    parts = re.split(r"([-’'])", word)
    out: list[str] = []
    for part in parts:
        if part in ("-", "’", "'") or part == "":
            out.append(part)
        else:
            out.append(part[0].upper() + part[1:].lower())
    return "".join(out)


# A family name in capitals, a comma, then given names: how sanctions lists write a name.
_INVERTED_NAME = re.compile(r"([^\W\d_][^\W\d_'’ -]*(?:[ -][^\W\d_'’ -]+)*?),[ ]+([^\W\d_].*)")


def normal_form(name: str) -> str:
    """Canonical display form of a person's name.

    Whitespace (including no-break spaces) collapses to one space, a list's
    ``KADYROV, Ramzan`` is put in written order (``Ramzan Kadyrov``), a glued
    ``AliyaIsenova`` is split, and shouted words are title-cased while
    initials and particles keep their form: ``T. KULIBAYEV`` -> ``T. Kulibayev``.
    """
    inverted = _INVERTED_NAME.fullmatch(name.replace("\u00a0", " ").strip())
    if inverted is not None:  # "KADYROV, Ramzan Akhmatovich": a list's family-name-first form
        name = f"{inverted.group(2)} {inverted.group(1)}"
    words = name.replace("\u00a0", " ").split()
    out: list[str] = []
    for word in words:
        camel = split_camel(word)
        if camel is not None:
            out.extend(camel)
        elif is_initial(word):
            out.append(word)
        elif is_shouting(word):
            out.append(_title_case_word(word))
        else:
            out.append(word)
    return " ".join(out)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lowercase, letters and digits separated by single spaces."""
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " "))
    ascii_form = ascii_text(text).lower()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_form))


def name_key(name: str) -> str:
    """The normalised key of a name, used in entity IDs: folded normal form."""
    return fold(normal_form(name))


def skeleton(word: str) -> str:
    """A transliteration-tolerant key: folded, no spaces or hyphens, doubled letters collapsed.

    ``Kassym-Jomart`` and ``Kasym-Jomart`` share a skeleton; ``Zhanel`` and
    ``Zhanna`` do not.
    """
    folded = fold(word).replace(" ", "")
    return re.sub(r"(.)\1+", r"\1", folded)


def name_words(name: str) -> list[str]:
    """The words of a (normal form) name, with particles glued to the surname."""
    words = name.split()
    out: list[str] = []
    pending: list[str] = []
    for word in words:
        if word.lower() in PARTICLES and len(out) > 0:
            pending.append(word)
            continue
        if len(pending) > 0:
            out.append(" ".join([*pending, word]))
            pending = []
        else:
            out.append(word)
    out.extend(pending)
    return out


def given_and_surname(name: str) -> tuple[str | None, str | None]:
    """(first name, last name) of a full name; (None, None) for a single word."""
    words = name_words(name)
    if len(words) < 2:
        return None, None
    first = words[0]
    if is_initial(first):
        return None, words[-1]
    return first, words[-1]
