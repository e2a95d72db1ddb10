"""Issue 17's relations to read (changes, differences, comparisons, multipliers and revisions, also across a
sentence) on batch B (tests/change3/b: short articles written before any fix and never tuned on), and on the
paraphrases the fixes were tuned to (batch A, below).

`benchmarks/error_classes.py --set tests/change3/b --show` prints the batch B measurement: 3/14 wrong articles
caught on arrival, 9/14 after the batch A fixes (before its misses were read), 14/14 at the end (its last five misses
then fixed in the reading, each form also paraphrased in batch A); no flag on its 6 right articles throughout.
"""

import pytest
from bench import load_benchmark

bench = load_benchmark("error_classes")

BATCH_B = bench.load(bench.REPO / "tests" / "change3" / "b")
# What the reading still misses in batch B, and why (each an xfail that fails the suite once it passes).
GAPS: dict[str, str] = {}


def _report(art):
    import factcheck

    return factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, path=art.path.name)


def _serious(report):
    return [f for f in report.findings if f.severity in bench.SERIOUS]


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in BATCH_B if a.cls != "clean"], ids=lambda a: a.id)
def test_batch_b_wrong_article_is_flagged_on_its_error(art):
    report = _report(art)
    on_line = [f.rule for f in _serious(report) if bench._lines(report, f) & set(art.marked_lines())]
    assert set(on_line) & set(art.rules), f"expected {art.rules} on line {art.marked_lines()}, got {on_line}"


@pytest.mark.parametrize("art", [a for a in BATCH_B if a.cls == "clean"], ids=lambda a: a.id)
def test_batch_b_right_article_is_not_flagged(art):
    assert [(f.rule, f.message) for f in _serious(_report(art))] == []


