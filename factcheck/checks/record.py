"""Records: "a record", "the highest" or "the lowest" against earlier values of the same series in the text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import shown
from ..extract.lexicon import load
from ..model import Figure, Rule
from ..wording import date_span_words
from . import CheckContext, Hit
from .arith import interval, show, show_interval
from .calendar import bounds

SKIP_ROLES = {"change", "share"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}
# What a bare count counts, when the extractor names no series: the noun after it ("43,000 refrigerated containers",
# "0.71 children per woman"), else the head of the subject whose verb states it ("registrations rose to 1.96
# million", "Registrations reached 2.31 million").
COUNTED_AFTER = re.compile(r"\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+)\b")
PLURALS = frozenset(load("restated")["plurals_without_s"])
NOT_NOUNS = frozenset("a an the in on at of for to by from per last this next and or but as than more less who which "
                      "that is was were are be been it its their his her with over under about".split())
STATING = re.compile(r"\b([A-Za-z][a-z-]+)\s+(?:(?:also|then|had|have|has|was|were)\s+)?(?:rose|fell|reached|hit|"
                     r"climbed|jumped|dropped|slipped|stood|totalled|totaled|increased|decreased|grew|declined)"
                     r"(?:\s+(?:to|at|by))?\s+$")
PARTS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
         "late": (21, None), "end of": (21, None)}
PERIODS = frozenset("year years month months week weeks day days quarter quarters".split())


def validate(params: dict) -> str | None:
    kinds = params.get("kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        return "kinds: expected a list of figure kinds (money, percent, ...)"
    unknown = set(params) - {"kinds"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def series(fig: Figure) -> tuple | None:
    """The series a figure belongs to: the extractor's name for it, else its kind, unit and subject."""
    name = fig.attr("series") or fig.subject
    if not name or fig.value is None:
        return None
    return fig.kind, fig.unit, name


def counted(text: str, fig: Figure, sentence_start: int) -> str | None:
    """What a bare count counts, as a lower-case head word (see COUNTED_AFTER), or None."""
    m = COUNTED_AFTER.match(text, fig.span.end)
    if m:
        words = m.group(1).split()
        words = words[:next((i for i, w in enumerate(words) if w in NOT_NOUNS or w in PERIODS), len(words))]
        # the first plural is the noun ("refrigerated containers", "passengers passed through"), else the last word
        noun = next((w for w in words if w.endswith("s") or w in PLURALS), words[-1] if words else None)
        if noun:
            return noun.removesuffix("s")
    m = STATING.search(text[max(sentence_start, fig.span.start - 80):fig.span.start])
    if m and m.group(1).lower() not in NOT_NOUNS:
        return m.group(1).lower().removesuffix("s")
    return None


def _same_series(record: Figure, other: Figure, nouns: dict[str, str | None] | None = None,
                 entities: dict[str, str | None] | None = None) -> bool:
    """One series: the same kind and unit, and no name that differs (the extractor's series or subject, the
    entity, what an "of" phrase counts): "a record 41.2 million tonnes of cargo" and "38.5 million tonnes in 2023";
    bare counts need a name on both."""
    if (record.kind, record.unit) != (other.kind, other.unit) or other.value is None:
        return False
    if record.unit is None and not (series(record) and series(other)):
        if not nouns or not nouns.get(record.id) or nouns.get(record.id) != nouns.get(other.id):
            return False  # bare numbers ("closed at 2,404.64") say nothing of what they count: two indexes, two series
    for name in ("series", "entity", "of_phrase"):
        a, b = record.attr(name), other.attr(name)
        if name == "entity" and entities is not None:
            a, b = entities.get(record.id, a), entities.get(other.id, b)
        if a and b and a != b:
            return False
    return not (record.subject and other.subject and record.subject != other.subject)


def _when(ctx: CheckContext, fig: Figure, present: bool) -> tuple | None:
    """The days a figure's value is for: its anchor, else the nearest dated figure of its sentence ("a record 8,412
    points on Tuesday", "last year"), else (for a record stated in the present: "the lowest on record") publication."""
    if fig.anchor:
        return bounds(fig.anchor)
    dated = [d for d in ctx.in_sentence(fig.sentence) if d.is_calendar and d.date and d.kind != "duration"]
    if dated:
        nearest = min(dated, key=lambda d: abs(d.span.start - fig.span.start))
        return _part(bounds(nearest.date), nearest.attr("part"))
    return (ctx.published, ctx.published) if present and ctx.published is not None else None


