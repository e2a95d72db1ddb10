"""What the words around each figure say: qualifiers, subject, anchor, period, entity, and the role its words give."""

from __future__ import annotations

import bisect
import math
import re

from ..model import Figure, Interval, replaced
from .lexicon import load
from .spans import SpanIndex
from .trie import alternation, factored

LEX = load("context")
APPROX_WIDTH = float(LEX["approx_width"])
LINKED_KINDS = {"money", "percent", "quantity", "count", "multiplier"}
BOUNDARY_KINDS = {"money", "percent", "quantity"}
ANCHOR_KINDS = {"year", "date", "date_range"}
# How far a figure's context reaches back (and its anchor search forward) within its sentence, in characters: the
# words that qualify a figure are near it, and a bound keeps one huge "sentence" (a data table pasted as one line,
# thousands of figures) linear instead of quadratic.
CONTEXT_REACH = 1000


def phrases(words, fold: bool = True) -> str:
    """An alternation of phrases, longest first, for a case-insensitive pattern (fold=False: a case-sensitive one),
    written as a trie (it matches the same for less); an entry holding "(?" is a regular-expression fragment, and a
    list with one stays a flat alternation."""
    words = list(words)
    if not any("(?" in w for w in words):
        return alternation(words, fold=fold, space=r"[ \u00a0]+")
    return "|".join(
        sorted((w if "(?" in w else re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in words), key=len, reverse=True)
    )


def _edge(word: str) -> str:
    return r"(?<![\w])" if word[:1].isalnum() else ""


_QUALIFIER_BEFORE = r"(?i:(?:^|(?<=[\s(\"'“]))(?:{}))[ \u00a0]*(?:(?:a|an|the)[ \u00a0]+)?$"
QUALIFIER_BEFORE = [
    (name, re.compile(_QUALIFIER_BEFORE.format(phrases(words)))) for name, words in LEX["qualifiers_before"].items()
]
# Some qualifier ends the words: one search tells most figures (which have none) from the rest.
ANY_QUALIFIER_BEFORE = re.compile(
    _QUALIFIER_BEFORE.format(phrases(w for words in LEX["qualifiers_before"].values() for w in words))
)
RECORD_AFTER = re.compile(rf"(?i:{LEX['record_after_gap']}(?P<phrase>{phrases(LEX['record_after'])}))\b")
RECORD_SINCE = re.compile(LEX["record_since"], re.I)
RECORD_LOW = re.compile(rf"(?i:\b(?:{phrases(LEX['record_low'])})\b)")
RECORD_HIGH = re.compile(rf"(?i:\b(?:{phrases(LEX['record_high'])})\b)")
APPROX_BELOW = re.compile(rf"(?i:\b(?:{phrases(LEX['approx_below'])})[ \u00a0]*(?:(?:a|an|the)[ \u00a0]+)?$)")
LANDMARKS = sorted(float(x) for x in LEX["fraction_landmarks"])
FORECAST = re.compile(rf"(?i:\b(?:{phrases(LEX['forecast_before'])})\b)")
UP = set(LEX["up"])
DOWN = set(LEX["down"])
UP_PHRASES = {tuple(p.split()) for p in LEX["up_phrases"]}
DOWN_PHRASES = {tuple(p.split()) for p in LEX["down_phrases"]}
UP_BY = {tuple(p.split()) for p in LEX["up_by"]}
DOWN_BY = {tuple(p.split()) for p in LEX["down_by"]}
CHANGE_GAP = re.compile(LEX["change_gap"], re.I)
CHANGE_REACH = 80
MULTIPLIER_VERBS = set(LEX["multiplier_verbs"])
CHANGE_AFTER = re.compile(
    rf"(?i:^[ \u00a0]+(?:(?P<up>{phrases(LEX['change_after_up'])})|(?P<down>{phrases(LEX['change_after_down'])}))"
    rf"\b(?=[ \u00a0]*(?:[,.;:)!?]|$|(?:{LEX['change_after_next']})\b)))"
)
VERB_OBJECT_BY = re.compile(
    rf"(?i:\b(?P<verb>{phrases([w for w in (*LEX['up'], *LEX['down'], *LEX['up_by']) if ' ' not in w])})[ \u00a0]+"
    rf"(?:{LEX['object_determiners']})[ \u00a0]+(?:[a-z-]+[ \u00a0]+){{1,2}}by[ \u00a0]+$)"
)
FORECAST_VERB = re.compile(rf"(?i:\b(?:{factored(LEX['forecast_verbs'], fold=True)})\b)")
FORECAST_STOP = re.compile(rf"(?i:\b(?:{phrases(LEX['forecast_stop'])})\b)")
FORECAST_REACH = int(LEX["forecast_reach"])
FORECAST_REACH_BREAK = re.compile(LEX["forecast_reach_break"])
STATED_VERB_AFTER = re.compile(LEX["stated_verb_after"], re.I)
ESTIMATE_BEFORE = re.compile("|".join(f"(?:{p})" for p in LEX["estimate_before"]), re.I)
ESTIMATE_AFTER = re.compile("|".join(f"(?:{p})" for p in LEX["estimate_after"]), re.I)
SUBSET_BEFORE = re.compile(LEX["subset_before"], re.I)
SUBSET_GAP = int(LEX["subset_gap"])
SUBSET_LINK = re.compile(LEX["subset_link"], re.I)
NOUN_OF = re.compile(r"[ \u00a0]+(?:of|by)\b", re.I)  # "forecasts of $1.08", "expected by analysts": no verb
PASSIVE_BY = re.compile(r"[ \u00a0]+by[ \u00a0]+[a-z]", re.I)  # "$1.04 expected by analysts, up 8%"
FORECAST_NP_BEFORE = re.compile(rf"(?i:(?:\b(?:{phrases(LEX['forecast_np_before'])})|['’]s)[ \u00a0]+$)")
_INFINITIVE = rf"to[ \u00a0]+(?!(?:{phrases(LEX['forecast_np_not_verbs'])})\b)[a-z]+\b"
FORECAST_NP_AFTER = re.compile(rf"(?i:^(?:[ \u00a0]+[a-z][a-z'’-]*){{0,4}}[ \u00a0]+{_INFINITIVE})")
INFINITIVE = re.compile(rf"(?i:\b{_INFINITIVE})")
CHANGE_NOUN_OF = re.compile(
    LEX["change_noun_of"].format(up=phrases(LEX["change_nouns_up"]), down=phrases(LEX["change_nouns_down"])), re.I
)
REVISION_BEFORE = re.compile(rf"(?i:\b(?:{phrases(LEX['revision_before'])})[ \u00a0]+$)")
FUTURE_RELATIONS = set(LEX["future_relations"])
_UP_NOUNS, _DOWN_NOUNS = phrases(LEX["change_nouns_up"]), phrases(LEX["change_nouns_down"])
CHANGE_NOUN = re.compile(rf"(?i:^[ \u00a0-]*(?:(?P<up>{_UP_NOUNS})|(?P<down>{_DOWN_NOUNS}))s?\b)")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
OLD_BEFORE = re.compile(
    rf"(?i:\b(?:{phrases(LEX['old_before'])})[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?(?:{LEX['old_possessive']})?$)"
)
OLD_ON = re.compile(LEX["old_on"])
OLD_COMPARATIVE = re.compile(LEX["old_comparative"])
OLD_AFTER = re.compile(rf"(?i:^[ \u00a0,]*(?:in[ \u00a0]+\S+[ \u00a0]+)?(?:{phrases(LEX['old_after'])})\b)")
NEW_BEFORE = re.compile(rf"(?i:\b(?:{phrases(LEX['new_before'])})[ \u00a0]+$)")
NEW_TO = re.compile(rf"(?i:\b(?:{phrases([w for w in LEX['new_before'] if w != 'at'])})[ \u00a0]+$)")
SHARE_BEFORE = re.compile(rf"(?i:\b(?:{phrases(LEX['share_before'])})[ \u00a0]+$)")
SHARE_AFTER = re.compile(rf"(?i:^[ \u00a0]+(?:{phrases(LEX['share_after'])})\b)")
TOTAL_BEFORE = re.compile(rf"(?i:\b(?:{phrases(LEX['total_before'])})[ \u00a0]+$)")
HEADLINE_MAX = int(LEX["headline_max"])
PER_NOT = set(LEX["per_not_nouns"])
PER_ALONE = re.compile(rf"(?i:^[ \u00a0]*(?P<w>{phrases(LEX['per_alone'])})\b)")
PER_NOUN = re.compile(
    rf"(?i:^[ \u00a0-]*(?P<w>{phrases(LEX['per_before_noun'])})[ \u00a0-]+(?P<noun>[a-z][a-z-]*))"
    rf"(?P<end>{LEX['per_noun_end']})?"
)
# a relative date counted back from the period before it, and the "when" clause it opens: the time of what that
# clause tells ("up from 6.9 million a year earlier when the unemployment rate stood at 4.1%")
COUNTED_BACK = re.compile(r"(?i:\b(?:earlier|before|previous|prior|ago)\b)")
WHEN_AFTER = re.compile(r"[\s,]*when\b[^.;:()]*$")
WHEN_BACK = 4  # figures looked back for that date: a bound, so reading stays linear
CLAUSE_BREAK = re.compile(alternation(LEX["clause_breaks"], fold=True), re.I)  # literals, none a prefix of another
CLAUSE_BREAK_LEN = max(len(b) for b in LEX["clause_breaks"])  # literals: a match is at most this long
MEASURE: dict[str, str] = {v.lower(): k for k, vs in LEX["measures"].items() for v in vs}
MEASURE_RE = re.compile(rf"(?i:\b(?:{phrases(MEASURE)})\b)")
GENERIC_HEADS = {w.lower() for w in LEX["generic_heads"]}
SUBSERIES_BEFORE = re.compile(rf"(?i:\b({'|'.join(LEX['subseries_words'])})[ \u00a0-]+$)")
BASIS_BEFORE = re.compile(LEX["basis_before"])  # "On an unadjusted basis, the unemployment rate": a sub-series
MEASURE_OF_AFTER = re.compile(  # "... of the unemployment rate", "... in wages" after a figure
    rf"(?i:^[ \u00a0]+(?:of|in)[ \u00a0]+(?:(?:the|its|their|a|an)[ \u00a0]+)?({MEASURE_RE.pattern}))")
