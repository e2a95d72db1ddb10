"""The result cache's cost per file: store and load of a JSON entry (checksummed, type-checked) against a pickle."""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

from factcheck import engine
from factcheck.cache import Cache

REPO = Path(__file__).resolve().parent.parent


def per_call(fn, repeat: int = 50) -> float:
    """Milliseconds per call, best of three rounds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat * 1000)
    return best


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or sorted((REPO / "seeds").glob("*.md"))
    print("| article | KB | JSON entry KB | store ms | load ms | pickle KB | pickle store ms | pickle load ms |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as folder:
        cache = Cache(directory=Path(folder))
        for path in files:
            print(row(cache, path, Path(folder)))


def row(cache: Cache, path: Path, folder: Path) -> str:
    """One article's line of the table."""
    report = engine.check_paths([path]).files[0]
    key = cache.key(str(path), path.read_bytes(), engine.default_rules())
    cache.store(key, report)
    assert cache.load(key) == report
    entry = next(folder.rglob(f"{key}.json"))
    blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
    return (f"| {path.name} | {path.stat().st_size / 1024:.0f} | {entry.stat().st_size / 1024:.0f} | "
            f"{per_call(lambda: cache.store(key, report)):.2f} | {per_call(lambda: cache.load(key)):.2f} | "
            f"{len(blob) / 1024:.0f} | {per_call(lambda: pickle.dumps(report, pickle.HIGHEST_PROTOCOL)):.2f} | "
            f"{per_call(lambda: pickle.loads(blob)):.2f} |")

if __name__ == "__main__":
    main(sys.argv[1:])
