"""What a computation read from a large shared object, so its result can be reused.

Deciding one document's mentions reads the corpus-wide knowledge (the
gazetteer, the term indexes): a few thousand lookups out of millions of
facts. When a document is added, the knowledge changes, but for most other
documents none of the facts they looked at did. ``watch(obj, log)`` returns a
stand-in for ``obj`` whose containers record every lookup in ``log``: the
path of the container, the operation (membership, one key, or the whole
container for iteration, length and anything else) and a fingerprint of the
answer. ``still_valid(obj, entries)`` asks the same questions of another
object and says whether every answer is the same, in which case the
computation, being a function of its own inputs and these answers, gives the
same result.

A container may say that its readers use less than a value's whole: if it
has a method ``readset_answer(value)``, what is recorded for a lookup is the
fingerprint of that (a count's sign, say, when readers only compare it with
zero), so a change that does not change it leaves the computation valid.

Stand-ins are made for ``set``/``frozenset``, ``dict`` (``Counter`` and
``defaultdict`` included) and, recursively, the attributes of dataclasses
and the project's own classes; any other attribute (a list, a number, another library's
object) is recorded whole when the stand-in is made. Writes go through to the
real containers (a memo filled during the computation), unrecorded.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

# (path, operation, key, answer fingerprint); operation is "in", "at" or "all".
Entry = tuple[str, str, Any, str]
_SCALARS = (str, int, float, bool, type(None))
_MISSING = "-"


def fingerprint(value: Any) -> str:
    """A short, order-independent hash of a plain value (sets and dicts sorted)."""
    if isinstance(value, bool | int) or value is None:
        return repr(value)
    return hashlib.sha1(repr(_canon(value)).encode("utf-8")).hexdigest()[:16]


def _canon(value: Any) -> Any:
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, set | frozenset):
        return ("set", sorted((_canon(v) for v in value), key=repr))
    if isinstance(value, dict):
        return ("map", sorted(((_canon(k), _canon(v)) for k, v in value.items()), key=repr))
    if isinstance(value, list | tuple):
        return ("seq", [_canon(v) for v in value])
    if hasattr(value, "__dict__"):
        return (type(value).__name__, _canon(vars(value)))
    return (type(value).__name__, repr(value))


class ReadLog:
    """The lookups one computation made: ``(path, op, key) -> answer fingerprint``.

    ``whole`` caches the fingerprints of whole containers by path; share it
    between the logs of computations that read the same object.
    """

    def __init__(self, whole: dict[str, str] | None = None) -> None:
        self.answers: dict[tuple[str, str, Any], str] = {}
        self.whole: dict[str, str] = {} if whole is None else whole

    def note(self, path: str, op: str, key: Any, answer: str) -> None:
        self.answers.setdefault((path, op, key), answer)

    def entries(self) -> list[Entry]:
        return sorted(((p, o, k, a) for (p, o, k), a in self.answers.items()), key=repr)


def _plain_key(key: Any) -> bool:
    return isinstance(key, _SCALARS) or (
        isinstance(key, tuple) and all(isinstance(k, _SCALARS) for k in key)
    )


class _Reader:
    def __init__(self, data: Any, path: str, log: ReadLog) -> None:
        self._data = data
        self._path = path
        self._log = log

    def _all(self) -> Any:
        log = self._log
        if (self._path, "all", None) not in log.answers:
            answer = log.whole.get(self._path)
            if answer is None:
                answer = log.whole[self._path] = fingerprint(self._data)
            log.note(self._path, "all", None, answer)
        return self._data

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __bool__(self) -> bool:
        return bool(self._all())

    def __eq__(self, other: object) -> bool:
        return bool(self._all() == other)

    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._all(), name)

    def __repr__(self) -> str:
        return repr(self._data)


class SetReader(_Reader):
    """A set whose membership tests are recorded one by one."""

    def __contains__(self, item: object) -> bool:
        found = item in self._data
        if _plain_key(item):
            self._log.note(self._path, "in", item, repr(found))
        else:
            self._all()
        return bool(found)

    def _op(self, name: str, other: Any) -> Any:
        return getattr(self._all(), name)(other._all() if isinstance(other, _Reader) else other)

    def __or__(self, other: Any) -> Any:
        return self._op("__or__", other)

    def __ror__(self, other: Any) -> Any:
        return self._op("__ror__", other)

    def __and__(self, other: Any) -> Any:
        return self._op("__and__", other)

    def __rand__(self, other: Any) -> Any:
        return self._op("__rand__", other)

    def __sub__(self, other: Any) -> Any:
        return self._op("__sub__", other)

    def __rsub__(self, other: Any) -> Any:
        return self._op("__rsub__", other)

    def __xor__(self, other: Any) -> Any:
        return self._op("__xor__", other)

    def __rxor__(self, other: Any) -> Any:
        return self._op("__rxor__", other)

    def __le__(self, other: Any) -> Any:
        return self._op("__le__", other)

    def __ge__(self, other: Any) -> Any:
        return self._op("__ge__", other)

    def __lt__(self, other: Any) -> Any:
        return self._op("__lt__", other)

    def __gt__(self, other: Any) -> Any:
        return self._op("__gt__", other)


class MapReader(_Reader):
    """A dict (or Counter, defaultdict) whose lookups are recorded key by key."""

    def _at(self, key: Any) -> tuple[bool, Any]:
        present = key in self._data
        value = self._data[key] if present else None
        if _plain_key(key):
            answer = _value_answer(self._data, value) if present else _MISSING
            self._log.note(self._path, "at", key, answer)
        else:
            self._all()
        return present, value

    def __contains__(self, key: object) -> bool:
        return self._at(key)[0]

    def __getitem__(self, key: Any) -> Any:
        present, value = self._at(key)
        if present:
            return value
        if isinstance(self._data, Counter):
            return 0
        if isinstance(self._data, defaultdict) and self._data.default_factory is not None:
            return self._data.default_factory()  # like the real one, but not stored
        raise KeyError(key)

    def get(self, key: Any, default: Any = None) -> Any:
        present, value = self._at(key)
        return value if present else default

    def __setitem__(self, key: Any, value: Any) -> None:
        self._data[key] = value


def _value_answer(container: Any, value: Any) -> str:
    """The fingerprint of what readers use of ``value`` (see the module docstring)."""
    coarse = getattr(container, "readset_answer", None)
    return fingerprint(value if coarse is None else coarse(value))


def watch(obj: Any, log: ReadLog, path: str = "") -> Any:
    """A stand-in for ``obj`` that records in ``log`` what is read from it."""
    if isinstance(obj, set | frozenset):
        return SetReader(obj, path, log)
    if isinstance(obj, dict):
        return MapReader(obj, path, log)
    if _is_own(obj):
        stand_in = copy.copy(obj)
        for name, value in vars(obj).items():
            object.__setattr__(stand_in, name, watch(value, log, f"{path}.{name}"))
        return stand_in
    answer = log.whole.get(path)
    if answer is None:
        answer = log.whole[path] = fingerprint(obj)
    log.note(path, "all", None, answer)
    return obj


def _is_own(obj: Any) -> bool:
    """A dataclass, or an object of one of this package's classes, with attributes."""
    if not hasattr(obj, "__dict__") or isinstance(obj, type):
        return False
    return dataclasses.is_dataclass(obj) or type(obj).__module__.startswith("dossier.")


def _resolve(obj: Any, path: str) -> Any:
    for name in path.split(".")[1:]:
        obj = getattr(obj, name)
    return obj


def still_valid(obj: Any, entries: list[Entry], memo: dict[tuple[str, str, Any], str]) -> bool:
    """Would every lookup in ``entries`` get the same answer from ``obj``?

    ``memo`` caches answers across calls on the same ``obj`` (one per build).
    """
    for path, op, key, answer in entries:
        probe = (path, op, key)
        now = memo.get(probe)
        if now is None:
            now = _answer(obj, path, op, key)
            memo[probe] = now
        if now != answer:
            return False
    return True


def _answer(obj: Any, path: str, op: str, key: Any) -> str:
    try:
        target = _resolve(obj, path)
    except AttributeError:
        return "gone"
    if op == "all":
        return fingerprint(target)
    if op == "in":
        return repr(key in target)
    if op == "at":
        return _value_answer(target, target[key]) if key in target else _MISSING
    return "unknown"
