"""The same subject at the same time given two values that cannot both be right."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Figure, Rule
from . import CheckContext, Hit
from .arith import interval, show, show_interval

SKIP_ROLES = {"change", "old", "part", "converts", "revision"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}
# Stronger evidence than a shared subject word and year (the extractor's subject is a head noun and its
# anchor may be inherited): a year-anchored figure in a sentence that names part of the year may be that
# part's figure, and sentences about different named entities ("Chrysler" against "Mercedes") are about
# different figures. A forecast (qualifier "forecast", from the extractor) is not a stated value.
SUB_PERIOD = re.compile(r"\b(?:quarter|half|month|week|season|January|February|March|April|May|June|July|"
                        r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
NAME = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z&.'-]+|\b[A-Z][A-Za-z&.-]+(?='(?:s\b|\s))")


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
        if key is not None and _stated_value(ctx, fig):
            groups[key].append(fig)
    for (_, unit, subject, anchor), figs in groups.items():
        if len(figs) < 2:
            continue
        ctx.mark(*figs)
        clusters = _clusters(figs)
        if len(clusters) != 2:
            continue  # one value, or several series under one head noun ("exports" of five crops)
        first, other = clusters[0][0], clusters[1][0]
        if other.sentence == first.sentence or _different_names(ctx, first, other):
            continue
        yield Hit((other, first), {"subject": subject, "anchor": anchor,
                                   "value": show(other.value, unit), "earlier": show(first.value, unit)},
                  evidence=f"{subject}, {anchor}: {show_interval(interval(first), unit)} "
                           f"(\"{first.surface.strip()}\") and {show_interval(interval(other), unit)} "
                           f"(\"{other.surface.strip()}\") do not overlap")


def _sentence(ctx: CheckContext, fig: Figure) -> str:
    if ctx.doc is None:
        return ""
    span = ctx.doc.sentence_span(fig.sentence)
    return ctx.doc.text[span.start: span.end]


def _stated_value(ctx: CheckContext, fig: Figure) -> bool:
    sentence = _sentence(ctx, fig)
    return not (fig.anchor and len(fig.anchor) == 4 and SUB_PERIOD.search(sentence))


def _clusters(figs: list[Figure]) -> list[list[Figure]]:
    """Figures grouped by value: each cluster's members overlap its first figure."""
    clusters: list[list[Figure]] = []
    for fig in figs:
        home = next((c for c in clusters if interval(c[0]).overlaps(interval(fig))), None)
        if home is None:
            clusters.append([fig])
        else:
            home.append(fig)
    return clusters


def _different_names(ctx: CheckContext, a: Figure, b: Figure) -> bool:
    """True when both sentences name entities (capitalised words inside the sentence) and share none."""
    names_a, names_b = (set(NAME.findall(_sentence(ctx, f))) for f in (a, b))
    return bool(names_a) and bool(names_b) and not names_a & names_b
