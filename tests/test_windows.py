"""A long document checked in windows finds what the whole document would; its report is written a figure at a time."""

from __future__ import annotations

import io
import json
import pickle
import random

import pytest

import factcheck
from factcheck import document, engine
from factcheck.cli import main
from factcheck.model import Packed, Report
from factcheck.render import Options, json_report, jsonl
from factcheck.render.json_stream import write
from factcheck.render.records import report_record

COMPANIES = ["Harbourside Foods", "Lakeland Rail", "Ironside Mining", "Juniper Health", "Kestrel Air", "Cobalt Bank",
             "Eastgate Homes", "Fairway Leisure", "Granite Water", "Dunmore Paper"]
CITIES = ["Leeds", "Cardiff", "Glasgow", "Bristol", "Belfast", "Norwich"]


def _section(rng: random.Random, n: int) -> str:
    """One section of a results round-up, as a business desk would file it: a heading, paragraphs, a table."""
    name = rng.choice(COMPANIES)
    old = rng.randint(100, 900)
    new = old + rng.randint(-60, 90)
    said = round((new - old) / old * 100 + rng.choice([0, 0, 0, 4]))  # now and then a wrong percentage
    staff = rng.randint(2, 40) * 100
    pounds = rng.randint(2, 90)
    dollars = round(pounds * 1.27)
    city = rng.choice(CITIES)
    lines = [
        f"## {n}. {name}",
        "",
        f"{name} said on Tuesday, March 5, 2024, that pre-tax profit {'rose' if new >= old else 'fell'} "
        f"{abs(said)}%\r\nto £{new}m in 2023 from £{old}m a year earlier.",
        "",
        f"The group, which employs {staff:,} people in {city}, plans to spend £{pounds}m (${dollars}m) on new "
        f"sites. \"We expect {rng.randint(2, 9)} openings by 2026,\" its chief executive said. Trading resumed "
        f"{rng.choice(['two', 'three', 'five'])} days after the vote on March {rng.randint(1, 20)}, 2024.",
        "",
        "| Division | 2023 | 2022 |",
        "|---|---|---|",
    ]
    for division in ("Retail", "Wholesale", "Online"):
        now, then = (f"£{rng.randint(10, 99)}.{rng.randint(1, 9)}m" for _ in range(2))
        lines.append(f"| {division} | {now} | {then} |")
    lines += ["", f"Shares closed {rng.randint(1, 9)}.{rng.randint(1, 9)}% higher at {rng.randint(100, 900)}p.", "", ""]
    return "\n".join(lines)


