"""Joining atoms: date ranges, weekdays into the dates they name, the longest reading of each span, parts of periods."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from ...model import Figure
from .atom import Atom
from .patterns import CONNECT, PART_PREFIX, SPAN_TO, WEEKDAY_DATE_GAP
from .words import parse_number

RANGE_GAP = re.compile(rf"^{CONNECT}$|^\s+and\s+$", re.I)
DATE_KINDS = ("date", "year")


def combine(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join date atoms into ranges, and weekdays into the dates they name."""
    atoms.sort(key=lambda a: (a.start, -a.end))
    # the longest atom at each place, for pairing neighbours
    chosen = choose(atoms)
    extra: list[Atom] = []
    used: set[int] = set()
    for a, b in zip(chosen, chosen[1:], strict=False):
        gap = text[a.end : b.start]
        offset = a.attrs.get("offset")
        if offset and offset[3] == "next" and not gap.strip() and b.kind in ("date", "weekday", "relative_date"):
            merged = Atom(
                a.start, b.end, "relative_date", attrs={"relation": re.sub(r"\s+", " ", text[a.start : b.end].lower())}
            )
            merged.attrs["offset"] = (*offset[:3], "ref")
            merged.end_atom = b
            used.add(id(a))
            extra.append(merged)
            continue
        if (
            a.kind in DATE_KINDS
            and a.date is None
            and a.precision >= 2
            and b.kind == "relative_date"
            and b.date
            and "offset" not in b.attrs
            and len(b.date) == 10
            and RANGE_GAP.match(gap)
        ):
            extra.append(Atom(a.start, b.end, "date_range", a.year, a.month, a.day, end_atom=b))
            continue
        if a.kind in DATE_KINDS and b.kind in DATE_KINDS and a.date is None and b.date is None and RANGE_GAP.match(gap):
            if gap.strip().lower() == "and" and not re.search(
                r"\bbetween\s+$", text[max(0, a.start - 10) : a.start], re.I
            ):
                continue
            if (
                (a.month is None) != (b.month is None)
                and a.year is not None
                and b.year is not None
                and gap.strip() == "-"
            ):
                pass
            rng = Atom(a.start, b.end, "date_range", a.year, a.month, a.day, end_atom=b)
            if b.year is not None and a.year is None:
                rng.year = b.year - (1 if a.month and b.month and a.month > b.month else 0)
            elif a.year is not None and b.year is None and b.month is not None:
                b.year = a.year + (1 if a.month and b.month < a.month else 0)
            extra.append(rng)
        if a.kind == "date" and a.day is not None and b.kind == "weekday" and "mod" not in b.attrs and re.fullmatch(
            r"\s*\(\s*", gap
        ) and re.match(r"\s*\)", text[b.end : b.end + 3]):  # "May 22 (Tuesday)": the weekday of that date
            merged = Atom(a.start, text.index(")", b.end) + 1, "date", a.year, a.month, a.day, weekday=b.weekday)
            merged.attrs["weekday"] = b.weekday
            extra.append(merged)
        if a.kind == "weekday" and b.kind == "date" and b.day is not None and WEEKDAY_DATE_GAP.match(gap):
            merged = Atom(a.start, b.end, "date", b.year, b.month, b.day, weekday=a.weekday)
            merged.attrs["weekday"] = a.weekday
            if "mod" in a.attrs:  # "next Friday 5/17": the modifier, not the verb's tense, speaks of the date
                merged.attrs["mod"] = a.attrs["mod"]
            extra.append(merged)
    keep = []
    for x in atoms:
        offset = x.attrs.get("offset")
        if offset and offset[3] == "next" and id(x) not in used:
            if not x.attrs.get("standalone"):
                continue  # "two days after the vote": the duration stands alone
            x.attrs["offset"] = (*offset[:3], "previous")
        keep.append(x)
    return keep + extra


