"""Relations in today's news (issue 17's modern set, rewritten in our own words with other numbers).

Each case is a right article, which must stay free of warnings and errors, and its wrong twin with one number
changed, which must be flagged on the changed line by one of the named rules. The articles are written as
reporters write them: several paragraphs, quotes, hard-wrapped Markdown, HTML and CRLF text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import factcheck

SERIOUS = ("error", "warning")


@dataclass(frozen=True)
class Case:
    id: str
    fmt: str
    published: str
    text: str
    find: str  # the number to change (unique in the text) ...
    replace: str  # ... and what the wrong twin says instead
    rules: tuple[str, ...]  # the rules that may catch it

    def wrong(self) -> str:
        assert self.text.count(self.find) == 1, self.find
        return self.text.replace(self.find, self.replace)


def _serious(text: str, fmt: str, published: str):
    report = factcheck.check_text(text, fmt=fmt, published=published, path=f"article.{fmt}")
    return report, [f for f in report.findings if f.severity in SERIOUS]


def _lines_of(report, finding) -> set[int]:
    return {report.locate(s.start)[0] for s in finding.spans} | {report.locate(max(s.start, s.end - 1))[0]
                                                                   for s in finding.spans}


CASES = [
    # "X points, or Y%, to Z": the change against the close it ends at (the index fell from Z + X)
    Case("index-points-md", "md", "2025-03-07", """---
title: Markets close lower
---

# Shares slide as bond yields climb

Stocks ended sharply lower on Thursday as government bond yields
rose for a third day and investors sold technology shares.

The FTSE 100 fell 96.40 points, or 1.1%, to 8,712.30. The
FTSE 250 index of mid-sized companies lost 310.55 points, or 1.5%,
to 20,395.10.

"It was a day to stand aside," said one London trader.
""", "or 1.5%,", "or 2.5%,", ("FC101",)),
    Case("index-points-txt", "txt", "2024-10-16",
         "Wall Street closed lower on Tuesday after a chipmaker cut its sales outlook.\r\n\r\n"
         "The Dow Jones Industrial Average sank 324.80 points, or 0.75 percent, to 42,740.42,\r\n"
         "while the Nasdaq composite dropped 187.10 points, or 1 percent, at 18,315.59.\r\n\r\n"
         "\"Chips were the story of the day,\" said an analyst at a Boston fund manager.\r\n",
         "324.80 points", "524.80 points", ("FC101",)),
    # "up X% on Y": the base after "on"
    Case("up-on-base-md", "md", "2025-02-14", """# Hospital treatments reach new high

Hospitals carried out 4.62 million operations last year, up 5% on
4.4 million in 2023, according to the health department.

Scans rose too. There were 910,000 scans in December, up 8% on
843,000 a year earlier, and the number of patients seen within six
weeks climbed to 71.2%.
""", "up 8% on", "up 18% on", ("FC101",)),
    Case("up-on-base-html", "html", "2024-07-19", """<html><body>
<h1>Ferry crossings recover</h1>
<p>The port handled 1.96 million passengers in the first half, up 12% on
1.75 million a year earlier, its operator said on Friday.</p>
<p>Freight grew more slowly: 412,000 lorries crossed, up 3% on 400,000.</p>
</body></html>
""", "up 12% on", "up 21% on", ("FC101",)),
    # a direction back to the previous sentence's figure: "This was down on the 74.2%"
    Case("direction-back-md", "md", "2024-12-12", """# Emergency waits lengthen

Some 71.4% of patients were seen within four hours in November.
This was down on the 72.9% recorded in October, and far from the
95% standard.

The number of people waiting more than 12 hours fell to 48,120,
down from 51,300 in October.
""", "down from 51,300", "down from 41,300", ("FC101",)),
    Case("direction-back-txt", "txt", "2025-06-12",
         "Fewer trains ran on time last month.\n\n"
         "Just 84.2% of services arrived within five minutes of the timetable. That was down\n"
         "on 86.7% in April, the rail regulator said.\n",
         "on 86.7% in April", "on 81.7% in April", ("FC101",)),
    # a toll and its parts across sentences
    Case("toll-parts-md", "md", "2024-02-09", """# Flood death toll rises to 64

The death toll from this week's floods rose to 64 on Friday, the
civil protection agency said, as rescuers reached villages cut off
since Tuesday.

The floods have killed 41 people in the northern province of Varn and
23 in neighbouring Oster, the agency said. More than 900 were hurt.
""", "23 in neighbouring", "26 in neighbouring", ("FC110",)),
    Case("toll-consists-html", "html", "2025-01-22", """<html><body>
