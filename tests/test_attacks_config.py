"""A hostile repository's configuration and rule packs, tried as an attacker would: each test crosses one boundary.

The README's "Threat model" lists the boundaries; these are the configuration's and the rule packs'.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.config import find_config

SECRET = "ghp_R3dTeamT0kenZz9QxWvUuTtSsRrQqPpOoNn"  # looks like a GitHub token; must never reach a log
ARTICLE = (
    "---\r\npublished: 2023-03-17\r\n---\r\n"
    "# Summit ends without a deal\r\n\r\n"
    "The summit opened on Friday, February 26, 2023, in Moscow, and the talks\r\n"
    "ran late into the night.\r\n\r\n"
    '"We came a long way," one delegate said, declining to be named.\r\n'
)
HOUSE_RULE = ("id: FC950\nname: house-weekday\ncheck: calendar\nseverity: warning\n"
              "message: \"{stated} is not the weekday of {date}\"\nparams:\n  test: weekday-mismatch\n")


@pytest.fixture
def repo(tmp_path):
    """A newsroom repository (its .git folder, one article) with a folder of private files beside it."""
    root = tmp_path / "newsroom"
    (root / ".git").mkdir(parents=True)
    (root / "articles").mkdir()
    (root / "articles/summit.md").write_text(ARTICLE, encoding="utf-8", newline="")
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "creds.yml").write_text(f"id: FC951\nname: creds\ncheck: total\nseverity: {SECRET}\nmessage: x\n",
                                       encoding="utf-8")
    (outside / "rates.csv").write_text(f"Date,USD\n2023-01-02,{SECRET}\n", encoding="utf-8")
    return root


def _config(repo: Path, form: str, key: str, value: str) -> Path:
    if form == "toml":
        if key == "packs":
            body = f"packs = [{value!r}]\n"
        else:
            body = f"{key} = {value!r}\n"
        path = repo / "pyproject.toml"
        path.write_text(f"[project]\nname = 'newsroom'\n\n[tool.factcheck]\n{body}", encoding="utf-8")
    else:
        body = f"packs:\n  - {value!r}\n" if key == "packs" else f"{key}: {value!r}\n"
        path = repo / ".factcheck.yaml"
        path.write_text(f"# the newsroom's settings\n{body}", encoding="utf-8")
    return path


def _one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2 and out == "", (code, out, err)
    assert len(err.strip().splitlines()) == 1 and err.startswith("factcheck: "), err
    assert "Traceback" not in err and "internal error" not in err, err
    return err


# --- 1. paths in a configuration file stay inside its repository -------------------------------------------------

ESCAPES = {
    "absolute": lambda repo, target: str(target),
    "dotdot": lambda repo, target: os.path.relpath(target, repo),
    "symlink": lambda repo, target: _link(repo / "shared", target.parent) + "/" + target.name,
}
TARGETS = {"packs": "", "baseline": "baseline.json", "report-dir": "reports", "rates": "rates.csv"}
WHY = {"absolute": "an absolute path", "dotdot": "'..' leads out of the repository",
       "symlink": "a symbolic link leads out of the repository"}


def _link(link: Path, target: Path) -> str:
    link.symlink_to(target, target_is_directory=target.is_dir())
    return link.name


@pytest.mark.parametrize("form", ["toml", "yaml"])
@pytest.mark.parametrize("key", sorted(TARGETS))
@pytest.mark.parametrize("escape", sorted(ESCAPES))
def test_a_config_path_that_leaves_the_repository_is_refused_unread(cli, repo, form, key, escape):
    outside = repo.parent / "private"
    target = outside / TARGETS[key] if TARGETS[key] else outside
    config = _config(repo, form, key, ESCAPES[escape](repo, target))
    err = _one_line_error(*cli("check", str(repo / "articles"), "--format", "line"))
    shown_key = f"{key}[0]" if key == "packs" else key
    assert f"{config}:" in err and f" {shown_key}: " in err and WHY[escape] in err and "not read" in err, err
    assert SECRET not in err
    assert not (outside / "reports").exists() and not (outside / "baseline.json").exists()


def test_a_refused_path_is_not_even_opened(repo, tmp_path):
    """A FIFO as the target: opening it would block the run, so finishing at all shows nothing read it."""
    fifo = repo.parent / "private" / "pipe.csv"
    os.mkfifo(fifo)
    _config(repo, "toml", "rates", "../private/pipe.csv")
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--no-cache", str(repo / "articles")],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 2 and "rates: '..' leads out of the repository" in done.stderr, done.stderr


def test_config_paths_inside_the_repository_are_resolved_and_used(cli, repo):
    (repo / "house").mkdir()
    (repo / "house/FC950-house-weekday.yml").write_text(HOUSE_RULE, encoding="utf-8")
    (repo / "rules").symlink_to("house", target_is_directory=True)  # a link that stays inside is fine
    (repo / "config").mkdir()
    (repo / "data").mkdir(exist_ok=True)
    (repo / "data/ecb.csv").write_text("Date,USD,GBP,\n2023-03-16,1.0600,0.8760,\n", encoding="utf-8")  # ECB layout
    (repo / "config/pyproject.toml").write_text(
        '[tool.factcheck]\npacks = ["../rules"]\nreport-dir = "../build/reports"\nrates = "../data/ecb.csv"\n',
        encoding="utf-8")
    code, out, err = cli("check", str(repo / "articles"), "--config", str(repo / "config/pyproject.toml"),
                         "--format", "line")
    assert code == 1 and "FC950" in out and "FC202" in out, (out, err)
    assert (repo / "build/reports/factcheck-report.md").is_file()  # report-dir from the file, made inside
    from factcheck.config import load_config

    config = load_config(repo / "config/pyproject.toml")
    assert config.packs == (str((repo / "house").resolve()),)
    assert config.rates == str((repo / "data/ecb.csv").resolve())  # resolved, for the rates loader to open


def test_outside_a_repository_paths_stay_in_the_config_files_folder(cli, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    (folder / ".factcheck.yaml").write_text("packs: [../elsewhere]\n", encoding="utf-8")
    err = _one_line_error(*cli("check", str(folder / "a.md"), "--config", str(folder / ".factcheck.yaml")))
    assert "packs[0]: '..' leads out of the configuration file's folder" in err, err


def test_the_command_line_may_name_packs_and_configs_anywhere(cli, repo, tmp_path):
    elsewhere = tmp_path / "my-rules"
    elsewhere.mkdir()
    (elsewhere / "FC950-house-weekday.yml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("packs: [my-rules]\nseverity: {FC950: info}\n", encoding="utf-8")
    code, out, _ = cli("check", str(repo / "articles"), "--rules", str(elsewhere), "--format", "line")
    assert code == 1 and "FC950" in out
    code, out, _ = cli("check", str(repo / "articles"), "--config", str(tmp_path / "mine.yaml"), "--format", "json")
    assert '"rule": "FC950"' in out and '"severity": "info"' in out


def test_a_symlink_in_a_pack_folder_that_leads_out_is_not_loaded(cli, repo):
    (repo / "house").mkdir()
    (repo / "house/FC950-house-weekday.yml").write_text(HOUSE_RULE, encoding="utf-8")
    (repo / "house/FC951-creds.yml").symlink_to(repo.parent / "private/creds.yml")
    _config(repo, "toml", "packs", "house")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert "FC951-creds.yml: a symbolic link leads out of the repository; not read" in err and SECRET not in err
    (repo / "house/FC951-creds.yml").unlink()
    (repo / "shared").mkdir()  # a link to a rule elsewhere in the repository is read
    (repo / "shared/FC952-desk-weekday.yml").write_text(HOUSE_RULE.replace("FC950", "FC952").replace(
        "house-weekday", "desk-weekday"), encoding="utf-8")
    (repo / "house/FC952-desk-weekday.yml").symlink_to("../shared/FC952-desk-weekday.yml")
    code, out, _ = cli("check", str(repo / "articles"), "--format", "line")
    assert code == 1 and "FC950" in out and "FC952" in out


def test_a_pack_passed_with_rules_keeps_its_links_inside_it(cli, repo, tmp_path):
    pack = tmp_path / "downloaded-pack"
    pack.mkdir()
    (pack / "FC951-creds.yml").symlink_to(repo.parent / "private/creds.yml")
    err = _one_line_error(*cli("check", str(repo / "articles"), "--rules", str(pack)))
    assert "a symbolic link leads out of the rule pack folder; not read" in err and SECRET not in err


def test_a_symlinked_config_file_that_leads_out_is_not_read(cli, repo):
    (repo.parent / "private/settings.yaml").write_text(f"fail-on: {SECRET}\n", encoding="utf-8")
    (repo / ".factcheck.yaml").symlink_to(repo.parent / "private/settings.yaml")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert ".factcheck.yaml: a symbolic link leads out of the repository" in err and SECRET not in err


# --- 2. errors about packs and config files quote no values ----------------------------------------------------

RULE = {"id": "FC951", "name": "house-rule", "check": "total", "severity": "error", "message": "x",
        "params": "\n  test: parts"}
BROKEN_RULES = {
    "id": {"id": SECRET}, "name": {"name": SECRET}, "check": {"check": SECRET}, "severity": {"severity": SECRET},
    "message-field": {"message": f"{{{SECRET}.x}}"}, "fix": {"fix": f"[{SECRET}]"},
    "description": {"description": f"{{a: {SECRET}}}"}, "unknown-field": {SECRET: "x"},
    "params": {"params": SECRET}, "param-name": {"params": f"\n  test: parts\n  {SECRET}: 1"},
    "param-value": {"params": f"\n  test: {SECRET}"},
    "calendar-test": {"check": "calendar", "params": f"{{test: {SECRET}}}"},
    "bounds": {"check": "bounds", "params": f"{{max: {SECRET}, source: x}}"},
    "bounds-words": {"check": "bounds", "params": f"{{max: 1, source: x, subjects: {SECRET}}}"},
    "bounds-attrs": {"check": "bounds", "params": f"{{max: 1, source: x, attrs: [{SECRET}]}}"},
    "conversion": {"check": "conversion", "params": f"{{test: unit, tolerance: {SECRET}}}"},
    "market-rate": {"check": "market_rate", "params": f"{{tolerance: {SECRET}, source: x}}"},
    "expression-same": {"check": "expression", "params": f"{{same: [{SECRET}]}}"},
    "expression-name": {"check": "expression", "params": f"{{select: {{'{SECRET}!': {{kind: money}}}}, assert: x}}"},
    "expression-regex": {"check": "expression",
                         "params": f"{{select: {{a: {{subject: '({SECRET}'}}}}, assert: a > 1}}"},
    "expression-assert": {"check": "expression",
                          "params": f"{{select: {{a: {{kind: money}}}}, assert: 'a > {SECRET}'}}"},
    "expression-syntax": {"check": "expression",
                          "params": f"{{select: {{a: {{kind: money}}}}, assert: 'a > \"{SECRET}'}}"},
    "expression-string": {"check": "expression",
                          "params": f"{{select: {{a: {{kind: money}}}}, assert: 'a > \"{SECRET}\"'}}"},
    "expression-scope": {"check": "expression", "params": f"{{select: {{a: {{kind: money}}}}, scope: {SECRET}}}"},
    "yaml-tag": {"severity": f"!{SECRET} error"}, "yaml-unclosed": {"severity": f"\"{SECRET}"},
    "yaml-tab": {"severity": f"error\n\t{SECRET}: 1"}, "yaml-date": {"fix": "2023-02-30"},
    "yaml-alias": {"params": f"\n  test: &{SECRET} parts\n  more: *{SECRET}"},
}


def _rule_text(change: dict) -> str:
    fields = {**RULE, **change}
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


@pytest.mark.parametrize("case", sorted(BROKEN_RULES))
@pytest.mark.parametrize("where", ["inside", "outside"])
def test_a_broken_rule_pack_error_quotes_no_value(cli, repo, case, where):
    folder = repo / "house" if where == "inside" else repo.parent / "private" / "pack"
    folder.mkdir()
    pack = folder / "FC951-house-rule.yml"
    pack.write_text(_rule_text(BROKEN_RULES[case]), encoding="utf-8")
    if where == "inside":
        _config(repo, "yaml", "packs", "house")
        result = cli("check", str(repo / "articles"))
    else:  # the user's own --rules: still quoted nowhere, in case the file holds what it should not
        result = cli("check", str(repo / "articles"), "--rules", str(folder))
    err = _one_line_error(*result)
    assert f"{pack}:" in err and SECRET not in err and SECRET.lower() not in err.lower(), err


BROKEN_CONFIGS = {
    "fail-on": f"fail-on: {SECRET}", "severity-level": f"severity: {{FC202: {SECRET}}}",
    "severity-rule": f"severity: {{{SECRET}: warning}}", "select": f"select: [{SECRET}]",
    "ignore": f"ignore: [FC1, {SECRET}]", "unknown-key": f"{SECRET}: 1", "params-rule": f"params: {{{SECRET}: {{}}}}",
    "params-name": f"params: {{FC402: {{{SECRET}: 1}}}}", "params-value": f"params: {{FC402: {{max: {SECRET}}}}}",
    "params-test": f"params: {{FC202: {{test: {SECRET}}}}}", "packs": f"packs: {{{SECRET}: 1}}",
    "packs-absolute": f"packs: [/{SECRET}]", "baseline": f"baseline: [{SECRET}]", "rates": f"rates: ../{SECRET}",
    "report-dir": f"report-dir: /tmp/{SECRET}", "overrides": f"overrides: [{{paths: [a/], {SECRET}: 1}}]",
    "date-keys": f"date-keys: {{{SECRET}: 1}}", "yaml-tag": f"fail-on: !!python/name:{SECRET} x",
    "yaml-syntax": f"fail-on: \"{SECRET}", "yaml-tab": f"select:\n\t{SECRET}",
    "toml-syntax": f"[tool.factcheck]\nfail-on = {SECRET}", "toml-key": f"[tool.factcheck]\n{SECRET} = 1",
    "toml-twice": f"[tool.factcheck]\n{SECRET} = 1\n{SECRET} = 2",
    "toml-char": f"[tool.factcheck]\nselect = ['a']\n{SECRET}\x01 = 1",
}


@pytest.mark.parametrize("case", sorted(BROKEN_CONFIGS))
def test_a_broken_config_error_quotes_no_value(cli, repo, case):
    body = BROKEN_CONFIGS[case]
    config = repo / ("pyproject.toml" if case.startswith("toml") else ".factcheck.yaml")
    config.write_text(body + "\n", encoding="utf-8")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert f"{config}" in err and SECRET not in err, err


def test_a_config_names_the_key_when_it_looks_like_a_word_and_says_what_was_expected(cli, repo):
    (repo / ".factcheck.yaml").write_text("select: [FC1]\nseverty:\n  FC202: warning\n", encoding="utf-8")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert ".factcheck.yaml:2: severty: unknown key (expected one of select, ignore, packs" in err
    (repo / ".factcheck.yaml").write_text(f"select: [FC1]\n{SECRET}: 1\n", encoding="utf-8")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert ".factcheck.yaml:2: <key>: unknown key (expected one of select" in err


# --- 3. configuration as untrusted input -----------------------------------------------------------------------


def _bomb(depth: int = 9) -> str:
    text = "params:\n  FC402:\n    a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, depth):
        text += f"    {chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]\n"
    return text


HOSTILE = {
    ".factcheck.yaml alias bomb": (".factcheck.yaml", _bomb(), ":4: anchors and aliases are not allowed"),
    ".factcheck.yaml nested": (".factcheck.yaml", "select: " + "[" * 200_000 + "]" * 200_000 + "\n",
                               ":1: not valid YAML: exceeded maximum nesting depth"),
    ".factcheck.yaml oversized": (".factcheck.yaml", "# notes\n" * 400_000, ":1: larger than 1048576 bytes"),
    "pyproject oversized": ("pyproject.toml", "[tool.factcheck]\n" + "# notes\n" * 400_000,
                            ":1: larger than 1048576 bytes"),
    "pyproject nested": ("pyproject.toml", "[tool.factcheck]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n",
                         "not valid TOML"),
    "pack alias bomb": ("house/FC951-house-rule.yml", _rule_text({}) + _bomb().replace("params:\n  FC402:\n", "x:\n"),
                        "anchors and aliases are not allowed"),
    "pack nested": ("house/FC951-house-rule.yml", _rule_text({"params": "[" * 200_000 + "]" * 200_000}),
                    "exceeded maximum nesting depth"),
    "pack nested 40 deep": ("house/FC951-house-rule.yml", _rule_text({"params": "[" * 40 + "]" * 40}),
                            ":6: nested more than 32 levels deep"),
    "config nested 40 deep": (".factcheck.yaml", "select: " + "[" * 40 + "]" * 40 + "\n",
                              ":1: nested more than 32 levels deep"),
    "pack oversized": ("house/FC951-house-rule.yml", _rule_text({}) + "# notes\n" * 400_000, "larger than"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_yaml_and_toml_are_refused_quickly(repo, tmp_path, case):
    name, text, says = HOSTILE[case]
    (repo / name).parent.mkdir(exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    if name.startswith("house/"):
        (repo / ".factcheck.yaml").write_text("packs: [house]\n", encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--no-cache", str(repo / "articles")],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(tmp_path)})
    seconds = time.monotonic() - start  # measured, not asserted: the timeout above is the only limit
    print(f"{case}: refused in {seconds:.2f} s (with interpreter start)")
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.splitlines()) == 1, done.stderr
    assert f"{repo / name}" in done.stderr and says in done.stderr, done.stderr


def test_config_lookup_stops_at_the_repository_top_and_the_home_folder(tmp_path, monkeypatch):
    looked: list[Path] = []
    is_file = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda self: looked.append(self) or is_file(self))
    home = tmp_path / "home" / "reporter"
    (home / "drafts").mkdir(parents=True)
    (home / "drafts/a.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "home/.factcheck.yaml").write_text("ignore: [FC202]\n", encoding="utf-8")  # above home: not read
    assert find_config([home / "drafts/a.md"]) is None
    assert {p.parent for p in looked} == {home / "drafts", home}
    (home / ".factcheck.yaml").write_text("ignore: [FC202]\n", encoding="utf-8")  # the user's own: read
    assert find_config([home / "drafts/a.md"]) == home / ".factcheck.yaml"
    (home / "drafts/.git").mkdir()  # a repository: its top is the last folder looked in
    assert find_config([home / "drafts/a.md"]) is None
    elsewhere = tmp_path / "srv" / "articles"  # outside both: its own folder only
    elsewhere.mkdir(parents=True)
    (tmp_path / "srv/.factcheck.yaml").write_text("ignore: [FC202]\n", encoding="utf-8")
    looked.clear()
    assert find_config([elsewhere]) is None and {p.parent for p in looked} == {elsewhere}
    looked.clear()
    assert find_config([Path("/")]) is None and looked == []  # never the filesystem's root, outside a repository


WRONG_TYPES = ["null", "true", "''", "'130'", "[]", "[130, null]", "{}", "{a: [{}]}", "2023-02-28", "x" * 300]


@pytest.mark.parametrize("value", ["130", "-1", "1.0e+308", "0x82", ".inf"])
def test_a_number_of_any_size_is_a_number(cli, repo, value):
    (repo / ".factcheck.yaml").write_text(f"params:\n  FC402:\n    max: {value}\n", encoding="utf-8")
    code, _, err = cli("check", str(repo / "articles"))
    assert code in (0, 1) and err == "", err


@pytest.mark.parametrize("value", WRONG_TYPES)
def test_a_parameter_of_the_wrong_type_is_a_config_error_with_file_and_line(cli, repo, value):
    (repo / ".factcheck.yaml").write_text(f"# house settings\nparams:\n  FC402:\n    max: {value}\n",
                                          encoding="utf-8")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert ".factcheck.yaml:3: params.FC402: max: expected a number" in err, err


@pytest.mark.parametrize(("template", "says"), [
    ("{stated.__class__}", "plain {field}"), ("{stated[0]}", "plain {field}"), ("{stated!r}", "plain {field}"),
    ("{stated:>99999}", "plain {field}"), ("{0}", "plain {field}"), ("{}", "plain {field}"),
    ("{stated", "unbalanced braces"), ("stated}", "unbalanced braces"),
])
def test_a_message_template_may_use_plain_field_names_only(cli, repo, template, says):
    (repo / "house").mkdir()
    rule = HOUSE_RULE.replace('"{stated} is not the weekday of {date}"', repr(template))
    (repo / "house/FC950-house-weekday.yml").write_text(rule, encoding="utf-8")
    _config(repo, "yaml", "packs", "house")
    err = _one_line_error(*cli("check", str(repo / "articles")))
    assert "FC950-house-weekday.yml:5: message: " in err and says in err, err


# --- every rule's params, fuzzed: accepted, or a one-line configuration error; never an internal error ----------

CASES = Path(__file__).parent / "rules"
PARAM_NAMES = ["assert", "attrs", "except_wholes", "kind", "kinds", "max", "min", "min_parts", "role", "rounding",
               "same", "scope", "select", "source", "subjects", "test", "tolerance", "unit"]


def _values():
    from hypothesis import strategies as st

    scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates()
               | st.sampled_from(["parts", "weekday-mismatch", "unit", "money", "age", "sentence", "a > 1", "FC1"]))
    keys = st.sampled_from(["a", "kind", "subject", "of_person", "x"])
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
                        max_leaves=6)


@pytest.fixture(scope="module")
def every_case():
    """One long article made of every rule's failing cases, its figures extracted once."""
    import yaml

    from factcheck import document
    from factcheck.extract import extract

    texts = [case["text"] for path in sorted(CASES.glob("FC*.yml"))
             for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"] if case["fail"]]
    doc = document.from_text("\n\n".join(texts), fmt="txt", path="cases.txt", published="2023-03-17")
    return doc, extract(doc)


def test_any_param_value_for_any_rule_is_used_or_refused_in_one_line(every_case):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from factcheck.checks import KINDS, CheckContext
    from factcheck.config import parse_config
    from factcheck.engine import _finding
    from factcheck.errors import ConfigError
    from factcheck.rules import load_rules

    rules = load_rules()
    doc, figures = every_case

    @settings(max_examples=int(os.environ.get("FACTCHECK_EXAMPLES", "300")), deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(rules), st.data())
    def attempt(rule, data):  # one of the rule's own params (or one its check kind knows) set to anything
        name = data.draw(st.sampled_from(sorted(rule.params) + PARAM_NAMES), label="name")
        params = {name: data.draw(_values(), label="value")}
        config = parse_config({"params": {rule.id: params}}, "pyproject.toml", lines={f"params.{rule.id}": 9})
        try:
            config.validate(rules)
        except ConfigError as exc:
            assert str(exc).startswith(f"pyproject.toml:9: [tool.factcheck] params.{rule.id}: "), exc
            assert "\n" not in str(exc)
            return
        adjusted = next(r for r in config.rules_for(rules) if r.id == rule.id)
        for hit in KINDS[adjusted.check].run(adjusted, CheckContext(doc=doc, figures=figures, published=doc.published)):
            _finding(adjusted, hit)

    attempt()
