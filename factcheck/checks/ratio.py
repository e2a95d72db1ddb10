"""Derived figures: a share, a fraction or a per-unit figure that does not follow from the figures it restates."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("share", "fraction", "per-unit")


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: expected one of {', '.join(TESTS)}"
    unknown = set(params) - {"test"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    test = rule.params["test"]
    if test == "per-unit":
        yield from _per_unit(ctx)
        return
    for share, whole, amount in _share_triples(ctx):
        if (share.kind == "fraction") != (test == "fraction"):
            continue
        hit = _compare_share(ctx, share, whole, amount)
        if hit is not None:
            yield hit


def as_share(fig: Figure) -> Interval:
    """A percentage or fraction as a share of one: '25%' and 'a quarter' are both 0.25."""
    iv = interval(fig)
    return iv.scale(0.01) if fig.unit == "%" else iv


def _share_triples(ctx: CheckContext) -> Iterator[tuple[Figure, Figure, Figure]]:
    """(share, whole, amount) of each share statement that restates its share as an amount (or back)."""
    for statement in ctx.statements_of("share"):
        share, whole, amount = (ctx.figure(statement, role) for role in ("share", "whole", "amount"))
        if share is not None and whole is not None and amount is not None:
            yield share, whole, amount


def _compare_share(ctx: CheckContext, share: Figure, whole: Figure, amount: Figure) -> Hit | None:
    ctx.mark(share, whole, amount)
    s, w, a = as_share(share), interval(whole), interval(amount)
    if not (w.is_finite() and w.low > 0):
        return None
    expected = s * w
    if expected.overlaps(a):
        return None
    unit = whole.unit
    shown_share = show(100 * amount.value / whole.value, "%")
    evidence = (f"{share.surface.strip()} ({show_interval(s.scale(100), '%')}) × {show(whole.value, unit)} = "
                f"{show_interval(expected, unit)}; the text says {show(amount.value, unit)}, "
                f"{shown_share} of {show(whole.value, unit)}")
    args = {"share": share.surface.strip(), "whole": whole.surface.strip(), "amount": amount.surface.strip(),
            "expected": show(expected.mid, unit) if expected.is_finite() else show_interval(expected, unit),
            "actual": shown_share}
    figures = (amount, share, whole) if share.span.start < amount.span.start else (share, amount, whole)
    fix = f"{share.surface.strip()} of {show(whole.value, unit)} is about {show(expected.mid, unit)}; " \
          f"{show(amount.value, unit)} is {shown_share}." if expected.is_finite() else None
    grown = Interval(expected.low - _step(amount), expected.high + _step(amount))
    if grown.overlaps(a):
        return Hit(figures, args, evidence + " (consistent only through rounding)", fix, "info")
    return Hit(figures, args, evidence, fix)


def _step(fig: Figure) -> float:
    step = fig.attr("step")
    if step:
        return float(step)
    iv = interval(fig)
    return (iv.high - iv.low) if iv.is_finite() else 0.0


def _per_unit(ctx: CheckContext) -> Iterator[Hit]:
    """'$6bn from 30 million users, or $300 per user': the rate against the total over the count."""
    for statement in ctx.statements_of("per_unit"):
        rate, total, count = (ctx.figure(statement, role) for role in ("rate", "total", "count"))
        if rate is None or total is None or count is None:
            continue
        per = statement.fact("per")
        ctx.mark(rate, total, count)
        t, c, r = interval(total), interval(count), interval(rate)
        if not (c.is_finite() and c.low > 0):
            continue
        expected = t / c
        if expected.overlaps(r):
            continue
        unit = rate.unit
        evidence = (f"{show(total.value, unit)} / {number(count.value)} = {show(total.value / count.value, unit)} "
                    f"per {per}; the text says {show(rate.value, unit)}")
        args = {"rate": rate.surface.strip(), "total": total.surface.strip(), "count": count.surface.strip(),
                "expected": show(expected.mid, unit), "per": per}
        grown = Interval(expected.low - _step(rate), expected.high + _step(rate))
        severity = "info" if grown.overlaps(r) else None
        yield Hit((rate, total, count), args, evidence + (" (consistent only through rounding)" if severity else ""),
                  f"{total.surface.strip()} / {count.surface.strip()} is about {show(expected.mid, unit)} per {per}.",
                  severity)
