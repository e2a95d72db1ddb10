"""The unit lexicon compiled from pint's registry and quantulum3's unit tables, cached on disk per library version."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from .compiled import cached
from .lexicon import load

LEX = load("unit_table")
DIMS: dict[str, str] = LEX["dimensions"]  # pint dimensionality -> our dimension name
ENTITIES: dict[str, str] = LEX["entities"]  # quantulum3 entity -> our dimension name
PREFIXED: dict[str, list[str]] = LEX["prefixed"]  # base unit -> the prefix families it takes ("si", "binary")
STOP = set(LEX["not_symbols"])
SYMBOL_PREFIXES = set(LEX["symbol_prefixes"])
NOT_WORDS = set(LEX["not_words"])
SPACE = re.compile(r"[\s_-]+")


@functools.cache
def table() -> dict[str, dict[str, list[str]]]:
    """{"words": {lowercase name: [pint unit, dim]}, "abbr": {symbol: [pint unit, dim]}}, built once and cached."""
    here = Path(__file__)
    return cached("units", ("pint", "quantulum3"), (here, here.parent / "lexicon" / "unit_table.yml"), build)


CANDIDATE = re.compile(r"[^\W\d_][^\s\d,;:!?()\[\]\"'“”]*(?:[ \u00a0-][^\W\d_][^\s\d,;:!?()\[\]\"'“”]*){0,3}")
WORD_END = re.compile(r"[ \u00a0-]")


@functools.cache
def _heads() -> frozenset[str]:
    """The first word of every name (lower case, plural too) and symbol in the table."""
    compiled = table()
    heads = {SPACE.split(k, 1)[0] for k in compiled["abbr"]}
    for key in compiled["words"]:
        head = key.split(" ", 1)[0]
        heads.update((head, head + "s", head + "es"))
    return frozenset(heads)


def lookup(text: str, pos: int) -> tuple[str, str, int] | None:
    """The longest unit of the table written at text[pos:]: (pint unit, dimension, end), or None.

    Names match case-insensitively with a plural "-s"/"-es" ("megawatt-hours", "knots"); symbols only as
    written ("kWh", "GB", "hPa"); a full stop after a symbol is the sentence's.
    """
    m = CANDIDATE.match(text, pos)
    if not m:
        return None
    first = WORD_END.split(m.group(0), 1)[0]
    heads = _heads()
    if first not in heads and first.lower().rstrip(".") not in heads:
        return None  # no unit starts with this word: the common case, decided without trying every length
    compiled = table()
    ends = [w.start() for w in WORD_END.finditer(text, pos, m.end())] + [m.end()]
    for end in reversed(ends):
        form = text[pos:end]
        for cut in (form, form.rstrip(".")):
            hit = compiled["abbr"].get(cut)
            if hit:
                return hit[0], hit[1], pos + len(cut)
        key = SPACE.sub(" ", form.rstrip(".").lower())
        for cand in (key, key[:-1] if key.endswith("s") else "", key[:-2] if key.endswith("es") else ""):
            hit = compiled["words"].get(cand) if cand else None
            if hit:
                return hit[0], hit[1], pos + len(form.rstrip("."))
    return None


def build() -> dict[str, dict[str, list[str]]]:
    """Compile the table: pint's units of the news dimensions with every prefix they take, then quantulum3's forms."""
    from ..units import registry

    ureg = registry()
    words: dict[str, list[str]] = {}
    abbr: dict[str, list[str]] = {}

    def dim_of(name: str) -> str | None:
        root = name.split(" ")[0]
        if root.endswith(("bit", "byte")):
            return "data_rate" if "/" in name else "data"
        try:
            return DIMS.get(str(ureg.Unit(name).dimensionality))
        except Exception:  # pint raises several error types for names it cannot parse
            return None

    def add_word(form: str, unit: str, dim: str) -> None:
        key = SPACE.sub(" ", form.strip().lower())
        if len(key) > 2 and not key.isdigit() and key not in NOT_WORDS and key.rstrip("s") not in NOT_WORDS:
            words.setdefault(key, [unit, dim])
            head, per, tail = key.partition(" per ")
            if per:  # "kilometres per hour": the plural is on the first word
                words.setdefault(f"{head}s{per}{tail}", [unit, dim])

    def add_abbr(form: str, unit: str, dim: str) -> None:
        form = form.strip()
        if len(form) >= 2 and form not in STOP and "_" not in form and not form.isdigit():
            abbr.setdefault(form, [unit, dim])

    prefixes: dict[str, list] = {"si": [], "binary": []}
    for key, p in ureg._prefixes.items():
        if key == p.name and p.name and p.name not in ("semi", "sesqui"):
            prefixes["binary" if p.name.endswith("bi") else "si"].append(p)
    for name, definition in list(ureg._units.items()):
        if name != definition.name:
            continue
        dim = dim_of(name)
        if dim is None:
            continue
        for form in (name, *definition.aliases):
            add_word(form, name, dim)
        if definition.symbol and definition.symbol != name:
            add_abbr(definition.symbol, name, dim)
        for family in PREFIXED.get(name, []):
            for p in prefixes[family]:
                if dim == "data" and p.value < 1:
                    continue  # nobody counts millibytes: "mb" is a megabit or a megabyte, never less
                add_word(p.name + name, p.name + name, dim)
                for alias in definition.aliases:
                    add_word(p.name + alias, p.name + name, dim)
                if definition.symbol and p.symbol in SYMBOL_PREFIXES:
                    add_abbr(p.symbol + definition.symbol, p.name + name, dim)
                    add_abbr(p.symbol.replace("µ", "u") + definition.symbol, p.name + name, dim)
    for rate, base in (("bit", "b"), ("byte", "B")):
        for p in [None, *(q for q in prefixes["si"] if q.value > 1), *prefixes["binary"]]:
            name, symbol = (p.name, p.symbol) if p else ("", "")
            unit = f"{name}{rate} / second"
            add_word(f"{name}{rate} per second", unit, "data_rate")
            if p is None or symbol in SYMBOL_PREFIXES or p in prefixes["binary"]:
                for form in (f"{symbol}{base}/s", f"{symbol}{base}ps", f"{symbol}{rate}/s"):
                    add_abbr(form, unit, "data_rate")
    _add_quantulum(ureg, add_word, add_abbr)
    return {"words": words, "abbr": abbr}


def _pint_name(ureg, name: str) -> str | None:
    """quantulum3's unit name as a unit pint parses ("square foot" -> "foot ** 2"), or None."""
    name = name.lower()
    for word, power in (("square ", 2), ("cubic ", 3)):
        if name.startswith(word):
            name = f"{name[len(word):]} ** {power}"
    name = name.replace(" per ", " / ")
    candidate = re.sub(r"(?<=[a-z]) (?=[a-z])", "_", name)
    try:
        ureg.Unit(candidate)
        return candidate
    except Exception:  # pint raises several error types for names it cannot parse
        return None


def _add_quantulum(ureg, add_word, add_abbr) -> None:
    """The surface forms and symbols of quantulum3's units (both its general and its English table) that pint knows."""
    import importlib.util

    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return
    root = Path(next(iter(spec.submodule_search_locations)))
    units = json.loads((root / "units.json").read_text(encoding="utf-8"))
    english = root / "_lang" / "en_US" / "units.json"
    extra = json.loads(english.read_text(encoding="utf-8")) if english.exists() else {}
    for name, entry in units.items():
        dim = ENTITIES.get(entry.get("entity", ""))
        unit = _pint_name(ureg, name) if dim else None
        if unit is None:
            continue
        more = extra.get(name, {})
        for form in [name, *entry.get("surfaces", []), *more.get("surfaces", [])]:
            add_word(form, unit, dim)
        for form in [*entry.get("symbols", []), *more.get("symbols", [])]:
            add_abbr(form, unit, dim)
