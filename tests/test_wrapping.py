"""Wrapped lines read as the paragraph they are: every article pair and rule case, hard-wrapped or with CRLF.

Each wrong and clean article of tests/articles, and each rule case of tests/rules, is checked as it is
and hard-wrapped at 40 and 60 columns (tests/hardwrap.py: paragraphs and list items refilled, Markdown
structure kept) and with CRLF line ends; every variant must have the same findings: the same rule codes
on the same figure surfaces (the lines may differ).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from hardwrap import wrap

import factcheck
from factcheck.rules import load_rules

ARTICLES = Path(__file__).parent / "articles"
CASES = Path(__file__).parent / "rules"
RULES = {rule.id: rule for rule in load_rules()}
VARIANTS = {"40": (40, False), "60": (60, False), "crlf": (None, True)}
# Known gaps: (case name, variant) -> why the wrapped text reads differently. The xfail is strict: it fails the
# day the gap closes, and the mark is then removed.
GAPS = {
    ("fail_headline_job_cuts_differ", "40"): "a plain-text headline right above its lead, no blank line between, "
    "that ends within a word of the wrap width and is followed by a name ('Weston'), reads as a wrapped line",
}


def _findings(text: str, fmt: str, published: str | None = None, rules=None) -> Counter:
    report = factcheck.check_text(text, published=published, fmt=fmt, rules=rules)
    surface = {f.id: " ".join(f.surface.split()) for f in report.figures}
    return Counter((f.rule, f.severity, tuple(surface[i] for i in f.figures)) for f in report.findings)


def _articles():
    for path in sorted(ARTICLES.glob("FC*-wrong.md")) + sorted(ARTICLES.glob("FC*-clean.md")):
        for name in VARIANTS:
            yield pytest.param(path, name, id=f"{path.stem}-{name}")


def _cases():
    for path in sorted(CASES.glob("FC*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            for name in VARIANTS:
                gap = GAPS.get((case["name"], name))
                marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
                yield pytest.param(data["rule"], case, name, id=f"{data['rule']}_{case['name']}-{name}", marks=marks)


@pytest.mark.parametrize(("path", "variant"), list(_articles()))
def test_wrapped_article_has_the_same_findings(path, variant):
    source = path.read_text(encoding="utf-8")
    wrapped = wrap(source, "md", *VARIANTS[variant])
    assert wrapped != source
    assert _findings(wrapped, "md") == _findings(source, "md")


@pytest.mark.parametrize(("code", "case", "variant"), list(_cases()))
def test_wrapped_rule_case_has_the_same_findings(code, case, variant):
    fmt = "md" if case["text"].lstrip().startswith("#") else "txt"
    wrapped = wrap(case["text"], fmt, *VARIANTS[variant])
    rules = [RULES[code]]
    assert _findings(wrapped, fmt, case.get("published"), rules) == _findings(case["text"], fmt, case.get("published"),
                                                                                rules)
