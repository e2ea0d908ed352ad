"""What one grammatical frame says about one entity (``Finding``), and which one wins
when a sentence says several things about it (``best``)."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.extract import allegations as lex
from dossier.model import Category, Frame, Part

PERPETRATOR_SIDE: frozenset[str] = frozenset(
    {"perpetrator", "ordered", "complicit", "beneficiary", "accused"}
)
# Which part wins when one sentence gives one entity several.
PART_RANK: tuple[str, ...] = (
    "ordered",
    "perpetrator",
    "complicit",
    "beneficiary",
    "accused",
    "victim",
    "witness",
    "source",
    "advocate",
    "subject",
    "unclear",
)


@dataclass(frozen=True)
class Finding:
    """What one grammatical frame says about one entity."""

    category: Category
    part: Part
    trigger: int  # token index of the word that carries the meaning
    frame: Frame = "none"  # the sentence frame that matched (model.FRAMES)
    # Holds only for someone the document describes by a public office
    # ("President X claimed ... without evidence"); anyone else is a source.
    office_only: bool = False


def best(found: list[Finding]) -> Finding | None:
    """One finding per entity and sentence; None when there is nothing.

    A sentence that makes the same entity both victim and perpetrator is
    not resolved here: the result is part "unclear" with the allegation's
    category, which leaves it to a human reviewer.
    """
    if len(found) == 0:
        return None
    parts = {f.part for f in found}
    perpetrator = [f for f in found if f.part in PERPETRATOR_SIDE]
    if all(f.frame == "released" for f in found if f.part == "victim") and any(
        f.frame == "accused-of" for f in perpetrator
    ):
        # "X, who was sentenced for the murder of ..., was released": a convict freed,
        # not a detainee freed.
        found = [f for f in found if f.part != "victim"]
        parts = {f.part for f in found}
    if "victim" in parts and len(perpetrator) > 0:
        worst = min(perpetrator, key=lambda f: lex.severity(f.category))
        return Finding(worst.category, "unclear", worst.trigger, worst.frame)

    def key(f: Finding) -> tuple[int, int]:
        return (PART_RANK.index(f.part), lex.severity(f.category))

    if len(perpetrator) > 0:
        # The most serious act first, then the most direct part.
        return min(perpetrator, key=lambda f: (lex.severity(f.category), PART_RANK.index(f.part)))
    return min(found, key=key)
