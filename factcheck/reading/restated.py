"""The same quantity restated: a headline figure and the lead figure it summarises; a revised figure and its revision;
an owner's stock counted twice ("has 3,100 members" ... "its 3,010 members").

Statement(kind="restated", roles: headline, body) or (roles: revised, revision: "a gain of 61,000 in April,
previously reported at 70,000") or (roles: stated, restated; fact part: True when the restated figure's noun is
narrower, "licensed taxis" after "taxis"). Headlines drop time and tense ("Inflation eases to 10.4%",
"Carmaker to cut 3,000 jobs"): a headline figure restates a figure of the lead (the first body sentence) of the
same kind, unit, subject and role, with the same direction when both say one and no other time anchor.
A stock is one (owner, noun, period): the noun the figure counts ("members", "licensed taxis"), its owner (a
possessive, "its", a have-verb's subject) and its time anchor; other times, forecasts, sources ("according to"),
other sets ("former members") and named owners that differ stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.context import LINKED_KINDS, phrases
from ..extract.lexicon import load
from ..model import Figure, Statement
from .view import View, comparable

REVISION_BACK = 40  # figures examined before a revision for the figure it revises: a bound, so reading stays linear
LEX = load("restated")
_SP = r"[\s\u00a0]+"
_GAP = rf"(?:(?:{phrases(LEX['stock_gap'])}){_SP})*"
STOCK_BEFORE = re.compile(
    rf"(?i:(?:(?P<owner>\b[A-Za-z][\w-]*)['’]s|\b(?:{phrases(LEX['possessives'])})|"
    rf"\b(?:{phrases(LEX['stock_verbs'])})){_SP}{_GAP})$")
NOUN_STOPS = frozenset(LEX["noun_stops"])
NOUN_AFTER = re.compile(r"(?:[\s\u00a0]+[a-z][a-z-]*){1,3}")
OTHER_SETS = frozenset(LEX["other_sets"])
SOURCE = re.compile(rf"(?i:\b(?:{phrases(LEX['source_words'])})\b)")
OTHER_TIME = re.compile(rf"(?i:\b(?:{phrases(LEX['other_time'])})\b)")
PLURALS = frozenset(LEX["plurals_without_s"])
STOCK_KINDS = ("count", "money", "quantity")
SKIP_ROLES = {"change", "old", "new", "revision", "part", "total"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than", "more_than", "at_least"}


@dataclass(frozen=True)
class Stock:
    """What a stock figure counts: kind, unit and head noun (the key), its modifiers and its named owner."""

    key: tuple
    modifiers: frozenset[str]
    owner: str | None


def read(view: View) -> list[Statement]:
    return _headlines(view) + _revisions(view) + _stocks(view)


def _stocks(view: View) -> list[Statement]:
    """Each stock against the first stock of its key before it (in another sentence) whose owner and modifiers allow
    the same set: the same noun, or a narrower one restated (fact part)."""
    first: dict[tuple, list[tuple[int, Stock]]] = {}
    out = []
    for i in range(len(view.figures)):
        stock = _stock(view, i)
        if stock is None:
            continue
        seen = first.setdefault(stock.key, [])
        for j, earlier in seen:
            if view.figures[j].sentence == view.figures[i].sentence or earlier.owner not in (None, stock.owner) \
                    and stock.owner is not None:
                continue
            if earlier.modifiers == stock.modifiers:
                out.append(Statement.of("restated", {"stated": view.figures[j].id, "restated": view.figures[i].id},
                                        noun=stock.key[2]))
            elif not (earlier.modifiers | stock.modifiers) & OTHER_SETS and (
                    not earlier.modifiers or not stock.modifiers):
                whole, part = (j, i) if not earlier.modifiers else (i, j)
                out.append(Statement.of("restated", {"stated": view.figures[whole].id,
                                                     "restated": view.figures[part].id}, part=True,
                                        noun=stock.key[2]))
            else:
                continue
            break
        seen.append((i, stock))
    return out


def _stock(view: View, i: int) -> Stock | None:
    """The stock figure i states, or None: a present count an owner has, by the noun after it."""
    fig, text = view.figures[i], view.text
    if fig.kind not in STOCK_KINDS or fig.value is None or fig.date_end is not None:
        return None
    if view.role[i] in SKIP_ROLES or i in view.linked or SKIP_QUALIFIERS & set(fig.qualifiers) or fig.anchor:
        return None
    sentence = view.doc.sentence_span(fig.sentence)
    before = text[max(sentence.start, fig.span.start - 80) : fig.span.start]
    owned = STOCK_BEFORE.search(before)
    if owned is None or OTHER_TIME.search(view.clause_words(i)) or SOURCE.search(text, sentence.start, sentence.end):
        return None
    words = []
    m = NOUN_AFTER.match(text, fig.span.end, min(sentence.end, fig.span.end + 60))
    for word in (m.group(0).split() if m else ()):
        if word in NOUN_STOPS:
            break
        words.append(word)
    if not words or fig.kind == "count" and not (words[-1].endswith("s") or words[-1] in PLURALS):
        return None
    owner = owned.group("owner")
    return Stock((fig.kind, fig.unit, words[-1]), frozenset(words[:-1]), owner.lower() if owner else None)


def _revisions(view: View) -> list[Statement]:
    figures = view.figures
    out = []
    for i, fig in enumerate(figures):
        if view.role[i] != "revision":
            continue
        for k in range(i - 1, max(-1, i - 1 - REVISION_BACK), -1):
            if figures[k].sentence != fig.sentence:
                break
            if comparable(figures[k], fig):
                out.append(Statement.of("restated", {"revised": figures[k].id, "revision": fig.id}))
                break
    return out


def _headlines(view: View) -> list[Statement]:
    figures = view.figures
    heads = [i for i, f in enumerate(figures) if f.sentence == 0 and f.attr("headline")]
    if not heads:
        return []
    lead = view.by_sentence.get(1, [])
    out = []
    for i in heads:
        fig = figures[i]
        if fig.value is None or fig.kind not in LINKED_KINDS or not fig.subject:
            continue
        match = next((j for j in lead if _restates(view, i, j)), None)
        if match is not None:
            out.append(Statement.of("restated", {"headline": fig.id, "body": figures[match].id}))
    return out


def _restates(view: View, h: int, b: int) -> bool:
    """Whether a lead figure states what a headline figure summarises: same kind, unit, subject and role."""
    head, body = view.figures[h], view.figures[b]
    if (head.kind, head.unit, head.subject) != (body.kind, body.unit, body.subject) or body.value is None:
        return False
    if view.role[h] != view.role[b]:
        return False
    directions = {view.direction[h], view.direction[b]} - {None}
    return len(directions) <= 1 and (head.anchor is None or body.anchor in (None, head.anchor))
