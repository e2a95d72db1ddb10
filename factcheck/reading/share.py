"""Shares of a count and per-unit figures: "a quarter of the 800 staff, or 320 people", "$300 per user".

Statement(kind="share", roles: share (a percentage, a fraction, or a count in "320 of the 800 staff"), whole,
amount (the figure restating the share: "or 320 people", "(40%)"; absent when the text gives none); facts, for a
fraction word of the vague table (lexicon/shares.yml): word, low, high, the range the word allows).
Statement(kind="per_unit", roles: rate ("$300 per user"), total ("$6bn"), count ("30 million users")): a per-unit
figure restating a total over a count.
"""

from __future__ import annotations

import re

from ..extract.context import LEX, phrases
from ..extract.lexicon import load
from ..model import Statement
from . import vague
from .breakdown import counted
from .view import View
from .whole import AMOUNT_CLOSE, after, in_ratio, named_before, restating

SHARE_KINDS = {"percent", "fraction"}
AMOUNT_KINDS = {"count", "money", "quantity"}
SHARE_OF = re.compile(LEX["share_of"], re.I)
SHARES = load("shares")
OWN_BACK = re.compile(SHARES["own_back"], re.I)
LATER_OR = re.compile(SHARES["later_or"], re.I)
OWN_BACK_AFTER = re.compile(SHARES["own_back_after"], re.I)
THOSE_WHO = re.compile(SHARES["those_who"], re.I)
RESTATED_GAP = re.compile(SHARES["restated_gap"], re.I)
APPOSITION_GAP = re.compile(SHARES["apposition_gap"])
APPOSITION_CLOSE = re.compile(SHARES["apposition_close"])
SHARE_OF_OWNER = re.compile(SHARES["share_of_owner"])
HALF_THE = re.compile(SHARES["half_the"], re.I)
COUNT_OUT_OF = re.compile(SHARES["count_out_of"], re.I)
AMOUNT_BEFORE = re.compile(SHARES["amount_before"], re.I)
APPOSED_SHARE_GAP = re.compile(SHARES["apposed_share_gap"])
WORDS_THEN_AMOUNT = re.compile(SHARES["share_words_then_amount"], re.I)
TOTAL_SHARE_GAP = re.compile(SHARES["total_share_gap"], re.I)
TOTAL_WORDS = re.compile(SHARES["total_words"], re.I)
BELOW = re.compile(rf"(?i:\b(?:{phrases(LEX['approx_below'])})[ \u00a0]*$)")  # "nearly 900": at most 900
PER_UNIT_BACK = 40  # figures examined before a per-unit figure for its total: a bound, so a sentence stays linear


def wholes(view: View) -> dict[int, int]:
    """share -> whole: "40% of the 800 staff", "320 of the 800 staff" (the figure right after "of")."""
    figures, text = view.figures, view.text
    out: dict[int, int] = {}
    for i, fig in enumerate(figures[:-1]):
        nxt = figures[i + 1]
        if nxt.sentence != fig.sentence or i in view.linked:
            continue
        if fig.kind not in SHARE_KINDS | {"count"} or nxt.kind not in AMOUNT_KINDS or nxt.value is None:
            continue
        if fig.kind == "count" and (nxt.kind != "count" or (fig.value is not None and nxt.value < fig.value)):
            continue  # "5 of the 3": not a part of that whole
        # a change cuts a share of a counted whole ("will cut almost a third of its 1,200 drivers"), never of money
        if view.role[i] == "change" and (fig.kind == "count" or nxt.kind != "count"):
            continue
        if SHARE_OF.fullmatch(text, fig.span.end, nxt.span.start) or SHARE_OF_OWNER.fullmatch(
                text, fig.span.end, nxt.span.start) or fig.kind == "fraction" and fig.surface.lower().endswith(
                "half") and HALF_THE.fullmatch(text, fig.span.end, nxt.span.start):
            out[i] = i + 1
    return out


