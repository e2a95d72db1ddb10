"""The same subject at the same time given two values that cannot both be right."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Figure, Rule
from . import CheckContext, Hit
from .arith import interval, show, show_interval

SKIP_ROLES = {"change", "old", "part", "converts"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}


def validate(params: dict) -> str | None:
    unknown = set(params) - {"kinds"}
    return f"unknown parameter(s): {', '.join(sorted(unknown))}" if unknown else None


def _key(fig: Figure, kinds: list[str]) -> tuple | None:
    if fig.kind not in kinds or fig.value is None or not fig.subject or not fig.anchor:
        return None
    if fig.attr("role") in SKIP_ROLES or fig.attr("converts") or SKIP_QUALIFIERS & set(fig.qualifiers):
        return None
    return fig.kind, fig.unit, fig.subject, fig.anchor


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    kinds = rule.params.get("kinds", ["money", "percent", "quantity", "count"])
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for fig in ctx.figures:
        key = _key(fig, kinds)
        if key is not None:
            groups[key].append(fig)
    for (_, unit, subject, anchor), figs in groups.items():
        if len(figs) < 2:
            continue
        ctx.mark(*figs)
        first = figs[0]
        for other in figs[1:]:
            if other.sentence == first.sentence or interval(first).overlaps(interval(other)):
                continue
            yield Hit((other, first), {"subject": subject, "anchor": anchor,
                                       "value": show(other.value, unit), "earlier": show(first.value, unit)},
                      evidence=f"{subject}, {anchor}: {show_interval(interval(first), unit)} "
                               f"(\"{first.surface.strip()}\") and {show_interval(interval(other), unit)} "
                               f"(\"{other.surface.strip()}\") do not overlap")
