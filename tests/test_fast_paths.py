"""The faster forms give the same answers: trie and factored alternations, the indented JSON writer, replaced figures,
pickling, the skipped money prefix search, calendar word starts, directions."""

from __future__ import annotations

import dataclasses
import io
import json
import math
import pickle
import random
import re

import pytest

from factcheck.extract import context, money, quantities
from factcheck.extract.calendar import scan, tense
from factcheck.extract.trie import alternation, factored
from factcheck.model import Figure, Interval, Packed, Span, Statement, replaced
from factcheck.reading import vague
from factcheck.render.json_stream import write

# The phrase lists the extractor writes as tries, with the flags they are used under.
LISTS = [
    ("measures", list(context.MEASURE), True, r"[ \u00a0]+"),
    ("qualifiers", [w for ws in context.LEX["qualifiers_before"].values() for w in ws if "(?" not in w], True,
     r"[ \u00a0]+"),
    ("currency names", list(money.WORDS), True, r"\s+"),
    ("currency codes", sorted(money.CODES | money.LOWER_CODES), False, None),
    ("currency symbols", list(money.PREFIXES), False, None),
    ("clause breaks", context.LEX["clause_breaks"], True, None),
]


def _flat(phrases: list[str], space: str | None) -> str:
    escaped = (re.escape(p).replace(r"\ ", space) if space else re.escape(p) for p in dict.fromkeys(phrases))
    return "|".join(sorted(escaped, key=len, reverse=True))


def _sample(phrases: list[str], rng: random.Random) -> str:
    """Text made of the phrases themselves, cut short, run on, in other cases and with other spaces between."""
    pieces = []
    for _ in range(400):
        p = rng.choice(phrases)
        p = rng.choice([p, p.upper(), p.title(), p[: max(1, len(p) - 1)], p + "s", p + "es", p.replace(" ", "  ")])
        pieces.append(p + rng.choice([" ", ", ", ".", "s ", "\u00a0", "-", "\n"]))
    return "".join(pieces)


@pytest.mark.parametrize(("name", "phrases", "fold", "space"), LISTS, ids=[entry[0] for entry in LISTS])
def test_a_trie_matches_as_the_flat_alternation(name, phrases, fold, space):
    flags = re.I if fold else 0
    rng = random.Random(name)
    text = _sample(phrases, rng)
    for wrap in (r"\b(?:{})\b", r"(?:{})(?:e?s)?(?![\w])", r"(?:{})[ \u00a0]{{0,2}}$"):
        flat = re.compile(wrap.format(_flat(phrases, space)), flags)
        trie = re.compile(wrap.format(alternation(phrases, fold=fold, space=space)), flags)
        assert trie.pattern != flat.pattern or len(phrases) < 2
        found = [(m.span(), m.group()) for m in flat.finditer(text)]
        assert [(m.span(), m.group()) for m in trie.finditer(text)] == found
        ends = [text[max(0, k - 30) : k] for k in range(0, len(text), 7)]  # short texts, as money reads before numbers
        assert [_span(trie.search(e)) for e in ends] == [_span(flat.search(e)) for e in ends]


