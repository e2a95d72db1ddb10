"""Comparisons: "$1.2bn, 30% higher than the $1bn of 2022", "That was $200m less than the $1bn of 2022".

Statement(kind="comparison", roles: stated (the stated difference), new (the figure compared), old (the figure it
is compared with, after "than"); facts: direction "up" (higher, more, above) or "down" (lower, less, below)).
The compared figure is the nearest one of the same series before the difference in its clause, else in an earlier
clause or the previous sentence when the words tie them (reading.antecedent).
"""

from __future__ import annotations

import re

from ..extract.context import FORECAST_VERB, phrases
from ..extract.context import LEX as CONTEXT_LEX
from ..extract.lexicon import load
from ..model import Figure, Statement
from .antecedent import antecedent, carried
from .view import PERIOD_KINDS, View, comparable

LEX = load("reading")
NO_THAN = {w.lower() for w in LEX["comparison_no_than"]}
WORD = re.compile(  # (index points may come between: "2.6 points higher than the February reading of 102.1")
    rf"(?i:(?:[ \u00a0]+points?)?[ \u00a0]+"
    rf"(?:(?P<up>{phrases(LEX['comparison_up'])})|(?P<down>{phrases(LEX['comparison_down'])}))\b"
    rf"(?P<than>[ \u00a0]+than\b)?)"
)
GAP = re.compile(LEX["comparison_gap"], re.I)
# between "than" and a period: "than a year earlier", "than in the first half of 2024"
THAN_PERIOD = re.compile(r"[ \u00a0]+(?:(?:in|during|for|at)[ \u00a0]+)?$", re.I)
# a period's value told after it: "than a year earlier, when it made $3.2bn"
WHEN_VALUE = re.compile(r",?[ \u00a0]+when[ \u00a0]+(?:it|they|(?:the|its|their)[ \u00a0]+[a-z]+)[ \u00a0]+"
                        r"(?:[a-z]+[ \u00a0]+){0,2}?(?:was|were|made|stood[ \u00a0]+at|had|sold|won|saw|took|spent|"
                        r"paid|drew|[a-z]{3,}ed)"
                        r"[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?$", re.I)
STATED_KINDS = ("percent", "money", "quantity", "count")
# a count stated as a ratio: "more than four times larger than the city, which spans 299,950 acres", "three times
# the capacity of the old one, which held 45 billion litres"
_RATIO = (rf"(?:(?:{phrases(LEX['comparison_up'])})[ \u00a0]+than|as[ \u00a0]+(?:large|big|many|much|high|long|heavy|"
          rf"wide)[ \u00a0]+as|(?:the|its|their)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?(?:{phrases(LEX['times_nouns'])}))\b")
TIMES = re.compile(rf"(?i:[ \u00a0]+times[ \u00a0]+{_RATIO})")
RATIO = re.compile(rf"(?i:[ \u00a0]+{_RATIO})")  # after a multiplier word: "twice the size of"
# a figure compared with a named reference, no difference stated: "This is above the 10-year average of 4,526",
# "48mm, well below the long-term average of 61mm", "higher than last year's total of 2,150"
_THAN = r"[ \u00a0]+than"
_NAMED = (rf"(?:the|its|their|this|that|an?|[a-z]+['’]s)[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){{0,3}}?"
          rf"(?:{phrases(LEX['named_bases'])})[ \u00a0]+of[ \u00a0]+"
          rf"(?:(?:about|around|some|roughly|nearly|almost)[ \u00a0]+)?")
NAMED_GAP = re.compile(rf"(?i:[ \u00a0]+{_NAMED})")  # "3°C above the old record of 31°C": the base's name
# a reference figure: a named base, others' expectations ("above expectations of 110,000"), or a figure after "the"
# ("far more than the 50,000 positions economists expected"); "more than 50,000 people" is a bound, not a reference
_REFERENCE = (rf"(?:{_NAMED}|(?:{phrases(LEX['expected_bases'])})[ \u00a0]+of[ \u00a0]+|"
              rf"(?:the|its|their)[ \u00a0]+)")
NAMED_BASE = re.compile(
    rf"(?i:\b(?:(?P<up>{phrases([w for w in LEX['comparison_up'] if w.lower() in NO_THAN] + LEX['reference_up'])}|"
    rf"(?:{phrases(LEX['comparison_up'])}){_THAN})|"
    rf"(?P<down>{phrases([w for w in LEX['comparison_down'] if w.lower() in NO_THAN] + LEX['reference_down'])}|"
    rf"(?:{phrases(LEX['comparison_down'])}){_THAN}))[ \u00a0]+{_REFERENCE}$)")