def read(view: View, whole_of: dict[int, int], converts: dict[int, int]) -> list[Statement]:
    """A share statement for each share of a whole, with the amount that restates it when the text gives one."""
    figures = view.figures
    out: list[Statement] = []
    for i, w in whole_of.items():
        share, whole = figures[i], figures[w]
        if share.value is None or whole.value is None:
            continue
        amount = None
        restated = next((k for k in range(w + 1, min(w + 4, len(figures)))
                         if figures[k].sentence == share.sentence and figures[k].value is not None), None)
        if restated is not None and figures[restated].sentence == share.sentence:
            if converts.get(restated) in (i, w):
                later = figures[restated]
                if share.kind in SHARE_KINDS and later.kind in AMOUNT_KINDS and later.unit == whole.unit:
                    amount = restated
                elif share.kind in AMOUNT_KINDS and later.kind in SHARE_KINDS and share.unit == whole.unit:
                    amount, i = i, restated  # "320 of the 800 staff (40%)": the share is the bracket
        if amount is None and (k := restating(view, w) or _tallied(view, i, w)) is not None and (
                (share.kind in SHARE_KINDS or in_ratio(view, i)) and figures[k].kind in AMOUNT_KINDS
                and figures[k].unit == whole.unit and figures[k].value < whole.value
                or share.kind in AMOUNT_KINDS and figures[k].kind in SHARE_KINDS and figures[k].unit == "%"
                and not in_ratio(view, i)):  # "three in ten of the 1,500 drivers (29%)": the ratio's, not ten's
            amount = k
            if share.kind in AMOUNT_KINDS and figures[k].kind in SHARE_KINDS:
                amount, i = i, k  # "210 of the region's 600 care homes, or 35%": the share is the percentage
        if amount is None and share.kind == "count" and (k := _later_or(view, w)) is not None:
            amount, i = i, k  # "1,450 of the trust's 5,000 calls were answered in time, or 29%": the percentage
        if amount is None and (k := _amount_before(view, i, whole)) is not None:
            amount = k
            if share.kind in AMOUNT_KINDS:
                amount, i = i, k  # "68% of those who voted – 300 of 480 –": the share is the percentage
        said = figures[amount].id if amount is not None else None
        facts = _below(view, amount)
        if figures[i].kind == "fraction" and (word := vague.word_range(view.text, figures[i])) and word[1] == "share":
            facts |= {"word": " ".join(word[0].group(0).split()), "low": word[2], "high": word[3]}
        elif (ratio := in_ratio(view, i)) is not None:
            facts |= {"word": " ".join(ratio[0].group(0).split()), "low": ratio[1], "high": ratio[2]}
        out.append(Statement.of("share", {"share": figures[i].id, "whole": whole.id, "amount": said}, **facts))
    return out


def of_named_whole(view: View, whole_of: dict[int, int]) -> list[Statement]:
    """'Of the 480 members who voted, 300, or 58%, backed it': a count and the percentage beside it that restates it
    ("N, or P%", "N (P%)", "P% (N)", "N, P%,"), as a share of the whole the words name before them: "of the T",
    "T ..., of whom" or "the T-member union" in the sentence, "the T-member union" or a count that "of them",
    "of its members" points at in the previous sentence. A cut is a share too when its whole is named a total
    ("The 7,500-strong workforce will lose 2,100 staff, about 28%")."""
    figures, text = view.figures, view.text
    taken = set(whole_of) | set(whole_of.values())
    out: list[Statement] = []
    for a in range(len(figures) - 1):
        b = a + 1
        first, second = figures[a], figures[b]
        if first.sentence != second.sentence or {a, b} & taken:
            continue
        pair = {f.kind: k for k, f in ((a, first), (b, second))}
        count, share = pair.get("count"), pair.get("percent")
        if count is None or share is None or figures[share].unit != "%" or figures[count].value is None \
                or not 0 < (figures[share].value or 0) <= 100 or view.role[share] == "change":
            continue
        cut = view.role[count] == "change"
        if cut and view.direction[count] != "down":
            continue  # "gained 300 members, or 62.5%": a rise on the old count, no share of a whole
        if not RESTATED_GAP.fullmatch(text, first.span.end, second.span.start) and not (
                share == b and APPOSITION_GAP.fullmatch(text, first.span.end, second.span.start)
                and APPOSITION_CLOSE.match(text, second.span.end)):
            continue
        gap, part = text[first.span.end : second.span.start], figures[count].value
        pointer = OWN_BACK.match(gap) or OWN_BACK_AFTER.match(text, second.span.end)
        lead = view.doc.sentence_span(first.sentence).start
        those = THOSE_WHO.search(text, lead, first.span.start) or THOSE_WHO.search(gap) or (
            pointer is not None and THOSE_WHO.search(pointer.string, pointer.start(), pointer.end() + 12))
        whole = named_before(view, a, part, pointer is not None)
        whole = after(view, b, part) if whole is None else _subset(view, whole, part, whole_of,
                                                                   "those" if those else pointer)
        if cut and whole is not None and view.role[whole] != "total":
            whole = None  # "The 7,500-strong workforce will lose 2,100 staff, about 28%": a cut of a named whole
        if whole is not None:
            out.append(Statement.of("share", {"share": figures[share].id, "whole": figures[whole].id,
                                              "amount": figures[count].id}, **_below(view, count)))
    return out