MEASURE_BEFORE = re.compile(rf"(?i:\b(?:{phrases(MEASURE)})[ \u00a0-]+$)")
_COMPARING = load("reading")
COMPARED = re.compile(
    rf"(?i:[ \u00a0]+(?:(?:{phrases(_COMPARING['comparison_up'] + _COMPARING['comparison_down'])})[ \u00a0]+than|"
    rf"{phrases(_COMPARING['comparison_no_than'])}){_COMPARING['comparison_gap']})"
)
PRONOUN = re.compile(r"(?i:\b(?:it|they|this|which|that)\b)")
ANCHOR_GAP = re.compile(
    r"(?i:^[ \u00a0,]*(?:(?:in|for|during|by|as[ \u00a0]+of|since|at[ \u00a0]+the[ \u00a0]+end[ \u00a0]+of|"
    r"in[ \u00a0]+fiscal|over|through)[ \u00a0]+)?(?:the[ \u00a0]+(?:year[ \u00a0]+)?)?$)"
)
RELATIVE_GAP = re.compile(r"(?:[ \u00a0]+[A-Za-z-]+){0,2}[ \u00a0]+")  # "a 1.4bn euros profit last year"
# A character ANCHOR_GAP and RELATIVE_GAP never match (not a letter, space, comma, hyphen or line end).
GAP_STOP = re.compile(r"(?![^\W\d_])[^ \u00a0,\n-]")
NEXT_NOUN = re.compile(r"^[ \u00a0]+(?:more[ \u00a0]+|new[ \u00a0]+|extra[ \u00a0]+|additional[ \u00a0]+)?([a-z]+s)\b")
TOTAL_COMPOUND = re.compile(rf"-(?:{phrases(LEX['total_compounds'], fold=False)})$")
SUB_PERIODS = [(period, re.compile(rf"\b(?:{phrases(words, fold=False)})\b"))
               for period, words in LEX["sub_periods"].items()]
