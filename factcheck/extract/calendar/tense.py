"""The tense of the verb that governs a calendar figure, and whether a past verb dates the event itself."""

from __future__ import annotations

import re

from ..trie import factored
from .atom import Atom
from .words import LEX, NOT_PAST, alt

FUTURE_AUX = re.compile(
    r"\b(?:(?:will|'ll|shall|would|to)\s+(?:not\s+)?(?:be|have(?:\s+been)?|get)"
    r"|(?:" + "|".join(LEX["tense"]["modal"]) + r")\s+(?:not\s+)?(?:be|get))\s+$",
    re.I,
)
DATE_RIGHT_AFTER = re.compile(r"\s+(?:in|on|during|at)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?", re.I)
FORECAST_FRAME = re.compile(r"\b(?:" + factored(LEX["tense"]["forecast_frame"], fold=True) + r")\b", re.I)
PRESENT_PASSIVE = re.compile(r"\b(?:" + factored(LEX["tense"]["present_passive"], fold=True) + r")\s+$", re.I)
FUTURE_SUBORDINATOR = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in LEX["tense"]["future_subordinators"]) + r")\b", re.I
)
REDUCED_CONDITION = re.compile(r"\b(?:if|unless|once|when|until|whether)\s+(?:not\s+)?$", re.I)
CLAUSE_END = re.compile(r"[;!?\n]|\.(?=\s+[\"“‘(]?[A-Z])")
FUTURE = re.compile(r"\b(?:" + factored(LEX["tense"]["future"], fold=True) + r")\b", re.I)
PRESENT = re.compile(r"\b(?:" + factored(LEX["tense"]["present"], fold=True) + r")\b", re.I)
PAST = re.compile(r"\b(?:" + factored(LEX["tense"]["past"]) + r"|[a-z]{2,}ed)\b")
EVENT_DATE_BEFORE = re.compile("|".join(LEX["event_date_before"]), re.I)
NOT_EVENT = re.compile(r"\b(?:" + factored(LEX["not_event_words"], fold=True) + r")\b", re.I)
_SP = r"[ \u00a0]+"
# "until", "no later than", "due on", "the deadline for comments on the plan was"
DEADLINE_BEFORE = re.compile(rf"\b(?:until|till|deadline(?:{_SP}[\w'’-]+){{0,6}}?{_SP}(?:was|is|as|of|on|set{_SP}for)|"
                             rf"due(?:{_SP}(?:on|by))?|no{_SP}later{_SP}than){_SP}(?:the{_SP})?$", re.I)
DEADLINE_AFTER = re.compile(rf"{_SP}deadline\b", re.I)  # "a May 8 deadline"
DIRECTIVE = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in LEX["directive_verbs"]) + r")$", re.I)
INFINITIVE_AFTER = re.compile(r"\s+(?:[A-Za-z]+\s+){0,3}?to\s+[a-z]+\b")


def _third_person(lemma: str) -> str:
    """ "gathers", "goes", "flies": the present tense after he, she or it."""
    if re.search(r"(?:s|sh|ch|x|o)$", lemma):
        return lemma + "es"
    return lemma[:-1] + "ies" if re.search(r"[^aeiou]y$", lemma) else lemma + "s"


_EVENT_VERBS = LEX["tense"]["present_events"]
PRESENT_EVENT = re.compile(  # lower case only: "March", "Sign" as names are no verbs
    r"(?<![\w'’-])(?:" + alt(_EVENT_VERBS + [_third_person(w) for w in _EVENT_VERBS]) + r")\b")
NOUN_BEFORE = re.compile(r"(?:\b(?:" + "|".join(LEX["tense"]["noun_before"]) + r")|['’]s?)\s+$", re.I)
# From a date to a past verb that follows it as its own: a few words, no preposition or comma ("a confidence vote on
# Wednesday narrowly ended", "on Monday announced"), so no speaker's aside ("on Wednesday, the union said").
NOUN_VERB_GAP = re.compile(r"(?:[ \u00a0\n]+(?!(?:in|at|for|on|to|of|with|by|from|after|the)\b)[A-Za-z]+){0,2}"
                           r"[ \u00a0\n]+")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 200)
    left = lo
    for m in CLAUSE_END.finditer(text, lo, min(len(text), start + 4)):
        if m.end() <= start:
            left = m.end()
    m = CLAUSE_END.search(text, end, min(len(text), end + 200))
    right = m.start() if m else min(len(text), end + 200)
    return left, right


