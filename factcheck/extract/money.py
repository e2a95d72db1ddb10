"""Money: amounts with a currency symbol, ISO code or currency word, as ISO 4217 figures ("$1.2bn", "470 pence")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Figure, Interval, Span
from .currency_table import with_table
from .lexicon import load
from .numbers import Num, is_blocked, scan, vague_counts
from .trie import alternation

LEX = with_table(load("currencies"))  # the hand lexicon, plus CLDR's ISO 4217 codes, names and symbols
PREFIXES: dict[str, str] = LEX["prefixes"]
CODES = set(LEX["codes"])
LOWER_CODES = set(LEX["lower_codes"])
WORDS: dict[str, str] = LEX["words"]
RISKY = set(LEX["risky_words"])
SUBUNITS: dict[str, dict] = LEX["subunits"]
CENT_CURRENCIES = set(LEX["cent_currencies"])
CODE_SCALES = {k: float(v) for k, v in LEX["code_scales"].items()}
# A symbol several currencies write ("¥": yen and yuan) -> each currency and the pattern of its cue words.
SHARED: dict[str, dict[str, re.Pattern]] = {
    sym: {code: re.compile(rf"(?i)(?<![^\W\d_])(?:{'|'.join(map(re.escape, cues))})(?![^\W\d_])")
          for code, cues in entry["cues"].items()}
    for entry in LEX["shared_symbols"] for sym in entry["symbols"]
}
YEAR_FIRST, YEAR_LAST = LEX["currency_year"]["years"]
CURRENCY_YEAR_BEFORE = re.compile(LEX["currency_year"]["before"], re.I)
SENTENCE_REACH = 600  # characters either side of a figure searched for the ends of its sentence
SENTENCE_END = re.compile(r"[.!?](?=[\s\"'”’)]*(?:\s|$))|\n[ \t]*\n")


def _alt(items, fold: bool = False) -> str:
    """The items as literals, longest first (fold: for a case-insensitive place), written as a trie."""
    return alternation(items, fold=fold)


def _alt_i(items) -> str:
    """_alt for a case-insensitive place, each space standing for any whitespace ("new zealand dollars")."""
    return alternation(items, fold=True, space=r"\s+")


_codes = _alt(CODES | LOWER_CODES)
PREFIX = re.compile(
    rf"(?:(?<![\w$])(?P<sym>{_alt(PREFIXES)})|\b(?P<mcode>M(?:{_alt(CODES)}))|\b(?P<code>{_codes})|"
    rf"\b(?P<pword>(?i:{_alt(LEX['prefix_words'], fold=True)}|(?:{_alt_i(w for w in WORDS if ' ' in w)})(?:e?s)?))|"
    rf"\b(?P<letter>[Cc]|(?i:cad|mex)|US|HK|NZ)[ \u00a0]{{1,2}}\$)[ \u00a0]{{0,2}}$"
)
_word_alt = _alt_i(WORDS)
# Between a number and a currency after it: one space, or a soft line break of a wrapped paragraph, as written or
# as Document keeps it (spaces).
_SPACE_AFTER = r"[ \t\u00a0]{0,8}(?:\r?\n[ \t]{0,8})?"
AFTER = re.compile(
    rf"(?P<sp>{_SPACE_AFTER})(?:(?P<code>(?:M)?(?:{_alt(CODES)})|(?i:{_alt(LOWER_CODES, fold=True)}))(?![\w])"
    rf"|(?P<sym>{_alt(LEX['postfix_symbols'])})(?![ \u00a0]?\.?\d)"
    rf"|(?P<sub>(?i:{_alt((k for k, v in SUBUNITS.items() if not v.get('glued')), fold=True)})(?![\w])"
    rf"|{_alt(k for k, v in SUBUNITS.items() if v.get('glued'))}(?![\w]))"
    rf"|(?i:(?P<word>{_word_alt})(?:e?s)?)(?![\w]))"
)
LETTER_DOLLAR = {"c": "CAD", "cad": "CAD", "mex": "MXN", "us": "USD", "hk": "HKD", "nz": "NZD"}
RANGE_SEP = re.compile(r"[ \u00a0]*(?:-|–|—|to|and)[ \u00a0]*$")
CENTS_JOIN = re.compile(r"[ \u00a0,]*(?:and[ \u00a0]+)?$")
CENTS_END = re.compile(r"[ \u00a0]*(?:[.,;!?)]|and\b|$)")
BETWEEN = re.compile(r"\b(?:between|from)[ \u00a0]+$", re.I)
CODE_SCALE = re.compile(rf"[ \u00a0]+(?i:(?P<scale>{_alt(CODE_SCALES, fold=True)}))(?![\w])")
SUBUNIT_AFTER = re.compile(
    rf"[ \u00a0]?(?P<sub>(?i:{_alt((k for k, v in SUBUNITS.items() if not v.get('glued')), fold=True)})(?![\w]))"
)
VAGUE_OF = re.compile(r"[ \u00a0]+of(?=[ \u00a0])")
WORD_CENTS = re.compile(r"[ \u00a0]+and[ \u00a0]+$")


@dataclass
class _Money:
    start: int
    end: int
    value: float
    step: float
    code: str
    num: Num
    prefixed: bool
    subunit: bool = False
    high: float | None = None
    symbol: str = ""


def _code_of(word: str) -> str | None:
    w = re.sub(r"\s+", " ", word.lower())
    for cand in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
        if cand in WORDS:
            return WORDS[cand]
    return None


# What a PREFIX match can end with, before its spaces: a letter (of a code or a word, in any case) or the last
# character of a symbol. A number after anything else (a digit, a table bar, a bracket) has no prefix: not searched.
PREFIX_LAST = frozenset(w[-1] for w in (*PREFIXES, *CODES, *LOWER_CODES, *LEX["prefix_words"], *WORDS, "$")
                        if w and not w[-1].isalpha())


def _prefix(before: str) -> re.Match | None:
    """PREFIX.search(before), skipped where the character before at most two spaces can end no prefix."""
    end = len(before)
    for _ in range(2):
        if end and before[end - 1] in " \u00a0":
            end -= 1
    last = before[end - 1] if end else " "
    return PREFIX.search(before) if last.isalpha() or last in PREFIX_LAST else None


def _read(text: str, num: Num, previous: list[_Money]) -> _Money | None:
    before = text[max(0, num.start - 26) : num.start]
    p = _prefix(before)
    if (
        p
        and p.group("pword")
        and (
            not num.scaled
            or p.group("pword").lower().startswith("pound")
            and _weight(text, num.start - len(before) + p.start(), num.end)
        )
    ):
        p = None  # "3 dollars 50 cents": a currency word before a small number names the amount before it
    if p:
        start = num.start - len(before) + p.start()
        symbol = p.group("sym") or ""
        if symbol:
            code = PREFIXES[symbol]
        elif p.group("letter"):
            code = LETTER_DOLLAR[p.group("letter").lower()]
        elif p.group("pword"):
            code = _code_of(p.group("pword")) or "USD"
        elif p.group("mcode"):
            return _Money(start, num.end, num.value * 1e6, num.step * 1e6, p.group("mcode")[1:], num, True)
        else:
            code = p.group("code").upper().replace("RMB", "CNY")
        return _Money(start, num.end, num.value, num.step, code, num, True, symbol=symbol if symbol in SHARED else "")
    a = AFTER.match(text, num.end)
    if not a:
        return None
    if a.group("code"):
        code = a.group("code").upper()
        if code.startswith("M") and len(code) == 4:
            return _Money(num.start, a.end(), num.value * 1e6, num.step * 1e6, code[1:], num, False)
        sm = CODE_SCALE.match(text, a.end()) if not num.scaled else None
        if sm:  # "75 USD million"
            scale = CODE_SCALES[sm.group("scale").lower()]
            code = code.replace("RMB", "CNY")
            return _Money(num.start, sm.end(), num.value * scale, num.step * scale, code, num, False)
        return _Money(num.start, a.end(), num.value, num.step, code.replace("RMB", "CNY"), num, False)
    if a.group("sym"):
        sym = a.group("sym")
        return _Money(num.start, a.end(), num.value, num.step, LEX["postfix_symbols"][sym], num, False,
                      symbol=sym if sym in SHARED else "")
    if a.group("sub"):
        name = a.group("sub").lower()
        sub = SUBUNITS[name]
        if sub.get("glued") and a.group("sp"):
            return None
        code = sub["currency"]
        if code == "USD" and previous and previous[-1].code in CENT_CURRENCIES:
            code = previous[-1].code
        per = float(sub["per"])
        return _Money(num.start, a.end(), num.value / per, num.step / per, code, num, False, subunit=True)
    word = a.group("word")
    code = _code_of(word)
    if code is None:
        return None
    head = word.lower().split()[-1].rstrip("s")
    if head in RISKY and not (num.scaled or num.value >= 1000):
        return None
    if head in ("pound", "pounds") and _weight(text, num.start, a.end()):
        return None
    return _Money(num.start, a.end(), num.value, num.step, code, num, False)


def _currency_year(text: str, money: _Money, previous: list[_Money]) -> bool:
    """ "(in 2003 dollars)", "$197 million (2003 USD)": a year naming the year the money is counted in."""
    num = money.num
    if money.prefixed or money.subunit or not num.plain or num.form == "words" or num.end - num.start != 4:
        return False
    m = CURRENCY_YEAR_BEFORE.search(text, max(0, num.start - 30), num.start) if YEAR_FIRST <= num.value <= YEAR_LAST \
        else None
    if m is None or not (m.group("open") or m.group("word")):
        return False
    return bool(m.group("word")) or bool(previous) and previous[-1].code == money.code


def _weight(text: str, start: int, end: int) -> bool:
    from .quantities import weight_context

    return weight_context(text, start, end)


def find(text: str, published=None) -> list[Figure]:
    """Every amount of money, a range ("$2m-$3m", "between $2bn and $3bn") as one figure from low to high."""
    found: list[_Money] = []
    bare: Num | None = None  # the last number that is not money: "10 $30 cent" may open with it
    for num in scan(text):
        if num.form == "ordinal" or is_blocked(text, num.start, num.end):
            continue
        if found and found[-1].end > num.start:
            continue
        money = _read(text, num, found)
        if money is not None and _currency_year(text, money, found):
            money = None
        if money is not None and money.prefixed and bare is not None:
            joined = _units_and_cents(text, bare, money)
            if joined is not None:
                money = joined
        bare = num if money is None else None
        if money is None and found and _cents_after(text, found[-1], num):
            last = found[-1]
            last.value, last.step, last.end = last.value + num.value / 100, 0.01, num.end
            continue
        if money is None:
            if found and _joins_range(text, found[-1], num):
                last = found[-1]
                low = last.value * (num.scale if last.num.scale == 1.0 and num.scale > 1 else 1.0)
                last.step = num.step if num.scale > 1 and last.num.scale == 1.0 else last.step
                last.value, last.high, last.end = low, num.value, num.end
            continue
        if found and money.start < found[-1].end:  # "17 USD 25": the code closes one amount, not opens another
            if _cents_after(text, found[-1], num):
                last = found[-1]
                last.value, last.step, last.end = last.value + num.value / 100, 0.01, num.end
            continue
        if found:
            last = found[-1]
            gap = text[last.end : money.start]
            if money.subunit and not last.subunit and not last.prefixed and CENTS_JOIN.fullmatch(gap):
                last.value, last.step, last.end = last.value + money.value, money.step, money.end
                continue
            if (
                last.high is None
                and money.code == last.code
                and RANGE_SEP.fullmatch(gap)
                and _is_range(text, last, gap, money)
            ):
                if last.num.scale == 1.0 and money.num.scale > 1 and not last.subunit:
                    last.value *= money.num.scale
                    last.step = money.step
                last.high, last.end = money.value, money.end
                continue
        found.append(money)
    return [_figure(text, m, _readings(text, m)) for m in found] + _vague_amounts(text)


def _vague_amounts(text: str) -> list[Figure]:
    """ "a few hundred thousand dollars", "tens of millions of pounds": a vague count of a currency named after it."""
    out = []
    for fig in vague_counts(text):
        of = VAGUE_OF.match(text, fig.span.end)
        a = AFTER.match(text, of.end() if of else fig.span.end)
        code = a and (_code_of(a.group("word")) if a.group("word") else a.group("code") and a.group("code").upper())
        if a and code and not is_blocked(text, fig.span.start, a.end()):
            start, end = fig.span.start, a.end()
            fig = dataclasses.replace(fig, span=Span(start, end), surface=text[start:end], kind="money", unit=code)
            out.append(fig)
    return out


def _readings(text: str, m: _Money) -> tuple[str, ...]:
    """The currencies a shared symbol may mean here, the likeliest first; one when the context decides. The cue
    words of the figure's sentence decide when they name one currency only, else those of the whole text."""
    if not m.symbol:
        return (m.code,)
    reach = max(0, m.start - SENTENCE_REACH)
    start = max((e.end() for e in SENTENCE_END.finditer(text, reach, m.start)), default=reach)
    end = SENTENCE_END.search(text, m.end, m.end + SENTENCE_REACH)
    sentence = _cues(text, m.symbol, start, end.start() if end else min(len(text), m.end + SENTENCE_REACH))
    article = _cues(text, m.symbol, 0, len(text))
    for counts in (sentence, article):
        named = [code for code, n in counts if n]
        if len(named) == 1:
            return (named[0],)
    return tuple(code for code, _ in sorted(article, key=lambda cn: -cn[1]))


