"""Configuration: [tool.factcheck] in pyproject.toml or .factcheck.yaml, found upward; bad keys exit 2 in one line."""

import json
import re
import shutil
from pathlib import Path

import pytest

from factcheck.config import Config, find_config, load_config

WRONG = "---\npublished: 2023-03-17\n---\nThe summit opened on Friday, February 26, 2023, in Moscow.\n"


@pytest.fixture
def repo(tmp_path):
    """A repository of articles: a wrong one in articles/news/ and one in archive/."""
    (tmp_path / ".git").mkdir()
    for rel in ("articles/news/wrong.md", "archive/old.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(WRONG, encoding="utf-8")
    return tmp_path


def pyproject(repo: Path, body: str) -> None:
    (repo / "pyproject.toml").write_text(f"[project]\nname = 'articles'\n\n[tool.factcheck]\n{body}", encoding="utf-8")


def test_pyproject_is_found_upward_from_the_checked_file_and_sets_severity_and_fail_level(cli, repo):
    pyproject(repo, 'severity = {FC202 = "warning"}\n')
    code, out, _ = cli("check", str(repo / "articles/news/wrong.md"), "--no-color")
    assert code == 0, out  # a warning does not fail at the default level
    assert "warning FC202" in out
    pyproject(repo, 'fail-on = "warning"\n[tool.factcheck.severity]\nFC202 = "warning"\n')
    code, out, _ = cli("check", str(repo / "articles/news/wrong.md"), "--no-color")
    assert code == 1 and "warning FC202" in out
    code, _, _ = cli("check", str(repo / "articles/news/wrong.md"), "--fail-on", "never")
    assert code == 0  # the command line wins over the file


def test_yaml_config_ignore_and_per_path_overrides(cli, repo):
    (repo / ".factcheck.yaml").write_text(
        "overrides:\n  - paths: [archive/]\n    ignore: [FC202]\n", encoding="utf-8")
    code, out, _ = cli("check", str(repo), "--format", "line", "-q")
    assert code == 1
    assert out.splitlines() == [f"{repo / 'articles/news/wrong.md'}:4:22: error FC202 "
                                "February 26, 2023 was a Sunday, not a Friday."]
    (repo / ".factcheck.yaml").write_text("ignore: [weekday-does-not-match-date]\n", encoding="utf-8")
    assert cli("check", str(repo), "--format", "line", "-q")[:2] == (0, "")


def test_select_in_config_and_command_line_select_wins(cli, repo):
    pyproject(repo, 'select = ["FC1"]\n')
    assert cli("check", str(repo), "--format", "line", "-q")[:2] == (0, "")
    code, out, _ = cli("check", str(repo), "--format", "line", "--select", "FC2")
    assert code == 1 and out.count("FC202") == 2


def test_date_keys_choose_the_front_matter_key(cli, repo):
    article = repo / "articles/dated.md"
    article.write_text("---\npubDate: 2023-05-01\ndate: 2020-01-01\n---\nNo dates here.\n", encoding="utf-8")
    pyproject(repo, 'date-keys = ["pubDate"]\n')
    code, out, _ = cli("check", str(article), "--format", "json")
    assert json.loads(out)["files"][0]["published"] == "2023-05-01"


def test_params_per_rule_are_checked_against_the_check_kind(repo):
    from factcheck.rules import load_rules

    rules = load_rules()
    config = load_config(_write(repo / ".factcheck.yaml", "params:\n  FC402: {max: 130}\n"))
    config.validate(rules)
    fc402 = next(r for r in config.rules_for(rules, repo / "a.md") if r.id == "FC402")
    assert fc402.params["max"] == 130 and fc402.params["kind"] == "age"
    bad = load_config(_write(repo / ".factcheck.yaml", "params:\n  FC402: {maximum: 130}\n"))
    with pytest.raises(Exception, match=r"\.factcheck\.yaml:2: params\.FC402: unknown parameter\(s\): maximum"):
        bad.validate(rules)


def house_pack(repo):
    """A pack of the house's own beside the config: FC202 copied as FC901 house-weekday."""
    pack = repo / "house-rules"
    pack.mkdir()
    text = next(Path(__file__).parent.parent.joinpath("rules").rglob("FC202-*.yml")).read_text(encoding="utf-8")
    (pack / "FC901-house-weekday.yml").write_text(
        text.replace("id: FC202", "id: FC901").replace("name: weekday-does-not-match-date", "name: house-weekday"),
        encoding="utf-8")


def test_extra_rule_packs_are_relative_to_the_config_file(cli, repo):
    house_pack(repo)
    pyproject(repo, 'packs = ["house-rules"]\n')
    code, out, _ = cli("check", str(repo / "articles"), "--format", "line")
    assert code == 1 and "FC901" in out and "FC202" in out


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "body", "message"), [
    ("pyproject.toml", "[tool.factcheck]\nselct = ['FC1']\n",
     "pyproject.toml:2: [tool.factcheck] selct: unknown key (expected one of select, ignore, packs, severity, params, "
     "date-keys, fail-on, overrides, baseline, report-dir, rates, cache-size)"),
    ("pyproject.toml", "[tool.factcheck]\nfail-on = 'sometimes'\n",
     "pyproject.toml:2: [tool.factcheck] fail-on: expected one of error, warning, info, never"),
    ("pyproject.toml", "[tool.factcheck.severity]\nFC202 = 'fatal'\n",
     "pyproject.toml:2: [tool.factcheck] severity.FC202: expected one of error, warning, info"),
    ("pyproject.toml", "[tool.factcheck]\nignore = ['FC999']\n",
     "pyproject.toml:2: [tool.factcheck] ignore[0]: unknown rule FC999 (see 'factcheck rules')"),
    ("pyproject.toml", "[tool.factcheck\n", "pyproject.toml:1: not valid TOML"),
    (".factcheck.yaml", "overrides:\n  - paths: [a/]\n    fail-on: info\n",
     ".factcheck.yaml:3: overrides[0].fail-on: unknown key"),
    (".factcheck.yaml", "select: [FC1\n", ".factcheck.yaml:2: not valid YAML"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_key(cli, repo, name, body, message):
    _write(repo / name, body)
    code, out, err = cli("check", str(repo / "articles"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("factcheck: ") and message in err, err


@pytest.mark.parametrize(("name", "body", "message"), [
    ("pyproject.toml", "[project]\nname = 'articles'\n\n[tool.factcheck]\nselect = [\n  'FC1',\n]\n"
     "severity = {FC202 = 'warning', FC101 = 'fatal'}\n",
     "pyproject.toml:8: [tool.factcheck] severity.FC101: expected one of error, warning, info"),
    ("pyproject.toml", "[tool.factcheck]\nselect = ['FC1']\n\n[[tool.factcheck.overrides]]\npaths = ['a/']\n\n"
     "[[tool.factcheck.overrides]]\npaths = ['b/']\n[tool.factcheck.overrides.severity]\n# a comment\n"
     "FC202 = 'fatal'\n",
     "pyproject.toml:11: [tool.factcheck] overrides[1].severity.FC202: expected one of"),
    ("pyproject.toml", "[tool.factcheck]\ndescription = '''\nselct = 1\n'''\n",
     "pyproject.toml:2: [tool.factcheck] description: unknown key"),
    ("pyproject.toml", "[tool.factcheck]\nselect = ['FC1']\n\n[[tool.factcheck.overrides]]\nignore = ['FC2']\n",
     "pyproject.toml:4: [tool.factcheck] overrides[0].paths: an override needs a list of path patterns"),
    (".factcheck.yaml", "# house rules\nselect: [FC1]\nseverity:\n  FC202: warning\n  FC101: fatal\n",
     ".factcheck.yaml:5: severity.FC101: expected one of error, warning, info"),
    (".factcheck.yaml", "select: [FC1]\nignore:\n  - FC202\n  - FC999\n",
     ".factcheck.yaml:4: ignore[1]: unknown rule FC999"),
])
def test_a_config_error_gives_the_line_of_the_key(cli, repo, name, body, message):
    _write(repo / name, body)
    code, out, err = cli("check", str(repo / "articles"))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert message in err, err


def test_explicit_config_file(cli, repo, tmp_path):
    elsewhere = _write(tmp_path / "strict.yaml", "severity: {FC202: info}\nfail-on: info\n")
    code, out, _ = cli("check", str(repo / "archive"), "--config", str(elsewhere), "--no-color")
    assert code == 1 and "info FC202" in out
    code, _, err = cli("check", str(repo / "archive"), "--config", str(tmp_path / "missing.toml"))
    assert code == 2 and "missing.toml: no such configuration file" in err


def test_find_config_stops_at_the_repository_top(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # outside a repository, the search goes up to the home folder
    _write(tmp_path / ".factcheck.yaml", "ignore: [FC202]\n")
    inner = tmp_path / "repo"
    (inner / ".git").mkdir(parents=True)
    (inner / "a.md").write_text("x", encoding="utf-8")
    assert find_config([inner / "a.md"]) is None
    shutil.rmtree(inner / ".git")
    assert find_config([inner / "a.md"]) == tmp_path / ".factcheck.yaml"
    _write(inner / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.factcheck]: not a config
    assert find_config([inner / "a.md"]) == tmp_path / ".factcheck.yaml"


def test_default_config_changes_nothing():
    from factcheck.rules import load_rules

    rules = load_rules()
    assert Config().rules_for(rules, "a.md") == rules


def test_rules_shows_the_configured_packs_selection_and_severities(cli, repo, monkeypatch):
    house_pack(repo)
    pyproject(repo, 'packs = ["house-rules"]\nselect = ["FC2", "FC9"]\nignore = ["FC201"]\n'
                    'severity = {FC202 = "warning"}\n')
    monkeypatch.chdir(repo / "articles")  # found upward from the current folder
    code, out, _ = cli("rules", "--format", "json")
    rows = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and rows["FC901"]["enabled"] and rows["FC901"]["pack"] == "house-rules"
    assert rows["FC202"] == {"code": "FC202", "name": "weekday-does-not-match-date", "check": "calendar",
                             "severity": "warning", "pack": "calendar", "default_severity": "error",
                             "enabled": True}
    assert not rows["FC201"]["enabled"] and not rows["FC101"]["enabled"]  # ignored; not selected
    code, out, _ = cli("rules")
    assert re.search(r"FC202\s+│\s*weekday-does-not-match-date\s+│\s*calendar\s+│\s*warning \(default error\)", out)
    assert re.search(r"FC101\s.*│\s*off\s*│", out) and re.search(r"FC901\s.*│\s*on\s*│", out)
    assert "configuration: " in out and "pyproject.toml" in out
    code, out, _ = cli("explain", "FC901")  # the config's packs are explained too
    assert code == 0 and out.startswith("FC901 house-weekday")
    code, out, _ = cli("rules", "--config", str(_write(repo / "other.yaml", "ignore: [FC202]\n")), "--format", "json")
    rows = {r["code"]: r for r in json.loads(out)}
    assert "FC901" not in rows and not rows["FC202"]["enabled"] and rows["FC101"]["enabled"]


def test_figures_reads_the_config_date_keys_and_reports_its_errors(cli, repo):
    article = repo / "articles/dated.md"
    article.write_text("---\npubDate: 2023-05-01\ndate: 2020-01-01\n---\nOn Monday, May 1, 2023.\n",
                       encoding="utf-8")
    code, out, _ = cli("figures", str(article), "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["published"] == "2020-01-01"  # no config: the defaults
    pyproject(repo, 'date-keys = ["pubDate"]\n')
    code, out, _ = cli("figures", str(article), "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["published"] == "2023-05-01"
    code, out, _ = cli("figures", str(article))
    assert "(published 2023-05-01)" in out
    pyproject(repo, 'date-keys = "pubDate"\nfail-on = "sometimes"\n')
    code, out, err = cli("figures", str(article))
    assert code == 2 and "pyproject.toml:6: [tool.factcheck] fail-on:" in err


def test_baseline_and_report_dir_in_the_config_are_used_and_the_command_line_wins(cli, repo, tmp_path):
    code, _, _ = cli("baseline", str(repo / "articles"), "-o", str(repo / ".factcheck-baseline.json"))
    assert code == 0
    pyproject(repo, 'baseline = ".factcheck-baseline.json"\nreport-dir = "build/reports"\n')
    code, out, _ = cli("check", str(repo / "articles"), "--format", "line")
    assert code == 0 and "1 finding already in the baseline" in out  # a note, on its own line
    assert " error FC" not in out  # the known finding is in the configured baseline
    assert "February 26, 2023" in (repo / "build/reports/factcheck-report.md").read_text(encoding="utf-8")
    from factcheck.baseline import SCHEMA

    (tmp_path / "empty.json").write_text(json.dumps({"schema": SCHEMA, "findings": []}), encoding="utf-8")
    code, out, _ = cli("check", str(repo / "articles"), "--format", "line", "--baseline", str(tmp_path / "empty.json"),
                       "--report-dir", str(tmp_path / "mine"))
    assert code == 1 and "FC202" in out and (tmp_path / "mine/factcheck-report.html").is_file()
