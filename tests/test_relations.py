"""Relations reporters write (issue 17): each phrase form in two paraphrases, right (no finding) and with one number
changed (flagged by its rule), in articles of several paragraphs, hard-wrapped, CRLF, Markdown and HTML."""

from __future__ import annotations

import textwrap

import pytest

import factcheck

LEAD = ("Chief executive Dana Whitfield said the results showed \"a business that is finally pulling in the same "
        "direction\", and that the board would meet again in the spring.")
TAIL = "The company employs about 4,200 people and will publish its annual report next month."


def _article(sentence: str, fmt: str, width: int, crlf: bool) -> str:
    """A short news article holding the sentence, hard-wrapped at width, as Markdown or HTML."""
    paragraphs = [LEAD, sentence, TAIL]
    if fmt == "html":
        body = "\n".join("<p>" + "\n".join(textwrap.wrap(p, width)) + "</p>" for p in paragraphs)
        text = f"<html><head><title>Results</title></head><body>\n<h1>Results</h1>\n{body}\n</body></html>\n"
    else:
        text = "# Results\n\n" + "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


def _flags(sentence: str, published: str = "2025-11-14", fmt: str = "md", width: int = 72, crlf: bool = False):
    report = factcheck.check_text(_article(sentence, fmt, width, crlf), published=published, fmt=fmt)
    return {f.rule for f in report.findings if f.severity in ("warning", "error")}


