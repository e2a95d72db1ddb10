"""What the words around each figure say: qualifiers, subject, time anchor, and the attrs roles the checks read."""

from __future__ import annotations

import dataclasses
import math
import re

from ..model import Figure, Interval
from .lexicon import load

LEX = load("context")
APPROX_WIDTH = float(LEX["approx_width"])
LINKED_KINDS = {"money", "percent", "quantity", "count", "multiplier"}
BOUNDARY_KINDS = {"money", "percent", "quantity"}
ANCHOR_KINDS = {"year", "date", "date_range"}


def _phrases(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in words), key=len, reverse=True))


def _edge(word: str) -> str:
    return r"(?<![\w])" if word[:1].isalnum() else ""


QUALIFIER_BEFORE = [
    (name, re.compile(rf"(?i:(?:^|(?<=[\s(\"'“]))(?:{_phrases(words)}))[ \u00a0]*(?:(?:a|an|the)[ \u00a0]+)?$"))
    for name, words in LEX["qualifiers_before"].items()
]
RECORD_AFTER = re.compile(rf"(?i:{_phrases(LEX['record_after'])})\b")
FORECAST = re.compile(rf"(?i:\b(?:{_phrases(LEX['forecast_before'])})\b)")
UP = set(LEX["up"])
DOWN = set(LEX["down"])
_UP_NOUNS, _DOWN_NOUNS = _phrases(LEX["change_nouns_up"]), _phrases(LEX["change_nouns_down"])
CHANGE_NOUN = re.compile(rf"(?i:^[ \u00a0-]*(?:(?P<up>{_UP_NOUNS})|(?P<down>{_DOWN_NOUNS}))s?\b)")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
OLD_BEFORE = re.compile(rf"(?i:\b(?:{_phrases(LEX['old_before'])})[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?$)")
OLD_AFTER = re.compile(rf"(?i:^[ \u00a0,]*(?:in[ \u00a0]+\S+[ \u00a0]+)?(?:{_phrases(LEX['old_after'])})\b)")
NEW_BEFORE = re.compile(rf"(?i:\b(?:{_phrases(LEX['new_before'])})[ \u00a0]+$)")
SHARE_BEFORE = re.compile(rf"(?i:\b(?:{_phrases(LEX['share_before'])})[ \u00a0]+$)")
SHARE_AFTER = re.compile(rf"(?i:^[ \u00a0]+(?:{_phrases(LEX['share_after'])})\b)")
TOTAL_BEFORE = re.compile(rf"(?i:\b(?:{_phrases(LEX['total_before'])})[ \u00a0]+$)")
CLAUSE_BREAK = re.compile("|".join(re.escape(b) for b in LEX["clause_breaks"]), re.I)
MEASURE: dict[str, str] = {v.lower(): k for k, vs in LEX["measures"].items() for v in vs}
MEASURE_RE = re.compile(rf"(?i:\b(?:{_phrases(MEASURE)})\b)")
PRONOUN = re.compile(r"(?i:\b(?:it|they|this|which|that)\b)")
ANCHOR_GAP = re.compile(
    r"(?i:^[ \u00a0,]*(?:(?:in|for|during|by|as[ \u00a0]+of|since|at[ \u00a0]+the[ \u00a0]+end[ \u00a0]+of|"
    r"in[ \u00a0]+fiscal|over|through)[ \u00a0]+)?(?:the[ \u00a0]+(?:year[ \u00a0]+)?)?$)"
)
NEXT_NOUN = re.compile(r"^[ \u00a0]+(?:more[ \u00a0]+|new[ \u00a0]+|extra[ \u00a0]+|additional[ \u00a0]+)?([a-z]+s)\b")
TOTAL_COMPOUND = re.compile(r"-(?:seat|member|strong)$")
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
    for i, fig in enumerate(figures):
        if fig.kind not in LINKED_KINDS and fig.kind not in ("age", "fraction", "ordinal"):
            out.append(fig)
            continue
        sent = doc.sentence_span(fig.sentence)
        clause_start = _clause_start(text, figures, i, sent.start)
        before = text[clause_start : fig.span.start]
        after = text[fig.span.end : min(sent.end, fig.span.end + 60)]
        qualifiers = _qualifiers(text, fig, before, after)
        attrs = dict(fig.attrs)
        attrs.update(_roles(fig, before, after, text[sent.start : fig.span.start]))
        out.append(
            dataclasses.replace(
                fig,
                qualifiers=qualifiers,
                interval=_widen(fig, qualifiers),
                subject=fig.subject or _subject(text, fig, before, after, sent.start),
                anchor=fig.anchor or _anchor(text, figures, i, sent),
                attrs=tuple(attrs.items()),
            )
        )
    return _links(text, out)