def _subset(view: View, w: int, part: float, whole_of: dict[int, int], pointer: object) -> int | None:
    """The whole that words pointing back name: when whole w was itself split ("2,410 of the union's 3,010 members
    took part"), "those who ..." is the part that did something ("1,930 of those who voted, or 80%" is of the 2,410);
    a bare "of them" (pointer) may mean either, so neither is taken."""
    parts = [p for p, of in whole_of.items() if of == w and (view.figures[p].value or 0) > part
             and view.figures[p].kind == "count"]
    if pointer is None or not parts:
        return w
    return parts[-1] if pointer == "those" else None


def of_total_before(view: View, whole_of: dict[int, int]) -> list[Statement]:
    """'The regulator imposed fines totalling £40m. The largest, £30m, represented about 60% of the total': a
    percentage of a whole its words name ("of the total", "of all fines", "of the fines") after the amount it
    restates ("£30m ... represented", "at £180m, made up"), the whole an earlier figure like the amount, larger than
    it, in the sentence or the one before (the nearest one; for "of the fines" one whose series the words name)."""
    figures, text = view.figures, view.text
    taken = set(whole_of) | set(whole_of.values())
    out: list[Statement] = []
    for i, fig in enumerate(figures):
        phrase = fig.attr("of_phrase")
        if fig.kind != "percent" or fig.unit != "%" or not phrase or i in taken or i in view.linked \
                or not 0 < (fig.value or 0) <= 100 or view.role[i] in ("change", "old", "new"):
            continue
        a = i - 1
        if a < 0 or figures[a].sentence != fig.sentence or figures[a].kind not in AMOUNT_KINDS \
                or figures[a].value is None or view.role[a] in ("change", "old") or a in taken \
                or not TOTAL_SHARE_GAP.fullmatch(text, figures[a].span.end, fig.span.start):
            continue
        total_word = bool(TOTAL_WORDS.search(phrase))
        for w in range(a - 1, max(-1, a - 1 - PER_UNIT_BACK), -1):
            whole = figures[w]
            if whole.sentence < fig.sentence - 1:
                break
            if whole.kind != figures[a].kind or whole.unit != figures[a].unit or whole.value is None \
                    or whole.value <= figures[a].value or view.role[w] == "change" or w in view.partner:
                continue
            series = (whole.attr("series") or "").lower().rstrip("s")
            if total_word or (series and series in phrase.lower()):
                out.append(Statement.of("share", {"share": fig.id, "whole": whole.id, "amount": figures[a].id},
                                        **_below(view, a)))
            break
    return out


def of_earlier_count(view: View, whole_of: dict[int, int]) -> list[Statement]:
    """'The list stands at 7.4 million patients. ... made up 59.2% of the waiting list, or just under 4.4m patients':
    a percentage of a whole its words name with no figure, restated by the count after it, as a share of the
    nearest larger count before it (up to PER_UNIT_BACK figures back) that counts the same noun as that count."""
    figures, text = view.figures, view.text
    taken = set(whole_of) | set(whole_of.values())
    out: list[Statement] = []
    for i, fig in enumerate(figures[:-1]):
        a, amount = i + 1, figures[i + 1]
        if fig.kind != "percent" or fig.unit != "%" or i in taken or a in taken or not 0 < (fig.value or 0) <= 100 \
                or view.role[i] in ("change", "old", "new") or amount.kind != "count" or amount.value is None \
                or amount.sentence != fig.sentence or view.role[a] in ("change", "old") \
                or not WORDS_THEN_AMOUNT.fullmatch(text, fig.span.end, amount.span.start) \
                or (noun := counted(text, amount)) is None:
            continue
        w = next((w for w in range(i - 1, max(-1, i - 1 - PER_UNIT_BACK), -1)
                  if figures[w].kind == "count" and figures[w].unit == amount.unit and view.role[w] != "change"
                  and (figures[w].value or 0) > amount.value and counted(text, figures[w]) == noun), None)
        if w is not None:
            out.append(Statement.of("share", {"share": fig.id, "whole": figures[w].id, "amount": amount.id},
                                    **_below(view, a)))
    return out


