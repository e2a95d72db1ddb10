"""The words that tie a count or an area to a named place: "France's 68 million inhabitants", "Lagos, a city of 15
million", "400 million Americans", "Chile, which covers 756,000 km²", "Canada, at 9.98 million square kilometres"
(read for the reference check's tables).

A figure is tied by the words between a place's name and the figure: the name, then a connector ("'s", ", a country
of", "has a population of", ", which covers"), then the figure; or by the country's people after a count. Only the
first connector that fits is read, as a reader would. The sentence is found here from punctuation, so a hard-wrapped
line ending in a comma does not cut it.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Figure

PEOPLE = r"(?:people|inhabitants|residents|citizens|souls)"
QUAL = r"(?:(?:about|some|nearly|almost|roughly|around|approximately|more than|over|fewer than|less than|under|" \
       r"just over|just under|close to|an estimated|a mere|only)\s+)?"
NOUN = r"(?P<noun>country|nation|city|town|village|state|kingdom|republic|island|islands|archipelago|metropolis|" \
       r"megacity|capital|province|region|port)"
# What stands between a place's name and its figure; "pop" says the words name a population already.
POPULATION = [
    re.compile(r"(?P<head>.*?)['’]s\s+(?:(?P<pop>(?:total\s+)?population),?\s+(?:of|is|was|at|stands at|stood at|"
               r"reached|has reached|now stands at)\s+)?" + QUAL + r"$"),
    re.compile(r"(?P<head>.*?),\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + NOUN + r"\s+of|"
               r"(?:which\s+|that\s+)?(?:has|had|is home to|was home to|counts|numbers)|"
               r"(?:[\w'’-]+\s+){0,4}?(?:and\s+)?(?:home to|with)|at)\s+"
               r"(?:(?P<pop>(?:a|its|a total)\s+population)\s+of\s+)?" + QUAL + r"$"),
    re.compile(r"(?P<head>.*?)\s+(?:has|had|is home to|counts|numbers|is (?:a|an)\s+(?:[\w-]+\s+){0,3}?"
               + NOUN + r"\s+of)\s+(?:(?P<pop>a population)\s+of\s+)?" + QUAL + r"$"),
    re.compile(r".*?\b(?P<pop>population)\s+of\s+(?P<head>.*?)(?:\s+(?:is|was|stands at|stood at|reached|"
               r"has reached)\s+|\s*,\s+)" + QUAL + r"$"),
    # "Kenya (population 54m)", "Kenya - population 54m -"
    re.compile(r"(?P<head>.*?)\s*(?:,|\(|\s[-–—])\s*(?P<pop>population)[:\s]\s*" + QUAL + r"$"),
]
AREA = [
    re.compile(r"(?P<head>.*?)['’]s\s+(?:(?:total\s+)?area\s+of\s+)?" + QUAL + r"$"),
    re.compile(r"(?P<head>.*?),\s+(?:(?:which|that|whose\s+(?:territory|land|land\s+area|area|land\s+mass))\s+)?"
               r"(?:covers|covering|spans|spanning|measures|has an area of|with an area of|at|is|"
               r"(?:stretches|stretching|extends|extending)\s+over)\s+" + QUAL + r"$"),
    re.compile(r"(?P<head>.*?),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + NOUN + r"\s+of\s+" + QUAL + r"$"),
    re.compile(r"(?P<head>.*?)\s+(?:covers|spans|measures|occupies|(?:stretches|extends)\s+over)"
               r"(?:\s+(?:an|a total|a land)\s+area\s+of)?\s+" + QUAL + r"$"),
    re.compile(r".*?\barea\s+of\s+(?P<head>.*?)\s+(?:is|was)\s+" + QUAL + r"$"),
]
# After a count tied by a connector that does not say "population": people (all of them: "people living abroad"
# and "people in poverty" are a part), or, after "a city of", the end of the phrase.
END = r"(?:[,.;:)\u2014\u2013-]|$|(?:have|has|had|are|were|will|would|can|could|must|may|should|need|face|faced|is|" \
      r"was|voted|vote|go|went|pay|paid|live|use|own|who|that|which|and|but|to|of whom)\b)"
AFTER_PEOPLE = re.compile(r"^\s*" + PEOPLE + r"\s*" + END)
AFTER_NOUN = re.compile(r"^\s*" + END)
PEOPLE_NEXT = re.compile(r"^\s*" + PEOPLE + r"\b")
# A place's whole population named after the figure: "the 44 million residents of Nairobi", "some 5 million people
# live in Norway.", "there are 5 million people in Norway." (the place ends the clause: "live in Oslo's suburbs" is a
# part).
THE_BEFORE = re.compile(r"(?:^|\s)(?:the|its)\s+" + QUAL + r"$", re.I)
PLACE = r"(?P<head>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
PEOPLE_OF = re.compile(r"^\s*" + PEOPLE + r"\s+of\s+" + PLACE + r"\s*(?:" + END
                       + r"|(?:from|in|on|at|by|for|since|until|over|into|with)\b)")
LIVE_IN = re.compile(r"^\s*" + PEOPLE + r"\s+(?:live|lived|living)\s+in\s+" + PLACE + r"\s*(?:[,.;:)]|$)")
THERE_ARE = re.compile(r"\b[Tt]here\s+(?:are|were|is)\s+" + QUAL + r"$")  # "There are 5.5 million people in Kenya."
PEOPLE_IN = re.compile(r"^\s*" + PEOPLE + r"\s+in\s+" + PLACE + r"\s*(?:[,.;:)]|$)")
WITH_BEFORE = re.compile(r"(?:^|\s)[Ww]ith\s+" + QUAL + r"$")  # "With 22 million people, Nigeria is ..."
PEOPLE_THEN_PLACE = re.compile(r"^\s*" + PEOPLE + r",\s+" + PLACE + r"\s+(?:is|was|has|had|remains)\b")
DEMONYM_AFTER = re.compile(r" ([A-Z][a-z]+s)\b")  # "400 million Americans"
SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n)")
REACH_BEFORE, REACH_AFTER = 120, 40


def mark(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures, each count or quantity that words tie to a place carrying what ties it:
    place_population (head, noun, whole) and place_people (a demonym) on counts, place_area (head, noun) on
    quantities. head is the words before the connector (the place's name ends them); noun is the place noun of
    "a city of" or None; whole is True when the words say the figure is all of the population, "part" when it
    counts some of its people (at most all of them), else False."""
    out = []
    for fig in figures:
        attrs = _ties(text, fig) if fig.value is not None and fig.kind in ("count", "quantity") else {}
        out.append(dataclasses.replace(fig, attrs=(*fig.attrs, *attrs.items())) if attrs else fig)
    return out


