"""Absolute dates: days, months, years, numeric dates, year ranges, decades, centuries, quarters, "the week of"."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from .arithmetic import iso, iso_date, two_digit_year, valid_day
from .atom import Atom
from .patterns import (
    ANY_ORDER_DATE,
    COMPACT_DATE,
    DECADE_NEXT,
    DECADE_NOT_NEAR,
    FRACTION_AFTER,
    FRACTION_DENOMINATORS,
    ISO_DATE,
    MONTH_NUM_YEAR,
    NUMERIC_DATE,
    PART_PREFIX,
    PERIOD_OF,
    SLASH_RANGE,
    SPOKEN_YEAR,
    WEEK_OF,
    YEAR_MONTH,
    YEAR_ONLY,
    YEAR_RANGE,
)
from .scan import scan, word_after, word_before
from .words import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    DATE_PREPOSITIONS,
    DECADE_WORDS,
    MONTHS,
    NOT_YEAR_BEFORE,
    NUMBER_WORDS,
    PERIOD_ORDINALS,
    QUARTER_ORDINALS,
    QUARTER_WORDS,
    STRONG_YEAR_CUES,
    TIME_WORDS,
    ordinal_day,
    parse_number,
)

MONTH_JOINED = re.compile(r"[A-Za-z]\.?[-/]\d|\d[-/][A-Za-z]")  # a cheap test before ANY_ORDER_DATE
THAN_YEAR = re.compile(r"\b(?:earlier|later|sooner)\s+than\s+$", re.I)
# "one million more than 2017.", "4% lower than 2019, when": an amount compared with a year's, the year ending its
# clause (not "200 more than 2000 people")
AMOUNT_THAN = re.compile(
    r"(?:\d|%|\b(?:million|billion|trillion|thousand|hundred|percent|cent|points?|times|bn|m))[ \u00a0]+"
    r"(?:more|less|fewer|higher|lower|greater|bigger|smaller|larger|up|down)[ \u00a0]+than[ \u00a0]+$",
    re.I,
)
CLAUSE_AFTER = re.compile(r"[ \u00a0]*(?:[.,;:)!?]|$|[ \u00a0]+(?:and|but|when|while|or)\b)")


def _month_ok(token: str, alone: bool, text: str, start: int) -> bool:
    """Whether a month spelling is a month here: "may" and "march" need a capital or a day or year beside them."""
    low = token.lower().rstrip(".")
    if low in AMBIGUOUS_MONTHS and token[0].islower():
        return not alone and low not in ("may", "march")
    if alone and low in AMBIGUOUS_MONTHS:
        return word_before(text, start) in DATE_PREPOSITIONS
    return True


def _is_year(text: str, m: re.Match) -> bool:
    """A standalone four-digit number is a year unless the words around it make it a count or a name."""
    y = int(m.group("y"))
    if not 1800 <= y <= 2100:
        return False
    if m.group("poss"):
        return True
    before = word_before(text, m.start())
    gap = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$£€¥#]\s*$|\d[\s,]*$", gap):
        return False
    if before in STRONG_YEAR_CUES or THAN_YEAR.search(text, max(0, m.start() - 20), m.start()):
        return True  # "no later than 2030": an open interval (periods.mark_open), not "more than 2030 people"
    if before == "than" and AMOUNT_THAN.search(text, max(0, m.start() - 40), m.start()) and CLAUSE_AFTER.match(
            text, m.end()):
        return True
    if before in NOT_YEAR_BEFORE:
        return False
    after = word_after(text, m.end())
    low = after.lower()
    if low in COUNT_NOUNS:
        return False
    if re.match(r"\s*(?:%|per\s*cent|pct|percent|m\b|bn\b|km\b|kg\b)", text[m.end() : m.end() + 10], re.I):
        return False
    if low and after[0].islower() and low.endswith("s") and len(low) > 3 and low not in TIME_WORDS:
        if not re.fullmatch(r"(?:was|has|is|its|this|thus|plus|less|as|us|yes|across|always|sales|results)", low):
            return False
    return True


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (at most 120 characters either side; a line break is no boundary, so
    hard-wrapped text reads like one-line text)."""
    lo = max(text.rfind(c, max(0, start - 120), start) for c in ".!?")
    hi = [i for i in (text.find(c, end, end + 120) for c in ".!?") if i >= 0]
    return text[lo + 1 : min(hi) if hi else end + 120]


