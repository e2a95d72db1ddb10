"""Date relations: a stated date that names the same time as the relative date before it, or the same event.

Statement(kind="date_relation", roles: relative ("next week", "tomorrow"), date ("from March 20 to 22",
"(March 18)")); with fact event (the word both name) when the two are in different sentences about one event:
"the summit, which opens next week" ... "the summit, which opens on October 3". One event: the words before each
date share a word that names it ("summit") and name the same phase of it (its start, its end, or neither).
Statement(kind="date_relation", roles: age, born): a person's age and birth year in different sentences, tied by
the person's name ("Douglas Henley, 61, said ..." ... "Henley, who was born in 1958, ...").
"""

from __future__ import annotations

import re

from ..extract.context import LEX, WORD, phrases
from ..extract.lexicon import load
from ..model import Figure, Statement
from .view import View

APPOSITION_GAP = re.compile(LEX["apposition_gap"], re.I)
REACH = 80  # characters from the relative date to the date that restates it: an apposition is next to it
EVENT = load("restated")
CALENDAR = load("calendar")
START, END = frozenset(EVENT["event_start"]), frozenset(EVENT["event_end"])
EVENT_STOPS = frozenset(EVENT["event_stop_words"])
COMING = frozenset(EVENT["event_relative"])
PAST = frozenset(EVENT["event_past"])
COMING_AFTER, PAST_AFTER = tuple(EVENT["event_relative_after"]), tuple(EVENT["event_past_after"])
SAME = {word: group[0] for group in EVENT["event_same"] for word in group}
PHRASES = {" ".join(k.split()): v for k, v in EVENT["event_phrases"].items()}
PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in PHRASES) + r")\b", re.I)
# The word right before a date that says its phase: "open to drivers from December 1", "on show until March 3".
PHASE_BEFORE = re.compile(r"\b(?:(?P<start>from|starting)|(?P<end>until|till|through|ending))[ \u00a0]+"
                          r"(?:on[ \u00a0]+)?$", re.I)
PERSON_BEFORE = re.compile(
    rf"\b([A-Z][a-z'’-]+)[ \u00a0]*,[ \u00a0]*(?:(?:{'|'.join(EVENT['born_gap'])})[ \u00a0]+)*$")
# the label of the article's own date: capitalised, at a line's start or after a byline ("By Kim Lee Published ...")
PUBLICATION_LABEL = re.compile(r"(?:^|\s)(?:(?:First|Last)[ \t\u00a0]+(?:published|updated)|Published|Updated|Posted)"
                               r"[ \t\u00a0]*(?:on[ \t\u00a0]+|:[ \t\u00a0]*)?$")
EVENT_WORDS = 8  # words before a date that name its event ("the summit, which opens on")
AFTER_WORDS = 4  # content words after a coming date that may name its event ("tomorrow in a closely fought election")
CLAUSE_END = re.compile(r"[,.;:!?()]|\s[-\u2013\u2014]\s")
# a purpose after a coming date names what the event is for, not the event ("meet next week to avert the strike")
PURPOSE = re.compile(rf"\b(?:{phrases(EVENT['event_purpose'])})[ \u00a0]+(?=[a-z])")
PAST_WORDS = 3  # words before a date that name a past event ("the paper mill closed last month")
AFTER_NUMBER = re.compile(r"\d[ \u00a0]?$")
POSSESSIVE = re.compile(r"['’]s\b")  # "last month's fire": the event is the noun after the date
SINCE = re.compile(r"\bsince[ \u00a0]+(?:last[ \u00a0]+)?$", re.I)
RECURRING = re.compile(r"\b(?:year|quarter|decade)$")
OCCURRED = re.compile(rf"[ \u00a0\n]+(?:{phrases(CALENDAR['occurrence_verbs'])})\b", re.I)
SUBJECT_WORDS = 4  # words opening a past event's sentence that may name it ("Police said the fire broke out on")
_SAY = "|".join(EVENT["speaking"])
# A date told as the day something was said, not an event's ("Lawson as recently as December 17 said", "said on
# December 4"): no coming event has it. An aside after a comma ("opens on May 2, officials said") says who said it.
SAID_AFTER = re.compile(rf"[ \u00a0]+(?:{_SAY})\b")
SAID_BEFORE = re.compile(rf"\b(?:{_SAY})(?:[ \u00a0]+\w+){{0,2}}?[ \u00a0]+on[ \u00a0]+$")
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")  # a person's birth told of "he" or "she" (_pronoun_of)
# Relative dates of publication's own day ("today", "tonight", "this morning"): past or coming by their tense.
TODAY = frozenset(word for word, days in CALENDAR["relative_days"].items() if days == 0)
THIS_PART = frozenset(f"this {part}" for part in CALENDAR["day_parts"])
EVENT_DATES = 40  # dated figures an event date is compared with: a bound, so reading stays linear


