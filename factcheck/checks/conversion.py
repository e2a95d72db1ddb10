"""Conversions in brackets: units through pint and currencies through ECB rates, at the precision stated."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterator

from ..errors import shown
from ..extract.currency_table import shared_readings
from ..extract.lexicon import load
from ..model import Figure, Interval, Rule
from ..rates import Band, Rates
from . import CheckContext, Hit
from .arith import interval, number, show, show_interval

TESTS = ("unit", "currency", "same-currency", "scale-word", "disagree", "rate-consensus")
SCALE_FACTORS = (1e3, 1e6, 1e9, 1e12)
WINDOW_DAYS = 30  # a conversion may use a rate from the weeks before publication
MIN_PEERS = 2  # other conversions that must agree on a rate: with one, which of the two is wrong is unknown
CONSENSUS = 2 / 3  # the share of a text's other conversions that must agree on a rate for FC135
WRITTEN_WITHIN = 5  # years: an undated text is written within a few years of the years it names

DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
SHARED_WORD = re.compile(r"[^\W\d_]+")  # the words of a money figure's surface; its last is the currency word
SHARED_DEFAULT = load("currencies")["shared_word_default"]


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: expected one of {', '.join(TESTS)}"
    tolerance = params.get("tolerance", 0.0)
    if not isinstance(tolerance, int | float) or not 0 <= tolerance < 1:
        return "tolerance: expected a fraction between 0 and 1"
    unknown = set(params) - {"test", "tolerance"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    test = rule.params["test"]
    tolerance = float(rule.params.get("tolerance", 0.0))
    pairs = conversion_pairs(ctx)
    if test in ("currency", "scale-word", "rate-consensus"):
        ctx.memo(_untabled, lambda c: _untabled(c, pairs))
    if test == "disagree":
        yield from _disagree(ctx, pairs, tolerance)
        return
    if test == "rate-consensus":
        yield from _rate_consensus(ctx, pairs, tolerance)
        return
    for original, converted in pairs:
        if test == "unit":
            hit = _unit(ctx, original, converted, tolerance)
        elif original.kind != "money" or converted.kind != "money":
            continue
        elif test == "same-currency":
            hit = _same_currency(ctx, original, converted)
        else:
            verdict = _currency(ctx, original, converted, tolerance)
            if test == "currency" and (verdict is None or _softest(verdict)) and ctx.published is not None:
                verdict = _by_sibling(ctx, pairs, original, converted, tolerance) or verdict
            hit = verdict.get(test) if verdict else None
        if hit is not None:
            yield hit


def _by_sibling(ctx: CheckContext, pairs: list[tuple[Figure, Figure]], original: Figure, converted: Figure,
                tolerance: float) -> dict[str, Hit] | None:
    """A restatement that fits a round original only through its rounding, checked against another restatement of
    the same original in the same text: in "$2bn (£1.47bn; €1.1bn)" both brackets fit "$2bn" read as $1.5bn-$2.5bn,
    but €1.1bn is far from £1.47bn. Of two that disagree, the one farther from the original's printed value at the
    mid rate is taken as wrong (as the change check reads the printed values first); the other must fit the
    original itself. Only with a publication date (the rates of one month: a mid rate means something) and
    currencies the words name for certain."""
    if _ambiguous(original) or _ambiguous(converted):
        return None
    mine = _off(ctx, original, converted)
    for first, sibling in pairs:
        if (first.id != original.id or sibling.id == converted.id or sibling.kind != "money"
                or sibling.unit in (original.unit, converted.unit)
                or _currency(ctx, original, sibling, tolerance) is not None):
            continue
        theirs = _off(ctx, original, sibling)
        if mine is None or theirs is None or mine <= theirs:
            continue
        verdict = _currency(ctx, sibling, converted, tolerance)
        if verdict and "currency" in verdict and not _softest(verdict):
            hit = verdict["currency"]
            return {"currency": dataclasses.replace(hit, evidence=f"{hit.evidence} ({sibling.surface.strip()}, "
                                                                  f"which also restates {original.surface.strip()})")}
    return None


def _off(ctx: CheckContext, original: Figure, converted: Figure) -> float | None:
    """How far a restatement is from its original's printed value at the mid rate of the time, as a share."""
    band = _band(ctx, original.unit, converted.unit) if original.unit and converted.unit else None
    if band is None or not original.value or converted.value is None:
        return None
    return abs(converted.value / (original.value * (band.low + band.high) / 2) - 1)


