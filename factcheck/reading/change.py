"""Changes: a stated change (a percentage, an amount, a multiplier) or a direction word, with its old and new value.

Statement(kind="change", roles: stated (absent for a bare direction: "fell to $5bn from $6bn"), new, old (either
may be absent when the text gives none: "rose 5% to $105m");
facts: direction "up" | "down" when the words say one). The old and new values come from the change's clause
(the figures the words mark "from ..." and "to ..."), else the nearest marked ones of the sentence, else the
nearest earlier figure of the same series dated before the new one; a value missing from the sentence comes from
an earlier clause or the previous sentence when the words tie them (reading.antecedent). No figure is paired across
a series break (", with cloud revenue climbing to $4.2bn from $3.5bn" after "Sales rose 6% to $9.1bn": another
series), and an analysts' estimate (attr estimate: "beat the $1.08 analysts expected") is no value of a change.
"""

from __future__ import annotations

import re

from ..extract.context import LEX, MEASURE_RE, WORD, _measured, directions, phrases
from ..extract.lexicon import load
from ..model import Statement
from .antecedent import antecedent, carried, named, opening_date, opens_with_tie
from .comparison import THAN_PERIOD
from .comparison import WORD as COMPARED_WORD
from .counted import COUNTED_AFTER, counted
from .view import PERIOD_KINDS, View, _clause_break, comparable, fits

SERIES_BREAK = re.compile("|".join(load("reading")["change_series_breaks"]), re.I)
PERIOD = re.compile(load("reading")["stated_before_periods"], re.I)
BASIS = re.compile(load("reading")["change_basis_after"])
RATE_QUOTE = re.compile(load("reading")["rate_quote_after"])
EARLIER_READING = re.compile(rf"(?i:\b(?:{phrases(load('reading')['earlier_readings'])})[ \u00a0]+"
                             rf"estimates?[ \u00a0]+of[ \u00a0]+$)")
# a sentence that opens with the change itself, named as known: "The increase of 28% was driven by phones", "The 12%
# fall came after ..."
_CHANGE_NOUNS = phrases(LEX["change_nouns_up"] + LEX["change_nouns_down"])
THE_CHANGE = re.compile(rf"[\s\"'“(]*(?:the|this|that)[ \u00a0]+(?:(?:year-on-year|annual|overall)[ \u00a0]+)?"
                        rf"(?:(?:{_CHANGE_NOUNS})[ \u00a0]+of[ \u00a0]+)?$", re.I)
# the measure a change noun names after it: "a 31 percent rise in first-quarter net profit" (a few modifiers between)
NAMED_AFTER = re.compile(rf"(?i:[ \u00a0-]*(?:{_CHANGE_NOUNS})s?[ \u00a0]+(?:in|of)[ \u00a0]+"
                         rf"(?:(?:the|its|their|a|an)[ \u00a0]+)?(?:[a-z][\w-]*[ \u00a0]+){{0,2}}?"
                         rf"(?P<measure>{MEASURE_RE.pattern})\b)")
KIN = {m: frozenset(group) for group in load("reading")["kin_measures"] for m in group}
KIN_LEVEL = re.compile(rf"(?i:\b(?:{phrases(load('reading')['kin_level_words'])})\b)")
# a direction and "from" ending the words after a stated change: its own value against an earlier one
LEVEL_FROM = re.compile(r"(?i:,[^,;]*\b(?:(?P<up>up|higher)|down|lower)[ \u00a0]+from[ \u00a0]+"
                        r"(?:(?:the|a|an)[ \u00a0]+)?(?:[a-z]+['’]s[ \u00a0]+)?$)")
