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

from ..model import Figure, Statement

KIND_NAMES = (
    "bounds", "calendar", "change", "consistency", "conversion", "expression", "market_rate", "ratio", "record", "total"
) + ("reference", "inflation", "grouping") + ("statistics",)


@dataclass(frozen=True)
class Hit:
    """A discrepancy found by a check: the figures involved (primary first) and what to say."""

    figures: tuple[Figure, ...]
    args: dict[str, Any] = field(default_factory=dict)
    evidence: str = ""
    fix: str | None = None
    severity: str | None = None  # only to lower a finding to "info" (consistent only through rounding)
    replacement: str | None = None  # when the fix is one edit: the new text for the first figure


@dataclass
class CheckContext:
    """What a check sees: the document, its figures, the statements read from them (factcheck.reading) and the
    publication date; it records what it checked."""

    doc: Any
    figures: list[Figure]
    published: Any = None
    checked: set[str] = field(default_factory=set)
    rates: Any = None  # the ECB history file to convert with (--rates FILE); None: the installed one
    notes: list[str] = field(default_factory=list)  # what the checks tell the file's report (stale rates, ...)
    statements: tuple[Statement, ...] = ()

    def mark(self, *figures: Figure) -> None:
        """Record that these figures were checked by some rule."""
        self.checked.update(f.id for f in figures)

    def note(self, text: str) -> None:
        """Add a note to the file's report, once."""
        if text not in self.notes:
            self.notes.append(text)

    def by_id(self, fid: str | None) -> Figure | None:
        return self._ids.get(fid) if fid else None

    def statements_of(self, *kinds: str) -> list[Statement]:
        """The statements of these kinds, in the order the reading found them."""
        return [s for s in self.statements if s.kind in kinds]

    def figure(self, statement: Statement, role: str) -> Figure | None:
        """The figure a statement names under this role."""
        return self.by_id(statement.id_of(role))

    def figures_of(self, statement: Statement, role: str) -> list[Figure]:
        """The figures a statement names under this role (a breakdown's parts)."""
        return [f for i in statement.ids_of(role) if (f := self.by_id(i)) is not None]

    def in_role(self, kind: str, role: str) -> frozenset[str]:
        """The ids of the figures some statement of this kind names under this role."""
        return self.memo(("in_role", kind, role), lambda ctx: frozenset(
            i for s in ctx.statements_of(kind) for i in s.ids_of(role)))

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
