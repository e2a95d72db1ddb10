"""Inflation claims: "$100 in 1990 is worth $246 today" against the US consumer price index (a reference table)."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from ..model import Rule
from . import CheckContext, Hit
from .arith import show

PARAMS = ("tolerance", "currency")
YEAR = r"(?:1[89]\d\d|20\d\d)"
QUAL = r"(?:(?:about|around|roughly|nearly|almost|some|more than|over|just over|just under|close to)\s+)?"
# From the end of the first amount to the start of the second: "in 1990 (dollars) is worth".
BETWEEN = re.compile(
    r"\s+in\s+(?:the\s+year\s+)?(?P<y1>" + YEAR + r")(?:\s+dollars)?,?\s+(?:(?:is|was|would be|would now be|"
    r"would have been)\s+)?(?:worth|equal to|equivalent to|the same as|equals|equates to|translates to|"
    r"amounts to|buys what|buy what|(?:has|have|had) the (?:same\s+)?(?:buying|purchasing|spending) power "
    r"(?:of|as)|is|was|would be)\s+"
    + QUAL + r"$"
)
# After the second amount: when it is worth that.
AFTER = re.compile(r"^\s+(?:(?P<now>today|now|in today's (?:money|dollars|terms))|in\s+(?P<y2>" + YEAR + r")\b)")


def validate(params: dict) -> str | None:
    unknown = set(params) - set(PARAMS)
    if unknown:
        return f"unknown parameter(s): {', '.join(sorted(map(str, unknown)))}"
    tolerance = params.get("tolerance", 0.25)
    if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or not 0 < tolerance < 1:
        return "tolerance: expected a number between 0 and 1 (a share of the value)"
    if params.get("currency", "USD") != "USD":
        return "currency: only USD (the table is the US consumer price index)"
    return None


@lru_cache(maxsize=1)
def table() -> dict:
    """The US CPI-U annual averages, read on first use only (tools/reference_tables.py writes them)."""
    text = resources.files("factcheck").joinpath("reference", "us_cpi.yml").read_text(encoding="utf-8")
    return json.loads(text)  # YAML in its JSON form


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    tolerance = float(rule.params.get("tolerance", 0.25))
    text = ctx.doc.text
    amounts = sorted((f for f in ctx.figures if f.kind == "money" and f.unit == "USD" and f.value),
                     key=lambda f: f.span.start)
    starts = [f.span.start for f in amounts]
    by_start = {f.span.start: f for f in amounts}
    for first in amounts:  # each amount against the amounts that start within 120 characters after it: linear
        window = text[first.span.end:first.span.end + 120]
        low = bisect.bisect_right(starts, first.span.end)
        high = bisect.bisect_right(starts, first.span.end + 120)
        for later_start in starts[low:high]:
            m = BETWEEN.search(re.sub(r"\s", " ", window[:later_start - first.span.end]))
            if not m or m.end() != later_start - first.span.end:
                continue
            second = by_start[later_start]
            tail = AFTER.match(re.sub(r"\s", " ", text[second.span.end:second.span.end + 40]))
            if tail is None:
                break
            yield from _judge(ctx, first, second, int(m.group("y1")), tail, tolerance)
            break


def _judge(ctx: CheckContext, first, second, y1: int, tail: re.Match, tolerance: float) -> Iterator[Hit]:
    data = table()
    index, last = data["index"], int(data["year"])
    if tail.group("y2"):
        y2 = int(tail.group("y2"))
    elif ctx.published is not None:
        y2 = min(ctx.published.year, last)  # "today" in an article newer than the table: its latest year
    else:
        return
    if str(y1) not in index or str(y2) not in index:
        return
    ctx.mark(first, second)
    expected = first.value * index[str(y2)] / index[str(y1)]
    if abs(second.value / expected - 1) <= tolerance:
        return
    yield Hit(
        (second, first),
        {"amount": first.surface, "from": str(y1), "to": str(y2), "expected": show(expected, "USD"),
         "value": second.surface, "source": data["source"], "year": data["year"]},
        evidence=f"{show(first.value, 'USD')} × CPI {y2} {index[str(y2)]:g} / CPI {y1} {index[str(y1)]:g} = "
                 f"{show(expected, 'USD')}; the text says {second.surface} ({second.value / expected - 1:+.0%}, "
                 f"beyond ±{tolerance:.0%}; {data['source']}, {data['year']})",
    )
