"""Parts of one whole as the user sees them (issue 11 item 2, issue 17 totals), round three: batch B, short articles
in our own words written before the fixes of this round (tests/wholes3/batch_b.yml), each with its one error and its
clean variant; a case still missed is an expected failure with its reason, so a case that starts passing shows up.

Batch B on arrival (before any fix of this round): 6 of 12 errors caught, 1 of 12 clean variants flagged
(seats-across-sentences: the first party's seats read as the total of the others).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import factcheck

SERIOUS = ("warning", "error")
BATCH_B = yaml.safe_load((Path(__file__).parent / "wholes3" / "batch_b.yml").read_text(encoding="utf-8"))


def _rules(text: str, fmt: str) -> list[str]:
    """The rules of the warnings and errors a user sees for the text."""
    report = factcheck.check_text(text, published="2026-03-02", fmt=fmt)
    return [f.rule for f in report.findings if f.severity in SERIOUS]


def _marked(key: str) -> list:
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c[key], strict=True)] if c.get(key) else [])
            for c in BATCH_B]


@pytest.mark.parametrize("case", _marked("gap"))
def test_batch_b_error_is_flagged(case):
    assert case["rule"] in _rules(case["text"].replace("{X}", case["wrong"]), case["fmt"])


@pytest.mark.parametrize("case", _marked("gap_right"))
def test_batch_b_clean_variant_is_quiet(case):
    assert _rules(case["text"].replace("{X}", case["right"]), case["fmt"]) == []
