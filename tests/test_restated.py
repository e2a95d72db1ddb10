"""One figure per stock (FC301), records against their series (FC501), an event's relative and stated dates (FC208)
and an age against a birth year in another sentence (FC206), on short articles written as reporters write them."""

import textwrap

import pytest

import factcheck


def _article(paras: list[str], width: int = 72, crlf: bool = False, title: str = "# News") -> str:
    text = title + "\n\n" + "\n\n".join(textwrap.fill(p, width) for p in paras) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


def _findings(paras, published, code, **kw):
    report = factcheck.check_text(_article(paras, **kw), published=published, fmt="md")
    return [f for f in report.findings if f.rule == code]


# --- FC301: the same stock given two values -------------------------------------------------------------------

STOCK_WRONG = [
    # (paragraphs, the restated value): "has N" / "its M", "employs N" / "X's M", "a budget of" / "the ... budget"
    (["The Harlow Valley Choir, which now has 3,100 members across eleven towns, opens its season on March 22.",
      "\"We never imagined this,\" said founder Elspeth Marrin.",
      "Treasurer Jonah Pell said its 3,010 members pay an annual fee of £40."], "3,010"),
    (["The Ouse Valley Ramblers has 860 members, its secretary said on Friday, after a record year of walks.",
      "\"People want to be outdoors,\" said secretary Tom Reilly.",
      "Reilly said the group's 680 members had walked 40,000 miles between them."], "680"),
    (["Linwood General Hospital employs 2,350 nurses, the health board said on Friday.",
      "\"Our members are exhausted,\" said union organiser Priya Nair.",
      "The hospital's 3,250 nurses will walk out for 48 hours unless talks resume."], "3,250"),
    (["The Northfield Libraries Trust has a budget of £12.4m for the coming year, its board said on Thursday.",
      "\"We have protected every branch,\" said chair Amina Rahman.",
      "Rahman said the £14.2m budget would also pay for a new mobile library."], "£14.2m"),
]


STOCK_WRONG += [
    (["Councillors in Dunmore approved a budget of £12.4m for the new school year on Tuesday.",
      "\"It is tight but fair,\" said council leader Ana Ruiz.",
      "The council agreed a £14.2m budget despite protests from parents."], "£14.2m"),
    (["Dunmore's schools teach 45,000 primary pupils, the education office said on Wednesday.",
      "\"Classes are too big,\" said head teacher Sara Quinn.",
      "Teachers for 48,000 primary pupils are needed, the office said."], "48,000"),
]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("paras,value", STOCK_WRONG,
                         ids=["has-its", "has-possessive", "employs", "budget", "one-budget", "same-narrow-noun"])
def test_a_stock_restated_with_another_value_is_flagged(paras, value, crlf):
    hits = _findings(paras, "2025-06-02", "FC301", crlf=crlf, width=64 if crlf else 72)
    assert [f for f in hits if value in f.message], hits


def test_a_narrower_count_larger_than_the_whole_is_flagged():
    paras = ["Taxi drivers in Valmora staged a protest on Wednesday against the ride-hailing app Zoomr.",
             "The city licenses 5,800 taxis, the drivers' association said.",
             "Its president said later that the city's 8,500 licensed taxis could not compete with app drivers."]
    hits = _findings(paras, "2024-04-23", "FC301")
    assert hits and "8,500" in hits[0].message


def test_exact_figures_are_an_error_and_rounded_ones_a_warning():
    exact = _findings(STOCK_WRONG[0][0], "2025-06-02", "FC301")
    rounded = _findings(STOCK_WRONG[3][0], "2025-06-02", "FC301")
    assert [f.severity for f in exact] == ["error"] and [f.severity for f in rounded] == ["warning"]


