"""Totals: the breakdowns the reading found whose parts do not add up to the total, or whose shares miss 100%."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("parts", "shares")
HEDGED_SHARE = 1.5  # points either side of a hedged share ("about 52%"): a rounded share, not a guess
ROUNDED_PARTS = 4  # most rounded parts whose sum a whole unit off their total is read as an error
LOOSE = {"approx", "more_than", "at_least", "less_than", "at_most", "up_to"}  # qualifiers that widen a count


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: expected one of {', '.join(TESTS)}"
    min_parts = params.get("min_parts", 2)
    if not isinstance(min_parts, int) or isinstance(min_parts, bool) or min_parts < 2:
        return "min_parts: expected a whole number of at least 2"
    unknown = set(params) - {"test", "min_parts"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    shares = rule.params["test"] == "shares"
    min_parts = int(rule.params.get("min_parts", 2))
    for statement in ctx.statements_of("breakdown"):
        total, parts = ctx.figure(statement, "total"), [_as_percent(p) for p in ctx.figures_of(statement, "parts")]
        # shares of a whole sum to 100%; percentages with a stated total ("a rise of 4.99% is made up of 2.99% and
        # 2%") are parts of it
        is_share = all(p.unit == "%" for p in parts) and total is None
        if is_share != shares or len(parts) < min_parts:
            continue
        if (total is None and not shares) or not statement.fact("exclusive", True):
            continue  # parts that may overlap ("60% use Facebook, 40% use Instagram") need not sum to anything
        # a tally "at least 148" broken down into "at least 117" and 31 counts what is confirmed so far: its figures
        # add up as stated
        tally = total is not None and "at_least" in total.qualifiers
        whole = _counted(total, tally) if total is not None else Interval.exact(100.0)
        rounding_noted = any(p.attr("rounding_noted") for p in parts)  # "do not add up because of rounding"
        hit = _compare(ctx, total, parts, whole, bool(statement.fact("complete")), rounding_noted,
                       statement.fact("unit"), tally, not statement.fact("complete_by_closeness"))
        if hit is not None:
            yield hit


def _compare(ctx: CheckContext, total: Figure | None, parts: list[Figure], whole: Interval, complete: bool,
             rounding_noted: bool, counted: str | None = None, tally: bool = False,
             whole_said: bool = False) -> Hit | None:
    unit = counted or parts[0].unit
    ctx.mark(*parts, *([total] if total is not None else []))
    summed = Interval(0.0, 0.0)
    for part in parts:
        summed = summed + _counted(part, tally)
    exact = sum(p.value for p in parts)
    if not complete and summed.high < whole.low:
        return None  # an incomplete list may leave a remainder; it may never exceed its total
    digits = _digits(exact, parts)
    if whole.contains(exact) or (summed.overlaps(whole) and rounding_noted) or _written_equal(exact, whole, digits):
        return None
    terms = " + ".join(show(p.value, unit, digits) if _symbolic(unit) else number(p.value, digits) for p in parts)
    stated = show_interval(whole, unit) if total is not None else "100%"
    evidence = f"{terms} = {show(exact, unit, digits)}; the {'text says' if total else 'whole is'} {stated}"
    figures = tuple(parts) + ((total,) if total is not None else ())
    said = show(total.value, unit, digits) if total is not None and total.value is not None else stated
    args = {"parts": show(exact, unit, digits), "total": said, "count": len(parts)}
    if summed.overlaps(whole) and not ((complete and whole_said or exact > whole.high)
                                       and _unit_apart(total, parts, exact)):
        return Hit(figures, args, evidence + " (consistent only through rounding)", severity="info",
                   fix="Say that the figures do not add up because of rounding.")
    gap = whole.mid - exact
    fix = (f"Correct one of the figures, or name the remainder of {show(abs(gap), unit)}." if gap > 0
           else f"The parts exceed the total by {show(abs(gap), unit)}: correct one of the figures.")
    return Hit(figures, args, evidence, fix)


def _unit_apart(total: Figure | None, parts: list[Figure], exact: float) -> bool:
    """A stated total of amounts that the parts, as written, miss by a whole unit of their precision or more ("£12m"
    made up of "£5m, £4m and £2m", when the words say the parts are all of it or the parts exceed it): rounding
    reaches that only if every figure was rounded the same way, at most
    ROUNDED_PARTS parts (for three such parts and the total, about 1 chance in 40); not for shares (a poll's answers
    often make 101%), hedged figures or totals written coarser than their parts."""
    if total is None or total.value is None or total.unit == "%" or len(parts) > ROUNDED_PARTS \
            or any(set(f.qualifiers) & LOOSE for f in (total, *parts)):
        return False
    step = max(_step(p) for p in parts)
    return 0 < step and _step(total) <= step and abs(total.value - exact) >= step - 1e-9 * abs(exact)


def _as_percent(fig: Figure) -> Figure:
    """A fraction word among shares ("Half said yes, 38% said no") as the percentage it is: 50%."""
    if fig.kind != "fraction" or fig.value is None:
        return fig
    iv = interval(fig).scale(100)
    return dataclasses.replace(fig, kind="percent", unit="%", value=fig.value * 100, interval=iv,
                               attrs=tuple((k, v * 100 if k == "step" and v else v) for k, v in fig.attrs))


def _digits(exact: float, parts: list[Figure]) -> int:
    """Significant digits that show a sum at its parts' precision ("100.1%" for 41.1 + 30.4 + 28.6)."""
    steps = [s for s in (_step(p) for p in parts) if 0 < s < 1]
    decimals = max((round(-math.log10(s)) for s in steps), default=0)
    return max(3, len(str(int(abs(exact)))) + decimals)


def _written_equal(exact: float, whole: Interval, digits: int) -> bool:
    """True when the sum, written at its parts' precision, reads as the stated whole: no gap an editor could see."""
    return whole.low == whole.high and number(exact, digits) == number(whole.low, digits)


def hedged_share(fig: Figure) -> Interval | None:
    """A hedged percentage among shares ("About 52% said yes, 39% said no and 14% did not know") as a reporter means
    it: a share rounded to within HEDGED_SHARE points, not the hedge's tenth of itself (46% to 58%)."""
    if fig.unit != "%" or "approx" not in fig.qualifiers or fig.value is None:
        return None
    pad = max(HEDGED_SHARE, _step(fig))
    return Interval(fig.value - pad, fig.value + pad)


def _counted(fig: Figure, tally: bool = False) -> Interval:
    """A figure's interval; a count stated to the unit ("24 seats") is exact: a whole number has no rounding below
    one, so four such parts cannot reach a total two away "through rounding"; "about 1,500" keeps its width, and
    "at least 117" does too unless it is a part of a tally ("at least 148 dead")."""
    if (share := hedged_share(fig)) is not None:
        return share
    loose = LOOSE - {"at_least"} if tally else LOOSE
    if (fig.kind == "count" and fig.value is not None and float(fig.value).is_integer() and 0 < _step(fig) <= 1
            and not set(fig.qualifiers) & loose):
        return Interval.exact(fig.value)
    return interval(fig)


def _step(fig: Figure) -> float:
    step = fig.attr("step")
    if step:
        return float(step)
    iv = interval(fig)
    return (iv.high - iv.low) if iv.is_finite() and iv.high > iv.low else 0.0


def _symbolic(unit: str | None) -> bool:
    """True for units written beside each number ('45%', '$3bn'); counts show their unit once, at the sum."""
    return unit == "%" or bool(unit and len(unit) == 3 and unit.isupper())
