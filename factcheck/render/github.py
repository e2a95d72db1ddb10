"""GitHub Actions workflow commands: `::error file=PATH,line=N,col=M,title=FC101::message` per finding."""

from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import Options
from .records import finding_record
from .sanitize import clean

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (%, CR, LF), other control characters removed."""
    return clean(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a command property value (also ':' and ',')."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, out: TextIO, options: Options) -> None:
    for file in sorted(report.files, key=lambda f: f.path):
        path = escape_property(file.path)
        if not options.quiet:
            for note in file.notes:
                out.write(f"::notice file={path},title=factcheck note::{escape_data(note)}\n")
        records = sorted((finding_record(file, f) for f in file.findings),
                         key=lambda r: (r["line"], r["column"], r["rule"]))
        for r in records:
            props = f"file={path},line={r['line']},col={r['column']}"
            if r["end_line"] == r["line"]:
                props += f",endLine={r['end_line']},endColumn={r['end_column']}"
            message = f"{r['message']} [{r['name']}]"
            if r["evidence"]:
                message += f"\n{r['evidence']}"
            if r.get("fix"):
                message += f"\nFix: {r['fix']}"
            out.write(f"::{COMMAND[r['severity']]} {props},title={escape_property(r['rule'])}::"
                      f"{escape_data(message)}\n")
