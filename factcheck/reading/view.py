"""What every relation reader needs: the roles the words give each figure, clause keys and per-sentence indexes."""

from __future__ import annotations

import bisect
import re

from ..extract.context import CLAUSE_BREAK, LEX, WORD, directions, phrases
from ..extract.lexicon import load
from ..model import Figure

STATED_BEFORE_WORDS = int(LEX["stated_before_words"])
READING = load("reading")
PERIOD = re.compile(READING["stated_before_periods"], re.I)
BASE_AFTER = re.compile(rf"(?i:\b(?:on|from|over|since|against|compared\s+(?:with|to)|than)\b[^\d;:.]{{0,80}},\s*"
                        rf"(?:{phrases(READING['base_after'])})\s+$)")
# an aside between dashes or in brackets is no part of the words between a value and its change: "28.3m tests in
# 2024 - a record year - up a fifth on 23.6m"
ASIDE = re.compile(r"\s[-\u2013\u2014]\s[^-\u2013\u2014\d]{1,60}?\s[-\u2013\u2014]\s|\([^()\d]*\)")
SIGN = "-+\u2212"
OR_GAP = re.compile(r"^\s*,?\s*or\s*[+]?$")
OLD_SCORE = re.compile(READING["old_score_before"])
OLD_NAMED = re.compile(READING["old_named_before"])
LOSS_LEVEL, LOSS_NOT_LEVEL = re.compile(READING["loss_level"]), re.compile(READING["loss_not_level"])
AT_GAP = re.compile(r"^\s*,?\s*(?:at|to)\s+$")
# a change's base named as a period: "up 18% from the same quarter last year", "a rise of 6% on 2023"
BASE_PERIOD = re.compile(r"^[ \u00a0]*(?:[a-z]+[ \u00a0]+){0,3}?(?:from|on|over|against|compared[ \u00a0]+(?:with|to)|"
                         r"than)[ \u00a0]+(?:in[ \u00a0]+)?$", re.I)
PERIOD_KINDS = ("year", "date", "date_range", "relative_date")
PARTNERS = {"change": ("new", "old"), "new": ("change",), "old": ("change", "new")}


def comparable(a: Figure, b: Figure) -> bool:
    """Two figures of one series: the same kind and unit, both with a value."""
    return a.kind == b.kind and a.unit == b.unit and a.value is not None and b.value is not None


def fits(change: Figure, value: Figure) -> bool:
    """A value a stated change can have: any for a relative change ("rose 5% to $105m"), one of its own kind and unit
    for an amount ("added 256,000 jobs" is no change of a 4.1% rate)."""
    relative = change.kind in ("multiplier", "fraction") or (change.kind == "percent" and change.unit == "%")
    points = change.unit == "pp" and value.kind in ("percent", "count")  # percentage points, or an index's points
    return relative or points or (change.kind == value.kind and change.unit == value.unit)


