"""The results store: each run's files, figures and findings in SQLite, and the runs, diff and query over them.

The schema is versioned (PRAGMA user_version) and documented in docs/store.md. Each file's rows are written in
one transaction, so an interrupted run never leaves half a file; WAL mode lets several runs write at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from .errors import FactcheckError
from .model import SEVERITY_RANK, FileReport, Rule

SCHEMA_VERSION = 1
APPLICATION_ID = 0x46437374  # "FCst": marks an SQLite file as a factcheck results store
BUSY_SECONDS = 60.0  # how long a writer waits for another run's transaction to end
ENV = "FACTCHECK_STORE"

TABLES = """
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    started   TEXT NOT NULL,
    finished  TEXT,
    status    TEXT NOT NULL,
    factcheck TEXT NOT NULL,
    rules     TEXT NOT NULL,
    config    TEXT NOT NULL
);
CREATE TABLE files (
    id        INTEGER PRIMARY KEY,
    run       INTEGER NOT NULL REFERENCES runs(id),
    path      TEXT NOT NULL,
    published TEXT,
    figures   INTEGER NOT NULL,
    checked   INTEGER NOT NULL,
    errors    INTEGER NOT NULL,
    warnings  INTEGER NOT NULL,
    infos     INTEGER NOT NULL,
    notes     TEXT NOT NULL
);
CREATE TABLE figures (
    file      INTEGER NOT NULL REFERENCES files(id),
    id        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    surface   TEXT NOT NULL,
    value     REAL,
    unit      TEXT,
    line      INTEGER NOT NULL,
    col       INTEGER NOT NULL,
    record    TEXT NOT NULL
);
CREATE TABLE findings (
    file        INTEGER NOT NULL REFERENCES files(id),
    rule        TEXT NOT NULL,
    name        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    message     TEXT NOT NULL,
    evidence    TEXT,
    fingerprint TEXT NOT NULL,
    line        INTEGER NOT NULL,
    col         INTEGER NOT NULL,
    record      TEXT NOT NULL
);
CREATE INDEX files_by_run ON files(run, path);
CREATE INDEX files_by_path ON files(path);
CREATE INDEX figures_by_file ON figures(file);
CREATE INDEX findings_by_file ON findings(file);
CREATE INDEX findings_by_rule ON findings(rule, severity);
"""


def now() -> str:
    """The time in UTC, to the second, as the store keeps it: 2026-11-29T05:42:06Z."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """One results store file, opened for writing runs (create=True makes it) or for reading them."""

    def __init__(self, path: str | os.PathLike[str], create: bool = False) -> None:
        self.path = str(path)
        p = Path(path)
        try:
            st = os.stat(p)
        except FileNotFoundError:
            if not create:
                raise self._error("no such results store (write one with 'factcheck check --store FILE ...')") from None
            if not p.parent.is_dir():
                raise self._error("cannot create the results store: its folder does not exist") from None
            st = None
        except OSError as exc:
            raise self._error(f"cannot open the results store: {exc.strerror or exc}") from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise self._error("not a results store (not a regular file)")
        try:
            self.db = sqlite3.connect(p, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(f"cannot open the results store: {exc}") from None
        try:
            self._prepare(create)
        except BaseException:
            self.db.close()
            raise

    def _error(self, problem: str) -> FactcheckError:
        return FactcheckError(f"{self.path}: {problem}")

    def _prepare(self, create: bool) -> None:
        """Check what the file is (and make the tables in a new one): a one-line error for anything else. Two runs
        opening one new store at once may meet SQLite's lock outside its busy handler (the journal-mode switch):
        the one that meets it tries again, for up to BUSY_SECONDS."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                return self._prepare_once(create)
            except sqlite3.OperationalError as exc:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise self._error(f"cannot use the results store: {exc}") from None
                time.sleep(0.05)

    def _prepare_once(self, create: bool) -> None:
        """One try of _prepare; a lock met on the way is raised as it is, for _prepare to try again."""
        try:
            self.db.execute("BEGIN")  # one snapshot: another run may be making the tables between two reads
            app, version = self._pragma("application_id"), self._pragma("user_version")
            tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            self.db.execute("COMMIT")
            if app == 0 and version == 0 and tables == 0:  # a new (or empty) file
                if not create:
                    raise self._error("not a results store (an empty file)")
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("BEGIN IMMEDIATE")
                if self._pragma("user_version") == 0:  # another run may have made it meanwhile
                    for statement in (*TABLES.split(";"), f"PRAGMA application_id={APPLICATION_ID}",
                                      f"PRAGMA user_version={SCHEMA_VERSION}"):
                        if statement.strip():
                            self.db.execute(statement)
                self.db.execute("COMMIT")
                return
            if app != APPLICATION_ID:
                raise self._error("not a factcheck results store (an SQLite database of something else)")
            if version > SCHEMA_VERSION:
                raise self._error(f"the results store has schema version {version}, newer than this factcheck "
                                  f"reads ({SCHEMA_VERSION}): upgrade factcheck")
            if create:
                self.db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            text = str(exc)
            if "not a database" in text or "malformed" in text:
                raise self._error("not a results store (not an SQLite database)") from None
            raise self._error(f"cannot use the results store: {text}") from None
        self.db.execute("PRAGMA synchronous=NORMAL")

    def _pragma(self, name: str) -> int:
        return int(self.db.execute(f"PRAGMA {name}").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def _write(self, statements: Iterable[tuple[str, Any]]) -> Any:
        """Run (sql, rows) pairs in one transaction: all of them or, on any error or interruption, none."""
        last = None
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for sql, rows in statements:
                if callable(rows):
                    rows = rows(last)
                if isinstance(rows, list):
                    self.db.executemany(sql, rows)
                else:
                    last = self.db.execute(sql, rows).lastrowid
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(f"cannot write to the results store: {exc}") from None
            raise
        return last

    # --- writing a run ------------------------------------------------------------------------------------------

    def begin_run(self, rules: Sequence[Rule], settings: dict[str, Any]) -> int:
        """A new run (status 'running'); its id."""
        from . import __version__
        from .cache import rules_digest

        row = (now(), "running", __version__, rules_digest(rules)[:16],
               json.dumps(settings, ensure_ascii=False, sort_keys=True, default=str))
        return self._write([("INSERT INTO runs (started, status, factcheck, rules, config) VALUES (?, ?, ?, ?, ?)",
                             row)])

    def add_file(self, run: int, file: FileReport) -> None:
        """One file's report: its row, its figures and its findings, in one transaction."""
        from .baseline import fingerprint
        from .render.records import finding_record

        figures = []
        for fig in file.figures:
            record = fig.to_dict(file.locate)
            figures.append(_row(fig.id, fig.kind, fig.surface, record.get("value"), record.get("unit"),
                                record["line"], record["column"], _json(record)))
        findings = []
        for finding in file.findings:
            record = finding_record(file, finding)
            findings.append(_row(finding.rule, finding.name, finding.severity, finding.message, finding.evidence,
                                 fingerprint(file, finding), record["line"], record["column"], _json(record)))
        counts = [sum(1 for f in file.findings if f.severity == s) for s in ("error", "warning", "info")]
        row = _row(run, file.path, file.published, len(file.figures), len(file.checked), *counts,
                   _json(list(file.notes)))
        self._write([
            ("INSERT INTO files (run, path, published, figures, checked, errors, warnings, infos, notes)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row),
            ("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             lambda file_id: [(file_id, *f) for f in figures]),
            ("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             lambda file_id: [(file_id, *f) for f in findings]),
        ])

    def end_run(self, run: int, status: str) -> None:
        self._write([("UPDATE runs SET finished = ?, status = ? WHERE id = ?", (now(), status, run))])

    # --- reading ------------------------------------------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            with closing(self.db.cursor()) as cur:
                cur.row_factory = sqlite3.Row
                return cur.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(f"cannot read the results store: {exc}") from None

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, with its file and finding counts."""
        rows = self._read(
            "SELECT r.*, count(f.id) AS files, coalesce(sum(f.figures), 0) AS figure_count,"
            " coalesce(sum(f.errors), 0) AS errors, coalesce(sum(f.warnings), 0) AS warnings,"
            " coalesce(sum(f.infos), 0) AS infos"
            " FROM runs r LEFT JOIN files f ON f.run = r.id GROUP BY r.id ORDER BY r.id")
        return [{"id": r["id"], "started": r["started"], "finished": r["finished"], "status": r["status"],
                 "factcheck": r["factcheck"], "rules": r["rules"], "config": json.loads(r["config"]),
                 "files": r["files"], "figures": r["figure_count"], "errors": r["errors"],
                 "warnings": r["warnings"], "infos": r["infos"]} for r in rows]

    def run_id(self, ref: str) -> int:
        """A run named on the command line: its id, 'latest' or 'previous' (the one before the latest)."""
        ids = [r["id"] for r in self._read("SELECT id FROM runs ORDER BY id")]
        if ref in ("latest", "previous"):
            wanted = ids[-1 if ref == "latest" else -2] if len(ids) >= (1 if ref == "latest" else 2) else None
        else:
            wanted = int(ref) if ref.isdigit() else None
            wanted = wanted if wanted in ids else None
        if wanted is None:
            known = f"runs {ids[0]}–{ids[-1]}" if ids else "no runs yet"
            raise FactcheckError(f"no run {ref!r} in the results store {self.path} "
                                 f"({known}; 'factcheck runs' lists them)")
        return wanted

    def _findings(self, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT r.id AS run, r.started, f.path, x.rule, x.name, x.severity, x.message, x.evidence,"
            " x.fingerprint, x.line, x.col FROM findings x JOIN files f ON x.file = f.id JOIN runs r ON f.run = r.id"
            f" WHERE {where} ORDER BY r.id, f.path, x.line, x.col, x.rule", params)
        return [{"run": r["run"], "started": r["started"], "path": r["path"], "line": r["line"], "column": r["col"],
                 "rule": r["rule"], "name": r["name"], "severity": r["severity"], "message": r["message"],
                 "evidence": r["evidence"], "fingerprint": r["fingerprint"]} for r in rows]

    def _paths(self, run: int) -> set[str]:
        return {r["path"] for r in self._read("SELECT path FROM files WHERE run = ?", (run,))}

    def diff(self, a: int, b: int) -> dict[str, Any]:
        """Findings that appeared in run b, went away since run a, or changed (severity, message or evidence),
        matched by file, rule and fingerprint (then by message, for an edit in a finding's own sentence), in the
        files both runs checked."""
        both = self._paths(a) & self._paths(b)
        old, new = ([f for f in self._findings("r.id = ?", (run,)) if f["path"] in both] for run in (a, b))
        gone, appeared, changed = _match(_keyed(old, "fingerprint"), _keyed(new, "fingerprint"))
        # an edit in a finding's sentence changes its fingerprint: the same claim (file, rule, message) is kept
        gone, appeared, more = _match(_keyed(gone, "message"), _keyed(appeared, "message"))
        changed += more
        order = ("path", "line", "column", "rule")
        for found in (gone, appeared):
            found.sort(key=lambda f: tuple(f[k] for k in order))
        changed.sort(key=lambda c: tuple(c["b"][k] for k in order))
        return {"a": a, "b": b, "appeared": appeared, "gone": gone, "changed": changed,
                "files_only_in_a": sorted(self._paths(a) - both), "files_only_in_b": sorted(self._paths(b) - both)}

    def query(self, rule: Sequence[str] = (), since: str | None = None, file: str | None = None,
              severity: str | None = None, run: int | None = None) -> list[dict[str, Any]]:
        """Findings by rule codes or names, files (a path, a folder or a glob), least severity; in one run (the
        latest by default) or in every run started on or after `since`."""
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("r.started >= ?")
            params.append(since)
        else:
            where.append("r.id = ?")
            params.append(run if run is not None else self.run_id("latest"))
        if rule:
            codes = [r.upper() if r.upper().startswith("FC") else r for r in rule]
            marks = ", ".join("?" * len(codes))
            where.append(f"(x.rule IN ({marks}) OR x.name IN ({marks}))")
            params.extend([*codes, *codes])
        if file is not None:
            if any(c in file for c in "*?["):
                where.append("f.path GLOB ?")
                params.append(file)
            else:
                folder = file.rstrip("/") + "/"
                where.append("(f.path = ? OR substr(f.path, 1, ?) = ?)")
                params.extend([file, len(folder), folder])
        if severity is not None:
            levels = [s for s, rank in SEVERITY_RANK.items() if rank >= SEVERITY_RANK[severity]]
            where.append(f"x.severity IN ({', '.join('?' * len(levels))})")
            params.extend(levels)
        return [_plain(f, keep_run=True) for f in self._findings(" AND ".join(where), params)]


def _keyed(findings: list[dict[str, Any]], field: str) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    keyed: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        keyed[(finding["path"], finding["rule"], finding[field])].append(finding)
    return keyed


def _match(old: dict[Any, list[dict[str, Any]]], new: dict[Any, list[dict[str, Any]]]) -> tuple[list, list, list]:
    """Findings of two runs paired one to one by key: those only in the old, only in the new, and the pairs whose
    severity, message or evidence differ."""
    gone: list[dict[str, Any]] = []
    appeared: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key, []), new.get(key, [])
        for x, y in zip(before, after, strict=False):
            if (x["severity"], x["message"], x["evidence"]) != (y["severity"], y["message"], y["evidence"]):
                changed.append({"a": _plain(x), "b": _plain(y)})
        gone.extend(_plain(x) for x in before[len(after):])
        appeared.extend(_plain(y) for y in after[len(before):])
    return gone, appeared, changed


def _json(value: Any) -> str:
    from .render.sanitize import json_text

    return json_text(json.dumps(value, ensure_ascii=False))


def _row(*values: Any) -> tuple[Any, ...]:
    """Values SQLite can hold: a lone surrogate (a file name's byte that is not UTF-8) written as \\udcNN."""
    return tuple(v.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(v, str) else v for v in values)


def _plain(finding: dict[str, Any], keep_run: bool = False) -> dict[str, Any]:
    """A finding as runs, diff and query show it (the run only where findings of several runs mix)."""
    skip = () if keep_run else ("run", "started")
    return {k: v for k, v in finding.items() if k not in skip}


def since_date(text: str) -> str:
    """--since: a date (2024-01-01) or a UTC time (2024-01-01T12:00), as the store's started column compares."""
    try:
        if "T" in text or " " in text.strip():
            moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise FactcheckError(f"--since: not a date: {text!r} (use YYYY-MM-DD)") from None


def recorded(files: Iterator[FileReport], store: Store, run: int) -> Iterator[FileReport]:
    """Pass reports through, writing each to the store first; the run ends 'complete' or 'interrupted'."""
    status = "interrupted"
    try:
        for file in files:
            store.add_file(run, file)
            yield file
        status = "complete"
    finally:
        close = getattr(files, "close", None)
        if close is not None:
            close()
        try:
            store.end_run(run, status)
        finally:
            store.close()
