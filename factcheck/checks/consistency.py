"""The same subject at the same time given two values that cannot both be right; a stock restated with another value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Rule
from ..reading.restated import apart, different_entities
from ..wording import dates_in_words
from . import CheckContext, Hit
from .arith import interval, show, show_interval

SKIP_ROLES = {"change", "old", "revision"}
# Figures a statement names as a restatement or as a part: not a second value of their subject.
SKIP_STATEMENT_ROLES = (("conversion", "converted"), ("share", "amount"), ("per_unit", "rate"), ("breakdown", "parts"))
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}
# Stronger evidence than a shared subject word and year (the extractor's subject is a head noun and its
# anchor may be inherited): a year-anchored figure whose period is part of the year (attr period "quarter",
# "half", "month", ...) may be that part's figure, and figures of different entities (attr entity: "Chrysler"
# against "Mercedes") are different figures. A forecast (qualifier "forecast") is not a stated value.
WHOLE_YEAR = (None, "year")


def validate(params: dict) -> str | None:
    kinds = params.get("kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        return "kinds: expected a list of figure kinds (money, percent, ...)"
    unknown = set(params) - {"kinds"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def _key(fig: Figure, kinds: list[str], skip: frozenset[str]) -> tuple | None:
    if fig.kind not in kinds or fig.value is None or not fig.subject or not fig.anchor:
        return None
    if fig.attr("role") in SKIP_ROLES or fig.id in skip or SKIP_QUALIFIERS & set(fig.qualifiers) or fig.attr("subset"):
        return None
    return fig.kind, fig.unit, fig.subject, fig.anchor


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    kinds = rule.params.get("kinds", ["money", "percent", "quantity", "count"])
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    skip = frozenset().union(*(ctx.in_role(kind, role) for kind, role in SKIP_STATEMENT_ROLES))
    for fig in ctx.figures:
        key = _key(fig, kinds, skip)
        if key is not None and _stated_value(fig):
            groups[key].append(fig)
    reported: set[frozenset[str]] = set()
    for figs in groups.values():
        if len(figs) < 2:
            continue
        ctx.mark(*figs)
        clusters = _clusters(figs)
        if len(clusters) != 2:
            continue  # one value, or several series under one head noun ("exports" of five crops)
        first, other = clusters[0][0], clusters[1][0]
        if other.sentence == first.sentence or different_entities(first, other):
            continue
        reported.add(frozenset((first.id, other.id)))
        yield _hit(first, other, first.subject)
    # A headline figure against the lead figure it restates (a "restated" statement), even when both are plans or
    # forecasts ("Carmaker to cut 3,000 jobs" / "will cut 2,000 jobs"): the headline restates that very statement,
    # and takes its time anchor (headlines drop time).
    for statement in ctx.statements_of("restated"):
        head, body = ctx.figure(statement, "headline"), ctx.figure(statement, "body")
        if head is None or body is None or head.kind not in kinds or head.value is None or body.value is None:
            continue
        # with no time anchor, both say now: a count of one subject ("hires 350 nurses" / "has hired 530 nurses"), or
        # one move's new value ("revenue rises to €41bn" / "revenue rose to €44bn in the first half")
        move = head.attr("role") == body.attr("role") == "new" and head.attr("direction") == body.attr("direction")
        if (not body.anchor and (head.anchor or head.kind != "count" and not move)) \
                or head.anchor not in (None, body.anchor) \
                or frozenset((head.id, body.id)) in reported:
            continue
        ctx.mark(head, body)
        if not interval(head).overlaps(interval(body)):
            yield _hit(head, body, head.subject)
    yield from _stocks(ctx, kinds, reported)


def _stocks(ctx: CheckContext, kinds: list[str], reported: set[frozenset[str]]) -> Iterator[Hit]:
    """A stock restated ("has 3,100 members" ... "its 3,010 members"): values that do not overlap, or a narrower
    count larger than the whole ("5,800 taxis" ... "8,500 licensed taxis"). Several values against one stated
    figure (three or more clusters) are several series under one noun, as for the year-anchored figures."""
    by_stated: dict[str, list] = defaultdict(list)
    for statement in ctx.statements_of("restated"):
        stated, again = ctx.figure(statement, "stated"), ctx.figure(statement, "restated")
        if stated is not None and again is not None and stated.kind in kinds:
            by_stated[stated.id].append((stated, again, statement.fact("part", False), statement.fact("noun"),
                                         statement.fact("anchor")))
    for pairs in by_stated.values():
        stated = pairs[0][0]
        ctx.mark(stated, *(again for _, again, _, _, _ in pairs))
        if len(_clusters([stated] + [again for _, again, part, _, _ in pairs if not part])) > 2:
            continue
        for _, again, part, noun, anchor in pairs:
            a, b = interval(stated), interval(again)
            wrong = b.low > a.high if part else apart(a, b)
            if not wrong or frozenset((stated.id, again.id)) in reported:
                continue
            reported.add(frozenset((stated.id, again.id)))
            # (a part may come first, "its 640 tram drivers" ... "the company's 460 drivers": told in text order)
            first, later = sorted((stated, again), key=lambda f: f.span.start)
            yield _hit(first, later, noun, anchor)


def _exact(fig: Figure) -> bool:
    """A figure written to the unit ("3,010", "$412,500"), not rounded to a scale word or hedged ("about 3,000")."""
    return fig.attr("step", 1.0) <= 1 and not {"approx"} & set(fig.qualifiers)


def _hit(first: Figure, other: Figure, subject: str | None, anchor: str | None = "") -> Hit:
    """Two values of one figure: an error when both are exact, a warning when either is rounded or hedged. anchor:
    the period the reading gave the pair (a stock's), else the figures' own."""
    unit = first.unit
    anchor = first.anchor or other.anchor if anchor == "" else anchor
    return Hit((other, first), {"subject": subject, "when": f" in {dates_in_words(anchor)}" if anchor else "",
                                "value": show(other.value, unit), "earlier": show(first.value, unit)},
               evidence=f"{subject}{f', {anchor}' if anchor else ''}: {show_interval(interval(first), unit)} "
                        f"(\"{first.surface.strip()}\") and {show_interval(interval(other), unit)} "
                        f"(\"{other.surface.strip()}\") do not overlap",
               severity=None if _exact(first) and _exact(other) else "warning")


def _stated_value(fig: Figure) -> bool:
    """False for a year-anchored figure the extractor says is for part of the year ("in the second quarter")."""
    return not (fig.anchor and len(fig.anchor) == 4 and fig.attr("period") not in WHOLE_YEAR)


def _clusters(figs: list[Figure]) -> list[list[Figure]]:
    """Figures grouped by value: each cluster's members overlap its first figure; a third cluster ends the count
    (the caller wants exactly two, and stopping keeps a long list of values linear)."""
    clusters: list[list[Figure]] = []
    for fig in figs:
        home = next((c for c in clusters if interval(c[0]).overlaps(interval(fig))), None)
        if home is None:
            clusters.append([fig])
            if len(clusters) > 2:
                break
        else:
            home.append(fig)
    return clusters
