"""Ages of people and things: "47 years old", "the 47-year-old", "aged 47", "Maria Lopez, 47,"."""

from __future__ import annotations

import dataclasses
import re

from ..model import Figure, Interval, Span
from .lexicon import load
from .numbers import scan

LEX = load("ages")
UNIT_YEARS = {word: float(years) for word, years in LEX["units"].items()}
_units = "|".join(sorted((re.escape(u) for u in UNIT_YEARS), key=len, reverse=True))
AFTER = re.compile(rf"[\s-]*(?i:(?P<unit>{_units}))[\s-]*(?i:old|of\s+age)\b|\s*(?i:yo|y/o|y\.o\.)(?![\w])")
BEFORE = re.compile(r"(?i:\b(?:aged|age(?:d)?\s+of|at\s+(?:the\s+)?age\s+(?:of\s+)?|ages?))\s*$")
NAME_COMMA = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)*,\s*$")
NOT_NAMES = set(LEX["not_names"]) | set(load("calendar").get("months", {})) | set(load("calendar").get("weekdays", {}))
MAX_AGE = float(LEX["max_age"])
PERSON_WORDS = {w.lower() for w in LEX["person_words"]}
THING_WORDS = {w.lower() for w in LEX["thing_words"]}
THING_HEADS = {w.lower() for w in LEX["thing_heads"]}
PRONOUNS = set(LEX["pronouns"])
SPEAKING_AFTER = set(LEX["speaking_after"])
HEAD_WORDS = 2  # how many words after a compound may be its head noun for THING_HEADS
OWNER_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[.;:!?()]")
OWNER_REACH = 80
DIED_BEFORE = re.compile(LEX["died_before"])


def find(text: str, published=None) -> list[Figure]:
    """Every stated age, with its value in years (unit "year")."""
    out: list[Figure] = []
    for num in scan(text):
        if num.value <= 0 or num.form == "ordinal":
            continue
        m = AFTER.match(text, num.end)
        if m:
            years = UNIT_YEARS[m.group("unit").lower()] if m.group("unit") else 1.0
            if num.value * years > MAX_AGE and not m.group("unit"):
                continue
            compound = "-" in text[num.end : m.end()] and not text[num.end : m.end()].rstrip().endswith("-")
            owner = _owner(text, num.start, m.end() if compound else None)
            out.append(_age(text, num.start, m.end(), num.value * years, years, num.step, owner))
            continue
        if not num.plain or num.value > MAX_AGE * 2:
            continue
        before = text[max(0, num.start - 25) : num.start]
        b = BEFORE.search(before)
        if b:
            start = num.start - len(before) + b.start()
            out.append(_age(text, start, num.end, num.value, 1.0, 1.0, _owner(text, start, None)))
            continue
        n = NAME_COMMA.search(before)
        if n and text[num.end : num.end + 1] == "," and num.value <= MAX_AGE:
            words = n.group(0).rstrip(", ").split()
            if not any(w.lower() in NOT_NAMES for w in words):
                age = _age(text, num.start, num.end, num.value, 1.0, 1.0, True)  # "Maria Lopez, 47,"
                out.append(dataclasses.replace(age, attrs=(*age.attrs, ("person", words[-1]))))
    return out


def _owner(text: str, start: int, compound_end: int | None) -> bool | None:
    """Whether an age is a person's (attr of_person): the noun after a compound ("the 400-year-old church"), else
    the nearest person or thing word back through its clause ("The church, which is 400 years old" -> False)."""
    owner = _compound_owner(text, compound_end) if compound_end is not None else None
    if owner is not None:
        return owner
    words = list(OWNER_WORD.finditer(text, max(0, start - OWNER_REACH), start))
    for m in reversed(words):
        word = m.group(0).lower()
        if word in ".;:!?":
            break
        if word in PERSON_WORDS or word in THING_WORDS:
            return word in PERSON_WORDS
    return None


def _compound_owner(text: str, end: int) -> bool | None:
    """Whose age a compound gives: its head noun right after it ("the 40-year-old stadium", "a 45-year-old factory
    worker": a person word there wins), else a person or thing word further on in its phrase."""
    phrase: list[set[str]] = []
    for m in OWNER_WORD.finditer(text, end, min(len(text), end + 40)):
        if not m.group(0)[0].isalpha():
            break
        # "the 22-year-old singer's family", "a 60-year-old grandmother-of-three": the noun itself
        phrase.append(set(re.sub(r"['’]s$", "", m.group(0).lower()).split("-")))
    if phrase and phrase[0] & SPEAKING_AFTER:
        return True  # "the 31-year-old said after returning home": who speaks
    head = set().union(*phrase[:HEAD_WORDS])
    if head & (PERSON_WORDS - PRONOUNS) or head & (THING_WORDS | THING_HEADS):
        return bool(head & (PERSON_WORDS - PRONOUNS))
    for parts in phrase[HEAD_WORDS:]:
        if parts & PERSON_WORDS or parts & THING_WORDS:
            return bool(parts & PERSON_WORDS)
    return None


def _age(
    text: str, start: int, end: int, value: float, years: float, step: float, of_person: bool | None = None
) -> Figure:
    attrs: tuple = (("step", years * step),)
    if of_person is not None:
        attrs += (("of_person", of_person),)
    if DIED_BEFORE.search(text, max(0, start - 60), start):
        attrs += (("died", True),)
    return Figure(
        id="",
        span=Span(start, end),
        surface=text[start:end],
        kind="age",
        value=value,
        interval=Interval.around(value, years * step / 2),
        unit="year",
        attrs=attrs,
    )
