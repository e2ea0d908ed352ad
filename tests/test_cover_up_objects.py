"""Ignoring or hiding is a cover-up only of something about abuse or accountability; a
violation of rights is a rights abuse (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts


def test_ignoring_demands_or_hiding_from_reporters_covers_nothing_up(nlp: Language) -> None:
    for text in (
        "Both Ivan Sidorov and Pavel Orlic have ignored the demands.",
        "Governor Ivan Sidorov ignored the protests.",
        "Governor Ivan Sidorov hid from reporters.",
    ):
        found = parts(nlp, text, "Ivan Sidorov", "Pavel Orlic")
        assert all(part not in PERPETRATOR_PARTS for _, part in found.values()), text


def test_ignoring_complaints_of_abuse_or_hiding_bodies_is_a_cover_up(nlp: Language) -> None:
    for text in (
        "Governor Ivan Sidorov ignored complaints of torture.",
        "Governor Ivan Sidorov ignored reports that detainees were beaten.",
        "Governor Ivan Sidorov hid the bodies of the victims.",
        "Governor Ivan Sidorov ignored calls for an investigation.",
    ):
        assert parts(nlp, text, "Ivan Sidorov") == {
            "Ivan Sidorov": ("cover_up", "complicit")
        }, text


def test_violating_rights_or_freedoms_is_a_rights_abuse(nlp: Language) -> None:
    for text in (
        "Ivan Sidorov violated the human rights of protesters.",
        "President Ivan Sidorov and his inner circle continue to violate basic freedoms of "
        "innocent civilians while ignoring the people's calls for democracy.",
    ):
        assert parts(nlp, text, "Ivan Sidorov") == {
            "Ivan Sidorov": ("rights_abuse", "perpetrator")
        }, text
