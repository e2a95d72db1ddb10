"""Today's news without false alarms (issue 17): forecasts and guidance are no past events, a date without a year
takes the year its frame says, a change does not reach across ", with ..." into another series, analysts'
estimates and subsets are no second values, and a thing's age is no person's. Each quiet case has a wrong twin
that is still flagged: quiet must not mean blind.

The articles are written as reporters write them (several paragraphs, quotes), hard-wrapped with CRLF line ends,
in Markdown and in HTML.
"""

from __future__ import annotations

import pytest

from factcheck import check_text
from tests.hardwrap import fill

SERIOUS = ("error", "warning")


def article(fmt: str, published: str, title: str, *paragraphs: str) -> str:
    """An article in Markdown (front matter) or HTML (article:published_time), wrapped at 64 columns, CRLF."""
    if fmt == "md":
        lines = ["---", f"published: {published}", "---", f"# {title}", ""]
        for para in paragraphs:
            lines += [*fill(para, 64), ""]
    else:
        lines = ["<!doctype html>", "<html>", "<head>",
                 f'<meta property="article:published_time" content="{published}T08:30:00Z">',
                 f"<title>{title}</title>", "</head>", "<body>", "<article>", f"<h1>{title}</h1>"]
        for para in paragraphs:
            wrapped = fill(para.replace("&", "&amp;"), 64)
            wrapped[0], wrapped[-1] = "<p>" + wrapped[0], wrapped[-1] + "</p>"
            lines += wrapped
        lines += ["</article>", "</body>", "</html>"]
    return "\r\n".join(lines) + "\r\n"


def check(fmt: str, published: str, title: str, *paragraphs: str):
    return check_text(article(fmt, published, title, *paragraphs), fmt=fmt)


def flags(report) -> list[str]:
    """The rule codes of the warnings and errors a user sees."""
    return sorted(f.rule for f in report.findings if f.severity in SERIOUS)


def figure(report, surface: str):
    """The figure whose surface (whitespace folded, as wrapping leaves it) is this one."""
    found = [f for f in report.figures if " ".join(f.surface.split()) == surface]
    assert found, f"no figure {surface!r} among {[f.surface for f in report.figures]}"
    return found[0]


# --- A forecast, outlook or guidance is no past event (FC205) ---------------------------------------------------

@pytest.mark.parametrize("fmt, published, paragraphs", [
    ("md", "2026-08-14", (
        "Northwind Logistics said on Thursday that it expected a stronger 2027 after a spring in which fuel costs "
        "and a strike at its largest depot cut volumes.",
        "The company kept its guidance for growth in 2027 and said it had targeted a return to full-year profit "
        "in 2027, when two new hubs open.",
        "\"We are not changing the plan,\" said chief executive Mara Quill. The board said it expected to complete "
        "the sale of its parcel unit in the first quarter of 2027.",
    )),
    ("html", "2025-11-03", (
        "Harbour & Crane kept its outlook for 2026 unchanged on Monday, even as the shipping group reported a "
        "slower third quarter.",
        "Finance director Ilse Brandt said the group forecast a recovery in container rates in 2026 and projected "
        "volume growth in the second half of 2026.",
        "\"Our guidance for 2026 stands,\" she said. Analysts said the sector's purchasing index signalled slower "
        "growth in 2026.",
    )),
])
def test_a_forecast_told_with_a_past_reporting_verb_is_no_past_event(fmt, published, paragraphs):
    report = check(fmt, published, "Outlook held", *paragraphs)
    assert "FC205" not in flags(report)
    assert not any(f.attr("tense") == "past" for f in report.figures if f.date and f.date[:4] > published[:4])


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "The Kessel bridge reopened in 2027 after three years of repairs, the regional transport office said on "
           "Thursday."),
    ("html", "The central bank signalled in March 2027 that it would keep rates on hold, its governor said."),
])
def test_a_past_event_after_publication_is_still_flagged(fmt, sentence):
    report = check(fmt, "2026-08-14", "Past events", sentence, "\"Nothing has changed,\" a spokesman said.")
    assert flags(report) == ["FC205"]


# --- A date without a year takes the year its frame says ----------------------------------------------------------

