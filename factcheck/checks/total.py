"""Totals: listed parts that do not add up to their stated total, and shares that do not sum to 100%."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("parts", "shares")
ROUNDING_NOTE = re.compile(r"\b(?:add|adds|sum|sums|total|totals)\b[^.]{0,60}\brounding\b|"
                           r"\brounding\b[^.]{0,60}\b(?:add|adds|sum|sums|total|totals)\b", re.I)


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: {params.get('test')!r} is not one of {', '.join(TESTS)}"
    unknown = set(params) - {"test", "min_parts"}
    return f"unknown parameter(s): {', '.join(sorted(unknown))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    shares = rule.params["test"] == "shares"
    min_parts = int(rule.params.get("min_parts", 2))
    rounding_noted = bool(ctx.doc is not None and ROUNDING_NOTE.search(ctx.doc.text))
    for total, parts in groups(ctx):
        is_share = all(p.unit == "%" for p in parts) and (total is None or total.unit == "%")
        if is_share != shares or len(parts) < min_parts:
            continue
        if total is None and not shares:
            continue
        whole = interval(total) if total is not None else Interval.exact(100.0)
        complete = any(p.attr("complete") for p in parts) or (
            total is not None and all(p.attr("complete") is None for p in parts))
        hit = _compare(ctx, total, parts, whole, complete, rounding_noted)
        if hit is not None:
            yield hit


# A breakdown's signal between a total (or a sentence start) and its first part: "split between", a colon.
BREAKDOWN = re.compile(r"(?::|\bsplit\b|\bdivided\b|\bmade up of\b|\bcomprising\b|\bbroken down\b|\bof which\b)", re.I)
OF_THE = re.compile(r"(?:^|[.;]\s*)of\s+(?:the|its|their)\s+$", re.I)
LIST_GAP = 70  # characters: the most between two parts of one list


def groups(ctx: CheckContext) -> list[tuple[Figure | None, list[Figure]]]:
    """(total, parts) for each stated breakdown: parts by their link, else the total before them in the sentence."""
    if not any(f.attr("role") == "part" for f in ctx.figures):
        return _listed(ctx)
    out: dict[str, tuple[Figure | None, list[Figure]]] = {}
    for fig in ctx.figures:
        if fig.attr("role") != "part" or fig.value is None:
            continue
        total = ctx.by_id(fig.attr("link"))
        if total is None or total.attr("role") != "total":
            total = _total_before(ctx, fig)
        key = total.id if total is not None else f"s{fig.sentence}:{fig.unit}"
        out.setdefault(key, (total, []))[1].append(fig)
    return list(out.values())


def _listed(ctx: CheckContext) -> list[tuple[Figure | None, list[Figure]]]:
    """Breakdowns read from the sentence when the extractor marks no parts: a total, then a list of like figures."""
    text = ctx.doc.text if ctx.doc is not None else ""
    out: list[tuple[Figure | None, list[Figure]]] = []
    sentences = sorted({f.sentence for f in ctx.figures})
    for index in sentences:
        figs = [f for f in ctx.in_sentence(index) if f.value is not None]
        for i, head in enumerate(figs):
            start = ctx.doc.sentence_span(index).start if ctx.doc is not None else 0
            is_total = head.attr("role") == "total" or bool(OF_THE.search(text[start: head.span.start]))
            if head.unit == "%" and not is_total:
                head_total, rest = None, figs[i:]
            elif is_total:
                head_total, rest = head, figs[i + 1:]
            else:
                continue
            parts = _run(text, rest, head)
            if len(parts) < 2:
                continue
            lead = text[(head_total or head).span.end if head_total else start: parts[0].span.start]
            complete = bool(BREAKDOWN.search(lead))
            if head_total is None and not complete:
                continue
            out.append((head_total, [dataclasses.replace(p, attrs=p.attrs + (("complete", complete),))
                                     for p in parts]))
            break
    return out


def _run(text: str, figs: list[Figure], like: Figure) -> list[Figure]:
    """The longest run of figures of the same kind and unit as `like`, each close to the one before."""
    run: list[Figure] = []
    for fig in figs:
        if fig.kind != like.kind or fig.unit != like.unit or fig.attr("role") in ("change", "new", "old", "total"):
            if run:
                break
            continue
        if run and fig.span.start - run[-1].span.end > LIST_GAP:
            break
        if run and fig.subject != run[0].subject:
            if len(run) >= 2:
                break
            run = []  # "split three ways: 80 seats, ...": a number of another thing before the list
        run.append(fig)
    return run


def _total_before(ctx: CheckContext, part: Figure) -> Figure | None:
    candidates = [f for f in ctx.in_sentence(part.sentence)
                  if f.attr("role") == "total" and f.span.start < part.span.start and f.unit == part.unit]
    return candidates[-1] if candidates else None


def _compare(ctx: CheckContext, total: Figure | None, parts: list[Figure], whole: Interval, complete: bool,
             rounding_noted: bool) -> Hit | None:
    unit = parts[0].unit
    ctx.mark(*parts, *([total] if total is not None else []))
    summed = Interval(0.0, 0.0)
    for part in parts:
        summed = summed + interval(part)
    exact = sum(p.value for p in parts)
    if not complete and summed.high < whole.low:
        return None  # an incomplete list may leave a remainder; it may never exceed its total
    if whole.contains(exact) or (summed.overlaps(whole) and rounding_noted):
        return None
    terms = " + ".join(show(p.value, unit) if _symbolic(unit) else number(p.value) for p in parts)
    stated = show_interval(whole, unit) if total is not None else "100%"
    evidence = f"{terms} = {show(exact, unit)}; the {'text says' if total else 'whole is'} {stated}"
    figures = tuple(parts) + ((total,) if total is not None else ())
    args = {"parts": show(exact, unit), "total": stated, "count": len(parts)}
    if summed.overlaps(whole):
        return Hit(figures, args, evidence + " (consistent only through rounding)", severity="info",
                   fix="Say that the figures do not add up because of rounding.")
    gap = whole.mid - exact
    fix = (f"Correct one of the figures, or name the remainder of {show(abs(gap), unit)}." if gap > 0
           else f"The parts exceed the total by {show(abs(gap), unit)}: correct one of the figures.")
    return Hit(figures, args, evidence, fix)


def _step(fig: Figure) -> float:
    step = fig.attr("step")
    if step:
        return float(step)
    iv = interval(fig)
    return (iv.high - iv.low) if iv.is_finite() and iv.high > iv.low else 0.0


def _symbolic(unit: str | None) -> bool:
    """True for units written beside each number ('45%', '$3bn'); counts show their unit once, at the sum."""
    return unit == "%" or bool(unit and len(unit) == 3 and unit.isupper())
