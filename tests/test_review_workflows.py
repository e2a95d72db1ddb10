"""Review workflows (issue 13.5): --statistics, --diff REV against the real git, Markdown within GitHub's limit,
SARIF fixes, helpUri and suppressions, the rdjson format for reviewdog, and `replacement` in the JSON report."""

import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck import check_text
from factcheck.model import Report
from factcheck.render import Options, renderer
from factcheck.render.markdown import GITHUB_LIMIT

DOCS = Path(__file__).resolve().parents[1] / "docs"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

STORY = ("---\npublished: 2024-06-03\n---\n# Tram line opens\n\n"
         "The 20-kilometre (8-mile) line from the central station to the airport\n"
         "opened on Tuesday, May 29, 2024, the transport authority said.\n\n"
         "\"It took longer than we hoped,\" said its chairwoman, Ana Ruiz.\n\n"
         "Ridership across the network rose 18% to 4.4 million in May from\n4 million a year earlier.\n")
HOUSING = ("---\ndate: 2024-04-15\n---\nThe council will build 300 homes on the former depot site, at a cost of\n"
           "£45m, it said on Friday, April 11, 2024.\n\n"
           "Each home will have a garden of about 50 square metres (540 square feet).\n\n"
           "Work starts in September.\n")


# --- --statistics ---------------------------------------------------------------------------------


def test_statistics_count_findings_per_rule_most_first(cli_here, tmp_path):
    (tmp_path / "tram.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "housing.md").write_text(HOUSING.replace("50 square metres (540", "50 square metres (700"),
                                         encoding="utf-8")
    code, out, _ = cli_here("check", "tram.md", "housing.md", "--statistics")
    assert code == 1
    rows = [line.split() for line in out.splitlines()]
    assert rows[0][:3] == ["2", "FC130", "error"] and rows[0][3] == "unit-conversion-wrong"
    assert {r[1]: int(r[0]) for r in rows} == {"FC130": 2, "FC202": 2, "FC101": 1}
    assert [line for line in out.splitlines() if line != line.rstrip()] == []
    code, out, _ = cli_here("check", "tram.md", "housing.md", "--statistics", "--format", "json")
    assert json.loads(out)[0] == {"code": "FC130", "name": "unit-conversion-wrong", "severity": "error", "count": 2}


def test_statistics_of_a_clean_article(cli_here, tmp_path):
    (tmp_path / "clean.md").write_text("---\npublished: 2024-06-03\n---\nThe line opened on Wednesday, May 29, "
                                       "2024.\n", encoding="utf-8")
    assert cli_here("check", "clean.md", "--statistics")[:2] == (0, "no findings\n")


# --- --diff REV -----------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@needs_git
def test_diff_reports_only_findings_on_lines_changed_since_a_revision(cli_here, tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "tram.md").write_text(STORY, encoding="utf-8")  # old faults: FC130 (line 6), FC202 (7), FC101 (11)
    (tmp_path / "housing.md").write_text(HOUSING, encoding="utf-8")  # an old FC202 on line 5
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "first versions")
    assert cli_here("check", "tram.md", "housing.md", "--diff", "HEAD", "--format", "line", "-q")[:2] == (0, "")

    # An edit to an old story: a new wrong weekday in a new paragraph, and a changed line in the middle.
    edited = STORY.replace("\"It took longer", "The first tram left on Friday, June 1, 2024.\n\n\"It took longer")
    (tmp_path / "tram.md").write_text(edited, encoding="utf-8")
    (tmp_path / "housing.md").write_text(HOUSING.replace("(540 square feet)", "(700 square feet)"), encoding="utf-8")
    (tmp_path / "new.md").write_text("---\npublished: 2024-06-03\n---\nThe vote was on Sunday, June 2, 2023.\n",
                                     encoding="utf-8")  # not yet added to git: every line is new
    code, out, _ = cli_here("check", ".", "--diff", "HEAD", "--format", "line", "-q")
    assert code == 1
    got = sorted(re.sub(r": error (FC\d+) .*", r" \1", line) for line in out.splitlines())
    assert got == ["housing.md:7:57 FC130", "new.md:4:17 FC202", "tram.md:9:24 FC202"], out
    full = cli_here("check", ".", "--format", "line", "-q")[1]
    assert len(full.splitlines()) == 7  # without --diff: the old ones too

    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "edits")
    code, out, _ = cli_here("check", ".", "--diff", "HEAD~1", "--format", "line", "-q")
    assert sorted(re.sub(r": error (FC\d+) .*", r" \1", line) for line in out.splitlines()) == got