# --- which figures restate which -----------------------------------------------------------------


def conversion_pairs(ctx: CheckContext) -> list[tuple[Figure, Figure]]:
    """(original, restatement) of each conversion statement (factcheck.reading.conversion)."""
    pairs = []
    for statement in ctx.statements_of("conversion"):
        original, converted = ctx.figure(statement, "original"), ctx.figure(statement, "converted")
        if original is not None and converted is not None:
            pairs.append((original, converted))
    return pairs


# --- units ----------------------------------------------------------------------------------------


TEMPERATURES = {"celsius", "fahrenheit", "kelvin"}


def _unit(ctx: CheckContext, original: Figure, converted: Figure, tolerance: float) -> Hit | None:
    if original.kind == "money" or converted.kind == "money" or not original.unit or not converted.unit:
        return None
    if original.unit == converted.unit:
        return None
    from .. import units

    delta = "change" in (original.attr("role"), converted.attr("role"))
    source = stated(original)
    ends = [units.convert(x, original.unit, converted.unit, delta=delta) for x in (source.low, source.high)]
    if any(e is None for e in ends):
        return None  # not a conversion pint knows (different dimensions, or an unknown unit)
    ctx.mark(original, converted)
    expected = Interval(min(ends), max(ends))
    said = loose(converted)
    if not delta and {original.unit, converted.unit} <= TEMPERATURES:
        # a temperature scale has no zero to be relative to: the tolerance is of 100 degrees (1% is 1 degree)
        pad = tolerance * 100
        return None if Interval(expected.low - pad, expected.high + pad).overlaps(said) else \
            _wrong(original, converted, source, expected, said)
    if expected.overlaps(said, tolerance):
        return None
    for a in original.attr("ambiguous") or (original.unit,):  # "6.5 tons (6.6 t)": long tons
        for b in converted.attr("ambiguous") or (converted.unit,):
            other = [units.convert(x, a, b, delta=delta) for x in (source.low, source.high)]
            if None not in other and Interval(min(other), max(other)).overlaps(said, tolerance):
                return None
    return _wrong(original, converted, source, expected, said)


def _wrong(original: Figure, converted: Figure, source: Interval, expected: Interval, said: Interval) -> Hit:
    """The finding for a unit conversion that does not hold (an info when only rounding makes it hold)."""
    from .. import units

    delta = "change" in (original.attr("role"), converted.attr("role"))
    exact = units.convert(original.value, original.unit, converted.unit, delta=delta)
    args = {"original": original.surface.strip(), "converted": converted.surface.strip(),
            "expected": show(exact, converted.unit, 4 if converted.unit in TEMPERATURES else 3)}
    evidence = (f"{show_interval(source, original.unit)} = {show_interval(expected, converted.unit)}; "
                f"the text says {show_interval(said, converted.unit)}")
    right = f"{_rounded_like(exact, converted)} {_unit_word(converted)}".replace("  ", " ").strip()
    if _one_step(expected, original, converted).overlaps(said):
        return Hit((converted, original), args, evidence + " (consistent only through rounding)", f"Write {right}.",
                   "info", replacement=right)
    return Hit((converted, original), args, evidence, f"Write {right}.", replacement=right)


def _unit_word(fig: Figure) -> str:
    m = re.search(r"[^\d.,\s-].*$", fig.surface.strip())
    return m.group(0).strip() if m else (fig.unit or "")


def _rounded_like(value: float, fig: Figure) -> str:
    """A value rounded to the stated figure's precision ('932' for '1,100 miles' with step 100 → '900')."""
    step = fig.attr("step") or _step_of(fig)
    if step and step > 0:
        value = round(value / step) * step
    return number(value, digits=max(2, len(str(int(abs(value))))))


def _step_of(fig: Figure) -> float | None:
    iv = fig.interval
    if iv is None or not iv.is_finite() or iv.high == iv.low:
        return None
    return iv.high - iv.low


def _one_step(iv: Interval, *figs: Figure) -> Interval:
    """An interval widened by one more rounding step of the restating figure (at least 1%)."""
    step = max([_step_of(f) or 0 for f in figs[1:]] + [0.01 * abs(iv.mid)])
    return Interval(iv.low - step, iv.high + step)


