"""ISO 4217 currencies from CLDR (babel): codes, names and symbols merged under the hand lexicon, cached on disk."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .compiled import cached
from .lexicon import load

LEX = load("currency_table")
NOT_CODES = set(LEX["not_codes"])
NOT_WORDS = set(LEX["not_words"])


@functools.cache
def table() -> dict[str, Any]:
    """{"codes": {code: code}, "words": {lowercase name: code}, "symbols": {symbol: code}, "shared": {a word several
    currencies end their names with: {code: its places' and adjective's names}}}, built once and cached."""
    here = Path(__file__)
    return cached("currencies", ("babel",), (here, here.parent / "lexicon" / "currency_table.yml"), build)


def build() -> dict[str, Any]:
    """Every currency legal tender somewhere today, with its English names (singular, plural) and symbols."""
    from babel import Locale
    from babel.localedata import locale_identifiers
    from babel.numbers import get_territory_currencies

    en = Locale("en")
    current: set[str] = set()
    for territory in map(str, en.territories):
        try:
            current.update(get_territory_currencies(territory, tender=True))
        except Exception:  # babel raises for territories without currency data
            continue
    words: dict[str, str] = {}
    bare: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}  # code -> the names of its places: the name's first words, its territories
    for territory, place in en.territories.items():
        try:
            tender = get_territory_currencies(str(territory), tender=True)
        except Exception:  # babel raises for territories without currency data
            continue
        for code in tender:
            places.setdefault(code, set()).add(re.sub(r"\s+SAR\s+China$", "", place).lower())
    for code in sorted(current):
        plural = en._data["currency_names_plural"].get(code, {})
        names = [en.currencies.get(code, ""), *(plural.values() if isinstance(plural, Mapping) else [])]
        for name in names:
            name = re.sub(r"\s*\(.*?\)", "", name).strip().lower()
            if name and name != code.lower():
                words.setdefault(name, code)
                if " " in name:
                    bare.setdefault(name.rsplit(" ", 1)[1], set()).add(code)
                    places.setdefault(code, set()).add(name.rsplit(" ", 1)[0])  # "canadian", "new taiwan"
    for word, codes in bare.items():  # "naira" alone when one currency has it and it is no common word
        if len(codes) == 1 and word.rstrip("s") not in NOT_WORDS and word not in NOT_WORDS:
            words.setdefault(word, next(iter(codes)))
    symbols: dict[str, str] = {}
    for ident in ["en", *sorted(i for i in locale_identifiers() if i.startswith("en_"))]:
        loc = Locale.parse(ident)
        own = loc.territory and get_territory_currencies(loc.territory, tender=True)
        for code, symbol in loc.currency_symbols.items():
            if code not in current or (ident != "en" and code not in (own or [])):
                continue  # a regional locale speaks only for its own currency ("₦" in en_NG)
            if symbol != code and not re.fullmatch(r"[A-Za-z]{1,2}\.?", symbol):
                symbols.setdefault(symbol, code)
    iso_codes = {c: c for c in sorted(current - NOT_CODES) if re.fullmatch(r"[A-Z]{3}", c)}
    shared = {word: {code: sorted(places.get(code, ())) for code in sorted(codes)}
              for word, codes in bare.items() if len(codes) > 1}
    return {"codes": iso_codes, "words": words, "symbols": symbols, "shared": shared}


def shared_readings(word: str, text: str) -> tuple[str, ...]:
    """The currencies a word several countries name ("dollars", "pesos", "francs") may be in a text: those whose
    country or adjective the text names ("Canada", "Canadian"), as CLDR names them; () for no shared word."""
    shared: dict[str, list[str]] = table()["shared"].get(word.lower().rstrip("s")) or table()["shared"].get(
        word.lower()) or {}
    lowered = text.lower()
    return tuple(code for code, called in shared.items()
                 if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", lowered) for n in called))


def with_table(lex: dict[str, Any]) -> dict[str, Any]:
    """A copy of the hand currency lexicon with CLDR's codes, names and symbols added where the hand has none."""
    compiled = table()
    out = dict(lex)
    out["codes"] = sorted(set(lex["codes"]) | set(compiled["codes"]))
    out["words"] = {**compiled["words"], **lex["words"]}
    out["prefixes"] = {**compiled["symbols"], **lex["prefixes"]}
    unicode_symbols = {s: c for s, c in compiled["symbols"].items() if not re.search(r"[A-Za-z]", s)}
    out["postfix_symbols"] = {**unicode_symbols, **lex["postfix_symbols"]}
    return out
