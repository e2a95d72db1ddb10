"""The command line as a user meets it: exit codes, one-line errors, and the JSON contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ARTICLES = Path(__file__).parent / "articles"
WRONG = str(ARTICLES / "wrong-dates.md")
CLEAN = str(ARTICLES / "clean.md")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_article_exits_0(capsys):
    code, out, _ = run(capsys, "check", "--format", "line", CLEAN)
    assert code == 0 and out == ""


def test_wrong_article_exits_1_with_one_line_per_finding(capsys):
    code, out, _ = run(capsys, "check", "--format", "line", WRONG)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{WRONG}:6:") and " FC203 " in line for line in lines), lines
    assert any(line.startswith(f"{WRONG}:8:") and " FC201 " in line for line in lines), lines


def test_fail_on_never_and_select(capsys):
    assert run(capsys, "check", "--fail-on", "never", "--format", "line", WRONG)[0] == 0
    code, out, _ = run(capsys, "check", "--select", "FC201", "--format", "line", WRONG)
    assert code == 1 and "FC201" in out and "FC203" not in out
    code, out, _ = run(capsys, "check", "--ignore", "FC201,FC203", "--format", "line", WRONG)
    assert "FC201" not in out and "FC203" not in out


def test_json_follows_the_contract(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", WRONG)
    data = json.loads(out)
    assert data["schema"] == "factcheck-report/1"
    file = data["files"][0]
    assert file["path"] == WRONG and file["published"] == "2023-03-17"
    rng = next(f for f in file["figures"] if f["kind"] == "date_range")
    assert rng["date"] == "2023-03-22" and rng["date_end"] == "2023-03-20"
    assert {"id", "surface", "start", "end", "line", "column", "end_line", "end_column"} <= set(rng)
    finding = file["findings"][0]
    assert {"rule", "name", "severity", "message", "evidence", "figures", "line", "column", "end_line",
            "end_column", "locations"} <= set(finding)
    assert [f["line"] for f in file["findings"]] == sorted(f["line"] for f in file["findings"])
    assert data["summary"]["files"] == 1 and data["summary"]["errors"] == len(file["findings"])


def test_terminal_report_shows_message_source_and_scorecard(capsys):
    code, out, _ = run(capsys, "check", WRONG)
    assert code == 1
    assert "FC203" in out and "March 22 to 20" in out and "Scorecard" in out and "figures found" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["check", "no/such/file.md"], "no such file"),
        (["check", "--published", "2023-02-30", CLEAN], "impossible date"),
        (["check", "--format", "yaml", CLEAN], "unknown format"),
        (["check", "--select", "FC999", CLEAN], "unknown rule"),
        (["check", "--fail-on", "sometimes", CLEAN], "--fail-on"),
        (["explain", "FC999"], "unknown rule"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(capsys, argv, says):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and says in err and "Traceback" not in err


def test_broken_rule_file_names_file_line_and_field(capsys, tmp_path):
    bad = tmp_path / "FC901-bad.yml"
    bad.write_text("id: FC901\nname: bad-rule\ncheck: nonsense\nseverity: error\nmessage: x\n")
    code, _, err = run(capsys, "check", "--rules", str(bad), CLEAN)
    assert code == 2 and f"{bad}:3: check: unknown check kind (expected one of" in err


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "FC201" in out and "impossible-date" in out
    code, out, _ = run(capsys, "explain", "FC202")
    assert code == 0 and "What it does" in out and "Friday, February 26" in out


def test_figures_json(capsys):
    code, out, _ = run(capsys, "figures", "--format", "json", CLEAN)
    kinds = {f["kind"] for f in json.loads(out)["files"][0]["figures"]}
    assert code == 0 and {"date_range", "date"} <= kinds


def test_console_script_reads_stdin_and_never_traces():
    cmd = [sys.executable, "-m", "factcheck.cli", "check", "--format", "line", "--published", "2023-03-17", "-"]
    done = subprocess.run(cmd, input="It was signed on February 30.\n", capture_output=True, text=True)
    assert done.returncode == 1 and "<stdin>:1:" in done.stdout and "FC201" in done.stdout
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "/nonexistent"], capture_output=True,
                          text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