@needs_git
def test_diff_needs_a_revision_and_a_repository(cli_here, tmp_path):
    (tmp_path / "tram.md").write_text(STORY, encoding="utf-8")
    code, out, err = cli_here("check", "tram.md", "--diff", "HEAD")
    assert (code, out) == (2, "") and err == f"factcheck: --diff: {tmp_path} is not in a git repository\n"
    _git(tmp_path, "init", "-q")
    code, out, err = cli_here("check", "tram.md", "--diff", "v9.9")
    assert (code, out) == (2, "") and err == "factcheck: --diff: 'v9.9' is not a revision of this repository\n"
    code, out, err = cli_here("check", "tram.md", "--diff=--output=x")
    assert code == 2 and "is not a git revision" in err and not (tmp_path / "x").exists()


# --- Markdown within GitHub's limit ---------------------------------------------------------------


def _many(count: int) -> Report:
    """A real report of one article, as if `count` desks had filed it (a long run's Markdown)."""
    one = check_text(STORY, format="md", path="tram.md")
    return Report(files=tuple(dataclasses.replace(one, path=f"desk-{i:03}/tram.md") for i in range(count)))


def test_the_markdown_report_stays_under_githubs_limit_with_a_note(tmp_path):
    report = _many(150)
    out = io.StringIO()
    renderer("markdown").render(report, out, Options(color=False))
    text = out.getvalue()
    assert len(text) <= GITHUB_LIMIT
    assert text.startswith("# factcheck report\n\n**3 errors") or text.startswith("# factcheck report\n\n**")
    assert "450 errors" in text.split("\n\n")[1]  # the summary counts every finding
    shown = len(re.findall(r"^### ", text, re.M))
    note = re.search(r"> \*\*Truncated:\*\* (\d+) more findings not shown", text)
    assert note and shown + int(note.group(1)) == len(report.findings)
    assert text.count("```") % 2 == 0 and text.count("<details>") == text.count("</details>")
    small = io.StringIO()
    renderer("markdown").render(_many(2), small, Options(color=False))
    assert "Truncated" not in small.getvalue()


# --- SARIF ----------------------------------------------------------------------------------------


def _sarif(cli_here, *args):
    code, out, _ = cli_here("check", *args, "--format", "sarif")
    log = json.loads(out)
    if SARIF_SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return code, log["runs"][0]


def _anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_sarif_carries_fixes_help_links_and_suppressions(cli_here, tmp_path):
    if not SARIF_SCHEMA.exists():
        pytest.skip("../shared/schemas is absent")
    inline = HOUSING.replace("The council", "<!-- factcheck: ignore FC202 -->\nThe council")
    inline = inline.replace("(540 square feet)", "(700 square feet)")
    (tmp_path / "housing.md").write_text(inline, encoding="utf-8")
    (tmp_path / "tram.md").write_text(STORY, encoding="utf-8")
    assert cli_here("baseline", "tram.md")[0] == 0
    (tmp_path / "tram.md").write_text(STORY + "\nThe first tram left on Friday, June 1, 2024.\n", encoding="utf-8")
    code, sarif = _sarif(cli_here, "tram.md", "housing.md", "--baseline", ".factcheck-baseline.json")
    assert code == 1
    results = sarif["results"]
    by = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r for r in results}
    conversion = by[("housing.md", "FC130")]
    [fix] = conversion["fixes"]
    [change] = fix["artifactChanges"]
    [replacement] = change["replacements"]
    line = inline.splitlines()[7]
    assert replacement["insertedContent"]["text"] == "538 square feet"
    region = replacement["deletedRegion"]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "700 square feet"
    assert "suppressions" not in conversion

    assert by[("housing.md", "FC202")]["suppressions"][0]["kind"] == "inSource"
    tram = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             [s["kind"] for s in r.get("suppressions", [])]) for r in results
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tram.md"]
    assert sorted(tram) == [("FC101", 11, ["external"]), ("FC130", 6, ["external"]), ("FC202", 7, ["external"]),
                            ("FC202", 14, [])]  # the new weekday is the one reported
    assert "fixes" in by[("tram.md", "FC130")] and "fixes" not in by[("tram.md", "FC101")]

    headings = {_anchor(h) for h in re.findall(r"^## (.+)$", (DOCS / "rules.md").read_text(encoding="utf-8"), re.M)}
    rules = sarif["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"].split("#")[0].endswith("/docs/rules.md") for r in rules)
    assert {r["helpUri"].split("#")[1] for r in rules} <= headings


