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
# Forms the reading does not take yet (strict: a fix shows up as a pass to record here).
NOT_YET_B: dict[str, str] = {
    "rb01": "an owner named by a relative clause ('The club, whose 460 members') is no owner of a stock yet",
    "rb03": "'The old record, 46.9C' is not read as the record before 'the highest temperature in its history'",
    "rb04": "a percent change restated ('up 8.2%' ... 'the 9.2% rise in containers') is no stock",
    "rb05": "'more than 4 million visitors' and '3.7 million people visited' count one thing in two words",
    "rb06": "a birth year told with a pronoun ('He was born in 1961') is tied to no named age",
    "rb07": "the HTML headline '... to cut 240 jobs' is not tied to the lead's 'will cut 420 jobs'",
    "rb08": "'the five deaths in Marren' is not tied to 'killed seven people in Marren and three in Ostby'",
    "rb09": "'13,100 people came through its doors' is not the series of 'a record 12,300 visitors'",
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
