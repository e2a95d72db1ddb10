"""Atoms into Figures: dates resolved against publication, tense, validity, births and anniversaries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil.relativedelta import relativedelta

from ...model import Figure, Span
from .arithmetic import (
    date_anchor,
    holiday_date,
    holiday_weekend,
    infer_year,
    iso,
    iso_date,
    safe_date,
    shift,
    valid_day,
    weekday_date,
    weekday_of,
)
from .atom import Atom
from .parts import part_of
from .patterns import ANNIVERSARY, BORN, LIFESPAN_BIRTH, LIFESPAN_DEATH, LIFESPAN_OPEN
from .tense import coming_deadline, coming_weekday, is_deadline, is_event_date, present_before, tense_at
from .words import MODIFIERS, ORDINAL_WORDS


def _resolve_point(
    atom: Atom, published: dt.date | None, tense: str | None, event: bool = False
) -> tuple[str | None, bool, bool]:
    """(ISO date, valid, year inferred) for a date or year atom (event: the past tense dates the event itself)."""
    if atom.year is None and atom.month is None and atom.day is not None:
        if published is None:
            return None, True, True
        candidates = [dt.date(published.year, published.month, 1) + relativedelta(months=k) for k in (-1, 0, 1)]
        options = [safe_date(c.year, c.month, atom.day) for c in candidates]
        if tense == "past":
            options = [o for o in options if o <= published] or options
        elif tense == "future":
            options = [o for o in options if o >= published] or options
        best = min(options, key=lambda o: abs((o - published).days))
        return iso(best.year, best.month, atom.day), valid_day(best.year, best.month, atom.day), True
    if atom.year is None and atom.month is None:
        return None, True, False
    inferred = False
    year = atom.year
    if year is None:
        if published is None:
            return None, True, True
        year, inferred = (
            infer_year(atom.month, atom.day if atom.day and atom.day <= 31 else None, published, tense, event),
            True,
        )
    valid = atom.day is None or valid_day(year, atom.month, atom.day)
    return iso(year, atom.month, atom.day), valid, inferred


def undated_figure(text: str, atom: Atom) -> Figure:
    kind = "relative_date" if "offset" in atom.attrs or "holiday" in atom.attrs else atom.kind
    attrs = {k: v for k, v in atom.attrs.items() if k in ("relation", "weekday", "part")}
    return Figure("", Span(atom.start, atom.end), text[atom.start : atom.end], kind, attrs=tuple(sorted(attrs.items())))


def to_figure(text: str, atom: Atom, published: dt.date | None, previous) -> tuple[Figure | None, Any]:
    span = Span(atom.start, atom.end)
    surface = text[atom.start : atom.end]
    tense = tense_at(text, atom.start, atom.end)
    if (tense == "past" and present_before(text, atom.start, atom.end)) or atom.attrs.get("dateline"):
        tense = None  # "the plant closes on March 3, the company said": a speaker's past; a dateline has none
    if atom.kind == "date" and atom.attrs.get("mod"):
        tense = None  # "next Friday 5/17, the clerk said": the modifier, not the verb, speaks of the date: nearest
    attrs = dict(atom.attrs)
    attrs.pop("mod", None)
    attrs.pop("standalone", None)
    attrs.pop("absolute", None)
    event = tense == "past" and is_event_date(text, atom)
    if tense and atom.kind != "duration" and (tense != "past" or event):
        attrs["tense"] = tense
    if atom.kind == "duration":
        return Figure(
            "", span, surface, "duration", value=atom.value, unit=atom.unit, attrs=tuple(sorted(attrs.items()))
        ), None
    date = date_end = None
    kind = atom.kind
    precision = 3
    if "offset" in attrs:
        unit, n, sign, base = attrs.pop("offset")
        start_from = published
        if base == "ref":
            ref, _ = to_figure(text, atom.end_atom, published, previous)
            anchor = date_anchor(ref.date) if ref is not None else None
            if anchor is None:
                return Figure("", span, surface, "relative_date", attrs=tuple(sorted(attrs.items()))), None
            when = anchor[0] + shift(unit, n, sign)
            return Figure(
                "", span, surface, "relative_date", date=iso_date(when), attrs=tuple(sorted(attrs.items()))
            ), (when, 3)
        if base == "previous" and previous is not None:
            start_from, precision = previous
        if start_from is None:
            return Figure("", span, surface, "relative_date", attrs=tuple(sorted(attrs.items()))), None
        when = start_from + shift(unit, n, sign)
        date = iso_date(when, precision)
        return Figure("", span, surface, "relative_date", date=date, attrs=tuple(sorted(attrs.items()))), (
            when,
            precision,
        )
    if "holiday" in attrs:
        rule, year, mod, explicit = attrs.pop("holiday")
        when = holiday_date(rule, year)
        if not explicit and published is not None:
            direction = MODIFIERS.get(mod) if mod else tense
            if direction == "past" and when > published:
                when = holiday_date(rule, year - 1)
            elif direction == "future" and when <= published:
                when = holiday_date(rule, year + 1)
            elif direction not in ("past", "future", "this"):  # no tense: the one nearest publication
                when = min((holiday_date(rule, y) for y in (year - 1, year, year + 1)),
                           key=lambda d: abs((d - published).days))
        date_end = None
        if attrs.pop("weekend", False):
            date, date_end = holiday_weekend(when)
            kind = "date_range" if kind == "date" else kind
        else:
            date = iso_date(when)
        return Figure("", span, surface, kind, date=date, date_end=date_end, attrs=tuple(sorted(attrs.items()))), (
            when,
            3,
        )
    if atom.kind == "weekday":
        if published is not None:
            when = weekday_date(atom.weekday, published, tense, atom.attrs.get("mod"))
            coming = coming_weekday(text, atom.start, atom.end) or coming_deadline(text, atom.start, atom.end)
            if "mod" not in atom.attrs and coming:
                when = published + relativedelta(weekday=weekday_of(atom.weekday)(1))  # "delegates gather on Wednesday"
                attrs["tense"] = "future"
                if when == published:
                    attrs.pop("tense")
            date = iso_date(when)
            attrs.setdefault("relation", "on or before publication" if when <= published else "after publication")
            return Figure("", span, surface, "weekday", date=date, attrs=tuple(sorted(attrs.items()))), (when, 3)
        return Figure("", span, surface, "weekday", attrs=tuple(sorted(attrs.items()))), None
    if atom.date is not None or atom.kind == "relative_date":
        date, date_end = part_of(atom.date, atom.date_end, attrs.get("part"), published)
        fig = Figure("", span, surface, kind, date=date, date_end=date_end, attrs=tuple(sorted(attrs.items())))
        return fig, date_anchor(date)
    end = atom.end_atom
    inferred = False
    if (
        end is not None
        and tense == "future"
        and published is not None
        and atom.year is None
        and end.year is None
        and atom.month
        and end.month
    ):
        # a future range is one that has not ended by publication
        end.year = infer_year(end.month, end.day, published, "future")
        atom.year = end.year - (1 if atom.month > end.month else 0)
        inferred = True
    # a deadline told in the past tense may lie ahead: its year is found as an event's is ("had until May 8")
    near = event or (tense == "past" and atom.year is None and is_deadline(text, atom))
    date, valid, inferred_start = _resolve_point(atom, published, tense, near)
    inferred = inferred or inferred_start
    if end is not None:
        if end.date:
            date_end, valid_end = end.date, True
        else:
            if end.year is None and published is not None and date is not None:
                end.year = int(date[:4]) + (1 if end.month and atom.month and end.month < atom.month else 0)
            date_end, valid_end, _ = _resolve_point(end, published, tense)
        valid = valid and valid_end
    if not valid:
        attrs["valid"] = False
    if inferred:
        attrs["relation"] = "year from publication"
        if atom.day is None and atom.end_atom is None:
            kind = "relative_date"
            attrs["relation"] = surface.lower()
    if kind == "date" and atom.month is None and atom.day is None:
        kind = "year"
    if attrs.get("part") and valid and date_end is None:  # "mid-1989": May to August
        date, date_end = part_of(date, None, attrs["part"], published)
        if date_end is not None and kind != "relative_date":
            kind = "date_range"
    if attrs.get("weekday") is None:
        attrs.pop("weekday", None)
    if BORN.search(text[max(0, atom.start - 30) : atom.start]) or LIFESPAN_BIRTH.match(text, atom.end) \
            and LIFESPAN_OPEN.search(text, max(0, atom.start - 60), atom.start):
        attrs["born"] = True  # "born in 1958", "(May 5, 1919 Chicago – June 1, 1983 New York)"
    elif LIFESPAN_DEATH.search(text, max(0, atom.start - 80), atom.start):
        attrs["death"] = True
    if attrs.pop("week", False) and valid and date is not None and len(date) == 10:
        monday = dt.date.fromisoformat(date)
        monday -= dt.timedelta(days=monday.weekday())
        kind, date, date_end = "date_range", iso_date(monday), iso_date(monday + dt.timedelta(days=6))
    fig = Figure("", span, surface, kind, date=date, date_end=date_end, attrs=tuple(sorted(attrs.items())))
    return fig, date_anchor(date) if valid else None


def mark_anniversaries(text: str, figures: list[Figure]) -> list[Figure]:
    """ "the 20th anniversary of the 2001 accord": anniversary=20 on the year figure it refers to."""
    if "anniversar" not in text:
        return figures
    for m in ANNIVERSARY.finditer(text):
        n = int(m.group("n")) if m.group("n") else ORDINAL_WORDS[m.group("w").lower()]
        for i, fig in enumerate(figures):
            if fig.span.start >= m.end() and fig.span.start - m.end() <= 60 and fig.is_calendar:
                attrs = dict(fig.attrs)
                attrs["anniversary"] = n
                figures[i] = Figure(
                    fig.id,
                    fig.span,
                    fig.surface,
                    fig.kind,
                    date=fig.date,
                    date_end=fig.date_end,
                    attrs=tuple(sorted(attrs.items())),
                )
                break
    return figures
