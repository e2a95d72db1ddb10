"""Comparisons: "$1.2bn, 30% higher than the $1bn of 2022", "That was $200m less than the $1bn of 2022".

Statement(kind="comparison", roles: stated (the stated difference), new (the figure compared), old (the figure it
is compared with, after "than"); facts: direction "up" (higher, more, above) or "down" (lower, less, below)).
The compared figure is the nearest one of the same series before the difference in its clause, else in an earlier
clause or the previous sentence when the words tie them (reading.antecedent).
"""

from __future__ import annotations

import re

from ..extract.context import phrases
from ..extract.lexicon import load
from ..model import Statement
from .antecedent import antecedent
from .view import View, comparable

LEX = load("reading")
NO_THAN = {w.lower() for w in LEX["comparison_no_than"]}
WORD = re.compile(
    rf"(?i:[ \u00a0]+(?:(?P<up>{phrases(LEX['comparison_up'])})|(?P<down>{phrases(LEX['comparison_down'])}))\b"
    rf"(?P<than>[ \u00a0]+than\b)?)"
)
GAP = re.compile(LEX["comparison_gap"], re.I)
STATED_KINDS = ("percent", "money", "quantity", "count")


def read(view: View) -> list[Statement]:
    figures, text = view.figures, view.text
    out: list[Statement] = []
    for i, fig in enumerate(figures[:-1]):
        if fig.kind not in STATED_KINDS or fig.value is None or view.role[i] in ("change", "new", "old"):
            continue
        m = WORD.match(text, fig.span.end, min(len(text), fig.span.end + 40))
        if m is None or (m.group("than") is None and (m.group("up") or m.group("down")).lower() not in NO_THAN):
            continue  # "30% higher" alone is a change or a level; "30% higher than" compares
        old = i + 1
        while old + 1 < len(figures) and figures[old].is_calendar and figures[old].span.end - m.end() < 30:
            old += 1  # "10% higher than last year's $2bn": the period's possessive is part of the gap
        other = figures[old]
        if other.sentence != fig.sentence or other.is_calendar or other.value is None:
            continue
        if other.span.start - m.end() > 60 or not GAP.match(" " + text[m.end() : other.span.start]):
            continue
        if fig.unit not in ("%", other.unit):
            continue  # "$200m more than 1,000 tonnes" compares nothing
        new = view.nearest(i, lambda k, i=i, other=other: k < i and view.clause[k] == view.clause[i]
                           and not figures[k].is_calendar and view.role[k] not in ("change", "old")
                           and comparable(figures[k], other))
        if new is None:
            new = antecedent(view, i, old, {i, old})
        if new is None:
            continue
        direction = "up" if m.group("up") else "down"
        out.append(Statement.of("comparison", {"stated": fig.id, "new": figures[new].id, "old": other.id},
                                direction=direction))
    return out