# the words that join a change to the one before it and share its value: "up a fifth on 23.6m in 2019 and up 7%"
JOINS = {"and", "in", "on", "of", "a", "an", "the", "by", "or", "also", "while"}
MOVE_REACH = 3  # sentences after a change with no values in which its measure's move may be told
NAMED_SUBJECT_WORDS = 10  # "Last month's hiring gain was up sharply from the": a subject, a verb, the direction
# a difference stated as a count, then both values in brackets: "20,000 more people ... (190,571 in December 2024,
# compared to 170,155 in December 2023)"
MORE = re.compile(r"^\s+(?:(?P<up>more|extra|additional)|(?P<down>fewer|less))\b", re.I)
COMPARED = re.compile(r"^\s*(?:(?:in|on|at|for|during|by)\s+)?[\s,]*"
                      r"(?:compared\s+(?:to|with)|against|versus|vs\.?|up\s+from|down\s+from|from)\s+$", re.I)


def read(view: View) -> list[Statement]:
    figures, role = view.figures, view.role
    part = _series_parts(view)
    # an analysts' estimate ("beat the $1.08 analysts expected") is no value of the series a change compares
    # (an earlier reading of the same figure is none: "down from the previous estimate of 1.7%")
    estimate = {k for k, fig in enumerate(figures) if fig.attr("estimate")
                and not EARLIER_READING.search(view.text, max(0, fig.span.start - 40), fig.span.start)}
    partner = {k: p for k, p in view.partner.items() if part[k] == part[p] and not {k, p} & estimate}
    tied: dict[tuple[int, str], int] = {}  # (figure, role) -> the figure of that role tied to it: after it, else before
    for k in sorted(partner):
        key = (partner[k], role[k] or "")
        if key not in tied or (tied[key] < key[0] < k and role[k] != "change"):
            tied[key] = k  # the first after it wins over one before it
    # "eased to 0.4% from 2.3%, a rise of 1.6% month on month": a change on its own basis is a rate of its own
    basis = {k for k, fig in enumerate(figures) if role[k] == "change" and fig.unit == "%"
             and BASIS.match(view.text, fig.span.end)}
    with_change: dict[tuple, list[int]] = {}  # (clause, series part) -> its stated changes
    for i in range(len(figures)):
        if role[i] == "change" and i not in basis:
            with_change.setdefault((view.clause[i], part[i]), []).append(i)
    untied: dict[tuple, list[int]] = {}  # (series part, role) -> the figures of that role tied to none, in text order
    series: dict[tuple, list[int]] = {}  # (series part, kind, unit) -> the figures with a value that are no change
    for k, fig in enumerate(figures):
        if k in estimate:
            continue
        if role[k] in ("new", "old") and k not in partner:
            untied.setdefault((part[k], role[k]), []).append(k)
        if fig.value is not None and role[k] not in ("change", "level"):
            series.setdefault((part[k], fig.kind, fig.unit), []).append(k)

    def linked(c: int, want: str) -> int | None:
        """The figure with this role tied to figure c, else the nearest untied one of its part of the sentence."""
        if (c, want) in tied:
            return tied[c, want]
        return view.nearest(c, lambda k: fits(figures[c], figures[k]), untied.get((part[c], want), []))

    def older(new: int, exclude: set[int]) -> int | None:
        """The nearest other figure of the same series in its part of the sentence, when dated before the new one."""
        # "3.6% in 2004, slipping to 2.9% next year before recovering to 3.1% in 2006": 2.9% (undated), not 3.6%
        fig = figures[new]
        k = view.nearest(new, lambda k: k not in exclude, series.get((part[new], fig.kind, fig.unit), []))
        if k is None:
            return None
        a, b = figures[k].anchor, figures[new].anchor
        return k if a and b and a < b else None

    out: list[Statement] = []
    dangling: list[int] = []  # stated changes with no value of their own: a later move of their measure may give them
    seen: set[tuple] = set()
    direction = list(view.direction)
    for c in basis:  # the direction word before a new value is its own again: "eased to 2.1% from 2.6%, a rise of
        for k in view.sentence_of(c):  # 0.3% month on month" (extraction gave it to the stated change)
            ways = set(directions(WORD.findall(view.text[max(0, figures[k].span.start - 30) : figures[k].span.start])))
            if k < c and role[k] == "new" and direction[k] is None and view.clause[k] == view.clause[c] \
                    and len(ways) == 1:
                direction[k] = ways.pop()
    for i, fig in enumerate(figures):
        if i in estimate:
            continue
        stated = role[i] == "change" or fig.kind == "multiplier"
        if stated:
            new = linked(i, "new")
        elif role[i] == "new" and direction[i]:
            if any(fits(figures[c], fig) for c in with_change.get((view.clause[i], part[i]), [])):
                continue  # the stated change speaks for this statement
            new = i
        else:
            if role[i] == "old" and i not in view.partner:
                out.extend(_back_to(view, i))  # "This was down on the 74.2% of October"
            elif role[i] is None:
                out.extend(_difference_before(view, i))  # "20,000 more people (190,571 ..., compared to 170,155)"
            continue
        old = linked(i, "old") if stated else linked(new, "old") if new is not None else None
        if stated and new is not None and old is None:
            old = tied.get((new, "old"))  # "rose to 47%, up from 41% – a jump of eight points": the new one's old
        bare = stated and new is None and old is None  # a change with no value of its own in its sentence
        if i in basis and all(k is None or figures[k].unit == "%" for k in (new, old)):
            new = old = None
        if stated and new is None and old is not None and (way := _level_compared(view, i, old)):
            # "added 134,000 jobs in September, down from 270,000 in August": the amount itself, against its own
            # value of an earlier period
            if (i, old) not in seen:
                seen.add((i, old))
                out.append(Statement.of("change", {"new": fig.id, "old": figures[old].id}, direction=way))
            continue
        if stated and old is not None and _contrary(view, i, old):
            old = None  # "spending grew 4.2%, down from 5.1%": 4.2% is a growth rate that fell, no change of 5.1%
        if new is None and old is not None and stated and old < i:
            # "38% of sales last year, against 22% in 2022, a rise of 16%": a change after its two figures, the
            # new value the nearest one of the same series before the old
            new = _pair_before(figures, series, part, old)
        if new is None and old is not None and stated:
            new = _coordinated(view, out, i)  # "28.3m in 2024, up a fifth on 23.6m in 2019 and up 7% on 26.5m"
        if new is None and old is not None:
            new = antecedent(view, i, old, {i, old})  # "... $1.2bn in 2023. That was up 20% from $1bn."
            if new is None and stated:
                # "enrolled 3,100 ..." ... "The intake is up 45% on the 2019 figure of 1,900"
                new = carried(view, i, old, estimate, direction[i])
        elif new is not None:
            if old is None or not comparable(figures[old], figures[new]):
                old = older(new, {i, new})
            if old is None and not _bare_before(view, new):
                # "Sales were $100m in 2023. This year they rose 5% to $105m.": dated before the new one
                old = antecedent(view, i, new, {i, new})
                dated = figures[new].anchor or _opening_anchor(view, i)  # "In March it rose to 212,000"
                old = old if old is not None and _before(figures[old].anchor, dated) else None
        if new is not None and old is not None and not comparable(figures[old], figures[new]):
            old = None
        if stated and new is not None and old is None:
            old = _period_base(view, i, new)  # "up 18% from the same quarter last year" ... "in the third quarter
            # of 2024 it was $3.2bn"
        if stated and new is not None and old is None:
            old = _move_again(view, out, new)  # "fell from 3.9% to 3.7%." ... "declined by 0.2 point to 3.7%"
        new, old = (None if k in estimate else k for k in (new, old))
        if new is not None and old is not None:
            old = _same_series(view, new, old)
            same = _same_noun(view, new, old)
            if same != new:  # the clause's direction word is the compared count's
                direction[same], new = direction[same] or direction[new], same
        if new is None and old is None and stated:
            new, old = _move_before(view, out, i)  # "... slowed to 3.1% from 4.6%. That was a fall of 1.5%."
        said = (i if stated else None, new, old)
        if new is None and old is None and bare and fig.kind != "multiplier":
            dangling.append(i)
        if (new is None and old is None) or said in seen:
            continue
        seen.add(said)
        said_way = direction[i if stated or new is None else new]
        if new is not None and RATE_QUOTE.match(view.text, figures[new].span.end):
            said_way = None  # "fallen to 1,500 to the dollar": the currency's way, not its quote's
        out.append(Statement.of("change", {"stated": fig.id if stated else None,
                                           "new": figures[new].id if new is not None else None,
                                           "old": figures[old].id if old is not None else None}, direction=said_way))
    return out + _moved_later(view, out, dangling)


