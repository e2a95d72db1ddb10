"""The regexes that find calendar atoms in text: dates, years, periods, weekdays, relative dates, durations."""

from __future__ import annotations

import re

from .words import (
    CLOCK_UNITS,
    HOLIDAYS,
    LEX,
    MODIFIERS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERIOD_ORDINALS,
    QUARTER_ORDINALS,
    RELATIVE_DAYS,
    TENS,
    TIME_UNITS,
    WEEKDAYS,
    alt,
    lead,
    names,
)

MON = rf"(?P<mon>{names(MONTHS)})"
MON2 = MON.replace("?P<mon>", "?P<mon2>")
WD = rf"(?P<wd>{names(WEEKDAYS)})(?!'s|’s)"
PARTS = alt(LEX["day_parts"])
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|\.\d|\s*(?:%|per\s*cent|pc\b|am\b|pm\b|a\.m|p\.m|[ap]\b))"
DAY2 = DAY.replace("?P<day>", "?P<day2>")
DAY0 = DAY.replace("?P<day>", "?P<day0>")
ORDW = (
    r"(?P<ordw>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    rf"|one|two|three|four|five|six|seven|eight|nine)|{alt(ORDINAL_WORDS)})\b"
)
# A four-digit number before a time zone is a clock time ("2000 GMT").
TIME_AFTER = rf"(?![ \u00a0]*(?i:{alt(LEX['time_after_number'])})\b)"
YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)(?!\d)" + TIME_AFTER
YEAR2 = YEAR.replace("?P<year>", "?P<year2>")
NUMW = alt(k for k in NUMBER_WORDS)
NUM = rf"(?P<n>\d+(?:\.\d+)?|(?:{alt(TENS)})[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|(?:{NUMW}))"
UNIT = rf"(?P<unit>{alt(TIME_UNITS)})"
CONNECT = r"\s*(?:-|–|—|~|to|through|thru|till|until)\s*"
MOD = rf"(?P<mod>{alt(MODIFIERS)})"
FLAGS = re.I

