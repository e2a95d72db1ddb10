"""The statistics pack (issue 15): test results recomputed, confidence intervals, GRIM, sample sizes; statcheck's
documented cases as data; text pasted from PDFs; scipy only when a text has a test result."""

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.api import check_text
from factcheck.extract import stats
from factcheck.rules import load_rules

HERE = Path(__file__).resolve().parent / "statistics"
RULES = {r.id: r for r in load_rules()}
STATCHECK = yaml.safe_load((HERE / "statcheck_cases.yml").read_text(encoding="utf-8"))
sps = pytest.importorskip("scipy.stats")


def findings(text, *codes, published="2025-06-01", fmt="txt", rules=None):
    rules = rules or [RULES[c] for c in codes]
    return [f for f in check_text(text, published=published, fmt=fmt, rules=rules).findings]


def decision_error(text, alpha=0.05):
    rule = dataclasses.replace(RULES["FC701"], params={**RULES["FC701"].params, "alpha": alpha})
    return any(f.severity == "error" for f in findings(text, rules=[rule]))


# --- statcheck's documented cases --------------------------------------------------------------------------

@pytest.mark.parametrize("case", STATCHECK["decision_errors"], ids=lambda c: c["text"])
def test_statcheck_decision_errors(case):
    assert decision_error(case["text"], case.get("alpha", 0.05)) == case["decision_error"]


def boundary_text(case):
    t = sps.t.isf(case["at"] / 2, 28) + case["plus"]
    return f"The groups differed, t(28) = {t:.5f}, p {case['p']}."


@pytest.mark.parametrize("case", STATCHECK["boundaries"], ids=lambda c: f"t{c['at']}{c['plus']:+} p {c['p']}")
def test_statcheck_boundary_cases(case):
    assert decision_error(boundary_text(case)) == case["decision_error"]


@pytest.mark.parametrize("text", STATCHECK["forms"])
def test_statcheck_forms_are_read_as_one_consistent_result(text):
    article = f"In the second experiment the effect held, {text}, the authors wrote."
    assert len(stats.tests(article)) == 1
    assert findings(article, "FC701") == []


# --- test results: what the user sees ----------------------------------------------------------------------

def test_the_evidence_shows_the_statistic_interval_and_the_p_interval():
    [f] = findings("Participants who slept longer recalled more words, t(28) = 2.20, p = .06.", "FC701")
    assert f.severity == "error" and "flips" in f.message
    assert "2.195–2.205" in f.evidence and "p = .0358–.0366" in f.evidence and "p = .06" in f.evidence


def test_a_wrong_p_with_the_same_verdict_is_a_warning():
    [f] = findings("Anxiety scores fell after the course, F(1, 60) = 9.80, p = .03, the authors said.", "FC701")
    assert f.severity == "warning"


@pytest.mark.parametrize("text, flagged", [
    ("In a one-tailed test, recall improved, t(45) = 1.80, p = .039.", False),
    ("Recall improved (one-sided t(45) = 1.80, p = .039), the team said.", False),
    ("Recall improved, t(45) = 1.80, p = .039, the team said.", True),
    ("Recall improved, t(45) = 1.80, two-tailed p = .039, the team said.", True),
])
def test_one_tailed_tests_where_the_text_says_so(text, flagged):
    assert bool(findings(text, "FC701")) == flagged


@pytest.mark.parametrize("text", [
    "Children who read daily scored higher (t = 2.2, df = 28, p = 0.3), the charity said.",
    "Scores differed by school type (F(2,57)=3.1, P=0.5).",
    "The link between screen time and sleep was weak, r = .12, n = 200, p < .001.",
])
def test_press_forms_are_recomputed(text):
    assert findings(text, "FC701")


