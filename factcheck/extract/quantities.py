"""Unit quantities: a number and a physical unit ("1,500 km", "35C", "5 feet 2 inches"), unit as a pint name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Figure, Interval, Span
from .lexicon import load
from .numbers import Num, is_blocked, is_label, scan
from .trie import factored
from .unit_table import lookup

LEX = load("units")
NEEDS: dict[str, str] = LEX["needs_context"]
CONTEXT_WORDS = {name: set(words) for name, words in LEX["contexts"].items()}
MONEY_WORDS = set(LEX["money_words"])
COMPOUNDS: dict[str, dict[str, float]] = LEX["compounds"]
COMPOUND_ABBR: dict[str, str] = LEX["compound_abbr"]
AMBIGUOUS: dict[str, tuple[str, ...]] = {w: tuple(units) for w, units in LEX["ambiguous"].items()}

BY_WORD: dict[str, dict] = {}
BY_ABBR: dict[str, dict] = {}
for _entry in LEX["units"]:
    for _w in _entry.get("words", []):
        BY_WORD[_w.lower()] = _entry
    for _a in _entry.get("abbr", []):
        BY_ABBR[str(_a)] = _entry


def _words_pattern(words) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        parts.append(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") + r"(?:e?s)?")
    return factored(parts, fold=True)  # read case-insensitively


_abbr = factored(sorted((re.escape(a) for a in BY_ABBR), key=len, reverse=True))
UNIT = re.compile(
    r"(?P<sep>[ \u00a0]{0,2}[(\[][ \u00a0]?|[ \u00a0]?-[ \u00a0]?|[ \u00a0]{0,2})"
    rf"(?:(?P<word>(?i:{_words_pattern(BY_WORD)}))(?![\w])|(?P<abbr>{_abbr})(?![\w-]|-[a-z]))"
)
CLOSE = re.compile(r"[ \u00a0]?[)\]]")
TABLE_SEP = re.compile(r"[ \u00a0]?-(?=[^\W\d_])|[ \u00a0]{0,2}")
INCH_IN = re.compile(LEX["inch_in"])
BRACKET_OPENER = re.compile(LEX["bracket_opener"], re.I)
TIME_UNITS = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "second": "second",
    "sec": "second",
    "s": "second",
    "minute": "minute",
    "min": "minute",
    "millisecond": "millisecond",
    "ms": "millisecond",
}
RATE = re.compile(
    r"(?:[ \u00a0]+(?:per|an|a)[ \u00a0]+|[ \u00a0]?/[ \u00a0]?)(?i:(hour|hr|h|seconds?|sec|s|minutes?|min"
    r"|milliseconds?|ms))(?![\w])"
)
COMPOUND_JOIN = re.compile(r"[ \u00a0,]*(?:and[ \u00a0]+)?$")
WORD = re.compile(r"[a-z°]+")
SENTENCE = re.compile(r"[.!?\n](?:\s|$)")


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in SENTENCE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    right = SENTENCE.search(text, end, end + 300)  # bounded as on the left: one long sentence stays linear
    return text[left : right.start() if right else min(len(text), end + 300)].lower()


def has_context(text: str, start: int, end: int, name: str) -> bool:
    """True when the sentence around [start, end) shows the context `name` (length, weight, temperature, ...); a
    temperature's may be the sentence's before ("reached 46.2C, the highest temperature ... The old record, 46.9C")."""
    words = set(WORD.findall(_sentence(text, start, end)))
    if name == "temperature" and not words & CONTEXT_WORDS[name]:
        left = max((m.start() for m in SENTENCE.finditer(text, max(0, start - 300), start)), default=0)
        left = len(text[:left].rstrip()) - 1  # past the blank lines between paragraphs, on its last stop
        words = set(WORD.findall(_sentence(text, left, left))) if left > 0 else words
    return bool(words & CONTEXT_WORDS.get(name, set()))


def weight_context(text: str, start: int, end: int) -> bool:
    """Whether "pounds" in [start, end) is a weight: weight words near it and no money words or scale."""
    if re.search(r"(?i:million|billion|bn|\dm\b)", text[start:end]):
        return False
    window = set(WORD.findall(text[max(0, start - 80) : end + 60].lower()))
    weight = len(window & CONTEXT_WORDS["weight"] - {"pounds", "lost"})
    money = len(window & MONEY_WORDS) + ("£" in text[max(0, start - 80) : end + 60])
    return weight > money


def _money_near(text: str, start: int, end: int) -> bool:
    """Money words right around a figure ("debts of 40m", "40m in sales")."""
    return bool(set(WORD.findall(text[max(0, start - 20) : end + 12].lower())) & MONEY_WORDS)


def _unit_at(text: str, num: Num):
    pos = num.base_end if num.suffix else num.end
    inch = None if num.suffix else INCH_IN.match(text, pos)
    if inch:
        return BY_ABBR["in."], "in", inch.start(), inch.end(), None, inch.group(0)[:1].strip()
    m = UNIT.match(text, pos)
    table = _table_unit(text, pos)
    if table and (not m or table[3] > m.end()):
        return table
    if not m:
        return None
    sep = m.group("sep")
    end = m.end()
    if "(" in sep or "[" in sep:
        close = CLOSE.match(text, end)
        if not close:
            return None
        end = close.end()
    if m.group("word"):
        raw = re.sub(r"[\s-]+", " ", m.group("word").lower())
        entry = BY_WORD.get(raw) or BY_WORD.get(re.sub(r"e?s$", "", raw)) or BY_WORD.get(raw[:-1])
        if entry is None:
            return None
        need = entry.get("needs")
    else:
        raw = m.group("abbr")
        entry = BY_ABBR[raw]
        need = NEEDS.get(raw)
        if entry.get("glued") and raw in ("C", "F") and sep:
            return None
        if raw == "m" and sep.strip() == "" and sep:
            need = None  # "1 m": spaced, a metre; glued "5m" is five million unless the sentence is about length
    if num.suffix and m.start() != num.base_end:
        return None
    return entry, raw, m.start(), end, need, sep


def _table_unit(text: str, pos: int):
    """A unit of the compiled pint/quantulum3 table after the number at pos, in _unit_at's shape, or None."""
    sep = TABLE_SEP.match(text, pos)
    got = lookup(text, sep.end())
    if got is None:
        return None
    unit, dim, end = got
    return {"unit": unit, "dim": dim}, text[sep.end() : end], sep.end(), end, None, sep.group(0)


