"""Calendar checks: impossible dates, wrong weekdays, reversed ranges, durations, ages and tense."""

from __future__ import annotations

import calendar as cal
import datetime as dt
import re
from collections.abc import Iterator

from ..model import Figure, Rule, Statement
from ..wording import date_span_words, date_words, number, show
from . import CheckContext, Hit

WEEKDAYS = list(cal.day_name)
TESTS = (
    "impossible-date",
    "weekday-mismatch",
    "range-reversed",
    "duration-mismatch",
    "past-after-publication",
    "age-birth-year",
    "anniversary-year",
    "relative-date-mismatch",
    "elapsed-mismatch",
    "span-years",
)
DAYS_PER = {"day": 1, "week": 7}
# an age that names its person by the age alone ("The 29-year-old trained in London"): the person last told born
THE_AGE = re.compile(r"(?i:\bthe)[ \t\r\n\u00a0]+$")
AGE_BACK = 6  # sentences back to that birth
NAMED_WEEKDAY = re.compile(rf"(next|this|coming|last)\s+({'|'.join(WEEKDAYS)})\b", re.I)


def validate(params: dict) -> str | None:
    test = params.get("test")
    if test not in TESTS:
        return f"test: expected one of {', '.join(TESTS)}"
    return None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    yield from globals()["_" + rule.params["test"].replace("-", "_")](rule, ctx)


