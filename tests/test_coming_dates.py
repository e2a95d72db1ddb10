"""Relative dates and weekdays resolved by tense against a stated date of the same event (FC208): each form in four
articles, two where the relative date contradicts the stated one (flagged on its line) and two where it agrees (no
warning or error). The articles are written as reporters write them: quotes, hard-wrapped lines, CRLF, Markdown,
HTML and plain text."""

import textwrap
from typing import NamedTuple

import pytest

import factcheck


class Article(NamedTuple):
    form: str
    published: str
    fmt: str
    paragraphs: tuple[str, ...]
    wrong: str | None  # the relative date that contradicts the stated date, or None when the article is right
    crlf: bool = False
    wrap: int = 0


def _text(art: Article) -> str:
    paras = [textwrap.fill(p, art.wrap) if art.wrap else p for p in art.paragraphs]
    if art.fmt == "html":
        body = "\n".join(f"<p>{p}</p>" for p in paras[1:])
        text = f"<html><body>\n<h1>{paras[0]}</h1>\n{body}\n</body></html>\n"
    elif art.fmt == "md":
        text = f"# {paras[0]}\n\n" + "\n\n".join(paras[1:]) + "\n"
    else:
        text = "\n\n".join(paras) + "\n"
    return text.replace("\n", "\r\n") if art.crlf else text


