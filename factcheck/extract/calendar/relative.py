"""Weekdays and relative dates ("next week", "last November", "two days later", Easter) resolved against publication."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .arithmetic import iso, iso_date, shift, weekday_of
from .atom import Atom
from .patterns import ORDW, SUPERLATIVE
from .scan import scan
from .tense import present_before, tense_at
from .words import (
    AMBIGUOUS_MONTHS,
    CLOCK_UNITS,
    HOLIDAYS,
    MODIFIERS,
    MONTHS,
    OFFSET_WORDS,
    RELATIVE_DAYS,
    WEEKDAYS,
    names,
    ordinal_day,
    parse_number,
)


def relative_atoms(text: str, published: dt.date | None, out: list[Atom], starts: dict[str, list[int]]) -> None:
    add = out.append
    for m in scan("WEEKDAY", text, starts):
        token = m.group("wd")
        low = token.lower().rstrip(".")
        if (
            len(low) <= 4
            and low not in ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri")
            and token[0].islower()
        ):
            continue  # "sun", "sat" as words
        if len(low) <= 4 and token[0].islower() and not re.match(r"\s*(?:the\s+)?\d", text[m.end() : m.end() + 8]):
            continue
        if token[0].islower() and len(low) <= 4 and low in ("wed",):
            continue
        atom = Atom(m.start(), m.end(), "weekday", weekday=WEEKDAYS[low])
        atom.attrs["weekday"] = WEEKDAYS[low]
        if m.group("mod"):
            atom.attrs["relation"] = f"{m.group('mod').lower()} {low}"
            atom.attrs["mod"] = m.group("mod").lower()
        add(atom)

    for m in scan("RELATIVE_DAY", text, starts):
        if m.group("rel"):
            offset = RELATIVE_DAYS[re.sub(r"\s+", " ", m.group("rel").lower())]
            relation = m.group(0).lower()
        else:
            part = m.group("part2").lower()
            offset = -1 if m.group("this").lower() == "last" and part == "night" else 0
            if m.group("this").lower() == "last" and part != "night":
                continue
            relation = m.group(0).lower()
        date = iso_date(published + dt.timedelta(days=offset)) if published else None
        add(Atom(m.start(), m.end(), "relative_date", date=date, attrs={"relation": relation}))

    for m in scan("RELATIVE_PERIOD", text, starts):
        mod = m.group("mod").lower()
        direction = MODIFIERS[re.sub(r"\s+", " ", mod)]
        unit = re.sub(r"\s+", " ", m.group("unit").lower())
        relation = re.sub(r"\s+", " ", m.group(0).lower())
        date = date_end = None
        if published:
            date, date_end = _period_dates(unit, {"past": -1, "future": 1, "this": 0}[direction], published)
        attrs: dict[str, object] = {"relation": relation}
        if m.group("adv"):
            attrs["part"] = m.group("adv").lower()  # "later this month": parts.part_of narrows the period
        if (m.group("kind") or "").lower() in ("fiscal", "financial"):
            attrs["fiscal"] = True  # "last fiscal year": its months differ by country and company
        add(Atom(m.start(), m.end(), "relative_date", date=date, date_end=date_end, attrs=attrs))

    for m in scan("NOW", text, starts):
        date = iso_date(published) if published else None
        add(Atom(m.start(), m.end(), "relative_date", date=date, attrs={"relation": "now"}))

    for m in scan("PERIOD_AFTER_NEXT", text, starts):
        step = 2 if m.group("dir").lower().startswith("after") else -2
        date, date_end = _period_dates(m.group("unit").lower(), step, published) if published else (None, None)
        add(Atom(m.start(), m.end(), "relative_date", date=date, date_end=date_end,
                 attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())}))

    for m in scan("PART_OF_THE_PERIOD", text, starts):
        if tense_at(text, m.start(), m.end()) == "past" and not present_before(text, m.start(), m.end()):
            continue  # "by the end of the year, it had ...": the year of the story, not publication's
        date, date_end = _period_dates(m.group("unit").lower(), 0, published) if published else (None, None)
        part = re.sub(r"\s+", " ", m.group("part").lower()).removeprefix("the ").removesuffix(" in")
        add(Atom(m.start(), m.end(), "relative_date", date=date, date_end=date_end,
                 attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower()), "part": part}))

    for m in scan("THE_WEEKEND", text, starts):
        date = date_end = None
        if published:
            if tense_at(text, m.start(), m.end()) == "past" or published.weekday() >= 5:
                saturday = published + relativedelta(
                    days=-1 if published.weekday() == 5 else 0, weekday=weekday_of(5)(-1)
                )
            else:
                saturday = published + relativedelta(weekday=weekday_of(5)(1))
            date, date_end = iso_date(saturday), iso_date(saturday + dt.timedelta(days=1))
        start = m.end() - len("the weekend")
        add(Atom(start, m.end(), "relative_date", date=date, date_end=date_end, attrs={"relation": "the weekend"}))

    for m in scan("RELATIVE_MONTH", text, starts):
        token = m.group("mon")
        if token[0].islower() and token.lower() in AMBIGUOUS_MONTHS | {"may", "march"}:
            continue
        mod = re.sub(r"\s+", " ", m.group("mod").lower())
        month = MONTHS[token.lower().rstrip(".")]
        date = None
        if published:
            direction = MODIFIERS[mod]
            y = published.year
            if direction == "past":
                y = y if month < published.month else y - 1
            elif direction == "future":
                y = y if month > published.month else y + 1
            date = iso(y, month)
        add(Atom(m.start(), m.end(), "relative_date", date=date, attrs={"relation": f"{mod} {token.lower()}"}))

    for m in scan("COUNTED_PERIOD", text, starts):
        n = parse_number(m.group("n"))
        if n is None or not published:
            continue
        unit = m.group("unit")
        future = MODIFIERS[m.group("mod").lower()] == "future"
        try:
            if unit.lower().startswith("quarter"):  # whole quarters: "the past two quarters"
                q_start = dt.date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
                lo = q_start + relativedelta(months=3) if future else q_start - relativedelta(months=int(3 * n))
                hi = lo + relativedelta(months=int(3 * n), days=-1)
            elif future:
                lo = published + dt.timedelta(days=1)
                hi = published + shift(unit, n, 1)
            else:
                lo, hi = published + shift(unit, n, -1), published
        except (ValueError, OverflowError):
            continue  # "the past 5,000 years" runs off the calendar
        add(
            Atom(
                m.start(),
                m.end(),
                "relative_date",
                date=iso_date(lo),
                date_end=iso_date(hi),
                attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())},
            )
        )

    for m in scan("OFFSET", text, starts):
        if m.group("unit2"):
            n, unit, direction = 1.0, m.group("unit2"), m.group("dir2").lower()
        elif m.group("dir3"):  # "the next day", "the previous day": a day from the date before it
            n, unit, direction = 1.0, "day", "before" if m.group("dir3").lower() == "previous" else "after"
        elif m.group("cunit"):  # "two hours later": a part of a day
            count = parse_number(m.group("cn"))
            n = None if count is None else count / CLOCK_UNITS[m.group("cunit").lower()]
            unit, direction = "day", re.sub(r"\s+", " ", m.group("cdir").lower())
        else:
            n = parse_number(m.group("n"))
            unit, direction = m.group("unit"), re.sub(r"\s+", " ", m.group("dir").lower())
        if n is None:
            continue
        atom = Atom(m.start(), m.end(), "relative_date", attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())})
        if m.group("unit2") or m.group("dir3"):
            atom.attrs["standalone"] = True
        if direction in ("before", "after", "from"):
            # counted from the date that follows ("3 days after January 12th", "two months from today")
            atom.attrs["offset"] = (unit, n, -1 if direction == "before" else 1, "next")
        else:
            atom.attrs["offset"] = (
                unit,
                n,
                OFFSET_WORDS[direction],
                "publication" if direction in ("ago", "from now", "hence") else "previous",
            )
        add(atom)

    for m in scan("IN_OFFSET", text, starts):
        n = parse_number(m.group("n"))
        tense = tense_at(text, m.start(), m.end())
        if (
            n is None
            or (tense == "past" and not present_before(text, m.start(), m.end()))
            or (tense is None and SUPERLATIVE.search(text, max(0, m.start() - 60), m.start()))
        ):
            continue  # "the first time in 25 years": a duration, found on its own
        atom = Atom(
            m.start(),
            m.end(),
            "relative_date",
            attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower()), "offset": (m.group("unit"), n, 1, "in")},
        )
        add(atom)

    for m in scan("HOLIDAY", text, starts):
        if m.group(0)[0].islower() and not (m.group("year") or m.group("mod") or m.group("weekend")):
            continue
        name = re.sub(r"\s+", " ", m.group("hol").lower())
        rule = HOLIDAYS[name]
        if m.group("year"):
            y = int(m.group("year"))
        elif published:
            y = published.year
        else:
            add(Atom(m.start(), m.end(), "relative_date", attrs={"relation": name}))
            continue
        atom = Atom(
            m.start(),
            m.end(),
            "relative_date" if not m.group("year") else "date",
            attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())},
        )
        atom.attrs["holiday"] = (rule, y, m.group("mod").lower() if m.group("mod") else None, bool(m.group("year")))
        if m.group("weekend"):
            atom.attrs["weekend"] = True  # "Labor Day weekend": the weekend the holiday falls on or next to
        add(atom)


# "Monday 21", "friday the 26th", "Wednesday the thirty-first"; not "Tuesday, 1 March" (the date names its month)
DAY_AFTER_WEEKDAY = re.compile(
    r"\s*,?\s*(?:the\s+)?(?:([0-3]?\d)(?:st|nd|rd|th)?(?![\w:/-]|\.\d|\s*(?:o'?clock|[ap]\.?m\b))"
    rf"|(?<=the ){ORDW}(?!\s+(?!of\b|at\b|in\b|and\b|or\b)[a-z]))"  # not "Friday, the second time"
    rf"(?!\s+(?:of\s+)?(?i:{names(MONTHS)}))",
    re.I,
)


def _period_dates(unit: str, step: int, published: dt.date) -> tuple[str, str | None]:
    """(date, date_end) of the week, weekend, month, year, quarter or decade step of them from publication's."""
    if unit == "week" or unit.startswith("work"):  # a work week: Monday to Friday
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return iso_date(monday), iso_date(monday + dt.timedelta(days=4 if unit.startswith("work") else 6))
    if unit == "weekend":
        saturday = published + relativedelta(weekday=weekday_of(5)(-1 if published.weekday() == 6 else 1))
        saturday += dt.timedelta(weeks=step)
        return iso_date(saturday), iso_date(saturday + dt.timedelta(days=1))
    if unit == "month":
        return iso_date(published + relativedelta(months=step), 2), None
    if unit == "year":
        return iso(published.year + step), None
    if unit == "quarter":
        q0 = (published.month - 1) // 3 + step
        y = published.year + q0 // 4
        first = (q0 % 4) * 3 + 1
        return iso(y, first), iso(y, first + 2)
    y = published.year // 10 * 10 + 10 * step  # decade
    return iso(y), iso(y + 9)