def _decade(text: str, m: re.Match) -> int | None:
    """The first year of a decade match; None for "the 80s" or "the nineties" in a sentence of temperatures, shares
    or ages ("highs in the 80s"), where the number is no decade."""
    groups = m.groupdict()
    if groups.get("y") or groups.get("y4"):
        return int(groups.get("y") or groups["y4"])
    if groups.get("apos"):
        return 1900 + int(m.group("yy"))
    if DECADE_NOT_NEAR.search(_sentence(text, m.start(), m.end())):
        return None
    if m.group("word"):
        return int(DECADE_WORDS[m.group("word").lower()])
    yy = int(m.group("yy"))
    return 2000 + yy if yy < 20 else 1900 + yy


def date_atoms(text: str, published: dt.date | None, out: list[Atom], starts: dict[str, list[int]]) -> None:
    """Dates and years written out in full or in part, and the ranges and periods written as one."""
    add = out.append

    for m in scan("MONTH_DAY", text, starts):
        if not _month_ok(m.group("mon"), False, text, m.start()):
            continue
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        if m.group("ordw"):
            if m.group("mon")[0].islower() and m.group("mon").lower() in ("may", "march"):
                continue
            day = ordinal_day(m.group("ordw"))
        else:
            day = int(m.group("day"))
        if day is None or not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        if m.group("yy"):
            year = two_digit_year(int(m.group("yy")), published)
        atom = Atom(m.start(), m.end(), "date", year, month, day)
        if (
            m.group("day2")
            and m.group("conn").strip().lower() == "and"
            and not re.search(r"\bbetween\s+$", text[max(0, m.start() - 10) : m.start()], re.I)
        ):
            atom.end = m.start("conn")  # "May 3 and 5 June" are two dates
            suffix = re.match(r"(?:st|nd|rd|th)?", text[m.end("day2") :])
            day2, end2 = int(m.group("day2")), m.end("day2") + len(suffix[0] if suffix else "")
            if 1 <= day2 <= 31 and not re.match(r"\s*(?:%|per\s*cent)", text[end2 : end2 + 9]):
                add(Atom(m.start("day2"), end2, "date", year, month, day2))  # "May 5th and 6th"
        elif m.group("day2"):
            day2 = int(m.group("day2"))
            if not 1 <= day2 <= 31:
                continue
            atom.kind = "date_range"
            atom.end_atom = Atom(m.start("day2"), m.end(), "date", year, month, day2)
        add(atom)

    for m in scan("DAY_MONTH", text, starts):
        mon = m.group("mon")
        if mon[0].islower() and mon.lower() in ("may", "march", "mar"):
            continue
        if not _month_ok(mon, False, text, m.start()):
            continue
        month = MONTHS[mon.lower().rstrip(".")]
        day = ordinal_day(m.group("ordw")) if m.group("ordw") else int(m.group("day"))
        if day is None or not 1 <= day <= 31:
            continue
        if not m.group("ordw") and re.search(r"[$£€¥]\s*$|\d[.,]$", text[max(0, m.start() - 2) : m.start()]):
            continue
        year = int(m.group("year")) if m.group("year") else None
        atom = Atom(m.start(), m.end(), "date", year, month, day)
        first = m.group("day0") or m.group("ordw0")
        if first:
            day0 = int(m.group("day0")) if m.group("day0") else ordinal_day(first)
            if not day0 or not 1 <= day0 <= 31:
                continue
            if " and " in text[m.start() : m.start("day") if m.group("day") else m.start("ordw")] and not re.search(
                r"\bbetween\s+$", text[max(0, m.start() - 10) : m.start()], re.I
            ):
                add(
                    Atom(
                        m.start(m.lastindex and "day0") if m.group("day0") else m.start("ordw0"),
                        m.end("day0") if m.group("day0") else m.end("ordw0"),
                        "date",
                        year,
                        month,
                        day0,
                    )
                )
                atom.start = m.start("day") if m.group("day") else m.start("ordw")
            else:
                atom = Atom(
                    m.start(),
                    m.end(),
                    "date_range",
                    year,
                    month,
                    day0,
                    end_atom=Atom(m.start(), m.end(), "date", year, month, day),
                )
        add(atom)

    for m in scan("MONTH_YEAR", text, starts):
        if not _month_ok(m.group("mon"), False, text, m.start()):
            continue
        if m.group("year"):
            year = int(m.group("year"))
        else:
            year = two_digit_year(int(m.group("yy") or m.group("yy2")), published)
        add(Atom(m.start(), m.end(), "date", year, MONTHS[m.group("mon").lower().rstrip(".")]))

    for m in scan("MONTH_ONLY", text, starts):
        token = m.group("mon")
        low = token.lower().rstrip(".")
        if token[0].islower() and low in AMBIGUOUS_MONTHS | {"may", "march"}:
            continue
        strong = word_before(text, m.start()) in DATE_PREPOSITIONS or bool(
            PART_PREFIX.search(text[max(0, m.start() - 20) : m.start()])
        )
        if low in ("may", "march") and not strong:
            continue
        weak = not strong and (low in AMBIGUOUS_MONTHS or token[0].islower())
        if re.match(r"\s*(?:I|you|we|he|she|it|they)\b", text[m.end() : m.end() + 6]) and low == "may":
            continue
        add(Atom(m.start(), m.end(), "date", None, MONTHS[low], weak=weak))

    _spoken_years(text, out)

    for m in ISO_DATE.finditer(text):
        month = int(m.group("m")) if m.group("m") else MONTHS[m.group("mon").lower().rstrip(".")]
        day, year = int(m.group("d")), int(m.group("year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Atom(m.start(), m.end(), "date", year, month, day))

    for m in NUMERIC_DATE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else two_digit_year(int(y), published)
        if m.group("sep") == "." and len(y) != 4:
            continue
        month, day = (b, a) if m.group("sep") == "." or a > 12 else (a, b)
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Atom(m.start(), m.end(), "date", year, month, day))

    for m in ANY_ORDER_DATE.finditer(text) if MONTH_JOINED.search(text) else ():
        parts = _day_month_year(m.group("a"), m.group("b"), m.group("c"))
        if parts is not None:
            add(Atom(m.start(), m.end(), "date", *parts))

    for m in COMPACT_DATE.finditer(text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if valid_day(y, mo, d):
            add(Atom(m.start(), m.end(), "date", y, mo, d))

    for m in scan("SLASH_DAY", text, starts):
        if m.group("mon"):
            month, day = MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("md"))
        else:
            a, b = int(m.group("a")), int(m.group("b"))
            if a < b and b in FRACTION_DENOMINATORS and FRACTION_AFTER.match(text, m.end()):
                continue  # "by 1/4 to 1/2 point": fractions, not days
            month, day = (b, a) if a > 12 else (a, b)
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Atom(m.start(), m.end(), "date", None, month, day))

    for m in SLASH_RANGE.finditer(text):
        a, b, c, d = (int(m.group(k)) for k in "abcd")
        year = int(m.group("y")) if m.group("y") else None
        if 1 <= a <= 12 and 1 <= c <= 12 and 1 <= b <= 31 and 1 <= d <= 31:
            add(
                Atom(
                    m.start(),
                    m.end(),
                    "date_range",
                    year,
                    a,
                    b,
                    end_atom=Atom(m.start("c"), m.end(), "date", year, c, d),
                )
            )

    for m in scan("NTH_DAY", text, starts):
        day = int(m.group("day")) if m.group("day") else ordinal_day(m.group("ordw"))
        if m.group("ordw") and (day or 0) <= 10:
            continue  # "on the third" is as often an attempt or a place as a day: only "the eleventh" on
        if day and 1 <= day <= 31:
            start = m.start("at") - 4 if m.group("prep") else m.start() + 3  # from "the"
            add(Atom(start, m.end(), "date", day=day))  # the month comes from publication

    for m in YEAR_MONTH.finditer(text):
        y, digits = int(m.group("y")), m.group("m")
        if len(digits) == 2 and int(digits) == (y + 1) % 100:
            continue  # "2012-13" is a span of years
        if 1 <= int(digits) <= 12:
            add(Atom(m.start(), m.end(), "date", y, int(digits)))

    for m in MONTH_NUM_YEAR.finditer(text):
        add(Atom(m.start(), m.end(), "date", int(m.group("y")), int(m.group("m"))))

    for m in YEAR_ONLY.finditer(text):
        if _is_year(text, m):
            add(Atom(m.start(), m.end(), "year", int(m.group("y"))))

    for m in YEAR_RANGE.finditer(text):
        y, y2s, conn = int(m.group("y")), m.group("y2"), m.group("conn").strip().lower()
        if conn == "and" and not m.group("pre"):
            continue
        if len(y2s) == 2:
            if conn not in ("-", "–", "/"):
                continue
            y2 = y // 100 * 100 + int(y2s)
            if y2 < y:
                y2 += 100
            if y2 - y > 1 and conn == "/":
                continue
        else:
            y2 = int(y2s)
        if conn == "/" and y2 != y + 1:
            continue
        start = m.start("y")
        add(Atom(start, m.end(), "date_range", y, end_atom=Atom(m.start("y2"), m.end(), "year", y2)))

    for m in scan("DECADE", text, starts):
        y = _decade(text, m)
        while y is not None:
            attrs = {"decade": True, "part": m.group("part").lower()} if m.group("part") else {"decade": True}
            start = m.start("at") if "at" in m.groupdict() else m.start()
            add(Atom(start, m.end(), "date_range", date=iso(y), date_end=iso(y + 9), attrs=attrs))
            m = DECADE_NEXT.match(text, m.end())
            y = _decade(text, m) if m else None

    for m in scan("CENTURY", text, starts):
        n = int(m.group("n"))
        if 1 <= n <= 22:
            first = max(1, (n - 1) * 100)  # there is no year 0
            add(Atom(m.start(), m.end(), "date_range", date=iso(first), date_end=iso((n - 1) * 100 + 99)))

    for m in scan("QUARTER", text, starts):
        q = m.group("q") or m.group("q2") or m.group("q3")
        if q:
            half = "H" in q.upper()
            n = int(q.strip("QHqh"))
        elif m.group("named"):
            half, n = False, QUARTER_WORDS[m.group("named").lower()]
        else:
            half = m.group("kind").lower() == "half"
            n = QUARTER_ORDINALS[m.group("ord").lower()]
            if half and n > 2:
                n = 2
        year = m.group("y") or m.group("y2") or m.group("y3")
        if year:
            y = int(year)
        elif m.group("yy"):
            y = two_digit_year(int(m.group("yy")), published)
        elif published:
            rel = m.group("rel").split()[0].lower()
            y = published.year + {"last": -1, "next": 1}.get(rel, 0)
        else:
            continue
        size = 6 if half else 3
        first = (n - 1) * size + 1
        add(Atom(m.start(), m.end(), "date_range", date=iso(y, first), date_end=iso(y, first + size - 1)))


