"""The code is ruff-clean and the package mypy-clean: the same checks as `make check`, run by `make test`."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return found


def test_ruff_finds_nothing():
    targets = [t for t in ("factcheck", "tests", "fuzz", "benchmarks") if (ROOT / t).exists()]
    done = subprocess.run([_tool("ruff"), "check", "--no-cache", *targets], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_package_folder_ships_in_the_wheel():
    """A new rule pack, lexicon or data folder that pyproject.toml does not list would be left out of the wheel."""
    import tomllib

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setup["packages"])
    folders = {"factcheck." + ".".join(p.relative_to(ROOT / "factcheck").parts)
               for p in (ROOT / "factcheck").rglob("*") if p.is_dir() and p.name != "__pycache__"}
    folders |= {"factcheck.builtin_rules." + p.name for p in (ROOT / "rules").iterdir() if p.is_dir()}
    assert folders <= listed, f"not in [tool.setuptools] packages: {sorted(folders - listed)}"
