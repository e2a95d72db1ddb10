"""Shares of a count and per-unit figures: "a quarter of the 800 staff, or 320 people", "$300 per user".

Statement(kind="share", roles: share (a percentage, a fraction, or a count in "320 of the 800 staff"), whole,
amount (the figure restating the share: "or 320 people", "(40%)"; absent when the text gives none)).
Statement(kind="per_unit", roles: rate ("$300 per user"), total ("$6bn"), count ("30 million users")): a per-unit
figure restating a total over a count.
"""

from __future__ import annotations

import re

from ..extract.context import LEX
from ..model import Statement
from .view import View

SHARE_KINDS = {"percent", "fraction"}
AMOUNT_KINDS = {"count", "money", "quantity"}
SHARE_OF = re.compile(LEX["share_of"], re.I)
PER_UNIT_BACK = 40  # figures examined before a per-unit figure for its total: a bound, so a sentence stays linear


def wholes(view: View) -> dict[int, int]:
    """share -> whole: "40% of the 800 staff", "320 of the 800 staff" (the figure right after "of")."""
    figures, text = view.figures, view.text
    out: dict[int, int] = {}
    for i, fig in enumerate(figures[:-1]):
        nxt = figures[i + 1]
        if nxt.sentence != fig.sentence or i in view.linked or view.role[i] == "change":
            continue
        if fig.kind not in SHARE_KINDS | {"count"} or nxt.kind not in AMOUNT_KINDS or nxt.value is None:
            continue
        if fig.kind == "count" and (nxt.kind != "count" or (fig.value is not None and nxt.value < fig.value)):
            continue  # "5 of the 3": not a part of that whole
        if SHARE_OF.fullmatch(text, fig.span.end, nxt.span.start):
            out[i] = i + 1
    return out


def read(view: View, whole_of: dict[int, int], converts: dict[int, int]) -> list[Statement]:
    """A share statement for each share of a whole, with the amount that restates it when the text gives one."""
    figures = view.figures
    out: list[Statement] = []
    for i, w in whole_of.items():
        share, whole = figures[i], figures[w]
        if share.value is None or whole.value is None:
            continue
        amount = None
        restated = next((k for k in range(w + 1, min(w + 4, len(figures)))
                         if figures[k].sentence == share.sentence and figures[k].value is not None), None)
        if restated is not None and figures[restated].sentence == share.sentence:
            if converts.get(restated) in (i, w):
                later = figures[restated]
                if share.kind in SHARE_KINDS and later.kind in AMOUNT_KINDS and later.unit == whole.unit:
                    amount = restated
                elif share.kind in AMOUNT_KINDS and later.kind in SHARE_KINDS and share.unit == whole.unit:
                    amount, i = i, restated  # "320 of the 800 staff (40%)": the share is the bracket
        said = figures[amount].id if amount is not None else None
        out.append(Statement.of("share", {"share": figures[i].id, "whole": whole.id, "amount": said}))
    return out


def per_unit(view: View, converts: dict[int, int]) -> list[Statement]:
    """'$6bn from 30 million users, or $300 per user': the rate, the total before it and the count it restates."""
    figures = view.figures
    out: list[Statement] = []
    for r, rate in enumerate(figures):
        per = rate.attr("per")
        if not per or rate.value is None or rate.kind not in AMOUNT_KINDS or r not in converts:
            continue
        total = count = None
        k = r - 1
        while k >= 0 and k >= r - PER_UNIT_BACK and figures[k].sentence == rate.sentence:
            fig = figures[k]
            if fig.value is not None:
                if fig.kind == rate.kind and fig.unit == rate.unit and view.role[k] != "change":
                    total = k if total is None else total
                elif count is None and fig.kind == "count":
                    count = k
            if total is not None and count is not None:
                break
            k -= 1
        if total is None or count is None or converts[r] not in (total, count):
            continue
        out.append(Statement.of("per_unit", {"rate": rate.id, "total": figures[total].id,
                                             "count": figures[count].id}, per=per))
    return out
