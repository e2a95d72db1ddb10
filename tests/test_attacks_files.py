"""Attacks on the files factcheck writes and reads: option-like names, symbolic links, FIFOs, failed writes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import baseline as baseline_module
from factcheck.cli import main

ARTICLE = """---
published: 2023-03-17
---
# Council approves the harbour budget

The council met on Friday, February 26, 2023, to vote on the harbour plan. "We have waited
long enough," the mayor said after the vote.

Spending rose 5% to $10.5 million, the treasurer said, and the work starts in April.
"""
VICTIM = "a file the attacker wants overwritten\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str, *words: str) -> bool:
    return len(err.strip().splitlines()) == 1 and err.startswith("factcheck: ") and all(w in err for w in words)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A hostile article repository, the current folder, and a victim file outside it."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "story.md").write_text(ARTICLE, encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text(VICTIM, encoding="utf-8")
    monkeypatch.chdir(root)
    return root, victim


# --- option-like names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["--report-dir=x.md", "--baseline=x.md", "--format=sarif.md", "-j0.md"])
def test_a_file_named_like_an_option_after_double_dash_is_an_article(capsys, repo, name):
    root, _ = repo
    (root / name).write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "line", "--no-cache", "--", name, "story.md")
    assert code == 1, err
    assert f"{name}:6:20: error FC202" in out and "story.md:6:20: error FC202" in out
    assert not (root / "x.md").exists() and err == ""


def test_every_argument_after_double_dash_is_a_path(capsys, repo):
    code, out, err = run(capsys, "check", "--format", "line", "--", "story.md", "--jobs", "1")
    assert code == 2 and out == ""
    assert one_line_error(err, "--jobs: no such file or folder")


# --- writes never follow symbolic links ------------------------------------------------------------------------

def test_a_symlinked_report_dir_is_refused(capsys, repo, tmp_path):
    root, _ = repo
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "reports").symlink_to(elsewhere)
    code, out, err = run(capsys, "check", "--no-cache", "--report-dir", "reports", "story.md")
    assert code == 2 and out == ""
    assert one_line_error(err, "--report-dir", "symbolic link")
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("name", ["factcheck-report.md", "factcheck-report.html"])
def test_a_symlinked_report_file_is_refused_and_its_target_kept(capsys, repo, name):
    root, victim = repo
    (root / "reports").mkdir()
    (root / "reports" / name).symlink_to(victim)
    code, out, err = run(capsys, "check", "--no-cache", "--report-dir", "reports", "story.md")
    assert code == 2 and out == ""
    assert one_line_error(err, "--report-dir", name, "symbolic link")
    assert victim.read_text(encoding="utf-8") == VICTIM


def test_the_report_dir_is_written_and_rewritten_without_temporary_files(capsys, repo):
    root, _ = repo
    for _ in range(2):
        code, _, err = run(capsys, "check", "--no-cache", "--format", "json", "--report-dir", "reports", "story.md")
        assert code == 1 and err == ""
    assert sorted(p.name for p in (root / "reports").iterdir()) == ["factcheck-report.html", "factcheck-report.md"]
    assert "February 26, 2023 was a Sunday" in (root / "reports" / "factcheck-report.md").read_text(encoding="utf-8")


def test_a_symlinked_baseline_output_is_refused_and_its_target_kept(capsys, repo):
    root, victim = repo
    (root / ".factcheck-baseline.json").symlink_to(victim)
    code, out, err = run(capsys, "baseline", "--no-cache", "story.md")
    assert code == 2 and out == ""
    assert one_line_error(err, "--output", "symbolic link")
    assert victim.read_text(encoding="utf-8") == VICTIM


def test_a_dangling_symlink_as_baseline_output_creates_nothing(capsys, repo, tmp_path):
    root, _ = repo
    (root / "base.json").symlink_to(tmp_path / "created-by-attacker.json")
    code, _, err = run(capsys, "baseline", "--no-cache", "-o", "base.json", "story.md")
    assert code == 2 and one_line_error(err, "symbolic link")
    assert not (tmp_path / "created-by-attacker.json").exists()


def test_a_baseline_output_that_is_a_folder_is_refused(capsys, repo):
    root, _ = repo
    (root / "base.json").mkdir()
    code, _, err = run(capsys, "baseline", "--no-cache", "-o", "base.json", "story.md")
    assert code == 2 and one_line_error(err, "--output", "not a regular file")


def test_a_failed_baseline_write_leaves_the_old_baseline_intact(repo, tmp_path):
    """A real failure: the file size limit (RLIMIT_FSIZE) is below the new baseline's size."""
    resource = pytest.importorskip("resource")
    import signal

    root, _ = repo
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    subprocess.run([*factcheck, "baseline", "--no-cache", "story.md"], cwd=root, env=env, check=True,
                   capture_output=True)
    old = (root / ".factcheck-baseline.json").read_bytes()
    for n in range(30):  # many more findings: a bigger baseline
        (root / f"more-{n}.md").write_text(ARTICLE, encoding="utf-8")

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(old) + 100, len(old) + 100))

    done = subprocess.run([*factcheck, "baseline", "--no-cache", "."], cwd=root, env=env, capture_output=True,
                          text=True, preexec_fn=limited)
    assert done.returncode == 2, done.stderr
    assert one_line_error(done.stderr, "--output: cannot write .factcheck-baseline.json")
    assert (root / ".factcheck-baseline.json").read_bytes() == old
    assert [p.name for p in root.iterdir() if p.name.startswith(".factcheck-") and p.name.endswith(".tmp")] == []


