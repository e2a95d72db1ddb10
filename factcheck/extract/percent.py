"""Percentages ("5%", "5 per cent", "5 pct") and percentage points ("1.5 percentage points") kept apart."""

from __future__ import annotations

import re

from ..model import Figure, Interval, Span
from .lexicon import load
from .numbers import Num, is_blocked, scan

LEX = load("percent")
MARKERS: dict[str, tuple[str, float]] = {}
for _m in LEX["markers"]:
    for _w in _m["words"]:
        MARKERS[_w] = (_m["unit"], float(_m["factor"]))
_alt = "|".join(sorted((re.escape(w).replace(r"\ ", r"[\s-]+") for w in MARKERS), key=len, reverse=True))
_points = "|".join(sorted((re.escape(w) for w in LEX["points"]), key=len, reverse=True))
MARKER = re.compile(rf"[ \u00a0]{{0,2}}(?i:(?P<m>{_alt})|(?P<pts>{_points}))(?![\w])|[ \u00a0]?(?P<sign>%)")
PREFIX = re.compile(r"(?i:\b(?:per\s?cents?|percent|percentage)\s+of\s+)$")
RANGE = re.compile(r"[ \u00a0]*(?:to|-|–|and|or)[ \u00a0]*$")
POINTS_CONTEXT = set(LEX["points_context"])
SENTENCE = re.compile(r"[.!?\n](?:\s|$)")


def _marker(text: str, num: Num):
    m = MARKER.match(text, num.end)
    if not m:
        return None
    if m.group("sign"):
        return "%", 1.0, m.end()
    if m.group("m"):
        key = re.sub(r"[\s-]+", " ", m.group("m").lower()).replace("per cent", "per cent")
        unit, factor = MARKERS.get(key) or MARKERS.get(key.replace(" ", "-")) or ("%", 1.0)
        return unit, factor, m.end()
    left = max((s.end() for s in SENTENCE.finditer(text, 0, num.start)), default=0)
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
            if "and" not in text[pending.end : num.start] or re.search(r"(?i:between)\s*$", text[: pending.start]):
                start, value, high = pending.start, pending.value * factor, num.value * factor
        out.append(_figure(text, start, end, value, num.step * factor, unit, high))
        pending = None
    return out


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
