"""The result cache's size cap: past it, the least recently used entries go first (--cache-size, cache-size)."""

import time

import pytest

from factcheck import cache, engine
from factcheck.cli import main

STORY = """---
published: 2024-05-02
---
# {town} opens its new library

The library in {town} cost $12.5 million, 25% more than the $10 million first
planned, the council said on Wednesday, May 1, 2024.

"It was worth every cent," said the mayor, who added that 40,000 books had
been moved in over {days} days.
"""


@pytest.fixture
def stories(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cache, "CAP", cache.CAP)  # whatever a test's command line sets is undone after it
    (tmp_path / "news").mkdir()
    for n, town in enumerate(("Arles", "Bergen", "Cork", "Dundee")):
        (tmp_path / "news" / f"{town.lower()}.md").write_text(STORY.format(town=town, days=10 + n), encoding="utf-8")
    return tmp_path


def entries():
    return list(cache.Cache().directory.rglob("*.json"))  # the results, not the other tables cached beside them


def folder_bytes():
    return sum(p.stat().st_size for p in entries())


def check(*argv):
    time.sleep(0.05)  # each step's entries get a later modification time than the last step's
    assert main(["check", "--format", "json", "--jobs", "1", *argv]) in (0, 1)


def rechecked(monkeypatch, capsys, *paths):
    """Which of the files a run had to check again (not served from the cache)."""
    seen = []
    real = engine.check_document
    monkeypatch.setattr(engine, "check_document", lambda doc, *a: seen.append(doc.path) or real(doc, *a))
    check(*paths)
    monkeypatch.setattr(engine, "check_document", real)
    capsys.readouterr()
    return sorted(p.rsplit("/", 1)[-1] for p in seen)


def test_the_least_recently_used_entries_go_when_the_cap_is_passed(stories, monkeypatch, capsys):
    check("news/arles.md")
    size = folder_bytes()  # one entry's size (the stories are all alike)
    cap = f"{int(size * 3.5)}"  # three entries fit, four do not
    check("--cache-size", cap, "news/bergen.md")
    check("--cache-size", cap, "news/cork.md")
    assert len(entries()) == 3
    check("--cache-size", cap, "news/arles.md")  # read back from the cache: arles is now the most recently used
    check("--cache-size", cap, "news/dundee.md")  # over the cap: bergen, the least recently used, goes
    capsys.readouterr()
    assert len(entries()) == 3 and folder_bytes() <= int(cap)
    assert rechecked(monkeypatch, capsys, "--cache-size", "0", "news/arles.md", "news/cork.md",
                     "news/dundee.md") == []
    assert rechecked(monkeypatch, capsys, "--cache-size", "0", "news/bergen.md") == ["bergen.md"]


def test_no_cap_keeps_everything(stories, capsys):
    check("--cache-size", "0", "news")
    assert len(entries()) == 4


def test_the_configuration_sets_the_cap_and_the_flag_wins(stories, capsys):
    check("news/arles.md")
    size = folder_bytes()
    (stories / "news" / ".factcheck.yaml").write_text(f"cache-size: {int(size * 1.5)}\n", encoding="utf-8")
    check("news")
    assert len(entries()) == 1  # the cap from the configuration: one entry fits
    check("--cache-size", "10MB", "news")
    assert len(entries()) == 4


@pytest.mark.parametrize("value", ["lots", "-5", "[1]", "true"])
def test_a_bad_cache_size_in_the_configuration_is_one_line_naming_the_key(stories, capsys, value):
    (stories / "news" / ".factcheck.yaml").write_text(f"cache-size: {value}\n", encoding="utf-8")
    code = main(["check", "news"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1
    assert ".factcheck.yaml:1: cache-size: expected a size (bytes, or 500MB, 1GB)" in err


def test_a_bad_cache_size_flag_is_one_line(stories, capsys):
    code = main(["check", "--cache-size", "huge", "news"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "--cache-size" in err
