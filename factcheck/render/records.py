"""A report as plain JSON-ready records, shared by every machine format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import FileReport, Finding, Report

SCHEMA = "factcheck-report/1"


def finding_record(file: FileReport, finding: Finding) -> dict[str, Any]:
    return finding.to_dict(file.locate)


def file_record(file: FileReport, lazy: bool = False) -> dict[str, Any]:
    """A file's record; lazy: its figures and statements as generators (for json_stream to write one by one)."""
    findings = [finding_record(file, f) for f in file.findings]
    findings.sort(key=lambda r: (r["line"], r["column"], r["rule"]))
    out: dict[str, Any] = {
        "path": file.path,
        "published": file.published,
        "figures": _listed((fig.to_dict(file.locate) for fig in file.figures), lazy),
        "findings": findings,
        "statements": _listed((statement.to_dict() for statement in file.statements), lazy),
    }
    if file.suppressed:  # findings switched off inline or matched by a baseline: counted, not listed
        out["suppressed"] = len(file.suppressed)
    if file.notes:
        out["notes"] = list(file.notes)
    return out


def report_record(report: Report, lazy: bool = False) -> dict[str, Any]:
    files = sorted(report.files, key=lambda f: f.path)
    return {"schema": SCHEMA, "files": _listed((file_record(f, lazy) for f in files), lazy),
            "summary": report.summary()}


def _listed(records: Iterator[dict[str, Any]], lazy: bool) -> Iterator[dict[str, Any]] | list[dict[str, Any]]:
    return records if lazy else list(records)
