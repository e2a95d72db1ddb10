"""Vague quantity words against the figures beside them: "Dozens of tenants, around 4,300 households", "A majority
of drivers ... a survey of 1,600 motorists. In all, 720 of those questioned were against".

Statement(kind="vague", roles: amount (a count or a percentage restating the word in its clause), whole (the count
the share is of), parts (counts or percentages of that whole in the next sentence, when the clause gives no amount);
facts: word, start, end (where the word is), low, high (the range it allows, lexicon/shares.yml), scale ("share" of
one, or "count"), closed (with parts: whether the text says they and the rest make the whole; when it does not,
the word may be a share of the parts' sum, those who answered)). A fraction figure with a whole of its own ("nearly
half of the 900 staff") is the share reader's, not this one's (it takes the word's range from here: word_range).
"""

from __future__ import annotations

import bisect
import re

from ..extract.lexicon import load
from ..extract.trie import factored
from ..model import Statement
from .breakdown import counted
from .view import View
from .whole import AMOUNT_CLOSE, SPAN, WHOLE_BEFORE, in_ratio, named_before, ratio_range, restating

LEX = load("shares")


def _hedged_fractions() -> dict[str, list[float]]:
    """Each fraction word, bare and after each hedge, with the range they allow together: "almost two-thirds" is 0.59
    to 0.667 (lexicon vague_bare, vague_hedges and vague_fractions; a word vague_shares lists keeps its own range)."""
    out: dict[str, list[float]] = {}
    for name, value in LEX["vague_fractions"].items():
        for spelled in {name, name.replace(" ", "-")}:
            for hedge, (below, above) in [("", LEX["vague_bare"]), *LEX["vague_hedges"].items()]:
                low, high = max(0.0, value * (1 + below)), min(1.0, value * (1 + above))
                out[f"{hedge} {spelled}".strip()] = [round(low, 3), round(high, 3)]
    return out


SCALES = {"share": _hedged_fractions() | LEX["vague_shares"], "count": LEX["vague_counts"]}
RANGE = {w.lower(): (scale, float(lo), float(hi)) for scale, table in SCALES.items() for w, (lo, hi) in table.items()}
WORD = re.compile(r"(?<![\w-])(?i:" + factored((
    re.escape(w).replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[-\s]") for w in sorted(RANGE, key=len, reverse=True)
), fold=True) + r")(?![\w-])")
RESTATED = re.compile(LEX["vague_restated"], re.I)
PARTS_OPEN = re.compile(LEX["vague_parts_open"], re.I)
RESTATED_BARE = re.compile(LEX["vague_restated_bare"], re.I)
IN_TOTAL = re.compile(LEX["vague_in_total"], re.I)
SAID_SO = re.compile(LEX["vague_said_so"], re.I)
PART_OF_BACK = re.compile(LEX["part_of_back"], re.I)
REST = re.compile(LEX["rest_words"], re.I)
REACH = 80  # characters from the word to the figure restating it
TENSES = {"forecast"}  # qualifiers of a figure's time, not its value: "will back ... a majority"
LEAD = 20  # characters before a fraction figure where its qualifier may start ("nearly half", "almost a third")
ENDS = re.compile(WORD.pattern + r"$")
OF_WHOLE = re.compile(LEX["share_of_owner"] + "$|" + LEX["of_whole"], re.I)
BEFORE_PART = re.compile(LEX["before_part"], re.I)
WORD_AFTER_PART = re.compile(LEX["word_after_part"], re.I)
PUNCT_PART = re.compile(LEX["punct_part"], re.I)
OF_BACK = re.compile(LEX["of_back"], re.I)
RATIO_FIGURE = re.compile(LEX["ratio_figure"], re.I)
HEDGE = re.compile(  # a hedge right before a ratio figure: "roughly one in five"
    r"(?<![\w-])(?i:(" + "|".join(h.replace(" ", r"[\s\u00a0]+") for h in LEX["vague_hedges"]) + r"))[\s\u00a0]+$")
CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")
# Words any clause may hold, no sign that two sentences say the same of what they count.
PLAIN_WORDS = set(LEX["plain_words"])
AUXILIARY = re.compile(r"\b(?:are|is|were|was|have|has|had|will|would)\b")
POINTS_BACK = re.compile(LEX["points_back"], re.I)
HAVE = {"has": "have", "had": "have", "having": "have"}  # "820 homes have heat pumps" ... "410 homes had them"
OF_PHRASE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their)[ \u00a0]+)?(?:[A-Za-z'’-]+[ \u00a0]+){0,2}")
TALLY_OPEN = re.compile(LEX["tally_open"], re.I)
OF_NOUN = re.compile(LEX["of_noun"], re.I)
TALLY_START = re.compile(LEX["tally_start"], re.I)
NOUN_AFTER = LEX["noun_after"]
TOTAL_OF = re.compile(LEX["total_of"], re.I)
THEM_CLOSED = re.compile(LEX["them_closed"], re.I)
BARE_VERB = re.compile(LEX["bare_verb"], re.I)
MEASURES = {"duration", "quantity"}
BOUNDS = {"less_than", "more_than", "at_least", "at_most", "up_to", "over"}
CHANGE_LINKS = set(LEX["change_links"])  # "net income was up by 32%": the words between a change's noun and figure
EARLIER = 200  # figures examined before a share word's sentence for the whole its noun names: a bound


def word_range(text: str, fig) -> tuple[re.Match, str, float, float] | None:
    """The lexicon word a fraction figure is, with its qualifier ("almost a third": (0.25, 0.334)): the match,
    its scale and range; None when the figure's words, with the qualifier before them, are not in the table."""
    start = max(0, fig.span.start - LEAD)
    m = ENDS.search(text, start, fig.span.end)
    if m is None or m.start() > fig.span.start or (m.start() == fig.span.start and set(fig.qualifiers) - TENSES):
        return None  # "more than a quarter", "less than a third": the extraction's reading of the qualified word
    scale, low, high = RANGE[re.sub(r"[\s\u00a0-]+", " ", m.group(0).lower())]
    return m, scale, low, high


def read(view: View, whole_of: dict[int, int]) -> list[Statement]:
    """A vague statement for each vague word the text ties to figures: a word of the table, or a fraction figure
    with no whole of its own ("Nearly half of respondents, 38%, ...")."""
    figures, text = view.figures, view.text
    starts = [f.span.start for f in figures]
    words: list[tuple[re.Match, str, float, float, int]] = []
    for m in WORD.finditer(text):
        at = bisect.bisect_left(starts, m.end())
        if at > 0 and figures[at - 1].span.end > m.start():
            continue  # a figure: taken below when it is a fraction with no whole
        words.append((m, *RANGE[re.sub(r"[\s\u00a0-]+", " ", m.group(0).lower())], at))
    for k, fig in enumerate(figures):
        if fig.kind == "count" and (m := WORD.fullmatch(text, fig.span.start, fig.span.end)) is not None:
            # a vague count the extraction reads as a figure ("Tens of thousands of fans – about 8,000 –")
            words.append((m, *RANGE[re.sub(r"[\s\u00a0-]+", " ", m.group(0).lower())], k + 1))
        elif fig.kind == "fraction" and k not in whole_of and view.role[k] is None \
                and (found := word_range(text, fig) or _ratio_figure(view, k)) is not None:
            words.append((*found, k + 1))
        elif k not in whole_of and (ratio := in_ratio(view, k)) is not None:  # "two in five adults – 2,000 of"
            words.append((ratio[0], "share", ratio[1], ratio[2], k + 1))
    out: list[Statement] = _percent_of_whole(view, whole_of) + _change_restated(view)
    for m, scale, low, high, at in sorted(words, key=lambda w: w[0].start()):
        facts = {"word": m.group(0), "start": m.start(), "end": m.end(), "low": low, "high": high, "scale": scale}
        roles = _restated(view, at, m.end(), scale, whole_of) or _restated_before(view, m, scale, whole_of) \
            or (_earlier_whole(view, m, at) if scale == "share" else None)
        if roles is None and scale == "share":
            sentence = view.doc.sentence_index(m.start())
            roles = _parts(view, at, sentence, m.end()) or _said_so(view, sentence)
        if roles is not None:
            closed = roles.pop("closed", None)
            out.append(Statement.of("vague", roles, **facts, closed=closed))
    return out


def _change_restated(view: View) -> list[Statement]:
    """A change said as a fraction word ("net income climbed by a third") and restated as a percentage change of the
    same thing in the next figure, in its sentence or the next ("The company said net income rose 32 percent"): the
    next percentage change that moves the same way, the noun before its verb in the words of the fraction's clause."""
    figures, text, out = view.figures, view.text, []
    for k, fig in enumerate(figures):
        if fig.kind != "fraction" or view.role[k] != "change" or (found := word_range(text, fig)) is None \
                or found[1] != "share":
            continue
        j = next((j for j in range(k + 1, len(figures)) if figures[j].kind == "percent"), None)
        if j is None or figures[j].sentence > fig.sentence + 1 or figures[j].unit != "%" or view.role[j] != "change" \
                or view.direction[j] != view.direction[k] or (noun := _subject(view.clause_words(j))) is None \
                or noun not in re.findall(r"[a-z]+", view.clause_words(k).lower()):
            continue
        m, scale, low, high = found
        out.append(Statement.of("vague", {"amount": figures[j].id}, word=m.group(0), start=m.start(), end=m.end(),
                                low=low, high=high, scale=scale, closed=None, change=True))
    return out


def _subject(words: str) -> str | None:
    """The noun before the verb that ends the words of a change's clause: "said net income rose" -> income,
    "profit was up" -> profit; None when it is a word any clause has."""
    tokens = re.findall(r"[a-z]+", words.lower())
    while tokens and tokens[-1] in CHANGE_LINKS:
        tokens.pop()
    if not re.search(r"\b(?:up|down)[^a-z]*$", words.lower()) and tokens:
        tokens.pop()  # the verb: "rose", "climbed", "dropped"
    while tokens and tokens[-1] in CHANGE_LINKS:
        tokens.pop()
    return tokens[-1] if tokens and len(tokens[-1]) >= 3 and tokens[-1] not in PLAIN_WORDS else None


def _percent_of_whole(view: View, whole_of: dict[int, int]) -> list[Statement]:
    """A fraction word or ratio of a whole restated as a percentage ("Nearly half of the 1,200 staff, about 38%, ...",
    "One in four of the 2,400 nurses (31%)") or by
    the one count of the next sentence ("A majority of the 900 staff wanted it. In all, 410 said so."): the share
    reader takes a count restating it in its clause; this one the others."""
    figures, out = view.figures, []
    for k, w in whole_of.items():
        found = word_range(view.text, figures[k]) or _ratio_figure(view, k) if figures[k].kind == "fraction" else (
            (ratio[0], "share", ratio[1], ratio[2]) if (ratio := in_ratio(view, k)) is not None else None)
        if found is None or found[1] != "share":
            continue
        r = restating(view, w)
        m, scale, low, high = found
        if r is not None and figures[r].kind == "percent" and figures[r].unit == "%" and view.role[r] != "change":
            roles = {"amount": figures[r].id}
        elif r is None and (roles := _parts_after(view, w)) is not None:
            pass
        elif r is None:
            roles = _said_so(view, figures[k].sentence)
            if roles is None or roles["whole"] != figures[w].id:
                continue
        else:
            continue
        closed = roles.pop("closed", None)
        out.append(Statement.of("vague", roles, word=m.group(0), start=m.start(), end=m.end(), low=low, high=high,
                                scale=scale, closed=closed))
    return out


def _parts_after(view: View, w: int) -> dict | None:
    """The counts a dash or a colon after whole w sets off as its parts, in its sentence ("a majority of the 31
    councillors — 14 voted in favour, 11 against and six abstained"): two or more, each smaller than the whole and
    no more than it together; closed when they make it up or the sentence says what the rest did."""
    figures, text = view.figures, view.text
    k, parts = w + 1, []
    while k < len(figures) and figures[k].is_calendar and figures[k].sentence == figures[w].sentence \
            and re.fullmatch(r"[\w \u00a0'’-]{0,40}", text[figures[k - 1].span.end : figures[k].span.start]):
        k += 1  # "of the 35 councillors on Monday – 17 backed it": the date is the sentence's
    if k >= len(figures) or not PARTS_OPEN.fullmatch(text, figures[k - 1].span.end, figures[k].span.start):
        return None
    while k < len(figures) and figures[k].sentence == figures[w].sentence and figures[k].kind == "count" \
            and figures[k].value is not None and view.role[k] not in ("change", "old"):
        parts.append(k)
        k += 1
    total = sum(figures[p].value for p in parts)
    if len(parts) < 2 or total > (figures[w].value or 0) or any(figures[p].value >= figures[w].value for p in parts):
        return None
    closed = total == figures[w].value or bool(REST.search(text, figures[w].span.end,
                                                            view.doc.sentence_span(figures[w].sentence).end))
    return {"whole": figures[w].id, "parts": [figures[p].id for p in parts], "closed": closed}


def _restated(view: View, at: int, end: int, scale: str, whole_of: dict[int, int]) -> dict | None:
    """The figure right after the word that restates it ("of tenants, around 4,300 households"), and for a share
    given as a count, the whole named before it in the sentence."""
    figures, text = view.figures, view.text
    if scale == "count" and (k := tallied(view, at, end)) is not None:
        return {"amount": figures[k].id}  # "Hundreds of jobs will go ..., 850 in total": the count the word says
    while at < len(figures) and figures[at].is_calendar and figures[at].span.start - end <= REACH:
        at += 1  # "Hundreds of jobs will go when the centre closes in March, 850 in total": the date is the clause's
    if at >= len(figures) or figures[at].value is None or figures[at].span.start - end > REACH \
            or view.doc.sentence_index(figures[at].span.start) != view.doc.sentence_index(end - 1):
        return None
    fig = figures[at]
    if view.role[at] == "change":
        return None
    if fig.kind in ("count", "money") and OF_WHOLE.fullmatch(text, end, fig.span.start) \
            and (k := restating(view, at) or tallied(view, at + 1, fig.span.end)) is not None \
            and view.role[k] != "change":
        # "a handful of the 40 councillors – 19 –", "most of the town's 64 pubs, 44 in total,": at is the whole
        part = figures[k]
        if scale == "count":
            return {"amount": part.id} if part.kind == "count" == fig.kind else None
        if part.kind == fig.kind and part.unit == fig.unit and (part.value or 0) <= (fig.value or 0):
            return {"amount": part.id, "whole": fig.id}
        return {"amount": part.id} if part.kind == "percent" and part.unit == "%" else None
    if scale == "share" and at in whole_of and BEFORE_PART.fullmatch(text, end, fig.span.start) \
            and figures[at].kind == "count":
        return {"amount": fig.id, "whole": figures[whole_of[at]].id}  # "the majority – 312 of the 530 residents"
    if scale == "share" and fig.kind == "count" and at not in whole_of and PUNCT_PART.fullmatch(text, end,
                                                                                               fig.span.start):
        return _of_named(view, at, back=False)  # "Of the 900 staff, nearly half – 400 –"
    if not RESTATED.fullmatch(text, end, fig.span.start) and not (
            RESTATED_BARE.fullmatch(text, end, fig.span.start) and AMOUNT_CLOSE.match(text, fig.span.end)):
        return None  # "Most respondents (44%)", "Nearly all trains on the coast line (72%)": set off and closed
    if scale == "count":
        return {"amount": fig.id} if fig.kind == "count" else None
    if fig.kind == "percent" and fig.unit == "%":
        return {"amount": fig.id}
    if fig.kind == "count" and OF_BACK.match(text, end):
        return _of_named(view, at, back=True)  # "The firm employs 900 people. Nearly half of them, 400, ..."
    return None


def tallied(view: View, k: int, start: int) -> int | None:
    """The count k (or the first figure after it that is no date, span or measure) later in the sentence of start,
    set off and said to be the whole of what a share or a vague word counts: "Most of the day's 62 departures were
    cancelled — 23 in all —", "A third of the 900 nurses left within a year, 300 in all", ", a total of 31", "– 210
    of them –"; None when another figure comes first."""
    figures, text = view.figures, view.text
    sentence = view.doc.sentence_index(start)
    while k < len(figures) and figures[k].sentence == sentence \
            and (figures[k].is_calendar or figures[k].kind in MEASURES):
        k += 1  # "were approved within eight weeks, 2,390 in total": a date, a span or a measure counts no one
    if k >= len(figures) or figures[k].sentence != sentence:
        return None
    fig = figures[k]
    if fig.kind != "count" or fig.value is None or view.role[k] in ("change", "old"):
        return None
    if TOTAL_OF.search(text, start, fig.span.start):  # ", a total of 31 voting for it"
        return k
    if not TALLY_OPEN.search(text, start, fig.span.start):
        return None
    if IN_TOTAL.match(text, fig.span.end):
        return k
    back = THEM_CLOSED.match(text, fig.span.end)  # "– 210 of them –", not "900 of them citing workload"
    return k if back is not None else None


def _earlier_whole(view: View, m: re.Match, at: int) -> dict | None:
    """A share word whose whole is a count of an earlier sentence, restated by a tally later in its sentence or at
    the start of the next ("Most were cancelled, 96 altogether", "Most of them backed it. In all, 330 voted for it"):
    the nearest larger count of the sentence before when the word stands bare before its verb or points back ("Most
    were", "Nearly half said", "Most of them"), else the latest count before of the noun its words name ("About three
    quarters of the applications were approved, 2,390 in total")."""
    figures, text = view.figures, view.text
    sentence = view.doc.sentence_index(m.start())
    k = tallied(view, at, m.end())
    if k is None and (k := _tally_next(view, sentence)) is None:
        return None
    part = figures[k].value
    if any(not figures[j].is_calendar for j in view.by_sentence.get(sentence, []) if figures[j].span.end <= m.start()):
        return None  # a figure before the word in its sentence: its whole, if any, is there
    first = next((j for j in range(at - 1, -1, -1) if figures[j].sentence < sentence), -1)
    fits = [j for j in range(first, max(-1, first - EARLIER), -1)
            if figures[j].kind == "count" and figures[j].unit is None and (figures[j].value or 0) > part
            and view.role[j] not in ("change", "old")]
    if BARE_VERB.match(text, m.end()) or OF_BACK.match(text, m.end()):
        w = next((j for j in fits if figures[j].sentence == sentence - 1), None)
    elif (noun := OF_NOUN.match(text, m.end())) is not None:
        name = noun.group("noun").lower()
        name = name[:-3] + "y" if name.endswith("ies") else name[:-1]
        w = next((j for j in fits if _counts(text, figures[j], name)), None)
    else:
        return None
    return None if w is None else {"amount": figures[k].id, "whole": figures[w].id}


def _counts(text: str, fig, name: str) -> bool:
    """Whether count fig counts the noun name: "3,200 planning applications", "all 12,000 of its weekend tickets"."""
    if counted(text, fig, qualified=True) == name:
        return True
    plural = name[:-1] + "ies" if name.endswith("y") else name + "s"
    words = NOUN_AFTER + f"(?:{re.escape(name)}|{re.escape(plural)})\\b"
    return re.match(words, text[fig.span.end : fig.span.end + 60], re.I) is not None


def _tally_next(view: View, sentence: int) -> int | None:
    """The one count of the sentence after a share word when that sentence opens as a tally ("In all, 330 voted in
    favour", "Altogether, 140 families said no")."""
    figures = view.figures
    after = [k for k in view.by_sentence.get(sentence + 1, []) if not figures[k].is_calendar]
    if len(after) != 1 or figures[after[0]].kind != "count" or figures[after[0]].value is None \
            or view.role[after[0]] in ("change", "old"):
        return None
    span = view.doc.sentence_span(sentence + 1)
    return after[0] if TALLY_START.match(view.text, span.start, span.end) else None


def _of_named(view: View, k: int, back: bool) -> dict | None:
    """Count k with the whole the words name before it (factcheck.reading.whole.named_before) as amount and whole."""
    w = named_before(view, k, view.figures[k].value or 0, back)
    return None if w is None else {"amount": view.figures[k].id, "whole": view.figures[w].id}


def _restated_before(view: View, m: re.Match, scale: str, whole_of: dict[int, int]) -> dict | None:
    """A count of a whole right before the word, the word set off after it: "150 of its 900 staff, almost a third,",
    "150 of its 900 staff – almost a third –", "(almost a third)"; not a share of something else ("10 of the 60
    councillors, most of them men")."""
    figures, text, start = view.figures, view.text, m.start()
    if OF_PHRASE.match(text, m.end()):
        return None
    j = bisect.bisect_right([f.span.end for f in figures], start) - 1
    if scale != "share" or j < 0 or figures[j].sentence != view.doc.sentence_index(start) \
            or start - figures[j].span.end > REACH or not WORD_AFTER_PART.fullmatch(text, figures[j].span.end, start):
        return None
    if j >= 1 and whole_of.get(j - 1) == j and figures[j - 1].kind == "count":
        return {"amount": figures[j - 1].id, "whole": figures[j].id}
    if figures[j].kind == "count" and j not in whole_of and j not in whole_of.values():
        # "Of the firm's 900 staff, 400 – nearly half –"; "Of the county's 96 libraries, most will shut, 41 in all"
        k = tallied(view, j + 1, m.end()) if WHOLE_BEFORE.search(text, max(0, figures[j].span.start - 40),
                                                                figures[j].span.start) else None
        if k is not None and figures[k].value < (figures[j].value or 0):
            return {"amount": figures[k].id, "whole": figures[j].id}
        return _of_named(view, j, back=False)
    return None


def _parts(view: View, at: int, sentence: int, end: int) -> dict | None:
    """A share word's whole (the one count of its sentence, not the word's own "of the region's 3,000 farms") and
    the parts of that whole the next sentence gives: two or more, adding up to no more than the whole, one of them
    saying so ("720 of those questioned ..., while 610 ..."); one part after "of those" is a part of the share.
    closed: whether that sentence says the parts and the rest make the whole ("and the rest had no view")."""
    figures, text = view.figures, view.text
    own = [k for k in view.by_sentence.get(sentence, []) if _counted_whole(figures[k])]
    if len(own) != 1 or (own[0] == at and figures[at].span.start - end <= REACH
                         and OF_PHRASE.fullmatch(text, end, figures[at].span.start)):
        return None
    whole = figures[own[0]]
    parts = [k for k in view.by_sentence.get(sentence + 1, [])
             if figures[k].value is not None and view.role[k] != "change"
             and ((figures[k].kind == "count" and figures[k].value < whole.value)
                  or (figures[k].kind == "percent" and figures[k].unit == "%"))]
    counts = sum(figures[k].value for k in parts if figures[k].kind == "count")
    shares = sum(figures[k].value for k in parts if figures[k].kind == "percent")
    if len(parts) < 2 or counts > whole.value or shares > 100 \
            or not any(PART_OF_BACK.match(text, figures[k].span.end) for k in parts):
        return None
    span = view.doc.sentence_span(sentence + 1)
    closed = bool(REST.search(text, span.start, span.end))
    return {"whole": whole.id, "parts": [figures[k].id for k in parts], "closed": closed}


def _counted_whole(fig) -> bool:
    """Whether a figure can be the whole a share word counts: a count, not a bound ("US citizens aged under 30")."""
    return fig.kind == "count" and bool(fig.value) and not set(fig.qualifiers) & BOUNDS


def _said_so(view: View, sentence: int) -> dict | None:
    """A share word's whole (the one count of its sentence) and the one count of the next sentence that says it is
    how many did so ("A majority of the 900 staff wanted to work from home. In all, 410 said so."), or that counts
    the whole's noun and says what the word's sentence says of it ("Three quarters of the 820 homes now have heat
    pumps. The council said 615 homes have them.")."""
    figures, text = view.figures, view.text
    own = [k for k in view.by_sentence.get(sentence, []) if _counted_whole(figures[k])]
    if len(own) != 1:
        return None
    whole = figures[own[0]]
    after = [k for k in view.by_sentence.get(sentence + 1, []) if figures[k].value is not None]
    if len(after) == 1 and figures[after[0]].kind == "count" and view.role[after[0]] != "change" \
            and 0 < figures[after[0]].value < whole.value:
        span = view.doc.sentence_span(sentence + 1)
        if SAID_SO.search(text, span.start, span.end):
            return {"amount": figures[after[0]].id, "whole": whole.id}
    noun = counted(text, whole)
    if noun is None:
        return None
    end = view.doc.sentence_span(sentence).end
    verb = AUXILIARY.search(text, whole.span.end, end)  # "taxis licensed in the city are now electric": from "are"
    said = _predicate(text, verb.start() if verb else whole.span.end, end, skip=0 if verb else 1)
    same = [k for k in after if figures[k].kind == "count" and view.role[k] not in ("change", "old")
            and 0 < figures[k].value < whole.value and counted(text, figures[k]) == noun
            and _says_so(said, text, figures[k].span.end, view.doc.sentence_span(sentence + 1).end)]
    return {"amount": figures[same[0]].id, "whole": whole.id} if len(same) == 1 else None


def _says_so(said: set[str], text: str, start: int, end: int) -> bool:
    """The clause of a count from start says what the words said say, or points back to it ("410 homes were using
    them", "had one fitted")."""
    clause = CLAUSE_BREAK.split(text[start:end], 1)[0]
    return bool(said & _predicate(text, start, end) or POINTS_BACK.search(clause))


def _predicate(text: str, start: int, end: int, skip: int = 1) -> set[str]:
    """The stems (first four letters) of the words from start up to the clause's end, but the first skip (the noun
    after a count), less the words any clause has: what the sentence says of what it counts."""
    clause = CLAUSE_BREAK.split(text[start:end], 1)[0]
    return {HAVE.get(w, w)[:4] for w in re.findall(r"[a-z]{3,}", clause.lower())[skip:] if w not in PLAIN_WORDS}


def _ratio_figure(view: View, k: int) -> tuple[re.Match, str, float, float] | None:
    """A fraction figure said as one count in another ("One in four students", "three out of five", "roughly one in
    five"): its value with the ratio tolerance, moved by its hedge (lexicon vague_hedges), as a share word."""
    fig = view.figures[k]
    if not RATIO_FIGURE.search(fig.surface) or fig.value is None:
        return None
    low, high = ratio_range(fig.value)
    if fig.qualifiers:  # "roughly one in five": the hedge right before it, else a reading of its own ("more than")
        hedge = HEDGE.search(view.text, max(0, fig.span.start - LEAD), fig.span.start)
        if hedge is None or fig.qualifiers != ("approx",):
            return None
        below, above = LEX["vague_hedges"][" ".join(hedge.group(1).lower().split())]
        low, high = low + fig.value * below, high + fig.value * above
    return SPAN.match(view.text, fig.span.start, fig.span.end), "share", max(0.0, low), min(1.0, high)