def _period_base(view: View, i: int, new: int) -> int | None:
    """The value of the period a change names as its base ("up 18% from the same quarter last year", "a rise of 6% on
    2023"), told elsewhere in the text of the new value's series; None when the base is no period or has no one
    value."""
    k = view.base_period(i)
    old = view.dated(new, view.figures[k].date) if k is not None else None
    return old if old is not None and view.figures[old].anchor != view.figures[new].anchor else None


def _moved_later(view: View, out: list[Statement], dangling: list[int]) -> list[Statement]:
    """A change stated with no values, whose measure's move is told a few sentences on with its two values and no
    change of its own: "lifted its quarterly dividend by 12 percent" ... "increased its quarterly dividend to $0.14
    a share from $0.125" (the one such move of that measure, within MOVE_REACH sentences after it)."""
    figures = view.figures
    moves: dict[str, list[tuple[int, int]]] = {}
    for statement in out:
        if statement.id_of("stated") is None and statement.id_of("new") and statement.id_of("old"):
            new, old = view.index[statement.id_of("new") or ""], view.index[statement.id_of("old") or ""]
            if figures[new].subject:
                moves.setdefault(figures[new].subject, []).append((new, old))
    found = []
    for i in dangling:
        fig = figures[i]
        named = NAMED_AFTER.match(view.text, fig.span.end)
        subject = fig.subject or (_measured(view.text, named, named.re.groupindex["measure"]) if named else "")
        near = [(new, old) for new, old in moves.get(subject, [])
                if 0 < figures[new].sentence - fig.sentence <= MOVE_REACH
                and fits(fig, figures[new]) and figures[new].attr("entity") in (None, fig.attr("entity"))]
        if len(near) == 1:
            new, old = near[0]
            found.append(Statement.of("change", {"stated": fig.id, "new": figures[new].id, "old": figures[old].id},
                                      direction=view.direction[i]))
        elif not near and fig.unit == "%":
            found.extend(_difference_later(view, i, subject))
    return found


