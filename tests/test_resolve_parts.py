"""Name parts on rigour's analysis, under the strict rule (names constructed for the tests)."""

from __future__ import annotations

import pytest

from dossier.resolve.names import name_part
from dossier.resolve.parts import agreement, gendered
from tests.test_resolve import apart, doc, entity, extraction, pending_between, run, same


@pytest.mark.parametrize(
    ("left", "right", "reason"),
    [
        ("gorbunov", "gorbunov", "spelling"),
        ("korolev", "korolyov", "transliteration"),  # ё
        ("ivashchenko", "ivashhenko", "transliteration"),  # щ
        ("grigoriev", "grigorev", "transliteration"),  # ь
        ("sergej", "sergei", "transliteration"),  # й
        ("barsukou", "barsukov", "transliteration"),  # Belarusian ў
        ("kalinouski", "kalinowski", "transliteration"),
        ("dzmitry", "dmitry", "transliteration"),
        ("ihar", "igar", "transliteration"),  # г written h
        ("stefanovic", "stefanovich", "transliteration"),
        ("oleg", "oleh", "name symbol"),
        ("aleksandr", "alexander", "name symbol"),
        ("aleksandr", "oleksandr", "phonetic"),
        ("petr", "petro", "phonetic"),
    ],
)
def test_parts_that_agree(left: str, right: str, reason: str) -> None:
    assert agreement(name_part(left), name_part(right)) == reason


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("kulibayev", "kulibayeva"),
        ("ivanov", "ivanova"),  # one rigour symbol, but masculine and feminine
        ("kandinsky", "kandinskaya"),
        ("tolstoy", "tolstaya"),
        ("sergeyevich", "sergeyevna"),  # a son's and a daughter's patronymic
        ("nurlanuly", "nurlankyzy"),
        ("marat", "murat"),  # short names with another vowel are other names
        ("dana", "dina"),
        ("chan", "chen"),  # one rigour symbol, yet not one name to a reader
        ("timur", "tamara"),  # one metaphone key
        ("hassan", "ghassan"),  # an Arabic h is not a Ukrainian g
        ("hassan", "hussein"),
        ("aidos", "aidar"),
    ],
)
def test_parts_that_stay_apart(left: str, right: str) -> None:
    assert agreement(name_part(left), name_part(right)) is None


def test_gendered_forms() -> None:
    assert gendered("novak", "novakova")
    assert gendered("aliev", "alieva")
    assert not gendered("tokaev", "tokaev")
    assert not gendered("sergeevich", "sergeevichi")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Aleksandr Gorbunov", "Oleksandr Gorbunov"),
        ("Sergei Pavlovich Korolev", "Sergey Pavlovich Korolyov"),
        ("Petr Zhuravlev", "Petro Zhuravlyov"),
        ("Oleg Beryozkin", "Oleh Berezkin"),
        ("Sergej Ivashchenko", "Sergei Ivashhenko"),
        ("Dzmitry Barsukou", "Dmitry Barsukov"),
        ("Ihar Viktaravich Lyahin", "Igar Viktorovich Lyagin"),
        ("Mikhail Andrejevich Soltaev", "Mikhail Andreevich Soltajev"),
        ("Nurmurad Ataev", "Nurmurat Ataev"),
        ("Uladzimir Kalinouski", "Vladimir Kalinowski"),
    ],
)
def test_spelling_variants_merge_across_documents(left: str, right: str) -> None:
    a, b = entity(doc("a.txt"), left), entity(doc("b.txt"), right)
    result = run([extraction(doc("a.txt"), a), extraction(doc("b.txt"), b)])
    assert same(result, a, b)
    reason = next(iter(result.reasons.values()))
    assert reason.startswith(("every name part agrees", "same name after transliteration"))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Oleg Kandinsky", "Olga Kandinskaya"),
        ("Pavel Gorbunov", "Anna Gorbunova"),
        ("Marat Ospanov", "Murat Ospanov"),
        ("Dana Seitova", "Dina Seitova"),
        ("Liam Chan", "Liam Chen"),
        ("Hassan Karimi", "Ghassan Karimi"),
        ("Timur Bekov", "Tamara Bekova"),
        ("Timur Abenov", "Timur Dosanov"),  # a shared given name (and its symbol) alone
        ("Aleksandr Gorbunov", "Aleksandr Gorbunova"),
    ],
)
def test_different_people_never_merge(left: str, right: str) -> None:
    a, b = entity(doc("a.txt"), left), entity(doc("b.txt"), right)
    result = run([extraction(doc("a.txt"), a), extraction(doc("b.txt"), b)])
    assert apart(result, a, b)


def test_a_shared_given_name_alone_is_not_even_a_question() -> None:
    a, b = entity(doc("a.txt"), "Timur Abenov"), entity(doc("b.txt"), "Timur Dosanov")
    result = run([extraction(doc("a.txt"), a), extraction(doc("b.txt"), b)])
    assert apart(result, a, b) and not pending_between(result, a, b)


def test_a_patronymic_one_source_leaves_out_is_left_to_a_human() -> None:
    a = entity(doc("a.txt"), "Sergei Pavlovich Korolev")
    b = entity(doc("b.txt"), "Sergey Korolyov")
    result = run([extraction(doc("a.txt"), a), extraction(doc("b.txt"), b)])
    assert apart(result, a, b) and pending_between(result, a, b)


def test_a_surname_variant_alone_joins_only_within_its_document() -> None:
    source, other = doc("a.txt"), doc("b.txt")
    full = entity(source, "Aleksandr Zhuravlev")
    here = entity(source, "Zhuravlyov")
    elsewhere = entity(other, "Zhuravlyov")
    result = run([extraction(source, full, here), extraction(other, elsewhere)])
    assert same(result, full, here)
    assert apart(result, full, elsewhere)
