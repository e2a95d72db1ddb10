"""Periods reporters name: "2021 June", seasons, fiscal years, a quarter or a week of a month without the year,
the first or last days of a month, a weekday in "next week", and open intervals ("before 2016")."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .arithmetic import iso, iso_date, two_digit_year, valid_day, weekday_of
from .atom import Atom
from .patterns import FLAGS, MON, ORDW, WD, YEAR
from .tense import tense_at
from .words import (
    LEX,
    MONTHS,
    NUMBER_WORDS,
    PERIOD_ORDINALS,
    QUARTER_ORDINALS,
    QUARTER_WORDS,
    WEEKDAYS,
    alt,
    lead,
    ordinal_day,
)

SEASONS: dict[str, list[int]] = LEX["seasons"]
EDGE_DAYS: int = LEX["month_edge_days"]
SMALL_NUMBERS = [w for w, v in NUMBER_WORDS.items() if v is not None and 2 <= v <= 12 and " " not in str(w)]
WEEKDAY_ORDINALS: dict[str, int] = LEX["weekday_ordinals"]
STEP = {"last": -1, "this": 0, "next": 1}  # "last year's", "this year's", "next year's"
OPEN = {**{w: "before" for w in LEX["open_before"]}, **{w: "after" for w in LEX["open_after"]}}
STRICTLY_AFTER = frozenset(LEX["open_after_strict"])

YEAR_THEN_MONTH = re.compile(rf"(?<![\w$£€¥#.,/-]){YEAR}\s+{MON}(?![\w'’-])(?!\s*\d)", FLAGS)
SEASON = re.compile(
    rf"\b(?:(?:the\s+)?(?P<mod>this|last|next|past|coming)\s+)?(?:the\s+)?(?P<season>{alt(SEASONS)})"
    rf"(?:\s+(?:of\s+)?(?:{YEAR}|['’](?P<yy>\d\d)\b))?(?![\w'’-])",
    FLAGS,
)
FISCAL = re.compile(
    r"\b(?:(?P<kind>FY|CY)[\s-]?'?(?P<y>(?:19|20)\d\d|\d\d)|(?P<fiscal>fiscal)(?:\s+year)?\s+(?P<y2>(?:19|20)\d\d))\b",
    re.I,
)
BARE_QUARTER = re.compile(rf"\b(?:the\s+)?(?P<ord>{alt(QUARTER_WORDS)})\s+quarter\b(?!\s+of\b)(?!-)", FLAGS)
WEEK_OF_MONTH = re.compile(
    rf"\b(?:the\s+)?(?:(?P<ordw>{alt(PERIOD_ORDINALS)})|(?P<ordn>[1-5])(?:st|nd|rd|th))\s+week\s+of\s+"
    rf"(?:{MON}|(?P<rel>this|last|next|the)\s+(?P<relunit>month))(?![\w'’-])(?!\s*,?\s*(?:of\s+)?\d)",
    FLAGS,
)
MONTH_EDGE = re.compile(
    rf"\b(?:the\s+)?(?P<edge>first|opening|early|last|final|closing)\s+days\s+of\s+{MON}"
    rf"(?:\s*,?\s*(?:of\s+)?{YEAR})?(?![\w'’-])",
    FLAGS,
)
# The year or month a part is counted in: "2021", "May", "May 2021", "the year", "next month".
TARGET = (
    rf"(?:(?:{MON}(?:\s*,?\s*(?:of\s+)?{YEAR})?|{YEAR.replace('<year>', '<y1>')}"
    r"|(?P<rel>this|last|next|the)\s+(?P<relunit>year|month))(?![\w'’-]))"
)
FIRST_UNITS = re.compile(
    lead(["the", "first", "opening", "last", "final", "closing"])
    + rf"\b(?:the\s+)?(?P<edge>first|opening|last|final|closing)\s+(?:(?P<n>\d{{1,2}}|{alt(SMALL_NUMBERS)})\s+)?"
    rf"(?P<unit>day|weekend|week|month)(?P<plural>s)?\s+of\s+(?:the\s+year\s+)?{TARGET}",
    FLAGS,
)
NTH_WEEKDAY = re.compile(
    lead(["the"], WEEKDAY_ORDINALS, digits=True)
    + rf"\b(?:the\s+)?(?P<ord>{alt(WEEKDAY_ORDINALS)})\s+{WD}\s+(?:of|in)\s+{TARGET}", FLAGS
)
DAY_OF_MONTH = re.compile(
    lead(["the"], digits=True)
    + rf"\b(?:the\s+)?(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)|(?<=the ){ORDW})\s+of\s+(?P<rel>this|last|next|the)\s+"
    r"(?P<relunit>month)\b",
    FLAGS,
)
YEARS_QUARTER = re.compile(
    lead(["this", "next", "last"], digits=True)
    + rf"\b(?:(?P<rel>this|next|last)\s+year|{YEAR})['’]s\s+(?P<ord>{alt(QUARTER_ORDINALS)})[\s-]+"
    r"(?P<kind>quarter|half)\b",
    FLAGS,
)
# Cheap tests on the lower-cased text before the patterns above are run over it.
GUARDS = {
    "units": re.compile(r"(?:day|week(?:end)?|month)s?\s+of\s"),
    "weekday": re.compile(r"(?:day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?\s+(?:of|in)\s"),
    "month": re.compile(r"\sof\s+(?:this|last|next|the)\s+month"),
    "quarter": re.compile(r"['’]s\s+\w+[\s-]+(?:quarter|half)"),
}
OPEN_WORD = re.compile(rf"\b(?P<w>{alt(OPEN)})\s+(?:the\s+(?:end|start)\s+of\s+)?$", re.I)
WEEK_NEAR = re.compile(r"\b(?P<mod>next|last|this|the\s+following|the\s+previous)\s+week\b", re.I)


def _year_for(month: int, published: dt.date | None) -> int | None:
    """The year of a month named without one: this year's, unless that lies more than six months ahead."""
    if published is None:
        return None
    return published.year - 1 if month - published.month > 6 else published.year