def _difference_later(view: View, i: int, subject: str) -> list[Statement]:
    """A percentage change stated with no values, whose move a later sentence tells as a level and its difference
    from the period before: "House prices dipped by 0.4% last month." ... "The typical home now costs £287,450,
    about £1,150 less than in September." (the one such difference within MOVE_REACH sentences after it, of the
    change's measure or its kin, when the text gives no value of that period: the old level is the new one less the
    difference)."""
    figures, text = view.figures, view.text
    fig = figures[i]
    found = []
    for k in range(i + 1, len(figures) - 1):
        amount, period = figures[k], figures[k + 1]
        if amount.sentence - fig.sentence > MOVE_REACH:
            break
        m = COMPARED_WORD.match(text, amount.span.end, min(len(text), amount.span.end + 40))
        if amount.sentence == fig.sentence or amount.value is None or amount.unit == "%" or view.role[k] \
                or m is None or not m.group("than") or period.sentence != amount.sentence \
                or period.kind not in PERIOD_KINDS or not THAN_PERIOD.fullmatch(text, m.end(), period.span.start):
            continue
        level = view.nearest(k, lambda j, k=k: j < k and view.clause[j] == view.clause[k]
                             and not figures[j].is_calendar and comparable(figures[j], figures[k]))
        if level is None or view.dated(level, period.date) is not None:
            continue
        named = figures[level].subject
        if named != subject and not (named in KIN.get(subject, ()) and KIN_LEVEL.search(view.clause_words(level))):
            continue
        found.append(Statement.of("change", {"stated": fig.id, "new": figures[level].id, "amount": amount.id},
                                  direction="up" if m.group("up") else "down"))
    return found if len(found) == 1 else []


