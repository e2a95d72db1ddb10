"""One long sentence full of figures at 100, 200 and 400 kB: time per size, which should double, not quadruple."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Each shape is one sentence (no full stop) repeated to the size asked: changes with old and new values, and a
# mixed list of money, percentages and quantities.
SHAPES = {
    "changes": "Sales rose 5% to $105m from $100m, ",
    "mixed list": "$1m, $2m, 3%, 4 tons, ",
}
SIZES_KB = (100, 200, 400)


def sentence(unit: str, kilobytes: int) -> str:
    """The unit repeated to about `kilobytes` kB, closed by one full stop."""
    return "Figures: " + unit * (kilobytes * 1000 // len(unit)) + "the end."


def timed(text: str) -> tuple[float, float, int, int]:
    """Wall and CPU seconds to check the text with every rule, with the figures and statements found (CPU time is
    the steadier measure on a shared machine)."""
    import factcheck

    start, cpu = time.perf_counter(), time.process_time()
    report = factcheck.check_text(text, published="2024-05-01")
    return time.perf_counter() - start, time.process_time() - cpu, len(report.figures), len(report.statements)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES_KB), help="sizes in kB")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    timed("Warm-up: sales rose 5% to $105m from $100m.")  # loads the rules, lexicons and units once
    print("| shape | size | figures | statements | wall s | CPU s | CPU × previous size |")
    print("|---|---|---|---|---|---|---|")
    for name, unit in SHAPES.items():
        previous = None
        for kb in args.sizes:
            wall, cpu, figures, statements = timed(sentence(unit, kb))
            ratio = f"{cpu / previous:.2f}" if previous else ""
            print(f"| {name} | {kb} kB | {figures} | {statements} | {wall:.2f} | {cpu:.2f} | {ratio} |", flush=True)
            previous = cpu
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
