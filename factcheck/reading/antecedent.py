"""Across clauses and sentences: the earlier figure a statement's words tie it to, looking back one sentence at most.

A statement whose other figure is missing from its own clause ("That was 30% higher than the $1bn of 2022.", "It
was up 20% from $1bn.") takes it from an earlier clause of its sentence, else from the previous sentence (never
further back), when the words tie the two:
- the clause opens with a pronoun or a demonstrative ("that was", "it was", "this is", "which was", "the figure");
- or it names the same measure as the earlier figure's subject ("the deficit", or a synonym: "the gap");
- or it names a period that is the earlier figure's time anchor ("last year" when that figure is dated to it, "March's
  total" when it is dated to March).
The earlier figure is the nearest one of the same kind and unit as the figure it is compared with. A statement that
opens its sentence with its subject named ("The intake is up 45% on the 2019 figure of 1,900") may carry the one
value of its kind from a few sentences back (carried).
"""

from __future__ import annotations

import re

from ..extract.calendar.words import MONTHS
from ..extract.context import FORECAST_VERB, MEASURE, MEASURE_RE, phrases
from ..extract.lexicon import load
from .view import View, comparable

LEX = load("reading")
OPENER = re.compile(
    rf"(?i:^[\s\"'“(]*(?:(?:{phrases(LEX['tie_lead'])})[ \u00a0]+)?(?:{phrases(LEX['tie_openers'])})\b"
    rf"(?![ \u00a0]+(?:(?:also|had|has|have)[ \u00a0]+)?(?:{phrases(LEX['tie_not_before'])})\b))"
)
SYNONYM = {w: measure for measure, ws in LEX["tie_synonyms"].items() for w in ws}
MEASURES = set(MEASURE.values())
PRONOUNS = {"that", "this", "it", "which", "these", "those", "they"}
SYNONYM_RE = re.compile(rf"(?i:\b(?:{phrases(SYNONYM)})\b)")
LOOK_BACK = 40  # figures examined in the previous sentence, nearest first: a bound, so a long sentence stays linear
CALENDAR = ("year", "date", "relative_date")
DATE_LEAD = re.compile(r"[\s\"'“(]*(?:(?:in|on|by|at|during|for|over|since|until|through)\s+)?(?:the\s+)?", re.I)
# a month named as a possessive ("March's total was down from ..."), which the calendar leaves out as no date
MONTH_OWNER = re.compile(rf"(?i:\b(?P<mon>{'|'.join(m for m in MONTHS if len(m) > 3)})['’]s\b)")
DASH_END = re.compile(r"\s[\u2014\u2013-]\s*$")  # a subject set off by a dash ends here
CARRY_REACH = 4  # sentences back a statement that opens its sentence may carry its subject's value from
SUBJECT_WORDS = 10  # words of a sentence's subject before the statement that carries it: "The intake is up"
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
TIE_WORDS = 5  # words between the pronoun and a change that refers back: "That was a fall of", "It marked a rise of"


def antecedent(view: View, i: int, like: int, exclude: set[int], changes: bool = False) -> int | None:
    """The figure, in an earlier clause of figure i's sentence or in the previous sentence, that figure i's
    statement is about: comparable to figure `like`, tied by the words of i's clause; None when nothing ties.
    With changes, a stated change may be it ("Employers added 147,000 jobs. That beat the forecast of 110,000")."""
    words = view.clause_words(i)
    candidate = _nearest_before(view, i, like, exclude, len(words), changes)
    if candidate is None:
        return None
    after = _after_date(view, i, words)  # "In March it rose to": the pronoun after the date
    if not _tied(view, i, words, candidate) and (after == words or not _tied(view, i, after, candidate)) \
            and not _tied_subject(view, i, words, candidate):
        return None
    return candidate


def _tied_subject(view: View, i: int, words: str, candidate: int) -> bool:
    """Whether a sentence whose subject is set off by a dash names the candidate's measure or period there: "The
    record number of passengers served last year at its four airports — represent a 1.6% increase from ..." (the
    clause after the dash has no subject of its own; no figure comes before it in the sentence)."""
    start = view.doc.sentence_span(view.figures[i].sentence).start
    head = view.text[start : view.figures[i].span.start - len(words)]
    if not DASH_END.search(head) or any(k < i and not view.figures[k].is_calendar for k in view.sentence_of(i)):
        return False
    return _tied(view, i, head, candidate, pronoun=False, end=start + len(head))


def opens_with_tie(view: View, i: int) -> bool:
    """Whether figure i's sentence opens with a pronoun or a demonstrative and no clause break comes between
    and at most TIE_WORDS words after it ("That was a fall of 1.5%"; not "This is due to the German economy, which
    shrank 0.2%", whose change is the economy's)."""
    start = view.doc.sentence_span(view.figures[i].sentence).start
    words = view.text[start : view.figures[i].span.start]
    opener = OPENER.search(words)
    return bool(opener) and "," not in words and len(words[opener.end() :].split()) <= TIE_WORDS


def opening_date(view: View, i: int) -> int | None:
    """The date figure that opens figure i's clause ("In March it rose to 212,000"), if any."""
    start = view.figures[i].span.start - len(view.clause_words(i))
    for k in view.sentence_of(i):
        fig = view.figures[k]
        if k >= i or fig.span.start < start:
            continue
        m = DATE_LEAD.match(view.text, start, fig.span.start)
        return k if fig.is_calendar and m is not None and m.end() == fig.span.start else None
    return None


