"""Statements: what the reading ties together (factcheck/reading), as the API and the JSON report show it."""

import json

import pytest

import factcheck
from factcheck.cli import main

PUBLISHED = "2025-02-10"


def _statements(text, published=PUBLISHED):
    """The statements of a text, each as {"kind": ..., role: figure surface (a list for parts), facts...}."""
    report = factcheck.check_text(text, published=published, rules=[])
    by_id = {f.id: f.surface for f in report.figures}
    out = []
    for statement in report.statements:
        record = statement.to_dict()
        figures = {r: by_id[v] if isinstance(v, str) else [by_id[i] for i in v]
                   for r, v in record.pop("figures").items()}
        out.append({"kind": record.pop("kind"), **figures, **record})
    return out


def _fc101(text, published=PUBLISHED):
    return [f.message for f in factcheck.check_text(text, published=published).findings if f.rule == "FC101"]


def test_the_json_report_lists_each_files_statements_by_figure_id(tmp_path, capsys):
    article = tmp_path / "results.md"
    article.write_text("---\npublished: 2025-03-04\n---\n# Results\n\nSales rose 12% to $4.2bn from $3.75bn. "
                       "The deal is worth $10m (£7.9m). Of the 1,200 workers, 700 will move to Leeds and 500 to "
                       "Glasgow.\n", encoding="utf-8")
    main(["check", "--format", "json", str(article)])
    record = json.loads(capsys.readouterr().out)["files"][0]
    ids = {f["surface"]: f["id"] for f in record["figures"]}
    assert {"kind": "change", "figures": {"stated": ids["12%"], "new": ids["$4.2bn"], "old": ids["$3.75bn"]},
            "direction": "up"} in record["statements"]
    assert {"kind": "conversion", "figures": {"original": ids["$10m"], "converted": ids["£7.9m"]}} \
        in record["statements"]
    breakdown = next(s for s in record["statements"] if s["kind"] == "breakdown")
    assert breakdown["figures"] == {"total": ids["1,200"], "parts": [ids["700"], ids["500"]]}
    assert breakdown["complete"] is False and breakdown["unit"] == "worker"
    every_id = {f["id"] for f in record["figures"]}
    for statement in record["statements"]:
        named = [i for v in statement["figures"].values() for i in ([v] if isinstance(v, str) else v)]
        assert set(named) <= every_id, statement


def test_the_api_report_carries_statements():
    report = factcheck.check_text("Net debt fell by £40m to £260m from £300m.", published=PUBLISHED)
    assert [s.kind for s in report.statements] == ["change"]
    statement = report.statements[0]
    by_id = {f.id: f.surface for f in report.figures}
    assert {role: by_id[i] for role, i in statement.roles} == {"stated": "£40m", "new": "£260m", "old": "£300m"}
    assert statement.fact("direction") == "down"


# The case and its paraphrases: the compared figure is in the previous sentence (or an earlier clause).
ACROSS = [
    ("Operating income came to $1.2bn in 2023. That was 30% higher than the $1bn of 2022.", "$1.2bn", "$1bn"),
    ("Operating income came to $1.2bn in 2023. It was 30% higher than the $1bn of 2022.", "$1.2bn", "$1bn"),
    ("Operating income came to $1.2bn in 2023. This is 30% more than the $1bn of 2022.", "$1.2bn", "$1bn"),
    ("Operating income came to $1.2bn in 2023; that was 30% higher than the $1bn of 2022.", "$1.2bn", "$1bn"),
    ("The deficit reached £31.6bn. The deficit was 20% smaller than the £35.1bn of March.", "£31.6bn", "£35.1bn"),
    ("The deficit reached £31.6bn. The gap was 20% smaller than the £35.1bn of March.", "£31.6bn", "£35.1bn"),
    ("Visitors numbered 4.82 million in 2024. Last year's total was 25% higher than the 4.35 million of 2023.",
     "4.82 million", "4.35 million"),
]


