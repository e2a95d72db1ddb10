"""Editor-written rules: named figure selectors and an arithmetic condition, evaluated safely on intervals.

Params: `select` (name -> selector), `assert` (the condition), `scope` (sentence | document) and `same` (a list of
anchor, subject, unit, entity, period that the figures of one combination must share; a figure lacking one agrees
with any). Selectors carry no implicit same-time requirement: a rule says `same: [anchor]` when it compares
figures of one time, and leaves it out when it compares different years on purpose."""

from __future__ import annotations

import ast
import functools
import itertools
import math
import operator
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import shown, unquoted
from ..model import Figure, Interval, Rule
from . import CheckContext, Hit
from .arith import interval, show, show_interval

SELECTOR_KEYS = ("kind", "unit", "subject", "role", "qualifier", "surface")
REGEX_KEYS = ("subject", "surface")
SCOPES = ("sentence", "document")
# `same: [anchor]`: the figures of one combination must agree on these (a figure that lacks one agrees with any):
# a profit for 2022 is not compared with revenue for 2015. Figure fields first, then attrs.
SAME_KEYS = ("anchor", "subject", "unit", "entity", "period")
CALLS = ("abs", "min", "max", "round")
MAX_COMBINATIONS = 2000
MAX_LENGTH = 500  # characters in an `assert:` condition
BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.Mod)
COMPARE = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Constant, ast.Name, ast.Call,
           ast.Load, ast.USub, ast.UAdd, ast.Not, ast.And, ast.Or, *BINARY, *COMPARE)
Truth = bool | None  # three-valued: True, False, or None when the intervals allow either


class ExpressionError(ValueError):
    """An expression that uses something the safe evaluator does not allow."""


# --- load time ------------------------------------------------------------------------------------


def validate(params: dict) -> str | None:
    unknown = set(params) - {"select", "assert", "scope", "same"}
    if unknown:
        return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))} (expected select, assert, scope, same)"
    same = params.get("same", [])
    if not isinstance(same, list) or not all(isinstance(k, str) and k in SAME_KEYS for k in same):
        return f"same: expected a list of {', '.join(SAME_KEYS)}"
    select = params.get("select")
    if not isinstance(select, dict) or not select:
        return "select: a mapping of names to figure selectors, e.g. {profit: {kind: money, subject: profit}}"
    for name, selector in select.items():
        if not isinstance(name, str) or not name.isidentifier() or name in CALLS or name in ("and", "or", "not"):
            return f"select: {shown(name)}: expected a usable name (letters, digits and _, not a function name)"
        if not isinstance(selector, dict):
            return f"select.{shown(name)}: expected a mapping of {', '.join(SELECTOR_KEYS)}"
        bad = set(selector) - set(SELECTOR_KEYS)
        if bad:
            return (f"select.{shown(name)}: unknown key(s) {', '.join(sorted(map(shown, bad)))} "
                    f"(expected {', '.join(SELECTOR_KEYS)})")
        for key in REGEX_KEYS:
            if key in selector:
                problem = _regex_problem(str(selector[key]))
                if problem:
                    return f"select.{shown(name)}.{key}: {problem}"
    if params.get("scope", "sentence") not in SCOPES:
        return f"scope: expected one of {', '.join(SCOPES)}"
    condition = params.get("assert")
    if not isinstance(condition, str) or not condition.strip():
        return "assert: a condition that must hold, e.g. 'profit <= revenue'"
    try:
        parse(condition, set(select))
    except ExpressionError as exc:
        return f"assert: {exc}"
    return None


def _regex_problem(pattern: str) -> str | None:
    """Why a selector pattern is refused (bad syntax, look-around, backreferences), through the RE2 boundary."""
    from .. import safe_regex

    return safe_regex.problem(pattern)


