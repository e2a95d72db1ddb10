"""Run factcheck on the error-classes set (tests/errorclasses) and print errors caught and false alarms per half."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "tests" / "errorclasses"
SERIOUS = ("error", "warning")


@dataclass(frozen=True)
class Article:
    """One article of the set, as its manifest entry describes it."""

    id: str
    path: Path
    cls: str
    rules: tuple[str, ...]
    phrase: str | None
    published: str
    untouched: bool = False  # from a set nobody tuned on (--set): one half of its own

    @property
    def half(self) -> str:
        """The split, fixed before any tuning: sha1 of the id even → tune, odd → held."""
        if self.untouched:
            return "untouched"
        return "tune" if int(hashlib.sha1(self.id.encode()).hexdigest(), 16) % 2 == 0 else "held"

    @property
    def fmt(self) -> str:
        return self.path.suffix.lstrip(".")

    def source(self) -> str:
        return self.path.read_bytes().decode("utf-8")  # CRLF kept, as the CLI reads it

    def marked_lines(self) -> list[int]:
        """The 1-based source lines that hold the phrase (exactly one in a well-formed entry)."""
        if self.phrase is None:
            return []
        return [n for n, line in enumerate(self.source().splitlines(), 1) if self.phrase in line]


def load(folder: Path = SET) -> list[Article]:
    data = yaml.safe_load((folder / "manifest.yml").read_text(encoding="utf-8"))
    return [
        Article(e["id"], folder / e["file"], e["class"], tuple(e.get("rules") or ()), e.get("phrase"),
                str(e["published"]))
        for e in data["articles"]
    ]


def _lines(report, finding) -> set[int]:
    out: set[int] = set()
    for span in finding.spans:
        first, last = report.locate(span.start)[0], report.locate(max(span.start, span.end - 1))[0]
        out.update(range(first, last + 1))
    return out


@dataclass
class Tally:
    """Counts for one class in one half."""

    articles: int = 0
    caught_rule: int = 0
    caught_any: int = 0
    off_target: int = 0  # warnings/errors away from the planted error (or anywhere, on a clean article)


def measure(articles: list[Article], rules=None, select: list[str] | None = None, show: bool = False):
    """Check every article; return {half: {class: Tally}} and the missed/false-alarm lines to show."""
    import factcheck

    table: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    notes: list[str] = []
    for art in articles:
        report = factcheck.check_text(art.source(), fmt=art.fmt, published=art.published, path=art.path.name,
                                      rules=rules)
        serious = [f for f in report.findings if f.severity in SERIOUS
                   and (not select or any(f.rule.startswith(s) for s in select))]
        tally = table[art.half][art.cls]
        tally.articles += 1
        marked = set(art.marked_lines())
        on_line = [f for f in serious if _lines(report, f) & marked]
        if marked:
            tally.caught_rule += any(f.rule in art.rules for f in on_line)
            tally.caught_any += bool(on_line)
            if show and not on_line:
                notes.append(f"missed  {art.half} {art.id} {art.cls}: {art.phrase!r}")
        for f in serious:
            if f not in on_line:
                tally.off_target += 1
                if show:
                    notes.append(f"flagged {art.half} {art.id} {art.cls}: {f.rule} {f.severity} {f.message}")
    return table, notes


def _row(name: str, t: Tally) -> str:
    if name == "clean":
        per20 = 20 * t.off_target / t.articles if t.articles else 0.0
        return f"  {name:<18} {t.articles:>3}   {'':>14} {'':>14}   {t.off_target:>3} ({per20:.2f} per 20 clean)"
    return (f"  {name:<18} {t.articles:>3}   {t.caught_rule:>3} ({t.caught_rule / t.articles:>4.0%})    "
            f"{t.caught_any:>3} ({t.caught_any / t.articles:>4.0%})    {t.off_target:>3}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("tune", "held", "both"), default="both")
    parser.add_argument("--select", nargs="*", default=[], help="count only findings of these rule codes/prefixes")
    parser.add_argument("--show", action="store_true", help="list every miss and every false alarm")
    parser.add_argument("--set", type=Path, default=None,
                        help="another set like it (a folder with manifest.yml), measured whole as 'untouched'")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if args.set is not None:
        articles = [dataclasses.replace(a, untouched=True) for a in load(args.set)]
    else:
        articles = [a for a in load() if args.half in ("both", a.half)]
    table, notes = measure(articles, select=args.select, show=args.show)
    for half in ("tune", "held", "untouched"):
        if half not in table:
            continue
        classes = table[half]
        print(f"{half} half: class              n   caught by rule   caught by any   off-target flags")
        wrong = Tally()
        for name in sorted(classes):
            print(_row(name, classes[name]))
            if name != "clean":
                t = classes[name]
                wrong.articles += t.articles
                wrong.caught_rule += t.caught_rule
                wrong.caught_any += t.caught_any
                wrong.off_target += t.off_target
        print(_row("ALL WRONG", wrong))
        per20 = 20 * wrong.off_target / wrong.articles if wrong.articles else 0.0
        print(f"  flags away from the planted error: {per20:.2f} per 20 wrong articles\n")
    for line in notes:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
