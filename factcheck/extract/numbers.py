"""The number grammar (digits, words, scales, fractions) shared by every family, and the bare numbers of a text."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass

from ..model import Figure, Interval, Span
from .currency_table import table as currency_table
from .lexicon import load
from .spans import SpanIndex
from .trie import alternation, factored

LEX = load("numbers")
CALENDAR = load("calendar")

# --- word tables ------------------------------------------------------------------------------

_WORDS: dict[str, tuple[str, float]] = {}
for _kind, _key in (("unit", "units"), ("teen", "teens"), ("ten", "tens"), ("hundred", "hundred"), ("scale", "scales")):
    for _w, _v in LEX[_key].items():
        _WORDS[_w] = (_kind, float(_v))
for _w in LEX["spaced_suffixes"]:
    _WORDS[_w] = ("scale", float(LEX["suffixes"][_w]))
for _w in LEX["dozen"]:
    _WORDS[_w] = ("dozen", 12.0)
DENOMINATORS: dict[str, float] = {}
for _w, _v in LEX["denominators"].items():
    DENOMINATORS[_w] = float(_v)
    if not _w.endswith("s"):
        DENOMINATORS.setdefault(_w + "s", float(_v))
for _t, _tv in LEX["tens"].items():
    for _o, _ov in LEX["ordinal_units"].items():
        DENOMINATORS[f"{_t}-{_o}"] = DENOMINATORS[f"{_t}-{_o}s"] = float(_tv + _ov)
for _w, _v in DENOMINATORS.items():
    _WORDS.setdefault(_w, ("den", _v))
for _w in LEX["negatives"]:
    _WORDS[_w] = ("neg", -1.0)
for _w in ("a", "an"):
    _WORDS[_w] = ("a", 1.0)
_WORDS["and"] = ("and", 0.0)
_WORDS["of"] = ("of", 0.0)
_WORDS["point"] = ("point", 0.0)

ORDINAL_UNITS = set(LEX["ordinal_units"])
SUFFIXES = {k.lower(): float(v) for k, v in LEX["suffixes"].items()}
COUNT_SUFFIXES = set(LEX["count_suffixes"])
UNICODE_FRACTIONS = {k: float(v) for k, v in LEX["unicode_fractions"].items()}
SLASH_DENOMINATORS = {int(d) for d in LEX["slash_denominators"]}
MONTHS = set(CALENDAR.get("months", {})) if isinstance(CALENDAR, dict) else set()

_ufrac = "".join(UNICODE_FRACTIONS)
DIGITS = (
    r"\d+(?:[ \u00a0]{1,2}|-)\d+/\d+(?![\d/])"  # wire fractions: 3-1/2, 10 1/2
    r"|\d+/\d+(?![\d/])"
    rf"|(?:\d+[ \u00a0]?)?[{_ufrac}]"  # 2½, 3 ¾
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d])"  # Indian grouping: 12,34,567.89
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"
    r"|[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d|[/.,]\d)"
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![\w])|\^[+-]?\d+)?"
    r"|\.\d+"
)
# ISO 4217 codes glued before an amount ("USD15", "EUR200"): the digits after one are a number; after other
# letters they are part of a name ("A320", "MP3").
_CODES = alternation(set(load("currencies")["codes"]) | set(currency_table()["codes"]))
TOKEN = re.compile(
    rf"(?P<dig>(?:(?<![\w./^])|(?<=\b(?:{_CODES})))(?:{DIGITS}))(?P<ord>(?:st|nd|rd|th)(?![\w]))?"
    r"|(?P<word>(?<![\w'])[A-Za-z]+(?:-[A-Za-z]+)*(?![\w']))"
)
HYPHEN_PART = re.compile(r"[A-Za-z]+")
SUFFIX = re.compile(r"(?i:(" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + r"))(?![A-Za-z0-9])")
GAP = re.compile(r"[ \u00a0]*(?:-[ \u00a0]*)?$|[ \u00a0]+$")
RATIO = re.compile(r"\s+(?:over|out\s+of|in)\s+", re.I)
# "over 4 years", "in 3 months": a period after the number, so "$5,000 over 4 years" is $5,000, not a fraction.
PERIOD_AFTER = re.compile(
    r"[ \u00a0-]+(?:(?:more|straight|consecutive|full|calendar|fiscal)[ \u00a0]+)?"
    r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|quarters?|seasons?|sessions?|terms?)\b"
)


@dataclass(frozen=True)
class Num:
    """A number in a text: where, its value, and the size of its last stated digit (times its scale)."""

    start: int
    end: int
    value: float
    step: float
    form: str  # digits | words | fraction | ordinal
    suffix: str = ""  # glued scale suffix ("bn", "m", "k"), already applied to value
    base_end: int = 0  # end of the digits before a glued suffix
    scaled: bool = False  # a scale word or suffix was applied
    plain: bool = False  # one digit group, no comma, no decimal, no scale: could be a year or a label
    scale: float = 1.0  # the scale word or suffix applied last ("million" -> 1e6)


@dataclass
class _Tok:
    kind: str
    start: int
    end: int
    value: float
    step: float = 1.0
    text: str = ""
    suffix: str = ""
    base_end: int = 0
    plain: bool = False
    hyphen_after: bool = False  # a part of a hyphenated word with more after it ("third" in "third-quarter")


def _digits_value(raw: str) -> tuple[float, float] | None:
    """Value and step of a digit token ("1,000", "4.800", "3-1/2", "2½", "1e10")."""
    s = raw.replace(",", "").replace("\u00a0", " ").replace("\u202f", "").replace("\u2009", "")
    if "/" in s:
        m = re.fullmatch(r"(?:(\d+)(?: {1,2}|-))?(\d+)/(\d+)", s)
        if not m:
            return None
        num, den = int(m.group(2)), int(m.group(3))
        if den not in SLASH_DENOMINATORS or num >= den:
            return None
        whole = int(m.group(1)) if m.group(1) else 0
        return whole + num / den, 1 / den
    if s[-1] in UNICODE_FRACTIONS:
        frac = UNICODE_FRACTIONS[s[-1]]
        return (int(s[:-1]) if s[:-1] else 0) + frac, 0.0
    s = s.replace(" ", "")
    if "^" in s:
        base, power = s.split("^")
        try:
            return float(base) ** int(power), 0.0
        except (OverflowError, ValueError, ZeroDivisionError):
            return None
    mant, e, power = s.replace("E", "e").partition("e")  # DIGITS allows one exponent at most
    decimals = len(mant.split(".")[1]) if "." in mant else 0
    value = float(s)
    exp = int(power) if e else 0
    return value, 10.0 ** (exp - decimals)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    words = _WORDS
    for m in TOKEN.finditer(text):
        raw, ordinal, word = m.group("dig", "ord", "word")
        if raw:
            try:
                parsed = _digits_value(raw)
            except (OverflowError, ValueError):  # "1e400", or more digits than int() reads (4300): no figure
                parsed = None
            if parsed is None:
                continue
            value, step = parsed
            if ordinal:
                out.append(_Tok("ordinal", m.start(), m.end(), value, 1.0, raw))
                continue
            end = m.end("dig")
            tok = _Tok("dig", m.start(), end, value, step, raw, base_end=end, plain=raw.isdecimal())
            sm = SUFFIX.match(text, end)
            if sm:
                scale = SUFFIXES[sm.group(1).lower()]
                tok.value, tok.step, tok.suffix, tok.end, tok.plain = (
                    value * scale,
                    step * scale,
                    sm.group(1),
                    sm.end(),
                    False,
                )
            out.append(tok)
        else:
            known = words.get(word.lower())
            if known is not None:
                out.append(_Tok(known[0], m.start(), m.end(), known[1], 1.0, word))
            elif "-" in word:  # "twenty-five": each part a number word of its own
                for part in HYPHEN_PART.finditer(word):
                    known = _WORDS.get(part.group(0).lower())
                    if known is not None:
                        start, end = m.start() + part.start(), m.start() + part.end()
                        more = part.end() < len(word)
                        out.append(_Tok(known[0], start, end, known[1], 1.0, part.group(0), hyphen_after=more))
    return out


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    for tok in toks:
        if runs and GAP.match(text[runs[-1][-1].end : tok.start]) and tok.start - runs[-1][-1].end <= 3:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


_NUMERIC = {"unit", "teen", "ten", "dig"}


def _parse_int(toks: list[_Tok], i: int, cur: float = 0.0):
    """Standard spelled-number grammar over tokens from i: -> (value, step, j, last_scale) or None."""
    total, small, had_hundred, step = 0.0, cur, False, 1.0
    last = "start" if not cur else "one"
    last_scale = 0.0
    j = i
    checkpoint = None
    n = len(toks)
    while j < n:
        t = toks[j]
        k = t.kind
        if k == "and":
            if last in ("hundred", "scale") and j + 1 < n and toks[j + 1].kind in _NUMERIC | {"a"}:
                checkpoint = (total, cur, small, had_hundred, step, last, last_scale, j)
                j += 1
                last = "and"
                continue
            break
        if k == "dig":
            if t.suffix or "/" in t.text:
                if last != "start":
                    break
                if "/" in t.text and j + 1 < n and toks[j + 1].kind in ("scale", "dozen"):  # "1 3/4 million"
                    scale = toks[j + 1].value
                    return t.value * scale, t.step * scale, j + 2, scale if toks[j + 1].kind == "scale" else 0.0
                return t.value, t.step, j + 1, 0.0
            ok = (
                last == "start"
                or (last in ("hundred", "and") and t.value < 100 and had_hundred)
                or (last in ("scale", "and") and last_scale and t.value < last_scale and not had_hundred)
            )
            if not ok:
                break
            cur += t.value
            small = t.value
            step = t.step
            last = "dig"
        elif k in ("unit", "teen"):
            if last in ("ten",) and k == "unit" and small % 10 == 0 and t.value > 0:
                cur += t.value
                small += t.value
            elif last in ("start", "hundred", "scale", "and"):
                cur += t.value
                small = t.value
            else:
                break
            step = 1.0
            last = k
        elif k == "ten":
            if last not in ("start", "hundred", "scale", "and"):
                break
            cur += t.value
            small = t.value
            step = 1.0
            last = "ten"
        elif k == "hundred":
            if last not in ("unit", "teen", "ten", "dig", "one") or had_hundred:
                if checkpoint and last in ("unit", "teen", "ten", "dig"):
                    total, cur, small, had_hundred, step, last, last_scale, j = checkpoint
                break
            cur = (cur - small) + small * 100 if small else 100.0
            small = 0.0
            had_hundred = True
            step = 100.0
            last = "hundred"
        elif k == "scale":
            if last not in ("unit", "teen", "ten", "dig", "hundred", "one") or (last_scale and t.value >= last_scale):
                if checkpoint and last in ("unit", "teen", "ten", "dig", "hundred"):
                    total, cur, small, had_hundred, step, last, last_scale, j = checkpoint
                break
            total += (cur or 1.0) * t.value
            cur, small, had_hundred = 0.0, 0.0, False
            step = step * t.value
            last_scale = t.value
            last = "scale"
        elif k == "dozen":
            if last not in ("unit", "teen", "ten", "dig", "one"):
                break
            cur = cur - small + small * 12
            small = 0.0
            last = "dozen"
        else:
            break
        j += 1
    if last == "and":
        j -= 1
    if j == i:
        return None
    return total + cur, step, j, last_scale


def _parse_fraction(toks: list[_Tok], i: int):
    """ "a third", "three fifths", "twenty-three fifths", "half": -> (value, j) or None."""
    n = len(toks)
    if i < n and toks[i].kind == "a":
        if i + 1 < n and toks[i + 1].kind == "den" and not _ordinal_adjective(toks[i + 1]):
            return 1.0 / toks[i + 1].value, i + 2
        return None
    if i < n and toks[i].kind == "den" and toks[i].text.lower() in ("half", "quarter"):
        return 1.0 / toks[i].value, i + 1
    parsed = _parse_int(toks, i)
    joined = parsed and any(t.kind == "and" for t in toks[i : parsed[2]])
    if parsed and parsed[2] < n and toks[parsed[2]].kind == "den" and not joined:
        den = toks[parsed[2]]
        if _ordinal_adjective(den):
            return None
        if parsed[0] == 1 or den.text.lower().endswith("s") or den.text.lower() == "half":
            return _compound_denominator(toks, i, parsed[2]) or (parsed[0] / den.value, parsed[2] + 1)
    return None


def _ordinal_adjective(den: _Tok) -> bool:
    """ "a third-quarter loss", "a fifth-generation phone": an ordinal before a hyphen, no fraction ("a quarter-century"
    and "a half-hour" are)."""
    return den.hyphen_after and den.text.lower() not in ("half", "quarter")


def _compound_denominator(toks: list[_Tok], i: int, k: int):
    """ "one hundred thirty fifths" is 100/35: a tens word right before an ordinal-unit denominator joins it when
    a numerator stands before the tens word ("twenty fifths" alone is 20/5)."""
    ten, den = toks[k - 1], toks[k]
    if k - 1 <= i or ten.kind != "ten" or den.text.lower().rstrip("s") not in ORDINAL_UNITS:
        return None
    numerator = _parse_int(toks[: k - 1], i)
    if not numerator or numerator[2] != k - 1:
        return None
    return numerator[0] / (ten.value + den.value), k + 1


def _parse_at(toks: list[_Tok], i: int):
    """One number from token i: -> (value, step, j, form) or None."""
    n = len(toks)
    sign = 1.0
    if toks[i].kind == "neg":
        if i + 1 >= n:
            return None
        sign, i = -1.0, i + 1
    t = toks[i]
    if t.kind == "ordinal":
        return t.value, 1.0, i + 1, "ordinal"
    form = "digits" if t.kind == "dig" else "words"
    frac = _parse_fraction(toks, i)
    if frac:
        value, j = frac
        if j < n and toks[j].kind in ("scale", "dozen"):  # "half million", "three quarters million", "a half dozen"
            return sign * value * toks[j].value, toks[j].value * 0.25, j + 1, "words"
        of = j + 1 if j + 2 < n and toks[j].kind == "of" else j  # "a quarter of a million", "a third of a dozen"
        if of + 1 < n and toks[of].kind == "a" and toks[of + 1].kind in ("scale", "dozen", "hundred"):
            return sign * value * toks[of + 1].value, toks[of + 1].value * 0.25, of + 2, "words"
        if j == i + 1 and t.kind == "den" and t.text.lower() != "half":
            return None  # "quarter" alone is a period ("the third quarter"), not a fraction
        return sign * value, 0.0, j, "fraction"
    if t.kind == "a":
        if i + 1 < n and toks[i + 1].kind in ("hundred", "scale", "dozen"):
            parsed = _parse_int(toks, i + 1, 1.0)
        else:
            return None
    elif t.kind in _NUMERIC:
        parsed = _parse_int(toks, i)
    else:
        return None
    if not parsed:
        return None
    value, step, j, last_scale = parsed
    if j < n and toks[j].kind == "den":  # "six million and two thirds": the number ends at the last "and"
        ands = [k for k in range(i, j) if toks[k].kind == "and"]
        if ands and _parse_fraction(toks, ands[-1] + 1):
            reparsed = _parse_int(toks[: ands[-1]], i, 1.0 if t.kind == "a" else 0.0)
            if reparsed:
                value, step, j, last_scale = reparsed
    if j + 1 < n and toks[j].kind == "and":  # "one and a half", "five billion and three quarters"
        frac = _parse_fraction(toks, j + 1)
        if frac:
            fv, j2 = frac
            if j2 < n and toks[j2].kind == "scale" and last_scale:
                value, step, j = value + fv * toks[j2].value, toks[j2].value * 0.01, j2 + 1
            elif j2 < n and toks[j2].kind in ("scale", "dozen"):  # "two and a half million", "one and a half dozen"
                value, step, j = (value + fv) * toks[j2].value, toks[j2].value * 0.1, j2 + 1
            elif last_scale:
                value, step, j = value + fv * last_scale, last_scale * 0.01, j2
            else:
                value, j = value + fv, j2
                if j < n and toks[j].kind == "scale":
                    value, step, j = value * toks[j].value, toks[j].value * 0.1, j + 1
    elif j + 1 < n and toks[j].kind == "point" and not last_scale:  # "two hundred point zero three"
        digits = ""
        k = j + 1
        while k < n and toks[k].kind in ("unit", "teen", "ten"):
            if toks[k].kind == "ten" and k + 1 < n and toks[k + 1].kind == "unit" and toks[k + 1].value:
                digits += str(int(toks[k].value + toks[k + 1].value))
                k += 2
                continue
            digits += str(int(toks[k].value))
            k += 1
        if digits:
            value, step, j = value + float("0." + digits), 10.0 ** -len(digits), k
            if j < n and toks[j].kind == "scale":  # "two point five million"
                value, step, j = value * toks[j].value, step * toks[j].value, j + 1
    if form == "digits" and j - i > 1:
        form = "words"
    return sign * value, step, j, form


def parse(text: str) -> tuple[float, float] | None:
    """The value and step of a number written as text ("1.5 million" -> (1.5e6, 1e5)), or None."""
    nums = scan(text.strip())
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(text.strip()):
        return nums[0].value, nums[0].step
    return None


# "1.111,11": point groups then a decimal comma, which no English convention writes: read so in any text.
DOTTED_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)")
DECIMAL_COMMA = re.compile(
    DOTTED_DECIMAL_COMMA.pattern
    + r"|(?<![\d.,])\d+,\d{1,2}(?![\d,]|\.\d|[ \u00a0]?\d|[ \u00a0]*(?:and|or)[ \u00a0]+\d)"
)
DECIMAL_POINT = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])|\d,\d{3}(?:\.\d|(?![\d]))")


def european(text: str) -> str:
    """The text with "1,3" read as a decimal comma when it writes them so throughout (no "1.5", no "1,000"), and
    "1.111,11" in any text: points and commas swapped inside those numbers, the same length, so offsets hold."""
    if "," not in text:
        return text
    swap = str.maketrans(".,", ",.")
    pattern = DECIMAL_COMMA if decimal_comma_text(text) else DOTTED_DECIMAL_COMMA
    return pattern.sub(lambda m: m.group(0).translate(swap), text)


def decimal_comma_text(text: str) -> bool:
    """The text writes decimal commas throughout: one at least, and no decimal point or comma group."""
    return "," in text and not DECIMAL_POINT.search(text) and bool(DECIMAL_COMMA.search(text))


@functools.lru_cache(maxsize=8)
def scan(text: str) -> tuple[Num, ...]:
    """Every number in a text, each at its longest reading, in text order (cached: all families share it)."""
    out: list[Num] = []
    for run in _runs(text, _tokens(european(text))):
        i = 0
        while i < len(run):
            got = _parse_at(run, i) if run[i].kind != "of" else None
            if not got:
                i += 1
                continue
            value, step, j, form = got
            first, last = run[i], run[j - 1]
            start = first.start
            if (
                first.kind == "dig"
                and start > 0
                and text[start - 1] in "-−"
                and (start == 1 or not text[start - 2].isalnum())
                and not _char_before(text, start - 1).isdigit()
            ):
                start, value = start - 1, -value
            elif first.kind == "dig" and text[start - 2 : start - 1] in "-−" and start > 1 and (
                SPACED_SIGN.search(text, max(0, start - 16), start)
            ):
                start, value = start - 2, -value  # the sign, then one space
            suffix = last.suffix if last.kind == "dig" else ""
            scaled = any(t.kind in ("scale", "hundred", "dozen") for t in run[i:j]) or bool(suffix)
            plain = j - i == 1 and first.plain and value >= 0
            scales = [t.value for t in run[i:j] if t.kind == "scale"]
            scale = SUFFIXES[suffix.lower()] if suffix else scales[-1] if scales else 1.0
            out.append(Num(start, last.end, value, step, form, suffix, last.base_end or last.end, scaled, plain, scale))
            i = j
    return tuple(_ratios(text, out))


# A sign set off by a space: the minus sign "− 4", or a hyphen after a word that leads to a value ("fell to - 12",
# "a low of - 7"); elsewhere " - " is a dash.
SPACED_SIGN = re.compile(r"(?:(?<![\w.,])−|(?i:\b(?:to|from|at|of|was|were|is|are|hit|reached|stood))[ \u00a0]-)"
                         r"[ \u00a0]$")


def _char_before(text: str, end: int) -> str:
    """text[:end].rstrip()[-1:] without copying the text before end."""
    k = end - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def _ratios(text: str, nums: list[Num]) -> list[Num]:
    """Join "one in five", "two out of three", "2000 over 3" into one fraction."""
    out: list[Num] = []
    for num in nums:
        joined = out and num.value and RATIO.fullmatch(text[out[-1].end : num.start])
        if joined and not PERIOD_AFTER.match(text, num.end):
            prev = out[-1]
            word = text[prev.end : num.start].strip().lower()
            if (
                word == "over"
                or (word != "in" and prev.value <= num.value)
                or (prev.value == 1 and 1 < num.value <= 1000 and not is_year(num))
            ):
                out[-1] = Num(prev.start, num.end, prev.value / num.value, 0.0, "fraction")
                continue
        out.append(num)
    return out


# --- the numbers family: counts, fractions, ordinals, multipliers -----------------------------

_num_words = factored(  # read case-insensitively
    sorted((re.escape(w) for w, (k, _) in _WORDS.items() if k in ("unit", "teen", "ten")), key=len, reverse=True),
    fold=True,
)
# The multiplier words, behind a one-character look-ahead: a failed look-ahead is much cheaper at each position
# than entering the case-insensitive alternation. "-fold" is rare: find() tries the full pattern only when the text
# has it; without it the "fold" branch cannot match, so MULTIPLIER_WORDS finds exactly what MULTIPLIER would.
_multiplier_words = (
    "(?i:(?=[" + "".join(sorted({w[0] for w in LEX["multipliers"]})) + r"]))"
    r"\b(?i:(" + "|".join(re.escape(w) for w in LEX["multipliers"]) + r"))\b"
)
MULTIPLIER = re.compile(_multiplier_words + rf"|\b(?P<n>\d+(?:\.\d+)?|(?i:{_num_words}))[- ]?fold\b", re.I)
MULTIPLIER_WORDS = re.compile(_multiplier_words + r"|(?P<n>(?!))", re.I)  # the same groups; "n" never matches
FOLD = re.compile("fold", re.I)
TWICE_FOLLOWERS = re.compile(r"\s+(?:as|the|its|their|that|what|more|larger|higher|bigger|over|since)\b", re.I)
# Speed: a pattern that begins with a digit lets the regex engine skip to the next digit, so "\b\d" is written
# "\d(?<!\w\d)" (a digit with no word character before it: the same test); other patterns open with a cheap
# look-ahead at their possible first characters.
_D = r"\d(?<!\w\d)"  # \b\d
BLOCKS = [
    re.compile(_D + r"\d?(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)(?![a-z])", re.I),  # times: 2.15pm, 6 p.m.
    re.compile(_D + r"\d?:\d{2}(?::\d{2})?\b"),
    # a four-digit clock time with its zone: "0415 GMT", "2330 UTC"
    re.compile(r"[012](?<![\w.][012])\d[0-5]\d(?=[ \u00a0]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|AEST|AEDT)\b)"),
    re.compile(_D + r"\d{0,2}\.[1-5](?=[ \u00a0]+overs?\b)"),  # cricket overs and balls: 93.1 overs
    re.compile(
        r"(?=[+(\d])(?:(?:\+\d{1,3}|\b1)[\s.-]?)?(?:\(\d{2,5}\)\s?|\b\d{2,5}[-.\s])\d{3,4}[-.]\d{3,4}(?:/\d+)?\b"
    ),  # phones
    re.compile(r"\+\d{1,3}(?:[-\s/]\d{2,5}){2,}"),
    re.compile(_D + r"\d{2}-\d{4}\b"),
    re.compile(r"(?=[vV\d])\b[vV]?\d+(?:\.\d+){2,}\b"),  # versions, IP addresses
    re.compile(r"(?i:(?=[vriaw])(?:\bversion|\bv\.?|\brelease|\bios|\bandroid|\bwindows))\s*\d+(?:\.\d+)*\b"),
    re.compile(r"^[ \t]*\d{1,3}[.)](?=[ \t])", re.M),  # list numbering
    re.compile(
        _D + r"\d*[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Way|"
        r"Place|Square|Court|Terrace|Close|Crescent)\b"
    ),  # addresses
    re.compile(
        rf"\b(?!(?:{_CODES})\d)[A-Za-z]+\d+[A-Za-z\d]*|\b\d+(?![eE][+-]?\d)(?!(?:k?m|cm|ft|mi)[23]\b)[A-Za-z]+\d[A-Za-z\d]*"
    ),  # codes: H1N1, A320, G7, 4x4
    re.compile(r"(?<=[A-Za-z])(?<!\d[eE])-\d+(?:\.\d+)?[A-Za-z]*"),  # COVID-19, F-35, scp-173m; not 12e-1
]
# Text that holds digits but states no figure, whatever family reads it: extract() drops every figure inside.
# Each pattern runs only when the text holds its cue: a substring of the lower-cased text, or a quick regex.
_EXT = r"(?:pdf|csv|docx?|xlsx?|pptx?|txt|json|ya?ml|jpe?g|png|gif|zip|py|js|exe)\b"
NOT_FIGURES: list[tuple[str | re.Pattern, re.Pattern]] = [
    ("//", re.compile(r"(?i:(?=[hw])\b(?:https?://|www\.))[^\s<>\"]+[^\s<>\".,;:!?)]")),  # URLs
    ("www.", re.compile(r"(?i:\bwww\.)[^\s<>\"]+[^\s<>\".,;:!?)]")),
    ("@", re.compile(r"(?=[\w.])\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail addresses
    ("/", re.compile(r"(?i)(?=[\w.])\b(?:[\w-]+\.)+(?:com|org|net|gov|edu|io|co|uk|de|fr|info|ly)/[^\s<>\"]*"
                     r"[^\s<>\".,;:!?)]")),  # bare domains with a path
    ("%", re.compile(r"(?<!\S)[^\s%]*%[0-9A-Fa-f]{2}[^\s%]*%[0-9A-Fa-f]{2}\S*")),  # percent-encoded: a%20b%2F
    ("isbn", re.compile(r"(?i:(?=i)\bISBN(?:-1[03])?:?)[ \u00a0]*(?:97[89][- ]?)?\d[\d -]{8,14}[\dX]\b")),
    (re.compile(rf"(?i)\.{_EXT}"), re.compile(rf"(?i)(?<![\w-])[\w-]+\.{_EXT}(?=[^\w-]|$)")),  # file names
    ("`", re.compile(r"`[^`\n]+`")),  # code spans
    ("=", re.compile(r"(?<![\w.])(?!(?:[tFrzZQpPnNd]|df|MSE)[ \t]*=[ \t]*-?[\d.])"  # statistics: "t = 2.2, p = .03"
                     r"[A-Za-z_]\w*[ \t]*[+*/-]?==?[ \t]*-?\d[\d.]*(?:[ \t]*[-+*/%][ \t]*\w+)*")),
    (re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d"), re.compile(r"(?=\d)\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b")),  # IPv4
    ("clock", re.compile(r"\b(?:\d{1,2}|[A-Za-z]+)[ \u00a0]o['’]clock\b")),  # times: "10 o'clock", "ten o'clock"
    ("0", re.compile(r"(?=[0(])(?:\(0\d{2,4}\)|\b0\d{2,4})[ \u00a0](?:\d{3,4}[ \u00a0]\d{3,4}|\d{6})\b")),  # phones
]
def _spaced(words) -> str:
    """The words as a case-insensitive alternation in their order, each space any run of spaces."""
    return factored((re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in words), fold=True)


VAGUE_SHARES = {k: (float(lo), float(hi)) for k, (lo, hi) in LEX["vague_shares"].items()}
VAGUE = re.compile(
    r"(?<![\w-])(?i:(?P<w>" + _spaced(VAGUE_SHARES) + r"))"
    r"(?=[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their|his|her|our)[ \u00a0]+)?"
    r"(?!'?(?:1[89]|20)?\d0s\b|(?:1[89]|20)\d\d\b)(?:[\d$£€¥]|(?i:" + _num_words + r")\b))"
)
VAGUE_COUNTS = {k: (float(lo), float(hi)) for k, (lo, hi) in LEX["vague_counts"].items()}
_scale_words = "|".join(w for w, (k, _) in _WORDS.items() if k in ("scale", "hundred") and w.isalpha())
VAGUE_COUNT = re.compile(
    "(?i:(?=[" + "".join(sorted({w[0] for w in VAGUE_COUNTS})) + r"]))"  # a cheap first test (see BLOCKS)
    r"(?<![\w-])(?i:(?P<w>" + _spaced(VAGUE_COUNTS) + r"))"
    rf"[ \u00a0]+(?P<s>(?i:{_scale_words})(?:[ \u00a0]+(?i:{_scale_words}))*)\b"
)
FRACTION_STEP = float(LEX["fraction_step"])
COUNT_RANGE = re.compile(r"[ \u00a0]*(?:–|—|to|and)[ \u00a0]*|-")
SCORE_BEFORE = re.compile(r"(?:\d[-–]|\d[-–]\d+\)?[ \u00a0]+\(?)$")
SCORE_AFTER = re.compile(r"[-–]\d|[ \u00a0]+\(?\d+[-–]\d")
FROM_BEFORE = re.compile(r"(?i:\bfrom)[ \u00a0]+$")
BETWEEN_BEFORE = re.compile(r"(?i:\bbetween)[ \u00a0]+$")
SCORE = re.compile(r"(\d(?<!\w\d)\d{0,2})[-–](\d{1,3})\b(?![.,]\d|[ \u00a0]?%)")
SCORE_WORDS = set(LEX["score_words"])
TALLY_NEXT = re.compile(r"[-–]\d{1,3}\b(?![-–]\d)")
LABEL_WORDS = set(LEX["label_words"])
ORDINAL_FOLLOWERS = set(LEX["ordinal_followers"])
HALF_BLOCKERS = set(LEX["half_blockers"])
PREV_WORD = re.compile(r"([A-Za-z][\w'.]*)[\s\u00a0]*$")
NEXT_WORD = re.compile(r"[\s\u00a0]*([A-Za-z][\w'-]*)")
HYPHEN_NOUN = re.compile(r"-([a-z]+)\b(?!-)")
PLURAL_NOUN = re.compile(r"[ \u00a0]+(?!(?:is|was|has|does|as|its|his|this|us)\b)[a-z]+s\b")
DECADE = re.compile(r"'?s\b")
CELL_GAP = re.compile(r"[\n\t]|[ \u00a0]{2}")  # between a word and a number: a table cell boundary, not a name
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“(]\s*|\n\s*)$")
# Gapping: a list whose later items drop the counted noun ("Labour holds 24 seats, the Conservatives 20, the Liberal
# Democrats 12 and independents 6"): a name after a list separator, the number, then a separator or the end.
# The list may open after "are" ("The 3,200 homes are Ashby 1,500, ..."). The list before the name counts
# something (a place's too: "In Carrow 1,450 homes were cut off, in Penmore 760 and in Tildon 390"): a count with
# its plural noun ("24 seats", "3,200 new homes"), or a bare count after a lower-case word
# ("Lyon loses 1,300, Nantes 700 and Lille 500"). The last item, after "and", may go on with lower-case words ("and
# Independents 14 after Thursday's vote").
GAPPED_BEFORE = re.compile(r"(?:[,:]|\band|\bor|\b(?:are|were))[ \u00a0]+(?:the[ \u00a0]+|(?:in|at)[ \u00a0]+)?"
                           r"(?:[A-Z][\w'.-]*[ \u00a0]+){1,4}$")
GAPPED_AFTER = re.compile(r"[ \u00a0]*(?:[,;:.)]|[-–—][ \u00a0]|\band\b|\bor\b|$)")
GAPPED_LAST_AFTER = re.compile(r"[ \u00a0]+[a-z]")
COUNTED_EARLIER = re.compile(r"(?:\d[\d,.]*[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?[a-z]+s\b"
                             r"|\b[a-z]{3,}[ \u00a0]+\d[\d,.]*)[^.!?;]*$")
GAPPED_REACH = 160


@functools.lru_cache(maxsize=8)
def blocked(text: str) -> tuple[tuple[int, int], ...]:
    """Spans that hold no figure: times, phone and version numbers, list numbering, addresses, codes, scores."""
    spans = [m.span() for rx in BLOCKS for m in rx.finditer(text)] + list(not_figures(text))
    for m in SCORE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        before = PREV_WORD.search(text[max(0, m.start() - 30) : m.start()])
        after = text[m.end() : m.end() + 30].lower().split()
        words = {w.strip(".,;:") for w in after[:2]} | ({before.group(1).lower()} if before else set())
        tally = TALLY_NEXT.match(text, m.end()) is not None  # "won 15 medals (6-5-4)": a tally of three, no score
        if words & SCORE_WORDS or a >= b and not tally:
            spans.append(m.span())
    return tuple(sorted(spans))


@functools.lru_cache(maxsize=8)
def not_figures(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of URLs, e-mail addresses, percent-encoded text, ISBNs, file names, code, IP addresses and phones."""
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for cue, rx in NOT_FIGURES:
        if cue in low if isinstance(cue, str) else cue.search(text):
            spans.extend(m.span() for m in rx.finditer(text))
    return tuple(sorted(spans))


