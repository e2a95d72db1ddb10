"""Stated changes and comparisons: a percentage, an amount, a multiplier or a direction word against old and new."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator

from ..errors import shown
from ..extract.lexicon import load
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit, judge
from .arith import interval, number, scale_of, show, show_interval

FLOORS = {"more_than", "at_least"}
HUNDRED = Interval.exact(100.0)
ONE = Interval.exact(1.0)
POINTS = set(load("percent")["points"])  # "a drop of 3 points" in a sentence with no "%": points of the percentages


def validate(params: dict) -> str | None:
    unknown = set(params) - {"rounding"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """Each change and comparison the reading found (factcheck.reading.change, .comparison), judged by _compare."""
    for statement in ctx.statements_of("change", "comparison"):
        stated, new, old = (ctx.figure(statement, role) for role in ("stated", "new", "old"))
        direction = statement.fact("direction")
        if stated is not None and statement.fact("percent"):  # a table's "Difference %" column: bare numbers
            stated = dataclasses.replace(stated, kind="percent", unit="%")
        if stated is not None and statement.fact("times"):  # "four times the size of": a count that is a ratio
            stated = dataclasses.replace(stated, kind="multiplier", unit=None)
        amount = ctx.figure(statement, "amount")
        if old is None and new is not None and amount is not None:
            ctx.mark(amount)
            old = _before_move(new, amount, direction)
        if new is None or old is None:
            continue
        ctx.mark(*(f for f in (stated, new, old) if f is not None))
        new, old = _floor(new), _floor(old)
        new, old = _scaled(new, old), _scaled(old, new)
        if direction != (stated or new).attr("direction"):
            # _compare reads the direction on the stated change (else the new value): give it the reading's ("30%
            # lower than", "GM earned $3.7bn, down from $3.8bn": the words of the statement say it)
            if stated is not None:
                stated = _directed(stated, direction)
            else:
                new = _directed(new, direction)
        hit = _compare(stated, new, old)
        if hit is not None and amount is not None and old.id == new.id:  # the worked-out level is no figure
            hit = dataclasses.replace(hit, figures=tuple(f for f in (stated, new, amount) if f is not None))
        if hit is not None:
            yield hit
    yield from _leads(ctx)


def _leads(ctx: CheckContext) -> Iterator[Hit]:
    """A lead or margin against its score (factcheck.reading.score): "a 21-point lead, 54-33" is 54 - 33."""
    for statement in ctx.statements_of("lead"):
        stated = ctx.figure(statement, "stated")
        if stated is None:
            continue
        ctx.mark(stated)
        high, low = (_side(stated, statement.fact(side)) for side in ("high", "low"))
        hit = _compare(_directed(stated, "up"), high, low)
        if hit is not None:
            yield dataclasses.replace(hit, figures=(stated,))


def _side(lead: Figure, points: int) -> Figure:
    """One side of a score as a figure of the lead's series (the score itself is no figure: extraction leaves it
    out as no count)."""
    return dataclasses.replace(lead, value=float(points), interval=Interval.exact(float(points)), surface=str(points),
                               attrs=())


def _before_move(new: Figure, amount: Figure, direction: str | None) -> Figure | None:
    """The level a move started from, as the figure a reader works out: "down 48 cents ... at $22.90" started at
    $23.38 (the closing level less the move, at the precision of both)."""
    if direction not in ("up", "down"):
        return None
    sign = 1.0 if direction == "up" else -1.0
    if amount.value < 0:  # "fell -46.03 points": the minus sign repeats the word
        sign = -sign
    level = interval(new) - interval(amount).scale(sign)
    return dataclasses.replace(new, value=new.value - sign * amount.value, interval=level,
                               surface=show(new.value - sign * amount.value, new.unit))


def _directed(fig: Figure, direction: str | None) -> Figure:
    return dataclasses.replace(fig, attrs=(*((k, v) for k, v in fig.attrs if k != "direction"),
                                           *((("direction", direction),) if direction else ())))


def _compare(change: Figure | None, new: Figure, old: Figure) -> Hit | None:
    move = f"{_as_stated(old)} → {_as_stated(new)}"
    figures = tuple(f for f in (change, new, old) if f is not None)
    primary = change or new
    direction = primary.attr("direction")
    if change is None or change.value is None:
        if judge.contradicts(direction, old, new):
            word, actual = ("fell", "rose") if direction == "down" else ("rose", "fell")
            return Hit(figures, {"stated": f"it {word}", "actual": "a rise" if actual == "rose" else "a fall",
                                 "old": _as_stated(old), "new": _as_stated(new), "why": ""},
                       evidence=f"{move}: the figure {actual}; the text says it {word}")
        return None
    if change.kind == "count" and change.unit is None and change.attr("series") in POINTS \
            and new.unit == old.unit == "%":
        change = dataclasses.replace(change, unit="pp")  # "That was a drop of 3 points", after "from 31% to 29%"
    # "halved" is ×0.5, not ×-0.5; "fell -1.2%" (a minus sign beside the word) is -1.2%, not +1.2%
    sign = -1.0 if direction == "down" and change.kind != "multiplier" and change.value >= 0 else 1.0
    stated, value = interval(change).scale(sign), sign * change.value
    if change.kind == "multiplier":
        relation, label, said = _ratio, "×", f"{_qualifier(change)}×{number(change.value, 15)}"  # "more than ×2"
    elif change.kind == "fraction":  # "fell by a third": a relative change, as a percentage
        stated, value = stated.scale(100.0), value * 100
        relation, label, said = _percent, "%", f"{value:+.3g}% ({change.surface})"
    elif change.unit == "pp":
        relation, label, said = _difference, " percentage points", _signed(value, " percentage points", None, 15)
    elif change.unit == "%":
        relation, label, said = _percent, "%", _signed(value, "%", None, 15)
    elif change.unit == new.unit:
        relation, label, said = _difference, "", ("+" if sign > 0 else "-") + _as_stated(change)
        stated = _round_amount(change, stated)
    else:
        return None
    band = judge.BAND_WORDS if change.kind in ("multiplier", "fraction") else judge.BAND_DIGITS
    reading = judge.read(old, new, relation)
    verdict = judge.change(stated, value, reading, band)
    if verdict == judge.RIGHT:
        return None
    shown = _show_change(reading.extreme, label, new.unit, reading.printed)
    evidence = f"{move} is {shown}; the text says {said}"
    args = {"stated": said, "actual": shown, "old": _as_stated(old), "new": _as_stated(new), "why": ""}
    if change.unit in ("%", "pp") and new.unit == old.unit == "%":
        # two percentages: a stated change has two readings, a difference in points and a change in per cent
        other, other_label = (_difference, " percentage points") if change.unit == "%" else (_percent, "%")
        second = judge.read(old, new, other)
        other_shown = _show_change(second.extreme, other_label, "", second.printed)
        if verdict == judge.WRONG and judge.change(stated, value, second, judge.BAND_DIGITS) != judge.WRONG:
            why, fix = ((f": a difference of {other_shown}, given as a percentage",
                         "Say 'percentage points' for a difference of two percentages.") if change.unit == "%" else
                        (f": a change of {other_shown}, given as percentage points",
                         "Say 'per cent' for a relative change, or give the difference of the two percentages."))
            return Hit(figures, {**args, "why": why}, evidence=f"{evidence}: that is {other_shown}, or {shown}",
                       fix=fix, severity="warning")
        kind = "a difference" if change.unit == "%" else "a relative change"
        evidence = f"{move} is {shown} ({other_shown} as {kind}); the text says {said}"
    if verdict == judge.ROUNDED:
        why = ", which fits only if the figures were rounded"
        if reading.extreme.is_finite():
            why += f": at their stated precision it is {_show_range(reading.extreme, label, new.unit)}"
        return Hit(figures, {**args, "why": why}, evidence=evidence + " (consistent only through rounding)",
                   severity="info")
    return Hit(figures, args, evidence=evidence)


def _scaled(fig: Figure, other: Figure) -> Figure:
    """A sum of money written without the scale word of the value it is compared with ("£109.2 (2022: £100.9m)", a
    results line that left out the "m") in that scale, when that puts the two within a factor of ten: the reader
    takes it so, and the stated change is judged on it."""
    mine, theirs = scale_of(fig), scale_of(other)
    if fig.kind != "money" or other.kind != "money" or fig.unit != other.unit or mine != 1.0 or not theirs \
            or theirs == 1.0 or not 0.1 < abs(fig.value * theirs / other.value) < 10:
        return fig
    return dataclasses.replace(fig, value=fig.value * theirs, interval=interval(fig).scale(theirs))


def _floor(fig: Figure) -> Figure:
    """A precise floor ("more than 28.3m tests": three significant digits or more) is its figure truncated: below
    one unit of its last digit above it (a reporter writes "more than 28.4m" for 28.45m)."""
    step = fig.attr("step")
    iv = interval(fig)
    if not set(fig.qualifiers) & FLOORS or not step or fig.value is None or iv.high != float("inf") \
            or len(_significant(fig.surface)) < 3:
        return fig
    return dataclasses.replace(fig, interval=Interval(iv.low, fig.value + float(step)))


def _significant(surface: str) -> str:
    """The significant digits a figure is written with: "28.3m" -> 283, "5,000" -> 5, "$1.25bn" -> 125."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    if number is None:
        return ""
    text = number.group(0).replace(",", "")
    digits = text.replace(".", "").lstrip("0")
    return digits if "." in text else digits.rstrip("0")


