"""The period a results story compares with: "the same quarter last year", "last year's holiday quarter", counted
from the quarter the story reports ("fourth-quarter revenue ..."), not from the publication date."""

from __future__ import annotations

import datetime as dt
import re

from .arithmetic import iso
from .atom import Atom
from .words import QUARTER_WORDS, alt

FLAGS = re.I
_ORD = rf"(?:{alt(QUARTER_WORDS)})"
# the quarter a story reports: "fourth-quarter revenue", "in the third quarter", "Q2", "the holiday quarter"
REPORTED = re.compile(rf"\b(?P<ord>{_ORD})[\s-]+quarter\b|\bQ(?P<q>[1-4])\b", FLAGS)
_BACK = r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year|the\s+year\s+before)"
SAME = re.compile(
    rf"\b(?:the\s+)?(?:same|corresponding|comparable)\s+(?:quarter|period|three\s+months)\s+(?:of\s+)?{_BACK}"
    rf"|\blast\s+year['’]s\s+(?P<ord>{_ORD})[\s-]+quarter\b",
    FLAGS,
)


def same_period(text: str, atoms: list[Atom], published: dt.date | None) -> None:
    """Add, for each "the same quarter last year" (or "last year's fourth quarter"), the quarter a year before the
    one the story reports (the nearest quarter named before it); the longest reading wins over "last year" alone."""
    if published is None or "quarter" not in text.lower():
        return
    for m in SAME.finditer(text):
        reported = [r for r in REPORTED.finditer(text, max(0, m.start() - 600), m.start())]
        if not reported:
            continue
        last = reported[-1]
        q = _quarter(last)
        if m.group("ord") and _quarter(m) != q:
            continue  # "last year's first quarter" in a story of the fourth: no year to count from
        first = (q - 1) * 3 + 1
        y = published.year if dt.date(published.year, first, 1) <= published else published.year - 1
        atoms.append(Atom(m.start(), m.end(), "relative_date", date=iso(y - 1, first), date_end=iso(y - 1, first + 2),
                          attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())}))


def _quarter(m: re.Match) -> int:
    if m.groupdict().get("q"):
        return int(m.group("q"))
    word = m.group("ord").lower()
    return QUARTER_WORDS[word]
