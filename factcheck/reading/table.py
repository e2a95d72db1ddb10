"""Tables, Markdown or HTML, read row by row: change columns and totals rows.

A change: Statement(kind="change", roles: stated (the change cell), new (the later period's cell), old (the earlier
period's cell); facts: percent (True when the change column is in per cent: "Difference %", "% change", "Change
(%)"), direction ("up" or "down" for a cell written with its sign)). The header names two periods (two dated cells,
the later one the new value) and a change column (reading.yml: table_change_headers); each row below it with a
figure in those three columns is one change ("| Detached | 483,994 | 459,987 | 5.2 |").

A totals row: Statement(kind="breakdown", roles: total (the totals row's cell), parts (the cells above it, or below
it when the totals row comes first); facts: complete, exclusive). A row labelled as a total in its first cell
("Total", "All hospitals") adds up each column of amounts of its table: the rows between it and the header are the
parts, each one figure of the total's kind and unit. Columns of rates, shares, averages and changes are not added,
but for a column of shares whose totals row says 100%.

Both formats are read from the same model (Document.table_rows): a table is its rows, a row its cells' source
offsets (a Markdown table's rows and bars; the HTML parser's <tr> and <td>/<th>), and each figure is placed in a
cell by its source offset.
"""

from __future__ import annotations

import bisect
import re

from ..extract.context import phrases
from ..extract.lexicon import load
from ..model import Statement
from .view import View

LEX = load("reading")
CHANGE = re.compile(rf"(?i:\b(?:{phrases(LEX['table_change_headers'])})(?!\w))")
UNSUMMED = re.compile(rf"(?i:\b(?:{phrases(LEX['table_unsummed_headers'])})(?!\w))")
TOTAL = re.compile(rf"(?i:\b(?:{phrases(load('breakdown')['total_labels'])})\b)")  # "Total", "League total"
PERCENT = re.compile(r"%|\bper[ \u00a0]?cent\b|\bpercent\b|\bpct\b", re.I)
YEAR_CELL = re.compile(r"[ \t]*(?:FY[ \t]?)?((?:19|20)\d\d)[ \t]*")
PERIODS = ("year", "date", "date_range", "relative_date")
SUMMED = ("count", "money", "quantity")  # the kinds a totals row adds up
LABEL_WORDS = 6  # a totals row's label: "Total", "All hospitals", "Total (all regions)"
LEAD = 160  # characters before a table where its title or lead sentence stands
TIED = ("total", "part")  # roles another breakdown gave

Cells = list[tuple[int, int]]


def read(view: View) -> list[Statement]:
    """Each table's changes and totals, read on the article's source (the plain text keeps no bars): offsets below
    are the source's, and each figure is placed there by its source offset."""
    tables = view.doc.table_rows()
    if not tables:
        return []
    starts = [view.doc.source_offset(f.span.start) for f in view.figures]
    out: list[Statement] = []
    for rows in tables:
        placed = [_placed(view, cells, starts) for cells in rows]
        out += _changes(view, rows, placed, starts)
        out += _totals(view, rows, placed)
        out += _total_column(view, rows, placed)
    return out


def _placed(view: View, cells: Cells, starts: list[int]) -> dict[int, list[int]]:
    """The figures of a row by column: column -> the indexes of the figures that start in that cell."""
    by_cell: dict[int, list[int]] = {}
    if not cells:
        return by_cell
    for k in range(bisect.bisect_left(starts, cells[0][0]), bisect.bisect_left(starts, cells[-1][1])):
        column = next((c for c, (a, b) in enumerate(cells) if a <= starts[k] < b), None)
        if column is not None:
            by_cell.setdefault(column, []).append(k)
    return by_cell


def _valued(view: View, ks: list[int]) -> list[int]:
    return [k for k in ks if view.figures[k].value is not None]


def _changes(view: View, rows: list[Cells], placed: list[dict[int, list[int]]], starts: list[int]) -> list[Statement]:
    figures, text = view.figures, view.doc.source
    out: list[Statement] = []
    columns: tuple[int, int, int, bool] | None = None  # (new, old, change column, per cent) of the header read
    for cells, by_cell in zip(rows, placed, strict=True):
        header = _header(view, cells, by_cell)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        new, old, change, percent = columns
        picked = [_valued(view, by_cell.get(c, [])) for c in (new, old, change)]
        if any(len(p) != 1 for p in picked):
            continue
        n, o, c = (p[0] for p in picked)
        sign = text[max(0, starts[c] - 1) : starts[c] + 1]
        direction = "down" if "-" in sign or "\u2212" in sign else "up" if "+" in sign else None
        out.append(Statement.of("change", {"stated": figures[c].id, "new": figures[n].id, "old": figures[o].id},
                                direction=direction, percent=percent or None))
    return out


def _header(view: View, cells: Cells, by_cell: dict[int, list[int]]) -> tuple[int, int, int, bool] | None:
    """(new, old, change column, per cent) when a row names two periods and a change column, else None."""
    text, figures = view.doc.source, view.figures
    dated: dict[int, str] = {}
    for column, ks in by_cell.items():
        for k in ks:
            if figures[k].kind in PERIODS and figures[k].date:
                dated[column] = figures[k].date
    for c, (a, b) in enumerate(cells):  # a bare year the calendar left out: "| 2024 | 2023 |"
        year = YEAR_CELL.fullmatch(text, a, b)
        if c not in dated and year:
            dated[c] = year.group(1)
    change = [c for c, (a, b) in enumerate(cells) if CHANGE.search(text, a, b)]
    if len(dated) != 2 or len(change) != 1 or change[0] in dated:
        return None
    if any(figures[k].value is not None and not figures[k].is_calendar for ks in by_cell.values() for k in ks):
        return None  # a row of figures is no header
    (a, da), (b, db) = sorted(dated.items())
    if da == db:
        return None
    new, old = (a, b) if da > db else (b, a)
    a, b = cells[change[0]]
    return new, old, change[0], bool(PERCENT.search(text, a, b))


