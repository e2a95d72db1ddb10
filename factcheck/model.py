"""The core types: frozen (slotted) dataclasses for spans, intervals, figures, findings and reports."""

from __future__ import annotations

import bisect
import math
import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}

CALENDAR_KINDS = frozenset({"year", "date", "date_range", "weekday", "relative_date"})
NUMERIC_KINDS = frozenset(
    {"money", "percent", "quantity", "count", "duration", "age", "ordinal", "fraction", "multiplier"}
)
KINDS = CALENDAR_KINDS | NUMERIC_KINDS
QUALIFIERS = ("approx", "more_than", "at_least", "less_than", "at_most", "up_to", "record", "forecast")

T = TypeVar("T")


_LAYOUTS: dict[type, tuple[attrgetter, dict[str, int]]] = {}


def _layout(cls: type) -> tuple[attrgetter, dict[str, int]]:
    """A dataclass's field values getter (all of them, in order) and each field's index."""
    if cls not in _LAYOUTS:
        names = [f.name for f in fields(cls)]
        _LAYOUTS[cls] = attrgetter(*names), {name: i for i, name in enumerate(names)}
    return _LAYOUTS[cls]


def replaced(obj: T, **changes: Any) -> T:
    """dataclasses.replace for the types here (every field an init field), without its walk of the fields on each
    call: a dense file's figures are replaced by the hundred thousand."""
    values, index = _values(obj)
    for name, value in changes.items():
        if name not in index:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
        values[index[name]] = value
    return type(obj)(*values)


def _values(obj: Any) -> tuple[list[Any], dict[str, int]]:
    get, index = _layout(type(obj))
    got = get(obj)
    return (list(got) if len(index) > 1 else [got]), index


class _Positional:
    """Pickled as a constructor call with the fields in order: the slotted dataclasses' own state methods walk the
    fields on each object, and a long document's figures are pickled (Packed) by the hundred thousand."""

    __slots__ = ()

    def __reduce__(self) -> tuple:
        return type(self), tuple(_values(self)[0])


@dataclass(frozen=True, order=True, slots=True)
class Span(_Positional):
    """Character offsets [start, end) into a document's plain text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Interval(_Positional):
    """What a stated figure can mean: every value from low to high (either may be infinite)."""

    low: float
    high: float

    @classmethod
    def exact(cls, value: float) -> Interval:
        return cls(value, value)

    @classmethod
    def around(cls, value: float, half_width: float) -> Interval:
        return cls(value - half_width, value + half_width)

    @property
    def mid(self) -> float:
        if math.isinf(self.low) or math.isinf(self.high):
            return self.high if math.isinf(self.low) else self.low
        return (self.low + self.high) / 2

    def overlaps(self, other: Interval, slack: float = 0.0) -> bool:
        """True when some value lies in both, allowing a relative slack on each side."""
        pad_self = slack * max(abs(self.low), abs(self.high)) if slack and self.is_finite() else 0
        pad_other = slack * max(abs(other.low), abs(other.high)) if slack and other.is_finite() else 0
        return self.low - pad_self <= other.high + pad_other and other.low - pad_other <= self.high + pad_self

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def is_finite(self) -> bool:
        return not (math.isinf(self.low) or math.isinf(self.high))

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high) if not math.isnan(a * b)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            return Interval(-math.inf, math.inf)
        return self * Interval(1 / other.high, 1 / other.low)

    def scale(self, factor: float) -> Interval:
        return self * Interval.exact(factor)


@dataclass(frozen=True, slots=True)
class Figure(_Positional):
    """One figure found in a document: where it is, what it says, and what it can mean."""

    id: str
    span: Span
    surface: str
    kind: str
    value: float | None = None
    interval: Interval | None = None
    unit: str | None = None
    qualifiers: tuple[str, ...] = ()
    subject: str | None = None
    anchor: str | None = None
    sentence: int = 0
    date: str | None = None
    date_end: str | None = None
    # Language facts a check may need (e.g. {"valid": False}, {"direction": "down"}); not in JSON.
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, name: str, default: Any = None) -> Any:
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @property
    def is_calendar(self) -> bool:
        return self.kind in CALENDAR_KINDS

    def to_dict(self, locate: Any = None) -> dict[str, Any]:
        """The figure's JSON form, as in the JSON report; `locate(offset)` gives (line, column)."""
        out: dict[str, Any] = {"id": self.id, "surface": self.surface, "kind": self.kind}
        if self.is_calendar:
            if self.date is not None:
                out["date"] = self.date
            if self.date_end is not None:
                out["date_end"] = self.date_end
        if self.value is not None:
            out["value"] = float(self.value)
            if self.interval is not None:
                out["low"] = _json_number(self.interval.low)
                out["high"] = _json_number(self.interval.high)
            out["unit"] = self.unit
        if self.qualifiers:
            out["qualifiers"] = list(self.qualifiers)
        if self.subject:
            out["subject"] = self.subject
        if self.anchor:
            out["anchor"] = self.anchor
        out["start"] = self.span.start
        out["end"] = self.span.end
        if locate is not None:
            line, column = locate(self.span.start)
            end_line, end_column = locate(self.span.end)
            out.update(line=line, column=column, end_line=end_line, end_column=end_column)
        return out


