"""Plain data for the project's records: dataclasses to msgpack bytes and back, no code.

The caches (``dossier.cache``) and the payloads that cross to other machines
(``dossier.executor``) hold documents, parses and results as data: ``encode``
turns a dataclass (``Extraction``, ``Resolution``, ``PublishReport`` …) into
msgpack bytes of maps, lists, strings and numbers; ``decode(cls, data)``
rebuilds it from ``cls``'s type hints, checking every value against them, so
reading a cache entry can never run code or yield an object of another type.
A value the hints do not allow raises ``CodecError``.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``None``,
``Literal[...]`` (the value must be one of them), unions, ``list``, ``tuple``
(``tuple[X, ...]`` and fixed), ``set``, ``frozenset``, ``dict`` (any
hashable key type), ``Counter``, paths and nested dataclasses; other classes through
``register``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import PurePath
from typing import Any, TypeVar

import msgpack

T = TypeVar("T")

_CUSTOM: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}


class CodecError(ValueError):
    """Bytes that do not decode to the expected record, or a value that cannot be encoded."""


def register(cls: type[T], to_data: Callable[[T], Any], from_data: Callable[[Any], T]) -> None:
    """Encode ``cls`` (not a dataclass) as ``to_data(value)``, decode with ``from_data``."""
    _CUSTOM[cls] = (to_data, from_data)


def encode(value: object) -> bytes:
    """msgpack bytes of ``value`` (a dataclass, or lists/dicts of them)."""
    data: bytes = msgpack.packb(to_data(value), use_bin_type=True)
    return data


def decode(cls: Any, data: bytes) -> Any:
    """The value of type ``cls`` (e.g. ``list[Extraction]``) that ``data`` encodes."""
    try:
        raw = msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True)
    except (ValueError, msgpack.UnpackException) as exc:
        raise CodecError(f"not msgpack data: {exc}") from exc
    return from_data(cls, raw)


def to_data(value: Any) -> Any:
    """``value`` as maps, lists and scalars (dataclass fields by name, sets sorted)."""
    if value is None or isinstance(value, (str, int, float, bytes)):
        return value
    custom = _CUSTOM.get(type(value))
    if custom is not None:
        return to_data(custom[0](value))
    if isinstance(value, PurePath):
        return value.as_posix()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in _fields(type(value))}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_data(v) for v in value), key=_order)
    if isinstance(value, dict):
        items = [[to_data(k), to_data(v)] for k, v in value.items()]
        if all(isinstance(k, str) for k in value):
            return {k: v for k, v in items}
        return items
    raise CodecError(f"cannot encode a {type(value).__name__} as plain data")


def _order(value: Any) -> tuple[str, str]:
    return (type(value).__name__, repr(value))


@lru_cache(maxsize=256)
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


@lru_cache(maxsize=256)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: Any, raw: Any) -> Any:
    """Rebuild a value of type ``cls`` from ``to_data``'s output, checking every part."""
    if cls is Any:
        return raw
    if cls is None or cls is type(None):
        if raw is not None:
            raise CodecError(f"expected null, got {type(raw).__name__}")
        return None
    origin = typing.get_origin(cls)
    args = typing.get_args(cls)
    if origin is typing.Literal:
        if raw not in args:
            raise CodecError(f"{raw!r} is not one of {args}")
        return raw
    if origin in (typing.Union, types.UnionType):
        for option in sorted(args, key=lambda a: a is not type(None)):
            try:
                return from_data(option, raw)
            except CodecError:
                continue
        raise CodecError(f"{raw!r} fits none of {args}")
    if origin in (list, tuple, set, frozenset, dict, Counter, defaultdict) or cls in (
        list,
        tuple,
        set,
        frozenset,
        dict,
    ):
        return _container(origin if origin is not None else cls, args, raw)
    if isinstance(cls, type):
        return _scalar_or_record(cls, raw)
    raise CodecError(f"cannot decode into {cls!r}")


def _container(origin: Any, args: tuple[Any, ...], raw: Any) -> Any:
    if origin in (dict, Counter, defaultdict):
        key_type, value_type = args if len(args) == 2 else (args[0] if args else Any, Any)
        if origin is Counter:
            value_type = int
        if isinstance(raw, dict):
            pairs = list(raw.items())
        elif isinstance(raw, list) and all(isinstance(p, list) and len(p) == 2 for p in raw):
            pairs = [(p[0], p[1]) for p in raw]
        else:
            raise CodecError(f"expected a map, got {type(raw).__name__}")
        built = {
            _hashable(from_data(key_type, k)): from_data(value_type, v) for k, v in pairs
        }
        return Counter(built) if origin is Counter else built
    if not isinstance(raw, list):
        raise CodecError(f"expected a list, got {type(raw).__name__}")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in raw)
        if len(args) > 0:
            if len(args) != len(raw):
                raise CodecError(f"expected {len(args)} items, got {len(raw)}")
            return tuple(from_data(a, v) for a, v in zip(args, raw, strict=True))
        return tuple(raw)
    item = args[0] if args else Any
    values = [from_data(item, v) for v in raw]
    if origin is set:
        return {_hashable(v) for v in values}
    if origin is frozenset:
        return frozenset(_hashable(v) for v in values)
    return values


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _scalar_or_record(cls: type, raw: Any) -> Any:
    custom = _CUSTOM.get(cls)
    if custom is not None:
        return custom[1](raw)
    if issubclass(cls, PurePath):
        if not isinstance(raw, str):
            raise CodecError(f"expected a path, got {type(raw).__name__}")
        return cls(raw)
    if dataclasses.is_dataclass(cls):
        if not isinstance(raw, dict):
            raise CodecError(f"expected a {cls.__name__} map, got {type(raw).__name__}")
        hints = _hints(cls)
        names = {f.name for f in _fields(cls)}
        unknown = set(raw) - names
        if len(unknown) > 0:
            raise CodecError(f"{cls.__name__} has no fields {sorted(unknown)}")
        values = {name: from_data(hints[name], value) for name, value in raw.items()}
        try:
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise CodecError(f"{cls.__name__}: {exc}") from exc
    if cls is bool:
        if not isinstance(raw, bool):
            raise CodecError(f"expected true or false, got {raw!r}")
        return raw
    if cls is float and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    if cls in (str, int, bytes) and isinstance(raw, cls) and not isinstance(raw, bool):
        return raw
    raise CodecError(f"expected {cls.__name__}, got {type(raw).__name__}")
