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
CHANGE_VERBS = ("rose|fell|increased|decreased|jumped|climbed|dropped|declined|gained|grew|slipped|slumped|surged|"
                "soared|tumbled|dipped|plunged|plummeted|edged up|edged down|added|lost|shed|advanced|eased|"
                "slid|sank|rising|falling|up|down")
# A figure as a change statement names it: "$11.1bn", "1.5 billion dlrs", "£190,329", "80,600", "4.4%".
FIGURE = (r"(?:US\$|[$£€])?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|pct|per cent|bn|m|billion|million|trillion|"
          r"mln|billion dlrs|mln dlrs|dlrs|euros|pence|p|cents|cts|yen|stg))?")
# What may stand between the figures of one statement: a bracketed conversion, a period ("in 2003").
GAP = r"(?:\s*\([^()]{0,30}\))?(?:,?\s+(?:in|during|for|at|on)\s+[\w-]+(?:\s[\w-]+)?)?,?\s+"
RELATIONS = {
    "currency conversion": re.compile(rf"(?P<a>{AMOUNT})\s*\((?P<b>{AMOUNT})(?:\s*euros)?[;)]"),
    "unit conversion": re.compile(rf"(?P<a>\d[\d,.]*)\s?(?:{UNITS})\s\((?P<b>\d[\d,.]*)\s?(?:{UNITS})\)"),
    # "rose 5% to $11.1bn from $10.9bn", "fell 23% from 36,185 in 2003 to 28,041", "$11.1bn, up 5% from $10.9bn"
    "stated change": re.compile(rf"\b(?:{CHANGE_VERBS})\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+)?"
                                rf"(?P<a>\d[\d,]*(?:\.\d+)?)\s?(?:%|per cent|percent|pct)\s+(?:{GAP})?"
                                rf"(?:to|from)\s+(?P<b>{FIGURE})(?:{GAP})?(?:from|to)\s+(?P<c>{FIGURE})"
                                rf"|(?P<b2>{FIGURE}),\s+(?:up|down)\s+(?P<a2>\d[\d,]*(?:\.\d+)?)\s?(?:%|per cent|"
                                rf"percent|pct)\s+(?:from|on)\s+(?P<c2>{FIGURE})"
                                rf"|(?:at|to|of|was|were)\s+(?P<b3>{FIGURE})[^.;\d]{{0,30}}?\b(?:{CHANGE_VERBS})\s+"
                                rf"(?:by\s+)?(?P<a3>\d[\d,]*(?:\.\d+)?)\s?(?:%|per cent|percent|pct)\s+from\s+"
                                rf"(?:the\s+(?:record\s+)?|a\s+)?(?P<c3>{FIGURE})"
                                rf"|from\s+(?P<c4>{FIGURE})(?:{GAP})?to\s+(?P<b4>{FIGURE})(?:{GAP})?,?\s+(?:a|an)\s+"
                                rf"(?:rise|fall|increase|decrease|drop|jump|gain|decline)\s+of\s+"
                                rf"(?P<a4>\d[\d,]*(?:\.\d+)?)\s?(?:%|per cent|percent|pct)"),
    "date with weekday": re.compile(rf"\b(?:{WEEKDAYS}),?\s+(?:(?P<a>\d{{1,2}})\s+(?:{MONTHS})|(?:{MONTHS})\s+"
                                    rf"(?P<b>\d{{1,2}}))(?:,?\s+\d{{4}})?"),
}
GROUPS = ("a", "b", "c", "a2", "b2", "c2", "a3", "b3", "c3", "a4", "b4", "c4")
# Statements the corpus itself gets wrong (judged by hand, see README "Accuracy"): they are not correct
# sentences to mutate, so they are left out and counted among the corpus benchmark's real errors.
PUBLISHED_ERRORS = ("6.8bn rand ($1.2bn; £910m)", "£2.6bn ($6.3bn)", "2.4bn euros ($3.1bn; £2.9bn)", "$10m (£19.2m)",
                    "$500m (£378.8m)", "$349.4bn (£265.9bn)", "$630m (£481.5m)", "$19.5m (£14.9m)",
                    "$1.8 billion (£9.4 million)", "$1.8 billion (£94 million)", "$3bn ($1.6bn)", "£23bn (£12m)",
                    "£35m (£19m)", "$6.3 (£3.35m)", "$13.5 (£7m)", "$42.8m (£23.7m)",
                    "$200m (£104m;",  # losses "halved" from $500m to $200m (×0.4)
                    "$110,00 (£59,000)")  # a comma where three digits belong ($110,000), FC420
SCARCE = 60  # relations with fewer real sentences than this get every variant of each, not one at random
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
            if not line.strip() or line.strip().startswith("="):
                continue
            text = detokenize(line.strip())
            if RELATIONS["date with weekday"].search(text):  # scarce: every one is kept
                yield f"wiki:{i}", text, None
            elif kept < limit_wiki and RELATIONS["unit conversion"].search(text):
                kept += 1
                yield f"wiki:{i}", text, None


