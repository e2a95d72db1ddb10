"""Breakdowns read as a reader reads them (issue 11.2): parts and shares of one whole, checked by FC110 and FC111.

Each case is a short article (several paragraphs, quotes, modern dates; Markdown, HTML or plain text, some
hard-wrapped, some with CRLF line ends) stated wrongly and rightly, each phrase form at least twice with other
numbers and names. A wrong article must have the rule's finding on the line of the planted error; its corrected
twin, and the traps, must have no warning or error from FC110 or FC111.
"""

from __future__ import annotations

import pytest

import factcheck

CODES = ("FC110", "FC111")


def _flags(text: str, fmt: str, published: str) -> list[tuple[str, set[int]]]:
    report = factcheck.check_text(text, published=published, fmt=fmt)
    return [(f.rule, {report.locate(s.start)[0] for s in f.spans}) for f in report.findings
            if f.rule in CODES and f.severity in ("warning", "error")]


def _line_of(text: str, marker: str) -> int:
    at = text.index(marker)
    return text.count("\n", 0, at) + 1


# (name, fmt, published, wrong article, the right figure for the planted one, rule, marker on the error's line)
POLL_MD = """---
title: Toll bridge poll
---

# Drivers split over the Wrenfield toll

A survey of 2,100 drivers carried out for the regional
transport board in March found no clear verdict on the
bridge toll.

Asked whether the toll should be scrapped, 58% said yes,
37% said no and 9% did not know, according to the pollster.

"People want the repairs done and they do not want to pay,"
said board chair Lena Marsh. The board meets on May 12.
"""

POLL_HTML = """<html><head><title>Stadium plan</title></head><body>
<h1>City divided on stadium plan</h1>
<p>Residents of Harrowgate are split over the proposed football stadium, a poll
published on Tuesday showed.</p>
<p>In the survey of 800 adults, 61% backed the plan, 33% opposed it and
8% were undecided.</p>
<p>"We will keep listening," said council leader Omar Patel.</p>
</body></html>
"""

STAY_TXT = (
    "Teachers weigh their futures\r\n\r\n"
    "A survey of 5,200 secondary teachers by the Lakeside Teaching Union found that 48% intended to\r\n"
    "leave the profession within five years, 27% planned to go part-time and 31% planned to stay as\r\n"
    "they are.\r\n\r\n"
    "\"These are not people who want to leave,\" said union secretary Dev Rao. The survey ran in\r\n"
    "January 2025.\r\n"
)

NOCHANGE_MD = """# Commuters and the timetable

The rail operator asked 3,000 passengers in February 2026 what
they wanted from the new timetable.

Of those, 44% wanted earlier trains, 35% wanted later trains
and 26% wanted no change, the operator said on Friday.

"We will publish the results in full," a spokesman said.
"""

BRACKETS_TXT = (  # unwrapped: one line a paragraph
    "Carmaker to cut jobs at three German plants\n\n"
    "Ostwerk Motoren said on Wednesday it would cut 1,600 jobs in Germany: Munich (800), Stuttgart (500) and"
    " Bremen (400), as it moves battery production to Hungary.\n\n"
    "\"This is a dark day,\" said works council head Petra Lang.\n\n"
    "The cuts will be made by the end of 2027.\n"
)

BRACKETS_MD = """## Insurer trims its northern offices

Northway Insurance will shed 950 posts (420 in Leeds,
310 in York and 260 in Hull) over the next two years,
the company said on Monday, June 2, 2025.

"We have tried to protect front-line staff," said chief
executive Tom Greaves.
"""

SEATS_TXT = """Council election result

In the council election on Thursday, the Liberals won 31 seats, Labour 22 and the Greens 9, out of 70 seats in all.

Independents took the remaining 6 seats, the same as in 2021.

Liberal leader Anna Ferris said she would talk to the Greens first.
"""

SEATS_MD = """# Assembly count ends

Of the 120 seats in the regional assembly, the ruling
alliance holds 64 and the opposition 41.

The remaining 18 seats belong to independents and small
parties, the electoral commission said on Sunday.

"The voters have spoken," said alliance leader Jonas Berg.
"""