def parse(source: str, names: set[str]) -> ast.Expression:
    """Parse a condition, allowing only numbers, the selector names, arithmetic, comparisons and a few calls."""
    if len(source) > MAX_LENGTH:  # a condition nested thousands deep exhausts the parser's stack or memory
        raise ExpressionError(f"the condition is {len(source)} characters long (at most {MAX_LENGTH})")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid expression: {unquoted(exc.msg)}") from None
    except (RecursionError, MemoryError):
        raise ExpressionError("the condition is nested too deeply") from None
    for node in ast.walk(tree):
        if not isinstance(node, ALLOWED):
            raise ExpressionError(f"{type(node).__name__.lower()} is not allowed "
                                  f"(only numbers, {', '.join(sorted(names))}, + - * / ** %, comparisons, "
                                  f"and/or/not and {', '.join(CALLS)}())")
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or
                                               not isinstance(node.value, int | float)):
            raise ExpressionError("only numbers may be written as constants")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in CALLS:
                raise ExpressionError(f"only {', '.join(CALLS)}() may be called")
            if node.keywords or not node.args:
                raise ExpressionError(f"{node.func.id}() takes positional arguments only")
        elif isinstance(node, ast.Name) and node.id not in names and not _is_call_target(tree, node):
            raise ExpressionError(f"unknown name {shown(node.id, '(not a selector)')} (the selectors are "
                                  f"{', '.join(sorted(map(shown, names)))})")
    return tree


def _is_call_target(tree: ast.AST, name: ast.Name) -> bool:
    return any(isinstance(n, ast.Call) and n.func is name for n in ast.walk(tree))


# --- run time -------------------------------------------------------------------------------------


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    params = rule.params
    select: dict[str, dict] = params["select"]
    tree = parse(params["assert"], set(select))
    names = list(select)
    pools = {name: [f for f in ctx.figures if _selected(f, select[name])] for name in names}
    if any(not pool for pool in pools.values()):
        return
    if params.get("scope", "sentence") == "document":
        scopes = [pools]
    else:
        by_sentence: dict[int, dict[str, list[Figure]]] = {}
        for n in names:  # each pool split by sentence once, in its own order (not a scan per sentence)
            for f in pools[n]:
                by_sentence.setdefault(f.sentence, {m: [] for m in names})[n].append(f)
        scopes = [by_sentence[s] for s in sorted(by_sentence)]
    for scope in scopes:
        combos = itertools.islice(itertools.product(*(scope[n] for n in names)), MAX_COMBINATIONS)
        for combo in combos:
            if len({f.id for f in combo}) < len(combo) or not _agree(combo, params.get("same", ())):
                continue
            bound = dict(zip(names, combo, strict=True))
            ctx.mark(*combo)
            hit = _judge(rule, tree, bound)
            if hit is not None:
                yield hit


def _agree(combo: tuple[Figure, ...], keys: list[str] | tuple[str, ...]) -> bool:
    """True when the figures that state each key (`same: [anchor]`) state the same value; absent agrees with any."""
    for key in keys:
        stated = {v for f in combo if (v := getattr(f, key) if key in ("anchor", "subject", "unit") else f.attr(key))}
        if len(stated) > 1:
            return False
    return True


def _selected(fig: Figure, selector: dict) -> bool:
    if fig.value is None:
        return False
    if "kind" in selector and fig.kind != selector["kind"]:
        return False
    if "unit" in selector and fig.unit != selector["unit"]:
        return False
    if "role" in selector and fig.attr("role") != selector["role"]:
        return False
    if "qualifier" in selector and selector["qualifier"] not in fig.qualifiers:
        return False
    if "subject" in selector and not search(str(selector["subject"]), fig.subject or ""):
        return False
    return "surface" not in selector or search(str(selector["surface"]), fig.surface)


def search(pattern: str, text: str) -> bool:
    """A case-insensitive search in linear time (RE2), so no editor's pattern can hang a run."""
    return _compiled(pattern).search(text) is not None


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> Any:
    """A rule's pattern compiled once per process, not once per figure."""
    from .. import safe_regex

    return safe_regex.compile(pattern, ignore_case=True)


def _judge(rule: Rule, tree: ast.Expression, bound: dict[str, Figure]) -> Hit | None:
    intervals = {n: interval(f) for n, f in bound.items()}
    try:
        possible = evaluate(tree, intervals)
        exact = evaluate(tree, {n: Interval.exact(iv.mid) for n, iv in intervals.items()})
    except (ArithmeticError, ValueError, TypeError):
        return None
    if possible is not False and exact is not False:
        return None
    condition = rule.params["assert"].strip()
    shown = ", ".join(f"{n} = {show_interval(iv, bound[n].unit)}" for n, iv in intervals.items())
    args: dict[str, Any] = {n: f.surface.strip() for n, f in bound.items()}
    args.update({f"{n}_value": show(f.value, f.unit) for n, f in bound.items()}, condition=condition)
    figures = tuple(bound.values())
    if possible is False:
        return Hit(figures, args, evidence=f"{shown}: {condition} is false")
    return Hit(figures, args, evidence=f"{shown}: {condition} holds only through rounding", severity="info")


