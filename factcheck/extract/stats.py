"""Statistics as abstracts and science news state them: test results with their p, estimates with confidence
intervals, means and percentages of a sample, and sample sizes (cue words in lexicon/statistics.yml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Figure, Interval, Span
from .lexicon import load

# Text pasted from a PDF: typographic minus and hyphen signs, a raised decimal point, ligatures, line-end hyphens.
_SIGNS = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_PDF_SIGNS = re.compile("[\u2212\u2010\u2011\u2012\ufe63\uff0d\u00b7]")
_MID_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)")
# A word broken at a line end: the loader has made the break a space ("signifi- cant"); a hyphen before "and" or
# "or" is a shared prefix ("pre- and post-test") and stays.
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n?[ \t]+(?!(?:and|or|to)\b)(?=[a-z])")

NUM = r"(?:\d+(?:\.\s?\d+)?|\.\s?\d+)"
SNUM = r"-?\s?" + NUM
_OPEN, _CLOSE = r"[\(\[\{]", r"[\)\]\}]"
_P = (r"(?:(?P<ptail>one|two)[- ](?:tailed|sided)\s+)?\b[pP]\s*(?:-?\s*value\s*)?"
      r"(?P<op><=|>=|≤|≥|=|<|>)\s*(?P<p>" + NUM + r")|(?P<ns>\bn\.\s?s\.|\bns\b|\bNS\b)")


# Quick gates: a text without these has none of the statistics below, and costs one scan each.
_HAS_P = re.compile(r"\b[pP]\s?(?:-?\s?value\s?)?[<>=≤≥]|\bn\.\s?s\.|\bns\b|\bNS\b")
_HAS_CI = re.compile(r"\bCI\b|\bCrI\b|(?i:confidence|credible) interval")
_HAS_SHARE_OF = re.compile(r"(?:%|(?i:cent))\s+of\s+(?:\w+\s+)?\d")


def normalise(text: str) -> str:
    """The text with PDF signs made plain, length-preserving (offsets still point into the document):
    '−' and '‐' become '-', a '·' between digits becomes '.'."""
    if not _PDF_SIGNS.search(text):
        return text  # the common case: nothing to change, one scan
    return _MID_DOT.sub(".", text.translate(_SIGNS))


def plain_words(text: str) -> str:
    """Text for cue-word matching only (not length-preserving): ligatures spelled out, line-end hyphens joined."""
    for lig, letters in _LIGATURES.items():
        text = text.replace(lig, letters)
    return _LINE_HYPHEN.sub("", text).lower()


def number(raw: str) -> tuple[float, int]:
    """A written number and its decimals: '.036' -> (0.036, 3), '. 001' -> (0.001, 3)."""
    raw = raw.replace(" ", "")
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    return float(raw), decimals


@functools.cache
def words(name: str) -> re.Pattern[str]:
    """A pattern matching any of the lexicon list `name` as whole words (on plain_words text)."""
    items = sorted(load("statistics")[name], key=len, reverse=True)
    alts = "|".join(re.escape(str(w).lower()) for w in items)
    return re.compile(r"(?<![^\W\d_])(?:" + alts + r")(?![\w])")


@dataclass(frozen=True)
class Reported:
    """A reported p: its comparison ('=', '<', '>' or 'ns'), value, decimals and span."""

    op: str
    value: float
    decimals: int
    start: int
    end: int
    text: str = ""  # as written: "p = .036", "n.s."


@dataclass(frozen=True)
class TestResult:
    """A test statistic with its degrees of freedom and the p the text gives for it."""

    test: str  # t, F, r, chi2, z, Q
    value: float
    decimals: int
    df: tuple[float, ...]
    p: Reported
    one_tailed: bool
    start: int
    end: int
    value_start: int
    value_end: int
    surface: str


@dataclass(frozen=True)
class Estimate:
    """An estimate with its confidence interval ("a 20% rise (95% CI 12% to 31%)", "OR 1.5, 95% CI 1.1-2.3")."""

    value: float
    decimals: int
    low: float
    low_decimals: int
    high: float
    high_decimals: int
    level: float
    ratio: bool
    difference: bool
    p: Reported | None
    start: int
    end: int
    value_end: int
    surface: str
    unit: str


@dataclass(frozen=True)
class Mean:
    """A mean of whole-number data over N ("rated it 4.37 on a 7-point scale (n = 28)")."""

    value: float
    decimals: int
    n: int
    items: int
    start: int
    end: int


@dataclass(frozen=True)
class ShareOfN:
    """A percentage of N people ("17.3% of 24 patients")."""

    value: float
    decimals: int
    n: int
    start: int
    end: int


@dataclass(frozen=True)
class SampleSize:
    """A whole sample as the text states it ("a sample of 120", "N = 120", "120 patients were enrolled")."""

    n: int
    start: int
    end: int


def _df(name: str) -> str:
    return _OPEN + r"\s*(?P<" + name + r">" + NUM + r")\s*" + _CLOSE


_STAT = r"\s*=\s*(?P<v>" + SNUM + r")"
_GAP = r"(?:\s*,\s*(?:MSE|MSe|SE|SD|d|η2|η²|eta2|ηp2|ηp²|partial η2|R2|R²)\s*=\s*-?" + NUM + r")*\s*[,;]?\s*"


@functools.cache
def _test_patterns() -> list[tuple[str, re.Pattern[str]]]:
    chi = "|".join(re.escape(w) for w in sorted(load("statistics")["chi2_names"], key=len, reverse=True))
    pv = r"(?:" + _P + r")"
    df2 = _OPEN + r"\s*(?P<d1>" + NUM + r")\s*,\s*(?P<d2>" + NUM + r")\s*" + _CLOSE
    pats = {
        "t": [r"(?<![\w.])t\s*" + _df("d1") + _STAT,
              r"(?<![\w.])t" + _STAT + r"\s*[,;]\s*df\s*=\s*(?P<d1>" + NUM + ")"],
        "F": [r"(?<![\w.])F\s*" + df2 + _STAT,
              r"(?<![\w.])F" + _STAT + r"\s*[,;]\s*df\s*=\s*(?P<d1>" + NUM + r")\s*(?:,|and)\s*(?P<d2>" + NUM + ")"],
        "r": [r"(?<![\w.])r\s*" + _df("d1") + _STAT,
              r"(?<![\w.])r" + _STAT + r"\s*[,;]\s*(?:df\s*=\s*(?P<d1>" + NUM + r")|[nN]\s*=\s*(?P<n>" + NUM + r"))"],
        "chi2": [r"(?<![\w.])(?:" + chi + r")\s*" + _OPEN + r"\s*(?P<d1>" + NUM + r")\s*(?:,\s*[nN]\s*=\s*"
                 + NUM + r"\s*)?" + _CLOSE + _STAT],
        "z": [r"(?<![\w.])[zZ]" + _STAT],
        "Q": [r"(?<![\w.])Q\s*" + _df("d1") + _STAT],
    }
    return [(test, re.compile(p + _GAP + pv)) for test, forms in pats.items() for p in forms]


def _reported(m: re.Match[str]) -> Reported:
    if m.group("ns"):
        return Reported("ns", 0.05, 2, m.start("ns"), m.end("ns"), m.group("ns"))
    value, decimals = number(m.group("p"))
    op = {"<=": "<", "≤": "<", ">=": ">", "≥": ">"}.get(m.group("op"), m.group("op"))
    return Reported(op, value, decimals, m.start("op"), m.end("p"), f"p {m.group('op')} {m.group('p')}")


@functools.lru_cache(maxsize=8)
def tests(text: str) -> tuple[TestResult, ...]:
    """Every test result with a reported p, in text order (one reading per place: the longest)."""
    if "=" not in text or not _HAS_P.search(text):
        return ()  # no '=' or no p-value, no test result: a news text costs a scan or two
    text = normalise(text)
    found: list[TestResult] = []
    for test, pattern in _test_patterns():
        for m in pattern.finditer(text):
            value, decimals = number(m.group("v"))
            if test == "r" and m.groupdict().get("n"):
                df: tuple[float, ...] = (number(m.group("n"))[0] - 2,)
            else:
                df = tuple(number(m.group(k))[0] for k in ("d1", "d2") if m.groupdict().get(k))
            sentence = plain_words(_sentence_around(text, m.start(), m.end()))
            tail = m.groupdict().get("ptail")
            one = tail == "one" or (tail is None and bool(words("one_tailed").search(sentence)))
            found.append(TestResult(test, value, decimals, df, _reported(m), one, m.start(), m.end(),
                                    m.start("v"), m.end("v"), text[m.start():m.end()]))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[TestResult] = []
    for r in found:
        if not out or r.start >= out[-1].end:
            out.append(r)
    return tuple(out)


def _sentence_around(text: str, start: int, end: int) -> str:
    s, e = sentence_span(text, start, end)
    return text[s:e]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end] (split at '. ', '? ', '! ' and blank lines, so decimals
    and p-values do not split it)."""
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start),
               text.rfind("\n\n", 0, start))
    rights = [i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end), text.find("\n\n", end))
              if i >= 0]
    return (left + 1 if left >= 0 else 0), (min(rights) + 1 if rights else len(text))