def _opening_anchor(view: View, i: int) -> str | None:
    """The date of the date phrase that opens figure i's clause ("In March it rose ..."), if any."""
    k = opening_date(view, i)
    return view.figures[k].date if k is not None else None


def _coordinated(view: View, out: list[Statement], i: int) -> int | None:
    """The value the change before figure i's in its sentence compares, when i's change is joined to it and has
    none of its own: "28.3m tests in 2024, up a fifth on 23.6m in 2019 and up 7% on 26.5m in 2023" (7% is a rise
    to 28.3m too). Between the two changes stand at most the first one's base and dates; the joining words are
    conjunctions, prepositions and direction words only ("and profit rose 7%" is another series)."""
    if not out or not out[-1].id_of("stated") or not out[-1].id_of("new"):
        return None
    figures = view.figures
    first, new = view.index.get(out[-1].id_of("stated") or ""), view.index.get(out[-1].id_of("new") or "")
    if first is None or new is None or not new < first < i or figures[first].sentence != figures[i].sentence:
        return None
    between = [k for k in range(first + 1, i) if not figures[k].is_calendar]
    if len(between) > 1:
        return None
    gap = view._gap(between[-1] if between else first, i)
    said = [w.lower() for w in WORD.findall(PERIOD.sub(" ", gap))]
    if any(c.isdigit() for c in gap) or "and" not in said or not all(w in JOINS or directions([w]) for w in said):
        return None
    return new if comparable(figures[new], figures[between[-1]] if between else figures[new]) else None


def _more(view: View, i: int) -> str | None:
    m = MORE.match(view.text[view.figures[i].span.end : view.figures[i].span.end + 20])
    return None if m is None else "up" if m.group("up") else "down"


def _difference_before(view: View, i: int) -> list[Statement]:
    """A count stated as a difference ("20,000 more people") whose two values follow in brackets in its sentence,
    the later one first ("(190,571 in December 2024, compared to 170,155 in December 2023)")."""
    figures, text = view.figures, view.text
    fig = figures[i]
    direction = _more(view, i)
    members = [k for k in view.sentence_of(i) if k > i and comparable(figures[k], fig)]
    if fig.kind != "count" or direction is None or len(members) < 2:
        return []
    new, old = members[0], members[1]
    opened = text[fig.span.end : figures[new].span.start]
    if opened.count("(") != 1 or ")" in opened or not opened.rstrip().endswith("(") \
            or not COMPARED.match(view._gap(new, old)) or not comparable(figures[new], figures[old]) \
            or not comparable(fig, figures[new]):
        return []
    return [Statement.of("change", {"stated": fig.id, "new": figures[new].id, "old": figures[old].id},
                         direction=direction)]


def _back_to(view: View, old: int) -> list[Statement]:
    """A direction told of an earlier sentence's figure against an old value alone: "Some 73.0% were seen within
    four hours. This was down on the 74.2% in September." (the sentence opens with a pronoun, or its clause names
    the earlier figure's measure or period: "Last month's gain was up from the 112,000 of September"; its clause
    says one direction)."""
    said = set(directions(WORD.findall(view.clause_words(old))))
    if len(said) != 1:
        return []
    new = antecedent(view, old, old, {old})
    if new is None or view.figures[new].sentence == view.figures[old].sentence \
            or not (opens_with_tie(view, old) or _names_subject(view, old, new)):
        new = _counts_same(view, old)
    if new is None:
        return []
    return [Statement.of("change", {"stated": None, "new": view.figures[new].id, "old": view.figures[old].id},
                         direction=said.pop())]


