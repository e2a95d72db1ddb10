"""One line per finding: path:line:col: FC101 message (control characters removed, line breaks shown as \\n)."""

from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import Options
from .records import finding_record
from .sanitize import one_line


def render(report: Report, out: TextIO, options: Options) -> None:
    for file in sorted(report.files, key=lambda f: f.path):
        records = sorted((finding_record(file, f) for f in file.findings),
                         key=lambda r: (r["line"], r["column"], r["rule"]))
        path = one_line(file.path)
        for r in records:
            out.write(f"{path}:{r['line']}:{r['column']}: {one_line(r['rule'])} {one_line(r['message'])}\n")
