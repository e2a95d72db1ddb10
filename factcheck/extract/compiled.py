"""A lexicon compiled from library tables, cached as JSON in the user cache dir per library versions and source."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def _key(libraries: Iterable[str], sources: Iterable[Path]) -> str:
    digest = hashlib.sha1()
    for dist in libraries:
        try:
            digest.update(f"{dist}={importlib.metadata.version(dist)};".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{dist}=none;".encode())
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cached(name: str, libraries: Iterable[str], sources: Iterable[Path], build: Callable[[], Any]) -> Any:
    """build()'s JSON result, read from the cache when the libraries' versions and the source files are unchanged."""
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