# --- estimates with confidence intervals -------------------------------------------------------------------

@functools.cache
def _interval_pattern() -> re.Pattern[str]:
    lex = load("statistics")
    ratio = "|".join(re.escape(w) for w in sorted(lex["ratio_names"], key=len, reverse=True))
    ci = "|".join(re.escape(w) for w in sorted(lex["interval_names"], key=len, reverse=True))
    unit = r"(?P<unit>\s?%|\s?per\s?cent|\s?percent|\s?percentage points|\s?points)?"
    end_unit = r"(?:\s?%|\s?per\s?cent|\s?percent|\s?percentage points|\s?points)?"
    return re.compile(
        r"(?:(?P<ratio>\b(?:" + ratio + r"))\b[^\d\n()\[\]]{0,25}?)?(?<![\w.])(?P<v>" + SNUM + r")" + unit
        + r"(?P<words>(?:\s+[^\W\d]+(?:-[^\W\d]+)?){0,4})\s*[\(\[,;]\s*(?:(?P<level>\d{2}(?:\.\d+)?)\s?%\s*)?"
        r"(?:" + ci + r")(?:\s*\[\s*CI\s*\])?\s*[:=,]?\s*(?P<lo>" + SNUM + r")" + end_unit
        + r"\s*(?:to|–|—|,|-)\s*(?P<hi>" + SNUM + r")" + end_unit + r"\s*\)?"
        r"(?:\s*[,;]\s*(?:" + _P + r"))?")


