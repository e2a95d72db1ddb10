"""Stated changes and comparisons: a percentage, an amount, a multiplier or a direction word against old and new."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, show, show_interval, widen

HUNDRED = Interval.exact(100.0)
ONE = Interval.exact(1.0)


def validate(params: dict) -> str | None:
    unknown = set(params) - {"rounding"}
    return f"unknown parameter(s): {', '.join(sorted(unknown))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """Each change and comparison the reading found (factcheck.reading.change, .comparison), judged by _compare."""
    for statement in ctx.statements_of("change", "comparison"):
        stated, new, old = (ctx.figure(statement, role) for role in ("stated", "new", "old"))
        if new is None or old is None:
            continue
        ctx.mark(*(f for f in (stated, new, old) if f is not None))
        direction = statement.fact("direction")
        if direction != (stated or new).attr("direction"):
            # _compare reads the direction on the stated change (else the new value): give it the reading's ("30%
            # lower than", "GM earned $3.7bn, down from $3.8bn": the words of the statement say it)
            if stated is not None:
                stated = _directed(stated, direction)
            else:
                new = _directed(new, direction)
        hit = _compare(stated, new, old)
        if hit is not None:
            yield hit


def _directed(fig: Figure, direction: str | None) -> Figure:
    return dataclasses.replace(fig, attrs=(*((k, v) for k, v in fig.attrs if k != "direction"),
                                           *((("direction", direction),) if direction else ())))


def _compare(change: Figure | None, new: Figure, old: Figure) -> Hit | None:
    a, b = interval(old), interval(new)
    move = f"{_as_stated(old)} → {_as_stated(new)}"
    figures = tuple(f for f in (change, new, old) if f is not None)
    primary = change or new
    direction = primary.attr("direction")
    if change is None or change.value is None:
        if direction == "down" and b.low > a.high or direction == "up" and b.high < a.low:
            word = "fell" if direction == "down" else "rose"
            return Hit(figures, {"stated": word, "actual": "rose" if word == "fell" else "fell",
                                 "old": _as_stated(old), "new": _as_stated(new)},
                       evidence=f"{move}: the figure {'rose' if word == 'fell' else 'fell'}; the text says it {word}")
        return None
    sign = -1.0 if direction == "down" and change.kind != "multiplier" else 1.0  # "halved" is ×0.5, not ×-0.5
    stated = interval(change).scale(sign)
    point = _point(old, new)
    if change.kind == "multiplier":
        actual, label, point = b / a, "×", point / 100 + 1
        said = f"×{change.value:g}"
    elif change.kind == "fraction":  # "fell by a third": a relative change, as a percentage
        stated = stated.scale(100.0)
        actual, label = (b / a - ONE) * HUNDRED, "%"
        said = f"{sign * change.value * 100:+.3g}% ({change.surface})"
    elif change.unit == "pp":
        actual, label, point = b - a, " percentage points", new.value - old.value
        said = f"{sign * change.value:+g} percentage points"
    elif change.unit == "%":
        actual, label = (b / a - ONE) * HUNDRED, "%"
        said = f"{sign * change.value:+g}%"
    elif change.unit == new.unit:
        actual, label, point = b - a, "", new.value - old.value
        said = ("+" if sign > 0 else "-") + _as_stated(change)
    else:
        return None
    if actual.overlaps(stated):
        return None
    shown = _show_change(actual, label, new.unit, point)
    evidence = f"{move} is {shown}; the text says {said}"
    args = {"stated": said, "actual": shown, "old": _as_stated(old), "new": _as_stated(new)}
    if change.unit == "%" and new.unit == "%":
        points = b - a
        if points.overlaps(stated):
            pp = _show_change(points, " percentage points", "", new.value - old.value)
            return Hit(figures, args, evidence=f"{evidence}: that is {pp}, "
                                                 f"or {shown}", fix="Say 'percentage points' for a difference of two "
                                                                    "percentages.", severity="warning")
    if actual.overlaps(widen(stated, 0.0), 0.0) or widen(actual, 0.0).overlaps(stated):
        return Hit(figures, args, evidence=evidence + " (consistent only through rounding)", severity="info")
    return Hit(figures, args, evidence=evidence)


def _as_stated(fig: Figure) -> str:
    """A figure as the text states it: its value, or "more than ..." for an open interval."""
    iv = interval(fig)
    return show_interval(iv, fig.unit) if not iv.is_finite() else show(fig.value, fig.unit)


def _point(old: Figure, new: Figure) -> float:
    """The relative change in percent between the two stated values."""
    return (new.value / old.value - 1) * 100 if old.value else float("nan")


def _show_change(iv: Interval, label: str, unit: str | None, point: float) -> str:
    """A change as a reader writes it: the stated values' change, "more than" where the interval is open."""
    from .arith import number

    if label == "":
        text = ("+" if point >= 0 else "-") + show(abs(point), unit)
    else:
        text = f"{'+' if point >= 0 and label != '×' else ''}{number(point)}"
    if not iv.is_finite():
        text = ("more than " if iv.high == float("inf") else "less than ") + text
    return f"×{text}" if label == "×" else f"{text}{label}"
