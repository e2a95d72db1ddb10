"""Derived figures: a share, a fraction or a per-unit figure that does not follow from the figures it restates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Interval, Rule, Span, Statement
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval
from .total import hedged_share

TESTS = ("share", "fraction", "per-unit", "vague-count")


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
    if test in ("fraction", "vague-count"):  # a vague share word is a fraction; a vague count word has its own test
        yield from _vague(ctx, "share" if test == "fraction" else "count")
        if test == "vague-count":
            return
    for statement, share, whole, amount in _share_triples(ctx):
        # a fraction word ("almost a third") or a ratio of two counts ("two in five") is the fraction test's
        if (share.kind == "fraction" or bool(statement.fact("word"))) != (test == "fraction"):
            continue
        hit = _compare_share(ctx, statement, share, whole, amount)
        if hit is not None:
            yield hit


def as_share(fig: Figure) -> Interval:
    """A percentage or fraction as a share of one: '25%' and 'a quarter' are both 0.25; a hedged percentage ("about
    58%") to within a few points (factcheck.checks.total.hedged_share)."""
    iv = hedged_share(fig) or interval(fig)
    return iv.scale(0.01) if fig.unit == "%" else iv


def _share_triples(ctx: CheckContext) -> Iterator[tuple[Statement, Figure, Figure, Figure]]:
    """(statement, share, whole, amount) of each share statement that restates its share as an amount (or back)."""
    for statement in ctx.statements_of("share"):
        share, whole, amount = (ctx.figure(statement, role) for role in ("share", "whole", "amount"))
        if share is not None and whole is not None and amount is not None:
            if statement.fact("of"):  # "85 out of 340, or 25%": the part and the whole in one fraction figure,
                of, part = statement.fact("of"), statement.fact("part")  # the part as hedged as the figure
                whole, amount = (dataclasses.replace(whole, kind="count", value=v, interval=iv, surface=number(v),
                                                     attrs=(("step", 1.0),))
                                 for v, iv in ((of, Interval.exact(of)), (part, interval(whole).scale(of))))
            yield statement, share, whole, amount


def _compare_share(ctx: CheckContext, statement: Statement, share: Figure, whole: Figure, amount: Figure) -> Hit | None:
    ctx.mark(share, whole, amount)
    s, w, a = as_share(share), interval(whole), interval(amount)
    if statement.fact("below"):  # "nearly 900": no more than 900
        a = Interval(a.low, amount.value + _step(amount) / 2 if amount.attr("step") else amount.value)
    if statement.fact("word"):  # a fraction word of the vague table: the range it allows ("almost a third")
        s = Interval(statement.fact("low"), statement.fact("high"))
        share = dataclasses.replace(share, surface=statement.fact("word"))
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
    named = re.sub(r"-[a-z]+$", "", whole.surface.strip())  # "the 480-member union": 480
    args = {"share": share.surface.strip(), "whole": named, "amount": amount.surface.strip(),
            "expected": _about(share, expected, unit),
            "actual": shown_share}
    figures = (amount, share, whole) if share.span.start < amount.span.start else (share, amount, whole)
    fix = f"{share.surface.strip()} of {show(whole.value, unit)} is about {show(expected.mid, unit)}; " \
          f"{show(amount.value, unit)} is {shown_share}." if expected.is_finite() else None
    grown = Interval(expected.low - _step(amount), expected.high + _step(amount))
    if grown.overlaps(a):
        return Hit(figures, args, evidence + " (consistent only through rounding)", fix, "info")
    return Hit(figures, args, evidence, fix)


def _vague(ctx: CheckContext, scale: str) -> Iterator[Hit]:
    """A vague quantity word (factcheck.reading.vague) against the figure restating it or the parts of its whole:
    "Dozens of tenants, around 4,300 households"; "A majority of drivers" when 720 of 1,600 were against."""
    for statement in ctx.statements_of("vague"):
        if statement.fact("scale") != scale:
            continue
        amount, whole = ctx.figure(statement, "amount"), ctx.figure(statement, "whole")
        said = [amount] if amount is not None else ctx.figures_of(statement, "parts")
        if not said or (amount is None and whole is None):
            continue
        low, high = statement.fact("low"), statement.fact("high")
        ctx.mark(*said, *((whole,) if whole is not None else ()))
        read = [_vague_value(fig, whole, scale) for fig in said]
        if any(iv is None or (iv.low <= high and iv.high >= low) for iv in read) \
                or (amount is None and statement.fact("closed") is False and _fits_answered(said, low, high)):
            continue
        yield _vague_hit(statement, said, whole, [iv for iv in read if iv is not None], scale)


def _fits_answered(parts: list[Figure], low: float, high: float) -> bool:
    """Whether a part fits the range as a share of the parts' sum: "1,100 of them voted yes and 900 no" is a majority
    of those who voted when the text does not say the rest of the whole abstained."""
    if len({p.kind for p in parts}) != 1:
        return False
    total = sum(p.value for p in parts)
    return total > 0 and any(low <= p.value / total <= high for p in parts)


def _vague_value(fig: Figure, whole: Figure | None, scale: str) -> Interval | None:
    """What a figure beside a vague word says on the word's scale: a count, or a share of one."""
    if scale == "count":
        return interval(fig)
    if fig.unit == "%":
        return as_share(fig)
    if whole is None or fig.kind not in ("count", "money") or (fig.kind, fig.unit) != (whole.kind, whole.unit):
        return None  # "the lion's share of the £80m budget, £52m": a sum of a sum in its currency
    w = interval(whole)
    return interval(fig) / w if w.is_finite() and w.low > 0 else None


def _vague_hit(statement: Statement, said: list[Figure], whole: Figure | None, read: list[Interval],
               scale: str) -> Hit:
    word, low, high = statement.fact("word"), statement.fact("low"), statement.fact("high")
    word = " ".join(word.split())
    if scale == "count":
        allowed = f"{number(low)} to {number(high)}"
        actual = " and ".join(show(f.value, f.unit) for f in said)
    else:
        allowed = f"{number(100 * low)}% to {number(100 * high)}%"
        if whole is not None:
            allowed += f" of {show(whole.value, whole.unit)}, {_of_whole(low, whole)} to {_of_whole(high, whole)}"
        actual = " and ".join(show(f.value, f.unit) + (f" ({number(100 * iv.mid, 3)}%)" if f.unit != "%" else "")
                              for f, iv in zip(said, read, strict=True))
    proxy = dataclasses.replace(said[0], span=Span(statement.fact("start"), statement.fact("end")), surface=word)
    evidence = f"'{word}' allows {allowed}; the text gives {actual}"
    expected = allowed if scale == "count" or whole is None else f"{_of_whole(low, whole)} to {_of_whole(high, whole)}"
    total = "the level before" if statement.fact("change") else "the total"  # "climbed by a third", then "rose 42%"
    args = {"share": word, "word": word, "whole": show(whole.value, whole.unit) if whole is not None else total,
            "expected": expected,
            "amount": actual, "allowed": allowed}
    return Hit((proxy, *said, *((whole,) if whole is not None else ())), args, evidence,
               f"Use a word that fits {actual}, or check the figures.")


def _of_whole(share: float, whole: Figure) -> str:
    """A share of a whole as the whole is written: 278 of a count, £40m of a sum."""
    return show(share * whole.value, whole.unit) if whole.kind == "money" else number(share * whole.value)


def _about(share: Figure, expected: Interval, unit: str | None) -> str:
    """The count a share gives, as a reader says it: "278" for 58%, "about 30" for a third, "450 to 900" for
    "most"."""
    if not expected.is_finite():
        return show_interval(expected, unit)
    if share.kind != "fraction":
        return show(expected.mid, unit)
    if expected.high - expected.low > 0.1 * expected.mid:
        return f"{show(expected.low, unit)} to {show(expected.high, unit)}"
    return f"about {show(expected.mid, unit)}"


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