# (right sentence, the same with one number changed, the rule that must flag the change)
CASES = {
    "from-possessive": [
        ("Earnings rose 17% to $0.61 a share from last year's $0.52.",
         "Earnings rose 17% to $0.61 a share from last year's $0.55.", "FC101"),
        ("The lender's margin widened by 0.3 percentage points to 3.4% from the previous quarter's 3.1%.",
         "The lender's margin widened by 0.3 percentage points to 3.4% from the previous quarter's 2.9%.", "FC101"),
        ("Orders climbed 25% to 1.5m in the year, compared with 2024's 1.2m.",
         "Orders climbed 25% to 1.5m in the year, compared with 2024's 1.4m.", "FC101"),
    ],
    "from-a-year-earlier": [
        ("Net income was $4.8bn, up 20% from $4bn a year earlier.",
         "Net income was $4.8bn, up 20% from $4.4bn a year earlier.", "FC101"),
        ("Subscriptions reached 31.2 million, up 4% from 30 million a year before.",
         "Subscriptions reached 31.2 million, up 4% from 29 million a year before.", "FC101"),
    ],
    "percent-than": [
        ("Costs came to $40 million, 20 percent lower than the $50 million spent a year earlier.",
         "Costs came to $40 million, 20 percent lower than the $55 million spent a year earlier.", "FC101"),
        ("The deficit of $2.2bn was 10% higher than last year's $2bn.",
         "The deficit of $2.2bn was 10% higher than last year's $2.1bn.", "FC101"),
        ("Crowds of 30,000 were 25 per cent greater than the 24,000 who came in 2023.",
         "Crowds of 30,000 were 25 per cent greater than the 26,000 who came in 2023.", "FC101"),
    ],
    "amount-or-percent-at-close": [
        ("Shares of the chipmaker closed down 48 cents, or 2.1%, at $22.90 on Friday.",
         "Shares of the chipmaker closed down 48 cents, or 2.6%, at $22.90 on Friday.", "FC101"),
        ("Stock in the airline rose $1.35, or 4.6 per cent, to $30.70 in New York.",
         "Stock in the airline rose $1.35, or 5.6 per cent, to $30.70 in New York.", "FC101"),
        ("The benchmark index ended up 1.2 points, or 0.8%, at 151.3.",
         "The benchmark index ended up 1.2 points, or 0.6%, at 151.3.", "FC101"),
        ("Revenue grew $5m, or 5%, to $105m from $100m.",
         "Revenue grew $5m, or 7%, to $105m from $100m.", "FC101"),
    ],
    "hyphenated-percent": [
        ("The group reported a 4.3-percent drop in sales to $95.7 million from $100 million.",
         "The group reported a 4.3-percent drop in sales to $94.7 million from $100 million.", "FC101"),
        ("Rival Bolt posted a 12-per-cent rise in revenue, to £112 million from £100 million.",
         "Rival Bolt posted a 12-per-cent rise in revenue, to £114 million from £100 million.", "FC101"),
    ],
    "died-aged": [
        ("Born in 1944 in Leeds, she joined the BBC in 1968. Ada Morrow, who read the evening news for three "
         "decades, has died aged 81.",
         "Born in 1944 in Leeds, she joined the BBC in 1968. Ada Morrow, who read the evening news for three "
         "decades, has died aged 83.", "FC206"),
        ("Tomas Reyes was born in 1950 in Seville. He died in hospital on Tuesday at the age of 75, his family said.",
         "Tomas Reyes was born in 1950 in Seville. He died in hospital on Tuesday at the age of 72, his family said.",
         "FC206"),
    ],
    "age-named-later": [
        ("The airline's founder, Ruth Okafor, 62, said the deal was \"a fair price\". Okafor, who was born in 1963, "
         "started the company with two leased aircraft.",
         "The airline's founder, Ruth Okafor, 58, said the deal was \"a fair price\". Okafor, who was born in 1963, "
         "started the company with two leased aircraft.", "FC206"),
        ("Coach Marek Brandt, 45, was sacked on Monday. Brandt was born in 1980 in Gdansk and played 31 times for "
         "his country.",
         "Coach Marek Brandt, 48, was sacked on Monday. Brandt was born in 1980 in Gdansk and played 31 times for "
         "his country.", "FC206"),
    ],
    "record-stood": [
        ("Her 1,500-metre record, set in 1970, stood for 12 years until it was broken in 1982.",
         "Her 1,500-metre record, set in 1970, stood for 15 years until it was broken in 1982.", "FC210"),
        ("The ban on night flights, imposed in 1996, lasted 28 years before ministers lifted it in 2024.",
         "The ban on night flights, imposed in 1996, lasted 24 years before ministers lifted it in 2024.", "FC210"),
    ],
    "lead-and-score": [
        ("Leaders City won 3-1 at home on Saturday and now hold a 21-point lead, 54-33, over United.",
         "Leaders City won 3-1 at home on Saturday and now hold a 24-point lead, 54-33, over United.", "FC101"),
        ("The Hawks beat the Owls 102-95, a seven-point win that puts them top of the conference.",
         "The Hawks beat the Owls 102-95, a nine-point win that puts them top of the conference.", "FC101"),
        ("Ridgeway won the final 4-1, a three-goal margin that flattered the visitors.",
         "Ridgeway won the final 4-1, a two-goal margin that flattered the visitors.", "FC101"),
    ],
    "added-to-a-score": [
        ("India resumed on 280 for four and added 32 runs to reach 312 before lunch on the second day.",
         "India resumed on 280 for four and added 35 runs to reach 312 before lunch on the second day.", "FC101"),
        ("The Bulls added 14 points in the final quarter to finish on 98, from 84 at the end of the third.",
         "The Bulls added 14 points in the final quarter to finish on 98, from 82 at the end of the third.", "FC101"),
    ],
    "medal-total": [
        ("Team GB finished the championships with 12 medals: five gold, four silver and three bronze.",
         "Team GB finished the championships with 12 medals: five gold, four silver and four bronze.", "FC110"),
        ("Kenya's 11 medals — four gold, five silver and two bronze — put it top of the African table.",
         "Kenya's 11 medals — four gold, five silver and three bronze — put it top of the African table.",
         "FC110"),
        ("The squad won 9 medals, including 3 golds and 4 silvers, on the final weekend.",
         "The squad won 9 medals, including 3 golds and 7 silvers, on the final weekend.", "FC110"),
    ],
    "governing-verb-against-a-noun": [  # a direction noun before the verb: the verb right before "to" governs
        ("Food price rises eased to 2.5 percent this month, from 3.0 percent the previous month.",
         "Food price rises eased to 2.5 percent this month, from 2.3 percent the previous month.", "FC101"),
        ("Wage increases slowed to 3.9% in March from 4.4% in February, the survey found.",
         "Wage increases slowed to 3.9% in March from 3.4% in February, the survey found.", "FC101"),
    ],
    "second-series-after-and": [  # "added 256,000 jobs and the jobless rate dipped": two series, two statements
        ("Employers added 212,000 jobs in May and the unemployment rate dipped to 3.9% from 4.1%, the bureau said.",
         "Employers added 212,000 jobs in May and the unemployment rate dipped to 3.9% from 3.7%, the bureau said.",
         "FC101"),
        ("Hiring was up sharply from the 140,000 posts filled in June, and the jobless rate dropped from 4.3% to "
         "4.2%.",
         "Hiring was up sharply from the 140,000 posts filled in June, and the jobless rate dropped from 4.1% to "
         "4.2%.", "FC101"),
    ],
    "change-then-comma-from-to": [  # "climbed 40%, from £1.12m to £1.57m" is a change, not a range
        ("Pre-tax profit climbed 25% year-on-year, from £2.4m to £3m, the retailer said.",
         "Pre-tax profit climbed 35% year-on-year, from £2.4m to £3m, the retailer said.", "FC101"),
        ("Ticket sales fell 20%, from $45m to $36m, as the touring season ended early.",
         "Ticket sales fell 30%, from $45m to $36m, as the touring season ended early.", "FC101"),
    ],
    "bracketed-prior-year": [  # results tables' comparative: "to £279.9m (2010: £263.2m)"
        ("The final dividend was raised by 25% to 15p (2024: 12p), payable in July.",
         "The final dividend was raised by 35% to 15p (2024: 12p), payable in July.", "FC101"),
        ("Group revenue rose 8% to £540m (FY24: £500m) on stronger export orders.",
         "Group revenue rose 6% to £540m (FY24: £500m) on stronger export orders.", "FC101"),
    ],
    "level-then-move": [  # "closed at X, down N points (P%)": the level is the move's new value
        ("The FTSE 100 closed at 8,120.5, down 81.2 points (1%), its worst day in a month.",
         "The FTSE 100 closed at 8,120.5, down 81.2 points (1.6%), its worst day in a month.", "FC101"),
        ("Shares ended the session at $41.60, up 80 cents, or 2%, after the upgrade.",
         "Shares ended the session at $41.60, up 80 cents, or 2.6%, after the upgrade.", "FC101"),
    ],
    "restated-new-then-change": [  # "... to 11.26%. The 11.26% represents a decline of 0.02 points"
        ("Inflation slowed from 6.48% in May to 6.41% in June. The 6.41% figure represents a decline of 0.07 "
         "percentage points, the agency said.",
         "Inflation slowed from 6.48% in May to 6.41% in June. The 6.41% figure represents a decline of 0.17 "
         "percentage points, the agency said.", "FC101"),
        ("Joblessness fell from 5.2% to 4.9% over the quarter. The 4.9% rate marks a drop of 0.3 points.",
         "Joblessness fell from 5.2% to 4.9% over the quarter. The 4.9% rate marks a drop of 0.5 points.", "FC101"),
    ],
    "total-then-its-change": [  # "A total of X ..., up 5% from Y": the total is the change's new value
        ("A total of 18,400,000 passengers used the airport in 2025, up 4% from 17,700,000 in 2024.",
         "A total of 18,400,000 passengers used the airport in 2025, up 7% from 17,700,000 in 2024.", "FC101"),
        ("A total of 5,250 homes changed hands in 2025, up 5% from 5,000 in 2024, the agents said.",
         "A total of 5,250 homes changed hands in 2025, up 9% from 5,000 in 2024, the agents said.", "FC101"),
    ],
    "toll-by-place-next-sentence": [  # the tally named by "the number of those killed"; a count of regions is no toll
        ("Officials said the number of those killed had increased from 30 to 36. Police said 11 people were killed "
         "in Ambon, 15 in Central Maluku and 10 in Seram.",
         "Officials said the number of those killed had increased from 30 to 36. Police said 11 people were killed "
         "in Ambon, 17 in Central Maluku and 10 in Seram.", "FC110"),
        ("The toll from storms that struck 3 regions rose to 40 on Sunday. Officials said 28 people died in Arden "
         "and another 12 in neighbouring Belmoor.",
         "The toll from storms that struck 3 regions rose to 40 on Sunday. Officials said 28 people died in Arden "
         "and another 15 in neighbouring Belmoor.", "FC110"),
    ],
    "temperature-in-brackets": [  # a temperature scale has no zero: 1 degree either side, not 1%
        ("The thermometer in Seville read 41.2°C (106.2°F) by mid-afternoon.",
         "The thermometer in Seville read 41.2°C (108.2°F) by mid-afternoon.", "FC130"),
        ("Forecasters expect highs of 37C (98.6F) across the south on Sunday.",
         "Forecasters expect highs of 37C (100.6F) across the south on Sunday.", "FC130"),
    ],
}
PARAMS = [pytest.param(right, changed, code, id=f"{form}-{n}")
          for form, cases in CASES.items() for n, (right, changed, code) in enumerate(cases)]
