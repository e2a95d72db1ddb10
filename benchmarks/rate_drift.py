"""How far exchange rates drift past a month's band: the measurement behind factcheck.rates' widening rule.

For random pairs of 16 currencies and random days from 2005 to mid-2024 in the installed ECB history, take the
band of a month's rates (what the conversion check uses), then the rate 1 to 24 months later, and report how far
outside the band it lies (0 when inside). The rule (+2% a month, at most 20%, plus the rules' 3% tolerance) is
printed beside the 95th percentile it should cover.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CURRENCIES = ("USD", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "HKD", "SGD", "BRL", "INR", "EUR", "SEK", "KRW",
              "MXN", "ZAR")
TOLERANCE = 0.03  # FC131's


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=1500, help="pairs and days per gap")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from factcheck.rates import load, widening

    rates = load()
    rnd = random.Random(args.seed)
    first, last = dt.date(2005, 1, 1), dt.date(2024, 6, 1)
    print(f"{'gap':>10} {'median':>7} {'90%':>6} {'95%':>6} {'99%':>6}   band+tolerance   inside")
    for months in (1, 2, 3, 6, 9, 12, 18, 24):
        drift = []
        for _ in range(args.samples):
            src, dst = rnd.sample(CURRENCIES, 2)
            end = first + dt.timedelta(days=rnd.randrange((last - first).days))
            low, high = rates.between(src, dst, end - dt.timedelta(days=30), end)
            later = rates.converter.convert(1.0, src, dst, date=end + dt.timedelta(days=30 * months))
            drift.append(max(0.0, (later - high) / high, (low - later) / low))
        drift.sort()
        allowed = widening(30 * months) + TOLERANCE
        inside = sum(1 for d in drift if d <= allowed) / len(drift)
        q = [drift[int(p * len(drift))] for p in (0.5, 0.9, 0.95, 0.99)]
        print(f"{months:>3} months " + " ".join(f"{x:>6.1%}" for x in q) + f"   ±{allowed:>5.1%}          {inside:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