# Every name starts with a capital: one look-ahead fails at most positions before the lexicon's look-behinds run.
ENTITY_NAME = re.compile(rf"(?=[A-Z])(?:{LEX['entity_name']})")
ENTITY_NOT = set(LEX["entity_not"])
AMBIGUOUS_CURRENCY = re.compile(rf"(?i:\b(?:{'|'.join(LEX['ambiguous_currency'])})\b)")
CURRENCY_COUNTRY = re.compile(rf"(?i:\b(?:{'|'.join(LEX['currency_country'])})\s)")
OF_PHRASE = re.compile(LEX["of_phrase"], re.I)
OF_PHRASE_REACH = int(LEX["of_phrase_reach"])
ROUNDING_NOTE = re.compile(LEX["rounding_note"], re.I)
ROUNDING = re.compile("rounding", re.I)  # the word every rounding note holds: a cheap first test of a text
RATE_CURRENCY: dict[str, str] = {w.lower(): code for code, ws in LEX["rate_currencies"].items() for w in ws}
_RATE_NAMES = phrases(RATE_CURRENCY)
RATE_BASE_BEFORE = re.compile(LEX["rate_base_before"].replace("{currency}", _RATE_NAMES), re.I)
RATE_BASE_AFTER = re.compile(LEX["rate_base_after"].replace("{currency}", _RATE_NAMES), re.I)
RATE_REACH = 90
SHARE_KINDS = {"percent", "fraction"}
AMOUNT_KINDS = {"count", "money", "quantity"}
STOP_NOUNS = {
    "was",
    "has",
    "is",
    "as",
    "its",
    "this",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "less",
    "across",
    "plus",
}


def link(doc, figures: list[Figure]) -> list[Figure]:
    """The figures with qualifiers, subject, anchor and attrs filled in from the words around them."""
    text = doc.text
    out: list[Figure] = []
    stops = _anchor_stops(figures)
    measures = _Measures(text)
    for i, fig in enumerate(figures):
        if fig.kind not in LINKED_KINDS and fig.kind not in ("age", "fraction", "ordinal"):
            out.append(fig)
            continue
        sent = doc.sentence_span(fig.sentence)
        sent_start = max(sent.start, fig.span.start - CONTEXT_REACH)
        clause_start = _clause_start(text, figures, i, sent_start)
        before = text[clause_start : fig.span.start]
        after = text[fig.span.end : min(sent.end, fig.span.end + 60)]
        sentence_before = text[sent_start : fig.span.start]
        qualifiers, record_phrase = _qualifiers(text, fig, before, after, sentence_before)
        estimate = _estimate(sentence_before, text[fig.span.end : min(sent.end, fig.span.end + 120)])
        if estimate and "forecast" not in qualifiers:
            qualifiers = (*qualifiers, "forecast")
        if i and figures[i - 1].span.end == clause_start and COMPARED.fullmatch(before):
            # "30% higher than the $1bn of 2022": the figure a comparison is made with, no bound ("more than $1bn")
            qualifiers = tuple(q for q in qualifiers if q not in ("more_than", "less_than"))
        if "forecast" not in qualifiers and _future_period(text, figures, i):
            qualifiers = (*qualifiers, "forecast")
        attrs = dict(fig.attrs)
        clause_before = _clause_of(sentence_before)
        attrs.update(_roles(fig, before, _clause_end(after), clause_before))
        if estimate:
            attrs["estimate"] = True
        if _subset(clause_before):
            attrs["subset"] = True
        if "record" in qualifiers:
            attrs["extreme"] = _extreme(record_phrase, attrs.get("direction"))
            since = RECORD_SINCE.match(after, after.find(record_phrase) + len(record_phrase)) if record_phrase else None
            if since and after.find(record_phrase) >= 0:
                attrs["since"] = since.group(1)  # "the highest since 2008": a record among the values after 2008
        per = _per(fig, text[fig.span.end : fig.span.end + 40])
        if per and "per" not in attrs:
            attrs["per"] = per
        subject = fig.subject or _subject(text, fig, before, after, sent_start, measures)
        out.append(
            replaced(
                fig,
                qualifiers=qualifiers,
                interval=_widen(fig, qualifiers, before),
                subject=subject,
                # a record's own counted noun stands before its date: "18,400 homes in 2025, the highest since 2008"
                anchor=fig.anchor or _anchor(text, figures, i, sent_start, sent.end, stops,
                                             subject if "record" in qualifiers else None),
                attrs=tuple(attrs.items()),
            )
        )
    attrs_of = [dict(f.attrs) for f in out]
    _headline(doc, out, attrs_of)
    _series(out, attrs_of)
    _periods(doc, out, attrs_of)
    _entities(doc, out, attrs_of)
    _surroundings(doc, out, attrs_of)
    return [fig if attrs == dict(fig.attrs) else replaced(fig, attrs=tuple(attrs.items()))
            for fig, attrs in zip(out, attrs_of, strict=True)]


def _clause_start(text: str, figures: list[Figure], i: int, sent_start: int) -> int:
    start = sent_start
    for k in range(i - 1, -1, -1):  # an index walk: a slice of figures[:i] per figure is quadratic
        prev = figures[k]
        if prev.span.end <= sent_start:
            break
        if prev.kind in BOUNDARY_KINDS:
            start = max(start, prev.span.end)
            break
    for m in CLAUSE_BREAK.finditer(text, start, figures[i].span.start):
        start = m.end()
    return start


def _clause_of(sentence_before: str) -> str:
    """The words before a figure back to the start of its clause."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence_before):
        start = m.end()
    return sentence_before[start:]


def _clause_end(after: str) -> str:
    """The words after a figure up to the end of its clause."""
    m = CLAUSE_BREAK.search(after)
    return after[: m.start()] if m else after


def _estimate(sentence_before: str, after: str) -> bool:
    """An analysts' estimate beside a reported figure: "against forecasts of $1.08", "the $1.08 analysts had
    expected", "$1.04 expected by analysts", "the consensus of $4.4bn"."""
    return bool(ESTIMATE_BEFORE.search(sentence_before[-120:]) or ESTIMATE_AFTER.match(after))


def _subset(clause_before: str) -> bool:
    """A part of a group named close before the figure in its clause: "six of the fines (£12.4m)"; not the group's
    own size ("three of the 12 fines": 12 is the whole)."""
    found = list(SUBSET_BEFORE.finditer(clause_before[-120:]))
    gap = clause_before[-120:][found[-1].end() :] if found else ""
    return bool(SUBSET_LINK.search(gap)) and len(WORD.findall(gap)) <= SUBSET_GAP and not any(c.isdigit() for c in gap)


