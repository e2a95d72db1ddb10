"""Output formats (sarif, github, markdown, html, --report-dir), the terminal report, and the rule catalogue."""

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import document
from factcheck.model import Figure, FileReport, Finding, Report, Span
from factcheck.render import FORMATS, Options, renderer

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
WRONG = ("---\npublished: 2023-03-17\n---\n# Visit\n\nThe summit opened on Friday, February 26, 2023, in Moscow.\n\n"
         "Talks ended on Tuesday, March 7, 2023.\n")


@pytest.fixture
def cli(cli, monkeypatch, tmp_path):
    """The shared CLI runner, run from tmp_path with a wrong.md there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wrong.md").write_text(WRONG, encoding="utf-8")
    return cli


def hand_report(message="Sales 10% | *up* <b>& 50%\nnext", path="news, 2023: a.md") -> Report:
    """A report built by hand: one warning with awkward characters for escaping."""
    doc = document.from_text("Sales rose 50% in May.\n\nThen 10% more.\n", fmt="md", path=path)
    figs = (Figure(id="F1", span=Span(11, 14), surface="50%", kind="percent", value=50.0, unit="%"),
            Figure(id="F2", span=Span(29, 32), surface="10%", kind="percent", value=10.0, unit="%"))
    finding = Finding(rule="FC101", name="stated-change-does-not-match-figures", severity="warning",
                      message=message, spans=(figs[0].span, figs[1].span), figures=("F1", "F2"),
                      evidence="50 → 10 is -80%", fix="Recompute it.")
    file = FileReport(path=path, published="2023-03-17", figures=figs, findings=(finding,),
                      checked=frozenset({"F1", "F2"}), numeric_tokens=2, covered_tokens=2, document=doc)
    return Report(files=(file,))


def rendered(fmt: str, report: Report, **options) -> str:
    out = io.StringIO()
    renderer(fmt).render(report, out, Options(color=False, **options))
    return out.getvalue()


def test_every_format_is_registered_and_reachable_from_the_command_line(cli):
    from factcheck.cli import FORMATS as CLI_FORMATS

    for fmt in ("rich", "line", "json", "sarif", "github", "markdown", "html"):
        assert fmt in FORMATS and fmt in CLI_FORMATS
        code, out, err = cli("check", "wrong.md", "--format", fmt)
        assert code == 1 and out and not err, (fmt, err)
    code, out, err = cli("check", "wrong.md", "--format", "xml")
    assert (code, out) == (2, "") and err.startswith("factcheck: unknown format 'xml'")


# --- SARIF -------------------------------------------------------------------------------------


def test_sarif_validates_and_carries_rule_metadata(cli):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("../shared/schemas is absent")
    code, out, _ = cli("check", "wrong.md", "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    fc202 = rules["FC202"]
    assert fc202["name"] == "WeekdayDoesNotMatchDate"
    assert fc202["shortDescription"]["text"] == "FC202 weekday-does-not-match-date"
    assert fc202["fullDescription"]["text"].startswith("Compares a weekday written with a date")
    assert "## Why is this bad?" in fc202["help"]["markdown"]
    assert fc202["defaultConfiguration"]["level"] == "error"
    [result] = run["results"]
    assert result["ruleId"] == "FC202" and result["level"] == "error"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "FC202"
    assert result["message"]["text"].startswith("February 26, 2023 was a Sunday, not a Friday.")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "wrong.md"
    assert location["region"] == {"startLine": 6, "startColumn": 22, "endLine": 6, "endColumn": 47}
    assert result["partialFingerprints"]["factcheckFinding/v1"]


def test_sarif_of_a_hand_built_report_validates_with_related_locations_and_levels():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("../shared/schemas is absent")
    log = json.loads(rendered("sarif", hand_report()))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    [result] = log["runs"][0]["results"]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news%2C%202023%3A%20a.md"
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3


# --- GitHub annotations ------------------------------------------------------------------------


def test_github_annotations(cli):
    code, out, _ = cli("check", "wrong.md", "--format", "github", "--quiet")
    assert code == 1
    assert out.splitlines() == [
        "::error file=wrong.md,line=6,col=22,endLine=6,endColumn=47,title=FC202::February 26, 2023 was a Sunday, "
        "not a Friday. [weekday-does-not-match-date]%0A2023-02-26 is a Sunday; the text says Friday%0A"
        "Fix: Check the date: the nearest Friday is February 24."]


def test_github_escapes_data_and_properties_and_maps_severity():
    out = rendered("github", hand_report(message="100% sure,\r\nreally: yes"))
    line = [x for x in out.splitlines() if x.startswith("::warning")][0]
    assert line.startswith("::warning file=news%2C 2023%3A a.md,line=1,col=12,endLine=1,endColumn=15,title=FC101::")
    assert line.split("::", 2)[2].startswith("100%25 sure,%0D%0Areally: yes [stated-change-does-not-match-figures]")
    info = hand_report()
    finding = info.files[0].findings[0]
    info = Report(files=(FileReport(**{**info.files[0].__dict__, "findings": (
        Finding(**{**finding.__dict__, "severity": "info"}),)}),))
    assert rendered("github", info).startswith("::notice file=")


# --- Markdown and HTML -------------------------------------------------------------------------


def test_markdown_report_for_a_pull_request(cli):
    code, out, _ = cli("check", "wrong.md", "--format", "markdown")
    assert out.startswith("# factcheck report\n\n**1 error, 0 warnings, 0 infos.**")
    assert "| `wrong.md` | 2023-03-17 | 2 | 2 | 1 | 0 | 1 | 0 | 0 |" in out  # ... consistent, suppressed, errors
    assert "### ❌ error FC202 · line 6, column 22" in out
    assert "    6 | The summit opened on Friday, February 26, 2023, in Moscow." in out
    assert "**Arithmetic:** 2023-02-26 is a Sunday; the text says Friday" in out
    assert "| F1 | 6 | Friday, February 26, 2023 | date | 2023-02-26 | error |" in out
    assert "| F2 | 8 | Tuesday, March 7, 2023 | date | 2023-03-07 | consistent |" in out


def test_markdown_escapes_what_would_break_it():
    out = rendered("markdown", hand_report())
    assert r"Sales 10% \| \*up\* \<b\>& 50% next" in out
    assert "<b>" not in out


def test_html_report_marks_figures_and_is_self_contained(cli):
    code, out, _ = cli("check", "wrong.md", "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//|<link\b|@import""", out), "must not load anything"
    assert re.search(r'<mark class="fig error" id="f1-F1" title="F1 · date · 2023-02-26 · flagged \(error\)" '
                     r'data-cards="c1-1">Friday, February 26, 2023</mark>', out)
    assert '<mark class="fig consistent" id="f1-F2"' in out
    assert '<div class="card error" id="c1-1" data-figs="f1-F1">' in out
    assert '<p class="evidence">2023-02-26 is a Sunday; the text says Friday</p>' in out
    assert '<p class="verdict bad">1 error, 0 warnings, 0 infos.</p>' in out
    assert re.search(r"<td>\d+ of 4 \(\d+%\)</td>", out)  # the scorecard's coverage: 4 numeric tokens


