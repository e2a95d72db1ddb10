"""The same quantity restated, records against earlier records and ages against birth years, on short news articles:
batch B (tests/restate5/batch_b), written before the fixes of this round and measured on arrival, and the paraphrase
cases of each fixed form (batch A, below). A planted error is flagged on its line by one of its rules; a clean
article has no warning or error."""

from pathlib import Path

import pytest
from bench import load_benchmark

import factcheck

bench = load_benchmark("error_classes")
BATCH_B = bench.load(Path(__file__).parent / "restate5" / "batch_b")
# On arrival (before this round's fixes) 1 of the 9 errors was caught (rb02) and no clean article flagged; after the
# fixes made on batch A, 6 of 9 and none; then 7 of 9 once a change told after its count ("handled 5.2 million
# passengers in 2025, down 3.1%") took that count's noun (a form of rb04, fixed on paraphrases of batch A).
# Forms the reading does not take yet (strict: a fix shows up as a pass):
NOT_YET_B: dict[str, str] = {
    "rb05": "'more than 4 million visitors came' and '3.7 million people visited the gardens over the twelve months' "
            "are first mentions of a period's count in two nouns: no stock either",
    "rb08": "'By Friday, the five deaths in Marren had been confirmed': the time words of the clause ('By', 'had') "
            "keep a toll that may have risen apart from the first one",
}


def _serious(art):
    report = factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, path=art.path.name)
    return report, [f for f in report.findings if f.severity in ("error", "warning")]


def _param(art, not_yet):
    marks = [pytest.mark.xfail(reason=not_yet[art.id], strict=True)] if art.id in not_yet else []
    return pytest.param(art, id=art.id, marks=marks)


@pytest.mark.parametrize("art", [_param(a, NOT_YET_B) for a in BATCH_B if a.cls != "clean"])
def test_batch_b_error_is_flagged_on_its_line(art):
    report, serious = _serious(art)
    line = art.marked_lines()[0]
    assert [f.rule for f in serious if f.rule in art.rules and line in bench._lines(report, f)], \
        [f"{f.rule} {f.message}" for f in serious]


@pytest.mark.parametrize("art", [a for a in BATCH_B if a.cls == "clean"], ids=lambda a: a.id)
def test_batch_b_clean_article_is_quiet(art):
    _, serious = _serious(art)
    assert [f"{f.rule} {f.message}" for f in serious] == []


# --- batch A: the forms fixed this round, each in at least two wordings, with clean variants -------------------------

