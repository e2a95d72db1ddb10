"""--statistics: how many findings each rule made, most first (as ruff shows them)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..model import Report
from . import Options
from .sanitize import json_text, one_line


def counts(report: Report) -> list[dict[str, object]]:
    """One row per rule code: its count, name and severity, the most frequent first (then by code)."""
    seen = Counter(f.rule for f in report.findings)
    about = {f.rule: f for f in report.findings}
    return [{"code": code, "name": about[code].name, "severity": about[code].severity, "count": n}
            for code, n in sorted(seen.items(), key=lambda item: (-item[1], item[0]))]


def render(report: Report, out: TextIO, options: Options, as_json: bool = False) -> None:
    rows = counts(report)
    if as_json:
        out.write(json_text(json.dumps(rows, indent=2, ensure_ascii=False)) + "\n")
        return
    if not rows:
        out.write("no findings\n")
        return
    width = max(len(str(r["count"])) for r in rows)
    code_width = max(len(str(r["code"])) for r in rows)
    for r in rows:
        out.write(f"{r['count']:>{width}}  {one_line(str(r['code'])):<{code_width}}  "
                  f"{r['severity']:<7}  {one_line(str(r['name']))}\n")