# --- reads: --baseline refuses what is not a regular file of sane size -----------------------------------------

def test_baseline_input_that_is_a_fifo_is_refused_at_once(repo, tmp_path):
    root, _ = repo
    os.mkfifo(root / "base.json")  # nobody ever writes to it: reading it would block forever
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--no-cache", "--baseline", "base.json",
                           "story.md"], cwd=root, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 2 and done.stdout == ""
    assert one_line_error(done.stderr, "base.json", "not a regular file")


@pytest.mark.parametrize("target", ["/dev/zero", "folder"])
def test_baseline_input_that_is_a_device_or_folder_is_refused(capsys, repo, target):
    root, _ = repo
    (root / "folder").mkdir()
    code, out, err = run(capsys, "check", "--no-cache", "--baseline", target, "story.md")
    assert code == 2 and out == ""
    assert one_line_error(err, target, "not a regular file")


def test_an_oversized_baseline_is_refused_unread(capsys, repo, monkeypatch):
    root, _ = repo
    with open(root / "huge.json", "wb") as fh:  # sparse: big on paper, nothing on disk
        fh.truncate(baseline_module.MAX_SIZE + 1)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    code, out, err = run(capsys, "check", "--no-cache", "--baseline", "huge.json", "story.md")
    assert code == 2 and out == ""
    assert one_line_error(err, "huge.json", "over 64 MB")
    assert not any(name.endswith("huge.json") for name in opened)


# --- symbolic links among the articles -------------------------------------------------------------------------

@pytest.fixture
def linked(repo, tmp_path):
    """An article outside the repository, linked into it by name and from a sub-folder."""
    root, _ = repo
    secret = tmp_path / "outside.md"
    secret.write_text(ARTICLE.replace("harbour", "secret"), encoding="utf-8")
    (root / "link.md").symlink_to(secret)
    (root / "sub").mkdir()
    (root / "sub" / "deep.md").symlink_to(secret)
    return root


@pytest.mark.parametrize("paths", [["link.md"], ["."], ["sub"]])
def test_symlinked_articles_are_skipped_with_a_note(capsys, linked, paths):
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", *paths)
    files = {f["path"]: f for f in json.loads(out)["files"]}
    links = [p for p in files if p.endswith(("link.md", "deep.md"))]
    assert links
    for path in links:
        assert files[path]["figures"] == [] and "symbolic link" in files[path]["notes"][0]
        assert "--follow-symlinks" in files[path]["notes"][0]
        assert f"factcheck: warning: {path}: not checked: a symbolic link" in err
    assert "secret" not in out


def test_follow_symlinks_checks_them(capsys, linked):
    code, out, err = run(capsys, "check", "--format", "json", "--no-cache", "--follow-symlinks", ".")
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert code == 1 and err == ""
    assert {f["rule"] for f in files["link.md"]["findings"]} == {"FC202"}
    assert {f["rule"] for f in files[os.path.join("sub", "deep.md")]["findings"]} == {"FC202"}


def test_a_symlinked_folder_inside_a_checked_folder_is_not_entered(capsys, repo, tmp_path):
    root, _ = repo
    outside = tmp_path / "outside-folder"
    outside.mkdir()
    (outside / "private.md").write_text(ARTICLE, encoding="utf-8")
    (root / "linked-folder").symlink_to(outside)
    code, out, _ = run(capsys, "check", "--format", "json", "--no-cache", ".")
    assert [f["path"] for f in json.loads(out)["files"]] == ["story.md"]


# --- the hook itself runs with a name that looks like an option ------------------------------------------------

def test_the_hook_entry_ends_options():
    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["entry"].split()[-1] == "--"