<h1>Bus crash kills 27</h1>
<p>At least 27 people died when a bus left a mountain road late on Monday, police said.</p>
<p>That figure consists of 19 passengers and another 8 people in a car the bus struck.</p>
</body></html>
""", "another 8 people", "another 6 people", ("FC110",)),
    # a price and what it comprises
    Case("comprising-md", "md", "2025-05-20", """# Brewer agrees takeover

The board backed an offer worth 640p a share, comprising 410p in cash
and 230p in new shares of the buyer, valuing the brewer at £1.9bn.

"It is a fair price," the chairman said.
""", "230p in new", "250p in new", ("FC110",)),
    Case("made-up-of-txt", "txt", "2024-09-03",
         "The fare rise of 4.6% is made up of 3.6% for inflation and 1% for new carriages,\n"
         "the transport authority said on Tuesday.\n",
         "1% for new", "2% for new", ("FC110", "FC111")),
    # a base in a relative clause after the change
    Case("base-which-stood-md", "md", "2025-04-15", """# Airports set a record

The ten busiest airports handled 902 million passengers last year.
That was a 6.5% rise on their 2019 total, which stood at 847 million.
""", "which stood at 847 million", "which stood at 807 million", ("FC101",)),
    # a labelled list with its total
    Case("labelled-list-md", "md", "2024-09-20", """# Port figures for August

Flights:

- Total flights: 51,240 (up 3% on August 2023)
- Domestic flights: 12,410
- International flights: 38,830
""", "International flights: 38,830", "International flights: 39,830", ("FC110",)),
    # a tally in one sentence, its parts by place in the next (no word says they are its parts)
    Case("toll-places-txt", "txt", "2025-03-18",
         "Rescue teams were still digging through mud on Tuesday after the landslides.\r\n\r\n"
         "The death toll climbed to 52 overnight, the interior ministry said in a\r\n"
         "statement.\r\n\r\n"
         "Officials said 37 people had died in the hill town of Kessa and 15 in nearby\r\n"
         "Drumlow, where a school was buried.\r\n",
         "15 in nearby", "19 in nearby", ("FC110",)),
    Case("toll-places-html", "html", "2024-11-05", """<html><body>
<h1>Storm kills dozens across the south</h1>
<p>The number of dead from Sunday's storm reached 86 on Monday, according to the
civil defence agency.</p>
<p>The storm killed 58 people in Marrow province and 28 in the coastal city of
Ostend Bay, the agency added. "We have never seen wind like it," a survivor said.</p>
</body></html>
""", "28 in the coastal", "38 in the coastal", ("FC110",)),
    # a total confirmed "at least" so far, and what "this figure comprises"
    Case("tally-comprises-md", "md", "2025-07-02", """# Heatwave deaths rise

Health officials said on Wednesday that at least 212 people had died
in the heatwave.

This figure comprises at least 140 deaths in the capital and another
72 in the rest of the country, they said.
""", "another\n72 in", "another\n92 in", ("FC110",)),
    # percentages "made up of" percentages: the stated whole, not 100%
    Case("made-up-of-html", "html", "2025-02-27", """<html><body>
<h1>Council tax to rise</h1>
<p>Householders face a council tax rise of 4.99% from April, the council confirmed.</p>
<p>The increase is made up of 2.99% for general spending and 2% for adult social care,
the maximum allowed without a local vote.</p>
</body></html>
""", "and 2% for adult", "and 3% for adult", ("FC110", "FC111")),
    # a price and its parts, then a larger figure of the same unit that is no part of it
    Case("consisting-of-txt", "txt", "2024-06-21",
         "The family offered 1,150p a share, consisting of 900p in cash and 250p of loan notes,\n"
         "which values the retailer at about £2.4bn.\n\n"
         "The board said it would recommend the offer.\n",
         "250p of loan", "350p of loan", ("FC110",)),
    # labelled lines under a total line
    Case("labelled-list-txt", "txt", "2025-09-04",
         "The airport published its figures for August on Thursday.\r\n\r\n"
         "Passengers\r\n"
         "Total passengers: 3.9 million (up 5% on August 2024)\r\n"
         "Local passengers: 2.6 million\r\n"
         "Transfer passengers: 1.3 million\r\n",
         "Transfer passengers: 1.3 million", "Transfer passengers: 1.8 million", ("FC110",)),
    Case("labelled-list-html", "html", "2024-03-08", """<html><body>
