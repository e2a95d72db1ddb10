"""Attr cases as data: tests/extraction/attrs/*.yml, text in, each figure's attrs (by surface) and the statements the
reading makes of the figures (figures named by surface) out."""

from pathlib import Path

import pytest
import yaml

import factcheck

CASES = sorted(Path(__file__).parent.joinpath("attrs").glob("*.yml"))


def _cases():
    for path in CASES:
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(case, id=f"{path.stem}-{i}-{case['text'][:40]}")


def _by_surface(statement, by_id) -> dict:
    """A statement as a case writes it: kind, each role's figure surface (a list for parts), and its facts."""
    out = {"kind": statement.kind}
    for role, ids in statement.roles:
        out[role] = by_id[ids].surface if isinstance(ids, str) else [by_id[i].surface for i in ids]
    out.update(statement.facts)
    return out


@pytest.mark.parametrize("case", list(_cases()))
def test_attrs_case(case):
    report = factcheck.check_text(case["text"], published=case.get("published"), rules=[])
    figures = report.figures
    by_id = {f.id: f for f in figures}
    statements = [_by_surface(s, by_id) for s in report.statements]
    for surface, want in (case.get("figures") or {}).items():
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
            elif key == "not_in":  # kind.role: no statement of that kind names the figure in that role
                naming = [s for s in report.statements for role, _ in s.roles
                          if f"{s.kind}.{role}" in expected and fig.id in s.ids_of(role)]
                assert not naming, (surface, [_by_surface(s, by_id) for s in naming])
            else:
                got = fig.attr(key)
                got = list(got) if isinstance(got, tuple) else got
                assert got == expected, (surface, key, got, dict(fig.attrs))
    for expected in case.get("statements") or []:
        assert expected in statements, f"no statement {expected}; got {statements}"
