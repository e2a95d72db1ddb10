"""Calendar arithmetic: ISO dates at a precision, years and weekdays inferred from publication, holidays, shifts."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from .words import LEX, MODIFIERS, PIVOT, TIME_UNITS, WEEKDAY_WEEKS

WEEKDAY_OBJECTS = (MO, TU, WE, TH, FR, SA, SU)
# The day of a past event without a year, this many months after publication's month or fewer, keeps publication's
# year: a reporter leaves the year out of this year's dates ("took place on Sept. 3" in August: a past event after
# publication, for the tense check to report).
PAST_MONTHS_AHEAD: int = LEX["tense"]["past_months_ahead"]


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_date(d: dt.date, precision: int = 3) -> str:
    return iso(d.year, d.month if precision >= 2 else None, d.day if precision >= 3 else None)


def safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _calendar.monthrange(year, month)[1]


def infer_year(month: int, day: int | None, published: dt.date, tense: str | None, event: bool = False) -> int:
    """The year that puts a month (and day) nearest publication, on the side the tense points to; the day of a
    past event (event: "took place on Sept. 3") in publication's month or the next keeps publication's year (see
    PAST_MONTHS_AHEAD). A day that exists only in some of the years ("February 29") takes one of those: the nearest
    leap year."""
    best = None
    years = [published.year - 1, published.year, published.year + 1]
    if day and day > 28:
        years = [y for y in range(published.year - 4, published.year + 5) if valid_day(y, month, day)] or years
    for year in years:
        when = safe_date(year, month, day) if day else dt.date(year, month, 1)
        if day is None:  # a month counts as "not after" publication when it is publication's month or before
            gap = (year * 12 + month) - (published.year * 12 + published.month)
        else:
            gap = (when - published).days
        if event and day and year == published.year and 0 <= month - published.month <= PAST_MONTHS_AHEAD:
            return year
        if (tense == "past" and gap > 0) or (tense == "future" and gap < 0):
            continue
        key = (abs(gap), gap > 0)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else published.year


def weekday_date(weekday: int, published: dt.date, tense: str | None, mod: str | None) -> dt.date:
    """The date of a named weekday: in the calendar week a modifier names ("last", "next", "this"), else the latest
    on or before publication, or the first after it for the future ("coming")."""
    mod = re.sub(r"\s+", " ", mod.lower()) if mod else None
    if mod in WEEKDAY_WEEKS:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=WEEKDAY_WEEKS[mod])
        return monday + dt.timedelta(days=weekday)
    direction = MODIFIERS.get(mod) if mod else None
    if direction == "future" or (direction is None and tense == "future"):
        return published + relativedelta(days=1, weekday=weekday)
    if direction == "past":
        return published + relativedelta(days=-1, weekday=weekday_of(weekday)(-1))
    return published + relativedelta(weekday=weekday_of(weekday)(-1))


def weekday_of(n: int) -> weekday:
    return WEEKDAY_OBJECTS[n]


def _movable(rule: str, year: int) -> dt.date:
    if rule.count("/") == 2:  # "5/SU/2": the second Sunday of May; "5/MO/-1": the last Monday of May
        month, day, nth = rule.split("/")
        wd = WEEKDAY_OBJECTS[[str(w) for w in WEEKDAY_OBJECTS].index(day)]
        first = dt.date(year, month=int(month), day=1 if int(nth) > 0 else _calendar.monthrange(year, int(month))[1])
        return first + relativedelta(weekday=wd(int(nth)))
    base, _, amount = rule.partition("+") if "+" in rule else rule.partition("-")
    days = int(amount or 0) * (-1 if "-" in rule else 1)
    if base == "easter":
        start = easter(year)
    elif base == "thanksgiving":
        start = dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
    elif base == "election":  # US: the Tuesday after the first Monday of November
        start = dt.date(year, 11, 1) + relativedelta(weekday=MO(1)) + dt.timedelta(days=1)
    elif base == "labor":
        start = dt.date(year, 9, 1) + relativedelta(weekday=MO(1))
    else:  # memorial: the last Monday of May
        start = dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))
    return start + dt.timedelta(days=days)


def shift(unit: str, n: float, sign: int) -> relativedelta:
    spec = TIME_UNITS[unit.lower()]
    k = n * sign
    if "days" in spec:
        return relativedelta(days=int(round(k * spec["days"])))
    if "weeks" in spec:
        return relativedelta(days=int(round(k * 7 * spec["weeks"])))
    if "months" in spec:
        months = k * spec["months"]
    else:
        months = k * spec["years"] * 12  # "half a year ago": six months
    if months != int(months):  # "half a month": days
        return relativedelta(days=int(round(months * 365.25 / 12)))
    return relativedelta(months=int(months))


def two_digit_year(yy: int, published: dt.date | None) -> int:
    """ "'98": the century that puts it at most ten years after publication (without one: a fixed pivot)."""
    if published is None:
        return 2000 + yy if yy <= PIVOT else 1900 + yy
    return 2000 + yy if 2000 + yy <= published.year + 10 else 1900 + yy


def date_anchor(date: str | None) -> tuple[dt.date, int] | None:
    """The first day an ISO date of any precision means, and its precision; None for no such day."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), len(parts)
    except (ValueError, IndexError, OverflowError):
        return None


def holiday_date(rule, year: int) -> dt.date:
    if isinstance(rule, list):
        return dt.date(year, rule[0], rule[1])
    return _movable(rule, year)


def holiday_weekend(when: dt.date) -> tuple[str, str]:
    """The weekend a holiday names ("Labor Day weekend", "Easter weekend"): the Saturday and Sunday nearest it,
    stretched to take in the holiday itself (Saturday to Monday for a Monday holiday)."""
    back = (when.weekday() - 5) % 7  # days back to the Saturday on or before it
    saturday = when - dt.timedelta(days=back) if back <= 3 else when + dt.timedelta(days=7 - back)
    sunday = saturday + dt.timedelta(days=1)
    return iso_date(min(when, saturday)), iso_date(max(when, sunday))