STOCK_APART = {
    "same-value-hedged": ["The Transport Union now has about 3,000 members, the union said on Monday.",
                          "\"We are growing,\" said general secretary Ann Cole.",
                          "Cole said its 3,010 members would vote on the offer next month."],
    "another-year": ["The Transport Union has 3,100 members, the union said on Monday.",
                     "\"We are growing,\" said general secretary Ann Cole.",
                     "The union had 2,900 members in 2019, before the merger."],
    "a-source": ["The Transport Union has 3,100 members, the union said on Monday.",
                 "\"We are growing,\" said general secretary Ann Cole.",
                 "According to the employers' federation, the union's 2,600 members are mostly drivers."],
    "a-sub-series": ["The Transport Union has 3,100 members, the union said on Monday.",
                     "\"We are growing,\" said general secretary Ann Cole.",
                     "Its 1,200 full-time members work on the buses."],
    "other-set": ["The Transport Union has 3,100 members, the union said on Monday.",
                  "\"We are growing,\" said general secretary Ann Cole.",
                  "The union's 3,500 former members keep their pensions."],
    "other-owner": ["Harbor Bank, which employs 12,000 people, will cut 800 jobs, it said on Monday.",
                    "\"The branch network is too big,\" said chief executive Lena Moss.",
                    "Coast Bank's 9,000 people were not affected, a spokesman for the rival bank said."],
    "other-films": ["The Colombian drama Maria Full of Grace got five nominations, the academy said on Tuesday.",
                    "\"It is a small film,\" said its director.",
                    "Also in the running, with two nominations, is the comedy Napoleon Dynamite."],
    "a-target": ["The national minimum wage is currently set at £4.85 per hour, the department said.",
                 "\"It is not enough,\" said union leader Brendan Barber.",
                 "The unions have called for a £6 minimum wage by next year."],
    "event-and-stock": ["About 18,000 people crossed into the border town of Kessa in the past week, the agency said.",
                        "Aid workers said the town, which has 25,000 residents, was struggling to provide water.",
                        "\"We need tents, now,\" said spokeswoman Amina Diallo."],
    "two-bonds": ["Deutsche Finance issued a 100 mln dlr bond due 1994, dealers said on Monday.",
                  "Trading was quiet, dealers said.",
                  "Later, Alpen Bank issued a 500 mln dlr bond due 1996."],
}


@pytest.mark.parametrize("name", sorted(STOCK_APART))
def test_figures_that_are_not_one_stock_stay_apart(name):
    assert _findings(STOCK_APART[name], "2025-06-02", "FC301") == []


# --- FC501: a record beaten by another figure of its series ---------------------------------------------------

RECORD_WRONG = {
    "last-year": (["The port of Ashby handled a record 41.2 million tonnes of cargo last year, the port said.",
                   "\"Every berth was busy,\" said harbour master Lars Engen.",
                   "Volumes had been 38.5 million tonnes in 2023 and 43.1 million tonnes in 2021."], "2021"),
    "lowest-on-record": (["Unemployment in Norland fell to 3.2%, the lowest on record, the statistics office said.",
                          "\"The labour market is tight,\" said economist Hanne Berg.",
                          "The rate was 3.9% a year ago. In 2019, before the pandemic, it stood at 2.9%."], "2019"),
    "on-a-weekday": (["The Halden index closed at a record 8,412 points on Tuesday, traders said.",
                      "\"Buyers are back,\" said broker Mia Lund.",
                      "The index had closed at 8,590 points on March 3."], "March 3"),
    "highest-ever": (["The museum welcomed 1.3 million visitors in 2025, its highest number ever.",
                      "\"Our new wing made the difference,\" said director Ines Alvarez.",
                      "In 2019 the museum drew 1.45 million visitors, a spokeswoman said."], "2019"),
}


@pytest.mark.parametrize("name", sorted(RECORD_WRONG))
def test_a_record_beaten_by_an_earlier_figure_is_flagged(name):
    paras, when = RECORD_WRONG[name]
    hits = _findings(paras, "2026-04-15", "FC501")
    assert hits and when in hits[0].message, hits


RECORD_CLEAN = {
    "previous-record-lower": ["The River Tamsin reached a record 6.1 metres on Sunday night, the agency said.",
                              "The previous record, 5.8 metres, was set in the floods of 2007.",
                              "\"We have sandbagged everything,\" said resident Owen Price."],
    "beaten-later": ["Exports hit a record $190 billion in 2022, customs data show.",
                     "\"Demand was strong,\" said trade minister Ola Dahl.",
                     "Officials expect exports of $210 billion this year."],
    "since-a-year": ["Builders began work on 18,400 homes last year, the highest number since 2008.",
                     "\"We are building again,\" said minister Omar Siddiqui.",
                     "In 2006 builders started 25,000 homes, before the crash."],
    "two-indexes": ["The second section index closed at a record 2,404.64 on June 26, dealers said.",
                    "\"Small stocks are in favour,\" said one dealer.",
                    "The main index fell from its close of 25,929.42 on June 17."],
}


@pytest.mark.parametrize("name", sorted(RECORD_CLEAN))
def test_a_record_no_earlier_figure_beats_is_clean(name):
    assert _findings(RECORD_CLEAN[name], "2026-07-01", "FC501") == []


# --- FC208: one event's relative and stated dates --------------------------------------------------------------