@pytest.mark.parametrize("fmt, published, paragraphs, surface, date", [
    ("md", "2026-08-14", ("A new chief executive could be announced on Sept. 3, people familiar with the matter "
                          "said on Friday.", "The board met twice in July. \"We are close,\" one director said."),
     "Sept. 3", "2026-09-03"),
    ("html", "2026-08-20", ("The name of the winning bidder may be published on Sept. 10, the ministry said, after "
                            "two rounds of talks.", "Officials declined to comment further."),
     "Sept. 10", "2026-09-10"),
    ("md", "2026-03-10", ("Fenwick Mills declared a final dividend of 14.5p a share, which is payable on May 9 to "
                          "shareholders on the register on April 17.", "Shares rose 3% on the news."),
     "May 9", "2026-05-09"),
    ("html", "2026-08-14", ("The special dividend will be paid on Aug. 3, the company said, a week later than it "
                            "had planned.", "\"We apologise for the delay,\" said the company secretary."),
     "Aug. 3", "2027-08-03"),
    ("md", "2026-10-20", ("Kestrel Bank is due to report third-quarter results on Nov. 4, and analysts expect a "
                          "weaker quarter.", "\"Margins are under pressure,\" one analyst said."),
     "Nov. 4", "2026-11-04"),
    ("html", "2026-12-15", ("The special dividend of 22 cents is payable on Dec. 2 next year, the board said, once "
                            "the sale of its shipping arm is complete.", "Shares were flat."), "Dec. 2", "2027-12-02"),
    ("md", "2026-08-14", ("The purchasing managers' index signals slower growth in the fourth quarter, economists "
                          "at Norbank said.", "Orders fell for a third month."), "the fourth quarter", "2026-10"),
    ("html", "2026-03-12", ("Profit fell in the fourth quarter as rates rose, the lender said on Thursday.",
                            "\"It was a hard winter,\" said its chairman."), "the fourth quarter", "2025-10"),
])
def test_a_date_without_a_year_takes_the_year_its_frame_says(fmt, published, paragraphs, surface, date):
    report = check(fmt, published, "Dates", *paragraphs)
    assert figure(report, surface).date == date
    assert "FC205" not in flags(report)


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "The shareholder vote took place on Sept. 3, the company said in a statement."),
    ("html", "Lenders said the deal was signed on Aug. 28 after a night of talks."),
])
def test_a_past_event_dated_weeks_after_publication_is_flagged(fmt, sentence):
    report = check(fmt, "2026-08-14", "Vote", sentence, "\"It was close,\" one investor said.")
    assert flags(report) == ["FC205"]


# --- A deadline set by an order is no past event (FC205) ------------------------------------------------------

@pytest.mark.parametrize("fmt, sentence", [
    ("md", "The former director was sentenced on Tuesday and was ordered to report to prison on Sept. 2."),
    ("html", "The club told season-ticket holders to collect their new cards on Aug. 29 at the west stand."),
    ("md", "Regulators asked the lender to repay the overcharged customers on Sept. 15, the watchdog said."),
])
def test_a_deadline_in_an_order_is_no_past_event(fmt, sentence):
    report = check(fmt, "2026-08-14", "Deadline", sentence, "\"We expect it to be met,\" an official said.")
    assert flags(report) == []


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "The court told the former director on Sept. 2 that he would go to prison."),
    ("html", "The regulator asked on Aug. 29 for the lender's records, the watchdog said."),
])
def test_an_order_given_after_publication_is_still_flagged(fmt, sentence):
    report = check(fmt, "2026-08-14", "Deadline", sentence)
    assert flags(report) == ["FC205"]


@pytest.mark.parametrize("fmt, published, sentence, right, wrong", [
    ("md", "2018-04-25", "Investors had until {}, May 8, to tender their shares, the company said.", "Tuesday",
     "Wednesday"),
    ("html", "2018-05-20", "The deadline for comments on the plan was {}, June 1, officials said.", "Friday",
     "Thursday"),
    ("md", "2018-04-25", "The union voted to strike on {}, May 11, unless talks resumed.", "Friday", "Monday"),
])
def test_a_deadline_told_in_the_past_keeps_the_coming_date(fmt, published, sentence, right, wrong):
    assert flags(check(fmt, published, "Deadline", sentence.format(right))) == []
    assert flags(check(fmt, published, "Deadline", sentence.format(wrong))) == ["FC202"]


# --- A change does not pair figures across ", with ..." into another series (FC101) -------------------------------