MONTH_DAY = re.compile(
    lead(MONTHS) + rf"\b{MON}\s*(?:[-/]\s*|the\s+)?(?:{DAY}|{ORDW})"
    rf"(?:(?P<conn>{CONNECT}|\s+and\s+)(?:the\s+)?{DAY2}(?!\s*(?:{alt(MONTHS)})\b))?"
    rf"(?:\s*,?\s*(?:of\s+|in\s+)?{YEAR}|\s*,\s*'(?P<yy>\d\d)\b)?",
    FLAGS,
)
DAY_MONTH = re.compile(
    lead(ORDINAL_WORDS, ["the"], digits=True)
    + rf"\b(?:the\s+)?(?:(?:{DAY0}|(?P<ordw0>{alt(ORDINAL_WORDS)}))(?:{CONNECT}|\s+and\s+)(?:the\s+)?)?"
    rf"(?:{DAY}|{ORDW})(?:\s+day)?(?:-|\s*(?:of\s+)?){MON}(?:\s*[,-]?\s*(?:of\s+|in\s+)?{YEAR})?",
    FLAGS,
)
MONTH_YEAR = re.compile(
    lead(MONTHS) + rf"\b{MON}(?:\s*[,/-]\s*|\s+(?:of|in)\s+|\s+)(?:{YEAR}|'(?P<yy>\d\d)\b|(?<=of )(?P<yy2>\d\d)\b)",
    FLAGS,
)
# A year spoken in words after a date that has none: "nineteen eighty-six", "twenty twenty-four", "nineteen oh five",
# "two thousand and thirty-two" (dates.py reads it onto the date before it).
UNIT_WORDS = alt(w for w, v in NUMBER_WORDS.items() if v is not None and 1 <= v <= 9 and w not in ("a", "an"))
TEEN_WORDS = alt(w for w, v in NUMBER_WORDS.items() if v is not None and 10 <= v <= 19)
YEAR_REST = rf"(?:{alt(TENS)})(?:[\s-]+(?:{UNIT_WORDS}))?|{TEEN_WORDS}|oh[\s-]+(?:{UNIT_WORDS})|hundred"
SPOKEN_YEAR = re.compile(
    rf"\s*,?\s*(?:(?:of|in)\s+)?(?:(?P<c>eighteen|nineteen|twenty)[\s-]+(?P<r>{YEAR_REST})"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<r2>{YEAR_REST}|{UNIT_WORDS}))?)(?![\w-])",
    FLAGS,
)
MONTH_ONLY = re.compile(lead(MONTHS) + rf"\b{MON}(?![\w'’-])", FLAGS)
ISO_DATE = re.compile(
    rf"(?<![\w./-]){YEAR}(?P<sep>[-/.])(?:(?P<m>\d{{1,2}})|{MON})(?P=sep)(?P<d>\d{{1,2}})(?![\w/]|\.\d)", FLAGS
)
NUMERIC_DATE = re.compile(
    r"(?<![\w./,-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)"
)
# A day, a month's name and a year in any order, joined by one hyphen or slash ("September-23-2020",
# "23-2020-September"); dates.py keeps the matches that hold one of each.
_PART = rf"(?:{names(MONTHS)}|\d{{1,4}})"
ANY_ORDER_DATE = re.compile(
    rf"(?<![\w/.-])(?P<a>{_PART})(?P<sep>[-/])(?P<b>{_PART})(?P=sep)(?P<c>{_PART})(?![\w/]|[.-]\w)", FLAGS
)
COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
SLASH_DAY = re.compile(
    r"(?=\d{1,2}/\d|[A-Za-z]{3,9}\.?/\d)"
    rf"(?:(?<=\bon )|(?<=\bthis )|(?<=\bfrom )|(?<=\buntil )|(?<=\bby )|(?<=\bfor )|(?<=\bbetween )|(?<=\bto )"
    rf"|(?<=\? )|(?<=^)|(?<=[Dd]ay )|(?<=[Dd]ay, ))"  # "next Friday 5/12": a weekday before the date
    rf"(?:(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})|{MON}/(?P<md>\d{{1,2}}))(?![\w/]|[.,]\d)",
    FLAGS,
)
SLASH_RANGE = re.compile(
    r"(?<![\w/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})\s*-\s*(?P<c>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}))?(?![\w/]|[.,]\d)"
)
# "on the 21st", "on the twenty-second", "by the 3rd": a day of publication's month (or the one next to it)
NTH_DAY = re.compile(
    r"\b(?:on\s+(?:the\s+)?|(?P<prep>by|until|till|from|since|before|after|through)\s+the\s+)"
    rf"(?P<at>(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b|(?<=the ){ORDW})"
    r"(?!\s+(?:of|day|century|anniversary|floor)\b)"
    r"(?(prep)(?![ \t]+(?!at\b|and\b|or\b|to\b|in\b)[a-z])|(?(ordw)(?![ \t]+(?!at\b|and\b|or\b|to\b|in\b)[a-z])))",
    re.I,
)
YEAR_MONTH = re.compile(r"(?<![\w.,/$£€-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>\d{1,2})(?![\w%]|[.,/-]\d)")
MONTH_NUM_YEAR = re.compile(r"(?<![\w.,/$£€-])(?P<m>0?[1-9]|1[0-2])[-/](?P<y>1[89]\d\d|20\d\d)(?![\w%]|[.,/-]\d)")
# "mid-2021", "late-1990s": a part of the period joined to it by a hyphen (combine.extend_parts reads the part)
PART_HYPHEN = r"(?:(?<=\b[Mm]id-)|(?<=\b[Ee]arly-)|(?<=\b[Ll]ate-))"
YEAR_ONLY = re.compile(
    rf"(?=[12])(?:{PART_HYPHEN}|(?<![\w$£€¥#.,/\\-]))(?P<y>1[5-9]\d\d|20\d\d|2100)(?P<poss>'s|’s)?"
    r"(?![\w%]|[.,]\d|:\d|[-/–]\d)" + TIME_AFTER
)
YEAR_RANGE = re.compile(
    r"(?<![\w$£€¥#.,/-])(?P<pre>(?:from|between)\s+)?(?P<y>1[5-9]\d\d|20\d\d)"
    r"(?P<conn>\s*(?:-|–|/|~)\s*|\s+(?:to|till|until|through|thru|and)\s+)"
    r"(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\w%]|[.,]\d)",
    FLAGS,
)
DECADE = re.compile(
    lead(["the"], digits=True)
    + rf"(?:{PART_HYPHEN}|(?<![\w$£€-]))(?:the\s+)?(?P<y>1[5-9]\d0|20\d0)s\b"
    # "the 1990's", "the '80s", "the late 90s", "the mid-nineties": a part, if any, is read here (dates.py)
    rf"|\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<y4>1[5-9]\d0|20\d0)['’]s|(?P<apos>['’])?(?P<yy>\d0)['’]?s"
    rf"|(?P<word>{alt(LEX['decade_words'])}))\b",
    FLAGS,
)
# The next decade of a pair, named without "the": "the 80s and 90s", "the late fifties and early sixties".
DECADE_NEXT = re.compile(
    rf"\s+(?:and|or|to|through|into)\s+(?P<at>(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<apos>['’])?(?P<yy>\d0)['’]?s"
    rf"|(?P<word>{alt(LEX['decade_words'])})))\b",
    re.I,
)
DECADE_NOT_NEAR = re.compile("|".join(LEX["decade_not_near"]), re.I)
CENTURY = re.compile(lead(["the"], digits=True) + r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", FLAGS)
QUARTER = re.compile(
    r"\b(?:(?P<q>Q[1-4]|H[12]|[1-4]Q|[12]H)\s*[-/]?\s*(?P<y>1[89]\d\d|20\d\d)"
    r"|(?P<y2>1[89]\d\d|20\d\d)\s*[-/]?\s*(?P<q2>Q[1-4]|H[12])"
    # "Q3 '23", "3Q23", "1H24": a quarter or half with a two-digit year
    r"|(?P<q3>Q[1-4]|H[12]|[1-4]Q|[12]H)(?:\s?['’]|(?<=\d[QH]))(?P<yy>\d\d)"
    rf"|(?:the\s+)?(?:(?P<ord>{alt(QUARTER_ORDINALS)})\s+(?P<kind>quarter|half)|(?P<named>{alt(LEX['named_quarters'])})"
    r"\s+quarter)\s+of\s+(?:(?P<y3>1[89]\d\d|20\d\d)"
    r"|(?P<rel>the\s+year|this\s+year|last\s+year|next\s+year)))(?!\w)",
    FLAGS,
)
PERIOD_OF = re.compile(
    rf"\b(?:the\s+)?(?:(?P<ordw>{alt(PERIOD_ORDINALS)})|(?P<ordn>\d{{1,2}})(?:st|nd|rd|th))\s+(?P<unit>week|month)"
    rf"\s+of\s+(?:the\s+year\s+)?(?:{MON}\s*,?\s*)?{YEAR}",
    FLAGS,
)
WEEK_OF = re.compile(rf"\bthe\s+week\s+(?:{alt(LEX['week_of_words'])})\s+", FLAGS)
WEEKDAY = re.compile(
    lead(MODIFIERS, WEEKDAYS, ["week"])
    + rf"\b(?:{MOD}\s+)?(?:week\s*-?\s*)?{WD}(?!s\b)(?:\s+(?:in\s+the\s+)?(?P<part>{PARTS})\b(?!s))?",
    FLAGS,
)
WEEKDAY_DATE_GAP = re.compile(r"\s*(?:,|\(|-)?\s*(?:the\s+)?$")
RELATIVE_DAY = re.compile(
    lead(RELATIVE_DAYS, ["this", "last"])
    + rf"\b(?P<rel>{alt(RELATIVE_DAYS)})\b(?:\s+(?:in\s+the\s+)?(?P<part>{PARTS})\b)?"
    rf"|\b(?P<this>this|last)\s+(?P<part2>{PARTS})\b",
    FLAGS,
)
RELATIVE_PERIOD = re.compile(
    lead(["earlier", "later", "early", "late", "the"], MODIFIERS)
    + rf"\b(?:(?P<adv>earlier|later|early|late)\s+)?(?:the\s+)?{MOD}\s+"
    r"(?:(?P<kind>calendar|fiscal|financial)\s+(?=year\b))?(?P<unit>week(?:end)?|work\s?week|month|year|decade|quarter)\b",
    FLAGS,
)
# "now" as a time, not an adverb before its verb ("some 820 homes now have ..."): after a preposition ("between now
# and Friday", "until now") or ending its clause ("we meet now."); not "for now" (for the time being, said on
# whatever day it was said) nor a sentence's opening "Now," (a discourse marker)
NOW = re.compile(
    lead(LEX["now_words"])
    + r"(?:(?:(?<=between )|(?<=until )|(?<=till )|(?<=by )|(?<=of )|(?<=and )|(?<=from ))now\b(?![-'’])"
    + rf"|(?<!for )(?<![.!?\"“”]\s)(?<=.)\b(?:{alt(LEX['now_words'])})\b(?=[ \t]*(?:[.,;:!?)\"”]|$)))",
    FLAGS,
)
PERIOD_AFTER_NEXT = re.compile(
    lead(["the"]) + r"\bthe\s+(?P<unit>week(?:end)?|month|year)\s+(?P<dir>after\s+next|before\s+last)\b", FLAGS
)
# "by the end of the month", "later in the year": a part of the current period, named without "this"
PART_OF_THE_PERIOD = re.compile(
    lead(["the", "end", "beginning", "start", "middle", "earlier", "later", "early", "late"])
    + r"\b(?P<part>(?:the\s+)?(?:end|beginning|start|middle)\s+of|(?:earlier|later|early|late)\s+in)"
    r"\s+the\s+(?P<unit>week|month|year)\b(?!\s+(?:of|before|after|to|in|that|when|since|ago|earlier|later)\b)(?!['’])",
    FLAGS,
)
THE_WEEKEND = re.compile(
    lead(["over", "at", "on", "during", "for"]) + r"\b(?:over|at|on|during|for)\s+the\s+weekend\b", re.I
)
RELATIVE_MONTH = re.compile(lead(MODIFIERS) + rf"\b{MOD}\s+{MON}(?![\w'’-])(?!\s*\d)", FLAGS)
COUNTED_PERIOD = re.compile(
    lead(["the"], MODIFIERS)
    + rf"\b(?:the\s+)?(?P<mod>next|last|past|previous|coming|following|upcoming)\s+{NUM}\s+{UNIT}(?![\w-])",
    FLAGS,
)
OFFSET = re.compile(
    lead(NUMBER_WORDS, ["the"], digits=True)
    + rf"(?<![\w$£€.-]){NUM}\s+{UNIT}\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|from)\b"
    rf"|\bthe\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)"
    r"|\bthe\s+(?P<dir3>next|following|previous)\s+day\b"
    rf"|(?<![\w$£€.:-]){NUM.replace('?P<n>', '?P<cn>')}\s+(?P<cunit>{alt(CLOCK_UNITS)})\s+"
    r"(?P<cdir>ago|earlier|later|from\s+now|hence)\b",
    FLAGS,
)
IN_OFFSET = re.compile(lead(["in"]) + rf"\bin\s+{NUM}\s+{UNIT}(?:'s?|’s?)?(?:\s+time)?(?![\w-])", FLAGS)
DURATION = re.compile(
    lead(NUMBER_WORDS, TIME_UNITS, digits=True)
    + rf"(?<![\w$£€.-])(?<!\d,)(?:{NUM}(?P<sep>\s+|-)(?:(?:and\s+a\s+half|more|straight|consecutive)\s+)?{UNIT}"
    rf"|(?P<long>{alt(TIME_UNITS)})(?=-long\b))(?:-long\b)?(?![\w-])(?!\s+old\b)(?!-old)",
    FLAGS,
)
HOLIDAY = re.compile(
    lead(MODIFIERS, HOLIDAYS)
    + rf"\b(?:{MOD}\s+)?(?P<hol>{alt(HOLIDAYS)})\b(?:\s*,?\s*{YEAR})?(?P<weekend>\s+(?:holiday\s+)?weekend\b)?",
    FLAGS,
)
PART_PREFIX = re.compile(
    r"\b(?:the\s+)?(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
    r"|(?:earlier|later|early|late)\s+in)[\s-]*$",
    re.I,
)
# "the three months to September", "the year ended March 31, 2024": a span of whole units ending with the date after
# it (combine.extend_parts reads it as a part, parts.py resolves it).
SPAN_TO = re.compile(
    rf"\bthe\s+(?:(?P<n>\d{{1,2}}|{NUMW})\s+)?(?P<unit>day|week|month|quarter|year)s?\s+(?:to|ended|ending|through)\s+$",
    re.I,
)
BORN = re.compile(r"\bborn\b[^.;]{0,25}$", re.I)
# a lifespan in brackets, birth then death, each with an optional place: "(May 5, 1919 Chicago-June 1, 1983 New York
# City)", "(1931 – 2024)": the first date opens the bracket, the second follows a dash after a year
LIFESPAN_OPEN = re.compile(r"\((?:b\.[ \u00a0]*)?[ \u00a0]*$")
LIFESPAN_BIRTH = re.compile(r"[^()\n\d]{0,40}?[-–—][^()\n]{0,40}?\b(?:1[5-9]|20)\d\d\b[^()\n]{0,40}\)")
LIFESPAN_DEATH = re.compile(r"\([^()\n]{0,30}\b(?:1[5-9]|20)\d\d\b[^()\n\d]{0,40}?[-–—][ \u00a0]*$")
ANNIVERSARY = re.compile(
    lead(ORDINAL_WORDS, digits=True)
    + rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<w>{alt(ORDINAL_WORDS)}))\s+anniversary\s+of\b",
    re.I,
)
SUPERLATIVE = re.compile(r"\b(?:first|last|only|\w+est|most|least|best|worst|time|since|record)\b", re.I)
FRACTION_DENOMINATORS = {int(d) for d in LEX["fraction_denominators"]}
FRACTION_AFTER = re.compile(
    rf"(?:\s*(?:to|-|–|and|or)\s*\d{{1,2}}/\d{{1,2}})?\s*(?:{alt(LEX['fraction_after'])})(?!\w)", re.I
)
