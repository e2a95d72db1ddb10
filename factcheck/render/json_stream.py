"""JSON written a piece at a time, byte for byte what json.dumps gives: a long file's figures are never one string."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from functools import lru_cache
from json.encoder import encode_basestring as _string  # the C encoder of one string
from typing import Any, TextIO

from .sanitize import json_text


def write(value: Any, out: TextIO, indent: int | None = None) -> None:
    """Write value as json.dumps(value, indent=indent, ensure_ascii=False) would, made encodable (json_text).

    An iterator inside (a generator of records) is written as a list, an item at a time.
    """
    _write(value, out, indent, 0)


# Values that are no Iterator, told apart first: the ABC's isinstance test costs more than writing a number.
_PLAIN = (str, int, float, list, tuple, type(None))


def _lazy(value: Any) -> bool:
    """An Iterator (written an item at a time), as isinstance(value, Iterator) says, for less on plain values."""
    return not isinstance(value, _PLAIN) and isinstance(value, Iterator)


def _write(value: Any, out: TextIO, indent: int | None, level: int) -> None:
    if _lazy(value):
        _items(((None, item) for item in value), "[]", out, indent, level)
    elif isinstance(value, dict) and any(isinstance(v, dict) or _lazy(v) for v in value.values()):
        _items(value.items(), "{}", out, indent, level)
    elif indent:
        out.write(json_text(_indented(value, indent, "\n" + " " * (indent * level))))
    else:
        out.write(json_text(json.dumps(value, ensure_ascii=False)))


def _indented(value: Any, indent: int, newline: str) -> str:
    """json.dumps(value, indent=indent, ensure_ascii=False) with each line after the first led by newline's spaces,
    written directly: the library's pure-Python indented encoder costs more than the checks of a dense file."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is float:
        return _float(value)
    if kind is int:
        return int.__repr__(value)
    if kind is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        inner = newline + " " * indent
        return "{" + inner + ("," + inner).join(
            _key(k) + _indented(v, indent, inner) for k, v in value.items()) + newline + "}"
    if isinstance(value, str):
        return _string(value)
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = newline + " " * indent
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_indented(v, indent, inner) for v in value) + newline + "]"
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        if not value:
            return "{}"
        return "{" + inner + ("," + inner).join(
            f"{_string(k)}: {_indented(v, indent, inner)}" for k, v in value.items()) + newline + "}"
    return json.dumps(value, indent=indent, ensure_ascii=False).replace("\n", newline)  # what json makes of the rest


@lru_cache(maxsize=256)
def _key(key: str) -> str:
    """An object key as written before its value: the few keys of every record, encoded once."""
    return _string(key) + ": "


def _float(x: float) -> str:
    """A float as json writes it (NaN and the infinities as JavaScript names them)."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


def _items(pairs: Any, brackets: str, out: TextIO, indent: int | None, level: int) -> None:
    """The members of a list (key None) or an object, each written by _write one level in."""
    inner = "\n" + " " * (indent * (level + 1)) if indent else ""
    first = True
    for key, item in pairs:
        out.write((brackets[0] if first else ",") + (inner or ("" if first else " ")))
        if key is not None:
            out.write(json_text(json.dumps(key, ensure_ascii=False)) + ": ")
        _write(item, out, indent, level + 1)
        first = False
    if first:
        out.write(brackets)
    else:
        out.write(("\n" + " " * (indent * level) if indent else "") + brackets[1])