ARTICLES = [
    # a present-tense verb before a bare weekday: the coming one
    Article("present weekday", "2026-03-09", "md", (
        "Plastics talks resume in Geneva",
        "Delegates from 40 countries gather on Thursday in Geneva for talks on a global plastics treaty.",
        "The talks, which open on March 19, are the fifth round since 2022. \"We cannot leave without a text,\" "
        "said Ines Okafor, who chairs the negotiations."), "Thursday"),
    Article("present weekday", "2025-11-17", "txt", (
        "Lyon rail workers to decide on pay offer",
        "Rail workers in Lyon vote on Wednesday on whether to accept a 4% pay offer from the operator, ending a "
        "dispute that has cancelled 1,200 trains.",
        "The vote takes place on November 26, the union said. \"Our members will have the last word,\" said its "
        "secretary, Paul Mercier."), "Wednesday", crlf=True),
    Article("present weekday", "2026-01-13", "html", (
        "Council weighs budget",
        "The city council debates its 2026 budget of 412 million euros on Thursday, with cuts to libraries on the "
        "table.",
        "The debate on January 15 is expected to run late. \"Every line will be argued over,\" said councillor "
        "Marta Ruiz."), None),
    Article("present weekday", "2025-09-15", "md", (
        "Norrvik takeover vote",
        "Shareholders of Norrvik Energy decide on Friday whether to back the 2.3 billion crown takeover by its "
        "larger rival, the board said.",
        "The shareholders' vote on September 19 needs a two-thirds majority. \"It is close,\" one fund manager "
        "said."), None, wrap=68),
    # "early next month": the first ten days of the next month
    Article("early next month", "2026-04-21", "txt", (
        "Bornholm ferry",
        "A new ferry line to Bornholm starts early next month, the operator said on Monday, with two crossings a "
        "day.",
        "The first ferry sails on May 24 from Ystad. \"We expect 90,000 passengers in the first season,\" said "
        "chief executive Lene Holm."), "early next month", wrap=72),
    Article("early next month", "2025-06-02", "md", (
        "Ontario teachers set strike",
        "Teachers in Ontario will strike early next month unless the province improves its 2% pay offer, their "
        "union said.",
        "The strike begins on July 22 and would close 480 schools. \"Nobody wants this,\" said union president "
        "Karen Doyle."), "early next month"),
    Article("early next month", "2025-08-11", "html", (
        "Museum to reopen",
        "The city museum reopens early next month after a two-year refit that cost 38 million pounds.",
        "The museum reopens on September 4 with a show of 200 Roman coins. \"It was worth the wait,\" said its "
        "director, Amal Reid."), None),
    Article("early next month", "2025-11-10", "txt", (
        "Driverless buses",
        "Trials of driverless buses begin early next month on two routes in the city centre, the transport "
        "authority said.",
        "The trial begins on December 3 and runs for six months. \"Safety drivers stay on board,\" said project "
        "lead Tom Brandt."), None, crlf=True),
    # "the week after next": the calendar week two weeks on
    Article("the week after next", "2026-02-10", "md", (
        "Mayor on trial",
        "The trial of the former mayor opens the week after next in Palermo, prosecutors said.",
        "The trial opens on March 9, when 14 witnesses are due to be heard. \"We are ready,\" said defence lawyer "
        "Gianni Russo."), "the week after next"),
    Article("the week after next", "2025-10-06", "html", (
        "Dockers to ballot",
        "Union members at the port will vote the week after next on a deal that raises pay by 6.5%.",
        "The ballot opens on October 30, organisers said. \"It is a good offer,\" said organiser Dee Walsh."),
        "the week after next"),
    Article("the week after next", "2025-05-12", "txt", (
        "Balkan summit",
        "Leaders of six Balkan states hold a summit the week after next in Tirana on a 6 billion euro growth "
        "plan.",
        "The summit opens on May 27, officials said. \"The plan is the main item,\" said an EU diplomat."), None,
        wrap=70),
    Article("the week after next", "2026-06-16", "md", (
        "Inquiry hearing",
        "The inquiry into the hospital's 2024 outbreak resumes its hearing the week after next, its chair said.",
        "The hearing resumes on June 30 with evidence from 12 nurses. \"They will be heard in full,\" said chair "
        "Ruth Adeyemi."), None, crlf=True),
    # "in a fortnight": 14 days after publication
    Article("in a fortnight", "2026-01-20", "txt", (
        "Snap election",
        "Voters go to the polls in a fortnight in a snap election called after the coalition lost a vote of "
        "confidence by 3 votes.",
        "The election is on February 15, the commission said. \"Turnout may be low in winter,\" said analyst "
        "Jonas Berg."), "in a fortnight"),
    Article("in a fortnight", "2025-07-08", "html", (
        "Festival",
        "The harbour festival opens in a fortnight with 300 acts on six stages, organisers said.",
        "The festival opens on August 1 and expects 75,000 visitors. \"Tickets are nearly gone,\" said its "
        "director, Sam Okoro."), "in a fortnight"),
    Article("in a fortnight", "2025-03-04", "md", (
        "Bridge",
        "The new bridge over the Tyne opens to traffic in a fortnight, 14 months late, the council said.",
        "The bridge opens on March 18 to cars and bikes. \"It has been a long wait,\" said engineer Priya Nair."),
        None, wrap=66),
    Article("in a fortnight", "2026-09-01", "txt", (
        "Tribunal ruling",
        "The employment tribunal hands down its ruling in a fortnight on the claims of 2,400 drivers.",
        "The ruling is due on September 15, lawyers said. \"We are confident,\" said Leah Grant, who represents "
        "the drivers."), None, crlf=True),
    # "later this month": from publication to the end of its month
    Article("later this month", "2025-11-04", "md", (
        "Lisbon route",
        "The airline launches its Lisbon route later this month with four flights a week, it said.",
        "The route launches on December 12 from Bristol. \"Demand is strong,\" said commercial director Nia "
        "Evans."), "later this month"),
    Article("later this month", "2026-05-05", "txt", (
        "Housing strategy",
        "The government publishes its housing strategy later this month, with a target of 300,000 homes a year.",
        "The strategy will be published on June 9, a spokesman said. \"It is ambitious,\" said housing expert "
        "Carl Moss."), "later this month", wrap=72),
    Article("later this month", "2026-02-03", "html", (
        "Nurses strike",
        "Nurses will strike later this month over staffing at 30 hospitals, their union said.",
        "The strike begins on February 24 and lasts 48 hours. \"Wards are unsafe,\" said nurse Joy Mensah."),
        None),
    Article("later this month", "2025-10-07", "md", (
        "Cycle lanes",
        "The council votes later this month on a plan for 40 kilometres of cycle lanes.",
        "The vote is on October 28, the council said. \"Cyclists deserve better,\" said campaigner Ola Nowak."),
        None, crlf=True),
    # "walk out" is the strike the other sentence dates
    Article("walk out", "2025-12-01", "txt", (
        "Baggage handlers",
        "Baggage handlers at the airport will walk out on Friday in a dispute over a 3% pay offer.",
        "The strike, which starts on December 12, could hit 600 flights. \"We had no choice,\" said shop steward "
        "Dan Price."), "Friday"),
    Article("walk out", "2026-03-17", "md", (
        "Leeds buses",
        "Bus drivers in Leeds walk out next week after rejecting a pay rise of 5%.",
        "The strike begins on April 7, the union said. \"Passengers should plan ahead,\" said operator spokesman "
        "Ian Hart."), "next week", wrap=60),
    Article("walk out", "2025-09-22", "html", (
        "Postal strike",
        "Postal workers will walk out on Thursday, delaying 2 million letters, their union said.",
        "The strike on September 25 is the first this year. \"We regret the disruption,\" said manager Kate "
        "Lowe."), None),
    Article("walk out", "2026-01-06", "txt", (
        "Cabin crew",
        "Cabin crew at the airline walk out tomorrow over rosters, cancelling 140 flights.",
        "The strike starts on January 7 and lasts three days. \"We are sorry for our customers,\" the airline "
        "said."), None, crlf=True),
    # a weekday in a future or progressive clause: the coming one
    Article("future weekday", "2025-11-10", "md", (
        "Fraud trial",
        "The court is due to deliver its verdict on Thursday in the fraud trial of the former minister, who denies "
        "taking 1.2 million euros.",
        "The verdict, expected on November 20, could bring a prison term. \"He is innocent,\" said his lawyer, "
        "Eva Kova."), "Thursday"),
    Article("future weekday", "2026-04-14", "html", (
        "Extradition hearing",
        "The extradition hearing is scheduled for Friday at Westminster magistrates' court, prosecutors said.",
        "The hearing, set for April 24, will last two days. \"We will fight it,\" said defence counsel Omar "
        "Haddad."), "Friday"),
    Article("future weekday", "2025-06-16", "txt", (
        "Ministers in Luxembourg",
        "The euro zone's finance ministers are set to approve the 4 billion euro loan on Friday in Luxembourg.",
        "The ministers' approval on June 20 would release the first tranche. \"It is a formality,\" said an "
        "official."), None, wrap=70),
    Article("future weekday", "2026-02-02", "md", (
        "Tate show",
        "The exhibition of 150 Hockney drawings opens on Saturday at the Tate.",
        "The exhibition opens to the public on February 7, with timed tickets. \"It is a rare chance,\" said "
        "curator Lucy Hale."), None, crlf=True),
    # the end of the month, a span counted from now, a span ago
    Article("end of the month", "2025-10-27", "md", (
        "Paper mill",
        "The paper mill at Halden closes at the end of the month, putting 210 people out of work, the owner said.",
        "The mill closes on November 28, the union said. \"It is a bitter day,\" said worker Kari Dahl."),
        "the end of the month"),
    Article("end of the month", "2026-06-08", "txt", (
        "Consultation",
        "The consultation on the new runway ends at the end of the month, after 9,000 responses so far.",
        "The consultation ends on June 26, the airport said. \"Every reply is read,\" said planner Ben Cole."),
        None, crlf=True),
    Article("from now", "2025-04-14", "html", (
        "Port talks",
        "Talks on the port's future resume two weeks from now in Rotterdam, the ministry said.",
        "The talks resume on May 12 with 30 delegates. \"We need a deal,\" said harbour master Joost Bakker."),
        "two weeks from now"),
    Article("from now", "2026-10-05", "md", (
        "Stadium",
        "The new stadium opens ten days from now with a derby in front of 52,000 fans.",
        "The stadium opens on October 15, the club said. \"The pitch is ready,\" said groundsman Lee Tan."),
        None, wrap=62),
    Article("ago", "2025-08-20", "txt", (
        "Smelter",
        "The smelter shut three days ago after 60 years, and 450 jobs went with it.",
        "The smelter shut on August 7, the union said. \"Nobody saw it coming,\" said welder Rob Pike."), "ago"),
    Article("ago", "2026-02-16", "html", (
        "Library",
        "The central library reopened two weeks ago after a refit that cost 12 million pounds.",
        "The library reopened on February 2 with 40,000 new books. \"Visitors are back,\" said librarian Ann "
        "Shaw."), None),
    Article("end of the month", "2026-01-12", "html", (
        "Ferry timetable",
        "The winter timetable for the island ferries ends at the end of the month, the operator said.",
        "The timetable ends on February 14, when summer sailings start. \"Book early,\" said ticket clerk Jo "
        "Reid."), "the end of the month"),
    Article("end of the month", "2025-05-06", "md", (
        "Art fair",
        "The art fair, which drew 64,000 visitors last year, closes at the end of the month.",
        "The fair closes on May 31 with an auction. \"Sales are brisk,\" said gallery owner Rosa Lind."), None,
        crlf=True),
    Article("from now", "2026-07-21", "txt", (
        "Election",
        "Voters go to the polls three weeks from now, and the ruling party trails by 6 points.",
        "The election is on August 18, the commission said. \"It is wide open,\" said pollster Ken Abe."),
        "three weeks from now", wrap=70),
    Article("from now", "2025-12-09", "html", (
        "Tunnel",
        "The road tunnel under the fjord opens a week from now, two years late and 30% over budget.",
        "The tunnel opens on December 16 at noon. \"It was worth it,\" said engineer Siv Berg."), None),
    Article("ago", "2026-04-08", "md", (
        "Factory fire",
        "The factory closed two weeks ago after a fire destroyed its main hall and 300 machines.",
        "The factory closed on April 1, the owner said. \"We will rebuild,\" said director Paul Nkem."), "ago",
        wrap=66),
    Article("ago", "2025-11-25", "txt", (
        "Pier",
        "The restored pier reopened ten days ago, and 18,000 people have walked it since.",
        "The pier reopened on November 15 after a refit of 4 million pounds. \"It is ours again,\" said "
        "resident Meg Ross."), None, crlf=True),
    # a date someone spoke on, and a past part of this month, are no coming event's
    Article("speech date", "2026-03-13", "txt", (
        "Budget",
        "The chancellor's budget statement to parliament on Tuesday starts at 12.30 pm, officials say.",
        "The chancellor as recently as January 9 said there was little room for tax cuts. \"We are cautious,\" "
        "said economist Mia Ford."), None, crlf=True),
    Article("speech date", "2025-05-19", "md", (
        "Rate decision",
        "The central bank announces its rate decision on Thursday, with most economists expecting a cut to 3.5%.",
        "The governor told reporters on May 6 that the bank would act if needed. \"Inflation is falling,\" she "
        "said."), None),
    Article("earlier this month", "2025-03-19", "txt", (
        "Bank expansion",
        "The bank is the only lender to grow since lawmakers approved branch banking effective January 1.",
        "In February it bought a small bank, and earlier this month opened a branch in Austin, where it has 16 "
        "offices."), None),
    Article("earlier this month", "2026-09-22", "html", (
        "Retailer",
        "The chain has hired 800 staff since rules allowing Sunday trading took effect on July 1.",
        "Earlier this month it opened a store in Leeds, its 42nd, and it plans six more this year."), None),
    # a weekday in a past clause stays past
    Article("past weekday", "2025-10-20", "txt", (
        "Mill closes",
        "The paper mill closed on Thursday after 80 years, putting 320 people out of work, the company said.",
        "The mill closed on October 9, the union said. \"It is a sad day for the town,\" said mayor Alan Firth."),
        "Thursday"),
    Article("past weekday", "2026-05-26", "html", (
        "Malta votes",
        "Voters in Malta went to the polls on Saturday, and the ruling party claimed victory with 54% of the vote.",
        "The election, held on May 16, had a turnout of 72%. \"The people have spoken,\" said the prime minister."),
        "Saturday"),
    Article("past weekday", "2025-12-08", "md", (
        "Tram line",
        "The mayor said on Thursday the new tram line will carry 40,000 passengers a day.",
        "Speaking on December 4, the mayor said the line would open in spring. \"It will change the city,\" she "
        "said."), None, wrap=64),
    Article("past weekday", "2026-03-31", "txt", (
        "Flights cancelled",
        "The airline said on Friday it had cancelled 300 flights because of a shortage of engines.",
        "The cancellations, announced on March 27, affect 45,000 passengers. \"We apologise,\" said the airline."),
        None, crlf=True),
    # a purpose after the coming date names what the meeting is for, not the meeting: no event of the stated date
    Article("purpose", "2026-05-20", "md", (
        "Dockers set to strike",
        "Dock workers at Harwell will walk out on June 3 unless a pay deal is reached, the union said on Wednesday.",
        "The port operator would meet the union next week to try to avert the stoppage, a spokesperson said."),
        None, wrap=70),
    Article("purpose", "2025-09-08", "html", (
        "Cleaners plan walkout",
        "Hospital cleaners in Dunmore are to strike on October 1 in a row over sick pay.",
        "Managers are due to hold talks with the union on Friday in order to head off the strike, the trust said."),
        None),
    Article("purpose", "2026-05-20", "txt", (
        "Dockers set to strike",
        "Dock workers at Harwell will walk out on June 3 unless a pay deal is reached, the union said on Wednesday.",
        "The strike next week would be the first at the port since 1989, a spokesperson said."),
        "next week", crlf=True),
    Article("purpose", "2025-09-08", "md", (
        "Cleaners plan walkout",
        "Hospital cleaners in Dunmore are to strike on October 1 in a row over sick pay.",
        "\"The strike next week will close two wards,\" the trust's chief executive said."),
        "next week", wrap=60),
]


