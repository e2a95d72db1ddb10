"""The wording gate (tests/wording.py) over ../shared/corpus: every finding in every format, and what it found."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with news/ (and wikitext/, modern/)")
    parser.add_argument("--limit", type=int, default=0, help="check only the first N files of each folder")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (it lives in ../shared, outside the repository)")
        return 0
    sys.path[:0] = [str(REPO), str(REPO / "tests")]
    from wording import gate

    import factcheck

    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_findings import published_dates
    from mutations import detokenize

    kinds: Counter[str] = Counter()
    files = findings = 0
    examples: dict[str, str] = {}
    for folder in ("news", "wikitext", "modern"):
        root = args.corpus / folder
        if not root.is_dir():
            continue
        dates = published_dates(root)
        paths = sorted(p for p in root.iterdir() if p.suffix in (".txt", ".raw", ".md", ".html"))
        for path in paths[: args.limit or None]:
            fmt = {".md": "md", ".html": "html"}.get(path.suffix, "txt")
            text = path.read_text(encoding="utf-8")
            report = factcheck.check_text(detokenize(text) if path.suffix == ".raw" else text, fmt=fmt, path=path.name,
                                          published=dates.get(path.stem))
            files += 1
            findings += len(report.findings)
            for line in gate(report):
                kind = line.split(": ")[-1].split(" '")[0].split(" ")[0:3]
                key = " ".join(kind)
                kinds[key] += 1
                examples.setdefault(key, line)
    print(f"files: {files}  findings: {findings}  wording problems: {sum(kinds.values())}")
    for key, count in kinds.most_common():
        print(f"  {count:5d}  {key}   e.g. {examples[key]}")
    return 1 if kinds else 0


if __name__ == "__main__":
    raise SystemExit(main())