def _forecast(sentence_before: str) -> bool:
    """A forecast verb governs the figure: "sees GM earning 9.75 dlrs a share", "would reach 4.4% in 2004, but fall
    to 3.3%"; not when a stated-value word comes between ("expects $200bn after it hit $190bn"), nor across a
    semicolon or colon, nor from a noun ("forecasts of $1.08, a rise of 8%": the noun's own figure is its
    forecast). sentence_before ends before the figure's own qualifier words ("to reach more than $200bn": "than"
    is no stated-value word)."""
    window = sentence_before[-FORECAST_REACH:]
    cut = [m.end() for m in FORECAST_REACH_BREAK.finditer(window)
           if window.count("(", 0, m.start()) <= window.count(")", 0, m.start())]  # not "($32bn; 24.1bn euros)"
    window = window[cut[-1]:] if cut else window
    # a noun ("a forecast of 3% to 3.5%", "expected by analysts") reaches only to the end of its phrase
    verbs = [v for v in FORECAST_VERB.finditer(window) if not NOUN_OF.match(window, v.end()) or
             "," not in window[v.end():]]
    if not verbs:
        return False
    # The noun phrase between the verb and its infinitive holds no stated value: "expect exports from the 12
    # states to hit $40bn" ("from" there is no old value).
    infinitives = list(INFINITIVE.finditer(window, verbs[-1].end()))
    return not FORECAST_STOP.search(window, infinitives[-1].end() if infinitives else verbs[-1].end())


def _forecast_phrase(window: str) -> bool:
    """A forecast phrase close before the figure ("expected to reach", "plans to"), with no stated-value word after
    it ("plans to cut 2,000 jobs after it lost $3bn": $3bn is stated)."""
    phrases = [p for p in FORECAST.finditer(window) if not PASSIVE_BY.match(window, p.end())]
    return bool(phrases) and not FORECAST_STOP.search(window, phrases[-1].end())


def _forecast_subject(before: str, after: str) -> bool:
    """A figure inside the noun phrase before a forecast's infinitive is no forecast: "expect trade between the two
    nations to reach $200bn", "expects the three new plants to produce 500 tonnes": the verb governs the figure after
    "to reach"/"to produce". A bare figure there is the forecast ("expect 2,000 jobs to go")."""
    return bool(FORECAST_NP_BEFORE.search(before[-40:]) and FORECAST_NP_AFTER.match(_clause_end(after)))


def _qualifiers(
    text: str, fig: Figure, before: str, after: str, sentence_before: str = ""
) -> tuple[tuple[str, ...], str]:
    """The qualifiers the words around a figure give it, and the record phrase when it is called a record."""
    found: list[str] = []
    rest = before
    record_phrase = ""
    for _ in range(3):
        hit = False
        if not ANY_QUALIFIER_BEFORE.search(rest):
            break
        for name, rx in QUALIFIER_BEFORE:
            m = rx.search(rest)
            if m and name not in found:
                found.append(name)
                if name == "record":
                    record_phrase = m.group(0)
                rest = rest[: m.start()]
                hit = True
                break
        if not hit:
            break
    if "record" not in found:
        m = RECORD_AFTER.match(after)
        if m:
            found.append("record")
            record_phrase = m.group("phrase")
    own = len(before) - len(rest)  # the figure's own qualifier words ("more than") are no stated-value words
    stated_before = sentence_before[: len(sentence_before) - own]
    governed = _forecast(stated_before) and not STATED_VERB_AFTER.match(after)  # "52% said yes": a stated value
    if (_forecast_phrase(rest[-45:]) or governed) and not _forecast_subject(before, after):
        found.append("forecast")
    ordered = tuple(
        q
        for q in ("approx", "more_than", "at_least", "less_than", "at_most", "up_to", "record", "forecast")
        if q in found
    )
    return ordered, record_phrase


def _extreme(phrase: str, direction: str | None) -> str:
    """ "a record low", "the lowest" -> low; "an all-time high" -> high; a bare "record" follows the change."""
    if RECORD_LOW.search(phrase):
        return "low"
    if RECORD_HIGH.search(phrase):
        return "high"
    return "low" if direction == "down" else "high"


def _widen(fig: Figure, qualifiers: tuple[str, ...], before: str = "") -> Interval | None:
    """more_than -> (value, inf); at_least -> [value, inf); less_than/at_most/up_to -> [0, value] (or -inf for
    signed kinds); approx widens each side by APPROX_WIDTH of the value on top of the stated precision.
    A fraction stays between the fractions people round to: "more than a third" is (1/3, 1/2]."""
    iv, v = fig.interval, fig.value
    if iv is None or v is None:
        return iv
    if fig.kind == "fraction" and 0 < v <= 1 and qualifiers:
        return _fraction_interval(iv, v, qualifiers, before)
    floor = 0.0 if v >= 0 and fig.unit not in ("celsius", "fahrenheit", "pp") else -math.inf
    if "more_than" in qualifiers or "at_least" in qualifiers:
        iv = Interval(min(v, iv.low) if fig.attr("range_high") is not None else v, math.inf)
    elif "less_than" in qualifiers or "at_most" in qualifiers or "up_to" in qualifiers:
        iv = Interval(floor, fig.attr("range_high", v))
    if "approx" in qualifiers:
        pad = APPROX_WIDTH * abs(v)
        iv = Interval(iv.low - pad, iv.high + pad)
    return iv


def _fraction_interval(iv: Interval, v: float, qualifiers: tuple[str, ...], before: str) -> Interval:
    below = max((x for x in LANDMARKS if x < v - 1e-6), default=0.0)
    above = min((x for x in LANDMARKS if x > v + 1e-6), default=1.0)
    if "more_than" in qualifiers or "at_least" in qualifiers:
        return Interval(v, above)
    if "less_than" in qualifiers or "at_most" in qualifiers or "up_to" in qualifiers:
        return Interval(below, v)
    if "approx" in qualifiers and APPROX_BELOW.search(before):
        return Interval(below, v)
    if "approx" in qualifiers:
        pad = APPROX_WIDTH * v
        return Interval(iv.low - pad, iv.high + pad)
    return iv


