"""The result cache: a FileReport per (file path and content, rule set, factcheck code), in the user's cache dir."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .model import FileReport, Rule

FORMAT = "factcheck-cache/1"
ENV = "FACTCHECK_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """$FACTCHECK_CACHE_DIR, else the platform's user cache dir (never inside the checked files' repository)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def rules_digest(rules: Iterable[Rule]) -> str:
    """A hash of everything in the rules that can change a report."""
    fields = [[r.id, r.name, r.check, r.severity, r.message, r.params, r.fix] for r in rules]
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=repr).encode()).hexdigest()


# Libraries whose data or behaviour shows in a report: an upgrade of one of them is a new cache.
LIBRARIES = ("pint", "currency_converter", "dateutil", "markdown_it", "yaml")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The version plus size and mtime of the package's code and data (an edited checkout never reads stale
    results) and of the libraries that shape a report (found without importing them)."""
    from importlib.util import find_spec

    from . import __version__

    stamp = [__version__]
    for name in LIBRARIES:
        spec = find_spec(name)
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            st = os.stat(spec.origin)
            stamp.append(f"{name}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}")
    for root, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yml", ".yaml", ".json", ".txt")):
                st = os.stat(os.path.join(root, name))
                stamp.append(f"{os.path.relpath(os.path.join(root, name), PACKAGE)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamp).encode()).hexdigest()


class Cache:
    """FileReports stored as pickles under a directory, one file per key; unreadable entries count as misses."""

    def __init__(self, published: object = None, directory: Path | None = None, rates: str = "") -> None:
        self.directory = (directory or cache_dir()) / FORMAT.replace("/", "-")
        self._salt = "\n".join([FORMAT, code_digest(), str(published), rates]).encode()  # rates: the file's digest
        self._digests: dict[int, tuple[Sequence[Rule], str]] = {}

    def key(self, path: str, data: bytes, rules: Sequence[Rule], date_keys: Sequence[str] | None = None) -> str:
        """The key of one file's report: its path as given (reports name it), its bytes, its rules and date keys."""
        h = hashlib.sha256(self._salt)
        for part in (path, self._rules_digest(rules), repr(date_keys)):
            h.update(b"\0" + part.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _rules_digest(self, rules: Sequence[Rule]) -> str:
        known = self._digests.get(id(rules))
        if known is not None and known[0] is rules:
            return known[1]
        digest = rules_digest(rules)
        self._digests = {id(rules): (rules, digest)}  # most runs use one rule set for every file
        return digest

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> FileReport | None:
        try:
            with open(self._file(key), "rb") as f:
                report = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign entry is a miss; it is overwritten on store
            return None
        return report if isinstance(report, FileReport) else None

    def store(self, key: str, report: FileReport) -> None:
        """Write atomically (a reader never sees half an entry); a cache that cannot be written is skipped."""
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(report, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
