"""Derived figures: a share, a fraction or a per-unit figure that does not follow from the figures it restates."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("share", "fraction", "per-unit")
SHARE_KINDS = ("percent", "fraction")
AMOUNT_KINDS = ("count", "money", "quantity")


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
    """(share, whole, amount) from the extractor's attrs: a share (or a count) links to its whole ("a quarter of
    the 800 staff", "320 of the 800 staff"), and the figure restating it has converts ("or 320 people", "(40%)")."""
    for fig in ctx.figures:
        if fig.value is None or fig.attr("role") == "change":
            continue
        whole = ctx.by_id(fig.attr("link"))
        if whole is None or whole.value is None or whole.kind not in AMOUNT_KINDS or whole.attr("role") == "change":
            continue
        later = [f for f in ctx.in_sentence(fig.sentence) if f.span.start > whole.span.end and f.value is not None]
        if not later:
            continue
        restated = later[0]
        if restated.attr("converts") not in (fig.id, whole.id):
            continue
        if fig.kind in SHARE_KINDS and restated.kind in AMOUNT_KINDS and restated.unit == whole.unit:
            yield fig, whole, restated
        elif fig.kind in AMOUNT_KINDS and restated.kind in SHARE_KINDS and fig.unit == whole.unit:
            yield restated, whole, fig


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
    for rate in ctx.figures:
        per = rate.attr("per")
        if not per or rate.value is None or rate.kind not in ("money", "quantity", "count"):
            continue
        sentence = [f for f in ctx.in_sentence(rate.sentence) if f.span.start < rate.span.start and f.value is not None]
        totals = [f for f in sentence if f.kind == rate.kind and f.unit == rate.unit and f.attr("role") != "change"]
        counts = [f for f in sentence if f.kind == "count" and f not in totals]
        if not totals or not counts:
            continue
        total, count = totals[-1], counts[-1]
        if rate.attr("converts") not in (total.id, count.id):
            continue
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