# --- currencies -------------------------------------------------------------------------------------


def rates(ctx: CheckContext) -> Rates:
    """The ECB history this run converts with (loaded the first time a currency conversion is checked)."""
    from ..rates import load

    return load(ctx.rates)


def _years(ctx: CheckContext) -> list[int]:
    """The years the text names, sorted (computed once per document)."""
    return ctx.memo(_years, _named_years)


def _named_years(ctx: CheckContext) -> list[int]:
    years = set()
    for fig in ctx.figures:
        if fig.kind in ("year", "date", "date_range") and fig.date and fig.date[:4].isdigit():
            years.add(int(fig.date[:4]))
    return sorted(years)


def latest_past_event(ctx: CheckContext) -> dt.date | None:
    """The first day of the latest event the text tells in the past tense with its own date: publication is
    not before it. The extractor sets tense "past" only on an event's own date ('was sold in March 2004'), not on
    a maturity, deadline or forecast year ('notes due 2030'). Computed once per document."""
    return ctx.memo(latest_past_event, _latest_past_event)


def _latest_past_event(ctx: CheckContext) -> dt.date | None:
    from .calendar import bounds

    past = []
    for fig in ctx.figures:
        if fig.kind not in ("year", "date") or not fig.date or fig.attr("decade") or fig.attr("tense") != "past":
            continue
        span = bounds(fig.date)
        if span is not None:
            past.append(span[0])
    return max(past, default=None)


def _band(ctx: CheckContext, src: str, dst: str) -> Band | None:
    """The rates a conversion may have used: the weeks before publication (past the end of the ECB data, its latest
    rates in a band that widens with the gap: factcheck.rates); without a publication date, from the latest dated
    past event (or five years before the earliest year named) to five years after the latest year named; with no
    year at all, the whole record. A band that is not the weeks before publication says so in a note."""
    table = rates(ctx)
    known = table.known(src, dst)
    if known is None:
        return None
    if ctx.published is not None:
        first = ctx.published - dt.timedelta(days=WINDOW_DAYS)
        return table.band(src, dst, first, ctx.published, f"the month to {ctx.published.isoformat()}")
    years = [y for y in _years(ctx) if known[0].year <= y <= known[1].year]
    if not years:
        whole = table.between(src, dst, *known)
        note = (f"no publication date and no year named: currency conversions were checked against every ECB rate "
                f"from {known[0].isoformat()} to {known[1].isoformat()}")
        return Band(*whole, f"ECB {known[0].year}–{known[1].year}, no date given", note) if whole else None
    first = max(dt.date(years[0] - WRITTEN_WITHIN, 1, 1), known[0])
    last = min(dt.date(years[-1] + WRITTEN_WITHIN, 12, 31), known[1])
    why = f"{WRITTEN_WITHIN} years either side of the years the text names"
    event = latest_past_event(ctx)
    if event is not None and first < event - dt.timedelta(days=WINDOW_DAYS) <= last:
        first = event - dt.timedelta(days=WINDOW_DAYS)
        why = (f"from a month before the latest dated past event ({event.isoformat()}) "
               f"to {WRITTEN_WITHIN} years after the latest year the text names")
    got = table.between(src, dst, first, last)
    note = (f"no publication date: currency conversions were checked against ECB rates from {first.isoformat()} "
            f"to {last.isoformat()}, {why}")
    return Band(*got, f"ECB {first.isoformat()} to {last.isoformat()}; {why}", note) if got else None


def _untabled(ctx: CheckContext, pairs: list[tuple[Figure, Figure]]) -> None:
    """A note for each currency of a conversion that the ECB table lacks ("TWD", "FRF"): those are not checked."""
    missing: dict[str, int] = {}
    for original, converted in pairs:
        if (original.kind != "money" or converted.kind != "money" or original.unit == converted.unit
                or _ambiguous(original) or _ambiguous(converted)):
            continue
        known = rates(ctx).currencies
        for code in sorted({c for f in (original, converted) for c in readings(f) if c and c not in known}):
            missing[code] = missing.get(code, 0) + 1
    for code, n in missing.items():
        ctx.note(f"{code} is not in the ECB table: {n} conversion{'' if n == 1 else 's'} not checked")


