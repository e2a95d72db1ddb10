"""The one pint UnitRegistry, created lazily on first use and cached: pint is never imported before then."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def registry() -> Any:
    """The shared pint UnitRegistry (imports pint the first time it is asked for)."""
    import pint

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@lru_cache(maxsize=256)
def unit(name: str) -> Any | None:
    """A pint unit for a canonical unit name, or None when pint does not know it."""
    try:
        return registry().Unit(name)
    except Exception:  # pint raises several error types for unknown or malformed names
        return None


def dimensionality(name: str) -> str | None:
    """The physical dimension of a unit ('[length]'), or None when pint does not know the unit."""
    u = unit(name)
    return str(u.dimensionality) if u is not None else None


def convert(value: float, source: str, target: str, delta: bool = False) -> float | None:
    """A value converted between two units, or None when they are unknown or of different dimensions.

    With delta=True, temperatures are converted as differences ("rose 5C (9F)"), not readings.
    """
    a, b = unit(source), unit(target)
    if delta and a is not None and b is not None:  # offset units (°C, °F) as differences: "up 5C (9F)"
        a, b = (unit(f"delta_{u}") or u for u in (a, b))
    if a is None or b is None:
        return None
    try:
        return float(registry().Quantity(value, a).to(b).magnitude)
    except Exception:  # DimensionalityError, OffsetUnitCalculusError
        return None