def _round_amount(change: Figure, stated: Interval) -> Interval:
    """A stated amount of two significant digits or fewer written with trailing zeros ("20,000 more people" for
    190,571 against 170,155) is rounded to its second digit: give or take half of that place."""
    digits = str(int(abs(change.value))) if change.value is not None and float(change.value).is_integer() else ""
    if len(digits) < 4 or len(digits.rstrip("0")) > 2 or change.qualifiers or not stated.is_finite():
        return stated
    half = 10.0 ** (len(digits) - 2) / 2
    return Interval(min(stated.low, stated.mid - half), max(stated.high, stated.mid + half))


def _ratio(a: Interval, b: Interval) -> Interval:
    return b / a


def _percent(a: Interval, b: Interval) -> Interval:
    return (b / a - ONE) * HUNDRED


def _difference(a: Interval, b: Interval) -> Interval:
    return b - a


def _as_stated(fig: Figure) -> str:
    """A figure as the text states it: its value, or "more than ..." for an open interval."""
    iv = interval(fig)
    if not iv.is_finite():
        return show_interval(iv, fig.unit)
    step = fig.attr("step")
    if fig.kind == "money" or not step or step >= 1 or fig.value is None:
        return show(fig.value, fig.unit)
    # as many digits as the text gives: "11.28% → 11.26%", not "11.3% → 11.3%"
    return show(fig.value, fig.unit, max(3, len(str(int(abs(fig.value)))) + round(-math.log10(step))))


