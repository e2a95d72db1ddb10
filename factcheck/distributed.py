"""--engine dask: each file (bytes and rules) goes as a task to a running Dask cluster; reports come back in order."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .cache import Cache
from .errors import FactcheckError
from .model import FileReport, Rule
from .runner import Job, Planner, check_job, not_checked, ordered

CONNECT_TIMEOUT = 5.0  # seconds; FACTCHECK_DASK_TIMEOUT overrides it
TASKS_PER_THREAD = 4  # tasks in flight per worker thread: keeps the cluster busy, memory bounded


def connect(address: str | None, timeout: float | None = None) -> Any:
    """A dask.distributed Client for the scheduler; a FactcheckError (one line) when that cannot be had."""
    if not address:
        raise FactcheckError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    timeout = connect_timeout() if timeout is None else timeout
    try:
        from distributed import Client
    except ImportError:
        raise FactcheckError("--engine dask needs dask.distributed: pip install 'factcheck[dask]'") from None
    made: list[Any] = []

    def make() -> None:  # in a thread: a server that accepts and never answers must not hold the run
        try:
            made.append(Client(address, timeout=timeout, set_as_default=False))
        except BaseException as exc:  # handed to the caller below
            made.append(exc)

    thread = threading.Thread(target=make, name="factcheck-dask-connect", daemon=True)
    thread.start()
    thread.join(timeout + 1)
    if not made:
        raise FactcheckError(f"--scheduler {address}: cannot reach the Dask scheduler "
                             f"(no answer in {timeout:g} s; FACTCHECK_DASK_TIMEOUT changes the wait)")
    if not isinstance(made[0], BaseException):
        return made[0]
    exc = made[0]
    if not isinstance(exc, (OSError, TimeoutError, ValueError)) and "distributed" not in type(exc).__module__:
        raise exc
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    raise FactcheckError(f"--scheduler {address}: cannot reach the Dask scheduler ({reason})") from None


def connect_timeout() -> float:
    """FACTCHECK_DASK_TIMEOUT (seconds, more than 0), else CONNECT_TIMEOUT; a bad value is a one-line error."""
    text = os.environ.get("FACTCHECK_DASK_TIMEOUT", "").strip()
    if not text:
        return CONNECT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise FactcheckError(f"FACTCHECK_DASK_TIMEOUT: {text!r} is not a number of seconds (more than 0)")
    return value


def _wait_for_workers(client: Any, address: str | None) -> None:
    try:
        client.wait_for_workers(1, timeout=connect_timeout())
    except (TimeoutError, OSError):
        raise FactcheckError(f"--scheduler {address}: the Dask cluster has no workers "
                             f"(start some with: dask worker {address})") from None


def run_on_cluster(job: Job, rules: tuple[Rule, ...]) -> FileReport:
    """The task a Dask worker runs: factcheck must be installed there, the file itself travels with the task."""
    return check_job(job, rules)


def iter_reports(
    paths: Iterable[str | Path],
    rules: Sequence[Rule],
    published: str | dt.date | None = None,
    scheduler: str | None = None,
    cache: bool | Cache = False,
    config: Any = None,
    max_size: int | None = None,
    rates: str | None = None,
    timeout: float | None = None,
    follow_symlinks: bool = False,
) -> Iterator[FileReport]:
    """One FileReport per article under the paths, in input order, checked on the cluster (cached ones are not sent)."""
    from . import document
    from .engine import article_paths

    if published is not None:
        document.parse_date(published, "--published")
    files = article_paths(paths)
    planner = Planner(rules, published, config, cache, max_size, rates, timeout, follow_symlinks)
    client = connect(scheduler)
    try:
        if not client.nthreads():
            _wait_for_workers(client, scheduler)
        threads = sum(client.nthreads().values()) or 1
        [shared_rules] = client.scatter([planner.rules], broadcast=True, hash=False)  # sent once, not per file
    except BaseException:
        client.close()
        raise

    def submit(job: Job) -> Any:
        return client.submit(run_on_cluster, job, shared_rules, pure=False)

    def recover(job: Job, exc: BaseException) -> tuple[FileReport, bool]:
        """A task past the time limit is left to the cluster; the file gets a note (other tasks go on)."""
        return not_checked(job.path, f"checking took over {timeout:g} s (--timeout-per-file)"), False

    return _gather(ordered(files, planner, submit, threads * TASKS_PER_THREAD, lambda aborted: client.close(),
                           recover))


def _gather(reports: Iterator[FileReport]) -> Iterator[FileReport]:
    """Say in one line when the workers cannot run factcheck, rather than a traceback from a remote machine."""
    try:
        yield from reports
    except ModuleNotFoundError as exc:
        raise FactcheckError(f"a Dask worker cannot import {exc.name}: install factcheck on every worker") from None
    except (FactcheckError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a lost worker, a closed connection, a cancelled task: one line, no remote traceback
        if type(exc).__module__.partition(".")[0] not in ("distributed", "tornado", "asyncio", "concurrent"):
            raise
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FactcheckError(f"the Dask cluster failed: {type(exc).__name__}: {reason}") from None
