"""Conversions: a figure restated in another unit or currency, "$10m (£5.3m)", "1,500 km (932 miles)".

Statement(kind="conversion", roles: original, converted). restatements() also finds the figures that restate a
share of a whole ("a quarter of the 800 staff, or 320 people") and per-unit figures ("30 million users, or $300
per user"): the share and per-unit readers take those. Never on brackets that say something else ("$199 (£149 in
Britain)", "(up from £3m)", "(2004: £3m)").
"""

from __future__ import annotations

import re

from ..extract.context import LEX
from ..model import Figure, Statement
from .view import View

SHARE_KINDS = {"percent", "fraction"}
AMOUNT_KINDS = {"count", "money", "quantity"}
RESTATE_OPENER = re.compile(LEX["restate_opener"], re.I)
RESTATE_SEPARATOR = re.compile(LEX["restate_separator"], re.I)
RESTATE_CLOSE = re.compile(LEX["restate_close"])
RESTATE_OR = re.compile(LEX["restate_or"], re.I)
RESTATE_SHARE_BRACKET = re.compile(LEX["restate_share_bracket"], re.I)
# A further restatement inside the same bracket after a bare "or": "(about £281m or $400m)".
BRACKET_OR = re.compile(r"[ \u00a0]+or[ \u00a0]+(?:(?:about|around|roughly|approximately|some)[ \u00a0]+)*", re.I)
# ... or "and", when each figure is in a unit of its own: "(£258m and $400m)"; "(£5m and £3m)" are two sums.
BRACKET_AND = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:(?:about|around|roughly|approximately|some)[ \u00a0]+)*",
                         re.I)


def restatements(view: View, whole_of: dict[int, int]) -> dict[int, int]:
    """restating figure -> the figure it restates: a bracket ("$10m (£5.3m)"; in "£5.7bn ($10.7bn; 8.2bn euros)"
    and "€330m (about £281m or $356m)" both restate the first), a share restated as an amount or back, a per-unit
    figure restating a count."""
    figures, text = view.figures, view.text
    share_of_whole = {w: i for i, w in whole_of.items()}
    text_end = len(text.rstrip())
    out: dict[int, int] = {}
    for i in range(1, len(figures)):
        fig, prev = figures[i], figures[i - 1]
        if fig.sentence != prev.sentence or fig.value is None:
            continue
        gap_start, gap_end = prev.span.end, fig.span.start
        closes = bool(RESTATE_CLOSE.match(text, fig.span.end)) or fig.span.end >= text_end or (
            i + 1 < len(figures) and bool(_joined(figures, i + 1, text)))
        original: int | None = None
        if RESTATE_OPENER.fullmatch(text, gap_start, gap_end) and closes and _same_family(prev, fig):
            original = i - 1
        elif i - 1 in out and (RESTATE_SEPARATOR.fullmatch(text, gap_start, gap_end) or _joined(figures, i, text)):
            first = out[i - 1]
            if _same_family(figures[first], fig) and closes:
                original = first
        elif i - 1 in share_of_whole and (
            RESTATE_OR.fullmatch(text, gap_start, gap_end) or RESTATE_SHARE_BRACKET.fullmatch(text, gap_start, gap_end)
        ):
            share = figures[share_of_whole[i - 1]]
            if (share.kind in SHARE_KINDS) != (fig.kind in SHARE_KINDS) and fig.kind in SHARE_KINDS | AMOUNT_KINDS:
                original = share_of_whole[i - 1]  # the restated share of the whole, as an amount or as a share
        elif RESTATE_OR.fullmatch(text, gap_start, gap_end):
            if fig.attr("per") and prev.kind in AMOUNT_KINDS:
                original = i - 1  # "$6bn from 30 million users, or $300 per user"
            elif _same_family(prev, fig) and prev.unit != fig.unit:
                original = i - 1  # "$10m, or £5.3m"
        if original is not None:
            out[i] = original
    return out


def _joined(figures: list[Figure], i: int, text: str) -> bool:
    """Whether a figure follows the one before it in a bracket of restatements after "or", or after "and" when the
    two are in different units."""
    gap = (figures[i - 1].span.end, figures[i].span.start)
    if BRACKET_OR.fullmatch(text, *gap):
        return True
    return bool(BRACKET_AND.fullmatch(text, *gap)) and figures[i - 1].unit != figures[i].unit


def read(view: View, converts: dict[int, int]) -> list[Statement]:
    """A conversion for each restatement of money as money, or of a quantity as another (not a per-unit figure)."""
    figures = view.figures
    out = []
    for i, k in converts.items():
        original, converted = figures[k], figures[i]
        if _convertible(original, converted) and converted.attr("per") == original.attr("per"):
            out.append(Statement.of("conversion", {"original": original.id, "converted": converted.id}))
    return out


def _same_family(a: Figure, b: Figure) -> bool:
    """Two figures one may restate: money and money, or quantities (with units) of the same sort."""
    if a.value is None or b.value is None:
        return False
    if a.kind == "money" or b.kind == "money":
        return a.kind == b.kind == "money"
    return a.kind == b.kind == "quantity" and bool(a.unit) and bool(b.unit)


def _convertible(a: Figure, b: Figure) -> bool:
    """What the conversion check can compare: money for money, or quantities and counts with units."""
    if a.value is None or b.value is None:
        return False
    if a.kind == "money" or b.kind == "money":
        return a.kind == b.kind == "money"
    return a.kind in ("quantity", "count") and b.kind in ("quantity", "count") and bool(a.unit) and bool(b.unit)
