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
    _decoder.cache_clear()


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
    """Rebuild a value of type ``cls`` from ``to_data``'s output, checking every part.

    The checks for each type are worked out once (``_decoder``) and kept, so
    decoding a large record costs one call per value, not a walk of its hints.
    """
    return _decoder(cls)(raw)


Decoder = Callable[[Any], Any]


@lru_cache(maxsize=1024)
def _decoder(cls: Any) -> Decoder:
    """The function that rebuilds (and checks) a value of type ``cls``."""
    if cls is Any:
        return _identity
    if cls is None or cls is type(None):
        return _null
    origin = typing.get_origin(cls)
    args = typing.get_args(cls)
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin in (list, tuple, set, frozenset, dict, Counter, defaultdict) or cls in (
        list,
        tuple,
        set,
        frozenset,
        dict,
    ):
        return _container(origin if origin is not None else cls, args)
    if isinstance(cls, type):
        return _scalar_or_record(cls)

    def unsupported(raw: Any) -> Any:
        raise CodecError(f"cannot decode into {cls!r}")

    return unsupported


def _identity(raw: Any) -> Any:
    return raw


def _null(raw: Any) -> None:
    if raw is not None:
        raise CodecError(f"expected null, got {type(raw).__name__}")


def _literal(args: tuple[Any, ...]) -> Decoder:
    def decode_literal(raw: Any) -> Any:
        if raw not in args:
            raise CodecError(f"{raw!r} is not one of {args}")
        return raw

    return decode_literal


def _union(args: tuple[Any, ...]) -> Decoder:
    options = [_decoder(a) for a in sorted(args, key=lambda a: a is not type(None))]

    def decode_union(raw: Any) -> Any:
        for option in options:
            try:
                return option(raw)
            except CodecError:
                continue
        raise CodecError(f"{raw!r} fits none of {args}")

    return decode_union


def _container(origin: Any, args: tuple[Any, ...]) -> Decoder:
    if origin in (dict, Counter, defaultdict):
        key_type, value_type = args if len(args) == 2 else (args[0] if args else Any, Any)
        if origin is Counter:
            value_type = int
        key, value = _decoder(key_type), _decoder(value_type)

        def decode_map(raw: Any) -> Any:
            if isinstance(raw, dict):
                pairs = list(raw.items())
            elif isinstance(raw, list) and all(isinstance(p, list) and len(p) == 2 for p in raw):
                pairs = [(p[0], p[1]) for p in raw]
            else:
                raise CodecError(f"expected a map, got {type(raw).__name__}")
            built = {_hashable(key(k)): value(v) for k, v in pairs}
            return Counter(built) if origin is Counter else built

        return decode_map
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        each = _decoder(args[0])
        return _listed(lambda raw: tuple(each(v) for v in raw))
    if origin is tuple and len(args) > 0:
        parts = [_decoder(a) for a in args]

        def decode_fixed(raw: Any) -> Any:
            if len(parts) != len(raw):
                raise CodecError(f"expected {len(parts)} items, got {len(raw)}")
            return tuple(p(v) for p, v in zip(parts, raw, strict=True))

        return _listed(decode_fixed)
    if origin is tuple:
        return _listed(tuple)
    item = _decoder(args[0] if args else Any)
    if origin is set:
        return _listed(lambda raw: {_hashable(item(v)) for v in raw})
    if origin is frozenset:
        return _listed(lambda raw: frozenset(_hashable(item(v)) for v in raw))
    if item is _identity:
        return _listed(list)
    return _listed(lambda raw: [item(v) for v in raw])


def _listed(decode: Decoder) -> Decoder:
    def decode_list(raw: Any) -> Any:
        if not isinstance(raw, list):
            raise CodecError(f"expected a list, got {type(raw).__name__}")
        return decode(raw)

    return decode_list


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _scalar_or_record(cls: type) -> Decoder:
    custom = _CUSTOM.get(cls)
    if custom is not None:
        return custom[1]
    if issubclass(cls, PurePath):

        def decode_path(raw: Any) -> Any:
            if not isinstance(raw, str):
                raise CodecError(f"expected a path, got {type(raw).__name__}")
            return cls(raw)

        return decode_path
    if dataclasses.is_dataclass(cls):
        return _record(cls)
    if cls is bool:

        def decode_bool(raw: Any) -> Any:
            if not isinstance(raw, bool):
                raise CodecError(f"expected true or false, got {raw!r}")
            return raw

        return decode_bool
    if cls is float:

        def decode_float(raw: Any) -> Any:
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                return float(raw)
            raise CodecError(f"expected float, got {type(raw).__name__}")

        return decode_float
    if cls in (str, int, bytes):

        def decode_scalar(raw: Any) -> Any:
            if isinstance(raw, cls) and not isinstance(raw, bool):
                return raw
            raise CodecError(f"expected {cls.__name__}, got {type(raw).__name__}")

        return decode_scalar

    def refuse(raw: Any) -> Any:
        raise CodecError(f"expected {cls.__name__}, got {type(raw).__name__}")

    return refuse


def _record(cls: type) -> Decoder:
    fields: dict[str, Decoder] = {}

    def decode_record(raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise CodecError(f"expected a {cls.__name__} map, got {type(raw).__name__}")
        if len(fields) == 0:  # worked out at first use: a record may contain itself
            hints = _hints(cls)
            fields.update((f.name, _decoder(hints[f.name])) for f in _fields(cls))
        if not fields.keys() >= raw.keys():
            unknown = set(raw) - set(fields)
            raise CodecError(f"{cls.__name__} has no fields {sorted(unknown)}")
        values = {name: fields[name](value) for name, value in raw.items()}
        try:
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise CodecError(f"{cls.__name__}: {exc}") from exc

    return decode_record
