"""Organisation cues: which words make a name an organisation, and of which schema."""

from __future__ import annotations

import re

from dossier.extract.names import wordset
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
    """
)

# Other words that mark any organisation (-> Organization unless a cue above applies).
ORG_CUES: frozenset[str] = (
    wordset(
        """
    organization organisation union association foundation fund institute institution
    university college academy school movement initiative coalition alliance federation
    network society centre center party partiyasy partiya front league club network
    watch international unit project programme program house church mosque council
    newspaper news times post journal magazine radio tv television channel agency press ngo
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
