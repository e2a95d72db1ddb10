"""The pre-commit hook, with the real pre-commit: a wrong article blocks the commit, a right one goes through."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
WRONG = "---\npublished: 2023-03-17\n---\n# Visit\n\nThe summit opened on Friday, February 26, 2023, in Moscow.\n"
RIGHT = WRONG.replace("Friday, February 26", "Sunday, February 26")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit and git"),
]


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                          env=env, capture_output=True, text=True)
    if args[0] != "commit":
        assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr if args[0] == "commit" else done.stdout.strip()


def commits(repo: Path) -> str:
    return subprocess.run(["git", "log", "--oneline"], cwd=repo, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This working tree as committed in a fresh git repository (pre-commit clones the hook repository)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    for rel in files:
        if (ROOT / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, repo / rel)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    return repo, git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def articles_repo(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> Path:
    repo = tmp_path / "articles"
    repo.mkdir()
    git(repo, "init", "-q")
    path, rev = hook_repo
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, check=True, capture_output=True)
    return repo


def commit(repo: Path, pre_commit_home: Path, name: str, text: str) -> tuple[bool, str]:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name, ".pre-commit-config.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
                           "commit", "-m", f"add {name}"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=900)
    return done.returncode == 0, done.stdout + done.stderr


def test_a_wrong_article_blocks_the_commit_and_a_right_one_passes(tmp_path, hook_repo, pre_commit_home):
    repo = articles_repo(tmp_path, hook_repo, pre_commit_home)
    ok, output = commit(repo, pre_commit_home, "wrong.md", WRONG)
    assert not ok, output
    assert "factcheck (check the figures in articles)" in output and "Failed" in output
    assert "wrong.md:6:22" in output and "FC202" in output, output
    assert "February 26, 2023 was a Sunday, not a Friday." in output
    assert "add wrong.md" not in commits(repo)

    git(repo, "rm", "-q", "--cached", "wrong.md")
    (repo / "wrong.md").unlink()
    ok, output = commit(repo, pre_commit_home, "right.md", RIGHT)
    assert ok, output
    assert "Passed" in output
    assert "add right.md" in commits(repo)


def test_the_hook_runs_only_on_articles(tmp_path, hook_repo, pre_commit_home):
    repo = articles_repo(tmp_path, hook_repo, pre_commit_home)
    ok, output = commit(repo, pre_commit_home, "notes.py", "print('Friday, February 26, 2023')\n")
    assert ok, output
    assert "(no files to check)Skipped" in output


@pytest.mark.parametrize("name", ["--report-dir=x.md", "--baseline=x.md"])
def test_a_committed_file_named_like_an_option_is_checked_not_obeyed(tmp_path, hook_repo, pre_commit_home, name):
    """The attack: a file name that pre-commit passes on would be an option (write reports anywhere, or read a
    baseline that hides every finding). The hook ends options with `--`, so it is an article like any other."""
    repo = articles_repo(tmp_path, hook_repo, pre_commit_home)
    (repo / "x.md").write_text('{"schema": "factcheck-baseline/1", "findings": []}\n', encoding="utf-8")
    (repo / name).write_text(WRONG, encoding="utf-8")
    git(repo, "add", "--", name, "x.md", ".pre-commit-config.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
                           "commit", "-m", "hostile"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert f"{name}:6:22" in output and "FC202" in output, output
    assert (repo / "x.md").is_file()  # not turned into a report folder
    assert "hostile" not in commits(repo)