@functools.lru_cache(maxsize=8)
def _blocked_index(text: str) -> SpanIndex:
    return SpanIndex(blocked(text))


def is_blocked(text: str, start: int, end: int) -> bool:
    return _blocked_index(text).overlaps(start, end)


def is_year(num: Num) -> bool:
    return num.plain and num.form == "digits" and 1800 <= num.value <= 2100


def near_month(text: str, num: Num) -> bool:
    """A number beside a month name is part of a date ("March 20", "17 March")."""
    before = PREV_WORD.search(text[max(0, num.start - 12) : num.start])
    after = NEXT_WORD.match(text, num.end)
    words = [m.group(1).lower().rstrip(".") for m in (before, after) if m]
    return any(w in MONTHS for w in words)


def is_label(text: str, num: Num) -> bool:
    """A number naming a thing ("Gate 12", "iPhone 15", "No. 10"), not counting one."""
    before = PREV_WORD.search(text[max(0, num.start - 25) : num.start])
    if not before:
        return False
    word = before.group(1)
    if word.lower().rstrip(".") in LABEL_WORDS:
        return True
    if CELL_GAP.search(before.group(0)) or word.endswith(("'s", "’s")):
        return False  # "| Liberal Democrat | 9 |", "Jones's 11,980": a label cell, an owner, not "iPhone 15"
    if any(c.isupper() for c in word) and word.lower() not in MONTHS:
        counted = PLURAL_NOUN.match(text, num.end)  # "the Conservatives 50 seats" counts; "Gate 12" names
        if counted or _gapped(text, num):
            return False
        return not _sentence_start(text, num.start - len(before.group(0)))
    return False


