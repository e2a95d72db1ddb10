"""The calendar lexicon (lexicon/calendar.yml) as tables, the regex helpers built on word lists, and number words."""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import load

LEX = load("calendar")

MONTHS: dict[str, int] = LEX["months"]
WEEKDAYS: dict[str, int] = LEX["weekdays"]
AMBIGUOUS_MONTHS = set(LEX["ambiguous_months"])
DATE_PREPOSITIONS = set(LEX["date_prepositions"])
STRONG_YEAR_CUES = set(LEX["strong_year_cues"])
NOT_YEAR_BEFORE = set(LEX["not_year_before"])
COUNT_NOUNS = set(LEX["count_nouns"])
TIME_WORDS = set(LEX["time_words"])
NUMBER_WORDS: dict[str, float | None] = LEX["number_words"]
ORDINAL_WORDS: dict[str, int] = LEX["ordinal_words"]
QUARTER_ORDINALS: dict[str, int] = {str(k): v for k, v in LEX["quarter_ordinals"].items()}
# a quarter by its number or by the season results stories name it for ("the Christmas quarter")
QUARTER_WORDS: dict[str, int] = {**QUARTER_ORDINALS, **LEX["named_quarters"]}
TIME_UNITS: dict[str, dict[str, Any]] = LEX["time_units"]
CLOCK_UNITS: dict[str, int] = LEX["clock_units"]
RELATIVE_DAYS: dict[str, int] = LEX["relative_days"]
MODIFIERS: dict[str, str] = LEX["relative_modifiers"]
WEEKDAY_WEEKS: dict[str, int] = LEX["weekday_weeks"]
OFFSET_WORDS: dict[str, int] = LEX["offset_words"]
HOLIDAYS: dict[str, Any] = LEX["holidays"]
NOT_PAST = set(LEX["tense"]["not_past"])
TENS: list[str] = LEX["tens_words"]
A_DURATION_BEFORE = set(LEX["a_duration_before"])
DURATION_AFTER = set(LEX["duration_after"])
A_QUARTER_BEFORE = set(LEX["a_quarter_before"])
ELAPSED: dict[str, str] = LEX["elapsed_relations"]
SPANS_BEFORE = re.compile(LEX["spans_before"])
FRACTION_OF = set(LEX["fraction_of_words"])
PIVOT: int = LEX["two_digit_year_pivot"]
PERIOD_ORDINALS: dict[str, int] = LEX["period_ordinals"]
DECADE_WORDS: dict[str, int] = LEX["decade_words"]


def alt(words, plural: bool = False) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def names(table: dict[str, int]) -> str:
    """Full names, or abbreviations with an optional full stop ("Feb.", "Thurs")."""
    full = {n for n, v in table.items() if not any(o != n and o.startswith(n) and table[o] == v for o in table)}
    return rf"(?:{alt(full)})\b|(?:{alt(set(table) - full)})\b\.?"


def lead(*words, digits: bool = False) -> str:
    """A lookahead on the first characters a pattern can start with: regexes scan much faster with one."""
    first = {str(w)[0].lower() for group in words for w in group}
    chars = "".join(sorted(first | {c.upper() for c in first}))
    return f"(?=[{re.escape(chars)}{'0-9' if digits else ''}])"


def parse_number(word: str) -> float | None:
    """A number written in digits or words ("3", "three", "twenty-one"); None when it is no number."""
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
        return None if value is None else float(value)
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a is not None and b is not None:
            return float(a + b)
    return None


def ordinal_day(word: str) -> int | None:
    """A day of the month written as an ordinal word ("third", "twenty-first"); None when it is none."""
    parts = re.split(r"[\s-]+", word.lower())
    total = 0
    for p in parts:
        if p == "twenty":
            total += 20
        elif p == "thirty":
            total += 30
        elif p in ORDINAL_WORDS:
            total += ORDINAL_WORDS[p]
        elif total and p in NUMBER_WORDS and NUMBER_WORDS[p] is not None and NUMBER_WORDS[p] < 10:
            total += int(NUMBER_WORDS[p])
        else:
            return None
    return total or None
