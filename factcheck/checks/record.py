"""Records: "a record", "the highest" or "the lowest" against earlier values of the same series in the text."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Rule
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


def low_record(fig: Figure) -> bool:
    """A record low ("a record low", "the lowest"): the extractor marks it with extreme or direction."""
    return fig.attr("extreme") == "low" or (fig.attr("extreme") is None and fig.attr("direction") == "down")


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    kinds = rule.params.get("kinds", ["money", "percent", "quantity", "count"])
    for record in ctx.figures:
        is_record = "record" in record.qualifiers or record.attr("extreme") in ("high", "low")
        if not is_record or record.kind not in kinds or series(record) is None or not record.anchor:
            continue
        low = low_record(record)
        for other in ctx.memo(_by_series, _by_series).get(series(record), ()):
            if other.id == record.id or not other.anchor:
                continue
            if other.attr("role") in SKIP_ROLES or SKIP_QUALIFIERS & set(other.qualifiers):
                continue
            mine, theirs, since = bounds(record.anchor), bounds(other.anchor), bounds(record.attr("since"))
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
            yield Hit((record, other), {"record": record.surface.strip(), "other": other.surface.strip(),
                                        "anchor": record.anchor, "earlier": other.anchor, "word": word},
                      evidence=f"{record.anchor}: {show_interval(a, record.unit)} (called a record); "
                               f"{other.anchor}: {show_interval(b, other.unit)} is "
                               f"{'lower' if low else 'higher'}",
                      fix=f"Drop 'record', or check the {other.anchor} figure "
                          f"({show(other.value, other.unit)}).")


def _by_series(ctx: CheckContext) -> dict[tuple, list[Figure]]:
    """The figures of each series, in text order (once per document: each record looks only at its own series)."""
    out: dict[tuple, list[Figure]] = {}
    for fig in ctx.figures:
        key = series(fig)
        if key is not None:
            out.setdefault(key, []).append(fig)
    return out