def _per(fig: Figure, after: str) -> str | None:
    """ "$300 per user" -> user; "£5 a head" -> head; "$2 each" -> each."""
    if fig.kind not in AMOUNT_KINDS:
        return None
    m = PER_NOUN.match(after)
    if m and m.group("noun").lower() not in PER_NOT:
        if m.group("w").lower() == "per" or m.group("end") is not None:
            return m.group("noun").lower()
    m = PER_ALONE.match(after)
    if m:
        return m.group("w").lower().split()[-1]
    return None


def directions(words: list[str]) -> list[str]:
    """The direction each direction word or phrase says, last first ("scaled back" -> down, "growth" -> none)."""
    low = [w.lower() for w in words]
    if DIRECTION_ENDS.isdisjoint(low):
        return []  # no word a direction is read at (a table row's names and numbers): none
    out = []
    i = len(low) - 1
    while i >= 0:
        pair = tuple(low[i - 1 : i + 1]) if i else ()
        if pair in UP_PHRASES or pair in DOWN_PHRASES:
            out.append("up" if pair in UP_PHRASES else "down")
            i -= 2
            continue
        if low[i] == "by" and i and _by_verb(low[i - 1]):  # "raised by": the verb says which way only with "by"
            out.append("up" if (low[i - 1],) in UP_BY else "down")
            i -= 2
            continue
        if low[i] == "by" and (object_by := VERB_OBJECT_BY.search(" ".join(low[max(0, i - 4) : i + 1]) + " ")):
            verb = object_by.group("verb")  # "raised its fares by": a verb with its object, then "by"
            if (verb,) in UP_BY or (verb,) in DOWN_BY:
                out.append("up" if (verb,) in UP_BY else "down")
                i -= 1
                continue
        if low[i] in UP or low[i] in DOWN:
            out.append("up" if low[i] in UP else "down")
        i -= 1
    return out


# The words directions() reads a direction at: a direction word, the last word of a phrase, "by".
DIRECTION_ENDS = frozenset(UP | DOWN | {p[-1] for p in UP_PHRASES | DOWN_PHRASES if p} | {"by"})


def change_before(text: str, start: int) -> str | None:
    """How a direction word governs the figure starting at `start`: "by" ("fell by more than £600", "cut its costs by
    £2m": a verb with its object), "from" ("rose from $20m"), "verb" ("rose $2bn", "up 8%"), or None. Qualifiers may
    come between ("by more than", "from about"). Money and percent ask it before reading "X to Y" as a range: after a
    change it is a change (or an old value) then the new value ("fell by £600 to £189,733", "rose from $20m to
    $25m")."""
    window = text[max(0, start - CHANGE_REACH) : start]
    cut = max(window.rfind(c) for c in ".;:,()!?\n")
    rest = window[cut + 1 :]
    for _ in range(3):
        if not ANY_QUALIFIER_BEFORE.search(rest):
            break
        hit = next((m for _, rx in QUALIFIER_BEFORE if (m := rx.search(rest)) and m.start() < len(rest)), None)
        if hit is None:
            break
        rest = rest[: hit.start()]
    gap = CHANGE_GAP.search(rest)
    if gap is None:
        return None
    words = [w.lower() for w in WORD.findall(rest[: gap.start()])[-2:]]
    lead = re.sub(r"[ \u00a0]+", " ", gap.group(0).lower()).split()
    how = "by" if "by" in lead else "from" if "from" in lead else "verb"
    pairs = UP_PHRASES | DOWN_PHRASES | (UP_BY | DOWN_BY if how == "by" else set())
    if (len(words) == 2 and tuple(words) in pairs) or (words and (words[-1] in UP or words[-1] in DOWN)):
        return how
    if how == "by" and words and (words[-1],) in UP_BY | DOWN_BY:
        return how
    if how == "by" and VERB_OBJECT_BY.search(rest[: gap.start()] + " by "):  # "cut its costs by £2m to £3m"
        return how
    if how == "from" and not WORD.findall(rest[: gap.start()]) and cut >= 0 and window[cut] == ",":
        # "climbed 40% year-on-year, from £1.12m to £1.57m": the change is told just before the comma
        before = window[: cut]
        head = max(before.rfind(c) for c in ".;:!?\n")
        if directions(WORD.findall(before[head + 1 :])[-6:]):
            return how
    return None


def _direction(words: list[str]) -> str | None:
    found = directions(words)
    return found[0] if found else None


def _roles(fig: Figure, before: str, after: str, clause_before: str) -> dict:
    attrs: dict = {}
    if fig.kind not in ("money", "percent", "quantity", "count", "multiplier", "fraction"):
        return attrs
    stripped = before
    for _, rx in QUALIFIER_BEFORE if ANY_QUALIFIER_BEFORE.search(before) else ():
        m = rx.search(stripped)
        if m:
            stripped = stripped[: m.start()]
    words = WORD.findall(stripped)
    last = [w.lower() for w in words[-2:]]
    noun = CHANGE_NOUN.match(after) or CHANGE_AFTER.match(after)
    if fig.kind in ("multiplier", "fraction"):
        return _relative_change(fig, stripped, last, noun)
    said = directions(WORD.findall(clause_before))
    # a direction-only statement needs the clause to agree: "slowed to 0.3%, down from 6.3%", not "rose ... fell"
    direction = said[0] if said and len(set(said + directions(WORD.findall(after)))) == 1 else None
    if direction is None and len(set(said)) > 1 and NEW_BEFORE.search(stripped):
        # the verb right before "to" governs: "price rises eased to 2.5%" (a noun of the other way before it);
        # in "dropped from 4.2% to" it is the verb before "from"
        low = [w.lower() for w in WORD.findall(clause_before)]
        said_verb = low[-4:-2] if len(low) > 2 and low[-2] == "from" and low[-1] == "to" else low[-3:-1]
        if said_verb and (said_verb[-1] in UP | DOWN or tuple(said_verb) in UP_PHRASES | DOWN_PHRASES):
            direction = directions(said_verb)[0]
    if REVISION_BEFORE.search(stripped):
        attrs["role"] = "revision"
    elif fig.kind == "percent" and fig.unit == "%" and (SHARE_AFTER.match(after) or SHARE_BEFORE.search(stripped)):
        attrs["role"] = "share"
    elif noun:
        attrs.update(role="change", direction="up" if noun.group("up") else "down")
    elif noun_of := CHANGE_NOUN_OF.search(stripped):
        attrs.update(role="change", direction="up" if noun_of.group("up") else "down")
    elif last and (
        last[-1] in UP | DOWN or (last[-1] == "by" and len(last) > 1 and (last[0] in UP | DOWN or _by_verb(last[0])))
    ):
        verb = last[-1] if last[-1] != "by" else last[0]
        attrs.update(role="change", direction="up" if verb in UP or (verb,) in UP_BY else "down")
    elif object_by := VERB_OBJECT_BY.search(stripped):  # "cut its workforce by 10%", "raised the price by 20p"
        verb = object_by.group("verb").lower()
        attrs.update(role="change", direction="up" if verb in UP or (verb,) in UP_BY else "down")
    elif (new := _new(stripped, direction, said)) and NEW_TO.search(stripped):
        # right after "to" in a change, a figure is the new value whatever follows: "rose by 2% to 5% last year"
        attrs["role"] = "new"
        if direction:
            attrs["direction"] = direction
    elif (OLD_BEFORE.search(stripped) or OLD_ON.search(clause_before) or OLD_AFTER.match(after)
          or OLD_COMPARATIVE.search(clause_before)) \
            and not _own_from(fig, stripped):
        attrs["role"] = "old"
    elif new:
        attrs["role"] = "new"
        if direction:
            attrs["direction"] = direction
    elif TOTAL_BEFORE.search(stripped) or (fig.kind == "count" and TOTAL_COMPOUND.search(fig.surface)):
        attrs["role"] = "total"
    return attrs