def _span(m: re.Match | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_a_trie_shares_prefixes_and_tries_the_longest_first():
    assert alternation(["per cent", "per", "percentage"], fold=True, space=r"\s+") == r"per(?:\s+cent|centage)?"
    rx = re.compile(rf"(?:{alternation(['per', 'per cent'], space=r'[ ]+')})\b")
    assert rx.match("per cent more").group() == "per cent"


def test_phrases_that_fold_together_keep_the_flat_alternation():
    # "Ó" and "ó" (or "s" and the long "ſ") match one character case-insensitively: their order would matter
    for phrases in (["Ólafur", "ólafsson"], ["sa", "ſb"]):
        assert alternation(phrases, fold=True) == _flat(phrases, None)
    case_sensitive = alternation(["Ólafur", "ólafsson"])  # no folding: a trie whatever the letters
    assert case_sensitive != _flat(["Ólafur", "ólafsson"], None) and re.fullmatch(case_sensitive, "Ólafur")


RECORDS = [
    {"id": "F1", "surface": "£4.5bn\n“quoted”", "kind": "money", "value": 4.5e9, "low": -math.inf, "high": math.inf,
     "unit": None, "qualifiers": ["approx", "forecast"], "start": 0, "end": 6, "flag": True, "off": False},
    {"kind": "change", "figures": {"old": "F1", "new": "F2", "parts": ["F3", "F4"]}, "nan": math.nan, "empty": []},
    [1, 2.5, -0.0, 10**20, "é\u2028\ud800", (3, 4), {}],
    "a string",
    None,
]


@pytest.mark.parametrize("record", RECORDS)
def test_the_indented_writer_writes_what_json_dumps_does(record):
    out = io.StringIO()
    write({"files": iter([{"figures": iter([record, record])}])}, out, indent=2)
    want = json.dumps({"files": [{"figures": [record, record]}]}, indent=2, ensure_ascii=False)
    want = want.replace("\ud800", "\\ud800")  # a lone surrogate is written as its escape (render/sanitize.py)
    assert out.getvalue() == want


def test_replaced_is_dataclasses_replace():
    fig = Figure("F1", Span(3, 9), "$1.2bn", "money", 1.2e9, Interval(1.15e9, 1.25e9), "USD", ("approx",),
                 attrs=(("role", "new"),))
    changes = {"id": "F7", "span": Span(10, 16), "attrs": ()}
    assert replaced(fig, **changes) == dataclasses.replace(fig, **changes)
    statement = Statement("change", (("old", "F1"), ("new", "F2")))
    assert replaced(statement, facts=(("direction", "up"),)) == dataclasses.replace(statement,
                                                                                 facts=(("direction", "up"),))
    with pytest.raises(TypeError, match="no field 'spam'"):
        replaced(fig, spam=1)


def test_figures_and_statements_pickle_and_pack_whole():
    fig = Figure("F2", Span(0, 4), "2024", "year", date="2024", attrs=(("tense", "past"),))
    statement = Statement("change", (("parts", ("F1", "F2")),), (("complete", True),))
    assert pickle.loads(pickle.dumps(fig)) == fig
    assert pickle.loads(pickle.dumps(statement)) == statement
    packed = Packed([fig, fig])
    packed.extend([replaced(fig, id="F3")])
    assert list(packed) == [fig, fig, replaced(fig, id="F3")] and packed[2].id == "F3"


def _unit_words(words) -> list[str]:
    return [re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") + r"(?:e?s)?"
            for w in sorted(words, key=len, reverse=True)]


# Alternatives in their order of preference that the extractor and the readers join with factored(), as they write
# them, with the flags they are used under.
ALTERNATIVES = [
    ("vague words", [re.escape(w).replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[-\s]")
                     for w in sorted(vague.RANGE, key=len, reverse=True)], True),
    ("unit words", _unit_words(quantities.BY_WORD), True),
    ("unit abbreviations", sorted((re.escape(a) for a in quantities.BY_ABBR), key=len, reverse=True), False),
    ("forecast verbs", list(context.LEX["forecast_verbs"]), True),  # "(?-i:may)" among them: runs apart
    ("past verbs", list(tense.LEX["tense"]["past"]), False),
    ("future words", list(tense.LEX["tense"]["future"]), True),
]


def _words_of(pattern: str) -> list[str]:
    """Sample words a pattern may match: its plain letters with the regex syntax taken out."""
    return [w for w in re.sub(r"\\.|\[[^\]]*\]|\(\?[-:a-z]*|[()?*+{}|^$]", " ", pattern).split() if w]


@pytest.mark.parametrize(("name", "items", "fold"), ALTERNATIVES, ids=[entry[0] for entry in ALTERNATIVES])
def test_factored_alternatives_match_as_the_flat_alternation(name, items, fold):
    flags = re.I if fold else 0
    factored_form = factored(items, fold=fold)
    assert factored_form != "|".join(items)  # it did factor something
    words = [w for p in items for w in _words_of(p)] + ["x"]
    text = _sample(words, random.Random(name)) + " " + _sample([w.replace(" ", "-") for w in words], random.Random(1))
    for wrap in (r"(?<![\w-])(?:{})(?![\w-])", r"\b(?:{})\b", r"[ \u00a0]{{0,2}}(?:{})(?![\w])"):
        flat = re.compile(wrap.format("|".join(items)), flags)
        fast = re.compile(wrap.format(factored_form), flags)
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in
                                                                         flat.finditer(text)]
        assert [_span(fast.match(text, k)) for k in range(0, len(text), 3)] == [_span(flat.match(text, k))
                                                                                for k in range(0, len(text), 3)]


def test_factored_groups_only_what_cannot_match_one_character_twice():
    assert factored(["about", "by", "around"]) == "a(?:bout|round)|by"
    assert factored(["Apple", "apricot"], fold=True) == "A(?:p(?:ple|ricot))"  # one group case-insensitively
    assert factored(["Apple", "apricot"]) == "Apple|apricot"  # two groups case-sensitively
    assert factored(["ab", "(?:x)", "ac"]) == "ab|(?:x)|ac"  # a bracket between: the runs are factored apart
    assert factored(["go|went", "gone"]) == "go|went|gone"  # an alternative with its own "|": as given
    assert factored(["s?", "see"]) == "s?|see"  # a quantified first character: as given


def test_the_money_prefix_is_searched_only_where_one_may_end():
    for before in ["rose to $", "worth US$ ", "from EUR", "some 40 euros or", "| Acme | 1,200.5 | ", "(", "",
                   "priced at ₹\u00a0", "a  ", "£ ", "R$", "nzd   "]:
        assert _span(money._prefix(before)) == _span(money.PREFIX.search(before)), before


def test_calendar_word_starts_are_those_of_every_word_for_the_trigger_words():
    text = "On the 3rd, THE Fed met; the 1990s, Q3 2024 and Q4. Since-then 12abc the'd\u212a early next week"
    every: dict[str, list[int]] = {}
    for m in re.finditer(r"[A-Za-z]+|\d+", text):
        every.setdefault("#" if m.group()[0].isdigit() else m.group().lower(), []).append(m.start())
    triggers = set().union(*scan.TRIGGERS.values())
    assert scan.word_starts(text) == {k: v for k, v in every.items() if k in triggers}


def test_directions_of_words_with_no_direction_word_are_none():
    assert context.directions(["Acme", "Borealis", "Close", "Change", "Volume"]) == []
    assert context.directions(["shares", "rose", "then", "fell"]) == ["down", "up"]
