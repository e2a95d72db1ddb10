"""The public API: check a text or a list of paths and get a report back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from . import document, engine
from .model import FileReport, Report, Rule


def check_text(
    text: str,
    published: str | dt.date | None = None,
    fmt: str = "txt",
    path: str = "<text>",
    rules: list[Rule] | None = None,
    rates: str | None = None,
) -> FileReport:
    """Check one document given as text ("txt", "md" or "html") and return its report; rates: an ECB history file
    (eurofxref-hist.zip or its CSV) to convert currencies with instead of the installed one."""
    doc = document.from_text(text, fmt=fmt, path=path, published=published)
    return engine.check_document(doc, engine.default_rules() if rules is None else rules, rates)


def check_paths(
    paths: Iterable[str | Path],
    published: str | dt.date | None = None,
    rules: list[Rule] | None = None,
    rates: str | None = None,
) -> Report:
    """Check files and folders of articles and return one report for them all (rates: as for check_text)."""
    return engine.check_paths(paths, published=published, rules=rules, rates=rates)
