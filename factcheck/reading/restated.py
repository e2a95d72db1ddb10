"""The same quantity restated: a headline figure and the lead figure it summarises; a revised figure and its revision.

Statement(kind="restated", roles: headline, body) or (roles: revised, revision: "a gain of 61,000 in April,
previously reported at 70,000"). Headlines drop time and tense ("Inflation eases to 10.4%",
"Carmaker to cut 3,000 jobs"): a headline figure restates a figure of the lead (the first body sentence) of the
same kind, unit, subject and role, with the same direction when both say one and no other time anchor.
"""

from __future__ import annotations

from ..extract.context import LINKED_KINDS
from ..model import Statement
from .view import View, comparable

REVISION_BACK = 40  # figures examined before a revision for the figure it revises: a bound, so reading stays linear


def read(view: View) -> list[Statement]:
    return _headlines(view) + _revisions(view)


def _revisions(view: View) -> list[Statement]:
    figures = view.figures
    out = []
    for i, fig in enumerate(figures):
        if view.role[i] != "revision":
            continue
        for k in range(i - 1, max(-1, i - 1 - REVISION_BACK), -1):
            if figures[k].sentence != fig.sentence:
                break
            if comparable(figures[k], fig):
                out.append(Statement.of("restated", {"revised": figures[k].id, "revision": fig.id}))
                break
    return out


def _headlines(view: View) -> list[Statement]:
    figures = view.figures
    heads = [i for i, f in enumerate(figures) if f.sentence == 0 and f.attr("headline")]
    if not heads:
        return []
    lead = view.by_sentence.get(1, [])
    out = []
    for i in heads:
        fig = figures[i]
        if fig.value is None or fig.kind not in LINKED_KINDS or not fig.subject:
            continue
        match = next((j for j in lead if _restates(view, i, j)), None)
        if match is not None:
            out.append(Statement.of("restated", {"headline": fig.id, "body": figures[match].id}))
    return out


def _restates(view: View, h: int, b: int) -> bool:
    """Whether a lead figure states what a headline figure summarises: same kind, unit, subject and role."""
    head, body = view.figures[h], view.figures[b]
    if (head.kind, head.unit, head.subject) != (body.kind, body.unit, body.subject) or body.value is None:
        return False
    if view.role[h] != view.role[b]:
        return False
    directions = {view.direction[h], view.direction[b]} - {None}
    return len(directions) <= 1 and (head.anchor is None or body.anchor in (None, head.anchor))
