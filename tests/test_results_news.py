"""Results, markets and sport as today's reporters write them (issue 17): each right article is quiet, its wrong
twin with one number changed is flagged.

Written in our own words with made-up numbers, hard-wrapped with CRLF line ends, in Markdown and HTML (see
tests/test_quiet_news.py's `article`). Covered: a pronoun that names a source ("It said") ties no figure; a
sentence whose subject names an earlier figure's period ("Last month's gain was up from ...") compares with it; a
loss is a level, not a fall; a change's base told after it ("since the year before, in which it imposed ..."), and
a period's length between a value and its change; a results line that drops its scale word; medals named in every
class; a lead told with "by" against its two tallies; runs added to the score a side resumed on; a death age against
the birth year, and a record's years against the years given.
"""

from __future__ import annotations

import pytest

from tests.test_quiet_news import check, flags

# (id, fmt, published, paragraphs, find, replace, rule): the right article, and the change that makes it wrong
CASES = [
    # a sentence whose subject names the earlier figure's period compares with it
    ("named-period-md", "md", "2025-11-07", (
        "Employers added a robust 231,000 jobs in October, more than economists had forecast, the Labor "
        "Department said on Friday.",
        "Last month's hiring gain was up sharply from the 112,000 jobs that were added in September, and wages "
        "rose again.",
        "\"The labour market has found its feet,\" said one economist in Chicago.",
    ), "the 112,000 jobs", "the 312,000 jobs", "FC101"),
    ("named-period-html", "html", "2026-04-15", (
        "The country's exports reached $41.2bn in March as shipments of machinery picked up, customs data showed.",
        "March's total was down from $44.0bn in February, when a rush of orders came before new tariffs.",
        "\"Nobody expected February to last,\" a trade official said.",
    ), "from $44.0bn", "from $38.0bn", "FC101"),
    # a loss is a level of the result, not a fall: the other series of the sentence is still checked
    ("loss-level-md", "md", "2025-08-06", (
        "Brackwater Mining swung to a net loss of $42m in the second quarter from a profit of $310m a year "
        "earlier, while revenue rose 12% to $1.6bn from $1.43bn.",
        "\"Prices for copper did the damage,\" chief executive Ana Ruiz told analysts on a call.",
    ), "rose 12%", "rose 22%", "FC101"),
    ("loss-level-html", "html", "2026-02-26", (
        "Halden Retail slid into a pre-tax loss of £18.5m for the half, against a profit of £64.2m a year "
        "before, as sales fell 6% to £402m from £428m.",
        "The group said it would close 14 stores by the summer.",
    ), "fell 6%", "fell 16%", "FC101"),
    # a change's base told after it, with what happened in that period
    ("base-in-which-md", "md", "2025-07-18", (
        "Britain's markets regulator collected £140m in fines in the 12 months to the end of March, a 38% drop "
        "on the year before, in which it imposed £224.4m, its annual report showed.",
        "\"Fewer cases came to a close,\" a spokesperson said.",
    ), "a 38% drop", "a 48% drop", "FC101"),
    ("base-during-which-html", "html", "2025-07-02", (
        "Rovers sold 1.38 million tickets over the nine months to June, up 15% on the previous season, during "
        "which the club sold 1.2 million.",
        "The club said it would add 2,000 seats to the north stand.",
    ), "up 15%", "up 25%", "FC101"),
    # a results line that leaves out the scale word its comparative gives
    ("scale-word-md", "md", "2025-03-12", (
        "Marlow Group reported its results for 2024 on Wednesday.",
        "- Underlying profit of £87.4 (2024: £80.6m), up 8.4%\n- Dividend of 41p a share",
    ), "up 8.4%", "up 18.4%", "FC101"),
    ("scale-word-html", "html", "2024-03-20", (
        "Pellam Holdings published its annual figures on Wednesday morning.",
        "Revenue of $412.6 (2023: $398.1m), an increase of 3.6%, came in ahead of the group's own target.",
    ), "an increase of 3.6%", "an increase of 6.3%", "FC101"),
    # medals named in every class are the whole count, "including" or not
    ("medals-md", "md", "2025-08-25", (
        "Kenya won 11 medals in all at the championships, including four golds, three silvers and four bronzes.",
        "\"We came for the distance races and we delivered,\" the team manager said.",
    ), "11 medals", "13 medals", "FC110"),
    ("medals-html", "html", "2024-08-12", (
        "Jamaica left the Games with 9 medals altogether, including two gold, three silver and four bronze.",
        "The sprint relay team won the last of them on Saturday night.",
    ), "9 medals", "8 medals", "FC110"),
    # a lead told with "by", against its two tallies
    ("lead-tallies-md", "md", "2026-03-02", (
        "Lyon lead the table by six points, with 58 against 52 for Lille, after a 2-0 win on Sunday.",
        "\"There are ten games left,\" their coach said.",
    ), "by six points", "by seven points", "FC101"),
    ("lead-poll-html", "html", "2025-05-20", (
        "The Greens top the latest poll by four points on 41 to 37 for Labour, the first lead of their history.",
        "The survey of 1,500 adults was carried out last week.",
    ), "41 to 37", "41 to 38", "FC101"),
    ("lead-clear-md", "md", "2025-04-14", (
        "The champions are now clear by nine points, on 64 ahead of Arsenal on 55, with six games to play.",
    ), "Arsenal on 55", "Arsenal on 56", "FC101"),
    # runs added to the score a side started the day on
    ("runs-overnight-md", "md", "2025-07-04", (
        "Resting overnight on 212 for three, England added 96 runs in the morning session to reach 308 for five "
        "at lunch on the second day.",
        "\"The ball did not do much,\" the bowling coach admitted.",
    ), "reach 308", "reach 318", "FC101"),
    ("runs-resumed-html", "html", "2024-12-27", (
        "Starting the day on 145 for two, the visitors added 57 before lunch to reach 202, with their captain "
        "unbeaten on 71.",
    ), "reach 202", "reach 212", "FC101"),
    # a change whose base is a period, that period's value told in another sentence
    ("period-base-md", "md", "2025-11-04", (
        "Revenue at Norvale Foods was $4.1bn in the third quarter, up 28% from the same quarter last year, as "
        "prices for its frozen ranges rose.",
        "\"Shoppers kept trading up,\" chief executive Mia Lund said.",
        "Revenue in the third quarter of 2024 was $3.2bn, according to the company's filings.",
    ), "up 28%", "up 18%", "FC101"),
    ("period-base-html", "html", "2026-02-03", (
        "Exports from the port reached $612m in 2025, a rise of 9% on 2024, the harbour board said on Monday.",
        "\"We had our best summer yet,\" its chair said.",
        "In 2024, exports from the port were $561m, held back by a strike in August.",
    ), "rise of 9%", "rise of 19%", "FC101"),
    # a comparison with a period, not a figure: that period's value, after "when" or elsewhere in the text
    ("than-period-md", "md", "2025-11-04", (
        "Orton Bank made a profit of $4.1bn in the third quarter, helped by higher interest income.",
        "That was 28% more than a year earlier, when it made $3.2bn, the bank said on Tuesday.",
    ), "28% more", "18% more", "FC101"),
    ("than-period-html", "html", "2025-08-20", (
        "Revenue at Kalder was $2.6bn in the first half of 2025.",
        "That was 8% more than in the first half of 2024, the group said in a statement.",
        "Kalder's revenue in the first half of 2024 was $2.4bn, after a slow spring.",
    ), "8% more", "30% more", "FC101"),
    # a sentence that opens with the change itself refers to the move before
    ("the-change-md", "md", "2025-06-30", (
        "Ticket sales at the Lyric theatre fell to 41,000 last season from 52,000 the season before.",
        "The 21% fall came after two shows closed early, its director said.",
    ), "The 21% fall", "The 31% fall", "FC101"),
    ("the-change-html", "html", "2025-10-29", (
        "Tessly's sales rose to $4.1bn in the quarter from $3.2bn a year earlier.",
        "The increase of 28% was driven by phones, the company said.",
    ), "increase of 28%", "increase of 18%", "FC101"),
    # a change stated with no values, its measure's move told a few sentences on
    ("moved-later-md", "md", "2025-10-23", (
        "Harlow Foods lifted its quarterly dividend by 12% on Thursday after a strong summer for its bakeries.",
        "\"We are confident about the year,\" chief executive Dan Roe said.",
        "The company increased its quarterly dividend to 28p a share from 25p.",
    ), "by 12%", "by 18%", "FC101"),
    ("moved-later-html", "html", "2026-02-12", (
        "Corran Bank raised its dividend by 20 percent, the lender said on Wednesday.",
        "Profit for the year came to $2.1bn.",
        "The bank increased its annual dividend to $1.44 a share from $1.20, payable in April.",
    ), "by 20 percent", "by 25 percent", "FC101"),
    # an old value named by what it was: "from the previous record of ..."
    ("named-old-md", "md", "2025-02-10", (
        "A record 61.2 million passengers used Harlow airport in 2024, its operator said on Monday.",
        "Passenger numbers rose 1.8% to 61.2 million in 2024 from the previous record of 60.1 million, set in "
        "2019, before the pandemic emptied its terminals.",
    ), "rose 1.8%", "rose 8.1%", "FC101"),
    ("named-old-html", "html", "2025-07-24", (
        "Sales at Ostwind climbed to $5.4bn in the first half, up 8% from the prior peak of $5.0bn, the group "
        "said.",
    ), "up 8%", "up 18%", "FC101"),
    # a concession opens another series: its change takes no value of the clause before
    ("although-md", "md", "2025-04-16", (
        "Inflation eased to 0.4% in March from 2.3% in February, although core prices rose 1.6%, the statistics "
        "office said on Wednesday.",
    ), "eased to 0.4%", "rose to 0.4%", "FC101"),
    ("but-html", "html", "2025-05-14", (
        "Unemployment fell to 3.9% from 4.4% over the year to March, but wages grew just 1.2%.",
        "\"Hiring is back, pay is not,\" one economist said.",
    ), "fell to 3.9%", "fell to 4.9%", "FC101"),
    # a change on its own basis is a rate of its own, not the change between the clause's two rates
    ("basis-md", "md", "2025-06-18", (
        "Annual inflation eased to 2.1% in May from 2.6% in April, a rise of 0.3% month on month.",
    ), "eased to 2.1%", "eased to 2.9%", "FC101"),
    ("basis-html", "html", "2025-06-18", (
        "Core inflation slowed to 3.1% from 3.4%, with prices rising 0.2% on the month, the agency said.",
    ), "slowed to 3.1%", "slowed to 3.7%", "FC101"),
    # a loss in market value is a fall, not a result's level
    ("market-value-md", "md", "2025-03-11", (
        "Shares in Kestrel fell 12% on Monday, a loss of $3bn in market value, to $22bn from $25bn.",
    ), "a loss of $3bn", "a loss of $5bn", "FC101"),
    ("market-value-html", "html", "2025-03-11", (
        "Hollin lost a fifth of its value on Friday, a loss of £1.2bn of market capitalisation, falling to £4.8bn "
        "from £6bn.",
    ), "a loss of £1.2bn", "a loss of £1.8bn", "FC101"),
    # a subject set off by a dash names the earlier figure's period
    ("dash-subject-md", "md", "2025-02-10", (
        "In 2024, a record 61.2 million passengers passed through the county's airports, officials said on Monday.",
        "The all-time high number of travellers served last year at Harlow, Penford and Stainby — represents a "
        "1.8% increase from the previous record of 60.1 million set in 2019, they said.",
    ), "1.8% increase", "2.8% increase", "FC101"),
    ("dash-subject-html", "html", "2026-01-20", (
        "Visitors to the national museums reached 9.4 million in 2025.",
        "The busiest year on record for the museums last year — which included a free-entry summer — marked a 12% "
        "rise from the previous high of 8.4 million.",
    ), "a 12% rise", "a 21% rise", "FC101"),
    # a death age against the birth year; a record's years against the years given
    ("died-aged-md", "md", "2025-08-12", (
        "The novelist, who was born in 1931, died on Tuesday aged 93, her publisher said.",
        "Her first book sold more than a million copies.",
    ), "aged 93", "aged 91", "FC206"),
    ("record-stood-html", "html", "2025-09-01", (
        "Her time of 2:14:04, set in Chicago in 2009, was a record that stood for 16 years until it fell in "
        "2025.",
    ), "16 years", "14 years", "FC210"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_right_article_is_quiet(case):
    _, fmt, published, paragraphs, _, _, _ = case
    assert flags(check(fmt, published, "News", *paragraphs)) == []


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_wrong_twin_is_flagged(case):
    _, fmt, published, paragraphs, find, replace, rule = case
    assert sum(p.count(find) for p in paragraphs) == 1, find
    wrong = [p.replace(find, replace) for p in paragraphs]
    assert rule in flags(check(fmt, published, "News", *wrong))


def test_another_places_value_of_the_period_is_no_base():
    report = check("md", "2026-02-03", "Ports", "Exports from Harwick reached $612m in 2025, a rise of 19% on 2024, "
                   "the harbour board said.", "In 2024, exports from Dunmore were $561m.")
    assert flags(report) == []


def test_a_year_earlier_said_twice_is_one_period():
    report = check("md", "2025-11-04", "Results", "Orton Bank made a profit of $4.1bn in the third quarter. A year "
                   "earlier it made $3.2bn.", "Costs were $1.9bn, against $1.7bn a year earlier.")
    dates = [f.date for f in report.figures if " ".join(f.surface.lower().split()) == "a year earlier"]
    assert dates == ["2024-07", "2024-07"]


# --- A pronoun that names a source ties no figure -------------------------------------------------------------

@pytest.mark.parametrize("fmt, paragraphs", [
    ("md", ("The statistics office put the headline inflation rate at 6.3 per cent in September.",
            "It said the rural rate rose by 6.1 per cent year-on-year in September from 5.9 per cent recorded in "
            "August.")),
    ("html", ("Factory output grew 2.8% in the year to May, the agency reported.",
              "They added that the capacity rate increased by 4.1% on the year in May from 3.2% in April.")),
])
def test_a_source_pronoun_ties_no_figure(fmt, paragraphs):
    assert flags(check(fmt, "2025-10-20", "Prices", *paragraphs)) == []


def test_a_figure_pronoun_still_ties():
    report = check("md", "2025-10-20", "Prices", "Rents averaged £1,320 a month in September.",
                   "That was up 30% from £1,150 a year earlier, the survey said.")
    assert flags(report) == ["FC101"]


# --- "with N points" belongs to its clause's subject (FC301) ------------------------------------------------------

@pytest.mark.parametrize("fmt, paragraphs", [
    ("md", ("Further down, Rovers avoided the drop on the final day, finishing with 34 points.",
            "In the second tier, Harwick Town set a club record with 97 points and went up as champions.")),
    ("html", ("Ashby Athletic finished bottom of the league with 19 points, while Corran Vale won the title with 88 "
              "points.", "\"A season to forget,\" the Ashby manager said.",
              "Meanwhile, Dunmore United set a record of their own with 91 points in the fourth tier.")),
])
def test_points_after_with_belong_to_the_clause_subject(fmt, paragraphs):
    assert "FC301" not in flags(check(fmt, "2026-01-04", "Season review", *paragraphs))


@pytest.mark.parametrize("fmt, paragraphs", [
    ("md", ("The Kestrels, a cycling club with 3,100 members, met on Monday.",
            "The Kestrels, with 3,010 members, will meet again in June.")),
    ("html", ("The Kestrels cycling club has 3,100 members.", "The Kestrels, with 3,010 members, met again on "
              "Monday to choose a new chair.")),
])
def test_a_stock_after_with_is_still_its_owners(fmt, paragraphs):
    assert flags(check(fmt, "2026-01-04", "Club", *paragraphs)) == ["FC301"]


# --- A table's change column against its two period columns (FC101) -----------------------------------------------

TABLES = [
    ("md", "2023-05-17", "\n".join([
        "---", "date: 2023-05-17", "---", "# House prices rise again", "",
        "Average prices rose in every region in the year to March, the land registry said on Wednesday.", "",
        "| Property type | March 2023 | March 2022 | Difference % |", "| --- | --- | --- | --- |",
        "| Detached | 483,994 | 459,987 | 5.2 |", "| Semi-detached | 292,617 | 279,591 | 4.7 |",
        "| Flat | 249,779 | 241,496 | 3.4 |", "", "\"Flats lag behind,\" one agent said.", ""]),
     "| 4.7 |", "| 5.7 |"),
    ("md", "2025-03-04", "\r\n".join([
        "---", "date: 2025-03-04", "---", "# Results at a glance", "",
        "| Measure | 2024 | 2023 | % change |", "|:--|--:|--:|--:|",
        "| Revenue (£m) | 1,284.6 | 1,190.2 | +7.9 |", "| Operating profit (£m) | 212.4 | 230.8 | -8.0 |",
        "| Staff | 8,410 | 8,150 | +3.2 |", "", "The board proposed a final dividend of 21p.", ""]),
     "| -8.0 |", "| +8.0 |"),
]


@pytest.mark.parametrize("fmt, published, text, find, replace", TABLES, ids=["difference", "percent-change"])
def test_a_tables_change_column_is_checked(fmt, published, text, find, replace):
    from factcheck import check_text

    right = check_text(text, fmt=fmt)
    assert [f.rule for f in right.findings if f.severity in ("error", "warning")] == []
    assert text.count(find) == 1
    wrong = check_text(text.replace(find, replace), fmt=fmt)
    assert [f.rule for f in wrong.findings if f.severity in ("error", "warning")] == ["FC101"]


def test_a_change_column_of_amounts_is_not_read_as_percentages():
    from factcheck import check_text

    text = "\n".join(["# Results", "", "| Measure | 2024 | 2023 | Change |", "| --- | --- | --- | --- |",
                      "| Revenue | £115.3m | £109.2m | £6.1m |", "| Staff | 812 | 790 | 22 |", ""])
    assert [f.rule for f in check_text(text, fmt="md").findings if f.severity in ("error", "warning")] == []


# --- Times, clock times and overs are no counts -------------------------------------------------------------------

@pytest.mark.parametrize("fmt, paragraphs, not_counts", [
    ("md", ("Kiptoo won the men's race in 2:05:41 and Hassan took the women's title in 2:18:33 on Sunday.",
            "The first runners set off at 0830 GMT, and the last finishers came in at 1445 GMT.",
            "On Tuesday, 18,412 runners collected their medals, up from 17,950 a year earlier."),
     ("2:05:41", "2:18:33", "0830", "1445")),
    ("html", ("India were bowled out for 287 in 93.1 overs, with Sharma making 112 off 141 balls.",
              "England reached 145 for two in 31.4 overs before rain ended the 24-hour period of play."),
     ("93.1", "31.4")),
])
def test_times_and_overs_are_no_counts(fmt, paragraphs, not_counts):
    report = check(fmt, "2025-04-28", "Results", *paragraphs)
    assert flags(report) == []
    counts = {" ".join(f.surface.split()) for f in report.figures if f.kind == "count"}
    assert not counts & set(not_counts)