def test_html_escapes_article_and_finding_text():
    report = hand_report(message="<script>alert(1)</script>")
    out = rendered("html", report)
    assert "<script>alert(1)</script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count("<script>") == 1  # only the report's own


def test_report_dir_writes_markdown_and_html(cli, tmp_path):
    code, out, _ = cli("check", "wrong.md", "--format", "line", "--report-dir", "out/reports")
    assert code == 1 and out.startswith("wrong.md:6:22: error FC202")
    md = (tmp_path / "out/reports/factcheck-report.md").read_text(encoding="utf-8")
    html = (tmp_path / "out/reports/factcheck-report.html").read_text(encoding="utf-8")
    assert "### ❌ error FC202" in md and '<div class="card error"' in html


# --- terminal ----------------------------------------------------------------------------------


def test_rich_report_has_findings_and_the_scorecard_and_quiet_drops_the_scorecard(cli):
    code, out, _ = cli("check", "wrong.md")
    assert "wrong.md:6:22  error FC202 weekday-does-not-match-date" in out
    assert "  = 2023-02-26 is a Sunday; the text says Friday" in out
    assert "Scorecard: wrong.md" in out and "\x1b[" not in out
    assert re.search(r"errors\s+1", out)
    code, quiet, _ = cli("check", "wrong.md", "--quiet")
    assert "wrong.md:6:22  error FC202" in quiet and "Scorecard" not in quiet


