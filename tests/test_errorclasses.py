"""The error-classes set is well formed; the plausibility rules stay quiet on its clean tune-half articles."""

import datetime as dt
from collections import Counter

import pytest
from bench import load_benchmark

import factcheck
from factcheck.rules import load_rules

bench = load_benchmark("error_classes")

ARTICLES = bench.load()
CODES = {rule.id for rule in load_rules()}
# The rules of issue 11.6: plausibility against reference data (check kinds "reference" and "inflation").
REFERENCE_RULES = [r for r in load_rules() if r.check in ("reference", "inflation")]


def test_every_file_is_listed_once_and_every_entry_has_a_file():
    listed = Counter(a.path.name for a in ARTICLES)
    assert not [name for name, n in listed.items() if n > 1]
    on_disk = {p.name for p in bench.SET.iterdir() if p.suffix in (".md", ".txt", ".html")}
    assert on_disk == set(listed)
    assert len({a.id for a in ARTICLES}) == len(ARTICLES) >= 110


@pytest.mark.parametrize("art", ARTICLES, ids=lambda a: a.id)
def test_entry_is_well_formed(art):
    dt.date.fromisoformat(art.published)
    assert 2024 <= int(art.published[:4]) <= 2026
    assert art.fmt in ("md", "txt", "html")
    if art.cls == "clean":
        assert art.phrase is None and not art.rules
    else:
        assert art.phrase, "a wrong article marks the line of its error"
        assert len(art.marked_lines()) == 1, f"{art.phrase!r} must be on exactly one line"
    # a rule code named here exists, or is one the rules will add (FC407+ for reference data)
    assert all(code in CODES or code.startswith("FC4") for code in art.rules)


def test_the_set_has_every_class_and_both_halves():
    classes = Counter(a.cls for a in ARTICLES)
    assert {"restated", "breakdown", "share_count", "vague", "points", "record", "plausibility", "relative_date",
            "multi_conversion", "malformed", "change", "total", "conversion", "weekday", "age",
            "share_over_100"} <= set(classes)
    assert 0.35 <= classes["clean"] / len(ARTICLES) <= 0.45
    assert Counter(a.half for a in ARTICLES).keys() == {"tune", "held"}


@pytest.mark.skipif(not REFERENCE_RULES, reason="no reference-data rules yet")
@pytest.mark.parametrize("art", [a for a in ARTICLES if a.cls == "clean" and a.half == "tune"], ids=lambda a: a.id)
def test_reference_rules_quiet_on_clean_tune_articles(art):
    report = factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, rules=REFERENCE_RULES)
    assert [f.message for f in report.findings if f.severity == "error"] == []