@pytest.mark.parametrize("fmt, sentence", [
    ("md", "Sales rose 6% to $9.1bn in the quarter, with cloud revenue climbing to $4.2bn from $3.5bn."),
    ("html", "Operating profit climbed 11% to €1.8bn, with services income rising to €640m from €520m."),
    ("html", "Revenue grew 8% to €2.4bn, while subscription income increased to €900m from €700m a year earlier."),
    ("md", "Net income rose 12% to £640m; operating costs fell to £1.1bn from £1.3bn."),
    ("html", "Bookings climbed 9% to 41,000, whereas cancellations dropped to 2,100 from 3,400."),
])
def test_a_change_does_not_take_another_series_old_value(fmt, sentence):
    report = check(fmt, "2026-07-30", "Results", "Orbis Systems reported its second-quarter results on Thursday.",
                   sentence, "\"Demand was broad,\" said finance chief Leo Marsh.")
    assert flags(report) == []


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "Sales rose 6% to $9.1bn, with cloud revenue climbing 50% to $4.2bn from $3.5bn."),
    ("html", "Sales rose 60% to $9.1bn from $8.6bn, with cloud revenue climbing to $4.2bn."),
])
def test_a_wrong_change_beside_a_with_clause_is_still_flagged(fmt, sentence):
    report = check(fmt, "2026-07-30", "Results", "Orbis Systems reported its second-quarter results on Thursday.",
                   sentence)
    assert flags(report) == ["FC101"]


# --- An analysts' estimate is no reported value -------------------------------------------------------------------

@pytest.mark.parametrize("fmt, sentence, estimate", [
    ("md", "Adjusted earnings were $1.12 a share, up 8%, against forecasts of $1.08 a share.", "$1.08"),
    ("html", "Earnings of $1.12 a share beat the $1.08 analysts had expected, and were up from $1.04 a year ago, a "
             "rise of 8%.", "$1.08"),
    ("md", "Earnings per share of $2.31 compared with $2.05 expected by analysts, up 12% from $2.06.", "$2.05"),
    ("html", "Revenue of $5.6bn topped the consensus of $5.4bn, and was up 12% from $5.0bn a year earlier.",
     "$5.4bn"),
    ("md", "Sales rose 9% to 41,400 cars; economists polled by Reuters had forecast 40,000, up 5% from 38,000.",
     "40,000"),
])
def test_an_analysts_estimate_is_kept_out_of_changes(fmt, sentence, estimate):
    report = check(fmt, "2026-04-23", "Earnings beat", "Talbot Foods reported first-quarter results on Wednesday.",
                   sentence, "\"A clean beat,\" said one analyst.")
    assert flags(report) == []
    assert "forecast" in figure(report, estimate).qualifiers
    assert not [s for s in report.statements if s.kind == "change" and figure(report, estimate).id in s.figure_ids]


def test_a_wrong_change_beside_an_estimate_is_still_flagged():
    report = check("md", "2026-04-23", "Earnings beat", "Earnings of $1.12 a share beat the $1.08 analysts "
                   "expected, and were up from $1.04 a year ago, a rise of 18%.")
    assert flags(report) == ["FC101"]


@pytest.mark.parametrize("fmt, lead, later", [
    ("md", "Profit in 2025 was $2.31bn, against a consensus forecast of $2.05bn.",
     "In 2025, profit was $2.31bn, the company said."),
    ("html", "Profit in 2025 was $2.31bn, compared with the $2.05bn analysts had pencilled in.",
     "Profit in 2025 was $2.31bn, its highest in a decade."),
])
def test_an_estimate_is_no_second_value_of_its_figure(fmt, lead, later):
    report = check(fmt, "2026-03-05", "Profit", lead, "\"A strong year,\" the chairman said.", later)
    assert "FC301" not in flags(report)


# --- A subset is no second value of its total (FC301) -------------------------------------------------------------

@pytest.mark.parametrize("fmt, subset", [
    ("md", "In 2025, six of the fines (£12.4m) were imposed on banks for money-laundering failings."),
    ("html", "In 2025, most of the fines, £12.4m in all, went to three high-street lenders."),
])
def test_a_subset_is_no_second_value_of_its_total(fmt, subset):
    report = check(fmt, "2026-02-10", "Fines", "The Financial Conduct Authority imposed fines totalling £12.6m in "
                   "2025, its annual report showed on Tuesday.", subset, "\"We are serious,\" a spokesperson said.")
    assert "FC301" not in flags(report)


def test_a_total_given_two_values_is_still_flagged():
    report = check("md", "2026-02-10", "Fines", "The Financial Conduct Authority imposed fines totalling £12.6m "
                   "in 2025, its annual report showed.", "In 2025, the fines came to £12.4m, the report said.")
    assert flags(report) == ["FC301"]


# --- A thing's age is no person's (FC206, FC402) -----------------------------------------------------------------

@pytest.mark.parametrize("fmt, sentence", [
    ("md", "Born in 1961, Ruth Okafor runs the 150-year-old company her grandfather bought."),
    ("html", "Tomas Vidal, who was born in 1980, owns the 140-year-old mill on the river."),
    ("md", "Born in 1975, the mayor opened the 40-year-old stadium's new stand and a 130-year-old bridge."),
])
def test_a_things_age_is_no_persons_age(fmt, sentence):
    report = check(fmt, "2026-05-02", "Profile", sentence, "\"It is a family matter,\" she said.")
    assert flags(report) == []