def _quarter_year(first: int, published: dt.date, tense: str | None) -> int:
    """The year of a quarter named without one, as its clause's frame says: the latest begun by publication for the
    past, the first not ended by it for the future, else the one nearest publication ("the index signals slower
    growth in the fourth quarter" in August: this year's)."""
    start = dt.date(published.year, first, 1)
    end = dt.date(published.year, first + 2, _calendar.monthrange(published.year, first + 2)[1])
    if tense == "past" or (tense is None and start > published and (start - published).days > (
            published - end.replace(year=published.year - 1)).days):
        return published.year if start <= published else published.year - 1
    return published.year if end >= published or tense is None else published.year + 1


def period_atoms(text: str, published: dt.date | None, out: list[Atom]) -> None:
    """The atoms of the periods above (open intervals and weekdays in a named week are marked later, on atoms).

    Their dates are resolved here, so attr absolute tells tense.is_event_date to read them as written dates.
    """
    add = out.append
    low = text.lower()
    for m in YEAR_THEN_MONTH.finditer(text):
        add(Atom(m.start(), m.end(), "date", int(m.group("year")), MONTHS[m.group("mon").lower().rstrip(".")]))
    for m in SEASON.finditer(text) if any(season in low for season in SEASONS) else ():
        first, last = SEASONS[m.group("season").lower()]
        mod = (m.group("mod") or "").lower()
        if m.group("year"):
            y = int(m.group("year"))
        elif m.group("yy"):
            y = two_digit_year(int(m.group("yy")), published)
        elif mod and published:
            y = published.year + {"last": -1, "past": -1, "next": 1}.get(mod, 0)
            if mod in ("next", "coming") and (published.month > last if first <= last else False):
                y = published.year + 1
        else:
            continue  # "in summer" alone: a time of year, not a date
        end_year = y + 1 if last < first else y
        add(Atom(m.start(), m.end(), "date_range", date=iso(y, first), date_end=iso(end_year, last),
                 attrs={"season": m.group("season").lower(), "absolute": True}))
    for m in FISCAL.finditer(text) if "fy" in low or "cy" in low or "fiscal" in low else ():
        digits = m.group("y") or m.group("y2")
        y = int(digits) if len(digits) == 4 else 2000 + int(digits)
        attrs = {"fiscal": True} if m.group("fiscal") or m.group("kind").upper() == "FY" else {}
        add(Atom(m.start(), m.end(), "year", y, attrs=attrs))
    if published is not None:
        # A bare half ("the second half") is a match's as often as a year's: only quarters are dated.
        for m in BARE_QUARTER.finditer(text) if "quarter" in low else ():
            first = (QUARTER_WORDS[m.group("ord").lower()] - 1) * 3 + 1
            y = _quarter_year(first, published, tense_at(text, m.start(), m.end()))
            add(Atom(m.start(), m.end(), "date_range", date=iso(y, first), date_end=iso(y, first + 2),
                     attrs={"absolute": True}))
        for m in WEEK_OF_MONTH.finditer(text) if "week of" in low else ():
            n = PERIOD_ORDINALS[m.group("ordw").lower()] if m.group("ordw") else int(m.group("ordn"))
            y, month = _target(m, published)
            if month is None:
                continue
            start = dt.date(y, month, 1) + dt.timedelta(weeks=n - 1) if n > 0 else None
            if n == -1:
                start = dt.date(y, month, _calendar.monthrange(y, month)[1]) - dt.timedelta(days=6)
            if start is None or start.month != month:
                continue
            _add_part(text, m, iso_date(start), iso_date(start + dt.timedelta(days=6)), add)
    if published is not None:
        _counted_parts(text, low, published, add)
    for m in MONTH_EDGE.finditer(text) if "days of" in low else ():
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        y = int(m.group("year")) if m.group("year") else _year_for(month, published)
        if y is None:
            continue
        days = _calendar.monthrange(y, month)[1]
        first = 1 if m.group("edge").lower() in ("first", "opening", "early") else days - EDGE_DAYS + 1
        add(Atom(m.start(), m.end(), "date_range", date=iso(y, month, first),
                 date_end=iso(y, month, first + EDGE_DAYS - 1), attrs={"absolute": True}))


