"""One line per finding: path:line:col: FC101 message."""

from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import Options
from .records import finding_record


def render(report: Report, out: TextIO, options: Options) -> None:
    for file in sorted(report.files, key=lambda f: f.path):
        records = sorted((finding_record(file, f) for f in file.findings),
                         key=lambda r: (r["line"], r["column"], r["rule"]))
        for r in records:
            out.write(f"{file.path}:{r['line']}:{r['column']}: {r['rule']} {r['message']}\n")