def _part(span: tuple | None, part: str | None) -> tuple | None:
    """The days of a month a part of it means: "early October" the 1st to the 10th, "mid-" the 11th to the 20th,
    "late" the 21st to its end."""
    if span is None or part not in PARTS or span[0].month != span[1].month or span[0].day != 1:
        return span
    first, last = PARTS[part]
    return span[0].replace(day=first), span[1] if last is None else span[0].replace(day=last)


def low_record(fig: Figure) -> bool:
    """A record low ("a record low", "the lowest"): the extractor marks it with extreme or direction."""
    return fig.attr("extreme") == "low" or (fig.attr("extreme") is None and fig.attr("direction") == "down")


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    kinds = rule.params.get("kinds", ["money", "percent", "quantity", "count"])
    for record in ctx.figures:
        is_record = "record" in record.qualifiers or record.attr("extreme") in ("high", "low")
        if not is_record or record.kind not in kinds or record.value is None:
            continue
        low = low_record(record)
        mine = _when(ctx, record, present=True)
        nouns = ctx.memo(_nouns, _nouns) if record.unit is None else None
        entities = ctx.memo(_entities, _entities)
        for other in ctx.memo(_by_unit, _by_unit).get((record.kind, record.unit), ()):
            if other.id == record.id or not _same_series(record, other, nouns, entities):
                continue
            if other.attr("role") in SKIP_ROLES or SKIP_QUALIFIERS & set(other.qualifiers):
                continue
            theirs, since = _when(ctx, other, present=False), bounds(record.attr("since"))
            if mine is None or theirs is None or not theirs[1] < mine[0]:
                continue  # a record can be beaten later, and a forecast beats nothing
            if since is not None and not theirs[0] > since[1]:
                continue  # "the highest since 2008": only the values after 2008 are below it
            ctx.mark(record, other)
            a, b = interval(record), interval(other)
            beaten = b.low > a.high if not low else b.high < a.low
            if not beaten:
                continue
            word = "lowest" if low else "highest"
            at, then = _day_words(mine), _day_words(theirs)
            yield Hit((record, other), {"record": record.surface.strip(), "other": other.surface.strip(),
                                        "anchor": at, "earlier": then, "word": word},
                      evidence=f"{at}: {show_interval(a, record.unit)} (called a record); "
                               f"{then}: {show_interval(b, other.unit)} is "
                               f"{'lower' if low else 'higher'}",
                      fix=f"Drop 'record', or check the {then} figure "
                          f"({show(other.value, other.unit)}).")


def _by_unit(ctx: CheckContext) -> dict[tuple, list[Figure]]:
    """The figures of each kind and unit, in text order (once per document: a record looks only at its own)."""
    out: dict[tuple, list[Figure]] = {}
    for fig in ctx.figures:
        out.setdefault((fig.kind, fig.unit), []).append(fig)
    return out


def _entities(ctx: CheckContext) -> dict[str, str | None]:
    """Each figure's entity, unless the sentence names it only in another clause after the figure ("handled a
    record 41,200 containers, helped by fruit imports from South Africa": the port's count, not South Africa's)."""
    text, out = ctx.doc.text, {}
    for fig in ctx.figures:
        entity = fig.attr("entity")
        if entity:
            span = ctx.doc.sentence_span(fig.sentence)
            first = text.find(entity, span.start, span.end)
            later = first >= fig.span.end and "," in text[fig.span.end:first]
            out[fig.id] = None if later else entity
    return out


def _nouns(ctx: CheckContext) -> dict[str, str | None]:
    """What each bare count counts (counted()), once per document."""
    text = ctx.doc.text
    return {f.id: counted(text, f, ctx.doc.sentence_span(f.sentence).start) for f in ctx.figures
            if f.kind == "count" and f.unit is None and f.value is not None}


def _day_words(span: tuple) -> str:
    """ "2021", "March 2026" or "March 3, 2026": the time a figure is for, as precisely as the text gives it."""
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if first.day == 1 and first.month == last.month and (last + dt.timedelta(days=1)).day == 1:
        return first.strftime("%B %Y")
    return date_span_words(first, last)
