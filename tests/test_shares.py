"""Shares against counts, vague quantity words and percent against percentage points (issue 11.3, 11.4).

Each case is a short article as a reporter files it (several paragraphs, a quote, modern dates), written once
with the error and once right, checked through the command line's JSON report: the wrong one must have a finding
of the rule on the line of the error, the right one no warning or error. Every phrase form comes in at least two
paraphrases (other numbers, names, formats and wrapping; CRLF line ends in some).
"""

from __future__ import annotations

import json

import pytest
from hardwrap import wrap

from factcheck.cli import main

# (id, rule, format, wrap width, crlf, published, paragraphs with {X}, wrong X, right X, phrase on the error's line)
CASES = [
    # A count restated as a percentage, against the whole named before it ("Of the 480 members ...").
    ("of-the-whole", "FC120", "md", 72, True, "2024-11-22", [
        "# Union members back merger with rival",
        "Members of the Northern Transport Union voted to merge with the larger Carriers' Alliance on Friday, "
        "ending a decade of rivalry.",
        "Of the 480 members who voted, 300, or {X}, backed the merger, the union said. The rest voted against "
        "or spoiled their ballots.",
        "\"This gives drivers a single voice,\" general secretary Dana Kowalczyk said.",
    ], "58%", "62.5%", "backed the merger"),
    ("among-the-whole-bracket", "FC120", "txt", 64, False, "2025-09-30", [
        "Teachers accept pay offer",
        "Among the 3,600 teachers balloted by the Westbury Teachers' Association, 2,340 ({X}) accepted the "
        "district's pay offer, the association said on Tuesday.",
        "\"It is not everything we asked for,\" said association president Marcus Webb. The deal runs until 2027.",
    ], "61%", "65%", "accepted the"),
    ("of-whom", "FC120", "html", None, False, "2025-03-02", [
        "Pensioners' club turns fifty",
        "The Hallam Walking Club, founded in 1975, now has 1,250 members, of whom 500, or {X}, are over 70, "
        "its secretary said on Sunday.",
        "\"We go out in all weathers,\" said Peggy Moore, 84, who joined in 1981.",
    ], "45%", "40%", "of whom 500"),
    ("of-whom-apposition", "FC120", "txt", 58, True, "2025-12-01", [
        "Youth choir heads to Vienna",
        "The Fenwick Youth Choir, which has 96 singers, of whom 30, {X}, are under 14, will perform in Vienna on "
        "December 20.",
        "\"The children have rehearsed every Saturday since June,\" said conductor Ines Albrecht.",
    ], "25%", "31%", "are under 14"),
    ("hyphen-whole-previous-sentence", "FC120", "md", 70, False, "2025-05-12", [
        "# Council backs new bus lanes",
        "The 620-member regional assembly voted on the plan on Monday after a six-hour debate.",
        "In the end, 410, or {X}, backed the bus lanes, which will open on three routes next spring.",
        "\"Buses will finally beat cars into town,\" said transport chair Aisha Rahman.",
    ], "72%", "66%", "backed the bus lanes"),
    ("strong-whole-percent-first", "FC120", "md", 74, False, "2026-03-05", [
        "# Bus drivers vote to strike",
        "The 1,200-strong workforce at Redline Buses was balloted over three weeks, the Unite union said on "
        "Thursday.",
        "In all, {X} voted to strike over the company's pay offer, the first walkout at Redline since 2011.",
        "\"Drivers have had enough,\" said union organiser Kelly Marsh.",
    ], "64% (700)", "64% (770)", "voted to strike over"),
    ("of-those-previous-sentence", "FC120", "txt", None, True, "2026-01-09", [
        "Record applications for firefighter posts",
        "The Ashford fire service received 2,400 applications for 60 trainee posts this year, it said on Friday.",
        "Of those, 900, or {X}, came from women, up from a handful a decade ago.",
        "Chief fire officer Ruth Adeyemi said the service had worked hard to change perceptions.",
    ], "45%", "37.5%", "came from women"),
    # A vague count word against the count restating it.
    ("dozens-comma", "FC123", "md", 72, True, "2026-02-24", [
        "# Tenants object to rent rise",
        "Rents for council tenants in Marwick will rise by 7% in April, the council said on Tuesday.",
        "{X} of tenants, around 4,300 households, have written to object to the increase.",
        "\"Many families are already in arrears,\" said tenants' leader Joan Whitaker.",
    ], "Dozens", "Thousands", "of tenants, around 4,300"),
    ("handful-bracket", "FC123", "html", None, False, "2025-06-03", [
        "Engineers stay put as plant moves",
        "{X} of the firm's engineers (about 60) have refused to move to the new plant in Kesby, the company said "
        "on Wednesday.",
        "\"Our families are here,\" said one of them, Tom Fielding. The move will be complete by October.",
    ], "A handful", "Dozens", "engineers (about 60)"),
    ("hundreds-dash", "FC123", "txt", 60, False, "2024-11-12", [
        "Residents pack meeting on quarry",
        "{X} of residents — some 45 people — attended Tuesday's meeting on the planned quarry at Elm Ridge.",
        "\"We were not consulted,\" said parish councillor Gwen Price. A decision is due on December 4.",
    ], "Hundreds", "Dozens", "of residents"),
    # A vague share word against the percentage restating it or the parts of its whole in the next sentence.
    ("majority-parts", "FC122", "md", 68, True, "2026-04-13", [
        "# Survey: drivers split on road charge",
        "A majority of drivers in the Halvern region oppose a proposed road charge, a survey of 1,600 motorists "
        "by the Halvern Motorists' League found.",
        "In all, {X} of those questioned said they were against the charge, while 610 supported it and the rest "
        "had no view.",
        "League spokesman Farid Nassar said the council \"cannot ignore this\".",
    ], "720", "920", "A majority of drivers"),
    ("most-parts", "FC122", "txt", None, False, "2025-05-06", [
        "Parents back shorter school week",
        "Most parents in Brackley back a four-day school week, according to a survey of 1,250 families published "
        "by the county council on Monday.",
        "In all, {X} of those questioned favoured the change, while 410 were against it and the remainder were "
        "undecided.",
        "\"Families want more time together,\" said council education lead Sanjay Mehta.",
    ], "540", "690", "Most parents"),
    ("most-restated-percent", "FC122", "html", None, False, "2025-08-19", [
        "Nurses ready to strike",
        "Most of the nurses polled, {X}, said they would strike if the pay offer was not improved, the union said "
        "on Tuesday.",
        "\"We have been patient,\" said ward manager Leah Brooks.",
    ], "44%", "64%", "Most of the nurses"),
    # Percent against percentage points, including a back-reference to the move of the sentence before.
    ("back-fall-percent", "FC101", "txt", None, False, "2024-07-17", [
        "Inflation eases",
        "Consumer price inflation in Veldonia slowed to 3.1% in June from 4.6% in May, the statistics office said "
        "on Wednesday.",
        "That was a fall of {X}, the biggest one-month drop since 2009.",
        "Central bank governor Isabel Quintero said it was too early to cut interest rates.",
    ], "1.5%", "1.5 percentage points", "That was a fall of"),
    ("back-rise-percent", "FC101", "md", 66, True, "2025-11-14", [
        "# Unemployment climbs",
        "Unemployment in Carvela rose to 6.4% in the third quarter from 5.9% in the second, the statistics office "
        "said on Friday.",
        "It was a rise of {X}, the sharpest since 2020.",
        "\"We are watching closely,\" labour minister Tomas Reyes said.",
    ], "0.5%", "0.5 points", "It was a rise of"),
    ("back-points-wrong-number", "FC101", "md", 72, False, "2025-09-22", [
        "# Mayor's approval slips",
        "Support for mayor Olu Bankole fell to 41% in September from 47% in June, a poll for the Daily Courier "
        "found.",
        "That was a drop of {X} points, the pollster said.",
        "\"Summers are hard for any mayor,\" said the pollster, Anna Lindqvist.",
    ], "4", "6", "That was a drop of"),
    ("back-points-for-percent", "FC101", "txt", 70, True, "2024-04-02", [
        "Bank lifts market share",
        "Harbour Bank's share of new mortgages rose to 12% last year from 10% in 2022, industry figures showed "
        "on Tuesday.",
        "That marked a rise of {X}, chief executive Nils Berg said.",
        "The bank plans to open four branches in 2025.",
    ], "20 percentage points", "2 percentage points", "That marked a rise of"),
]


