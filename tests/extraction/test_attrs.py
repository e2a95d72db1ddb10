"""Attr cases as data: tests/extraction/attrs/*.yml, text in, each figure's attrs (by surface) out."""

from pathlib import Path

import pytest
import yaml

import factcheck

CASES = sorted(Path(__file__).parent.joinpath("attrs").glob("*.yml"))


def _cases():
    for path in CASES:
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(case, id=f"{path.stem}-{i}-{case['text'][:40]}")


def _resolve(value, by_id):
    """A case names linked figures by surface; the report names them by id."""
    fig = by_id.get(value)
    return fig.surface if fig is not None else value


@pytest.mark.parametrize("case", list(_cases()))
def test_attrs_case(case):
    figures = factcheck.check_text(case["text"], published=case.get("published"), rules=[]).figures
    by_id = {f.id: f for f in figures}
    for surface, want in case["figures"].items():
        found = [f for f in figures if f.surface == surface]
        if want.get("absent"):
            assert not found, f"{surface!r} should not be a figure"
            continue
        assert found, f"no figure {surface!r}; got {[f.surface for f in figures]}"
        fig = found[0]
        for key, expected in want.items():
            if key in ("low", "high"):
                got = getattr(fig.interval, key)
                assert abs(got - expected) < 1e-3, (surface, key, got)
            elif key in ("unit", "qualifiers", "kind", "anchor", "subject", "date", "date_end"):
                got = getattr(fig, key)
                assert (list(got) if key == "qualifiers" else got) == expected, (surface, key, got)
            else:
                got = _resolve(fig.attr(key), by_id) if key in ("link", "converts") else fig.attr(key)
                got = list(got) if isinstance(got, tuple) else got
                assert got == expected, (surface, key, got, dict(fig.attrs))