def test_multi_file_runs_have_a_scorecard_per_file_and_for_the_run(cli, tmp_path):
    (tmp_path / "right.md").write_text(WRONG.replace("Friday, February 26", "Sunday, February 26"), encoding="utf-8")
    code, out, _ = cli("check", "right.md", "wrong.md")
    assert "Scorecard per file" in out and "Scorecard: all files" in out
    # figures, checked, consistent, suppressed, errors
    assert re.search(r"right\.md\s+2\s+2\s+2\s+0\s+0", out) and re.search(r"wrong\.md\s+2\s+2\s+1\s+0\s+1", out)


def _in_terminal(args, env=None):
    """Run factcheck with stdout and stderr on a pseudo-terminal; returns (exit code, what the terminal showed)."""
    return _on_pty([sys.executable, "-m", "factcheck.cli", *args], env={**os.environ, "COLUMNS": "120", **(env or {})})


def _terminal_run(tmp_path, args, env=None):
    """Run the real CLI in a child process on a pseudo-terminal; returns (exit code, everything it showed)."""
    launch = "import sys\nfrom factcheck.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"),
           **(env or {})}
    return _on_pty([sys.executable, "-c", launch, *args, "--jobs", "1", "--no-cache"], cwd=tmp_path,
                   env={**os.environ, **env})


def _on_pty(cmd, env, cwd=None):
    """Run a command with stdout and stderr on a pseudo-terminal; returns (exit code, what the terminal showed)."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=secondary, stderr=secondary, stdin=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def articles(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.md").write_text(WRONG, encoding="utf-8")
    return tmp_path


def test_colour_on_a_terminal_and_none_with_no_color(articles):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, shown = _terminal_run(articles, ["check", "a0.md"], env={**env, "NO_COLOR": ""})
    assert code == 1 and "\x1b[" in shown and "FC202" in shown
    code, shown = _terminal_run(articles, ["check", "a0.md"], env={"NO_COLOR": "1"})
    assert code == 1 and "\x1b[" not in shown and "error FC202" in shown
    code, shown = _terminal_run(articles, ["check", "a0.md", "--no-color"])
    assert "\x1b[" not in shown and "error FC202" in shown


def test_progress_bar_on_a_terminal_for_multi_file_runs(articles):
    code, shown = _terminal_run(articles, ["check", "a0.md", "a1.md", "a2.md", "--no-color"])
    assert code == 1 and "checking" in shown and "3/3" in shown
    code, shown = _terminal_run(articles, ["check", "a0.md", "a1.md", "--no-color", "--quiet"])
    assert "checking" not in shown
    code, shown = _terminal_run(articles, ["check", "a0.md", "--no-color"])
    assert "checking" not in shown  # one file: no bar


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli):
    code, out, err = cli("check", "wrong.md", "wrong.md")
    assert err == ""


# --- the rule catalogue ------------------------------------------------------------------------


def test_rules_table_and_explain(cli):
    code, out, _ = cli("rules")
    assert code == 0
    assert re.search(r"FC202\s+│?\s*weekday-does-not-match-date\s+│?\s*calendar\s+│?\s*error\s+│?\s*calendar", out)
    for column in ("code", "name", "kind", "severity", "pack"):
        assert column in out
    code, out, _ = cli("rules", "--format", "json")
    assert {"code": "FC202", "name": "weekday-does-not-match-date", "check": "calendar", "severity": "error",
            "pack": "calendar", "default_severity": "error", "enabled": True} in json.loads(out)
    code, out, _ = cli("explain", "fc202")
    assert code == 0 and out.startswith("FC202 weekday-does-not-match-date")
    assert "What it does" in out and "He spoke on Friday, February 26, 2023." in out
    code, out, err = cli("explain", "FC999")
    assert code == 2 and err == "factcheck: unknown rule: FC999 (see 'factcheck rules')\n"