def bounds(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date of any precision ("2022", "2022-02", "2022-02-28") can mean."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], cal.monthrange(parts[0], parts[1])[1])
        day = dt.date(*parts[:3])
        return day, day
    except (ValueError, TypeError):
        return None


def _calendar_figures(ctx: CheckContext, *kinds: str) -> Iterator[Figure]:
    for fig in ctx.figures:
        if fig.kind in kinds:
            yield fig


def _impossible_date(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    for fig in _calendar_figures(ctx, "date", "date_range"):
        ctx.mark(fig)
        if fig.attr("valid", True) is not False:
            continue
        year, month = _year_month(fig.date)
        days = cal.monthrange(year, month)[1] if year and month and 1 <= month <= 12 else None
        reason = f"{cal.month_name[month]} {year} has {days} days" if days else "there is no such month"
        yield Hit((fig,), {"date": fig.surface.strip(), "reason": reason},
                  evidence=f"{fig.date}: {reason}")


def _year_month(iso: str | None) -> tuple[int | None, int | None]:
    try:
        parts = (iso or "").split("-")
        return int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        return None, None


def _weekday_mismatch(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    for fig in _calendar_figures(ctx, "date"):
        stated = fig.attr("weekday")
        span = bounds(fig.date)
        if stated is None or span is None or span[0] != span[1]:
            continue
        ctx.mark(fig)
        actual = span[0].weekday()
        if actual != stated:
            yield Hit((fig,), {"date": span[0].strftime("%B %-d, %Y"), "actual": WEEKDAYS[actual],
                               "stated": WEEKDAYS[stated]},
                      evidence=f"{span[0].isoformat()} is a {WEEKDAYS[actual]}; the text says {WEEKDAYS[stated]}",
                      fix=f"Check the date: the nearest {WEEKDAYS[stated]} is "
                          f"{_nearest_weekday(span[0], stated).strftime('%B %-d')}.")


def _nearest_weekday(day: dt.date, weekday: int) -> dt.date:
    options = [day + dt.timedelta(days=d) for d in range(-3, 4)]
    return next(d for d in options if d.weekday() == weekday)


def _range_reversed(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    for fig in _calendar_figures(ctx, "date_range"):
        start, end = bounds(fig.date), bounds(fig.date_end)
        if start is None or end is None:
            continue
        ctx.mark(fig)
        if end[1] < start[0]:
            yield Hit((fig,), {"start": date_words(fig.date), "end": date_words(fig.date_end)},
                      evidence=f"{fig.date} → {fig.date_end} is {(end[1] - start[0]).days} days")


def _duration_mismatch(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    for fig in _calendar_figures(ctx, "duration"):
        per = DAYS_PER.get(fig.unit or "")
        if per is None or fig.value is None:
            continue
        # a stated span, not a part of a period the extractor narrowed ("at the end of October": no 16 days)
        ranges = [r for r in ctx.in_sentence(fig.sentence) if r.kind == "date_range" and not r.attr("part")]
        for rng in ranges:
            start, end = bounds(rng.date), bounds(rng.date_end)
            if start is None or end is None or start[0] != start[1] or end[0] != end[1]:
                continue
            ctx.mark(fig, rng)
            inclusive = (end[0] - start[0]).days + 1
            stated = fig.value * per
            if stated not in (inclusive, inclusive - 1):
                yield Hit((fig, rng), {"duration": fig.surface.strip(), "days": inclusive,
                                       "range": rng.surface.strip()},
                          evidence=f"{rng.date} to {rng.date_end} is {inclusive} days counted inclusively; "
                                   f"the text says {show(fig.value, fig.unit)}")


def _past_after_publication(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    if ctx.published is None:
        return
    for fig in ctx.figures:
        # the extractor sets tense "past" only on an event's own date ("launched its war in February 2024"),
        # not on a maturity, deadline, span, fiscal or forecast year ("notes due 1994", "by 1991")
        if not fig.is_calendar or fig.attr("tense") != "past" or fig.kind in ("weekday", "relative_date"):
            continue
        span = bounds(fig.date)
        if span is None:
            continue
        ctx.mark(fig)
        if span[0] > ctx.published:
            yield Hit((fig,), {"date": date_words(fig.date), "published": date_words(ctx.published)},
                      evidence=f"{fig.date} begins {(span[0] - ctx.published).days} days after publication "
                               f"({ctx.published.isoformat()}), yet the verb is in the past tense")


def _age_birth_year(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """An age against a birth year in its sentence, tied to it by the person's name (a date_relation with roles
    age and born), or, for an age at death, the article's one birth year: at the age's own time anchor ("in 2010,
    aged 40") when it has one other than the birth year, else at publication."""
    named = _related(ctx, "age", "born")
    births = [y for y in ctx.figures if y.kind in ("year", "date") and y.attr("born")]
    for fig in _calendar_figures(ctx, "age"):
        if fig.attr("of_person") is False:
            continue  # a thing's age ("the 150-year-old company") is no one's birth year
        born = [y for y in ctx.in_sentence(fig.sentence) if y.kind in ("year", "date") and y.attr("born")]
        born += [y for y, _ in named.get(fig.id, ()) if y not in born]
        death = None
        if not born and fig.attr("died"):
            lived = _lifespan(ctx, births, fig)
            if lived is not None:  # "Ernest Graves (May 5, 1919 Chicago-June 1, 1983 New York)" ... "at the age of 64"
                born, death = [lived[0]], lived[1]
            elif len({y.date for y in births}) == 1:
                born = births[:1]  # "Born in 1944 in Leeds, ..." ... "has died aged 81": the one birth of the article
        elif not born and THE_AGE.search(ctx.doc.text, max(0, fig.span.start - 5), fig.span.start):
            # "Harvey Lindqvist, who was born in 2001, ..." ... "The 29-year-old trained": the person last born
            before = [y for y in births if y.span.end <= fig.span.start and fig.sentence - y.sentence <= AGE_BACK]
            born = before[-1:]
        for year_fig in born:
            span = bounds(year_fig.date)
            anchor = death.date if death is not None else fig.anchor
            at = bounds(anchor) if anchor and anchor != year_fig.date else None
            when = f"in {anchor}" if at else "at publication"
            if at is None and ctx.published is not None:
                at = (ctx.published, ctx.published)
            if span is None or at is None or fig.value is None:
                continue
            ctx.mark(fig, year_fig)
            youngest = max(0, at[0].year - span[1].year - 1)
            oldest = at[1].year - span[0].year
            if span[0] == span[1] and at[0] == at[1]:  # two days: the one age ("May 5, 1919" to "June 1, 1983": 64)
                youngest = oldest = oldest - ((at[0].month, at[0].day) < (span[0].month, span[0].day))
            if not youngest <= fig.value <= oldest:
                shown = f"in {anchor}" if when != "at publication" else f"on {date_words(ctx.published)}"
                yield Hit((fig, year_fig), {"age": number(fig.value, 15), "born": year_fig.date, "when": when,
                                            "expected": f"{youngest} or {oldest}" if youngest != oldest
                                            else str(oldest)},
                          evidence=f"{at[1].year} - {span[0].year} = {oldest}: someone born in "
                                   f"{year_fig.date} is {youngest} or {oldest} {shown}; "
                                   f"the text says {number(fig.value, 15)}")


def _lifespan(ctx: CheckContext, births: list[Figure], age: Figure) -> tuple[Figure, Figure] | None:
    """The lifespan an age at death follows: the last birth before it that a death date follows in its sentence (a
    bracket "(May 5, 1919 Chicago-June 1, 1983 New York City)"), with that death, or None."""
    before = [y for y in births if y.span.end <= age.span.start]
    if not before:
        return None
    death = next((d for d in ctx.in_sentence(before[-1].sentence)
                  if d.attr("death") and d.span.start > before[-1].span.end), None)
    return (before[-1], death) if death is not None and death.span.end <= age.span.start else None


def _anniversary_year(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    if ctx.published is None:
        return
    for fig in ctx.figures:
        nth = fig.attr("anniversary")
        span = bounds(fig.date)
        if nth is None or span is None:
            continue
        ctx.mark(fig)
        actual = ctx.published.year - span[0].year
        if actual != nth:
            yield Hit((fig,), {"nth": nth, "year": span[0].year, "actual": actual},
                      evidence=f"{ctx.published.year} - {span[0].year} = {actual}; the text says the {nth}th")


def _relative_date_mismatch(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """'next week, on March 30' against the week that 'next week' means at publication; a weekday ('resigned on
    Friday') against the day it means."""
    if ctx.published is None:
        return
    for rel in _calendar_figures(ctx, "relative_date", "weekday"):
        meant = bounds(rel.date)
        if meant is None:
            continue
        meant = (meant[0], (bounds(rel.date_end) or meant)[1])
        for other, statement in _related(ctx, "relative", "date").get(rel.id, ()):
            bound = statement.fact("bound")
            # only a date the reading ties to it as naming the same time: "next week, on March 30"
            stated, stated_end = bounds(other.date), bounds(other.date_end or other.date)
            if stated is None or stated_end is None or stated[0] != stated[1]:
                continue
            ctx.mark(rel, other)
            # a past event's start may lie before its period ("last week's flooding" ... "began on October 2"), its
            # end after it: only the other side contradicts
            before, after = stated_end[1] < meant[0], stated[0] > meant[1]
            if (before and bound != "start") or (after and bound != "end"):
                relation = rel.attr("relation") or rel.surface.strip()
                span = date_span_words(meant[0], meant[1])
                said = other.date + (f" to {other.date_end}" if other.date_end else "")
                yield Hit((rel, other), {"relative": rel.surface.strip(), "date": other.surface.strip(),
                                         "meant": span, "published": date_words(ctx.published)},
                          evidence=f"published {ctx.published.isoformat()}: '{relation}' is {span}; "
                                   f"the text also says {said}",
                          fix=f"Check the date, or say when '{rel.surface.strip()}' is counted from.")
    yield from _named_weekday(ctx)
    yield from _dateline(ctx)


def _dateline(ctx: CheckContext) -> Iterator[Hit]:
    """'PARIS, July 24 - Eurotunnel reported ... on Monday' published on Monday, July 23: the dateline names the day
    the story was filed, and the lead's weekday (publication's own) says that day was publication's."""
    for fig in _calendar_figures(ctx, "date"):
        day = bounds(fig.date) if fig.attr("dateline") else None
        if day is None or day[0] != day[1] or ctx.published is None or day[0] == ctx.published:
            continue
        ctx.mark(fig)
        for rel in ctx.in_sentence(fig.sentence):
            if rel.kind != "weekday" or rel.attr("weekday") != ctx.published.weekday() or \
                    rel.attr("weekday") == day[0].weekday() or bounds(rel.date) != (ctx.published, ctx.published):
                continue
            ctx.mark(rel)
            yield Hit((rel, fig), {"relative": rel.surface.strip(), "date": fig.surface.strip(),
                                   "meant": date_words(ctx.published), "published": date_words(ctx.published)},
                      evidence=f"published {ctx.published.isoformat()}, a {WEEKDAYS[ctx.published.weekday()]}: "
                               f"the lead's '{rel.surface.strip()}' is that day; the dateline says {fig.date}",
                      fix="Check the dateline against the publication date.")
            break


def _named_weekday(ctx: CheckContext) -> Iterator[Hit]:
    """'next Tuesday, March 24' (one date figure) against the Tuesdays 'next Tuesday' can mean at publication: the
    coming one or the one after it ('last Tuesday': the one before or the one before that)."""
    for fig in _calendar_figures(ctx, "date"):
        m = NAMED_WEEKDAY.match(fig.surface.strip())
        span = bounds(fig.date)
        if m is None or span is None or span[0] != span[1] or ctx.published is None:
            continue
        day = WEEKDAYS.index(m.group(2).capitalize())
        step = -1 if m.group(1).lower() == "last" else 1
        first = ctx.published + dt.timedelta(days=step)
        while first.weekday() != day:
            first += dt.timedelta(days=step)
        meant = sorted((first, first + dt.timedelta(days=7 * step)))
        ctx.mark(fig)
        if meant[0] <= span[0] <= meant[1]:
            continue
        relation = " ".join(m.group(0).split())
        words = f"{date_words(meant[0])} or {date_words(meant[1])}"
        yield Hit((fig,), {"relative": relation, "date": fig.surface.strip(), "meant": words,
                           "published": date_words(ctx.published)},
                  evidence=f"published {ctx.published.isoformat()}: '{relation}' is {meant[0].isoformat()} or "
                           f"{meant[1].isoformat()}; the text says {fig.date}",
                  fix=f"Check the date, or say when '{relation}' is counted from.")


def _related(ctx: CheckContext, key: str, value: str) -> dict[str, list[tuple[Figure, Statement]]]:
    """id of the figure in role key -> the figures in role value, each with its statement, over the date_relation
    statements (once per document): relative -> date ("next week, on March 30"; fact bound: the phase a past event's
    date bounds), age -> born ("Henley, 61" ... "born in 1958")."""
    def build(ctx: CheckContext) -> dict[str, list[tuple[Figure, Statement]]]:
        out: dict[str, list[tuple[Figure, Statement]]] = {}
        for statement in ctx.statements_of("date_relation"):
            fig = ctx.figure(statement, value)
            if fig is not None:
                out.setdefault(statement.id_of(key) or "", []).append((fig, statement))
        return out
    return ctx.memo(("date_relation", key, value), build)


def _elapsed_mismatch(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """'On March 6, two days after the March 3 vote': the days between two dates against the stated gap."""
    for fig in _calendar_figures(ctx, "duration"):
        per = DAYS_PER.get(fig.unit or "")
        word = fig.attr("relation")  # "after" | "before", from the extractor ("two days after", "a week later")
        if per is None or fig.value is None or word is None:
            continue
        spans = [(d, bounds(d.date)) for d in ctx.in_sentence(fig.sentence) if d.kind == "date"]
        days = [(d, b[0]) for d, b in spans if b is not None and b[0] == b[1]]
        if len(days) != 2:
            continue
        (first, a), (second, b) = days
        ctx.mark(fig, first, second)
        gap = abs((b - a).days)
        stated = fig.interval if fig.interval is not None else None
        low, high = (stated.low * per, stated.high * per) if stated is not None else (fig.value * per, fig.value * per)
        if low - 0.5 <= gap <= high + 0.5:
            continue
        yield Hit((fig, first, second), {"duration": fig.surface.strip(), "days": gap,
                                         "first": first.surface.strip(), "second": second.surface.strip()},
                  evidence=f"{a.isoformat()} to {b.isoformat()} is {gap} days; the text says {fig.surface.strip()}",
                  fix=f"Say {gap} days, or check the dates.")


def _span_years(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    """'A record, set in 1970, that stood for 12 years until 1982': the years between the two years of the sentence
    against the stated span (attr spans, from the extractor), give or take the year the dates leave open."""
    for fig in _calendar_figures(ctx, "duration"):
        if not fig.attr("spans") or fig.unit != "year" or fig.value is None:
            continue
        years = [bounds(y.date) for y in ctx.in_sentence(fig.sentence) if y.kind in ("year", "date")]
        if len(years) != 2 or None in years:
            continue
        first, second = sorted(b[0].year for b in years if b is not None)
        ctx.mark(fig)
        gap = second - first
        stated = fig.interval if fig.interval is not None else None
        low, high = (stated.low, stated.high) if stated is not None else (fig.value, fig.value)
        if low - 1 <= gap <= high + 1:
            continue
        yield Hit((fig,), {"duration": fig.surface.strip(), "years": gap, "first": first, "second": second},
                  evidence=f"{second} - {first} = {gap}; the text says {fig.surface.strip()}",
                  fix=f"Say {gap} years, or check the years.")

