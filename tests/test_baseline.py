"""Baselines: `factcheck baseline` records findings; `check --baseline` reports and fails only on new ones."""

import json
import re

import pytest

OLD = "---\npublished: 2023-03-17\n---\nThe summit opened on Friday, February 26, 2023, in Moscow.\n"


@pytest.fixture
def cli(cli, monkeypatch, tmp_path):
    """The shared CLI runner, run from tmp_path (baselines are written and read relative to it)."""
    monkeypatch.chdir(tmp_path)
    return cli


def test_baseline_then_only_new_findings_fail(cli, tmp_path):
    article = tmp_path / "articles" / "a.md"
    article.parent.mkdir()
    article.write_text(OLD, encoding="utf-8")
    code, out, _ = cli("baseline", "articles")
    assert code == 0
    assert out == "factcheck: wrote 1 finding from 1 file to .factcheck-baseline.json\n"
    data = json.loads((tmp_path / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "factcheck-baseline/1"
    assert [(e["rule"], e["path"], e["figures"], e["line"]) for e in data["findings"]] == [
        ("FC202", "articles/a.md", ["Friday, February 26, 2023"], 4)]

    assert cli("check", "articles", "--baseline", ".factcheck-baseline.json", "--format", "line", "-q")[:2] == (0, "")
    code, out, _ = cli("check", "articles", "--baseline", ".factcheck-baseline.json", "--no-color")
    assert code == 0 and "1 finding already in the baseline .factcheck-baseline.json not shown" in out

    # Edits elsewhere move the old finding down the file: still matched.
    article.write_text(OLD.replace("The summit", "A new first paragraph.\n\nAnother one.\n\nThe summit"),
                       encoding="utf-8")
    assert cli("check", "articles", "--baseline", ".factcheck-baseline.json", "--format", "line", "-q")[:2] == (0, "")

    # A new wrong date fails, and only it is reported.
    article.write_text(article.read_text(encoding="utf-8") + "\nThey left on Monday, March 11, 2023.\n",
                       encoding="utf-8")
    code, out, _ = cli("check", "articles", "--baseline", ".factcheck-baseline.json", "--format", "line", "-q")
    assert code == 1
    assert out == "articles/a.md:10:14: error FC202 March 11, 2023 was a Saturday, not a Monday.\n"


def test_a_second_copy_of_a_baselined_finding_is_new(cli, tmp_path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    cli("baseline", "a.md", "-o", "base.json")
    (tmp_path / "a.md").write_text(OLD + "\n" + OLD.split("---\n")[-1], encoding="utf-8")
    code, out, _ = cli("check", "a.md", "--baseline", "base.json", "--format", "line")
    assert code == 1 and out.count("FC202") == 1


def test_a_changed_sentence_is_a_new_finding(cli, tmp_path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    cli("baseline", "a.md")
    (tmp_path / "a.md").write_text(OLD.replace("in Moscow", "in Beijing"), encoding="utf-8")
    assert cli("check", "a.md", "--baseline", ".factcheck-baseline.json", "--format", "line", "-q")[0] == 1


def test_baseline_paths_are_relative_to_the_baseline_file(cli, tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    cli("baseline", "a.md")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert cli("check", "../a.md", "--baseline", "../.factcheck-baseline.json", "--format", "line", "-q")[:2] == (0, "")


@pytest.mark.parametrize(("content", "message"), [
    (None, "missing.json: no such baseline file (write one with 'factcheck baseline PATH...')"),
    ("{not json", "missing.json: not a baseline file"),
    ('{"schema": "other"}', "missing.json: not a baseline file (expected schema 'factcheck-baseline/1')"),
])
def test_a_bad_baseline_is_one_line_exit_2(cli, tmp_path, content, message):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    if content is not None:
        (tmp_path / "missing.json").write_text(content, encoding="utf-8")
    code, out, err = cli("check", "a.md", "--baseline", "missing.json")
    assert code == 2 and len(err.splitlines()) == 1 and message in err, err


def test_a_baselined_figure_is_suppressed_not_consistent(cli, tmp_path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    cli("baseline", "a.md")
    code, out, _ = cli("check", "a.md", "--baseline", ".factcheck-baseline.json", "--no-color")
    assert code == 0
    assert re.search(r"consistent\s+0\b", out) and re.search(r"suppressed\s+1\b", out), out
    code, out, _ = cli("check", "a.md", "--baseline", ".factcheck-baseline.json", "--format", "json")
    data = json.loads(out)
    assert data["files"][0]["findings"] == [] and data["files"][0]["suppressed"] == 1
    assert data["summary"]["suppressed"] == 1
    code, out, _ = cli("check", "a.md", "--baseline", ".factcheck-baseline.json", "--format", "html")
    assert '<mark class="fig suppressed" id="f1-F1"' in out
