"""Extraction accuracy: score the public API on the Recognizers-Text specs in ../shared with score_rt.py."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
SPEC_DIR = SHARED / "specs"
SPECS = "CurrencyModel,DimensionModel,AgeModel,TemperatureModel,NumberModel,PercentModel,DateTimeModel"
HALVES = ("tune", "held", "all")
CORPUS = SHARED / "corpus" / "news"
# How an uncovered numeric token is written, first match wins: the kinds the coverage list is grouped by.
TOKEN_KINDS = (
    ("time of day", r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b|GMT|BST|EST|ET\b|[,;)]|$)|\d{1,2}\s*[ap]\.?m\.?\b"),
    ("url / e-mail / file", r"\S*(?:https?://|www\.|@|\.(?:com|org|net|html?|pdf|jpe?g|png)\b)\S*"),
    ("phone", r"\+?\(?\d{2,5}\)?[\s-]\d{3,4}[\s-]\d{3,4}"),
    ("ordinal", r"\d+(?:st|nd|rd|th)\b"),
    ("in a name", r"[A-Za-z]+-?\d+[A-Za-z]*|\d+-?[A-Za-z]+\d*|\d+[A-Za-z]+"),
    ("score / ratio", r"\d+\s*[-:]\s*\d+\b"),
    ("year", r"(?:1[5-9]|20)\d\d\b"),
    ("decimal", r"\d+[.,]\d+"),
    ("bare number", r"\d+"),
)


def half_of(case: dict) -> str:
    """The half a spec case belongs to: sha256 of its input, even -> "tune", odd -> "held" (fixed before any tuning).

    Not sha1's last byte: the shared specs are themselves the cases whose sha1 ends in an even byte.
    """
    return "tune" if hashlib.sha256(case["Input"].encode("utf-8")).digest()[0] % 2 == 0 else "held"


def write_half(half: str, folder: Path) -> None:
    """Copy every spec file into folder, keeping only the cases of `half`."""
    for path in SPEC_DIR.glob("*.json"):
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        kept = [c for c in cases if half_of(c) == half]
        (folder / path.name).write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")


def coverage(limit: int, show: int) -> int:
    """The scorecard's coverage line over the news corpus, and the tokens left outside a figure, by kind."""
    if not CORPUS.is_dir():
        sys.stdout.write(f"skipped: no corpus at {CORPUS}\n")
        return 0
    import re
    from collections import Counter, defaultdict

    sys.path.insert(0, str(ROOT))
    import factcheck
    from factcheck.engine import NUMERIC_TOKEN
    from factcheck.extract.spans import SpanIndex

    kinds = [(name, re.compile(pattern)) for name, pattern in TOKEN_KINDS]
    tokens = covered = 0
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*.txt"))[: limit or None]:
        report = factcheck.check_text(path.read_text(encoding="utf-8"), path=path.name)
        text = report.document.text if report.document is not None else ""
        index = SpanIndex((f.span.start, f.span.end) for f in report.figures)
        for m in NUMERIC_TOKEN.finditer(text):
            tokens += 1
            if index.covers(*m.span()):
                covered += 1
                continue
            left = max(text.rfind(" ", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1)
            kind = next(n for n, rx in kinds if rx.match(text, left) or rx.match(text, m.start()))
            missed[kind] += 1
            if len(examples[kind]) < show:
                examples[kind].append(text[max(0, m.start() - 25) : m.end() + 25].replace("\n", " "))
    share = covered / tokens if tokens else 0.0
    sys.stdout.write(f"coverage: {covered}/{tokens} ({share:.1%}) numeric tokens in figures\n")
    for kind, count in missed.most_common():
        sys.stdout.write(f"  {count:5d}  {kind}\n")
        for ex in examples[kind]:
            sys.stdout.write(f"           ...{ex}...\n")
    return 0


def main(argv: list[str]) -> int:
    """Run score_rt.py (strict F1, --detok) through factcheck_adapter on one half of the specs; skip without them."""
    parser = argparse.ArgumentParser(description=__doc__, allow_abbrev=False)
    parser.add_argument("--specs", default=SPECS, help="comma list of spec names")
    parser.add_argument("--half", choices=HALVES, default="all",
                        help="tune: the cases tuned on; held: the cases only scored; all: both")
    parser.add_argument("--coverage", action="store_true",
                        help="the coverage line on the news corpus and the tokens missed, by kind")
    parser.add_argument("--limit", type=int, default=0, help="with --coverage: only the first N articles")
    parser.add_argument("--examples", type=int, default=3, help="with --coverage: examples per kind")
    args, rest = parser.parse_known_args(argv)
    if args.coverage:
        return coverage(args.limit, args.examples)
    scorer = TOOLS / "score_rt.py"
    if not scorer.exists():
        sys.stdout.write(f"skipped: {scorer} not found (the shared specs live outside the repository)\n")
        return 0
    path = [str(TOOLS), str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in path if p))
    cmd = [sys.executable, str(scorer), "--extractor", "factcheck_adapter:extract", "--detok", "--specs", args.specs]
    cmd += rest
    with tempfile.TemporaryDirectory() as tmp:
        if args.half != "all":
            write_half(args.half, Path(tmp))
            env["RT_SPEC_DIR"] = tmp
        sys.stdout.write(f"half: {args.half}\n")
        sys.stdout.flush()
        return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
