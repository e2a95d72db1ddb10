"""What a bare count counts: the noun after it, else the head of the subject whose verb states it."""

from __future__ import annotations

import re

from ..extract.lexicon import load
from ..model import Figure

# The noun after a count ("43,000 refrigerated containers", "0.71 children per woman"): up to three words.
COUNTED_AFTER = re.compile(r"\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+)\b")
LEX = load("restated")
PLURALS = frozenset(LEX["plurals_without_s"])
# Verbs after "people" that make them visitors ("51,000 people passed through its doors", "came to the show").
VISITING = re.compile(rf"[ \u00a0]+(?:{'|'.join(LEX['visiting_verbs'])})\b")
# The noun a change word after a percentage names ("4.7% rise in passengers", "3% fall in the number of visitors").
CHANGE_OF = re.compile(rf"[ \u00a0]+(?:{'|'.join(LEX['change_nouns'])})[ \u00a0]+(?:in|of)[ \u00a0]+(?:the[ \u00a0]+)?"
                       r"(?:(?:number|numbers|volume|volumes)[ \u00a0]+of[ \u00a0]+)?"
                       r"(?P<words>[a-z-]+(?:[ \u00a0]+[a-z-]+){0,2})\b")
NOT_NOUNS = frozenset("a an the in on at of for to by from per last this next and or but as than more less who which "
                      "that is was were are be been it its their his her with over under about".split())
PERIODS = frozenset("year years month months week weeks day days quarter quarters".split())
# The verb that states a count, the subject's head word before it (past "had", "also"), and the words between the
# verb and the count with no digit and no clause break: "Registrations reached 2.31 million", "approvals fell to a
# record low of 38,200", "arrivals in Madeira rose to 2.4 million", "numbers at the port of Split rose to 4.4
# million" (the words of a place after "in" or "at" are not the subject's head); the word before the head, and the
# noun of an "of" phrase after it, name what a measure word counts ("visitor numbers", "the number of tourists").
STATING = re.compile(
    r"\b(?:(?P<before>[A-Za-z][a-z-]+)\s+)?(?P<head>(?!(?:also|then|had|have|has|was|were)\b)[A-Za-z][a-z-]+)"
    r"(?:\s+of\s+(?P<of>[a-z][a-z-]+))?(?:\s+(?:in|at|across|from|on)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?"
    r"\s+(?:(?:also|then|had|have|has|was|were)\s+)?(?:rose|fell|reached|hit|climbed|jumped|dropped|slipped|stood|"
    r"totalled|totaled|increased|decreased|grew|declined|sank|slumped|soared|surged|plunged|edged\s+(?:up|down)|"
    r"came\s+to)\b[^\d,.;:()]{0,40}$")
# Words that measure a count rather than name what it counts.
MEASURES = frozenset("number numbers total totals count counts figure figures level levels volume volumes tally"
                     .split())
# The verb right before a count, past an article, "record" and a hedge: "handled a record 48.2 million", "had
# handled 51.3 million": a count with no noun of its own is what its verb says.
VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+(?:(?:a|an)\s+)?(?:(?:record|new|about|around|some|nearly|almost|roughly|"
                         r"more\s+than|over|just|only)\s+)*$")


def counted(text: str, fig: Figure, sentence_start: int) -> str | None:
    """What a bare count counts, as a lower-case head word without its plural "s", or None."""
    m = COUNTED_AFTER.match(text, fig.span.end)
    if m:
        words = m.group(1).split()
        words = words[:next((i for i, w in enumerate(words) if w in NOT_NOUNS or w in PERIODS), len(words))]
        # the first plural is the noun ("refrigerated containers", "passengers passed through"), else the last word
        noun = next((w for w in words if w.endswith("s") or w in PLURALS), words[-1] if words else None)
        if noun == "people" and VISITING.match(text, m.start(1) + len("people")):
            return "visitor"  # "51,000 people passed through its doors": visitors
        if noun:
            return noun.removesuffix("s")
    return stated_by(text, fig, sentence_start)


def stated_by(text: str, fig: Figure, sentence_start: int) -> str | None:
    """The head of the subject whose verb states a figure (STATING: "Passenger numbers at the airport rose 7.4%":
    passenger), without its plural "s", or None."""
    m = STATING.search(text[max(sentence_start, fig.span.start - 100):fig.span.start])
    if m is None:
        return None
    head = m.group("head").lower()
    if head in MEASURES:  # "visitor numbers", "the number of tourists"
        head = (m.group("of") or (m.group("before") or "").lower())
    return head.removesuffix("s") if head and head not in NOT_NOUNS else None


def changed(text: str, fig: Figure, sentence_start: int) -> str | None:
    """What a percent change is of: the noun after its change word as written ("the 4.7% rise in passengers", "a 3%
    fall in the number of visitors"), else the subject of the verb that states it ("Passenger numbers rose 7.4%"), as
    stated_by gives it; or None."""
    m = CHANGE_OF.match(text, fig.span.end)
    if m:  # up to the first plural ("car sales", "containers came"), a measure's words before ("passenger numbers"),
        # else the first word ("cargo handling")
        words = m.group("words").split()
        k = next((k for k, w in enumerate(words) if w.endswith("s") or w in PLURALS), 0)
        noun = words[: k if words[k] in MEASURES else k + 1]
        return None if not noun or set(noun) & (NOT_NOUNS | MEASURES) else " ".join(noun)
    m = STATING.search(text[max(sentence_start, fig.span.start - 100):fig.span.start])
    if m is None:  # the subject with the word before its head: "US retail sales fell 0.3%" is no change in car sales
        return None
    head = m.group("head").lower()
    before = (m.group("before") or "").lower()
    noun = [m.group("of")] if head in MEASURES and m.group("of") else [before] if head in MEASURES else [before, head]
    noun = [w for w in noun if w and w not in NOT_NOUNS]
    return " ".join(noun) if noun and noun[-1] not in MEASURES else None


def verb(text: str, fig: Figure, sentence_start: int) -> str | None:
    """The past-tense verb that states a count (VERB_BEFORE), or None."""
    m = VERB_BEFORE.search(text, max(sentence_start, fig.span.start - 40), fig.span.start)
    return m.group(1) if m else None
