"""Screen candidate targets against a sanctions or PEP list in FtM JSON lines.

``screen_targets(targets, against)`` reads an FtM export such as OpenSanctions'
``entities.ftm.json`` (flat, one entity per line; nested properties as in
``targets.nested.json`` are flattened), keeps only the people and organisations
that share a name key with a target (blocking: ASCII name tokens and a
consonant skeleton of each, so Джумадиев, Dzhumadiev and Dzhumadiyev meet),
scores each pair with nomenklatura's ``logic-v2`` matcher, and lists the
``Sanction`` entities that point at each match. Nothing is fetched from the
network; the file is read once.

Strong or possible (conservative on purpose: relatives and namesakes score high
on name matchers; a name match is never proof of identity):

- **strong**: score >= 0.70, and a full name of the target agrees with a listed
  name part by part (at least two parts match, and all parts of one of the two
  names: a missing patronymic is fine, a different given name is not; parts
  match when equal or sharing a consonant skeleton within a small edit
  distance: Kassym/Kasym), and no contradicting fact (different birth date or
  year, country, gender);
- **possible**: score >= 0.50 that is not strong, and also any pair whose name
  evidence alone reaches 0.70 but whose contradicting facts pull the score
  lower (shown so a reviewer sees the namesake and why it was set aside);
  ``why`` says what held each one back;
- anything else is not listed.

``entities/screening.json`` (written by ``write_screening``; UTF-8 JSON,
2-space indent, sorted keys, no wall-clock time; same inputs, same bytes)::

    {
      "format": "dossier-screening/1",
      "algorithm": "logic-v2",
      "matcher": "nomenklatura 4.17.4",
      "thresholds": {"strong": 0.7, "possible": 0.5},
      "note": "...a match is a lead to check, not a finding...",
      "against": {"file_name": "entities.ftm.json", "sha1": "<hex of the file bytes>",
                  "entities": 1234, "sanctions": 56, "candidates": 78,
                  "skipped": {"<unknown schema>": 2}},
      "summary": {"targets": 3, "strong": 1, "possible": 2, "comparisons": 78},
      "targets": [                        # sorted by name, then id
        {"id": "person-…", "name": "…", "schema": "Person", "names": ["…"],
         "strong": [MATCH, …], "possible": [MATCH, …]}   # each by score desc, then id
      ]
    }

    MATCH = {"entity_id": "…", "schema": "Person", "caption": "…",
             "names": [...], "topics": [...], "datasets": [...],
             "birth_dates": [...], "countries": [...], "positions": [...],
             "score": 0.9545, "strength": "strong" | "possible",
             "why": ["…plain-language reasons…"],
             "features": {"name_match": {"score": 0.95, "detail": "…",
                                         "query": "…", "candidate": "…"}, …},
             "sanctions": [{"id": "…", "program": [...], "programId": [...],
                            "authority": [...], "listingDate": [...],
                            "startDate": [...], "endDate": [...],
                            "country": [...], "sourceUrl": [...],
                            "reason": [...]}]}     # sorted by listingDate, id

Every list is sorted; absent values are empty lists, never missing keys.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema
from nomenklatura.matching import LogicV2
from rigour.text import ascii_text

from dossier import atomic
from dossier.resolve.agreement import agreement
from dossier.resolve.names import ascii_token, name_part, person_form

log = logging.getLogger(__name__)

SCREENING_FILE = "screening.json"
FORMAT = "dossier-screening/1"
STRONG_THRESHOLD = 0.7
POSSIBLE_THRESHOLD = 0.5
TARGET_TOPIC = "poi"
NOTE = (
    "Automated name screening (nomenklatura logic-v2). A match is a lead to check, not a "
    "finding: relatives and namesakes share names. Confirm identity with birth dates, "
    "identifiers and positions before citing an existing designation."
)
# logic-v2 qualifier features that contradict an identity, and how to say so.
CONTRADICTIONS: dict[str, str] = {
    "dob_day_disjoint": "birth dates differ",
    "dob_year_disjoint": "birth years differ",
    "country_mismatch": "countries differ",
    "gender_mismatch": "genders differ",
}
SANCTION_FIELDS = (
    "program",
    "programId",
    "authority",
    "listingDate",
    "startDate",
    "endDate",
    "country",
    "sourceUrl",
    "reason",
)
NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
FULL_NAME_PROPS = ("name", "alias", "previousName")
# Tokens too common in sanctions lists to bring candidates on their own.
STOP_TOKENS = frozenset(
    {"al", "el", "bin", "ibn", "abu", "de", "da", "la", "le", "van", "von", "der", "the", "of"}
)
# Titles that are no name part when a name is compared part by part.
TITLE_TOKENS = frozenset({"sheikh", "shaykh", "haji", "hajji", "mullah", "mawlawi", "qari"})
POSSIBLE_LIMIT = 10  # possible matches listed per target, best first
_SKELETON_RULES = (
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "k"),
    ("ts", "c"),
    ("ph", "f"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
)


class ScreeningError(ValueError):
    """The list to screen against cannot be read as FtM entities."""


def name_tokens(name: str) -> list[str]:
    """Lowercase ASCII tokens of a name, in any script."""
    return re.findall(r"[a-z0-9]+", ascii_text(name).lower())


def skeleton(token: str) -> str:
    """A consonant skeleton of a name token: transliteration variants share it."""
    text = token
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    text = re.sub(r"[aeiouyh]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def block_keys(names: Iterable[str]) -> set[str]:
    """Blocking keys: each name token (2+ letters) and its skeleton (4+ letters)."""
    keys: set[str] = set()
    for name in names:
        for token in name_tokens(name):
            if len(token) < 2 or token in STOP_TOKENS:
                continue
            keys.add(f"t:{token}")
            shape = skeleton(token)
            if len(token) >= 4 and len(shape) >= 2:
                keys.add(f"s:{shape}")
    return keys


def same_name_part(a: str, b: str) -> bool:
    """Two name tokens that spell the same name part, by the rules resolution uses
    (``dossier.resolve.agreement.agreement``: Kassym/Kasym, Aleksandr/Oleksandr, Oleg/Oleh)."""
    return agreement(name_part(ascii_token(a)), name_part(ascii_token(b))) is not None


def _parts_and_words(name: str) -> tuple[list[str], list[int]]:
    """A name's parts for screening (lower-case ASCII tokens, each once, without
    particles such as al, bin, van and titles), and for each the number of the written
    word it comes from (the two parts of "Hong-Mun" come from one word)."""
    parts: list[str] = []
    words: list[int] = []
    for number, word in enumerate(name.split()):
        form = person_form(word)
        if form is None:
            continue
        for token in form.tokens:
            if token in STOP_TOKENS or token in TITLE_TOKENS or len(token) < 2:
                continue
            if token not in parts:
                parts.append(token)
                words.append(number)
    return parts, words


def _name_parts(name: str) -> list[str]:
    return _parts_and_words(name)[0]


def _matched(ours: Sequence[str], theirs: Sequence[str]) -> list[tuple[int, int]]:
    """The largest one-to-one pairing of agreeing parts (index in ours, index in theirs)."""
    if len(ours) > 8 or len(theirs) > 8:
        ours, theirs = ours[:8], theirs[:8]
    options = [[j for j, t in enumerate(theirs) if same_name_part(p, t)] for p in ours]
    best: list[tuple[int, int]] = []

    def walk(i: int, used: frozenset[int], chosen: list[tuple[int, int]]) -> None:
        nonlocal best
        if len(chosen) + (len(ours) - i) <= len(best):
            return
        if i == len(ours):
            best = list(chosen)
            return
        for j in options[i]:
            if j not in used:
                chosen.append((i, j))
                walk(i + 1, used | {j}, chosen)
                chosen.pop()
        walk(i + 1, used, chosen)

    walk(0, frozenset(), [])
    return best


def _agree(
    ours: Sequence[str],
    theirs: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    words: tuple[Sequence[int], Sequence[int]],
) -> bool:
    """Strong-grade agreement: at least two parts pair up, every part of the shorter name
    does, and at most one part of the longer name is left: a word of its own in the
    middle (a patronymic or middle name one source leaves out), not half of a
    hyphenated name ("Hong-Mun"). Half the parts is never enough."""
    shorter, longer = sorted((len(ours), len(theirs)))
    if len(pairs) < 2 or len(pairs) != shorter or longer - len(pairs) > 1:
        return False
    if longer == shorter:
        return True
    side = 0 if len(ours) == longer else 1
    word_of = words[side]
    left = set(range(longer)) - {pair[side] for pair in pairs}
    return all(
        0 < index < longer - 1 and list(word_of).count(word_of[index]) == 1 for index in left
    )


def missing_name_parts(target_names: Sequence[str], candidate_names: Sequence[str]) -> list[str]:
    """Name parts that keep a target name and a listed name from agreeing; empty if they agree.

    Parts agree by the rules resolution uses (``same_name_part``). A pair of
    full names (two parts or more each, particles such as "al" not counted)
    agrees when at least two parts pair up, every part of one of the two names
    is paired, and at most one part of the other is left, in its middle: a
    missing patronymic or middle name is fine ("Serik Omarbekov" and "Serik
    Dauletovich Omarbekov") but a different one is not ("Serik Dauletovich
    Omarbekov" and "Serik Nurlanovich Omarbekov"), nor is a shared surname or
    given name alone, nor half the parts ("Hong Kong" and "Hong-Mun Kang").
    Returns the unmatched parts of the closest pair. Raises ``LookupError``
    when either side has no name of two parts or more.
    """
    targets = [p for p in (_parts_and_words(n) for n in target_names) if len(p[0]) >= 2]
    listed = [p for p in (_parts_and_words(n) for n in candidate_names) if len(p[0]) >= 2]
    if len(targets) == 0 or len(listed) == 0:
        raise LookupError("no full name")
    best: list[str] | None = None
    for ours, our_words in targets:
        for theirs, their_words in listed:
            pairs = _matched(ours, theirs)
            if _agree(ours, theirs, pairs, (our_words, their_words)):
                return []
            missing = sorted(
                {p for i, p in enumerate(ours) if i not in {a for a, _ in pairs}}
                | {t for j, t in enumerate(theirs) if j not in {b for _, b in pairs}}
            )
            if best is None or len(missing) < len(best):
                best = missing
    assert best is not None
    return best


def shared_name_parts(
    target_names: Sequence[str], candidate_names: Sequence[str]
) -> tuple[int, int, list[str]]:
    """The most name parts (particles not counted) one target name shares with one listed
    name: (shared, parts of that target name, the shared parts as the target spells them).
    What ranks possible matches, and what a possible match is shown with."""
    best: tuple[int, int, list[str]] = (0, 0, [])
    for ours in (_name_parts(n) for n in target_names):
        for theirs in (_name_parts(n) for n in candidate_names):
            pairs = _matched(ours, theirs)
            found = (len(pairs), max(len(ours), len(theirs)), [ours[i] for i, _ in pairs])
            if (found[0], -found[1]) > (best[0], -best[1]):
                best = found
    return best


@dataclass(frozen=True)
class SanctionRecord:
    id: str
    fields: dict[str, list[str]]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        data.update({name: self.fields.get(name, []) for name in SANCTION_FIELDS})
        return data


@dataclass
class Match:
    entity: EntityProxy
    datasets: list[str]
    score: float
    strength: str  # "strong" or "possible"
    why: list[str]
    features: dict[str, dict[str, Any]]
    sanctions: list[SanctionRecord]
    shared_parts: int = 0  # name parts shared with the target (ranks possible matches)

    def to_dict(self) -> dict[str, Any]:
        entity = self.entity
        names = {v for p in NAME_PROPS for v in entity.get(p, quiet=True)}
        return {
            "entity_id": entity.id,
            "schema": entity.schema.name,
            "caption": entity.caption,
            "names": sorted(names),
            "topics": sorted(set(entity.get("topics", quiet=True))),
            "datasets": self.datasets,
            "birth_dates": sorted(set(entity.get("birthDate", quiet=True))),
            "countries": sorted(set(entity.countries)),
            "positions": sorted(set(entity.get("position", quiet=True))),
            "score": round(self.score, 4),
            "strength": self.strength,
            "why": self.why,
            "features": self.features,
            "sanctions": [s.to_dict() for s in self.sanctions],
        }


@dataclass
class TargetScreening:
    target: EntityProxy
    strong: list[Match] = field(default_factory=list)
    possible: list[Match] = field(default_factory=list)
    possible_left_out: int = 0  # possible matches beyond POSSIBLE_LIMIT, not listed

    def to_dict(self) -> dict[str, Any]:
        target = self.target
        return {
            "id": target.id,
            "name": target.caption,
            "schema": target.schema.name,
            "names": sorted({v for p in NAME_PROPS for v in target.get(p, quiet=True)}),
            "strong": [m.to_dict() for m in self.strong],
            "possible": [m.to_dict() for m in self.possible],
            "possible_left_out": self.possible_left_out,
        }


@dataclass
class ScreeningResult:
    file_name: str
    sha1: str
    entity_count: int = 0
    sanction_count: int = 0
    candidate_count: int = 0
    comparisons: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    targets: list[TargetScreening] = field(default_factory=list)

    @property
    def strong_count(self) -> int:
        return sum(len(t.strong) for t in self.targets)

    @property
    def possible_count(self) -> int:
        return sum(len(t.possible) for t in self.targets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "algorithm": LogicV2.NAME,
            "matcher": f"nomenklatura {version('nomenklatura')}",
            "thresholds": {"strong": STRONG_THRESHOLD, "possible": POSSIBLE_THRESHOLD},
            "note": NOTE,
            "against": {
                "file_name": self.file_name,
                "sha1": self.sha1,
                "entities": self.entity_count,
                "sanctions": self.sanction_count,
                "candidates": self.candidate_count,
                "skipped": dict(sorted(self.skipped.items())),
            },
            "summary": {
                "targets": len(self.targets),
                "strong": self.strong_count,
                "possible": self.possible_count,
                "comparisons": self.comparisons,
            },
            "targets": [t.to_dict() for t in self.targets],
        }


def _flatten(data: dict[str, Any], where: str) -> Iterator[dict[str, Any]]:
    """The entity and any entities nested in its properties, with nesting replaced by IDs."""
    properties = data.get("properties", {})
    if not isinstance(data.get("id"), str) or not isinstance(data.get("schema"), str):
        raise ScreeningError(f"{where}: an FtM entity needs a string 'id' and 'schema'")
    if not isinstance(properties, dict):
        raise ScreeningError(f"{where}: 'properties' must be an object")
    flat: dict[str, list[str]] = {}
    for prop, values in properties.items():
        if not isinstance(values, list):
            raise ScreeningError(f"{where}: property {prop!r} must be a list")
        flat[prop] = []
        for value in values:
            if isinstance(value, dict):
                yield from _flatten(value, where)
                flat[prop].append(str(value.get("id")))
            elif isinstance(value, str):
                flat[prop].append(value)
            else:
                raise ScreeningError(f"{where}: property {prop!r} has a non-text value")
    yield {**data, "properties": flat}


def _read_lines(path: Path, digest: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ScreeningError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            digest.update(raw)
            if raw.strip() == b"":
                continue
            try:
                data = json.loads(raw)
            except ValueError as exc:
                raise ScreeningError(
                    f"{path.name}, line {number}: not FtM JSON lines ({exc}); expected one "
                    f"entity per line, like OpenSanctions' entities.ftm.json"
                ) from exc
            if not isinstance(data, dict):
                raise ScreeningError(f"{path.name}, line {number}: not an FtM entity object")
            yield number, data


def _can_match(target_schemata: Sequence[Schema], schema: Schema) -> bool:
    return any(t.can_match(schema) for t in target_schemata)


def _features(result_explanations: dict[str, Any]) -> dict[str, dict[str, Any]]:
    features: dict[str, dict[str, Any]] = {}
    for name, res in sorted(result_explanations.items()):
        if res.score <= 0 and name != "name_match":
            continue
        features[name] = {
            "score": round(res.score, 4),
            "detail": res.detail,
            "query": res.query,
            "candidate": res.candidate,
        }
    return features


def _name_evidence(explanations: dict[str, Any]) -> float:
    """The score before qualifiers: the best main feature times its weight."""
    best = 0.0
    for feature in LogicV2.features:
        if not feature.qualifier and feature.name in explanations:
            best = max(best, explanations[feature.name].score * feature.weight)
    return best


def _judge(
    target: EntityProxy, candidate: EntityProxy, score: float, features: dict[str, dict[str, Any]]
) -> tuple[str, list[str]]:
    """Strong or possible, and why, in plain language."""
    why: list[str] = []
    strong = score >= STRONG_THRESHOLD
    if not strong:
        why.append(f"score {score:.2f} is below {STRONG_THRESHOLD:.2f}")
    for name, label in CONTRADICTIONS.items():
        if name in features:
            strong = False
            why.append(f"contradicting fact: {label} ({features[name]['detail']})")
    target_names = [v for p in FULL_NAME_PROPS for v in target.get(p, quiet=True)]
    listed_names = [v for p in FULL_NAME_PROPS for v in candidate.get(p, quiet=True)]
    try:
        missing = missing_name_parts(target_names, listed_names)
    except LookupError:
        strong = False
        side = "the target" if _single_part(target_names) else "the listed person"
        why.append(
            f"{side} has no name of two parts or more; a surname or a given name alone "
            "is never a strong match"
        )
    else:
        if len(missing) > 0:
            strong = False
            why.append(
                f"names do not agree on: {', '.join(missing)} "
                f"(relatives and namesakes share a surname or a given name)"
            )
        else:
            why.append("a full name of the target agrees with a listed name, part by part")
    if strong:
        why.append("no contradicting birth date, country or gender in the data")
    return ("strong" if strong else "possible"), why


def _single_part(names: Sequence[str]) -> bool:
    return all(len(_name_parts(n)) < 2 for n in names)


def _full_names(entity: EntityProxy) -> list[str]:
    return [v for p in FULL_NAME_PROPS for v in entity.get(p, quiet=True)]


def _names(entity: EntityProxy) -> list[str]:
    return [v for p in NAME_PROPS for v in entity.get(p, quiet=True)]


def load_targets(entities_path: Path) -> list[EntityProxy]:
    """The candidate targets (topic ``poi``) of an FtM JSON-lines export, sorted by ID."""
    if not entities_path.is_file():
        raise ScreeningError(
            f"no entities file at {entities_path}; run `dossier export` or `dossier build` first"
        )
    targets: list[EntityProxy] = []
    for number, data in _read_lines(entities_path, hashlib.sha1()):
        try:
            entity = model.get_proxy(data)
        except InvalidData as exc:
            raise ScreeningError(f"{entities_path.name}, line {number}: {exc}") from exc
        if TARGET_TOPIC in entity.get("topics", quiet=True):
            targets.append(entity)
    return sorted(targets, key=lambda e: e.id or "")


def screen_targets(
    targets: Sequence[EntityProxy],
    against: Path,
    progress: Callable[[], None] | None = None,
) -> ScreeningResult:
    """Score every target against the people and organisations in ``against``."""
    digest = hashlib.sha1()
    result = ScreeningResult(file_name=against.name, sha1="")
    target_keys = {t.id: block_keys(_names(t)) for t in targets}
    wanted = set().union(*target_keys.values()) if len(target_keys) > 0 else set()
    schemata = [t.schema for t in targets]
    index: dict[str, set[str]] = {}
    candidates: dict[str, tuple[EntityProxy, list[str]]] = {}
    sanctions: dict[str, list[SanctionRecord]] = {}
    for number, raw in _read_lines(against, digest):
        where = f"{against.name}, line {number}"
        for data in _flatten(raw, where):
            result.entity_count += 1
            schema = model.get(data["schema"])
            if schema is None:
                result.skipped[data["schema"]] = result.skipped.get(data["schema"], 0) + 1
                continue
            if schema.is_a("Sanction"):
                record = _sanction(data, where)
                result.sanction_count += 1
                for ref in record.fields.get("entity", []):
                    sanctions.setdefault(ref, []).append(record)
                continue
            if not _can_match(schemata, schema):
                continue
            names = [v for p in NAME_PROPS for v in data["properties"].get(p, [])]
            keys = block_keys(names) & wanted
            if len(keys) == 0:
                continue
            try:
                entity = model.get_proxy(data, cleaned=False)
            except InvalidData as exc:
                raise ScreeningError(f"{where}: {exc}") from exc
            assert entity.id is not None
            datasets = sorted({str(d) for d in raw.get("datasets", []) if isinstance(d, str)})
            candidates[entity.id] = (entity, datasets)
            for key in keys:
                index.setdefault(key, set()).add(entity.id)
    result.sha1 = digest.hexdigest()
    if result.entity_count == 0:
        raise ScreeningError(f"{against.name} holds no FtM entities")
    for name, count in sorted(result.skipped.items()):
        log.warning("%s: skipped %d entities of unknown schema %r", against.name, count, name)
    result.candidate_count = len(candidates)
    config = LogicV2.default_config()
    for target in sorted(targets, key=lambda t: (t.caption, t.id or "")):
        screening = TargetScreening(target)
        ids = set().union(*(index.get(k, set()) for k in target_keys[target.id]))
        for candidate_id in sorted(ids):
            if candidate_id == target.id:
                continue
            candidate, datasets = candidates[candidate_id]
            if not target.schema.can_match(candidate.schema):
                continue
            result.comparisons += 1
            scored = LogicV2.compare(target, candidate, config)
            features = _features(scored.explanations)
            contradicted = any(name in features for name in CONTRADICTIONS)
            if scored.score < POSSIBLE_THRESHOLD and not (
                contradicted and _name_evidence(scored.explanations) >= STRONG_THRESHOLD
            ):
                continue
            shared, total, parts = shared_name_parts(_full_names(target), _full_names(candidate))
            if shared == 0:
                continue  # the matcher's score alone: no name part agrees by our rules
            strength, why = _judge(target, candidate, scored.score, features)
            if strength == "possible":
                why.insert(0, f"{shared} of {total} name parts agree ({', '.join(parts)})")
            records = sorted(
                sanctions.get(candidate_id, []),
                key=lambda s: (s.fields.get("listingDate", []), s.id),
            )
            match = Match(
                candidate, datasets, scored.score, strength, why, features, records, shared
            )
            (screening.strong if strength == "strong" else screening.possible).append(match)
        for matches in (screening.strong, screening.possible):
            matches.sort(key=lambda m: (-m.shared_parts, -round(m.score, 4), m.entity.id or ""))
        screening.possible_left_out = max(0, len(screening.possible) - POSSIBLE_LIMIT)
        del screening.possible[POSSIBLE_LIMIT:]
        result.targets.append(screening)
        if progress is not None:
            progress()
    return result


def _sanction(data: dict[str, Any], where: str) -> SanctionRecord:
    try:
        entity = model.get_proxy(data, cleaned=False)
    except InvalidData as exc:
        raise ScreeningError(f"{where}: {exc}") from exc
    fields = {
        name: sorted(set(entity.get(name, quiet=True))) for name in (*SANCTION_FIELDS, "entity")
    }
    return SanctionRecord(str(entity.id), fields)


def write_screening(result: ScreeningResult, path: Path) -> None:
    """Write ``screening.json`` atomically (format in this module's docstring)."""
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
    atomic.write_text(path, text + "\n")