COALITION_HTML = """<html><head><title>Parliament</title></head><body>
<h1>Coalition keeps its majority</h1>
<p>The governing coalition has 171 seats, the opposition 122 and others 17 in the
300-seat parliament, final results published on Monday showed.</p>
<p>"We have a mandate," said Prime Minister Ilse Varga.</p>
</body></html>
"""

COALITION_TXT = (
    "Duma results\r\n\r\n"
    "In the 450-seat chamber, the ruling party holds 280 seats, the communists 57 and others\r\n"
    "123, the election commission said on Sunday, September 21, 2025.\r\n\r\n"
    "\"It was a clean vote,\" said commission head Ella Sorokina.\r\n"
)

EXPORTS_TXT = """Grain exports

Grain exports from the port of Varna reached 5.2 million tonnes in September, the port authority said.

Wheat made up 2.9 million tonnes, maize 1.6 million tonnes and other crops 1.1 million tonnes.

"The season has been strong," said authority head Boris Denev.
"""

SALES_MD = """# Exporters ride the weak currency

Exports reached $9.2bn in March 2026, the statistics office
said on Thursday.

Machinery accounted for $5.1bn, chemicals $2.6bn and other
goods $2.1bn.

"Demand from Asia held up," said economist Mara Voss.
"""

ITEMS_MD = """# Town sets out its spending

Eastleigh Town Council will spend $48m next year:

- schools: $21m
- roads: $15m
- parks: $9m

"It is a tight budget," said council leader Ruth Amadi.
"""

ITEMS_HTML = """<html><head><title>Health budget</title></head><body>
<h1>Region publishes health budget</h1>
<p>The Nordmark health authority will spend 4.2 billion kronor in 2026:</p>
<ul>
<li>hospitals: 2.4 billion kronor</li>
<li>primary care: 1.1 billion kronor</li>
<li>mental health: 900 million kronor</li>
</ul>
<p>"Mental health gets the biggest rise," said director Ebba Lind.</p>
</body></html>
"""

WRONG = [
    ("poll-did-not-know-md", "md", "2025-04-02", POLL_MD, ("9% did not know", "5% did not know"), "FC111",
     "37% said no"),
    ("poll-undecided-html", "html", "2025-06-10", POLL_HTML, ("8% were undecided", "6% were undecided"), "FC111",
     "8% were undecided"),
    ("survey-stay-as-they-are-crlf", "txt", "2025-02-14", STAY_TXT, ("31% planned", "25% planned"), "FC111",
     "27% planned"),
    ("survey-no-change-md", "md", "2026-02-20", NOCHANGE_MD, ("26% wanted", "21% wanted"), "FC111",
     "and 26% wanted"),
    ("total-colon-brackets", "txt", "2025-11-05", BRACKETS_TXT, ("Bremen (400)", "Bremen (300)"), "FC110",
     "Bremen (400)"),
    ("total-then-bracket-list", "md", "2025-06-02", BRACKETS_MD, ("260 in Hull", "220 in Hull"), "FC110",
     "260 in Hull"),
    ("seats-total-after-remaining-next-sentence", "txt", "2025-05-03", SEATS_TXT, ("remaining 6", "remaining 8"),
     "FC110", "remaining 6"),
    ("seats-of-the-remaining-next-sentence", "md", "2025-03-09", SEATS_MD, ("remaining 18", "remaining 15"),
     "FC110", "remaining 18"),
    ("coalition-across-clauses-html", "html", "2025-04-14", COALITION_HTML, ("opposition 122", "opposition 112"),
     "FC110", "opposition 122"),
    ("coalition-across-clauses-crlf", "txt", "2025-09-22", COALITION_TXT, ("others\r\n123", "others\r\n113"),
     "FC110", "123, the election"),
    ("total-in-previous-sentence-tonnes", "txt", "2025-10-08", EXPORTS_TXT, ("other crops 1.1", "other crops 0.7"),
     "FC110", "other crops 1.1"),
    ("total-in-previous-sentence-money", "md", "2026-04-03", SALES_MD, ("goods $2.1bn", "goods $1.5bn"), "FC110",
     "goods $2.1bn"),
    ("list-items-after-colon-md", "md", "2025-12-01", ITEMS_MD, ("parks: $9m", "parks: $12m"), "FC110",
     "parks: $9m"),
    ("list-items-after-colon-html", "html", "2025-12-03", ITEMS_HTML,
     ("mental health: 900 million", "mental health: 700 million"), "FC110", "mental health: 900 million"),
]