def evaluate(tree: ast.AST, values: dict[str, Interval]) -> Any:
    """Evaluate a parsed condition on intervals: arithmetic gives an Interval, a comparison True/False/None."""
    node = tree.body if isinstance(tree, ast.Expression) else tree
    if isinstance(node, ast.Constant):
        return Interval.exact(float(node.value))  # type: ignore[arg-type]  # parse() allows only numbers
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](evaluate(node.left, values), evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp):
        operand = evaluate(node.operand, values)
        if isinstance(node.op, ast.Not):
            return None if operand is None else not operand
        return operand if isinstance(node.op, ast.UAdd) else Interval(-operand.high, -operand.low)
    if isinstance(node, ast.BoolOp):
        results = [evaluate(v, values) for v in node.values]
        if isinstance(node.op, ast.And):
            return False if False in results else (None if None in results else True)
        return True if True in results else (None if None in results else False)
    if isinstance(node, ast.Compare):
        left, outcome = evaluate(node.left, values), True
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = evaluate(right_node, values)
            result = _COMPARE[type(op)](left, right)
            outcome = False if result is False or outcome is False else (None if result is None else outcome)
            left = right
        return outcome
    if isinstance(node, ast.Call):
        args = [evaluate(a, values) for a in node.args]
        return _CALLS[node.func.id](*args)  # type: ignore[attr-defined]
    raise ExpressionError(f"{type(node).__name__} is not allowed")


def _pow(a: Interval, b: Interval) -> Interval:
    ends = []
    for x in (a.low, a.high):
        for y in (b.low, b.high):
            try:
                value = x**y
            except (OverflowError, ZeroDivisionError):
                value = math.inf
            if isinstance(value, complex):
                raise ValueError("a negative number to a fractional power")
            ends.append(value)
    if a.low < 0 < a.high:
        ends.append(0.0)
    return Interval(min(ends), max(ends))


def _mod(a: Interval, b: Interval) -> Interval:
    if a.low == a.high and b.low == b.high:
        return Interval.exact(a.low % b.low)
    top = max(abs(b.low), abs(b.high))
    return Interval(min(0.0, -top if b.low < 0 else 0.0), top)


def _abs(a: Interval) -> Interval:
    if a.low >= 0:
        return a
    if a.high <= 0:
        return Interval(-a.high, -a.low)
    return Interval(0.0, max(-a.low, a.high))


def _round(a: Interval, digits: Interval | None = None) -> Interval:
    n = int(digits.mid) if digits is not None else 0
    return Interval(round(a.low, n), round(a.high, n))


def _less(a: Interval, b: Interval) -> Truth:
    return True if a.high < b.low else (False if a.low >= b.high else None)


def _less_equal(a: Interval, b: Interval) -> Truth:
    return True if a.high <= b.low else (False if a.low > b.high else None)


def _equal(a: Interval, b: Interval) -> Truth:
    if not a.overlaps(b):
        return False
    return True if a.low == a.high == b.low == b.high else None


def _not_equal(a: Interval, b: Interval) -> Truth:
    same = _equal(a, b)
    return None if same is None else not same


_BINARY: dict[type, Callable[[Interval, Interval], Interval]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.Pow: _pow, ast.Mod: _mod,
}
_COMPARE: dict[type, Callable[[Interval, Interval], Truth]] = {
    ast.Lt: _less, ast.LtE: _less_equal, ast.Gt: lambda a, b: _less(b, a), ast.GtE: lambda a, b: _less_equal(b, a),
    ast.Eq: _equal, ast.NotEq: _not_equal,
}
_CALLS: dict[str, Callable[..., Interval]] = {
    "abs": _abs, "round": _round,
    "min": lambda *xs: Interval(min(x.low for x in xs), min(x.high for x in xs)),
    "max": lambda *xs: Interval(max(x.low for x in xs), max(x.high for x in xs)),
}
