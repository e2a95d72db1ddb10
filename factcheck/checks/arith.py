"""Shared arithmetic for checks: showing numbers as people write them, and comparing intervals."""

from __future__ import annotations

import math
import re

from ..model import Figure, Interval
from ..wording import number, show

__all__ = ["number", "show", "show_interval", "interval", "widen", "scale_of"]


def show_interval(iv: Interval, unit: str | None) -> str:
    if iv.low == iv.high or (iv.is_finite() and abs(iv.high - iv.low) <= 1e-9 * max(1, abs(iv.mid))):
        return show(iv.mid, unit)
    if math.isinf(iv.high) and not math.isinf(iv.low):
        return f"more than {show(iv.low, unit)}"
    if math.isinf(iv.low) and not math.isinf(iv.high):
        return f"less than {show(iv.high, unit)}"
    for digits in range(3, 8):  # enough digits that the two ends read differently: "£3.345m–£3.355m"
        low, high = show(iv.low, unit, digits), show(iv.high, unit, digits)
        if low != high:
            return f"{low}–{high}"
    return show(iv.mid, unit)  # ends too close to tell apart as written: one value


def interval(fig: Figure) -> Interval:
    """A figure's interval, or its exact value when extraction gave none."""
    if fig.interval is not None:
        return fig.interval
    return Interval.exact(fig.value if fig.value is not None else math.nan)


def widen(iv: Interval, relative: float) -> Interval:
    """An interval widened by a relative amount of its size: one more step of rounding."""
    if not iv.is_finite():
        return iv
    pad = max(abs(iv.high - iv.low) / 2, abs(iv.mid) * relative)
    return Interval(iv.low - pad, iv.high + pad)


WRITTEN = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALES = (1e3, 1e6, 1e9, 1e12)


def scale_of(fig: Figure) -> float | None:
    """The scale word's factor a figure is written with ("£100.9m" -> 1e6, "£109.2" -> 1), from its value and the
    digits of its surface; None when they do not tell."""
    m = WRITTEN.search(fig.surface)
    if m is None or fig.value is None:
        return None
    written = float(m.group(0).replace(",", ""))
    if not written:
        return None
    factor = abs(fig.value) / written
    return next((s for s in (1.0, *SCALES) if math.isclose(factor, s, rel_tol=1e-6)), None)