def _day_month_year(*tokens: str) -> tuple[int, int, int] | None:
    """(year, month, day) of three tokens that are one month name, one four-digit year and one day, in any order."""
    year = [int(t) for t in tokens if t.isdigit() and len(t) == 4 and 1000 <= int(t) <= 2100]
    day = [int(t) for t in tokens if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31]
    month = [MONTHS[t.lower().rstrip(".")] for t in tokens if not t.isdigit()]
    if len(year) == len(day) == len(month) == 1:
        return year[0], month[0], day[0]
    return None


def _spoken_years(text: str, atoms: list[Atom]) -> None:
    """ "January first, two thousand and thirty-two", "June 13th nineteen ninety-five": a year spoken in words after a
    date without one joins it."""
    for a in atoms:
        if a.kind not in ("date", "date_range") or a.year is not None or a.month is None or a.date is not None:
            continue
        m = SPOKEN_YEAR.match(text, a.end)
        if not m:
            continue
        rest = (m.group("r") or m.group("r2") or "").lower()
        tail = 0.0 if rest in ("", "hundred") else parse_number(re.sub(r"^oh[\s-]+", "", rest))
        if tail is None:
            continue
        a.year = int((int(NUMBER_WORDS[m.group("c").lower()] or 0) * 100 if m.group("c") else 2000) + tail)
        a.end, a.weak = m.end(), False
        if a.end_atom is not None:
            a.end_atom.year = a.year


