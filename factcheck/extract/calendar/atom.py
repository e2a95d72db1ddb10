"""Atom: a calendar reading found in the text, before it is resolved against publication into a Figure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Atom:
    """A calendar reading found in the text, before years and weekdays are resolved against publication."""

    start: int
    end: int
    kind: str  # date | year | weekday | relative_date | date_range | duration
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_atom: Atom | None = None  # the end of a range
    date: str | None = None  # already resolved (relative readings)
    date_end: str | None = None
    weekday: int | None = None
    weak: bool = False  # kept only as part of a range
    value: float | None = None
    unit: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def precision(self) -> int:
        return 3 if self.day is not None else 2 if self.month is not None else 1 if self.year is not None else 0
