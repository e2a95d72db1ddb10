"""Where the whole of a part is in the text, and the figure restating a share of it: a whole named before the part
("Of the 480 members who voted, 300"), after it ("300, or 48%, of the 520"), or pointed back to ("630 of them"); the
figure after a whole restating a share of it ("of its 1,200 drivers, or 380 people", "of the 820 homes now have heat
pumps – some 610 homes"); a ratio of two counts ("two in
five"). Shared by the share and vague-word readers (factcheck.reading.share, factcheck.reading.vague)."""

from __future__ import annotations

import re

from ..extract.lexicon import load
from .breakdown import counted
from .view import View

LEX = load("shares")
WHOLE_BEFORE = re.compile(LEX["whole_before"], re.I)
OF_WHOM = re.compile(LEX["of_whom"], re.I)
WHOLE_BACK = re.compile(LEX["whole_back"], re.I)
WHOLE_AFTER = re.compile(LEX["whole_after"], re.I)
AMOUNT_OPEN = re.compile(LEX["amount_open"], re.I)
AMOUNT_APPOSITION = re.compile(LEX["amount_apposition"], re.I)
AMOUNT_CLOSE = re.compile(LEX["amount_close"])
WHOLE_WORDS_STOP = re.compile(LEX["whole_words_stop"], re.I)
IN_RATIO = re.compile(LEX["in_ratio"], re.I)
LATER_AMOUNT = re.compile(LEX["later_amount"], re.I)
COLON_PART = re.compile(LEX["colon_part"], re.I)
NOUN_CLOSE = re.compile(LEX["noun_close"])
SPAN = re.compile(r".+", re.S)  # words read from figures ("two in five") as a match of the text, as the table's are
BACK = 40  # figures examined before a part for its whole: a bound, so a sentence stays linear
REACH = 80  # characters between a whole and the figure restating a share of it


def restating(view: View, w: int) -> int | None:
    """The figure after whole w and the words naming it that restates a share of it: "of its 1,200 drivers, or 210
    people", "of the 2,000 taxis – about 500 –" (a dash or a bare comma only with the figure closed again)."""
    figures, text = view.figures, view.text
    k = w + 1
    while k < len(figures) and figures[k].is_calendar and figures[k].sentence == figures[w].sentence:
        k += 1  # "of the 4,000 homes checked this year (21%)": a date of the whole's words
    if k >= len(figures) or figures[k].sentence != figures[w].sentence or figures[k].value is None:
        return None
    start, end = figures[w].span.end, figures[k].span.start
    if _same_noun_later(view, w, k):
        return k
    if end - start > REACH or WHOLE_WORDS_STOP.search(text, start, end):
        return None
    if AMOUNT_OPEN.fullmatch(text, start, end) or (
            AMOUNT_APPOSITION.fullmatch(text, start, end) and AMOUNT_CLOSE.match(text, figures[k].span.end)):
        return k
    return None


def _same_noun_later(view: View, w: int, k: int) -> bool:
    """Figure k, set off at the end of the clause of whole w, counts what w counts: "Three quarters of the 820 homes
    now have heat pumps – some 610 homes." (not "..., 380 homes were destroyed": a clause of its own)."""
    figures, text = view.figures, view.text
    noun = counted(text, figures[w], qualified=True) if figures[w].kind == "count" else None
    if noun is None or figures[k].kind != "count" or counted(text, figures[k], qualified=True) != noun:
        return False
    start, end = figures[w].span.end, figures[k].span.start
    close = NOUN_CLOSE.match(text, figures[k].span.end)
    return end - start <= 2 * REACH and bool(LATER_AMOUNT.fullmatch(text, start, end)) and close is not None


def in_ratio(view: View, i: int) -> tuple[re.Match, float, float] | None:
    """'two in five of the 1,500 commuters': the count i is the second of a ratio of two counts; the words and the
    range of shares they allow (lexicon/shares.yml in_ratio_tolerance)."""
    figures = view.figures
    if i == 0 or figures[i].kind != "count" or figures[i - 1].kind != "count" or not figures[i].value \
            or figures[i - 1].value is None or figures[i - 1].sentence != figures[i].sentence \
            or not IN_RATIO.fullmatch(view.text, figures[i - 1].span.end, figures[i].span.start) \
            or figures[i - 1].value >= figures[i].value:
        return None
    return SPAN.match(view.text, figures[i - 1].span.start, figures[i].span.end), \
        *ratio_range(figures[i - 1].value / figures[i].value)


def ratio_range(ratio: float) -> tuple[float, float]:
    """A ratio and the shares it allows: itself ± in_ratio_tolerance of itself, at least in_ratio_floor."""
    pad = max(LEX["in_ratio_floor"], LEX["in_ratio_tolerance"] * ratio)
    return ratio - pad, ratio + pad


def after(view: View, b: int, part: float) -> int | None:
    """The count right after a count and its percentage that the words name as their whole: "300, or 48%, of the
    520 who voted"."""
    figures = view.figures
    w = b + 1
    if w >= len(figures) or figures[w].sentence != figures[b].sentence or figures[w].kind != "count" \
            or figures[w].unit is not None or not (figures[w].value or 0) > part:
        return None
    return w if WHOLE_AFTER.fullmatch(view.text, figures[b].span.end, figures[w].span.start) else None


def named_before(view: View, a: int, part: float, back: bool) -> int | None:
    """The count, before figure a in its sentence or in the previous one, that the words name as a's whole ("of the
    480", "480 ..., of whom", "The union's 480 members voted: 300, or 58%, ..."; back:
    the count's own words point back, "630 of them, or 75%": to the nearest larger count before, in its sentence
    too, "has 480 members, and 300 of them, or 62.5%")."""
    figures, text = view.figures, view.text
    sentence = figures[a].sentence
    own, back = back, back or bool(WHOLE_BACK.search(view.clause_words(a)))
    k = a - 1
    while k >= 0 and figures[k].sentence >= sentence - 1 and a - k <= BACK:
        fig = figures[k]
        if fig.kind == "count" and fig.unit is None and fig.value is not None and fig.value > part \
                and view.role[k] != "change":
            named = "-" in fig.surface.strip("-")  # "the 480-member union"
            if fig.sentence < sentence:
                return k if back or named else None
            lead = text[max(0, fig.span.start - 40) : fig.span.start]
            if named or own or WHOLE_BEFORE.search(lead) or OF_WHOM.search(text, fig.span.end, figures[a].span.start) \
                    or COLON_PART.fullmatch(text, fig.span.end, figures[a].span.start):
                return k
        k -= 1
    return None