class View:
    """The figures of one document as the reading sees them.

    role and direction start as the words around each figure give them (extraction's figure-level `role` and
    `direction` attrs: "rose 5%" is a change, "to $105m" a new value, "from $100m" an old one) and add the value
    a change follows when only its old value is marked ("was 10bn euros, up 8.1% from 9.26bn euros").
    partner ties the change, new and old figures of one clause (a check finds them through it); every index here
    is built once, so a reader asks per figure in O(log n), never rescanning a sentence.
    """

    def __init__(self, doc, figures: list[Figure]) -> None:
        self.doc, self.text, self.figures = doc, doc.text, figures
        self.index: dict[str, int] = {}
        for i, fig in enumerate(figures):
            self.index.setdefault(fig.id, i)
        self.role: list[str | None] = [f.attr("role") for f in figures]
        self._dated: dict[tuple, list[int]] | None = None
        self.direction: list[str | None] = [f.attr("direction") for f in figures]
        self.clause = _clauses(self.text, figures)
        self.by_sentence: dict[int, list[int]] = {}
        for i, fig in enumerate(figures):
            self.by_sentence.setdefault(fig.sentence, []).append(i)
        self._loss_levels()
        self._old_named()
        self._signed_moves()
        self._base_after()
        self._stated_before()
        self.partner = self._partners()
        # A figure tied to another by extraction (a duration to its event) is no share of a whole either.
        self.linked = set(self.partner) | {i for i, f in enumerate(figures) if f.attr("link") is not None}

    def dated(self, i: int, date: str | None) -> int | None:
        """The one figure of figure i's series (kind, unit, subject, noun and entity) dated to this period anywhere in
        the text, not a change ("Revenue was $4.1bn, up 18% from the same quarter last year." ... "Revenue in the third
        quarter of 2024 was $3.2bn."); None when there is none or several disagree.
        An index built once: O(1) a question."""
        if self._dated is None:
            self._dated = {}
            for k, fig in enumerate(self.figures):
                if fig.anchor and fig.value is not None and self.role[k] not in ("change", "level") \
                        and not fig.attr("estimate") and not fig.qualifiers:
                    self._dated.setdefault(_series_key(fig, fig.anchor), []).append(k)
        fig = self.figures[i]
        found = self._dated.get(_series_key(fig, date), []) if fig.subject and date else []
        # another place's or company's figure is another series ("Heathrow's 83.9m" and "Gatwick's 76.8m")
        found = [k for k in found if k != i and self.figures[k].attr("entity") in (None, fig.attr("entity"))]
        return found[0] if found and all(self.figures[k].value == self.figures[found[0]].value for k in found) \
            else None

    def base_period(self, c: int) -> int | None:
        """The period figure a change names as its base right after it ("up 18% from the same quarter last year")."""
        k, figures = c + 1, self.figures
        if k < len(figures) and figures[k].sentence == figures[c].sentence and figures[k].kind in PERIOD_KINDS \
                and figures[k].date and BASE_PERIOD.match(self.text[figures[c].span.end : figures[k].span.start]):
            return k
        return None

    def sentence_of(self, i: int) -> list[int]:
        return self.by_sentence.get(self.figures[i].sentence, [])

    def clause_words(self, i: int) -> str:
        """The words of figure i's clause before it (back to a clause break or the sentence start, at most 300
        characters)."""
        fig = self.figures[i]
        start = max(self.doc.sentence_span(fig.sentence).start, fig.span.start - 300)
        for m in CLAUSE_BREAK.finditer(self.text, start, fig.span.start):
            start = m.end()
        return self.text[start : fig.span.start]

    def _gap(self, a: int, b: int) -> str:
        """The text between figures a and b with the calendar figures between them blanked (they are part of the
        statement: "10bn euros in 2004, up 8.1%")."""
        figures = self.figures
        gap = self.text[figures[a].span.end : figures[b].span.start]
        for k in range(a + 1, b):
            if figures[k].is_calendar:  # with the preposition that dates it: "flew through BWI in 2016, up 5%"
                gap = re.sub(rf"(?i:\b(?:in|on|during|for|by)\s+)?{re.escape(figures[k].surface)}", " ", gap)
        return gap

    def _loss_levels(self) -> None:
        """role level on a loss told as a result, not as a fall: "swung to a net loss of $42m from a profit of
        $310m" (a profit below zero; extraction reads "a loss of" as a change noun, right for "a loss of 900 jobs")."""
        for i, fig in enumerate(self.figures):
            if self.role[i] != "change" or fig.kind != "money" or fig.unit == "%":
                continue
            if LOSS_LEVEL.search(self.text, max(0, fig.span.start - 40), fig.span.start) \
                    and not LOSS_NOT_LEVEL.match(self.text, fig.span.end):
                self.role[i], self.direction[i] = "level", None

    def _old_named(self) -> None:
        """role old on the score a side starts from when runs or points are added to it in its sentence ("Resting
        overnight on 212 for three, England added 96 runs to reach 318"), and on a value named by what it was after
        "from" ("a 9.6% rise from the previous record of 60.1 million")."""
        for i, fig in enumerate(self.figures):
            if self.role[i] is None and fig.kind == "count" and not fig.unit \
                    and OLD_SCORE.search(self.text, max(0, fig.span.start - 40), fig.span.start) \
                    and any(self.role[k] == "change" for k in self.sentence_of(i) if k > i):
                self.role[i] = "old"
            elif self.role[i] in (None, "total") and fig.value is not None \
                    and OLD_NAMED.search(self.text, max(0, fig.span.start - 80), fig.span.start):
                self.role[i] = "old"  # "a 9.6% rise from the previous record of 60.1 million", "on the 2021 total of"

    def _signed_moves(self) -> None:
        """A signed move with no direction word, then its level: "Dow -365.85 points or -1.10% at 32,875.72" (the
        sign says which way; the level after "at" or "to" is where it ends)."""
        figures = self.figures
        for i, fig in enumerate(figures[:-1]):
            # the sign is the surface's ("-212.40 points"), or just before it ("+512.30 points")
            sign = fig.surface[:1] if fig.surface[:1] in SIGN else self.text[max(0, fig.span.start - 1)
                                                                              : fig.span.start]
            if self.role[i] or not sign or sign not in SIGN or "point" not in fig.surface.lower():
                continue
            k = i + 1
            if figures[k].unit == "%" and OR_GAP.match(self.text[fig.span.end : figures[k].span.start]):
                k += 1
            if k >= len(figures) or figures[k].sentence != fig.sentence or figures[k].kind != "count" \
                    or self.role[k] or not AT_GAP.match(self.text[figures[k - 1].span.end : figures[k].span.start]):
                continue
            direction = "up" if sign == "+" else "down"
            self.role[i], self.direction[i] = "change", direction
            self.role[k], self.direction[k] = "new", direction

    def _base_after(self) -> None:
        """role old on a change's base given after it in a relative clause: "a 6.5% rise on their 2019 total, which
        stood at 847 million" (the words since the change name its base; no other figure comes between)."""
        figures = self.figures
        last_change = None
        for j, fig in enumerate(figures):
            if j and figures[j - 1].sentence != fig.sentence:
                last_change = None
            if self.role[j] == "change":
                last_change = j
                continue
            if fig.is_calendar or last_change is None:
                continue
            # the gap as written, or with its dates blanked: "on the year before, in which", "on 2019, which"
            raw = self.text[figures[last_change].span.end : fig.span.start]
            # and with only the dates' digits blanked: "up 8% on 2023, when it was" keeps its "on"
            dated = re.sub(r"\d", "x", raw) if all(figures[k].is_calendar for k in range(last_change + 1, j)) else raw
            gaps = (raw, self._gap(last_change, j), dated)
            if self.role[j] in (None, "new") and fig.value is not None and fig.kind != "percent" \
                    and any(BASE_AFTER.search(gap) for gap in gaps):
                self.role[j], self.direction[j] = "old", None
            last_change = None  # a figure after the change ends its reach

    def _stated_before(self) -> None:
        """role new on the value a change follows when only its old value is marked: "was 10bn euros, up 8.1% from
        9.26bn euros"; "GM earned $3.7bn, down from $3.8bn" (the direction word between them says which way)."""
        figures = self.figures
        groups: dict[tuple[int, int], list[int]] = {}
        for i, key in enumerate(self.clause):
            groups.setdefault(key, []).append(i)
        for members in groups.values():
            roles = {self.role[i] for i in members}
            if "old" not in roles:
                self._level_before(members)
                self._period_before(members)
                continue
            old = next(i for i in members if self.role[i] == "old")
            if any(self.role[i] == "new" for i in members if i < old):
                continue  # the change has its own new value ("rose 5% to $105m from $100m"); one after the old
                # value belongs to a later statement ("up 8% on 843,000 ..., and climbed to 71.2%")
            change = next((i for i in members if self.role[i] == "change"), old)
            # the first marked figure: the change ("X, up 8.1% from Y"), or the old value when the change comes
            # last ("sales were £7m, down from £10m, a decline of 30%": the words between say which way)
            first = min(old, change)
            # a period's length is part of its phrase too: "£189.8m in the 12 months to March, a 15% drop"
            before = [i for i in members if i < first and not figures[i].is_calendar and figures[i].kind != "duration"]
            if not before:
                continue
            j = before[-1]
            fig = figures[j]
            if self.role[j] not in (None, "total") or not comparable(fig, figures[old]):
                continue  # a total may be the new value: "A total of 25,122,651 flew ..., up 5% from 23,823,532"
            if not self._said_before(j, first):
                continue
            said = set(directions(WORD.findall(self._gap(j, first))))
            direction = self.direction[change] if first != old else (said.pop() if len(said) == 1 else None)
            if first == old and direction is None:
                continue
            self.role[j] = "new"
            if direction:
                self.direction[j] = direction

    def _said_before(self, j: int, first: int) -> bool:
        """Whether figure j is the value the statement at figure first follows: only a few words between, and the
        dates and the period between are part of the statement ("10bn euros in 2004, up 8.1%", "1.96 million
        passengers in the first half, up 12%", "in the 12 months to March")."""
        # an old value's naming words are part of it ("down from the previous estimate of 1.7%")
        said_gap = PERIOD.sub(" ", ASIDE.sub(" ", OLD_NAMED.sub(" from ", self._gap(j, first))))
        return not any(c.isdigit() for c in said_gap) and len(WORD.findall(said_gap)) <= STATED_BEFORE_WORDS

    def _period_before(self, members: list[int]) -> None:
        """role new on the value a change follows when its base is a period whose value the text gives elsewhere:
        "Revenue was $4.1bn in the third quarter, up 18% from the same quarter last year." ... "Revenue in the third
        quarter of 2024 was $3.2bn." """
        figures = self.figures
        for c in members:
            k = self.base_period(c) if self.role[c] == "change" else None
            before = [j for j in members if j < c and not figures[j].is_calendar and figures[j].kind != "duration"]
            if k is None or not before or self.role[before[-1]] not in (None, "total"):
                continue
            j = before[-1]
            if fits(figures[c], figures[j]) and self._said_before(j, c) and self.dated(j, figures[k].date) is not None:
                self.role[j], self.direction[j] = "new", self.direction[c]

    def _level_before(self, members: list[int]) -> None:
        """role new on the level an amount moved to, told before the move: "closed at 48,461.93, down 249.04 points"
        (only a comma and the direction word between them)."""
        for j, c in zip(members, members[1:], strict=False):
            change, level = self.figures[c], self.figures[j]
            if self.role[c] != "change" or change.unit == "%" or self.role[j] not in (None, "new") \
                    or level.is_calendar or level.value is None or not fits(change, level):
                continue
            gap = self.text[level.span.end : change.span.start]
            said = WORD.findall(gap)
            if "," in gap and 0 < len(said) <= 2 and len(directions(said)) == len(said):
                self.role[j], self.direction[j] = "new", self.direction[c]

    def _partners(self) -> dict[int, int]:
        """Ties within a clause: a new or old value to the nearest change before it ("Sales rose 5% to $105m from
        $100m, costs rose 3% to $20m from $19m": two statements), else to the clause's first change ("was €5.4bn,
        up 8% from €5.0bn"), else an old value to the clause's first new one ("fell to $5bn from $6bn"); a change
        to its new value (else its old one), the first after it, else the last before it."""
        out: dict[int, int] = {}
        groups: dict[tuple[int, int], list[int]] = {}
        for i, key in enumerate(self.clause):
            if self.role[i] in PARTNERS:
                groups.setdefault(key, []).append(i)
        for members in groups.values():
            changes = [i for i in members if self.role[i] == "change"]
            last_change, old_seen = None, False
            for i in members:
                if self.role[i] == "change":
                    last_change, old_seen = i, False
                    continue
                if self.role[i] == "new" and old_seen and last_change is not None and self.direction[i]:
                    continue  # a new value with a verb of its own after the change's old one: "up 8% on 843,000,
                    # and the share seen within six weeks climbed to 71.2%" (its own statement)
                old_seen = old_seen or self.role[i] == "old"
                target = last_change if last_change is not None else changes[0] if changes else None
                if target is not None and not fits(self.figures[target], self.figures[i]):
                    target = None  # "added 256,000 jobs and the jobless rate dipped to 4.1%": no value of that change
                if target is None and self.role[i] == "old":  # "fell to $5bn from $6bn": the new value of its series
                    target = next((k for k in members if self.role[k] == "new"
                                   and comparable(self.figures[k], self.figures[i])), None)
                if target is not None:
                    out[i] = target
            out.update(_tie_changes(self.role, members, out, changes))
        return out

    def nearest(self, i: int, accept=None, members: list[int] | None = None, reach: int = 1000) -> int | None:
        """The figure nearest to figure i (by start offset, within reach characters; the earlier one on a tie) among
        members (figure indices in text order; default: i's sentence) that accept(k) takes. A bisect, then a walk
        outwards: with an index of the figures that can qualify (change.read keeps them by role and by series),
        each question costs O(log n)."""
        members = self.sentence_of(i) if members is None else members
        pos = self.figures[i].span.start
        at = bisect.bisect_left(members, i)
        left, right = at - 1, at
        while True:
            dl = pos - self.figures[members[left]].span.start if left >= 0 else None
            dr = self.figures[members[right]].span.start - pos if right < len(members) else None
            if dl is None and dr is None:
                return None
            if dl is not None and (dr is None or dl <= dr):
                k, left = members[left], left - 1
                if dl > reach:
                    return None
            else:
                k, right = members[right], right + 1
                if dr is None or dr > reach:
                    return None
            if k != i and (accept is None or accept(k)):
                return k


