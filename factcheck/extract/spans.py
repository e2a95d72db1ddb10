"""Overlap tests against many spans in O(log n) each, instead of a scan of every span per query."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanIndex:
    """Fixed (start, end) spans, in any order and possibly overlapping: does a query span overlap any of them?

    `overlaps(a, b)` is exactly `any(s < b and a < e for s, e in spans)`: among the spans that start before b
    (a prefix of the spans sorted by start), the furthest end must reach past a.
    """

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        furthest = None
        for _, e in ordered:
            furthest = e if furthest is None or e > furthest else furthest
            self._reach.append(furthest)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self._starts, b)
        return i > 0 and self._reach[i - 1] > a

    def covers(self, a: int, b: int) -> bool:
        """Some span holds the whole query: `any(s <= a and b <= e for s, e in spans)`."""
        i = bisect.bisect_right(self._starts, a)
        return i > 0 and self._reach[i - 1] >= b
