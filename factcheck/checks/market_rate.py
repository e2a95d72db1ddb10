"""Exchange rates far from the market: a quoted rate ("the dollar at 1.35 euros") against the ECB reference rate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Rule
from ..wording import dates_in_words
from . import CheckContext, Hit
from .arith import interval, number, show
from .calendar import bounds
from .conversion import rates

WEEK = dt.timedelta(days=7)


def validate(params: dict) -> str | None:
    tolerance = params.get("tolerance")
    if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or not 0 < tolerance < 10:
        return "tolerance: expected a relative distance from the market rate, such as 0.25"
    if not isinstance(params.get("source"), str):
        return "source: every bound names where its figure comes from"
    unknown = set(params) - {"tolerance", "source"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def _window(fig: Figure, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days the quote is for: its own time anchor ("in September 2022"), else the week up to publication."""
    anchored = bounds(fig.anchor)
    if anchored is not None:
        return anchored
    return (published - WEEK, published) if published is not None else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    tolerance = float(rule.params["tolerance"])
    for fig in ctx.figures:
        base, quote = fig.attr("rate_base"), fig.unit
        if fig.kind != "money" or not base or not quote or base == quote or fig.value is None:
            continue
        window = _window(fig, ctx.published)
        when = f"{window[0].isoformat()} to {window[1].isoformat()}" if window is not None else ""
        band = rates(ctx).band(base, quote, *window, when) if window is not None else None  # loads the rates now
        if band is None:
            continue
        ctx.mark(fig)
        if band.note:
            ctx.note(band.note)
        low, high = band.low * (1 - tolerance), band.high * (1 + tolerance)
        iv = interval(fig)
        if iv.high < low or iv.low > high:
            market = number(band.low, 4) if band.low == band.high else f"{number(band.low, 4)}–{number(band.high, 4)}"
            when = band.where.removeprefix("ECB, ")
            yield Hit(
                (fig,),
                {"value": show(fig.value, quote), "base": base, "quote": quote, "market": market,
                 "when": dates_in_words(when)},
                evidence=f"1 {base} = {market} {quote} ({rule.params['source']}, {when}); "
                f"the text says {show(fig.value, quote)}, beyond ±{tolerance:.0%} of the market",
            )
