"""Numbers and units written as an editor reads them: thousands separators, no exponents, plural units."""

from __future__ import annotations

import math
import re

SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
# Plurals that the spelling rules below do not give; unit words that do not change ("100 hertz", "3 lux").
IRREGULAR = {
    "foot": "feet", "person": "people", "child": "children", "man": "men", "woman": "women", "tooth": "teeth",
    "mouse": "mice", "goose": "geese", "index": "indices", "series": "series", "species": "species",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft", "hertz": "hertz", "lux": "lux",
    "siemens": "siemens", "celsius": "celsius", "fahrenheit": "fahrenheit", "kelvin": "kelvin", "staff": "staff",
    "cattle": "cattle", "police": "police", "data": "data",
}
# Words that join a unit's head noun to the rest of its name: the head noun before them takes the plural.
JOINS = ("per", "of", "a", "an")
POWERS = {"2": "square", "3": "cubic"}


def number(x: float, digits: int = 3) -> str:
    """A number rounded to a few significant digits, with thousands separators and without a trailing '.0'."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if math.isnan(x):
        return "?"
    if x == 0:
        return "0"
    places = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    text = f"{x:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact(x: float) -> str:
    """A figure's value as the text would write it: every significant digit, separators, no exponent."""
    if math.isinf(x) or math.isnan(x) or x == 0:
        return number(x)
    return number(x, digits=max(1, min(15, len(f"{abs(x):.15g}".replace(".", "").lstrip("0").split("e")[0]))))


def plural(word: str) -> str:
    """The plural of one English noun ('seat' → 'seats', 'foot' → 'feet', 'city' → 'cities')."""
    lower = word.lower()
    if lower in IRREGULAR:
        return word[0] + IRREGULAR[lower][1:] if word[:1].isupper() else IRREGULAR[lower]
    if not word or not word[-1].isalpha() or lower.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es" if word and word[-1].isalpha() else word
    if lower.endswith("s"):
        return word  # already plural ("members", "votes")
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def unit_words(unit: str, count: float) -> str:
    """A unit name as words, plural unless the count is one: 'square_kilometer' → 'square kilometers'."""
    name = re.sub(r"(\w+) \*\* ([23])", lambda m: f"{POWERS[m.group(2)]} {m.group(1)}", unit.replace("_", " "))
    words = name.replace("/", " per ").split()
    if not words or abs(count) == 1:
        return " ".join(words)
    head = next((i - 1 for i, w in enumerate(words) if w in JOINS and i > 0), len(words) - 1)
    if words[0] == "degree":  # "degrees Celsius"
        head = 0
    if head > 0 and words[head] == "force":  # "pounds force per square inch"
        head -= 1
    words[head] = plural(words[head])
    return " ".join(words)


def show(x: float, unit: str | None, digits: int = 3) -> str:
    """A value with its unit as a reader would write it: '$190bn', '5.3%', '1.5 percentage points', '12 kilometers'."""
    if unit == "%":
        return f"{number(x, digits)}%"
    if unit in ("celsius", "fahrenheit"):
        return f"{number(x, digits)}°{unit[0].upper()}"
    if unit == "pp":
        return f"{number(x, digits)} {'percentage point' if abs(x) == 1 else 'percentage points'}"
    if unit and len(unit) == 3 and unit.isupper():  # ISO currency
        for size, suffix in SCALES:
            if abs(x) >= size:
                body = f"{number(x / size, digits)}{suffix}"
                break
        else:
            body = number(x, digits)
        symbol = SYMBOLS.get(unit)
        return f"{symbol}{body}" if symbol else f"{unit} {body}"
    text = number(x, digits)
    return f"{text} {unit_words(unit, float(text.replace(',', '')) if text[-1].isdigit() else x)}" if unit else text


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_words(value: object) -> str:
    """An ISO date at any precision as an editor writes it: '2023-03-17' → 'March 17, 2023', '2024-02' →
    'February 2024'; anything else as it is."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return text
    month = MONTHS[int(m.group(2)) - 1]
    return f"{month} {int(m.group(3))}, {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"


def date_span_words(start: object, end: object = None) -> str:
    """A date or a span of dates in words: 'March 20 to 26, 2023', 'March 30 to April 1, 2023'."""
    first, last = date_words(start), date_words(end) if end is not None else None
    if last is None or last == first:
        return first
    a, b = first.split(" "), last.split(" ")
    if len(a) == len(b) == 3 and a[2] == b[2]:  # same year: "March 20 to April 1, 2023", "March 20 to 26, 2023"
        return f"{a[0]} {a[1].rstrip(',')} to {b[1] if a[0] == b[0] else ' '.join(b[:2])}" + f" {b[2]}"
    return f"{first} to {last}"


def dates_in_words(text: str) -> str:
    """Every ISO date in a text written in words ("the month to 2023-03-17" → "the month to March 17, 2023")."""
    return re.sub(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])", lambda m: date_words(m.group(0)), text)
