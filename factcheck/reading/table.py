"""Changes in a table: two period columns and a change column ("| Detached | 483,994 | 459,987 | 5.2 |").

Statement(kind="change", roles: stated (the change cell), new (the later period's cell), old (the earlier
period's cell); facts: percent (True when the change column is in per cent: "Difference %", "% change", "Change
(%)"), direction ("up" or "down" for a cell written with its sign)). A Markdown table row by row: its header names
two periods (two dated cells, the later one the new value) and a change column (reading.yml: table_change_headers);
each row below it with a figure in those three columns is one change.
"""

from __future__ import annotations

import bisect
import re

from ..extract.context import phrases
from ..extract.lexicon import load
from ..model import Statement
from .view import View

LEX = load("reading")
ROW = re.compile(r"^[ \t]*\|.*\|[ \t\r]*$", re.M)
RULE = re.compile(r"^[\s|:-]+$")
CHANGE = re.compile(rf"(?i:\b(?:{phrases(LEX['table_change_headers'])})(?!\w))")
PERCENT = re.compile(r"%|\bper[ \u00a0]?cent\b|\bpercent\b|\bpct\b", re.I)
YEAR_CELL = re.compile(r"[ \t]*(?:FY[ \t]?)?((?:19|20)\d\d)[ \t]*")
PERIODS = ("year", "date", "date_range", "relative_date")


def read(view: View) -> list[Statement]:
    """Each row's change, read on the article's source (the plain text keeps no bars): offsets below are the
    source's, and each figure is placed there by its source offset."""
    figures, text = view.figures, view.doc.source
    if "|" not in text:
        return []
    starts = [view.doc.source_offset(f.span.start) for f in figures]
    out: list[Statement] = []
    columns: tuple[int, int, int, bool] | None = None  # (new, old, change column, per cent) of the table read
    end = -2
    for row in ROW.finditer(text):
        if text[end : row.start()].strip():
            columns = None  # a row after other lines belongs to no header read above it
        end = row.end()
        cells = _cells(row)
        inside = list(range(bisect.bisect_left(starts, row.start()), bisect.bisect_left(starts, row.end())))
        if RULE.match(row.group(0)):
            continue
        header = _header(view, cells, inside, starts)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        new, old, change, percent = columns
        by_cell: dict[int, list[int]] = {}
        for k in inside:
            column = next((c for c, (a, b) in enumerate(cells) if a <= starts[k] < b), None)
            if column is not None and figures[k].value is not None:
                by_cell.setdefault(column, []).append(k)
        picked = [by_cell.get(c, []) for c in (new, old, change)]
        if any(len(p) != 1 for p in picked):
            continue
        n, o, c = (p[0] for p in picked)
        sign = text[max(0, starts[c] - 1) : starts[c] + 1]
        direction = "down" if "-" in sign or "\u2212" in sign else "up" if "+" in sign else None
        out.append(Statement.of("change", {"stated": figures[c].id, "new": figures[n].id, "old": figures[o].id},
                                direction=direction, percent=percent or None))
    return out


def _cells(row: re.Match) -> list[tuple[int, int]]:
    """The (start, end) offsets of a row's cells, left to right."""
    bars = [m.start() for m in re.finditer(r"\|", row.group(0))]
    return [(row.start() + a + 1, row.start() + b) for a, b in zip(bars, bars[1:], strict=False)]


def _header(view: View, cells: list[tuple[int, int]], inside: list[int],
            starts: list[int]) -> tuple[int, int, int, bool] | None:
    """(new, old, change column, per cent) when a row names two periods and a change column, else None."""
    text, figures = view.doc.source, view.figures
    dated: dict[int, str] = {}
    for k in inside:
        column = next((c for c, (a, b) in enumerate(cells) if a <= starts[k] < b), None)
        if column is not None and figures[k].kind in PERIODS and figures[k].date:
            dated[column] = figures[k].date
    for c, (a, b) in enumerate(cells):  # a bare year the calendar left out: "| 2024 | 2023 |"
        year = YEAR_CELL.fullmatch(text, a, b)
        if c not in dated and year:
            dated[c] = year.group(1)
    change = [c for c, (a, b) in enumerate(cells) if CHANGE.search(text, a, b)]
    if len(dated) != 2 or len(change) != 1 or change[0] in dated:
        return None
    if any(figures[k].value is not None and not figures[k].is_calendar for k in inside):
        return None  # a row of figures is no header
    (a, da), (b, db) = sorted(dated.items())
    if da == db:
        return None
    new, old = (a, b) if da > db else (b, a)
    a, b = cells[change[0]]
    return new, old, change[0], bool(PERCENT.search(text, a, b))
