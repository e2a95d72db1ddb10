"""Inline switches: ignore-next-line, ignore CODES (next block), off/on, in Markdown, HTML and text."""

import json
import re

import pytest

from factcheck import document, switches
from factcheck.model import Figure, Finding, Span


def finding(doc, needle, rule="FC202", name="weekday-does-not-match-date", nth=0):
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    start = starts[nth]
    return Finding(rule=rule, name=name, severity="error", message=f"{needle} is wrong",
                   spans=(Span(start, start + len(needle)),))


def kept(doc, *findings):
    left, notes = switches.apply(doc, list(findings))
    return [f.message.removesuffix(" is wrong") for f in left], notes


MD = """# Title

Alpha 1 here.
<!-- factcheck: ignore-next-line -->
Beta 2 here.
Gamma 3 here.

<!-- factcheck: ignore FC101 -->
Delta 4 and
epsilon 5 in one paragraph.

Zeta 6 after the block.

<!-- factcheck: off -->
Eta 7 switched off.

Theta 8 still off.
<!-- factcheck: on -->
Iota 9 back on.
"""


def test_ignore_next_line_drops_only_the_next_line():
    doc = document.from_text(MD, fmt="md")
    left, notes = kept(doc, finding(doc, "Alpha 1"), finding(doc, "Beta 2"), finding(doc, "Gamma 3"))
    assert left == ["Alpha 1", "Gamma 3"]
    assert notes == ["1 finding switched off by inline factcheck comments"]


def test_ignore_code_covers_the_next_block_for_that_rule_only():
    doc = document.from_text(MD, fmt="md")
    left, _ = kept(doc, finding(doc, "Delta 4", "FC101", "stated-change-does-not-match-figures"),
                   finding(doc, "epsilon 5", "FC101", "stated-change-does-not-match-figures"),
                   finding(doc, "epsilon 5"),  # FC202: not switched off
                   finding(doc, "Zeta 6", "FC101", "stated-change-does-not-match-figures"))
    assert left == ["epsilon 5", "Zeta 6"]


def test_off_and_on():
    doc = document.from_text(MD, fmt="md")
    left, _ = kept(doc, finding(doc, "Eta 7"), finding(doc, "Theta 8"), finding(doc, "Iota 9"))
    assert left == ["Iota 9"]


def test_off_without_on_runs_to_the_end_and_codes_limit_it():
    doc = document.from_text("One 1.\n<!-- factcheck: off FC2 -->\nTwo 2.\n\nThree 3.\n", fmt="md")
    left, _ = kept(doc, finding(doc, "One 1"), finding(doc, "Two 2"), finding(doc, "Three 3"),
                   finding(doc, "Three 3", "FC301", "same-figure-two-values"))
    assert left == ["One 1", "Three 3"]


def test_a_finding_is_switched_off_when_any_of_its_figures_is():
    doc = document.from_text("Sales were 5 in May.\n<!-- factcheck: ignore-next-line -->\nSales were 6 in May.\n",
                             fmt="md")
    a, b = finding(doc, "5"), finding(doc, "6")
    both = Finding(rule="FC301", name="same-figure-two-values", severity="error", message="x is wrong",
                   spans=(a.span, b.span))
    assert kept(doc, both)[0] == []


def test_html_switches_apply_to_the_next_element():
    html = ("<html><body><article>\n<p>Alpha 1.</p>\n<!-- factcheck: ignore FC202 -->\n<p>Beta 2 and\ngamma 3.</p>\n"
            "<p>Delta 4.</p>\n<!-- factcheck: ignore-next-line -->\n<p>Eps 5.</p>\n<p>Zeta 6.</p>\n"
            "</article></body></html>")
    doc = document.from_text(html, fmt="html")
    left, _ = kept(doc, *(finding(doc, n) for n in ("Alpha 1", "Beta 2", "gamma 3", "Delta 4", "Eps 5", "Zeta 6")))
    assert left == ["Alpha 1", "Delta 4", "Zeta 6"]


def test_plain_text_switches():
    doc = document.from_text("A 1.\n<!-- factcheck: ignore-next-line -->\n\nB 2.\nC 3.\n", fmt="txt")
    assert kept(doc, finding(doc, "A 1"), finding(doc, "B 2"), finding(doc, "C 3"))[0] == ["A 1", "C 3"]


def test_an_unknown_switch_is_a_note_and_switches_nothing_off():
    doc = document.from_text("<!-- factcheck: ignroe FC101 -->\nA 1.\n", fmt="md")
    left, notes = kept(doc, finding(doc, "A 1"))
    assert left == ["A 1"]
    assert notes == ["line 1: unknown factcheck switch 'ignroe FC101' (use ignore-next-line, ignore CODES, off or on)"]


ARTICLE = """---
published: 2023-03-17
---
The summit opened on Friday, February 26, 2023, in Moscow.
"""