def _ties(text: str, fig: Figure) -> dict:
    before, after = _around(text, fig)
    ties: dict = {}
    if fig.kind == "count":
        people = DEMONYM_AFTER.match(after)
        if people:
            ties["place_people"] = people.group(1)
        m = _first(POPULATION, before)
        if m:
            noun = m.groupdict().get("noun")
            whole: bool | str = bool(m.groupdict().get("pop") or AFTER_PEOPLE.match(after)
                                     or (noun and AFTER_NOUN.match(after)))
            if not whole and PEOPLE_NEXT.match(after):
                whole = "part"  # "Brazil's 2.1 billion citizens elected ...": some of its people, at most all
            ties["place_population"] = (m.group("head"), noun, whole)
        else:
            m = (LIVE_IN.match(after) or (PEOPLE_OF.match(after) if THE_BEFORE.search(before) else None)
                 or (PEOPLE_IN.match(after) if THERE_ARE.search(before) else None)
                 or (PEOPLE_THEN_PLACE.match(after) if WITH_BEFORE.search(before) else None))
            if m:
                ties["place_population"] = (m.group("head").rstrip("."), None, True)  # "in Kenya." ends a sentence
    else:
        m = _first(AREA, before)
        if m:
            ties["place_area"] = (m.group("head"), m.groupdict().get("noun"))
    return ties


def _first(patterns: list[re.Pattern], before: str) -> re.Match | None:
    return next((m for m in (p.match(before) for p in patterns) if m), None)


def _around(text: str, fig: Figure) -> tuple[str, str]:
    """The words before the figure back to its sentence's start (at most 120 characters) and after it (at most 40),
    each on one line."""
    before = text[max(0, fig.span.start - REACH_BEFORE):fig.span.start]
    ends = list(SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return _squeeze(before), _squeeze(text[fig.span.end:fig.span.end + REACH_AFTER])


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)