def _past_hits(text: str, a: int, b: int) -> list[tuple[int, int]]:
    hits = []
    for m in PAST.finditer(text, a, b):
        word = m.group(0)
        if word.lower().endswith("ed") and (word.lower() in NOT_PAST or word[0].isupper()):
            continue
        if FUTURE_AUX.search(text, max(0, m.start() - 30), m.start()):
            continue  # "will be announced": a participle of the future
        if PRESENT_PASSIVE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "when it is finished": a participle of the present passive
        if REDUCED_CONDITION.search(text, max(0, m.start() - 20), m.start()):
            continue  # "If approved, the council votes on March 5": a condition, no past event
        hits.append(m.span())
    return hits


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense of the verb governing text[start:end]: the nearest marker before it in its clause, else after."""
    left, right = _clause(text, start, end)
    future = [m.span() for m in FUTURE.finditer(text, left, start)]
    past = [s for s in _past_hits(text, left, start) if not any(f[0] <= s[0] < f[1] for f in future)]
    marks = [(s[1], "future") for s in future] + [(s[1], "past") for s in past]
    marks += [(m.end(), "present") for m in PRESENT.finditer(text, left, start)]
    if marks:
        end, tense = max(marks)
        if tense == "present" and _future_subordinate(text, future, end):
            return "future"  # "will have ... when it is finished in 2027"
        if tense == "past" and _forecast_frame(text, past, end, start):
            return None  # "said it expected a stronger 2027": the report of a forecast, no past event
        return None if tense == "present" else tense
    future = [m.span() for m in FUTURE.finditer(text, end, right)]
    past = [s for s in _past_hits(text, end, right) if not any(f[0] <= s[0] < f[1] for f in future)]
    marks = [(s[0], "future") for s in future] + [(s[0], "past") for s in past]
    marks += [(m.start(), "present") for m in PRESENT.finditer(text, end, right)]  # "... last year, is a response"
    tense = min(marks)[1] if marks else None
    if tense == "present":
        return None
    if tense == "past" and FORECAST_FRAME.search(text, left, start):
        return None  # "the index signals slower growth in the fourth quarter, economists said"
    return tense


def _directs(text: str, hit: tuple[int, int], date: int) -> bool:
    """Whether a past verb orders, asks or allows what an infinitive after it tells, and the date belongs to that
    infinitive's phrase (no "and" or comma between: "asked the lender to repay the overcharged customers on Sept.
    15")."""
    if not DIRECTIVE.search(text, hit[0], hit[1]):
        return False
    m = INFINITIVE_AFTER.match(text, hit[1], date)
    return m is not None and not re.search(r",|\band\b", text[m.end() : date])


def _forecast_frame(text: str, past: list[tuple[int, int]], verb_end: int, start: int) -> bool:
    """A forecast, outlook or guidance word from the governing past verb (itself included) to the date: "kept its
    guidance for 2027", "targeted a title in 2027", "said it expected growth in the fourth quarter"."""
    verb = next(s for s in past if s[1] == verb_end)
    for m in FORECAST_FRAME.finditer(text, verb[0], start):
        if m.start() != verb[0] or not DATE_RIGHT_AFTER.fullmatch(text, verb[1], start):
            return True  # not "the bank signalled in March 2027": the verb's own date is its event's
    return False


def _future_subordinate(text: str, future: list[tuple[int, int]], verb_end: int) -> bool:
    """A present verb in a temporal or conditional clause ("when", "once", "after", "until") that follows a future
    verb speaks of the future: English puts such clauses in the present."""
    return bool(future) and bool(FUTURE_SUBORDINATOR.search(text, future[-1][1], verb_end))