def find(text: str, published=None) -> list[Figure]:
    """Every number with a physical unit; compounds and speeds joined; durations are the calendar's."""
    out: list[Figure] = []
    dims: list[str] = []  # the dimension of each figure in out
    nums = scan(text)
    skip_until = -1
    for idx, num in enumerate(nums):
        if num.start < skip_until or num.form == "ordinal" or is_blocked(text, num.start, num.end):
            continue
        scaled = _table_unit(text, num.end) if num.suffix else None
        got = scaled or _unit_at(text, num)  # "2m barrels" is two million barrels; "2m" alone may be metres
        if not got:
            continue
        entry, raw, ustart, end, need, sep = got
        unit, dim = entry["unit"], entry["dim"]
        unscale = num.suffix and not scaled
        value = num.value / num.scale if unscale else num.value
        step = num.step / num.scale if unscale else num.step
        if need and _restates(text, nums, idx, end, dim, out, dims):
            need = None  # "30ft (10m)", "10m (30ft)": a bracket restating a length is a length
        if need == "length" and raw == "m" and _money_near(text, num.start, end):
            continue  # "debts of 40m": a scale of money, whatever the sentence's other words
        if need and not has_context(text, num.start, end, need):
            converted = (
                out
                and out[-1].unit == unit.replace("fahrenheit", "celsius")
                or out
                and out[-1].unit == unit.replace("celsius", "fahrenheit")
            )
            bracketed = re.match(r"[ \u00a0]*\(", text[end:]) or (
                converted and text[out[-1].span.end : num.start].strip() == "("
            )
            if not (dim == "temperature" and bracketed):
                continue
        if raw in ("C", "F") and is_label(text, num):
            continue
        if (
            unit == "avoirdupois_pound"
            and raw.lower() not in ("lb", "lbs")
            and not weight_context(text, num.start, end)
        ):
            continue
        if dim == "angle" and unit == "degree" and has_context(text, num.start, end, "temperature"):
            unit, dim = _temperature_scale(text), "temperature"
        if dim == "length":
            rate = RATE.match(text, end)
            if rate:
                time = TIME_UNITS.get(rate.group(1).lower().rstrip("s")) or TIME_UNITS.get(rate.group(1).lower())
                if time:
                    unit, dim, end = f"{unit} / {time}", "speed", rate.end()
        if unit in COMPOUNDS and idx + 1 < len(nums):
            nxt = nums[idx + 1]
            if COMPOUND_JOIN.fullmatch(text[end : nxt.start]):
                sub = _unit_at(text, nxt)
                if sub is None:
                    am = re.match(r"[ \u00a0]?([a-z]+)\b", text[nxt.end :])
                    sub_unit = COMPOUND_ABBR.get(am.group(1)) if am else None
                    sub_end = nxt.end + am.end() if am else 0
                else:
                    sub_unit, sub_end = sub[0]["unit"], sub[3]
                if sub_unit in COMPOUNDS[unit]:
                    per = float(COMPOUNDS[unit][sub_unit])
                    value, step, end = value + nxt.value / per, nxt.step / per, sub_end
                    skip_until = sub_end
        dims.append(dim)
        attrs: tuple = (("step", step),)
        readings = AMBIGUOUS.get(raw) or AMBIGUOUS.get(re.sub(r"e?s$", "", raw))
        if readings and unit == readings[0]:
            attrs += (("ambiguous", readings),)
        out.append(
            Figure(
                id="",
                span=Span(num.start, end),
                surface=text[num.start : end],
                kind="quantity",
                value=value,
                interval=Interval.around(value, step / 2),
                unit=unit,
                attrs=attrs,
            )
        )
    return out


def _restates(text: str, nums: Sequence[Num], idx: int, end: int, dim: str, out: list[Figure], dims: list[str]) -> bool:
    """Whether the number at nums[idx] and a quantity of the same dimension restate each other across a bracket."""
    num = nums[idx]
    if out and dims[-1] == dim and BRACKET_OPENER.fullmatch(text, out[-1].span.end, num.start):
        return True
    if idx + 1 >= len(nums) or not BRACKET_OPENER.fullmatch(text, end, nums[idx + 1].start):
        return False
    got = _unit_at(text, nums[idx + 1])
    return got is not None and got[0]["dim"] == dim and not got[4]


def _temperature_scale(text: str) -> str:
    """The scale of a bare "degrees" in a text about temperature: the one the text names, else Celsius."""
    low = text.lower()
    if "fahrenheit" in low or "°f" in low or re.search(r"\d ?F\b", text):
        return "fahrenheit"
    return "celsius"
