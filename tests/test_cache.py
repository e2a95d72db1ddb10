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
    monkeypatch.setattr(engine, "check_document", lambda doc, *_: pytest.fail(f"{doc.path} checked again"))
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
    monkeypatch.setattr(engine, "check_document", lambda doc, *rest: checked.append(doc.path) or real(doc, *rest))
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


# --- the cache is untrusted input: data, not code; checked before use ------------------------------------------

def _entry_parts(entry):
    head, _, payload = entry.read_bytes().partition(b"\n")
    return json.loads(head), payload


def test_entries_are_json_data_with_a_checksum(capsys, repo):
    run(capsys, "check", "--format", "json", str(repo))
    for entry in entries():
        header, payload = _entry_parts(entry)
        assert header["format"] == "factcheck-cache/2" and header["key"] == entry.stem
        assert header["sha256"] == __import__("hashlib").sha256(payload).hexdigest()
        assert json.loads(payload)["C"] == "FileReport"


@pytest.mark.parametrize("damage", ["tampered", "truncated", "retyped", "foreign-class", "swapped"])
def test_a_damaged_or_tampered_entry_is_ignored_and_rewritten(capsys, repo, damage):
    import hashlib

    first = run(capsys, "check", "--format", "json", str(repo))
    stored = entries()
    for n, entry in enumerate(stored):
        header, payload = _entry_parts(entry)
        if damage == "tampered":  # a finding's message changed, the checksum left as it was
            payload = payload.replace(b"was a Sunday", b"was a Monday")
        elif damage == "truncated":
            payload = payload[: len(payload) // 2]
        else:  # an attacker who recomputes the checksum: the content must still be a report
            if damage == "retyped":
                payload = payload.replace(b'"numeric_tokens":', b'"numeric_tokens":"many","x":', 1)
            elif damage == "foreign-class":
                payload = payload.replace(b'{"C":"Span"', b'{"C":"Rule"', 1)
            else:  # another file's entry under this key
                header["key"] = stored[(n + 1) % len(stored)].stem
            header["sha256"] = hashlib.sha256(payload).hexdigest()
        entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    assert run(capsys, "check", "--format", "json", str(repo)) == first
    for entry in entries():  # rewritten whole
        header, payload = _entry_parts(entry)
        assert header["key"] == entry.stem and header["sha256"] == hashlib.sha256(payload).hexdigest()


def test_a_planted_pickle_is_never_run(capsys, repo, tmp_path):
    import pickle

    run(capsys, "check", "--format", "json", str(repo))
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for entry in entries():
        entry.write_bytes(pickle.dumps(Payload()))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    code, _, _ = run(capsys, "check", "--format", "json", str(repo))
    assert code == 1 and not marker.exists()


def test_a_symlinked_entry_is_not_written_through(capsys, repo, tmp_path):
    run(capsys, "check", "--format", "json", str(repo))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    for entry in entries():
        entry.unlink()
        entry.symlink_to(victim)
    code, _, _ = run(capsys, "check", "--format", "json", str(repo))
    assert code == 1 and victim.read_text() == "keep me\n"


def test_no_temporary_files_are_left_even_when_a_write_is_interrupted(capsys, repo, monkeypatch):
    from factcheck import safe_write

    run(capsys, "check", "--format", "json", "--no-cache", str(repo))

    def interrupted(src, dst):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(safe_write.os, "replace", interrupted)
        code, _, err = run(capsys, "check", "--format", "json", "--jobs", "1", str(repo))
    assert code == 130 and err == "factcheck: interrupted\n"
    assert [p for p in cache_dir().rglob("*") if p.name.endswith(".tmp")] == []
    run(capsys, "check", "--format", "json", str(repo))
    assert [p for p in cache_dir().rglob("*") if p.name.endswith(".tmp")] == []
    assert len(entries()) == 3


def test_keys_do_not_depend_on_the_hash_seed(repo, tmp_path):
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from factcheck import engine; from factcheck.cache import Cache;"
              "rules = engine.default_rules(); c = Cache('2023-03-17', Path(sys.argv[1]));"
              "print(c.key('story.md', b'text', rules, ('published', 'date')))")
    keys = {subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "random")}
    assert len(keys) == 1 and len(keys.pop().strip()) == 64


@pytest.mark.parametrize("fmt", ["markdown", "html", "sarif", "github"])
def test_output_is_byte_identical_with_and_without_cache(capsys, repo, fmt):
    fresh = run(capsys, "check", "--format", fmt, "--no-cache", str(repo))
    run(capsys, "check", "--format", fmt, str(repo))  # fills the cache
    assert run(capsys, "check", "--format", fmt, str(repo)) == fresh


def test_a_fifo_planted_as_an_entry_does_not_block_the_run(capsys, repo):
    run(capsys, "check", "--format", "json", str(repo))
    for entry in entries():
        entry.unlink()
        os.mkfifo(entry)  # nobody writes to it: opening it for reading would wait forever
    code, out, _ = run(capsys, "check", "--format", "json", str(repo))
    assert code == 1 and json.loads(out)["summary"]["files"] == 3