def _flags(text: str, fmt: str = "md", published: str = "2025-06-10", crlf: bool = False) -> list[str]:
    """The warnings and errors a user sees, as 'RULE message'."""
    source = text.replace("\n", "\r\n") if crlf else text
    report = factcheck.check_text(source, fmt=fmt, published=published, path=f"a.{fmt}")
    return [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")]


def _one(flags: list[str], rule: str, *values: str) -> None:
    assert len(flags) == 1 and flags[0].startswith(rule), flags
    assert all(v in flags[0] for v in values), flags


WHOSE = [
    ("# Lifeboat crew honoured\n\nThe Porthkerris lifeboat station has 46 volunteers, the charity said, and launched\n"
     "61 times last year.\n\n\"They never hesitate,\" said the coxswain, Ann Treloar.\n\n"
     "The station, whose 64 volunteers include a vet and two teachers, will get a new boat in 2027.\n",
     ("46", "64")),
    ("Weavers vote on merger\n\nThe Calder Valley Weavers' Guild has 212 members after a recruitment drive this "
     "spring.\n\nMembers will vote in July on joining the national body. The guild, whose 221 members meet monthly in "
     "Hebden Bridge, says its identity would survive.\n", ("212", "221")),
]


@pytest.mark.parametrize("text,values", WHOSE, ids=["station", "guild"])
def test_an_owner_named_by_whose_restates_its_stock(text, values):
    _one(_flags(text, crlf=True), "FC301", *values)


def test_whose_with_the_same_count_or_another_owner_is_quiet():
    same = WHOSE[0][0].replace("whose 64", "whose 46")
    other = ("Harbor Bank has 900 staff in the city.\n\nCoast Bank, whose 1,200 staff work in Leeds, is the larger "
             "lender, its chief executive said.\n")
    assert _flags(same) == [] and _flags(other, "txt") == []


def test_a_union_and_its_association_are_one_owner():
    text = ("# Teachers back strike\n\nTeachers in Dunmore voted to walk out after a ballot in which 1,200 of the "
            "union's 1,870 members took part.\n\nThe association, whose 1,780 members teach at 40 schools, said talks "
            "had failed.\n")
    _one(_flags(text), "FC301", "1,870", "1,780")


TOWN = [
    ("Residents of Marlow returned home on Sunday, three days after the storm killed 12 people in the town.\n\n"
     "Funerals for the 15 people who died in Marlow will be held next week.\n", ("12", "15")),
    ("<html><body><h1>Village mourns</h1><p>Rescuers in Brenna worked through the night after a mudslide killed "
     "seven people in the village, the fire service said.</p><p>Across the wider county, 19 people have died.</p>"
     "<p>The nine people who died in Brenna will be buried on Friday.</p></body></html>",
     ("as 9 here", "as 7 earlier")),
]


@pytest.mark.parametrize("text,values", TOWN, ids=["town", "village-html"])
def test_the_town_is_the_place_named_before_it(text, values):
    fmt = "html" if text.startswith("<html>") else "txt"
    _one(_flags(text, fmt), "FC301", *values)


def test_the_town_with_the_same_toll_or_a_wider_area_is_quiet():
    assert _flags(TOWN[1][0].replace("The nine people", "The seven people"), "html") == []
    rising = ("Residents of Marlow returned home on Sunday, three days after the storm killed 12 people in the "
              "town.\n\nBy Tuesday the toll in the town had risen to 15, officials said.\n")
    assert _flags(rising, "txt") == []


PREVIOUS_RECORD = [
    ("# Heat record falls\n\nSeville recorded the highest temperature in its history on Tuesday, as the airport\n"
     "reached 45.2C.\n\nThe old record, 45.8C, had stood since August 2021.\n", ("45.2C", "45.8C")),
    ("The 4th of July became the hottest day on record in Lisbon, with the city's station reaching 44.1 degrees "
     "Celsius, surpassing the previous record of 44.6 degrees Celsius set in 2018.\n", ("44.1", "44.6")),
    ("Sales hit 2.4 million cars, the most in the firm's history, beating the old record of 2.6 million set in "
     "2019.\n", ("2.4 million", "2.6 million")),
    ("The coldest night on record saw minus 22.4C in Braemar. The previous low was -24.1C in 1995.\n",
     ("22.4", "24.1")),
]


@pytest.mark.parametrize("text,values", PREVIOUS_RECORD, ids=["old-record", "surpassing", "count", "low"])
def test_a_previous_record_above_the_new_one_is_flagged(text, values):
    _one(_flags(text, "md", "2025-07-30"), "FC501", *values)


@pytest.mark.parametrize("text", [
    PREVIOUS_RECORD[0][0].replace("45.8C", "44.8C"),
    PREVIOUS_RECORD[1][0].replace("44.6", "43.6"),
    "The coldest night on record saw minus 27.4C in Braemar. The previous low was -24.1C in 1995.\n",
    "In Canada, Montreal smashed its previous record for the hottest day, as readings showed 36.6C. Ottawa hit 30.1C "
    "on Monday, its record highest.\n",
], ids=["old-record", "surpassing", "low", "record-words-apart"])
def test_a_previous_record_below_the_new_one_is_quiet(text):
    assert _flags(text, "md", "2025-07-30") == []


AGES = [
    ("# Architect wins prize\n\nTomasz Wrona, 44, the architect behind the new Gdansk library, has won the Mies prize."
     "\n\nHe was born in 1971 in Torun and studied in Krakow.\n", "2025-05-20", "44"),
    ("Aiden Brooks, 38, a carpenter from Leeds, has won the lottery.\n\nMr Brooks said he would buy a house. Born in "
     "Hull in 1980, he left school at 16.\n", "2025-07-30", "38"),
]


@pytest.mark.parametrize("text,published,age", AGES, ids=["he-was-born", "born-in-opening"])
def test_an_age_against_a_birth_year_told_of_he_or_she(text, published, age):
    _one(_flags(text, "md", published), "FC206", age)


def test_a_right_age_or_two_people_of_one_surname_is_quiet():
    assert _flags(AGES[0][0].replace("44,", "53,"), "md", "2025-05-20") == []
    couple = ("Clara Vint, 70, and her husband Tom Vint, 64, sold the farm.\n\nShe was born in 1955 on the island, "
              "he said.\n")
    assert _flags(couple, "txt", "2025-07-30") == []


HEADLINES = [
    ("# Westfield hospital trust to axe 350 posts\n\nBy Kim Lee, 29 July 2025\n\nThe Westfield hospital trust will "
     "axe 530 posts over three years to save money, its chief executive said on Tuesday.\n\nUnions said they would "
     "fight the plan.\n", ("350", "530")),
    ("<html><body><h1>Ferry firm to cut 180 jobs</h1><p class=\"byline\">Sian Hughes | Wales correspondent</p>"
     "<p>Irish Sea Ferries will cut 108 jobs at Holyhead after losing a freight contract, the company told staff on "
     "Monday.</p></body></html>", ("180", "108")),
]


@pytest.mark.parametrize("text,values", HEADLINES, ids=["byline-md", "byline-html"])
def test_a_headline_is_read_against_the_lead_past_its_byline(text, values):
    _one(_flags(text, "html" if text.startswith("<") else "md", "2025-07-30"), "FC301", *values)


def test_a_headline_that_agrees_with_its_lead_past_a_byline_is_quiet():
    assert _flags(HEADLINES[0][0].replace("axe 530", "axe 350"), "md", "2025-07-30") == []


CHANGES = [
    ("Passenger numbers at Dunmore Airport rose 7.4% last year to 3.2 million, the airport said on Monday.\n\n"
     "The chief executive, Ola Berg, said new routes helped. The 4.7% rise in passengers came despite a strike.\n",
     ("4.7%", "7.4%")),
    ("# Gallery visits slump\n\nVisitor numbers at the Tate fell 6% in 2024, the gallery said. Ticket sales rose 3%."
     "\n\nThe gallery blamed the 9% drop in visitors on rail strikes.\n", ("6%", "9%")),
]


CHANGES.append(("Aldmouth airport handled 5.2 million passengers in 2025, down 3.1%, the airport said on Tuesday.\n\n"
                "The 1.3% fall in passengers followed the loss of two routes.\n", ("3.1%", "1.3%")))


@pytest.mark.parametrize("text,values", CHANGES, ids=["rise", "drop", "after-count"])
def test_a_percent_change_named_again_with_the_is_the_same_change(text, values):
    _one(_flags(text, "md", "2025-01-20", crlf=True), "FC301", *values)


@pytest.mark.parametrize("text", [
    CHANGES[0][0].replace("The 4.7%", "The 7.4%"),
    "US retail sales fell 0.4% in March, driven by cars.\n\nThe 3.1% fall in car sales had been expected.\n",
    "Visitor numbers at the Tate fell 6% in 2024, the gallery said.\n\nIt blamed the 6% drop in visitors on rail "
    "strikes, but the 4% drop in visitors in 2023 on the weather.\n",
    CHANGES[2][0].replace("The 1.3% fall in passengers", "The 3.1% fall in passengers") + "But the 6% fall in "
    "cargo was worse.\n",
], ids=["same", "sub-series", "other-year", "after-count-same"])
def test_a_percent_change_of_another_thing_or_year_is_quiet(text):
    assert _flags(text, "md", "2025-01-20") == []


def test_people_who_came_through_the_doors_are_the_visitors_of_a_record():
    text = ("The Lowther Gallery drew a record 9,800 visitors in March, its director said.\n\nIn May last year, during "
            "the Turner loan show, 10,400 people came to the gallery.\n")
    _one(_flags(text, "txt", "2025-04-10"), "FC501", "9,800", "10,400")
    assert _flags(text.replace("10,400 people came to the gallery", "10,400 people signed a petition"), "txt",
                  "2025-04-10") == []


def test_whose_names_the_owner_of_a_sum_too():
    first = "Fairview High School has a budget of $12.4m for the coming year, the district said.\n\n"
    flags = _flags(first + "The school, whose $14.2m budget pays for 60 teachers, will hire six more.\n", "txt",
                   "2026-01-20")
    _one(flags, "FC301", "$12.4m", "$14.2m")
    other = "Nearby Oakdale Academy, whose $14.2m budget pays for 60 teachers, will hire six more.\n"
    assert _flags(first + other, "txt", "2026-01-20") == []
