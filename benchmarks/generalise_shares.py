"""Run factcheck on the generalisation articles (tests/generalise): per class, wrong articles caught and false
alarms on their right twins."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "tests" / "generalise"
SERIOUS = ("error", "warning")


@dataclass(frozen=True)
class Case:
    """One article written twice: with the error ({X} = wrong) and right ({X} = right); a trap with no error of its
    own (class "tricky") is written only right, and has no wrong version, rules or phrase."""

    cls: str
    batch: str  # "1": the articles the checks were first fixed on; "2": written after, in other phrasings
    id: str
    rules: tuple[str, ...]
    fmt: str
    width: int | None
    crlf: bool
    published: str
    paras: tuple[str, ...]
    wrong: str | None
    right: str
    phrase: str | None

    def source(self, value: str) -> str:
        """The article as a reporter files it, with value in place of {X}: Markdown with front matter, HTML with
        its published time, or plain text; hard-wrapped to width and with CRLF line ends when the case says so."""
        sys.path.insert(0, str(REPO / "tests"))
        from hardwrap import wrap

        paras = [p.replace("{X}", value) for p in self.paras]
        if self.fmt == "html":
            body = "\n".join(f"<p>{p}</p>" for p in paras[1:])
            return (f'<html><head><meta property="article:published_time" content="{self.published}T08:00:00+00:00">'
                    f"<title>{paras[0]}</title></head>\n<body>\n<h1>{paras[0]}</h1>\n{body}\n</body></html>\n")
        head = f"---\npublished: {self.published}\n---\n" if self.fmt == "md" else ""
        return wrap(head + "\n\n".join(paras) + "\n", self.fmt, self.width, self.crlf)

    def phrase_line(self, source: str) -> list[int]:
        """The 1-based lines of the wrong article that hold the phrase (exactly one in a well-formed case)."""
        phrase = self.phrase.replace("{X}", self.wrong)
        return [n for n, line in enumerate(source.splitlines(), 1) if phrase in line]


def load(folder: Path = SET) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")):
            cls, _, batch = path.stem.partition(".")
            wrong = e.get("wrong")
            cases.append(Case(cls, batch or "1", e["id"], tuple(e.get("rules", ())), e["fmt"], e.get("width"),
                              bool(e.get("crlf")), str(e["published"]), tuple(e["paras"]),
                              None if wrong is None else str(wrong), str(e["right"]), e.get("phrase")))
    return cases


def findings(case: Case, value: str):
    """The serious findings on the article with value, and the set of lines each covers."""
    import factcheck

    report = factcheck.check_text(case.source(value), fmt=case.fmt, published=case.published,
                                  path=f"{case.id}.{case.fmt}")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from error_classes import _lines  # the lines a finding covers, as the error-classes benchmark counts them

    return [(f, _lines(report, f)) for f in report.findings if f.severity in SERIOUS]


def caught(case: Case) -> bool:
    """Whether a rule of the case flags the wrong article on the line of its error."""
    marked = set(case.phrase_line(case.source(case.wrong)))
    return any(f.rule in case.rules and lines & marked for f, lines in findings(case, case.wrong))


def false_alarms(case: Case) -> list:
    """Serious findings on the right twin."""
    return [f for f, _ in findings(case, case.right)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list every miss and every false alarm")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    notes = []
    for case in load():
        row = table[case.cls, case.batch]
        if case.wrong is not None:
            row[0] += 1
            if caught(case):
                row[1] += 1
            elif args.show:
                notes.append(f"missed  {case.cls} {case.id}")
        row[3] += 1
        alarms = false_alarms(case)
        row[2] += len(alarms)
        notes += [f"flagged {case.cls} {case.id}: {f.rule} {f.message}" for f in alarms] if args.show else []
    print("class            batch  wrong   caught        right   false alarms on them")
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (cls, batch), row in sorted(table.items()):
        print(_row(cls, batch, *row))
        for key in (batch, "all"):
            total[key] = [a + b for a, b in zip(total[key], row, strict=True)]
    for batch, row in sorted(total.items()):
        print(_row("ALL", batch, *row))
    for line in notes:
        print(line)
    return 0


def _row(cls: str, batch: str, n: int, hit: int, alarms: int, right: int) -> str:
    caught_share = f"({hit / n:>4.0%})" if n else "      "
    return f"  {cls:<16} {batch:>3} {n:>5}   {hit:>4} {caught_share}   {right:>4}   {alarms:>4}"


if __name__ == "__main__":
    raise SystemExit(main())
