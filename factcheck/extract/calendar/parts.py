"""Parts of a period ("early 2023", "mid-March", "the end of this year", "later this week"): the share they name."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from .arithmetic import iso, iso_date
from .words import LEX

SHARES: dict[str, tuple[Fraction, Fraction]] = {
    part: (Fraction(lo), Fraction(hi)) for part, (lo, hi) in LEX["period_parts"].items()
}
FROM_PUBLICATION = set(LEX["parts_from_publication"])
MAX_UNITS = 400  # a part of a span longer than this many units (days of a year range) is left as the span


def _units(date: str, date_end: str | None) -> list[tuple[str, dt.date, dt.date]]:
    """The sub-units of a period, each (ISO, first day, last day): the months of a year or of a span of months, the
    years of a span of years, the days of a month or of a span of days."""
    lo = [int(p) for p in date.split("-")]
    hi = [int(p) for p in (date_end or date).split("-")]
    if len(lo) != len(hi):
        return []
    if len(lo) == 1 and lo == hi:  # one year: its months
        lo, hi = [lo[0], 1], [lo[0], 12]
    elif len(lo) == 2 and lo == hi:  # one month: its days
        lo, hi = [*lo, 1], [*hi, _calendar.monthrange(*hi)[1]]
    out: list[tuple[str, dt.date, dt.date]] = []
    if len(lo) == 1:
        for y in range(lo[0], min(hi[0], lo[0] + MAX_UNITS) + 1):
            out.append((iso(y), dt.date(y, 1, 1), dt.date(y, 12, 31)))
    elif len(lo) == 2:
        y, m = lo
        while (y, m) <= (hi[0], hi[1]) and len(out) < MAX_UNITS:
            out.append((iso(y, m), dt.date(y, m, 1), dt.date(y, m, _calendar.monthrange(y, m)[1])))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        day, last = dt.date(*lo), dt.date(*hi)
        while day <= last and len(out) < MAX_UNITS:
            out.append((iso_date(day), day, day))
            day += dt.timedelta(days=1)
    return out


def _span_to(date: str, part: str) -> tuple[str | None, str | None]:
    """ "3 month to" before "2023-09": (2023-07, 2023-09); before a day, whole days back from it ("the year ended March
    31, 2024": 2023-04-01 to 2024-03-31). A month span of days ("the two weeks to May") counts back from its last day;
    a date the span cannot count back from (a year alone, an impossible day) stays as it is."""
    n_word, unit, _ = part.split()
    months = {"month": 1, "quarter": 3, "year": 12}.get(unit, 0) * int(n_word)
    try:
        lo = [int(p) for p in date.split("-")]
        if len(lo) == 2 and months:
            first = dt.date(lo[0], lo[1], 1) - relativedelta(months=months - 1)
            return iso(first.year, first.month), date if months > 1 else None
        if len(lo) == 2:
            lo.append(_calendar.monthrange(lo[0], lo[1])[1])
        if len(lo) != 3:
            return date, None
        last = dt.date(*lo)
    except ValueError:
        return date, None
    back = relativedelta(months=months) if months else dt.timedelta(days=int(n_word) * (7 if unit == "week" else 1))
    return iso_date(last + dt.timedelta(days=1) - back), iso_date(last)


def part_of(
    date: str | None, date_end: str | None, part: str | None, published: dt.date | None
) -> tuple[str | None, str | None]:
    """(date, date_end) of the part of the period [date, date_end] that part names; the period itself when the part
    is none the lexicon knows, or the period cannot be split (an impossible date, a span too long)."""
    if date and part and part.endswith(" to"):
        return _span_to(date, part)
    if not date or part not in SHARES:
        return date, date_end
    try:
        units = _units(date, date_end)
    except ValueError:
        return date, date_end
    if len(units) < 2 or len(units) >= MAX_UNITS:
        return date, date_end
    n = len(units)
    lo, hi = SHARES[part]
    chosen = units[int(n * lo) : max(int(n * hi), int(n * lo) + 1)]
    first, last = chosen[0][0], chosen[-1][0]
    if part in FROM_PUBLICATION and published is not None and units[0][1] <= published <= units[-1][2]:
        if part == "earlier":
            kept = [u for u in chosen if u[1] <= published]
            if kept:
                first, last = kept[0][0], iso_date(published) if kept[-1][2] > published else kept[-1][0]
        else:
            kept = [u for u in chosen if u[2] >= published]
            if kept:
                first, last = iso_date(published) if kept[0][1] < published else kept[0][0], kept[-1][0]
    return first, last if last != first else None
