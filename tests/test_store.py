"""The results store: real check runs written to SQLite, then runs, diff and query over them (docs/store.md)."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from factcheck.cli import main
from factcheck.store import Store

PORT = """---
published: 2024-03-15
---
# Port traffic climbs as new terminal opens

Container traffic at the port rose {change} to 4.2 million boxes last year from
3.8 million in 2022, the harbour authority said on {day}, March 14, 2024.
{inserted}
"We have never been busier," said Ana Ruiz, the authority's director. The new
terminal, which cost $310 million, opened on Tuesday, March 4, 2024.

Freight rates fell 12% over the same period, and the port now employs 1,250
people, up from 1,100 a year earlier.
"""

BUDGET = ("<html><head><meta property=\"article:published_time\" content=\"2024-02-02\"></head><body>\r\n"
          "<h1>City budget</h1>\r\n<p>The city will spend $1.2 billion next year, up 20% from $1 billion this "
          "year,\r\nthe mayor said.</p>\r\n<p>\"It is a careful budget,\" she said on Tuesday, January 31, "
          "2024.</p>\r\n</body></html>\r\n")


def port(change="18%", day="Thursday", inserted=""):
    return PORT.format(change=change, day=day, inserted=inserted)


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """An archive of a hard-wrapped Markdown story and a CRLF HTML one, checked from its parent folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archive" / "2024").mkdir(parents=True)
    write_port(port())
    with open("archive/budget.html", "w", encoding="utf-8", newline="") as f:
        f.write(BUDGET)
    return tmp_path


def write_port(text):
    with open("archive/2024/port.md", "w", encoding="utf-8") as f:
        f.write(text)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys, *extra):
    code, out, err = run(capsys, "check", "--store", "audit.db", "--format", "line", *extra, "archive")
    assert code in (0, 1), err
    return out


def as_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--store", "audit.db", "--format", "json")
    assert code == 0, err
    return json.loads(out)


def summary(findings):
    return sorted((f["path"], f["line"], f["rule"], f["message"]) for f in findings)


def test_a_changed_article_shows_what_appeared_and_what_went_away(capsys, archive):
    first = check(capsys)
    write_port(port(change="11%", day="Friday"))  # the change is fixed; a wrong weekday is new
    second = check(capsys)
    assert "FC101" in first and "FC101" not in second  # what the user saw in each run
    diff = as_json(capsys, "diff", "1", "2")
    assert summary(diff["appeared"]) == [("archive/2024/port.md", 7, "FC202",
                                          "March 14, 2024 was a Thursday, not a Friday.")]
    assert summary(diff["gone"]) == [("archive/2024/port.md", 6, "FC101",
                                      "The text says +18%, but 3,800,000 → 4,200,000 is +10.5%.")]
    assert diff["changed"] == [] and diff["files_only_in_a"] == diff["files_only_in_b"] == []
    # the defaults compare the previous run with the latest, and the terminal says the same in a table
    assert as_json(capsys, "diff") == diff
    code, out, _ = run(capsys, "diff", "--store", "audit.db", "previous", "latest")
    assert code == 0 and "1 appeared, 1 gone, 0 changed (run 1 → run 2)" in out
    assert "March 14, 2024 was a Thursday, not a Friday." in out and "appeared" in out and "gone" in out


def test_edits_elsewhere_in_the_file_change_nothing(capsys, archive):
    check(capsys)
    write_port(port(inserted="\nShipping lines said delays had eased since the winter.\n"))  # lines move down
    check(capsys)
    diff = as_json(capsys, "diff", "1", "2")
    assert (diff["appeared"], diff["gone"], diff["changed"]) == ([], [], [])


def test_an_edit_in_a_findings_own_sentence_keeps_it_the_same_finding(capsys, archive):
    check(capsys)
    write_port(port().replace("which cost $310 million", "which cost about $320 million"))  # the FC202 sentence
    check(capsys)
    diff = as_json(capsys, "diff")
    assert (diff["appeared"], diff["gone"], diff["changed"]) == ([], [], [])
    assert len(as_json(capsys, "query", "--rule", "FC202", "--file", "archive/2024/port.md")["findings"]) == 1


def test_the_documented_schema_is_the_one_the_store_makes():
    from pathlib import Path

    from factcheck.store import SCHEMA_VERSION, TABLES

    doc = (Path(__file__).resolve().parent.parent / "docs" / "store.md").read_text(encoding="utf-8")
    assert TABLES.strip() in doc and f"## Schema (version {SCHEMA_VERSION})" in doc