def _totals(view: View, rows: list[Cells], placed: list[dict[int, list[int]]]) -> list[Statement]:
    """A breakdown for each column of amounts that a totals row adds up: the rows from the header (the first row
    with no figure but dates in its cells) to the totals row, or from it to the table's end when it comes first."""
    text, figures = view.doc.source, view.figures
    body = [i for i, by_cell in enumerate(placed) if any(not figures[k].is_calendar for ks in by_cell.values()
                                                         for k in ks)]
    if not body or body[0] == 0 and len(rows[0]) < 2:
        return []
    header = rows[body[0] - 1] if body[0] else None
    totals = [i for i in body if rows[i] and _total_label(text, rows[i][0])]
    if len(totals) != 1:
        return []
    at = totals[0]
    parts_rows = [i for i in body if (i < at if at > body[0] else i > at)]
    lead = text[max(0, rows[0][0][0] - LEAD) : rows[0][0][0]].rstrip(" \t\r\n|")
    if UNSUMMED.search(re.sub(r"<[^>]*>", " ", lead).rsplit("\n\n", 1)[-1]):
        return []  # "Average price by property type": the table's title says its rows are not added up
    out: list[Statement] = []
    for column in range(1, len(rows[at])):
        total = _valued(view, placed[at].get(column, []))
        if len(total) != 1:
            continue
        if header is not None and column < len(header) and UNSUMMED.search(text, *header[column]) \
                and figures[total[0]].unit != "%":
            continue
        t = figures[total[0]]
        whole = t.unit == "%" and t.value == 100  # a column of shares, its total row 100%
        if not (t.kind in SUMMED and t.unit != "%" or whole) or view.role[total[0]] in TIED:
            continue
        parts = []
        for i in parts_rows:
            ks = _valued(view, placed[i].get(column, []))
            if len(ks) != 1 or figures[ks[0]].kind != t.kind or figures[ks[0]].unit != t.unit \
                    or view.role[ks[0]] in TIED:
                break
            parts.append(ks[0])
        if len(parts) != len(parts_rows) or len(parts) < 2 or any(figures[k].value > t.value for k in parts):
            continue  # a row larger than the "All" row: the row is an average of the others, no sum
        view.role[total[0]] = "total"
        for k in parts:
            view.role[k] = "part"
        out.append(Statement.of("breakdown", {"total": t.id, "parts": [figures[k].id for k in parts]},
                                complete=True, exclusive=True))
    return out


def _total_column(view: View, rows: list[Cells], placed: list[dict[int, list[int]]]) -> list[Statement]:
    """A breakdown for each row of a table whose header names a column a total ("| Team | Gold | Silver | Bronze |
    Total |"): the row's cell there is the total of its cells in the columns right before it, each column one of
    amounts of the total's kind and unit in every row (a zero may be left out: "0" or a dash)."""
    text, figures = view.doc.source, view.figures
    body = [i for i, by_cell in enumerate(placed) if by_cell]
    if not body or body[0] == 0:
        return []
    header = rows[body[0] - 1]
    named = [c for c, cell in enumerate(header) if _total_label(text, cell) and len(text[slice(*cell)].split()) <= 3]
    if len(named) != 1 or any(len(rows[i]) != len(header) for i in body):
        return []
    at = named[0]
    out: list[Statement] = []
    totals = [_valued(view, placed[i].get(at, [])) for i in body]
    if any(len(t) != 1 for t in totals):
        return []
    model = figures[totals[0][0]]
    if model.kind not in SUMMED or model.unit == "%":
        return []
    columns: list[int] = []
    for c in range(at - 1, 0, -1):
        if UNSUMMED.search(text, *header[c]) or CHANGE.search(text, *header[c]) \
                or not all(_amount_cell(view, text, rows[i][c], placed[i].get(c, []), model) for i in body) \
                or not any(placed[i].get(c) for i in body):
            break
        columns.insert(0, c)
    if len(columns) < 2:
        return []
    for i, total in zip(body, totals, strict=True):
        parts = [k for c in columns for k in _valued(view, placed[i].get(c, []))]
        if view.role[total[0]] in TIED or any(view.role[k] in TIED for k in parts) or len(parts) < 2:
            continue
        view.role[total[0]] = "total"
        for k in parts:
            view.role[k] = "part"
        out.append(Statement.of("breakdown", {"total": figures[total[0]].id, "parts": [figures[k].id for k in parts]},
                                complete=True, exclusive=True))
    return out


def _amount_cell(view: View, text: str, cell: tuple[int, int], ks: list[int], model) -> bool:
    """A cell of one amount like model's, or a zero written so that no figure is read ("0", "-")."""
    valued = _valued(view, ks)
    if not ks:
        return text[slice(*cell)].strip(" \t|*") in ("0", "-", "\u2013", "\u2014", "")
    return len(valued) == 1 == len(ks) and view.figures[valued[0]].kind == model.kind \
        and view.figures[valued[0]].unit == model.unit


def _total_label(text: str, cell: tuple[int, int]) -> bool:
    """A first cell that names a total ("Total", "All hospitals", "Overall"), a few words, no digits."""
    label = text[cell[0] : cell[1]]
    label = re.sub(r"<[^>]*>|\*\*?|__?", " ", label)
    return bool(TOTAL.search(label)) and len(label.split()) <= LABEL_WORDS and not any(c.isdigit() for c in label)
