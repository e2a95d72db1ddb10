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
#   the future. "next week" is the week after publication's, Monday to Sunday: date is its Monday, date_end its
#   Sunday (day precision); "this/last week" likewise. "next/last/this month|year" are a month or a year.
# - "N units ago" counts back from publication; "N units earlier/later" from the last calendar figure before it
#   (else publication); "in N units" is a date only in a future-tense clause, else a duration.
# - born=True on a year or date after "born"; anniversary=N goes on the year figure that "the Nth anniversary of"
#   refers to ("the 20th anniversary of the 2001 accord" -> the figure "2001" has anniversary 20).

from __future__ import annotations

import bisect
import calendar as _calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from ..model import Figure, Span

LEX = yaml.safe_load((Path(__file__).parent / "lexicon" / "calendar.yml").read_text(encoding="utf-8"))

MONTHS: dict[str, int] = LEX["months"]
WEEKDAYS: dict[str, int] = LEX["weekdays"]
AMBIGUOUS_MONTHS = set(LEX["ambiguous_months"])
DATE_PREPOSITIONS = set(LEX["date_prepositions"])
STRONG_YEAR_CUES = set(LEX["strong_year_cues"])
NOT_YEAR_BEFORE = set(LEX["not_year_before"])
COUNT_NOUNS = set(LEX["count_nouns"])
TIME_WORDS = set(LEX["time_words"])
NUMBER_WORDS: dict[str, float | None] = LEX["number_words"]
ORDINAL_WORDS: dict[str, int] = LEX["ordinal_words"]
QUARTER_ORDINALS: dict[str, int] = {str(k): v for k, v in LEX["quarter_ordinals"].items()}
TIME_UNITS: dict[str, dict[str, Any]] = LEX["time_units"]
RELATIVE_DAYS: dict[str, int] = LEX["relative_days"]
MODIFIERS: dict[str, str] = LEX["relative_modifiers"]
OFFSET_WORDS: dict[str, int] = LEX["offset_words"]
HOLIDAYS: dict[str, Any] = LEX["holidays"]
NOT_PAST = set(LEX["tense"]["not_past"])
WEEKDAY_OBJECTS = (MO, TU, WE, TH, FR, SA, SU)
# Publication dates this close to the ends of the calendar resolve nothing: date arithmetic must not overflow.
PUBLISHED_RANGE = (dt.date(2, 1, 1), dt.date(9998, 12, 31))
TENS: list[str] = LEX["tens_words"]
A_DURATION_BEFORE = set(LEX["a_duration_before"])
DURATION_AFTER = set(LEX["duration_after"])
ELAPSED: dict[str, str] = LEX["elapsed_relations"]
FRACTION_OF = set(LEX["fraction_of_words"])
PIVOT: int = LEX["two_digit_year_pivot"]
PERIOD_ORDINALS: dict[str, int] = LEX["period_ordinals"]


def _alt(words, plural: bool = False) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _names(table: dict[str, int]) -> str:
    """Full names, or abbreviations with an optional full stop ("Feb.", "Thurs")."""
    full = {n for n, v in table.items() if not any(o != n and o.startswith(n) and table[o] == v for o in table)}
    return rf"(?:{_alt(full)})\b|(?:{_alt(set(table) - full)})\b\.?"


def _lead(*words, digits: bool = False) -> str:
    """A lookahead on the first characters a pattern can start with: regexes scan much faster with one."""
    first = {str(w)[0].lower() for group in words for w in group}
    chars = "".join(sorted(first | {c.upper() for c in first}))
    return f"(?=[{re.escape(chars)}{'0-9' if digits else ''}])"


MON = rf"(?P<mon>{_names(MONTHS)})"
MON2 = MON.replace("?P<mon>", "?P<mon2>")
WD = rf"(?P<wd>{_names(WEEKDAYS)})(?!'s|’s)"
PARTS = _alt(LEX["day_parts"])
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|\.\d|\s*(?:%|per\s*cent|pc\b|am\b|pm\b|a\.m|p\.m|[ap]\b))"
DAY2 = DAY.replace("?P<day>", "?P<day2>")
DAY0 = DAY.replace("?P<day>", "?P<day0>")
ORDW = (
    r"(?P<ordw>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    rf"|one|two|three|four|five|six|seven|eight|nine)|{_alt(ORDINAL_WORDS)})\b"
)
# A four-digit number before a time zone is a clock time ("2000 GMT").
TIME_AFTER = rf"(?![ \u00a0]*(?i:{_alt(LEX['time_after_number'])})\b)"
YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)(?!\d)" + TIME_AFTER
YEAR2 = YEAR.replace("?P<year>", "?P<year2>")
NUMW = _alt(k for k in NUMBER_WORDS)
NUM = rf"(?P<n>\d+(?:\.\d+)?|(?:{_alt(TENS)})[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|(?:{NUMW}))"
UNIT = rf"(?P<unit>{_alt(TIME_UNITS)})"
CONNECT = r"\s*(?:-|–|—|~|to|through|thru|till|until)\s*"
MOD = rf"(?P<mod>{_alt(MODIFIERS)})"
FLAGS = re.I

