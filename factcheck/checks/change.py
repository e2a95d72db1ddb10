"""Stated changes: a percentage, an amount, a multiplier or a direction word against the two figures it links."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit, judge
from .arith import interval, number, show, show_interval

HUNDRED = Interval.exact(100.0)
ONE = Interval.exact(1.0)


def validate(params: dict) -> str | None:
    unknown = set(params) - {"rounding"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def _comparable(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.value is not None and b.value is not None


def _linked(ctx: CheckContext, change: Figure, role: str) -> Figure | None:
    """The figure with this role tied to the change: by link, else the nearest in the sentence."""
    sentence = [f for f in ctx.in_sentence(change.sentence) if f.id != change.id]
    tied = [f for f in sentence if f.attr("role") == role and f.attr("link") == change.id]
    if tied:
        return tied[0]
    loose = [f for f in sentence if f.attr("role") == role and f.attr("link") in (None, change.id)]
    return min(loose, key=lambda f: abs(f.span.start - change.span.start), default=None)


def _older(ctx: CheckContext, new: Figure, exclude: set[str]) -> Figure | None:
    """The nearest other figure of the same series in the sentence, when it is dated before the new one."""
    near = [f for f in ctx.in_sentence(new.sentence) if f.id not in exclude and f.id != new.id
            and _comparable(f, new) and f.attr("role") != "change"]
    if not near:
        return None
    # "3.6% in 2004, slipping to 2.9% next year before recovering to 3.1% in 2006": 2.9% (undated), not 3.6%
    fig = min(near, key=lambda f: abs(f.span.start - new.span.start))
    return fig if fig.anchor and new.anchor and fig.anchor < new.anchor else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    for fig in ctx.figures:
        stated_change = fig.attr("role") == "change" or fig.kind == "multiplier"
        if stated_change:
            new = _linked(ctx, fig, "new")
        elif fig.attr("role") == "new" and fig.attr("direction"):
            if any(f.attr("role") == "change" for f in ctx.in_sentence(fig.sentence)):
                continue  # the stated change speaks for this statement
            new = fig  # "sales fell to $5bn from $6bn": a direction word and two figures
        else:
            continue
        if new is None:
            continue
        old = _linked(ctx, fig, "old") if stated_change else _linked(ctx, new, "old")
        old = old if old is not None and _comparable(old, new) else _older(ctx, new, {fig.id, new.id})
        if old is None or not _comparable(old, new):
            continue
        ctx.mark(fig, new, old)
        hit = _compare(fig if stated_change else None, new, old)
        if hit is not None:
            yield hit


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
    sign = -1.0 if direction == "down" and change.kind != "multiplier" else 1.0  # "halved" is ×0.5, not ×-0.5
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
    if verdict == judge.WRONG and change.unit == "%" and new.unit == "%":
        points = judge.read(old, new, _difference)
        if judge.change(stated, value, points, judge.BAND_DIGITS) != judge.WRONG:
            pp = _show_change(points.extreme, " percentage points", "", points.printed)
            return Hit(figures, {**args, "why": f": a difference of {pp}, given as a percentage"},
                       evidence=f"{evidence}: that is {pp}, or {shown}",
                       fix="Say 'percentage points' for a difference of two percentages.", severity="warning")
    if verdict == judge.ROUNDED:
        why = ", which fits only if the figures were rounded"
        if reading.extreme.is_finite():
            why += f": at their stated precision it is {_show_range(reading.extreme, label, new.unit)}"
        return Hit(figures, {**args, "why": why}, evidence=evidence + " (consistent only through rounding)",
                   severity="info")
    return Hit(figures, args, evidence=evidence)


def _ratio(a: Interval, b: Interval) -> Interval:
    return b / a


def _percent(a: Interval, b: Interval) -> Interval:
    return (b / a - ONE) * HUNDRED


def _difference(a: Interval, b: Interval) -> Interval:
    return b - a


def _as_stated(fig: Figure) -> str:
    """A figure as the text states it: its value, or "more than ..." for an open interval."""
    iv = interval(fig)
    return show_interval(iv, fig.unit) if not iv.is_finite() else show(fig.value, fig.unit)


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