def period_atoms(text: str, out: list[Atom]) -> None:
    """ "the first week of 2021" (ISO weeks; of a month: counted from the week holding its first day), "the third
    month of 2021"."""
    low = text.lower()
    if "week" not in low and "month" not in low:
        return
    for m in PERIOD_OF.finditer(text):
        n = PERIOD_ORDINALS[m.group("ordw").lower()] if m.group("ordw") else int(m.group("ordn"))
        year = int(m.group("year"))
        month = MONTHS[m.group("mon").lower().rstrip(".")] if m.group("mon") else None
        try:
            if m.group("unit").lower() == "month":
                if month is None and (n == -1 or 1 <= n <= 12):
                    out.append(Atom(m.start(), m.end(), "date", year, 12 if n == -1 else n))
                continue
            if month is None:
                last = dt.date(year, 12, 28).isocalendar()[1]
                monday = dt.date.fromisocalendar(year, last if n == -1 else n, 1)
            elif n == -1:
                end = dt.date(year, month, _calendar.monthrange(year, month)[1])
                monday = end - dt.timedelta(days=end.weekday())
            else:
                first = dt.date(year, month, 1)
                monday = first - dt.timedelta(days=first.weekday()) + dt.timedelta(weeks=n - 1)
                if monday.month != month and monday > first:
                    continue  # no such week
        except ValueError:
            continue
        end_day = monday + dt.timedelta(days=6)
        out.append(Atom(m.start(), m.end(), "date_range", date=iso_date(monday), date_end=iso_date(end_day)))


def week_of(text: str, out: list[Atom]) -> None:
    """ "the week of April 10": the week (Monday to Sunday) holding a date; resolved with the date."""
    if "week" not in text.lower():
        return
    days = {a.start: a for a in out if a.kind == "date" and a.day is not None and a.date is None}
    for m in WEEK_OF.finditer(text):
        day = days.get(m.end())
        if day is not None:
            atom = Atom(m.start(), day.end, "date", day.year, day.month, day.day, attrs={"week": True})
            out.append(atom)