LAYOUTS = [("md", 72, False), ("html", 60, True)]


@pytest.mark.parametrize(("right", "changed", "code"), PARAMS)
@pytest.mark.parametrize(("fmt", "width", "crlf"), LAYOUTS, ids=["md-72", "html-60-crlf"])
def test_a_right_relation_is_clean_and_its_one_number_twin_is_flagged(right, changed, code, fmt, width, crlf):
    assert _flags(right, fmt=fmt, width=width, crlf=crlf) == set()
    assert code in _flags(changed, fmt=fmt, width=width, crlf=crlf)


@pytest.mark.parametrize("sentence", [
    "Business investment rose by 18%, up from 17.5% in the third quarter. Consumer spending grew 4.2% in the final "
    "quarter, down from the third quarter's 5.1%.",
    "Exports climbed 9% last year. Imports rose 3.1% in the same period, down from 2024's 6.4%.",
])
def test_a_rate_that_fell_is_no_rise_from_the_old_rate(sentence):
    assert _flags(sentence) == set()
    assert _flags(sentence, fmt="html", width=50, crlf=True) == set()


def _figures(text: str, published: str = "2025-03-05"):
    return [(f.surface, f.kind) for f in factcheck.check_text(text, published=published, fmt="md").figures]


@pytest.mark.parametrize("text", [
    "On Tuesday, 18,412 patients waited more than four hours in emergency departments.",
    "By Friday, 2,350 households had been without power for two days.",
])
def test_a_weekday_before_a_count_is_no_date(text):
    figures = _figures(text)
    assert figures[0][1] == "weekday"
    assert figures[1][1] == "count" and "," in figures[1][0]


