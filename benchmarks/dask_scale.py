"""Dask at scale: the client's memory while many small generated files are checked on a LocalCluster of 2 workers.

    python benchmarks/dask_scale.py 1000 10000 [--store]

For each count, the files are written to a temporary folder, `factcheck check --engine dask --format jsonl
--no-cache` runs in a child process against the cluster, and that process's resident memory is sampled every
0.1 s: the peak, and the peak over each quarter of the run (flat memory: the quarters stay level). --store also
writes the run into a results store. Every file's line is counted, so an incomplete report fails the benchmark.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STORY = """---
published: 2024-{month:02}-{day:02}
---
# {town} {topic}

{town}'s council said on {weekday}, {month_name} {day}, 2024, that {topic} rose {change}% to
{new:,} last year from {old:,} in 2022.

"We expected more," said a spokeswoman, adding that {share}% of the budget, about
${money} million, would go to repairs.
"""
TOWNS = ("Arles", "Bergen", "Cork", "Dundee", "Essen", "Faro", "Graz", "Hull", "Ibiza", "Jena")
TOPICS = ("visitor numbers", "bus journeys", "library loans", "new homes", "school places")
MONTHS = ("January", "February", "March", "April", "May", "June")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def generate(folder: Path, count: int) -> None:
    """`count` small articles, 100 per sub-folder, a few with a wrong change or weekday."""
    rng = random.Random(count)
    for n in range(count):
        shard = folder / f"{n // 100:04}"
        if n % 100 == 0:
            shard.mkdir()
        old = rng.randrange(1_000, 90_000)
        new = old + rng.randrange(-old // 5, old // 3)
        change = round((new - old) / old * 100) + (rng.choice((0, 0, 0, 7)))
        month, day = rng.randrange(1, 7), rng.randrange(1, 29)
        (shard / f"story-{n:06}.md").write_text(STORY.format(
            month=month, day=day, month_name=MONTHS[month - 1], weekday=rng.choice(WEEKDAYS), town=rng.choice(TOWNS),
            topic=rng.choice(TOPICS), change=change, new=new, old=old, share=rng.randrange(5, 60),
            money=rng.randrange(2, 400)), encoding="utf-8")


def measure(folder: Path, count: int, scheduler: str, store: Path | None) -> dict[str, float]:
    import psutil

    argv = [sys.executable, "-m", "factcheck.cli", "check", "--engine", "dask", "--scheduler", scheduler,
            "--format", "jsonl", "--no-cache", str(folder)]
    if store is not None:
        argv[4:4] = ["--store", str(store)]
    lines = tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=lines, stderr=subprocess.DEVNULL)
    watched = psutil.Process(proc.pid)
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        try:
            samples.append((time.monotonic() - start, watched.memory_info().rss))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    took = time.monotonic() - start
    lines.seek(0)
    written = sum(1 for _ in lines)
    if written != count + 1:
        raise SystemExit(f"{count} files: the report has {written - 1} file lines (exit {proc.returncode})")
    quarters = [max((rss for t, rss in samples if took * q / 4 <= t < took * (q + 1) / 4), default=0) for q in range(4)]
    peak = max(rss for _, rss in samples)
    return {"files": count, "seconds": took, "files_per_s": count / took, "peak_mb": peak / 2**20,
            **{f"q{q + 1}_mb": v / 2**20 for q, v in enumerate(quarters)}}


def main(argv: list[str]) -> None:
    from distributed import LocalCluster

    counts = [int(a) for a in argv if a.isdigit()] or [1000, 10000]
    with_store = "--store" in argv
    print("| files | seconds | files/s | peak client RSS MB | peak per quarter of the run, MB |")
    print("|--:|--:|--:|--:|---|")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=50) as cluster:
        for count in counts:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "articles"
                folder.mkdir()
                generate(folder, count)
                r = measure(folder, count, cluster.scheduler_address, Path(tmp) / "audit.db" if with_store else None)
            quarters = " / ".join(f"{r[f'q{q}_mb']:.0f}" for q in range(1, 5))
            print(f"| {count:,} | {r['seconds']:.0f} | {r['files_per_s']:.0f} | {r['peak_mb']:.0f} | {quarters} |",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
