"""From a name to the noun phrase it stands for.

``anchor_of`` climbs from a name's head word through titles, appositions, coordination
and "including" to the token whose grammatical function is the mention's function, and
repairs the parses that hang a name on a place or a unit ("head of facility SI-18 in
Almaty NAME"). The office and descriptor nouns it climbs through are defined here.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract import allegations as lex
from dossier.extract import verbs
from dossier.extract.allegations import lemma
from dossier.extract.names import is_title

# Office, job and occupation nouns: a descriptor headed by one is a position
# (positions.py adds a few titles that do not keep the referent).
OFFICE_NOUNS: frozenset[str] = frozenset(
    {
        "president",
        "prosecutor",
        "minister",
        "head",
        "chief",
        "director",
        "chairman",
        "chair",
        "chairwoman",
        "commissioner",
        "ombudsman",
        "ombudswoman",
        "member",
        "employee",
        "deputy",
        "general",
        "officer",
        "official",
        "judge",
        "governor",
        "mayor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "critic",
        "secretary",
        "ambassador",
        "leader",
        "founder",
        "owner",
        "professor",
        "prof.",
        "fellow",
        "analyst",
        "researcher",
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "photographer",
        "lawyer",
        "attorney",
        "defender",
        "activist",
        "financier",
        "businessman",
        "businesswoman",
        "colonel",
        "commander",
        "investigator",
        # ranks: "a Major of Justice", "Captain of Police X"
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "brigadier",
        "admiral",
        "marshal",
        "warden",
        "magistrate",
    }
)
# Nouns that describe the person they stand next to ("prosecutor Azamat
# Kurmanov", "a son-in-law of X, Timur Kulibayev"): climbing through them keeps
# the referent. Other common nouns ("the Tokayev government") change it.
DESCRIPTOR_NOUNS: frozenset[str] = OFFICE_NOUNS | frozenset(
    {
        "shareholder",
        "billionaire",
        "oligarch",
        "tycoon",
        "expert",
        "scholar",
        "campaigner",
        "dissident",
        "victim",
        "student",
        "doctor",
        "musician",
        "father",
        "mother",
        "son",
        "daughter",
        "son-in-law",
        "daughter-in-law",
        "father-in-law",
        "brother",
        "sister",
        "wife",
        "husband",
        "relative",
        "predecessor",
        "successor",
        "citizen",
        "participant",
        "man",
        "woman",
        "girl",
        "boy",
        "person",
        "individual",
        "officials",
        "people",
        "kazakhstanis",
        "whistle-blower",
        "figurehead",
        "associate",
        "staff",
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
    }
)
INCLUDING: frozenset[str] = frozenset({"including", "namely", "like", "especially", "notably"})
# Entity types a person's name is never an apposition of ("On 13 April 2022 ... X").
NOT_REFERENTS: frozenset[str] = frozenset(
    {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
)


def climb(root: Token, own: set[int], others: set[int]) -> Token:
    """From a name's head word to the head of the noun phrase it stands for.

    ``own`` are this mention's token indices, ``others`` those of other
    entities' mentions (never climbed into: that would merge two referents).
    """
    token = root
    for _ in range(12):
        head = token.head
        if head.i == token.i or (head.i in others and token.dep_ != "conj"):
            return token
        if head.ent_type_ in NOT_REFERENTS and token.dep_ != "conj":
            return token
        dep = token.dep_
        if dep in {"compound", "flat", "appos", "conj", "nmod"} and (
            head.pos_ in {"NOUN", "PROPN", "PRON"}
            # "alongside its chief NAME": the small model tags "chief" ADJ
            or (dep == "appos" and head.pos_ == "ADJ" and lemma(head) in DESCRIPTOR_NOUNS)
        ):
            if head.i in own or head.pos_ == "PROPN" or lemma(head) in DESCRIPTOR_NOUNS:
                token = head
                continue
            if dep in {"appos", "conj"}:
                token = head
                continue
            return token
        if dep == "pobj" and head.lower_ in INCLUDING:
            if verbs.is_verbal(head.head):
                return token  # "arrested dozens, including X": the clause reads the object
            token = head.head
            continue
        if dep in {"appos", "npadvmod"} and head.pos_ == "PROPN":
            token = head
            continue
        return token
    return token


def _climb_with_repair(root: Token, own: set[int], others: set[int]) -> Token:
    token = climb(root, own, others)
    # The name hung on a place or organisation ("SI-18 in Almaty Aset
    # Dzhumadiyev"): find the title noun the place belongs to.
    current = root
    while current.head.i != current.i:
        if current.dep_ in {"appos", "compound", "npadvmod"} and current.head.i not in own:
            repaired = _title_repair(current.head)
            if repaired is not None and repaired.i < root.i:
                return climb(repaired, own, others)
            break
        if current.i == token.i:
            break
        current = current.head
    if token.dep_ == "pobj" and token.i not in own:
        repaired = _title_repair(token)
        if repaired is not None and repaired.i < root.i:
            return climb(repaired, own, others)
    hyphenated = (
        token.dep_ == "pobj" and token.head.i > 0 and token.doc[token.head.i - 1].text == "-"
    )
    if (
        token.dep_ == "pobj"
        and _name_shaped(token, own)
        and (
            hyphenated
            or any(
                c.dep_ == "compound"
                and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and not is_title(c.text)))
                and c.i not in own
                for c in token.children
            )
        )
        and (hyphenated or not _own_title(token, own))
    ):
        # "the head of the city division NAME": the unit's words are folded into the name
        # (an office only: "the wife of the activist NAME" is someone else);
        # "Commander-in-Chief NAME": the name hung on the title's "in"
        repaired = _title_repair(token)
        if (
            repaired is not None
            and repaired.i < root.i
            and (hyphenated or lemma(repaired) in OFFICE_NOUNS)
        ):
            return climb(repaired, own, others)
    return token


def _own_title(token: Token, own: set[int]) -> bool:
    """ "of opposition leader X", "of the activist X": the name has a title of its own
    (a descriptor noun among its compounds), so it names that person, not an office
    further up."""
    return any(
        c.dep_ == "compound" and c.i not in own and lemma(c) in DESCRIPTOR_NOUNS
        for c in token.subtree
        if c.i < min(own)
    )


def _name_shaped(token: Token, own: set[int]) -> bool:
    """A personal name's words: letters only ("Oleg Rudin", not "SI-18")."""
    return (
        token.i in own
        and all(token.doc[i].is_alpha or token.doc[i].text in {"-", "'", "’"} for i in own)
        and not any(token.doc[i].like_num for i in own)
    )