def _target(m: re.Match, published: dt.date) -> tuple[int, int | None]:
    """(year, month or None) of a TARGET match: the year or month a part is counted in."""
    g = m.groupdict()
    if g.get("relunit"):
        step = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        if g["relunit"].lower() == "year":
            return published.year + step, None
        first = dt.date(published.year, published.month, 1) + relativedelta(months=step)
        return first.year, first.month
    if g.get("mon"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else _year_for(month, published)
        return year or published.year, month
    return int(g["y1"]), None


def _add_part(text: str, m: re.Match, date: str, date_end: str | None, add) -> None:
    """The atom of a part of a named period; a part of "this month" or "the year" is a relative date (none in a past
    tense clause, where "the year" is the story's, not publication's)."""
    g = m.groupdict()
    if g.get("relunit"):
        if g["rel"].lower() == "the" and tense_at(text, m.start(), m.end()) == "past":
            return
        relation = re.sub(r"\s+", " ", m.group(0).lower())
        add(Atom(m.start(), m.end(), "relative_date", date=date, date_end=date_end, attrs={"relation": relation}))
    else:
        kind = "date" if date_end is None else "date_range"
        add(Atom(m.start(), m.end(), kind, date=date, date_end=date_end, attrs={"absolute": True}))


def _counted_parts(text: str, low: str, published: dt.date, add) -> None:
    """ "the first six months of 2023", "the last two weeks of May", "the first Monday of next month", "next year's
    first quarter": a counted part of a year or month."""
    for m in FIRST_UNITS.finditer(text) if GUARDS["units"].search(low) else ():
        if bool(m.group("n")) != bool(m.group("plural")):
            continue  # "the last days of March": a month's edge (MONTH_EDGE)
        word = (m.group("n") or "1").lower()
        n = int(word) if word.isdigit() else int(NUMBER_WORDS[word] or 0)
        year, month = _target(m, published)
        unit, last = m.group("unit").lower(), m.group("edge").lower() in ("last", "final", "closing")
        if month is None and unit == "month" and 1 <= n <= 12:
            first = 13 - n if last else 1
            _add_part(text, m, iso(year, first), iso(year, first + n - 1), add)
            continue
        if unit == "month" or n < 1:
            continue
        if unit == "weekend":  # "the first weekend of August": its first Saturday and the Sunday after
            if month is not None:
                _weekends(text, m, year, month, n, last, add)
            continue
        if month is None and unit == "week":  # weeks of a year are ISO weeks, as in "the first week of 2021"
            lo, hi = dt.date.fromisocalendar(year, 1, 1), dt.date.fromisocalendar(year + 1, 1, 1) - dt.timedelta(days=1)
        elif month is None:
            lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        else:
            lo, hi = dt.date(year, month, 1), dt.date(year, month, _calendar.monthrange(year, month)[1])
        days = n * (7 if unit == "week" else 1)
        if days > (hi - lo).days + 1:
            continue
        start = hi - dt.timedelta(days=days - 1) if last else lo
        end = iso_date(start + dt.timedelta(days=days - 1)) if days > 1 else None  # "the last day of May": a day
        _add_part(text, m, iso_date(start), end, add)
    for m in NTH_WEEKDAY.finditer(text) if GUARDS["weekday"].search(low) else ():
        year, month = _target(m, published)
        if month is None:
            continue
        nth, weekday = WEEKDAY_ORDINALS[m.group("ord").lower()], WEEKDAYS[m.group("wd").lower().rstrip(".")]
        edge = dt.date(year, month, 1 if nth > 0 else _calendar.monthrange(year, month)[1])
        when = edge + relativedelta(weekday=weekday_of(weekday)(nth))
        if when.month == month:
            _add_part(text, m, iso_date(when), None, add)
    for m in DAY_OF_MONTH.finditer(text) if GUARDS["month"].search(low) else ():  # "the 15th of next month"
        year, month = _target(m, published)
        day = int(m.group("day")) if m.group("day") else ordinal_day(m.group("ordw")) or 0
        if month is not None and 1 <= day <= _calendar.monthrange(year, month)[1]:
            _add_part(text, m, iso(year, month, day), None, add)
    for m in YEARS_QUARTER.finditer(text) if GUARDS["quarter"].search(low) else ():
        year = int(m.group("year")) if m.group("year") else published.year + STEP[m.group("rel").lower()]
        size = 6 if m.group("kind").lower() == "half" else 3
        n = min(QUARTER_ORDINALS[m.group("ord").lower()], 12 // size)
        first = (n - 1) * size + 1
        if m.group("rel"):  # "next year's first quarter": counted from publication
            add(Atom(m.start(), m.end(), "relative_date", date=iso(year, first), date_end=iso(year, first + size - 1),
                     attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())}))
        else:
            _add_part(text, m, iso(year, first), iso(year, first + size - 1), add)


