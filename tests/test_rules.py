"""Rule cases as data: tests/rules/FCnnn.yml holds pass and fail texts for each rule."""

from pathlib import Path

import pytest
import yaml

import factcheck
from factcheck.rules import HEADINGS, load_rules

CASES = Path(__file__).parent / "rules"
RULES = {rule.id: rule for rule in load_rules()}


def _cases():
    for path in sorted(CASES.glob("FC*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            outcome = "fail" if case["fail"] else "pass"
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            yield pytest.param(data["rule"], case, id=f"{data['rule']}_{outcome}_{case['name']}", marks=marks)


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_rule_case(code, case):
    report = factcheck.check_text(case["text"], published=case.get("published"), rules=[RULES[code]])
    hits = [f for f in report.findings if f.rule == code]
    if case["fail"]:
        assert hits, f"{code} should flag: {case['text']!r}; figures: {[f.surface for f in report.figures]}"
        if "line" in case:
            assert report.locate(hits[0].span.start)[0] == case["line"]
        if "severity" in case:  # a finding softened below the rule's severity ("info" for rounding) or not
            assert hits[0].severity == case["severity"], (hits[0].severity, hits[0].message)
        for word in case.get("message_has", []):
            assert word in hits[0].message + hits[0].evidence, (word, hits[0].message, hits[0].evidence)
    else:  # "consistent only through rounding" is an info, not a flag
        hits = [h for h in hits if h.severity != "info"]
        assert not hits, f"{code} should pass: {case['text']!r}: {[h.message for h in hits]}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_docs_and_cases(code):
    rule = RULES[code]
    for heading in HEADINGS:
        assert heading in rule.description, f"{code} docs lack {heading!r}"
    path = CASES / f"{code}.yml"
    assert path.exists(), f"{code} has no case file {path}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["fail"] for c in cases) and any(not c["fail"] for c in cases), f"{code} needs pass and fail cases"
