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
    """The change two figures give: on their printed values, give or take their typical rounding, and at the
    far ends of their stated precision. A bound ("less than €5bn") gives no point reading to judge by."""

    printed: float
    typical: Interval
    extreme: Interval
    bound: bool = False

    @property
    def point(self) -> float:
        return math.nan if self.bound else self.printed


def read(old: Figure, new: Figure, relation: Relation) -> Reading:
    """The same arithmetic three times: on the printed values, on typical() and on the figures' intervals."""
    printed = math.nan
    if old.value is not None and new.value is not None:
        exact = relation(Interval.exact(old.value), Interval.exact(new.value))
        printed = exact.mid if exact.is_finite() else math.nan
    step = _finer_step(old, new)
    return Reading(printed, relation(typical(old, step), typical(new, step)), relation(interval(old), interval(new)),
                   bound=not (_is_point(old) and _is_point(new)))


def _finer_step(old: Figure, new: Figure) -> float | None:
    """The finer of two compared figures' precisions, when they share a unit: "$1bn" beside "$1.2bn" is written
    as the text writes "$1.0bn" (trailing zeros dropped), so its typical rounding is the finer figure's."""
    if old.unit != new.unit or not (_is_point(old) and _is_point(new)):
        return None
    widths = [w for w in (interval(old).high - interval(old).low, interval(new).high - interval(new).low) if w > 0]
    return min(widths) if widths else None


def _is_point(fig: Figure) -> bool:
    return fig.value is not None and interval(fig).is_finite() and not BOUNDS.intersection(fig.qualifiers)


def typical(fig: Figure, step: float | None = None) -> Interval:
    """A figure give or take its typical rounding error: half way from its value to each end of its stated
    precision (a rounded figure is off by a quarter of its last digit on average, half the most it can be), or of
    `step` when the figure it is compared with is written more finely. A bound ("more than $5bn") or a figure
    without a value keeps its interval."""
    iv = interval(fig)
    if not _is_point(fig):
        return iv
    v = fig.value
    if step is not None and step < iv.high - iv.low:
        return Interval(v - step / 4, v + step / 4)
    return Interval(v - (v - iv.low) / 2, v + (iv.high - v) / 2)


def change(stated: Interval, said: float, reading: Reading, band: float) -> str:
    """The verdict on a stated change (its interval and value) against the figures' reading. The point reading is
    near when it is within `band` of the stated value (a gap of the size rounding makes) or within its interval.
    RIGHT: the point reading is within the stated precision ("5%" for 4.7%), or near and the figures' intervals
    reconcile it ("20%" for $4.2bn -> $5bn, +19%). WRONG when far: not near, and the figures off by their
    typical rounding cannot give it ("tripled" for $2m -> $4m), or when nothing below reconciles it.
    ROUNDED: the figures' intervals, or one more step of rounding, reconcile it ("5%" for $4.5bn -> $4.7bn).
    Without a point reading (a figure is a bound) the intervals alone decide: overlapping ones are RIGHT."""
    actual = reading.extreme
    fits = actual.overlaps(stated)
    if math.isnan(reading.point):
        if fits:
            return RIGHT
    elif stated.contains(reading.point):
        return RIGHT
    else:
        near = abs(reading.point - said) <= band * abs(said)
        if near and fits:
            return RIGHT
        if not near and not _share_inside(stated, reading.typical):
            return WRONG
    if fits or actual.overlaps(widen(stated, 0.0)) or widen(actual, 0.0).overlaps(stated):
        return ROUNDED
    return WRONG


def _share_inside(a: Interval, b: Interval) -> bool:
    """Two intervals share more than an end: "2 points" (1.5 to 2.5) does not reach 4% -> 7% off by typical
    rounding (2.5 to 3.5), which needs each figure at its far end at once."""
    return a.low < b.high and b.low < a.high


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