def readings(fig: Figure) -> tuple[str, ...]:
    """The currencies a money figure may be in: its unit, and the other readings of a shared symbol ("¥")."""
    return tuple(fig.attr("currency_readings") or (fig.unit,))


def _currency(ctx: CheckContext, original: Figure, converted: Figure, tolerance: float) -> dict[str, Hit] | None:
    """Hits by test ("currency", "scale-word") for one money conversion, or None when it is consistent. A figure in
    a shared symbol ("¥": yen or yuan, the context undecided) is consistent when one of its readings fits."""
    sources, targets = _readings(ctx, original), _readings(ctx, converted)
    if not sources or not targets:
        return None
    best: dict[str, Hit] | None = None
    for src in sources:
        for dst in targets:
            if not src or not dst or src == dst:
                return None
            found = _band(ctx, src, dst)
            if found is None:
                return None  # a currency the ECB table does not have: not checked (the note names it)
            verdict = _judge(ctx, original, converted, tolerance, src, dst, found)
            if verdict is None:
                return None
            if best is None or (_softest(verdict) == "info" and _softest(best) != "info"):
                best = verdict
    return best


def _softest(verdict: dict[str, Hit]) -> str | None:
    return "info" if any(h.severity == "info" for h in verdict.values()) else None


def _judge(ctx: CheckContext, original: Figure, converted: Figure, tolerance: float, src: str, dst: str,
           band: Band) -> dict[str, Hit] | None:
    """Hits by test for one money conversion read as src -> dst at the rates of band, or None when it fits."""
    lo, hi, where = band.low, band.high, band.where
    ctx.mark(original, converted)
    if band.note:
        ctx.note(band.note)
    a, b = stated(original), loose(converted)
    if a.low <= 0 or not a.is_finite() or not b.is_finite():
        return None
    allowed = Interval(lo * (1 - tolerance), hi * (1 + tolerance))
    expected = a * allowed
    if expected.overlaps(b):
        return None
    rate_text = f"{number(lo, 4)}–{number(hi, 4)} {dst} per {src} ({where})"
    evidence = (f"{show_interval(a, src)} × {rate_text} = {show_interval(a * Interval(lo, hi), dst)}; "
                f"the text says {show_interval(b, dst)}")
    mid = original.value * (lo + hi) / 2
    args = {"original": original.surface.strip(), "converted": converted.surface.strip(),
            "expected": show(mid, dst), "rate": f"{number(lo, 3)}–{number(hi, 3)}"}
    implied = b.mid / a.mid
    for factor in SCALE_FACTORS:
        for scaled in (factor, 1 / factor):
            if (a.scale(scaled) * allowed).overlaps(b):
                side = converted if scaled > 1 else original
                return {"scale-word": Hit((converted, original), {**args, "side": side.surface.strip()},
                                          evidence + f": off by a factor of {number(max(scaled, 1 / scaled))}",
                                          f"Check the scale word (thousand, million, billion) of "
                                          f"'{side.surface.strip()}'.")}
    if allowed.overlaps(Interval.exact(1 / implied)) if implied > 0 else False:
        fix = f"The currencies look swapped: {original.surface.strip()} is about {show(mid, dst)}."
    else:
        fix = f"{original.surface.strip()} is about {show(mid, dst)} at {rate_text}."
    severity = "info" if _one_step(expected, original, converted).overlaps(b) else None
    if severity:
        evidence += " (consistent only through rounding)"
    return {"currency": Hit((converted, original), args, evidence, fix, severity)}


def stated(fig: Figure) -> Interval:
    """A figure at its stated precision, without its qualifier: in "at least $20bn (£10.6bn)" both sides
    share the "at least", so the conversion is between the numbers as written."""
    step = fig.attr("step")
    if step and fig.value is not None:
        return Interval.around(fig.value, float(step) / 2)
    return interval(fig)


def _ambiguous(fig: Figure) -> bool:
    """A currency word several countries use ("pesos", bare "dollars"): the extractor marks it."""
    return bool(fig.attr("ambiguous_currency"))


