"""The fast paths for big inputs give exactly what the scans they replace gave (random inputs, fixed seeds)."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.checks.conversion import _Agreement, _largest_agreement
from factcheck.extract import context, numbers, percent
from factcheck.extract.spans import SpanIndex
from factcheck.model import Interval


def test_rate_agreement_matches_the_scan_of_every_peer():
    rng = random.Random(1)
    for _ in range(1500):
        n = rng.randint(0, 20)
        rates, values = [], []
        for _ in range(n):
            low = rng.choice([rng.randint(0, 10), rng.random() * 10])
            rates.append(Interval(low, low + rng.choice([0, rng.randint(0, 4), rng.random() * 3])))
            values.append(rng.choice([1.0, 2.0, 3.0, float(rng.randint(0, 50))]))
        agreement = _Agreement(rates, values)
        for i in range(n):
            peers = [rates[j] for j in range(n) if j != i and values[j] != values[i]]
            count, agreeing = agreement.of(values[i])
            assert count == len(peers)
            assert sorted(map(repr, agreeing)) == sorted(map(repr, _largest_agreement(peers)))


def test_span_index_matches_the_scan_of_every_span():
    rng = random.Random(2)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 12)))]
        index = SpanIndex(spans)
        for a in range(0, 45):
            for b in range(a, a + 5):
                assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)
                assert index.covers(a, b) == any(s <= a and b <= e for s, e in spans)


@pytest.mark.parametrize("seed", range(3))
def test_windowed_searches_match_the_searches_of_the_whole_prefix(seed):
    rng = random.Random(seed)
    pieces = list("ab .!?\n\t:\"“(") + ["between", "BETWEEN", " " * 60, "\n  ", "\u00a0"]
    for _ in range(800):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for end in range(0, len(s) + 1, 3):
            assert percent._sentence_left(s, end) == max((m.end() for m in percent.SENTENCE.finditer(s, 0, end)),
                                                         default=0)
            assert percent._between_before(s, end) == bool(re.search(r"(?i:between)\s*$", s[:end]))
            assert numbers._sentence_start(s, end) == bool(numbers.SENTENCE_START.search(s[:end]))
            assert numbers._char_before(s, end) == s[:end].rstrip()[-1:]
        percent._sentence_marks.cache_clear()


def test_clause_breaks_of_a_sentence_match_the_scans_per_figure():
    rng = random.Random(5)
    pieces = [";", " but ", " while ", " whereas ", " although ", " though ", " however", " — ", "x", " ", "BUT"]
    for _ in range(600):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        a = rng.randint(0, len(s))
        b = rng.randint(a, len(s))
        breaks = context._Breaks(s, a, b)
        for stop in range(a, b + 1):
            lo = a
            for m in context.CLAUSE_BREAK.finditer(s, a, stop):
                lo = m.end()
            assert breaks.last_end_before(stop) == lo
            m = context.CLAUSE_BREAK.search(s, stop, b)
            assert breaks.first_start_from(stop) == (m.start() if m else b)