def _series_key(fig: Figure, date: str | None) -> tuple:
    """What makes two figures one series at one date: kind, unit, subject, the counted noun and the date."""
    return fig.kind, fig.unit, fig.subject, fig.attr("series"), date


def _tie_changes(role: list, members: list[int], out: dict[int, int], changes: list[int]) -> dict[int, int]:
    """Each change's value: its new one (else its old one), the first after it, else the last before it."""
    found: dict[tuple[int, str], list[int]] = {}
    for k in members:
        if k in out and role[k] in ("new", "old"):
            found.setdefault((out[k], role[k]), []).append(k)
    ties = {}
    for c in changes:
        for want in ("new", "old"):
            tied = found.get((c, want))
            if tied:
                ties[c] = next((k for k in tied if k > c), tied[-1])
                break
    return ties


def _clauses(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """(sentence, clause number) of each figure: a clause break (", while", ";") starts a new clause."""
    keys: list[tuple[int, int]] = []
    for i, fig in enumerate(figures):
        if i and figures[i - 1].sentence == fig.sentence:
            n = keys[-1][1] + (1 if _clause_break(text, figures[i - 1].span.end, fig.span.start) else 0)
        else:
            n = 0
        keys.append((fig.sentence, n))
    return keys


def _clause_break(text: str, start: int, end: int, breaks: re.Pattern = CLAUSE_BREAK) -> bool:
    """A clause break between two offsets that is not inside a bracket ("$200m (£104m; 151m euros)")."""
    for m in breaks.finditer(text, start, end):
        lead = text[max(0, m.start() - 200) : m.start()]
        if lead.count("(") <= lead.count(")"):
            return True
    return False


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