def test_a_new_severity_is_a_changed_finding(capsys, archive):
    check(capsys)
    (archive / "strict.yaml").write_text("severity:\n  FC202: warning\n", encoding="utf-8")
    check(capsys, "--config", "strict.yaml")
    diff = as_json(capsys, "diff", "1", "2")
    assert diff["appeared"] == [] and diff["gone"] == []
    changed = sorted((c["a"]["path"], c["a"]["severity"], c["b"]["severity"]) for c in diff["changed"])
    assert changed == [("archive/2024/port.md", "error", "warning"), ("archive/budget.html", "error", "warning")]
    runs = as_json(capsys, "runs")["runs"]
    assert runs[1]["config"]["config"].endswith("strict.yaml") and runs[0]["config"]["config"] is None


def test_files_checked_in_one_run_only_are_not_compared(capsys, archive):
    check(capsys)
    run(capsys, "check", "--store", "audit.db", "--format", "line", "archive/2024")
    diff = as_json(capsys, "diff", "1", "2")
    assert diff["gone"] == [] and diff["files_only_in_a"] == ["archive/budget.html"]


def test_runs_lists_each_run_with_its_version_configuration_and_counts(capsys, archive):
    check(capsys)
    check(capsys, "--select", "FC202")
    runs = as_json(capsys, "runs")
    assert runs["schema"] == "factcheck-runs/1"
    first, second = runs["runs"]
    assert (first["id"], first["status"], first["files"], first["errors"]) == (1, "complete", 2, 3)
    assert (second["status"], second["errors"], second["config"]["select"]) == ("complete", 2, ["FC202"])
    assert second["config"]["paths"] == ["archive"] and first["factcheck"] == second["factcheck"]
    assert first["rules"] != second["rules"]  # a different rule set is a different rules version
    assert first["started"] <= second["started"] and second["finished"] is not None
    code, out, _ = run(capsys, "runs", "--store", "audit.db")
    assert code == 0 and "complete" in out and first["rules"] in out and "archive" in out


def test_query_answers_by_rule_file_severity_and_date(capsys, archive):
    check(capsys)
    write_port(port(change="11%"))
    check(capsys)
    latest = as_json(capsys, "query", "--rule", "FC202")["findings"]  # the latest run by default
    assert {(f["run"], f["path"]) for f in latest} == {(2, "archive/2024/port.md"), (2, "archive/budget.html")}
    since = as_json(capsys, "query", "--rule", "stated-change-does-not-match-figures", "--since", "2024-01-01")
    assert [(f["run"], f["rule"], f["line"]) for f in since["findings"]] == [(1, "FC101", 6)]
    assert as_json(capsys, "query", "--rule", "FC101", "--since", "2999-01-01")["findings"] == []
    in_folder = as_json(capsys, "query", "--file", "archive/2024")["findings"]
    assert {f["path"] for f in in_folder} == {"archive/2024/port.md"}
    by_glob = as_json(capsys, "query", "--file", "*.html", "--severity", "error", "--run", "1")["findings"]
    assert [(f["run"], f["path"], f["rule"]) for f in by_glob] == [(1, "archive/budget.html", "FC202")]
    code, out, _ = run(capsys, "query", "--store", "audit.db", "--rule", "FC202", "--since", "2024-01-01")
    assert code == 0 and "4 findings in 4 files" in out and "January 31, 2024 was a Wednesday" in out


