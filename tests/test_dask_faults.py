"""--engine dask under faults, on a real scheduler on loopback: a worker killed mid-run, a file past its time limit."""

import json
import os
import signal
import subprocess
import sys

import pytest

from factcheck.cli import main

distributed = pytest.importorskip("distributed")

STORY = """---
published: 2024-06-14
---
# Harbour report {n}

Cargo through the harbour rose {change} to 2.4 million tonnes in May from 2
million tonnes a year earlier, the port said on Thursday, June 13, 2024.

"The summer will be busier still," said a spokesman. Ferry passengers numbered
310,000, up from 290,000, and the new crane cost $8.5 million.
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "harbour"
    root.mkdir()
    for n in range(60):
        paragraphs = "\n".join(STORY.format(n=n, change=f"{15 + n % 10}%").split("\n")[3:] * 6)
        (root / f"report-{n:02}.md").write_text("---\npublished: 2024-06-14\n---\n" + paragraphs, encoding="utf-8")
    return "harbour"


def test_a_worker_killed_mid_run_is_replaced_and_the_report_is_complete(folder):
    local = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--format", "jsonl", "--no-cache",
                            folder], capture_output=True, text=True, timeout=300)
    assert local.returncode == 1 and local.stdout.count("\n") == 61
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=50) as cluster, \
            distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "check", "--format", "jsonl", "--no-cache",
                                 "--engine", "dask", "--scheduler", cluster.scheduler_address, folder],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = [proc.stdout.readline() for _ in range(3)]  # the run is under way
        os.kill(pids[0], signal.SIGKILL)  # the worker and the tasks it holds are lost
        # the rest through the same buffered reader: communicate() reads the pipe's descriptor and would lose what
        # readline() had already read ahead (part of the fourth line), which made this test fail at random
        rest, err = proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=300)
        replaced = list(client.run(os.getpid).values())
    assert proc.returncode == local.returncode, err
    assert "".join(lines) + rest == local.stdout  # every file, in order, the same as a local run
    assert pids[0] not in replaced  # it really was killed (its nanny started another)


def test_a_file_past_its_time_limit_on_the_cluster_gets_a_note_and_the_others_are_checked(folder, monkeypatch,
                                                                                         capsys):
    monkeypatch.setenv("FACTCHECK_TEST_FAULT", "slow:report-03")  # never finishes on the worker
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=50) as cluster:
        for n in range(2):  # both workers have loaded what a check needs: no first-file start-up in the limit
            main(["check", "--no-cache", "--engine", "dask", "--scheduler", cluster.scheduler_address, folder + "/"
                  + f"report-1{n}.md", f"{folder}/report-2{n}.md"])
        capsys.readouterr()
        code = main(["check", "--format", "json", "--no-cache", "--timeout-per-file", "1", "--engine", "dask",
                     "--scheduler", cluster.scheduler_address, folder])
    out, err = capsys.readouterr()
    files = json.loads(out)["files"]
    assert code == 1 and len(files) == 60
    slow = files[3]
    assert slow["path"] == "harbour/report-03.md" and slow["figures"] == []
    assert "not checked: checking took over 1 s (--timeout-per-file)" in slow["notes"][0]
    assert [(f["path"], f.get("notes")) for i, f in enumerate(files) if i != 3 and not f["figures"]] == []
    assert "report-03.md" in err  # warned on stderr too
