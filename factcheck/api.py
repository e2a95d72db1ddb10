"""The public API: check a text or paths, render a report in any format, and load rule packs."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

from . import document, engine
from .errors import FactcheckError
from .model import FileReport, Report, Rule

TEXT_FORMATS = ("txt", "md", "html")


def check_text(
    text: str,
    published: str | dt.date | None = None,
    fmt: str = "txt",
    path: str = "<text>",
    rules: list[Rule] | None = None,
    rates: str | None = None,
    *,
    format: str | None = None,
) -> FileReport:
    """Check one document given as text and return its report.

    format (or fmt): "txt", "md" or "html"; Markdown front matter and HTML metadata give the publication date
    unless `published` does. rates: an ECB history file (eurofxref-hist.zip or its CSV) to convert currencies with
    instead of the installed one. A bad argument is a FactcheckError that names it.
    """
    chosen = format if format is not None else fmt
    name = "format" if format is not None else "fmt"
    if chosen not in TEXT_FORMATS:
        raise FactcheckError(f"{name}: {chosen!r} is not one of {', '.join(TEXT_FORMATS)}")
    if not isinstance(text, str):
        raise FactcheckError(f"text: expected a str, not a {type(text).__name__}")
    date = document.parse_date(published, "published") if published is not None else None
    doc = document.from_text(text, fmt=chosen, path=path, published=date)
    return engine.check_document(doc, engine.default_rules() if rules is None else rules, rates)


def check_paths(
    paths: Iterable[str | Path],
    published: str | dt.date | None = None,
    rules: list[Rule] | None = None,
    rates: str | None = None,
) -> Report:
    """Check files and folders of articles and return one report for them all (rates: as for check_text)."""
    date = document.parse_date(published, "published") if published is not None else None
    return engine.check_paths(paths, published=date, rules=rules, rates=rates)


def render(report: Report | FileReport, fmt: str = "json", *, color: bool = False, width: int | None = None) -> str:
    """A report (or one file's) as text in any --format: json, jsonl, sarif, rdjson, markdown, html, github, line,
    rich."""
    from .render import FORMATS, Options, renderer

    if fmt not in FORMATS:
        raise FactcheckError(f"fmt: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if isinstance(report, FileReport):
        report = Report(files=(report,))
    out = io.StringIO()
    renderer(fmt).render(report, out, Options(color=color, width=width))
    return out.getvalue()


render_report = render  # `factcheck.render_report`: the package's `factcheck.render` is the renderers' folder


def load_rules(*packs: str | Path, builtin: bool = True) -> list[Rule]:
    """The built-in rules (unless builtin=False) and those of rule packs (folders of YAML rules, or single files),
    sorted by code; a bad rule file or a clashing code is a FactcheckError naming the file."""
    from .rules import load_rules as load

    return load(list(packs), builtin=builtin)
