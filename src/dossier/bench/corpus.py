"""A synthetic corpus for the scale benchmark: real sentences, generated people.

Sentences come from the seed documents. Every personal name in them that looks
Central Asian or Russian (a capitalised given name and a surname with a
-ov/-ev/-ova/-eva/-uly/-kyzy/-in/-ina ending, or such a surname alone) is
replaced by a generated person. Given names come from a small pool and surname
stems from a pool of about one stem per four people (growing with the corpus),
so many people share a surname or a given name: the traps resolution must not
merge. A person's name is sometimes spelled with a transliteration variant in
another document (which resolution should merge). Each document has a cast of a
few people drawn from a population, so the same people recur across documents.
The output is deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from dossier.settings import PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT / "seeds"
WORDS_PER_DOCUMENT = 2000

GIVEN = (
    "Aidos", "Aigerim", "Almas", "Askar", "Aset", "Azamat", "Bauyrzhan", "Berik", "Dariga",
    "Daulet", "Dinara", "Erlan", "Galym", "Gulnara", "Kairat", "Kassym", "Marat", "Meruert",
    "Murat", "Nurlan", "Nursultan", "Olzhas", "Rustam", "Saltanat", "Serik", "Talgat", "Timur",
    "Yerlan", "Zhanar", "Zhanbolat", "Arman", "Asel", "Bolat", "Daniyar", "Ruslan", "Samal",
)  # fmt: skip
SURNAME_STEMS = (
    "Abdrakhman", "Akhmet", "Baimukhamed", "Bekmukhambet", "Dzhumadi", "Ermek", "Iskak",
    "Kaliy", "Kulibay", "Kurman", "Mamyt", "Nurgaliy", "Ospan", "Rakhim", "Sadyk", "Sarsenbay",
    "Seitkazy", "Suleimen", "Tokay", "Temirbek", "Utemurat", "Zhakup", "Zhumagul", "Yessen",
    "Abylay", "Baibolat", "Karim", "Mukhtar", "Nazarbay", "Shaikh",
)  # fmt: skip
FEMALE = {
    "Aigerim",
    "Dariga",
    "Dinara",
    "Gulnara",
    "Meruert",
    "Saltanat",
    "Zhanar",
    "Asel",
    "Samal",
}
VARIANTS = (("Kassym", "Kasym"), ("Bauyrzhan", "Baurzhan"), ("Zh", "J"), ("yev", "iev"))

_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)?"
    r"[A-Z][a-z]+(?:ov|ev|yev|ova|eva|yeva|uly|kyzy|in|ina)\b"
)
_SENTENCE = re.compile(r"[^.!?\n]{40,400}[.!?]")


@dataclass(frozen=True)
class Person:
    given: str
    surname: str

    def spelled(self, variant: bool) -> str:
        name = f"{self.given} {self.surname}"
        if not variant:
            return name
        for plain, other in VARIANTS:
            if plain in name:
                return name.replace(plain, other, 1)
        return name


def _surname(stem: str, female: bool, rng: random.Random) -> str:
    ending = rng.choice(("ov", "yev", "uly")) if not female else rng.choice(("ova", "yeva", "kyzy"))
    if ending == "yev" and stem.endswith("y"):
        ending = "ev"
    return stem + ending


_SYLLABLES = (
    "ab", "ak", "al", "bay", "bek", "dau", "ker", "kul", "mur", "nur", "sar", "sei", "tas",
    "tem", "tur", "zhan", "zhum", "yer", "kar", "mam", "ras", "sul", "ush", "ot",
)  # fmt: skip


def surname_stems(size: int, rng: random.Random) -> list[str]:
    """The real stems plus generated ones: about one stem per four people.

    Families of people share a surname (the trap), but the number of surnames
    grows with the population, as it does in real sources.
    """
    stems = list(SURNAME_STEMS)
    seen = set(stems)
    while len(stems) < max(len(SURNAME_STEMS), size // 4):
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if stem not in seen:
            seen.add(stem)
            stems.append(stem)
    return stems


def population(size: int, rng: random.Random) -> list[Person]:
    people: list[Person] = []
    seen: set[tuple[str, str]] = set()
    stems = surname_stems(size, rng)
    while len(people) < size:
        given = rng.choice(GIVEN)
        surname = _surname(rng.choice(stems), given in FEMALE, rng)
        if (given, surname) not in seen:
            seen.add((given, surname))
            people.append(Person(given, surname))
    return people


def seed_sentences(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Whole sentences from the seeds, whitespace-normalised, in file order."""
    sentences: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for match in _SENTENCE.finditer(text):
            sentence = " ".join(match.group(0).split())
            if "http" not in sentence and len(sentence.split()) >= 8:
                sentences.append(sentence)
    return sentences


def _recast(sentence: str, cast: list[Person], roles: dict[str, Person], variant: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        original = match.group(0)
        surname = original.split()[-1]
        person = roles.get(surname)
        if person is None:
            person = cast[len(roles) % len(cast)]
            roles[surname] = person
        if " " in original:
            return person.spelled(variant)
        return person.spelled(variant).split()[-1]

    return _NAME.sub(replace, sentence)


def generate(out_dir: Path, documents: int, seed: int = 8) -> int:
    """Write ``documents`` text files (with sidecars) into ``out_dir``; returns the words."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    named = [s for s in sentences if _NAME.search(s) is not None]
    people = population(max(60, documents * 3), rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(documents):
        cast = rng.sample(people, rng.randint(4, 8))
        variant = rng.random() < 0.2
        roles: dict[str, Person] = {}
        paragraphs: list[str] = [f"Report {number}: {cast[0].spelled(False)} and others"]
        paragraph: list[str] = []
        words = 0
        while words < WORDS_PER_DOCUMENT:
            pool = named if rng.random() < 0.5 else sentences
            sentence = _recast(rng.choice(pool), cast, roles, variant)
            paragraph.append(sentence)
            words += len(sentence.split())
            if len(paragraph) >= rng.randint(3, 6):
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if len(paragraph) > 0:
            paragraphs.append(" ".join(paragraph))
        text = "\n\n".join(paragraphs) + "\n"
        total += len(text.split())
        name = f"synthetic-{number:04d}.txt"
        (out_dir / name).write_text(text, encoding="utf-8")
        meta: dict[str, object] = {
            "title": f"Synthetic report {number}",
            "publisher": f"Synthetic Monitor {number % 17}",
            "authors": [],
            "published_at": f"{2015 + number % 9}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "url": None,
            "language": "en",
            "kind": "report",
            "notes": {"title": "generated by dossier.bench.corpus"},
        }
        (out_dir / f"{name}.meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return total
