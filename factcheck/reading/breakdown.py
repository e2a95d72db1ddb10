"""Breakdowns: a total and its listed parts, or shares of one whole that should make 100%.

Statement(kind="breakdown", roles: total (absent for shares of a whole), parts (ids, in text order); facts:
complete (the text claims the list is the whole: "split between", "made up of", a colon after the total, "the
rest"/"others" before the last part), unit (the counted noun of a count breakdown: "the 150-seat council: 80, 50
and 15 seats" counts seats)). "the 150-seat council: 80, 50 and 15 seats", "of the 1,200 workers, 700 ... and 600
...", "split between Labour on 45%, ... and others on 25%".
"""

from __future__ import annotations

import re

from ..extract.context import CONTEXT_REACH, LEX, STOP_NOUNS, phrases
from ..model import Figure, Statement
from .view import View

AMOUNT_KINDS = {"count", "money", "quantity"}
TOTAL_CLAUSE_START = re.compile("|".join(LEX["total_clause_start"]), re.I)
BREAKDOWN = re.compile(rf"(?i:(?::|\b(?:{phrases(w for w in LEX['breakdown'] if w != ':')})\b))")
REMAINDER = re.compile(rf"(?i:\b(?:{phrases(LEX['remainder'])})\b)")
LIST_GAP = int(LEX["list_gap"])
COUNTED_NOUN = re.compile(r"^[ \u00a0]+(?:(?:more|new|other)[ \u00a0]+)?(?P<noun>[a-z]+)\b")
TOTAL_REACH = 60  # characters before a total that "of the" (after a clause start) lies in
MAX_PARTS = 30  # a longer list is a table, not a sentence's breakdown (and the bound keeps the reading linear)


def read(view: View) -> list[Statement]:
    """The breakdowns of the text; their parts and totals take the roles part and total in the view."""
    figures, text, role = view.figures, view.text, view.role
    out: list[Statement] = []
    n = len(figures)
    i = 0
    while i < n:
        head = figures[i]
        sent = view.doc.sentence_span(head.sentence)
        # "Of the 1,200 workers, ...": the words just before the head, read as a string of their own so that the
        # pattern's ^ is the sentence start (a search from an offset never matches ^ there)
        is_total = role[i] == "total" or (
            head.kind in AMOUNT_KINDS
            and bool(TOTAL_CLAUSE_START.search(text[max(sent.start, head.span.start - TOTAL_REACH) : head.span.start]))
        )
        if head.value is None or not (is_total or (head.kind == "percent" and head.unit == "%")):
            i += 1
            continue
        noun = counted(text, head) if head.kind == "count" else None
        parts = _parts(view, i, i + 1 if is_total else i, noun)
        if len(parts) < 2 or len(parts) > MAX_PARTS:
            i += 1
            continue
        lead = text[(head.span.end if is_total else sent.start) : figures[parts[0]].span.start]
        last_lead = text[figures[parts[-2]].span.end : figures[parts[-1]].span.start]
        complete = bool(BREAKDOWN.search(lead)) or bool(REMAINDER.search(last_lead))
        if not is_total and not complete:
            i += 1
            continue
        if is_total:
            role[i] = "total"
        for j in parts:
            role[j] = "part"
        out.append(Statement.of("breakdown", {"total": head.id if is_total else None,
                                              "parts": [figures[j].id for j in parts]}, complete=complete, unit=noun))
        i = parts[-1] + 1
    return out


def _parts(view: View, head: int, first: int, noun: str | None) -> list[int]:
    """The figures listed after the head (or from it, for shares): like it, close together, at most MAX_PARTS + 1."""
    figures, text = view.figures, view.text
    lead = figures[head]
    parts: list[int] = []
    for j in range(first, len(figures)):
        fig = figures[j]
        if fig.sentence != lead.sentence or len(parts) > MAX_PARTS:
            break
        if not parts and fig.span.start - lead.span.end > CONTEXT_REACH:
            break
        like = fig.kind == lead.kind and fig.unit == lead.unit and fig.value is not None
        if not like or view.role[j] in ("change", "new", "old", "total"):
            if parts:
                break
            continue
        if fig.kind == "count":
            own = counted(text, fig)
            if noun and own and own != noun:
                if parts:
                    break
                continue  # "split three ways: 80 seats, ...": a count of something else before the list
        if parts and fig.span.start - figures[parts[-1]].span.end > LIST_GAP:
            break
        parts.append(j)
    return parts


def counted(text: str, fig: Figure) -> str | None:
    """The noun a count counts, singular: "80 seats" -> seat, "the 150-seat council" -> seat."""
    if "-" in fig.surface:
        tail = fig.surface.rsplit("-", 1)[-1].lower()
        return tail if tail.isalpha() else None
    m = COUNTED_NOUN.match(text[fig.span.end : fig.span.end + 30])
    if not m or not m.group("noun"):
        return None
    noun = m.group("noun")
    if noun in STOP_NOUNS or not noun.endswith("s") or len(noun) < 3:
        return None
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
