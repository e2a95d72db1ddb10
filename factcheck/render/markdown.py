"""A Markdown report a reader can take in at a glance in a pull request: scorecard, findings, figures."""

from __future__ import annotations

import re
from typing import Any, TextIO

from ..model import SEVERITY_RANK, FileReport, Report
from ..wording import show
from . import Options
from .records import finding_record
from .sanitize import clean, one_line

GITHUB_LIMIT = 65_536  # characters in a pull request comment or a step summary
ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: str) -> str:
    """Text made literal in Markdown (no emphasis, links, HTML or table breaks; no control characters)."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(clean(str(text)).split()))


def md_path(path: str, in_table: bool = False) -> str:
    """A file name as literal Markdown code, on one line (a line break in it shown as \\n): fenced with more
    backticks than it holds, its pipes escaped inside a table."""
    text = one_line(path).replace("|", "\\|") if in_table else one_line(path)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def scorecard(files: list[FileReport] | tuple[FileReport, ...]) -> dict[str, Any]:
    """The scorecard numbers of some files, as the terminal shows them."""
    tokens = sum(f.numeric_tokens for f in files)
    covered = sum(f.covered_tokens for f in files)
    return {
        "files": len(files),
        "figures": sum(len(f.figures) for f in files),
        "checked": sum(len(f.checked) for f in files),
        "consistent": sum(f.consistent for f in files),
        "suppressed": sum(len(f.suppressed_figures) for f in files),
        "errors": sum(f.count("error") for f in files),
        "warnings": sum(f.count("warning") for f in files),
        "infos": sum(f.count("info") for f in files),
        "tokens": tokens,
        "covered": covered,
        "coverage": f"{covered / tokens:.0%}" if tokens else "n/a",
    }


def figure_status(file: FileReport) -> dict[str, str]:
    """Each figure's mark: the worst severity that flags it, else suppressed (only switched-off or baselined
    findings involve it), else consistent (checked) or unchecked."""
    status: dict[str, str] = {}
    for finding in file.findings:
        for fid in finding.figures:
            if fid not in status or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[status[fid]]:
                status[fid] = finding.severity
    quiet = file.suppressed_figures
    return {fig.id: status.get(fig.id, "suppressed" if fig.id in quiet else
                               "consistent" if fig.id in file.checked else "unchecked")
            for fig in file.figures}


def suppressed_by(file: FileReport) -> dict[str, list[str]]:
    """For each suppressed figure, the codes of the switched-off or baselined rules that involve it."""
    quiet = file.suppressed_figures
    out: dict[str, list[str]] = {}
    for finding in file.suppressed:
        for fid in finding.figures:
            if fid in quiet and finding.rule not in out.setdefault(fid, []):
                out[fid].append(finding.rule)
    return out


def render(report: Report, out: TextIO, options: Options) -> None:
    """The report, within GitHub's comment limit: the summary first, then findings up to the limit and a note."""
    import io

    full = io.StringIO()
    _render(report, full, options)
    out.write(fit(full.getvalue(), len(report.findings)))


def fit(text: str, findings: int, limit: int = GITHUB_LIMIT) -> str:
    """Markdown cut at the last section or finding that fits, with a note of what was left out."""
    if len(text) <= limit:
        return text
    note_room = 400
    head = text[:limit - note_room]
    cut = max(head.rfind("\n## "), head.rfind("\n### "))
    if cut <= 0:
        cut = head.rfind("\n")
    kept = text[:cut]
    if kept.count("```") % 2:  # never leave a code block open
        kept += "\n```"
    if kept.count("<details>") > kept.count("</details>"):
        kept += "\n</details>"
    shown = len(re.findall(r"^### ", kept, re.M))
    note = (f"\n\n> **Truncated:** {plural(findings - shown, 'more finding')} not shown: this report is "
            f"{len(text):,} characters and GitHub shows {limit:,}. The full report: `--format html` or "
            "`--report-dir`.\n")
    return kept + note


