"""docs/: the rule-pack guide's examples run as written, it covers every check kind, and the JSON schema holds."""

import json
import re
from pathlib import Path

import pytest

from factcheck.api import check_text
from factcheck.checks import KINDS
from factcheck.rules import load_rules

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDE = (DOCS / "rule-packs.md").read_text(encoding="utf-8")
HOUSE = DOCS / "examples" / "house"
ARTICLES = Path(__file__).resolve().parent / "articles"


def house_rules():
    return [r for r in load_rules([HOUSE]) if r.pack == "house"]


def codes(text, rules=None, published=None):
    return sorted(f.rule for f in check_text(text, published=published, rules=rules or house_rules()).findings)


def test_the_example_pack_loads_with_both_rules():
    assert {(r.id, r.check) for r in house_rules()} == {("FC901", "bounds"), ("FC902", "expression")}


@pytest.mark.parametrize("text, found", [
    ("Unemployment rose to 62% in March, the statistics office said.", ["FC901"]),
    ("Youth unemployment in the region stood at 6.2% last year, officials said.", []),
    ("The unemployment rate hit 48%, a figure economists called implausible.", ["FC901"]),
    ("The region recorded 900 cases and 1,200 deaths by Friday.", ["FC902"]),
    ("By Friday the region had recorded 1,200 cases and 90 deaths.", []),
    ("The province has reported 1,100 infections and 1,300 fatalities since January,\nthe health ministry said.",
     ["FC902"]),
    ("The district logged 900 cases and 1,200 deaths by Friday, the regional health\r\nministry said.", ["FC902"]),
])
def test_the_example_rules_on_articles(text, found):
    assert codes(text) == found


def test_the_guides_worked_output_is_real(tmp_path, cli, monkeypatch):
    """The output the guide shows for its sample article is what factcheck prints."""
    sample = re.search(r"On this article:\n\n```text\n(.*?)```", GUIDE, re.S).group(1)
    shown = re.search(r"article\.txt` prints:\n\n```text\n(.*?)```", GUIDE, re.S).group(1)
    (tmp_path / "article.txt").write_text(sample, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", "--rules", str(HOUSE), "--format", "line", "article.txt")
    assert code == 1 and out == shown


def test_the_guides_yaml_matches_the_example_files():
    for path in HOUSE.glob("*.yml"):
        data = path.read_text(encoding="utf-8")
        for line in ("id:", "name:", "check:", "message:", "assert:"):
            got = [x for x in data.splitlines() if x.strip().startswith(line)]
            for x in got:
                assert x.strip() in GUIDE, f"{path.name}: {x.strip()} is not in the guide"


def section(kind: str) -> str:
    start = GUIDE.index(f"### `{kind}`")
    end = GUIDE.find("\n### ", start + 1)
    return GUIDE[start:end]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_guide_documents_every_kind_and_parameter(kind):
    """Every check kind has a section naming each parameter its validate() accepts and each test it offers."""
    text = section(kind)
    source = Path(KINDS[kind].__file__).read_text(encoding="utf-8")
    accepted = re.search(r"set\(params\) - \{([^}]*)\}", source)
    names = re.findall(r'"([a-z_]+)"', accepted.group(1)) if accepted else []
    names += [n for n in getattr(KINDS[kind], "FILTERS", ())]
    names += [n for n in getattr(KINDS[kind], "PARAMS", ())]  # kinds that name their parameters in a tuple
    if "params.get(\"test\")" in source:
        names.append("test")
    assert names, kind
    for name in names:
        assert f"`{name}`" in text, f"{kind}: parameter {name} is not documented"
    for test in getattr(KINDS[kind], "TESTS", ()):
        assert f"`{test}`" in text, f"{kind}: test {test} is not documented"


def test_the_guide_lists_every_expression_selector_key():
    from factcheck.checks import expression

    for key in (*expression.SELECTOR_KEYS, *expression.SAME_KEYS, *expression.CALLS, *expression.SCOPES):
        assert f"`{key}`" in GUIDE or f"`{key}()`" in GUIDE, key


# --- the JSON report's schema ----------------------------------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((DOCS / "report.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_real_reports_of_many_articles_validate(cli, tmp_path):
    """The schema holds for the report of every test article, in one run (several files, every rule firing)."""
    code, out, _ = cli("check", "--format", "json", str(ARTICLES))
    report = json.loads(out)
    assert report["summary"]["files"] > 30 and report["summary"]["errors"] > 10
    errors = sorted(VALIDATOR.iter_errors(report), key=str)
    assert not errors, errors[0].message


def test_reports_of_html_text_undated_and_damaged_files_validate(cli, tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><meta property='article:published_time' content='2023-03-17'></head><body>\r\n"
        "<p>The summit opened on <b>Friday, February 26, 2023</b>, in Moscow.</p>\r\n"
        "<p>Trade rose to $190 billion in 2022 from $147 billion, a 45% increase.</p></body></html>\r\n",
        encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Shares in the company fell 12% to $4.40 on Tuesday,\nnext week's "
                                       "results will show a loss of more than $2 billion.\n", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"Revenue was \xff\xfe $5 million in 2022.\n")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(tmp_path))
    report = json.loads(out)
    assert {f["path"].rsplit("/", 1)[-1] for f in report["files"]} == {"page.html", "wire.txt", "broken.md",
                                                                      "empty.md"}
    assert any(f["published"] is None and f.get("notes") for f in report["files"])
    errors = sorted(VALIDATOR.iter_errors(report), key=str)
    assert not errors, errors[0].message


@pytest.mark.parametrize("damage", [
    lambda r: r.pop("summary"),
    lambda r: r.update(schema="factcheck-report/2"),
    lambda r: r["files"][0]["findings"][0].update(severity="fatal"),
    lambda r: r["files"][0]["findings"][0].pop("locations"),
    lambda r: r["files"][0]["figures"][0].update(kind="banana"),
    lambda r: r["files"][0].update(published="17 March 2023"),
])
def test_the_schema_refuses_a_broken_report(cli, damage):
    code, out, _ = cli("check", "--format", "json", str(ARTICLES / "FC202-wrong.md"))
    report = json.loads(out)
    assert VALIDATOR.is_valid(report)
    damage(report)
    assert not VALIDATOR.is_valid(report)
