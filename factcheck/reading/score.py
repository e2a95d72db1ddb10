"""Leads and margins against their score: "a 21-point lead, 54-33", "beat the Owls 102-95, a seven-point win".

Statement(kind="lead", roles: stated (the lead or margin, a count); facts: high and low (the two sides of the score,
which extraction leaves out as no counts), score (the score as written)). The score is the nearest one in the
sentence, within REACH characters of the lead, with nothing but words between (no other figure).
"""

from __future__ import annotations

import re

from ..extract.lexicon import load
from ..model import Statement
from .view import View

LEX = load("reading")
_units = "|".join(re.escape(w) for w in LEX["lead_units"])
_nouns = "|".join(re.escape(w) for w in LEX["lead_nouns"])
# "21-point lead", "seven-point win" (from the figure's start: the number, its unit and the noun), "a lead of 21
# points" (the noun and "of" before the figure, its unit after)
AFTER = re.compile(rf"(?i:^[\w.,]+?[ \u00a0-]+(?:{_units})s?[ \u00a0-]+(?:{_nouns})\b)")
OF_BEFORE = re.compile(rf"(?i:\b(?:{_nouns})[ \u00a0]+of[ \u00a0]+$)")
OF_AFTER = re.compile(rf"(?i:^[ \u00a0]+(?:{_units})s?\b)")
_verbs = "|".join(re.escape(w) for w in LEX["lead_verbs"])
BY_BEFORE = re.compile(rf"(?i:\b(?:{_verbs})\b[^.;:\d]{{0,60}}\bby[ \u00a0]+$)")
TALLY_BEFORE = re.compile(rf"(?i:^(?:[ \u00a0]+(?:{_units})s?)?[ \u00a0]*,?[ \u00a0]*(?:with|on|having)[ \u00a0]+$)")
TALLY_BETWEEN = re.compile(rf"(?i:^[ \u00a0]+{LEX['lead_between']}[ \u00a0]+"
                           r"(?:(?:the[ \u00a0]+)?(?:[A-Z][\w.-]*[ \u00a0]+){0,3}?(?:[\w.-]+['’]s|on)[ \u00a0]+)?$)")
SCORE = re.compile(r"(?<![\w.,/-])(\d{1,3})[-–](\d{1,3})(?![\w/%-]|[.,]\d|[ \u00a0]*%)")
REACH = 80


def read(view: View) -> list[Statement]:
    figures, text = view.figures, view.text
    out: list[Statement] = []
    for i, fig in enumerate(figures):
        if fig.value is None or not (fig.kind == "count" and not fig.unit or fig.unit == "pp"):
            continue  # a count, or a poll's lead in points ("top the poll by four points on 41 to 37")
        end = fig.span.end
        lead = fig.kind == "count" and AFTER.match(text[fig.span.start : end + 40]) or (
            OF_BEFORE.search(text[max(0, fig.span.start - 30) : fig.span.start])
            and OF_AFTER.match(text[end : end + 20])
        )
        if not lead:
            tallies = _tallies(view, i)
            if tallies:
                out.append(Statement.of("lead", {"stated": fig.id}, high=tallies[0], low=tallies[1],
                                        score=f"{tallies[0]}-{tallies[1]}"))
            continue
        sentence = view.doc.sentence_span(fig.sentence)
        score = _nearest_score(text, fig.span.start, end, max(sentence.start, fig.span.start - REACH),
                               min(sentence.end, end + REACH))
        if score is None:
            continue
        gap = (score.end(), fig.span.start) if score.end() <= fig.span.start else (end, score.start())
        if any(gap[0] <= figures[k].span.start < gap[1] for k in view.sentence_of(i)):
            continue  # another figure between the lead and the score: the score is another's
        high, low = sorted((int(score.group(1)), int(score.group(2))), reverse=True)
        out.append(Statement.of("lead", {"stated": fig.id}, high=high, low=low, score=score.group(0)))
    return out


def _nearest_score(text: str, start: int, end: int, lo: int, hi: int) -> re.Match | None:
    """The score nearest to the span [start, end) within [lo, hi)."""
    found = [m for m in SCORE.finditer(text, lo, hi) if m.end() <= start or m.start() >= end]
    return min(found, key=lambda m: start - m.end() if m.end() <= start else m.start() - end, default=None)


def _tallies(view: View, i: int) -> tuple[int, int] | None:
    """The two tallies a lead told with "by" is the difference of ("lead the table by six points, with 58 against
    Lille's 51"): the next two bare counts of the sentence, the first after "points, with", the second after
    "against" and a name (no other figure between)."""
    figures, text = view.figures, view.text
    fig = figures[i]
    if i + 2 >= len(figures) or not BY_BEFORE.search(text, max(0, fig.span.start - 80), fig.span.start):
        return None
    first, second = figures[i + 1], figures[i + 2]
    if any(f.sentence != fig.sentence or f.kind != "count" or f.unit or f.value is None or not f.value.is_integer()
           for f in (first, second)):
        return None
    if not TALLY_BEFORE.match(text[fig.span.end : first.span.start]) \
            or not TALLY_BETWEEN.match(text[first.span.end : second.span.start]):
        return None
    return int(first.value), int(second.value)
