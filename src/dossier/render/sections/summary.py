"""Section 1: summary and statement of reasons."""

from __future__ import annotations

from dossier.render.sections.basis import Basis, Sentence
from dossier.render.sections.facts import conduct_sentence
from dossier.render.sections.positions import Position, as_phrase
from dossier.render.sections.wording import CATEGORY_NOUN, independence_key, join_words, source_name

SUMMARY_CATEGORIES = 4  # the summary names at most this many kinds of conduct


def role_sentences(b: Basis, positions: list[Position]) -> list[Sentence]:
    name = b.p.name
    if len(positions) == 0:
        return [Sentence(f"The sources do not state a position held by {name}.")]
    found: list[Sentence] = []
    for index, pos in enumerate(positions):
        if index == 0:
            lead = f"{name} is described in the sources as "
        elif index == len(positions) - 1:
            lead = "and as "
        else:
            lead = "as "
        when = pos.dated[len(pos.title) :]
        last = index == len(positions) - 1
        found.append(
            Sentence(
                f"{lead}{as_phrase(pos.title)}{when}{'.' if last else ''}",
                pos.note,
                sep=" " if last else ", ",
            )
        )
    return found


def summary(b: Basis, positions: list[Position]) -> tuple[list[Sentence], Sentence, list[str]]:
    name = b.p.name
    sentences = role_sentences(b, positions)
    accepted_cats: list[str] = []
    pending_cats: list[str] = []
    categories = b.categories()
    for index, category in enumerate(categories[:SUMMARY_CATEGORIES]):
        item = b.best(category)
        lead = "" if index == 0 else "Further, "
        sentences.append(conduct_sentence(b, item, lead, limit=300))
        (accepted_cats if item.status == "accepted" else pending_cats).append(category)
    for category in categories[SUMMARY_CATEGORIES:]:
        best = b.best(category)
        (accepted_cats if best.status == "accepted" else pending_cats).append(category)
    relied = b.allegations
    sources = sorted(
        {
            source_name(e.document, b.source_no.get(e.document.id) if e.document else None)
            for e in relied
        }
    )
    independent = len({independence_key(e.document) for e in relied})
    accepted = sum(1 for e in relied if e.status == "accepted")
    if len(relied) > 0:
        sentences.append(
            Sentence(
                f"These allegations rest on {len(relied)} evidence "
                f"item{'s' if len(relied) != 1 else ''} from {len(sources)} "
                f"source{'s' if len(sources) != 1 else ''} ({'; '.join(sources)})"
                + (
                    f", {independent} of them independent by publisher or author"
                    if len(sources) > 1
                    else ""
                )
                + (
                    "; none has yet been reviewed. "
                    if accepted == 0
                    else f"; {accepted} {'has' if accepted == 1 else 'have'} been reviewed "
                    "and accepted. "
                )
                + "Each is set out in section 4 and quoted in Annex B."
            )
        )
    caveats: list[str] = []
    if len(accepted_cats) > 0:
        conduct = join_words(CATEGORY_NOUN[c] for c in accepted_cats)
        therefore = Sentence(
            f"Therefore there are reasonable grounds to suspect that {name} is or has been "
            f"involved in {conduct}."
        )
    elif len(pending_cats) > 0:
        therefore = Sentence(
            f"Subject to the review of the evidence, which is not complete, the sources "
            f"would give reasonable grounds to suspect that {name} is or has been involved "
            f"in {join_words(CATEGORY_NOUN[c] for c in pending_cats)}."
        )
    else:
        therefore = Sentence(
            f"The sources in this dossier contain no allegation of conduct by {name} that "
            "meets a designation criterion; no designation is proposed on this basis."
        )
    if len(accepted_cats) > 0 and len(pending_cats) > 0:
        caveats.append(
            f"The allegations of {join_words(CATEGORY_NOUN[c] for c in pending_cats)} rest on "
            "evidence that has not yet been reviewed and are not relied on in the "
            "conclusion above."
        )
    if b.p.one_name is not None:
        caveats.append(
            f"The sources name this person only as “{b.p.one_name}”. One name does not "
            "identify a person for designation: establish the full name, and if possible "
            "the date of birth, before this submission is sent."
        )
    if b.p.deceased:
        caveats.append(
            f"The sources report that {name} has died. Sanctions are not imposed on a "
            "deceased person; this dossier records the evidence only."
        )
    return sentences, therefore, caveats
