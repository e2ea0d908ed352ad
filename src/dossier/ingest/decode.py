"""Bytes to text, exactly: decode or refuse, never guess silently.

Order: UTF-32/UTF-16/UTF-8 byte-order marks, then strict UTF-8, then
charset-normalizer for legacy single- and multi-byte encodings. A legacy guess
is accepted only when it is coherent and unambiguous, because a wrong guess
would put mojibake into verbatim quotes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from dossier.ingest.errors import UnusableSourceError

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Control characters (Unicode category Cc) other than the ones plain text
# legitimately contains: tab, line feed, vertical tab, form feed, carriage return.
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# More than this share of other control characters means binary or mis-decoded data.
_MAX_CONTROL_SHARE = 0.01
# A legacy-encoding guess needs at least this language coherence (0..1) ...
_MIN_COHERENCE = 0.2
# ... and no rival guess within these margins that decodes differently.
_RIVAL_CHAOS_MARGIN = 0.05
_RIVAL_COHERENCE_MARGIN = 0.1

_SAVE_AS_UTF8 = "save the file as UTF-8"


def decode_text(data: bytes) -> str:
    """Return the exact text ``data`` encodes, without any byte-order mark."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_after_bom(data, len(bom), codec, label))
    if b"\x00" in data:
        raise UnusableSourceError(
            "binary file: contains NUL bytes (or is UTF-16/UTF-32 without a byte-order mark); "
            f"{_SAVE_AS_UTF8} if it is text"
        )
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _looks_like_damaged_utf8(data):
        raise UnusableSourceError(
            f"invalid UTF-8 at byte {first_bad}: the file is mostly UTF-8 but damaged; "
            "repair it or export it again as UTF-8"
        )
    return _checked(_detect_legacy(data))


def _decode_after_bom(data: bytes, bom_length: int, codec: str, label: str) -> str:
    try:
        return data[bom_length:].decode(codec)
    except UnicodeDecodeError as exc:
        raise UnusableSourceError(
            f"invalid {label} at byte {bom_length + exc.start} after a {label} byte-order "
            f"mark; repair the file or {_SAVE_AS_UTF8}"
        ) from exc


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 outnumbers the invalid bytes."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 0x7F and not "\udc80" <= ch <= "\udcff")
    return good > 0 and good >= bad


def _detect_legacy(data: bytes) -> str:
    matches = list(from_bytes(data))
    if len(matches) == 0:
        raise UnusableSourceError(f"not UTF-8 and no known text encoding fits; {_SAVE_AS_UTF8}")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    if best.coherence < _MIN_COHERENCE:
        raise UnusableSourceError(
            f"not UTF-8, and the encoding cannot be identified reliably (best guess "
            f"{best.encoding} fits poorly); {_SAVE_AS_UTF8}"
        )
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError as exc:
        raise UnusableSourceError(
            f"not UTF-8, and not valid {best.encoding} either (byte {exc.start}); {_SAVE_AS_UTF8}"
        ) from exc
    rivals: list[str] = []
    for match in matches:
        if match is best or match.encoding == best.encoding:
            continue
        close = (
            match.chaos <= best.chaos + _RIVAL_CHAOS_MARGIN
            and match.coherence >= best.coherence - _RIVAL_COHERENCE_MARGIN
        )
        if close and data.decode(match.encoding, errors="replace") != text:
            rivals.append(match.encoding)
    if len(rivals) > 0:
        raise UnusableSourceError(
            f"not UTF-8, and the encoding is ambiguous ({best.encoding} or "
            f"{', '.join(rivals)}); {_SAVE_AS_UTF8}"
        )
    return text


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters (binary or mis-decoded data)."""
    if "\x00" in text:
        raise UnusableSourceError(
            f"binary file: contains NUL characters; {_SAVE_AS_UTF8} if it is text"
        )
    controls = len(_BAD_CONTROLS.findall(text))
    if controls > 0 and controls > _MAX_CONTROL_SHARE * len(text):
        raise UnusableSourceError(
            f"binary file: {controls} of {len(text)} characters are control characters; "
            f"{_SAVE_AS_UTF8} if it is text"
        )
    return text


def is_blank(text: str) -> bool:
    """True when ``text`` has nothing visible: only whitespace and invisible format marks."""
    return all(ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf"} for ch in text)
