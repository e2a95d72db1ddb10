"""Run factcheck on a folder of modern news articles kept outside the repository: false flags and caught changes."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SERIOUS = ("error", "warning")


def half(stem: str) -> str:
    """The split, fixed before any tuning: sha1 of the file's stem even → tune, odd → held."""
    return "tune" if int(hashlib.sha1(stem.encode()).hexdigest(), 16) % 2 == 0 else "held"


def _flags(text: str, path: Path) -> set[tuple[str, int, str]]:
    """The (rule, line, message) of every warning and error factcheck gives the article."""
    import factcheck

    report = factcheck.check_text(text, fmt=path.suffix.lstrip("."), path=path.name)
    return {(f.rule, report.locate(f.spans[0].start)[0] if f.spans else 0, f.message)
            for f in report.findings if f.severity in SERIOUS}


@dataclass
class Half:
    """Counts for one half of the set."""

    articles: int = 0
    flags: int = 0
    published: int = 0  # flags on a line the mutation file lists as a published error
    mutations: int = 0
    caught: int = 0
    by_relation: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="folder of articles (.md/.html/.txt with a front-matter date)")
    parser.add_argument("--mutations", type=Path, help="YAML of one-number changes (default: FOLDER/mutations.yml)")
    parser.add_argument("--show", action="store_true", help="print every flag and every missed change")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if not args.folder.is_dir():
        print(f"modern_set: no folder {args.folder}", file=sys.stderr)
        return 2
    spec = yaml.safe_load((args.mutations or args.folder / "mutations.yml").read_text(encoding="utf-8")) or {}
    published = defaultdict(list)
    for entry in spec.get("published_errors") or []:
        published[entry["file"]].append(entry["find"])
    paths = sorted(p for p in args.folder.iterdir() if p.suffix in (".md", ".html", ".txt"))
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in paths}
    originals: dict[str, set] = {}
    halves: dict[str, Half] = defaultdict(Half)
    shown: list[str] = []
    for path in paths:
        text = texts[path.stem]
        flags = originals[path.stem] = _flags(text, path)
        wrong_lines = {text[: text.index(s)].count("\n") + 1 for s in published[path.stem] if s in text}
        h = halves[half(path.stem)]
        h.articles += 1
        for rule, line, message in sorted(flags, key=lambda f: f[1]):
            real = line in wrong_lines
            h.published += real
            h.flags += not real
            shown.append(f"{'real ' if real else 'FALSE'} {half(path.stem)} {path.name}:{line} {rule} {message}")
    for m in spec.get("mutations") or []:
        path = next(p for p in paths if p.stem == m["file"])
        text = texts[path.stem]
        if text.count(m["find"]) != 1:
            print(f"modern_set: {m['file']}: {m['find']!r} is not in the text exactly once", file=sys.stderr)
            return 2
        changed = text.replace(m["find"], m["replace"])
        new = _flags(changed, path) - originals[path.stem]
        h = halves[half(path.stem)]
        h.mutations += 1
        h.caught += bool(new)
        h.by_relation[m["relation"]][0] += 1
        h.by_relation[m["relation"]][1] += bool(new)
        if not new:
            shown.append(f"missed {half(path.stem)} {path.name}: {m['find']!r} -> {m['replace']!r} ({m['relation']})")
    print("half   articles  false flags  per article  published errors flagged  changes caught")
    every = Half(articles=sum(h.articles for h in halves.values()), flags=sum(h.flags for h in halves.values()),
                 published=sum(h.published for h in halves.values()),
                 mutations=sum(h.mutations for h in halves.values()), caught=sum(h.caught for h in halves.values()))
    for name, h in (("tune", halves["tune"]), ("held", halves["held"]), ("all", every)):
        rate = h.flags / h.articles if h.articles else 0.0
        caught = f"{h.caught}/{h.mutations} ({h.caught / h.mutations:.0%})" if h.mutations else "-"
        print(f"{name:<6} {h.articles:>8}  {h.flags:>11}  {rate:>11.3f}  {h.published:>24}  {caught}")
    print("\nchanges caught per relation (tune | held)")
    for rel in sorted({r for h in halves.values() for r in h.by_relation}):
        cells = [f"{h.by_relation[rel][1]}/{h.by_relation[rel][0]}" if rel in h.by_relation else "-"
                 for h in (halves["tune"], halves["held"])]
        print(f"  {rel:<22} {cells[0]:>6} | {cells[1]}")
    if args.show:
        print()
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