<h1>Hospital activity in February</h1>
<ul>
<li>All admissions: 14,820</li>
<li>Emergency admissions: 9,310</li>
<li>Planned admissions: 5,510</li>
</ul>
<p>Figures are provisional.</p>
</body></html>
""", "Planned admissions: 5,510", "Planned admissions: 6,510", ("FC110",)),
    # a base given after the change
    Case("base-which-was-txt", "txt", "2024-08-30",
         "Exports of whisky reached £5.6bn in the year to June.\n\n"
         "That was an 11% increase on the same period of 2022, which was\n"
         "£5.05bn, the trade body said.\n",
         "which was\n£5.05bn", "which was\n£4.05bn", ("FC101",)),
    Case("base-which-stood-html", "html", "2025-10-14", """<html><body>
<h1>Rail journeys rise again</h1>
<p>Passengers made 1.61 billion journeys in the year to March, the regulator said.</p>
<p>This marked a 7% rise on the previous year and a 4% fall from their 2019 level,
which stood at 1.68 billion journeys.</p>
</body></html>
""", "a 4% fall", "a 14% fall", ("FC101",)),
    # a period phrase between a value and its change
    Case("period-before-change-md", "md", "2025-01-29", """# Car sales climb

Dealers sold 412,300 new cars in the final quarter, up 9% on
378,200 a year earlier, the industry body said.

"Electric models did the heavy lifting," its chief executive said.
""", "up 9% on", "up 19% on", ("FC101",)),
    # a signed move with no verb, then the level it ends at
    Case("signed-move-md", "md", "2024-12-20", """# Markets at the close

European shares ended the week lower:

- DAX -212.40 points or -1.05% at 20,015.60
- AEX -7.35 points or -0.82% at 889.40
""", "or -0.82%", "or -1.82%", ("FC101",)),
    Case("signed-move-txt", "txt", "2025-04-04",
         "Asian markets rallied on Friday.\r\n\r\n"
         "Nikkei 225 +512.30 points or +1.4% at 37,110.20\r\n"
         "Hang Seng +301.75 points or +1.3% at 23,412.60\r\n",
         "+512.30 points", "+912.30 points", ("FC101",)),
    # two changes joined by "and" against one value
    Case("joined-changes-md", "md", "2025-02-06", """# Museum visits reach a record

The national museums welcomed 14.2 million visitors in 2024, up 6% on
13.4m in 2023 and up 12% on 12.7m in 2019, the culture department
said on Thursday.
""", "up 12% on", "up 22% on", ("FC101",)),
    Case("joined-changes-html", "html", "2024-10-24", """<html><body>
<p>The bank made 61,400 mortgage loans in the third quarter, up 8% on 56,900 in the
second quarter and down 5% on 64,600 a year earlier.</p>
</body></html>
""", "down 5% on", "down 15% on", ("FC101",)),
    # an aside between dashes, and a precise floor ("more than 14.2 million") is near its figure
    Case("aside-floor-md", "md", "2025-01-16", """# Library loans

Libraries lent more than 14.2 million e-books in 2024 - the most
ever - up a third on 10.6 million in 2022 and up 4% on 13.6 million
in 2023, the reading charity said.
""", "up 4% on", "up 14% on", ("FC101",)),
    Case("aside-floor-html", "html", "2024-04-25", """<html><body>
<p>The ferry line carried over 3.46 million cars last year (a record), up 9% on
3.17 million the year before, its owner said.</p>
</body></html>
""", "up 9% on", "up 19% on", ("FC101",)),
    # a difference in brackets after the new value, the old one in the previous sentence
    Case("bracket-difference-md", "md", "2025-05-14", """# Jobless claims climb

The number of people claiming jobless benefits stood at 1,684,000 in
March, the statistics office said.

In April it rose to 1,727,300 (up 43,300), the highest since 2021.
""", "(up 43,300)", "(up 53,300)", ("FC101",)),
    Case("bracket-difference-html", "html", "2024-10-10", """<html><body>
<p>Home sales reached 91,240 in August, according to the estate agents' body.</p>
<p>In September the number fell to 86,910 (down 4,330), as mortgage rates stayed high.</p>
</body></html>
""", "(down 4,330)", "(down 5,330)", ("FC101",)),
    # a difference, then both values in brackets
    Case("difference-brackets-md", "md", "2025-03-13", """# More cancers caught early