def is_deadline(text: str, atom: Atom) -> bool:
    """Whether a date is a deadline or the date of what a past verb orders ("had until May 8 to tender", "the
    deadline was May 8", "was ordered to report on May 19"): told in the past tense, it may still lie ahead, so a
    date without a year in publication's month or the next keeps publication's year, as an event's does."""
    left, _ = _clause(text, atom.start, atom.end)
    return bool(DEADLINE_BEFORE.search(text, left, atom.start) or DEADLINE_AFTER.match(text, atom.end)) \
        or any(_directs(text, hit, atom.start) for hit in _past_hits(text, left, atom.start))


def is_event_date(text: str, atom: Atom) -> bool:
    """Whether a past verb governs this date as the event's own date ("launched its war in February 2022"), not a
    maturity ("notes due 1994"), deadline ("by 1991"), span ("through 1989"), fiscal year, forecast ("sees $9.75 a
    share in 1988") or table row ("Stocks, Aug 31, 1987, projected at 610"). Relative dates keep their tense; a
    decade ("in the early 1990s") is read like a year. The past verb must come before the date in its clause."""
    written = atom.attrs.get("decade") or atom.attrs.get("absolute")  # periods resolved when found ("autumn 1987")
    if atom.kind not in ("date", "year", "date_range") or (atom.date is not None and not written):
        return True
    left, _ = _clause(text, atom.start, atom.end)
    if not EVENT_DATE_BEFORE.search(text, left, atom.start):
        return False
    past = _past_hits(text, left, atom.start)
    if any(_directs(text, hit, atom.start) for hit in past):
        return False  # "was ordered to report to prison on May 19": the deadline of what is to be done
    return bool(past) and not NOT_EVENT.search(text, past[-1][1], atom.start)


def _verbs(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The tense markers in text[a:b], a scheduled event's verb ("gather", "votes") among the present ones unless
    it reads as a noun (after an article or possessive: "the vote on Wednesday")."""
    found = [(*m.span(), "present") for m in PRESENT.finditer(text, a, b)]
    found += [(*m.span(), "present") for m in PRESENT_EVENT.finditer(text, a, b)
              if not NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start())]
    found += [(*m.span(), "future") for m in FUTURE.finditer(text, a, b)]
    return found + [(*s, "past") for s in _past_hits(text, a, b)]


def present_before(text: str, start: int, end: int) -> bool | None:
    """Whether the nearest tense marker before a date in its clause is a present verb ("delegates gather on
    Wednesday", "the hearing is scheduled for Friday", "voters go to the polls in a fortnight"); None when there is
    none, and False when a past verb follows the date as its own ("a confidence vote on Wednesday ended ...", "which
    is based in Ohio, on Monday announced"; not a speaker's aside, nor "go to the polls in a fortnight in an
    election called ...")."""
    left, right = _clause(text, start, end)
    if any(NOUN_VERB_GAP.fullmatch(text, end, s[0]) for s in _past_hits(text, end, right)):
        return False  # "a confidence vote on Wednesday ended", "which is based in Ohio, on Monday announced"
    before = _verbs(text, left, start)
    return max(before, key=lambda v: v[1])[2] == "present" if before else None


def coming_weekday(text: str, start: int, end: int) -> bool:
    """Whether a bare weekday is told in the present tense of a scheduled event: the coming one, publication's day
    included. The present verb is the nearest marker before the weekday in its clause (see present_before), else
    the first after it ("On Thursday, ministers meet in Oslo")."""
    before = present_before(text, start, end)
    if before is not None:
        return before
    left, right = _clause(text, start, end)
    after = _verbs(text, end, right)
    return bool(after) and min(after)[2] == "present" and tense_at(text, start, end) is None


def coming_deadline(text: str, start: int, end: int) -> bool:
    """Whether a weekday is a deadline told with no past verb before it ("residents have until Friday to apply, the
    council said"): the coming one."""
    left, _ = _clause(text, start, end)
    return bool(DEADLINE_BEFORE.search(text, left, start)) and not _past_hits(text, left, start)
