"""What each person is in a document: from descriptors first, then from parts.

Descriptors ("Human rights defender X", "journalist", "NAME/Reuters", a
letter's signature block, "Prof.", "President") decide protected roles before
any claim is read, so a defender whose sentence mentions torture stays a
defender. Parts (victim, advocate, perpetrator) fill in where the text gives
no descriptor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from dossier.extract.allegations import PHYSICAL, VIOLENT
from dossier.extract.positions import (
    RULER_NOUNS,
    Descriptor,
    all_descriptors,
    signature_mentions,
)
from dossier.model import (
    PERPETRATOR_PARTS,
    ROLES,
    LocalEntity,
    Mention,
    RelationFact,
    Role,
    SourceDocument,
    check_vocabulary,
)

# Descriptor words per role, most specific first.
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("human_rights_defender", ("human rights defender", "rights defender", "defender")),
    (
        "journalist",
        (
            "journalist",
            "reporter",
            "correspondent",
            "photographer",
            "photojournalist",
            "editor",
            "editor-in-chief",  # never the "deputy" of an office ("deputy editor-in-chief")
        ),
    ),
    ("activist", ("activist", "campaigner", "dissident")),
    (
        "analyst_academic",
        (
            "analyst",
            "professor",
            "prof.",
            "researcher",
            "research fellow",
            "fellow",
            "scholar",
            "academic",
            "lecturer",
            "expert",
        ),
    ),
    ("victim", ("victim",)),
    ("historical", ("the late", "late")),
    (
        "official",
        (
            "president",
            "prosecutor",
            "minister",
            "commissioner",
            "ombudsman",
            "ombudswoman",
            "governor",
            "mayor",
            "judge",
            "chief",
            "chairman",
            "chairwoman",
            "deputy",
            "colonel",
            "general",
            "officer",
            "official",
            "secretary",
            "ambassador",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "critic",
            "senator",
            "head of",
        ),
    ),
    ("lawyer", ("lawyer", "attorney")),
    (
        "business",
        (
            "businessman",
            "businesswoman",
            "billionaire",
            "oligarch",
            "financier",
            "tycoon",
            "entrepreneur",
            "owner",
            "shareholder",
            "investor",
            "board of directors",
            "ceo",
        ),
    ),
)
ROLE_WORDS: tuple[tuple[Role, tuple[str, ...]], ...] = tuple(
    (check_vocabulary(role, ROLES, "role"), words)  # type: ignore[misc]
    for role, words in _ROLE_WORDS
)
DESCRIPTOR_PROTECTED: tuple[str, ...] = (
    "human_rights_defender",
    "journalist",
    "activist",
    "analyst_academic",
    "victim",
)
# A "head of" is an official only when what they head is a state body.
STATE_WORDS = re.compile(
    r"\b(facility|office|ministry|committee|department|police|prison|service|agency|"
    r"council|court|government|state|security|army|military|prosecutor|colony|region|city)",
    re.IGNORECASE,
)
NATIONALITY = re.compile(
    r"\b(russian|canadian|canada|british|uk|u\.k\.|american|u\.s\.|us|united states|chinese|"
    r"china|kyrgyz|ukrainian|german|french|european|eu|belarusian|uzbek|turkish|foreign)\b",
    re.IGNORECASE,
)
FOREIGN_OFFICE = re.compile(
    r"foreign[- ]affairs|secretary of state|foreign minister|foreign secretary", re.IGNORECASE
)


def _matches(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", text) is not None


def role_of_descriptor(descriptor: Descriptor, home: str | None) -> Role | None:
    """The role one descriptor states, or None."""
    text = descriptor.text.lower()
    if descriptor.kind == "credit":
        return "journalist"
    for role, words in ROLE_WORDS:
        if not any(_matches(text, word) for word in words):
            continue
        if role == "historical" and descriptor.current is not False:
            continue
        if role == "official":
            if _matches(text, "head of") and STATE_WORDS.search(text) is None:
                continue
            if _is_foreign(f"{descriptor.qualifier} {text}".strip(), home):
                return "foreign_official"
        return role
    if descriptor.kind == "title" and descriptor.head in RULER_NOUNS:
        return "official"  # "the Tokayev government", "Nazarbayev-era"
    return None


def _is_foreign(text: str, home: str | None) -> bool:
    stem = home[:5].lower() if home is not None else None
    if stem is not None and stem in text:
        return False
    return NATIONALITY.search(text) is not None or FOREIGN_OFFICE.search(text) is not None


def home_country(doc: Doc) -> str | None:
    """The country the document is mostly about (its most named GPE)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "GPE":
            counts[ent.text] = counts.get(ent.text, 0) + 1
    if len(counts) == 0:
        return None
    return max(sorted(counts), key=lambda name: counts[name])


