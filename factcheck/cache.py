"""The result cache: a FileReport per (file path and content, rule set, factcheck code), in the user's cache dir."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import fields
from functools import cache, lru_cache
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from . import safe_write
from .document import Document
from .errors import FactcheckError
from .model import Figure, FileReport, Finding, Interval, Rule, Span, Statement

FORMAT = "factcheck-cache/2"
MAX_ENTRY = 256 * 1024 * 1024  # bytes read from one entry at most (a report holds its article's text)
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
    parts = [[r.id, r.name, r.check, r.severity, r.message, r.params, r.fix] for r in rules]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=_stable).encode()).hexdigest()


def _stable(value: Any) -> Any:
    """A JSON stand-in for a value json cannot write, the same in every process (sets sorted, never hash order)."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return repr(value)


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
    """FileReports stored as JSON data under a directory, one file per key; an entry that is unreadable, damaged
    or not what a report is made of counts as a miss (and is rewritten)."""

    def __init__(self, published: object = None, directory: Path | None = None, rates: str = "") -> None:
        self.directory = (directory or cache_dir()) / FORMAT.replace("/", "-")
        self._salt = "\n".join([FORMAT, code_digest(), str(published), rates]).encode()  # rates: the file's digest
        self._digests: dict[int, tuple[Sequence[Rule], str]] = {}

    def key(self, path: str, data: bytes, rules: Sequence[Rule], date_keys: Sequence[str] | None = None) -> str:
        """The key of one file's report: its path as given (reports name it), its bytes, its rules and date keys."""
        h = hashlib.sha256(self._salt)
        for part in (path, self._rules_digest(rules), repr(date_keys)):
            h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
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
        return self.directory / key[:2] / f"{key}.json"

    def load(self, key: str) -> FileReport | None:
        """The stored report, or None: missing, truncated, altered (its checksum or key differ) or ill-typed."""
        try:  # never through a link, never blocking on a FIFO, only a regular file
            fd = os.open(self._file(key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with open(fd, "rb") as f:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                head, _, payload = f.read(MAX_ENTRY + 1).partition(b"\n")
            header = json.loads(head)
            if (not isinstance(header, dict) or header.get("format") != FORMAT or header.get("key") != key
                    or header.get("sha256") != hashlib.sha256(payload).hexdigest()):
                return None
            report = decode(json.loads(payload))
        except Exception:  # an unreadable entry is a miss; it is overwritten on store
            return None
        if isinstance(report, FileReport):
            touch(self._file(key))
        return report if isinstance(report, FileReport) else None

    def store(self, key: str, report: FileReport) -> None:
        """Write atomically (a reader never sees half an entry); a cache that cannot be written is skipped."""
        try:
            payload = json.dumps(encode(report), ensure_ascii=False, separators=(",", ":"))
            data = payload.encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):  # something a report should not hold: not cached
            return
        header = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(data).hexdigest()}
        try:
            safe_write.check_folder(self._file(key).parent)
            safe_write.write_bytes(self._file(key), json.dumps(header).encode() + b"\n" + data)
        except (OSError, FactcheckError):
            return
        account(self, self._file(key).stat().st_size)


# --- the size cap: least recently used entries go first ------------------------------------------------------------
# A hit touches its entry's modification time, so the oldest times are the least recently used. The first store of a
# run measures the folder once; past the cap, the oldest entries are removed until the folder is at 90% of it.

DEFAULT_CAP = 512 * 1024 * 1024  # bytes; the config's cache-size and --cache-size change it, 0: no cap
CAP = DEFAULT_CAP
_used: weakref.WeakKeyDictionary[Cache, int] = weakref.WeakKeyDictionary()  # bytes in the folder, per run's cache


def touch(entry: Path) -> None:
    """Mark an entry as just used (its modification time, never through a link)."""
    try:
        os.utime(entry, follow_symlinks=os.utime not in os.supports_follow_symlinks)
    except OSError:
        pass