def _after_date(view: View, i: int, words: str) -> str:
    """The words of figure i's clause after a date phrase that opens it: "In March it rose to" -> "it rose to"."""
    k = opening_date(view, i)
    if k is None:
        return words
    rest = view.text[view.figures[k].span.end : view.figures[i].span.start]
    return rest[len(rest) - len(rest.lstrip(" ,\u00a0\n\r\t")) :]


def _nearest_before(view: View, i: int, like: int, exclude: set[int], clause_len: int,
                    changes: bool = False) -> int | None:
    figures = view.figures
    clause_start = figures[i].span.start - clause_len
    sentence = figures[i].sentence
    seen = 0
    k = i - 1
    while k >= 0 and seen < LOOK_BACK:
        fig = figures[k]
        if fig.sentence < sentence - 1:
            return None
        if fig.span.end <= clause_start and k not in exclude \
                and view.role[k] not in (("old",) if changes else ("change", "old")) \
                and comparable(fig, figures[like]):
            return k
        seen += fig.sentence != sentence
        k -= 1
    return None


def named(view: View, i: int, candidate: int) -> bool:
    """Whether the words of i's clause before it name the candidate's measure or period ("Last month's gain was up
    from ...": the month the candidate is dated to), not only a pronoun."""
    return _tied(view, i, view.clause_words(i), candidate, pronoun=False)


def _tied(view: View, i: int, words: str, candidate: int, pronoun: bool = True, end: int | None = None) -> bool:
    """Whether the words of i's clause before it (or other words of its sentence, ending at offset end) refer to
    the candidate: a pronoun, its measure, its period."""
    if pronoun and OPENER.search(words):
        return True
    subject = view.figures[candidate].subject
    if subject and subject in _measures_named(words):
        return True
    anchor = view.figures[candidate].anchor
    owner = MONTH_OWNER.search(words)
    if anchor and owner and anchor[4:7] == f"-{MONTHS[owner.group('mon').lower()]:02d}":
        return True
    if anchor:
        end = view.figures[i].span.start if end is None else end
        start = end - len(words)
        k = i - 1
        while k >= 0 and view.figures[k].span.start >= start:
            fig = view.figures[k]
            if fig.kind in CALENDAR and fig.date == anchor and fig.span.end <= end:
                return True
            k -= 1
    return False


def _measures_named(words: str) -> set[str]:
    """The measures words name, by a measure word or a synonym ("the gap": the deficit)."""
    named = {MEASURE[re.sub(r"\s+", " ", m.group(0).lower())] for m in MEASURE_RE.finditer(words)}
    return named | {SYNONYM[m.group(0).lower()] for m in SYNONYM_RE.finditer(words)}


def carried(view: View, i: int, old: int, skip: set[int], way: str | None) -> int | None:
    """The value a statement at figure i (a change, a ratio) that opens its sentence tells of, carried from a few
    sentences back: "Northbridge enrolled 3,100 overseas students." ... "The intake is up 45% on the 2019 figure of
    1,900." The sentence names its subject in a few words and holds no figure before i; the value is the one
    figure of the kind and unit of figure `old` (and its measure, entity) in the CARRY_REACH sentences before,
    none of `skip`, dated after `old` when both are dated, and on the side of it the statement's way says ("up": above
    it); a measure the subject's words name must be the value's own ("Attendance was up" carries no count of
    members). None when there is none or several."""
    figures = view.figures
    fig, base = figures[i], figures[old]
    start = view.doc.sentence_span(fig.sentence).start
    if old < i:  # the base told first: "Compared with the 2020 figure of 6,200, the total is up 12%"
        start = base.span.end
    opening = view.text[start : fig.span.start]
    if len(view.clause_words(i)) < len(opening) or len(WORD.findall(opening)) > SUBJECT_WORDS \
            or any(c.isdigit() for c in opening) or FORECAST_VERB.search(opening) \
            or any(k < i and k != old and not figures[k].is_calendar for k in view.sentence_of(i)):
        return None
    said, opener = _measures_named(opening), OPENER.search(opening.lstrip(" ,"))  # "The figure was up"
    if opener and opener.group(0).split()[-1].lower() in PRONOUNS:
        return None  # a pronoun refers to the sentence before (antecedent), never further back
    found: list[int] = []
    for k in range(i - 1, -1, -1):
        other = figures[k]
        if fig.sentence - other.sentence > CARRY_REACH or len(found) > 1:
            break
        if other.sentence == fig.sentence or other.is_calendar or k in skip or other.qualifiers \
                or view.role[k] == "change" or (view.role[k] == "old" and k in view.partner) \
                or not comparable(other, base):  # a lone value dated "last year" is no change's old value
            continue
        named = {base.attr("entity"), fig.attr("entity")} - {None}
        if (other.subject and base.subject and other.subject != base.subject) \
                or (named and other.attr("entity") not in named | {None}) \
                or (other.subject in MEASURES and other.subject != base.subject and other.subject not in said
                    and (said or not opener)):
            continue
        found.append(k)
    if len(found) != 1:
        return None
    k = found[0]
    a, b = base.anchor, figures[k].anchor
    if way is not None and (figures[k].value > base.value) != (way == "up"):
        return None  # "Attendance was up 10% on the 2022 average of 8,000" is no rise to the 1,200 before
    return k if not (a and b) or (a < b and not b.startswith(a)) else None
