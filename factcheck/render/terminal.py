"""The terminal report (rich): each finding with its source line and figures marked, then a scorecard."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO, cast

from ..model import FileReport, Finding, Report
from . import Options
from .sanitize import clean, in_place, one_line

MANY_FILES = 50  # above this, the per-file scorecard lists only the files with findings
STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
SHORT = {"figures": "figs", "checked": "chkd", "consistent": "ok", "suppressed": "supp", "errors": "err",
         "warnings": "warn", "infos": "info", "coverage": "cov"}  # the per-file table's headers on a narrow terminal


def render(report: Report, out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.text import Text

    stripped = _Rstrip(out)
    # Prose wraps at the width of a terminal (or of COLUMNS, or options.width); written to a file or a pipe it
    # stays on one line for grep. Source lines are always cut to the width, so carets stay under their figures.
    wrap = options.width is not None or "COLUMNS" in os.environ or bool(getattr(out, "isatty", lambda: False)())
    console = Console(file=cast(TextIO, stripped), no_color=not options.color, highlight=False, width=options.width,
                      force_terminal=options.color and None, soft_wrap=not wrap)
    files = sorted(report.files, key=lambda f: f.path)
    shared = _shared_notes(files)
    for file in files:
        for note in file.notes:
            if not options.quiet and note not in shared:
                console.print(Text(f"{one_line(file.path)}: note: {clean(note)}", style="dim"))
        for finding in file.findings:
            _finding(console, file, finding, carets=not options.color)
    if not options.quiet:
        for note, paths in shared.items():
            console.print(Text(f"note: {clean(note)}: {_some(paths)}", style="dim"))
        if len(files) > 1:
            _file_scorecards(console, files)
        _scorecard(console, "all files" if len(files) > 1 else files[0].path if files else "no files", files)
    stripped.flush()


class _Rstrip:
    """A stream that drops the spaces rich pads lines with (before any closing colour codes)."""

    TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$")

    def __init__(self, out: TextIO) -> None:
        self.out, self.pending = out, ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            self.out.write(self.TRAILING.sub(r"\1", line) + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.out.write(self.TRAILING.sub(r"\1", self.pending))
            self.pending = ""
        self.out.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.out, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.out.fileno()


def _shared_notes(files: list[FileReport]) -> dict[str, list[str]]:
    """Notes that several files of a multi-file run share (no publication date, say): shown once, with a count."""
    by_note: dict[str, list[str]] = {}
    for file in files:
        for note in dict.fromkeys(file.notes):
            by_note.setdefault(note, []).append(file.path)
    return {note: paths for note, paths in by_note.items() if len(paths) > 1}


def _some(paths: list[str], shown: int = 3) -> str:
    """`4 files: a.md, b.md, c.md and 1 more`."""
    names = ", ".join(one_line(p) for p in paths[:shown])
    more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
    return f"{len(paths)} files: {names}{more}"


def _finding(console, file: FileReport, finding: Finding, carets: bool = False) -> None:
    from rich.text import Text

    line, column = file.locate(finding.span.start)
    head = Text()
    head.append(f"{one_line(file.path)}:{line}:{column}", style="bold")
    head.append("  ")
    head.append(f"{finding.severity} {finding.rule}", style=STYLE[finding.severity])
    head.append(f" {finding.name}", style="dim")
    console.print(head)
    _prose(console, clean(finding.message))
    if file.document is not None:
        shown: set[int] = set()
        for span in finding.spans:
            span_line, _ = file.locate(span.start)
            if span_line in shown:
                continue
            shown.add(span_line)
            for text in _source_line(file, span_line, finding, console.width, carets):
                console.print(text, no_wrap=True, overflow="crop", soft_wrap=False)
    if finding.evidence:
        _prose(console, "= " + clean(finding.evidence), "cyan")
    if finding.fix:
        _prose(console, "fix: " + clean(finding.fix), "green")
    console.print()


def _prose(console, text: str, style: str = "") -> None:
    """A line of a finding, indented by two; wrapped with the same indent when the console wraps."""
    from rich.padding import Padding
    from rich.text import Text

    if console.soft_wrap:
        console.print(Text("  " + text, style=style))
    else:
        console.print(Padding(Text(text, style=style), (0, 0, 0, 2), expand=False))


def _window(source: str, marks: list[tuple[int, int]], budget: int) -> tuple[int, int]:
    """The slice of a source line to show in `budget` cells: the marked figures, with context either side."""
    from rich.cells import cell_len

    if not marks:
        lo = 0
    else:
        first, last = min(a for a, _ in marks), max(b for _, b in marks)
        slack = budget - cell_len(source[first:last])
        lo = max(0, first - max(slack // 2, 0)) if slack > 0 else first
    hi, used = lo, 0
    while hi < len(source) and used + cell_len(source[hi]) <= budget:
        used += cell_len(source[hi])
        hi += 1
    while lo > 0 and used + cell_len(source[lo - 1]) <= budget:  # room left at the end: more context before
        lo -= 1
        used += cell_len(source[lo])
    return lo, hi


def _source_line(file: FileReport, line: int, finding: Finding, width: int, carets: bool) -> list:
    """The source line with the finding's figures underlined (and carets under them when there is no colour),
    trimmed around them to fit the terminal's width."""
    from rich.cells import cell_len
    from rich.text import Text

    source = in_place(file.document.source_line(line)).replace("\t", " ")
    marks = []
    for span in finding.spans:
        (l1, c1), (l2, c2) = file.locate(span.start), file.locate(span.end)
        if l1 == line:
            marks.append((c1 - 1, c2 - 1 if l2 == line else len(source)))
    gutter = f"  {line:>4} │ "
    budget = max(20, width - cell_len(gutter) - 2)  # two cells for the ellipses
    lo, hi = _window(source, marks, budget)
    text = Text(gutter + ("…" if lo > 0 else ""), style="dim")
    body = Text(source[lo:hi] + ("…" if hi < len(source) else ""))
    for i, (a, b) in enumerate(marks):
        body.stylize("bold underline red" if i == 0 else "bold underline magenta", max(a - lo, 0), max(b - lo, 0))
    text.append_text(body)
    if not carets or not marks:
        return [text]
    under = [" "] * (hi - lo)
    for i, (a, b) in reversed(list(enumerate(marks))):  # the first figure's carets win where marks overlap
        for k in range(max(a, lo), min(b, hi)):
            under[k - lo] = "^" if i == 0 else "-"
    row = "".join(mark * cell_len(source[lo + k]) if mark != " " else " " * cell_len(source[lo + k])
                  for k, mark in enumerate(under))
    pad = " " * (cell_len(gutter) - 2) + "│ " + (" " if lo > 0 else "")
    return [text, Text(pad + row.rstrip(), style="dim")]


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
    narrow = console.width < 100
    table.add_column("file", overflow="fold", min_width=min(16 if narrow else 40, max(len(f.path) for f in shown)))
    names = ("figures", "checked", "consistent", "suppressed", "errors", "warnings", "infos", "coverage")
    for name in (SHORT[n] for n in names) if narrow else names:
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