def _title_repair(token: Token) -> Token | None:
    """ "head of facility SI-18 in Almaty Aset Dzhumadiyev": the parser hangs the
    name on the place; the title noun before it is what the name stands for."""
    current = token
    for step in range(4):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            return None
        governor = current.head.head
        if step == 0 and governor.dep_ in {"acl", "relcl"} and governor.i > governor.head.i:
            # "the judge presiding over the trial, NAME": the clause describes the title
            # (the clause's own object only, not a title further up)
            governor = governor.head
        hyphenated = current.head.i > 0 and current.doc[current.head.i - 1].text == "-"
        if lemma(governor) not in DESCRIPTOR_NOUNS and lex.act_category(governor) is not None:
            # "officials in charge of the arrest of X": X is the act's object, no title's
            return None
        if lemma(governor) in DESCRIPTOR_NOUNS and (
            governor.pos_ == "NOUN" or (hyphenated and governor.pos_ == "PROPN")
        ):
            # (also "Deputy Commander-in-Chief NAME", the name hung on the title's "in")
            return governor
        current = governor
    return None


def anchor_of(span: Span, others: set[int]) -> Token:
    """The token whose grammatical function is the mention's function."""
    own = {token.i for token in span}
    token = _climb_with_repair(span.root, own, others)
    if token.dep_ in {"appos", "compound", "npadvmod"} and token.i in own:
        # "a son-in-law of X, NAME purchased": the parser lost the apposition;
        # the descriptor phrase just before the name is what the name stands for.
        before = span.start - 1
        if before > span.sent.start and span.doc[before].text == ",":
            before -= 1
        for candidate in [span.doc[before], *span.doc[before].ancestors]:
            if (
                lemma(candidate) in DESCRIPTOR_NOUNS
                and candidate.dep_ in {"nsubj", "nsubjpass", "dobj"}
                and candidate.right_edge.i == before
            ):
                return climb(candidate, own, others)
    return token
