"""Check many files, cached results first, the rest in this process or in --jobs worker processes, in input order."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
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
# A file not checked (a symbolic link, too slow, its worker died) gets a note with this in it; the CLI warns of it.
NOT_CHECKED = "not checked"
# Test-only fault injection, read in _test_fault alone: "crash:NAME" ends the worker process checking a file whose
# path holds NAME, "hang:NAME" makes it hang beyond signals' reach, "slow:NAME" makes it sleep (several: join with |).
FAULT_ENV = "FACTCHECK_TEST_FAULT"
WARM_UP = "On Friday, February 24, 2023, sales rose 5% to $10.5 million, up from 10 million euros in 2022.\n"


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

    _test_fault(job.path)
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


def not_checked(path: str | Path, why: str) -> FileReport:
    """The report of a file that was not checked: no figures, a note that says why."""
    return FileReport(path=str(path), published=None, figures=(), findings=(), notes=(f"{path}: {NOT_CHECKED}: {why}",))


def _too_slow(path: str | Path, seconds: float) -> FileReport:
    return not_checked(path, f"checking took over {seconds:g} s (--timeout-per-file)")


class _TimeUp(BaseException):
    """The per-file time limit ran out (a BaseException: no `except Exception` in a check can swallow it)."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise _TimeUp in the block after `seconds` (in a process's main thread, where signals arrive; else no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimeUp

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def check_in_time(job: Job, rules: Sequence[Rule], seconds: float | None) -> FileReport:
    """check_job, or a note when it takes over `seconds`."""
    try:
        with _time_limit(seconds):
            return check_job(job, rules)
    except _TimeUp:
        return _too_slow(job.path, seconds or 0)


def _test_fault(path: str) -> None:
    """FACTCHECK_TEST_FAULT, for tests only: make the check of a named file crash its worker, hang or be slow."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    for item in spec.split("|"):
        kind, _, name = item.partition(":")
        if not name or name not in path:
            continue
        if kind == "crash":
            import multiprocessing

            if multiprocessing.parent_process() is not None:  # only ever a worker process, never the user's own
                os._exit(70)
        if kind == "hang":  # like a call stuck in C code: the time limit's signal cannot reach it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        if kind in ("hang", "slow"):
            while True:
                time.sleep(0.05)


def read_file(path: Path, max_size: int | None = None) -> bytes:
    """A file's bytes, after the same look before reading as document.read_source (folders, FIFOs, size).

    A file that is gone since the run listed it, or that changes while it is read, is a _Moved error.
    """
    if not os.path.lexists(path):
        raise _Moved("it disappeared during the run")
    document.precheck(path, max_size)
    try:
        before = os.stat(path)
        data = path.read_bytes()
        after = os.stat(path)
    except FileNotFoundError:
        raise _Moved("it disappeared during the run") from None
    except OSError:
        document.read_source(path, max_size)  # raises the InputError that says what is wrong, in one line
        raise
    if (before.st_mtime_ns, before.st_size) != (after.st_mtime_ns, after.st_size) or len(data) != after.st_size:
        raise _Moved("it changed while it was read (check it again when it is written)")
    return data


class _Moved(InputError):
    """A file that disappeared or changed during the run: a note, and the run goes on."""


def skipped(path: Path, exc: InputError) -> FileReport | None:
    """The report of a file that is not an article (binary, too large): a note, no figures; None for other errors."""
    if "not an article" in str(exc):
        return FileReport(path=str(path), published=None, figures=(), findings=(), notes=(str(exc),))
    return None


class Planner:
    """Turns each path into a Job (with the config's rules and date keys for that file) and its cache key."""

    def __init__(self, rules: Sequence[Rule], published: str | dt.date | None = None, config: Any = None,
                 cache: bool | Cache = False, max_size: int | None = None, rates: str | None = None,
                 timeout: float | None = None, follow_symlinks: bool = False) -> None:
        from .rates import load

        self.rules, self.published, self.config, self.max_size = tuple(rules), published, config, max_size
        self.rates = rates
        self.timeout, self.follow_symlinks = timeout, follow_symlinks
        digest = load(rates).digest if rates is not None else ""  # a bad file stops the run before any report
        self.cache: Cache | None = Cache(published, rates=digest) if cache is True else (cache or None)

    def plan(self, path: Path) -> FileReport | tuple[Job, str | None]:
        """The report straight away (cached, not an article, a link), else the job to run and its cache key."""
        if not self.follow_symlinks and path.is_symlink():
            return not_checked(path, "a symbolic link (--follow-symlinks checks what it points to)")
        try:
            data = read_file(path, self.max_size)
        except _Moved as exc:
            return not_checked(path, str(exc))
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
    timeout: float | None = None,
    follow_symlinks: bool = False,
) -> Iterator[FileReport]:
    """One FileReport per article under the paths, in input order, as each is ready (timeout: seconds per file)."""
    from .engine import article_paths

    if published is not None:
        document.parse_date(published, "--published")
    files = article_paths(paths)
    return run(files, Planner(rules, published, config, cache, rates=rates, timeout=timeout,
                              follow_symlinks=follow_symlinks), jobs=jobs)