@pytest.mark.parametrize("text", [
    "The vote is on Thursday, 13 at the earliest, officials said.",
    "Let's meet on friday the 14th around 4, the organisers wrote.",
])
def test_a_weekday_and_a_day_of_the_month_is_still_a_date(text):
    assert _figures(text, "2025-03-05")[0][1] == "date"


@pytest.mark.parametrize("text", [
    "The first tremor struck at 0415 GMT and a second, smaller one at 0452 GMT.",
    "The ceasefire began at 2330 UTC on Sunday, the ministry said.",
    "India were 312 for six after 93.1 overs, and 340 all out after 101.4 overs.",
    "Kiptum crossed the line in 2:05:41, a minute ahead of the field.",
    "Over a 24-hour period, rescuers reached the last of the villages.",
    "After a 90-minute meeting and a twelve-hour-long vigil, the families went home.",
])
def test_times_and_overs_are_no_counts(text):
    assert [s for s, kind in _figures(text) if kind == "count" and s not in ("312", "six", "340")] == []


def test_a_span_of_the_clock_is_a_duration():
    figures = factcheck.check_text("Over a 24-hour period, 120 people were rescued.", published="2025-03-05").figures
    span = next(f for f in figures if f.surface == "24-hour")
    assert (span.kind, span.unit, span.value, span.qualifiers) == ("duration", "hour", 24.0, ())


@pytest.mark.parametrize(("text", "published", "phrase", "quarter"), [
    ("Acme said fourth-quarter revenue was $12.4bn, up 8% from $11.5bn in the same quarter last year.",
     "2025-02-06", "the same quarter last year", ("2023-10", "2023-12")),
    ("Net sales for the third quarter reached £840m, against £790m in the corresponding period a year earlier.",
     "2025-11-04", "the corresponding period a year earlier", ("2024-07", "2024-09")),
    ("Sales in the holiday quarter rose to $9bn, against $8.2bn in last year's holiday quarter.",
     "2026-01-29", "last year's holiday quarter", ("2024-10", "2024-12")),
])
def test_the_same_quarter_last_year_counts_from_the_reported_quarter(text, published, phrase, quarter):
    report = factcheck.check_text(text, published=published, fmt="md")
    period = next(f for f in report.figures if f.surface == phrase)
    assert (period.date, period.date_end) == quarter
    amount = min((f for f in report.figures if f.kind == "money" and f.sentence == period.sentence),
                 key=lambda f: abs(f.span.start - period.span.start))
    assert amount.anchor == quarter[0]  # the amount beside it is dated to that quarter