def _write(tmp_path, case, value: str):
    name, _rule, fmt, width, crlf, published, paragraphs, *_ = case
    paras = [p.replace("{X}", value) for p in paragraphs]
    if fmt == "html":
        body = "\n".join(f"<p>{p}</p>" for p in paras[1:])
        text = (f'<html><head><meta property="article:published_time" content="{published}T08:00:00+00:00">'
                f"<title>{paras[0]}</title></head>\n<body>\n<h1>{paras[0]}</h1>\n{body}\n</body></html>\n")
    else:
        head = f"---\npublished: {published}\n---\n" if fmt == "md" else ""
        text = wrap(head + "\n\n".join(paras) + "\n", fmt, width, crlf)
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(text.encode("utf-8"))
    return path


def _findings(capsys, path) -> list[dict]:
    main(["check", "--format", "json", "--published", _published(path), str(path)])
    out, _ = capsys.readouterr()
    return json.loads(out)["files"][0]["findings"]


def _published(path) -> str:
    return next(c[5] for c in CASES if c[0] == path.stem)


def _line(path, phrase: str) -> int:
    lines = [n for n, line in enumerate(path.read_bytes().decode("utf-8").splitlines(), 1) if phrase in line]
    assert len(lines) == 1, f"{phrase!r} must be on one line of {path.name}: {lines}"
    return lines[0]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_wrong_figure_is_flagged_on_its_line(tmp_path, capsys, case):
    rule, wrong, phrase = case[1], case[7], case[9]
    path = _write(tmp_path, case, wrong)
    hits = [f for f in _findings(capsys, path) if f["rule"] == rule and f["severity"] in ("error", "warning")]
    assert hits, f"{case[0]}: {rule} should flag '{wrong}'"
    assert _line(path, phrase) in {f["line"] for f in hits}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_right_figure_is_clean(tmp_path, capsys, case):
    path = _write(tmp_path, case, case[8])
    serious = [(f["rule"], f["message"]) for f in _findings(capsys, path) if f["severity"] in ("error", "warning")]
    assert serious == []


@pytest.mark.parametrize("case", [c for c in CASES if c[0].startswith("back-") and c[7] != "4"],
                         ids=lambda c: c[0])
def test_points_and_percent_evidence_gives_both_readings(tmp_path, capsys, case):
    path = _write(tmp_path, case, case[7])
    hit = next(f for f in _findings(capsys, path) if f["rule"] == "FC101")
    assert "percentage points" in hit["evidence"] and "%" in hit["evidence"].replace("percentage points", "")


def test_vague_word_evidence_names_the_range(tmp_path, capsys):
    case = next(c for c in CASES if c[0] == "majority-parts")
    hit = next(f for f in _findings(capsys, _write(tmp_path, case, "720")) if f["rule"] == "FC122")
    assert "50% to 100% of 1,600" in hit["evidence"] and "720 (45%)" in hit["evidence"]