def run(files: Sequence[Path], planner: Planner, jobs: int | None = 1) -> Iterator[FileReport]:
    """Check files in order: cached reports come straight back, the rest are checked here or in a process pool."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise FactcheckError(f"--jobs: {jobs} is not a number of processes (give 1 or more)")
    workers = min(jobs, len(files))
    if workers <= 1:
        return _serial(files, planner)
    pool = _LazyPool(workers, planner.rules, planner.timeout)
    return ordered(files, planner, pool.submit, workers * WINDOW_PER_WORKER, pool.shutdown, pool.recover)


def _serial(files: Sequence[Path], planner: Planner) -> Iterator[FileReport]:
    for path in files:
        planned = planner.plan(path)
        if isinstance(planned, FileReport):
            yield planned
            continue
        job, key = planned
        report = check_in_time(job, planner.rules, planner.timeout)
        if _checked(report):
            planner.store(key, report)
        yield report


def ordered(
    files: Sequence[Path],
    planner: Planner,
    submit: Callable[[Job], Any],
    window: int,
    close: Callable[[bool], None] = lambda aborted: None,
    recover: Callable[[Job, BaseException], tuple[FileReport, bool]] | None = None,
) -> Iterator[FileReport]:
    """Yield each file's report in input order while up to `window` files are read, looked up or checked ahead.

    `submit(job)` starts a check somewhere (a process pool, a Dask cluster) and returns a future; results
    are written to the cache here, so workers need neither the cache nor the files. A check that outlives the
    time limit (with some grace for the worker's own limit) or whose worker died goes to `recover(job, error)`,
    which gives the file's report and whether the checks after it must be submitted again (a new pool).
    `close(aborted)` runs at the end; aborted when the run ends early (an error, an interruption).
    """
    pending: deque[tuple[str | None, Any, Job | None]] = deque()
    upcoming = iter(files)
    wait = grace(planner.timeout)

    def fill() -> None:
        while len(pending) < window:
            path = next(upcoming, None)
            if path is None:
                return
            try:
                planned = planner.plan(path)
                if isinstance(planned, FileReport):
                    pending.append((None, planned, None))
                else:
                    job, key = planned
                    pending.append((key, _submitted(submit, job), job))
            except Exception as exc:  # raised when its turn comes, so earlier reports still come out first
                pending.append((None, exc, None))

    finished = False
    try:
        fill()
        while pending:
            key, item, job = pending.popleft()
            if isinstance(item, BaseException):
                raise item
            if isinstance(item, FileReport):
                report = item
            else:
                try:
                    report = item.result(timeout=wait)
                except (TimeoutError, BrokenExecutor) as exc:
                    if recover is None or job is None:
                        raise
                    report, again = recover(job, exc)
                    if again:
                        for i, (k, other, j) in enumerate(pending):
                            if j is not None and not isinstance(other, (FileReport, BaseException, _Done)):
                                pending[i] = (k, _submitted(submit, j), j)
                if _checked(report):
                    planner.store(key, report)
            fill()
            yield report
        finished = True
    finally:
        for _, item, _ in pending:
            if not isinstance(item, (FileReport, BaseException)):
                item.cancel()
        close(not finished)


def _submitted(submit: Callable[[Job], Any], job: Job) -> Any:
    """submit(job); a pool that a worker's death has already broken gives a future that fails the same way."""
    try:
        return submit(job)
    except BrokenExecutor as exc:
        return _Failed(exc)


class _Failed:
    """A check that could not start (its pool was broken), shaped like a future."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def result(self, timeout: float | None = None) -> FileReport:
        raise self.error

    def cancel(self) -> bool:
        return False


def grace(seconds: float | None) -> float | None:
    """How long to wait for a check with a time limit before giving up on its worker (it keeps the limit itself)."""
    return seconds * 1.5 + 5 if seconds else None


def _checked(report: FileReport) -> bool:
    """Whether the report is a real check's (one that timed out or lost its worker is not cached)."""
    return not any(f": {NOT_CHECKED}: " in note for note in report.notes)


_worker_rules: tuple[Rule, ...] = ()
_worker_timeout: float | None = None


def _init_worker(rules: tuple[Rule, ...], timeout: float | None = None) -> None:
    global _worker_rules, _worker_timeout
    _worker_rules, _worker_timeout = rules, timeout
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (a fork inherits it)


def _check_in_worker(job: Job) -> FileReport:
    return check_in_time(job, _worker_rules, _worker_timeout)


class _Done:
    """A report checked in this process, shaped like a future."""

    def __init__(self, report: FileReport) -> None:
        self.report = report

    def result(self, timeout: float | None = None) -> FileReport:
        return self.report

    def cancel(self) -> bool:
        return False


class _LazyPool:
    """Checks the first SERIAL_FIRST files to check here, the rest in a process pool started then.

    A run with fewer files to check (a hook, a re-run with most files cached) starts no process at all.
    """

    def __init__(self, workers: int, rules: tuple[Rule, ...], timeout: float | None = None) -> None:
        self.workers, self.rules, self.timeout = workers, rules, timeout
        self.pool: Executor | None = None
        self.here = 0

    def submit(self, job: Job) -> Future | _Done:
        if self.pool is None and self.here < SERIAL_FIRST:
            self.here += 1
            return _Done(check_in_time(job, self.rules, self.timeout))
        if self.pool is None:
            self.here = SERIAL_FIRST
            self.pool = self._start(self.workers)
        return self.pool.submit(_check_in_worker, job)

    def _start(self, workers: int) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = None
        if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
            method = "fork"  # workers share what the files checked here have loaded (pint, exchange rates)
            _warm(self.rules)  # so a worker's first file is not charged the loading against its time limit
        context = multiprocessing.get_context(method)
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                   initargs=(self.rules, self.timeout))

    def recover(self, job: Job, exc: BaseException) -> tuple[FileReport, bool]:
        """A file whose check hung or whose worker died: the pool is ended (the files after it go to a new one).

        A dead pool does not say which file killed it: this one is checked again alone, in a pool of its own.
        """
        _end(self.pool)
        self.pool = None
        if isinstance(exc, TimeoutError):
            return _too_slow(job.path, self.timeout or 0), True
        alone = self._start(1)
        try:
            return alone.submit(_check_in_worker, job).result(timeout=grace(self.timeout)), True
        except TimeoutError:
            return _too_slow(job.path, self.timeout or 0), True
        except BrokenExecutor:
            return not_checked(job.path, "the worker process checking it stopped"), True
        finally:
            _end(alone)

    def shutdown(self, aborted: bool = False) -> None:
        if aborted:
            _end(self.pool)
        elif self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


_warmed = False


def _warm(rules: tuple[Rule, ...]) -> None:
    """Load what checks need in this process, once (a one-line check), before workers are forked from it."""
    global _warmed
    if not _warmed:
        _warmed = True
        check_job(Job("<warm-up>.md", WARM_UP.encode(), None), rules)


def _end(pool: Executor | None) -> None:
    """End a process pool now: its workers are killed (a hung one would never finish), then it is shut down."""
    if pool is None:
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=True, cancel_futures=True)
