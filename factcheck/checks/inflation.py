"""Inflation claims (reading/inflation.py's statements) against the US consumer price index (a reference table)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from ..model import Rule
from . import CheckContext, Hit
from .arith import show

PARAMS = ("tolerance", "currency")


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
    for statement in ctx.statements_of("inflation"):  # reading/inflation.py: "$100 in 1990 is worth $246 today"
        first, second = ctx.figure(statement, "amount"), ctx.figure(statement, "adjusted")
        if first is not None and second is not None:
            yield from _judge(ctx, first, second, statement.fact("from_year"), statement.fact("to_year"), tolerance)


def _judge(ctx: CheckContext, first, second, y1: int, y2: int | None, tolerance: float) -> Iterator[Hit]:
    data = table()
    index, last = data["index"], int(data["year"])
    if y2 is None:  # "today": the publication year, or the table's latest in an article newer than the table
        if ctx.published is None:
            return
        y2 = min(ctx.published.year, last)
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