def _json_number(x: float) -> float | None:
    """Infinite bounds are null in JSON (JSON has no infinity)."""
    return None if math.isinf(x) else float(x)


STATEMENT_KINDS = (
    "change", "comparison", "breakdown", "conversion", "share", "per_unit", "restated", "date_relation", "inflation",
    "vague", "lead",
)


@dataclass(frozen=True, slots=True)
class Statement(_Positional):
    """A relation the text states between figures, naming each figure by id under its role.

    kind is one of STATEMENT_KINDS; roles holds (role, id) pairs, or (role, (id, ...)) for a list (a breakdown's
    parts), in a fixed order; facts holds what the words add (a change's direction, whether a breakdown is complete).
    """

    kind: str
    roles: tuple[tuple[str, str | tuple[str, ...]], ...]
    facts: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, kind: str, roles: dict[str, Any], **facts: Any) -> Statement:
        """A statement from a dict of roles (None values left out) and keyword facts (None values left out)."""
        return cls(kind, tuple((r, tuple(v) if isinstance(v, list) else v) for r, v in roles.items() if v),
                   tuple((k, v) for k, v in facts.items() if v is not None))

    def id_of(self, role: str) -> str | None:
        for name, value in self.roles:
            if name == role and isinstance(value, str):
                return value
        return None

    def ids_of(self, role: str) -> tuple[str, ...]:
        for name, value in self.roles:
            if name == role:
                return (value,) if isinstance(value, str) else value
        return ()

    def fact(self, name: str, default: Any = None) -> Any:
        for key, value in self.facts:
            if key == name:
                return value
        return default

    @property
    def figure_ids(self) -> tuple[str, ...]:
        return tuple(i for _, v in self.roles for i in ((v,) if isinstance(v, str) else v))

    def to_dict(self) -> dict[str, Any]:
        """The statement's JSON form: its kind, its figure ids by role, and its facts."""
        out: dict[str, Any] = {"kind": self.kind,
                               "figures": {r: v if isinstance(v, str) else list(v) for r, v in self.roles}}
        out.update(self.facts)
        return out


@dataclass(frozen=True)
class Finding:
    """A discrepancy a rule found: which rule, how bad, what it says, and the figures involved."""

    rule: str
    name: str
    severity: str
    message: str
    spans: tuple[Span, ...]
    figures: tuple[str, ...] = ()
    evidence: str = ""
    fix: str | None = None
    replacement: str | None = None  # when the fix is one edit: the new text for the first figure's span

    @property
    def span(self) -> Span:
        return self.spans[0]

    def to_dict(self, locate: Any = None) -> dict[str, Any]:
        """The finding's JSON form, as in the JSON report; `locate(offset)` gives (line, column) (without it,
        each location is the figure's character offsets)."""
        out: dict[str, Any] = {"rule": self.rule, "name": self.name, "severity": self.severity,
                               "message": self.message, "evidence": self.evidence, "figures": list(self.figures)}
        if self.fix:
            out["fix"] = self.fix
        if self.replacement is not None:  # the fix as one edit: the new text for the first location
            out["replacement"] = self.replacement
        locations: list[dict[str, int]] = []
        for span in self.spans:
            if locate is None:
                locations.append({"start": span.start, "end": span.end})
                continue
            (line, column), (end_line, end_column) = locate(span.start), locate(span.end)
            locations.append({"line": line, "column": column, "end_line": end_line, "end_column": end_column})
        out.update(locations[0])
        out["locations"] = locations
        return out


