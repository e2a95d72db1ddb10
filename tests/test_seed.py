"""The source article: every figure found right, nothing flagged, and each of six edits caught."""

from pathlib import Path

import pytest

import factcheck
from factcheck import document, engine

SEED = Path(__file__).resolve().parent.parent / "seeds" / "xi-russia-visit.md"


@pytest.fixture(scope="module")
def report():
    return engine.check_document(document.load(SEED), engine.default_rules())


def _figure(report, surface):
    found = [f.to_dict(report.locate) for f in report.figures if surface in f.surface]
    assert found, f"no figure {surface!r} in {[f.surface for f in report.figures]}"
    return found[0]


def test_seed_has_no_warning_or_error(report):
    assert [f.message for f in report.findings if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("$190 billion", {"kind": "money", "value": 1.9e11, "low": 1.895e11, "high": 1.905e11, "unit": "USD",
                          "qualifiers": ["record"], "anchor": "2022"}),
        ("$200 billion", {"kind": "money", "value": 2e11, "unit": "USD", "qualifiers": ["more_than", "forecast"],
                          "anchor": "2023"}),
        ("March 20 to 22", {"kind": "date_range", "date": "2023-03-20", "date_end": "2023-03-22"}),
        ("February 28", {"date": "2023-02-28"}),
        ("February 26", {"date": "2023-02-26"}),
        ("February 2022", {"date": "2022-02"}),
        ("last November", {"kind": "relative_date", "date": "2022-11"}),
        ("Thursday evening", {"date": "2023-03-16"}),
        ("next week", {"kind": "relative_date"}),
        ("12-point", {"kind": "count", "value": 12.0}),
    ],
)
def test_seed_figure(report, surface, expected):
    got = _figure(report, surface)
    for key, value in expected.items():
        assert got.get(key) == value, (surface, key, got)


def test_seed_friday_is_publication_day(report):
    fridays = [f for f in report.figures if f.surface.strip().startswith("Friday")]
    assert fridays and all(f.date == "2023-03-17" for f in fridays)


def test_seed_in_february_resolves_to_2023(report):
    text = report.document.text
    start = text.index("12-point peace plan in February") + len("12-point peace plan in ")
    hits = [f for f in report.figures if f.span.start <= start < f.span.end]
    assert hits and hits[0].date == "2023-02"


@pytest.mark.parametrize("phrase", ["a key", "third party", "1. Home"])
def test_seed_has_nothing_spurious(report, phrase):
    text = report.document.source
    start = text.index(phrase)
    offset_hits = [f for f in report.figures
                   if report.document.source_offset(f.span.start) < start + len(phrase)
                   and start < report.document.source_offset(f.span.end)]
    assert not offset_hits, [f.surface for f in offset_hits]


MUTATIONS = [
    ("from March 20 to 22", "from March 22 to 20", "FC203"),
    ("Peskov on February 28.", "Peskov on February 30.", "FC201"),
    ("to reach more than $200 billion in 2023 after it hit a record $190 billion in 2022",
     "to fall 15% to more than $200 billion in 2023 after it hit a record $190 billion in 2022", "FC101"),
    ("unprovoked war on Ukraine in February 2022", "unprovoked war on Ukraine in February 2024", "FC205"),
    ("saying on February 26 that", "saying on Friday, February 26, that", "FC202"),
    ("a record $190 billion in 2022.",
     "a record $190 billion in 2022. Trade between the two countries reached $170 billion in 2022, "
     "customs figures show.", "FC301"),
]


@pytest.mark.parametrize(("old", "new", "rule"), MUTATIONS, ids=[m[2] for m in MUTATIONS])
def test_seed_mutation_is_flagged_on_its_line(old, new, rule):
    source = SEED.read_text(encoding="utf-8")
    assert source.count(old) == 1
    changed = source.replace(old, new)
    line = changed[: changed.index(new)].count("\n") + 1
    report = factcheck.check_text(changed, fmt="md", path="seed-mutated.md")
    flagged = [(f.rule, report.locate(f.span.start)[0]) for f in report.findings
               if f.severity in ("error", "warning")]
    assert (rule, line) in flagged, flagged
