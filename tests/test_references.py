"""Whom a given name or a surname alone refers to: only the one person who fits.

Every text here is written for the test; the names are made up.
"""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.coref import PersonMention, resolve_references
from dossier.extract.mentions import MentionRecord, extract_text_mentions


def _refs(text: str, nlp: Language) -> list[MentionRecord]:
    return [r for r in extract_text_mentions(text, nlp) if r.label == "PERSON"]


def _mention(text: str, at: int, **kw: object) -> PersonMention:
    return PersonMention(at, at + len(text), text, **kw)  # type: ignore[arg-type]


def test_a_surname_links_to_the_one_full_name_that_fits() -> None:
    links, clusters, reasons = resolve_references(
        [_mention("Olvan Pretic", 0), _mention("Mira Kovalenko", 20), _mention("Pretic", 40)]
    )
    assert links[2] is not None and clusters[links[2]].name == "Olvan Pretic"
    assert reasons[2] == "only-fit:surname"


def test_a_given_name_shared_by_two_people_stays_unresolved() -> None:
    links, _clusters, reasons = resolve_references(
        [_mention("Sergei Tarkov", 0), _mention("Sergei Volnin", 30), _mention("Sergei", 60)]
    )
    assert links[2] is None and reasons[2] == "ambiguous:2-fit"


def test_the_start_of_a_longer_name_is_never_linked() -> None:
    # "Sergei" of a "Sergei Maltrov" the extractor did not read whole: not Sergei Tarkov
    links, _clusters, reasons = resolve_references(
        [_mention("Sergei Tarkov", 0), _mention("Sergei", 40, longer_name=True)]
    )
    assert links[1] is None and reasons[1] == "start-of-longer-name"


def test_a_bracketed_short_form_names_its_full_name() -> None:
    # two people share the surname; the text defines which one "Marov" means
    mentions = [
        _mention("Teodor Marov", 0),
        _mention("Marov", 14, defined_by=0),
        _mention("Lidia Marov", 60),
        _mention("Marov", 90),
    ]
    links, clusters, reasons = resolve_references(mentions)
    assert links[3] is not None and clusters[links[3]].name == "Teodor Marov"
    assert reasons[3] == "defined-short-form"


def test_shared_surname_without_a_definition_stays_unresolved() -> None:
    links, _clusters, reasons = resolve_references(
        [_mention("Teodor Marov", 0), _mention("Lidia Marov", 30), _mention("Marov", 60)]
    )
    assert links[2] is None and reasons[2] == "ambiguous:2-fit"


def test_bulleted_list_of_designated_officials(nlp: Language) -> None:
    text = (
        "The designated officials are:\n"
        "• Sergei Tarkov, deputy minister of the interior;\n"
        "• Sergei Volnin, head of the regional police;\n"
        "• Anatoly Brusek, a prosecutor.\n"
        "Sergei denied the charges, and Brusek said nothing.\n"
    )
    refs = _refs(text, nlp)
    by_text = {(r.text, r.start): r for r in refs}
    sergei = [r for (t, _), r in by_text.items() if t == "Sergei"]
    assert len(sergei) == 1 and sergei[0].resolved is None  # two Sergeis fit
    brusek = [r for (t, _), r in by_text.items() if t == "Brusek"]
    assert len(brusek) == 1 and brusek[0].resolved == "Anatoly Brusek"
    assert {"Sergei Tarkov", "Sergei Volnin", "Anatoly Brusek"} <= {r.text for r in refs}


def test_table_of_names(nlp: Language) -> None:
    text = (
        "| Name | Position |\n"
        "| Ivana Perlovic | judge of the district court |\n"
        "| Ivana Roskova | prosecutor |\n"
        "The court that Ivana chaired met in secret, and Roskova signed the warrant.\n"
    )
    refs = _refs(text, nlp)
    ivana = [r for r in refs if r.text == "Ivana"]
    assert all(r.resolved is None for r in ivana)
    roskova = [r for r in refs if r.text == "Roskova"]
    assert len(roskova) == 1 and roskova[0].resolved == "Ivana Roskova"


def test_a_given_name_before_an_unread_surname_is_not_linked(nlp: Language) -> None:
    text = (
        "Sergei Tarkov, the deputy minister, signed the order. Later Sergei Qwelm, a "
        "colonel, carried it out."
    )
    for r in _refs(text, nlp):
        if r.start >= text.index("Later"):
            assert r.resolved != "Sergei Tarkov", r