def _readings(ctx: CheckContext, fig: Figure) -> tuple[str, ...]:
    """The currencies a money figure may be in; for a word several countries use, the currencies of the countries
    the text names, and the word's usual reading in the news ("dollars": US dollars); () when none is known."""
    if not _ambiguous(fig):
        return readings(fig)
    word = SHARED_WORD.findall(fig.surface)
    if not word:
        return ()
    singular = word[-1].lower().rstrip("s")
    default = SHARED_DEFAULT.get(singular)
    named = shared_readings(word[-1], ctx.doc.text)
    return tuple(dict.fromkeys([*([default] if default else []), *named]))


def loose(fig: Figure) -> Interval:
    """A restating figure's interval, reading trailing zeros as rounding: '60 miles' is 55-65, '£600m' 550-650m."""
    iv = stated(fig)
    m = DIGITS.search(fig.surface)
    if m is None or "." in m.group(0) or fig.value is None or not iv.is_finite():
        return iv
    digits = m.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros or zeros == len(digits) or float(digits) == 0:
        return iv
    half = 0.5 * 10**zeros * abs(fig.value) / float(digits)
    return Interval(min(iv.low, fig.value - half), max(iv.high, fig.value + half))


def _same_currency(ctx: CheckContext, original: Figure, converted: Figure) -> Hit | None:
    if original.unit != converted.unit or not original.unit:
        return None
    ctx.mark(original, converted)
    a, b = stated(original), stated(converted)
    if a.overlaps(b):
        return None  # "$5bn ($5bn)" says the same thing twice, harmlessly
    return Hit((converted, original), {"original": original.surface.strip(), "converted": converted.surface.strip(),
                                       "currency": original.unit},
               evidence=f"both figures are in {original.unit}: {show_interval(a, original.unit)} and "
                        f"{show_interval(b, converted.unit)} cannot both be the same amount",
               fix="Name the currency of each side (US$, C$, A$, HK$, €, £).")


def _disagree(ctx: CheckContext, pairs: list[tuple[Figure, Figure]], tolerance: float = 0.0) -> Iterator[Hit]:
    """The same original converted twice into the same unit with values that cannot both be right."""
    seen: dict[tuple, tuple[Figure, Figure]] = {}
    for original, converted in pairs:
        if original.unit == converted.unit or original.value is None:
            continue
        key = (original.unit, _key_value(original.value), converted.unit)
        if key not in seen:
            seen[key] = (original, converted)
            continue
        first_original, first = seen[key]
        ctx.mark(original, converted, first)
        if loose(first).overlaps(loose(converted)):
            continue
        # Within the tolerance (a newsroom's rate on another day: "£52,000" and "£52,590"): at most an info.
        severity = "info" if loose(first).overlaps(loose(converted), tolerance / 2) else None
        yield Hit((converted, first, original, first_original),
                  {"original": original.surface.strip(), "converted": converted.surface.strip(),
                   "earlier": first.surface.strip()},
                  evidence=f"{show(original.value, original.unit)} is {show_interval(stated(first), first.unit)} "
                           f"in one place and {show_interval(stated(converted), converted.unit)} in another",
                  fix=f"Use one conversion of {original.surface.strip()} throughout.", severity=severity)