@pytest.mark.parametrize(("text", "new", "old"), ACROSS)
def test_a_comparison_takes_its_figure_from_the_previous_sentence_when_the_words_tie_them(text, new, old):
    comparisons = [s for s in _statements(text) if s["kind"] == "comparison"]
    assert len(comparisons) == 1 and (comparisons[0]["new"], comparisons[0]["old"]) == (new, old), comparisons


def test_a_change_takes_its_new_value_from_the_previous_sentence():
    text = "Net sales reached $846m in the third quarter. It was up 12% from $702m a year earlier."
    assert {"kind": "change", "stated": "12%", "new": "$846m", "old": "$702m", "direction": "up"} in _statements(text)
    assert _fc101(text) == ["The text says +12%, but $702m → $846m is +20.5%."]
    assert _fc101(text.replace("12%", "20.5%")) == []


def test_a_change_takes_its_old_value_from_the_previous_sentence_only_when_dated_before():
    text = "Registrations reached 18,400 in 2024. They rose 25% to 21,160 in 2025, the association said."
    assert {"kind": "change", "stated": "25%", "new": "21,160", "old": "18,400", "direction": "up"} \
        in _statements(text, "2026-01-15")
    assert _fc101(text, "2026-01-15") == ["The text says +25%, but 18,400 → 21,160 is +15%."]
    undated = "Registrations reached 18,400 in the spring. They rose 25% to 21,160, the association said."
    assert not [s for s in _statements(undated) if s["kind"] == "change" and "old" in s]


def test_the_wrong_comparison_is_an_error_and_the_right_one_is_quiet():
    wrong = "Operating income came to $1.24bn in 2023. That was 45% higher than the $952m of 2022."
    assert _fc101(wrong) == ["The text says +45%, but $952m → $1.24bn is +30.3%."]
    assert _fc101(wrong.replace("45%", "30%")) == []
    lower = "The city spent £38.2m on roads in 2025. This is 15% less than the £41.5m it spent in 2024."
    assert _fc101(lower, "2026-01-20") == ["The text says -15%, but £41.5m → £38.2m is -7.95%."]
    assert _fc101(lower.replace("15%", "8%"), "2026-01-20") == []


NOT_TIED = [
    # two sentences back: the reading looks back one sentence at most
    "Operating income came to $1.24bn in 2023. The board met in May. That was 45% higher than the $952m of 2022.",
    # no pronoun, no shared noun, no period: nothing ties the second sentence to the first figure
    "Operating income came to $1.24bn in 2023. Exports were 45% higher than the $952m of 2022.",
    # a noun naming another measure
    "The deficit reached £31.6bn. Spending was 20% smaller than the £35.1bn of March.",
]


@pytest.mark.parametrize("text", NOT_TIED)
def test_nothing_is_linked_when_the_words_do_not_tie_the_sentences(text):
    assert not [s for s in _statements(text) if s["kind"] == "comparison" and "new" in s]
    assert _fc101(text) == []


def test_a_comparison_figure_is_no_bound():
    """ "30% higher than the $1bn": $1bn is the figure compared with, not "more than $1bn"."""
    report = factcheck.check_text("Income was $1.2bn. That was 30% higher than the $1bn of 2022.", rules=[])
    billion = next(f for f in report.figures if f.surface == "$1bn")
    assert "more_than" not in billion.qualifiers


def test_each_change_of_one_clause_is_its_own_statement():
    text = "Sales rose 5% to $105m from $100m, costs rose 30% to $20m from $19m."
    changes = [s for s in _statements(text) if s["kind"] == "change"]
    assert [(s["stated"], s["new"], s["old"]) for s in changes] == [("5%", "$105m", "$100m"), ("30%", "$20m", "$19m")]
    assert _fc101(text) == ["The text says +30%, but $19m → $20m is +5.26%."]
    assert _fc101(text.replace("30%", "5.3%")) == []
