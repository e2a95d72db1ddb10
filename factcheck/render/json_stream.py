"""JSON written a piece at a time, byte for byte what json.dumps gives: a long file's figures are never one string."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from .sanitize import json_text


def write(value: Any, out: TextIO, indent: int | None = None) -> None:
    """Write value as json.dumps(value, indent=indent, ensure_ascii=False) would, made encodable (json_text).

    An iterator inside (a generator of records) is written as a list, an item at a time.
    """
    _write(value, out, indent, 0)


def _write(value: Any, out: TextIO, indent: int | None, level: int) -> None:
    if isinstance(value, Iterator):
        _items(((None, item) for item in value), "[]", out, indent, level)
    elif isinstance(value, dict) and any(isinstance(v, (Iterator, dict)) for v in value.values()):
        _items(value.items(), "{}", out, indent, level)
    else:
        text = json.dumps(value, indent=indent, ensure_ascii=False)
        out.write(json_text(text.replace("\n", "\n" + " " * (indent * level)) if indent and level else text))


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