def test_a_quarter_of_another_ordinal_is_left_to_the_publication_date():
    report = factcheck.check_text("Fourth-quarter sales rose 3%. Last year's first quarter was the weakest.",
                                  published="2025-02-06", fmt="md")
    assert "last year's first quarter" not in [f.surface for f in report.figures]


@pytest.mark.parametrize("sentence", [
    # a cause after a comma is another series
    "Revenue rose from £164m to £193m, driven by a 17.5% rise in used car sales and an 18.6% increase in new ones.",
    "Sales climbed 9% to $4.4bn from $4.03bn, helped by a 31% jump in cloud revenue.",
    # a condition is no past event, though its participle ends in -ed
    "Ministers will debate the plan on November 20. If approved, the council votes on December 4.",
    "Once completed, the bridge opens to traffic on January 12, the contractor said.",
    # a part of a period the extractor narrows is no span a duration must fill
    "At the end of March 2025, the median wait for a first appointment was 12.6 weeks.",
    "In early 2024 the average stay was 9.5 days, the trust said.",
    # an "N-seat X" compound's head names its owner: two chambers, two sizes
    "The vote in the 150-seat Chamber of Representatives took place in June. The 240-seat National Assembly met "
    "the same week.",
    # an old value the reading cannot type (a misspelt scale word) is no reason to take one from another sentence
    "Total sales on average were 98 billion dlrs in the fourth quarter of 2024, she said. In January, they fell to "
    "a seasonally adjusted 91.4 bilion dlrs, and in February rose to 96.2 billion dlrs.",
    # two airports named at the start of their sentences are two entities, not one figure given twice
    "LaGuardia Airport handled 31 million passengers in 2025. Newark Liberty Airport served 46 million passengers "
    "in 2025, also a record.",
])
def test_other_series_conditions_and_other_entities_are_quiet(sentence):
    assert _flags(sentence) == set()
    assert _flags(sentence, fmt="html", width=50, crlf=True) == set()


@pytest.mark.parametrize("text", [
    # a headline's count of people affected is no second death toll, and the lead's own toll answers the headline's
    "# Storm death toll hits 21, cuts power to 3.2M people\n\nThe death toll from the storm has risen to 21, with "
    "3.2 million people without power across nine counties.\n",
    "# Flood death toll hits 17, affects 2.1M people\n\nThe death toll from the floods has risen to 17, with 2.1 "
    "million people affected across 12 districts.\n",
    # a count with ", or N%" after it is a part of its whole, no second value of the whole
    "# Admissions\n\nAmong the over 60,000 university applicants this year, around 40 percent sat a fifth paper."
    "\n\n8,120 university applicants, or 13.5 percent, were admitted to their first choice.\n",
    "# Places\n\nAmong the over 45,000 school applicants this spring, around 30 percent applied online.\n\n6,300 "
    "school applicants, or 14 percent, won their first choice.\n",
    # lakh grouping written throughout an article is its style, though no rupee or crore is named
    "# Board results\n\nBENGALURU: Just 48,210 of the 1,62,400 students cleared the exam this year.\n\nAmong "
    "the 1,21,930 freshers, 41,000 passed, the board said.\n",
])
def test_untouched_set_false_alarm_classes_stay_quiet(text):
    report = factcheck.check_text(text, published="2025-06-10", fmt="md")
    assert [f.rule for f in report.findings if f.severity in ("warning", "error")] == []


def test_lakh_grouping_beside_a_western_million_is_still_flagged():
    text = "Sales reached 1,94,077 units, against 1,234,567 units a year ago, the firm said."
    report = factcheck.check_text(text, published="2025-06-10", fmt="md")
    assert "FC420" in {f.rule for f in report.findings}
