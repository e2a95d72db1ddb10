"""--jobs: a folder checked in worker processes gives the same report, in the same order, as one process."""

import json

import pytest

from factcheck import engine, runner
from factcheck.cli import main

WRONG = """---
published: 2023-03-17
---
# Story {n}

The council met on Friday, February 26, 2023, and again on February {day}. Sales rose 5% to $10.5 million.
"""


@pytest.fixture(autouse=True)
def pool_from_the_first_file(monkeypatch):
    """A run checks its first few files in-process before starting workers; here workers check every file."""
    monkeypatch.setattr(runner, "SERIAL_FIRST", 0)


@pytest.fixture
def folder(tmp_path):
    """Nine articles, some with a wrong weekday and an impossible date, one plain-text and one binary."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    for n in range(1, 8):
        (root / f"story-{n}.md").write_text(WRONG.format(n=n, day=28 if n % 3 == 0 else 30), encoding="utf-8")
    (root / "sub" / "brief.txt").write_text("He spoke on Sunday, February 26, 2023.\n", encoding="utf-8")
    (root / "sub" / "broken.txt").write_bytes(b"\x00\x01\x02 binary, not an article")
    return root


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jobs_give_the_same_report_in_the_same_order(capsys, folder):
    one = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "1", str(folder))
    two = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "2", str(folder))
    four = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "4", str(folder))
    assert one == two == four
    code, out, _ = one
    assert code == 1
    report = json.loads(out)
    paths = [f["path"] for f in report["files"]]
    assert paths == sorted(paths) and len(paths) == 9
    assert report["summary"]["files"] == 9
    rules = {f["rule"] for file in report["files"] for f in file["findings"]}
    assert {"FC201", "FC202"} <= rules
    broken = next(f for f in report["files"] if f["path"].endswith("broken.txt"))
    assert "not an article" in broken["notes"][0]


def test_line_output_is_the_same_whatever_the_jobs(capsys, folder):
    files = [str(folder / "story-5.md"), str(folder / "story-1.md"), str(folder / "story-2.md")]
    runs = [run(capsys, "check", "--format", "line", "--no-cache", "--jobs", jobs, *files) for jobs in "1234"]
    assert all(r == runs[0] for r in runs)
    code, out, _ = runs[0]
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if "FC20" in line] == sorted(files * 2)


def test_the_default_uses_every_core_and_matches_one_process(capsys, folder):
    default = run(capsys, "check", "--format", "json", "--no-cache", str(folder))
    single = run(capsys, "check", "--format", "json", "--no-cache", "-j", "1", str(folder))
    assert default == single


def test_api_check_paths_with_jobs_matches_serial(folder):
    serial = engine.check_paths([folder], jobs=1)
    parallel = engine.check_paths([folder], jobs=3)
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert parallel.findings == serial.findings
    assert parallel.figures == serial.figures
    # the report can still show source lines: the document came back from the worker
    assert parallel.files[0].document.source_line(6).startswith("The council met")


def test_a_bad_file_in_a_parallel_run_is_a_note_and_the_others_are_reported(capsys, folder):
    (folder / "story-4.md").write_text("---\npublished: [oops\n---\ntext\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "2", str(folder))
    assert code != 2
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(out)["files"]}
    stories = [f"story-{n}.md" for n in range(1, 8)]
    assert all(files[name]["figures"] for name in stories if name != "story-4.md")
    assert any("malformed front matter" in note for note in files["story-4.md"]["notes"])
    assert len([line for line in err.splitlines() if "story-4.md" in line and "front matter" in line]) == 1


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_must_be_positive(capsys, folder, jobs):
    code, _, err = run(capsys, "check", "--jobs", jobs, str(folder))
    assert code == 2
    assert err.startswith("factcheck: --jobs:") and len(err.strip().splitlines()) == 1


def test_jobs_must_be_a_number(capsys, folder):
    code, _, err = run(capsys, "check", "--jobs", "many", str(folder))
    assert code == 2 and "--jobs" in err and "Traceback" not in err


def test_a_big_folder_mixes_in_process_and_worker_checks_in_order(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "SERIAL_FIRST", 3)
    root = tmp_path / "many"
    root.mkdir()
    for n in range(14):
        (root / f"s{n:02}.md").write_text(WRONG.format(n=n, day=30 if n % 2 else 28), encoding="utf-8")
    one = run(capsys, "check", "--format", "jsonl", "--no-cache", "-j", "1", str(root))
    two = run(capsys, "check", "--format", "jsonl", "--no-cache", "-j", "2", str(root))
    assert one == two
    paths = [json.loads(line).get("path") for line in one[1].splitlines()][:-1]
    assert paths == [str(root / f"s{n:02}.md") for n in range(14)]