def _counts_same(view: View, old: int) -> int | None:
    """The one earlier count of old's sentence that counts what old counts, when old names it right after it and
    no other figure of old's kind comes between: "With 55 large wildfires ... the pace, up from 49 fires a week
    ago" (a compound's head counts: wildfires are fires)."""
    figures, text = view.figures, view.text
    start = view.doc.sentence_span(figures[old].sentence).start
    noun = counted(text, figures[old], start) if COUNTED_AFTER.match(text, figures[old].span.end) else None
    if figures[old].kind != "count" or not noun or len(noun) < 3:
        return None
    same = [k for k in view.sentence_of(old) if k < old and comparable(figures[k], figures[old])]
    named = [k for k in same if (c := counted(text, figures[k], start)) and c.endswith(noun)]
    return named[0] if len(named) == 1 else None


def _same_noun(view: View, new: int, old: int) -> int:
    """The new value of what old counts when the one the clause gives counts another noun: "310 schools shut and
    2,400 teachers struck, down from 350 schools" compares schools; else new itself."""
    text, figures = view.text, view.figures
    start = view.doc.sentence_span(figures[old].sentence).start
    if new > old or figures[new].kind != "count" or not COUNTED_AFTER.match(text, figures[new].span.end):
        return new
    a, b = counted(text, figures[new], start), counted(text, figures[old], start)
    if not a or not b or a.endswith(b) or b.endswith(a):
        return new
    k = _counts_same(view, old)
    return new if k is None else k


def _names_subject(view: View, old: int, new: int) -> bool:
    """Whether the sentence of an old value opens by naming the earlier figure's measure or period as its subject,
    with the old value its first figure: "Last month's gain was up sharply from the 159,000 of August"."""
    start = view.doc.sentence_span(view.figures[old].sentence).start
    words = view.text[start : view.figures[old].span.start]
    return len(view.clause_words(old)) == len(words) and len(words.split()) <= NAMED_SUBJECT_WORDS \
        and not any(k < old and not view.figures[k].is_calendar for k in view.sentence_of(old)) \
        and named(view, old, new)


def _same_series(view: View, new: int, old: int) -> int:
    """The old value of the new one's own series when the words name two side by side ("7.61 million treatments
    ... 6.35 million patients, up from 7.58 million treatments and 6.31 million patients"): the first later figure
    of the sentence that counts the same noun; else the old value itself."""
    figures = view.figures

    def head(k: int) -> str | None:  # the counted noun's last word: "annual sales" counts sales
        noun = figures[k].attr("series")
        return noun.split()[-1] if isinstance(noun, str) and noun.split() else None

    noun = head(new)
    if not noun or not head(old) or head(old) == noun:
        return old
    return next((k for k in view.sentence_of(new) if k > old and head(k) == noun
                 and comparable(figures[k], figures[new])), old)


def _move_again(view: View, out: list[Statement], new: int) -> int | None:
    """The old value of a move told with no stated change in the MOVE_REACH sentences before, whose new value is
    the one a stated change names again: "The rate fell from 3.9% to 3.7% in September." ... "The rate declined
    by 0.2 percentage point to 3.7%" (the latest such move of the same value and series)."""
    figures = view.figures
    fig = figures[new]
    for statement in reversed(out):
        if statement.id_of("stated"):
            continue
        was, old = (view.index.get(statement.id_of(r) or "") for r in ("new", "old"))
        if was is not None and fig.sentence - figures[was].sentence > MOVE_REACH:
            break  # the statements come in text order: none further back is in reach
        if was is None or old is None or figures[was].sentence >= fig.sentence:
            continue
        if comparable(figures[was], fig) and figures[was].value == fig.value \
                and figures[was].subject in (None, fig.subject) and fig.subject in (None, figures[was].subject):
            return old
    return None


