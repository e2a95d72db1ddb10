"""Records: "a record", "the highest" or "the lowest" against earlier values of the same series in the text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import shown
from ..extract.context import LEX, RECORD_LOW
from ..model import Figure, Rule
from ..reading.counted import counted, verb
from ..wording import date_span_words
from . import CheckContext, Hit
from .arith import interval, show, show_interval
from .calendar import bounds

SKIP_ROLES = {"change", "share"}
SKIP_QUALIFIERS = {"forecast", "up_to", "at_most", "less_than"}
PERIOD_NAME = re.compile(r"(?:annual|monthly|daily) ")
# An entity named after a figure is its own only when a preposition brings it in, with no clause break between
# ("600,000 tonnes of tea from Kenya"); not "€43.5 billion before US tariffs cut shipments".
ENTITY_AFTER = re.compile(r"[^,;:.\d]{0,40}\b(?:in|of|for|at|from|by|across)\s+(?:the\s+)?")
DURING = re.compile(r"\b(?:during|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
POINTS = re.compile(r"\d[ \u00a0]*(?:points|pts)$")
RECORD_NOUN_OF = re.compile(LEX["record_noun_of"], re.I)
RECORD_PREVIOUS = re.compile(LEX["record_previous"], re.I)
PREVIOUS_VALUE = re.compile(LEX["record_previous_value"], re.I)
# the words that say a sentence's figure set a record, high or low ("the hottest day in recorded history")
BEATEN = re.compile(rf"(?i:\b(?:(?P<low>{'|'.join(LEX['record_beaten_low'])})|"
                    rf"(?P<high>{'|'.join(LEX['record_beaten'])})|{'|'.join(LEX['record_beaten_either'])})\b)")
PRONOUN_STATED = re.compile(r"\b(?:it|they)\s+(?:(?:had|has|have|also|then)\s+)?(?:stood|was|were|been|reached|hit|"
                            r"fell|rose|dropped|dipped|climbed|peaked)\s+(?:(?:at|to)\s+)?$", re.I)
PER_BASE = re.compile(r"\b(?:per|for every|in every)\s+$")
PARTS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
         "late": (21, None), "end of": (21, None)}


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


def _same_series(record: Figure, other: Figure, nouns: dict[str, tuple] | None = None,
                 entities: dict[str, str | None] | None = None, times: tuple = (None, None),
                 pronouns: set[str] | None = None) -> bool:
    """One series: the same kind and unit, and no name that differs (the extractor's series or subject, the
    entity, what an "of" phrase counts): "a record 41.2 million tonnes of cargo" and "38.5 million tonnes in 2023";
    bare counts and percentages need a name on both (a percentage stated by "it" takes its sentence's antecedent:
    "In 2019 it stood at 2.9%")."""
    if _measure(record) != _measure(other) or other.value is None:
        return False
    if record.unit is None and not (series(record) and series(other)) and not _named_alike(record, other, nouns):
        return False  # bare numbers ("closed at 2,404.64") say nothing of what they count: two indexes, two series
    if record.unit in ("%", "pp") and not (series(record) and (series(other) or other.id in (pronouns or ()))):
        return False  # a rate of unemployment and "growth of about three pct": percentages of many things
    for name in ("series", "entity", "of_phrase"):
        a, b = record.attr(name), other.attr(name)
        if name == "entity" and entities is not None:
            a, b = entities.get(record.id, a), entities.get(other.id, b)
        if name == "series" and a and b:
            if bool(PERIOD_NAME.match(a)) != bool(PERIOD_NAME.match(b)):  # one anchor named a period
                a, b = _period(a, times[0]), _period(b, times[1])
                if bool(PERIOD_NAME.match(a)) != bool(PERIOD_NAME.match(b)):  # a day's value: no period to differ
                    a, b = PERIOD_NAME.sub("", a), PERIOD_NAME.sub("", b)
        if a and b and a != b:
            return False
    return not (record.subject and other.subject and record.subject != other.subject)


def _named_alike(record: Figure, other: Figure, nouns: dict[str, tuple] | None) -> bool:
    """Whether two bare counts count one thing: the same noun, or, when one has none, the same verb ("handled a
    record 48.2 million passengers" ... "it had handled 51.3 million")."""
    if not nouns:
        return False
    (noun_a, verb_a), (noun_b, verb_b) = nouns.get(record.id, (None, None)), nouns.get(other.id, (None, None))
    if noun_a and noun_b:
        return noun_a == noun_b
    return bool(noun_a or noun_b) and verb_a is not None and verb_a == verb_b


def _period(name: str, span: tuple | None) -> str:
    """A series name with the period of the time its figure is for, when its anchor gave it none (and the other
    series name has one): "deaths" of last year is "annual deaths", one series with 2022's; "passengers" of 2007
    and "monthly passengers" of July stay two; a value of one day ("3.1%, the lowest on record") has no period to
    differ by."""
    if PERIOD_NAME.match(name) or span is None:
        return name
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"annual {name}"
    if first.day == 1 and first.month == last.month and (last + dt.timedelta(days=1)).day == 1:
        return f"monthly {name}"
    return name


def _when(ctx: CheckContext, fig: Figure, present: bool) -> tuple | None:
    """The days a figure's value is for: its anchor, else the nearest dated figure of its sentence ("a record 8,412
    points on Tuesday", "last year"), else (for a record stated in the present: "the lowest on record") publication."""
    if fig.anchor:
        return bounds(fig.anchor)
    # "the highest since 1992": the year a record counts from is not the time of its value
    dated = [d for d in ctx.in_sentence(fig.sentence) if d.is_calendar and d.date and d.kind != "duration"
             and not d.attr("open")]
    if dated:
        nearest = min(dated, key=lambda d: abs(d.span.start - fig.span.start))
        span = _part(bounds(nearest.date), nearest.attr("part"))
        stated = [bounds(d.date) for d in dated if d.kind in ("year", "date", "date_range")]
        if not present and span and nearest.kind in ("weekday", "relative_date") and stated and all(
                s and (s[1] < span[0] or span[1] < s[0]) for s in stated):
            return stated[0]  # "on its Saturday in 2022": the year the sentence states, not last Saturday
        return span
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
    for record, low in [*_records(ctx), *ctx.memo(_beaten, _beaten).values()]:
        if record.kind not in kinds or record.value is None:
            continue
        mine = _when(ctx, record, present=True)
        nouns = ctx.memo(_nouns, _nouns) if record.unit is None else None
        entities = ctx.memo(_entities, _entities)
        for other in ctx.memo(_by_unit, _by_unit).get(_measure(record), ()):
            if other.id == record.id or other.attr("role") in SKIP_ROLES or SKIP_QUALIFIERS & set(other.qualifiers):
                continue
            theirs, since = _when(ctx, other, present=False), bounds(record.attr("since"))
            earlier = ctx.memo(_previous, _previous).get(other.id) == record.id
            # "beating the old record of 2.6 million set in 2019": that date is the old record's, not this one's
            when = None if earlier and theirs == mine and other.sentence == record.sentence else mine
            if not earlier and not _same_series(record, other, nouns, entities, (when, theirs),
                                                ctx.memo(_pronouns, _pronouns)):
                continue
            if (when is None or theirs is None) and not earlier or when and theirs and not theirs[1] < when[0]:
                continue  # a record can be beaten later, and a forecast beats nothing; a previous record is earlier
            if since is not None and theirs is not None and not theirs[0] > since[1]:
                continue  # "the highest since 2008": only the values after 2008 are below it
            ctx.mark(record, other)
            a, b = interval(record), interval(other)
            beaten = b.low > a.high if not low else b.high < a.low
            if not beaten:
                continue
            word = "lowest" if low else "highest"
            at = _day_words(when) if when else "now"
            then = _day_words(theirs) if theirs else "the previous record"
            yield Hit((record, other), {"record": record.surface.strip(), "other": other.surface.strip(),
                                        "anchor": at, "earlier": then, "word": word},
                      evidence=f"{at}: {show_interval(a, record.unit)} (called a record); "
                               f"{then}: {show_interval(b, other.unit)} is "
                               f"{'lower' if low else 'higher'}",
                      fix=f"Drop 'record', or check the {then} figure "
                          f"({show(other.value, other.unit)}).")


def _records(ctx: CheckContext) -> Iterator[tuple[Figure, bool]]:
    """Each figure called a record, and whether it is a low; a record word before the noun it measures counts too
    ("record profits of $4.2bn": RECORD_NOUN_OF). A record read on the base of a rate ("3.1 deaths per
    1,000 births, the lowest ever") is the rate's: the figure before "per" in its sentence."""
    figures, text = ctx.figures, ctx.doc.text
    for k, fig in enumerate(figures):
        if "record" not in fig.qualifiers and fig.attr("extreme") not in ("high", "low"):
            sentence = ctx.doc.sentence_span(fig.sentence)
            m = RECORD_NOUN_OF.search(text, max(sentence.start, fig.span.start - 60), fig.span.start)
            if m:  # "record profits of $4.2bn"
                yield fig, bool(RECORD_LOW.search(m.group("word")))
            continue
        if k and PER_BASE.search(text, max(0, fig.span.start - 16), fig.span.start) \
                and figures[k - 1].sentence == fig.sentence:
            yield figures[k - 1], low_record(fig)
        else:
            yield fig, low_record(fig)


def _measure(fig: Figure) -> tuple[str, str | None]:
    """A figure's kind and unit; "8,650 points" that the words around it read as percentage points is an index
    level when no share can be that large: a count of points, like "an all-time high of 8,412 points"."""
    if fig.unit == "pp" and (fig.value or 0) > 100 and POINTS.search(fig.surface):
        return "count", None
    return fig.kind, fig.unit


def _previous(ctx: CheckContext) -> dict[str, str]:
    """The figures the text calls an earlier record ("the previous record, 51.3 million, was set in 2019", "the 2019
    peak of"), each with the record it is earlier than: the last figure called a record before it, of the same kind
    and unit. Of that record's series, whatever they count; other records ("Newark's 46 million, a record", after
    "the previous record of 138.2 million" for all the airports) compare with it as with any figure."""
    out: dict[str, str] = {}
    last: dict[tuple, str] = {}
    records = {fig.id for fig, _ in _records(ctx)}
    beaten = ctx.memo(_beaten, _beaten)
    for fig in ctx.figures:
        if RECORD_PREVIOUS.search(ctx.doc.text, ctx.doc.sentence_span(fig.sentence).start, fig.span.start) \
                and _measure(fig) in last:
            out[fig.id] = last[_measure(fig)]
        elif fig.id in beaten:
            out[fig.id] = beaten[fig.id][0].id
        elif fig.id in records:
            last[_measure(fig)] = fig.id
    return out


def _beaten(ctx: CheckContext) -> dict[str, tuple[Figure, bool]]:
    """Each figure given as the value of a previous record ("the previous record of 16.92", "The old record, 46.9C,")
    with no figure called a record before it, with the record that beat it: the nearest figure of the same measure
    before it, in its sentence or the one before, when that sentence names a record (record_beaten: "the highest
    temperature ever recorded in Scotland at 91.8F"), and whether that record is a low."""
    figures, text, out = ctx.figures, ctx.doc.text, {}
    called = {fig.id for fig, _ in _records(ctx)}
    for k, fig in enumerate(figures):
        start = ctx.doc.sentence_span(fig.sentence).start
        previous = list(RECORD_PREVIOUS.finditer(text, start, fig.span.start))
        if not previous or not PREVIOUS_VALUE.fullmatch(text, previous[-1].end(), fig.span.start):
            continue
        for other in reversed(figures[:k]):
            if other.sentence < fig.sentence - 1:
                break
            if _measure(other) != _measure(fig) or other.value is None:
                continue
            span = ctx.doc.sentence_span(other.sentence)
            words = [w for w in BEATEN.finditer(text, span.start, span.end)
                     if not (other.sentence == fig.sentence and w.start() >= previous[-1].start())]
            if words and other.id not in called:  # a record called so: the previous record is its own already
                low = [w for w in (*words, *BEATEN.finditer(previous[-1].group(0))) if w.group("low")]
                out[fig.id] = (other, bool(low) and not any(w.group("high") for w in words))
            break
    return out


def _pronouns(ctx: CheckContext) -> set[str]:
    """The figures a pronoun states ("it stood at 2.9%", "they had been 4.1%"): of the series named before."""
    return {fig.id for fig in ctx.figures if PRONOUN_STATED.search(
        ctx.doc.text, max(ctx.doc.sentence_span(fig.sentence).start, fig.span.start - 40), fig.span.start)}


def _by_unit(ctx: CheckContext) -> dict[tuple, list[Figure]]:
    """The figures of each kind and unit, in text order (once per document: a record looks only at its own)."""
    out: dict[tuple, list[Figure]] = {}
    for fig in ctx.figures:
        out.setdefault(_measure(fig), []).append(fig)
    return out


def _entities(ctx: CheckContext) -> dict[str, str | None]:
    """Each figure's entity, unless the sentence names it only after the figure and not through a preposition
    (ENTITY_AFTER): "handled a record 41,200 containers, helped by fruit imports from South Africa" is the port's
    count, not South Africa's."""
    text, out = ctx.doc.text, {}
    for fig in ctx.figures:
        entity = fig.attr("entity")
        if entity:
            span = ctx.doc.sentence_span(fig.sentence)
            first = text.find(entity, span.start, span.end)
            later = first >= fig.span.end and not ENTITY_AFTER.fullmatch(text, fig.span.end, first)
            # "during the hugely popular Viking exhibition, 51,000 people": a name in a time phrase owns nothing
            during = first >= 0 and DURING.search(text, max(span.start, first - 40), first)
            out[fig.id] = None if later or during else entity
    return out


def _nouns(ctx: CheckContext) -> dict[str, tuple[str | None, str | None]]:
    """What each bare count counts (counted()) and the verb that states it (verb()), once per document."""
    text = ctx.doc.text
    out = {}
    for f in ctx.figures:
        if _measure(f) == ("count", None) and f.value is not None:
            start = ctx.doc.sentence_span(f.sentence).start
            out[f.id] = ("point" if f.unit == "pp" else counted(text, f, start), verb(text, f, start))
    return out


def _day_words(span: tuple) -> str:
    """ "2021", "March 2026" or "March 3, 2026": the time a figure is for, as precisely as the text gives it."""
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if first.day == 1 and first.month == last.month and (last + dt.timedelta(days=1)).day == 1:
        return first.strftime("%B %Y")
    return date_span_words(first, last)
