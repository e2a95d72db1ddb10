"""Issue 11 items 4-8 on a second set written apart from the checks (tests/errorclasses_b): each wrong article is
flagged by its class's rule on the line of its error, and each right-but-tricky article (a record of another series,
a metropolitan population, a conversion at a past rate, "1,000.50") has no warning or error at all.

`benchmarks/error_classes.py --set tests/errorclasses_b` prints the same measurement per class.
"""

from collections import Counter

import pytest
from bench import load_benchmark

bench = load_benchmark("error_classes")

ARTICLES = bench.load(bench.REPO / "tests" / "errorclasses_b")
# What the checks still miss, and why (each an xfail that fails the suite once it passes).
GAPS: dict[str, str] = {}


def _report(art):
    import factcheck

    return factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, path=art.path.name)


def _serious(report):
    return [f for f in report.findings if f.severity in bench.SERIOUS]


def test_the_set_covers_items_4_to_8_in_every_format():
    classes = Counter(a.cls for a in ARTICLES)
    assert {"points", "record", "plausibility", "relative_date", "multi_conversion", "malformed"} < set(classes)
    assert len(ARTICLES) >= 60 and classes["clean"] >= len(ARTICLES) // 4
    assert {a.fmt for a in ARTICLES} == {"md", "txt", "html"}
    assert sum(b"\r\n" in a.path.read_bytes() for a in ARTICLES) >= 10
    for art in ARTICLES:
        assert 2024 <= int(art.published[:4]) <= 2026
        assert (art.phrase is None) == (art.cls == "clean")
        assert art.phrase is None or len(art.marked_lines()) == 1


@pytest.mark.parametrize(
    "art", [pytest.param(a, marks=pytest.mark.xfail(reason=GAPS[a.id], strict=True)) if a.id in GAPS else a
            for a in ARTICLES if a.cls != "clean"], ids=lambda a: a.id)
def test_wrong_article_is_flagged_on_its_error(art):
    report = _report(art)
    lines = set(art.marked_lines())
    on_line = [f.rule for f in _serious(report) if bench._lines(report, f) & lines]
    assert set(on_line) & set(art.rules), f"expected {art.rules} on line {lines}, got {on_line}"


@pytest.mark.parametrize("art", [a for a in ARTICLES if a.cls == "clean"], ids=lambda a: a.id)
def test_tricky_right_article_is_not_flagged(art):
    assert [(f.rule, f.message) for f in _serious(_report(art))] == []
