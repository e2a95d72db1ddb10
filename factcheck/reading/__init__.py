"""[Figure] -> [Statement]: the relations a text states between its figures, one module per relation.

Extraction (factcheck.extract) finds figures and what the words around each one say (qualifiers, subject, time
anchor, period, entity, and the role its own words give it: "rose 5%" is a change, "from $100m" an old value).
Reading ties figures together into typed statements that name them by id; checks consume statements (and figures,
for figure-level rules such as bounds and calendar facts). Every reader is linear in the number of figures: it
asks the View's indexes, and looks back at most one sentence (reading.antecedent).
"""

from __future__ import annotations

from ..model import Figure, Statement
from . import (
    breakdown,
    change,
    comparison,
    conversion,
    dates,
    inflation,
    medals,
    move,
    restated,
    score,
    share,
    table,
    vague,
)
from .view import View


def read(doc, figures: list[Figure]) -> tuple[Statement, ...]:
    """Every statement of a document's figures: changes (in sentences and in tables), comparisons, breakdowns,
    shares, per-unit figures, conversions, restated quantities, date relations, inflation claims, vague quantity
    words and leads against scores, in that order."""
    view = View(doc, figures)
    changes = change.read(view) + comparison.read(view) + table.read(view)
    changes += move.read(figures, view.text, changes)
    whole_of = share.wholes(view)
    converts = conversion.restatements(view, whole_of)
    parts = breakdown.read(view)  # gives parts and totals their roles: the headline reader compares roles
    parts += medals.read(view, parts)
    return tuple(
        changes + parts + share.read(view, whole_of, converts) + share.of_named_whole(view, whole_of)
        + share.of_total_before(view, whole_of) + share.of_earlier_count(view, whole_of)
        + share.out_of_restated(view)
        + share.per_unit(view, converts)
        + conversion.read(view, converts) + restated.read(view) + dates.read(view) + inflation.read(view)
        + vague.read(view, whole_of)
        + score.read(view)
    )
