"""The scoring rules of the cases and CoNLL benches, on data written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.bench import reference, verdicts
from dossier.bench.case_scoring import (
    GoldFile,
    Predicted,
    accused_targets,
    cut_off,
    merged_pairs,
    parse_gold,
    score_people,
    target_kind,
    wrong_links,
)
from dossier.bench.conll import (
    Predictions,
    entity_spans,
    evaluate,
    is_running_text,
    layout,
    parse_iob,
)

# -- CoNLL ----------------------------------------------------------------------

IOB = """-DOCSTART- -X- -X- O

Anna NNP B-NP B-PER
Berg NNP I-NP I-PER
met VBD B-VP O
Olof NNP B-NP B-PER
in IN B-PP O
Lund NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

RESULTS NNS B-NP O

Karl NNP B-NP I-PER
Svensson NNP I-NP I-PER
Eva NNP I-NP B-PER
"""


def test_iob_documents_sentences_and_spans() -> None:
    documents = parse_iob(IOB)
    assert [len(d.sentences) for d in documents] == [1, 2]
    first = documents[0].sentences[0]
    assert first.tokens == ("Anna", "Berg", "met", "Olof", "in", "Lund", ".")
    assert entity_spans(first.tags) == [(0, 2), (3, 4)]
    # an I- with no B- before it starts a span; a B- right after a span starts another
    assert entity_spans(documents[1].sentences[1].tags) == [(0, 2), (2, 3)]
    assert entity_spans(first.tags, "LOC") == [(5, 6)]


def test_iob_refuses_what_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="line 3: unknown NER tag 'B-PERSON'"):
        parse_iob("-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PERSON\n")
    with pytest.raises(ValueError, match="line 1: expected TOKEN POS CHUNK NER"):
        parse_iob("Anna B-PER\n")
    with pytest.raises(ValueError, match="before the first -DOCSTART-"):
        parse_iob("Anna NNP B-NP B-PER\n")


def test_layout_offsets_map_back_to_whole_tokens_only() -> None:
    place = layout(parse_iob(IOB)[1])
    assert place.text == "RESULTS\nKarl Svensson Eva\n"
    assert place.span_of(8, 21) == (1, 0, 2)  # "Karl Svensson"
    assert place.text[8:21] == "Karl Svensson"
    assert place.span_of(8, 12) == (1, 0, 1)
    assert place.span_of(8, 11) is None  # "Kar": not a token boundary
    assert place.span_of(0, 12) is None  # across two sentences


def _tokens(text: str) -> list[str]:
    return text.split()


def test_running_text_needs_eight_tokens_half_lower_case_words() -> None:
    assert is_running_text(_tokens("the minister said on Monday that he would resign"))
    assert not is_running_text(_tokens("he said it was over"))  # five tokens
    assert not is_running_text(_tokens("1. Anna Berg ( Sweden ) 2:31.4 best"))  # 1 of 8 lower
    # four lower-case words of eight tokens is half: enough; numbers are not words
    assert is_running_text(_tokens("Anna Berg won the race at 3 PM"))
    assert not is_running_text(_tokens("Anna Berg won the 3 4 5 6"))
    assert not is_running_text(_tokens("Anna Berg won The RACE In 3 days"))


def test_exact_spans_scored_overall_and_on_running_text() -> None:
    text = (
        "-DOCSTART- -X- -X- O\n\n"
        + "".join(
            f"{w} X X {t}\n"
            for w, t in zip(
                _tokens("Anna Berg told reporters on the plane that she was tired"),
                ["B-PER", "I-PER"] + ["O"] * 9,
                strict=True,
            )
        )
        + "\nOlof X X B-PER\nWins X X O\n"
    )
    documents = parse_iob(text)
    place = layout(documents[0])
    found = Predictions()
    found.add(0, place, 0, 4)  # "Anna": a wrong span in running text
    olof = place.text.index("Olof")
    found.add(0, place, olof, olof + 4)  # "Olof": right, in a results line
    found.add(0, place, olof + 1, olof + 4)  # "lof": not on token boundaries
    overall, running = evaluate(documents, found)
    assert (overall.gold, overall.predicted, overall.correct) == (2, 3, 1)
    assert dict(overall.false_positives) == {"Anna": 1, "lof": 1}
    assert dict(overall.false_negatives) == {"Anna Berg": 1}
    assert (running.gold, running.predicted, running.correct) == (1, 1, 0)
    assert overall.precision == pytest.approx(1 / 3)
    assert overall.recall == 0.5
    assert overall.f1 == pytest.approx(0.4)


# -- cases ----------------------------------------------------------------------

GOLD = [
    {
        "file": "01_test.txt",
        "partial": True,
        "accused": ["Ivo Marek Dunst", "Lena Dunst"],
        "protected": ["Pavel Ruml"],
        "neutral": ["Sarah Quill"],
        "orgs_accused": ["Dunst Holdings"],
        "aliases": {"Ivo Marek Dunst": ["Dunst", "General Dunst"], "Pavel Ruml": ["Ruml"]},
        "must_not_merge": [["Ivo Marek Dunst", "Lena Dunst"]],
        "uncertain": ["Lena Dunst", "Colonel Brac"],
    }
]


def _gold() -> GoldFile:
    (gold,) = parse_gold(GOLD)
    return gold


def _person(
    name: str, mentions: tuple[str, ...] = (), actor: str = "", ends: tuple[int, ...] = (1,)
) -> Predicted:
    return Predicted(
        key=f"k-{name}", name=name, aliases=(), mentions=mentions, ends=ends, actor=actor or name
    )


def test_matching_rule_folds_case_diacritics_titles_and_possessives() -> None:
    gold = _gold()
    predicted = [
        _person("Ivo Marek Dunst", ("GENERAL DUNST’s",)),
        _person("Pável Rüml"),
        _person("Sarah  Quill"),
        _person("Lena Dunst"),
    ]
    people = score_people(gold, predicted, "text", with_flagged=True)
    assert (people.gold, people.found, people.predicted, people.correct) == (4, 4, 4, 4)
    assert people.missed == [] and people.spurious == [] and people.merged == []


def test_unscored_names_cut_off_names_merges_and_flagged_persons() -> None:
    gold = _gold()
    text = "... and the last one was Colonel Ha"
    predicted = [
        _person("Tomas Wirt"),  # nobody in the gold: spurious
        _person("Brac"),  # Colonel Brac, only under uncertain: not scored
        _person("Ha", ends=(len(text),)),  # cut off at the end of a truncated text
        _person("Ivo Marek Dunst", ("Ivo Marek Dunst", "Ruml")),  # holds two people
        _person("Lena Dunst"),
    ]
    assert cut_off(predicted[2], text) and not cut_off(predicted[0], text)
    people = score_people(gold, predicted, text, with_flagged=True)
    assert (people.predicted, people.correct) == (3, 1)
    assert people.spurious == ["Tomas Wirt"]
    assert people.merged == ["Ivo Marek Dunst = Ivo Marek Dunst + Pavel Ruml"]
    assert people.missed == ["Sarah Quill"]
    without = score_people(gold, predicted, text, with_flagged=False)
    assert (without.gold, without.predicted, without.correct) == (3, 2, 0)


def test_accused_targets_and_what_a_wrong_target_is() -> None:
    gold = _gold()
    ivo = _person("Ivo Marek Dunst", ("Dunst",), actor="A1")
    lena = _person("Lena Dunst", actor="A2")
    made, not_made = accused_targets(gold, [ivo, lena], {"A1"}, with_flagged=True)
    assert (made, not_made) == (["Ivo Marek Dunst"], ["Lena Dunst"])
    assert accused_targets(gold, [ivo, lena], {"A1"}, with_flagged=False) == (
        ["Ivo Marek Dunst"],
        [],
    )
    assert target_kind([(gold, ivo)]) == "accused"
    assert target_kind([(gold, _person("Ruml"))]) == "protected"
    assert target_kind([(gold, _person("Sarah Quill"))]) == "neutral"
    assert target_kind([(gold, _person("Dunst Holdings"))]) == "organisation"
    assert target_kind([(gold, _person("Colonel Brac"))]) == "unscored"
    assert target_kind([(gold, _person("Magnitsky"))]) == "not a gold person"
    # accused in one document wins over neutral in another
    assert target_kind([(gold, _person("Sarah Quill")), (gold, ivo)]) == "accused"


def test_must_not_merge_pairs_and_wrong_reference_links() -> None:
    gold = _gold()
    # "Dunst" belongs to Ivo alone in the gold; linked to Lena it is a wrong link and a merge
    lena = _person("Lena Dunst", ("Dunst", "Lena Dunst"), actor="A2")
    ivo = _person("Ivo Marek Dunst", ("General Dunst",), actor="A1")
    assert merged_pairs(gold, [ivo, lena]) == ["Ivo Marek Dunst + Lena Dunst"]
    assert wrong_links(gold, [ivo, lena]) == ["'Dunst' -> Lena Dunst (gold: Ivo Marek Dunst)"]
    right = _person("Lena Dunst", ("Lena Dunst",), actor="A2")
    assert merged_pairs(gold, [ivo, right]) == []
    assert wrong_links(gold, [ivo, right]) == []
    # two entities resolved into one actor are merged too
    assert merged_pairs(gold, [ivo, _person("Lena Dunst", actor="A1")]) == [
        "Ivo Marek Dunst + Lena Dunst"
    ]
    # a spelling no gold person has is not judged
    assert wrong_links(gold, [_person("Lena Dunst", ("Marek",))]) == []


def test_gold_is_read_strictly() -> None:
    with pytest.raises(ValueError, match="is in two classes"):
        parse_gold([{**GOLD[0], "neutral": ["Pavel Ruml"]}])
    with pytest.raises(ValueError, match="aliases of unknown names"):
        parse_gold([{**GOLD[0], "aliases": {"Nobody": ["N"]}}])
    with pytest.raises(ValueError, match="must_not_merge must be pairs"):
        parse_gold([{**GOLD[0], "must_not_merge": [["Ivo Marek Dunst", "Nobody"]]}])


# -- shared ---------------------------------------------------------------------


def test_reference_folder_and_verbose_switch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_REFERENCE_DIR", str(tmp_path))
    assert reference.reference_file("cases", "gold.json") is None
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "gold.json").write_text("[]", encoding="utf-8")
    assert reference.reference_file("cases", "gold.json") == tmp_path / "cases" / "gold.json"
    assert str(tmp_path) in reference.missing("cases")
    monkeypatch.setenv("DOSSIER_BENCH_VERBOSE", "yes")
    with pytest.raises(SystemExit, match="must be 0 or 1"):
        reference.verbose()
    monkeypatch.setenv("DOSSIER_BENCH_VERBOSE", "1")
    assert reference.verbose()


def test_benches_skip_without_reference_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.bench import cases, conll

    monkeypatch.setenv("DOSSIER_REFERENCE_DIR", str(tmp_path))
    assert cases.run()[0].startswith("skipped: cases/gold.json and cases/texts/ not found")
    assert conll.run()[0].startswith("skipped: conll2003-valid.txt not found")


def test_summary_judges_every_threshold_and_the_time_budget() -> None:
    verdicts.clear()
    try:
        assert verdicts.judge("s", "F1 >= 0.9", "0.85", False) == "NOT MET s: F1 >= 0.9: 0.85"
        verdicts.timed("a", 10.0, 12.0)
        verdicts.timed("b", 10.0, 19.0)
        assert verdicts.summary() == [
            "NOT MET s: F1 >= 0.9: 0.85",
            "NOT MET a+b: extractor within +50% of spaCy nlp.pipe time: "
            "31.0 s vs 20.0 s CPU = +55% over spaCy",
        ]
        verdicts.clear()
        verdicts.timed("a", 10.0, 15.0)
        assert verdicts.summary() == [
            "PASS    a: extractor within +50% of spaCy nlp.pipe time: "
            "15.0 s vs 10.0 s CPU = +50% over spaCy"
        ]
    finally:
        verdicts.clear()
