"""The Python API for people who embed factcheck (issue 13.7): check_text(format=...), to_dict, render, load_rules."""

import json
from pathlib import Path

import pytest

import factcheck
from factcheck import FactcheckError, check_text, load_rules, render_report
from factcheck.api import render

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"
BRIEF = ("---\ntitle: Budget vote\npublished: 2024-03-20\n---\n# Council passes budget\n\n"
         "The council approved the budget on Tuesday, March 14, 2024, after a\nlong debate.\r\n\r\n"
         "\"It was not easy,\" the leader said.\r\n")
HTML = ("<html><head><meta property=\"article:published_time\" content=\"2023-10-30\"></head><body>"
        "<p>Voters went to the polls on Monday, October 22, 2023.</p><p>Turnout was 61%.</p></body></html>")


def test_check_text_with_format_md_reads_the_front_matter():
    report = check_text(BRIEF, format="md")
    assert report.published == "2024-03-20"
    assert [f.rule for f in report.findings] == ["FC202"]
    assert "no publication date" not in " ".join(report.notes)
    as_text = check_text(BRIEF)  # plain text: the front matter is only text, so no date
    assert as_text.published is None


def test_check_text_with_format_html_reads_the_metadata_and_published_wins():
    assert check_text(HTML, format="html").published == "2023-10-30"
    assert check_text(HTML, format="html", published="2023-11-05").published == "2023-11-05"


@pytest.mark.parametrize("kwargs, named", [
    ({"format": "docx"}, "format: 'docx' is not one of txt, md, html"),
    ({"fmt": "pdf"}, "fmt: 'pdf' is not one of txt, md, html"),
    ({"published": "next week"}, "published: not a date: 'next week'"),
])
def test_a_bad_argument_is_named_as_the_caller_passed_it(kwargs, named):
    with pytest.raises(FactcheckError) as err:
        check_text(BRIEF, **kwargs)
    assert str(err.value).startswith(named) and "--" not in str(err.value)


def test_to_dict_gives_the_json_contract():
    jsonschema = pytest.importorskip("jsonschema")
    file = check_text(BRIEF, format="md", path="budget.md")
    report = factcheck.Report(files=(file,))
    data = report.to_dict()
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data == json.loads(render(report, "json"))  # exactly what --format json prints
    assert file.to_dict() == data["files"][0]
    [finding] = file.findings
    located = finding.to_dict(file.locate)
    assert located == data["files"][0]["findings"][0]
    assert (located["line"], located["column"]) == (7, BRIEF.splitlines()[6].index("Tuesday") + 1)
    bare = finding.to_dict()  # no document at hand: offsets
    assert BRIEF[bare["start"]:bare["end"]] == "Tuesday, March 14, 2024"


@pytest.mark.parametrize("fmt, expect", [
    ("sarif", lambda out: json.loads(out)["runs"][0]["results"][0]["ruleId"] == "FC202"),
    ("rdjson", lambda out: json.loads(out)["diagnostics"][0]["code"]["value"] == "FC202"),
    ("markdown", lambda out: out.startswith("# factcheck report") and "FC202" in out),
    ("line", lambda out: out == "budget.md:7:36: error FC202 March 14, 2024 was a Thursday, not a Tuesday.\n"),
    ("rich", lambda out: "\x1b[" not in out and "budget.md:7:36" in out and "^^^" in out),
    ("html", lambda out: out.lstrip().lower().startswith("<!doctype html")),
])
def test_render_gives_any_format_as_text(fmt, expect):
    file = check_text(BRIEF, format="md", path="budget.md")
    assert expect(render(file, fmt)), render(file, fmt)[:500]


def test_render_is_also_at_the_top_of_the_package():
    file = check_text(BRIEF, format="md", path="budget.md")
    assert render_report(file, "json") == render(file, "json") and factcheck.render_report is render


def test_render_refuses_an_unknown_format_naming_the_argument():
    with pytest.raises(FactcheckError, match="^fmt: unknown format 'pdf'"):
        render(check_text(BRIEF, format="md"), "pdf")


def test_a_house_pack_loads_through_the_public_function(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "turnout.yml").write_text(
        "id: FC951\nname: turnout-over-95-percent\ncheck: bounds\nseverity: warning\n"
        "params: {kind: percent, subjects: [turnout], max: 95, source: House style guide}\n"
        "message: A turnout of {value} is over {limit}.\n", encoding="utf-8")
    rules = load_rules(pack)
    assert "FC951" in {r.id for r in rules} and "FC202" in {r.id for r in rules}
    assert [r.id for r in load_rules(pack, builtin=False)] == ["FC951"]
    text = "Turnout was 97% in the northern wards, officials said.\n"
    found = check_text(text, published="2024-05-02", rules=rules)
    assert [f.rule for f in found.findings] == ["FC951"]
    (pack / "clash.yml").write_text((pack / "turnout.yml").read_text(encoding="utf-8").replace("FC951", "FC202"),
                                    encoding="utf-8")
    with pytest.raises(FactcheckError, match="FC202"):
        load_rules(pack)
