"""Text made safe to print: no terminal control sequences, no bidi overrides, no undecodable file-name bytes."""

from __future__ import annotations

import re

# ESC sequences first (CSI, OSC up to BEL or ST, other two-byte ones), then any lone control character:
# C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates that reorder what is shown.
_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)"
                       r"|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _surrogate(m: re.Match[str]) -> str:
    """A byte that was not UTF-8 in a file name (kept as a lone surrogate by Python) shown as \\xNN."""
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def clean(text: str) -> str:
    """Text as it may reach a terminal or a log: control sequences and characters removed (tabs and newlines
    kept), undecodable file-name bytes shown as \\xNN."""
    text = _CONTROL.sub("", _SEQUENCE.sub("", text))
    return _SURROGATE.sub(_surrogate, text) if _SURROGATE.search(text) else text


def in_place(text: str) -> str:
    """Text with each control character (ESC too) shown as U+FFFD: nothing moves, so columns still match."""
    return _ANY_CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """clean(), on one line: newlines, carriage returns and tabs shown as \\n, \\r and \\t (for file names)."""
    return clean(text.translate(_BREAKS))


def json_text(text: str) -> str:
    """JSON written with ensure_ascii=False, made encodable: a lone surrogate (an undecodable file-name byte)
    becomes its \\uXXXX escape, so the file is valid UTF-8 and json.loads gives the same name back."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text