def _sentence_start(text: str, end: int) -> bool:
    """SENTENCE_START.search(text[:end]) over a short window: the match is a start of text, or one opening mark
    or line end and then only whitespace, so the window reaches back past the whitespace before end."""
    lo = max(0, end - 40)
    while lo > 0 and text[lo].isspace():
        lo = max(0, lo - 40)
    return SENTENCE_START.search(text, lo, end) is not None


def _gapped(text: str, num: Num) -> bool:
    """A count in a list that drops its noun after the first item: "24 seats, the Conservatives 20, ..."."""
    lead = text[max(0, num.start - GAPPED_REACH) : num.start]
    gap = GAPPED_BEFORE.search(lead)
    if not gap:
        return False
    last = gap.group(0).startswith("and") and GAPPED_LAST_AFTER.match(text, num.end)
    return bool((GAPPED_AFTER.match(text, num.end) or last) and COUNTED_EARLIER.search(lead, 0, gap.start()))


# Digit strings with grouping marks, read for how their groups are written ("$110,00", "1,00,000", "3.500.000").
GROUPED = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)+(?!\w|[.,]\d)")
# A word or sign of Indian usage; a sign may be glued to its digits ("₹1,20,000"), a word ends at a non-letter.
INDIAN_STYLE = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(LEX["indian_style"], key=len, reverse=True))) + r")(?![^\W\d_])",
    re.I)