@functools.lru_cache(maxsize=8)
def estimates(text: str) -> tuple[Estimate, ...]:
    """Every estimate followed by its confidence interval, in text order."""
    if not ("CI" in text or "CrI" in text or "interval" in text) or not _HAS_CI.search(text):
        return ()
    text = normalise(text)
    out = []
    lex_diff = words("difference_words")
    for m in _interval_pattern().finditer(text):
        value, dec = number(m.group("v"))
        low, low_dec = number(m.group("lo"))
        high, high_dec = number(m.group("hi"))
        if low > high:
            low, high, low_dec, high_dec = high, low, high_dec, low_dec
        level = float(m.group("level")) if m.group("level") else 95.0
        before = plain_words(text[max(0, m.start() - 60):m.start("v")])
        ratio = bool(m.group("ratio")) or bool(re.search(r"\b(?:odds|hazard|risk|rate) ratio\W*$", before))
        between = plain_words(" " + (m.group("words") or "") + " ")
        difference = not ratio and bool(lex_diff.search(between) or lex_diff.search(before[-40:]))
        p = _reported(m) if (m.group("op") or m.group("ns")) else None
        out.append(Estimate(value, dec, low, low_dec, high, high_dec, level, ratio, difference, p, m.start(),
                            m.end(), m.end("v"), text[m.start():m.end()], (m.group("unit") or "").strip()))
    return tuple(out)