def _relative_change(fig: Figure, stripped: str, last: list[str], noun: re.Match | None) -> dict:
    """A multiplier or a fraction stated as a change: "doubled", "rose threefold", "a threefold increase", "fell by
    a third", "grew by about half", "cut its costs by a quarter". A multiplier's direction is its value's (halved:
    down); a fraction's the verb's."""
    verb = next((w for w in reversed(last) if w in UP or w in DOWN or _by_verb(w)), None)
    governed = bool(last) and (last[-1] in UP | DOWN or (last[-1] == "by" and verb is not None))
    if fig.kind == "multiplier":
        word = fig.surface.lower()
        if fig.value is None or not (word in MULTIPLIER_VERBS or governed or noun):
            return {}
        return {"role": "change", "direction": "up" if fig.value >= 1 else "down"}
    if noun:
        return {"role": "change", "direction": "up" if noun.group("up") else "down"}
    if governed and verb is not None:
        return {"role": "change", "direction": "up" if verb in UP or (verb,) in UP_BY else "down"}
    if object_by := VERB_OBJECT_BY.search(stripped):  # "cut its costs by a quarter"
        verb = object_by.group("verb").lower()
        return {"role": "change", "direction": "up" if verb in UP or (verb,) in UP_BY else "down"}
    return {}


def _by_verb(word: str) -> bool:
    return (word,) in UP_BY or (word,) in DOWN_BY


def _new(stripped: str, direction: str | None, said: list[str]) -> bool:
    """A figure after "to"/"at"/"reaching" in a statement of change: the value after it."""
    return bool(NEW_BEFORE.search(stripped)) and bool(
        direction
        or re.search(r"(?i:\b(?:reach|hit)\s*$)", stripped)
        or re.search(r"(?i:\bto\s+(?:reach|hit)\s+$)", stripped)
        or said
    )


def _own_from(fig: Figure, stripped: str) -> bool:
    """ "ranged from $2 to $3", "from $2 to $3 each": the range's own "from", no value before a change."""
    return (
        fig.attr("range_high") is not None
        and re.search(r"(?i:\bto\b)", fig.surface) is not None
        and re.search(r"(?i:\bfrom[ \u00a0]+$)", stripped) is not None
    )


class _Measures:
    """Every measure word of the text, found once; a figure asks for the last or first one in a window by bisect, so
    a long sentence of figures is not rescanned for each."""

    def __init__(self, text: str) -> None:
        self.found = list(MEASURE_RE.finditer(text))
        self.starts = [m.start() for m in self.found]

    def last(self, start: int, end: int) -> re.Match | None:
        j = bisect.bisect_left(self.starts, end)
        while j and self.found[j - 1].end() > end:
            j -= 1
        return self.found[j - 1] if j and self.found[j - 1].start() >= start else None

    def first(self, start: int, end: int) -> re.Match | None:
        i = bisect.bisect_left(self.starts, start)
        return self.found[i] if i < len(self.found) and self.found[i].end() <= end else None


def _subject(
    text: str, fig: Figure, before: str, after: str, sent_start: int, measures: _Measures
) -> str | None:
    if fig.kind == "count" and "-" not in fig.surface:
        n = NEXT_NOUN.match(after)
        if n and n.group(1) not in STOP_NOUNS:
            return MEASURE.get(n.group(1), n.group(1))
    found = measures.last(fig.span.start - len(before), fig.span.start)
    if found:
        return _measured(text, found)
    m = MEASURE_OF_AFTER.match(after)
    if m:
        return _measured(after, m, 1)
    m = MEASURE_RE.match(after, len(after) - len(after.lstrip())) if after[:1] == " " else None
    if m:
        return _measured(after, m)
    if PRONOUN.search(before):
        head = measures.first(sent_start, fig.span.start)
        if head:
            return _measured(text, head)
    nearest = measures.last(sent_start, fig.span.start) if fig.kind in BOUNDARY_KINDS else None
    if nearest:
        return _measured(text, nearest)
    return None


def _measured(text: str, m: re.Match, group: int = 0) -> str:
    """The subject a measure word names; a generic head takes the measure before it: "the unemployment rate" ->
    unemployment, as "unemployment" alone ("Unemployment falls to 3.9%"), so headline and body meet; a part's word
    before it stays ("the rural inflation rate" -> rural inflation, another series than inflation)."""
    word = re.sub(r"\s+", " ", m.group(group).lower())
    start, name = m.start(group), MEASURE[word]
    if word in GENERIC_HEADS:
        modifier = MEASURE_BEFORE.search(text, max(0, start - 40), start)
        if modifier:
            start, name = modifier.start(), MEASURE[re.sub(r"[\s-]+", " ", modifier.group(0).lower()).strip()]
    part = SUBSERIES_BEFORE.search(text, max(0, start - 20), start)
    if part:
        return f"{part.group(1).lower()} {name}"
    basis = BASIS_BEFORE.search(text, max(0, start - 120), start)
    if basis is None:
        return name
    return " ".join(re.split(r"[\s-]+", basis.group("basis").lower()) + [name])


