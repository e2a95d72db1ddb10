"""Memory and time on big single files: corpus-like prose and text dense in figures, at 1 to 12 MB.

Each input is generated here (prose: the articles of ../shared/corpus/news one after another, repeated
to size, else a synthetic article repeated; dense: synthetic market tables, wire-feed index lines and
race results, as pasted into one file) and checked by `factcheck check --format FORMAT --no-cache` in a
fresh process, whose peak resident memory (getrusage RUSAGE_CHILDREN of a wrapper process), CPU time
and wall time are printed as a Markdown table. Targets (issue 14): peak RSS <= 150 MB on 10 MB of
prose, <= 300 MB on 10 MB of dense text, time linear in size, dense 12 MB in under 60 s on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news"
SIZES_MB = (1, 2, 5, 10, 12)
MB = 1_000_000
CLI = "import sys; from factcheck.cli import main; sys.exit(main())"

# Runs the check in a child and prints the child's peak RSS (kB), CPU seconds and wall seconds as JSON.
WRAPPER = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=float(sys.argv[1]))
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rss_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
                  "rc": done.returncode, "stderr": done.stderr.decode(errors="replace")[-300:]}))
"""

SYNTHETIC_PROSE = (
    "Shares in the retailer rose 4.2% to 215p on Tuesday after it said profits for the year to March had "
    "climbed to £48.5m from £41.2m, helped by 120 new stores.\n\n"
    "The chief executive, who joined in 2019, said sales in the first 10 weeks of the new year were up 3%, "
    "and that the company expected to open about 40 more shops by 2026.\n\n"
)


def prose(size: int) -> str:
    """About `size` characters of news prose: the corpus articles one after another, or a synthetic one."""
    pieces = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []
    pieces = [p.strip() + "\n\n" for p in pieces if p.strip()] or [SYNTHETIC_PROSE]
    out: list[str] = []
    total = 0
    while total < size:
        for piece in pieces:
            out.append(piece)
            total += len(piece)
            if total >= size:
                break
    return "".join(out)


def dense(size: int, seed: int = 7) -> str:
    """About `size` characters dense in figures: market tables, index lines from a wire feed, race results."""
    rng = random.Random(seed)
    names = ["Acme", "Borealis", "Cobalt", "Dunmore", "Eastgate", "Fairway", "Granite", "Harbour", "Ironside",
             "Juniper", "Kestrel", "Lakeland"]
    indices = ["FTSE 100", "Dow Jones", "Nasdaq", "Dax", "Cac 40", "Nikkei 225"]
    out: list[str] = []
    total = 0
    block = 0
    while total < size:
        block += 1
        kind = block % 3
        if kind == 0:
            lines = [f"## Market close, session {block}\n", "| Company | Close | Change | % | Volume |",
                     "|---|---|---|---|---|"]
            for name in rng.sample(names, 8):
                close = rng.randint(100, 9000) / 10
                change = rng.randint(-300, 300) / 10
                lines.append(f"| {name} | {close:,.1f}p | {change:+.1f} | {change / close * 100:+.2f}% | "
                             f"{rng.randint(10_000, 9_000_000):,} |")
        elif kind == 1:
            lines = []
            for index in rng.sample(indices, 4):
                level = rng.randint(3000, 40000) + rng.randint(0, 99) / 100
                points = rng.randint(1, 400) + rng.randint(0, 9) / 10
                way = rng.choice(["rose", "fell"])
                lines.append(f"The {index} {way} {points:,.1f} points, or {points / level * 100:.1f}%, to "
                             f"{level:,.2f} on {rng.randint(1, 28)} March 2024, with {rng.randint(1, 900)}m "
                             f"shares traded.")
        else:
            lines = [f"Results, heat {block}:"]
            for place in range(1, 9):
                lines.append(f"{place}. {rng.choice(names)} {rng.randint(20, 29)}.{rng.randint(10, 99)}s "
                             f"({rng.randint(18, 35)} years old), {rng.randint(1, 12)} points")
        text = "\n".join(lines) + "\n\n"
        out.append(text)
        total += len(text)
    return "".join(out)


def measure(path: Path, fmt: str, timeout: float) -> dict:
    """Check one file in a fresh process: its peak RSS, CPU and wall time."""
    command = [sys.executable, "-c", CLI, "check", "--format", fmt, "--no-cache", "--jobs", "1",
               "--timeout-per-file", "0", str(path)]
    try:
        out = subprocess.run([sys.executable, "-c", WRAPPER, str(timeout), *command], capture_output=True,
                             text=True, check=False, timeout=timeout + 30, cwd=REPO)
        return json.loads(out.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError):
        return {"rc": "timeout"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_MB)), help="sizes in MB, comma-separated")
    parser.add_argument("--shapes", default="prose,dense", help="prose, dense or both")
    parser.add_argument("--format", default="json", help="the output format checked (default json)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is given up")
    args = parser.parse_args(argv)
    makers = {"prose": prose, "dense": dense}
    print(f"format: {args.format}; prose from {'the corpus' if CORPUS.is_dir() else 'a synthetic article'}\n")
    print("| input | size | figures | peak RSS | CPU | wall | MB/s (CPU) |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            over = False
            for mb in (float(s) for s in args.sizes.split(",")):
                if over:
                    print(f"| {shape} | {mb:g} MB | - | - | - | skipped (the size before timed out) | - |")
                    continue
                path = Path(tmp) / f"{shape}-{mb:g}.md"
                path.write_text(makers[shape](int(mb * MB)), encoding="utf-8")
                figures = _figures(path) if mb <= 1 else None
                result = measure(path, args.format, args.timeout)
                if result.get("rc") not in (0, 1):
                    over = result.get("rc") == "timeout"
                    print(f"| {shape} | {mb:g} MB | - | - | - | failed: {result.get('rc')} "
                          f"{result.get('stderr', '').strip()[-120:]} | - |", flush=True)
                    continue
                rss = result["rss_kb"] / 1024
                print(f"| {shape} | {mb:g} MB | {figures if figures is not None else ''} | {rss:.0f} MB | "
                      f"{result['cpu']:.1f} s | {result['wall']:.1f} s | {mb / result['cpu']:.2f} |", flush=True)
    return 0


def _figures(path: Path) -> int | None:
    """How many figures the file has (from its JSON report; counted on the small sizes only)."""
    out = subprocess.run([sys.executable, "-c", CLI, "check", "--format", "jsonl", "--no-cache",
                          "--timeout-per-file", "0", str(path)],
                         capture_output=True, text=True, check=False, cwd=REPO)
    try:
        return json.loads(out.stdout.splitlines()[-1])["summary"]["figures"]
    except (IndexError, KeyError, json.JSONDecodeError):
        return None


if __name__ == "__main__":
    sys.exit(main())