@pytest.mark.parametrize(("name", "fmt", "published", "text", "fix", "code", "marker"), WRONG,
                         ids=[w[0] for w in WRONG])
def test_a_wrong_breakdown_is_flagged_on_its_line(name, fmt, published, text, fix, code, marker):
    flags = _flags(text, fmt, published)
    assert any(rule == code and _line_of(text, marker) in lines for rule, lines in flags), flags
    assert all(rule == code for rule, _ in flags), flags


@pytest.mark.parametrize(("name", "fmt", "published", "text", "fix", "code", "marker"), WRONG,
                         ids=[w[0] for w in WRONG])
def test_the_corrected_breakdown_is_clean(name, fmt, published, text, fix, code, marker):
    wrong, right = fix
    assert wrong in text
    assert _flags(text.replace(wrong, right), fmt, published) == []


CLEAN = [
    # answers that may overlap: one respondent can use several apps or name several reasons
    ("overlap-use", "md", "2025-07-01", """# Teenagers and social media

A survey of 1,400 teenagers in May 2025 found that 81% use
VideoTok, 64% use Pictagram and 38% use Chatterly every day.

"Most use more than one," said researcher Dr Kim Oduya.
"""),
    ("overlap-cited", "txt", "2025-09-15", (
        "Why tenants move\r\n\r\n"
        "Asked why they had moved, 57% of renters cited rent rises, 44% cited repairs and 21% named noise,\r\n"
        "the housing charity said on Monday.\r\n")),
    # the list names only the main items; the rest is said in words, without a figure
    ("main-items-rest-in-words", "md", "2025-04-16", """# Council publishes spending plan

Corley District Council will spend £72m on services this year,
it said on Tuesday, setting out the main items in its budget:

- social care: £34m
- roads: £15m
- waste collection: £10m

Council leader Sam Ortiz said the rest would go on administration.
"""),
    ("including-fewer", "txt", "2025-03-03", (
        "Hiring plans\n\nThe software group employs 5,000 people, including 2,000 in France and 1,500 in Germany,"
        " it said on Friday.\n\n\"We will keep growing,\" said founder Lea Blanc.\n")),
    # a right breakdown in a sentence of its own, after its total
    ("made-up-of-previous-sentence", "txt", "2025-08-11", (
        "Festival attendance\n\nThe Marlow folk festival drew 64,000 people over three days, organisers said on"
        " Monday.\n\nThe crowd was made up of 38,000 weekend-pass holders, 17,000 day visitors, 6,000 guests and"
        " 3,000 children who came free.\n")),
    ("nested-bracket", "md", "2025-02-10", """# Embassy evacuation

In total, 281 diplomats and civilians were flown out on
Saturday, including 12 heads of mission (eight ambassadors and
four chargés d'affaires).
"""),
    # ranges, products and separate periods are no breakdowns
    ("range", "txt", "2025-01-12", (
        "Storm damage\n\nBetween 10 and 12 of the 80 resorts on the coast were badly damaged, the tourism"
        " ministry said on Sunday.\n")),
    ("product", "txt", "2024-02-27", (
        "Back pay\n\nAbout 4,600 nurses will receive back pay averaging $3,200 each after a ruling on Monday."
        " The total bill will come to about $14.7m.\n")),
    ("turnout-two-rounds", "md", "2024-07-08", """# Turnout falls

Turnout was 65% in the first round and 58% in the runoff,
the interior ministry said on Monday.
"""),
    ("earlier-share-in-words", "txt", "2025-05-20", (
        "Search habits\n\nHalf of those questioned said they could find the same information elsewhere."
        " A small number, 17%, said they would not miss search engines. The remaining 33% said they could not"
        " live without them.\n")),
]


