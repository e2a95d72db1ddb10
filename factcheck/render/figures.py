"""The figures found in each file, as a table or as JSON (`factcheck figures`)."""

from __future__ import annotations

import json
from typing import TextIO

from ..model import Report
from ..wording import exact
from . import Options
from .records import report_record
from .sanitize import clean, json_text, one_line


def render(report: Report, out: TextIO, options: Options, as_json: bool = False) -> None:
    if as_json:
        record = report_record(report)
        for file in record["files"]:
            file.pop("findings", None)
        out.write(json_text(json.dumps(record, indent=2, ensure_ascii=False)))
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, no_color=not options.color, highlight=False, width=options.width or 160)
    for file in sorted(report.files, key=lambda f: f.path):
        table = Table(title=Text(f"{one_line(file.path)} (published {file.published or 'unknown'})"),
                      title_justify="left")
        for column in ("id", "line:col", "surface", "kind", "value", "unit", "date", "qualifiers", "subject",
                       "anchor"):
            table.add_column(column, overflow="fold")
        for fig in file.figures:
            d = fig.to_dict(file.locate)
            value = exact(d["value"]) if d.get("value") is not None else ""
            date = d.get("date", "") + (f" → {d['date_end']}" if d.get("date_end") else "")
            cells = (d["id"], f"{d['line']}:{d['column']}", d["surface"], d["kind"], value, d.get("unit") or "",
                     date, ",".join(d.get("qualifiers", [])), d.get("subject", ""), d.get("anchor", ""))
            table.add_row(*(Text(clean(cell)) for cell in cells))
        console.print(table)