def _rate_consensus(ctx: CheckContext, pairs: list[tuple[Figure, Figure]], tolerance: float) -> Iterator[Hit]:
    """A conversion whose rate differs from the rate every other conversion of the same currencies in the text
    agrees on: one text converts at one rate, so '$500m (£266m)' beside '$700m (£374m)' and '$10bn (£5.3bn)'
    is right, and '$300m (£266m)' is not, whatever the publication date."""
    groups: dict[tuple[str, str], list[tuple[Figure, Figure, Interval]]] = {}
    for original, converted in pairs:
        src, dst = original.unit, converted.unit
        if (original.kind != "money" or converted.kind != "money" or not src or not dst or src == dst
                or _ambiguous(original) or _ambiguous(converted)):
            continue
        a, b = stated(original), loose(converted)
        if a.low <= 0 or b.low <= 0 or not a.is_finite() or not b.is_finite():
            continue
        key = (min(src, dst), max(src, dst))
        rate = b / a if src == key[0] else a / b  # key[1] per key[0]
        groups.setdefault(key, []).append((original, converted, rate))
    for (base, quote), members in groups.items():
        if len(members) < MIN_PEERS + 1:
            continue
        agreement = _Agreement([m[2] for m in members], [m[0].value for m in members])
        for original, converted, rate in members:
            peers, agreeing = agreement.of(original.value)
            if peers < MIN_PEERS:
                continue
            ctx.mark(original, converted)
            if len(agreeing) < max(MIN_PEERS, math.ceil(CONSENSUS * peers)):
                continue  # the others do not agree on one rate within their rounding
            low, high = max(r.low for r in agreeing), min(r.high for r in agreeing)
            low, high = low * (1 - tolerance), high * (1 + tolerance)
            if Interval(low, high).overlaps(rate):
                continue
            verdict = _currency(ctx, original, converted, tolerance)
            if verdict and any(h.severity is None for h in verdict.values()):
                continue  # off the exchange rates of the time: FC131 or FC133 says so
            src, dst = original.unit, converted.unit
            inverse = src != base
            shown = Interval(1 / high, 1 / low) if inverse else Interval(low, high)
            expected = stated(original) * shown
            yield Hit((converted, original),
                      {"original": original.surface.strip(), "converted": converted.surface.strip(),
                       "expected": show_interval(expected, dst), "count": peers},
                      evidence=f"the {peers} other {base}/{quote} conversions in the text use "
                               f"{number(shown.low, 4)}–{number(shown.high, 4)} {dst} per {src}: "
                               f"{show_interval(stated(original), src)} × that = {show_interval(expected, dst)}; "
                               f"the text says {show_interval(loose(converted), dst)}",
                      fix=f"Convert {original.surface.strip()} at the rate of the other conversions: about "
                          f"{show(original.value * shown.mid, dst)}.")


class _Agreement:
    """_largest_agreement over the peers of each conversion of one currency pair: the conversions whose original
    has another value. The peers of a conversion depend only on its original's value, so each value is worked out
    once; and the coverage of every candidate rate is counted once for all members (bisect on sorted ends), so a
    value costs a walk down the best-covered candidates instead of a scan of every peer for every candidate."""

    def __init__(self, rates: list[Interval], values: list[float]) -> None:
        self.rates, self.values = rates, values
        self.done: dict[float, tuple[int, list[Interval]]] = {}
        self.plain = all(r.low <= r.high for r in rates)  # else (never from interval arithmetic): the direct scan
        n = len(rates)
        self.points = [r.low for r in rates] + [r.high for r in rates]  # the candidates, in _largest_agreement's order
        lows, highs = sorted(r.low for r in rates), sorted(r.high for r in rates)
        # intervals holding p: low <= p, minus those with high < p (whose low < p too)
        self.cover = [bisect.bisect_right(lows, p) - bisect.bisect_left(highs, p) for p in self.points]
        self.order = sorted(range(2 * n), key=lambda k: (-self.cover[k], k))

    def of(self, value: float) -> tuple[int, list[Interval]]:
        """(how many peers, the largest set of peers sharing a rate) for a conversion of an original of value."""
        if value not in self.done:
            self.done[value] = self._work_out(value)
        return self.done[value]

    def _work_out(self, value: float) -> tuple[int, list[Interval]]:
        n = len(self.rates)
        own = {j for j in range(n) if not self.values[j] != value}
        peers = [r for j, r in enumerate(self.rates) if j not in own]
        if not self.plain:
            return len(peers), _largest_agreement(peers)
        mine = [self.rates[j] for j in own]
        best, best_k = 0, -1
        for k in self.order:  # by coverage of all members, highest first: a peer count is at most that
            if self.cover[k] < best:
                break
            if k % n in own:
                continue
            p = self.points[k]
            here = self.cover[k] - sum(1 for r in mine if r.low <= p <= r.high)
            if here > best or (here == best and here and k < best_k):  # the first candidate among equals
                best, best_k = here, k
        if not best:
            return len(peers), []
        p = self.points[best_k]
        return len(peers), [r for r in peers if r.low <= p <= r.high]


def _largest_agreement(rates: list[Interval]) -> list[Interval]:
    """The most rate intervals that share a common value."""
    best: list[Interval] = []
    for point in [r.low for r in rates] + [r.high for r in rates]:
        here = [r for r in rates if r.low <= point <= r.high]
        if len(here) > len(best):
            best = here
    return best


def _key_value(x: float) -> float:
    return float(f"{x:.6g}") if x and math.isfinite(x) else x