def samples(limit_wiki: int) -> Iterator[Sample]:
    """Each checkable statement once (the BBC set repeats some articles), without published errors."""
    seen: set[tuple[str, str]] = set()
    for _, text, published in documents(limit_wiki):
        for relation, pattern in RELATIONS.items():
            for m in pattern.finditer(text):
                if (relation, m.group(0)) in seen or any(error in m.group(0) for error in PUBLISHED_ERRORS):
                    continue
                if relation == "date with weekday" and published is None and not re.search(r"\d{4}", m.group(0)):
                    continue  # "Tuesday 9 November" with neither a year nor a publication date: not checkable
                seen.add((relation, m.group(0)))
                spans = []
                for group in GROUPS:
                    if group in pattern.groupindex and m.group(group):
                        number = NUMBER.search(text, m.start(group), m.end(group))
                        if number is not None and number.end() <= m.end(group):
                            spans.append(number.span())
                if spans:
                    yield Sample(relation, text, published, m.start(), m.end(), spans)


def variants(sample: Sample) -> list[str]:
    """The text with one number of the relation changed: its leading digit to each of three others, or a
    weekday's day of the month moved by one to six days (so the weekday no longer fits)."""
    out = []
    for start, end in sample.numbers:
        token = sample.text[start:end]
        if sample.relation == "date with weekday":
            day = int(token)
            news = [str(day + k) if day + k <= 28 else str(day - 7 + k) for k in range(1, 7)]
            news = [n for n in news if n != token and int(n) >= 1 and len(n) <= len(token) + 1]
        else:
            lead = token[0]
            news = [d + token[1:] for d in ("1", "3", "6", "8", "2", "5") if d != lead][:3]
        out.extend(sample.text[:start] + new + sample.text[end:] for new in news)
    return out


def flagged(report, start: int, end: int) -> set[tuple[str, int]]:
    return {(f.rule, s.start) for f in report.findings if f.severity in ("error", "warning")
            for s in f.spans if s.start < end and start < s.end}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--wiki", type=int, default=100000,
                        help="WikiText paragraphs with a unit conversion to take (default: all)")
    parser.add_argument("--per-relation", type=int, default=100000,
                        help="at most this many samples per relation (default: all)")
    parser.add_argument("--relation", nargs="*", default=list(RELATIONS), help="relations to run (default: all)")
    parser.add_argument("--show", action="store_true", help="print missed mutations and false flags")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: no corpus at {SHARED} (it lives in ../shared, outside the repository)")
        return 0
    sys.path.insert(0, str(REPO))
    import factcheck

    rng = random.Random(args.seed)
    chosen: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples(args.wiki):
        if sample.relation in args.relation and len(chosen[sample.relation]) < args.per_relation:
            chosen[sample.relation].append(sample)
    baseline: dict[tuple[str, str | None], object] = {}
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # sentences, mutations, caught, flagged
    for relation, group in chosen.items():
        for sample in group:
            key = (sample.text, sample.published)
            if key not in baseline:
                baseline[key] = factcheck.check_text(sample.text, published=sample.published)
            before = flagged(baseline[key], sample.start, sample.end)
            every = variants(sample)
            if not every:
                continue
            tried = every if len(group) < SCARCE else [rng.choice(every)]
            row = stats[relation]
            row[0] += 1
            row[3] += bool(before)
            if args.show and before:
                print(f"FALSE FLAG [{relation}] {sample.text[sample.start: sample.end]!r} {sorted(before)}")
            for mutated in tried:
                after = flagged(factcheck.check_text(mutated, published=sample.published), sample.start, sample.end)
                row[1] += 1
                row[2] += bool(after - before)
                if args.show and not after - before:
                    shift = len(mutated) - len(sample.text)
                    print(f"MISSED [{relation}] {sample.text[sample.start: sample.end]!r} -> "
                          f"{mutated[sample.start: sample.end + shift]!r}")
    print(f"{'relation':<22}{'sentences':>10}{'mutations':>10}{'caught':>8}{'% caught':>10}"
          f"{'unchanged flagged':>19}{'%':>7}")
    totals = [0, 0, 0, 0]
    for relation in args.relation:
        n, m, caught, false = stats[relation]
        totals = [t + v for t, v in zip(totals, (n, m, caught, false), strict=True)]
        print(f"{relation:<22}{n:>10}{m:>10}{caught:>8}{100 * caught / max(m, 1):>9.1f}%{false:>19}"
              f"{100 * false / max(n, 1):>6.1f}%")
    n, m, caught, false = totals
    print(f"{'all':<22}{n:>10}{m:>10}{caught:>8}{100 * caught / max(m, 1):>9.1f}%{false:>19}"
          f"{100 * false / max(n, 1):>6.1f}%")
    print(f"left out as published errors (judged real, see README): {len(PUBLISHED_ERRORS)} statements")
    print("targets: at least 90% caught, under 2% of unchanged sentences flagged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
