"""The result cache: a re-run on unchanged files gives the same output without checking them again."""

import json
import os

import pytest

from factcheck import engine
from factcheck.cache import cache_dir
from factcheck.cli import main

ARTICLE = """---
published: 2023-03-17
---
# Council

The council met on Friday, February 26, 2023, and again on February 30. Sales rose 5% to $10.5 million.
"""


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    for n in range(3):
        (root / f"story-{n}.md").write_text(ARTICLE, encoding="utf-8")
    return root


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def entries():
    return sorted(p for p in cache_dir().rglob("*.json"))


def listing(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "line", "rich"])
def test_a_cached_run_gives_byte_identical_output(capsys, repo, monkeypatch, fmt):
    first = run(capsys, "check", "--format", fmt, "--jobs", "1", str(repo))
    assert first[0] == 1 and entries()
    # from here on a real check fails the test: what still works is served from the cache
    monkeypatch.setattr(engine, "check_document", lambda doc, rules: pytest.fail(f"{doc.path} checked again"))
    assert run(capsys, "check", "--format", fmt, "--jobs", "1", str(repo)) == first
    assert run(capsys, "check", "--format", fmt, "--jobs", "2", str(repo)) == first


def test_the_cache_is_never_written_inside_the_checked_folder(capsys, repo):
    before = listing(repo)
    run(capsys, "check", "--format", "json", str(repo))
    run(capsys, "check", "--format", "json", str(repo))
    assert listing(repo) == before
    assert entries() and all(repo not in p.parents for p in entries())


def test_the_default_cache_is_the_platform_user_cache_dir(capsys, repo, tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    run(capsys, "check", "--format", "json", str(repo / "story-0.md"))
    assert list((tmp_path / "xdg" / "factcheck").rglob("*.json"))


def test_an_edited_file_is_checked_again(capsys, repo):
    code, out, _ = run(capsys, "check", "--format", "json", str(repo))
    assert code == 1
    story = repo / "story-1.md"
    story.write_text(ARTICLE.replace("Friday", "Sunday").replace("February 30", "February 28"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(repo))
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files[str(story)]["findings"] == []
    assert files[str(repo / "story-0.md")]["findings"]


def test_another_rule_set_is_not_served_from_the_cache(capsys, repo):
    run(capsys, "check", "--format", "json", str(repo))
    code, out, _ = run(capsys, "check", "--format", "json", "--select", "FC201", str(repo))
    rules = {f["rule"] for file in json.loads(out)["files"] for f in file["findings"]}
    assert rules == {"FC201"}


def test_another_publication_date_is_not_served_from_the_cache(capsys, repo):
    _, first, _ = run(capsys, "check", "--format", "json", str(repo))
    _, second, _ = run(capsys, "check", "--format", "json", "--published", "2024-01-02", str(repo))
    assert {f["published"] for f in json.loads(second)["files"]} == {"2024-01-02"}
    assert first != second


def test_no_cache_checks_again_and_writes_nothing(capsys, repo, monkeypatch):
    run(capsys, "check", "--format", "json", str(repo))
    stored = entries()
    checked = []
    real = engine.check_document
    monkeypatch.setattr(engine, "check_document", lambda doc, rules: checked.append(doc.path) or real(doc, rules))
    code, _, _ = run(capsys, "check", "--format", "json", "--no-cache", "--jobs", "1", str(repo))
    assert code == 1
    assert sorted(checked) == sorted(str(p) for p in repo.iterdir())
    assert entries() == stored


def test_a_damaged_cache_entry_is_a_miss_not_an_error(capsys, repo):
    first = run(capsys, "check", "--format", "json", str(repo))
    for entry in entries():
        entry.write_bytes(b"not an entry")
    assert run(capsys, "check", "--format", "json", str(repo)) == first
    assert all(p.read_bytes() != b"not an entry" for p in entries())


def test_an_unwritable_cache_does_not_stop_the_run(capsys, repo, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))
    code, out, err = run(capsys, "check", "--format", "json", str(repo))
    assert code == 1 and json.loads(out)["summary"]["files"] == 3 and err == ""
    assert os.path.isfile(blocker)
