"""Short articles for each rule, wrong and clean: tests/articles/<code>-wrong.md and <code>-clean.md.

Each pair is a few paragraphs of ordinary news prose with correct figures around one sentence; the
wrong article states that sentence with the rule's error, the clean one states it correctly. Through
the command line (`factcheck check --format json`), the wrong article must have a finding of the rule
on the line of the error (the line holding the marker phrase below, found in the file, not counted by
hand), and the clean article must have no warning or error from any rule.

Where the tool misses the error in realistic prose, or flags the clean article, the test is an
xfail(strict=True) with the reason: the gap stays visible, and the xfail turns into a failure the day
it is fixed, so the mark is then removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.rules import load_rules

ARTICLES = Path(__file__).parent / "articles"

# The phrase on the line the finding must point at (its primary figure's line).
MARKERS = {
    "FC101": "Pre-tax profit rose",
    "FC110": "The 60-seat council",
    "FC111": "The poll by Ipsos",
    "FC120": "will cut 25% of its 800 staff",
    "FC121": "from 30 million subscribers",
    "FC122": "of the 800 nurses",
    "FC123": "of tenants, around 2,900",
    "FC130": "The line will run for 210 km",
    "FC131": "The deal values the company",
    "FC132": "Sales reached $3.1bn",
    "FC133": "The film took $7.2",
    "FC134": "Creditors want the $27.5bn",
    "FC135": "lent the fund $300m",
    "FC201": "signed on February 30",
    "FC202": "Wednesday, March 21",
    "FC203": "from March 22 to 20",
    "FC204": "two-day state visit",
    "FC205": "in February 2024",
    "FC206": "Maria Lopez, 47",
    "FC207": "20th anniversary",
    "FC208": "next week, from March 30",
    "FC209": "two days after the vote",
    "FC210": "The previous mark, set by",
    "FC301": "Officials say trade reached $170 billion",
    "FC401": "owns 120% of the venture",
    "FC402": "aged 142",
    "FC403": "population of 12 billion",
    "FC404": "Turnout was 112%",
    "FC405": "$300 trillion",
    "FC406": "the dollar was trading at",
    "FC407": "Vietnam's 1 billion people",
    "FC408": "a city of 600,000 people",
    "FC409": "which covers 156,000 square kilometres",
    "FC410": "900 million Americans",
    "FC411": "$1.20 in 1975 is worth",
    "FC420": "for a single match",  # "$110,00": a comma where a decimal point belongs (hard-wrapped)
    "FC501": "hit a record $190 billion",  # the record claim that the 2021 figure contradicts
    "FC601": "profit of $5bn on revenue of $3bn",
    "FC701": "t(28) = 2.20",
    "FC702": "Emergency admissions showed",
    "FC703": "Heavy drinkers had a higher risk",
    "FC704": "reduced relapse among smokers",
    "FC705": "Children given the vaccine",
    "FC706": "rated the app a mean",
    "FC707": "Mild side effects were reported",
    "FC708": "A sample of 240 adults",
}

# More pairs for a rule: tests/articles/<code>-<topic>-wrong.md and -clean.md (or .html), with the marker.
MORE = {
    "FC101-round-fund": "The fund tripled from $2m to $4m",  # a multiplier far from the printed figures' ratio
    "FC101-round-fares": "Single fares rose 200%",  # hard-wrapped at 70 columns; +200% for a doubling
    "FC101-round-visitors": "Visitor numbers fell last year",  # hard-wrapped at 64 columns; "fell" for a rise
    "FC131-yuan": "The round brought in CN¥240 million",  # hard-wrapped; CN¥, NT$ (not in the ECB table), ¥ in China
    "FC131-hkd": "Wan Chai district",  # HTML, dated after the installed ECB rates end: HK$, ¥ in Japan
    # Statements across sentences and clauses (factcheck/reading/antecedent.py): the other figure of a change or a
    # comparison is in the previous sentence or an earlier clause, tied by a pronoun, the same noun or a period.
    "FC101-across-that": "higher than the $952m of 2024",  # "That was ... higher than": a demonstrative subject
    "FC101-across-it-was": "It was up",  # a change whose new value is the previous sentence's figure
    "FC101-across-this-is": "less than the £41.5m",  # "This is ... less than"
    "FC101-across-it-port": "more than the 8.2 million tonnes",  # "It was ... more than", quantities
    "FC101-across-they": "to 21,160 in 2025",  # "They rose": the old value is the previous sentence's, dated before
    "FC101-across-deficit": "larger than the $68.9bn",  # the same noun: "The deficit was"
    "FC101-across-gap": "smaller than the £35.1bn",  # a synonym: "The gap was" (CRLF line ends)
    "FC101-across-last-year": "Last year's total was",  # a period naming the earlier figure's year
    "FC101-across-clause": "more than the $356m",  # the same sentence's earlier clause, after a semicolon
    "FC101-across-which": "above the €2.2m",  # ", which was ... above": the same clause
    # Issue 11: one figure per stock, records against the series, an event's relative and stated dates, an age
    # against a birth year given in another sentence.
    "FC301-stock-members": "1,420 members",  # "which has 1,240 members" ... "the club's 1,420 members"
    "FC301-stock-budget": "the $16.8m budget",  # HTML: "a budget of $18.6m" ... "the $16.8m budget"
    "FC301-stock-nurses": "3,250 nurses",  # CRLF: "employs 2,350 nurses" ... "The hospital's 3,250 nurses"
    "FC501-record-cargo": "a record 41.2",  # "last year" beaten by the 2021 figure
    "FC501-record-low": "the lowest on record",  # HTML, CRLF: a present record low beaten by 2019's rate
    "FC208-event-summit": "which opens next week",  # "the summit, which opens on September 29" (weeks away)
    "FC208-event-bridge": "next month",  # HTML, CRLF: "the bridge, which opens on September 2"
    "FC206-age-across": "Pietro Salvi, 49",  # "Salvi, who was born in 1970" in a later paragraph
    # Breakdowns (factcheck/reading/breakdown.py): poll answers and parts of a total, read as a reader does.
    # (the finding points at a breakdown's first part)
    "FC111-poll-answers": "Asked whether the car park",  # yes / no / did not know: 104% (hard-wrapped, CRLF)
    "FC111-as-they-are": "Union found that 44%",  # the status-quo answer makes the list exclusive: 105% (CRLF)
    "FC110-brackets": "Graz (",  # HTML: parts in brackets after "1,900 jobs in Austria:" sum to 2,000
    "FC110-remaining": "Party won 36 seats",  # total after the list, last part in the next sentence: 82 of 80
    # Shares, vague quantity words and points (issue 11.3, 11.4): reading/share.py, reading/vague.py, reading/change.py
    "FC101-back-points": "That was a rise of 0.5",  # "That was a rise of 0.5%" after 5.9% -> 6.4%: points as per cent
    "FC120-named-whole": "1,400 (",  # HTML: "Of the 2,150 nurses balloted, 1,400 (58%) backed": the whole named before
    "FC122-most-parts": "Most parents",  # CRLF, wrapped: "Most" of 1,250 families against 540 and 410 next sentence
    # Relations reporters write (issue 17; tests/test_relations.py paraphrases each)
    "FC101-move-close": "The stock closed down 48 cents",  # the move and its percentage at the close (CRLF)
    "FC101-possessive": "The final dividend rose 15%",  # "from last year's 20p" (HTML, hard-wrapped)
    "FC101-lead": "The win leaves City on 54 points",  # "a 21-point lead, 54-33" (hard-wrapped)
    "FC110-medals": "The squad of 96 athletes won 12 medals",  # "12 medals: five gold, ..." (HTML, CRLF)
    "FC206-died-aged": "her family said on Wednesday",  # "has died aged 81" against "Born in 1944" two paragraphs on
}

# Known gaps, found by these articles: (code, "wrong" | "clean") -> why the test fails today.
GAPS = {
}


def _pairs(tag: str):
    for code in sorted(MARKERS | MORE):
        marks = [pytest.mark.xfail(strict=True, reason=GAPS[code, tag])] if (code, tag) in GAPS else []
        yield pytest.param(code, marks=marks, id=f"{code}-{tag}")


def _article(code: str, tag: str) -> Path:
    md = ARTICLES / f"{code}-{tag}.md"
    return md if md.exists() else ARTICLES / f"{code}-{tag}.html"


def _check(capsys, path: Path) -> dict:
    main(["check", "--format", "json", str(path)])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert len(data["files"]) == 1
    return data["files"][0]


def _marker_line(path: Path, phrase: str) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if phrase in line]
    assert len(lines) == 1, f"marker {phrase!r} must be on exactly one line of {path}, found {lines}"
    return lines[0]


def _shown(file: dict) -> list[tuple]:
    return [(f["rule"], f["severity"], f["line"], f["message"]) for f in file["findings"]]


def test_every_rule_has_an_article_pair():
    codes = {rule.id for rule in load_rules()}
    assert set(MARKERS) == codes, f"missing: {sorted(codes - set(MARKERS))}, unknown: {sorted(set(MARKERS) - codes)}"
    for code in codes:
        for tag in ("wrong", "clean"):
            path = ARTICLES / f"{code}-{tag}.md"
            assert path.exists(), path
            assert path.read_text(encoding="utf-8").startswith("---\npublished: "), f"{path} needs front matter"


@pytest.mark.parametrize("code", list(_pairs("wrong")))
def test_wrong_article_is_flagged_on_the_line_of_the_error(capsys, code):
    path = _article(code, "wrong")
    line = _marker_line(path, (MARKERS | MORE)[code])
    file = _check(capsys, path)
    hits = [f for f in file["findings"] if f["rule"] == code[:5]]
    assert hits, f"{code} should flag {path.name}: {_shown(file)}"
    assert any(f["line"] == line for f in hits), f"{code} should point at line {line}: {_shown(file)}"


@pytest.mark.parametrize("code", list(_pairs("clean")))
def test_clean_article_has_no_warning_or_error(capsys, code):
    path = _article(code, "clean")
    file = _check(capsys, path)
    bad = [f for f in _shown(file) if f[1] in ("error", "warning")]
    assert not bad, f"{path.name} should be clean: {bad}"
