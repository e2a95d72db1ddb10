"""Digit groups: a figure whose grouping marks no convention writes, or that mixes conventions within one text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import shown
from ..model import Figure, Rule
from . import CheckContext, Hit

WHAT = {
    "decimal_comma": "a comma where a decimal point or three digits belong",
    "group_size": "digit groups of the wrong size (three digits belong after each comma)",
    "indian": "lakh grouping (two digits between commas) in a text that does not use lakh and crore",
    "doubled": "two marks between digits where one decimal point or comma belongs",
    "european": "a decimal comma after dots between digit groups, in a text that writes a decimal point and commas"
                " between groups",
    "dot_groups_point": "a group of one or two digits after dots between groups of three (a decimal point or a comma"
                        " belongs)",
}
# Two marks between digits ("3..5%", "1,,200", "2.,5"): a typo the number reader stops at; not an ellipsis ("3...").
THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}\.000")
DOUBLED = re.compile(r"(?<![\d.,])(\d(?:[\d,.]*?\d)?)[.,]{2}(?=\d)")
LAKH = 1e5  # the smallest number whose Indian and Western groupings differ: 1,00,000 and 100,000


STYLES = ("decimal_comma", "group_size", "indian", "dots", "doubled", "european", "dot_groups_point")


def validate(params: dict) -> str | None:
    flag = params.get("flag", list(STYLES))
    if not isinstance(flag, list) or not set(flag) <= set(STYLES) or not all(isinstance(f, str) for f in flag):
        return f"flag: expected a list of {', '.join(STYLES)}"
    unknown = set(params) - {"flag"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """Each figure extraction marked malformed (factcheck.extract.numbers.grouping); a lakh-grouped figure in a
    text that also groups 100,000 or more in threes; dots between groups in a text that groups with commas."""
    flag = set(rule.params.get("flag", STYLES))
    grouped = [f for f in ctx.figures if f.attr("grouping") in flag | {"commas"} or _dot_thousands(f)]
    commas = [f for f in grouped if f.attr("grouping") == "commas"]
    western = next((f for f in commas if (f.value or 0) >= LAKH), None)
    for fig in grouped:
        style, bad = fig.attr("grouping"), fig.attr("malformed")
        other = western if style == "indian" else commas[0] if style == "dots" and commas else None
        if bad in flag:
            yield _hit(fig, WHAT[bad], "")
        elif style == "indian" and other is not None:
            yield _hit(fig, "lakh grouping (two digits between commas)", other)
        elif style == "dots" and other is not None:
            yield _hit(fig, "dots between groups of three digits", other)
        elif style is None and "dots" in flag and commas and _dot_thousands(fig):
            yield _hit(fig, "a dot between groups of three digits", commas[0])
    if "doubled" in flag:
        yield from _doubled(ctx)


def _dot_thousands(fig: Figure) -> bool:
    """A count written with one dot and three zeros ("60.000 fans"), which no one writes for sixty: thousands
    grouped with a dot (a per-unit rate the extractor marks is left alone)."""
    return fig.kind == "count" and not fig.attr("per") and THOUSANDS_DOT.fullmatch(fig.surface.strip()) is not None


def _doubled(ctx: CheckContext) -> Iterator[Hit]:
    """A figure the number reader ended at two marks between digits ("3..5%": read as 3)."""
    ends = {f.span.end: f for f in ctx.figures if f.value is not None}
    for m in DOUBLED.finditer(ctx.doc.text):
        fig = ends.get(m.end(1))
        if fig is not None:  # the reader stopped at the marks
            written = m.group(0) + re.match(r"[\d.,]*\d%?", ctx.doc.text[m.end():]).group(0)
            yield Hit((fig,), {"surface": written, "what": WHAT["doubled"]}, evidence=f"'{written}': {WHAT['doubled']}")


def _hit(fig: Figure, what: str, other: Figure | str) -> Hit:
    said = fig.attr("written") or fig.surface
    if isinstance(other, str):
        return Hit((fig,), {"surface": said, "what": what}, evidence=f"'{said}': {what}")
    what = f"{what}, where the same text writes '{other.attr('written') or other.surface}'"
    return Hit((fig, other), {"surface": said, "what": what}, evidence=f"'{said}': {what}")
