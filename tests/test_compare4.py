"""Issue 17's comparisons against a reference, bracketed references and fractions of a point, on batch B
(tests/compare4/b: short articles written before any fix and never tuned on) and on the paraphrases the fixes were
tuned to (batch A, below).

`benchmarks/error_classes.py --set tests/compare4/b --show` prints the batch B measurement: 2/8 wrong articles
caught by rule on arrival (one flag on a right article: "half a percentage point" read as +50%), 5/8 at the end with
no flag on its 4 right articles.
"""

import pytest
from bench import load_benchmark
from test_change3 import test_batch_b_right_article_is_not_flagged as _not_flagged
from test_change3 import test_batch_b_wrong_article_is_flagged_on_its_error as _flagged_on_its_error

bench = load_benchmark("error_classes")

BATCH_B = bench.load(bench.REPO / "tests" / "compare4" / "b")
# What the reading still misses in batch B, and why (each an xfail that fails the suite once it passes).
GAPS: dict[str, str] = {
    "d01": "the compared figure is six words before the comparative ('parcels a day in February, short of'): "
           "beyond the few words a named base may be from its figure",
    "d03": "the compared count is in the previous sentence with a named subject ('Admissions were'), not a pronoun",
    "d04": "the previous record two sentences back from its record (a quote between) is caught by another rule only",
}


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in BATCH_B if a.cls != "clean"], ids=lambda a: a.id)
def test_batch_b_wrong_article_is_flagged_on_its_error(art):
    _flagged_on_its_error(art)


@pytest.mark.parametrize("art", [a for a in BATCH_B if a.cls == "clean"], ids=lambda a: a.id)
def test_batch_b_right_article_is_not_flagged(art):
    _not_flagged(art)


# Batch A: the forms the fixes were tuned on, each in at least two wordings, as (wrong, right) pairs of short
# articles; the wrong one is flagged FC101, the right one has no warning or error.
PAIRS = {
    "expected_reference": [
        ("Employers added 147,000 jobs in June, above expectations of 170,000, the department said.\n\n"
         "\"Hiring is holding up,\" one economist said.",
         "Employers added 147,000 jobs in June, above expectations of 110,000, the department said.\n\n"
         "\"Hiring is holding up,\" one economist said."),
        ("The club signed 3,900 members in 2025,\r\nbeating forecasts of 4,200, its chairman said.",
         "The club signed 5,100 members in 2025,\r\nbeating forecasts of 4,200, its chairman said."),
    ],
    "verb_reference": [
        ("Employers added 147,000 jobs in June. That surpasses the revised figure of 154,000 in May.",
         "Employers added 147,000 jobs in June. That surpasses the revised figure of 144,000 in May."),
        ("<p>The port handled 2.1 million containers last year.</p><p>That exceeds the port's target of 2.4 million "
         "containers.</p>",
         "<p>The port handled 2.6 million containers last year.</p><p>That exceeds the port's target of 2.4 million "
         "containers.</p>"),
        ("Rainfall was 68mm in May, short of the monthly average of 61mm, forecasters said.",
         "Rainfall was 48mm in May, short of the monthly average of 61mm, forecasters said."),
    ],
    "the_figure_reference": [
        ("Non-farm payrolls rose by 119,000, far more than the 150,000 positions economists expected.",
         "Non-farm payrolls rose by 119,000, far more than the 50,000 positions economists expected."),
        ("The firm made 8,300 sales,\nmore than the 9,000 it made in 2023.",
         "The firm made 9,300 sales,\nmore than the 9,000 it made in 2023."),
    ],
    "bracketed_reference": [
        ("There were 203,400 vacancies in March, 8,000 more than the previous month (185,366).",
         "There were 203,400 vacancies in March, 8,000 more than the previous month (195,366)."),
        ("Passengers reached 1.46 million, 5% higher than the same period before the pandemic (1.29 million in "
         "February 2020).",
         "Passengers reached 1.46 million, 5% higher than the same period before the pandemic (1.39 million in "
         "February 2020)."),
        ("The county admitted 5,020 patients in April, 4% higher than the same month last year (5,100 in April "
         "2025).",
         "The county admitted 5,300 patients in April, 4% higher than the same month last year (5,100 in April "
         "2025)."),
    ],
    "fraction_of_a_point": [
        ("The rate now stands at 4.5%, up from 3.75%, a rise of half a percentage point.",
         "The rate now stands at 4.25%, up from 3.75%, a rise of half a percentage point."),
        ("The jobless rate rose a quarter of a point to 4.7% from 4.2%.",
         "The jobless rate rose a quarter of a point to 4.45% from 4.2%."),
    ],
    "old_value_names_its_noun": [
        ("With 55 large wildfires burning and 19,318 firefighters on the lines, the pace, up from 59 fires a week "
         "ago, is relentless.",
         "With 55 large wildfires burning and 19,318 firefighters on the lines, the pace, up from 49 fires a week "
         "ago, is relentless."),
        ("Police made 41 arrests and seized 300 kilos of cannabis, up from 50 arrests last year.",
         "Police made 41 arrests and seized 300 kilos of cannabis, up from 30 arrests last year."),
        ("Some 310 schools shut and 2,400 teachers struck, down from 250 schools the day before.",
         "Some 310 schools shut and 2,400 teachers struck, down from 350 schools the day before."),
    ],
}
CASES = [(name, n, pair) for name, pairs in PAIRS.items() for n, pair in enumerate(pairs)]


def _flags(text, fmt="md"):
    import factcheck

    fmt = "html" if text.startswith("<") else fmt
    report = factcheck.check_text(text, fmt=fmt, published="2025-07-05", path=f"a.{fmt}")
    return [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize(("name", "n", "pair"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_wrong_is_flagged_and_right_is_quiet(name, n, pair):
    wrong, right = pair
    assert "FC101" in [rule for rule, _ in _flags(wrong)]
    assert _flags(right) == []


@pytest.mark.parametrize("text", [
    "Turnout is expected to exceed the record of 4,500 this year; 4,100 came last year.",
    "More than 50,000 people marched, more than the organisers had planned for.",
    "The firm could top forecasts of 12,000 sales next year after selling 9,000 this year.",
    "Sales rose by half to 300 from 200.",
    "Treatments were 4% up on 2023 (17.35 million) and 5% more than in 2019 (17.1 million).",
    "Visits were 3% up on 2024 (2.35 million) and 9% higher than in 2021 (2.1 million).",
], ids=["forecast-exceeds", "bound-not-reference", "forecast-top", "half-not-points", "two-periods-bracketed-1",
        "two-periods-bracketed-2"])
def test_forecasts_bounds_and_fractions_stay_quiet(text):
    assert _flags(text) == []
