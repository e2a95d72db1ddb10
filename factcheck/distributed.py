"""--engine dask: each file (bytes and rules) goes as a task to a running Dask cluster; reports stream back as they
finish (distributed.as_completed) and are given out in input order, with a bounded number of files in flight."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .cache import Cache
from .errors import FactcheckError
from .model import FileReport, Rule
from .runner import Job, Planner, check_job, grace, not_checked

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


def _the_rules(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    return rules


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
        # sent once, not per file; a task rather than scattered data, so a worker lost or restarted mid-run loses
        # nothing the scheduler cannot make again
        shared_rules = client.submit(_the_rules, planner.rules, pure=False)
    except BaseException:
        client.close()
        raise

    def submit(job: Job) -> Any:
        return client.submit(run_on_cluster, job, shared_rules, pure=False)

    return _gather(streamed(files, planner, client, submit, threads * TASKS_PER_THREAD))


def streamed(files: Sequence[Path], planner: Planner, client: Any, submit: Any, window: int) -> Iterator[FileReport]:
    """Each file's report in input order, while at most `window` files are in flight or waiting for their turn.

    Results are taken as they finish (as_completed, results fetched in the background) and cached then, so a slow
    file holds back only the output, never the other checks. A task that outlives the time limit (with the grace
    a local worker gets) is left to the cluster and its file gets a note; a worker that dies has its tasks run
    again by the scheduler (its allowed-failures), so the report stays complete.
    """
    from distributed import as_completed, wait

    ready: dict[int, FileReport | BaseException] = {}  # finished, not yet given out
    flying: dict[Any, tuple[int, Job, str | None]] = {}  # future -> index, job, cache key
    finished = as_completed(loop=client.loop, with_results=True, raise_errors=False)
    upcoming = enumerate(files)
    limit = grace(planner.timeout)
    given = taken = 0  # files given out, files planned

    def fill() -> None:
        nonlocal taken
        while taken - given < window:
            item = next(upcoming, None)
            if item is None:
                return
            index, path = item
            taken += 1
            try:
                planned = planner.plan(path)
            except Exception as exc:  # raised when its turn comes, so earlier reports still come out first
                ready[index] = exc
                continue
            if isinstance(planned, FileReport):
                ready[index] = planned
                continue
            job, key = planned
            future = submit(job)
            flying[future] = (index, job, key)
            finished.add(future)

    def collect(deadline: float | None) -> None:
        """Wait for at least one check to finish, then take every finished one; past the deadline, the file whose
        turn it is (its clock starts when its turn comes, as a local run's does) is left to the cluster with a note."""
        if deadline is not None:
            head = next(future for future, (index, *_) in flying.items() if index == given)
            try:
                if deadline <= time.monotonic():
                    raise TimeoutError
                with client.as_current():
                    wait(list(flying), timeout=deadline - time.monotonic(), return_when="FIRST_COMPLETED")
            except TimeoutError:
                if not head.done():  # else it finished just now: taken below
                    _, job, _ = flying.pop(head)
                    _give_up(client, head)
                    ready[given] = not_checked(job.path, f"checking took over {planner.timeout:g} s "
                                                         "(--timeout-per-file)")
                    return
        for future, result in finished.next_batch(block=True):
            if future not in flying:  # given up on: past its time limit
                continue
            index, _, key = flying.pop(future)
            if future.status == "error":
                raise result[1]
            planner.store(key, result)
            ready[index] = result

    try:
        fill()
        while given < taken:
            deadline = time.monotonic() + limit if limit else None
            while given not in ready:
                collect(deadline)
            item = ready.pop(given)
            if isinstance(item, BaseException):
                raise item
            given += 1
            fill()
            yield item
    finally:
        for future in flying:
            future.cancel()
        finished.clear()
        client.close()


def _give_up(client: Any, future: Any) -> None:
    """Cancel a check past its time limit and restart the worker running it (through its nanny): a thread stuck in
    a check cannot be stopped otherwise, and the tasks queued behind it go to other workers meanwhile."""
    try:
        held = [worker for worker, keys in client.processing().items() if future.key in keys]
    except Exception:  # the cluster will say what is wrong with the next result
        held = []
    future.cancel()
    if held:
        try:
            client.restart_workers(held, raise_for_error=False)
        except Exception:  # a worker without a nanny cannot be restarted: it stays busy, the run goes on
            pass


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
