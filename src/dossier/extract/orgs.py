"""Organisation cues: which words make a name an organisation, and of which schema."""

from __future__ import annotations

import re

from dossier.extract.names import has_surname_morphology, is_title, wordset
from dossier.extract.places import is_country
from dossier.model import ActorSchema

# Words inside a name that mark a state body (-> PublicBody).
PUBLIC_BODY_CUES: frozenset[str] = wordset(
    """
    ministry ministries minister's office prosecutor prosecutor's prosecutors court
    courts tribunal police militia council parliament parliamentary senate mazhilis
    majilis duma congress assembly committee commission commissioner department dept
    agency bureau government administration embassy consulate army navy military forces
    guard service services directorate inspectorate authority secretariat presidency
    cabinet kgb fbi cia nsa knb ofac treasury municipality akimat akimat's procuracy
    ombudsman
    """
)

# Words inside a name that mark a business (-> Company).
COMPANY_CUES: frozenset[str] = wordset(
    """
    bank banks sberbank jsc llp pjsc ojsc cjsc llc ltd limited inc incorporated corp
    corporation company co plc gmbh ag sa nv bv holding holdings group capital finance
    financial investments investment partners motors motorcycles airlines airways oil
    gas energy petroleum mining metals steel telecom pharma insurance trust securities
    fund exchange enterprises industries trading logistics media
    cooperative cooperativa cooperativas banco empresa empresas compañía compania sociedad
    grupo
    """
)

# Other words that mark any organisation (-> Organization unless a cue above applies).
ORG_CUES: frozenset[str] = (
    wordset(
        """
    organization organisation entity union association foundation fund institute institution
    university college academy school movement initiative coalition alliance federation
    network society centre center party partiyasy partiya front league club network
    watch international unit project programme program house church mosque council
    newspaper news times post journal magazine radio tv television channel agency press ngo
    asociación asociacion fundación fundacion instituto partido movimiento frente
    """
    )
    | PUBLIC_BODY_CUES
    | COMPANY_CUES
)

_WORD = re.compile(r"[A-Za-zÀ-ÿ']+")


def org_words(name: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(name.replace("’", "'"))]


def has_org_cue(name: str) -> bool:
    """True if a word of ``name`` marks an organisation (``Sberbank Kazakhstan``)."""
    for word in org_words(name):
        if word in ORG_CUES or word.removesuffix("'s") in ORG_CUES:
            return True
        if len(word) > 4 and word.removesuffix("s") in ORG_CUES:
            return True  # "Trade Unions", "Associations"
        if word.endswith("bank") and len(word) > 4:
            return True
    return False


def org_schema(name: str) -> ActorSchema:
    """PublicBody for state bodies, Company for businesses, else Organization."""
    words = org_words(name)
    for word in words:
        if word in PUBLIC_BODY_CUES or word.removesuffix("'s") in PUBLIC_BODY_CUES:
            return "PublicBody"
    for word in words:
        if word in COMPANY_CUES or (word.endswith("bank") and len(word) > 4):
            return "Company"
    return "Organization"


_SPAN_WORD = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"[’']s$")
# "The Diplomat", "The Times" inside a sentence: a capitalised article belongs to a name.
_THE_NAME = re.compile(r"[^.!?\n\s][ \u00a0]+The[ \u00a0]+$")
# Documents an organisation issues: "European Parliament Resolution" names the parliament.
_DOCUMENT_NOUNS = wordset(
    "resolution resolutions report reports statement statements decree decrees briefing letter"
)
LEGAL_FORMS = wordset("ag inc ltd corp co plc llc gmbh sa nv bv jsc llp pjsc ojsc cjsc")
_DATE_WORDS = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    """
)
_SCORE = re.compile(r"\d+-\d+")
TAIL_CONNECTORS = frozenset({"of", "the", "for", "and", "in", "on", "&"})


def org_core(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The organisation inside a span, without the position held in it.

    "First Secretary of the Communist Party of Kazakhstan" -> "Communist Party of
    Kazakhstan"; "Amnesty International Prisoner" -> "Amnesty International";
    "General Prosecutor" -> None (a position, not an organisation).
    """
    words = [
        (start + m.start(), start + m.end(), m.group())
        for m in _SPAN_WORD.finditer(text[start:end])
    ]
    first = words[0][2] if len(words) > 1 else ""
    if _POSSESSIVE_END.search(first) is not None:
        owner = _POSSESSIVE_END.sub("", first)
        if has_surname_morphology(owner) or is_country(owner):
            words = words[1:]  # "Kharkova’s KNPRK", "Russia’s Sberbank"
    while len(words) > 1 and words[0][2] in ("of", "the", "for", "and", "in", "on"):
        words = words[1:]  # "of the Senate"
    lowered = [w[2].lower() for w in words]
    for i, word in enumerate(lowered[:-1]):
        if word.rstrip(".") in LEGAL_FORMS and lowered[i + 1] in TAIL_CONNECTORS:
            words, lowered = words[: i + 1], lowered[: i + 1]  # "Siemens AG in Berlin"
            break
    while len(words) > 1 and (
        lowered[-1].rstrip(".,") in _DATE_WORDS or _SCORE.fullmatch(lowered[-1]) is not None
    ):
        words, lowered = words[:-1], lowered[:-1]  # "... on Tuesday", "Arsenal 2-1"
        while len(words) > 1 and lowered[-1] in TAIL_CONNECTORS:
            words, lowered = words[:-1], lowered[:-1]
    if "of" in lowered:
        at = lowered.index("of")
        if 0 < at < len(words) - 1 and any(is_title(w[2]) for w in words[:at]):
            words = words[at + 1 :]
            if len(words) > 1 and words[0][2].lower() == "the":
                words = words[1:]
    while (
        len(words) > 1
        and (is_title(words[-1][2]) or words[-1][2].lower() in _DOCUMENT_NOUNS)
        and words[-2][2][0].isupper()
        and words[-2][2].lower() not in TAIL_CONNECTORS
    ):
        words = words[:-1]
    if len(words) == 0:
        return None
    if all(is_title(w[2]) for w in words) and not _THE_NAME.search(text, 0, words[0][0]):
        return None  # "the General Prosecutor" (but "Atajurt, The Diplomat, 2020")
    return words[0][0], words[-1][1]