AMOUNT_BEFORE = re.compile(r"[$£€¥₹][ \u00a0]?$")
AMOUNT_AFTER = re.compile(r"[ \u00a0]?(?:%|(?:" + "|".join(sorted(
    [*LEX["scales"], "per cent", "percent", "euros?", "dollars?", "pounds?", "francs?", "yen", "yuan"],
    key=len, reverse=True)) + r")\b)", re.I)


def _amount(text: str, m: re.Match) -> bool:
    return bool(AMOUNT_BEFORE.search(text, max(0, m.start() - 2), m.start()) or AMOUNT_AFTER.match(text, m.end()))


def grouping(raw: str) -> str | None:
    """How a digit string groups its digits: "commas" (1,234,567), "indian" (12,34,567), "dots" (3.500.000),
    "decimal_comma" (110,00: a comma with one or two digits after it), "group_size" (1,0000: groups of another
    size), "european" (3.450,5: point groups and a decimal comma), "dot_groups_point" (1.234.5: point groups, then
    a short group after a dot, where a decimal point was meant), or None for a plain decimal ("3.5"), a list
    ("4,6,9") or a mix of marks (read elsewhere)."""
    if "," in raw and "." not in raw:
        head, *groups = raw.split(",")
        if len(head) <= 3 and all(len(g) == 3 for g in groups):
            return "commas"
        if len(groups) >= 2 and len(head) <= 2 and all(len(g) == 2 for g in groups[:-1]) and len(groups[-1]) == 3:
            return "indian"
        if len(groups) == 1 and len(groups[0]) <= 2:
            return None if len(head) == 1 and len(groups[0]) == 1 else "decimal_comma"  # "5,6": a list
        if len(head) <= 2 and all(len(g) <= 2 for g in groups):
            return None  # "22,24,26,31": a list of numbers with no spaces, each its own figure
        return "group_size"
    if "." in raw and "," not in raw and raw.count(".") >= 2:
        head, *groups = raw.split(".")
        if len(head) <= 3 and all(len(g) == 3 for g in groups):
            return "dots"
        if len(head) <= 3 and all(len(g) == 3 for g in groups[:-1]) and len(groups[-1]) <= 2 and len(raw) > 6:
            return "dot_groups_point"  # "1.234.5": groups of three, then one or two digits after another dot
        return None
    if "," in raw and raw.rfind(".") > raw.rfind(",") and raw.count(".") == 1:  # "$1,2345.67": its whole part
        return "group_size" if grouping(raw[: raw.rfind(".")]) == "group_size" else None
    if DOTTED_DECIMAL_COMMA.fullmatch(raw):
        return "european"  # "3.450,5": point groups and a decimal comma
    return None