def test_the_stored_figures_and_findings_are_the_json_reports(capsys, archive):
    check(capsys)
    _, out, _ = run(capsys, "check", "--format", "json", "--no-cache", "archive")
    report = {f["path"]: f for f in json.loads(out)["files"]}
    db = sqlite3.connect("audit.db")
    for path, file in report.items():
        rows = db.execute("SELECT x.record FROM figures x JOIN files f ON x.file = f.id WHERE f.path = ?", (path,))
        assert [json.loads(r) for (r,) in rows] == file["figures"]
        rows = db.execute("SELECT x.record FROM findings x JOIN files f ON x.file = f.id WHERE f.path = ?"
                          " ORDER BY x.line, x.col, x.rule", (path,))
        assert [json.loads(r) for (r,) in rows] == file["findings"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_output_is_the_same_with_and_without_a_store(capsys, archive):
    plain = run(capsys, "check", "--format", "json", "--no-cache", "archive")
    stored = run(capsys, "check", "--format", "json", "--no-cache", "--store", "audit.db", "archive")
    assert stored == plain


def _other_application(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")


def _newer_schema(path):
    Store(path, create=True).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 7")
    db.execute("PRAGMA journal_mode = DELETE")  # all in the one file, so its bytes can be compared
    db.close()


BAD_STORES = {
    "not a database": (lambda p: p.write_text("runs and findings\n" * 50), "not a results store (not an SQLite"),
    "a folder": (lambda p: p.mkdir(), "not a results store (not a regular file)"),
    "another application's database": (_other_application, "not a factcheck results store"),
    "a newer schema": (_newer_schema, "schema version 7, newer than this factcheck reads (1): upgrade factcheck"),
}


@pytest.mark.parametrize("case", sorted(BAD_STORES))
@pytest.mark.parametrize("command", [("check", "--format", "json", "archive"), ("runs",), ("diff", "1", "2"),
                                     ("query", "--rule", "FC101")])
def test_a_bad_store_is_one_line_and_exit_2(capsys, archive, case, command):
    make, message = BAD_STORES[case]
    target = archive / "audit.db"
    make(target)
    before = target.read_bytes() if target.is_file() else None
    code, out, err = run(capsys, *command, "--store", "audit.db")
    assert code == 2 and out == ""
    assert err.startswith("factcheck: --store audit.db: ") and message in err and err.count("\n") == 1, err
    assert (target.read_bytes() if target.is_file() else None) == before  # never changed


@pytest.mark.parametrize("argv, message", [
    (("runs", "--store", "missing.db"), "--store missing.db: no such results store"),
    (("check", "--store", "no/such/folder/audit.db", "archive"), "its folder does not exist"),
    (("runs",), "no results store: give --store FILE (or set FACTCHECK_STORE)"),
    (("diff", "--store", "audit.db", "1", "9"), "no run '9' in the results store audit.db (runs 1–1;"),
    (("query", "--store", "audit.db", "--since", "last month"), "--since: not a date: 'last month'"),
    (("query", "--store", "audit.db", "--severity", "fatal"), "--severity: 'fatal' is not one of"),
    (("runs", "--store", "audit.db", "--format", "sarif"), "unknown format 'sarif' for runs"),
])
def test_bad_arguments_are_one_line_and_exit_2(capsys, archive, monkeypatch, argv, message):
    monkeypatch.delenv("FACTCHECK_STORE", raising=False)
    check(capsys)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1, err


def test_the_store_can_be_named_in_the_environment(capsys, archive, monkeypatch):
    check(capsys)
    monkeypatch.setenv("FACTCHECK_STORE", "audit.db")
    code, out, _ = run(capsys, "runs", "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)["runs"]] == [1]


class _InterruptedFindings:
    """A connection that is interrupted (Ctrl-C) while a file's findings are being written."""

    def __init__(self, db):
        self.db = db

    def __getattr__(self, name):
        return getattr(self.db, name)

    def executemany(self, sql, rows):
        if "INTO findings" in sql:
            raise KeyboardInterrupt
        return self.db.executemany(sql, rows)


def test_an_interruption_inside_a_file_leaves_no_part_of_it(archive):
    from factcheck import engine

    report = engine.check_file(archive / "archive/2024/port.md", engine.default_rules())
    store = Store("audit.db", create=True)
    run_id = store.begin_run([], {})
    store.add_file(run_id, report)
    store.db = _InterruptedFindings(store.db)
    with pytest.raises(KeyboardInterrupt):
        store.add_file(run_id, report)
    store.db = store.db.db
    store.close()
    db = sqlite3.connect("audit.db")
    assert db.execute("SELECT count(*) FROM files").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM figures").fetchone() == (len(report.figures),)
    assert db.execute("SELECT count(*) FROM findings").fetchone() == (len(report.findings),)


def _cli(*argv, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "factcheck.cli", *argv], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def _consistent(db, run_id):
    """Every file row of a run has exactly its figures and findings."""
    rows = db.execute("SELECT f.figures, f.errors + f.warnings + f.infos, (SELECT count(*) FROM figures x WHERE "
                      "x.file = f.id), (SELECT count(*) FROM findings x WHERE x.file = f.id) FROM files f "
                      "WHERE f.run = ?", (run_id,)).fetchall()
    return all(a == c and b == d for a, b, c, d in rows), len(rows)


def test_ctrl_c_ends_the_run_as_interrupted_with_whole_files_only(archive):
    for n in range(6):
        (archive / "archive" / f"story-{n}.md").write_text(port(change=f"{10 + n}%"), encoding="utf-8")
    (archive / "archive" / "zz-last.md").write_text(port(), encoding="utf-8")
    env = {**os.environ, "FACTCHECK_TEST_FAULT": "slow:zz-last"}  # the last file never finishes
    proc = _cli("check", "--jobs", "1", "--no-cache", "--store", "audit.db", "archive", env=env)
    deadline = time.monotonic() + 60
    stored = 0
    while stored < 8 and time.monotonic() < deadline:  # 8 files before the slow one
        time.sleep(0.2)
        if os.path.exists("audit.db"):
            try:
                stored = sqlite3.connect("audit.db").execute("SELECT count(*) FROM files").fetchone()[0]
            except sqlite3.OperationalError:  # the tables are still being made
                stored = 0
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err
    db = sqlite3.connect("audit.db")
    assert db.execute("SELECT status, finished IS NOT NULL FROM runs").fetchall() == [("interrupted", 1)]
    assert _consistent(db, 1) == (True, 8)


def test_two_runs_writing_to_one_store_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for n in range(120):
            (folder / f"story-{n:03}.md").write_text(port(change=f"{n % 30}%"), encoding="utf-8")
    procs = [_cli("check", "--jobs", "1", "--no-cache", "--format", "jsonl", "--store", "audit.db", name)
             for name in ("a", "b")]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 1, err  # findings, no error
    db = sqlite3.connect("audit.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT id, status FROM runs ORDER BY id").fetchall() == [(1, "complete"), (2, "complete")]
    assert _consistent(db, 1) == (True, 120) and _consistent(db, 2) == (True, 120)
    order = [run for (run,) in db.execute("SELECT run FROM files ORDER BY id")]
    switches = sum(1 for x, y in zip(order, order[1:], strict=False) if x != y)
    assert switches > 1  # the two runs' files were written in turn, not one run after the other


def test_the_dask_engine_writes_the_same_store_from_the_client(capsys, archive):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
        code, _, err = run(capsys, "check", "--store", "audit.db", "--no-cache", "--engine", "dask", "--scheduler",
                           cluster.scheduler_address, "archive")
    assert code == 1, err
    check(capsys, "--no-cache")
    on_cluster, local = (as_json(capsys, "query", "--run", r)["findings"] for r in ("1", "2"))
    assert [dict(f, run=0, started="") for f in on_cluster] == [dict(f, run=0, started="") for f in local]
    assert len(local) == 3
    diff = as_json(capsys, "diff", "1", "2")
    assert (diff["appeared"], diff["gone"], diff["changed"]) == ([], [], [])


def test_a_file_that_disappears_during_the_run_is_a_note_and_the_run_goes_on(capsys, archive, monkeypatch):
    from factcheck import engine

    listed = engine.article_paths

    def list_then_delete(paths):
        found = listed(paths)
        os.remove("archive/budget.html")  # gone after the run listed it
        return found

    monkeypatch.setattr(engine, "article_paths", list_then_delete)
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", "--store", "audit.db", "archive")
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert code == 1 and files["archive/2024/port.md"]["findings"]
    assert files["archive/budget.html"]["notes"] == ["archive/budget.html: not checked: it disappeared during the run"]
    assert "archive/budget.html: not checked: it disappeared during the run" in err
    stored = as_json(capsys, "runs")["runs"]
    assert (stored[0]["status"], stored[0]["files"]) == ("complete", 2)


def test_a_file_that_changes_while_it_is_read_is_a_note(capsys, archive, monkeypatch):
    from pathlib import Path

    real = Path.read_bytes

    def read_while_written(self):
        data = real(self)
        if self.name == "port.md":  # an editor saves the story while factcheck reads it
            with open(self, "a", encoding="utf-8") as f:
                f.write("\nThe harbour master declined to comment.\n")
        return data

    monkeypatch.setattr(Path, "read_bytes", read_while_written)
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", "archive")
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files["archive/2024/port.md"]["figures"] == []
    assert "changed while it was read" in files["archive/2024/port.md"]["notes"][0]
    assert files["archive/budget.html"]["findings"] and code == 1
