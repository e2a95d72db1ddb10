"""The statistics pack on its passage set (tests/statistics/passages.yml): planted inconsistencies caught and false
alarms on clean passages, per rule, on the tune half, the held half (split by the sha1 of each id) or both."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PASSAGES = REPO / "tests" / "statistics" / "passages.yml"


def load() -> list[dict]:
    return yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))["passages"]


def half(pid: str) -> str:
    """Even sha1 of the id: tune; odd: held."""
    return "tune" if int(hashlib.sha1(pid.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def run(items: list[dict]) -> list[tuple[dict, list]]:
    """Each passage with the statistics pack's findings on it."""
    sys.path.insert(0, str(REPO))
    from factcheck.api import check_text
    from factcheck.rules import load_rules

    rules = [r for r in load_rules() if r.id.startswith("FC7")]
    return [(item, list(check_text(item["text"], published="2025-06-01", rules=rules).findings)) for item in items]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("tune", "held", "all"), default="tune")
    parser.add_argument("--show", action="store_true", help="print the misses and false alarms (tune half only)")
    args = parser.parse_args(argv)
    if args.show and args.half != "tune":
        parser.error("--show prints passages: only for the tune half")
    items = [i for i in load() if args.half == "all" or half(i["id"]) == args.half]
    results = run(items)
    rows: dict[str, list[int]] = {}
    alarms = clean = 0
    for item, found in results:
        codes = {f.rule for f in found}
        if item["planted"]:
            row = rows.setdefault(item["planted"], [0, 0])
            row[0] += 1
            row[1] += item["planted"] in codes
            if args.show and item["planted"] not in codes:
                print(f"MISSED {item['id']} ({item['planted']}): found {sorted(codes)}")
        else:
            clean += 1
            alarms += bool(codes)
            if args.show and codes:
                print(f"FALSE {item['id']}: " + "; ".join(f"{f.rule} {f.message}" for f in found))
    print(f"half: {args.half}  passages: {len(items)}  planted: {sum(r[0] for r in rows.values())}  clean: {clean}")
    print(f"{'rule':8} {'planted':>8} {'caught':>7}")
    for code in sorted(rows):
        print(f"{code:8} {rows[code][0]:>8} {rows[code][1]:>7}")
    planted, caught = sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values())
    print(f"caught: {caught}/{planted} = {100 * caught / max(planted, 1):.0f}% (target at least 90%)")
    print(f"false alarms: {alarms} of {clean} clean passages = {20 * alarms / max(clean, 1):.2f} per 20 "
          f"(target at most 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