def _render(report: Report, out: TextIO, options: Options) -> None:
    from .. import __version__

    files = sorted(report.files, key=lambda f: f.path)
    total = scorecard(files)
    out.write("# factcheck report\n\n")
    verdict = ("No discrepancies found." if not (total["errors"] or total["warnings"] or total["infos"]) else
               f"{plural(total['errors'], 'error')}, {plural(total['warnings'], 'warning')}, "
               f"{plural(total['infos'], 'info')}.")
    out.write(f"**{verdict}** {plural(total['files'], 'file')} checked by factcheck {__version__}: "
              f"{plural(total['figures'], 'figure')} found, {total['checked']} checked by a rule, "
              f"{total['consistent']} consistent"
              + (f", {total['suppressed']} suppressed" if total["suppressed"] else "") + ".\n\n")
    out.write("| file | published | figures | checked | consistent | suppressed | errors | warnings | infos "
              "| coverage |\n")
    out.write("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
    rows = [(md_path(f.path, in_table=True), f.published or "unknown", scorecard([f])) for f in files]
    if len(files) > 1:
        rows.append(("**all files**", "", total))
    for name, published, s in rows:
        out.write(f"| {name} | {published} | {s['figures']} | {s['checked']} | {s['consistent']} | "
                  f"{s['suppressed']} | {s['errors']} | "
                  f"{s['warnings']} | {s['infos']} | {s['covered']}/{s['tokens']} ({s['coverage']}) |\n")
    for file in files:
        _file(out, file, options)


def _file(out: TextIO, file: FileReport, options: Options) -> None:
    out.write(f"\n## {md_path(file.path)}\n\n")
    doc = file.document
    if file.published:
        origin = f" ({md(doc.published_from)})" if doc is not None and doc.published_from else ""
        out.write(f"Published {file.published}{origin}.\n\n")
    for note in file.notes:
        out.write(f"> **Note:** {md(note)}\n>\n")
    if file.notes:
        out.write("\n")
    records = sorted((finding_record(file, f) for f in file.findings),
                     key=lambda r: (r["line"], r["column"], r["rule"]))
    if not records:
        out.write("No discrepancies found.\n")
    for r in records:
        out.write(f"### {ICON[r['severity']]} {r['severity']} {r['rule']} · line {r['line']}, column {r['column']}\n\n")
        out.write(f"{md(r['message'])} (`{r['name']}`)\n\n")
        if doc is not None:
            lines = sorted({loc["line"] for loc in r["locations"]})
            out.write("```text\n")
            for line in lines:
                out.write(f"{line:>5} | {clean(doc.source_line(line)).replace('```', '` ` `')}\n")
            out.write("```\n\n")
        if r["evidence"]:
            out.write(f"**Arithmetic:** {md(r['evidence'])}\n\n")
        if r.get("fix"):
            out.write(f"**Fix:** {md(r['fix'])}\n\n")
    if file.figures and not options.quiet:
        status = figure_status(file)
        by = suppressed_by(file)
        out.write(f"\n<details><summary>{plural(len(file.figures), 'figure')}: "
                  f"{sum(1 for s in status.values() if s == 'consistent')} consistent, "
                  f"{sum(1 for s in status.values() if s in SEVERITY_RANK)} flagged, "
                  f"{sum(1 for s in status.values() if s == 'suppressed')} suppressed, "
                  f"{sum(1 for s in status.values() if s == 'unchecked')} unchecked</summary>\n\n")
        out.write("| id | line | figure | kind | reads as | status |\n|---|--:|---|---|---|---|\n")
        for fig in file.figures:
            d = fig.to_dict(file.locate)
            reads = d.get("date", "") + (f" to {d['date_end']}" if d.get("date_end") else "")
            if "value" in d:
                reads = show(d["value"], d.get("unit"), digits=15) if d["value"] is not None else ""
            out.write(f"| {d['id']} | {d['line']} | {md(d['surface'])} | {d['kind']} | {md(reads)} | "
                      f"{status[fig.id]}{' (' + ', '.join(by[fig.id]) + ')' if fig.id in by else ''} |\n")
        out.write("\n</details>\n")
