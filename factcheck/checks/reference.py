"""Plausibility against reference data: a named country's or city's population or area far from a reference table.

A figure is tied to a place by the words around it, which extraction reads (extract/places.py: the attrs
place_population, place_area and place_people; the entity attribute misses appositions such as "Lagos, a city of 150
million"); this check looks the place up and does the arithmetic. The tables are YAML: factcheck/reference/*.yml
(built from GeoNames by tools/reference_tables.py) or a rule's own `places`. Each table names its source and year,
and so does each finding.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Figure, Rule
from . import CheckContext, Hit
from .arith import show

MEASURES = ("population", "area", "people")
PARAMS = ("table", "places", "source", "year", "measure", "factor", "nouns", "skip_table")
FIELDS = ("population", "area_km2", "people", "aliases")
# "the country's", "the city's": a place named earlier in the text, by the noun for its kind.
BACK = re.compile(r"(?:^|\s)(?:the|its)\s+(country|nation|kingdom|republic|city|capital|metropolis)$", re.I)
NAME = re.compile(r"[A-Z][\w.-]*(?:[ \u00a0]+(?:of[ \u00a0]+(?:the[ \u00a0]+)?)?[A-Z][\w.-]*)*")  # "India's": India
NAME_WORDS = 4  # a place name is at most this many words ("Democratic Republic of the Congo" is matched by alias)


def validate(params: dict) -> str | None:
    unknown = set(params) - set(PARAMS)
    if unknown:
        return f"unknown parameter(s): {', '.join(sorted(map(str, unknown)))}"
    if params.get("measure") not in MEASURES:
        return f"measure: expected one of {', '.join(MEASURES)}"
    factor = params.get("factor", 10)
    if not isinstance(factor, int | float) or isinstance(factor, bool) or factor <= 1:
        return "factor: expected a number above 1"
    if "table" in params and params["table"] not in ("countries", "cities"):
        return "table: expected countries or cities (the built-in tables), or give places"
    if "skip_table" in params and params["skip_table"] not in ("countries", "cities"):
        return "skip_table: expected countries or cities"
    if ("table" in params) == ("places" in params):
        return "give one of table (a built-in table) or places (your own table)"
    if "places" in params:
        if not isinstance(params.get("source"), str) or not isinstance(params.get("year"), str | int):
            return "places: a table of your own names its source and year (source, year)"
        problem = _places_problem(params["places"])
        if problem:
            return problem
    nouns = params.get("nouns", [])
    if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
        return "nouns: expected a list of words"
    return None


def _places_problem(places: Any) -> str | None:
    if not isinstance(places, dict) or not places:
        return "places: expected a mapping of place names to their figures"
    for name, row in places.items():
        if not isinstance(name, str) or not isinstance(row, dict) or set(row) - set(FIELDS):
            return f"places: each place maps to {', '.join(FIELDS)}"
        for key in ("population", "area_km2"):
            value = row.get(key)
            if value is not None and (not isinstance(value, int | float) or isinstance(value, bool) or value <= 0):
                return f"places: {key} must be a positive number"
    return None


class Table:
    """Places by every name they go by, with the source and year of their figures."""

    def __init__(self, data: dict) -> None:
        self.source = str(data["source"])
        self.year = str(data["year"])
        self.rows: dict[str, dict] = {}
        self.people: dict[str, str] = {}
        for name, row in data["places"].items():
            for spelling in [name, *row.get("aliases", ())]:
                self.rows.setdefault(spelling, {**row, "name": name})
                self.rows.setdefault(_unaccented(spelling), {**row, "name": name})  # "Reykjavik" for "Reykjavík"
            if row.get("people"):
                self.people[row["people"]] = name

    def find(self, head: str) -> dict | None:
        """The place whose name ends `head` (the words before a connector), the longest name first."""
        words = head.split()
        for n in range(min(NAME_WORDS, len(words)), 0, -1):
            name = " ".join(words[-n:]).strip("\"'“”‘(")
            if name[:1].isupper() and name in self.rows:
                return self.rows[name]
            if n > 1 and words[-n] in ("the", "The") and " ".join(words[-n + 1:]) in self.rows:
                return self.rows[" ".join(words[-n + 1:])]
        return None


def _unaccented(name: str) -> str:
    """A name without its accents, as English text often writes it ("Reykjavík" -> "Reykjavik")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def builtin(name: str) -> Table:
    """A built-in table, read on first use only (an article that names no place never loads one)."""
    text = resources.files("factcheck").joinpath("reference", f"{name}.yml").read_text(encoding="utf-8")
    return Table(json.loads(text))  # the tables are YAML written in its JSON form (tools/reference_tables.py)


