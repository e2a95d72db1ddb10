"""Run every rule over the news corpus in ../shared and print warnings and errors per article, with the top rules."""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news"


def published_dates(corpus: Path) -> dict[str, str | None]:
    """Exact publication dates from index.csv (Reuters); BBC gives only '2004-2005', so none."""
    dates: dict[str, str | None] = {}
    index = corpus / "index.csv"
    if index.exists():
        with index.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                value = row.get("published", "")
                dates[row["id"]] = value if len(value) == 10 and value[4] == "-" and value[7] == "-" else None
    return dates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt articles with index.csv")
    parser.add_argument("--select", nargs="*", default=[], help="rule codes or prefixes to run (default: all)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    parser.add_argument("--limit", type=int, default=0, help="check only the first N articles")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (it lives in ../shared, outside the repository)")
        return 0

    sys.path.insert(0, str(REPO))
    import factcheck
    from factcheck.engine import default_rules
    from factcheck.rules import select_rules

    rules = select_rules(default_rules(), args.select)
    dates = published_dates(args.corpus)
    paths = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    flagged_articles = 0
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        report = factcheck.check_text(text, published=dates.get(path.stem), path=path.name, rules=rules)
        serious = [f for f in report.findings if f.severity in ("error", "warning")]
        by_severity.update(f.severity for f in report.findings)
        if not serious:
            continue
        flagged_articles += 1
        by_rule.update(f"{f.rule} {f.name}" for f in serious)
        if args.quiet:
            continue
        print(f"{path.name}: {len(serious)} warning/error")
        for f in serious:
            line = report.locate(f.span.start)[0]
            print(f"  {f.rule} {f.severity} line {line}: {f.message}")
            print(f"      {f.evidence}")
    elapsed = time.perf_counter() - started
    total = by_severity["error"] + by_severity["warning"]
    print()
    print(f"articles: {len(paths)}  flagged: {flagged_articles}  errors: {by_severity['error']}  "
          f"warnings: {by_severity['warning']}  infos: {by_severity['info']}  ({elapsed:.1f}s)")
    rate = 10 * total / max(1, len(paths))
    print(f"warnings+errors per 10 articles: {rate:.2f} (target at most 1)")
    print("most frequent rules (warnings and errors):")
    for name, count in by_rule.most_common(10):
        print(f"  {count:4d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
