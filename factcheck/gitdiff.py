"""--diff REV: the lines of each file changed since a git revision, as the real git reports them."""

from __future__ import annotations

import codecs
import dataclasses
import re
import subprocess
from pathlib import Path

from .errors import FactcheckError
from .model import FileReport

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
WHOLE = None  # a file git does not track, or one added since REV: every line is new


def _git(args: list[str], folder: Path) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=folder, capture_output=True,
                              check=False, timeout=120)
    except FileNotFoundError:
        raise FactcheckError("--diff: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise FactcheckError("--diff: git took too long") from None
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout, done.stderr)
    return done.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """A path as git prints it: C-quoted ("a\\tb.md") when it holds unusual characters."""
    if name.startswith('"') and name.endswith('"'):
        raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
        return raw.decode("utf-8", "surrogateescape")
    return name


def changed_lines(rev: str, paths: list[str]) -> dict[Path, set[int] | None]:
    """Each changed file (resolved) with the 1-based lines added or changed since `rev` in the working tree;
    None for a file that is untracked or new since `rev`. A file not in the result is unchanged."""
    if paths == ["-"] or "-" in paths:
        raise FactcheckError("--diff needs files in a git repository, not standard input")
    if not rev or rev.startswith("-"):
        raise FactcheckError(f"--diff: {rev!r} is not a git revision")
    first = Path(paths[0]).resolve() if paths else Path.cwd()
    folder = first if first.is_dir() else first.parent
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--diff: {folder} is not in a git repository") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--diff: {rev!r} is not a revision of this repository") from None
    patch = _git(["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--no-renames",
                  "--src-prefix=a/", "--dst-prefix=b/", rev, "--"], top)
    changed: dict[Path, set[int] | None] = {}
    current: set[int] | None = set()
    new_file = False
    for line in patch.splitlines():
        if line.startswith("--- "):
            new_file = line == "--- /dev/null"
        elif line.startswith("+++ "):
            name = _unquote(line[4:])
            if name == "/dev/null":
                current = set()  # deleted: nothing to report on
                continue
            current = WHOLE if new_file else set()
            changed[(top / name.removeprefix("b/")).resolve()] = current
        elif (m := HUNK.match(line)) and current is not None:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            current.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            changed[(top / name).resolve()] = WHOLE
    return changed


def only_changed(file: FileReport, changed: dict[Path, set[int] | None]) -> FileReport:
    """The file's report with only the findings that involve a changed line (all of them in a new file)."""
    key = Path(file.path).resolve() if file.path != "<stdin>" else None
    if key is not None and key in changed and changed[key] is WHOLE:
        return file
    lines = changed.get(key, set()) if key is not None else set()
    kept = tuple(f for f in file.findings
                 if any(file.locate(s.start)[0] in lines or file.locate(max(s.start, s.end - 1))[0] in lines
                        for s in f.spans))
    return file if len(kept) == len(file.findings) else dataclasses.replace(file, findings=kept)