def test_without_scipy_a_one_line_note_and_no_traceback(monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.stats", None)
    report = check_text("Recall improved, t(28) = 2.20, p = .06.", published="2025-06-01", rules=[RULES["FC701"]])
    assert report.findings == ()
    assert any("scipy is not installed" in n and "\n" not in n for n in report.notes)


def test_a_text_without_statistics_does_not_import_scipy_stats():
    """scipy.stats (the p-value arithmetic) loads only for a test result. pint, a core dependency, imports the bare
    scipy package itself when it is installed and pint builds its registry cold: that is not the pack's cost."""
    code = ("import sys, json; from factcheck.api import check_text; "
            "r = check_text('Sales rose 12% to $4.2bn from $3.75bn in 2024, the company said on Tuesday.\\n\\n"
            "Shares fell 3%, a sample of 12 stores showed (OR 1.2, 95% CI 1.0 to 1.4).', published='2025-06-01'); "
            "print(json.dumps(['scipy.stats' in sys.modules, len(r.figures)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [False, 10]  # its figures were read, the interval among them


def test_a_text_with_a_test_result_imports_scipy_and_checks_it():
    code = ("import sys, json; from factcheck.api import check_text; "
            "r = check_text('Recall improved, t(28) = 2.20, p = .06.', published='2025-06-01'); "
            "print(json.dumps(['scipy.stats' in sys.modules, [f.rule for f in r.findings]]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [True, ["FC701"]]


# --- text pasted from a PDF -----------------------------------------------------------------------------------

PDF_PASTE = (
    "Results\n"
    "Participants in the interven-\n"
    "tion arm were signiﬁcantly less likely to relapse (OR 0·80, 95% CI 0·60–1·07)\n"
    "than controls. Craving scores differed between arms, t(58) = −2·10, p = 0·40.\n"
)


def test_pdf_signs_decimal_points_and_ligatures_are_read():
    codes = sorted(f.rule for f in findings(PDF_PASTE, "FC701", "FC704"))
    assert codes == ["FC701", "FC704"]


def test_pdf_normalising_keeps_offsets():
    assert len(stats.normalise(PDF_PASTE)) == len(PDF_PASTE)
    [t] = stats.tests(PDF_PASTE)
    assert PDF_PASTE[t.value_start:t.value_end] == "−2·10" and t.value == -2.10


def test_pdf_hyphenated_significance_word():
    text = "The treated group was sig-\nnificantly more active (RR 1.10, 95% CI 0.90 to 1.34) than the others."
    assert [f.rule for f in findings(text, "FC704")] == ["FC704"]


# --- articles as reporters write them --------------------------------------------------------------------

ARTICLE_MD = """---
title: Sleep and memory
date: 2025-05-14
---

# Longer sleep, better recall, study finds

Students who slept for at least eight hours remembered more of what they
had learnt the day before, according to a study published on Wednesday.

The researchers recruited 64 students at two universities. "We were surprised
by how large the effect was," said Dr Ana Ruiz, who led the work.

Those who slept longer recalled more words, t(62) = 2.41, p = .19, and
rated the lessons a mean of 5.12 on a 7-point scale (n = 64).

The team now plans a larger trial.
"""


def test_a_markdown_article_flags_the_test_result_on_its_line():
    report = check_text(ARTICLE_MD, fmt="md", rules=[RULES[c] for c in ("FC701", "FC706", "FC708")])
    [f] = report.findings
    assert f.rule == "FC701" and f.severity == "error" and report.locate(f.span.start)[0] == 14


def test_an_html_article_with_crlf():
    html = ("<html><body>\r\n<h1>Vaccine cuts admissions</h1>\r\n<p>Vaccinated children were less likely to be "
            "admitted to hospital (RR 0.70, 95% CI 0.55 to 0.89, p = 0.40), the trial found.</p>\r\n"
            "<p>Side effects were reported by 17.3% of 24 patients.</p>\r\n</body></html>\r\n")
    codes = sorted(f.rule for f in findings(html, "FC704", "FC705", "FC707", fmt="html"))
    assert codes == ["FC704", "FC705", "FC707"]


# --- the passage set: manifest and split ----------------------------------------------------------------------

def test_the_passage_set_is_balanced_and_split_by_id():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import statistics_set

    items = statistics_set.load()
    assert len(items) >= 60
    planted = [i for i in items if i["planted"]]
    assert len(planted) * 2 == len(items)
    assert {i["planted"] for i in planted} >= {"FC701", "FC702", "FC703", "FC704", "FC705", "FC706", "FC707", "FC708"}
    halves = {statistics_set.half(i["id"]) for i in items}
    assert halves == {"tune", "held"}
