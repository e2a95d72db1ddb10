"""Durations ("three weeks", "a week-long strike") and the elapsed relations that tie them to an event's date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ...model import Figure
from .atom import Atom
from .scan import scan, word_after, word_before
from .words import (
    A_DURATION_BEFORE,
    A_QUARTER_BEFORE,
    DURATION_AFTER,
    ELAPSED,
    FRACTION_OF,
    SPANS_BEFORE,
    TIME_UNITS,
    parse_number,
)

CLOCK_SPAN = re.compile(
    r"(?<![\w.-])(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?P<unit>hour|minute|second)(?:-long)?(?![\w-])", re.I
)
SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"“‘(]?[A-Z0-9])|\n")
EVENT_KINDS = ("date", "date_range", "weekday", "relative_date", "year")


def duration_atoms(text: str, published: dt.date | None, out: list[Atom], starts: dict[str, list[int]]) -> None:
    for m in scan("DURATION", text, starts):
        unit = (m.group("unit") or m.group("long")).lower()
        adjective = m.group(0).lower().endswith("-long")  # "a week-long strike": "a" goes with the strike
        word = re.sub(r"\s+", " ", m.group("n").lower()) if m.group("n") else ""
        article = word in ("a", "an") and m.group("sep") != "-"
        if article and not adjective and not _a_duration(text, m):
            continue
        n = 1.0 if m.group("long") else parse_number(word)
        if n is None:
            continue
        if re.search(r"\b(?:aged?|ages)\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
            continue
        if unit.startswith("quarter") and (_fraction_quarter(text, m) or (article and not _a_quarter(text, m))):
            continue
        spec = TIME_UNITS[unit]
        value = n * spec.get("value", 1)
        if re.search(r"and\s+a\s+half", m.group(0), re.I):
            value += 0.5 * spec.get("value", 1)
        atom = Atom(m.start("unit") if article and adjective else m.start(), m.end(), "duration", value=value)
        atom.unit = spec["unit"]
        after = re.match(r"\s+(on\s+from|after|later|before|earlier)\b", text[m.end() : m.end() + 16], re.I)
        if SPANS_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            atom.attrs["spans"] = True  # "stood for 12 years (before ...)": the years between two years of its sentence
        elif after:
            atom.attrs["relation"] = ELAPSED[re.sub(r"\s+", " ", after.group(1).lower())]
            atom.attrs["elapsed"] = after.group(1).lower().split()[0] in ("later", "earlier")  # counted back
        out.append(atom)


def clock_spans(text: str, out: list[Atom]) -> None:
    """ "a 24-hour period", "a 90-minute meeting": a span of the clock written as an adjective, a duration (unit hour,
    minute or second) and no count; no calendar check reads it."""
    for m in CLOCK_SPAN.finditer(text) if "-" in text else ():
        n = parse_number(m.group("n").lower())
        if n is not None:
            atom = Atom(m.start(), m.end(), "duration", value=n)
            atom.unit = m.group("unit").lower()
            out.append(atom)


def _a_duration(text: str, m: re.Match) -> bool:
    """ "for a week", "a fortnight later": "a" counts one unit; "$500 a week", "twice a week" are rates."""
    if word_after(text, m.end()).lower() in DURATION_AFTER:
        return True
    before = text[max(0, m.start() - 30) : m.start()]
    if re.search(r"(?:^|[.;:!?(\u2014]|\s[-\u2013])\s*$", before):
        return True  # the head of a sentence or clause
    return word_before(text, m.start()) in A_DURATION_BEFORE


def _fraction_quarter(text: str, m: re.Match) -> bool:
    """ "three-quarters", "three quarters of the staff": a fraction, not a span of three-month quarters."""
    if m.group("sep") == "-" or m.group("long"):
        return True
    of = re.match(r"\s+of\s+([A-Za-z]+)", text[m.end() : m.end() + 30])
    return bool(of and of.group(1).lower() in FRACTION_OF)


def _a_quarter(text: str, m: re.Match) -> bool:
    """ "a quarter" is three months only with a time word: "a quarter later", "for a quarter", "within a quarter";
    "fell by a quarter", "a quarter of the staff", "almost a quarter" are a fraction."""
    if re.match(r"\s+of\b", text[m.end() : m.end() + 6], re.I):
        return False
    return word_after(text, m.end()).lower() in DURATION_AFTER or word_before(text, m.start()) in A_QUARTER_BEFORE


def elapsed_links(text: str, figures: list[Figure]) -> list[Figure]:
    """ "two days after the vote on March 3": attr link_span on the duration is the span of the event's figure,
    the next calendar figure of the sentence for "after"/"before", the previous one for "later"/"earlier"."""
    out = []
    for i, fig in enumerate(figures):
        attrs = dict(fig.attrs)
        back = attrs.pop("elapsed", None)
        if back is None:
            out.append(fig)
            continue
        # The nearest event figure with no sentence end between: figures are disjoint and in text order, so once
        # a sentence end lies between, it lies between every figure further away too.
        event = None
        for k in range(i - 1, -1, -1) if back else range(i + 1, len(figures)):
            f = figures[k]
            if f.kind not in EVENT_KINDS:
                continue
            gap = (f.span.end, fig.span.start) if back else (fig.span.end, f.span.start)
            if not SENTENCE_END.search(text, *gap):
                event = f
            break
        if event is not None:
            attrs["link_span"] = (event.span.start, event.span.end)
        out.append(dataclasses.replace(fig, attrs=tuple(sorted(attrs.items()))))
    return out
