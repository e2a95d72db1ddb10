"""reviewdog's Diagnostic Format (rdjson): findings with suggested changes for a pull request review."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import FileReport, Report
from . import Options
from .records import finding_record
from .sanitize import json_text
from .sarif import INFORMATION_URI, help_uri, is_builtin, known_rules

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _position(file: FileReport, line: int, column: int) -> dict[str, int]:
    """rdjson counts columns in UTF-8 bytes from 1; factcheck counts characters."""
    if file.document is None:
        return {"line": line, "column": column}
    text = file.document.source_line(line)[:column - 1]
    return {"line": line, "column": len(text.encode("utf-8", "surrogatepass")) + 1}


def _range(file: FileReport, loc: dict[str, int]) -> dict[str, Any]:
    return {"start": _position(file, loc["line"], loc["column"]),
            "end": _position(file, loc["end_line"], loc["end_column"])}


def diagnostics(report: Report, options: Options) -> dict[str, Any]:
    urls = {r.id: help_uri(r) for r in known_rules(options) if is_builtin(r)}
    out = []
    for file in sorted(report.files, key=lambda f: f.path):
        records = sorted(((finding_record(file, f), f) for f in file.findings),
                         key=lambda rf: (rf[0]["line"], rf[0]["column"], rf[0]["rule"]))
        for r, finding in records:
            message = r["message"] + (f" ({r['evidence']})" if r["evidence"] else "")
            item: dict[str, Any] = {
                "message": message,
                "location": {"path": file.path, "range": _range(file, r["locations"][0])},
                "severity": SEVERITY[r["severity"]],
                "code": {"value": r["rule"]} | ({"url": urls[r["rule"]]} if r["rule"] in urls else {}),
            }
            if finding.replacement is not None:
                item["suggestions"] = [{"range": _range(file, r["locations"][0]), "text": finding.replacement}]
            out.append(item)
    return {"source": {"name": "factcheck", "url": INFORMATION_URI}, "diagnostics": out}


def render(report: Report, out: TextIO, options: Options) -> None:
    out.write(json_text(json.dumps(diagnostics(report, options), indent=2, ensure_ascii=False)))
    out.write("\n")