MONTH_DAY = re.compile(
    _lead(MONTHS) + rf"\b{MON}\s*(?:[-/]\s*|the\s+)?(?:{DAY}|{ORDW})"
    rf"(?:(?P<conn>{CONNECT}|\s+and\s+)(?:the\s+)?{DAY2}(?!\s*(?:{_alt(MONTHS)})\b))?"
    rf"(?:\s*,?\s*(?:of\s+|in\s+)?{YEAR}|\s*,\s*'(?P<yy>\d\d)\b)?",
    FLAGS,
)
DAY_MONTH = re.compile(
    _lead(ORDINAL_WORDS, ["the"], digits=True)
    + rf"\b(?:the\s+)?(?:(?:{DAY0}|(?P<ordw0>{_alt(ORDINAL_WORDS)}))(?:{CONNECT}|\s+and\s+)(?:the\s+)?)?"
    rf"(?:{DAY}|{ORDW})(?:\s+day)?(?:\s*-\s*|\s*(?:of\s+)?){MON}(?:\s*[,-]?\s*(?:of\s+|in\s+)?{YEAR})?",
    FLAGS,
)
MONTH_YEAR = re.compile(
    _lead(MONTHS) + rf"\b{MON}(?:\s*[,/-]\s*|\s+(?:of|in)\s+|\s+)(?:{YEAR}|'(?P<yy>\d\d)\b|(?<=of )(?P<yy2>\d\d)\b)",
    FLAGS,
)
MONTH_ONLY = re.compile(_lead(MONTHS) + rf"\b{MON}(?![\w'’-])", FLAGS)
ISO_DATE = re.compile(
    rf"(?<![\w./-]){YEAR}(?P<sep>[-/.])(?:(?P<m>\d{{1,2}})|{MON})(?P=sep)(?P<d>\d{{1,2}})(?![\w/]|\.\d)", FLAGS
)
NUMERIC_DATE = re.compile(
    r"(?<![\w./,-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)"
)
COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
SLASH_DAY = re.compile(
    r"(?=\d{1,2}/\d|[A-Za-z]{3,9}\.?/\d)"
    rf"(?:(?<=\bon )|(?<=\bthis )|(?<=\bfrom )|(?<=\buntil )|(?<=\bby )|(?<=\bfor )|(?<=\bbetween )|(?<=\bto )"
    rf"|(?<=\? )|(?<=^))"
    rf"(?:(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})|{MON}/(?P<md>\d{{1,2}}))(?![\w/]|[.,]\d)",
    FLAGS,
)
SLASH_RANGE = re.compile(
    r"(?<![\w/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})\s*-\s*(?P<c>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}))?(?![\w/]|[.,]\d)"
)
NTH_DAY = re.compile(
    r"\bon\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|day|century|anniversary|floor)\b)", re.I
)
YEAR_MONTH = re.compile(r"(?<![\w.,/$£€-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>\d{1,2})(?![\w%]|[.,/-]\d)")
MONTH_NUM_YEAR = re.compile(r"(?<![\w.,/$£€-])(?P<m>0?[1-9]|1[0-2])[-/](?P<y>1[89]\d\d|20\d\d)(?![\w%]|[.,/-]\d)")
YEAR_ONLY = re.compile(
    r"(?<![\w$£€¥#.,/\\-])(?P<y>1[5-9]\d\d|20\d\d|2100)(?P<poss>'s|’s)?(?![\w%]|[.,]\d|:\d|[-/–]\d)" + TIME_AFTER
)
YEAR_RANGE = re.compile(
    r"(?<![\w$£€¥#.,/-])(?P<pre>(?:from|between)\s+)?(?P<y>1[5-9]\d\d|20\d\d)"
    r"(?P<conn>\s*(?:-|–|/|~)\s*|\s+(?:to|till|until|through|thru|and)\s+)"
    r"(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\w%]|[.,]\d)",
    FLAGS,
)
DECADE = re.compile(
    _lead(["the"], digits=True) + r"(?<![\w$£€-])(?:the\s+)?(?P<y>1[5-9]\d0|20\d0)s\b|\bthe\s+'(?P<yy>\d0)s\b", FLAGS
)
CENTURY = re.compile(_lead(["the"], digits=True) + r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", FLAGS)
QUARTER = re.compile(
    r"\b(?:(?P<q>Q[1-4]|H[12])\s*[-/]?\s*(?P<y>1[89]\d\d|20\d\d)|(?P<y2>1[89]\d\d|20\d\d)\s*[-/]?\s*(?P<q2>Q[1-4]|H[12])"
    rf"|(?:the\s+)?(?P<ord>{_alt(QUARTER_ORDINALS)})\s+(?P<kind>quarter|half)\s+of\s+(?:(?P<y3>1[89]\d\d|20\d\d)"
    r"|(?P<rel>the\s+year|this\s+year|last\s+year|next\s+year)))(?!\w)",
    FLAGS,
)
PERIOD_OF = re.compile(
    rf"\b(?:the\s+)?(?:(?P<ordw>{_alt(PERIOD_ORDINALS)})|(?P<ordn>\d{{1,2}})(?:st|nd|rd|th))\s+(?P<unit>week|month)"
    rf"\s+of\s+(?:the\s+year\s+)?(?:{MON}\s*,?\s*)?{YEAR}",
    FLAGS,
)
WEEK_OF = re.compile(rf"\bthe\s+week\s+(?:{_alt(LEX['week_of_words'])})\s+", FLAGS)
WEEKDAY = re.compile(
    _lead(MODIFIERS, WEEKDAYS, ["week"])
    + rf"\b(?:{MOD}\s+)?(?:week\s*-?\s*)?{WD}(?!s\b)(?:\s+(?:in\s+the\s+)?(?P<part>{PARTS})\b(?!s))?",
    FLAGS,
)
WEEKDAY_DATE_GAP = re.compile(r"\s*(?:,|\(|-)?\s*(?:the\s+)?$")
RELATIVE_DAY = re.compile(
    _lead(RELATIVE_DAYS, ["this", "last"])
    + rf"\b(?P<rel>{_alt(RELATIVE_DAYS)})\b(?:\s+(?:in\s+the\s+)?(?P<part>{PARTS})\b)?"
    rf"|\b(?P<this>this|last)\s+(?P<part2>{PARTS})\b",
    FLAGS,
)
RELATIVE_PERIOD = re.compile(
    _lead(["earlier", "later", "early", "late", "the"], MODIFIERS)
    + rf"\b(?:(?P<adv>earlier|later|early|late)\s+)?(?:the\s+)?{MOD}\s+"
    r"(?P<unit>week(?:end)?|month|year|decade|quarter)\b",
    FLAGS,
)
THE_WEEKEND = re.compile(
    _lead(["over", "at", "on", "during", "for"]) + r"\b(?:over|at|on|during|for)\s+the\s+weekend\b", re.I
)
RELATIVE_MONTH = re.compile(_lead(MODIFIERS) + rf"\b{MOD}\s+{MON}(?![\w'’-])(?!\s*\d)", FLAGS)
COUNTED_PERIOD = re.compile(
    _lead(["the"], MODIFIERS)
    + rf"\b(?:the\s+)?(?P<mod>next|last|past|previous|coming|following)\s+{NUM}\s+{UNIT}(?![\w-])",
    FLAGS,
)
OFFSET = re.compile(
    _lead(NUMBER_WORDS, ["the"], digits=True)
    + rf"(?<![\w$£€.-]){NUM}\s+{UNIT}\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|from)\b"
    rf"|\bthe\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)",
    FLAGS,
)
IN_OFFSET = re.compile(_lead(["in"]) + rf"\bin\s+{NUM}\s+{UNIT}(?:'s?|’s?)?(?:\s+time)?(?![\w-])", FLAGS)
DURATION = re.compile(
    _lead(NUMBER_WORDS, TIME_UNITS, digits=True)
    + rf"(?<![\w$£€.-])(?:{NUM}(?P<sep>\s+|-)(?:(?:and\s+a\s+half|more|straight|consecutive)\s+)?{UNIT}"
    rf"|(?P<long>{_alt(TIME_UNITS)})(?=-long\b))(?:-long\b)?(?![\w-])(?!\s+old\b)(?!-old)",
    FLAGS,
)
HOLIDAY = re.compile(
    _lead(MODIFIERS, HOLIDAYS) + rf"\b(?:{MOD}\s+)?(?P<hol>{_alt(HOLIDAYS)})\b(?:\s*,?\s*{YEAR})?", FLAGS
)
PART_PREFIX = re.compile(
    r"\b(?:the\s+)?(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]*$", re.I
)
BORN = re.compile(r"\bborn\b[^.;]{0,25}$", re.I)
ANNIVERSARY = re.compile(
    _lead(ORDINAL_WORDS, digits=True)
    + rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<w>{_alt(ORDINAL_WORDS)}))\s+anniversary\s+of\b",
    re.I,
)
SUPERLATIVE = re.compile(r"\b(?:first|last|only|\w+est|most|least|best|worst|time|since|record)\b", re.I)
FUTURE_AUX = re.compile(r"\b(?:will|'ll|shall|would|to)\s+(?:not\s+)?(?:be|have(?:\s+been)?|get)\s+$", re.I)
PRESENT_PASSIVE = re.compile(r"\b(?:" + "|".join(LEX["tense"]["present_passive"]) + r")\s+$", re.I)
FUTURE_SUBORDINATOR = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in LEX["tense"]["future_subordinators"]) + r")\b", re.I
)
CLAUSE_END = re.compile(r"[;!?\n]|\.(?=\s+[\"“‘(]?[A-Z])")
WORD = re.compile(r"[A-Za-z][\w'’]*")
FUTURE = re.compile(r"\b(?:" + "|".join(LEX["tense"]["future"]) + r")\b", re.I)
PRESENT = re.compile(r"\b(?:" + "|".join(LEX["tense"]["present"]) + r")\b", re.I)
PAST = re.compile(r"\b(?:" + "|".join(LEX["tense"]["past"]) + r"|[a-z]{2,}ed)\b")
EVENT_DATE_BEFORE = re.compile("|".join(LEX["event_date_before"]), re.I)
NOT_EVENT = re.compile(r"\b(?:" + "|".join(LEX["not_event_words"]) + r")\b", re.I)
FRACTION_DENOMINATORS = {int(d) for d in LEX["fraction_denominators"]}
FRACTION_AFTER = re.compile(
    rf"(?:\s*(?:to|-|–|and|or)\s*\d{{1,2}}/\d{{1,2}})?\s*(?:{_alt(LEX['fraction_after'])})(?!\w)", re.I
)