@lru_cache(maxsize=64)
def _cues(text: str, symbol: str, start: int, end: int) -> tuple[tuple[str, int], ...]:
    """How many cue words of each currency a shared symbol may mean stand in text[start:end]."""
    return tuple((code, len(rx.findall(text, start, end))) for code, rx in SHARED[symbol].items())


def _units_and_cents(text: str, whole: Num, money: _Money) -> _Money | None:
    """ "10 $30 cent": a whole number, the currency symbol, then the cents named by a subunit word."""
    if not whole.plain or text[whole.end : money.start].strip(" \u00a0") or not money.num.plain:
        return None
    sub = SUBUNIT_AFTER.match(text, money.num.end)
    if not sub or money.num.value >= 100:
        return None
    per = float(SUBUNITS[sub.group("sub").lower()]["per"])
    return _Money(whole.start, sub.end(), whole.value + money.num.value / per, 1 / per, money.code, money.num, False)


def _cents_after(text: str, last: _Money, num: Num) -> bool:
    """ "15 dollars and 50", "17 USD 25": a bare number under 100 closing a whole amount named by a word or code."""
    spelled = num.form == "words" and bool(WORD_CENTS.fullmatch(text[last.end : num.start]))  # "$100 and fifty"
    return (
        (not last.prefixed or (spelled and not last.num.scaled))
        and not last.subunit
        and last.high is None
        and last.value == int(last.value)
        and num.plain is not None
        and num.value == int(num.value)
        and 0 < num.value < 100
        and bool(CENTS_JOIN.fullmatch(text[last.end : num.start]) or last.end > num.start)
        and bool(CENTS_END.match(text, num.end))
    )