There were 9,000 more people diagnosed at an early stage than a year
before (61,240 in 2024, compared to 52,180 in 2023), the figures show.
""", "(61,240 in", "(66,240 in", ("FC101",)),
    Case("difference-brackets-txt", "txt", "2024-05-16",
         "The charity said 1,200 fewer families used its food banks in April\n"
         "(8,310 in April 2024, against 9,510 in April 2023).\n",
         "1,200 fewer", "2,200 fewer", ("FC101",)),
]


# Known gaps, found by these articles and left for later (the note of issue 17 lists them): id -> why.
GAPS_RIGHT: dict[str, str] = {}
GAPS_WRONG: dict[str, str] = {}


def _gap(table: dict[str, str], case: Case):
    why = table.get(case.id)
    return pytest.param(case, id=case.id, marks=pytest.mark.xfail(reason=why, strict=True)) if why else \
        pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", [_gap(GAPS_RIGHT, c) for c in CASES])
def test_the_right_article_is_quiet(case):
    report, serious = _serious(case.text, case.fmt, case.published)
    assert serious == [], [f"{f.rule} {f.message}" for f in serious]


@pytest.mark.parametrize("case", [_gap(GAPS_WRONG, c) for c in CASES])
def test_the_wrong_twin_is_flagged_on_its_line(case):
    wrong = case.wrong()
    report, serious = _serious(wrong, case.fmt, case.published)
    line = wrong[: wrong.index(case.replace)].count("\n") + 1
    hits = [f for f in serious if f.rule in case.rules and line in _lines_of(report, f)]
    assert hits, ([f"{f.rule} {f.message}" for f in serious], line)


# False alarms of the modern set: right articles that must stay quiet.
QUIET = [
    # two series side by side, each with its own earlier value ("respectively" without the word)
    ("parallel-series-md", "md", "2024-06-13", """# Waiting list grows

An estimated 7.61 million treatments were waiting to be carried out at
the end of April, relating to 6.35 million patients -- up slightly
from 7.58 million treatments and 6.31 million patients at the end of
March, the health service said.
"""),
    ("parallel-series-txt", "txt", "2025-08-14",
     "The regulator counted 2.41 million complaints about 1.12 million accounts in July,\r\n"
     "up from 2.36 million complaints and 1.09 million accounts in June.\r\n"),
    # a second change of another series after "and": not a rise to the first series' value
    ("joined-other-series-md", "md", "2025-05-08", """# Results

Revenue was $12.4bn in the quarter, up 5% from $11.8bn, and operating
profit rose 9% from $2.2bn, the company said.
"""),
    # counts by place after a toll that count something else: no parts of the toll
    ("toll-then-homes-txt", "txt", "2024-09-12",
     "The death toll from the storm rose to 40 on Wednesday.\n\n"
     "Officials said 31 homes in Varn and 25 in nearby Oster were destroyed.\n"),
    # counts by place after a toll that are not deaths: no parts of the toll
    ("toll-then-injured-md", "md", "2025-02-19", """# Bridge collapse

The death toll from the collapse rose to 18 on Tuesday, officials said.

Another 14 people were injured in Hallam and 9 in the village of
Brockley, and police arrested 2 men in Hallam.
"""),
    ("toll-then-evacuated-html", "html", "2024-08-27", """<html><body>
<p>The death toll from the wildfires reached 12 on Monday.</p>
<p>Firefighters evacuated 640 residents in Corran and 410 in nearby Tullow overnight.</p>
</body></html>
"""),
    # growth rates of regions after a growth rate: not its parts
    ("growth-including-txt", "txt", "2025-07-24",
     "Group sales rose 5% in the second quarter, including 4% growth in Asia and 3% in\n"
     "Europe, the company said.\n"),
    # counts by place with no tally before them
    ("places-no-tally-html", "html", "2025-06-19", """<html><body>
<p>The company employs 320 people at its plant.</p>
<p>It has opened 210 stores in Spain and 190 in Portugal since 2019.</p>
</body></html>
"""),
    # a round difference of two exact figures in brackets
    ("round-difference-md", "md", "2025-03-13", """# Early diagnosis

Some 4,000 more patients were seen within two weeks than a year
earlier (38,912 in February, against 34,870 a year before).
"""),
    # labelled lines with no total line: nothing to sum them against
    ("labels-no-total-txt", "txt", "2025-09-04",
     "Passengers by terminal\r\n"
     "North terminal: 2.6 million\r\n"
     "South terminal: 1.3 million\r\n"),
]


@pytest.mark.parametrize("case", QUIET, ids=[c[0] for c in QUIET])
def test_side_by_side_series_are_not_crossed(case):
    _, fmt, published, text = case
    report, serious = _serious(text, fmt, published)
    assert serious == [], [f"{f.rule} {f.message}" for f in serious]


def test_a_side_by_side_series_that_really_fell_is_still_flagged():
    text = ("The regulator counted 2.41 million complaints about 1.12 million accounts in July,\n"
            "up from 2.36 million complaints and 1.19 million accounts in June.\n")
    report, serious = _serious(text, "txt", "2025-08-14")
    assert any(f.rule == "FC101" for f in serious), [f"{f.rule} {f.message}" for f in serious]
