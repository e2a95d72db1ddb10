"""Date relations: a stated date that names the same time as the relative date before it.

Statement(kind="date_relation", roles: relative ("next week", "tomorrow"), date ("from March 20 to 22",
"(March 18)")).
"""

from __future__ import annotations

import re

from ..extract.context import LEX
from ..model import Statement
from .view import View

APPOSITION_GAP = re.compile(LEX["apposition_gap"], re.I)
REACH = 80  # characters from the relative date to the date that restates it: an apposition is next to it


def read(view: View) -> list[Statement]:
    figures, text = view.figures, view.text
    out = []
    named: set[int] = set()
    for i, rel in enumerate(figures):
        if rel.kind != "relative_date":
            continue
        for j in range(i + 1, len(figures)):
            other = figures[j]
            if other.sentence != rel.sentence or other.span.start - rel.span.end > REACH:
                break
            if j in named or other.kind not in ("date", "date_range"):
                continue
            if APPOSITION_GAP.fullmatch(text, rel.span.end, other.span.start):
                named.add(j)
                out.append(Statement.of("date_relation", {"relative": rel.id, "date": other.id}))
    return out
