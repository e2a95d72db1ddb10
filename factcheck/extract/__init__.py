"""Document -> [Figure]: run each family of figures, keep the best reading of each span, add context.

Each family module (money, percent, quantities, calendar, numbers) has
`find(text: str, published: datetime.date | None) -> list[Figure]` returning figures with empty ids;
where two readings overlap the longer one wins, then the family listed first. `context.link`
then adds what the words around a figure say: qualifiers, subject, time anchor, and the `attrs`
below, which are the contract between extraction (language) and the checks (arithmetic).

Figure.attrs vocabulary (every key optional):
- role: "change" (a stated change: "rose 5%", "a 5% fall", "up $2bn"), "new" (the value after a
  change: "to $11.1bn"), "old" (the value before: "from $10.9bn", "a year earlier", "after it hit"),
  "share" (a percentage of a whole: "8% of Google", "a 40% stake", "turnout of 60%"),
  "total" ("the 150-seat council", "a total of"), "part" (a listed component of a total).
- direction: "up" | "down" for a change figure, or for a "new" figure whose verb says which way.
- link: id of the figure a change/new/old figure is tied to in the same statement.
- converts: id of the figure that a bracketed figure restates ("1,500 km (932 miles)").
- step: the size of the last stated digit, in the figure's unit (precision; the interval is
  value -/+ step/2 unless a qualifier widens it).
- valid: False for an impossible date ("February 30"); date then holds the text's own reading.
- weekday: 0-6 (Monday=0) when the text names the weekday of a date ("Friday, February 26").
- tense: "past" | "future" for the verb that governs a calendar figure ("launched ... in 2024").
- relation: how a relative date was resolved ("next week", "last November").
- born: True for a year that is a birth year ("born in 1970"); anniversary: N for "the 20th anniversary".
- series: a normalised name for figures compared by the record check ("annual trade").
"""

from __future__ import annotations

import dataclasses
import importlib

from ..model import Figure

FAMILIES = ("money", "percent", "quantities", "calendar", "numbers")


def extract(doc) -> list[Figure]:
    """Every figure of a Document, in text order, with ids F1, F2, ... and context attached."""
    from . import context

    found: list[tuple[int, Figure]] = []
    for rank, name in enumerate(FAMILIES):
        module = importlib.import_module(f"{__name__}.{name}")
        found.extend((rank, fig) for fig in module.find(doc.text, doc.published))
    chosen: list[Figure] = []
    for _, fig in sorted(found, key=lambda rf: (-len(rf[1].span), rf[0], rf[1].span.start)):
        if not any(fig.span.overlaps(other.span) for other in chosen):
            chosen.append(fig)
    chosen.sort(key=lambda f: f.span.start)
    figures = [
        dataclasses.replace(fig, id=f"F{i}", sentence=doc.sentence_index(fig.span.start))
        for i, fig in enumerate(chosen, 1)
    ]
    return context.link(doc, figures)