# Batch A: the forms the fixes were tuned on, each in at least two wordings, as (wrong, right) pairs of short
# articles; the wrong one is flagged FC101, the right one has no warning or error.
PAIRS = {
    "period_figure_carried": [
        ("The charity handed out 8,400 food parcels in March.\n\nThe number was up 40% on the 2023 figure of 5,000,"
         " its director said.",
         "The charity handed out 8,400 food parcels in March.\n\nThe number was up 68% on the 2023 figure of 5,000,"
         " its director said."),
        ("The museum welcomed 96,000 visitors in 2025, its director said. \"We had a wonderful year.\"\n\n"
         "Attendance was up 50% compared with the 2022 figure of 72,000.",
         "The museum welcomed 96,000 visitors in 2025, its director said. \"We had a wonderful year.\"\n\n"
         "Attendance was up 33% compared with the 2022 figure of 72,000."),
    ],
    "compared_with_earlier": [
        ("Exports fell to $41.2bn in July, compared with $39.8bn a month earlier, the customs office said.",
         "Exports fell to $38.2bn in July, compared with $39.8bn a month earlier, the customs office said."),
        ("Passenger numbers slipped to 2.31 million in June,\r\ncompared with 2.18 million a year earlier.",
         "Passenger numbers slipped to 2.11 million in June,\r\ncompared with 2.18 million a year earlier."),
    ],
    "difference_and_percent": [
        ("Rents fell 1.2% in May, the portal said.\n\nThe average monthly rent is now £1,380, about £45 less than in"
         " April.",
         "Rents fell 1.2% in May, the portal said.\n\nThe average monthly rent is now £1,380, about £17 less than in"
         " April."),
        ("Petrol prices rose by 2.5% over the month. The average litre of unleaded now costs 142.6p, 9.8p more than"
         " in June.",
         "Petrol prices rose by 2.5% over the month. The average litre of unleaded now costs 142.6p, 3.5p more than"
         " in June."),
    ],
    "times_the_size": [
        ("Floods have covered 18,000 square kilometres, more than eight times the area of Luxembourg, which covers"
         " 2,586 square kilometres.",
         "Floods have covered 18,000 square kilometres, more than six times the area of Luxembourg, which covers"
         " 2,586 square kilometres."),
        ("The new reservoir holds 90 billion litres. That is three times the capacity of the old one, which held 45"
         " billion litres.",
         "The new reservoir holds 90 billion litres. That is twice the capacity of the old one, which held 45"
         " billion litres."),
    ],
    "previous_estimate": [
        ("Quarterly growth was revised up to 0.4%, from a previous estimate of 0.6%, the office said.",
         "Quarterly growth was revised up to 0.4%, from a previous estimate of 0.3%, the office said."),
        ("Inflation was 3.1% in May, down from the flash estimate of 2.9%, Eurostat said.",
         "Inflation was 3.1% in May, down from the flash estimate of 3.2%, Eurostat said."),
    ],
    "above_the_average": [
        ("So far this year 4,100 wildfires have burned in the state. This is above the 10-year average of 4,526"
         " fires.",
         "So far this year 4,900 wildfires have burned in the state. This is above the 10-year average of 4,526"
         " fires."),
        ("Rainfall in June totalled 48mm at the airport, well below the long-term average of 41mm.",
         "Rainfall in June totalled 38mm at the airport, well below the long-term average of 41mm."),
    ],
    "rise_then_its_figures": [
        ("Hollis Group posted a better-than-expected 31 percent rise in annual profit on Monday.\n\n"
         "Profit rose to 412 million pounds from 340 million pounds, the group said.",
         "Hollis Group posted a better-than-expected 21 percent rise in annual profit on Monday.\n\n"
         "Profit rose to 412 million pounds from 340 million pounds, the group said."),
        ("Kessler AG reported a 23 percent rise in first-quarter net profit.\n\nFirst-quarter net profit was 151.5"
         " million euros, up from 113.5 million euros in the first quarter of 2024.",
         "Kessler AG reported a 23 percent rise in first-quarter net profit.\n\nFirst-quarter net profit was 151.5"
         " million euros, up from 123.5 million euros in the first quarter of 2024."),
    ],
    "from_a_revised": [
        ("Monthly growth increased from a revised 0.2 percent the previous month to 0.1 percent.",
         "Monthly growth increased from a revised 0.2 percent the previous month to 0.3 percent."),
        ("Retail sales slowed from an upwardly revised 1.1% in March to 1.4% in April.",
         "Retail sales slowed from an upwardly revised 1.1% in March to 0.4% in April."),
    ],
    "points_restated": [
        ("The unemployment rate fell from 3.9 percent to 3.7 percent in September.\n\n\"The unemployment rate"
         " declined by 0.4 percentage point to 3.7 percent,\" the release said.",
         "The unemployment rate fell from 3.9 percent to 3.7 percent in September.\n\n\"The unemployment rate"
         " declined by 0.2 percentage point to 3.7 percent,\" the release said."),
        ("Turnout rose from 61% in 2019 to 66% this year. Officials said turnout increased by 3 points to 66%.",
         "Turnout rose from 61% in 2019 to 66% this year. Officials said turnout increased by 5 points to 66%."),
    ],
    "flow_down_from": [
        ("US employers added 134,000 jobs in September, which is down from 104,000 in August.",
         "US employers added 134,000 jobs in September, which is down from 270,000 in August."),
        ("The economy created 88,000 jobs in March, up from 112,000 in February.",
         "The economy created 88,000 jobs in March, up from 62,000 in February."),
    ],
    "difference_above_record": [
        ("In Dublin, 33°C was measured, 3°C above the old record of 31°C.",
         "In Dublin, 33°C was measured, 2°C above the old record of 31°C."),
        ("The mercury hit 41.5C in Seville, 1.4C higher than the previous high of 40.9C.",
         "The mercury hit 41.5C in Seville, 0.6C higher than the previous high of 40.9C."),
    ],
    # added after batch B was measured (its misses, in other words and numbers)
    "to_a_basis_value": [
        ("Orders rose 10% to a seasonally adjusted $5.2bn in June from $4.1bn in May.",
         "Orders rose 27% to a seasonally adjusted $5.2bn in June from $4.1bn in May."),
        ("The deficit was trimmed to an annualised 3.4% from 3.1%, the treasury said.",
         "The deficit was trimmed to an annualised 3.4% from 3.9%, the treasury said."),
    ],
    "total_of_period": [
        ("The festival sold 84,000 tickets this summer.\n\nSales were up 12% on the 2022 total of 70,000.",
         "The festival sold 84,000 tickets this summer.\n\nSales were up 20% on the 2022 total of 70,000."),
        ("Members donated 3,300 hours of their time in 2025. That was up 50% against last year's tally of 2,750.",
         "Members donated 3,300 hours of their time in 2025. That was up 20% against last year's tally of 2,750."),
    ],
    "part_of_measure_named_after": [
        ("Ostrava Steel reported a 40 percent rise in first-half core profit.\n\nCore profit rose to 210 million"
         " euros from 175 million euros, it said.",
         "Ostrava Steel reported a 20 percent rise in first-half core profit.\n\nCore profit rose to 210 million"
         " euros from 175 million euros, it said."),
        ("The chain posted a 9% fall in annual underlying profit. Underlying profit slipped to £61m from £72m.",
         "The chain posted a 15% fall in annual underlying profit. Underlying profit slipped to £61m from £72m."),
    ],
    "when_it_verbed": [
        ("The airport served 8.1 million passengers in 2025. That was 500,000 more than in 2024, when it served"
         " 7.8 million.",
         "The airport served 8.1 million passengers in 2025. That was 300,000 more than in 2024, when it served"
         " 7.8 million."),
        ("The club sold 41,000 season tickets this year, 6,000 fewer than last year, when it sold 45,000.",
         "The club sold 41,000 season tickets this year, 4,000 fewer than last year, when it sold 45,000."),
    ],
    "times_carried": [
        ("The storm dumped 240mm of rain on the valley on Sunday.\n\nThe downpour was six times the monthly"
         " average of 60mm.",
         "The storm dumped 240mm of rain on the valley on Sunday.\n\nThe downpour was four times the monthly"
         " average of 60mm."),
        ("The new terminal can handle 18 million passengers a year. Its capacity is twice the size of the old"
         " building, which handled 6 million passengers.",
         "The new terminal can handle 18 million passengers a year. Its capacity is three times the size of the old"
         " building, which handled 6 million passengers."),
    ],
    "against_an_average": [
        ("The lake now covers 310 square km, down from an average of 380 square km, a drop of 30%.",
         "The lake now covers 310 square km, down from an average of 380 square km, a drop of 18%."),
        ("The bank's profit was $2.3bn. That is 35% above the five-year average of $2.0bn.",
         "The bank's profit was $2.3bn. That is 15% above the five-year average of $2.0bn."),
    ],
    "comparison_carried": [
        ("Attendance at the zoo was 1.2 million last year.\n\nVisitor numbers were 25% higher than the"
         " pre-pandemic figure of 1.1 million, the zoo said.",
         "Attendance at the zoo was 1.2 million last year.\n\nVisitor numbers were 9% higher than the"
         " pre-pandemic figure of 1.1 million, the zoo said."),
        ("<p>The library lent 52,000 e-books in 2025.</p>\n<p>\"It keeps growing,\" the librarian said.</p>\n"
         "<p>Digital loans were 30% up on the 2023 total of 45,000.</p>",
         "<p>The library lent 52,000 e-books in 2025.</p>\n<p>\"It keeps growing,\" the librarian said.</p>\n"
         "<p>Digital loans were 16% up on the 2023 total of 45,000.</p>"),
    ],
    "base_period_when": [
        ("Profit was $4.4bn, up 8% on 2023, when the group made $3.5bn.",
         "Profit was $4.4bn, up 26% on 2023, when the group made $3.5bn."),
        ("The port handled 2.2 million containers in 2025,\r\nup 10% from 2022, when it handled 1.6 million.",
         "The port handled 2.2 million containers in 2025,\r\nup 38% from 2022, when it handled 1.6 million."),
    ],
    "base_first": [
        ("The scheme now has 7,400 members. Compared with the 2020 figure of 6,200, the total is up 12%.",
         "The scheme now has 7,400 members. Compared with the 2020 figure of 6,200, the total is up 19%."),
        ("Northbridge enrolled 3,100 students this autumn.\n\nAgainst the 2019 figure of 1,900, the intake is up"
         " 45%.",
         "Northbridge enrolled 3,100 students this autumn.\n\nAgainst the 2019 figure of 1,900, the intake is up"
         " 63%."),
    ],
    "points_compared": [
        ("The index stood at 104.2, 2.6 points higher than the February reading of 102.1.",
         "The index stood at 104.2, 2.1 points higher than the February reading of 102.1."),
        ("Turnout was 64%, 5 percentage points higher than in 2019, when it was 61%.",
         "Turnout was 64%, 3 percentage points higher than in 2019, when it was 61%."),
    ],
    "times_a_period_figure": [
        ("Exports to China were worth $18bn, three times the 2015 figure of $9bn.",
         "Exports to China were worth $18bn, twice the 2015 figure of $9bn."),
        ("<p>The charity raised £6.3m this year.</p><p>That is four times its 2019 total of £2.1m.</p>",
         "<p>The charity raised £6.3m this year.</p><p>That is three times its 2019 total of £2.1m.</p>"),
    ],
    "verb_and_noun_families": [
        ("Membership swelled 40% to 5,100 from 3,900, the club said.",
         "Membership swelled 31% to 5,100 from 3,900, the club said."),
        ("Attendance dwindled 30% to 2,100 from 2,400.", "Attendance dwindled 12.5% to 2,100 from 2,400."),
        ("The airport saw 16.3 million visitors in 2017, a 3.8 per cent bump from 14.2 million in 2016.",
         "The airport saw 16.3 million visitors in 2017, a 14.8 per cent bump from 14.2 million in 2016."),
        ("Output saw a 12% downturn to 3.1 million tonnes from 3.2 million tonnes.",
         "Output saw a 3% downturn to 3.1 million tonnes from 3.2 million tonnes."),
    ],
}