@dataclass(frozen=True)
class Rule:
    """One rule from a YAML pack: a check kind with its parameters and wording."""

    id: str
    name: str
    check: str
    severity: str
    message: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    fix: str | None = None
    description: str = ""
    pack: str = "builtin"
    path: str = ""


class Packed(Sequence):
    """A long document's figures or statements, kept compressed a window at a time and unpacked as they are read.

    Iterating it unpacks one window's items at a time, so a writer that streams them never holds them all.
    """

    __slots__ = ("_chunks", "_starts", "_size")

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._chunks: list[bytes] = []
        self._starts: list[int] = []
        self._size = 0
        self.extend(items)

    def extend(self, items: Iterable[Any]) -> None:
        """Add items (one window's) as one compressed chunk."""
        chunk = list(items)
        if chunk:
            self._starts.append(self._size)
            self._chunks.append(zlib.compress(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL), 1))
            self._size += len(chunk)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        for chunk in self._chunks:
            yield from pickle.loads(zlib.decompress(chunk))  # bytes this object pickled itself

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("Packed index out of range")
        i = bisect.bisect_right(self._starts, index) - 1
        return pickle.loads(zlib.decompress(self._chunks[i]))[index - self._starts[i]]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None

    def __getstate__(self) -> tuple:
        return self._chunks, self._starts, self._size

    def __setstate__(self, state: tuple) -> None:
        self._chunks, self._starts, self._size = state


@dataclass(frozen=True)
class FileReport:
    """The figures and findings of one document, with what a renderer needs to locate them."""

    path: str
    published: str | None
    figures: tuple[Figure, ...] | Packed  # Packed: a long document's, checked in windows
    findings: tuple[Finding, ...]
    checked: frozenset[str] = frozenset()
    statements: tuple[Statement, ...] | Packed = ()
    numeric_tokens: int = 0
    covered_tokens: int = 0
    notes: tuple[str, ...] = ()
    document: Any = field(default=None, compare=False, repr=False)
    # Findings switched off by inline comments or matched by a baseline: not reported, not in `findings`,
    # but their figures are not "consistent" either (the scorecard counts them as suppressed).
    suppressed: tuple[Finding, ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        return self.document.line_col(offset) if self.document is not None else (1, offset + 1)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in the JSON report (figures, findings with lines and columns, statements, notes)."""
        from .render.records import file_record

        return file_record(self)

    @property
    def flagged_figures(self) -> frozenset[str]:
        """The ids of the figures some reported finding involves."""
        return frozenset(fid for f in self.findings for fid in f.figures)

    @property
    def suppressed_figures(self) -> frozenset[str]:
        """The ids of the figures only suppressed findings involve (a reported finding wins)."""
        return frozenset(fid for f in self.suppressed for fid in f.figures) - self.flagged_figures

    @property
    def consistent(self) -> int:
        """Checked figures that no finding, reported or suppressed, involves."""
        return len(self.checked - self.flagged_figures - self.suppressed_figures)


@dataclass(frozen=True)
class Report:
    """The result of a run: one FileReport per document, in a deterministic order."""

    files: tuple[FileReport, ...]

    @property
    def figures(self) -> list[Figure]:
        return [fig for f in self.files for fig in f.figures]

    @property
    def findings(self) -> list[Finding]:
        return [finding for f in self.files for finding in f.findings]

    @property
    def statements(self) -> list[Statement]:
        return [statement for f in self.files for statement in f.statements]

    def count(self, severity: str) -> int:
        return sum(f.count(severity) for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report as `--format json` prints it (the contract in DESIGN.md)."""
        from .render.records import report_record

        return report_record(self)

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "figures": sum(len(f.figures) for f in self.files),
            "checked": sum(len(f.checked) for f in self.files),
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "infos": self.count("info"),
            "suppressed": sum(len(f.suppressed) for f in self.files),
        }