def read(view: View) -> list[Statement]:
    figures, text = view.figures, view.text
    out = []
    named: set[int] = set()
    for i, rel in enumerate(figures):
        if rel.kind != "relative_date":
            continue
        for j in range(i + 1, len(figures)):
            other = figures[j]
            if other.sentence != rel.sentence or other.span.start - rel.span.end > REACH:
                break
            if j in named or other.kind not in ("date", "date_range"):
                continue
            if APPOSITION_GAP.fullmatch(text, rel.span.end, other.span.start):
                named.add(j)
                out.append(Statement.of("date_relation", {"relative": rel.id, "date": other.id}))
    return out + _events(view, named) + _ages(view)


def _ages(view: View) -> list[Statement]:
    """An age and a birth year of another sentence whose person has the same surname (the name right before each:
    "Douglas Henley, 61", "Henley, who was born in 1958"); else, for an age with no birth year in its sentence, the
    birth years whose sentence names its person's surname anywhere ("Marek Brandt, 48, ..." ... "Brandt was born in
    1980 in Gdansk"), when they agree on one date. An age at death with the article's one birth date needs no name
    (the calendar check takes that)."""
    figures, out = view.figures, []
    births = [f for f in figures if f.kind in ("year", "date") and f.attr("born")]
    born: dict[str, list[Figure]] = {}
    for fig in births:
        if name := _person(view, fig):
            born.setdefault(name, []).append(fig)
    for fig in figures:
        if fig.kind != "age" or fig.attr("of_person") is False:
            continue
        name = _person(view, fig) if fig.attr("of_person") else None
        years = [next((y for y in born.get(name, ()) if y.sentence != fig.sentence), None)] if name else []
        if not any(years) and _by_surname(view, fig, births):
            persons = [f.attr("person") for f in figures if f.attr("person")]
            years = [y for y in births if _names(view, y, fig.attr("person")) or persons.count(fig.attr("person")) == 1
                     and _pronoun_of(view, y, set(persons)) == fig.attr("person")]
            years = years if len({y.date for y in years}) == 1 else []
        out += [Statement.of("date_relation", {"age": fig.id, "born": y.id}) for y in years if y is not None]
    return out


def _by_surname(view: View, fig: Figure, births: list[Figure]) -> bool:
    """Whether an age is tied to birth years by its person's surname alone: it has a person, no birth year in its
    own sentence, and is no age at death in an article with one birth date."""
    if not fig.attr("person") or any(y.sentence == fig.sentence for y in births):
        return False
    return not (fig.attr("died") and len({y.date for y in births}) == 1)


