"""A lexicon compiled from library tables, cached as JSON in the user cache dir per library data and source."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# The files that hold each library's tables: a new release changes them, and so the key.
DATA = {"pint": "*.txt", "quantulum3": "*.json", "babel": "*.dat"}


def _key(libraries: Iterable[str], sources: Iterable[Path]) -> str:
    """Our source files by content; each library by the size and time of its installed package folder's files that
    hold its tables (found without importing it: importing pint alone costs more than a cold run may)."""
    digest = hashlib.sha1()
    for dist in libraries:
        spec = importlib.util.find_spec(dist)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        for data in sorted(folder.glob(DATA.get(dist, "__init__.py"))) if folder else ():
            st = data.stat()
            digest.update(f"{data.name}:{st.st_size}:{st.st_mtime_ns};".encode())
        digest.update(f"{dist}:{folder};".encode())
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cached(name: str, libraries: Iterable[str], sources: Iterable[Path], build: Callable[[], Any]) -> Any:
    """build()'s JSON result, read from the cache when the libraries' table files and our source are unchanged."""
    from ..cache import cache_dir

    path = cache_dir() / f"factcheck-{name}_{_key(libraries, sources)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(built, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache dir costs the build on every start, nothing else
    return built
