"""Run factcheck on the generalisation set (tests/generalise_checks): wrong articles caught, right twins flagged."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import error_classes  # noqa: E402  (a sibling script: one way to count a finding's lines)

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "tests" / "generalise_checks"
SERIOUS = error_classes.SERIOUS


@dataclass(frozen=True)
class Pair:
    """A wrong article and, by one replacement, its right twin."""

    path: Path
    rules: tuple[str, ...]
    published: str
    wrong: str
    right: str
    phrase: str

    @property
    def cls(self) -> str:
        return self.path.parent.name

    @property
    def fmt(self) -> str:
        return self.path.suffix.lstrip(".")

    @property
    def name(self) -> str:
        return f"{self.cls}/{self.path.stem}"

    def wrong_text(self) -> str:
        return self.path.read_bytes().decode("utf-8")  # CRLF kept, as the CLI reads it

    def right_text(self) -> str:
        return self.wrong_text().replace(self.wrong, self.right)

    def marked_line(self) -> int:
        """The 1-based line of the wrong article that holds the phrase (exactly one)."""
        lines = [n for n, line in enumerate(self.wrong_text().splitlines(), 1) if self.phrase in line]
        if len(lines) != 1:
            raise ValueError(f"{self.name}: {self.phrase!r} is on {len(lines)} lines, not one")
        return lines[0]


def load(folder: Path = SET) -> list[Pair]:
    data = yaml.safe_load((folder / "manifest.yml").read_text(encoding="utf-8"))
    return [Pair(folder / e["file"], tuple(e["rules"]), str(e["published"]), e["wrong"], e["right"],
                 e.get("phrase", e["wrong"])) for e in data["articles"]]


def check(pair: Pair, text: str):
    import factcheck

    return factcheck.check_text(text, fmt=pair.fmt, published=pair.published, path=pair.path.name)


def serious(report) -> list:
    return [f for f in report.findings if f.severity in SERIOUS]


def lines_of(report, finding) -> set[int]:
    """The source lines a finding's spans touch (as the error-classes benchmark counts them)."""
    return error_classes._lines(report, finding)


def caught(pair: Pair, report) -> bool:
    """A finding of one of the pair's rules on the line of the error."""
    line = pair.marked_line()
    return any(f.rule in pair.rules and line in lines_of(report, f) for f in serious(report))


@dataclass
class Tally:
    pairs: int = 0
    caught: int = 0
    wrong_off_target: int = 0  # serious findings on a wrong article away from its error
    right_flagged: int = 0  # serious findings on a right twin


def measure(pairs: list[Pair], show: bool = False) -> tuple[dict[str, Tally], list[str]]:
    table: dict[str, Tally] = defaultdict(Tally)
    notes = []
    for pair in pairs:
        tally = table[pair.cls]
        tally.pairs += 1
        wrong, right = check(pair, pair.wrong_text()), check(pair, pair.right_text())
        hit = caught(pair, wrong)
        tally.caught += hit
        line = pair.marked_line()
        off = [f for f in serious(wrong) if line not in lines_of(wrong, f)]
        tally.wrong_off_target += len(off)
        tally.right_flagged += len(serious(right))
        if show:
            notes += [f"missed  {pair.name}: {pair.phrase!r}"] * (not hit)
            notes += [f"off     {pair.name}: {f.rule} {f.message}" for f in off]
            notes += [f"right   {pair.name}: {f.rule} {f.message}" for f in serious(right)]
    return table, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list every miss and every false flag")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    table, notes = measure(load(), show=args.show)
    print("class              pairs   wrong caught   off-target on wrong   flags on right twins")
    total = Tally()
    for name in sorted(table):
        t = table[name]
        print(f"  {name:<17} {t.pairs:>4}   {t.caught:>4} ({t.caught / t.pairs:>4.0%})   {t.wrong_off_target:>10}"
              f"   {t.right_flagged:>14}")
        for field in ("pairs", "caught", "wrong_off_target", "right_flagged"):
            setattr(total, field, getattr(total, field) + getattr(t, field))
    print(f"  {'ALL':<17} {total.pairs:>4}   {total.caught:>4} ({total.caught / total.pairs:>4.0%})   "
          f"{total.wrong_off_target:>10}   {total.right_flagged:>14}")
    for line in notes:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