@dataclass
class Atom:
    """A calendar reading found in the text, before years and weekdays are resolved against publication."""

    start: int
    end: int
    kind: str  # date | year | weekday | relative_date | date_range | duration
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_atom: Atom | None = None  # the end of a range
    date: str | None = None  # already resolved (relative readings)
    date_end: str | None = None
    weekday: int | None = None
    weak: bool = False  # kept only as part of a range
    value: float | None = None
    unit: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def precision(self) -> int:
        return 3 if self.day is not None else 2 if self.month is not None else 1 if self.year is not None else 0


# --- the publication-relative arithmetic ------------------------------------------------------


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _iso_date(d: dt.date, precision: int = 3) -> str:
    return _iso(d.year, d.month if precision >= 2 else None, d.day if precision >= 3 else None)


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _calendar.monthrange(year, month)[1]


def _infer_year(month: int, day: int | None, published: dt.date, tense: str | None) -> int:
    """The year that puts a month (and day) nearest publication, on the side the tense points to."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        when = _safe_date(year, month, day) if day else dt.date(year, month, 1)
        if day is None:  # a month counts as "not after" publication when it is publication's month or before
            gap = (year * 12 + month) - (published.year * 12 + published.month)
        else:
            gap = (when - published).days
        if (tense == "past" and gap > 0) or (tense == "future" and gap < 0):
            continue
        key = (abs(gap), gap > 0)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else published.year


def _weekday_date(weekday: int, published: dt.date, tense: str | None, mod: str | None) -> dt.date:
    """The date of a named weekday: the latest on or before publication, or the first after it for the future."""
    direction = MODIFIERS.get(mod.lower()) if mod else None
    if direction == "this":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(days=weekday)
    if direction == "future" or (direction is None and tense == "future"):
        return published + relativedelta(days=1, weekday=weekday)
    if direction == "past":
        return published + relativedelta(days=-1, weekday=weekday_of(weekday)(-1))
    return published + relativedelta(weekday=weekday_of(weekday)(-1))


def weekday_of(n: int) -> weekday:
    return WEEKDAY_OBJECTS[n]


def _movable(rule: str, year: int) -> dt.date:
    base, _, shift = rule.partition("+") if "+" in rule else rule.partition("-")
    days = int(shift or 0) * (-1 if "-" in rule else 1)
    if base == "easter":
        start = easter(year)
    elif base == "thanksgiving":
        start = dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
    elif base == "labor":
        start = dt.date(year, 9, 1) + relativedelta(weekday=MO(1))
    else:  # memorial: the last Monday of May
        start = dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))
    return start + dt.timedelta(days=days)


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
        return None if value is None else float(value)
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a is not None and b is not None:
            return float(a + b)
    return None


def _ordinal_day(word: str) -> int | None:
    parts = re.split(r"[\s-]+", word.lower())
    total = 0
    for p in parts:
        if p == "twenty":
            total += 20
        elif p == "thirty":
            total += 30
        elif p in ORDINAL_WORDS:
            total += ORDINAL_WORDS[p]
        elif total and p in NUMBER_WORDS and NUMBER_WORDS[p] is not None and NUMBER_WORDS[p] < 10:
            total += int(NUMBER_WORDS[p])
        else:
            return None
    return total or None


def _shift(unit: str, n: float, sign: int) -> relativedelta:
    spec = TIME_UNITS[unit.lower()]
    k = n * sign
    if "days" in spec:
        return relativedelta(days=int(round(k * spec["days"])))
    if "weeks" in spec:
        return relativedelta(days=int(round(k * 7 * spec["weeks"])))
    if "months" in spec:
        return relativedelta(months=int(round(k * spec["months"])))
    return relativedelta(years=int(round(k * spec["years"])))


def _two_digit_year(yy: int, published: dt.date | None) -> int:
    """ "'98": the century that puts it at most ten years after publication (without one: a fixed pivot)."""
    if published is None:
        return 2000 + yy if yy <= PIVOT else 1900 + yy
    return 2000 + yy if 2000 + yy <= published.year + 10 else 1900 + yy


# --- tense ----------------------------------------------------------------------------------


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 200)
    left = lo
    for m in CLAUSE_END.finditer(text, lo, min(len(text), start + 4)):
        if m.end() <= start:
            left = m.end()
    m = CLAUSE_END.search(text, end, min(len(text), end + 200))
    right = m.start() if m else min(len(text), end + 200)
    return left, right


def _past_hits(text: str, a: int, b: int) -> list[tuple[int, int]]:
    hits = []
    for m in PAST.finditer(text, a, b):
        word = m.group(0)
        if word.lower().endswith("ed") and (word.lower() in NOT_PAST or word[0].isupper()):
            continue
        if FUTURE_AUX.search(text, max(0, m.start() - 30), m.start()):
            continue  # "will be announced": a participle of the future
        if PRESENT_PASSIVE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "when it is finished": a participle of the present passive
        hits.append(m.span())
    return hits


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense of the verb governing text[start:end]: the nearest marker before it in its clause, else after."""
    left, right = _clause(text, start, end)
    future = [m.span() for m in FUTURE.finditer(text, left, start)]
    past = [s for s in _past_hits(text, left, start) if not any(f[0] <= s[0] < f[1] for f in future)]
    marks = [(s[1], "future") for s in future] + [(s[1], "past") for s in past]
    marks += [(m.end(), "present") for m in PRESENT.finditer(text, left, start)]
    if marks:
        end, tense = max(marks)
        if tense == "present" and _future_subordinate(text, future, end):
            return "future"  # "will have ... when it is finished in 2027"
        return None if tense == "present" else tense
    future = [m.span() for m in FUTURE.finditer(text, end, right)]
    past = [s for s in _past_hits(text, end, right) if not any(f[0] <= s[0] < f[1] for f in future)]
    marks = [(s[0], "future") for s in future] + [(s[0], "past") for s in past]
    return min(marks)[1] if marks else None


