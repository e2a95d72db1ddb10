"""The JSON report: one object on stdout, as the contract in DESIGN.md."""

from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import Options
from .json_stream import write
from .records import report_record


def render(report: Report, out: TextIO, options: Options) -> None:
    """Write the report a figure at a time (the same bytes as one json.dumps of the whole)."""
    write(report_record(report, lazy=True), out, indent=2)
    out.write("\n")
