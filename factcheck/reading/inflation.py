"""Inflation claims: an amount in one year said to be worth another amount today or in another year.

Statement(kind="inflation", roles: amount ("$100 in 1990"), adjusted ("is worth $246 today"); facts: from_year, and
to_year when the text names one ("… would be $89,000 in 2024"; absent for "today", "now", "in today's money")).
"""

from __future__ import annotations

import bisect
import re

from ..model import Statement
from .view import View

YEAR = r"(?:1[89]\d\d|20\d\d)"
QUAL = r"(?:(?:about|around|roughly|nearly|almost|some|more than|over|just over|just under|close to)\s+)?"
# What an amount is said to be worth later: "is worth", "would buy what", "has the same buying power as".
WORTH = (r"(?:(?:is|was|would be|would now be|would have been)\s+)?(?:worth(?:\s+the\s+same\s+as)?|equal to|"
         r"(?:the\s+)?equivalent(?:\s+(?:to|of))?|the same as|equals|equates to|translates to|amounts to|"
         r"(?:would\s+)?(?:buys?|bought)\s+what|(?:would|will)\s+cost|costs|"
         r"(?:has|have|had) the (?:same\s+)?(?:buying|purchasing|spending) power (?:of|as)|is|was|would be)\s+" + QUAL)
# From the end of the first amount to the start of the second: "in 1990 (dollars) is worth".
# A clause may stand between the amount and its year ("the $50 a family of four spent in 1980 would be about $190
# today") when the sentence says it speaks of inflation (CUE): no figure, no sentence break, a few words.
BETWEEN = re.compile(r"(?:\s+(?:bill|note))?(?P<gap>\s+[^\d$€£.;:!?()]{1,60}?)?\s+in\s+(?:the\s+year\s+)?(?P<y1>"
                     + YEAR + r")(?:\s+dollars)?,?\s+" + WORTH + r"$")
CUE = re.compile(r"\binflation\b|\badjusted\b|\btoday['’]s (?:money|dollars|prices|terms)\b|\breal terms\b|"
                 r"\b(?:buying|purchasing|spending) power\b|\bworth\b|\bequivalent\b", re.I)
# The year before the first amount instead: "In 1990, $100 was worth ..."; then only the verb between the amounts.
YEAR_BEFORE = re.compile(r"\b[Ii]n\s+(?P<y1>" + YEAR + r"),?\s+(?:(?:a|an|the)\s+)?$")
VERB_BETWEEN = re.compile(r"(?:\s+(?:dollars|bill|note))?\s+" + WORTH + r"$")
# After the second amount: when it is worth that ("$246 today", "what $400 buys today").
AFTER = re.compile(r"^\s+(?:(?:buys|buy|would buy|costs|cost|would cost)\s+)?(?:(?P<now>today|now|in today's "
                   r"(?:money|dollars|terms))|in\s+(?P<y2>" + YEAR + r")\b)")
REACH = 120  # characters from the first amount to the second


def read(view: View) -> list[Statement]:
    text = view.text
    amounts = sorted((f for f in view.figures if f.kind == "money" and f.unit == "USD" and f.value),
                     key=lambda f: f.span.start)
    starts = [f.span.start for f in amounts]
    by_start = {f.span.start: f for f in amounts}
    out = []
    for first in amounts:  # each amount against the amounts that start within REACH after it: linear
        low = bisect.bisect_right(starts, first.span.end)
        high = bisect.bisect_right(starts, first.span.end + REACH)
        for later_start in starts[low:high]:
            between = re.sub(r"\s", " ", text[first.span.end:later_start])
            m = BETWEEN.fullmatch(between)
            if m and m.group("gap") and not _cued(view, first):
                m = None  # "the $50 fee charged in 1980 was $400 in 2020": a price then and now, no inflation claim
            if m is None and VERB_BETWEEN.fullmatch(between):  # "In 1990, $100 was worth the same as $400 today"
                m = YEAR_BEFORE.search(re.sub(r"\s", " ", text[max(0, first.span.start - 30):first.span.start]))
            if not m:
                continue  # the words between the two amounts are the claim's, from its first amount to its second
            second = by_start[later_start]
            tail = AFTER.match(re.sub(r"\s", " ", text[second.span.end:second.span.end + 40]))
            if tail is not None:
                to_year = int(tail.group("y2")) if tail.group("y2") else None
                out.append(Statement.of("inflation", {"amount": first.id, "adjusted": second.id},
                                        from_year=int(m.group("y1")), to_year=to_year))
            break
    return out


def _cued(view: View, fig) -> bool:
    """Whether the sentence of a figure says it speaks of inflation (CUE)."""
    span = view.doc.sentence_span(fig.sentence)
    return CUE.search(view.text, span.start, span.end) is not None