# the figure compared with, in brackets after the period it is of: "8,000 more than the previous month (195,366)",
# "5% higher than the same period before the pandemic (1.39 million in February 2020)"
BRACKET_GAP = re.compile(r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){1,6}?[\w'’-]+[ \u00a0]*\(")
BRACKET_OPEN = re.compile(r"[ \u00a0]*\(")
EXPECTED_TO = re.compile(r"(?i:\b(?:expected|forecast|projected|set|likely|due|poised|tipped)[ \u00a0]+to\b)")
PREVIOUS_RECORD = re.compile(CONTEXT_LEX["record_previous"], re.I)
NAMED_GAP_WORDS = 4  # words between a figure and the comparison of it: "48mm at the airport, well below"
WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
TIMES_REACH = 160  # characters from the ratio to the figure it compares with


def read(view: View) -> list[Statement]:
    figures, text = view.figures, view.text
    out: list[Statement] = []
    for k, fig in enumerate(figures):
        if fig.kind in STATED_KINDS and not fig.is_calendar:
            out.extend(_named_base(view, k))
    for i, fig in enumerate(figures[:-1]):
        if fig.value is None or view.role[i] in ("change", "new", "old"):
            continue
        if (fig.kind == "count" and not fig.unit and TIMES.match(text, fig.span.end)) \
                or (fig.kind == "multiplier" and view.role[i] is None and RATIO.match(text, fig.span.end)):
            out.extend(_times(view, i))
            continue
        if fig.kind not in STATED_KINDS:
            continue
        m = WORD.match(text, fig.span.end, min(len(text), fig.span.end + 40))
        if m is None or (m.group("than") is None and (m.group("up") or m.group("down")).lower() not in NO_THAN):
            continue  # "30% higher" alone is a change or a level; "30% higher than" compares
        period = figures[i + 1]
        if period.sentence == fig.sentence and period.kind in PERIOD_KINDS and period.date \
                and THAN_PERIOD.fullmatch(text, m.end(), period.span.start) and m.group("than") \
                and text[period.span.end : period.span.end + 2] not in ("'s", "’s") \
                and not _bracketed_after(view, i + 1):  # not "than last year's $2bn", "than May (210)"
            out.extend(_than_period(view, i, i + 1, m))  # "8% more than a year earlier": that period's value
            continue
        old = i + 1
        while old + 1 < len(figures) and (figures[old].is_calendar or figures[old].kind == "duration") \
                and figures[old].span.end - m.end() < 30:
            old += 1  # "10% higher than last year's $2bn", "above the five-year average of": part of the gap
        other = figures[old]
        if other.sentence != fig.sentence or other.is_calendar or other.value is None:
            continue
        gap = " " + text[m.end() : other.span.start]
        if other.span.start - m.end() > 60 or not (GAP.match(gap) or NAMED_GAP.fullmatch(gap)
                                                    or BRACKET_GAP.fullmatch(gap)):
            continue
        if fig.unit not in ("%", other.unit) and not (fig.unit == "pp" and (other.unit == "%" or (
                other.kind == "count" and not other.unit))):
            continue  # "$200m more than 1,000 tonnes" compares nothing; "3 points higher than 61%" or than 102.1
        new = view.nearest(i, lambda k, i=i, other=other: k < i and view.clause[k] == view.clause[i]
                           and not figures[k].is_calendar and view.role[k] not in ("change", "old")
                           and comparable(figures[k], other))
        if new is None:
            new = antecedent(view, i, old, {i, old})
        if new is None:
            # "Visitor numbers were 25% higher than the 2019 figure of 1.1m"
            new = carried(view, i, old, {old}, "up" if m.group("up") else "down")
        if new is None or (BRACKET_GAP.fullmatch(gap) and BRACKET_OPEN.match(text[max(0, figures[new].span.start - 3) :
                                                                                  figures[new].span.start][::-1])):
            continue  # "4% up on 2023 (17.35 million) and 5% more than in 2019 (17.1 million)": two periods' values
        direction = "up" if m.group("up") else "down"
        out.append(Statement.of("comparison", {"stated": fig.id, "new": figures[new].id, "old": other.id},
                                direction=direction))
    return out


def _bracketed_after(view: View, k: int) -> bool:
    """Whether the period at figure k (with the periods right after it: "the same month last year") is followed by
    a bracket, which gives its value ("than the previous month (195,366)")."""
    figures = view.figures
    while k + 1 < len(figures) and figures[k + 1].is_calendar and not view.text[figures[k].span.end :
                                                                                 figures[k + 1].span.start].strip():
        k += 1
    return bool(BRACKET_OPEN.match(view.text, figures[k].span.end))


def _than_period(view: View, i: int, period: int, m: re.Match) -> list[Statement]:
    """A comparison with a period, not a figure ("That was 8% more than a year earlier", "$200m less than in 2023"):
    the compared figure is the one before it (in its clause, else the one the words tie it to), and the figure it is
    compared with is that period's value of the same series, told anywhere in the text."""
    figures = view.figures
    fig = figures[i]
    new = view.nearest(i, lambda k: k < i and view.clause[k] == view.clause[i] and _compared(view, k, fig))
    if new is None:
        new = antecedent(view, i, i, {i}) if fig.unit != "%" else _tied_before(view, i)
    after = period + 1
    when = after < len(figures) and figures[after].sentence == fig.sentence \
        and WHEN_VALUE.match(view.text, figures[period].span.end, figures[after].span.start)
    if when:  # the period's value told after it: the two are of different periods, dated or not
        old = after if new is not None and comparable(figures[after], figures[new]) else None
    else:
        old = view.dated(new, figures[period].date) if new is not None else None
    if old is None or (figures[old].anchor == figures[new].anchor and not (when and figures[old].anchor is None)) \
            or (fig.unit not in ("%", "pp") and fig.unit != figures[new].unit):
        return []
    direction = "up" if m.group("up") else "down"
    return [Statement.of("comparison", {"stated": fig.id, "new": figures[new].id, "old": figures[old].id},
                         direction=direction)]


def _compared(view: View, k: int, stated: Figure) -> bool:
    """A figure a stated difference can compare: a value of its kind (any value for a percentage), no date."""
    fig = view.figures[k]
    return not fig.is_calendar and fig.value is not None and view.role[k] not in ("change", "old") \
        and (stated.unit == "%" or (stated.unit == "pp" and fig.unit == "%")
             or (fig.kind == stated.kind and fig.unit == stated.unit))


def _tied_before(view: View, i: int) -> int | None:
    """The money, count or quantity figure before a percentage the words of its clause tie it to (a pronoun, its
    measure or period): "Sales were $4.1bn. That was 8% more than a year earlier." """
    figures = view.figures
    near = []  # the figures of i's sentence before it and of the previous sentence, nearest first: a bound
    for k in range(i - 1, -1, -1):
        if figures[i].sentence - figures[k].sentence > 1:
            break
        near.append(k)
    for kind in ("money", "count", "quantity"):
        k = next((k for k in near if figures[k].kind == kind and figures[k].value is not None), None)
        tied = antecedent(view, i, k, {i}) if k is not None else None
        if tied is not None:
            return tied
    return None


def _named_base(view: View, k: int) -> list[Statement]:
    """A figure above or below a named reference ("5,245 wildfires ... This is above the 10-year average of 4,526"):
    the compared figure is the nearest one of its kind and unit before it in its clause with only a few words
    between, else one the words tie it to (a pronoun, its measure or period, in the previous sentence); a
    statement of direction only."""
    figures, text = view.figures, view.text
    fig = figures[k]
    m = NAMED_BASE.search(text, max(0, fig.span.start - 100), fig.span.start)
    if m is None:
        return []
    before = view.clause_words(k)[: m.start() - fig.span.start]
    if fig.value is None or view.role[k] is not None or FORECAST_VERB.search(before) \
            or EXPECTED_TO.search(before) or PREVIOUS_RECORD.search(m.group()):
        # "could rise above the 2019 peak of 4,500" (the base itself may be what others expected); "surpassing the
        return []  # previous record of 44.6C" is the record check's
    stated = next((j for j in range(k - 1, -1, -1) if not figures[j].is_calendar), None)
    if stated is not None and WORD.match(text, figures[stated].span.end, m.end()):
        return []  # "3°C above the old record of 31°C": a stated difference (read) compares them
    new = view.nearest(k, lambda j: j < k and view.clause[j] == view.clause[k] and not figures[j].is_calendar
                       and comparable(figures[j], fig)
                       and len(WORDS.findall(text[figures[j].span.end : m.start()])) <= NAMED_GAP_WORDS)
    if new is not None and view.role[new] == "old":
        return []  # "rose by 20 from 300, above the average of 250": the change, not its start, is compared
    if new is None:
        new = antecedent(view, k, k, {k}, changes=True)
    if new is None or figures[new].value is None or "forecast" in figures[new].qualifiers:
        return []
    return [Statement.of("comparison", {"new": figures[new].id, "old": fig.id},
                         direction="up" if m.group("up") else "down")]


def _times(view: View, i: int) -> list[Statement]:
    """A ratio stated as a count of times ("The burned area is more than four times the size of the capital, which
    covers about 26,500 hectares"): the figure it compares with is the first value after it in its sentence (no
    other between), and the compared figure the nearest one of that kind and unit before it, in its sentence or one
    the words tie it to."""
    figures = view.figures
    fig = figures[i]
    after = next((k for k in range(i + 1, len(figures)) if not figures[k].is_calendar), None)
    if _forecast(view, i) or (after is not None and "forecast" in figures[after].qualifiers):
        return []  # "is expected to be twice the 2023 total of 700 by 2027"
    if after is None or figures[after].sentence != fig.sentence or figures[after].value is None \
            or figures[after].span.start - fig.span.end > TIMES_REACH:
        return []
    new = view.nearest(i, lambda k: k < i and not figures[k].is_calendar and comparable(figures[k], figures[after]))
    if new is None:
        new = antecedent(view, i, after, {i, after})
    if new is None:
        new = carried(view, i, after, {after}, "up")  # "The burned area is now five times the size of the capital"
    if new is None:
        return []
    return [Statement.of("comparison", {"stated": fig.id, "new": figures[new].id, "old": figures[after].id},
                         direction="up", times=True)]


def _forecast(view: View, k: int) -> bool:
    """Whether figure k is a forecast or its clause says one before it ("could rise above the 2019 peak of 4,500"):
    a comparison of what may come is no claim about two figures."""
    return "forecast" in view.figures[k].qualifiers or bool(FORECAST_VERB.search(view.clause_words(k)))