def _article(sections: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    head = "---\npublished: 2024-03-06\n---\n# Results round-up\n\n"
    return head + "".join(_section(rng, n) for n in range(1, sections + 1))


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of a few sections, so a test article of some 40 kB is read in many of them."""
    monkeypatch.setattr(engine, "WHOLE_UP_TO", 10_000)
    monkeypatch.setattr(engine, "WINDOW", 6_000)
    monkeypatch.setattr(engine, "REACH", 1_500)


def _whole(text: str, monkeypatch) -> factcheck.FileReport:
    with monkeypatch.context() as m:
        m.setattr(engine, "WHOLE_UP_TO", 10 ** 9)
        return factcheck.check_text(text, format="md")


def test_a_long_article_checked_in_windows_gives_the_figures_and_findings_of_the_whole(small_windows, monkeypatch):
    text = _article(70)
    assert len(document.from_text(text, fmt="md").text) > 4 * engine.WINDOW
    windowed = factcheck.check_text(text, format="md")
    whole = _whole(text, monkeypatch)
    assert isinstance(windowed.figures, Packed) and isinstance(whole.figures, tuple)
    assert list(windowed.figures) == list(whole.figures)
    assert any(fig.attr("link") for fig in whole.figures)  # "three days after the vote on March 4": linked by id
    assert windowed.findings and windowed.findings == whole.findings
    assert {f.rule for f in whole.findings} >= {"FC101"}  # the wrong percentages are found in every window
    assert windowed.checked == whole.checked
    assert (windowed.numeric_tokens, windowed.covered_tokens) == (whole.numeric_tokens, whole.covered_tokens)
    assert windowed.notes == whole.notes
    # A restatement can pair figures a whole document apart; windows pair only those within reach of each other.
    def near(report):
        return sorted(repr(s) for s in report.statements if s.kind != "restated")
    assert near(windowed) == near(whole)


def test_its_json_and_jsonl_are_what_one_json_dumps_of_the_whole_report_gives(small_windows):
    report = Report(files=(factcheck.check_text(_article(30, seed=4), format="md", path="round-up.md"),))
    out = io.StringIO()
    json_report.render(report, out, Options())
    assert out.getvalue() == json.dumps(report_record(report), indent=2, ensure_ascii=False) + "\n"
    lines = io.StringIO()
    jsonl.render(report, lines, Options())
    first = json.loads(lines.getvalue().splitlines()[0])
    assert first == json.loads(out.getvalue())["files"][0]
    assert len(first["figures"]) == len(report.files[0].figures) > 500


def test_the_cli_checks_a_long_file_in_windows_with_the_same_exit_and_findings(small_windows, tmp_path, capsys,
                                                                               monkeypatch):
    path = tmp_path / "round-up.md"
    path.write_text(_article(40, seed=9), encoding="utf-8")
    code = main(["check", "--format", "json", "--no-cache", str(path)])
    windowed = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(engine, "WHOLE_UP_TO", 10 ** 9)
    assert main(["check", "--format", "json", "--no-cache", str(path)]) == code == 1
    whole = json.loads(capsys.readouterr().out)
    for record in (windowed, whole):  # statements in window order; restatements only within reach (as above)
        record["files"][0]["statements"] = sorted(json.dumps(s) for s in record["files"][0]["statements"]
                                                  if s["kind"] != "restated")
    assert windowed == whole


def test_windows_tile_the_text_and_read_past_their_edges():
    text = _article(60)
    cuts = engine.windows(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    for (a, b, start, end), (next_a, *_) in zip(cuts, cuts[1:], strict=False):
        assert b == next_a and text[b - 1].isspace()
        assert start <= a < b <= end and (end >= b + engine.REACH)


def test_packed_figures_behave_as_the_tuple_they_replace():
    items = [(i, f"F{i}", i / 3) for i in range(1000)]
    packed = Packed()
    for at in range(0, 1000, 137):
        packed.extend(items[at:at + 137])
    packed.extend([])
    assert len(packed) == 1000 and list(packed) == items and packed == items
    assert packed[0] == items[0] and packed[-1] == items[-1] and packed[500] == items[500]
    assert packed[10:20] == items[10:20]
    with pytest.raises(IndexError):
        packed[1000]
    assert pickle.loads(pickle.dumps(packed)) == items
    assert Packed() == () and Packed() != items


def test_streamed_json_is_byte_for_byte_json_dumps():
    rng = random.Random(5)

    def value(depth=0):
        pick = rng.random()
        if depth > 3 or pick < 0.3:
            return rng.choice([1, 2.5, None, True, "a\nb \u00e9 \u201c", "", -0.0, 1e300, "\ud800"])
        if pick < 0.55:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {f"k{i}\u00e9": value(depth + 1) for i in range(rng.randint(0, 3))}

    def lazy(v):
        if isinstance(v, list) and rng.random() < 0.5:
            return iter([lazy(x) for x in v])
        return {k: lazy(x) for k, x in v.items()} if isinstance(v, dict) else v

    from factcheck.render.sanitize import json_text

    for indent in (None, 2):
        for _ in range(1500):
            v = value()
            out = io.StringIO()
            write(lazy(v), out, indent)
            assert out.getvalue() == json_text(json.dumps(v, indent=indent, ensure_ascii=False))


def test_a_long_markdown_body_parsed_in_runs_of_blocks_reads_as_one_parse(monkeypatch):
    rng = random.Random(3)
    pieces = ["# Costs up 5%\n", "Fares rose 10% in 2024.\n", "\n", "\n\n", "```\n", "~~~\n", "    code 5\n",
              "- item 4\n", "1. first 3\n", "> quote 7\n", "<div>\n", "</div>\n", "<!-- note\n", "-->\n", "<script>\n",
              "</script>\n", "| a | b |\n", "|---|---|\n", "| 1 | 2 |\n", "Title 9\n", "===\n", "  indented 2\n",
              "[x]: http://example.com\n", "<?php\n", "?>\n", "Line\r\n", "\r\n"]
    for _ in range(800):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 50)))
        monkeypatch.setattr(document, "MD_CHUNK", 10 ** 9)
        whole = document.from_text(source, fmt="md").text
        for size in (1, 12, 40):
            monkeypatch.setattr(document, "MD_CHUNK", size)
            assert document.from_text(source, fmt="md").text == whole, source


def test_a_long_text_blanked_a_byte_a_character_loads_as_the_list_of_characters_did(monkeypatch):
    rng = random.Random(8)
    pieces = ["# Costs up 5%\n", "Fares rose 10% in 2024.\n", "\n", "\n\n", "```\n", "    code 5\n", "- item 4\n",
              "> quote 7\n", "<!-- note\n", "-->\n", "<!-- x -->", "| a | b |\n", "|---|---|\n", "| 1 | 2 |\n",
              "Title 9\n", "===\n", "\tTabbed 3\n", "![chart](a.png)", "[the report](http://b.example)", "`code 4`",
              "Line\r\n", "hard\\\n", "**bold** 5 ", "“Quoted” €5 ", "\r", "# Title ##\n", "x<b>y</b>"]
    for _ in range(600):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 50)))
        for fmt in ("md", "txt"):
            monkeypatch.setattr(document, "LONG_TEXT", 10 ** 9)
            as_list = document.from_text(source, fmt=fmt).text
            monkeypatch.setattr(document, "LONG_TEXT", 0)
            assert document.from_text(source, fmt=fmt).text == as_list, source
