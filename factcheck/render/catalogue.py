"""The rule catalogue (`factcheck rules`) and one rule's documentation (`factcheck explain`)."""

from __future__ import annotations

import json
from typing import TextIO

from ..model import Rule
from . import Options
from .sanitize import clean, one_line


def render_rules(rules: list[Rule], out: TextIO, options: Options, as_json: bool = False,
                 active: dict[str, Rule] | None = None, config: str | None = None) -> None:
    """The catalogue; `active` (code -> rule as configured) marks which rules run and at what severity."""
    active = {r.id: r for r in rules} if active is None else active

    def severity(r: Rule) -> str:
        return active[r.id].severity if r.id in active else r.severity

    if as_json:
        rows = [{"code": r.id, "name": r.name, "check": r.check, "severity": severity(r), "pack": r.pack,
                 "default_severity": r.severity, "enabled": r.id in active} for r in rules]
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    title = f"{len(rules)} rules" + (f", {len(active)} on" if len(active) != len(rules) else "")
    if config:
        title += f" (configuration: {one_line(config)}; per-path overrides not shown)"
    table = Table(title=Text(title), title_justify="left")
    for column in ("code", "name", "kind", "severity", "pack", "status"):
        table.add_column(column)
    for r in rules:
        level = severity(r) + (f" (default {r.severity})" if severity(r) != r.severity else "")
        cells = (r.id, r.name, r.check, level, r.pack, "on" if r.id in active else "off")
        table.add_row(*(Text(one_line(cell)) for cell in cells))  # rule packs may come from the repository
    Console(file=out, no_color=not options.color, width=options.width or 120).print(table)


def render_explain(rule: Rule, out: TextIO, options: Options) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(file=out, no_color=not options.color, width=options.width or 100)
    from rich.text import Text

    console.print(Text(one_line(f"{rule.id} {rule.name}"), style="bold"),
                  Text(one_line(f" (check: {rule.check}, severity: {rule.severity}, pack: {rule.pack})")))
    console.print(f"Message: {clean(rule.message)}", highlight=False, markup=False)
    if rule.fix:
        console.print(f"Fix: {clean(rule.fix)}", highlight=False, markup=False)
    console.print(Markdown(clean(rule.description) or "_No description._"))


def rules_markdown(rules: list[Rule]) -> str:
    """docs/rules.md: every rule under its own heading (the page SARIF's helpUri links to)."""
    import re

    parts = ["# The built-in rules\n\n",
             "Generated from the rule packs in `rules/` (`python -m factcheck.render.catalogue > docs/rules.md`); "
             "`factcheck explain CODE` shows the same text.\n"]
    for r in rules:
        parts.append(f"\n## {r.id} {r.name}\n\n")
        parts.append(f"Check kind `{r.check}`, severity **{r.severity}**, pack `{r.pack}`.\n\n")
        parts.append(f"Message: {clean(r.message)}\n\n")
        if r.fix:
            parts.append(f"Fix: {clean(r.fix)}\n\n")
        if r.params:
            parts.append("Parameters: " + ", ".join(f"`{k}: {json.dumps(v)}`" for k, v in r.params.items()) + "\n\n")
        body = re.sub(r"^(#+) ", lambda m: "#" * min(len(m.group(1)) + 1, 6) + " ", clean(r.description).strip(),
                      flags=re.M)
        if body:
            parts.append(body + "\n")
    return "".join(parts).replace("\n\n\n", "\n\n")


if __name__ == "__main__":
    import sys

    from ..engine import default_rules

    sys.stdout.write(rules_markdown(default_rules()))
