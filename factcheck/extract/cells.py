"""Table cells: each figure in a table's body carries its row's label and its column's header as its subject."""

from __future__ import annotations

import bisect
import re

from ..model import Figure, replaced

MARKUP = re.compile(r"<[^>]*>|&nbsp;|[*_`]+")
SPACES = re.compile(r"\s+")
LABEL_WORDS = 8  # a longer cell is text, not a label


def label(doc, figures: list[Figure]) -> list[Figure]:
    """The figures with subject "<row label>, <column header>" ("North, April 2025") where they sit in a table's
    body: the row label is the row's first cell, the column header the first row's cell above; either is left out
    when it holds a digit of no date or is long, and a figure in a label cell or in the header row gets none."""
    tables = doc.table_rows()
    if not tables or not figures:
        return figures
    starts = [doc.source_offset(f.span.start) for f in figures]
    out = list(figures)
    for rows in tables:
        header = [_label(doc.source, cell) for cell in rows[0]]
        for cells in rows[1:]:
            if len(cells) < 2:
                continue
            row = _label(doc.source, cells[0])
            for k in range(bisect.bisect_left(starts, cells[1][0]), bisect.bisect_left(starts, cells[-1][1])):
                column = next((c for c, (a, b) in enumerate(cells) if a <= starts[k] < b), None)
                if not column or figures[k].subject or figures[k].is_calendar:
                    continue
                said = ", ".join(x for x in (row, header[column] if column < len(header) else None) if x)
                if said:
                    out[k] = replaced(figures[k], subject=said)
    return out


def _label(source: str, cell: tuple[int, int]) -> str | None:
    text = SPACES.sub(" ", MARKUP.sub(" ", source[cell[0] : cell[1]])).strip()
    if not text or len(text.split()) > LABEL_WORDS or re.fullmatch(r"[\d.,%()+\-\u2212 ]+", text):
        return None
    return text
