"""Extraction cases as data: tests/extraction/*.yml, text in, figures out."""

from pathlib import Path

import pytest
import yaml

import factcheck

CASES = sorted(Path(__file__).parent.joinpath("extraction").glob("*.yml"))


def _cases():
    for path in CASES:
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(case, id=f"{path.stem}-{i}-{case['text'][:40]}")


def _matches(got: dict, want: dict) -> bool:
    for key, expected in want.items():
        actual = got.get(key)
        if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
            if abs(actual - expected) > 1e-9 * max(1.0, abs(expected)):
                return False
        elif key == "qualifiers":
            if sorted(actual or []) != sorted(expected):
                return False
        elif str(actual) != str(expected) if expected is not None else actual is not None:
            return False
    return True


@pytest.mark.parametrize("case", list(_cases()))
def test_extraction_case(case):
    published = case.get("published")
    report = factcheck.check_text(
        case["text"], published=str(published) if published else None, format=case.get("format", "txt")
    )
    got = [fig.to_dict() for fig in report.figures]
    for want in case.get("figures", []):
        candidates = [g for g in got if g["surface"] == want["surface"]]
        assert candidates, f"no figure {want['surface']!r}; got {[g['surface'] for g in got]}"
        assert any(_matches(g, want) for g in candidates), f"{want} != {candidates}"
    for surface in case.get("absent", []):
        start = case["text"].index(surface)
        end = start + len(surface)
        hits = [g["surface"] for g in got if g["start"] < end and start < g["end"]]
        assert not hits, f"{surface!r} should hold no figure, got {hits}"
    if "count" in case:
        assert len(got) == case["count"], [g["surface"] for g in got]


@pytest.mark.parametrize(
    ("text", "surface", "side"),
    [
        ("Before 2016 the drug was legal in the state.", "2016", "before"),
        ("Prior to 2016, the drug was legal.", "2016", "before"),
        ("After March 2020 the office stayed shut.", "March 2020", "after"),
        ("Prices have not been this high since 2008.", "2008", "after"),
        ("The plant must close no later than 2030, the ministry says.", "2030", "before"),
        ("Sales that came earlier than 2012 were not counted.", "2012", "before"),
        ("Only wells drilled later than 2019 qualify.", "2019", "after"),
        ("No launch is planned no earlier than 2027.", "2027", "after"),
    ],
)
def test_open_interval(text, surface, side):
    """ "before 2016"/"after 2016" are open intervals: the year figure says which side (attr open)."""
    fig = next(f for f in factcheck.check_text(text, published="2024-05-01").figures if f.surface == surface)
    assert fig.attr("open") == side


def test_unit_table_is_compiled_from_the_libraries(tmp_path, monkeypatch):
    """The unit and currency tables come from pint, quantulum3 and babel, and are cached on disk after a build."""
    from factcheck.extract import currency_table, unit_table

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    units = unit_table.build()
    assert units["words"]["petawatt hour"][0] == "petawatt_hour"  # pint's prefixes on pint's units
    assert units["abbr"]["GiB"][0] == "gibibyte"
    assert units["words"]["cubic feet"][1] == "volume"  # quantulum3's surface form
    currencies = currency_table.build()
    assert currencies["symbols"]["₦"] == "NGN" and currencies["codes"]["KES"] == "KES"
    unit_table.table.cache_clear()
    unit_table.table()
    assert list(tmp_path.glob("factcheck-units_*.json"))


SPOKEN_ARTICLE = """---
title: Flood week
date: 2025-03-14
---

# Flood week in the valley

Nearly a quarter of a million homes lost power on Tuesday, the network operator said, and a
few hundred thousand customers were still waiting for a visit on Thursday.

"Between 40 and 50 people were hurt," the chief constable told reporters. "The river stood at
two point five million litres a minute at its peak, and the gauge at the weir fell to - 3 before
it rose again."

- Tens of thousands of sandbags were handed out.
- Crews from Gdansk charged 30 zł an hour; Norwegian volunteers asked 12 Norwegian kroner a cup.
- A bus fare went up by 50 kopecks in the twin town.

Call 07700 900123 for help.
"""


@pytest.mark.parametrize(("width", "crlf"), [(None, True), (40, False), (60, True)])
def test_spoken_numbers_read_the_same_when_wrapped(width, crlf):
    """Numbers as people say them keep their kind and value in a hard-wrapped or CRLF Markdown article."""
    from hardwrap import wrap

    def read(text):
        return [(f.kind, f.value, f.unit) for f in factcheck.check_text(text, path="flood.md").figures]

    plain = read(SPOKEN_ARTICLE)
    assert ("count", 250000, None) in plain
    assert ("count", 2500000, None) not in plain  # "two point five million litres" is a quantity
    assert ("money", 30, "PLN") in plain and ("money", 12, "NOK") in plain and ("money", 0.5, "RUB") in plain
    assert ("count", -3, None) in plain and ("count", 40, None) in plain
    assert not any(v in (7700, 900123) for _, v, _ in plain)
    assert read(wrap(SPOKEN_ARTICLE, "md", width, crlf)) == plain


@pytest.mark.parametrize(
    "text",
    [
        "She won 6-4 3-6 6-3 and he lost 6-7 (4-7) 7-6; the side kept its 2-3-2 formation.",
        "Rovers drew 1-1 at home and lost 0-2 away, then won 2-4 (5-6 on penalties) in the cup.",
    ],
)
def test_runs_of_scores_are_no_ranges(text):
    """A hyphen between two numbers in a run of scores is no range of counts."""
    assert not [f.surface for f in factcheck.check_text(text).figures if f.attr("range_high") is not None]
