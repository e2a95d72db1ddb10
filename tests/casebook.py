"""A round's cases as tests: a folder with batch_a.yml, batch_b.yml (one error each, a clean variant), quiet.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import factcheck

SERIOUS = ("warning", "error")


def rules(text: str, fmt: str) -> list[str]:
    """The rules of the warnings and errors a user sees for the text."""
    report = factcheck.check_text(text, published="2026-03-02", fmt=fmt)
    return [f.rule for f in report.findings if f.severity in SERIOUS]


def _marked(cases: list[dict], key: str) -> list:
    """The cases as pytest params, a case with `key` (why it is still missed) an expected failure."""
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c[key], strict=True)] if c.get(key) else [])
            for c in cases]


def casebook_tests(folder: Path):
    """The three tests of a folder's cases: each error is flagged, each clean variant and near miss is quiet."""
    cases = {name: yaml.safe_load((folder / f"{name}.yml").read_text(encoding="utf-8"))
             for name in ("batch_a", "batch_b", "quiet")}
    both = cases["batch_a"] + cases["batch_b"]

    @pytest.mark.parametrize("case", _marked(both, "gap"))
    def test_error_is_flagged(case):
        assert case["rule"] in rules(case["text"].replace("{X}", case["wrong"]), case["fmt"])

    @pytest.mark.parametrize("case", _marked(both, "gap_right"))
    def test_clean_variant_is_quiet(case):
        assert rules(case["text"].replace("{X}", case["right"]), case["fmt"]) == []

    @pytest.mark.parametrize("case", cases["quiet"], ids=[c["id"] for c in cases["quiet"]])
    def test_near_miss_is_quiet(case):
        assert rules(case["text"], case["fmt"]) == []

    return test_error_is_flagged, test_clean_variant_is_quiet, test_near_miss_is_quiet
