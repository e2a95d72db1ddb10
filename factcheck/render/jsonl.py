"""JSON Lines: one file's report per line as soon as it is checked, then one summary line; memory stays flat.

Each file line is that file's object from the JSON report ("path", "published", "figures",
"findings", "notes"); the last line is {"schema": "factcheck-report/1", "summary": {...}}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import FileReport, Report
from . import Options
from .json_stream import write
from .records import SCHEMA, file_record


def stream(files: Iterable[FileReport], out: TextIO, options: Options) -> None:
    """Write each report as it comes, keeping only the running totals."""
    totals: dict[str, int] = {}
    for file in files:
        write(file_record(file, lazy=True), out)  # a figure at a time: a long file's line is never one string
        out.write("\n")
        out.flush()
        for name, count in Report(files=(file,)).summary().items():
            totals[name] = totals.get(name, 0) + count
    if not totals:
        totals = Report(files=()).summary()
    out.write(json.dumps({"schema": SCHEMA, "summary": totals}, ensure_ascii=False) + "\n")


def render(report: Report, out: TextIO, options: Options) -> None:
    stream(report.files, out, options)
