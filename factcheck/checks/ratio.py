"""Derived figures: a share, a fraction or a per-unit figure that does not follow from the figures it restates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("share", "fraction", "per-unit")
OF_THE = re.compile(r"^\s*(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+|a\s+total\s+of\s+)?$", re.I)
RESTATES = re.compile(r"^(?:\s*[A-Za-z'-]+){0,3}\s*(?:[(\[]|[,;:–—-]\s*(?:or|that\s+is|i\.e\.,?|equivalent\s+to)|"
                      r"\bor)\s*(?:(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under|more\s+than|"
                      r"less\s+than|over|under)\s+)*$", re.I)
PER = re.compile(r"^\s*(?:per|a|an|each|for\s+each|for\s+every)\s+([a-z]+)", re.I)
SHARE_KINDS = ("percent", "fraction")
AMOUNT_KINDS = ("count", "money", "quantity")


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: {params.get('test')!r} is not one of {', '.join(TESTS)}"
    unknown = set(params) - {"test"}
    return f"unknown parameter(s): {', '.join(sorted(unknown))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    test = rule.params["test"]
    text = ctx.doc.text if ctx.doc is not None else ""
    if test == "per-unit":
        yield from _per_unit(ctx, text)
        return
    for share, whole, amount in _share_triples(ctx, text):
        if (share.kind == "fraction") != (test == "fraction"):
            continue
        hit = _compare_share(ctx, share, whole, amount)
        if hit is not None:
            yield hit


def as_share(fig: Figure) -> Interval:
    """A percentage or fraction as a share of one: '25%' and 'a quarter' are both 0.25."""
    iv = interval(fig)
    return iv.scale(0.01) if fig.unit == "%" else iv


def _restates(ctx: CheckContext, text: str, fig: Figure, earlier: Figure) -> bool:
    if fig.attr("converts") == earlier.id:
        return True
    if any(f.attr("converts") for f in ctx.figures):
        return False  # the extractor says what restates what
    return bool(text) and bool(RESTATES.match(text[earlier.span.end: fig.span.start]))


def _whole_after(ctx: CheckContext, text: str, fig: Figure) -> Figure | None:
    linked = ctx.by_id(fig.attr("link"))
    if linked is not None and linked.kind in AMOUNT_KINDS and linked.attr("role") != "change":
        return linked
    for other in ctx.in_sentence(fig.sentence):
        if other.span.start > fig.span.end and other.kind in AMOUNT_KINDS:
            return other if OF_THE.match(text[fig.span.end: other.span.start]) else None
    return None


def _share_triples(ctx: CheckContext, text: str) -> Iterator[tuple[Figure, Figure, Figure]]:
    """(share, whole, amount): 'a quarter of the 800 staff, or 320' and '320 of the 800 staff (40%)'."""
    for fig in ctx.figures:
        if fig.value is None or fig.attr("role") == "change":
            continue
        whole = _whole_after(ctx, text, fig)
        if whole is None or whole.value is None:
            continue
        later = [f for f in ctx.in_sentence(fig.sentence) if f.span.start > whole.span.end and f.value is not None]
        if not later:
            continue
        restated = later[0]
        if not _restates(ctx, text, restated, whole) and restated.attr("converts") != fig.id:
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


def _per_unit(ctx: CheckContext, text: str) -> Iterator[Hit]:
    """'$6bn from 30 million users, or $300 per user': the rate against the total over the count."""
    for rate in ctx.figures:
        per = rate.attr("per") or (PER.match(text[rate.span.end: rate.span.end + 30]) or [None, None])[1]
        if not per or rate.value is None or rate.kind not in ("money", "quantity", "count"):
            continue
        sentence = [f for f in ctx.in_sentence(rate.sentence) if f.span.start < rate.span.start and f.value is not None]
        totals = [f for f in sentence if f.kind == rate.kind and f.unit == rate.unit and f.attr("role") != "change"]
        counts = [f for f in sentence if f.kind == "count" and f not in totals]
        if not totals or not counts:
            continue
        total, count = totals[-1], counts[-1]
        if not (rate.attr("converts") in (total.id, count.id) or _restates(ctx, text, rate, count)):
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