def _weekends(text: str, m: re.Match, year: int, month: int, n: int, last: bool, add) -> None:
    """The first or last n weekends of a month: from its first (or nth last) Saturday to the Sunday after the last
    one counted."""
    first = dt.date(year, month, 1) + relativedelta(weekday=weekday_of(5)(1))
    saturdays = [first + dt.timedelta(weeks=k) for k in range(5) if (first + dt.timedelta(weeks=k)).month == month]
    if n > len(saturdays):
        return
    chosen = saturdays[-n:] if last else saturdays[:n]
    _add_part(text, m, iso_date(chosen[0]), iso_date(chosen[-1] + dt.timedelta(days=1)), add)


def mark_open(text: str, atoms: list[Atom]) -> None:
    """ "before 2016", "after March 2020": attr open says which side of the date the text means; a written date
    after a word that leaves it out ("after 2016", "later than March 2020") begins the interval at the next year,
    month or day."""
    for a in atoms:
        if a.kind in ("year", "date") and not a.weak:
            m = OPEN_WORD.search(text, max(0, a.start - 30), a.start)
            if m:
                word = re.sub(r"\s+", " ", m.group("w").lower())
                a.attrs["open"] = OPEN[word]
                if word in STRICTLY_AFTER and a.year is not None and a.date is None:
                    _next_period(a)


def _next_period(a: Atom) -> None:
    """The year, month or day after an atom's own, at its precision."""
    if a.day is not None and a.month is not None and valid_day(a.year, a.month, a.day):
        after = dt.date(a.year, a.month, a.day) + dt.timedelta(days=1)
        a.year, a.month, a.day = after.year, after.month, after.day
    elif a.day is None and a.month is not None:
        a.year, a.month = (a.year + 1, 1) if a.month == 12 else (a.year, a.month + 1)
    elif a.day is None:
        a.year += 1


def weekday_in_week(text: str, atoms: list[Atom], published: dt.date | None) -> None:
    """ "next week on Thursday", "on Thursday last week": the weekday of the week the text names beside it."""
    if published is None:
        return
    for a in atoms:
        if a.kind != "weekday" or "mod" in a.attrs or a.weekday is None:
            continue
        window = text[max(0, a.start - 25) : a.end + 20]
        m = WEEK_NEAR.search(window)
        if not m or _dated(text, a, atoms):
            continue
        shift = {"next": 1, "last": -1, "this": 0, "the following": 1, "the previous": -1}
        weeks = shift[re.sub(r"\s+", " ", m.group("mod").lower())]
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=weeks)
        day = monday + dt.timedelta(days=a.weekday)
        a.kind, a.year, a.month, a.day = "date", day.year, day.month, day.day
        a.attrs["weekday"] = a.weekday
        a.attrs["relation"] = re.sub(r"\s+", " ", m.group(0).lower())


def _dated(text: str, weekday: Atom, atoms: list[Atom]) -> bool:
    """Whether a weekday has its own date right after it ("last week (Wednesday 6 February)", "last week, on
    Tuesday, March 4"): that date is the day it names, checked against the weekday, not the week beside it."""
    return any(b.kind == "date" and b.day is not None and b.start >= weekday.end
               and not text[weekday.end : b.start].strip(" ,\u00a0") for b in atoms)
