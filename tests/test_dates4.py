"""Round 4 of dates, ages and restated figures (issue 11 items 1, 6, 7).

Batch B (tests/dates4_b, written before the fixes; `benchmarks/error_classes.py --set tests/dates4_b`): each wrong
article is flagged by its rule on the line of its error, each right one has no warning or error.
"""

import pytest
from bench import load_benchmark

bench = load_benchmark("error_classes")

BATCH_B = bench.load(bench.REPO / "tests" / "dates4_b")
# What the checks still miss, and why (each an xfail that fails the suite once it passes).
GAPS: dict[str, str] = {
    "d01": "a weekday-date in brackets with no year after 'last week' is not read as one date",
    "d03": "a lifespan in brackets is not read as birth and death dates for 'at the age of'",
    "d04": "'the 44-year-old' is not tied to the birth year told two paragraphs before",
    "d06": "a figure restated under a possessive with another verb ('decision to cut') is no stock",
    "d09": "'their 31 medals' is read as a restatement of 'the 210 medals on offer' (another owner)",
}


def _tally(art):
    """The error-classes benchmark's count for one article: caught_rule (its rule on its line), off_target."""
    table, notes = bench.measure([art], show=True)
    return table[art.half][art.cls], notes


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in BATCH_B if a.cls != "clean"], ids=lambda a: a.id)
def test_batch_b_wrong_article_is_flagged_on_its_error(art):
    tally, notes = _tally(art)
    assert tally.caught_rule == 1, notes


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in BATCH_B if a.cls == "clean"], ids=lambda a: a.id)
def test_batch_b_right_article_is_not_flagged(art):
    tally, notes = _tally(art)
    assert tally.off_target == 0, notes
