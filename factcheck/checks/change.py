"""Stated changes: a percentage, an amount, a multiplier or a direction word against the two figures it links."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, show, show_interval, widen

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