def _joins_range(text: str, last: _Money, num: Num) -> bool:
    """ "$2-3m": a bare number after a prefixed amount, joined by a dash or "to"."""
    gap = text[last.end : num.start]
    return (
        last.prefixed
        and last.high is None
        and bool(re.fullmatch(r"[ \u00a0]*(?:-|–|to)[ \u00a0]*", gap))
        and num.value > last.value
        and not text[num.end : num.end + 1].isalpha()
    )


def _is_range(text: str, last: _Money, gap: str, money: _Money) -> bool:
    """ "between $2bn and $3bn", "$2m-$3m", "estimated at $2m to $3m": two amounts as one range. A range runs upwards,
    and "X to Y" after a direction word is a change (or an old value) then the new value: "fell by more than £600 to
    £189,733", "rose $2bn to $15bn", "increased from $20m to $25m"."""
    if "and" in gap:
        return bool(BETWEEN.search(text[max(0, last.start - 12) : last.start]))
    low = last.value * (money.num.scale if last.num.scale == 1.0 and money.num.scale > 1 and not last.subunit else 1)
    if money.value <= low:
        return False
    return not (re.search(r"\bto\b", gap) and _after_change(text, last.start))


def _after_change(text: str, start: int) -> bool:
    from .context import change_before

    return change_before(text, start) is not None


def _figure(text: str, m: _Money, readings: tuple[str, ...]) -> Figure:
    attrs: list[tuple[str, object]] = [("step", m.step)]
    if len(readings) > 1:
        attrs.append(("currency_readings", readings))
    low, high = m.value - m.step / 2, m.value + m.step / 2
    if m.high is not None:
        high = m.high + m.step / 2
        attrs.append(("range_high", m.high))
    return Figure(
        id="",
        span=Span(m.start, m.end),
        surface=text[m.start : m.end],
        kind="money",
        value=m.value,
        interval=Interval(low, high),
        unit=readings[0],
        attrs=tuple(attrs),
    )
