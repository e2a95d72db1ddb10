"""Install paths as the README writes them: the composite action and the local pre-commit hook."""

import re
import shlex
from pathlib import Path

import yaml

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_action_runs_the_check_the_cli_accepts_with_its_default_inputs(tmp_path, capsys):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    step = action["runs"]["steps"][-1]
    defaults = {f"FACTCHECK_{k.upper().replace('-', '_')}": v["default"] for k, v in action["inputs"].items()}
    env = {name: defaults[ref] for name, ref in
           ((n, re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: f"FACTCHECK_{m[1].upper().replace('-', '_')}", v))
            for n, v in step["env"].items())}
    article = tmp_path / "wrong.md"
    article.write_text("---\ndate: 2025-03-04\n---\nThe bridge opened on Tuesday, March 5, 2025.\n", encoding="utf-8")
    env["FACTCHECK_PATHS"] = str(article)
    argv = shlex.split(re.sub(r"\$(\w+)", lambda m: env[m[1]], step["run"]))
    assert argv[:2] == ["factcheck", "check"]
    code = main(argv[1:])
    out = capsys.readouterr().out
    assert code == 1 and "FC202" in out and "::error" in out  # github annotations, the step fails on the error


def test_the_readme_local_hook_is_the_published_hook():
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repo: local" in b)
    local = yaml.safe_load(block)["repos"][0]["hooks"][0]
    assert local["entry"] == hook["entry"] and local["language"] == hook["language"]
    assert local["types_or"] == hook["types_or"] and local["require_serial"] is True
    assert any("factcheck" in d for d in local["additional_dependencies"])
