"""Wholes and their parts as the user sees them (issue 11 items 2 and 3, issue 17): the rule, severity, line and the
numbers of each message for the forms read this round, each in two phrasings of our own (other numbers, names,
formats, wrapping and line ends), and the traps that must stay quiet.

Forms: answers one a row (bullet list, Markdown table, HTML table, after a question), seat tables with a total row,
a share of a total named in the sentence before, a cut of a named whole restated as a share, a fraction word first
among shares, a list past "while" to spoiled papers, a count of the whole's noun set off at its clause's end, a whole
whose clause a colon closes, voting intention over "and the rest were split between",
"the remaining" in the sentence, a count before a total named for its noun, hedged fraction words, vague words
restated with no "of", uptake over 100%.
"""

from __future__ import annotations

import pytest

import factcheck

SERIOUS = ("warning", "error")


def _findings(text: str, fmt: str, published: str = "2026-03-02"):
    """(rule, severity, line, message) of each warning and error, the line as the report gives it: its first
    figure's (a list's first part, a share's amount)."""
    report = factcheck.check_text(text, published=published, fmt=fmt)
    return [(f.rule, f.severity, report.locate(f.spans[0].start)[0], f.message) for f in report.findings
            if f.severity in SERIOUS]


def _line(text: str, marker: str) -> int:
    return text.count("\n", 0, text.index(marker)) + 1


