"""The wording gate: every finding on the rule cases and test articles, in every format, reads right to an editor."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from wording import gate, problems

import factcheck
from factcheck.rules import load_rules

HERE = Path(__file__).parent
RULES = {rule.id: rule for rule in load_rules()}


def _rule_cases():
    for path in sorted((HERE / "rules").glob("FC*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}_{case['name']}")


@pytest.mark.parametrize(("code", "case"), list(_rule_cases()))
def test_rule_case_findings_read_right(code, case):
    report = factcheck.check_text(case["text"], published=case.get("published"), rules=[RULES[code]])
    assert gate(report) == []


@pytest.mark.parametrize("path", sorted((HERE / "articles").glob("*.*")), ids=lambda p: p.name)
def test_article_findings_read_right(path):
    fmt = {".md": "md", ".html": "html", ".htm": "html"}.get(path.suffix, "txt")
    report = factcheck.check_text(path.read_text(encoding="utf-8"), fmt=fmt, path=path.name)
    assert gate(report) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("The shares add up to 100%, not 100%.", "equal as written"),
        ("£5m is about £5m, not £5m, at the exchange rates of the time.", "equal as written"),
        ("The deal is worth 4.5e+06 GBP.", "scientific notation"),
        ("{original} is about {expected}.", "unfilled placeholder"),
        ("The parties won 145 seat in all.", "singular unit"),
        ("Only 1 seats changed hands.", "plural unit"),
        ("£4.5m–£4.5m × 1.24 USD per GBP = $5.6m", "ends are equal"),
    ],
)
def test_the_gate_catches_what_an_editor_would(text, problem):
    assert any(problem in p for p in problems(text))


@pytest.mark.parametrize(
    "text",
    [
        "The shares add up to 100.2%, not 100%.",
        "£5m is about $6.3m, not $5m, at the exchange rates of the time.",
        "February 26, 2023 was a Sunday, not a Friday.",
        "The parties won 145 seats; one seat is vacant.",
        "Someone born in 1976 is 47 or 48 in 2023, not 52.",
        "£3.345m–£3.355m × 1.24 USD per GBP = $4.15m–$4.16m",
    ],
)
def test_the_gate_passes_what_reads_right(text):
    assert problems(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The party won 41.1%, its rival 30.4% and the rest 28.6% of the vote.",
        "The party won 34%, its rival 33% and the rest 34%, a poll for the broadcaster found.",
        "Inflation rose by 3 percentage points to 5.0% last year, from 4.0% in 2021.",
        "Unemployment edged up 2 points, from 4.1% in March to 5.1% in April.",
        "The 60-seat council has 25 Labour members, 20 Conservatives and 24 Liberal Democrats.",
        "The talks opened on Friday, March 3, 2024, in Geneva.",
        "The new line will run for 1,500 km (1,100 miles) from the coast.",
        "The buyer paid £4,500,000 ($9m) for the estate, records show.",
        "The ceremony lasted two days, from March 3 to March 6, 2024.",
    ],
)
def test_findings_on_editor_sentences_read_right(text):
    report = factcheck.check_text(text, published="2024-05-01")
    assert report.findings, "each sentence has a discrepancy whose wording the gate reads"
    assert gate(report) == []


def test_shares_that_add_up_exactly_give_no_rounding_note():
    report = factcheck.check_text("In the election the parties took 41.12%, 30.41%, 10.44%, 3.04%, 2.59% and 12.4% "
                                  "of the vote.", published="2024-05-01")
    assert not report.findings


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (65, "kilometer / hour", "65 kilometers per hour"),
        (1, "kilometer / hour", "1 kilometer per hour"),
        (65, "meter ** 2", "65 square meters"),
        (30, "degree_Celsius", "30 degrees Celsius"),
        (240, "pound_force_per_square_inch", "240 pounds force per square inch"),
        (6, "foot", "6 feet"),
        (4_500_000, "metric_ton", "4,500,000 metric tons"),
        (1, "pp", "1 percentage point"),
        (4_500_000, "GBP", "£4.5m"),
    ],
)
def test_units_are_written_as_an_editor_writes_them(value, unit, shown):
    from factcheck.wording import show

    assert show(value, unit) == shown
    assert problems(shown) == []