def choose(atoms: list[Atom]) -> list[Atom]:
    """The longest atoms that do not overlap one another (the earlier one first among equals), in text order."""
    chosen: list[Atom] = []
    placed: list[Atom] = []  # the chosen atoms sorted by start: disjoint, so only neighbours can overlap a new one
    starts: list[int] = []
    for atom in sorted(atoms, key=lambda a: (-(a.end - a.start), a.start)):
        i = bisect.bisect_left(starts, atom.end)  # placed[:i] start before atom ends
        if _reaches(placed, i, atom.start):
            continue
        j = bisect.bisect_right(starts, atom.start)
        starts.insert(j, atom.start)
        placed.insert(j, atom)
        chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


def _reaches(placed: list[Atom], i: int, start: int) -> bool:
    """Does any of placed[:i] end after start? Non-empty disjoint atoms end in start order, so the last non-empty
    one before i has the furthest end; empty atoms (if any) are looked at on the way back to it."""
    for k in range(i - 1, -1, -1):
        c = placed[k]
        if c.end > start:
            return True
        if c.end > c.start:
            return False
    return False


def extend_parts(text: str, atoms: list[Atom]) -> None:
    """ "mid-March", "early 2023", "the end of March": the part of the period joins the figure; so does a span of
    units that ends with it ("the three months to September"), and the duration inside that span drops out."""
    for atom in atoms:
        if atom.kind in ("date", "relative_date") and atom.end_atom is None and not atom.attrs.get("part"):
            m = SPAN_TO.search(text, max(0, atom.start - 40), atom.start)
            n = parse_number(m.group("n")) if m and m.group("n") else 1.0
            if m and n and 1 <= n <= 60:
                atom.attrs["part"] = f"{int(n)} {m.group('unit').lower()} to"
                atom.start = m.start()
                continue
        if (atom.kind in ("date", "year", "date_range") and atom.day is None) or _relative_period(atom):
            m = PART_PREFIX.search(text[max(0, atom.start - 24) : atom.start])
            if m:
                part = re.sub(r"\s+", " ", m.group("part").lower())
                atom.attrs["part"] = part.removeprefix("the ").removesuffix(" in")  # "later in March": later
                atom.start = atom.start - (len(text[max(0, atom.start - 24) : atom.start]) - m.start())
    spans = [(a.start, a.end) for a in atoms if str(a.attrs.get("part", "")).endswith(" to")]
    atoms[:] = [a for a in atoms if not any(lo <= a.start and a.end <= hi and (lo, hi) != (a.start, a.end)
                                            for lo, hi in spans)]


def _relative_period(atom: Atom) -> bool:
    """ "this year", "next week", "last quarter": a relative date that is a period, not a day or an offset."""
    return (
        atom.kind == "relative_date"
        and "offset" not in atom.attrs
        and atom.date is not None
        and (len(atom.date) < 10 or atom.date_end is not None)
    )


def weekday_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """ "from Monday to Wednesday", "today through Friday": a weekday that ends a range comes after its start (a week
    later when resolved alone it would come first); in the past tense the start moves a week back instead."""
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        gap = text[a.span.end : b.span.start]
        if (a.kind == "weekday" and b.kind == "date" and b.attr("weekday") is not None and a.date and b.date
                and RANGE_GAP.match(gap) and gap.strip() != "and"):  # "Monday to Wednesday last week": one week
            end = dt.date.fromisoformat(b.date[:10])
            start = end - dt.timedelta(days=(b.attr("weekday") - a.attr("weekday", 0)) % 7)
            figures[i - 1] = replace(a, date=start.isoformat())
            continue
        if b.kind != "weekday" or not a.date or not b.date or len(a.date) != 10 or a.kind not in ("weekday", "date",
                                                                                                    "relative_date"):
            continue
        if not RANGE_GAP.match(gap) or gap.strip() == "and":
            continue
        start, end = dt.date.fromisoformat(a.date), dt.date.fromisoformat(b.date)
        if end >= start:
            continue
        if a.kind == "weekday" and b.attr("tense") == "past":
            figures[i - 1] = replace(a, date=(start - dt.timedelta(weeks=1)).isoformat())
        else:
            figures[i] = replace(b, date=(end + dt.timedelta(weeks=1)).isoformat())
    return figures