def _clause_start(text: str, figures: list[Figure], i: int, sent_start: int) -> int:
    start = sent_start
    for prev in reversed(figures[:i]):
        if prev.span.end <= sent_start:
            break
        if prev.kind in BOUNDARY_KINDS:
            start = max(start, prev.span.end)
            break
    for m in CLAUSE_BREAK.finditer(text, start, figures[i].span.start):
        start = m.end()
    return start


def _qualifiers(text: str, fig: Figure, before: str, after: str) -> tuple[str, ...]:
    found: list[str] = []
    rest = before
    for _ in range(3):
        hit = False
        for name, rx in QUALIFIER_BEFORE:
            m = rx.search(rest)
            if m and name not in found:
                found.append(name)
                rest = rest[: m.start()]
                hit = True
                break
        if not hit:
            break
    if "record" not in found and RECORD_AFTER.match(after):
        found.append("record")
    window = before[-45:]
    if FORECAST.search(window):
        found.append("forecast")
    return tuple(
        q
        for q in ("approx", "more_than", "at_least", "less_than", "at_most", "up_to", "record", "forecast")
        if q in found
    )


def _widen(fig: Figure, qualifiers: tuple[str, ...]) -> Interval | None:
    """more_than -> (value, inf); at_least -> [value, inf); less_than/at_most/up_to -> [0, value] (or -inf for
    signed kinds); approx widens each side by APPROX_WIDTH of the value on top of the stated precision."""
    iv, v = fig.interval, fig.value
    if iv is None or v is None:
        return iv
    floor = 0.0 if v >= 0 and fig.unit not in ("celsius", "fahrenheit", "pp") else -math.inf
    if "more_than" in qualifiers or "at_least" in qualifiers:
        iv = Interval(min(v, iv.low) if fig.attr("range_high") is not None else v, math.inf)
    elif "less_than" in qualifiers or "at_most" in qualifiers or "up_to" in qualifiers:
        iv = Interval(floor, fig.attr("range_high", v))
    if "approx" in qualifiers:
        pad = APPROX_WIDTH * abs(v)
        iv = Interval(iv.low - pad, iv.high + pad)
    return iv


def _direction(words: list[str]) -> str | None:
    for w in reversed(words):
        lw = w.lower()
        if lw in UP:
            return "up"
        if lw in DOWN:
            return "down"
    return None


def _roles(fig: Figure, before: str, after: str, sentence_before: str) -> dict:
    attrs: dict = {}
    if fig.kind not in ("money", "percent", "quantity", "count"):
        return attrs
    stripped = before
    for _, rx in QUALIFIER_BEFORE:
        m = rx.search(stripped)
        if m:
            stripped = stripped[: m.start()]
    words = WORD.findall(stripped)
    last = [w.lower() for w in words[-2:]]
    noun = CHANGE_NOUN.match(after)
    direction = _direction(WORD.findall(sentence_before))
    if fig.kind == "percent" and fig.unit == "%" and (SHARE_AFTER.match(after) or SHARE_BEFORE.search(stripped)):
        attrs["role"] = "share"
    elif noun:
        attrs.update(role="change", direction="up" if noun.group("up") else "down")
    elif last and (last[-1] in UP | DOWN or (last[-1] == "by" and len(last) > 1 and last[0] in UP | DOWN)):
        verb = last[-1] if last[-1] != "by" else last[0]
        attrs.update(role="change", direction="up" if verb in UP else "down")
    elif OLD_BEFORE.search(stripped) or OLD_AFTER.match(after):
        attrs["role"] = "old"
    elif NEW_BEFORE.search(stripped) and (
        direction
        or re.search(r"(?i:\b(?:reach|hit)\s*$)", stripped)
        or re.search(r"(?i:\bto\s+(?:reach|hit)\s+$)", stripped)
    ):
        attrs["role"] = "new"
        if direction:
            attrs["direction"] = direction
    elif TOTAL_BEFORE.search(stripped) or (fig.kind == "count" and TOTAL_COMPOUND.search(fig.surface)):
        attrs["role"] = "total"
    return attrs


