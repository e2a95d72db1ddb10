"""factcheck: find every figure in an article and check them against each other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import FactcheckError

if TYPE_CHECKING:
    from .api import check_paths, check_text, load_rules, render_report
    from .model import Figure, FileReport, Finding, Interval, Report, Span

__all__ = [
    "check_text",
    "check_paths",
    "render_report",
    "load_rules",
    "FactcheckError",
    "FileReport",
    "Figure",
    "Finding",
    "Interval",
    "Report",
    "Span",
]
__version__ = "0.1.0"

# Imported on first use (PEP 562): `import factcheck` (and the CLI, which imports the package) does not pay for
# the engine, the check kinds and the Markdown parser when a run needs none of them (a cached hook run).
_LAZY = {
    "check_text": "api",
    "check_paths": "api",
    "render_report": "api",
    "load_rules": "api",
    "Figure": "model",
    "FileReport": "model",
    "Finding": "model",
    "Interval": "model",
    "Report": "model",
    "Span": "model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