def _qualifier(fig: Figure) -> str:
    """The words that make a stated multiplier approximate or a bound, as a reader writes them."""
    words = {"approx": "about ", "more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
             "at_most": "at most ", "up_to": "up to "}
    return next((words[q] for q in fig.qualifiers if q in words), "")


def _show_change(iv: Interval, label: str, unit: str | None, point: float) -> str:
    """A change as a reader writes it: the stated values' change, "more than" where the interval is open."""
    text = _signed(point, label, unit)
    if not iv.is_finite():
        text = ("more than " if iv.high == float("inf") else "less than ") + text
    return text


def _show_range(iv: Interval, label: str, unit: str | None) -> str:
    """The changes the figures allow at their stated precision: "+2.2% to +6.7%", "×1.4 to ×3"."""
    return f"{_signed(iv.low, label, unit)} to {_signed(iv.high, label, unit)}"


def _signed(x: float, label: str, unit: str | None, digits: int = 3) -> str:
    """A change with its sign and label, as a reader writes it: "+5.3%", "×2", "+1 percentage point"."""
    if label == "":
        return ("+" if x >= 0 else "-") + show(abs(x), unit, digits)
    text = number(x, digits)
    if label == "×":
        return f"×{text}"
    if label == " percentage points" and text.lstrip("-") == "1":
        label = " percentage point"
    return f"{'+' if x >= 0 else ''}{text}{label}"