def _subject(text: str, fig: Figure, before: str, after: str, sent_start: int) -> str | None:
    if fig.kind == "count" and "-" not in fig.surface:
        n = NEXT_NOUN.match(after)
        if n and n.group(1) not in STOP_NOUNS:
            return MEASURE.get(n.group(1), n.group(1))
    found = list(MEASURE_RE.finditer(before))
    if found:
        return MEASURE[re.sub(r"\s+", " ", found[-1].group(0).lower())]
    m = re.match(
        rf"(?i:^[ \u00a0]+(?:of|in)[ \u00a0]+(?:(?:the|its|their|a|an)[ \u00a0]+)?({MEASURE_RE.pattern}))", after
    )
    if m:
        return MEASURE[re.sub(r"\s+", " ", m.group(1).lower())]
    m = MEASURE_RE.match(after.lstrip()) if after[:1] == " " else None
    if m:
        return MEASURE[re.sub(r"\s+", " ", m.group(0).lower())]
    if PRONOUN.search(before):
        head = MEASURE_RE.search(text, sent_start, fig.span.start)
        if head:
            return MEASURE[re.sub(r"\s+", " ", head.group(0).lower())]
    nearest = list(MEASURE_RE.finditer(text, sent_start, fig.span.start))
    if nearest and fig.kind in BOUNDARY_KINDS:
        return MEASURE[re.sub(r"\s+", " ", nearest[-1].group(0).lower())]
    return None


def _anchor(text: str, figures: list[Figure], i: int, sent) -> str | None:
    fig = figures[i]
    for nxt in figures[i + 1 :]:
        if nxt.span.start >= sent.end:
            break
        if nxt.kind in ANCHOR_KINDS and ANCHOR_GAP.match(text[fig.span.end : nxt.span.start]):
            return nxt.date or nxt.surface
        if nxt.kind in BOUNDARY_KINDS or nxt.kind in ANCHOR_KINDS:
            break
    for prev in reversed(figures[:i]):
        if prev.span.end <= sent.start:
            break
        if prev.kind in ANCHOR_KINDS:
            return prev.date or prev.surface
    return None


def _links(text: str, figures: list[Figure]) -> list[Figure]:
    """Tie the change, new and old figures of one sentence together, and bracketed conversions to their figure."""
    by_sentence: dict[int, dict[str, Figure]] = {}
    for fig in figures:
        role = fig.attr("role")
        if role in ("change", "new", "old"):
            by_sentence.setdefault(fig.sentence, {}).setdefault(role, fig)
    out: list[Figure] = []
    converts_to: Figure | None = None
    for fig in figures:
        attrs = dict(fig.attrs)
        roles = by_sentence.get(fig.sentence, {})
        role = attrs.get("role")
        # change -> new (else old); new -> change; old -> change (else new): a check finds the new and the old
        # figure of a change by their link to it, and the old figure of a bare "fell to X from Y" by its link to X.
        partner = {"change": ("new", "old"), "new": ("change",), "old": ("change", "new")}.get(role, ())
        for other in partner:
            if other in roles and roles[other] is not fig:
                attrs["link"] = roles[other].id
                break
        if out and fig.kind == out[-1].kind and fig.kind in BOUNDARY_KINDS:
            gap = text[out[-1].span.end : fig.span.start]
            if re.fullmatch(r"[ \u00a0]*[(\[][ \u00a0]*", gap):
                converts_to = out[-1] if out[-1].attr("converts") is None else converts_to
                attrs["converts"] = converts_to.id if converts_to else out[-1].id
            elif re.fullmatch(r"[ \u00a0]*[;,/][ \u00a0]*", gap) and out[-1].attr("converts") is not None:
                attrs["converts"] = out[-1].attr("converts")
        out.append(dataclasses.replace(fig, attrs=tuple(attrs.items())))
    return out
