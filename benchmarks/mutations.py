"""Mutation benchmark: change one number in real checkable sentences and count how often the checks notice."""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
AMOUNT = r"[$£€]\s?\d[\d,.]*\d?\s*(?:bn|m|billion|million|trillion|tn)?"
UNITS = (r"km|kilometres?|kilometers?|miles?|mi|feet|foot|ft|metres?|meters?|m|kg|kilograms?|lb|long tons|"
         r"short tons|tons|tonnes|t|°C|°F|acres|hectares|ha|inches|in|cm|mm|knots|kn|km/h|mph|sq mi|km2")
RELATIONS = {
    "currency conversion": re.compile(rf"(?P<a>{AMOUNT})\s*\((?P<b>{AMOUNT})(?:\s*euros)?[;)]"),
    "unit conversion": re.compile(rf"(?P<a>\d[\d,.]*)\s?(?:{UNITS})\s\((?P<b>\d[\d,.]*)\s?(?:{UNITS})\)"),
    "stated change": re.compile(r"(?P<a>\d[\d.]*)\s*(?:%|per cent|pct)[^.;]{0,60}?\b(?:from|to)\s+[$£€]?"
                                r"(?P<b>\d[\d,.]*)[^.;]{0,30}?\b(?:to|from)\s+[$£€]?(?P<c>\d[\d,.]*)"),
    "date with weekday": re.compile(rf"\b(?:{WEEKDAYS}),?\s+(?:(?P<a>\d{{1,2}})\s+(?:{MONTHS})|(?:{MONTHS})\s+"
                                    rf"(?P<b>\d{{1,2}}))(?:,?\s+\d{{4}})?"),
}
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@dataclass
class Sample:
    relation: str
    text: str
    published: str | None
    start: int
    end: int
    numbers: list[tuple[int, int]]  # spans of the numbers that take part in the relation


def detokenize(raw: str) -> str:
    """WikiText's tokenised form back to ordinary prose ('1 @,@ 000' -> '1,000')."""
    text = raw.replace(" @,@ ", ",").replace(" @.@ ", ".").replace(" @-@ ", "-")
    text = re.sub(r" ([,.;:)'])", r"\1", text)
    return re.sub(r"\( ", "(", text)


def documents(limit_wiki: int) -> Iterator[tuple[str, str, str | None]]:
    """(name, text, published) for the news articles and for WikiText paragraphs holding a conversion."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_findings import published_dates

    news = SHARED / "news"
    dates = published_dates(news)
    for path in sorted(news.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), dates.get(path.stem)
    wiki = SHARED / "wikitext" / "wiki.test.raw"
    if wiki.exists():
        kept = 0
        for i, line in enumerate(wiki.read_text(encoding="utf-8").splitlines()):
            if kept >= limit_wiki or not line.strip() or line.strip().startswith("="):
                continue
            text = detokenize(line.strip())
            if RELATIONS["unit conversion"].search(text) or RELATIONS["date with weekday"].search(text):
                kept += 1
                yield f"wiki:{i}", text, None


def samples(limit_wiki: int) -> Iterator[Sample]:
    for _, text, published in documents(limit_wiki):
        for relation, pattern in RELATIONS.items():
            for m in pattern.finditer(text):
                spans = []
                for group in ("a", "b", "c"):
                    if group in pattern.groupindex and m.group(group):
                        number = NUMBER.search(text, m.start(group), m.end(group))
                        if number is not None and number.end() <= m.end(group):
                            spans.append(number.span())
                if spans:
                    yield Sample(relation, text, published, m.start(), m.end(), spans)


def mutate(sample: Sample, rng: random.Random) -> str:
    """The text with one number of the relation changed: its leading digit, or a weekday's day of the month."""
    start, end = rng.choice(sample.numbers)
    token = sample.text[start:end]
    if sample.relation == "date with weekday":
        day = int(token)
        new = str(day + rng.choice([1, 2, 3, 4, 5, 6]) if day <= 22 else day - rng.choice([1, 2, 3, 4, 5, 6]))
        new = new if len(new) == len(token) else new.rjust(len(token), "0") if len(new) < len(token) else token
        if new == token:
            new = str(day - 1) if day > 10 else str(day + 1)
    else:
        lead = token[0]
        choices = [d for d in "123456789" if d != lead]
        new = rng.choice(choices) + token[1:]
    return sample.text[:start] + new + sample.text[end:]


def flagged(report, start: int, end: int) -> set[tuple[str, int]]:
    return {(f.rule, s.start) for f in report.findings if f.severity in ("error", "warning")
            for s in f.spans if s.start < end and start < s.end}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--wiki", type=int, default=150, help="WikiText paragraphs to take (default 150)")
    parser.add_argument("--per-relation", type=int, default=200, help="at most this many samples per relation")
    parser.add_argument("--show", action="store_true", help="print missed mutations and false flags")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: no corpus at {SHARED} (it lives in ../shared, outside the repository)")
        return 0
    sys.path.insert(0, str(REPO))
    import factcheck

    rng = random.Random(args.seed)
    baseline: dict[tuple[str, str | None], object] = {}
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # samples, caught, unchanged flagged
    taken: dict[str, int] = defaultdict(int)
    for sample in samples(args.wiki):
        if taken[sample.relation] >= args.per_relation:
            continue
        taken[sample.relation] += 1
        key = (sample.text, sample.published)
        if key not in baseline:
            baseline[key] = factcheck.check_text(sample.text, published=sample.published)
        before = flagged(baseline[key], sample.start, sample.end)
        mutated = mutate(sample, rng)
        after = flagged(factcheck.check_text(mutated, published=sample.published), sample.start, sample.end)
        row = stats[sample.relation]
        row[0] += 1
        row[1] += bool(after - before)
        row[2] += bool(before)
        if args.show and (before or not after - before):
            what = "FALSE FLAG" if before else "MISSED"
            original = sample.text[sample.start: sample.end]
            changed = mutated[sample.start: sample.end]
            print(f"{what} [{sample.relation}] {original!r} -> {changed!r} {sorted(before)}")
    print(f"{'relation':<22}{'sentences':>10}{'caught':>10}{'% caught':>10}{'unchanged flagged':>19}{'%':>7}")
    totals = [0, 0, 0]
    for relation in RELATIONS:
        n, caught, false = stats[relation]
        totals = [t + v for t, v in zip(totals, (n, caught, false), strict=True)]
        print(f"{relation:<22}{n:>10}{caught:>10}{100 * caught / max(n, 1):>9.1f}%{false:>19}"
              f"{100 * false / max(n, 1):>6.1f}%")
    n, caught, false = totals
    print(f"{'all':<22}{n:>10}{caught:>10}{100 * caught / max(n, 1):>9.1f}%{false:>19}{100 * false / max(n, 1):>6.1f}%")
    print("targets: at least 90% caught, under 2% of unchanged sentences flagged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
