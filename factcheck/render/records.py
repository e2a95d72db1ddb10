"""A report as plain JSON-ready records, shared by every machine format."""

from __future__ import annotations

from typing import Any

from ..model import FileReport, Finding, Report

SCHEMA = "factcheck-report/1"


def finding_record(file: FileReport, finding: Finding) -> dict[str, Any]:
    return finding.to_dict(file.locate)


def file_record(file: FileReport) -> dict[str, Any]:
    findings = [finding_record(file, f) for f in file.findings]
    findings.sort(key=lambda r: (r["line"], r["column"], r["rule"]))
    out: dict[str, Any] = {
        "path": file.path,
        "published": file.published,
        "figures": [fig.to_dict(file.locate) for fig in file.figures],
        "findings": findings,
        "statements": [statement.to_dict() for statement in file.statements],
    }
    if file.suppressed:  # findings switched off inline or matched by a baseline: counted, not listed
        out["suppressed"] = len(file.suppressed)
    if file.notes:
        out["notes"] = list(file.notes)
    return out


def report_record(report: Report) -> dict[str, Any]:
    files = sorted(report.files, key=lambda f: f.path)
    return {"schema": SCHEMA, "files": [file_record(f) for f in files], "summary": report.summary()}