# --- means, percentages of a sample and sample sizes ----------------------------------------------------------

_N_EQ = re.compile(r"(?<![\w.])[nN]\s*=\s*(?P<n>\d{1,6})(?![\d.,]\d)")


@functools.cache
def _people() -> str:
    return "|".join(re.escape(w) for w in sorted(load("statistics")["sample_nouns"], key=len, reverse=True))


def _ns_in(text: str, start: int, end: int) -> list[int]:
    """The sample sizes a sentence states: 'n = 28', '28 participants'."""
    piece = text[start:end]
    found = [int(m.group("n")) for m in _N_EQ.finditer(piece)]
    found += [int(m.group(1)) for m in re.finditer(r"(?<![\w.,$£€%])(\d{1,5})\s+(?:" + _people() + r")\b", piece)]
    return found


_MEAN = re.compile(r"\b(?:mean|average|averaged|M)\b(?:\s+[^\W\d]+){0,6}?\s*(?:of|was|were|=|:|,)?\s*"
                   r"(?P<v>\d{1,3}\.\d{1,3})(?![\d%])(?!\s?(?:%|per\s?cent|percent|years|kg|cm|mm|ml|mg|hours|"
                   r"minutes|seconds))")


def means(text: str) -> list[Mean]:
    """Means of whole-number data (a rating scale, a count) with the N they are over, in sentences that say so."""
    low = text.lower()
    if not ("mean" in low or "averag" in low or "M =" in text or "M=" in text):
        return []
    if not ("=" in text or next(_people_counts(text), None)) or not words("integer_data").search(low):
        return []  # no N, or no whole-number data
    text = normalise(text)
    out = []
    for m in _MEAN.finditer(text):
        s, e = sentence_span(text, m.start(), m.end())
        sentence = plain_words(text[s:e])
        if not words("integer_data").search(sentence):
            continue
        ns = set(_ns_in(text, s, e))
        if len(ns) != 1:
            continue  # no N, or several (groups): which mean is over which N is not said
        items = re.search(r"(\d{1,2})[- ]item", sentence)
        if items is None and re.search(r"\bitems?\b", sentence):
            continue  # an average over several items whose number is not given
        value, dec = number(m.group("v"))
        out.append(Mean(value, dec, ns.pop(), int(items.group(1)) if items else 1, m.start("v"), m.end("v")))
    return out


_APPROX = re.compile(r"(?i)\b(?:about|around|roughly|nearly|almost|some|approximately|more than|over|under|less than|"
                     r"fewer than|up to|at least|close to|just)\s+$")


def shares_of_n(text: str) -> list[ShareOfN]:
    """'17.3% of 24 patients', '17.3% of the 24 patients': a percentage of a small sample counted in people."""
    if not (" of " in text and ("%" in text or "cent" in text)) or not _HAS_SHARE_OF.search(text):
        return []
    text = normalise(text)
    pattern = re.compile(r"(?<![\w.])(?P<v>\d{1,3}(?:\.\d{1,2})?)\s?(?:%|per\s?cent|percent)\s+of\s+(?:the\s+|all\s+|"
                         r"its\s+|their\s+)?(?P<n>\d{1,4})(?![\d.,]\d)\s+(?:[^\W\d]+\s+){0,2}?(?:" + _people() + r")\b")
    out = []
    for m in pattern.finditer(text):
        if _APPROX.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "about 40% of 37 residents" is no exact share
        value, dec = number(m.group("v"))
        out.append(ShareOfN(value, dec, int(m.group("n")), m.start(), m.end()))
    return out


