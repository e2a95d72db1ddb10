"""The registry of check kinds: KINDS maps a rule's `check:` name to the module that runs it.

A check kind module has `run(rule, ctx) -> Iterable[Hit]` and may have `validate(params) -> str | None`.
A check never prints and never decides severity: it yields the figures involved and the message
arguments; the engine turns each Hit into a Finding with the rule's (or the config's) severity.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..model import Figure

KIND_NAMES = (
    "bounds", "calendar", "change", "consistency", "conversion", "expression", "market_rate", "ratio", "record", "total"
) + ("reference", "inflation")


@dataclass(frozen=True)
class Hit:
    """A discrepancy found by a check: the figures involved (primary first) and what to say."""

    figures: tuple[Figure, ...]
    args: dict[str, Any] = field(default_factory=dict)
    evidence: str = ""
    fix: str | None = None
    severity: str | None = None  # only to lower a finding to "info" (consistent only through rounding)


@dataclass
class CheckContext:
    """What a check sees: the document, its figures and publication date; it records what it checked."""

    doc: Any
    figures: list[Figure]
    published: Any = None
    checked: set[str] = field(default_factory=set)

    def mark(self, *figures: Figure) -> None:
        """Record that these figures were checked by some rule."""
        self.checked.update(f.id for f in figures)

    def by_id(self, fid: str | None) -> Figure | None:
        return self._ids.get(fid) if fid else None

    def in_sentence(self, index: int) -> list[Figure]:
        return list(self._sentences.get(index, ()))

    def memo(self, key: Any, compute: Any) -> Any:
        """A document-level value computed once per context: compute(self), kept under key."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    # Indexes built on first use: the figures list is fixed once the context is made.
    @functools.cached_property
    def _ids(self) -> dict[str, Figure]:
        out: dict[str, Figure] = {}
        for f in self.figures:
            out.setdefault(f.id, f)  # the first figure with an id, as the scan did
        return out

    @functools.cached_property
    def _sentences(self) -> dict[int, list[Figure]]:
        out: dict[int, list[Figure]] = {}
        for f in self.figures:
            out.setdefault(f.sentence, []).append(f)
        return out

    @functools.cached_property
    def _memo(self) -> dict[Any, Any]:
        return {}


def _load() -> dict[str, ModuleType]:
    return {name: importlib.import_module(f"{__name__}.{name}") for name in KIND_NAMES}


KINDS: dict[str, ModuleType] = _load()
