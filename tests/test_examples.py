"""The first minutes: the README's example output is real, a bare `factcheck` prints help, `-q` is `--quiet`."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_shows_the_example_articles_real_findings(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = re.search(r"\$ \.venv/bin/factcheck check examples/\n(.*?)```", README, re.S).group(1)
    code, out, _ = cli("check", "--format", "json", "examples/")
    findings = [f for file in json.loads(out)["files"] for f in file["findings"]]
    assert code == 1 and len(findings) == 3  # the three planted errors, nothing else
    assert len(re.findall(r"^examples/\S+:\d+:\d+ +\w+ FC\d+", shown, re.M)) == len(findings)
    for f in findings:
        assert f"examples/tram-line.md:{f['line']}:{f['column']}" in shown and f["rule"] in shown
        assert f["message"] in shown, f["message"]
    summary = json.loads(out)["summary"]
    assert re.search(rf"errors +{summary['errors']}\n", shown)
    assert re.search(rf"figures found +{summary['figures']}\n", shown)


def test_bare_factcheck_prints_help():
    done = subprocess.run([sys.executable, "-m", "factcheck.cli"], capture_output=True, text=True, timeout=60)
    code, out, err = done.returncode, done.stdout, done.stderr
    assert code == 0 and err == ""
    assert out.startswith("usage: factcheck") and all(c in out for c in ("check", "explain", "serve", "lsp"))


def test_q_is_quiet(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2023-03-17\n---\nThe summit opened on Friday, February 26, 2023.\n",
                       encoding="utf-8")
    short = cli("check", "-q", str(article))
    long = cli("check", "--quiet", str(article))
    loud = cli("check", str(article))
    assert short == long and short[0] == 1 and "FC202" in short[1]
    assert "Scorecard" in loud[1] and "Scorecard" not in short[1]


def test_serve_and_lsp_without_their_extra_say_how_to_install_it(cli, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("uvicorn", "pygls")
                        else real(name, *a))
    for command, extra in (("serve", "serve"), ("lsp", "lsp")):
        code, out, err = cli(command)
        assert code == 2 and err == f"factcheck: {command} needs the {extra} extra: pip install 'factcheck[{extra}]'\n"