def _future_subordinate(text: str, future: list[tuple[int, int]], verb_end: int) -> bool:
    """A present verb in a temporal or conditional clause ("when", "once", "after", "until") that follows a future
    verb speaks of the future: English puts such clauses in the present."""
    return bool(future) and bool(FUTURE_SUBORDINATOR.search(text, future[-1][1], verb_end))


def _event_date(text: str, atom: Atom) -> bool:
    """Whether a past verb governs this date as the event's own date ("launched its war in February 2022"), not a
    maturity ("notes due 1994"), deadline ("by 1991"), span ("through 1989"), fiscal year, forecast ("sees $9.75 a
    share in 1988") or table row ("Stocks, Aug 31, 1987, projected at 610"). Relative dates keep their tense; a
    decade ("in the early 1990s") is read like a year. The past verb must come before the date in its clause."""
    if atom.kind not in ("date", "year", "date_range") or (atom.date is not None and not atom.attrs.get("decade")):
        return True
    left, _ = _clause(text, atom.start, atom.end)
    if not EVENT_DATE_BEFORE.search(text, left, atom.start):
        return False
    past = _past_hits(text, left, atom.start)
    return bool(past) and not NOT_EVENT.search(text, past[-1][1], atom.start)


# --- scanning -----------------------------------------------------------------------------

TOKEN = re.compile(r"[A-Za-z]+|\d+")


def _firsts(*groups) -> set[str]:
    return {str(w).split()[0].split("-")[0].lower() for group in groups for w in group}


DIGIT = "#"
# The words a pattern can start with: patterns are tried only where such a word starts (DIGIT: any number).
TRIGGERS: dict[str, set[str]] = {
    "MONTH_DAY": _firsts(MONTHS),
    "DAY_MONTH": _firsts(ORDINAL_WORDS, ["the", DIGIT]),
    "MONTH_YEAR": _firsts(MONTHS),
    "MONTH_ONLY": _firsts(MONTHS),
    "SLASH_DAY": _firsts(MONTHS, [DIGIT]),
    "NTH_DAY": {"on"},
    "DECADE": {"the", DIGIT},
    "CENTURY": {"the", DIGIT},
    "QUARTER": _firsts(QUARTER_ORDINALS, ["the", "q", "h", DIGIT]),
    "WEEKDAY": _firsts(MODIFIERS, WEEKDAYS, ["week"]),
    "RELATIVE_DAY": _firsts(RELATIVE_DAYS, ["this", "last"]),
    "RELATIVE_PERIOD": _firsts(MODIFIERS, ["earlier", "later", "early", "late", "the"]),
    "THE_WEEKEND": {"over", "at", "on", "during", "for"},
    "RELATIVE_MONTH": _firsts(MODIFIERS),
    "COUNTED_PERIOD": _firsts(MODIFIERS, ["the"]),
    "OFFSET": _firsts(NUMBER_WORDS, ["the", DIGIT]),
    "IN_OFFSET": {"in"},
    "DURATION": _firsts(NUMBER_WORDS, TIME_UNITS, [DIGIT]),
    "HOLIDAY": _firsts(MODIFIERS, HOLIDAYS),
    "ANNIVERSARY": _firsts(ORDINAL_WORDS, [DIGIT]),
}


def _starts(text: str) -> dict[str, list[int]]:
    """Where each trigger word starts in the text (lower-cased; numbers under DIGIT)."""
    at: dict[str, list[int]] = {}
    for m in TOKEN.finditer(text):
        word = m.group(0)
        key = DIGIT if word[0].isdigit() else word.lower()
        at.setdefault(key, []).append(m.start())
    return at


def _scan(name: str, text: str, starts: dict[str, list[int]]):
    """Like PATTERN.finditer(text), trying the pattern only where one of its trigger words starts."""
    pattern = globals()[name]
    positions = sorted(p for word in TRIGGERS[name] for p in starts.get(word, ()))
    after = -1
    for pos in positions:
        if pos < after:
            continue
        m = pattern.match(text, pos)
        if m and m.end() > m.start():
            after = m.end()
            yield m


