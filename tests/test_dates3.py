"""Dates as reporters write them (issue 12 item 5) and relative dates against absolute ones (issue 11 item 7).

Batch B (tests/dates3_b, written before the fixes; `benchmarks/error_classes.py --set tests/dates3_b`): each wrong
article is flagged by FC208 on the line of its error, each right one has no warning or error.
"""

import pytest
from bench import load_benchmark

bench = load_benchmark("error_classes")

BATCH_B = bench.load(bench.REPO / "tests" / "dates3_b")
# What the checks still miss, and why (each an xfail that fails the suite once it passes).
GAPS: dict[str, str] = {
    "r01": "a possessive past date ('last week's flooding') names its event after it",
    "r02": "a deadline ('until Friday to submit') is cut at its infinitive as if it were a purpose",
    "r03": "a relative date after the event's participle ('held yesterday') is not tied to its event",
    "r05": "a dateline is not read against the publication date",
    "r06": "'this morning' is not tied to the event's date",
    "r14": "a possessive past date ('yesterday's crash') names its event after it",
}


def _report(art):
    import factcheck

    return factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, path=art.path.name)


def _serious(report):
    return [f for f in report.findings if f.severity in bench.SERIOUS]


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in BATCH_B if a.cls != "clean"], ids=lambda a: a.id)
def test_batch_b_wrong_article_is_flagged_on_its_error(art):
    report = _report(art)
    lines = set(art.marked_lines())
    on_line = [f.rule for f in _serious(report) if bench._lines(report, f) & lines]
    assert set(on_line) & set(art.rules), f"expected {art.rules} on line {lines}, got {on_line}"


@pytest.mark.parametrize("art", [a for a in BATCH_B if a.cls == "clean"], ids=lambda a: a.id)
def test_batch_b_right_article_is_not_flagged(art):
    assert [(f.rule, f.message) for f in _serious(_report(art))] == []
