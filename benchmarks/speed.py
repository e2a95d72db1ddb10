"""Speed and scale: warm per-article time vs quantulum3, cold one-file CLI runs, --jobs throughput, peak memory."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news"
SEED = "seeds/xi-russia-visit.md"
BIN = Path(sys.executable).parent
SECTIONS = ("warm", "cold", "throughput", "memory")


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """A Markdown table, ready to paste into the README."""
    cells = [header] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n### {title}\n")
    for n, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    sys.stdout.flush()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def articles(n: int | None = None) -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))
    return found[:n] if n else found


# --- warm: the whole check vs quantulum3's parse alone, in one process --------------------------


def warm(count: int, rounds: int, cpu: bool = False) -> None:
    sys.path.insert(0, str(REPO))
    import warnings

    warnings.filterwarnings("ignore", module="quantulum3")  # its optional classifier is not installed
    import quantulum3.parser as q

    import factcheck

    texts = [p.read_text(encoding="utf-8") for p in articles(count)]
    clock = time.process_time if cpu else time.perf_counter  # CPU time: on a machine others load too
    factcheck.check_text(texts[0])  # import and build everything once: this is the warm time
    q.parse(texts[0])

    def best(fn) -> tuple[float, list[float]]:
        runs = []
        for _ in range(rounds):
            each = []
            for text in texts:
                t = clock()
                fn(text)
                each.append(clock() - t)
            runs.append(each)
        fastest = min(runs, key=sum)
        return sum(fastest), fastest

    ours, ours_each = best(factcheck.check_text)
    theirs, theirs_each = best(q.parse)
    kb = sum(len(t) for t in texts) / len(texts) / 1024
    table(
        f"Warm {'CPU ' if cpu else ''}time per article ({len(texts)} corpus articles, mean {kb:.1f} kB; "
        f"best of {rounds})",
        ["", "mean ms", "median ms", "max ms"],
        [
            ["factcheck: whole check (extraction + all rules)", *_ms(ours_each)],
            ["quantulum3.parser.parse alone", *_ms(theirs_each)],
            ["ratio (issue 12's target ≤ 0.1)", ours / theirs, "", ""],
        ],
    )


def _ms(values: list[float]) -> list[float]:
    return [1000 * statistics.mean(values), 1000 * statistics.median(values), 1000 * max(values)]


# --- cold: one file, a fresh process each time --------------------------------------------------


def cold(runs: int) -> None:
    factcheck = str(BIN / "factcheck")
    quantulum = f"import quantulum3.parser as p; p.parse(open({SEED!r}).read())"
    cache = tempfile.mkdtemp(prefix="factcheck-bench-cache-")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": cache}
    commands = {
        "factcheck check --format json (first run: --no-cache)": [factcheck, "check", "--format", "json", "--no-cache",
                                                                 SEED],
        "factcheck check --format json (re-run, cached)": [factcheck, "check", "--format", "json", SEED],
        "python -c 'import quantulum3.parser; parse(...)'": [sys.executable, "-c", quantulum],
        "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
    }
    try:
        subprocess.run(commands["factcheck check --format json (re-run, cached)"], cwd=REPO, env=env,
                       capture_output=True, check=False)  # fills the cache
        times = {name: _time_command(cmd, runs, env) for name, cmd in commands.items()}
        imported = _imports(env)  # with the filled cache, as the runs timed had it
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    base = times["python -c 'import quantulum3.parser; parse(...)'"]
    tool = "hyperfine" if shutil.which("hyperfine") else "subprocess timing"
    table(
        f"Cold one-file run: {SEED} ({tool}, {runs} runs, mean ± sd)",
        ["command", "ms", "× quantulum3 (target ≤ 0.5)"],
        [[name, f"{1000 * m:.0f} ± {1000 * sd:.0f}", m / base[0]] for name, (m, sd) in times.items()],
    )
    table("What a cold `check --format json` run imports (python -X importtime)",
          ["top-level module", "cumulative import ms"], imported)


def _time_command(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            shell = " ".join(_quote(c) for c in cmd)
            subprocess.run(["hyperfine", "--warmup", "2", "--runs", str(runs), "-i", "-N", "--export-json", out.name,
                            "--style", "none", shell], cwd=REPO, env=env, capture_output=True, check=True)
            result = json.load(open(out.name))["results"][0]
            return result["mean"], result["stddev"] or 0.0
    for _ in range(2):
        subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, check=False)
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, check=False)
        samples.append(time.perf_counter() - t)
    return statistics.mean(samples), statistics.stdev(samples)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def _imports(env: dict[str, str]) -> list[list[object]]:
    """What a cold json run imports, from python -X importtime (the rows of its table): the heavy libraries should
    be absent."""
    script = "import sys; from factcheck.cli import main; sys.argv[0] = 'factcheck'; sys.exit(main())"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", script, "check", "--format", "json", "--no-cache",
                           SEED], cwd=REPO, env=env, capture_output=True, text=True, check=False)
    cumulative: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cum, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if cum.isdigit():
                cumulative[name.strip()] = int(cum)
    top = sorted(((us, name) for name, us in cumulative.items() if "." not in name), reverse=True)[:8]
    heavy = ["pint", "dask", "distributed", "rich", "quantulum3", "numpy", "sklearn", "currency_converter"]
    return [[name, us / 1000] for us, name in top] + [[f"{h} imported?", "yes" if h in cumulative else "no"]
                                                      for h in heavy]


# --- throughput: the whole corpus with --jobs 1 and 2 -------------------------------------------


def throughput(jobs_list: list[int]) -> None:
    import resource

    files = articles()
    rows = []
    first = None
    for jobs in jobs_list:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run([str(BIN / "factcheck"), "check", "--format", "jsonl", "--no-cache", "--jobs", str(jobs),
                               str(CORPUS)], cwd=REPO, capture_output=True, check=False)
        elapsed = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode == 2:
            print(proc.stderr.decode()[-2000:])
            return
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        first = first or elapsed
        rows.append([f"--jobs {jobs}", elapsed, len(files) / elapsed, first / elapsed, cpu])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    table(
        f"Throughput over the corpus ({len(files)} articles, --no-cache, {os.cpu_count()} cores, load {load:.1f})",
        ["", "seconds", "articles/s", "speed-up", "CPU seconds (all processes)"],
        rows,
    )


# --- memory: peak RSS on one big input ----------------------------------------------------------


def memory(sizes_mb: list[float], timeout: float) -> None:
    texts = [p.read_text(encoding="utf-8") for p in articles()]
    command = [str(BIN / "factcheck"), "check", "--format", "json", "--no-cache", "--jobs", "1"]
    baseline, _, _ = _peak_rss([*command, SEED])
    rows: list[list[object]] = [["one 9 kB seed article", baseline, "", ""]]
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        for size in sizes_mb:
            path = Path(tmp) / f"big-{size}MB.txt"
            _concatenate(texts, path, int(size * 1024 * 1024))
            peak, elapsed, code = _peak_rss([*command, str(path)], timeout)
            if code == 2:
                rows.append([f"{size} MB", "failed", "", ""])
                continue
            if code == -1:
                rows.append([f"{size} MB", f"{peak:.0f} when stopped", f"> {timeout:.0f}", "not finished"])
                continue
            slope = (peak - previous[1]) / (size - previous[0]) if previous else ""
            rows.append([f"{size} MB", peak, elapsed, slope])
            previous = (size, peak)
    table(
        "Peak memory on one big input (--format json, --jobs 1; target ≤ 300 MB at 10 MB, linear)",
        ["input", "peak RSS MB", "seconds", "MB per added input MB"],
        rows,
    )


def _concatenate(texts: list[str], path: Path, size: int) -> None:
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for text in texts:
                chunk = text.rstrip() + "\n\n"
                out.write(chunk)
                written += len(chunk.encode())
                if written >= size:
                    break


def _peak_rss(cmd: list[str], timeout: float | None = None) -> tuple[float, float, int]:
    """Peak resident memory of one command, from a wrapper process whose only child it is (code -1: timed out)."""
    wrapper = ("import resource, subprocess, sys, time, json\n"
               "t, limit = time.perf_counter(), float(sys.argv[1]) or None\n"
               "try: code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, timeout=limit).returncode\n"
               "except subprocess.TimeoutExpired: code = -1\n"
               "print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
               "time.perf_counter() - t, code]))")
    proc = subprocess.run([sys.executable, "-c", wrapper, str(timeout or 0), *cmd], cwd=REPO, capture_output=True,
                          text=True, check=True)
    kb, elapsed, code = json.loads(proc.stdout)
    return kb / 1024, elapsed, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sections", nargs="*", default=list(SECTIONS), help=f"any of {', '.join(SECTIONS)}")
    parser.add_argument("--articles", type=int, default=60, help="articles for the warm benchmark")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the warm benchmark (the best counts)")
    parser.add_argument("--cpu", action="store_true", help="warm: the process's CPU time, not wall (a shared machine)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each cold command")
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="--jobs values for throughput")
    parser.add_argument("--sizes", type=float, nargs="*", default=[2.5, 5, 10], help="input sizes in MB")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a memory run is stopped")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS} (it lives in ../shared, outside the repository)")
        return 0
    for section in args.sections:
        if section not in SECTIONS:
            parser.error(f"unknown section {section!r}")
    os.chdir(REPO)
    if "warm" in args.sections:
        warm(args.articles, args.rounds, args.cpu)
    if "cold" in args.sections:
        cold(args.runs)
    if "throughput" in args.sections:
        throughput(args.jobs)
    if "memory" in args.sections:
        memory(args.sizes, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