EVENT_WRONG = {
    "summit-next-week": (["Ministers will meet in Riga for their autumn summit, which opens next week, officials said"
                          " on Monday.", "\"We expect hard talks,\" said deputy minister Ilze Kalnina.",
                          "The summit, which opens on September 29, will also discuss port fees."], "2025-09-01"),
    "bridge-next-month": (["The new Kellan river bridge will open to traffic next month, the council said on Friday.",
                           "\"It saves ten minutes,\" said councillor Ruth Abara.",
                           "Abara said the bridge, which opens on September 2, cost £38m."], "2025-07-04"),
    "festival-this-weekend": (["The Brenna folk festival returns to the harbour this weekend, organisers said on"
                               " Tuesday.", "\"We have 60 acts,\" said organiser Cal Burns.",
                               "The festival, which returns on Saturday, July 26, expects 15,000 visitors."],
                              "2025-07-08"),
    "ferry-tomorrow": (["A new ferry service between Larne and Cairnryan will start carrying passengers tomorrow, the"
                        " operator said on Monday.", "\"We have waited four years,\" said chief Niamh Doherty.",
                        "The first sailing, which leaves Larne on Saturday, March 14, will carry 300 people."],
                       "2026-03-02"),
}


@pytest.mark.parametrize("name", sorted(EVENT_WRONG))
def test_an_event_given_a_relative_date_and_another_stated_date_is_flagged(name):
    paras, published = EVENT_WRONG[name]
    assert _findings(paras, published, "FC208"), name


EVENT_CLEAN = {
    "agrees": (["The new Kellan river bridge will open to traffic next month, the council said on Friday.",
                "\"It saves ten minutes,\" said councillor Ruth Abara.",
                "Abara said the bridge, which opens on August 2, cost £38m."], "2025-07-04"),
    "two-events": (["Negotiators will meet again tomorrow, the ministry said on Monday.",
                    "The talks began on February 3, when both sides agreed a ceasefire.",
                    "A final deal is due by April 30."], "2025-03-10"),
    "a-name-shared": (["Finance minister Nigel Lawson will unveil his budget next week, analysts said.",
                       "\"Tax receipts are strong,\" said one economist.",
                       "Lawson as recently as December 17 said there was little scope for tax cuts."],
                      "1987-03-13"),
}


@pytest.mark.parametrize("name", sorted(EVENT_CLEAN))
def test_dates_of_different_events_or_that_agree_are_clean(name):
    paras, published = EVENT_CLEAN[name]
    assert _findings(paras, published, "FC208") == []


# --- FC206: an age against a birth year in another sentence ----------------------------------------------------

def test_an_age_against_a_birth_year_in_a_later_sentence_is_flagged():
    for name, age, born in (("Douglas Henley", 61, 1958), ("Pietro Salvi", 49, 1970)):
        surname = name.split()[-1]
        paras = [f"The company's chief executive, {name}, {age}, said on Tuesday it accepted the ruling.",
                 "\"We will learn from this,\" he said.",
                 f"{surname}, who was born in {born}, joined the company in 2019."]
        hits = _findings(paras, "2025-03-18", "FC206")
        assert hits and str(age) in hits[0].message, hits


def test_an_age_and_another_persons_birth_year_stay_apart():
    paras = ["The company's chief executive, Douglas Henley, 61, said on Tuesday it accepted the ruling.",
             "\"We will learn from this,\" he said.",
             "The founder, Ada Pryce, who was born in 1940, built the first works in 1968."]
    assert _findings(paras, "2025-03-18", "FC206") == []


@pytest.mark.parametrize("paras", [
    ["The market town of Tenby held a minute's silence on Friday for the 9 residents who died when the river burst "
     "its banks.", "Across the county, 31 people died in the storm and the floods that followed, the council said.",
     "\"Every family here knows someone,\" said the mayor, Ellis Rowe."],
    ["The village of Brenna mourned the 14 residents killed in the landslide on Sunday.",
     "Nationwide, 52 people died in the week of rain, the interior ministry said."],
])
def test_a_count_over_a_wider_scope_is_another_set(paras):
    assert _findings(paras, "2025-12-20", "FC301") == []


@pytest.mark.parametrize("paras", [
    ["The market town of Tenby held a minute's silence on Friday for the 9 residents who died when the river burst "
     "its banks.", "The town's 12 residents who died will be buried together next week, the council said."],
])
def test_the_same_towns_count_given_twice_is_still_flagged(paras):
    assert len(_findings(paras, "2025-12-20", "FC301")) == 1
