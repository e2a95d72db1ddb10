"""Extraction accuracy: score the public API on the Recognizers-Text specs in ../shared with score_rt.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
SPECS = "CurrencyModel,DimensionModel,AgeModel,TemperatureModel,NumberModel,PercentModel,DateTimeModel"


def main(argv: list[str]) -> int:
    """Run score_rt.py (strict F1, --detok) through factcheck_adapter and print its table; skip without ../shared."""
    scorer = TOOLS / "score_rt.py"
    if not scorer.exists():
        sys.stdout.write(f"skipped: {scorer} not found (the shared specs live outside the repository)\n")
        return 0
    specs = argv[0] if argv else SPECS
    path = [str(TOOLS), str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in path if p))
    cmd = [sys.executable, str(scorer), "--extractor", "factcheck_adapter:extract", "--detok", "--specs", specs]
    cmd += argv[1:]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
