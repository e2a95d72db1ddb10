"""Where words start in a text: each atom pattern is tried only at its trigger words; the word beside a span."""

from __future__ import annotations

import re

from ..trie import alternation
from . import patterns
from .words import (
    HOLIDAYS,
    LEX,
    MODIFIERS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    QUARTER_WORDS,
    RELATIVE_DAYS,
    TENS,
    TIME_UNITS,
    WEEKDAYS,
)

TOKEN = re.compile(r"[A-Za-z]+|\d+")


def _firsts(*groups) -> set[str]:
    return {re.split(r"[^a-z0-9#]", str(w).lower())[0] for group in groups for w in group}  # "mother's": mother


DIGIT = "#"
# The words a pattern can start with: patterns are tried only where such a word starts (DIGIT: any number).
TRIGGERS: dict[str, set[str]] = {
    "MONTH_DAY": _firsts(MONTHS),
    "DAY_MONTH": _firsts(ORDINAL_WORDS, TENS, ["the", DIGIT]),  # "twenty five January"
    "MONTH_YEAR": _firsts(MONTHS),
    "MONTH_ONLY": _firsts(MONTHS),
    "SLASH_DAY": _firsts(MONTHS, [DIGIT]),
    "NTH_DAY": {"on", "by", "until", "till", "from", "since", "before", "after", "through"},
    "DECADE": {"the", DIGIT},
    "CENTURY": {"the", DIGIT},
    "QUARTER": _firsts(QUARTER_WORDS, ["the", "q", "h", DIGIT]),
    "WEEKDAY": _firsts(MODIFIERS, WEEKDAYS, ["week"]),
    "RELATIVE_DAY": _firsts(RELATIVE_DAYS, ["this", "last"]),
    "RELATIVE_PERIOD": _firsts(MODIFIERS, ["earlier", "later", "early", "late", "the"]),
    "THE_WEEKEND": {"over", "at", "on", "during", "for"},
    "PERIOD_AFTER_NEXT": {"the"},
    "NOW": _firsts(LEX["now_words"]),
    "PART_OF_THE_PERIOD": {"the", "end", "beginning", "start", "middle", "earlier", "later", "early", "late"},
    "RELATIVE_MONTH": _firsts(MODIFIERS),
    "COUNTED_PERIOD": _firsts(MODIFIERS, ["the"]),
    "OFFSET": _firsts(NUMBER_WORDS, ["the", DIGIT]),
    "IN_OFFSET": {"in"},
    "DURATION": _firsts(NUMBER_WORDS, TIME_UNITS, [DIGIT]),
    "HOLIDAY": _firsts(MODIFIERS, HOLIDAYS),
    "ANNIVERSARY": _firsts(ORDINAL_WORDS, [DIGIT]),
}


# A TOKEN that is a trigger word (ASCII case folded, as TOKEN's letters are ASCII), and where each number starts: the
# words no pattern starts with are never visited.
_WORD_TRIGGERS = sorted({w for ws in TRIGGERS.values() for w in ws if w.isascii() and w.isalpha()})
TRIGGER_WORD = re.compile(r"(?<![A-Za-z])(?:" + alternation(_WORD_TRIGGERS, fold=True) + r")(?![A-Za-z])", re.I | re.A)
NUMBER_START = re.compile(r"(?<!\d)\d")


def word_starts(text: str) -> dict[str, list[int]]:
    """Where each trigger word starts in the text (lower-cased; numbers under DIGIT): TOKEN's starts, for them."""
    at: dict[str, list[int]] = {}
    for m in TRIGGER_WORD.finditer(text):
        at.setdefault(m.group(0).lower(), []).append(m.start())
    numbers = [m.start() for m in NUMBER_START.finditer(text)]
    if numbers:
        at[DIGIT] = numbers
    return at


def scan(name: str, text: str, starts: dict[str, list[int]]):
    """Like PATTERN.finditer(text), trying the pattern only where one of its trigger words starts."""
    pattern = getattr(patterns, name)
    positions = sorted(p for word in TRIGGERS[name] for p in starts.get(word, ()))
    after = -1
    for pos in positions:
        if pos < after:
            continue
        m = pattern.match(text, pos)
        if m and m.end() > m.start():
            after = m.end()
            yield m


def word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z][\w'’.]*)[\s-]*$", text[max(0, start - 30) : start])
    return m.group(1).lower().rstrip(".") if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Za-z][\w'’-]*)", text[end : end + 30])
    return m.group(1) if m else ""