def _pronoun_of(view: View, fig: Figure, names: set[str]) -> str | None:
    """The person "he" or "she" stands for in a birth year's sentence that names none of the article's aged persons
    ("Born in Lagos in 1969, she moved"): the one of them named last in the sentences before, or None."""
    span = view.doc.sentence_span(fig.sentence)
    if not PRONOUN.search(view.text, span.start, span.end) or any(_names(view, fig, name) for name in names):
        return None
    before = view.text[view.doc.sentence_span(max(0, fig.sentence - 3)).start : span.start]
    last = {name: max((m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", before)), default=-1)
            for name in names}
    named = max(last, key=last.get, default=None)
    return named if named is not None and last[named] >= 0 else None


def _names(view: View, fig: Figure, name: str) -> bool:
    """Whether the sentence of a figure names this person (a surname, as a whole word)."""
    span = view.doc.sentence_span(fig.sentence)
    return re.search(rf"\b{re.escape(name)}\b", view.text[span.start : span.end]) is not None


def _person(view: View, fig: Figure) -> str | None:
    """The surname of the person a figure is about: the last capitalised word of the name before it in its
    sentence ("Douglas Henley, 61", "Henley, who was born in"), a few words back at most."""
    sentence = view.doc.sentence_span(fig.sentence)
    m = PERSON_BEFORE.search(view.text, max(sentence.start, fig.span.start - 60), fig.span.start)
    return m.group(1) if m else None


def _events(view: View, named: set[int]) -> list[Statement]:
    """A relative date and a stated date of another sentence that name one event (see the module docstring)."""
    figures = view.figures
    relatives = [i for i, f in enumerate(figures) if _relative(f)]
    stated = [j for j, f in enumerate(figures) if f.kind == "date" and f.date and j not in named
              and not _publication_line(view, f)]
    out = []
    for i in relatives:
        # a past event is named right before its dates ("the mill closed last month" ... "the mill closed on March
        # 14"): the words further back ("Stocks, Aug 31, at 5,240, vs 5,595 last month") name other things
        reach = PAST_WORDS if _relative(figures[i]) == "past" else EVENT_WORDS
        rel_words, rel_phase, rel_lower = _event(view, figures[i], reach)
        # a coming event may be named after its date ("vote tomorrow in a tight election"), and any event after a
        # possessive date ("last month's fire", "yesterday's crash"); a deadline's infinitive is what falls due
        # ("have until tomorrow to return their ballot papers"), no purpose
        possessed: frozenset[str] = frozenset()  # the words after a past possessive date: its event
        if reach == EVENT_WORDS or _possessive(view, figures[i]):
            after = _after(view, figures[i], deadline=rel_phase == "end")
            rel_words, rel_lower = rel_words | after, rel_lower | after
            possessed = after if reach != EVENT_WORDS else possessed
        against = "past" if reach == EVENT_WORDS else "future"  # a coming event has no date told in the past
        for j in stated[:EVENT_DATES]:
            if figures[j].sentence == figures[i].sentence or figures[j].attr("tense") == against:
                continue
            if (against == "past" and _said(view, figures[j])) or SINCE.search(
                    view.text, max(0, figures[j].span.start - 20), figures[j].span.start):
                continue  # "posting a 7.5% rate since last August 26": when a state began, no event's date
            words_j, phase_j, lower_j = _event(view, figures[j], reach)
            if reach != EVENT_WORDS:  # a past event's date is named by its sentence's subject as well ("The blaze
                subject = _subject(view, figures[j], possessed)  # broke out in the early hours of January 4")
                words_j, lower_j = words_j | subject, lower_j | subject
            # a shared name ("Lawson") is one event only when both dates are its start (or its end)
            shared = sorted(w for w in _shared((rel_words, rel_lower), (words_j, lower_j)) if w.islower() or phase_j)
            if not shared:
                continue
            # a coming event named with no phase ("nurses will strike tomorrow") happens when it starts; a past one
            # ("last week's flooding") may have begun before its period or ended after it: bound says which
            if phase_j == rel_phase or (reach == EVENT_WORDS and rel_phase is None and phase_j == "start"):
                bound = None
            elif reach != EVENT_WORDS and rel_phase is None:
                bound = phase_j
            else:
                continue
            out.append(Statement.of("date_relation", {"relative": figures[i].id, "date": figures[j].id},
                                    event=shared[0], bound=bound))
            break
    return out


def _publication_line(view: View, fig: Figure) -> bool:
    """Whether a date is labelled the article's own ("Published 2025-03-21", "Updated: 4 May 2024"): the article's
    date, no event it tells ("figures published on Thursday")."""
    return PUBLICATION_LABEL.search(view.text, max(0, fig.span.start - 30), fig.span.start) is not None


def _subject(view: View, fig: Figure, named: frozenset[str]) -> frozenset[str]:
    """The lower-case words that open a date's sentence (SUBJECT_WORDS at most), where its subject is named: an event
    when a verb of occurrence follows them ("The marathon took place on"), else only the words a possessive date
    named ("last month's fire" ... "Police said the fire broke out"); a sentence's subject is as often a thing ("The
    bank is the only lender ... effective January 1")."""
    sentence, text = view.doc.sentence_span(fig.sentence), view.text
    found = list(WORD.finditer(text, sentence.start, fig.span.start))[:SUBJECT_WORDS]
    words = frozenset(_stem(m.group()) for m in found
                      if m.group().islower() and len(m.group()) > 3 and m.group() not in EVENT_STOPS | START | END)
    if any(OCCURRED.match(text, m.end()) for m in found):
        return words
    return words & named


def _possessive(view: View, fig: Figure) -> bool:
    """Whether a relative date is a possessive that names its event after it ("last month's fire"); not a year's or
    a quarter's, whose events recur ("last year's meeting" is not this year's)."""
    relation = fig.attr("relation") or ""
    return bool(POSSESSIVE.match(view.text, fig.span.end)) and not RECURRING.search(relation)


def _shared(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> frozenset[str]:
    """The words two dates' clauses share (each clause: its event words, and those it writes in lower case); a
    capitalised word that the other clause writes in lower case is a common noun ("Line 15 of the metro opens next
    month" ... "the line opens on October 1": "line"); a capital at a sentence start is no lower case."""
    (words_a, lower_a), (words_b, lower_b) = a, b
    common = {w.lower() for w in words_a if w[:1].isupper() and w.lower() in lower_b}
    return (words_a & words_b) | common | {w.lower() for w in words_b if w[:1].isupper() and w.lower() in lower_a}


def _relative(fig: Figure) -> str | None:
    """Whether a date is counted from publication and an event may have it: "coming" ("next week", "tomorrow", "on
    Saturday"), "past" ("last month", "yesterday"), or None."""
    if not fig.date:
        return None
    relation = " ".join((fig.attr("relation") or "").lower().split())
    if fig.kind == "weekday":  # "on Saturday" by its tense; "this Friday", "next Tuesday" by their word
        tense = {"future": "coming", "past": "past"}.get(fig.attr("tense") or "")
        return tense or {"this": "coming", "next": "coming", "coming": "coming", "last": "past"}.get(
            relation.split(" ")[0])
    if fig.kind != "relative_date":
        return None
    if relation.endswith(COMING_AFTER):  # "the week after next", "two weeks from now"
        return "coming"
    if relation.endswith(PAST_AFTER):  # "three days ago"
        return "past"
    for name, words in (("coming", COMING), ("past", PAST)):
        if _starts(relation, words):
            return name
    if relation.split(" ")[0] in TODAY or _starts(relation, THIS_PART):  # "reopened this morning", "opens today"
        return "past" if fig.attr("tense") == "past" else "coming"
    if part := fig.attr("part"):  # a part of a coming period: "early next month", "the end of the month"
        whole = re.sub(r"^(?:the )?(?:of )?", "", relation.removeprefix("the ").removeprefix(f"{part} "))
        return "coming" if _starts(whole if " " in whole else f"this {whole}", COMING) else None
    return None


def _said(view: View, fig: Figure) -> bool:
    """Whether a date is the day something was said ("December 17 said", "told reporters on December 4")."""
    text = view.text
    return bool(SAID_AFTER.match(text, fig.span.end) or SAID_BEFORE.search(text, max(0, fig.span.start - 40),
                                                                            fig.span.start))


def _starts(relation: str, words: frozenset[str]) -> bool:
    return any(relation == w or relation.startswith(w + " ") for w in words)


def _after(view: View, fig: Figure, deadline: bool = False) -> frozenset[str]:
    """The lower-case words naming an event after its date, to the end of the clause (a few words at most; before a
    purpose, unless the date is a deadline)."""
    clause = CLAUSE_END.split(view.text[fig.span.end:fig.span.end + 60], maxsplit=1)[0]
    if not deadline:
        clause = PURPOSE.split(clause, maxsplit=1)[0]
    said = [w for w in WORD.findall(clause) if w.islower() and len(w) > 3 and w not in EVENT_STOPS]
    return frozenset(_stem(w) for w in said[:AFTER_WORDS] if w not in START | END) | _phrases(clause)


def _phrases(text: str) -> frozenset[str]:
    """The events a text names in several words ("walk out": a strike)."""
    return frozenset(_stem(PHRASES[" ".join(m.group().lower().split())]) for m in PHRASE.finditer(text))


def _stem(word: str) -> str:
    """A lower-case word without its plural or third-person "s", so that "votes" and "the vote" share a word; a
    word for a kind of event is the group's first word (SAME: "polls" is "election")."""
    word = re.sub(r"['’]s$", "", word)  # "the museum's doors": the museum
    if word in SAME:
        return SAME[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def _event(view: View, fig: Figure, reach: int = EVENT_WORDS) -> tuple[frozenset[str], str | None, frozenset[str]]:
    """The words naming the event a date is for (the few words before it in its sentence), its phase, and those of
    the words written in lower case."""
    sentence, text = view.doc.sentence_span(fig.sentence), view.text
    found = list(WORD.finditer(text, max(sentence.start, fig.span.start - 120), fig.span.start))[-reach:]
    said = [m.group() for m in found]
    lower = {w.lower() for w in said}
    phase = "start" if START & lower else "end" if END & lower else None
    by = PHASE_BEFORE.search(text, max(sentence.start, fig.span.start - 20), fig.span.start)
    if by:  # "use the bridge from December 1": its start
        phase = "start" if by.group("start") else "end"
    # a name keeps its capital ("Larne"), a common noun is lower case; a capital at a sentence start is no name; the
    # unit or noun of a figure names what is measured, not an event ("closed at 8,650 points on January 14")
    kept = [(k, w) for k, w in enumerate(said) if len(w) > 3 and w.lower() not in EVENT_STOPS | START | END
            and not AFTER_NUMBER.search(text, max(0, found[k].start() - 3), found[k].start())]
    words = frozenset(w if w[:1].isupper() and k else _stem(w.lower()) for k, w in kept)
    named = _phrases(text[found[0].start() : fig.span.start]) if found else frozenset()
    return words | named, phase, frozenset(_stem(w) for _, w in kept if w.islower()) | named