def _flags(text):
    import factcheck

    report = factcheck.check_text(text, published="2025-10-20", fmt="html" if text.startswith("<") else "txt")
    return [(f.rule, f.message) for f in report.findings if f.severity in bench.SERIOUS]


CASES = [(form, n, pair) for form, pairs in PAIRS.items() for n, pair in enumerate(pairs)]


@pytest.mark.parametrize("form,n,pair", CASES, ids=[f"{form}-{n}" for form, n, _ in CASES])
def test_batch_a_wrong_is_flagged_and_right_is_quiet(form, n, pair):
    wrong, right = pair
    assert any(rule == "FC101" for rule, _ in _flags(wrong)), wrong
    assert _flags(right) == [], right


def test_a_fall_against_an_earlier_rate_is_quiet():
    # a fall's own value is below zero: -0.3% is down from +0.2%
    assert _flags("Output fell 0.3% in May, down from 0.2% in April, the statistics office said.") == []


@pytest.mark.parametrize("text", [
    "The university employs 2,400 staff.\n\nApplications are up 45% on the 2019 figure of 1,900.",
    "The club has 1,200 members. Attendance at matches was up 10% on the 2022 average of 8,000.",
])
def test_a_value_of_another_measure_is_not_carried(text):
    assert _flags(text) == []


def test_an_item_price_is_no_level_of_the_index():
    text = "Consumer prices rose 0.5% in March. A loaf of bread now costs £1.45, 10p more than in February."
    assert _flags(text) == []


# What may come is no claim about two figures: the new forms stay quiet on forecasts (issue 17's FC205 class).
FORECASTS = [
    "Inflation was 1.8% in May. It is expected to rise above the target of 2% next year.",
    "The company employs 4,100 people. That number could rise above the 2019 peak of 4,500 by next year.",
    "The firm sold 1,200 homes in 2025. The number is expected to be twice the 2023 total of 700 by 2027.",
    "The intake was 3,100 this year.\n\nThe intake will be up 45% on the 2019 figure of 1,900, the university"
    " predicts.",
]


@pytest.mark.parametrize("text", FORECASTS)
def test_forecast_in_the_new_forms_is_quiet(text):
    assert _flags(text) == []