def descriptor_roles(
    source: SourceDocument,
    doc: Doc,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    entities: dict[str, LocalEntity],
) -> dict[str, Role]:
    """Role per person key from descriptors alone (signature, titles, appositions)."""
    token_owner = {t.i: index for index, span in spans.items() for t in span}
    home = home_country(doc)
    found: dict[str, list[Role]] = {}
    former: dict[str, set[Role]] = {}  # roles only ever described as past
    current: dict[str, set[Role]] = {}
    for index in signature_mentions(source, mentions):
        key = mentions[index].entity_key
        if key is not None:
            found.setdefault(key, []).append("advocate_signatory")
    for descriptor in all_descriptors(source, doc, mentions, spans, token_owner):
        key = mentions[descriptor.mention].entity_key
        if key is None or key not in entities or entities[key].schema != "Person":
            continue
        role = role_of_descriptor(descriptor, home)
        if role is not None:
            found.setdefault(key, []).append(role)
            bucket = former if descriptor.current is False else current
            bucket.setdefault(key, set()).add(role)
    out: dict[str, Role] = {}
    for key, roles in found.items():
        left = (former.get(key, set()) - current.get(key, set())) & {"official", "foreign_official"}
        if "business" in roles and len(left) > 0:
            # "billionaire son-in-law and former deputy state security chief":
            # what the person is now wins over an office they left.
            out[key] = _pick(r for r in roles if r not in left)
        else:
            out[key] = _pick(roles)
    return out


def _pick(roles: Iterable[Role]) -> Role:
    order: tuple[Role, ...] = (
        "advocate_signatory",
        "human_rights_defender",
        "journalist",
        "activist",
        "analyst_academic",
        "victim",
        "historical",
        "foreign_official",
        "official",
        "lawyer",
        "business",
    )
    present = set(roles)
    for role in order:
        if role in present:
            return role
    return "other"


def assign_roles(
    entities: dict[str, LocalEntity],
    descriptors: dict[str, Role],
    parts: dict[str, list[tuple[str, str]]],
    relations: Sequence[RelationFact],
    deceased: set[str],
    late: frozenset[str] | set[str] = frozenset(),
    designated_for: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Role]:
    """Final role per person in the document.

    ``designated_for``: people an authority designated for stated conduct; a lawyer
    among them is a designee, not a lawyer for victims ("sanctioned X, a lawyer and
    senator, for bribing judges"). Victims, defenders and journalists stay protected.
    """
    owners = {r.subject_key for r in relations if r.kind in {"ownership", "directorship"}}
    roles: dict[str, Role] = {}
    for key, entity in entities.items():
        if entity.schema != "Person":
            continue
        described = descriptors.get(key)
        mine = parts.get(key, [])
        part_names = {part for _, part in mine}
        direct_violence = any(
            part == "perpetrator" and category in VIOLENT for category, part in mine
        )
        perpetrator_side = bool(part_names & PERPETRATOR_PARTS)
        violent_victim = any(part == "victim" and category in PHYSICAL for category, part in mine)
        role: Role
        if described in {"advocate_signatory", *DESCRIPTOR_PROTECTED, "historical"}:
            role = described
        elif key in late and not perpetrator_side:
            role = "historical"  # "the late X", dead before the events reported
        elif described in {"official", "foreign_official"}:
            role = "alleged_perpetrator" if direct_violence else described
        elif "advocate" in part_names and not perpetrator_side:
            role = "activist"
        elif violent_victim or (key in deceased and not perpetrator_side):
            role = "victim"
        elif described == "lawyer" and key in designated_for and perpetrator_side:
            role = "alleged_perpetrator"
        elif described == "lawyer":
            role = "lawyer"
        elif described == "business" or key in owners:
            role = "business"
        elif "victim" in part_names and not perpetrator_side:
            role = "victim"
        elif perpetrator_side:
            role = "alleged_perpetrator"
        elif entity.cited_only:
            role = "cited_author"
        else:
            role = "other"
        roles[key] = role
    return roles
