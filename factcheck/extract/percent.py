"""Percentages ("5%", "5 per cent", "5 pct") and percentage points ("1.5 percentage points") kept apart."""

from __future__ import annotations

import bisect
import functools
import re

from ..model import Figure, Interval, Span
from .lexicon import load
from .numbers import Num, is_blocked, scan
from .trie import factored

LEX = load("percent")
MARKERS: dict[str, tuple[str, float]] = {}
for _m in LEX["markers"]:
    for _w in _m["words"]:
        MARKERS[_w] = (_m["unit"], float(_m["factor"]))
_alt = factored(sorted((re.escape(w).replace(r"\ ", r"[\s-]+") for w in MARKERS), key=len, reverse=True), fold=True)
_points = factored(sorted((re.escape(w) for w in LEX["points"]), key=len, reverse=True), fold=True)
# a marker word may be joined to its number by a hyphen ("a 4.3-percent drop", "a 12-per-cent rise"); "points" may
# not ("a 21-point lead" is a score, not percentage points)
MARKER = re.compile(
    rf"(?:[ \u00a0]{{0,2}}|-)(?i:(?P<m>{_alt}))(?![\w])"
    rf"|[ \u00a0]{{0,2}}(?i:(?P<pts>{_points}))(?![\w])|[ \u00a0]?(?P<sign>%)"
)
PREFIX = re.compile(r"(?i:\b(?:per\s?cents?|percent|percentage)\s+of\s+)$")
RANGE = re.compile(r"[ \u00a0]*(?:to|-|–|and|or)[ \u00a0]*$")
POINTS_CONTEXT = set(LEX["points_context"])
SENTENCE = re.compile(r"[.!?\n](?:\s|$)")


# a fraction of a point: "half a percentage point", "a quarter of a point"
FRACTION_OF = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?(?=[ \u00a0]+(?:percentage[ \u00a0]+)?point\b)", re.I)


def _marker(text: str, num: Num):
    of = FRACTION_OF.match(text, num.end) if num.form == "fraction" else None
    m = MARKER.match(text, of.end() if of else num.end)
    if not m or (of and not (m.group("m") or m.group("pts"))):
        return None
    if m.group("sign"):
        return "%", 1.0, m.end()
    if m.group("m"):
        key = re.sub(r"[\s-]+", " ", m.group("m").lower()).replace("per cent", "per cent")
        unit, factor = MARKERS.get(key) or MARKERS.get(key.replace(" ", "-")) or ("%", 1.0)
        return unit, factor, m.end()
    left = _sentence_left(text, num.start)
    right = SENTENCE.search(text, num.end)
    sentence = text[left : right.start() if right else len(text)].lower()
    if (
        any(w in sentence for w in POINTS_CONTEXT if not w.isalpha())
        or set(re.findall(r"[a-z]+", sentence)) & POINTS_CONTEXT
    ):
        return "pp", 1.0, m.end()
    return None


def find(text: str, published=None) -> list[Figure]:
    """Every percentage; "18 to 25 percent" is one figure from 18 to 25, not its midpoint."""
    out: list[Figure] = []
    nums = scan(text)
    pending: Num | None = None  # a bare number that may open a range ("18 to 25 percent")
    for num in nums:
        if num.form == "ordinal" or is_blocked(text, num.start, num.end):
            pending = None
            continue
        got = _marker(text, num)
        if not got:
            before = text[max(0, num.start - 30) : num.start]
            p = PREFIX.search(before)
            if p and not re.search(r"\d\s*$", before[: p.start()]):
                start = num.start - len(before) + p.start()
                out.append(_figure(text, start, num.end, num.value, num.step, "%"))
                pending = None
                continue
            pending = num
            continue
        unit, factor, end = got
        start, value, high = num.start, num.value * factor, None
        if pending is not None and RANGE.fullmatch(text[pending.end : num.start]) and pending.value < num.value:
            gap = text[pending.end : num.start]
            if re.search(r"\bto\b", gap) and _after_change(text, pending.start) == "from":
                # "rose from 18 to 25 percent": the old value, then the new one; both are percentages
                old = _figure(text, pending.start, pending.end, pending.value * factor, pending.step * factor, unit)
                out.append(old)
            elif "and" not in gap or _between_before(text, pending.start):
                start, value, high = pending.start, pending.value * factor, num.value * factor
        out.append(_figure(text, start, end, value, num.step * factor, unit, high))
        pending = None
    return out


@functools.lru_cache(maxsize=4)
def _sentence_marks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of SENTENCE's matches over the whole text, in order."""
    starts, ends = [], []
    for m in SENTENCE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _sentence_left(text: str, end: int) -> int:
    """max(m.end() for m in SENTENCE.finditer(text, 0, end)), default 0, in O(log n). A match is one or two
    characters and the second can only be read at end - 1 or later, so the scan up to end finds the same matches
    as the scan of the whole text among those starting before end - 1; one at end - 1 ends at end."""
    if end > 0 and text[end - 1] in ".!?\n":
        return end
    starts, ends = _sentence_marks(text)
    i = bisect.bisect_right(starts, end - 2)
    return ends[i - 1] if i else 0


def _after_change(text: str, start: int) -> str | None:
    from .context import change_before

    return change_before(text, start)


def _between_before(text: str, end: int) -> bool:
    r"""re.search(r"(?i:between)\s*$", text[:end]) over a window that reaches back past the whitespace before end."""
    lo = max(0, end - 40)
    while lo > 0 and text[lo].isspace():
        lo = max(0, lo - 40)
    return re.search(r"(?i:between)\s*$", text[max(0, lo - 8) : end]) is not None


def _figure(text: str, start: int, end: int, value: float, step: float, unit: str, high: float | None = None) -> Figure:
    attrs: tuple = (("step", step),)
    interval = Interval.around(value, step / 2)
    if high is not None:
        attrs += (("range_high", high),)
        interval = Interval(value - step / 2, high + step / 2)
    return Figure(
        id="",
        span=Span(start, end),
        surface=text[start:end],
        kind="percent",
        value=value,
        interval=interval,
        unit=unit,
        attrs=attrs,
    )