@pytest.mark.parametrize(("name", "fmt", "published", "text"), CLEAN, ids=[c[0] for c in CLEAN])
def test_traps_are_clean(name, fmt, published, text):
    assert _flags(text, fmt, published) == []


def _breakdowns(text: str, fmt: str = "txt", published: str = "2025-05-02") -> list[dict]:
    report = factcheck.check_text(text, published=published, fmt=fmt)
    surface = {f.id: f.surface for f in report.figures}
    out = []
    for s in report.statements:
        if s.kind == "breakdown":
            d = s.to_dict()
            d["figures"] = {k: ([surface[i] for i in v] if isinstance(v, list) else surface[v])
                            for k, v in d["figures"].items()}
            out.append(d)
    return out


@pytest.mark.parametrize("text", [
    "Asked about the merger, 52% of members said yes, 39% said no and 14% did not know.",
    "Of the shareholders polled, 47% backed the bid, 41% opposed it and the rest were undecided.",
])
def test_poll_answers_are_exclusive_and_complete(text):
    (found,) = _breakdowns(text)
    assert found["exclusive"] is True and found["complete"] is True


@pytest.mark.parametrize("text", [
    "A survey found that 60% use Facebook, 40% use Instagram and 30% use TikTok.",
    "Of the 1,200 workers, 700 use the bus and 600 use the train.",
])
def test_answers_that_may_overlap_are_not_summed(text):
    assert all(not b["exclusive"] for b in _breakdowns(text))
    assert _flags(text, "txt", "2025-05-02") == []


@pytest.mark.parametrize(("text", "total", "parts"), [
    ("The governing coalition has 171 seats, the opposition 112 and others 17 in the 300-seat parliament.",
     "300-seat", ["171", "112", "17"]),
    ("The ruling bloc won 96 seats, the opposition 61 and independents 23, out of 180 seats in all.",
     "180", ["96", "61", "23"]),
])
def test_the_first_part_belongs_to_the_sum(text, total, parts):
    (found,) = _breakdowns(text)
    assert found["figures"] == {"total": total, "parts": parts}


@pytest.mark.parametrize("text", [
    "Labour won 34% of the vote, the Conservatives 33%, the Liberal Democrats 21% and the Greens 15%.",
    "Brightline took 41% of the market, Ostra 38% and Velo 25%, the regulator said.",
])
def test_vote_and_market_shares_over_100_are_errors(text):
    report = factcheck.check_text(text, published="2025-05-02")
    assert [(f.rule, f.severity) for f in report.findings if f.rule in CODES] == [("FC111", "error")]


@pytest.mark.parametrize("text", [
    "The Ridge Fire has destroyed 640 homes (along with 26 shops and 39 barns), the county said on Monday.\n\n"
    "\"We have lost whole streets,\" said the fire chief, Dana Olsen.\n",
    "Storm Ilse damaged 1,200 houses (as well as 300 schools and 85 clinics) across the north, the ministry said.\n",
])
def test_a_bracket_of_what_comes_on_top_of_a_total_holds_no_parts(text):
    report = factcheck.check_text(text, fmt="txt", published="2025-06-20")
    assert [f.rule for f in report.findings if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize("text, parts", [
    ("The Ridge Fire has destroyed 640 homes (420 in Alder Creek and 180 in Pine Hollow), the county said.\n", "600"),
    ("Storm Ilse damaged 1,200 houses (700 in Varde and 300 in Holm), the ministry said.\n", "1,000"),
])
def test_a_bracket_of_parts_right_after_the_total_is_still_summed(text, parts):
    report = factcheck.check_text(text, fmt="txt", published="2025-06-20")
    found = [f for f in report.findings if f.rule == "FC110"]
    assert len(found) == 1 and f"The parts add up to {parts} " in found[0].message