def weekday_with_day(text: str, atoms: list[Atom], published: dt.date | None) -> None:
    """ "Monday 21", "friday the 26th": the nearest month in which that day falls on that weekday."""
    for a in list(atoms):
        if a.kind != "weekday" or "mod" in a.attrs:
            continue
        m = DAY_AFTER_WEEKDAY.match(text[a.end : a.end + 30])
        day = (int(m.group(1)) if m.group(1) else ordinal_day(m.group("ordw"))) if m else None
        if not m or not published or day is None or not 1 <= day <= 31:
            continue
        if _count_after_weekday(text, a.end + m.end(), m.group(0)):
            continue
        best, tense = None, tense_at(text, a.start, a.end)
        for k in range(-12, 13):
            first = dt.date(published.year, published.month, 1) + relativedelta(months=k)
            if day <= _calendar.monthrange(first.year, first.month)[1]:
                when = first.replace(day=day)
                if (tense == "future" and when < published) or (tense == "past" and when > published):
                    continue  # "will meet on Friday the 21st": the next such Friday
                if when.weekday() == a.weekday and (
                    best is None or abs((when - published).days) < abs((best - published).days)
                ):
                    best = when
        if best:
            atom = Atom(a.start, a.end + m.end(), "date", best.year, best.month, best.day, weekday=a.weekday)
            atom.attrs["weekday"] = a.weekday
            atoms.append(atom)


def _count_after_weekday(text: str, end: int, day: str) -> bool:
    """ "On Tuesday, 18,412 patients", "On Monday, 12 people died": a count after the weekday, no day of the month
    (the number runs on past a thousands comma, or a plain number has a lower-case word after it; "friday the 26th
    around 4" is a date)."""
    if re.match(r",\d{3}\b", text[end : end + 5]):
        return True
    plain = re.search(r"(?i:the|st|nd|rd|th)", day) is None
    return plain and re.match(r"\s+(?!of\b|at\b|in\b|and\b|or\b|to\b|from\b)[a-z]", text[end : end + 12]) is not None
