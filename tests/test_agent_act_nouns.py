"""The possessor of a crackdown or a repression is the one who does it; the possessor of a
torture may be its victim (sentences written for the test, names invented)."""

from __future__ import annotations

from spacy.language import Language

from dossier.model import PERPETRATOR_PARTS
from tests.test_claims import parts


def test_the_possessor_of_a_crackdown_does_it(nlp: Language) -> None:
    for text in (
        "The sanctions target individuals complicit in Ivan Petrov’s crackdown on civil "
        "society, including arbitrary arrests.",
        "Ivan Petrov’s repression of journalists continued.",
    ):
        assert parts(nlp, text, "Ivan Petrov") == {
            "Ivan Petrov": ("persecution", "perpetrator")
        }, text


def test_the_possessor_of_a_torture_is_not_its_perpetrator(nlp: Language) -> None:
    found = parts(nlp, "Ivan Petrov’s torture in custody was documented.", "Ivan Petrov")
    assert found["Ivan Petrov"][1] not in PERPETRATOR_PARTS
