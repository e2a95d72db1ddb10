"""The faster forms give the same answers: trie alternations, the indented JSON writer, replaced figures, pickling."""

from __future__ import annotations

import dataclasses
import io
import json
import math
import pickle
import random
import re

import pytest

from factcheck.extract import context, money
from factcheck.extract.trie import alternation
from factcheck.model import Figure, Interval, Packed, Span, Statement, replaced
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