def _tallied(view: View, i: int, w: int) -> int | None:
    """The count tallying share i of whole w later in its sentence ("A third of the 900 nurses left within a year,
    300 in all"), for a fraction, a percentage or a ratio ("two in three of the 450 pupils passed – 300 of them –";
    factcheck.reading.vague.tallied)."""
    if view.figures[i].kind not in SHARE_KINDS and in_ratio(view, i) is None:
        return None  # "320 of the 800 staff": a count restated by a count is no share of it
    return vague.tallied(view, w + 1, view.figures[w].span.end)


def _later_or(view: View, w: int) -> int | None:
    """The percentage later in the sentence of whole w that restates the count before w with "or" ("..., or 29%",
    "– or 29% –"), closed there, no other figure but dates, spans and measures between."""
    figures, text = view.figures, view.text
    k = w + 1
    while k < len(figures) and figures[k].sentence == figures[w].sentence \
            and (figures[k].is_calendar or figures[k].kind in vague.MEASURES):
        k += 1
    if k >= len(figures) or figures[k].sentence != figures[w].sentence or figures[k].kind != "percent" \
            or figures[k].unit != "%" or view.role[k] == "change" or not LATER_OR.search(text, figures[w].span.end,
                                                                                       figures[k].span.start) \
            or not AMOUNT_CLOSE.match(text, figures[k].span.end):
        return None
    return k


def _amount_before(view: View, i: int, whole) -> int | None:
    """The figure right before share i restating it: "300 members, or 68% of the 480" (a count before a
    percentage), "cut about 200 jobs, roughly 1% of its 21,000 employees" (a cut, set off by a bare comma), "68% of
    those who voted – 300 of 480 –" (a percentage before a count of the whole)."""
    figures, text = view.figures, view.text
    j = i - 1
    if j < 0 or figures[j].sentence != figures[i].sentence or figures[j].value is None \
            or view.role[j] == "change" and (view.direction[j] != "down" or figures[j].kind != "count"):
        return None
    before, share = figures[j], figures[i]
    gap = (text, before.span.end, share.span.start)
    if share.kind == "percent" and share.unit == "%" and before.kind == "count" and before.unit == whole.unit \
            and before.value < whole.value and (RESTATED_GAP.fullmatch(*gap) or APPOSED_SHARE_GAP.fullmatch(*gap)):
        return j
    if share.kind == "count" and before.kind == "percent" and before.unit == "%" \
            and AMOUNT_BEFORE.fullmatch(text, before.span.end, share.span.start):
        return j
    return None


def out_of_restated(view: View) -> list[Statement]:
    """'85 out of 340 complaints, or 25%': a fraction figure of two counts and the percentage restating it, as a share
    statement whose whole and amount are that figure (facts part and of: the two counts in its words)."""
    figures = view.figures
    out: list[Statement] = []
    for i, fig in enumerate(figures):
        m = COUNT_OUT_OF.match(fig.surface) if fig.kind == "fraction" else None
        k = restating(view, i) if m else None
        if m is None or k is None or figures[k].kind != "percent" or figures[k].unit != "%":
            continue
        part, whole = (float(m.group(g).replace(",", "")) for g in ("part", "whole"))
        if 0 < part <= whole:
            out.append(Statement.of("share", {"share": figures[k].id, "whole": fig.id, "amount": fig.id},
                                    part=part, of=whole))
    return out


def _below(view: View, k: int | None) -> dict:
    """below: True when amount k is hedged from below ("nearly 900", "almost 300"): at most its value."""
    if k is None or "approx" not in view.figures[k].qualifiers:
        return {}
    start = view.figures[k].span.start
    return {"below": True} if BELOW.search(view.text, max(0, start - 30), start) else {}


def per_unit(view: View, converts: dict[int, int]) -> list[Statement]:
    """'$6bn from 30 million users, or $300 per user': the rate, the total before it and the count it restates."""
    figures = view.figures
    out: list[Statement] = []
    for r, rate in enumerate(figures):
        per = rate.attr("per")
        if not per or rate.value is None or rate.kind not in AMOUNT_KINDS or r not in converts:
            continue
        total = count = None
        k = r - 1
        while k >= 0 and k >= r - PER_UNIT_BACK and figures[k].sentence == rate.sentence:
            fig = figures[k]
            if fig.value is not None:
                if fig.kind == rate.kind and fig.unit == rate.unit and view.role[k] != "change":
                    total = k if total is None else total
                elif count is None and fig.kind == "count":
                    count = k
            if total is not None and count is not None:
                break
            k -= 1
        if total is None or count is None or converts[r] not in (total, count):
            continue
        out.append(Statement.of("per_unit", {"rate": rate.id, "total": figures[total].id,
                                             "count": figures[count].id}, per=per))
    return out