def _move_before(view: View, out: list[Statement], i: int) -> tuple[int | None, int | None]:
    """(new, old) of the move a stated change with no figures of its own refers back to: the last change read so
    far with no stated figure, in the previous sentence, when i's sentence opens with a pronoun ("That was a fall
    of 1.5%", "It was a rise of 2 points") or names that move's new value again before the change."""
    if not out or out[-1].id_of("stated"):
        return None, None
    new, old = (view.index.get(out[-1].id_of(r) or "") for r in ("new", "old"))
    if new is None or old is None or view.figures[i].sentence - view.figures[new].sentence != 1:
        return None, None
    figures = view.figures
    # or names the new value again before the change: "... to 11.26%. The 11.26% represents a decline of 0.02 points"
    again = any(k < i and comparable(figures[k], figures[new]) and figures[k].value == figures[new].value
                for k in view.sentence_of(i))
    start = view.doc.sentence_span(figures[i].sentence).start
    named = THE_CHANGE.match(view.text, start, figures[i].span.start)  # "The increase of 28% was driven by phones"
    return (new, old) if again or named or opens_with_tie(view, i) else (None, None)


def _series_parts(view: View) -> list[tuple[int, int]]:
    """(sentence, part) of each figure: a series break (", with ...", ", while ...", "; ") starts a new part, whose
    figures belong to another series than the change before it."""
    parts: list[tuple[int, int]] = []
    figures = view.figures
    for i, fig in enumerate(figures):
        if i and figures[i - 1].sentence == fig.sentence:
            broken = _clause_break(view.text, figures[i - 1].span.end, fig.span.start, SERIES_BREAK)
            parts.append((fig.sentence, parts[-1][1] + (1 if broken else 0)))
        else:
            parts.append((fig.sentence, 0))
    return parts


def _pair_before(figures: list, series: dict[tuple, list[int]], part: list[tuple[int, int]], old: int) -> int | None:
    """The figure of the old value's series (same part of its sentence, kind and unit) right before it, if
    comparable."""
    fig = figures[old]
    earlier = [k for k in series.get((part[old], fig.kind, fig.unit), []) if k < old]
    return earlier[-1] if earlier and comparable(figures[old], figures[earlier[-1]]) else None


def _before(a: str | None, b: str | None) -> bool:
    """Whether time anchor a ("2023", "2024-03") ends before time anchor b starts: "2023" before "2024-01", not
    "2024" before "2024-12" (the year holds the month)."""
    return bool(a and b and a < b and not b.startswith(a))


def _level_compared(view: View, change: int, old: int) -> str | None:
    """The way a stated change's own value is compared with an earlier one of its kind and unit, when the words
    between end in a direction and "from" ("added 134,000 jobs in September, which is down from 270,000 in August";
    "grew 4.2% in the quarter, up from 3.1%"); None for a change from its old value ("rose 5% from $100m")."""
    figures = view.figures
    # a fall's own value is below zero ("fell 0.3%, down from 0.2%"): only a rise's is compared as it stands
    if not change < old or not comparable(figures[change], figures[old]) or view.direction[change] != "up":
        return None
    m = LEVEL_FROM.search(view._gap(change, old))
    return None if m is None else "up" if m.group("up") else "down"


def _contrary(view: View, change: int, old: int) -> bool:
    """Whether the words from a stated change to its old value turn the other way: "grew 4.2% in the final quarter,
    down from the third quarter's 5.1%" (a rate that fell, not a rise of 4.2% from 5.1%)."""
    a, b = sorted((change, old))
    said = set(directions(WORD.findall(view.text[view.figures[a].span.end : view.figures[b].span.start])))
    return bool(view.direction[change]) and said == {"down" if view.direction[change] == "up" else "up"}


def _bare_before(view: View, new: int) -> bool:
    """A bare number before the new value in its sentence ("they fell to a seasonally adjusted 117.52 bilion dlrs,
    and in February rose to 122.29 billion dlrs"): likely the old value with its unit left out or misspelt, so no
    old value is taken from another sentence."""
    fig = view.figures[new]
    return fig.kind in ("money", "quantity") and any(
        k < new and view.figures[k].kind == "count" and view.figures[k].value is not None
        and view.figures[k].attr("series") is None for k in view.sentence_of(new))