@pytest.mark.parametrize(("switch", "code"), [
    ("", 1),
    ("<!-- factcheck: ignore-next-line -->\n", 0),
    ("<!-- factcheck: ignore FC202 -->\n", 0),
    ("<!-- factcheck: ignore weekday-does-not-match-date -->\n", 0),
    ("<!-- factcheck: ignore FC101 -->\n", 1),
    ("<!-- factcheck: off -->\n", 0),
])
def test_switches_from_the_command_line(cli, tmp_path, switch, code):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE.replace("The summit", switch + "The summit"), encoding="utf-8")
    exit_code, out, _ = cli("check", str(path), "--format", "line")
    assert exit_code == code
    assert ("FC202" in out) == bool(code)
    if code == 0:
        _, rich_out, _ = cli("check", str(path), "--no-color")
        assert "1 finding switched off by inline factcheck comments" in rich_out


def test_a_switched_off_figure_is_suppressed_not_consistent_in_every_report(cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE.replace("The summit", "<!-- factcheck: ignore-next-line -->\nThe summit"), encoding="utf-8")
    report = tmp_path / "reports"
    code, out, _ = cli("check", str(path), "--no-color", "--report-dir", str(report))
    assert code == 0
    assert re.search(r"consistent\s+0\b", out) and re.search(r"suppressed\s+1\b", out), out
    data = json.loads(cli("check", str(path), "--format", "json")[1])
    file = data["files"][0]
    assert file["findings"] == [] and file["suppressed"] == 1  # not in the contract's findings
    assert data["summary"]["suppressed"] == 1 and data["summary"]["errors"] == 0
    md = (report / "factcheck-report.md").read_text(encoding="utf-8")
    assert "| 1 | 1 | 0 | 1 | 0 | 0 | 0 |" in md  # figures, checked, consistent, suppressed, errors ...
    assert "| F1 | 5 | Friday, February 26, 2023 | date | 2023-02-26 | suppressed (FC202) |" in md
    assert "0 consistent, 0 flagged, 1 suppressed, 0 unchecked" in md
    html = (report / "factcheck-report.html").read_text(encoding="utf-8")
    assert re.search(r'<mark class="fig suppressed" id="f1-F1" title="[^"]*switched off[^"]*\(FC202\)"', html)
    assert '<span class="swatch suppressed">' in html and "fig consistent" not in html
    assert "<td>1</td><td>1</td><td>0</td><td>1</td>" in html  # figures, checked, consistent, suppressed


def test_a_figure_flagged_by_another_rule_stays_flagged_when_one_finding_is_switched_off():
    from factcheck.model import FileReport

    doc = document.from_text("Sales were 5 in May.\n", fmt="md")
    fig = Figure(id="F1", span=Span(11, 12), surface="5", kind="count", value=5.0)
    on, off = finding(doc, "5", rule="FC101", name="x"), finding(doc, "5")
    on, off = (Finding(**{**f.__dict__, "figures": ("F1",)}) for f in (on, off))
    file = FileReport(path="a.md", published=None, figures=(fig,), findings=(on,), suppressed=(off,),
                      checked=frozenset({"F1"}), document=doc)
    assert file.consistent == 0 and file.suppressed_figures == frozenset()
    from factcheck.render.markdown import figure_status

    assert figure_status(file) == {"F1": "error"}


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_switches_read_the_same_with_crlf_and_lone_cr(line_end):
    doc = document.from_text(MD.replace("\n", line_end), fmt="md")
    names = ("Alpha 1", "Beta 2", "Gamma 3", "Delta 4", "Zeta 6", "Eta 7", "Theta 8", "Iota 9")
    left, _ = kept(doc, *(finding(doc, n) for n in names), finding(doc, "Delta 4", "FC101", "x"))
    assert left == ["Alpha 1", "Gamma 3", "Delta 4", "Zeta 6", "Iota 9"]
    bad = document.from_text(f"A 1.{line_end}{line_end}<!-- factcheck: ignroe -->{line_end}B 2.", fmt="md")
    assert kept(bad, finding(bad, "B 2"))[1][0].startswith("line 3: unknown factcheck switch 'ignroe'")


def test_a_run_of_ignore_next_line_switches_covers_the_first_line_of_text_after_them():
    switches_only = "<!-- factcheck: ignore-next-line -->\n" * 500 + "\n<!-- factcheck: ignore FC101 -->\n"
    source = "A 1.\n" + switches_only + "B 2.\nC 3.\n"
    doc = document.from_text(source, fmt="md")
    assert kept(doc, finding(doc, "A 1"), finding(doc, "B 2"), finding(doc, "C 3"))[0] == ["A 1", "C 3"]


def test_an_unclosed_switch_switches_nothing_and_a_switch_may_span_lines():
    doc = document.from_text("A 1.\n<!-- factcheck:\n  ignore-next-line\n-->\nB 2.\nC 3.\n<!-- factcheck: off\nD 4.\n")
    left, notes = kept(doc, finding(doc, "A 1"), finding(doc, "B 2"), finding(doc, "C 3"), finding(doc, "D 4"))
    assert left == ["A 1", "C 3", "D 4"] and doc.switches == [(2, "ignore-next-line")]
