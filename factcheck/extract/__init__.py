"""Document -> [Figure]: run each family of figures, keep the best reading of each span, add context.

Each family module (money, percent, quantities, calendar, ages, numbers) has
`find(text: str, published: datetime.date | None) -> list[Figure]` returning figures with empty ids;
where two readings overlap the longer one wins, then the family listed first. `context.link`
then adds what the words around a figure say: qualifiers, subject, time anchor, and the `attrs`
below. Relations between figures (a change with its old and new value, a total and its parts, a
conversion, a share of a count, a restated figure, a date in apposition) are no attrs: factcheck.reading
builds them as Statements from these figures, and the checks consume those.

Figure.attrs vocabulary (every key optional):
- role: what the figure's own words make it: "change" (a stated change: "rose 5%", "a 5% fall", "up $2bn"),
  "new" (the value after a change: "to $11.1bn"), "old" (the value before: "from $10.9bn", "a year earlier",
  "after it hit"), "share" (a percentage of a whole: "8% of Google", "a 40% stake", "turnout of 60%"),
  "total" ("a total of", "the 150-seat council"), "revision" ("previously reported at"). The reading ties
  these into statements.
- direction: "up" | "down" for a change figure, or for a "new" figure whose verb says which way.
- per: the unit a per-unit figure is per ("$300 per user" -> "user", "£5 a head" -> "head", "$2 each" -> "each").
- extreme: "high" | "low" on a record ("a record low", "the lowest" -> low; "an all-time high", "the biggest
  ever", a bare "record" -> high unless the change is down).
- series: a normalised name for figures compared by the record check: the subject, with "per <unit>" and the
  period its anchor gives ("annual trade", "monthly exports"); absent without a subject.
- headline: True on the figures of the first sentence when the document opens with a headline line (a line
  of its own without closing punctuation).
- range_high: the upper end of a stated range ("$2m-$3m", "18 to 25 percent"); value is the lower end.
- step: the size of the last stated digit, in the figure's unit (precision; the interval is
  value -/+ step/2 unless a qualifier widens it). A fraction's interval follows the fractions people round
  to: "two-thirds" 0.667 -/+ 0.01, "almost a quarter" (0.2, 0.25], "more than a third" (0.333, 0.5],
  "most of"/"a majority of" (0.5, 1].
- valid: False for an impossible date ("February 30"); date then holds the text's own reading.
- weekday: 0-6 (Monday=0) when the text names the weekday of a date ("Friday, February 26").
- tense: "past" | "future" for the verb that governs a calendar figure ("launched ... in 2024"); "past" only when
  a past verb before it in its clause governs it as the event's own date, not a maturity, deadline, span, fiscal
  or forecast year ("notes due 1994", "by 1991", "through 1989", "sees 9.75 dlrs in 1988"), and not the report of
  a forecast, outlook or guidance ("said it expected a stronger 2027", "kept its guidance for 2027"). A modal
  ("could be announced on Sept. 3"), "payable" or "due on" make the frame future.
- estimate: True on an analysts' estimate beside a reported figure ("against forecasts of $1.08", "the $1.08
  analysts had expected", "the consensus of $4.4bn"); it also has the forecast qualifier, and no change reads it.
- subset: True on a figure for part of a group ("six of the fines (£12.4m)", "most of them, £9m"): no second
  value of the group's total.
- of_person: on an age, True for a person's, False for a thing's ("the 150-year-old company"), absent when unknown.
- relation: how a relative date was resolved ("next week", "last November").
- open: "before" | "after" on a year or date the text bounds on one side ("before 2016", "after March 2020", "since
  2008"): an open interval, the figure's date its edge.
- season: the season a date_range names ("the summer of 2022"; meteorological, northern hemisphere); fiscal: True on
  a fiscal year ("FY2024"), whose months differ by country and company.
- born: True for a year that is a birth year ("born in 1970"); anniversary: N for "the 20th anniversary".
- relation on a duration: "after" | "before" for an elapsed time ("two days after the vote", "a week later",
  "three days before the election"); link_span: (start, end) of the event's calendar figure, the next one in
  the sentence for "after"/"before", the previous one for "later"/"earlier"; extract() turns it into link, the
  id of that figure.

- period: the part of the calendar a money/percent/quantity/count figure is for: "quarter", "half", "month",
  "week" or "season" when its sentence names one ("$2bn in the second quarter of 2004"), else from its anchor's
  precision ("year", "month", "day"). A year-anchored figure with a period other than "year" is a part's figure.
- entity: the company, person or place a figure belongs to: the nearest proper-noun phrase in its clause (before
  the figure first, then after), else in its sentence; capitalised words not at a sentence start, or with a
  possessive ("Chrysler's"); month and weekday names are no entities. Absent when the sentence names none.
- ambiguous_currency: True on money in a currency word several countries use ("pesos", "rupees", "francs", bare
  "dollars") with no country word in the figure ("Mexican pesos", "US dollars"): its exchange rate is unknowable.
- currency_readings: the ISO codes a money figure in a shared symbol may mean when its context does not decide
  ("¥240 million" with no Japan/China word: ("JPY", "CNY"), the likelier first and its unit); absent when it does.
- rate_base: on a money figure that quotes an exchange rate, the ISO code of the currency it prices: "the dollar at
  1.35 euros" -> USD, "an exchange rate of 150 yen to the dollar" -> USD, "the pound fell to $1.05" -> GBP (the
  figure's own unit is the quote currency; never the same code).
- ambiguous: the units a unit word may mean ("tons" -> short, long or metric ton; "gallon" -> US or imperial).
- of_phrase: the words after "of"/"to" right after a figure, to the next punctuation ("140% of the country's GDP"
  -> "the country's GDP"), so a rule can tell a share of a container from a ratio to a yardstick.
- grouping: how a figure's digits are grouped when it has grouping marks: "commas" (1,234,567), "indian"
  (12,34,567), "dots" (3.500.000), "decimal_comma" ("$110,00"), "group_size" ("1,0000"); malformed: the same name
  when no convention writes the figure so (also "indian" in a text with no lakh, crore or rupee); written: the
  figure as written from its start to its last digit ("$110,00", where the figure read is "$110").
- place_population: (head, noun, whole) on a count that words tie to a place's population ("France's 68 million
  inhabitants", "Lagos, a city of 15 million"): head is the words before the connector, which the place's name
  ends; noun the place noun of "a city of" (or None); whole True when the words say it is all of the population.
  place_area: (head, noun) on a quantity tied to a place's area ("Chile, which covers 756,000 km²"). place_people:
  the people word after a count ("400 million Americans"). Read by extract/places.py.
- rounding_noted: True on every figure of a text that says its figures may not add up because of rounding.
"""

