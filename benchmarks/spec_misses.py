"""Tune-half misses: filter a score_rt.py --errors file to the spec cases of the tune half, for reading."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "shared" / "tools"))

from extraction import SPEC_DIR, half_of  # noqa: E402


def halves() -> dict[str, str]:
    """Each spec input, as given and as --detok writes it, -> its half."""
    from score_rt import detok

    out: dict[str, str] = {}
    for path in SPEC_DIR.glob("*.json"):
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            out[case["Input"]] = out[detok(case["Input"])] = half_of(case)
    return out


def main(argv: list[str]) -> int:
    """Print the errors of the tune half only (held inputs are dropped unread), one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("errors", type=Path, help="a score_rt.py --errors JSON file")
    parser.add_argument("--spec", default="", help="only this spec (e.g. NumberModel)")
    args = parser.parse_args(argv)
    half = halves()
    errors = json.loads(args.errors.read_text(encoding="utf-8"))
    for spec, errs in errors.items():
        if args.spec and spec != args.spec:
            continue
        for err in errs:
            if half.get(err["input"]) == "tune":
                sys.stdout.write(json.dumps(dict(spec=spec, **err), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
