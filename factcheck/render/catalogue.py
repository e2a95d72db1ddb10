"""The rule catalogue (`factcheck rules`) and one rule's documentation (`factcheck explain`)."""

from __future__ import annotations

import json
from typing import TextIO

from ..model import Rule
from . import Options


def render_rules(rules: list[Rule], out: TextIO, options: Options, as_json: bool = False) -> None:
    if as_json:
        rows = [{"code": r.id, "name": r.name, "check": r.check, "severity": r.severity, "pack": r.pack}
                for r in rules]
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rules)} rules", title_justify="left")
    for column in ("code", "name", "kind", "severity", "pack"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, r.name, r.check, r.severity, r.pack)
    Console(file=out, no_color=not options.color, width=options.width or 120).print(table)


def render_explain(rule: Rule, out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(file=out, no_color=not options.color, width=options.width or 100)
    console.print(f"[bold]{rule.id} {rule.name}[/bold]  (check: {rule.check}, severity: {rule.severity}, "
                  f"pack: {rule.pack})", highlight=False)
    console.print(f"Message: {rule.message}", highlight=False, markup=False)
    if rule.fix:
        console.print(f"Fix: {rule.fix}", highlight=False, markup=False)
    console.print(Markdown(rule.description or "_No description._"))
