"""The output formats: FORMATS maps a --format name to the module that renders a Report.

Each module has `render(report, out, options) -> None`; renderers never compute findings,
they only lay out what the report holds (records.py builds the shared JSON-shaped records).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

FORMATS = {
    "rich": "terminal",
    "line": "line",
    "json": "json_report",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "rdjson": "rdjson",
    "github": "github",
    "markdown": "markdown",
    "html": "html",
}


@dataclass(frozen=True)
class Options:
    """How to render: colour, findings only, the terminal width, and the rules run (for rule metadata)."""

    color: bool = True
    quiet: bool = False
    width: int | None = None
    rules: tuple = ()


def renderer(name: str) -> ModuleType:
    """The module that renders a format (imported only when asked for)."""
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")
