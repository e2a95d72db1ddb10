"""The terminal report (rich): each finding with its source line and figures marked, then a scorecard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from ..model import FileReport, Finding, Report
from . import Options
from .sanitize import clean, in_place, one_line

MANY_FILES = 50  # above this, the per-file scorecard lists only the files with findings
STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(report: Report, out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, no_color=not options.color, highlight=False, width=options.width,
                      force_terminal=options.color and None, soft_wrap=True)
    files = sorted(report.files, key=lambda f: f.path)
    for file in files:
        for note in file.notes:
            if not options.quiet:
                console.print(Text(f"{one_line(file.path)}: note: {clean(note)}", style="dim"))
        for finding in file.findings:
            _finding(console, file, finding)
    if not options.quiet:
        if len(files) > 1:
            _file_scorecards(console, files)
        _scorecard(console, "all files" if len(files) > 1 else files[0].path if files else "no files", files)


def _finding(console, file: FileReport, finding: Finding) -> None:
    from rich.text import Text

    line, column = file.locate(finding.span.start)
    head = Text()
    head.append(f"{one_line(file.path)}:{line}:{column}", style="bold")
    head.append("  ")
    head.append(f"{finding.severity} {finding.rule}", style=STYLE[finding.severity])
    head.append(f" {finding.name}", style="dim")
    console.print(head)
    console.print(Text("  " + clean(finding.message)))
    if file.document is not None:
        shown: set[int] = set()
        for span in finding.spans:
            span_line, _ = file.locate(span.start)
            if span_line in shown:
                continue
            shown.add(span_line)
            console.print(_source_line(file, span_line, finding))
    if finding.evidence:
        console.print(Text("  = " + clean(finding.evidence), style="cyan"))
    if finding.fix:
        console.print(Text("  fix: " + clean(finding.fix), style="green"))
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
    body = Text(in_place(source[lo:hi]) + ("…" if hi < len(source) else ""))
    for i, (a, b) in enumerate(marks):
        body.stylize("bold underline red" if i == 0 else "bold underline magenta", a - lo, b - lo)
    text.append_text(body)
    return text


def _scorecard(console, title: str, files: list[FileReport]) -> None:
    from rich.table import Table
    from rich.text import Text

    figures = sum(len(f.figures) for f in files)
    checked = sum(len(f.checked) for f in files)
    consistent = sum(f.consistent for f in files)
    suppressed = sum(len(f.suppressed_figures) for f in files)
    errors, warnings, infos = (sum(f.count(s) for f in files) for s in ("error", "warning", "info"))
    tokens = sum(f.numeric_tokens for f in files)
    covered = sum(f.covered_tokens for f in files)
    table = Table(title=Text(f"Scorecard: {one_line(title)}"), show_header=False, title_justify="left", box=None,
                  padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("figures found", str(figures))
    table.add_row("checked by a rule", str(checked))
    table.add_row("consistent", f"[green]{consistent}[/green]")
    table.add_row("suppressed", f"[magenta]{suppressed}[/magenta] (their findings are switched off inline or "
                  "in the baseline)" if suppressed else "0")
    table.add_row("errors", f"[red]{errors}[/red]" if errors else "0")
    table.add_row("warnings", f"[yellow]{warnings}[/yellow]" if warnings else "0")
    table.add_row("infos", str(infos))
    share = f" ({covered / tokens:.0%})" if tokens else ""
    table.add_row("coverage", f"{covered}/{tokens}{share} numeric tokens in figures")
    console.print(table)


def _file_scorecards(console, files: list[FileReport]) -> None:
    """One row per file (only the files with findings when there are many), for multi-file runs."""
    from rich.table import Table
    from rich.text import Text

    shown = files if len(files) <= MANY_FILES else [f for f in files if f.findings]
    if not shown:
        return
    title = "Scorecard per file" + ("" if shown is files else f" (the {len(shown)} with findings)")
    table = Table(title=title, title_justify="left", box=None, padding=(0, 1), header_style="bold")
    table.add_column("file", overflow="fold", min_width=min(40, max(len(f.path) for f in shown)))
    for name in ("figures", "checked", "consistent", "suppressed", "errors", "warnings", "infos", "coverage"):
        table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
    for f in shown:
        share = f"{f.covered_tokens / f.numeric_tokens:.0%}" if f.numeric_tokens else "n/a"
        errors, warnings = f.count("error"), f.count("warning")
        table.add_row(Text(one_line(f.path)), str(len(f.figures)), str(len(f.checked)), str(f.consistent),
                      str(len(f.suppressed_figures)),
                      f"[red]{errors}[/red]" if errors else "0", f"[yellow]{warnings}[/yellow]" if warnings else "0",
                      str(f.count("info")), share)
    console.print(table)


@contextmanager
def progress(total: int, stream: TextIO | None, color: bool = True) -> Iterator[Callable[[str], None]]:
    """A transient progress bar on `stream` (None: no bar); yields tick(path), called after each file."""
    if stream is None or total < 2:
        yield lambda path: None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, no_color=not color, force_terminal=True)
    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("[dim]{task.fields[path]}", markup=True))
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("check", total=total, path="")
        yield lambda path: bar.update(task, advance=1, path=escape(one_line(path)))


def baseline_written(path: str, count: int, files: int, out: TextIO) -> None:
    """The one line `factcheck baseline` prints."""
    out.write(f"factcheck: wrote {count} finding{'s' if count != 1 else ''} from {files} file"
              f"{'s' if files != 1 else ''} to {one_line(path)}\n")
