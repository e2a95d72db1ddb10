"""Plausibility bounds: a figure of a given kind, role or subject beyond what the world allows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..errors import shown
from ..model import Figure, Interval, Rule
from ..reading.counted import counted
from . import CheckContext, Hit
from .arith import interval, show

FILTERS = ("kind", "unit", "role", "subjects", "counts", "except_wholes", "containers", "role_named_by", "attrs")
WHOLE_CLAUSE = re.compile(r"[ \u00a0]+of[ \u00a0]+([^;!?]{0,120}?)(?:[;!?]|\.(?!\d)|$)")  # a share's whole, to its end
ROLE_REACH = 80  # characters before a figure, in its sentence, where role_named_by words may name its role
# hedges: false: a hedge ("some 108%", "about 104%") widens no figure past the bound: an impossible value stays
# impossible however it is hedged (a share over 100%); true (the default): the hedge's width counts.


def validate(params: dict) -> str | None:
    if "max" not in params and "min" not in params:
        return "a bounds rule needs 'max' or 'min'"
    for key in ("max", "min"):
        if key in params and (not isinstance(params[key], int | float) or isinstance(params[key], bool)):
            return f"{key}: expected a number"
    if not isinstance(params.get("source"), str):
        return "source: every bound names where its figure comes from"
    for key in ("kind", "unit", "role"):
        if key in params and not isinstance(params[key], str):
            return f"{key}: expected a string"
    for key in ("subjects", "counts", "except_wholes", "containers", "role_named_by"):
        value = params.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key}: expected a list of words"
    attrs = params.get("attrs", {})
    if not isinstance(attrs, dict) or not all(isinstance(k, str) for k in attrs):
        return "attrs: expected a mapping of attr names to a value or a list of values"
    if not isinstance(params.get("hedges", True), bool):
        return "hedges: expected true or false"
    unknown = set(params) - {"max", "min", "source", "hedges", *FILTERS}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def _selected(fig: Figure, params: dict, ctx: CheckContext) -> bool:
    if "kind" in params and fig.kind != params["kind"]:
        return False
    if "unit" in params and fig.unit != params["unit"]:
        return False
    if "role" in params and fig.attr("role") != params["role"] and not _role_named(fig, params, ctx):
        return False
    if "subjects" in params and (fig.subject or "") not in params["subjects"] and not _counts(fig, params, ctx):
        return False
    for name, allowed in params.get("attrs", {}).items():
        # attrs: {of_person: [true, null]}: the figure's attr must be one of the values (null: the attr is absent)
        if fig.attr(name) not in (allowed if isinstance(allowed, list) else [allowed]):
            return False
    return fig.value is not None


def _counts(fig: Figure, params: dict, ctx: CheckContext) -> bool:
    """Whether a bare count counts one of the rule's nouns (reading.counted: "a nation of 14 billion people", "its
    9 billion consumers"): a subject of its own."""
    if "counts" not in params or fig.kind != "count" or fig.unit is not None:
        return False
    return counted(ctx.doc.text, fig, ctx.doc.sentence_span(fig.sentence).start) in params["counts"]


def _role_named(fig: Figure, params: dict, ctx: CheckContext) -> bool:
    """Whether words of role_named_by before the figure in its sentence name its role ("The proportion of pupils
    passing rose to 101%": a share), the figure being no change itself ("rose by 5%")."""
    words = params.get("role_named_by")
    if not words or fig.attr("role") in ("change", "old"):
        return False
    start = max(ctx.doc.sentence_span(fig.sentence).start, fig.span.start - ROLE_REACH)
    named = _words_pattern(tuple(words)).search(ctx.doc.text, start, fig.span.start)
    # a share of a yardstick is a ratio: "Debt as a share of GDP rose to 120%"
    return named is not None and not _words_pattern(tuple(params.get("except_wholes", ()))).search(
        ctx.doc.text, named.end(), fig.span.start)


def _compared_to_other_whole(fig: Figure, params: dict, text: str) -> bool:
    """True when the share is 'of' a whole that is a yardstick, not a container: debt as a percentage of GDP.
    The extractor gives the words after "of"/"to" as attr of_phrase ("the country's GDP"); the rule's words are
    matched in it as whole words. A phrase opening with a word of `containers` counts the whole's members ("120% of
    all sales"): a share all the same."""
    wholes = params.get("except_wholes")
    phrase = fig.attr("of_phrase")
    if not wholes or not phrase or phrase.split()[0].lower() in params.get("containers", ()):
        return False
    if phrase[-1].isdigit() and (rest := WHOLE_CLAUSE.match(text, fig.span.end)) is not None:
        phrase = rest.group(1)  # "120% of the 3,000 installations it had set as its target": the words after the count
    return bool(_words_pattern(tuple(wholes)).search(phrase))


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)  # not "A-level"


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    params = rule.params
    for fig in ctx.figures:
        if not _selected(fig, params, ctx) or _compared_to_other_whole(fig, params, ctx.doc.text):
            continue
        ctx.mark(fig)
        iv = interval(fig)
        if not params.get("hedges", True) and "approx" in fig.qualifiers:
            iv = Interval.exact(fig.value)
        if "max" in params and iv.low > params["max"]:
            yield Hit((fig,), {"value": show(fig.value, fig.unit), "limit": show(params["max"], fig.unit)},
                      evidence=f"{show(fig.value, fig.unit)} > {show(params['max'], fig.unit)} "
                               f"(the most there can be: {params['source']})")
        elif "min" in params and iv.high < params["min"]:
            yield Hit((fig,), {"value": show(fig.value, fig.unit), "limit": show(params["min"], fig.unit)},
                      evidence=f"{show(fig.value, fig.unit)} < {show(params['min'], fig.unit)} "
                               f"(the least there can be: {params['source']})")