def _future_period(text: str, figures: list[Figure], i: int) -> bool:
    """A figure for a period after publication is a forecast: "fall to 3.3% next year", "2.1 pct next quarter"."""
    if i + 1 >= len(figures):
        return False
    nxt = figures[i + 1]
    return (
        nxt.kind == "relative_date"
        and (nxt.attr("tense") == "future" or str(nxt.attr("relation", "")).split(" ")[0] in FUTURE_RELATIONS)
        and bool(ANCHOR_GAP.match(text[figures[i].span.end : nxt.span.start]))
    )


def _anchor(
    text: str, figures: list[Figure], i: int, sent_start: int, sent_end: int, stops: list[int],
    subject: str | None = None,
) -> str | None:
    """The date or year a figure refers to: the one right after it ("$190bn in 2022", "3,000 jobs in 2024"), else
    the last one before it in its clause. A relative date ("next year", "last year") is the anchor when it is
    resolved (a publication date), and otherwise stops the search: better no anchor than the year of another
    clause."""
    fig = figures[i]
    checked = fig.span.end
    for k in range(i + 1, len(figures)):
        nxt = figures[k]
        if nxt.span.start >= sent_end or nxt.span.start > fig.span.end + CONTEXT_REACH:
            break
        if GAP_STOP.search(text, checked, nxt.span.start):
            break  # the gap (and every longer one) holds a character no anchor gap can: a digit, a full stop
        checked = max(checked, nxt.span.start)
        gap = text[fig.span.end : nxt.span.start]
        counted = NEXT_NOUN.match(gap) if fig.kind == "count" else None
        if counted and (counted.group(1).lower() in MEASURE or counted.group(1).lower() == subject):
            gap = gap[counted.end() :]  # a count of a measured noun (or its subject) first: "3,000 jobs in 2024"
        if nxt.kind == "relative_date" and ANCHOR_GAP.match(gap):
            return nxt.date if nxt.date and _period(nxt.date) else None
        if nxt.kind == "relative_date" and RELATIVE_GAP.fullmatch(gap):
            return None
        if nxt.kind in ANCHOR_KINDS and ANCHOR_GAP.match(gap):
            return nxt.date or nxt.surface
        if nxt.kind in BOUNDARY_KINDS or nxt.kind in ANCHOR_KINDS:
            break
    when = _when_clause(text, figures, i, sent_start)
    if when is not None:
        return when
    # Back to the last figure before it in its clause that is a date, or an unresolved relative date (which stops
    # the search). Figures are disjoint and in text order, so the sentence start and a clause break stand between
    # the figure and that one exactly when they stand between the figure and some figure on the way to it.
    k = stops[i]
    if k < 0:
        return None
    prev = figures[k]
    if prev.span.end <= sent_start or CLAUSE_BREAK.search(text, prev.span.end, fig.span.start):
        return None
    return prev.date or prev.surface if prev.kind in ANCHOR_KINDS else None


def _when_clause(text: str, figures: list[Figure], i: int, sent_start: int) -> str | None:
    """The period of a "when" clause a date counted back opens ("up from 6.9 million a year earlier when the
    unemployment rate stood at 4.1%"): a figure in it is that period's, or None."""
    for k in range(i - 1, max(-1, i - WHEN_BACK), -1):
        prev = figures[k]
        if prev.span.end <= sent_start:
            return None
        if prev.kind == "relative_date" and prev.date and _period(prev.date) and COUNTED_BACK.search(prev.surface):
            return prev.date if WHEN_AFTER.match(text[prev.span.end : figures[i].span.start]) else None
    return None


def _anchor_stops(figures: list[Figure]) -> list[int]:
    """For each figure, the index of the last figure before it that ends _anchor's walk back (a date, or a relative
    date without one), else -1."""
    out, last = [], -1
    for k, fig in enumerate(figures):
        out.append(last)
        if fig.kind in ANCHOR_KINDS or (fig.kind == "relative_date" and not fig.date):
            last = k
    return out


def _series(figures: list[Figure], attrs: list[dict]) -> None:
    """A normalised series name for the record check: subject, with the period its anchor gives ("annual trade")."""
    for fig, a in zip(figures, attrs, strict=True):
        if not fig.subject or fig.value is None or fig.kind not in LINKED_KINDS:
            continue
        name = fig.subject
        if a.get("per"):
            name = f"{name} per {a['per']}"
        period = _period(fig.anchor)
        a["series"] = f"{period} {name}" if period else name


def _period(anchor: str | None) -> str | None:
    if not anchor:
        return None
    if re.fullmatch(r"\d{4}", anchor):
        return "annual"
    if re.fullmatch(r"\d{4}-\d{2}", anchor):
        return "monthly"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor):
        return "daily"
    return None


def _headline(doc, figures: list[Figure], attrs: list[dict]) -> None:
    """headline: True on the figures of the first sentence when the document opens with a headline line (a line of
    its own, without closing punctuation); reading.restated ties a headline figure to the lead figure it restates."""
    if not doc.sentences or len(doc.sentences) < 2:
        return
    first = doc.sentences[0]
    line_end = doc.text.find("\n", first.start)
    if line_end == -1 or first.end > line_end + 1:
        return  # the first sentence runs on past its line: body text, not a headline
    line = doc.text[first.start : line_end].strip()
    if not line or line[-1] in ".!?;,:" or len(line) > HEADLINE_MAX:
        return
    for fig, a in zip(figures, attrs, strict=True):
        if fig.sentence == 0:
            a["headline"] = True


