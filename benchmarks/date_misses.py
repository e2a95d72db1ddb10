"""Date misses on the tune half only: each tune DateTimeModel case the scorer counts wrong, with gold and figures."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from extraction import ROOT, SPEC_DIR, TOOLS, half_of


def main(argv: list[str]) -> int:
    """Score the tune half of DateTimeModel, keep the error records of tune inputs, print them by category."""
    parser = argparse.ArgumentParser(description=__doc__, allow_abbrev=False)
    parser.add_argument("--cat", default="", help="only error categories containing this text (e.g. FN:missed)")
    args = parser.parse_args(argv)
    spec = SPEC_DIR / "DateTime_DateTimeModel.json"
    if not spec.exists():
        sys.stdout.write(f"skipped: {spec} not found (the shared specs live outside the repository)\n")
        return 0
    tune = {c["Input"] for c in json.loads(spec.read_text(encoding="utf-8-sig")) if half_of(c) == "tune"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "errors.json"
        cmd = [sys.executable, str(ROOT / "benchmarks" / "extraction.py"), "--half", "tune",
               "--specs", "DateTimeModel", "--errors", str(out)]
        subprocess.run(cmd, cwd=ROOT, env=dict(os.environ), check=True, stdout=subprocess.DEVNULL)
        errors = json.loads(out.read_text(encoding="utf-8"))["DateTimeModel"]
    # The scorer's --detok keeps lengths but may move a currency sign: match inputs ignoring spaces.
    keys = {"".join(t.split()) for t in tune}
    errors = [e for e in errors if "".join(e["input"].split()) in keys and args.cat in e["cat"]]
    for cat, n in Counter(e["cat"] for e in errors).most_common():
        sys.stdout.write(f"{cat}: {n}\n")
    for e in sorted(errors, key=lambda e: e["cat"]):
        gold = e["gold"] if e["cat"].startswith("FP") else [(e["gold"], e["gold_value"])]
        sys.stdout.write(f"[{e['cat']}] {e['input'][:160]!r}\n    gold {gold}\n    pred {e['pred']}\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(TOOLS))
    sys.exit(main(sys.argv[1:]))