CASES = [
    # answers one a row: a bullet list after "The answers were:"
    ("bullets", "md", "---\npublished: 2025-06-20\n---\n# Four-day week\n\nA survey of 2,000 workers asked whether "
     "they would take a four-day week on the same pay. The answers were:\n\n- Yes: 61%\n- No: 21%\n"
     "- Don't know: {X}\n\n\"People want time back,\" said researcher Lena Okafor.\n", "28%", "18%",
     "- Yes: 61%", ("FC111", "error", "The shares add up to 110%, not 100%.")),
    ("bullets-crlf", "txt", "Rail poll\r\n\r\nCommuters were asked if the line should be nationalised:\r\n\r\n"
     "* In favour: 55%\r\n* Against: 31%\r\n* Not sure: {X}\r\n\r\n\"We want trains that run,\" said Ivy Chen.\r\n",
     "21%", "14%", "* In favour", ("FC111", "error", "The shares add up to 107%, not 100%.")),
    # a Markdown table and an HTML table of answers after a question
    ("md-table-question", "md", "# Cooking\n\nThe survey asked 2,000 adults: How often do you cook from scratch?\n\n"
     "| Response | Percent |\n| --- | --- |\n| Never | 8% |\n| Sometimes | {X} |\n| Most days | 41% |\n"
     "| Every day | 17% |\n\nCooking was most common among people over 65.\n", "44%", "34%", "| Never |",
     ("FC111", "error", "The shares add up to 110%, not 100%.")),
    ("html-table", "html", "<html><body><h1>Uniform poll</h1><p>A poll of 800 parents asked whether the county "
     "should bring in a single uniform.</p>\n<table><tr><th>Answer</th><th>Share</th></tr>\n<tr><td>In favour</td>"
     "<td>51%</td></tr>\n<tr><td>Against</td><td>{X}</td></tr>\n<tr><td>Don't know</td><td>15%</td></tr></table>\n"
     "</body></html>\n", "44%", "34%", "<td>51%</td>", ("FC111", "error", "The shares add up to 110%, not 100%.")),
    # seat tables with a total row, Markdown and HTML
    ("seat-table", "md", "# Ashford\n\nThe results of Thursday's election:\n\n| Party | Seats |\n| --- | --- |\n"
     "| Labour | {X} |\n| Conservative | 12 |\n| Liberal Democrat | 9 |\n| Total | 55 |\n", "41", "34",
     "| Labour |", ("FC110", "error", "The parts add up to 62, but the stated total is 55.")),
    ("seat-table-html", "html", "<html><body><p>Seats won on Thursday:</p>\n<table><tr><td>Liberal Democrats</td>"
     "<td>29</td></tr>\n<tr><td>Conservatives</td><td>{X}</td></tr>\n<tr><td>Green</td><td>4</td></tr>\n"
     "<tr><td>Total</td><td>50</td></tr></table>\n</body></html>\n", "27", "17", "<td>29</td>",
     ("FC110", "error", "The parts add up to 60, but the stated total is 50.")),
    # a share of a total named in the sentence before
    ("share-of-total", "md", "# Fines\n\nThe regulator imposed fines totalling £40m on four banks last year.\n"
     "The largest, £30m against Harbor Bank, represented about {X} of the\ntotal, the annual report showed.\n",
     "60%", "75%", "represented about", ("FC120", "error", "60% of £40m is about £24m, but the text says £30m.")),
    ("share-of-cumulative", "txt", "Agents' fees\r\n\r\nClubs paid agents $410m in the year to February. "
     "Northbridge City paid the most, with $226m, representing roughly {X} of the cumulative fees.\r\n", "40%", "55%",
     "representing roughly", ("FC120", "error", "40% of $410m is about $164m, but the text says $226m.")),
    # a cut of a whole named as a total, restated as a share
    ("cut-of-whole", "txt", "The 7,500-strong workforce at the Redcar works will lose 2,100 staff, about {X}, by "
     "the end of 2026.\n", "35%", "28%", "2,100",
     ("FC120", "error", "35% of 7,500 is about 2,625, but the text says 2,100.")),
    ("cut-of-whole-md", "md", "# Call centre\n\nThe 1,200-strong call centre will shed 300 jobs, roughly {X}, "
     "next spring, the company said.\n", "40%", "25%", "300 jobs",
     ("FC120", "error", "40% of 1,200 is about 480, but the text says 300.")),
    # a fraction word first among shares
    ("half-first", "md", "# Estate sale\n\nHalf of the tenants asked said yes to the sale, 38% said no and {X} did "
     "not know.\n", "17%", "12%", "38% said no", ("FC111", "error", "The shares add up to 105%, not 100%.")),
    ("third-first", "txt", "A third of members backed the merger, 52% opposed it and {X} abstained, the union "
     "said.\n", "24%", "15%", "52% opposed", ("FC111", "error", "The shares add up to 109%, not 100%.")),
    # seats: a count before a total named for its noun, the rest over "while"
    ("seats-while", "md", "# Harbourside\n\nLabour won 28 seats on the 55-seat Harbourside council, while the\n"
     "Conservatives took {X} seats and independents won 8 seats.\n", "29", "19", "Labour won 28",
     ("FC110", "error", "The parts add up to 65 seats, but the stated total is 55 seats.")),
    ("seats-while-txt", "txt", "The Greens won 14 seats in the 40-seat chamber, while Labour took {X} seats and the "
     "Liberals 9 seats, officials said.\n", "21", "17", "Labour took",
     ("FC110", "error", "The parts add up to 44 seats, but the stated total is 40 seats.")),
    # "the remaining" in the same sentence, after a possessive whole
    ("remaining-same-sentence", "html", "<p>Of the clinic's 90 staff, 52 are nurses, 21 are doctors and the "
     "remaining {X} are support staff.</p>\n", "22", "17", "remaining",
     ("FC110", "error", "The parts add up to 95, but the stated total is 90.")),
    ("remaining-same-sentence-md", "md", "Of the school's 640 pupils, 310 walk to school, 190 come by bus and\n"
     "the remaining {X} are driven.\n", "180", "140", "310 walk",
     ("FC110", "error", "The parts add up to 680 pupils, but the stated total is 640 pupils.")),
    # hedged fraction words and vague words restated with no "of"
    ("almost-two-thirds", "md", "Almost two-thirds of the 900 shops in the town, or {X}, now close on Sundays.\n",
     "450", "580", "Almost", ("FC122", "error", "Almost two-thirds of 900 is 528 to 601, but the text says 450.")),
    ("just-over-a-quarter", "txt", "Just over a quarter of the 1,600 buses, or {X}, failed their checks.\n",
     "300", "420", "Just over",
     ("FC122", "error", "Just over a quarter of 1,600 is about 420, but the text says 300.")),
    ("most-bracket", "html", "<p>Most respondents ({X}) said they would keep buying the paper.</p>\n", "44%", "64%",
     "Most", ("FC122", "error", "Most of the total is 50% to 100%, but the text says 44%.")),
    ("nearly-all-bracket", "txt", "Nearly all trains on the coast line ({X}) arrived on time in September.\n",
     "72%", "96%", "Nearly all", ("FC122", "error", "Nearly all of the total is 90% to 100%, but the text says 72%.")),
    # a count of the whole's noun set off at the end of its clause; a whole whose clause a colon closes
    ("same-noun-later", "md", "Three quarters of the 820 council homes now have heat pumps – some {X} homes.\n",
     "410", "610", "Three quarters",
     ("FC122", "error", "Three quarters of 820 is about 615, but the text says 410.")),
    ("same-noun-later-txt", "txt", "About 40% of the 1,500 farms in the valley lost their harvest (some {X} farms), "
     "the union said.\n", "900", "600", "About 40%",
     ("FC120", "error", "40% of 1,500 is about 600, but the text says 900.")),
    ("colon-whole", "txt", "The union's 480 members voted on Friday: 300, or {X}, backed the merger.\n", "58%",
     "62.5%", "300, or", ("FC120", "error", "58% of 480 is about 278, but the text says 300.")),
    ("colon-whole-md", "md", "# Staff survey\n\nIts 2,600 staff were asked in March: nearly 1,300, or {X}, said "
     "they felt overworked.\n", "61%", "49%", "nearly 1,300",
     ("FC120", "error", "61% of 2,600 is about 1,586, but the text says 1,300.")),
    # party shares named one each in words about a poll or a vote
    ("poll-named", "md", "The poll of 1,000 voters gave Labour 41%, the Conservatives 33% and the Liberal Democrats "
     "{X}.\n", "31%", "26%", "The poll", ("FC111", "error", "The shares add up to 105%, not 100%.")),
    ("poll-on", "txt", "Labour is on 38%, Reform UK on 27%, the Conservatives on 22% and the Greens on {X}, the\n"
     "latest poll found.\n", "16%", "13%", "Labour is on", ("FC111", "error", "The shares add up to 103%, not 100%.")),
    # seats after a colon, seats after a share of the whole
    ("seats-colon", "md", "The 120 seats were shared out as follows: the Alliance 58, the Union 44 and independents "
     "{X}.\n", "21", "18", "The 120",
     ("FC110", "error", "The parts add up to 123 seats, but the stated total is 120 seats.")),
    ("seats-share-first", "txt", "The Alliance won 58 of the assembly's 120 seats, the Union 44 and independents\n"
     "{X}, officials said.\n", "21", "18", "The Alliance",
     ("FC110", "error", "The parts add up to 123 seats, but the stated total is 120 seats.")),
    # "breaks down as", "included" past the total
    ("breaks-down", "md", "The budget of $12m breaks down as $7m for roads, $4m for parks and {X} for libraries.\n",
     "$5m", "$1m", "The budget", ("FC110", "error", "The parts add up to $16m, but the stated total is $12m.")),
    ("included-past-total", "txt", "The festival's 41,000 visitors included 27,600 weekend-ticket holders and {X} day "
     "visitors.\n", "18,000", "9,000", "41,000",
     ("FC110", "error", "The parts add up to 45,600 visitors, but the stated total is 41,000 visitors.")),
    # a vague count the extraction reads as a figure; an amount closed after its own noun
    ("tens-of-thousands", "md", "Tens of thousands of fans – about {X} – lined the streets on Sunday.\n", "8,000",
     "80,000", "Tens", ("FC123", "warning", '"Tens of thousands" means 10,000 to 200,000, but the text gives 8,000.')),
    ("hundreds-of-thousands", "txt", "Hundreds of thousands of people, some {X}, signed the petition.\n", "40,000",
     "400,000", "Hundreds",
     ("FC123", "warning", '"Hundreds of thousands" means 100,000 to 2,000,000, but the text gives 40,000.')),
    ("amount-own-noun", "txt", "Around 70% of the 3,000 tenants, roughly {X} households, signed the petition.\n",
     "1,500", "2,100", "Around", ("FC120", "error", "70% of 3,000 is about 2,100, but the text says 1,500.")),
    ("amount-own-noun-md", "md", "Nearly 40% of the 850 firms, about {X} businesses, expect to raise prices.\n",
     "500", "330", "Nearly", ("FC120", "error", "40% of 850 is about 340, but the text says 500.")),
    # shares of a whole the first names after a verb of sharing, the others dropping it; a breakdown "by" a dimension
    ("gapped-shares", "md", "Cloud accounted for 45% of revenue, devices 35% and services {X}, the company said.\n",
     "25%", "20%", "Cloud", ("FC111", "error", "The shares add up to 105%, not 100%.")),
    ("gapped-shares-txt", "txt", "Gas generated 41% of the country's electricity last year, wind 38% and nuclear\n"
     "{X}.\n", "27%", "21%", "Gas generated", ("FC111", "error", "The shares add up to 106%, not 100%.")),
    ("by-dimension", "md", "Sales by region: Europe 45%, Asia 35% and the Americas {X}.\n", "25%", "20%", "Sales",
     ("FC111", "error", "The shares add up to 105%, not 100%.")),
    ("by-dimension-txt", "txt", "Visitors by country of origin: Germany 52%, France 31% and Italy {X}.\n", "24%",
     "17%", "Visitors", ("FC111", "error", "The shares add up to 107%, not 100%.")),
    # one more part in the next sentence; a count of the parts before them; a dash opening the parts
    ("another", "md", "Of the 86 patients, 31 were treated in Ballina and 40 in Sligo. Another {X} were sent to "
     "Dublin.\n", "21", "15", "Of the 86",
     ("FC110", "error", "The parts add up to 92 patients, but the stated total is 86 patients.")),
    ("a-further", "txt", "Of the 240 rooms, 150 are standard rooms and 60 are family rooms.\nA further {X} are "
     "suites.\n",
     "50", "30", "Of the 240", ("FC110", "error", "The parts add up to 260 rooms, but the stated total is 240 rooms.")),
    ("so-many-with", "md", "The 86 patients were spread across three hospitals, with 31 in Ballina, 40 in Sligo "
     "and {X} in Dublin.\n", "21", "15", "The 86",
     ("FC110", "error", "The parts add up to 92 patients, but the stated total is 86 patients.")),
    ("so-many-between", "txt", "Its 1,500 staff work at two sites, 900 at Crewe and {X} at Stoke.\n", "800", "600",
     "Its 1,500", ("FC110", "error", "The parts add up to 1,700, but the stated total is 1,500.")),
    ("dash-opener", "md", "The firm employs 4,200 people – 2,100 in Leeds, 1,500 in York and {X} in Hull.\n", "900",
     "600", "The firm", ("FC110", "error", "The parts add up to 4,500, but the stated total is 4,200.")),
    ("dash-opener-txt", "txt", "The airline flies 310 aircraft - 190 Airbus jets, 80 Boeings and {X} turboprops.\n",
     "70", "40", "The airline", ("FC110", "error", "The parts add up to 340, but the stated total is 310.")),
    # a hedged share is a rounded share: a few points, not a tenth of itself
    ("hedged-share-list", "md", "About 52% of those polled backed the plan and 39% opposed it, with {X} undecided.\n",
     "14%", "9%", "About 52%", ("FC111", "error", "The shares add up to 105%, not 100%.")),
    ("hedged-share-list-txt", "txt", "Nearly 60% said yes, 31% said no and {X} did not know, the survey found.\n",
     "16%", "9%", "Nearly 60%", ("FC111", "error", "The shares add up to 107%, not 100%.")),
    ("hedged-share-count", "txt", "Of the 480 members, 300, or about {X}, backed the merger.\n", "58%", "62%", "300",
     ("FC120", "error", "58% of 480 is about 278, but the text says 300.")),
    ("hedged-share-count-md", "md", "Around {X} of the 2,000 drivers, or 1,150 people, said they would pay the "
     "charge.\n", "48%", "57%", "Around", ("FC120", "error", "48% of 2,000 is about 960, but the text says 1,150.")),
    # a fraction word of a whole restated as a percentage
    ("fraction-as-percent", "md", "Nearly half of the 1,200 staff, about {X}, said they would strike.\n", "38%", "46%",
     "Nearly half", ("FC122", "error", "Nearly half of the total is 40% to 50%, but the text says 38%.")),
    ("fraction-as-percent-txt", "txt", "Two-thirds of the 600 residents ({X}) opposed the plan.\n", "48%", "66%",
     "Two-thirds", ("FC122", "error", "Two-thirds of the total is 64% to 70%, but the text says 48%.")),
    # a total in the sentence before, broken down with a verb of contributing; "N of them" first; "Total ..., with"
    ("prev-contributed", "md", "Exports reached 4.1 million tonnes in October. Wheat contributed 2.3 million tonnes,\n"
     "corn 1.4 million tonnes and other goods {X} million tonnes.\n", "0.9", "0.4", "Wheat contributed",
     ("FC110", "error", "The parts add up to 4,600,000 metric tons, but the stated total is 4,100,000 metric tons.")),
    ("prev-brought-in", "txt", "The charity raised £2.6m last year. Donations brought in £1.4m, events £0.9m and "
     "grants {X}.\n", "£0.6m", "£0.3m", "Donations", ("FC110", "error",
                                                       "The parts add up to £2.9m, but the stated total is £2.6m.")),
    ("prev-of-that", "html", "<p>The charity raised £2.6m last year. Of that, £1.4m came from donations, £0.9m from "
     "events and {X} from grants.</p>\n", "£0.6m", "£0.3m", "Of that",
     ("FC110", "error", "The parts add up to £2.9m, but the stated total is £2.6m.")),
    ("prev-will-take", "md", "The council will spend $48m on roads. Resurfacing will take $30m, bridges $12m and "
     "lighting {X}.\n", "$9m", "$6m", "Resurfacing", ("FC110", "error",
                                                        "The parts add up to $51m, but the stated total is $48m.")),
    ("of-them-first", "txt", "The company has 12,000 employees, 7,000 of them in Britain, 3,500 in France and {X} in "
     "Spain.\n", "2,000", "1,500", "The company",
     ("FC110", "error", "The parts add up to 12,500 employees, but the stated total is 12,000 employees.")),
    ("of-whom-first", "md", "The club has 900 members, 520 of whom live in the town, 310 in nearby villages and {X} "
     "further away.\n", "150", "70", "The club",
     ("FC110", "error", "The parts add up to 980 members, but the stated total is 900 members.")),
    ("total-was-with", "txt", "Total spending was £48m, with £30m on staff, £12m on buildings and {X} on "
     "equipment.\n", "£9m", "£6m", "Total spending",
     ("FC110", "error", "The parts add up to £51m, but the stated total is £48m.")),
    ("overall-with", "md", "Overall, 2,300 people applied, with 1,400 from the city and {X} from the county.\n",
     "1,100", "900", "Overall", ("FC110", "error", "The parts add up to 2,500, but the stated total is 2,300.")),
    # a poll's answers told over two sentences; a list closed by "others" breaking down the count before it
    ("answers-two-sentences", "md", "Some 52% said they supported the plan. Another 39% said they opposed it, and "
     "{X} said\nthey did not know.\n", "14%", "9%", "Some 52%", ("FC111", "error",
                                                              "The shares add up to 105%, not 100%.")),
    ("answers-two-sentences-txt", "txt", "Asked about the toll, 47% backed it. A further 41% were against, with {X} "
     "undecided.\n", "18%", "12%", "Asked", ("FC111", "error", "The shares add up to 106%, not 100%.")),
    ("others-prev-total", "md", "Parliament has 300 seats. The governing coalition has 171, the opposition {X} and "
     "others 17.\n", "122", "112", "The governing", ("FC110", "error",
                                                     "The parts add up to 310, but the stated total is 300.")),
    ("others-prev-total-txt", "txt", "The assembly has 80 seats. The Centre Party holds 38 seats, the Social "
     "Democrats {X} and others 14.\n", "33", "28", "The Centre",
     ("FC110", "error", "The parts add up to 85 seats, but the stated total is 80 seats.")),
    ("owner-no-determiner", "md", "The coalition holds 171 of parliament's 300 seats, the opposition {X} and others "
     "17.\n", "122", "112", "The coalition", ("FC110", "error",
                                              "The parts add up to 310 seats, but the stated total is 300 seats.")),
    # a share word of a whole, and the next sentence's one count saying how many did so
    ("said-so", "md", "A majority of the 900 staff surveyed want to work from home. In all, {X} said so.\n", "410",
     "510", "A majority", ("FC122", "error", "A majority of 900 is 450 to 900, but the text says 410 (45.6%).")),
    ("did-so", "txt", "Most of the 1,200 nurses balloted voted to strike.\nAltogether, {X} did so.\n", "530", "730",
     "Most of", ("FC122", "error", "Most of 1,200 is 600 to 1,200, but the text says 530 (44.2%).")),
    # uptake over 100%
    ("uptake", "md", "Uptake of the flu vaccine among over-75s rose to {X} this autumn, the health board said.\n",
     "104%", "84%", "Uptake", ("FC401", "error", "A share of 104% is more than the whole (100%).")),
    ("take-up", "txt", "Take-up of free school meals in the borough reached {X} in 2025.\n", "112%", "92%",
     "Take-up", ("FC401", "error", "A share of 112% is more than the whole (100%).")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_wrong_article_shows_the_rule_on_its_line_with_its_numbers(case):
    _, fmt, text, wrong, _, marker, (rule, severity, message) = case
    article = text.replace("{X}", wrong)
    assert (rule, severity, _line(article, marker), message) in _findings(article, fmt)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_right_article_is_quiet(case):
    _, fmt, text, _, right, _, _ = case
    assert _findings(text.replace("{X}", right), fmt) == []


QUIET = [
    ("overlap-use", "md", "Some 62% of adults use WhatsApp every day, 48% use Facebook Messenger and 31% use "
     "Telegram, the survey found.\n"),
    ("more-than-one-reason", "md", "Drivers could give more than one reason:\n\n- Too slow: 58%\n"
     "- Too expensive: 41%\n- No service at the right time: 37%\n"),
    ("select-all-table", "md", "What stops you cycling (select all that apply)?\n\n| Answer | Share |\n| --- | --- |\n"
     "| Traffic | 64% |\n| Weather | 49% |\n"),
    ("two-wholes", "txt", "83% of likely voters say they will vote for their candidate, including 86% of Red voters "
     "and 87% of Blue voters.\n"),
    ("two-questions", "md", "A poll found 62% of voters think the economy is getting worse, 55% think the health "
     "service is and 38% think schools are.\n"),
    ("rounding-101", "txt", "Asked whether the festival should return, 34% said yes, 45% said no and 22% did not "
     "know.\n"),
    ("incomplete-including", "md", "The council will spend £480m next year, including £210m on social care, £90m on "
     "schools and £40m on roads.\n"),
    ("named-by", "txt", "The new 25-member board will have 11 members named by the councils and 9 named by the "
     "government. Customers will elect the remaining 5.\n"),
    ("these-shares-no-comma", "txt", "Trading in these 10 shares accounted for 44% of total turnover of 1.5 billion "
     "marks.\n"),
    ("prison-capacity", "html", "<p>The prison is running at 142% of its certified capacity.</p>\n"),
    ("most-days", "md", "Most days, 44% of commuters take the bus.\n"),
    ("own-clause", "txt", "Half of the 820 homes were damaged, 380 homes were destroyed.\n"),
    ("gapped-with-verb", "txt", "Some 45% of adults use Facebook daily, Instagram 35% and TikTok 25%.\n"),
    ("two-wholes-accounted", "md", "Women accounted for 45% of graduates, and 35% of engineers.\n"),
    ("another-one-level-up", "txt", "The biggest slice of the cases - almost 30% - concerned credit. New cards "
     "comprised 16.5% of the total, with almost 12% from existing credit. Another 18% came from bank accounts.\n"),
    ("hedged-share-rounding", "md", "About 52% said yes, 39% said no and 10% did not know.\n"),
    ("of-them-then-other", "txt", "The company has 12,000 employees, 7,000 of them in Britain, and 3,500 "
     "contractors.\n"),
    ("label-number-passed-over", "txt", "The union has 5,000 members. Teachers number 2,900, lecturers 1,600 and "
     "others 500.\n"),
    ("answers-two-sentences-unrelated", "md", "Inflation was 3%. Unemployment stood at 5%, and wages rose 2%.\n"),
    ("said-so-other-count", "txt", "Most of the 1,200 nurses balloted voted to strike. The union has 300 "
     "branches.\n"),
    ("two-questions-over-sentences", "md", "Some 52% of savers were gloomy about prices, while 43% were hopeful. And "
     "49% expected their pay to rise, as against 38% who feared a cut.\n"),
    ("rates-by-city", "md", "Unemployment in Leeds was 5.1%, Bradford 6.3% and Hull 7.2%, ahead of the election.\n"),
    ("share-then-another-year", "txt", "Labour won 28 of the 55 seats in 2019, and 30 in 2023.\n"),
]


@pytest.mark.parametrize("case", QUIET, ids=[c[0] for c in QUIET])
def test_traps_stay_quiet(case):
    _, fmt, text = case
    assert _findings(text, fmt) == []