def _table(params: dict) -> Table:
    if "table" in params:
        return builtin(params["table"])
    return Table({"source": params["source"], "year": params["year"], "places": params["places"]})  # a few rows


def _km2(fig: Figure) -> float | None:
    from ..units import convert

    return convert(1.0, fig.unit, "kilometer ** 2") if fig.unit else None


def _tied(ctx: CheckContext, fig: Figure, params: dict) -> tuple[dict, float, Table, bool] | None:
    """The place a figure is tied to, the figure's scale to the table's unit, the table and whether the figure is a
    part of the place's measure (only its upper bound holds), or None.

    Extraction reads the words (extract/places.py); the table is loaded only for a figure they tie to some name."""
    measure = params["measure"]
    if measure == "people":  # "400 million Americans": the word after the count (the entity attr may be the speaker)
        people = fig.attr("place_people")
        if people is None:
            return None
        table = _table(params)
        name = table.people.get(people)
        return (table.rows[name], 1.0, table, True) if name else None
    if measure == "area":
        scale = _km2(fig) if fig.kind == "quantity" else None
        tie = fig.attr("place_area")
        if not scale or tie is None:
            return None
        (head, noun), whole = tie, True
    else:
        tie = fig.attr("place_population")
        if tie is None:
            return None
        scale, (head, noun, whole) = 1.0, tie
    if noun and params.get("nouns") and noun not in params["nouns"]:
        return None
    if measure == "population" and not whole:
        return None  # "France's 68 million voters", "Lagos has 3 million": not (all of) its population
    part = whole == "part"  # "Brazil's 2.1 billion citizens elected ...": at most its population
    table = _table(params)
    place = table.find(head)
    back = BACK.search(head) if place is None else None
    if back is not None:  # "the country's 2.1 billion people": the one place of this table the text named before
        noun = back.group(1).lower()
        place = _antecedent(ctx, fig, table) if not params.get("nouns") or noun in params["nouns"] else None
    if place is None:
        return None
    skip = params.get("skip_table")
    if skip and not noun and place["name"] in builtin(skip).rows:
        return None  # a name that is also a country (Singapore) goes to the countries rule unless "a city of"
    return place, scale, table, part


def _antecedent(ctx: CheckContext, fig: Figure, table: Table) -> dict | None:
    """The place "the country" or "the city" points back to: the one place of the table that the text names
    before the figure (none when it names two: which one is meant is not known)."""
    places = {}
    for m in NAME.finditer(ctx.doc.text, 0, fig.span.start):
        place = table.find(m.group(0))
        if place is not None:
            places[place["name"]] = place
    return next(iter(places.values())) if len(places) == 1 else None


def _about(x: float, unit: str | None) -> str:
    """A reference figure as a reader says it: 'about 1.35 billion', '7.69 million km²', '353,000'."""
    for size, word in ((1e9, " billion"), (1e6, " million")):
        if x >= size:
            text = f"{x / size:.3g}{word}"
            break
    else:
        text = f"{float(f'{x:.3g}'):,.0f}"
    return f"{text} {unit}" if unit else text


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    params = rule.params
    measure = params["measure"]
    factor = float(params.get("factor", 10 if measure != "people" else 1.25))
    for fig in ctx.figures:
        if fig.value is None or fig.kind not in ("count", "quantity"):
            continue
        tied = _tied(ctx, fig, params)
        if tied is None:
            continue
        place, scale, table, part = tied
        ref = place.get("area_km2" if measure == "area" else "population")
        if not ref:
            continue
        ctx.mark(fig)
        value = fig.value * scale  # the printed value: its rounding is nothing beside a factor of ten
        unit = "km²" if measure == "area" else None
        low_limit = ref / factor if not part else -math.inf
        if low_limit <= value <= ref * factor:
            continue
        ratio = f"×{value / ref:.4g}" if value >= ref else f"÷{ref / value:.4g}"
        what = {"population": "population", "area": "area", "people": "population"}[measure]
        yield Hit(
            (fig,),
            {"place": place["name"], "value": fig.surface, "reference": _about(ref, unit), "what": what,
             "source": table.source, "year": table.year, "ratio": ratio},
            evidence=f"{show(value, unit)} against {place['name']}'s {what} of {show(ref, unit)} "
                     f"({table.source}, {table.year}): {ratio}, beyond ×{factor:g}"
                     + (" or ÷" + f"{factor:g}" if not part else ""),
        )
