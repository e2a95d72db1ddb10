"""Datelines: the place and day a wire story opens with ("PARIS, July 23 (Reuters) -"), the day it was filed."""

from __future__ import annotations

import re

from .atom import Atom

# At the start of a line or after an editor's note ("(Adds detail) PARIS, "): a place in capitals, perhaps a state
# or country after a comma, then a comma ("PARIS, ", "NEW YORK, ", "WASHINGTON, D.C., ", "SAO PAULO, Brazil, ").
PLACE_BEFORE = re.compile(
    r"(?:^|\n|\)[ \t])[ \t]*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+)*)?,[ \t]+$"
)


def mark_datelines(text: str, atoms: list[Atom]) -> None:
    """A day and month right after a dateline's place: attr dateline."""
    for a in atoms:
        if a.kind == "date" and a.month is not None and a.day is not None:
            if PLACE_BEFORE.search(text, max(0, a.start - 60), a.start):
                a.attrs["dateline"] = True