def _periods(doc, figures: list[Figure], attrs: list[dict]) -> None:
    """period: the part of the calendar a figure is for. A sentence naming a quarter, half, month, week or season
    gives its figures that period ("$2bn in the second quarter of 2004" is not the year's figure); otherwise the
    precision of the anchor ("2004" -> year, "2004-03" -> month, "2004-03-17" -> day)."""
    named: dict[int, str | None] = {}
    for fig, a in zip(figures, attrs, strict=True):
        if fig.kind not in LINKED_KINDS or fig.value is None:
            continue
        if fig.sentence not in named:
            span = doc.sentence_span(fig.sentence)
            named[fig.sentence] = next(
                (period for period, rx in SUB_PERIODS if rx.search(doc.text, span.start, span.end)), None
            )
        period = named[fig.sentence] or {"annual": "year", "monthly": "month", "daily": "day"}.get(
            _period(fig.anchor) or ""
        )
        if period:
            a["period"] = period


def _entities(doc, figures: list[Figure], attrs: list[dict]) -> None:
    """entity: the company, person or place a figure belongs to: the nearest proper-noun phrase in its clause
    (before the figure first, then after), else in its sentence; calendar words and figures are no names."""
    text = doc.text
    spans = SpanIndex((f.span.start, f.span.end) for f in figures)
    names: dict[int, list[tuple[int, int, str]]] = {}
    breaks: dict[int, _Breaks] = {}
    name_starts: dict[int, list[int]] = {}
    name_ends: dict[int, list[int]] = {}
    for fig, a in zip(figures, attrs, strict=True):
        if fig.kind not in LINKED_KINDS or fig.value is None:
            continue
        sent = doc.sentence_span(fig.sentence)
        if fig.sentence not in names:
            found = []
            for m in ENTITY_NAME.finditer(text, sent.start, sent.end):
                words = [w for w in re.split(r"[ \u00a0]+", m.group(0)) if w.removesuffix("'s") not in ENTITY_NOT]
                inside = spans.overlaps(m.start(), m.end())
                if words and not inside:
                    found.append((m.start(), m.end(), " ".join(words).removesuffix("'s")))
            names[fig.sentence] = found
        found = names[fig.sentence]
        if not found:
            continue
        if fig.sentence not in breaks:
            breaks[fig.sentence] = _Breaks(text, sent.start, sent.end)
            name_ends[fig.sentence] = [n[1] for n in found]
            name_starts[fig.sentence] = [n[0] for n in found]
        lo = breaks[fig.sentence].last_end_before(fig.span.start)
        hi = breaks[fig.sentence].first_start_from(fig.span.end)
        # found is in text order and without overlaps: its starts and its ends both ascend
        before = found[: bisect.bisect_right(name_ends[fig.sentence], fig.span.start)]
        after = found[bisect.bisect_left(name_starts[fig.sentence], fig.span.end) :]
        choice = (
            next((n for n in reversed(before) if n[0] >= lo), None)
            or next((n for n in after if n[1] <= hi), None)
            or (before[-1] if before else None)
            or (after[0] if after else None)
        )
        if choice is not None:
            a["entity"] = choice[2]


class _Breaks:
    """The clause breaks of one sentence, found once, for per-figure questions in O(log n) (a long "sentence" with
    thousands of figures would otherwise be rescanned for each)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        scan = [m.span() for m in CLAUSE_BREAK.finditer(text, start, end)]
        self.scan_starts = [a for a, _ in scan]
        self.scan_ends = [b for _, b in scan]
        self.anywhere = []  # every position where some break matches (overlapping ones too): what search() finds
        pos = start
        while (m := CLAUSE_BREAK.search(text, pos, end)) is not None:
            self.anywhere.append(m.start())
            pos = m.start() + 1

    def last_end_before(self, stop: int) -> int:
        """The end of the last match of CLAUSE_BREAK.finditer(text, start, stop), else start. The scan up to stop
        tries each position before stop - CLAUSE_BREAK_LEN as the whole sentence's scan does; only the tail after
        that is scanned again."""
        sync = stop - CLAUSE_BREAK_LEN
        i = bisect.bisect_right(self.scan_starts, sync)
        last = self.scan_ends[i - 1] if i else self.start
        for m in CLAUSE_BREAK.finditer(self.text, max(last, sync + 1, self.start), stop):
            last = m.end()
        return last

    def first_start_from(self, pos: int) -> int:
        """CLAUSE_BREAK.search(text, pos, end).start(), else end."""
        i = bisect.bisect_left(self.anywhere, pos)
        return self.anywhere[i] if i < len(self.anywhere) else self.end


def _surroundings(doc, figures: list[Figure], attrs: list[dict]) -> None:
    """ambiguous_currency on "pesos"/"rupees"/bare "dollars" (no country word); of_phrase, what a figure is "of"
    ("140% of the country's GDP" -> "the country's GDP"); rounding_noted when the text says its figures may not
    add up because of rounding."""
    text = doc.text
    rounding = bool(ROUNDING.search(text) and ROUNDING_NOTE.search(text))
    for fig, a in zip(figures, attrs, strict=True):
        if fig.value is None:
            continue
        if fig.kind == "money" and AMBIGUOUS_CURRENCY.search(fig.surface) and not CURRENCY_COUNTRY.search(fig.surface):
            a["ambiguous_currency"] = True
        if fig.kind == "money" and (base := _rate_base(text, fig)):
            a["rate_base"] = base
        if fig.kind in LINKED_KINDS:
            m = OF_PHRASE.match(text[fig.span.end : fig.span.end + OF_PHRASE_REACH])
            if m and m.group("phrase").strip():
                a["of_phrase"] = m.group("phrase").strip()
        if rounding:
            a["rounding_noted"] = True


def _rate_base(text: str, fig: Figure) -> str | None:
    """The ISO code of the currency a money figure prices, when it quotes an exchange rate: "the dollar at 1.35
    euros" -> USD, "150 yen to the dollar" -> USD, "the pound fell to $1.05" -> GBP; never its own currency."""
    m = RATE_BASE_AFTER.match(text, fig.span.end, min(len(text), fig.span.end + 40))  # anchored at the figure
    if m is None or RATE_CURRENCY.get(re.sub(r"[ \u00a0]+", " ", m.group("base").lower())) == fig.unit:
        start = max(0, fig.span.start - RATE_REACH)
        found = [x for x in RATE_BASE_BEFORE.finditer(text, start, fig.span.start) if x.end() == fig.span.start]
        m = found[-1] if found else None
    if m is None:
        return None
    base = RATE_CURRENCY.get(re.sub(r"[ \u00a0]+", " ", m.group("base").lower()))
    return base if base and base != fig.unit else None


