"""--engine dask: a real scheduler and worker processes on 127.0.0.1 give the same report as a local run."""

import json
import sys

import pytest

from factcheck.cli import main

distributed = pytest.importorskip("distributed")

ARTICLE = """---
published: 2023-03-17
---
# Story {n}

The council met on {weekday}, February 26, 2023, and again on February {day}. Sales rose 5% to $10.5 million.
"""


@pytest.fixture(scope="module")
def scheduler():
    """A scheduler and two single-threaded worker processes on loopback; their working folder is not the tests'."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Articles under a relative path that exists only here: workers can only have them from the task."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "articles"
    root.mkdir()
    for n in range(6):
        text = ARTICLE.format(n=n, weekday="Friday" if n % 2 else "Sunday", day=30 if n % 3 == 0 else 28)
        (root / f"story-{n}.md").write_text(text, encoding="utf-8")
    (root / "notes.txt").write_text("Exports were 4,000 tonnes in 2022.\n", encoding="utf-8")
    return "articles"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "line"])
def test_a_dask_run_gives_the_same_report_as_a_local_run(capsys, scheduler, folder, fmt):
    local = run(capsys, "check", "--format", fmt, "--no-cache", folder)
    on_cluster = run(capsys, "check", "--format", fmt, "--no-cache", "--engine", "dask", "--scheduler", scheduler,
                     folder)
    assert on_cluster == local
    assert local[0] == 1


def test_the_dask_report_has_the_findings(capsys, scheduler, folder):
    code, out, _ = run(capsys, "check", "--format", "json", "--engine", "dask", "--scheduler", scheduler, folder)
    report = json.loads(out)
    assert code == 1 and report["summary"]["files"] == 7
    by_file = {f["path"]: {x["rule"] for x in f["findings"]} for f in report["files"]}
    assert by_file["articles/story-1.md"] == {"FC202"}
    assert by_file["articles/story-3.md"] == {"FC201", "FC202"}
    assert by_file["articles/story-2.md"] == set()


def test_a_dask_run_fills_and_uses_the_local_cache(capsys, scheduler, folder):
    first = run(capsys, "check", "--format", "json", "--engine", "dask", "--scheduler", scheduler, folder)
    assert run(capsys, "check", "--format", "json", folder) == first


def test_an_unreachable_scheduler_is_one_line_and_exit_2(capsys, folder, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DASK_TIMEOUT", "1")
    with __import__("socket").socket() as s:  # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, out, err = run(capsys, "check", "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}", folder)
    assert code == 2 and out == ""
    assert err.startswith(f"factcheck: --scheduler tcp://127.0.0.1:{port}: cannot reach the Dask scheduler")
    assert len(err.strip().splitlines()) == 1


def test_dask_needs_a_scheduler_address(capsys, folder):
    code, _, err = run(capsys, "check", "--engine", "dask", folder)
    assert code == 2 and "--scheduler" in err and len(err.strip().splitlines()) == 1


def test_without_dask_installed_the_error_says_how_to_get_it(capsys, folder, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed: importing it fails
    code, _, err = run(capsys, "check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", folder)
    assert code == 2 and "pip install 'factcheck[dask]'" in err and len(err.strip().splitlines()) == 1


def test_a_bad_file_on_the_cluster_is_the_same_note(capsys, scheduler, folder):
    with open("articles/story-2.md", "w", encoding="utf-8") as f:
        f.write("---\npublished: [oops\n---\ntext\n")
    local = run(capsys, "check", "--format", "json", "--no-cache", folder)
    on_cluster = run(capsys, "check", "--format", "json", "--no-cache", "--engine", "dask", "--scheduler", scheduler,
                     folder)
    assert on_cluster == local
    code, out, err = local  # front matter that cannot be read is that file's note; the others are still checked
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(out)["files"]}
    assert code != 2 and len(files) > 1 and "story-2.md" in err
    assert any("malformed front matter" in note for note in files["story-2.md"]["notes"])


def test_a_cluster_without_workers_is_one_line_and_exit_2(capsys, folder, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DASK_TIMEOUT", "1")
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  silence_logs=40) as empty:
        code, out, err = run(capsys, "check", "--engine", "dask", "--scheduler", empty.scheduler_address, folder)
    assert code == 2 and out == ""
    assert "the Dask cluster has no workers" in err and len(err.strip().splitlines()) == 1


def test_a_scheduler_that_accepts_and_never_answers_fails_in_its_timeout(capsys, folder, monkeypatch):
    import socket
    import time

    monkeypatch.setenv("FACTCHECK_DASK_TIMEOUT", "2")
    with socket.socket() as silent:  # accepts connections (the kernel does), never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        start = time.monotonic()
        code, out, err = run(capsys, "check", "--engine", "dask", "--scheduler", address, folder)
        took = time.monotonic() - start
    assert code == 2 and out == ""
    assert err == (f"factcheck: --scheduler {address}: cannot reach the Dask scheduler (no answer in 2 s; "
                   "FACTCHECK_DASK_TIMEOUT changes the wait)\n")
    assert took < 2 + 2  # the stated timeout, and the second factcheck allows itself to give up


@pytest.mark.parametrize("value", ["soon", "0", "-5", "nan", "inf", "1e999"])
def test_a_bad_dask_timeout_is_one_line_and_exit_2(capsys, folder, monkeypatch, value):
    monkeypatch.setenv("FACTCHECK_DASK_TIMEOUT", value)
    code, out, err = run(capsys, "check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", folder)
    assert code == 2 and out == ""
    assert err == f"factcheck: FACTCHECK_DASK_TIMEOUT: {value!r} is not a number of seconds (more than 0)\n"


def test_a_worker_killed_on_the_cluster_is_one_line_no_traceback(capsys, folder, monkeypatch):
    import dask

    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "crash:story-3")  # the worker process checking it ends itself
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address="127.0.0.1:0", silence_logs=50) as cluster:
        code, out, err = run(capsys, "check", "--format", "jsonl", "--no-cache", "--engine", "dask", "--scheduler",
                             cluster.scheduler_address, folder)
    assert code == 2
    assert err.startswith("factcheck: the Dask cluster failed: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
