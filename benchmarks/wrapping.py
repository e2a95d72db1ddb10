"""Wrapping invariance: articles hard-wrapped at 40, 60 and 80 columns, or with CRLF, give the unwrapped findings.

Every article in ../shared/corpus/news and every wrong and clean article in tests/articles is checked as it is
and in each variant (tests/hardwrap.py refills paragraphs and list items and keeps Markdown structure); a
variant is identical when it has the same findings: the same rule codes on the same figure surfaces (lines
may differ; a surface's inner whitespace is compared as one space). Prints a Markdown table and the differences.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news"
ARTICLES = REPO / "tests" / "articles"
VARIANTS = {"40 columns": (40, False), "60 columns": (60, False), "80 columns": (80, False), "CRLF": (None, True)}


def findings(text: str, fmt: str, published: str | None = None) -> Counter:
    """The report's findings as (rule, figure surfaces) pairs, counted."""
    import factcheck

    report = factcheck.check_text(text, published=published, fmt=fmt)
    surface = {f.id: " ".join(f.surface.split()) for f in report.figures}
    return Counter((f.rule, tuple(surface[i] for i in f.figures)) for f in report.findings)


def articles(limit: int = 0) -> list[tuple[Path, str, str | None]]:
    """(path, format, publication date) of every article the benchmark reads."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_findings import published_dates

    found: list[tuple[Path, str, str | None]] = []
    if CORPUS.is_dir():
        dates = published_dates(CORPUS)
        found += [(p, "txt", dates.get(p.stem)) for p in sorted(CORPUS.glob("*.txt"))]
    found += [(p, "md", None) for p in sorted(ARTICLES.glob("FC*-wrong.md")) + sorted(ARTICLES.glob("FC*-clean.md"))]
    return found[:limit] if limit else found


def describe(base: Counter, other: Counter) -> str:
    lost = ", ".join(f"{rule} {'/'.join(s)}" for rule, s in sorted(base - other))
    new = ", ".join(f"{rule} {'/'.join(s)}" for rule, s in sorted(other - base))
    return "; ".join(part for part in (f"lost {lost}" if lost else "", f"new {new}" if new else "") if part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="check only the first N articles")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from hardwrap import wrap

    started = time.perf_counter()
    paths = articles(args.limit)
    same: Counter[str] = Counter()
    differing: dict[str, list[str]] = {name: [] for name in VARIANTS}
    for path, fmt, published in paths:
        source = path.read_text(encoding="utf-8")
        base = findings(source, fmt, published)
        for name, (width, crlf) in VARIANTS.items():
            other = findings(wrap(source, fmt, width, crlf), fmt, published)
            if other == base:
                same[name] += 1
            else:
                differing[name].append(f"{path.name}: {describe(base, other)}")
    print(f"\n### Wrapping invariance ({len(paths)} articles, {time.perf_counter() - started:.0f} s)\n")
    print("| variant | identical | differing |")
    print("|---|---|---|")
    for name in VARIANTS:
        print(f"| {name} | {same[name]} | {len(differing[name])} |")
    if not args.quiet:
        for name, lines in differing.items():
            if lines:
                print(f"\n{name}:")
                for line in lines:
                    print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
