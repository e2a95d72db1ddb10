"""One line per finding, `path:line:col: severity CODE message`, and each file note as `path: note: ...` (not with
--quiet); control characters removed, line breaks shown as \\n, so one finding is one line for grep and editors."""

from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import Options
from .records import finding_record
from .sanitize import one_line


def render(report: Report, out: TextIO, options: Options) -> None:
    for file in sorted(report.files, key=lambda f: f.path):
        path = one_line(file.path)
        if not options.quiet:
            for note in file.notes:
                out.write(f"{path}: note: {one_line(note)}\n")
        records = sorted((finding_record(file, f) for f in file.findings),
                         key=lambda r: (r["line"], r["column"], r["rule"]))
        for r in records:
            out.write(f"{path}:{r['line']}:{r['column']}: {r['severity']} {one_line(r['rule'])} "
                      f"{one_line(r['message'])}\n")
