"""Calendar figures: years, dates, date ranges, weekdays, relative dates and durations, resolved against publication."""

# How the words become dates (the lexicon is lexicon/calendar.yml):
# - Atoms are found first (a full date, a month and day, a month and year, a month, a year, a weekday, a relative
#   day or period, an offset such as "two days later", a duration); adjacent atoms joined by "to", "-", "through"
#   or "between ... and" become one date_range; a weekday written before a date becomes that date, with attr
#   weekday. Where readings overlap, the longest wins.
# - Figure.date is ISO 8601 at the precision the text gives ("2022", "2022-02", "2023-02-28"); date_end closes a
#   range. An impossible date keeps the text's reading ("2023-02-30") with attr valid=False; a range written
#   backwards stays backwards.
# - A date without a year takes the year that puts it nearest publication: not after it when the governing verb is
#   in the past tense, not before it when in the future tense (attr tense); its attr relation says the year was
#   inferred. Without a publication date such a date keeps date None.
# - Weekdays: the latest such day on or before publication for the past (or no tense), the first one after it for
#   the future; "last/next/this Friday" is the Friday of last/next/this calendar week, "this past/coming Friday" the
#   nearest one before/after publication. "next week" is the week after publication's, Monday to Sunday: date is its
#   Monday, date_end its Sunday (day precision); "this/last week" likewise. "next/last/this month|year" are a month
#   or a year.
# - A part of a period narrows it (parts.py, shares in the lexicon): "early 2023" is January to April, "mid-1989" May
#   to August, "the end of 2019" July to December, "later this month" the 16th to its end; "earlier/later" stop at
#   publication.
# - "N units ago" counts back from publication; "N units earlier/later" from the last calendar figure before it
#   (else publication); "in N units" is a date only in a future-tense clause, else a duration.
# - dateline=True on the day a wire story opens with ("PARIS, July 23 (Reuters) -"): the day it was filed.
# - born=True on a year or date after "born"; anniversary=N goes on the year figure that "the Nth anniversary of"
#   refers to ("the 20th anniversary of the 2001 accord" -> the figure "2001" has anniversary 20).
#
# The parts: words.py (the lexicon as tables), patterns.py (the regexes), scan.py (where to try them),
# dates.py, relative.py and durations.py (atoms of each family), dateline.py (the day a story was filed),
# combine.py (ranges, the longest reading),
# tense.py (the governing verb), arithmetic.py (dates from publication), periods.py (periods reporters name),
# parts.py (early, mid, late and the like), resolve.py (atoms into Figures).

from __future__ import annotations

import datetime as dt

from ...model import Figure
from .atom import Atom
from .combine import choose, combine, extend_parts, weekday_ranges
from .dateline import mark_datelines
from .dates import date_atoms, period_atoms, week_of
from .durations import clock_spans, duration_atoms, elapsed_links
from .periods import mark_open, weekday_in_week
from .periods import period_atoms as reporter_periods
from .relative import relative_atoms, weekday_with_day
from .reported import same_period
from .resolve import mark_anniversaries, to_figure, undated_figure
from .scan import word_starts
from .tense import tense_at

__all__ = ["find", "tense_at"]

# Publication dates this close to the ends of the calendar resolve nothing: date arithmetic must not overflow.
PUBLISHED_RANGE = (dt.date(2, 1, 1), dt.date(9998, 12, 31))


def _atoms(text: str, published: dt.date | None) -> list[Atom]:
    """Every calendar reading in text, overlapping ones included, in the order the families find them."""
    out: list[Atom] = []
    starts = word_starts(text)
    date_atoms(text, published, out, starts)
    period_atoms(text, out)
    relative_atoms(text, published, out, starts)
    duration_atoms(text, published, out, starts)
    clock_spans(text, out)
    week_of(text, out)
    reporter_periods(text, published, out)
    return out


def find(text: str, published: dt.date | str | None) -> list[Figure]:
    """Every calendar figure in text, resolved against the publication date where the text leaves it open."""
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    if published is not None and not PUBLISHED_RANGE[0] <= published <= PUBLISHED_RANGE[1]:
        published = None
    atoms = _atoms(text, published)
    weekday_with_day(text, atoms, published)
    weekday_in_week(text, atoms, published)
    same_period(text, atoms, published)
    atoms = combine(text, atoms)
    chosen = [a for a in choose(atoms) if not a.weak]
    mark_open(text, chosen)
    mark_datelines(text, chosen)
    extend_parts(text, chosen)
    figures: list[Figure] = []
    previous: tuple[dt.date, int] | None = None
    # the last offset counted from the date before it, and that date: "a year earlier" said twice of one reported
    # period ("profit of $4.1bn in the third quarter ... $3.2bn a year earlier ... 18% more than a year earlier")
    # is the same year-earlier period both times, not two years back
    repeated: tuple[tuple, tuple[dt.date, int] | None] | None = None
    for atom in chosen:
        offset = atom.attrs.get("offset")
        base = previous
        if offset and offset[3] == "previous" and repeated is not None and repeated[0] == offset[:3]:
            base = repeated[1]
        try:
            fig, anchor = to_figure(text, atom, published, base)
        except (ValueError, OverflowError):  # arithmetic that runs off the calendar ("in 9,000 years"): no date
            fig, anchor = undated_figure(text, atom), None
        if fig is not None:
            figures.append(fig)
            if anchor is not None:
                repeated = (offset[:3], base) if offset and offset[3] == "previous" else None
                previous = anchor
    return mark_anniversaries(text, elapsed_links(text, weekday_ranges(text, figures)))
