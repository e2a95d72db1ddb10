"""Shared arithmetic for checks: showing numbers as people write them, and comparing intervals."""

from __future__ import annotations

import math

from ..model import Figure, Interval

SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}


def number(x: float, digits: int = 3) -> str:
    """A number rounded to a few significant digits, without a trailing '.0'."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    places = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    text = f"{x:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def show(x: float, unit: str | None, digits: int = 3) -> str:
    """A value with its unit as a reader would write it: '$190bn', '5.3%', '1.5pp', '12 km'."""
    if unit == "%":
        return f"{number(x, digits)}%"
    if unit == "pp":
        return f"{number(x, digits)} percentage points"
    if unit and len(unit) == 3 and unit.isupper():  # ISO currency
        for size, suffix in SCALES:
            if abs(x) >= size:
                body = f"{number(x / size, digits)}{suffix}"
                break
        else:
            body = number(x, digits)
        symbol = SYMBOLS.get(unit)
        return f"{symbol}{body}" if symbol else f"{unit} {body}"
    return f"{number(x, digits)} {unit.replace('_', ' ')}" if unit else number(x, digits)


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
            break
    return f"{low}–{high}"


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
