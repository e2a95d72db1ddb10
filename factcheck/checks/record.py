"""Records: "a record", "the highest" or "the lowest" against earlier values of the same series in the text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Rule
from ..wording import date_span_words
from . import CheckContext, Hit
from .arith import interval, show, show_interval
from .calendar import bounds

SKIP_ROLES = {"change", "share"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}


def validate(params: dict) -> str | None:
    kinds = params.get("kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        return "kinds: expected a list of figure kinds (money, percent, ...)"
    unknown = set(params) - {"kinds"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def series(fig: Figure) -> tuple | None:
    """The series a figure belongs to: the extractor's name for it, else its kind, unit and subject."""
    name = fig.attr("series") or fig.subject
    if not name or fig.value is None:
        return None
    return fig.kind, fig.unit, name


def _same_series(record: Figure, other: Figure) -> bool:
    """One series: the same kind and unit, and no name that differs (the extractor's series or subject, the
    entity, what an "of" phrase counts): "a record 41.2 million tonnes of cargo" and "38.5 million tonnes in 2023";
    bare counts need a name on both."""
    if (record.kind, record.unit) != (other.kind, other.unit) or other.value is None:
        return False
    if record.unit is None and not (series(record) and series(other)):
        return False  # bare numbers ("closed at 2,404.64") say nothing of what they count: two indexes, two series
    for name in ("series", "entity", "of_phrase"):
        a, b = record.attr(name), other.attr(name)
        if a and b and a != b:
            return False
    return not (record.subject and other.subject and record.subject != other.subject)


def _when(ctx: CheckContext, fig: Figure, present: bool) -> tuple | None:
    """The days a figure's value is for: its anchor, else the nearest dated figure of its sentence ("a record 8,412
    points on Tuesday", "last year"), else (for a record stated in the present: "the lowest on record") publication."""
    if fig.anchor:
        return bounds(fig.anchor)
    dated = [d for d in ctx.in_sentence(fig.sentence) if d.is_calendar and d.date and d.kind != "duration"]
    if dated:
        nearest = min(dated, key=lambda d: abs(d.span.start - fig.span.start))
        return bounds(nearest.date)
    return (ctx.published, ctx.published) if present and ctx.published is not None else None


def low_record(fig: Figure) -> bool:
    """A record low ("a record low", "the lowest"): the extractor marks it with extreme or direction."""
    return fig.attr("extreme") == "low" or (fig.attr("extreme") is None and fig.attr("direction") == "down")


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    kinds = rule.params.get("kinds", ["money", "percent", "quantity", "count"])
    for record in ctx.figures:
        is_record = "record" in record.qualifiers or record.attr("extreme") in ("high", "low")
        if not is_record or record.kind not in kinds or record.value is None:
            continue
        low = low_record(record)
        mine = _when(ctx, record, present=True)
        for other in ctx.memo(_by_unit, _by_unit).get((record.kind, record.unit), ()):
            if other.id == record.id or not _same_series(record, other):
                continue
            if other.attr("role") in SKIP_ROLES or SKIP_QUALIFIERS & set(other.qualifiers):
                continue
            theirs, since = _when(ctx, other, present=False), bounds(record.attr("since"))
            if mine is None or theirs is None or not theirs[1] < mine[0]:
                continue  # a record can be beaten later, and a forecast beats nothing
            if since is not None and not theirs[0] > since[1]:
                continue  # "the highest since 2008": only the values after 2008 are below it
            ctx.mark(record, other)
            a, b = interval(record), interval(other)
            beaten = b.low > a.high if not low else b.high < a.low
            if not beaten:
                continue
            word = "lowest" if low else "highest"
            at, then = _day_words(mine), _day_words(theirs)
            yield Hit((record, other), {"record": record.surface.strip(), "other": other.surface.strip(),
                                        "anchor": at, "earlier": then, "word": word},
                      evidence=f"{at}: {show_interval(a, record.unit)} (called a record); "
                               f"{then}: {show_interval(b, other.unit)} is "
                               f"{'lower' if low else 'higher'}",
                      fix=f"Drop 'record', or check the {then} figure "
                          f"({show(other.value, other.unit)}).")


def _by_unit(ctx: CheckContext) -> dict[tuple, list[Figure]]:
    """The figures of each kind and unit, in text order (once per document: a record looks only at its own)."""
    out: dict[tuple, list[Figure]] = {}
    for fig in ctx.figures:
        out.setdefault((fig.kind, fig.unit), []).append(fig)
    return out


def _day_words(span: tuple) -> str:
    """ "2021", "March 2026" or "March 3, 2026": the time a figure is for, as precisely as the text gives it."""
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if first.day == 1 and first.month == last.month and (last + dt.timedelta(days=1)).day == 1:
        return first.strftime("%B %Y")
    return date_span_words(first, last)