@pytest.mark.parametrize("fmt, sentence, rule", [
    ("md", "Tomas Vidal, who was born in 1980, is a 56-year-old carpenter.", "FC206"),
    ("html", "The village's oldest resident, a 131-year-old woman, was honoured.", "FC402"),
])
def test_a_persons_wrong_age_is_still_flagged(fmt, sentence, rule):
    report = check(fmt, "2026-05-02", "Profile", sentence)
    assert rule in flags(report)


# --- A forecast qualifier stays in its clause ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt, sentence", [
    ("md", "Voters will go to the polls on June 4; 52% said they backed the plan in a survey."),
    ("html", "The country will vote in June on the plan: 52% said they backed it in the latest poll."),
])
def test_a_forecast_does_not_reach_a_stated_poll_figure(fmt, sentence):
    report = check(fmt, "2026-03-14", "Poll", sentence)
    assert "forecast" not in figure(report, "52%").qualifiers


def test_a_forecast_figure_keeps_its_qualifier():
    report = check("md", "2026-03-14", "Turnout", "Officials said turnout would reach 52% in June, the highest in "
                   "decades.")
    assert "forecast" in figure(report, "52%").qualifiers


# --- another subject's move after ", and"; a basis the clause is told on -----------------------------------------

@pytest.mark.parametrize("fmt, published, paragraphs", [
    ("md", "2025-06-20", ("The jobless rate rose to 4.1 percent in May from 3.9 percent in April, and wages grew "
                          "2.4% in the year to May, the statistics office said.",
                          "\"The labour market is cooling,\" said Tomas Berg, an economist at Nordbank.")),
    ("html", "2026-02-11", ("Quarterly sales at Harlow Foods rose to $9.1bn from $8.6bn, and operating profit climbed "
                            "12% on cheaper grain, the company said on Tuesday.",
                            "Its shares closed 3% higher.")),
])
def test_another_subjects_move_after_and_is_not_the_first_clauses_change(fmt, published, paragraphs):
    report = check(fmt, published, "Results", *paragraphs)
    assert flags(report) == []


@pytest.mark.parametrize("fmt, sentence, said", [
    ("md", "Quarterly sales at Harlow Foods rose 15% to $9.1bn from $8.6bn, and operating profit climbed 12%.", "+15%"),
    ("html", "The jobless rate rose to 4.1 percent from 3.9 percent in April, and wages grew 2.4% to £612 a week "
             "from £590.", "+2.4%"),
])
def test_each_clauses_own_change_is_still_checked(fmt, sentence, said):
    report = check(fmt, "2025-06-20", "Results", sentence)
    assert [f.rule for f in report.findings if f.severity in SERIOUS] == ["FC101"]
    assert next(f.message for f in report.findings if f.rule == "FC101").startswith(f"The text says {said}, but ")


@pytest.mark.parametrize("fmt, basis", [
    ("md", "On an unadjusted basis, the unemployment rate was 4.6 percent in May, the office added."),
    ("html", "The unemployment rate in May was 4.6 percent on a non-seasonally adjusted basis, the office added."),
])
def test_a_rate_told_on_another_basis_is_another_series(fmt, basis):
    report = check(fmt, "2025-06-20", "Jobless rate edges up",
                   "The jobless rate rose to 4.1 percent in May from 3.9 percent in April, the statistics office said.",
                   basis)
    assert flags(report) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_same_rate_told_twice_with_two_values_is_still_flagged(fmt):
    report = check(fmt, "2025-06-20", "Jobless rate edges up",
                   "The jobless rate rose to 4.1 percent in May from 3.9 percent in April, the statistics office said.",
                   "The unemployment rate was 4.6 percent in May, the office added.")
    assert "FC301" in flags(report)


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "The cedi has fallen to about 15 to the dollar, from around 11 a year ago, traders in Accra said."),
    ("html", "The rupee weakened to 88 per US dollar from 83 in January, the central bank's data showed."),
])
def test_a_currency_falling_against_its_quote_per_dollar_is_no_wrong_direction(fmt, sentence):
    assert flags(check(fmt, "2025-06-20", "Currency slides", sentence)) == []


@pytest.mark.parametrize("fmt, sentence", [
    ("md", "Cocoa exports have fallen to about $15m a month, from around $11m a year ago, traders in Accra said."),
    ("html", "The rupee weakened 12% to 88 per US dollar from 83 in January, the central bank's data showed."),
])
def test_a_move_that_contradicts_its_words_is_still_flagged(fmt, sentence):
    assert flags(check(fmt, "2025-06-20", "Exports", sentence)) == ["FC101"]
