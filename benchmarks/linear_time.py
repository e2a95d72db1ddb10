"""Linear time on hostile articles: each shape at 100, 200 and 400 kB; time should double with size, not quadruple.

For each shape, the time to load the article (document.from_text: the plain text, its map, its sentences,
then switches.regions: what its switches turn off; the best of three runs) and to check it
(factcheck.check_text: extraction, every rule, switches) is printed, with the ratio from 200 to 400 kB
(2 is linear, 4 is quadratic). A shape whose check runs past --budget seconds at one size is not run at
the larger sizes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZES = (100_000, 200_000, 400_000)
PROSE = "Sales rose 5% to $150m from $140m in 2023, the company said. "


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


# name -> (format, article of about n characters)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "unclosed factcheck switch, then prose (md)": ("md", lambda n: _fill(PROSE, n, "<!-- factcheck: off\n")),
    "many unclosed factcheck switches (md)": ("md", lambda n: _fill("<!-- factcheck: ignore FC101 ", n)),
    "many inline <!-- in a paragraph (md)": ("md", lambda n: _fill("Profit rose 5%, <!-- it said. ", n)),
    "many ignore-next-line switches (md)": (
        "md", lambda n: _fill("<!-- factcheck: ignore-next-line -->\n", n, tail="Sales rose 5% to $150m.\n")),
    "many ignore switches in one block (md)": ("md", lambda n: _fill("<!-- factcheck: ignore --> Sales rose 5%. ", n)),
    "nested unclosed HTML (html)": ("html", lambda n: _fill("<div><span><b><i>Sales rose 5% to $150m. </q>", n)),
    "unclosed <![CDATA[ and <!-- (html)": ("html", lambda n: _fill("<p>Sales rose 5%. <![CDATA[ <!-- ", n)),
    "hard-wrapped lines, CRLF (md)": ("md", lambda n: _fill("Sales rose 5% to\r\n$150m from $140m\r\nin 2023.\r\n", n)),
    "lone-CR lines with zero-width digits (txt)": ("txt", lambda n: _fill("Sales rose 5% to\r$1\u200b500m.\r\r", n)),
    "one long sentence full of figures (txt)": ("txt", lambda n: _fill("sales rose 5% to $150m from $140m, ", n)),
}


def _time(fn: Callable[[], object], runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds a check may take before larger sizes "
                        "of that shape are skipped")
    parser.add_argument("--load-only", action="store_true", help="time loading only, not the check")
    parser.add_argument("--select", default="", help="run only the shapes whose name contains this text")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    import factcheck
    from factcheck import document, switches

    def load(text: str, fmt: str) -> None:
        switches.regions(document.from_text(text, fmt=fmt))

    factcheck.check_text(PROSE)  # imports and lexicons loaded once, before any timing
    header = ["shape", *(f"load {n // 1000} kB" for n in SIZES), "load ×", *(f"check {n // 1000} kB" for n in SIZES),
              "check ×"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, (fmt, make) in SHAPES.items():
        if args.select not in name:
            continue
        loads: list[float | None] = []
        checks: list[float | None] = []
        for size in SIZES:
            text = make(size)
            loads.append(_time(lambda text=text, fmt=fmt: load(text, fmt), runs=3))
            if loads[-1] > args.budget:
                break
            over = args.load_only or (checks and (checks[-1] is None or checks[-1] > args.budget))
            checks.append(None if over else _time(lambda text=text, fmt=fmt: factcheck.check_text(text, fmt=fmt)))
        loads += [None] * (len(SIZES) - len(loads))
        checks += [None] * (len(SIZES) - len(checks))
        cells = [f"{t:.3f} s" if t is not None else "-" for t in loads] + [_ratio(loads)]
        cells += [f"{t:.2f} s" if t is not None else "-" for t in checks] + [_ratio(checks)]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


def _ratio(times: list[float | None]) -> str:
    a, b = times[-2], times[-1]
    return f"{b / a:.1f}" if a and b else "-"


if __name__ == "__main__":
    sys.exit(main())