def _amount_grouping(raw: str) -> str | None:
    """A digit string grouping() leaves alone, read as an amount (a currency sign before it, a scale word or a
    currency after it): "7,3 million" has a comma where a decimal point belongs, "12.500.3 euros" dots between
    groups of the wrong size, "₹3,50,00" commas between groups of the wrong size."""
    if re.fullmatch(r"\d,\d", raw):
        return "decimal_comma"
    if raw.count(",") >= 2 and "." not in raw:
        return "group_size"  # "₹3,50,00": an amount is no list of numbers, and no grouping writes it
    return "group_size" if raw.count(".") >= 2 and "," not in raw else None


def mark_grouping(text: str, figures: list[Figure]) -> list[Figure]:
    """Each figure written with grouping marks gets attr grouping (its style, as grouping() names it), and attr
    malformed (that style) when no convention writes it: wrong group sizes, a comma with one or two digits after
    it in a text that does not write decimal commas throughout (twice or more), lakh grouping in a text with no
    Indian word or sign. A dotted figure the families left out ("3.500.000", read as a version number) is added
    as a count."""
    starts = {f.span.start: i for i, f in enumerate(figures)}
    out = list(figures)
    indian = None
    # a text that writes decimal commas throughout, more than once ("2,4% ... 3,75%"); one "$110,00" is no style
    european_text = decimal_comma_text(text) and len(DECIMAL_COMMA.findall(text)) >= 2
    english = None  # the text writes English separators elsewhere ("1.5", "2,900"): a "3.450,5" there is a slip
    for m in GROUPED.finditer(text):
        style = grouping(m.group(0)) or (_amount_grouping(m.group(0)) if _amount(text, m) else None)
        if style is None or (style == "decimal_comma" and european_text):
            continue
        if style == "dot_groups_point" and _labelled(text, m.start()):
            continue  # a version number or a code ("version 2.100.1")
        if style == "indian":
            indian = _indian_text(text) if indian is None else indian
        if style == "european":
            english = _english_text(text) if english is None else english
        bad = style in ("decimal_comma", "group_size", "dot_groups_point") or (style == "indian" and not indian) \
            or (style == "european" and english)
        attrs = (("grouping", style),) + ((("malformed", style),) if bad else ())
        i = next((starts[k] for k in range(max(0, m.start() - 4), m.start() + 1) if k in starts), None)
        if i is not None and out[i].span.end > m.start():
            written = text[out[i].span.start : m.end()]  # "$110,00": the figure as written, to its last digit
            out[i] = dataclasses.replace(out[i], attrs=out[i].attrs + attrs + (("written", written),))
            if bad:  # "$110,00": the "00" after the comma is a piece of the same figure, no figure of its own
                end = out[i].span.end
                out = [f for f in out if not end <= f.span.start < m.end()]
                starts = {f.span.start: k for k, f in enumerate(out)}
        elif (style == "dots" or bad) and not any(f.span.start < m.end() and m.start() < f.span.end for f in out):
            fig = _figure(m.start(), m.end(), text, "count", float(re.sub(r"[.,]", "", m.group(0))), 1.0)
            out.append(dataclasses.replace(fig, attrs=fig.attrs + attrs + (("written", m.group(0)),)))
    return sorted(out, key=lambda f: f.span.start)


