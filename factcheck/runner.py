"""Check many files, cached results first, the rest in this process or in --jobs worker processes, in input order."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import document
from .cache import Cache
from .errors import FactcheckError, InputError
from .model import FileReport, Rule

if TYPE_CHECKING:  # a one-file run never starts a pool: multiprocessing is imported only when one does
    from concurrent.futures import Executor, Future

# Files read ahead of the one being yielded, per worker: keeps workers busy and memory bounded.
WINDOW_PER_WORKER = 4
# Files checked in this process before a pool starts: a hook's few files are done before workers would
# have loaded what a check needs, and a bigger run's workers are forked from a process that has loaded it.
SERIAL_FIRST = 8


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Job:
    """One file to check, self-contained (its bytes, its rules), so any process or machine can run it.

    rules is None when the file gets the run's rule set: that is sent to each worker once, not with every file.
    """

    path: str
    data: bytes
    rules: tuple[Rule, ...] | None
    date_keys: tuple[str, ...] | None = None
    published: str | dt.date | None = None
    rates: str | None = None  # the ECB history file (--rates); the worker loads it once


def check_job(job: Job, rules: Sequence[Rule]) -> FileReport:
    """Check one article from its bytes (with job.rules, else the run's rules): engine.check_file's report."""
    from .engine import check_document

    try:
        source, notes = document.decode(job.data, job.path)
        doc = document.from_text(source, fmt=document.format_of(Path(job.path)), path=job.path,
                                 published=job.published)
    except InputError as exc:
        report = skipped(Path(job.path), exc)
        if report is None:
            raise
        return report
    doc.notes.extend(notes)
    if job.date_keys is not None:
        from .config import apply_date_keys

        apply_date_keys(doc, job.date_keys)
    return check_document(doc, list(rules if job.rules is None else job.rules), job.rates)


def read_file(path: Path, max_size: int | None = None) -> bytes:
    """A file's bytes, after the same look before reading as document.read_source (folders, FIFOs, size)."""
    document.precheck(path, max_size)
    try:
        return path.read_bytes()
    except OSError:
        document.read_source(path, max_size)  # raises the InputError that says what is wrong, in one line
        raise


def skipped(path: Path, exc: InputError) -> FileReport | None:
    """The report of a file that is not an article (binary, too large): a note, no figures; None for other errors."""
    if "not an article" in str(exc):
        return FileReport(path=str(path), published=None, figures=(), findings=(), notes=(str(exc),))
    return None


class Planner:
    """Turns each path into a Job (with the config's rules and date keys for that file) and its cache key."""

    def __init__(self, rules: Sequence[Rule], published: str | dt.date | None = None, config: Any = None,
                 cache: bool | Cache = False, max_size: int | None = None, rates: str | None = None) -> None:
        from .rates import load

        self.rules, self.published, self.config, self.max_size = tuple(rules), published, config, max_size
        self.rates = rates
        digest = load(rates).digest if rates is not None else ""  # a bad file stops the run before any report
        self.cache: Cache | None = Cache(published, rates=digest) if cache is True else (cache or None)

    def plan(self, path: Path) -> FileReport | tuple[Job, str | None]:
        """The report straight away (cached, or not an article), else the job to run and its cache key."""
        try:
            data = read_file(path, self.max_size)
        except InputError as exc:
            report = skipped(path, exc)
            if report is None:
                raise
            return report
        rules, date_keys = self.rules, None
        if self.config is not None:  # per-file settings are worked out here, where relative paths mean something
            rules = tuple(self.config.rules_for(list(self.rules), path))
            date_keys = self.config.date_keys_for(path)
            date_keys = tuple(date_keys) if date_keys is not None else None
        own = len(rules) != len(self.rules) or any(a is not b for a, b in zip(rules, self.rules, strict=False))
        job = Job(str(path), data, rules if own else None, date_keys, self.published, self.rates)
        key = self.cache.key(job.path, data, rules if own else self.rules, date_keys) if self.cache else None
        cached = self.cache.load(key) if self.cache and key else None
        return cached if cached is not None else (job, key)

    def store(self, key: str | None, report: FileReport) -> None:
        if self.cache and key:
            self.cache.store(key, report)


def iter_reports(
    paths: Iterable[str | Path],
    rules: Sequence[Rule],
    published: str | dt.date | None = None,
    jobs: int | None = 1,
    cache: bool | Cache = False,
    config: Any = None,
    rates: str | None = None,
) -> Iterator[FileReport]:
    """One FileReport per article under the paths, in input order, as each is ready."""
    from .engine import article_paths

    if published is not None:
        document.parse_date(published, "--published")
    files = article_paths(paths)
    return run(files, Planner(rules, published, config, cache, rates=rates), jobs=jobs)


def run(files: Sequence[Path], planner: Planner, jobs: int | None = 1) -> Iterator[FileReport]:
    """Check files in order: cached reports come straight back, the rest are checked here or in a process pool."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise FactcheckError(f"--jobs: {jobs} is not a number of processes (give 1 or more)")
    workers = min(jobs, len(files))
    if workers <= 1:
        return _serial(files, planner)
    pool = _LazyPool(workers, planner.rules)
    return ordered(files, planner, pool.submit, workers * WINDOW_PER_WORKER, pool.shutdown)


def _serial(files: Sequence[Path], planner: Planner) -> Iterator[FileReport]:
    for path in files:
        planned = planner.plan(path)
        if isinstance(planned, FileReport):
            yield planned
            continue
        job, key = planned
        report = check_job(job, planner.rules)
        planner.store(key, report)
        yield report


def ordered(
    files: Sequence[Path],
    planner: Planner,
    submit: Callable[[Job], Any],
    window: int,
    close: Callable[[], None] = lambda: None,
) -> Iterator[FileReport]:
    """Yield each file's report in input order while up to `window` files are read, looked up or checked ahead.

    `submit(job)` starts a check somewhere (a process pool, a Dask cluster) and returns a future; results
    are written to the cache here, so workers need neither the cache nor the files.
    """
    pending: deque[tuple[str | None, Any]] = deque()
    upcoming = iter(files)

    def fill() -> None:
        while len(pending) < window:
            path = next(upcoming, None)
            if path is None:
                return
            try:
                planned = planner.plan(path)
                if isinstance(planned, FileReport):
                    pending.append((None, planned))
                else:
                    job, key = planned
                    pending.append((key, submit(job)))
            except Exception as exc:  # raised when its turn comes, so earlier reports still come out first
                pending.append((None, exc))

    try:
        fill()
        while pending:
            key, item = pending.popleft()
            if isinstance(item, BaseException):
                raise item
            if isinstance(item, FileReport):
                report = item
            else:
                report = item.result()
                planner.store(key, report)
            fill()
            yield report
    finally:
        for _, item in pending:
            if not isinstance(item, (FileReport, BaseException)):
                item.cancel()
        close()


_worker_rules: tuple[Rule, ...] = ()


def _init_worker(rules: tuple[Rule, ...]) -> None:
    global _worker_rules
    _worker_rules = rules


def _check_in_worker(job: Job) -> FileReport:
    return check_job(job, _worker_rules)


class _Done:
    """A report checked in this process, shaped like a future."""

    def __init__(self, report: FileReport) -> None:
        self.report = report

    def result(self) -> FileReport:
        return self.report

    def cancel(self) -> bool:
        return False


class _LazyPool:
    """Checks the first SERIAL_FIRST files to check here, the rest in a process pool started then.

    A run with fewer files to check (a hook, a re-run with most files cached) starts no process at all.
    """

    def __init__(self, workers: int, rules: tuple[Rule, ...]) -> None:
        self.workers, self.rules = workers, rules
        self.pool: Executor | None = None
        self.here = 0

    def submit(self, job: Job) -> Future | _Done:
        if self.pool is None and self.here < SERIAL_FIRST:
            self.here += 1
            return _Done(check_job(job, self.rules))
        if self.pool is None:
            self.pool = self._start()
        return self.pool.submit(_check_in_worker, job)

    def _start(self) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = None
        if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
            method = "fork"  # workers share what the files checked here have loaded (pint, exchange rates)
        context = multiprocessing.get_context(method)
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker, initargs=(self.rules,))

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