from __future__ import annotations

import bisect
import importlib
import math

from ..model import Figure, replaced

FAMILIES = ("money", "percent", "quantities", "calendar", "ages", "numbers") + ("stats",)


def extract(doc) -> list[Figure]:
    """Every figure of a Document, in text order, with ids F1, F2, ... and context attached."""
    from . import cells, context, places

    found: list[tuple[int, Figure]] = []
    for rank, name in enumerate(FAMILIES):
        module = importlib.import_module(f"{__name__}.{name}")
        found.extend((rank, fig) for fig in module.find(doc.text, doc.published) if _representable(fig))
    from .numbers import mark_grouping, not_figures
    from .spans import SpanIndex

    outside = SpanIndex(not_figures(doc.text))  # a URL, e-mail, code or ISBN holds no figure of any family
    chosen = [fig for fig in _best_readings(found) if not outside.overlaps(fig.span.start, fig.span.end)]
    chosen = [fig for fig in mark_grouping(doc.text, chosen) if not outside.overlaps(fig.span.start, fig.span.end)]
    ids = {(fig.span.start, fig.span.end): f"F{i}" for i, fig in enumerate(chosen, 1)}
    figures = [
        replaced(fig, id=f"F{i}", sentence=doc.sentence_index(fig.span.start), attrs=_resolve(fig, ids))
        for i, fig in enumerate(chosen, 1)
    ]
    figures = cells.label(doc, figures)  # a table's figures: their row and column as subject
    return places.mark(doc.text, context.link(doc, figures))


def _representable(fig: Figure) -> bool:
    """A numeral too large for a float ("1" * 400) is no figure: its value is infinite, and JSON has no infinity."""
    if fig.value is not None and not math.isfinite(fig.value):
        return False
    return fig.interval is None or not (math.isnan(fig.interval.low) or math.isnan(fig.interval.high))


def _best_readings(found: list[tuple[int, Figure]]) -> list[Figure]:
    """Where readings overlap, keep the longest, then the family listed first; in text order."""
    starts: list[int] = []
    chosen: list[Figure] = []  # kept sorted by start; never overlapping, so neighbours decide
    for _, fig in sorted(found, key=lambda rf: (-len(rf[1].span), rf[0], rf[1].span.start)):
        i = bisect.bisect_left(starts, fig.span.start)
        if i > 0 and chosen[i - 1].span.end > fig.span.start:
            continue
        if i < len(chosen) and chosen[i].span.start < fig.span.end:
            continue
        starts.insert(i, fig.span.start)
        chosen.insert(i, fig)
    return chosen


def _resolve(fig: Figure, ids: dict[tuple[int, int], str]) -> tuple:
    """A family's link_span (it runs before ids exist) becomes link: the id of the figure at that span."""
    span = fig.attr("link_span")
    if span is None:
        return fig.attrs
    attrs = [(k, v) for k, v in fig.attrs if k != "link_span"]
    if tuple(span) in ids:
        attrs.append(("link", ids[tuple(span)]))
    return tuple(attrs)
