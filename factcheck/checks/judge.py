"""How an editor judges a stated change against its two figures: right, right only if they were rounded, or wrong."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Figure, Interval
from .arith import interval, widen

# How far a point reading may miss the stated value before it is far, as a share of the stated value: a change
# in digits ("rose 12%", "by £40m") is read closely; a word ("doubled", "halved", "by a third") is itself round.
BAND_DIGITS = 0.1
BAND_WORDS = 0.2
# Qualifiers that make a figure a bound ("more than $5bn"), not a point: it has no typical rounding.
BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most", "up_to"})

RIGHT, ROUNDED, WRONG = "right", "rounded", "wrong"

Relation = Callable[[Interval, Interval], Interval]


@dataclass(frozen=True)
class Reading:
    """The change two figures give: at their printed values, give or take their typical rounding, and at the
    far ends of their stated precision."""

    point: float
    typical: Interval
    extreme: Interval


def read(old: Figure, new: Figure, relation: Relation) -> Reading:
    """The same arithmetic three times: on the printed values, on typical() and on the figures' intervals.
    A bound ("less than €5bn") has no printed value to compute with: its point reading is NaN."""
    point = math.nan
    if _is_point(old) and _is_point(new):
        exact = relation(Interval.exact(old.value), Interval.exact(new.value))
        point = exact.mid if exact.is_finite() else math.nan
    return Reading(point, relation(typical(old), typical(new)), relation(interval(old), interval(new)))


def _is_point(fig: Figure) -> bool:
    return fig.value is not None and interval(fig).is_finite() and not BOUNDS.intersection(fig.qualifiers)


def typical(fig: Figure) -> Interval:
    """A figure give or take its typical rounding error: half way from its value to each end of its stated
    precision (a rounded figure is off by a quarter of its last digit on average, half the most it can be).
    A bound ("more than $5bn") or a figure without a value keeps its interval."""
    iv = interval(fig)
    if not _is_point(fig):
        return iv
    v = fig.value
    return Interval(v - (v - iv.low) / 2, v + (iv.high - v) / 2)


def change(stated: Interval, said: float, reading: Reading, band: float) -> str:
    """RIGHT when the point reading is within the stated change's precision ("5%" for 4.7%); WRONG when it is far
    from it (the figures off by their typical rounding cannot give the stated change, and the point reading is
    outside the stated change widened by `band` of its value: "tripled" for $2m -> $4m), or when not even one
    more step of rounding reconciles them; otherwise ROUNDED: consistent only if the figures were rounded.
    Without a point reading (a figure is a bound) the intervals alone decide: overlapping ones are RIGHT."""
    actual = reading.extreme
    if math.isnan(reading.point):
        if actual.overlaps(stated):
            return RIGHT
    elif stated.contains(reading.point):
        return RIGHT
    else:
        pad = band * abs(said)
        near = Interval(stated.low - pad, stated.high + pad).contains(reading.point)
        if not near and not stated.overlaps(reading.typical):
            return WRONG
    if actual.overlaps(stated) or actual.overlaps(widen(stated, 0.0)) or widen(actual, 0.0).overlaps(stated):
        return ROUNDED
    return WRONG


def contradicts(direction: str | None, old: Figure, new: Figure) -> bool:
    """The figures move against the direction word: by their printed values when both are points
    ("dropped to $5bn from $4bn"), by their whole intervals when one is a bound."""
    if direction not in ("up", "down"):
        return False
    if _is_point(old) and _is_point(new):
        rise = new.value - old.value
    else:
        a, b = interval(old), interval(new)
        rise = 1.0 if b.low > a.high else -1.0 if b.high < a.low else 0.0
    return rise < 0 if direction == "up" else rise > 0
