"""The terminal report (rich): each finding with its source line and figures marked, then a scorecard."""

from __future__ import annotations

from typing import TextIO

from ..model import FileReport, Finding, Report
from . import Options

STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(report: Report, out: TextIO, options: Options) -> None:
    from rich.console import Console

    console = Console(file=out, no_color=not options.color, highlight=False, width=options.width,
                      force_terminal=options.color and None, soft_wrap=False)
    files = sorted(report.files, key=lambda f: f.path)
    for file in files:
        for note in file.notes:
            if not options.quiet:
                console.print(f"[dim]{file.path}: note: {_escape(note)}[/dim]")
        for finding in file.findings:
            _finding(console, file, finding)
    if not options.quiet:
        if len(files) > 1:
            for file in files:
                _scorecard(console, file.path, [file])
        _scorecard(console, "all files" if len(files) > 1 else files[0].path if files else "no files", files)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _finding(console, file: FileReport, finding: Finding) -> None:
    from rich.text import Text

    line, column = file.locate(finding.span.start)
    head = Text()
    head.append(f"{file.path}:{line}:{column}", style="bold")
    head.append("  ")
    head.append(f"{finding.severity} {finding.rule}", style=STYLE[finding.severity])
    head.append(f" {finding.name}", style="dim")
    console.print(head)
    console.print(Text("  " + finding.message))
    if file.document is not None:
        shown: set[int] = set()
        for span in finding.spans:
            span_line, _ = file.locate(span.start)
            if span_line in shown:
                continue
            shown.add(span_line)
            console.print(_source_line(file, span_line, finding))
    if finding.evidence:
        console.print(Text("  = " + finding.evidence, style="cyan"))
    if finding.fix:
        console.print(Text("  fix: " + finding.fix, style="green"))
    console.print()


def _source_line(file: FileReport, line: int, finding: Finding):
    """The source line with the finding's figures underlined, trimmed around them."""
    from rich.text import Text

    source = file.document.source_line(line)
    marks = []
    for span in finding.spans:
        (l1, c1), (l2, c2) = file.locate(span.start), file.locate(span.end)
        if l1 == line:
            marks.append((c1 - 1, c2 - 1 if l2 == line else len(source)))
    lo = max(0, min(a for a, _ in marks) - 60) if marks else 0
    hi = min(len(source), max(b for _, b in marks) + 60) if marks else min(len(source), 120)
    prefix = f"  {line:>4} │ " + ("…" if lo > 0 else "")
    text = Text(prefix, style="dim")
    body = Text(source[lo:hi] + ("…" if hi < len(source) else ""))
    for i, (a, b) in enumerate(marks):
        body.stylize("bold underline red" if i == 0 else "bold underline magenta", a - lo, b - lo)
    text.append_text(body)
    return text


def _scorecard(console, title: str, files: list[FileReport]) -> None:
    from rich.table import Table

    figures = sum(len(f.figures) for f in files)
    checked = sum(len(f.checked) for f in files)
    consistent = sum(f.consistent for f in files)
    errors, warnings, infos = (sum(f.count(s) for f in files) for s in ("error", "warning", "info"))
    tokens = sum(f.numeric_tokens for f in files)
    covered = sum(f.covered_tokens for f in files)
    table = Table(title=f"Scorecard: {title}", show_header=False, title_justify="left", box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("figures found", str(figures))
    table.add_row("checked by a rule", str(checked))
    table.add_row("consistent", f"[green]{consistent}[/green]")
    table.add_row("errors", f"[red]{errors}[/red]" if errors else "0")
    table.add_row("warnings", f"[yellow]{warnings}[/yellow]" if warnings else "0")
    table.add_row("infos", str(infos))
    share = f" ({covered / tokens:.0%})" if tokens else ""
    table.add_row("coverage", f"{covered} of {tokens} numeric tokens in figures{share}")
    console.print(table)
