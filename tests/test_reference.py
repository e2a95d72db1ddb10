"""The reference check kind: a user's own place table through a rule param, refused params, tables loaded lazily."""

import pytest

import factcheck
from factcheck.checks import reference
from factcheck.errors import RuleError
from factcheck.rules import load_rules

OWN_RULE = """\
id: FC901
name: island-population-far-from-register
check: reference
severity: error
params:
  measure: population
  source: the Harbour Islands civil register
  year: 2025
  places:
    Kellmore Island: {population: 4200, aliases: [Kellmore]}
message: "{place} has about {reference} people according to {source} ({year}), not {value}."
description: |
  ## What it does
  Checks the islands' populations against the civil register.
"""

ARTICLE = """\
Ferry timetable cut for winter

The ferry company said on Monday that it would cut sailings to Kellmore,
an island of 52,000 people, to two a week from November.

"We cannot run empty boats," said the company's manager, Ailsa Ross.
"""


def _own_rules(tmp_path, text=OWN_RULE):
    path = tmp_path / "FC901.yml"
    path.write_text(text, encoding="utf-8")
    return load_rules([path], builtin=False)


def test_a_users_own_table_is_checked_and_named(tmp_path):
    report = factcheck.check_text(ARTICLE, published="2025-10-20", rules=_own_rules(tmp_path))
    [finding] = report.findings
    assert report.locate(finding.span.start)[0] == 4
    assert "Kellmore Island" in finding.message and "civil register (2025)" in finding.message


def test_a_right_figure_in_a_users_table_passes(tmp_path):
    report = factcheck.check_text(ARTICLE.replace("52,000", "4,200"), published="2025-10-20",
                                  rules=_own_rules(tmp_path))
    assert report.findings == ()


@pytest.mark.parametrize(("change", "said"), [
    (("  source: the Harbour Islands civil register\n", ""), "names its source and year"),
    (("{population: 4200, aliases: [Kellmore]}", "{population: -3}"), "positive number"),
    (("  measure: population\n", "  measure: height\n"), "measure: expected one of"),
    (("  measure: population\n", "  measure: population\n  table: planets\n"), "table: expected countries or cities"),
])
def test_bad_params_are_refused_with_the_field(tmp_path, change, said):
    with pytest.raises(RuleError) as caught:
        _own_rules(tmp_path, OWN_RULE.replace(*change))
    assert "params" in str(caught.value) and said in str(caught.value)


def test_no_table_is_loaded_for_an_article_that_ties_no_figure_to_a_place():
    reference.builtin.cache_clear()
    text = ("Sales at the bakery chain rose 25% to $150m, helped by 14 new shops.\n\n"
            "The company employs 2,300 people and plans to hire 300 more next year.")
    factcheck.check_text(text, published="2025-06-12")
    assert reference.builtin.cache_info().currsize == 0
    factcheck.check_text("France's 68 million inhabitants will vote on Sunday.", published="2025-06-12")
    assert reference.builtin.cache_info().currsize >= 1
