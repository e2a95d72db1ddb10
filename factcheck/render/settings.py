"""What the configuration is: `factcheck config`, the --verbose line, and `factcheck cache` answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from .sanitize import clean, json_text, one_line


def _show(value: Any) -> str:
    if value is None or value == () or value == {}:
        return "(none)"
    if isinstance(value, (tuple, list)):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={_show(v) if isinstance(v, dict) else v}" for k, v in value.items())
    return str(value)


def settings(config: Any) -> list[dict[str, Any]]:
    """Every setting in effect: its key as the file writes it, its value, and where it comes from
    (`FILE:LINE`, or `default` when the file does not set it)."""
    from ..document import DATE_KEYS

    base = config.base
    rows = [
        ("select", config.select, "every rule"),
        ("ignore", base.ignore, None),
        ("packs", config.packs, None),
        ("severity", base.severity, "each rule's own"),
        ("params", base.params, "each rule's own"),
        ("date-keys", base.date_keys, ", ".join(DATE_KEYS)),
        ("fail-on", config.fail_on, "error"),
        ("baseline", config.baseline, None),
        ("report-dir", config.report_dir, None),
        ("rates", config.rates, "the installed ECB history"),
    ]
    out = []
    for key, value, default in rows:
        set_here = value not in (None, (), {})
        line = config.lines.get(key) if set_here else None
        where = f"{config.path}:{line}" if line else config.path if set_here and config.path else "default"
        shown: Any = value if set_here else default
        out.append({"key": key, "value": _jsonable(shown), "from": where})
    for i, override in enumerate(config.overrides):
        s = override.settings
        parts = {"paths": override.paths, "ignore": s.ignore, "severity": s.severity, "params": s.params,
                 "date-keys": s.date_keys}
        line = config.lines.get(f"overrides[{i}]") or config.lines.get(f"overrides[{i}].paths")
        out.append({"key": f"overrides[{i}]", "value": {k: _jsonable(v) for k, v in parts.items() if v},
                    "from": f"{config.path}:{line}" if line else str(config.path)})
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def render_config(config: Any, out: TextIO, as_json: bool = False) -> None:
    """`factcheck config`: the file used (or none) and each setting with its origin."""
    rows = settings(config)
    if as_json:
        out.write(json_text(json.dumps({"file": config.path, "settings": rows}, indent=2, ensure_ascii=False)))
        out.write("\n")
        return
    out.write(f"configuration: {one_line(config.path) if config.path else '(no file found: the defaults)'}\n")
    shown = [(r["key"], one_line(_show(r["value"])), one_line(r["from"])) for r in rows]
    width = max(len(k) for k, _, _ in shown)
    value_width = min(40, max(len(v) for _, v, _ in shown))
    for key, value, where in shown:
        out.write(f"  {key:<{width}}  {clean(value):<{value_width}}  [{where}]\n")


def config_used(config: Any, err: TextIO) -> None:
    """The --verbose line: which configuration file a run uses."""
    if config.path:
        err.write(f"factcheck: using configuration {one_line(str(Path(config.path)))}\n")
    else:
        err.write("factcheck: no configuration file found; using the defaults\n")


def cache_cleaned(removed: int, freed: int, folder: Path, out: TextIO) -> None:
    out.write(f"factcheck: removed {removed} cached result{'' if removed == 1 else 's'} "
              f"({freed / 1e6:.1f} MB) from {one_line(str(folder))}\n")


def cache_folder(folder: Path, out: TextIO) -> None:
    out.write(f"{one_line(str(folder))}\n")
