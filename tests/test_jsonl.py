"""--format jsonl: one line per file as it is checked, the same records as the JSON report, then a summary."""

import io
import json
import sys
import weakref

import pytest

from factcheck import engine
from factcheck.cli import main

ARTICLE = """---
published: 2023-03-17
---
# Story {n}

The council met on {weekday}, February 26, 2023. Sales rose 5% to $10.5 million.
"""


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    for n in range(12):
        weekday = "Friday" if n % 4 == 0 else "Sunday"
        (root / f"story-{n:02}.md").write_text(ARTICLE.format(n=n, weekday=weekday), encoding="utf-8")
    return root


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_each_line_is_one_file_of_the_json_report_then_the_summary(capsys, folder):
    code, out, _ = run(capsys, "check", "--format", "jsonl", "--no-cache", str(folder))
    json_code, json_out, _ = run(capsys, "check", "--format", "json", "--no-cache", str(folder))
    assert code == json_code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    report = json.loads(json_out)
    assert lines[:-1] == report["files"]
    assert lines[-1] == {"schema": report["schema"], "summary": report["summary"]}
    assert report["summary"]["files"] == 12 and report["summary"]["errors"] + report["summary"]["warnings"] == 3


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_the_order_is_the_same_whatever_the_jobs(capsys, folder, jobs):
    one = run(capsys, "check", "--format", "jsonl", "--no-cache", "-j", "1", str(folder))
    assert run(capsys, "check", "--format", "jsonl", "--no-cache", "-j", jobs, str(folder)) == one


def test_a_clean_run_exits_0_and_still_ends_with_a_summary(capsys, folder):
    code, out, _ = run(capsys, "check", "--format", "jsonl", str(folder / "story-01.md"))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and json.loads(lines[-1])["summary"]["files"] == 1


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("He spoke on Friday, February 26, 2023.\n"))
    code, out, _ = run(capsys, "check", "--format", "jsonl", "--published", "2023-03-17", "-")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and lines[0]["path"] == "<stdin>" and lines[0]["findings"][0]["rule"] == "FC202"


def test_lines_are_written_as_files_finish_and_finished_reports_are_let_go(folder, monkeypatch):
    """Streaming: when file k is checked, k lines are out already and the reports before it are freed."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    real = engine.check_document
    alive: list[weakref.ref] = []
    seen: list[tuple[int, int]] = []

    def check(doc, rules, rates=None):
        seen.append((out.getvalue().count("\n"), sum(ref() is not None for ref in alive)))
        report = real(doc, rules, rates)
        alive.append(weakref.ref(report))
        return report

    monkeypatch.setattr(engine, "check_document", check)
    assert main(["check", "--format", "jsonl", "--no-cache", "--jobs", "1", str(folder)]) == 1
    assert [lines for lines, _ in seen] == list(range(12))
    assert max(kept for _, kept in seen) <= 1
    assert out.getvalue().count("\n") == 13
