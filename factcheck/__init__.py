"""factcheck: find every figure in an article and check them against each other."""

from __future__ import annotations

from .api import check_paths, check_text
from .errors import FactcheckError
from .model import Figure, FileReport, Finding, Interval, Report, Span

__all__ = [
    "check_text",
    "check_paths",
    "FactcheckError",
    "FileReport",
    "Figure",
    "Finding",
    "Interval",
    "Report",
    "Span",
]
__version__ = "0.1.0"
