"""Attacks on the run itself: a worker killed mid-run, a file that never finishes, SIGTERM to a --jobs run.

The faults are real (FACTCHECK_TEST_FAULT, read by factcheck.runner for tests only): a worker process ends
itself with os._exit, or hangs with the time limit's signal blocked, as a stuck C call would.
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from factcheck import runner
from factcheck.cli import main

ARTICLE = """---
published: 2023-03-17
---
# Story {n}

The council met on Friday, February 26, 2023, to vote on the harbour plan. "We waited
long enough," the mayor said.

Spending rose 5% to $10.5 million, the treasurer said.
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    for n in range(12):
        (root / f"story-{n:02}.md").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return root


@pytest.fixture
def workers_only(monkeypatch):
    """Every file goes to a worker process (a run checks its first few files in-process otherwise)."""
    monkeypatch.setattr(runner, "SERIAL_FIRST", 0)


def by_path(jsonl: str) -> tuple[dict, dict]:
    lines = [json.loads(line) for line in jsonl.splitlines()]
    return {f["path"].rsplit("/", 1)[-1]: f for f in lines[:-1]}, lines[-1]


def test_a_killed_worker_costs_one_file_a_note_and_the_run_goes_on(capsys, folder, monkeypatch, workers_only):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "crash:story-05")
    code, out, err = run(capsys, "check", "--format", "jsonl", "--no-cache", "--jobs", "2", str(folder))
    files, summary = by_path(out)
    assert code == 1 and summary["schema"] == "factcheck-report/1" and summary["summary"]["files"] == 12
    assert sorted(files) == [f"story-{n:02}.md" for n in range(12)]
    assert files["story-05.md"]["figures"] == []
    assert "not checked: the worker process checking it stopped" in files["story-05.md"]["notes"][0]
    assert all({x["rule"] for x in f["findings"]} == {"FC202"} for name, f in files.items() if name != "story-05.md")
    assert err.count("\n") == 1 and "story-05.md: not checked: the worker process" in err


def test_two_killed_workers_and_a_cached_rerun(capsys, folder, monkeypatch, workers_only):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "crash:story-03|crash:story-09")
    _, out, _ = run(capsys, "check", "--format", "jsonl", "--jobs", "3", str(folder))
    files, _ = by_path(out)
    assert [n for n, f in files.items() if f.get("notes")] == ["story-03.md", "story-09.md"]
    monkeypatch.delenv("FACTCHECK_TEST_FAULT")  # the lost files were not cached: now they are checked
    _, out, _ = run(capsys, "check", "--format", "jsonl", "--jobs", "3", str(folder))
    files, _ = by_path(out)
    assert not any(f.get("notes") for f in files.values()) and len(files) == 12


def test_a_hung_worker_is_ended_at_the_time_limit(capsys, folder, monkeypatch, workers_only):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "hang:story-02")
    start = time.monotonic()
    code, out, err = run(capsys, "check", "--format", "jsonl", "--no-cache", "--jobs", "2", "--timeout-per-file", "1",
                         str(folder))
    took = time.monotonic() - start
    files, summary = by_path(out)
    assert summary["summary"]["files"] == 12 and len(files) == 12
    assert "not checked: checking took over 1 s (--timeout-per-file)" in files["story-02.md"]["notes"][0]
    assert all(f["findings"] for name, f in files.items() if name != "story-02.md"), files
    assert took < 60


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_file_is_a_note_in_process_and_in_workers(capsys, folder, monkeypatch, jobs):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "slow:story-07")
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", jobs, "--timeout-per-file",
                         "0.5", str(folder))
    report = json.loads(out)
    slow = next(f for f in report["files"] if f["path"].endswith("story-07.md"))
    assert slow["notes"] == [f"{slow['path']}: not checked: checking took over 0.5 s (--timeout-per-file)"]
    assert code == 1 and report["summary"]["files"] == 12
    assert f"factcheck: warning: {slow['path']}: not checked" in err


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_bad_timeout_is_a_usage_error(capsys, folder, value):
    code, out, err = run(capsys, "check", "--timeout-per-file", value, str(folder))
    assert code == 2 and out == "" and "--timeout-per-file" in err and len(err.strip().splitlines()) == 1


def test_the_fault_switch_never_kills_the_users_own_process(capsys, folder, monkeypatch):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "crash:story-01")
    code, out, _ = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "1", str(folder / "story-01.md"))
    assert code == 1 and json.loads(out)["files"][0]["findings"]


# --- SIGTERM ---------------------------------------------------------------------------------------------------

def _descendants(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    psutil = pytest.importorskip("psutil")
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def test_sigterm_ends_a_jobs_run_and_its_workers(folder, tmp_path):
    """More files than a run checks in-process, one of them hanging in a worker: SIGTERM ends it all."""
    env = {**os.environ, "FACTCHECK_TEST_FAULT": "hang:story-10|hang:story-11",
           "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "check", "--format", "jsonl", "--jobs", "2",
                             str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        done = [proc.stdout.readline() for _ in range(10)]  # every file before the hanging ones is out
        assert all(line.startswith('{"path"') for line in done), done
        children = _descendants(proc.pid)
        assert len(children) >= 2, "the workers never started"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert err.strip().splitlines()[-1] == "factcheck: terminated"
    assert "Traceback" not in err
    time.sleep(0.5)
    assert _alive(children) == []
    assert out == ""  # nothing after the files before the hanging ones: no summary of a run that did not end
    assert list((tmp_path / "cache").rglob("*.tmp")) == []