def _indian_text(text: str) -> bool:
    """A text that writes lakh grouping as its style: an Indian word or sign ("crore", "₹", "India"), or two or more
    lakh-grouped numbers ("1,94,077 ... 1,53,620") and no number grouped in threes past a million."""
    if INDIAN_STYLE.search(text):
        return True
    styles = [grouping(m.group(0)) for m in GROUPED.finditer(text)]
    return styles.count("indian") >= 2 and not WESTERN_MILLIONS.search(text)


VERSION_WORDS = set(LEX["version_words"]) | LABEL_WORDS


def _labelled(text: str, start: int) -> bool:
    """A number a label or version word names ("version 2.100.1", "build 10.230.4", "route 1.200.5")."""
    before = PREV_WORD.search(text[max(0, start - 25) : start])
    return bool(before) and before.group(1).lower().rstrip(".") in VERSION_WORDS


def _english_text(text: str) -> bool:
    """A text that writes English separators: a decimal point ("1.5") or comma groups ("2,900") outside any
    number with both marks."""
    plain = DOTTED_DECIMAL_COMMA.sub(" ", text)
    return bool(DECIMAL_POINT.search(plain))


WESTERN_MILLIONS = re.compile(r"(?<![\d,])\d{1,3},\d{3},\d{3}(?![\d,])")


