"""Changes: a stated change (a percentage, an amount, a multiplier) or a direction word, with its old and new value.

Statement(kind="change", roles: stated (absent for a bare direction: "fell to $5bn from $6bn"), new, old (either
may be absent when the text gives none: "rose 5% to $105m");
facts: direction "up" | "down" when the words say one). The old and new values come from the change's clause
(the figures the words mark "from ..." and "to ..."), else the nearest marked ones of the sentence, else the
nearest earlier figure of the same series dated before the new one; a value missing from the sentence comes from
an earlier clause or the previous sentence when the words tie them (reading.antecedent).
"""

from __future__ import annotations

from ..extract.context import WORD, directions
from ..model import Statement
from .antecedent import antecedent
from .view import View, comparable


def read(view: View) -> list[Statement]:
    figures, role = view.figures, view.role
    tied: dict[tuple[int, str], int] = {}  # (figure, role) -> the figure of that role tied to it: after it, else before
    for k in sorted(view.partner):
        key = (view.partner[k], role[k] or "")
        if key not in tied or (tied[key] < key[0] < k and role[k] != "change"):
            tied[key] = k  # the first after it wins over one before it
    with_change = {view.clause[i] for i in range(len(figures)) if role[i] == "change"}
    untied: dict[tuple, list[int]] = {}  # (sentence, role) -> the figures of that role tied to none, in text order
    series: dict[tuple, list[int]] = {}  # (sentence, kind, unit) -> the figures with a value that are no change
    for k, fig in enumerate(figures):
        if role[k] in ("new", "old") and k not in view.partner:
            untied.setdefault((fig.sentence, role[k]), []).append(k)
        if fig.value is not None and role[k] != "change":
            series.setdefault((fig.sentence, fig.kind, fig.unit), []).append(k)

    def linked(c: int, want: str) -> int | None:
        """The figure with this role tied to figure c, else the nearest untied one of the sentence."""
        if (c, want) in tied:
            return tied[c, want]
        return view.nearest(c, members=untied.get((figures[c].sentence, want), []))

    def older(new: int, exclude: set[int]) -> int | None:
        """The nearest other figure of the same series in the sentence, when it is dated before the new one."""
        # "3.6% in 2004, slipping to 2.9% next year before recovering to 3.1% in 2006": 2.9% (undated), not 3.6%
        fig = figures[new]
        k = view.nearest(new, lambda k: k not in exclude, series.get((fig.sentence, fig.kind, fig.unit), []))
        if k is None:
            return None
        a, b = figures[k].anchor, figures[new].anchor
        return k if a and b and a < b else None

    out: list[Statement] = []
    seen: set[tuple] = set()
    for i, fig in enumerate(figures):
        stated = role[i] == "change" or fig.kind == "multiplier"
        if stated:
            new = linked(i, "new")
        elif role[i] == "new" and view.direction[i]:
            if view.clause[i] in with_change:
                continue  # the stated change speaks for this statement
            new = i
        else:
            continue
        old = linked(i, "old") if stated else linked(new, "old") if new is not None else None
        if stated and old is not None and _contrary(view, i, old):
            old = None  # "spending grew 4.2%, down from 5.1%": 4.2% is a growth rate that fell, no change of 5.1%
        if new is None and old is not None and stated and old < i:
            # "38% of sales last year, against 22% in 2022, a rise of 16%": a change after its two figures, the
            # new value the nearest one of the same series before the old
            new = _pair_before(figures, series, old)
        if new is None and old is not None:
            new = antecedent(view, i, old, {i, old})  # "... $1.2bn in 2023. That was up 20% from $1bn."
        elif new is not None:
            if old is None or not comparable(figures[old], figures[new]):
                old = older(new, {i, new})
            if old is None:  # "Sales were $100m in 2023. This year they rose 5% to $105m.": dated before the new one
                old = antecedent(view, i, new, {i, new})
                old = old if old is not None and _before(figures[old].anchor, figures[new].anchor) else None
        if new is not None and old is not None and not comparable(figures[old], figures[new]):
            old = None
        said = (i if stated else None, new, old)
        if (new is None and old is None) or said in seen:
            continue
        seen.add(said)
        direction = view.direction[i if stated or new is None else new]
        out.append(Statement.of("change", {"stated": fig.id if stated else None,
                                           "new": figures[new].id if new is not None else None,
                                           "old": figures[old].id if old is not None else None}, direction=direction))
    return out


def _pair_before(figures: list, series: dict[tuple, list[int]], old: int) -> int | None:
    """The figure of the old value's series (same sentence, kind and unit) right before it, if comparable."""
    fig = figures[old]
    earlier = [k for k in series.get((fig.sentence, fig.kind, fig.unit), []) if k < old]
    return earlier[-1] if earlier and comparable(figures[old], figures[earlier[-1]]) else None


def _before(a: str | None, b: str | None) -> bool:
    """Whether time anchor a ("2023", "2024-03") ends before time anchor b starts: "2023" before "2024-01", not
    "2024" before "2024-12" (the year holds the month)."""
    return bool(a and b and a < b and not b.startswith(a))


def _contrary(view: View, change: int, old: int) -> bool:
    """Whether the words from a stated change to its old value turn the other way: "grew 4.2% in the final quarter,
    down from the third quarter's 5.1%" (a rate that fell, not a rise of 4.2% from 5.1%)."""
    a, b = sorted((change, old))
    said = set(directions(WORD.findall(view.text[view.figures[a].span.end : view.figures[b].span.start])))
    return bool(view.direction[change]) and said == {"down" if view.direction[change] == "up" else "up"}