_NUMBER_WORD = re.compile(r"\d[\d,]*[ \t\n]+(?=[a-z])")
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,6}")


@functools.cache
def _people_word() -> re.Pattern[str]:
    return re.compile(r"(?:" + _people() + r")\b")


def _noun_end(text: str, end: int) -> int:
    """The end of the people noun after a number that ends at `end`."""
    start = end + len(text[end:end + 8]) - len(text[end:end + 8].lstrip())
    m = _people_word().match(text, start)
    return m.end() if m else end


def _people_counts(text: str) -> Iterator[tuple[int, int, int]]:
    """The numbers of people in a text ('120 patients', '1,205 pensioners') as (start, end, n): not the tail of a
    longer number or an amount ('$120 patients'). A digit is looked for first, then the noun after it."""
    for m in _NUMBER_WORD.finditer(text):
        raw = m.group(0).rstrip().rstrip(",")
        if not _WHOLE_NUMBER.fullmatch(raw) or not _people_word().match(text, m.end()):
            continue
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.,$£€%"):
            yield m.start(), m.start() + len(raw), int(raw.replace(",", ""))


@functools.cache
def _sample_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """'a sample of 120', 'N = 120'; the verbs before ('recruited 120 adults') and after ('120 adults were
    enrolled') a number of people."""
    verbs = "|".join(re.escape(w) for w in load("statistics")["sample_verbs"])
    whole = re.compile(r"\b(?:a\s+|the\s+)?(?:total\s+)?(?:sample|cohort)\s+(?:size\s+)?"
                       r"(?:of|was|comprised|included)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d.]\d)|(?<![\w.])N\s*=\s*(?P<N>\d{1,6})(?![\d.,]\d)")
    before = re.compile(r"\b(?:" + verbs + r")\s+(?:a\s+total\s+of\s+)?$")
    after = re.compile(r"\s+(?:were|was|had been)\s+(?:" + verbs + r")\b")
    return whole, before, after


def sample_sizes(text: str) -> list[SampleSize]:
    """Every statement of a whole sample's size, in text order."""
    low = text.lower()
    out = []
    whole, before, after = _sample_words()
    if "sample" in low or "cohort" in low or ("N" in text and "=" in text):
        for m in whole.finditer(text):
            key = "n" if m.group("n") else "N"
            out.append(SampleSize(int(m.group(key).replace(",", "")), m.start(key), m.end(key)))
    for start, end, n in _people_counts(text):
        if before.search(text, max(0, start - 40), start) or after.match(text, _noun_end(text, end)):
            out.append(SampleSize(n, start, end))
    return sorted(out, key=lambda s: s.start)


# --- figures: the numbers of these statistics, for the families of factcheck.extract ------------------------------

def find(text: str, published: object = None) -> list[Figure]:
    """A count figure for each number of a test result or an estimate with its interval: the statistic, its p, the
    estimate and its bounds. Where another family reads the same number, that reading wins (it is listed first)."""
    results, ests = tests(text), estimates(text)
    ends = [r.value_end for r in results] + [e.value_end for e in ests]
    ends += [p.end for p in [r.p for r in results] + [e.p for e in ests if e.p] if p.op != "ns"]
    spans = set()
    norm = normalise(text)
    for end in ends:
        m = _NUMBER_AT_END.search(norm, 0, end)
        if m:
            spans.add((m.start(), end))
    out = []
    for start, end in sorted(spans):
        raw = normalise(text[start:end])
        value, decimals = number(raw.lstrip("-"))
        value = -value if raw.startswith("-") else value
        h = 0.5 * 10.0 ** -decimals
        out.append(Figure(id="", span=Span(start, end), surface=text[start:end], kind="count", value=value,
                          interval=Interval(value - h, value + h)))
    return out


_NUMBER_AT_END = re.compile(r"-?(?:\d+(?:\.\s?\d+)?|\.\s?\d+)$")