def _figure(start: int, end: int, text: str, kind: str, value: float, step: float) -> Figure:
    return Figure(
        id="",
        span=Span(start, end),
        surface=text[start:end],
        kind=kind,
        value=value,
        interval=Interval.around(value, step / 2),
        unit=None,
        attrs=(("step", step),),
    )


def find(text: str, published=None) -> list[Figure]:
    """Bare counts, fractions (with "most of", "a majority of"), ordinals and multipliers."""
    figures: list[Figure] = []
    for m in (MULTIPLIER if FOLD.search(text) else MULTIPLIER_WORDS).finditer(text):
        word = m.group(0).lower()
        if word == "twice" and not TWICE_FOLLOWERS.match(text, m.end()):
            continue
        if m.group("n"):
            parsed = parse(m.group("n"))
            if not parsed:
                continue
            value = parsed[0]
        elif word in LEX["multipliers"]:
            value = float(LEX["multipliers"][word])
        else:  # a case-insensitive match that lower() does not map back ("twıce", dotless i)
            continue
        figures.append(_figure(m.start(), m.end(), text, "multiplier", value, 0.0))
    figures.extend(vague_counts(text))
    taken = SpanIndex((f.span.start, f.span.end) for f in figures)
    previous: tuple[Num, Figure] | None = None  # the last count, which may open a range
    for num in scan(text):
        if is_blocked(text, num.start, num.end) or is_year(num) or near_month(text, num):
            continue
        if taken.overlaps(num.start, num.end):
            continue
        nxt = text[num.end : num.end + 1]
        if nxt.isalpha() and not (num.suffix and num.suffix.lower() in COUNT_SUFFIXES):
            continue  # glued to a unit or a code: another family's, or nobody's
        if num.suffix and num.suffix.lower() not in COUNT_SUFFIXES:
            continue
        if num.form == "digits" and num.plain and DECADE.match(text, num.end):
            continue
        surface = text[num.start : num.end]
        low = surface.lower()
        if num.form == "words" and low in ("one", "a", "an"):
            continue
        if num.form == "fraction" and not _fraction_ok(text, num, low):
            continue
        if num.form != "ordinal" and is_label(text, num):
            continue
        kind = {"ordinal": "ordinal", "fraction": "fraction"}.get(num.form, "count")
        step = num.step
        if kind == "fraction" and not step and abs(num.value * 1000 - round(num.value * 1000)) > 1e-6:
            step = FRACTION_STEP  # "two-thirds" is 0.667 give or take
        end = num.end
        hm = HYPHEN_NOUN.match(text, end)
        if kind == "count" and hm and hm.group(1) not in ("year", "years"):
            end = hm.end()
        fig = _figure(num.start, end, text, kind, num.value, step)
        joined = previous and previous[1] is figures[-1] and kind == "count" and end == num.end
        bottom = _range_low(text, previous[0], num) if joined and previous else None
        if bottom is not None:  # "10-12 people", "between 40 and 50", "2-3 million": one count, low to high
            start = previous[0].start if previous else num.start
            interval = Interval(bottom[0] - bottom[1] / 2, num.value + step / 2)
            attrs = fig.attrs + (("range_high", num.value),)
            figures[-1] = dataclasses.replace(
                fig, span=Span(start, end), surface=text[start:end], value=bottom[0], interval=interval, attrs=attrs
            )
        else:
            figures.append(fig)
        previous = (num, fig) if kind == "count" else None
    for m in VAGUE.finditer(text):
        share_low, share_high = VAGUE_SHARES[re.sub(r"\s+", " ", m.group("w").lower())]
        fig = _figure(m.start(), m.end(), text, "fraction", (share_low + share_high) / 2, 0.0)
        figures.append(dataclasses.replace(fig, interval=Interval(share_low, share_high), attrs=()))
    return figures


