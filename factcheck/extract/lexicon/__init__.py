"""Load the extraction lexicons (YAML data beside this file) once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(name: str) -> Any:
    """The parsed content of lexicon/<name>.yml."""
    with open(HERE / f"{name}.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)
