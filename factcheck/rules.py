"""Load and validate YAML rule packs into Rules; a broken file is an error naming file:line and field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import RuleError
from .model import SEVERITIES, Rule

BUILTIN = Path(__file__).resolve().parent / "builtin_rules"
if not BUILTIN.is_dir():  # a source checkout: the packs live in rules/ at the top of the repository
    BUILTIN = Path(__file__).resolve().parent.parent / "rules"

CODE = re.compile(r"^FC\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
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
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise RuleError(f"{source}: no such rule file or folder")
    return sorted(p for p in source.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def load_rule_file(path: Path, root: Path, kinds: dict[str, Any]) -> Rule:
    """One rule from one YAML file, validated against the check kinds it may name."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: several times faster
    try:
        for event in yaml.parse(text, Loader=loader_class):  # an alias can nest a rule's params exponentially
            if isinstance(event, yaml.AliasEvent):
                raise RuleError(f"{path}:{event.start_mark.line + 1}: alias *{event.anchor}: anchors and aliases "
                                "are not allowed in rule files (write the value out)")
        loader = loader_class(text)
        try:  # composed once: the node gives the fields' lines, and the data is constructed from it
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise RuleError(f"{path}:{line}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except (ValueError, OverflowError) as exc:  # a value YAML reads as an impossible date: 2023-02-30
        raise RuleError(f"{path}:1: not valid YAML: {exc}") from None
    except RecursionError:
        raise RuleError(f"{path}:1: not valid YAML: nested too deeply") from None
    if not isinstance(data, dict) or node is None:
        raise RuleError(f"{path}:1: a rule file holds one mapping of fields (id, name, check, ...)")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}

    def fail(field: str, problem: str) -> RuleError:
        return RuleError(f"{path}:{lines.get(field, 1)}: {field}: {problem}")

    for key in data:
        if key not in REQUIRED + OPTIONAL:
            raise fail(str(key), f"unknown field (expected one of {', '.join(REQUIRED + OPTIONAL)})")
    for key in REQUIRED:
        if key not in data:
            raise RuleError(f"{path}:1: {key}: required field is missing")
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(key, "must be a non-empty string")
    if not CODE.match(data["id"]):
        raise fail("id", f"{data['id']!r} is not a rule code like FC101")
    if not NAME.match(data["name"]):
        raise fail("name", f"{data['name']!r} is not a kebab-case name like parts-do-not-match-total")
    if data["check"] not in kinds:
        raise fail("check", f"unknown check kind {data['check']!r} (known: {', '.join(sorted(kinds))})")
    if data["severity"] not in SEVERITIES:
        raise fail("severity", f"{data['severity']!r} is not one of {', '.join(SEVERITIES)}")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise fail("params", "must be a mapping of parameter names to values")
    validate = getattr(kinds[data["check"]], "validate", None)
    if validate is not None:
        problem = validate(params)
        if problem:
            raise fail("params", problem)
    for key in ("fix", "description"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise fail(key, "must be a string")
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
