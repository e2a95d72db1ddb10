"""The results store's answers (`factcheck runs`, `diff`, `query`): rich tables in the terminal, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from . import Options
from .sanitize import clean, json_text, one_line

RUNS_SCHEMA = "factcheck-runs/1"
DIFF_SCHEMA = "factcheck-diff/1"
QUERY_SCHEMA = "factcheck-query/1"
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}
HOW = {"appeared": "[red]appeared[/red]", "gone": "[green]gone[/green]", "changed": "[yellow]changed[/yellow]"}


def _json(record: dict[str, Any], out: TextIO) -> None:
    out.write(json_text(json.dumps(record, indent=2, ensure_ascii=False)) + "\n")


def _console(out: TextIO, options: Options):
    from rich.console import Console

    return Console(file=out, no_color=not options.color, highlight=False, width=options.width or 160,
                   force_terminal=options.color and None)


def _table(title: str, columns: Sequence[str], right: Sequence[str] = ()):
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=None, padding=(0, 1), header_style="bold")
    for name in columns:
        table.add_column(name, justify="right" if name in right else "left", overflow="fold")
    return table


def _text(value: Any):
    from rich.text import Text

    return Text(one_line(str(value)) if value is not None else "")


def render_runs(runs: list[dict[str, Any]], out: TextIO, options: Options, as_json: bool = False) -> None:
    """Every run in the store, oldest first."""
    if as_json:
        _json({"schema": RUNS_SCHEMA, "runs": runs}, out)
        return
    console = _console(out, options)
    if not runs:
        console.print("no runs in the results store yet")
        return
    table = _table("Runs", ("run", "started", "status", "files", "figures", "errors", "warnings", "infos",
                            "factcheck", "rules", "paths"), right=("run", "files", "figures", "errors", "warnings",
                                                                    "infos"))
    for run in runs:
        status = run["status"] if run["status"] == "complete" else f"[yellow]{run['status']}[/yellow]"
        table.add_row(str(run["id"]), run["started"], status, str(run["files"]), str(run["figures"]),
                      f"[red]{run['errors']}[/red]" if run["errors"] else "0", str(run["warnings"]),
                      str(run["infos"]), _text(run["factcheck"]), _text(run["rules"]),
                      _text(" ".join(run["config"].get("paths", []))))
    console.print(table)


def _finding_row(finding: dict[str, Any]) -> list[Any]:
    from rich.text import Text

    where = f"{finding['path']}:{finding['line']}:{finding['column']}"
    severity = Text(finding["severity"], style=SEVERITY_STYLE.get(finding["severity"], ""))
    return [_text(where), Text(finding["rule"]), severity, Text(clean(finding["message"]))]


def render_diff(diff: dict[str, Any], out: TextIO, options: Options, as_json: bool = False) -> None:
    """The findings that appeared, went away or changed from run a to run b."""
    if as_json:
        _json({"schema": DIFF_SCHEMA, **diff}, out)
        return
    from rich.text import Text

    console = _console(out, options)
    a, b = diff["a"], diff["b"]
    rows = [("appeared", f) for f in diff["appeared"]] + [("gone", f) for f in diff["gone"]]
    rows += [("changed", pair["b"]) for pair in diff["changed"]]
    rows.sort(key=lambda r: (r[1]["path"], r[1]["line"], r[1]["column"], r[1]["rule"]))
    if rows:
        table = _table(f"Findings from run {a} to run {b}", ("", "where", "rule", "severity", "message"))
        before = {id(pair["b"]): pair["a"] for pair in diff["changed"]}
        for how, finding in rows:
            table.add_row(HOW[how], *_finding_row(finding))
            if how == "changed":
                old = before[id(finding)]
                table.add_row("", Text("was", style="dim"), "", Text(old["severity"], style="dim"),
                              Text(clean(old["message"]), style="dim"))
        console.print(table)
    for key, run in (("files_only_in_a", a), ("files_only_in_b", b)):
        if diff[key]:
            console.print(Text(f"only in run {run} ({len(diff[key])} files, not compared): "
                               + ", ".join(one_line(p) for p in diff[key][:10])
                               + (" …" if len(diff[key]) > 10 else ""), style="dim"))
    console.print(f"{len(diff['appeared'])} appeared, {len(diff['gone'])} gone, {len(diff['changed'])} changed "
                  f"(run {a} → run {b})")


def render_query(findings: list[dict[str, Any]], out: TextIO, options: Options, as_json: bool = False) -> None:
    """The findings a query matched, with the run each is from."""
    if as_json:
        _json({"schema": QUERY_SCHEMA, "findings": findings}, out)
        return
    console = _console(out, options)
    if findings:
        table = _table("Findings", ("run", "started", "where", "rule", "severity", "message"), right=("run",))
        for finding in findings:
            table.add_row(str(finding["run"]), finding["started"], *_finding_row(finding))
        console.print(table)
    files = len({(f["run"], f["path"]) for f in findings})
    console.print(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file"
                  f"{'s' if files != 1 else ''}")