def _range_low(text: str, low: Num, high: Num) -> tuple[float, float] | None:
    """The low end (value, step) when two counts make a range ("10-12", "10 to 12", "between 40 and 50", "2-3
    million", the scale of the high end shared), or None: "from 10 to 12" is a change, and a unit, currency, percent
    sign or age words around the ends belong to another family's figure, which reads its own ranges."""
    gap = text[low.end : high.start]
    if not COUNT_RANGE.fullmatch(gap) or PERIOD_AFTER.match(text, high.end):
        return None  # "five to six years" is a span of time, which the calendar reads
    bracketed = text[low.start - 1 : low.start] == "(" and text[high.end : high.end + 1] == ")"
    scores = SCORE_BEFORE.search(text, max(0, low.start - 12), low.start) or SCORE_AFTER.match(text, high.end)
    if gap == "-" and (scores or bracketed or not low.value):
        return None  # "6-4 3-6 6-3", "(4-7)", "a 2-3-2 formation", "0-1": scores and patterns, no range
    if "and" in gap and not BETWEEN_BEFORE.search(text, max(0, low.start - 12), low.start):
        return None
    from . import ages, context, money, percent, quantities  # they read the number grammar of this module

    if context.change_before(text, low.start) or FROM_BEFORE.search(text, max(0, low.start - 12), low.start):
        return None  # "grew by 1.2 million to 67.1 million", "from 10 to 12": a change and the new value
    value, step = low.value, low.step
    if high.scaled and not low.scaled and value * high.scale < high.value:
        value, step = value * high.scale, step * high.scale
    if value >= high.value or low.form == "fraction" or high.form == "fraction":
        return None
    if quantities._unit_at(text, high) or money.AFTER.match(text, high.end) or percent.MARKER.match(text, high.end):
        return None
    if ages.AFTER.match(text, high.end) or ages.BEFORE.search(text, max(0, low.start - 25), low.start):
        return None
    return value, step


@functools.lru_cache(maxsize=8)
def vague_counts(text: str) -> tuple[Figure, ...]:
    """ "a few hundred thousand", "tens of thousands", "several million": a count whose interval is the range
    (cached: money reads them too)."""
    out = []
    for m in VAGUE_COUNT.finditer(text):
        low, high = VAGUE_COUNTS[re.sub(r"\s+", " ", m.group("w").lower())]
        scale = math.prod(_WORDS[w.lower()][1] for w in m.group("s").split())
        fig = _figure(m.start(), m.end(), text, "count", (low + high) / 2 * scale, 0.0)
        out.append(dataclasses.replace(fig, interval=Interval(low * scale, high * scale), attrs=()))
    return tuple(out)


def _fraction_ok(text: str, num: Num, low: str) -> bool:
    """ "a third of" and "nearly half" are fractions; "third party" and "the first half" are not."""
    after = NEXT_WORD.match(text, num.end)
    nxt = after.group(1).lower() if after and text[num.end : after.start(1)].strip() == "" else ""
    if text[num.end : num.end + 1] == "-" and not re.match(r"-(?:[a-z]+-)*(?:ths?|s)\b", text[num.end :]):
        return "/" in low or any(c in low for c in UNICODE_FRACTIONS)
    if "/" in low or any(c in low for c in UNICODE_FRACTIONS) or re.search(r"\s(?:over|out\s+of|in)\s", low):
        return True
    if low.endswith("half"):
        before = PREV_WORD.search(text[max(0, num.start - 20) : num.start].rstrip("-"))  # "the second-half"
        if before and before.group(1).lower() in HALF_BLOCKERS and low == "half":
            return False
        return True
    return not (nxt in ORDINAL_FOLLOWERS or nxt.endswith("est"))