def _entries(directory: Path) -> list[tuple[int, int, str]]:
    """(last use, size, path) of each entry in a cache folder."""
    found = []
    try:
        shards = [d.path for d in os.scandir(directory) if d.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for shard in shards:
        try:
            for entry in os.scandir(shard):
                if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    found.append((st.st_mtime_ns, st.st_size, entry.path))
        except OSError:
            continue
    return found


def usage(directory: Path) -> int:
    """The bytes the entries of a cache folder take."""
    return sum(size for _, size, _ in _entries(directory))


def evict(directory: Path, target: int) -> int:
    """Remove the least recently used entries until the folder holds at most `target` bytes; what it then holds."""
    entries = sorted(_entries(directory))
    total = sum(size for _, size, _ in entries)
    for _, size, path in entries:
        if total <= target:
            break
        try:
            os.unlink(path)
        except FileNotFoundError:  # another run removed it
            pass
        except OSError:
            continue
        total -= size
    return total


def account(cache: Cache, written: int) -> None:
    """Count an entry just written (the folder is measured at a cache's first write); past the cap, evict down to
    90% of it."""
    if not CAP:
        return
    if cache not in _used:
        _used[cache] = usage(cache.directory)
    else:
        _used[cache] += written
    if _used[cache] > CAP:
        _used[cache] = evict(cache.directory, CAP * 9 // 10)


# --- reports as JSON data --------------------------------------------------------------------------
# Tagged values: a list is a JSON list; a tuple, frozenset, dict, date or dataclass is an object with one tag.
# Only the classes below are ever built, and each field is checked against its declared type.

SCALARS = (bool, int, float, str)
CLASSES: dict[str, type] = {c.__name__: c for c in (Span, Interval, Figure, Finding, Statement, FileReport, Document)}


def encode(value: Any) -> Any:
    """A report (or any value inside one) as JSON-ready data."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"T": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"S": sorted((encode(v) for v in value), key=repr)}
    if isinstance(value, dict):
        return {"D": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    name = type(value).__name__
    if CLASSES.get(name) is type(value):
        return {"C": name, "F": {f.name: encode(getattr(value, f.name)) for f in fields(CLASSES[name]) if f.init}}
    raise TypeError(f"cannot cache a {name}")


def decode(data: Any) -> Any:
    """The value encode() gave this data for; ValueError when the data is not such a value."""
    if data is None or isinstance(data, SCALARS):
        return data
    if isinstance(data, list):
        return [v if isinstance(v, SCALARS) else decode(v) for v in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise ValueError("not a cached value")
    (tag, body), *rest = data.items()
    if tag == "T" and isinstance(body, list):
        return tuple(v if isinstance(v, SCALARS) else decode(v) for v in body)
    if tag == "S" and isinstance(body, list):
        return frozenset(decode(v) for v in body)
    if tag == "D" and isinstance(body, list) and all(isinstance(p, list) and len(p) == 2 for p in body):
        return {decode(k): decode(v) for k, v in body}
    if tag == "datetime" and isinstance(body, str):
        return dt.datetime.fromisoformat(body)
    if tag == "date" and isinstance(body, str):
        return dt.date.fromisoformat(body)
    if tag == "C" and body in CLASSES and rest and rest[0][0] == "F" and isinstance(rest[0][1], dict):
        cls = CLASSES[body]
        hints = _hints(cls)
        values = {name: decode(v) for name, v in rest[0][1].items()}
        for name, value in values.items():
            if name not in hints or not _fits(value, hints[name]):
                raise ValueError(f"{body}.{name}: not what it should be")
        return cls(**values)
    raise ValueError("not a cached value")


@cache
def _hints(cls: type) -> dict[str, Any]:
    from . import document, model

    names = {**vars(model), **vars(document), "dt": dt, "Any": Any}
    return {f.name: get_type_hints(cls, globalns=names)[f.name] for f in fields(cls) if f.init}


def _fits(value: Any, hint: Any) -> bool:
    """Whether a value has a declared field type (the few shapes report fields use)."""
    if hint is Any:
        return True
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        return any(_fits(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is None:
        return isinstance(value, hint) and (hint is not int or not isinstance(value, bool))
    if not isinstance(value, origin):
        return False
    if origin is tuple and args and args[-1] is Ellipsis:
        return all(_fits(v, args[0]) for v in value)
    if origin is tuple and args:
        return len(value) == len(args) and all(_fits(v, a) for v, a in zip(value, args, strict=True))
    if origin in (list, frozenset) and args:
        return all(_fits(v, args[0]) for v in value)
    if origin is dict and args:
        return all(_fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items())
    return True


ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.json$")


def clean(directory: Path | None = None) -> tuple[int, int, Path]:
    """`factcheck cache clean`: remove every cached result (and the folders left empty); never follows a link
    and removes only files named as entries are. Returns (entries removed, bytes freed, the folder)."""
    top = (directory or cache_dir())
    removed = freed = 0
    if not top.is_dir() or top.is_symlink():
        return 0, 0, top
    for fmt in sorted(p for p in top.iterdir() if p.is_dir() and not p.is_symlink()
                      and p.name.startswith("factcheck-cache-")):
        for shard in sorted(p for p in fmt.iterdir() if p.is_dir() and not p.is_symlink() and len(p.name) == 2):
            for entry in shard.iterdir():
                if entry.is_symlink() or not entry.is_file() or not (
                        ENTRY_NAME.match(entry.name) or entry.name.startswith(safe_write.TEMP_PREFIX)):
                    continue
                size = entry.stat().st_size
                entry.unlink()
                removed, freed = removed + 1, freed + size
            _rmdir(shard)
        _rmdir(fmt)
    return removed, freed, top


def _rmdir(folder: Path) -> None:
    """Remove a folder if it is empty (anything else left in it stays)."""
    try:
        folder.rmdir()
    except OSError:
        pass
