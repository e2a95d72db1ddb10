"""Load and validate YAML rule packs into Rules; a broken file is an error naming file:line and field."""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import safe_yaml
from .confine import Escape, repository, resolve
from .errors import RuleError, shown
from .model import SEVERITIES, Rule

BUILTIN = Path(__file__).resolve().parent / "builtin_rules"
if not BUILTIN.is_dir():  # a source checkout: the packs live in rules/ at the top of the repository
    BUILTIN = Path(__file__).resolve().parent.parent / "rules"

CODE = re.compile(r"^FC\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")  # a message template's {field}
REQUIRED = ("id", "name", "check", "severity", "message")
OPTIONAL = ("params", "fix", "description", "examples")
HEADINGS = ("## What it does", "## Why is this bad?", "## Example")


def load_rules(extra: Iterable[str | Path] = (), builtin: bool = True) -> list[Rule]:
    """Every rule of the built-in packs and of the extra pack folders or files, sorted by code."""
    from .checks import KINDS

    sources = ([BUILTIN] if builtin else []) + [Path(p) for p in extra]
    rules: dict[str, Rule] = {}
    for source in sources:
        for path in _rule_files(source):
            rule = load_rule_file(path, source, KINDS)
            if rule.id in rules and rules[rule.id].path != rule.path:
                raise RuleError(f"{path}:1: id: {rule.id} is already used by {rules[rule.id].path}")
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def _rule_files(source: Path) -> list[Path]:
    """The YAML files of a pack: the file itself, or those in its folder tree. A symbolic link in the folder is
    read only when it stays inside the pack's repository (or the pack folder, outside one); links to folders are
    not followed."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise RuleError(f"{source}: no such rule file or folder")
    top = repository(source) or source
    what = "the repository" if top != source else "the rule pack folder"
    found = []
    for folder, dirs, files in os.walk(source):
        for name in dirs + files:
            path = Path(folder) / name
            if not path.is_symlink():
                if name in files and path.suffix in (".yml", ".yaml") and path.is_file():
                    found.append(path)
                continue
            try:
                target = resolve(name, folder, top, what)
            except Escape as exc:
                raise RuleError(f"{path}: {exc}; not read") from None
            if name in files and path.suffix in (".yml", ".yaml") and os.path.isfile(target):
                found.append(path)
    return sorted(found)


def load_rule_file(path: Path, root: Path, kinds: dict[str, Any]) -> Rule:
    """One rule from one YAML file, validated against the check kinds it may name.

    Errors name the file, the line and the field and say what was expected; they quote no value from the file
    (a pack is data from a repository, and a CI log is often public).
    """
    data, node = safe_yaml.load_file(path, RuleError)
    if not isinstance(data, dict) or node is None:
        raise RuleError(f"{path}:1: a rule file holds one mapping of fields (id, name, check, ...)")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}

    def fail(field: str, problem: str) -> RuleError:
        return RuleError(f"{path}:{lines.get(field, 1)}: {field}: {problem}")

    for key in data:
        if key not in REQUIRED + OPTIONAL:
            line = lines.get(key, 1) if isinstance(key, str) else 1
            raise RuleError(f"{path}:{line}: {shown(key, 'an unknown field')}: unknown field (expected one of "
                            f"{', '.join(REQUIRED + OPTIONAL)})")
    for key in REQUIRED:
        if key not in data:
            raise RuleError(f"{path}:1: {key}: required field is missing")
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(key, "expected a non-empty string")
    if not CODE.match(data["id"]):
        raise fail("id", "expected a rule code like FC101")
    if not NAME.match(data["name"]):
        raise fail("name", "expected a kebab-case name like parts-do-not-match-total")
    if data["check"] not in kinds:
        raise fail("check", f"unknown check kind (expected one of {', '.join(sorted(kinds))})")
    if data["severity"] not in SEVERITIES:
        raise fail("severity", f"expected one of {', '.join(SEVERITIES)}")
    problem = template_problem(data["message"])
    if problem:
        raise fail("message", problem)
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise fail("params", "expected a mapping of parameter names to values")
    validate = getattr(kinds[data["check"]], "validate", None)
    if validate is not None:
        problem = validate(params)
        if problem:
            raise fail("params", problem)
    for key in ("fix", "description"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise fail(key, "expected a string")
    pack = path.parent.name if path.parent != root else root.name
    return Rule(
        id=data["id"],
        name=data["name"],
        check=data["check"],
        severity=data["severity"],
        message=data["message"].strip(),
        params=params,
        fix=(data.get("fix") or None),
        description=(data.get("description") or "").strip(),
        pack=pack,
        path=str(path),
    )


def template_problem(message: str) -> str | None:
    """Why a message template is refused: only plain `{field}` names, no attribute access (`{a.b}`), indexing
    (`{a[0]}`), conversions (`{a!r}`) or format specs (`{a:>99999}`), which could reach into objects or make a
    message of any size."""
    try:
        fields = [f for f in string.Formatter().parse(message) if f[1] is not None]
    except ValueError:
        return "unbalanced braces (write {{ and }} for a literal brace)"
    for _, name, spec, conversion in fields:
        if not FIELD.fullmatch(name) or spec or conversion:
            return "expected plain {field} names only (no attribute access, indexing, conversion or format spec)"
    return None


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Keep the rules whose code or name (or code prefix, like FC1) is selected and not ignored."""
    select, ignore = list(select), list(ignore)
    for token in select + ignore:
        if not any(_matches(rule, token) for rule in rules):
            raise RuleError(f"unknown rule code or name: {token}")
    kept = [r for r in rules if not select or any(_matches(r, t) for t in select)]
    return [r for r in kept if not any(_matches(r, t) for t in ignore)]


def _matches(rule: Rule, token: str) -> bool:
    return token == rule.name or (token.upper().startswith("FC") and rule.id.startswith(token.upper()))