def _serious(art: Article):
    report = factcheck.check_text(_text(art), fmt=art.fmt, published=art.published)
    return report, [f for f in report.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("art", [a for a in ARTICLES if a.wrong], ids=lambda a: f"{a.form}-{a.published}")
def test_a_relative_date_against_the_stated_date_of_its_event_is_flagged_on_its_line(art):
    report, flags = _serious(art)
    assert [f.rule for f in flags] == ["FC208"], [(f.rule, f.message) for f in flags]
    message = flags[0].message
    assert message.startswith("'") and f"{art.wrong}' means " in message and "but the text gives " in message
    text = report.text if hasattr(report, "text") else _text(art)
    lines = {report.locate(s.start)[0] for s in flags[0].spans}
    wanted = {n for n, line in enumerate(text.splitlines(), 1) if art.wrong in line}
    assert lines & wanted


@pytest.mark.parametrize("art", [a for a in ARTICLES if not a.wrong], ids=lambda a: f"{a.form}-{a.published}")
def test_a_relative_date_that_agrees_with_the_stated_date_is_quiet(art):
    _, flags = _serious(art)
    assert [(f.rule, f.message) for f in flags] == []


def test_the_articles_cover_each_form_twice_each_way_in_every_format():
    forms = {(a.form, bool(a.wrong)) for a in ARTICLES if any(b.wrong for b in ARTICLES if b.form == a.form)}
    assert all(sum((a.form, bool(a.wrong)) == k for a in ARTICLES) >= 2 for k in forms)
    assert {a.fmt for a in ARTICLES} == {"md", "txt", "html"} and any(a.crlf for a in ARTICLES)


@pytest.mark.parametrize("sentence, published, weekday, date", [
    ("Delegates gather on Wednesday for the climate talks.", "2025-10-27", "Wednesday", "2025-10-29"),
    ("Rail workers vote on Wednesday, the union said.", "2025-11-17", "Wednesday", "2025-11-19"),
    ("On Thursday, ministers meet in Oslo to discuss fishing quotas.", "2026-03-02", "Thursday", "2026-03-05"),
    ("The extradition hearing is scheduled for Friday.", "2026-04-14", "Friday", "2026-04-17"),
    ("The exhibition opens on Saturday at the Tate.", "2026-02-02", "Saturday", "2026-02-07"),
    ("Finance ministers are set to approve the loan on Friday.", "2025-06-16", "Friday", "2025-06-20"),
    ("The court will deliver its verdict on Monday.", "2025-11-12", "Monday", "2025-11-17"),
    ("The council debates the budget on Tuesday.", "2026-01-13", "Tuesday", "2026-01-13"),
    # the past stays past
    ("Ministers said on Thursday that the plan was working.", "2025-10-27", "Thursday", "2025-10-23"),
    ("The vote on Wednesday was close.", "2025-10-27", "Wednesday", "2025-10-22"),
    ("A confidence vote on Wednesday ended the coalition.", "2025-10-27", "Wednesday", "2025-10-22"),
    ("On Monday, the regulator fined the bank 2 million euros.", "2026-05-20", "Monday", "2026-05-18"),
    ("The lender, which is based in Leeds, on Monday reported a loss of 40 million pounds.", "2026-05-20", "Monday",
     "2026-05-18"),
])
def test_a_bare_weekday_is_the_coming_one_in_the_present_and_the_last_one_in_the_past(sentence, published, weekday,
                                                                                        date):
    report = factcheck.check_text(sentence + "\n", fmt="txt", published=published)
    assert [f.date for f in report.figures if f.surface == weekday] == [date]