# --- finding atoms --------------------------------------------------------------------------


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z][\w'’.]*)[\s-]*$", text[max(0, start - 30) : start])
    return m.group(1).lower().rstrip(".") if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Za-z][\w'’-]*)", text[end : end + 30])
    return m.group(1) if m else ""


def _month_ok(token: str, alone: bool, text: str, start: int) -> bool:
    """Whether a month spelling is a month here: "may" and "march" need a capital or a day or year beside them."""
    low = token.lower().rstrip(".")
    if low in AMBIGUOUS_MONTHS and token[0].islower():
        return not alone and low not in ("may", "march")
    if alone and low in AMBIGUOUS_MONTHS:
        return _word_before(text, start) in DATE_PREPOSITIONS
    return True


def _is_year(text: str, m: re.Match) -> bool:
    """A standalone four-digit number is a year unless the words around it make it a count or a name."""
    y = int(m.group("y"))
    if not 1800 <= y <= 2100:
        return False
    if m.group("poss"):
        return True
    before = _word_before(text, m.start())
    gap = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$£€¥#]\s*$|\d[\s,]*$", gap):
        return False
    if before in STRONG_YEAR_CUES:
        return True
    if before in NOT_YEAR_BEFORE:
        return False
    after = _word_after(text, m.end())
    low = after.lower()
    if low in COUNT_NOUNS:
        return False
    if re.match(r"\s*(?:%|per\s*cent|pct|percent|m\b|bn\b|km\b|kg\b)", text[m.end() : m.end() + 10], re.I):
        return False
    if low and after[0].islower() and low.endswith("s") and len(low) > 3 and low not in TIME_WORDS:
        if not re.fullmatch(r"(?:was|has|is|its|this|thus|plus|less|as|us|yes|across|always|sales|results)", low):
            return False
    return True


def _atoms(text: str, published: dt.date | None) -> list[Atom]:
    out: list[Atom] = []
    starts = _starts(text)
    add = out.append

    for m in _scan("MONTH_DAY", text, starts):
        if not _month_ok(m.group("mon"), False, text, m.start()):
            continue
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        if m.group("ordw"):
            if m.group("mon")[0].islower() and m.group("mon").lower() in ("may", "march"):
                continue
            day = _ordinal_day(m.group("ordw"))
        else:
            day = int(m.group("day"))
        if day is None or not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        if m.group("yy"):
            year = _two_digit_year(int(m.group("yy")), published)
        atom = Atom(m.start(), m.end(), "date", year, month, day)
        if (
            m.group("day2")
            and m.group("conn").strip().lower() == "and"
            and not re.search(r"\bbetween\s+$", text[max(0, m.start() - 10) : m.start()], re.I)
        ):
            atom.end = m.start("conn")  # "May 3 and 5 June" are two dates
        elif m.group("day2"):
            day2 = int(m.group("day2"))
            if not 1 <= day2 <= 31:
                continue
            atom.kind = "date_range"
            atom.end_atom = Atom(m.start("day2"), m.end(), "date", year, month, day2)
        add(atom)

    for m in _scan("DAY_MONTH", text, starts):
        mon = m.group("mon")
        if mon[0].islower() and mon.lower() in ("may", "march", "mar"):
            continue
        if not _month_ok(mon, False, text, m.start()):
            continue
        month = MONTHS[mon.lower().rstrip(".")]
        day = _ordinal_day(m.group("ordw")) if m.group("ordw") else int(m.group("day"))
        if day is None or not 1 <= day <= 31:
            continue
        if not m.group("ordw") and re.search(r"[$£€¥]\s*$|\d[.,]$", text[max(0, m.start() - 2) : m.start()]):
            continue
        year = int(m.group("year")) if m.group("year") else None
        atom = Atom(m.start(), m.end(), "date", year, month, day)
        first = m.group("day0") or m.group("ordw0")
        if first:
            day0 = int(m.group("day0")) if m.group("day0") else _ordinal_day(first)
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

    for m in _scan("MONTH_YEAR", text, starts):
        if not _month_ok(m.group("mon"), False, text, m.start()):
            continue
        if m.group("year"):
            year = int(m.group("year"))
        else:
            year = _two_digit_year(int(m.group("yy") or m.group("yy2")), published)
        add(Atom(m.start(), m.end(), "date", year, MONTHS[m.group("mon").lower().rstrip(".")]))

    for m in _scan("MONTH_ONLY", text, starts):
        token = m.group("mon")
        low = token.lower().rstrip(".")
        if token[0].islower() and low in AMBIGUOUS_MONTHS | {"may", "march"}:
            continue
        strong = _word_before(text, m.start()) in DATE_PREPOSITIONS or bool(
            PART_PREFIX.search(text[max(0, m.start() - 20) : m.start()])
        )
        if low in ("may", "march") and not strong:
            continue
        weak = not strong and (low in AMBIGUOUS_MONTHS or token[0].islower())
        if re.match(r"\s*(?:I|you|we|he|she|it|they)\b", text[m.end() : m.end() + 6]) and low == "may":
            continue
        add(Atom(m.start(), m.end(), "date", None, MONTHS[low], weak=weak))

    for m in ISO_DATE.finditer(text):
        month = int(m.group("m")) if m.group("m") else MONTHS[m.group("mon").lower().rstrip(".")]
        day, year = int(m.group("d")), int(m.group("year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Atom(m.start(), m.end(), "date", year, month, day))

    for m in NUMERIC_DATE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else _two_digit_year(int(y), published)
        if m.group("sep") == "." and len(y) != 4:
            continue
        month, day = (b, a) if m.group("sep") == "." or a > 12 else (a, b)
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Atom(m.start(), m.end(), "date", year, month, day))

    for m in COMPACT_DATE.finditer(text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            add(Atom(m.start(), m.end(), "date", y, mo, d))

    for m in _scan("SLASH_DAY", text, starts):
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

    for m in _scan("NTH_DAY", text, starts):
        day = int(m.group("day"))
        if 1 <= day <= 31:
            add(Atom(m.start() + 3, m.end(), "date", day=day))  # the month comes from publication

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

    for m in _scan("DECADE", text, starts):
        y = int(m.group("y")) if m.group("y") else 1900 + int(m.group("yy"))
        add(Atom(m.start(), m.end(), "date_range", date=_iso(y), date_end=_iso(y + 9), attrs={"decade": True}))

    for m in _scan("CENTURY", text, starts):
        n = int(m.group("n"))
        if 1 <= n <= 22:
            first = max(1, (n - 1) * 100)  # there is no year 0
            add(Atom(m.start(), m.end(), "date_range", date=_iso(first), date_end=_iso((n - 1) * 100 + 99)))

    for m in _scan("QUARTER", text, starts):
        q = m.group("q") or m.group("q2")
        if q:
            half = q[0].upper() == "H"
            n = int(q[1])
        else:
            half = m.group("kind").lower() == "half"
            n = QUARTER_ORDINALS[m.group("ord").lower()]
            if half and n > 2:
                n = 2
        year = m.group("y") or m.group("y2") or m.group("y3")
        if year:
            y = int(year)
        elif published:
            rel = m.group("rel").split()[0].lower()
            y = published.year + {"last": -1, "next": 1}.get(rel, 0)
        else:
            continue
        size = 6 if half else 3
        first = (n - 1) * size + 1
        add(Atom(m.start(), m.end(), "date_range", date=_iso(y, first), date_end=_iso(y, first + size - 1)))

    _period_atoms(text, out)
    _relative_atoms(text, published, out, starts)
    _duration_atoms(text, published, out, starts)
    _week_of(text, out)
    return out


def _period_atoms(text: str, out: list[Atom]) -> None:
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
        out.append(Atom(m.start(), m.end(), "date_range", date=_iso_date(monday), date_end=_iso_date(end_day)))


def _week_of(text: str, out: list[Atom]) -> None:
    """ "the week of April 10": the week (Monday to Sunday) holding a date; resolved with the date."""
    if "week" not in text.lower():
        return
    days = {a.start: a for a in out if a.kind == "date" and a.day is not None and a.date is None}
    for m in WEEK_OF.finditer(text):
        day = days.get(m.end())
        if day is not None:
            atom = Atom(m.start(), day.end, "date", day.year, day.month, day.day, attrs={"week": True})
            out.append(atom)


def _relative_atoms(text: str, published: dt.date | None, out: list[Atom], starts: dict[str, list[int]]) -> None:
    add = out.append
    for m in _scan("WEEKDAY", text, starts):
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

    for m in _scan("RELATIVE_DAY", text, starts):
        if m.group("rel"):
            offset = RELATIVE_DAYS[re.sub(r"\s+", " ", m.group("rel").lower())]
            relation = m.group(0).lower()
        else:
            part = m.group("part2").lower()
            offset = -1 if m.group("this").lower() == "last" and part == "night" else 0
            if m.group("this").lower() == "last" and part != "night":
                continue
            relation = m.group(0).lower()
        date = _iso_date(published + dt.timedelta(days=offset)) if published else None
        add(Atom(m.start(), m.end(), "relative_date", date=date, attrs={"relation": relation}))

    for m in _scan("RELATIVE_PERIOD", text, starts):
        mod = m.group("mod").lower()
        direction = MODIFIERS[re.sub(r"\s+", " ", mod)]
        unit = m.group("unit").lower()
        relation = re.sub(r"\s+", " ", m.group(0).lower())
        date = date_end = None
        if published:
            step = {"past": -1, "future": 1, "this": 0}[direction]
            if unit == "week":
                monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
                date, date_end = _iso_date(monday), _iso_date(monday + dt.timedelta(days=6))
            elif unit == "weekend":
                saturday = published + relativedelta(weekday=weekday_of(5)(-1 if published.weekday() == 6 else 1))
                saturday += dt.timedelta(weeks=step)
                date, date_end = _iso_date(saturday), _iso_date(saturday + dt.timedelta(days=1))
            elif unit == "month":
                date = _iso_date(published + relativedelta(months=step), 2)
            elif unit == "year":
                date = _iso(published.year + step)
            elif unit == "quarter":
                q0 = (published.month - 1) // 3 + step
                y = published.year + q0 // 4
                first = (q0 % 4) * 3 + 1
                date, date_end = _iso(y, first), _iso(y, first + 2)
            else:  # decade
                y = published.year // 10 * 10 + 10 * step
                date, date_end = _iso(y), _iso(y + 9)
        add(Atom(m.start(), m.end(), "relative_date", date=date, date_end=date_end, attrs={"relation": relation}))

    for m in _scan("THE_WEEKEND", text, starts):
        date = date_end = None
        if published:
            if tense_at(text, m.start(), m.end()) == "past" or published.weekday() >= 5:
                saturday = published + relativedelta(
                    days=-1 if published.weekday() == 5 else 0, weekday=weekday_of(5)(-1)
                )
            else:
                saturday = published + relativedelta(weekday=weekday_of(5)(1))
            date, date_end = _iso_date(saturday), _iso_date(saturday + dt.timedelta(days=1))
        start = m.end() - len("the weekend")
        add(Atom(start, m.end(), "relative_date", date=date, date_end=date_end, attrs={"relation": "the weekend"}))

    for m in _scan("RELATIVE_MONTH", text, starts):
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
            date = _iso(y, month)
        add(Atom(m.start(), m.end(), "relative_date", date=date, attrs={"relation": f"{mod} {token.lower()}"}))

    for m in _scan("COUNTED_PERIOD", text, starts):
        n = _number(m.group("n"))
        if n is None or not published:
            continue
        unit = m.group("unit")
        future = m.group("mod").lower() in ("next", "coming", "following")
        try:
            if unit.lower().startswith("quarter"):  # whole quarters: "the past two quarters"
                q_start = dt.date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
                lo = q_start + relativedelta(months=3) if future else q_start - relativedelta(months=int(3 * n))
                hi = lo + relativedelta(months=int(3 * n), days=-1)
            elif future:
                lo = published + dt.timedelta(days=1)
                hi = published + _shift(unit, n, 1)
            else:
                lo, hi = published + _shift(unit, n, -1), published
        except (ValueError, OverflowError):
            continue  # "the past 5,000 years" runs off the calendar
        add(
            Atom(
                m.start(),
                m.end(),
                "relative_date",
                date=_iso_date(lo),
                date_end=_iso_date(hi),
                attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())},
            )
        )

    for m in _scan("OFFSET", text, starts):
        if m.group("unit2"):
            n, unit, direction = 1.0, m.group("unit2"), m.group("dir2").lower()
        else:
            n = _number(m.group("n"))
            unit, direction = m.group("unit"), re.sub(r"\s+", " ", m.group("dir").lower())
        if n is None:
            continue
        atom = Atom(m.start(), m.end(), "relative_date", attrs={"relation": re.sub(r"\s+", " ", m.group(0).lower())})
        if m.group("unit2"):
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

    for m in _scan("IN_OFFSET", text, starts):
        n = _number(m.group("n"))
        tense = tense_at(text, m.start(), m.end())
        if (
            n is None
            or tense == "past"
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

    for m in _scan("HOLIDAY", text, starts):
        if m.group(0)[0].islower() and not (m.group("year") or m.group("mod")):
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
        add(atom)


def _duration_atoms(text: str, published: dt.date | None, out: list[Atom], starts: dict[str, list[int]]) -> None:
    for m in _scan("DURATION", text, starts):
        unit = (m.group("unit") or m.group("long")).lower()
        adjective = m.group(0).lower().endswith("-long")  # "a week-long strike": "a" goes with the strike
        word = re.sub(r"\s+", " ", m.group("n").lower()) if m.group("n") else ""
        article = word in ("a", "an") and m.group("sep") != "-"
        if article and not adjective and not _a_duration(text, m):
            continue
        n = 1.0 if m.group("long") else _number(word)
        if n is None:
            continue
        if re.search(r"\b(?:aged?|ages)\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
            continue
        if unit.startswith("quarter") and _fraction_quarter(text, m):
            continue
        spec = TIME_UNITS[unit]
        value = n * spec.get("value", 1)
        if re.search(r"and\s+a\s+half", m.group(0), re.I):
            value += 0.5 * spec.get("value", 1)
        atom = Atom(m.start("unit") if article and adjective else m.start(), m.end(), "duration", value=value)
        atom.unit = spec["unit"]
        after = re.match(r"\s+(on\s+from|after|later|before|earlier)\b", text[m.end() : m.end() + 16], re.I)
        if after:
            atom.attrs["relation"] = ELAPSED[re.sub(r"\s+", " ", after.group(1).lower())]
            atom.attrs["elapsed"] = after.group(1).lower().split()[0] in ("later", "earlier")  # counted back
        out.append(atom)


def _a_duration(text: str, m: re.Match) -> bool:
    """ "for a week", "a fortnight later": "a" counts one unit; "$500 a week", "twice a week" are rates."""
    if _word_after(text, m.end()).lower() in DURATION_AFTER:
        return True
    before = text[max(0, m.start() - 30) : m.start()]
    if re.search(r"(?:^|[.;:!?(\u2014]|\s[-\u2013])\s*$", before):
        return True  # the head of a sentence or clause
    return _word_before(text, m.start()) in A_DURATION_BEFORE


def _fraction_quarter(text: str, m: re.Match) -> bool:
    """ "three-quarters", "three quarters of the staff": a fraction, not a span of three-month quarters."""
    if m.group("sep") == "-" or m.group("long"):
        return True
    of = re.match(r"\s+of\s+([A-Za-z]+)", text[m.end() : m.end() + 30])
    return bool(of and of.group(1).lower() in FRACTION_OF)


# --- combining atoms ------------------------------------------------------------------------


RANGE_GAP = re.compile(rf"^{CONNECT}$|^\s+and\s+$", re.I)
DATE_KINDS = ("date", "year")


def _combine(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join date atoms into ranges, and weekdays into the dates they name."""
    atoms.sort(key=lambda a: (a.start, -a.end))
    # the longest atom at each place, for pairing neighbours
    chosen = _choose(atoms)
    extra: list[Atom] = []
    used: set[int] = set()
    for a, b in zip(chosen, chosen[1:], strict=False):
        gap = text[a.end : b.start]
        offset = a.attrs.get("offset")
        if offset and offset[3] == "next" and not gap.strip() and b.kind in ("date", "weekday", "relative_date"):
            merged = Atom(
                a.start, b.end, "relative_date", attrs={"relation": re.sub(r"\s+", " ", text[a.start : b.end].lower())}
            )
            merged.attrs["offset"] = (*offset[:3], "ref")
            merged.end_atom = b
            used.add(id(a))
            extra.append(merged)
            continue
        if (
            a.kind in DATE_KINDS
            and a.date is None
            and a.precision >= 2
            and b.kind == "relative_date"
            and b.date
            and "offset" not in b.attrs
            and len(b.date) == 10
            and RANGE_GAP.match(gap)
        ):
            extra.append(Atom(a.start, b.end, "date_range", a.year, a.month, a.day, end_atom=b))
            continue
        if a.kind in DATE_KINDS and b.kind in DATE_KINDS and a.date is None and b.date is None and RANGE_GAP.match(gap):
            if gap.strip().lower() == "and" and not re.search(
                r"\bbetween\s+$", text[max(0, a.start - 10) : a.start], re.I
            ):
                continue
            if (
                (a.month is None) != (b.month is None)
                and a.year is not None
                and b.year is not None
                and gap.strip() == "-"
            ):
                pass
            rng = Atom(a.start, b.end, "date_range", a.year, a.month, a.day, end_atom=b)
            if b.year is not None and a.year is None:
                rng.year = b.year - (1 if a.month and b.month and a.month > b.month else 0)
            elif a.year is not None and b.year is None and b.month is not None:
                b.year = a.year + (1 if a.month and b.month < a.month else 0)
            extra.append(rng)
        if a.kind == "weekday" and b.kind == "date" and b.day is not None and WEEKDAY_DATE_GAP.match(gap):
            merged = Atom(a.start, b.end, "date", b.year, b.month, b.day, weekday=a.weekday)
            merged.attrs["weekday"] = a.weekday
            extra.append(merged)
    keep = []
    for x in atoms:
        offset = x.attrs.get("offset")
        if offset and offset[3] == "next" and id(x) not in used:
            if not x.attrs.get("standalone"):
                continue  # "two days after the vote": the duration stands alone
            x.attrs["offset"] = (*offset[:3], "previous")
        keep.append(x)
    return keep + extra


def _choose(atoms: list[Atom]) -> list[Atom]:
    """The longest atoms that do not overlap one another (the earlier one first among equals), in text order."""
    chosen: list[Atom] = []
    placed: list[Atom] = []  # the chosen atoms sorted by start: disjoint, so only neighbours can overlap a new one
    starts: list[int] = []
    for atom in sorted(atoms, key=lambda a: (-(a.end - a.start), a.start)):
        i = bisect.bisect_left(starts, atom.end)  # placed[:i] start before atom ends
        if _reaches(placed, i, atom.start):
            continue
        j = bisect.bisect_right(starts, atom.start)
        starts.insert(j, atom.start)
        placed.insert(j, atom)
        chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


def _reaches(placed: list[Atom], i: int, start: int) -> bool:
    """Does any of placed[:i] end after start? Non-empty disjoint atoms end in start order, so the last non-empty
    one before i has the furthest end; empty atoms (if any) are looked at on the way back to it."""
    for k in range(i - 1, -1, -1):
        c = placed[k]
        if c.end > start:
            return True
        if c.end > c.start:
            return False
    return False


def _weekday_day(text: str, atoms: list[Atom], published: dt.date | None) -> None:
    """ "Monday 21", "friday the 26th": the nearest month in which that day falls on that weekday."""
    for a in list(atoms):
        if a.kind != "weekday" or "mod" in a.attrs:
            continue
        m = re.match(
            r"\s*,?\s*(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)?(?![\w:/.-]|\s*(?:o'?clock|[ap]\.?m\b))"
            rf"(?!\s+(?:of\s+)?(?i:{_names(MONTHS)}))",  # "Tuesday, 1 March": the date names its month
            text[a.end : a.end + 20],
        )
        if not m or not published or not 1 <= int(m.group(1)) <= 31:
            continue
        day, best = int(m.group(1)), None
        for k in range(-12, 13):
            first = dt.date(published.year, published.month, 1) + relativedelta(months=k)
            if day <= _calendar.monthrange(first.year, first.month)[1]:
                when = first.replace(day=day)
                if when.weekday() == a.weekday and (
                    best is None or abs((when - published).days) < abs((best - published).days)
                ):
                    best = when
        if best:
            atom = Atom(a.start, a.end + m.end(), "date", best.year, best.month, best.day, weekday=a.weekday)
            atom.attrs["weekday"] = a.weekday
            atoms.append(atom)


# --- resolving to figures -------------------------------------------------------------------


def _resolve_point(atom: Atom, published: dt.date | None, tense: str | None) -> tuple[str | None, bool, bool]:
    """(ISO date, valid, year inferred) for a date or year atom."""
    if atom.year is None and atom.month is None and atom.day is not None:
        if published is None:
            return None, True, True
        candidates = [dt.date(published.year, published.month, 1) + relativedelta(months=k) for k in (-1, 0, 1)]
        options = [_safe_date(c.year, c.month, atom.day) for c in candidates]
        if tense == "past":
            options = [o for o in options if o <= published] or options
        elif tense == "future":
            options = [o for o in options if o >= published] or options
        best = min(options, key=lambda o: abs((o - published).days))
        return _iso(best.year, best.month, atom.day), _valid(best.year, best.month, atom.day), True
    if atom.year is None and atom.month is None:
        return None, True, False
    inferred = False
    year = atom.year
    if year is None:
        if published is None:
            return None, True, True
        year, inferred = (
            _infer_year(atom.month, atom.day if atom.day and atom.day <= 31 else None, published, tense),
            True,
        )
    valid = atom.day is None or _valid(year, atom.month, atom.day)
    return _iso(year, atom.month, atom.day), valid, inferred


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
    _weekday_day(text, atoms, published)
    atoms = _combine(text, atoms)
    chosen = [a for a in _choose(atoms) if not a.weak]
    _extend_parts(text, chosen)
    figures: list[Figure] = []
    previous: tuple[dt.date, int] | None = None
    for atom in chosen:
        try:
            fig, anchor = _figure(text, atom, published, previous)
        except (ValueError, OverflowError):  # arithmetic that runs off the calendar ("in 9,000 years"): no date
            fig, anchor = _undated(text, atom), None
        if fig is not None:
            figures.append(fig)
            if anchor is not None:
                previous = anchor
    return _anniversaries(text, _elapsed_links(text, figures))


SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"“‘(]?[A-Z0-9])|\n")
EVENT_KINDS = ("date", "date_range", "weekday", "relative_date", "year")


def _elapsed_links(text: str, figures: list[Figure]) -> list[Figure]:
    """ "two days after the vote on March 3": attr link_span on the duration is the span of the event's figure,
    the next calendar figure of the sentence for "after"/"before", the previous one for "later"/"earlier"."""
    out = []
    for i, fig in enumerate(figures):
        attrs = dict(fig.attrs)
        back = attrs.pop("elapsed", None)
        if back is None:
            out.append(fig)
            continue
        # The nearest event figure with no sentence end between: figures are disjoint and in text order, so once
        # a sentence end lies between, it lies between every figure further away too.
        event = None
        for k in range(i - 1, -1, -1) if back else range(i + 1, len(figures)):
            f = figures[k]
            if f.kind not in EVENT_KINDS:
                continue
            gap = (f.span.end, fig.span.start) if back else (fig.span.end, f.span.start)
            if not SENTENCE_END.search(text, *gap):
                event = f
            break
        if event is not None:
            attrs["link_span"] = (event.span.start, event.span.end)
        out.append(dataclasses.replace(fig, attrs=tuple(sorted(attrs.items()))))
    return out


def _undated(text: str, atom: Atom) -> Figure:
    kind = "relative_date" if "offset" in atom.attrs or "holiday" in atom.attrs else atom.kind
    attrs = {k: v for k, v in atom.attrs.items() if k in ("relation", "weekday", "part")}
    return Figure("", Span(atom.start, atom.end), text[atom.start : atom.end], kind, attrs=tuple(sorted(attrs.items())))


def _extend_parts(text: str, atoms: list[Atom]) -> None:
    """ "mid-March", "early 2023", "the end of March": the part of the period joins the figure."""
    for atom in atoms:
        if atom.kind in ("date", "year", "date_range") and atom.day is None:
            m = PART_PREFIX.search(text[max(0, atom.start - 24) : atom.start])
            if m:
                atom.attrs["part"] = re.sub(r"\s+", " ", m.group("part").lower()).removeprefix("the ")
                atom.start = atom.start - (len(text[max(0, atom.start - 24) : atom.start]) - m.start())


def _figure(text: str, atom: Atom, published: dt.date | None, previous) -> tuple[Figure | None, Any]:
    span = Span(atom.start, atom.end)
    surface = text[atom.start : atom.end]
    tense = tense_at(text, atom.start, atom.end)
    attrs = dict(atom.attrs)
    attrs.pop("mod", None)
    attrs.pop("standalone", None)
    if tense and atom.kind != "duration" and (tense != "past" or _event_date(text, atom)):
        attrs["tense"] = tense
    if atom.kind == "duration":
        return Figure(
            "", span, surface, "duration", value=atom.value, unit=atom.unit, attrs=tuple(sorted(attrs.items()))
        ), None
    date = date_end = None
    kind = atom.kind
    precision = 3
    if "offset" in attrs:
        unit, n, sign, base = attrs.pop("offset")
        start_from = published
        if base == "ref":
            ref, _ = _figure(text, atom.end_atom, published, previous)
            anchor = _anchor(ref.date) if ref is not None else None
            if anchor is None:
                return Figure("", span, surface, "relative_date", attrs=tuple(sorted(attrs.items()))), None
            when = anchor[0] + _shift(unit, n, sign)
            return Figure(
                "", span, surface, "relative_date", date=_iso_date(when), attrs=tuple(sorted(attrs.items()))
            ), (when, 3)
        if base == "previous" and previous is not None:
            start_from, precision = previous
        if start_from is None:
            return Figure("", span, surface, "relative_date", attrs=tuple(sorted(attrs.items()))), None
        when = start_from + _shift(unit, n, sign)
        date = _iso_date(when, precision)
        return Figure("", span, surface, "relative_date", date=date, attrs=tuple(sorted(attrs.items()))), (
            when,
            precision,
        )
    if "holiday" in attrs:
        rule, year, mod, explicit = attrs.pop("holiday")
        when = _holiday(rule, year)
        if not explicit and published is not None:
            direction = MODIFIERS.get(mod) if mod else ("future" if tense == "future" else "past")
            if direction == "past" and when > published:
                when = _holiday(rule, year - 1)
            elif direction == "future" and when <= published:
                when = _holiday(rule, year + 1)
        return Figure("", span, surface, kind, date=_iso_date(when), attrs=tuple(sorted(attrs.items()))), (when, 3)
    if atom.kind == "weekday":
        if published is not None:
            when = _weekday_date(atom.weekday, published, tense, atom.attrs.get("mod"))
            date = _iso_date(when)
            attrs.setdefault("relation", "on or before publication" if when <= published else "after publication")
            return Figure("", span, surface, "weekday", date=date, attrs=tuple(sorted(attrs.items()))), (when, 3)
        return Figure("", span, surface, "weekday", attrs=tuple(sorted(attrs.items()))), None
    if atom.date is not None or atom.kind == "relative_date":
        date, date_end = atom.date, atom.date_end
        fig = Figure("", span, surface, kind, date=date, date_end=date_end, attrs=tuple(sorted(attrs.items())))
        return fig, _anchor(date)
    end = atom.end_atom
    inferred = False
    if (
        end is not None
        and tense == "future"
        and published is not None
        and atom.year is None
        and end.year is None
        and atom.month
        and end.month
    ):
        # a future range is one that has not ended by publication
        end.year = _infer_year(end.month, end.day, published, "future")
        atom.year = end.year - (1 if atom.month > end.month else 0)
        inferred = True
    date, valid, inferred_start = _resolve_point(atom, published, tense)
    inferred = inferred or inferred_start
    if end is not None:
        if end.date:
            date_end, valid_end = end.date, True
        else:
            if end.year is None and published is not None and date is not None:
                end.year = int(date[:4]) + (1 if end.month and atom.month and end.month < atom.month else 0)
            date_end, valid_end, _ = _resolve_point(end, published, tense)
        valid = valid and valid_end
    if not valid:
        attrs["valid"] = False
    if inferred:
        attrs["relation"] = "year from publication"
        if atom.day is None and atom.end_atom is None:
            kind = "relative_date"
            attrs["relation"] = surface.lower()
    if kind == "date" and atom.month is None and atom.day is None:
        kind = "year"
    if attrs.get("weekday") is None:
        attrs.pop("weekday", None)
    if BORN.search(text[max(0, atom.start - 30) : atom.start]):
        attrs["born"] = True
    if attrs.pop("week", False) and valid and date is not None and len(date) == 10:
        monday = dt.date.fromisoformat(date)
        monday -= dt.timedelta(days=monday.weekday())
        kind, date, date_end = "date_range", _iso_date(monday), _iso_date(monday + dt.timedelta(days=6))
    fig = Figure("", span, surface, kind, date=date, date_end=date_end, attrs=tuple(sorted(attrs.items())))
    return fig, _anchor(date) if valid else None


def _anchor(date: str | None) -> tuple[dt.date, int] | None:
    """The first day an ISO date of any precision means, and its precision; None for no such day."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), len(parts)
    except (ValueError, IndexError, OverflowError):
        return None


def _holiday(rule, year: int) -> dt.date:
    if isinstance(rule, list):
        return dt.date(year, rule[0], rule[1])
    return _movable(rule, year)


def _anniversaries(text: str, figures: list[Figure]) -> list[Figure]:
    """ "the 20th anniversary of the 2001 accord": anniversary=20 on the year figure it refers to."""
    if "anniversar" not in text:
        return figures
    for m in ANNIVERSARY.finditer(text):
        n = int(m.group("n")) if m.group("n") else ORDINAL_WORDS[m.group("w").lower()]
        for i, fig in enumerate(figures):
            if fig.span.start >= m.end() and fig.span.start - m.end() <= 60 and fig.is_calendar:
                attrs = dict(fig.attrs)
                attrs["anniversary"] = n
                figures[i] = Figure(
                    fig.id,
                    fig.span,
                    fig.surface,
                    fig.kind,
                    date=fig.date,
                    date_end=fig.date_end,
                    attrs=tuple(sorted(attrs.items())),
                )
                break
    return figures