def test_docs_rules_page_is_generated_from_the_rules():
    from factcheck.engine import default_rules
    from factcheck.render.catalogue import rules_markdown

    assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_markdown(default_rules()), (
        "docs/rules.md is stale: python -m factcheck.render.catalogue > docs/rules.md")


def test_a_house_rule_has_no_help_link_into_the_built_in_docs(cli_here, tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    source = next((Path(__file__).resolve().parents[1] / "rules").rglob("FC202-*.yml")).read_text(encoding="utf-8")
    (pack / "HX1.yml").write_text(source.replace("id: FC202", "id: FC902").replace(
        "name: weekday-does-not-match-date", "name: house-weekday"), encoding="utf-8")
    (tmp_path / "tram.md").write_text(STORY, encoding="utf-8")
    _, sarif = _sarif(cli_here, "tram.md", "--rules", str(pack))
    house = next(r for r in sarif["tool"]["driver"]["rules"] if r["id"] == "FC902")
    assert "helpUri" not in house


# --- rdjson ---------------------------------------------------------------------------------------


def test_rdjson_gives_reviewdog_diagnostics_with_suggestions_in_utf8_columns(cli_here, tmp_path):
    story = STORY.replace("from the central", "from the café at the central")  # a 2-byte character before
    (tmp_path / "tram.md").write_text(story.replace("(8-mile) line", "(8-mile) line").replace(
        "The 20-kilometre", "Über 20-kilometre"), encoding="utf-8")
    code, out, _ = cli_here("check", "tram.md", "--format", "rdjson")
    assert code == 1
    data = json.loads(out)
    assert data["source"]["name"] == "factcheck"
    by = {d["code"]["value"]: d for d in data["diagnostics"]}
    assert set(by) == {"FC130", "FC202", "FC101"}
    conv = by["FC130"]
    assert conv["severity"] == "ERROR" and conv["location"]["path"] == "tram.md"
    assert conv["code"]["url"].endswith("/docs/rules.md#fc130-unit-conversion-wrong")
    [suggestion] = conv["suggestions"]
    start, end = suggestion["range"]["start"], suggestion["range"]["end"]
    raw = (tmp_path / "tram.md").read_bytes().splitlines()[start["line"] - 1]
    assert raw[start["column"] - 1:end["column"] - 1].decode("utf-8") == "8-mile"  # bytes, as reviewdog counts
    assert suggestion["text"] == "12 mile"
    assert "suggestions" not in by["FC202"]


# --- JSON replacement -----------------------------------------------------------------------------


def test_json_findings_carry_the_replacement_when_the_check_knows_it(cli_here, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "housing.md").write_text(HOUSING.replace("(540 square feet)", "(700 square feet)"), encoding="utf-8")
    code, out, _ = cli_here("check", "housing.md", "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, json.loads((DOCS / "report.schema.json").read_text(encoding="utf-8")))
    by = {f["rule"]: f for f in report["files"][0]["findings"]}
    assert by["FC130"]["replacement"] == "538 square feet"
    assert "replacement" not in by["FC202"]
