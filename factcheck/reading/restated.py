"""The same quantity restated: a headline figure and the lead figure it summarises; a revised figure and its revision;
an owner's stock counted twice ("has 3,100 members" ... "its 3,010 members").

Statement(kind="restated", roles: headline, body) or (roles: revised, revision: "a gain of 61,000 in April,
previously reported at 70,000") or (roles: stated, restated; fact part: True when the restated figure's noun is
narrower, "licensed taxis" after "taxis"). Headlines drop time and tense ("Inflation eases to 10.4%",
"Carmaker to cut 3,000 jobs"): a headline figure restates a figure of the lead (the first body sentence) of the
same kind, unit, subject and role, with the same direction when both say one and no other time anchor.
A stock is one (owner, noun, period): the noun the figure counts ("members", "licensed taxis"), its owner (a
possessive, "its", a have-verb's subject) and its time anchor; other times, forecasts, sources ("according to"),
other sets ("former members") and named owners that differ stay apart. A percent change named again with "the" ("The
4.7% rise in passengers") restates the change before it of the same thing, direction and period (roles: stated,
restated).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, replace
from itertools import islice

from ..extract.context import LINKED_KINDS, phrases
from ..extract.lexicon import load
from ..model import Figure, Interval, Statement
from .counted import changed, counted
from .view import View, comparable

REVISION_BACK = 40  # figures examined before a revision for the figure it revises: a bound, so reading stays linear
LEX = load("restated")
_SP = r"[\s\u00a0]+"
_GAP = rf"(?:(?:{phrases(LEX['stock_gap'])}){_SP})*"
# the owner's name is a run of capitalised words, also inside the case-blind patterns below ("A spokesman said the
# firm's": the firm's, not one owner "A spokesman said the firm"); a plural owns with a bare apostrophe ("The Pennine
# Wheelers' 3,600 members")
_OWNER = rf"(?:(?P<owner>(?-i:\b(?:[A-Z][\w-]*{_SP})*(?:[A-Za-z][\w-]*(?=['’]s)|[A-Za-z][\w-]*s(?=['’]{_SP}))))" \
    rf"['’]s?|\b(?:{phrases(LEX['possessives'] + LEX['relative_possessives'])}))"
# a name may end in one common noun, its head ("Ashby council has")
SUBJECT = re.compile(r"(?:\b(?P<name>(?:[A-Z][\w'’-]*[ \u00a0]+)*[A-Z][\w'’-]*(?:[ \u00a0]+[a-z]+)??)"
                     r"|\bthe[ \u00a0]+(?P<noun>[a-z]+))"
                     r"(?:[ \u00a0]*,[ \u00a0]*(?:which|who|that))?[ \u00a0]+\w*[ \u00a0]*$")
STOCK_BEFORE = re.compile(
    rf"(?i:(?:{_OWNER}|\b(?:{phrases(LEX['money_articles'])})|"
    rf"\b(?:{phrases(LEX['definite'] + LEX['stock_verbs'])})){_SP}{_GAP})$")
MEASURE_BEFORE = re.compile(
    rf"(?i:(?:{_OWNER}|\b(?:{phrases(LEX['definite'] + LEX['money_articles'])})){_SP}"
    rf"(?P<noun>(?:[a-z][a-z-]*{_SP}){{0,2}}?[a-z][a-z-]*){LEX['measure_between']}"
    rf"(?:{_SP}(?:{phrases(LEX['measure_links'])})|,){_SP}{_GAP})$")
# or its owner after "of": "Membership of the Fenwold Ramblers has reached 4,250", "The budget of Westfield Academy
# for the coming school year will be $12.4m"
MEASURE_OF = re.compile(
    rf"(?i:\b(?P<noun>{phrases(LEX['one_per_owner'] + list(LEX['collective_nouns']))}){_SP}of{_SP}(?:the{_SP})?"
    rf"(?P<owner>(?-i:[A-Z][\w'’-]*(?:{_SP}[A-Z][\w'’-]*)*)){LEX['measure_between']}"
    rf"{_SP}(?:{phrases(LEX['measure_links'])}){_SP}{_GAP})$")
# a price, its subject before it: "an adult season ticket for the 2026-27 campaign costs £540"
_DETERMINER = rf"(?:{_OWNER}|\b(?:{phrases(LEX['definite'] + LEX['money_articles'])}))"
PRICE_BEFORE = re.compile(
    rf"(?i:{_DETERMINER}{_SP}"
    rf"(?P<noun>(?:[a-z][a-z-]*{_SP}){{0,2}}?[a-z][a-z-]*)(?:{_SP}(?:for|at|of|on){_SP}[^,.;:\n]{{1,50}}?)?"
    rf"{_SP}(?:{phrases(LEX['price_links'])}){_SP}{_GAP})$")
SET_MEASURES = frozenset(LEX["set_measures"])
STRONG_HEADS = LEX["strong_heads"]
PRICE_OF = re.compile(
    rf"(?i:\b(?:{phrases(LEX['price_nouns'])})s?{_SP}of{_SP}{_DETERMINER}"
    rf"{_SP}(?P<noun>(?:[a-z][a-z-]*{_SP}){{0,2}}?[a-z][a-z-]*)(?:{_SP}from{_SP}\S+)?{_SP}(?:to|at){_SP}{_GAP})$")
# the price it replaces: "to €59 from €49", "from £2.50 to £2.80"
FROM_OLD, TO_NEW = re.compile(rf"{_SP}from{_SP}"), re.compile(rf"{_SP}to{_SP}")
SINGULAR_ENDINGS = ("ss", "us", "is")
WORK_VERBS = frozenset(v for v in LEX["people_verbs"] if v.split()[-1] in ("at", "for"))
# where the people a count names work: "About 6,200 people work at St Brannock's Hospital"
WORKPLACE = re.compile(rf"{_SP}(?:the{_SP})?(?P<owner>[A-Z][\w'’-]*(?:{_SP}[A-Z][\w'’-]*)*)")
# a flow or a one-per-owner measure needs no determiner: "Harlan Bank posted net profit of $1.2bn"
BARE_MEASURE = re.compile(
    rf"(?i:\b(?P<noun>(?:[a-z][a-z-]*{_SP})?(?:{phrases(LEX['flow_nouns'] + LEX['one_per_owner'])}))"
    rf"{LEX['measure_between']}"
    rf"(?:{_SP}(?:{phrases(LEX['measure_links'])})|,){_SP}{_GAP})$")
STOCK_VERB_END = re.compile(rf"(?i:\b(?:{phrases(LEX['stock_verbs'])}){_SP}$)")
NEUTRAL = frozenset(LEX["neutral_modifiers"])
ONE_PER_OWNER = frozenset(LEX["one_per_owner"])
SAME_NOUN = {noun: group[0] for group in LEX["same_nouns"] for noun in group}
INDEFINITE = re.compile(rf"(?i:(?:{phrases(LEX['money_articles'])})\b)")
NOUN_STOPS = frozenset(LEX["noun_stops"])
MONEY_OF = re.compile(rf"{_SP}(?:of|in)(?={_SP}(?!the\b|its\b|their\b|a\b|an\b)[a-z])")
NOUN_AFTER = re.compile(r"(?:[\s\u00a0]+[a-z][a-z-]*){1,3}")
WIDER = "wider"  # the modifier of a count over a wider scope (WIDE_OPENING): one of the other sets
OTHER_SETS = frozenset(LEX["other_sets"]) | {WIDER}
# "according to its latest accounts" is the owner's own count, no other source
SOURCE = re.compile(rf"(?i:\b(?:{phrases(LEX['source_words'])})\b(?!{_SP}(?:{phrases(LEX['possessives'])})\b))")
# ("signed by 900 of the island's 1,240": a preposition before a count that is no year dates nothing)
OTHER_TIME = re.compile(rf"(?i:\b(?:{phrases(LEX['other_time'])})\b(?!{_SP}(?!(?:1[89]|20)\d\d\b)\d))")
REPORTED_PAST = re.compile(rf"(?i:\b(?:{phrases(LEX['reported_past'])})\b)")
FUTURE_TIME = re.compile(rf"(?i:\b(?:{phrases(LEX['future_time'])})\b)")
PEOPLE_VERBS, MONEY_VERBS = LEX["people_verbs"], LEX["money_verbs"]
# the verb that says what a count of people or a sum counts: before it ("killed 14", "was fined £8.7m", "is home to
# about 1,420") or after it and its "people" ("17 people died", "eight were killed")
# (a named object may come between: "The Central Bank fined Ostmark Bank €14.6m")
# or a person named after a possessive and a role: "paid its chief executive, Priya Raman, £3.9m"
VERB_BEFORE = re.compile(rf"(?i:\b(?P<verb>{phrases(list(PEOPLE_VERBS) + list(MONEY_VERBS))}){_SP}"
                         rf"(?:(?:{phrases(LEX['possessives'])}){_SP}(?:[a-z-]+{_SP}){{0,3}}?[a-z-]+,{_SP}"
                         rf"(?P<whom>(?-i:(?:[A-Z][\w'’-]*{_SP})*[A-Z][\w'’-]*)),{_SP})?"
                         rf"(?-i:(?:[A-Z][\w'’-]*{_SP})*){_GAP})$")
PAY_COMPOUND = re.compile(rf"{_SP}(?:{phrases(LEX['pay_compounds'])})\b")
VERB_AFTER = re.compile(rf"(?i:{_SP}(?:people{_SP})?(?:(?:who|that){_SP})?"
                        rf"(?:(?:were|was|have|had|been|are){_SP}){{0,2}}"
                        rf"(?P<verb>{phrases(list(PEOPLE_VERBS))})\b)")
EVENT_NOUNS = frozenset(LEX["event_nouns"])
FLOW_NOUNS = frozenset(LEX["flow_nouns"])
# a reported or coordinated clause starts again after these words ("said it had no plans ... and that its 1,580
# staff"): the time words before them are another clause's
CLAUSE_RESTART = re.compile(rf"(?i:\b(?:{phrases(LEX['clause_restarts'])})\b)")
EVENT_RESTART = re.compile(rf"(?i:\b(?:{phrases(LEX['clause_restarts'] + LEX['event_clause_openers'])})\b)")
PAST_AUXILIARIES = re.compile(rf"(?i:\b(?:{phrases(LEX['past_auxiliaries'])})\b)")
CALENDAR_WORDS = [w.title() for w in (*load("calendar")["months"], *load("calendar")["weekdays"])]
_PLACE = r"(?P<place>[A-Z][\w-]*(?:[ \u00a0]+[A-Z][\w-]*)*)\b(?!['’])"  # not "in Sunday's election"
# a place that narrows a count, after its noun ("1,300 staff in London", "eight in Tessel") or opening its sentence
# ("In Marlow, where 17 people died"): a sub-series, kept apart from the whole and from other places
PLACE_AFTER = re.compile(rf"(?:{_SP}[a-z][a-z-]*){{0,3}}?{_SP}in{_SP}{_PLACE}")
# or a place named by its kind, "in the town" (the place named last before it: "Residents of Valdeira ... killed 14
# people in the town")
PLACE_NOUN_AFTER = re.compile(rf"(?:{_SP}[a-z][a-z-]*){{0,3}}?{_SP}in{_SP}the{_SP}"
                              rf"(?P<noun>{phrases(LEX['place_nouns'])})\b(?!{_SP}(?:of|hall|centre|center|council)\b)")
NAMED_PLACE = re.compile(rf"\b(?:in|of|at|near|from){_SP}(?!(?:{phrases(CALENDAR_WORDS)})\b){_PLACE}")
EVENT_OFFSET = re.compile(rf"(?i:\b(?:{phrases(LEX['event_offsets'])})\b)")
# or a unit right after the noun, with no article ("its 1,100 staff in maternity"; not "people in the hills")
UNIT_AFTER = re.compile(rf"{_SP}[a-z][a-z-]*{_SP}in{_SP}(?P<place>[a-z][a-z-]+)\b(?!{_SP}of\b)")
# the name that opens a sentence and is its subject ("Emery last year lost"), not a word that opens any sentence
OPENING_NAME = re.compile(r"\W*(?:The[ \u00a0]+)?(?P<name>[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*)*)"
                          r"(?=,?[ \u00a0]+[a-z])"
                          rf"(?![ \u00a0]+(?:{phrases(LEX['speaking'])})\b)")  # not who speaks: "Black said"
# a date after these words is no period of the figure before them ("its best since 2007")
YEAR_POSSESSIVE = re.compile(rf"\b(?P<year>(?:1[89]|20)\d\d)['’]s{_SP}$")
NOT_ITS_TIME = re.compile(r"(?i:\b(?:since|than|before|after|until|by)\b)")
# (two capitalised words or more, not in a quote: "Agency shifts cost us" opens with a common noun)
NAME_OPENING = re.compile(r"[^\w\"“‘']*(?:The[ \u00a0]+)?"
                          r"(?P<name>[A-Z][\w'’&-]*(?:[ \u00a0]+[A-Z][\w'’&-]*)+)(?=[ \u00a0,]+[a-z])")
PLACE_OPENING = re.compile(rf"\W*In{_SP}{_PLACE},")
# or a wider scope ("Across the county, 27 people died", "Nationwide, ..."): a set around the town's, not the same one
WIDE_OPENING = re.compile(rf"\W*(?:Across{_SP}(?:the{_SP})?[a-z]+\b|(?i:{phrases(LEX['wide_scopes'])}),)")
# the owner named after the noun: "the 31,000 residents of the old town", "the 2,400 employees of Corvane"
OWNER_AFTER = re.compile(rf"(?:{_SP}[a-z][a-z-]*){{1,3}}?{_SP}of{_SP}(?:the{_SP})?"
                         rf"(?P<owner>[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*)*|[a-z]+(?:[ \u00a0]+[a-z]+)?)\b")
# a name in apposition before "a town of 25,000": "Kessa, a town of" (the town is Kessa)
APPOSITION = re.compile(r"(?P<name>(?:[A-Z][\w'’-]*[ \u00a0]+)*[A-Z][\w'’-]*)[ \u00a0]*,[ \u00a0]*$")
COLLECTIVE = LEX["collective_nouns"] | dict.fromkeys(LEX["place_nouns"], "residents")
REFERRING = frozenset(LEX["possessives"] + LEX["relative_possessives"] + LEX["definite"])
RELATIVE = frozenset(LEX["relative_possessives"])
SAME_OWNER = {noun: n for n, group in enumerate(LEX["same_owners"]) for noun in group}
# the noun or name a "whose" clause hangs on: "The club, whose", "Ashby Rowing Club, whose"
ANTECEDENT = re.compile(r"(?:\b(?P<name>(?:[A-Z][\w'’-]*[ \u00a0]+)*[A-Z][\w'’-]*)|\b(?i:the|its|their)[ \u00a0]+"
                        r"(?P<noun>[a-z]+))[ \u00a0]*,[ \u00a0]*$")
TARGET_WORD = re.compile(rf"(?i:\b(?:{phrases(LEX['target_words'])})[ \u00a0]*$)")
HYPHEN_NOUN = re.compile(rf"-(?P<noun>{'|'.join(LEX['hyphen_nouns'])})$", re.I)
MODAL = re.compile(rf"(?i:\b(?:{phrases(LEX['modals'])})\b)")
CLAUSE_OPENER = re.compile(rf"(?i:\b(?:{phrases(LEX['clause_openers'])})\b)")
PLURALS = frozenset(LEX["plurals_without_s"])
# the named subject a clause opens with, after an opening phrase ("In the league, Birmingham City set a record with")
CLAUSE_SUBJECT = re.compile(r"[\s\"'“(]*(?:(?:In|On|At|By|For|After|Before|During|Since|Meanwhile)\b[^,]{0,60},"
                            r"[\s\u00a0]*)?(?:[Tt]he[\s\u00a0]+)?(?P<name>(?-i:(?!(?:The|A|An|It|They|He|She|This|That|There)\b)"
                            r"(?:[A-Z][\w'’.-]*[\s\u00a0]+)*[A-Z][\w'’.-]*))")
OWNER_KINDS = frozenset(LEX["owner_kinds"])
PRONOUNS = frozenset(("its", "their"))
QUOTES = frozenset("\"“‘'")
NUMBER_NEXT = re.compile(r"[ \u00a0]+\d")
NOT_NAMES = frozenset(LEX["sentence_openers"]) | REFERRING
GENERIC_OWNERS = frozenset(LEX["generic_owners"])
NOT_PLACES = frozenset(LEX["not_places"]) | NOUN_STOPS
STOCK_VERBS = frozenset(LEX["stock_verbs"])
SPEAKING = phrases(LEX["speaking"])
STOCK_KINDS = ("count", "money", "quantity")
# two first mentions of one narrow noun with no place are one stock only from this count up: below it they count
# events as often ("two set points up" ... "to earn three set points")
EVENT_COUNT = 10
# a change told after the count it changes: "2.3 million containers last year, up 6.5%"
CHANGE_AFTER_COUNT = re.compile(r"[^.;:]{0,40},[ \u00a0]*(?:up|down)[ \u00a0]+(?:by[ \u00a0]+)?")
DEFINITE_CHANGE = re.compile(r"\b(?i:the|this|that)[ \u00a0]+$")  # "The 4.7% rise": a change the text gave
LEAD_WORDS = 8  # words a lead has at least, where a byline ("By Kim Lee, Health correspondent") has fewer
LEAD_WORD = re.compile(r"[A-Za-z]+")
REFERENT_BACK = 3  # sentences searched back for the name a generic owner stands for
STOCKS_BACK = 20  # earlier stocks of one key a stock is compared with: a bound, so reading stays linear
TARGET_WORDS = 6  # words between a stock and a coming date that make it a target ("3,500 members by 2027")
SKIP_ROLES = {"change", "old", "revision", "part"}
SKIP_QUALIFIERS = {"up_to"}  # a capacity or a cap; "more than 3,100" and "fewer than 3,000" are stocks with bounds
# the name an "N-seat X" compound's head gives: "the 150-seat Chamber of Representatives"
HEAD_NAME = re.compile(r"[\s,]*(?:[a-z][\w-]*[\s,]+){0,2}(?P<name>[A-Z][\w'&.-]*(?:\s+(?:of\s+)?[A-Z][\w'&.-]*)*)")
HEAD_NOUN = re.compile(r"[ \u00a0]+(?P<name>[a-z][a-z-]+)\b")  # or a common noun: "the 150-seat parliament"
# a count's share after it: "10,264 applicants, or 11.73 percent," (a part of a whole, no stock)
SHARE_AFTER = re.compile(rf"[^,.;:()]{{0,40}},[\s\u00a0]*or{_SP}(?:(?:{phrases(LEX['share_hedges'])}){_SP})?\d[\d.,]*"
                         r"[ \u00a0]*(?:%|per[ \u00a0]?cent|percent)")
# the counted noun after a count: "4.5M people", "four more deaths"
# (within its paragraph: a headline's next word is not the lead's first)
_LINE_SP = r"(?:[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]+)(?!\r?\n)"
WORD_AFTER = re.compile(rf"{_LINE_SP}(?:(?:{phrases(LEX['count_adjectives'])}){_LINE_SP})?([A-Za-z]{{3,}})\b")


@dataclass(frozen=True)
class Stock:
    """What a stock figure counts: kind, unit and head noun (the key), its modifiers and its named owner."""

    key: tuple
    modifiers: frozenset[str]
    owner: str | None
    anchor: str | None = None  # its time anchor ("2026"); none: now
    new: bool = False  # introduced by an indefinite article ("a $12.4m budget") or nothing: a first mention
    whole: bool = False  # a compound that describes a whole ("the 200-seat parliament"): a named owner's are parts
    refers: bool = False  # named with "the", "its", "all the": a stock the text already gave
    named: bool = True  # words before it name it a stock (a measure, a stock verb, an article), not only its noun
    was: int | None = None  # the old value a changed price replaces ("to €59 from €49"): the same price too
    possessive: bool = False  # named with "its", "their": some owner's, the one its sentence is about


def read(view: View) -> list[Statement]:
    return _headlines(view) + _revisions(view) + _stocks(view) + _changes(view)


def _changes(view: View) -> list[Statement]:
    """A percent change named again with "the" ("Passenger numbers rose 7.4% last year" ... "The 4.7% rise in
    passengers"): against the change before it in another sentence of the same thing (counted.changed), direction and
    period, with no other entity named; the one it agrees with when there are several."""
    figures, text, out = view.figures, view.text, []
    seen: dict[tuple, list[int]] = {}
    for i, fig in enumerate(figures):
        if view.role[i] != "change" or fig.unit != "%" or fig.value is None or fig.qualifiers or fig.attr("headline"):
            continue
        start = view.doc.sentence_span(fig.sentence).start
        noun = changed(text, fig, start)
        before = next((f for f in reversed(figures[max(0, i - 3) : i]) if f.sentence == fig.sentence
                       and not f.is_calendar), None)
        if noun is None and before is not None and before.kind == "count" \
                and CHANGE_AFTER_COUNT.fullmatch(text, before.span.end, fig.span.start):
            noun = counted(text, before, start)  # "handled 2.3 million containers last year, up 6.5%": containers
        if noun is None or view.direction[i] is None:
            continue
        key = (noun.removesuffix("s").lower(), view.direction[i])
        anchor = fig.anchor or _anchor_after(view, i)  # "the 4% drop in visitors in 2023": that year's
        earlier = [j for j in seen.get(key, ()) if figures[j].sentence != fig.sentence
                   and anchor in (None, figures[j].anchor) and not different_entities(figures[j], fig)]
        if earlier and DEFINITE_CHANGE.search(text, max(start, fig.span.start - 12), fig.span.start):
            same = next((j for j in earlier if _agree(figures[j], fig)), earlier[-1])
            out.append(Statement.of("restated", {"stated": figures[same].id, "restated": fig.id},
                                    noun=f"the change in {noun}"))
        seen.setdefault(key, []).append(i)
    return out


def _stocks(view: View) -> list[Statement]:
    """Each stock against the first stock of its key before it (in another sentence) whose owner, period and
    modifiers name the same set (the same noun and places), else one that names it more widely or narrowly (fact
    part: "licensed taxis" after "taxis", "staff in London" after "staff")."""
    from .. import engine  # a stock is compared only within the reach a window reads on either side of its core

    first: dict[tuple, deque[tuple[int, Stock]]] = {}
    out = []
    last: tuple[int, Stock] | None = None  # the sentence's stock before: its noun goes with "and eight in Tessel"
    for i in range(len(view.figures)):
        stock = _stock(view, i, last[1] if last and last[0] == view.figures[i].sentence else None)
        if stock is None:
            continue
        last = (view.figures[i].sentence, stock)
        seen = first.setdefault(stock.key, deque())
        # a restatement names a stock already known; a first mention ("a", none) restates one only when the noun is
        # one an owner has one of ("a $14.2m budget") or names it as narrowly ("48,000 primary pupils")
        again = not stock.new or stock.key[2] in ONE_PER_OWNER
        while seen and view.figures[i].span.start - view.figures[seen[0][0]].span.start > engine.REACH:
            seen.popleft()  # out of reach for this figure and every later one
        near = list(islice(seen, STOCKS_BACK))
        apt = [(j, earlier) for j, earlier in near if _may_restate(view, j, earlier, i, stock, again)]
        # the same set: the earlier figure it agrees with, else the first ("The $3m penalty" after two fines)
        if not stock.new and not any(earlier.modifiers == stock.modifiers for _, earlier in apt):
            stock = _named_again(view, i, stock, apt)
        # "the 200-seat parliament" and "the Social Democrats' 58 seats": a whole and a named owner's part
        parts = [(j, earlier) for j, earlier in apt if earlier.whole != stock.whole
                 and ((stock if earlier.whole else earlier).owner or " ")[0].isupper()]
        apt = [pair for pair in apt if pair not in parts]
        alike = [j for j, earlier in apt if _same_set(earlier, stock)]
        same = next((j for j in alike if _agree(view.figures[j], view.figures[i])), alike[0] if alike else None)
        if any(earlier.was is not None and _agree(view.figures[earlier.was], view.figures[i]) for _, earlier in apt):
            pass  # "to €59 from €49" ... "the €49 pass": the old price, named as such
        elif same is not None:
            out.append(Statement.of("restated", {"stated": view.figures[same].id, "restated": view.figures[i].id},
                                    noun=stock.key[2], anchor=dict(apt)[same].anchor or stock.anchor))
        elif parts:
            j, earlier = parts[0]
            whole, part = (j, i) if earlier.whole else (i, j)
            out.append(Statement.of("restated", {"stated": view.figures[whole].id, "restated": view.figures[part].id},
                                    part=True, noun=stock.key[2]))
        else:
            for j, earlier in apt:
                if not (earlier.modifiers | stock.modifiers) & OTHER_SETS and (
                        not earlier.modifiers or not stock.modifiers):
                    whole, part = (j, i) if not earlier.modifiers else (i, j)
                    out.append(Statement.of("restated", {"stated": view.figures[whole].id,
                                                         "restated": view.figures[part].id}, part=True,
                                            noun=stock.key[2]))
                    break
        seen.append((i, stock))
    return out


def _named_again(view: View, i: int, stock: Stock, apt: list[tuple[int, Stock]]) -> Stock:
    """A stock named again with fewer words, as the set the text gave with more: "Two high-speed lifts" ... "the two
    lifts" (the narrower set it agrees with); a sum, also when it does not agree, the one set the text named so ("an
    adult season ticket ... costs £540" ... "the £450 season ticket"). A count that does not agree may be the whole
    ("300 agency nurses" ... "the hospital's 1,200 nurses"): a part, checked as one."""
    wider = [(j, earlier) for j, earlier in apt if earlier.modifiers > stock.modifiers - _places(stock)
             and not earlier.modifiers & OTHER_SETS and not _places(earlier)]
    agreeing = next((earlier for j, earlier in wider if _agree(view.figures[j], view.figures[i])), None)
    if agreeing is None and stock.key[0] == "money" and len({earlier.modifiers for _, earlier in wider}) == 1:
        agreeing = wider[0][1]
    return replace(stock, modifiers=agreeing.modifiers) if agreeing else stock


def _same_set(earlier: Stock, stock: Stock) -> bool:
    """Whether a later stock names the earlier one's set: the same modifiers, or the same but for the place the first
    mention gave ("employs about 900 people in Tralee" ... "its 1,900 employees": where the owner is, no part)."""
    if stock.key[0] == "money" and not stock.modifiers and not stock.new:
        return True  # a sum named again with fewer words: "a pre-tax profit of £412m" ... "the £421m profit"
    return earlier.modifiers == stock.modifiers or not _places(stock) and earlier.modifiers - _places(earlier) \
        == stock.modifiers


def _places(stock: Stock) -> frozenset[str]:
    return frozenset(m for m in stock.modifiers if m.startswith("in "))


def _agree(a: Figure, b: Figure) -> bool:
    """Whether two figures' values may be one (their intervals, rounding and hedges counted, overlap)."""
    return not apart(a.interval or Interval.exact(a.value), b.interval or Interval.exact(b.value))


def apart(a: Interval, b: Interval) -> bool:
    """Whether two intervals hold no value in common: disjoint, or rounded ranges that only touch ("eight" is 7.5-8.5
    and "nine" 8.5-9.5: two counts)."""
    touch = a.low < a.high and b.low < b.high and (a.high == b.low or b.high == a.low)
    return a.high < b.low or b.high < a.low or touch


def _may_restate(view: View, j: int, earlier: Stock, i: int, stock: Stock, again: bool) -> bool:
    """Whether stock i may restate the earlier stock j: another sentence, the same owner and period, and a first
    mention only when it names the set as narrowly."""
    if not again and not (stock.modifiers and earlier.modifiers == stock.modifiers):
        return False
    if (not again or earlier.new and earlier.owner is None) and not _places(stock) \
            and min(view.figures[j].value, view.figures[i].value) < EVENT_COUNT:
        return False  # "two set points up" ... "to earn three set points", "31 countries" ... "the two countries"
    if earlier.new and earlier.owner is None and ((stock.owner or " ")[0].isupper() or stock.owner
                                                  and not earlier.named):
        return False  # "About 1.2 billion dlrs of long-term debt" is no one's we know: not "Security Pacific's"; and
        # "affecting about 13.3 billion dlrs of debt" (no word names it a stock) is not "The bank has 3.8 billion"
    if stock.possessive and earlier.owner is None and (
            earlier.new or (view.figures[i].attr("entity") or _opening_name(view, view.figures[i].sentence, False))
            and not view.figures[j].attr("entity")):
        return False  # "with over 980 medals on offer" ... "The Netherlands ... their 31 medals": nobody's, theirs
    if stock.refers and stock.owner is None and not _places(stock) and view.figures[i].value < EVENT_COUNT:
        return False  # "the two banks": the banks the text just named, not a count it gave before
    # a flow's definite restatement with no period of its own is of the period given ("the £421m profit")
    period = _same_period(earlier.anchor, stock.anchor, view.doc.published) or (
        stock.key[2] in FLOW_NOUNS and not stock.new and stock.anchor is None)
    if view.figures[j].sentence == view.figures[i].sentence or not _same_owner(earlier.owner, stock.owner) \
            or not period or _about_others(view, j, earlier, i, stock):
        return False
    # a figure with no named owner is tied to the entity its sentence names (unless both name one place, or it refers
    # back with "the" or "its"): "Southampton ... finishing with 12 points" and "Birmingham City set a record with 111
    # points" are two teams' points
    return not ((earlier.owner is None or stock.owner is None) and not (stock.refers and stock.owner is None)
                and not (stock.modifiers and earlier.modifiers == stock.modifiers)
                and different_entities(*(_unspoken(view, k) for k in (j, i))))


def _about_others(view: View, j: int, earlier: Stock, i: int, stock: Stock) -> bool:
    """Whether a stock with no owner and no possessive is told of another name than the named owner of the other
    stock: the name its sentence, else its paragraph, opens with ("Block is laying off nearly 1,000 employees" ...
    "Bloomberg is restructuring ... The newsroom employs about 2,700 people")."""
    if stock.possessive and stock.owner is None:  # "its", "their": of the name a sentence since opened with
        owner = earlier.owner or view.figures[j].attr("entity")
        since = range(view.figures[i].sentence, max(view.figures[j].sentence, view.figures[i].sentence - 6), -1)
        about = next(filter(None, (_opening_name(view, k, paragraph=False) for k in since)), None)
        if about is not None and _speaker(view.text, about):
            return False  # "Patel thanked its 15,200 volunteers": a person who speaks owns no "its"
        return bool(owner and owner[:1].isupper() and about) and not _same_owner(about, owner) \
            and _names_apart(about, owner)
    if (earlier.owner is None) == (stock.owner is None):
        return False
    k, bare, named = (j, earlier, stock) if earlier.owner is None else (i, stock, earlier)
    if bare.possessive or not named.owner[:1].isupper():
        return False
    about = _opening_name(view, view.figures[k].sentence)
    return about is not None and not _same_owner(about, named.owner) and _names_apart(about, named.owner)


def _opening_name(view: View, sentence: int, paragraph: bool = True) -> str | None:
    """The name a sentence opens with as its subject, else (paragraph) the one its paragraph opens with."""
    span = view.doc.sentence_span(sentence)
    for start in (span.start, view.text.rfind("\n", 0, span.start) + 1)[: 1 + paragraph]:
        m = OPENING_NAME.match(view.text, start, span.end)
        if m and view.text[start : m.start("name")].strip(" \t\r\n\u00a0*#")[:1] in QUOTES:
            return None  # a name in a quote is the speaker's subject, not the article's
        if m and m.group("name").split()[0].lower() not in NOT_NAMES and _a_name(view.text, m.group("name")):
            return m.group("name")
    return None


def _speaker(text: str, name: str) -> bool:
    """Whether the text quotes a name as a speaker ("said founder Gita Patel", "Patel said"): a person."""
    name = re.escape(name)
    return re.search(rf"\b{name}{_SP}(?:{SPEAKING})\b|\b(?:{SPEAKING}){_SP}(?:[\w'’-]+{_SP}){{0,3}}{name}\b",
                     text) is not None


def _a_name(text: str, words: str) -> bool:
    """Whether the capitalised words a sentence opens with are a name, not a common noun written so because it opens
    ("Rehearsals for its members"): two words or more, a country, or a word the text capitalises mid-sentence too."""
    from ..checks.reference import builtin  # the reference table of country names, read on first use

    return " " in words or builtin("countries").find(words) is not None or re.search(
        rf"[a-z,;:][ \u00a0]+{re.escape(words)}\b", text) is not None


def _stock(view: View, i: int, before_in_sentence: Stock | None = None) -> Stock | None:
    """The stock figure i states, or None: a present count an owner has, by the noun after it (or the noun of the
    sentence's stock before it, when only a place follows: "11 died in Arvo and eight in Tessel")."""
    fig, text = view.figures[i], view.text
    if fig.kind not in STOCK_KINDS or fig.value is None or fig.date_end is not None:
        return None
    if view.role[i] in SKIP_ROLES - {"part", "old"} or i in view.linked or SKIP_QUALIFIERS & set(fig.qualifiers):
        return None
    sentence = view.doc.sentence_span(fig.sentence)
    if fig.attr("headline"):  # read against its lead ("Dutch bank to lay off 2,850 staff": a cut), unless a sum
        return _headline_sum(view, i, sentence.end)  # names the thing it is ("Port wins $48m grant")
    before = text[max(sentence.start, fig.span.start - 80) : fig.span.start]
    priced = PRICE_OF.search(before) if fig.kind == "money" else None
    if priced:  # a new price, from whenever it takes effect: the thing's price, as the old one was
        return _new_price(view, i, priced)
    if SOURCE.search(text, sentence.start, sentence.end) or any(_target_date(view, i, k) for k in view.sentence_of(i)):
        return None  # "a £6 minimum wage by next year": a target, not the stock now
    if SHARE_AFTER.match(text, fig.span.end, sentence.end):
        return None  # "10,264 applicants, or 11.73 percent, were admitted": a part of a whole, not the stock
    # (a count after "of" is a stock only of a collective noun: "a workforce of 3,600")
    measure = next((m for m in (MEASURE_OF.search(before), MEASURE_BEFORE.search(before)) if m and (
        fig.kind == "money" or m.group("noun").split()[-1].lower() in COLLECTIVE)), None)
    if measure is None and fig.kind == "money":
        measure = PRICE_BEFORE.search(before)
    bare = BARE_MEASURE.search(before) if measure is None and fig.kind == "money" else None
    measure = measure or bare
    owned = measure or STOCK_BEFORE.search(before)
    verb_after = VERB_AFTER.match(text, fig.span.end, sentence.end)
    verb = VERB_BEFORE.search(before) or verb_after
    if view.role[i] == "old" and (measure is None and verb is None or i in view.partner):
        return None  # a change's old value; a measure's or a verb's with no change beside it is stated ("made a net
        # profit of $1.6bn last year", "paid its chief executive £3.9m last year"), not "compared with 41.2 hours"
    if owned is None and verb is None and view.role[i] == "new":
        return None  # "rose to 4,200": a new value of no stock the words name ("has 4,200 staff, up from": its stock)
    hyphen = HYPHEN_NOUN.search(fig.surface.strip())
    words = measure.group("noun").lower().split() if measure else \
        [LEX["hyphen_nouns"][hyphen.group("noun").lower()]] if hyphen else _noun_after(text, fig, sentence.end)
    words = [COLLECTIVE.get(w, w) if fig.kind == "count" else w for w in words if w not in NEUTRAL]
    body = words[-1] if fig.surface.lower().endswith("-strong") and words and words[-1] in STRONG_HEADS else None
    if body is not None:
        words = [STRONG_HEADS[body]]  # "the 3,100-strong union": the union's members
    if bare is not None:  # "had revenue of", "posted net profit of": the verb is no modifier
        words = [w for w in words[:-1] if not (w.endswith("ed") or w in STOCK_VERBS or OTHER_TIME.fullmatch(w))] \
            + words[-1:]
    if measure and fig.kind == "count":
        words = words[-1:]  # "the town of 14,000": residents, whatever the town is called
    said = verb.group("verb").lower() if verb else None
    if fig.kind == "count" and said in PEOPLE_VERBS and (not words or words[-1] in ("people", said)):
        words = words[:-1] + [PEOPLE_VERBS[said]]  # "employs 4,200 people": its staff; "11 died": deaths
    elif fig.kind == "money" and not words and said in MONEY_VERBS:
        words = [MONEY_VERBS[said]]  # "was fined £8.7m": a fine
    place = PLACE_AFTER.match(text, fig.span.end, sentence.end) or UNIT_AFTER.match(text, fig.span.end, sentence.end)
    if place and place.group("place") in NOT_PLACES:
        place = None
    kind = PLACE_NOUN_AFTER.match(text, fig.span.end, sentence.end) if place is None else None
    meant = _place_meant(view, i) if kind else None
    if place and any(view.figures[k].is_calendar and view.figures[k].span.start == place.start("place")
                     for k in view.sentence_of(i)):
        place = None  # "members in March": a time, no place
    elided = not words and before_in_sentence is not None and place is not None \
        and text[fig.span.end : place.start("place")].split() == ["in"]
    if elided:
        words = [before_in_sentence.key[2]]  # "11 died in Arvo and eight in Tessel": deaths in Tessel
    noun = SAME_NOUN.get(words[-1], words[-1]) if words else None
    if view.role[i] == "part" and not (place or elided):
        return None  # a part of a breakdown is a stock only of its own place
    event = noun in EVENT_NOUNS | FLOW_NOUNS  # "was fined", "were killed", "revenue was": their time, no other
    clause = EVENT_OFFSET.sub(" ", REPORTED_PAST.sub(" ", view.clause_words(i)))
    # an event's toll has the time of its event: "after a mudslide killed seven" opens the toll's own clause
    clause = clause[max((m.end() for m in (EVENT_RESTART if event else CLAUSE_RESTART).finditer(clause)), default=0):]
    # a hyphenated count names what its noun is ("the 150-seat parliament"): a time word of its clause dates the
    # clause's event, not the count
    if "-" not in fig.surface and OTHER_TIME.search(PAST_AUXILIARIES.sub(" ", clause) if event else clause):
        return None
    # a plan or a forecast is no stock now, unless the words name a count already known ("for the company's 4,800
    # staff"); a sum stays a plan ("profit-taking could become severe at the 35 dlr level")
    referring = fig.kind == "count" and owned is not None and (
        bool(owned.groupdict().get("owner")) or owned.group(0).split()[0].lower() in REFERRING)
    # (a hyphenated count names what its thing is, planned or not: "plans for a 32,000-seat stadium")
    # (a measure set ahead for now or this year is stated: "the budget for the coming year will be $12.4m")
    set_ahead = measure is not None and bool(words) and words[-1] in SET_MEASURES \
        and not (fig.anchor and fig.anchor[:4].isdigit() and view.doc.published
                 and int(fig.anchor[:4]) > view.doc.published.year)
    if not referring and not set_ahead and "-" not in fig.surface and (
            "forecast" in fig.qualifiers or FUTURE_TIME.search(clause)):
        return None
    if not words or fig.kind == "count" and not (words[-1].endswith("s") or words[-1] in PLURALS):
        return None
    # a first mention may be any counted noun ("destroyed 120 homes"); a restatement names one already known
    new = owned is None or bare is not None or bool(INDEFINITE.match(owned.group(0)))
    if bare is not None:  # "Harlan Bank posted net profit of": the subject's
        subject = SUBJECT.search(before, 0, bare.start())
        owner = _name(subject.group("name") or subject.group("noun")) if subject else None
    else:
        owner = _owner(owned, before) if owned else None
    if owner is None and body is not None and body not in COLLECTIVE:
        owner = body
    if owner is None and verb is not None and verb.groupdict().get("whom"):
        owner = verb.group("whom")  # "paid its chief executive, Priya Raman, £3.9m": hers
    if owner is None and verb is verb_after is not None and verb.group("verb").lower() in WORK_VERBS:
        at = WORKPLACE.match(text, verb.end(), sentence.end)
        owner = _name(at.group("owner")) if at else None
    if owner is None and not (owned and owned.groupdict().get("owner")):
        after = OWNER_AFTER.match(text, fig.span.end, sentence.end)
        owner = _name(after.group("owner")) if after and after.group("owner")[:1].isupper() else \
            after.group("owner") if after else None
    if owned and owned.group(0).split()[0].lower() == "with":  # "Southampton ..., finishing with 12 points": the
        lead = CLAUSE_SUBJECT.match(view.clause_words(i))  # clause's subject has them, else no known stock
        if lead and NUMBER_NEXT.match(view.clause_words(i), lead.end()):
            lead = None  # "Over 10,000 athletes ..., with over 980 medals": a capital that opens a count, no name
        owner, new = (lead.group("name"), new) if lead else (owner, True)
    headed = hyphen is not None and owner is None
    if headed:  # "the 150-seat Chamber of Representatives": the compound's head names the owner
        after = HEAD_NAME.match(text, fig.span.end, sentence.end)
        if after is None or set(text[fig.span.end : after.start("name")].replace(",", " ").split()) & NOUN_STOPS:
            after = HEAD_NOUN.match(text, fig.span.end, sentence.end)  # "the 240-seat assembly on Monday": assembly
        owner = after.group("name") if after else None
    if owner is None and new:  # "Purolator lost 57.6 mln dlrs on 841.4 mln dlrs in revenues": Purolator's
        opener = OPENING_NAME.match(text, sentence.start, fig.span.start)
        owner = opener.group("name") if opener and opener.group("name").split()[0].lower() not in NOT_NAMES else None
    if owner is not None and owner.lower() in GENERIC_OWNERS:
        owner = _referent(view, fig.sentence) or owner  # "The group, which employs": the company just named
    opening = PLACE_OPENING.match(text, sentence.start, fig.span.start)
    where = place.group("place") if place else meant or (opening.group("place") if opening else None)
    modifiers = frozenset(words[:-1]) | ({f"in {where.lower()}"} if where else frozenset())
    if where is None and WIDE_OPENING.match(text, sentence.start, fig.span.start):
        modifiers |= {WIDER}  # another set, neither this one again nor a part of it
    anchor = fig.anchor
    if anchor and owned is not None and owned.group(0).split()[0].lower() in STOCK_VERBS and view.doc.published \
            and anchor[:4].isdigit() and int(anchor[:4]) < view.doc.published.year - 1:
        anchor = None  # "the brewer founded in 1902, employs about 640 people": a present verb's count is now
    refers = owned is not None and bare is None and owned.group(0).split()[0].lower() in REFERRING
    year = YEAR_POSSESSIVE.search(before)
    if year:  # "2024's 16,800 runners": that year's figure, already given
        new, refers, anchor = False, True, anchor or year.group("year")
    if owned is not None and owned.groupdict().get("owner"):  # "Last year's 421,000 visitors": a time, no owner
        at = max(sentence.start, fig.span.start - 80) + owned.start("owner")
        when = next((view.figures[k] for k in view.sentence_of(i) if view.figures[k].is_calendar
                     and view.figures[k].span.start <= at < view.figures[k].span.end), None)
        if when is not None:
            owner, refers = None, True
            anchor = anchor or (when.date if when.date and len(when.date) == 4 else None)
    possessive = owned is not None and owned.group(0).split()[0].lower() in PRONOUNS
    return Stock((fig.kind, fig.unit, noun), modifiers, owner, anchor or _anchor_after(view, i), new,
                 headed and owner is not None and owner[:1].islower(), refers, owned is not None or verb is not None,
                 possessive=possessive)


def _headline_sum(view: View, i: int, end: int) -> Stock | None:
    """The thing a headline's sum names, right after it, as a first mention: "Council approves £3.2m library revamp"
    ... "The £2.3m revamp"; not a flow or an event ("Bank posts £2bn profit": its period is the lead's)."""
    fig = view.figures[i]
    words = _noun_after(view.text, fig, end) if fig.kind == "money" and fig.anchor is None else []
    if not words or words[-1] in FLOW_NOUNS | EVENT_NOUNS | NOUN_STOPS or not view.text[fig.span.end].isspace() \
            or view.role[i] is not None:
        return None
    return Stock((fig.kind, fig.unit, SAME_NOUN.get(words[-1], words[-1])),
                 frozenset(w for w in words[:-1] if w not in NEUTRAL), None, new=True)


def _new_price(view: View, i: int, priced: re.Match) -> Stock:
    """A price changed ("raise the price of its monthly pass to €59 from €49"): the thing's price, with the old price
    it replaces (a later mention of either is the same price)."""
    fig = view.figures[i]
    words = [w for w in priced.group("noun").lower().split() if w not in NEUTRAL]
    was = next((k for k in view.sentence_of(i) if view.role[k] == "old" and (
        FROM_OLD.fullmatch(view.text, fig.span.end, view.figures[k].span.start) if k > i
        else TO_NEW.fullmatch(view.text, view.figures[k].span.end, fig.span.start))), None)
    owner = _name(priced.group("owner")) if priced.groupdict().get("owner") else None
    return Stock((fig.kind, fig.unit, SAME_NOUN.get(words[-1], words[-1])), frozenset(words[:-1]), owner, was=was)


def _referent(view: View, sentence: int) -> str | None:
    """The name a generic owner ("the group", "the company") stands for: the name of two words or more that opens one
    of the few sentences before ("Cobalt Bank said on Tuesday ..." ... "The group, which employs 900 people"), or
    None."""
    for k in range(sentence - 1, max(-1, sentence - 1 - REFERENT_BACK), -1):
        span = view.doc.sentence_span(k)
        m = NAME_OPENING.match(view.text, span.start, span.end)
        if m and m.group("name").lower() not in NOT_NAMES:
            return m.group("name")
    return None


def _place_meant(view: View, i: int) -> str | None:
    """The place "the town" stands for: the last place named after a preposition in figure i's sentence before it or
    in the few sentences before ("Residents of Valdeira began ... killed 14 people in the town"), or None."""
    fig = view.figures[i]
    start = view.doc.sentence_span(max(0, fig.sentence - REFERENT_BACK)).start
    named = [m.group("place") for m in NAMED_PLACE.finditer(view.text, start, fig.span.start)
             if m.group("place").lower() not in NOT_NAMES]
    return named[-1] if named else None


def _anchor_after(view: View, i: int) -> str | None:
    """The year a calendar figure in figure i's clause after it gives ("the 6.8 million passengers it handled last
    year"), or None."""
    fig = view.figures[i]
    for k in view.sentence_of(i):
        date = view.figures[k]
        if date.span.start <= fig.span.end or not date.is_calendar:
            continue
        gap = view.text[fig.span.end : date.span.start]
        if len(gap.split()) > TARGET_WORDS or any(c in gap for c in ",;:.") or NOT_ITS_TIME.search(gap):
            return None
        # a whole past year only ("last year", "in 2025"): a month's year may be resolved either way, and a coming
        # year is a plan's ("staff would move to new contracts next year")
        published = view.doc.published
        past = published is None or date.date is not None and date.date[:4] < str(published.year + 1)
        return date.date if date.date and len(date.date) == 4 and date.date.isdigit() and past else None
    return None


def _owner(owned: re.Match, before: str) -> str | None:
    """Whose stock: the possessor ("Coast Bank's", "the city's"), else the subject of the have-verb ("Harbor Bank,
    which employs", "The city licenses"); None for "its", "their" and an unnamed owner."""
    if owned.groupdict().get("owner"):
        return _name(owned.group("owner"))
    if owned.group(0).split()[0].lower() in RELATIVE:  # "The association, whose 3,400 members": the association's
        held = ANTECEDENT.search(before, 0, len(before) - len(owned.group(0)))
        return None if held is None else held.group("noun") or _name(held.group("name"))
    if owned.group(0).split()[0].lower() in ("a", "an"):  # "Fairview High School has a budget of": the subject's
        rest = before[: len(before) - len(owned.group(0))]
        subject = SUBJECT.search(rest) if STOCK_VERB_END.search(rest) else APPOSITION.search(rest)
        return _name(subject.group("name") or subject.groupdict().get("noun")) if subject else None
    subject = SUBJECT.search(before, 0, len(before) - len(owned.group(0)) + len(owned.group(0).split()[0]) + 1)
    if subject is None or not owned.group(0)[:1].isalpha() or owned.group(0).split()[0].lower() in REFERRING:
        return None  # "its", "the", "All 24,000 seats": no name of an owner
    name = _name(subject.group("name") or subject.group("noun"))
    return None if name.lower() in REFERRING else name  # a capital that refers ("All"), no owner's name


def _name(words: str) -> str:
    """The owner's name at the end of some words: the run of capitalised words ("St Cuthbert's Hospital"), else
    the last word ("the office said the city" -> "city")."""
    found: list[str] = []
    parts = words.split()
    if len(parts) > 1 and parts[-1][:1].islower() and parts[-2][:1].isupper() \
            and parts[-2].lower() not in REFERRING | {"a", "an"}:
        return " ".join(parts[-2:])  # a name and its head noun: "Ashby council"
    for word in reversed(parts):
        if found and (not word[:1].isupper() or word.lower() in ("the", "a", "an")):
            break
        found.insert(0, word)
        if not word[:1].isupper():
            break
    return " ".join(found)


def _unspoken(view: View, i: int) -> Figure:
    """Figure i, without the entity of its sentence when that entity is who speaks ("..., Lopez said"): a speaker owns
    no stock."""
    fig = view.figures[i]
    entity = fig.attr("entity")
    span = view.doc.sentence_span(fig.sentence)
    name = re.escape(entity or "")
    if entity and re.search(rf"{name}{_SP}(?:{SPEAKING})\b|\b(?:{SPEAKING}){_SP}(?:[a-z]+{_SP}){{0,3}}{name}",
                            view.text[span.start : span.end]):
        return replace(fig, attrs=tuple((k, v) for k, v in fig.attrs if k != "entity"))
    return fig


def different_entities(a: Figure, b: Figure) -> bool:
    """Both figures' sentences name entities (the extractor's attr entity), neither of whose words hold the other's:
    "Acme" and "Acme Corp" may be one, "LaGuardia Airport" and "Newark Liberty Airport" are two."""
    ea, eb = a.attr("entity"), b.attr("entity")
    return bool(ea and eb) and _names_apart(ea, eb)


def _names_apart(a: str, b: str) -> bool:
    """Two names neither of whose words hold the other's ("Acme" and "Acme Corp" may be one)."""
    wa, wb = ({re.sub(r"['’]s?$", "", w) for w in e.split()} for e in (a, b))  # "Pennine Wheelers'" is one
    return not (wa <= wb or wb <= wa)


def _same_period(a: str | None, b: str | None, published) -> bool:
    """Two time anchors of one stock: the same, or none (now) and one that is not past (the budget "for the coming
    year" is the budget; the members "in 2019" are not the members now)."""
    if a == b:
        return True
    anchor = a or b
    if (a and b) or published is None or not anchor[:4].isdigit():
        return False
    return int(anchor[:4]) >= published.year


def _same_owner(a: str | None, b: str | None) -> bool:
    """Two owners that may be one: either unnamed, the same name, or a common noun naming the other's head ("the
    hospital" and "St Cuthbert's Hospital"); two different names ("Coast Bank", "Harbor Bank") are two."""
    if a is None or b is None or a.lower() == b.lower():
        return True
    if SAME_OWNER.get(a.lower(), a) == SAME_OWNER.get(b.lower(), b):
        return True  # "the union" and "the association": one owner in other words
    if min(len(a.split()), len(b.split())) == 1 and a.lower().split()[-1] == b.lower().split()[-1]:
        return True
    short, long = sorted((a.lower().split(), b.lower().split()), key=len)
    if short == long[: len(short)]:
        return True  # a name shortened: "Coastline" for "Coastline Cabs"
    # a name and a common noun ("Dunmore", "the city") may be one, unless the noun is modified ("the old town") or
    # the name ends in a kind of owner and the noun is another word ("the Civic Party" is no parliament, "the ward" no
    # hospital; "the lender" and "the group" may be Carrick Bank)
    name, common = (a, b) if a[0].isupper() else (b, a)
    if name[0].islower() or not common[0].islower() or len(common.split()) > 1:
        return False
    kind = name.lower().split()[-1]
    return kind not in OWNER_KINDS or common.lower() in (kind, *GENERIC_OWNERS)


def _target_date(view: View, i: int, k: int) -> bool:
    """Whether figure k is a coming date that figure i's own phrase runs into ("£6 minimum wage by next year"): after
    it, within a few words and no comma."""
    fig, date = view.figures[i], view.figures[k]
    if not date.is_calendar or date.attr("tense") != "future" or date.span.start < fig.span.end:
        return False
    gap = view.text[fig.span.end : date.span.start]
    return len(gap.split()) <= TARGET_WORDS and not any(c in gap for c in ",;:.") and not CLAUSE_OPENER.search(gap) \
        and not MODAL.search(gap) and bool(TARGET_WORD.search(gap))


def _noun_after(text: str, fig: Figure, end: int) -> list[str]:
    """The words of the noun a figure counts, after it: "3,100 members across", "8,500 licensed taxis could"."""
    words: list[str] = []
    start = fig.span.end
    if fig.kind == "money" and PAY_COMPOUND.match(text, start, end):
        return ["pay"]  # "her £9.3m pay package": pay, not the verb
    if fig.kind == "money":  # "€6.4bn of first-half revenue", "€4.8bn in revenue" (not "£5m of the budget")
        of = MONEY_OF.match(text, start, end)
        start = of.end() if of else start
    m = NOUN_AFTER.match(text, start, min(end, start + 60))
    for word in (m.group(0).split() if m else ()):
        # after the first word, a word in -ed or -s is the verb ("the $16.8m budget included", "budget covers")
        if word in NOUN_STOPS or words and (word.endswith("ed") or _plural(word) and fig.kind != "count"):
            break
        words.append(word)
        if fig.kind == "count" and (_plural(word) or word in PLURALS):
            break  # a count's noun ends at its plural: "3,100 members"
    return words


def _plural(word: str) -> bool:
    """Whether a word ends as a plural (or a verb's -s) does: "members", "covers"; not "bus", "pass", "census"."""
    return word.endswith("s") and not word.endswith(SINGULAR_ENDINGS)


def _revisions(view: View) -> list[Statement]:
    figures = view.figures
    out = []
    for i, fig in enumerate(figures):
        if view.role[i] != "revision":
            continue
        for k in range(i - 1, max(-1, i - 1 - REVISION_BACK), -1):
            if figures[k].sentence != fig.sentence:
                break
            if comparable(figures[k], fig):
                out.append(Statement.of("restated", {"revised": figures[k].id, "revision": fig.id}))
                break
    return out


def _headlines(view: View) -> list[Statement]:
    """A headline figure against the figure of the lead it summarises, else (when the lead has none of its kind) the
    first later one that repeats the headline's words after it ("puts 320 jobs at risk" ... "put 230 jobs at risk")."""
    figures = view.figures
    heads = [i for i, f in enumerate(figures) if f.sentence == 0 and f.attr("headline")]
    if not heads:
        return []
    lead = view.by_sentence.get(_lead(view), [])
    out = []
    for i in heads:
        fig = figures[i]
        if fig.value is None or fig.kind not in LINKED_KINDS or not fig.subject:
            continue
        same = [j for j in lead if _restates(view, i, j, roles=False)]
        if not same:
            same = [j for j in range(i + 1, len(figures)) if figures[j].sentence > _lead(view)
                    and _restates(view, i, j, roles=False) and _words_after(view.text, figures[j], 2) is not None
                    and _words_after(view.text, figures[j], 2) == _words_after(view.text, fig, 2)]
            if any(f.value == fig.value for f in figures[i + 1 :] if f.sentence > 0):
                continue  # the body gives the headline's figure somewhere
            same = same[:1]
        if any(figures[j].value == fig.value for j in same):
            continue  # the lead gives the headline's figure ("toll hits 13" ... "has risen to 13"), whatever else
        # the same role, or none in the headline and the same counted noun named in both ("to axe 450 jobs" ... "will
        # cut 540 jobs": a headline drops the words that give a role)
        match = next((j for j in same if view.role[j] == view.role[i] or view.role[i] is None and (
            view.role[j] == "new" or _word_after(view.text, fig) is not None
            and _word_after(view.text, fig) == _word_after(view.text, figures[j]))), None)
        if match is not None:
            out.append(Statement.of("restated", {"headline": fig.id, "body": figures[match].id}))
    return out


def _lead(view: View) -> int:
    """The lead's sentence: the first after the headline that is no byline or dateline ("By Kim Lee, 29 July 2025",
    "*Kim Lee | Health correspondent*"): a sentence of LEAD_WORDS words or more."""
    sentences = view.doc.sentences
    return next((k for k in range(1, min(len(sentences), REFERENT_BACK + 2)) if len(LEAD_WORD.findall(
        view.text, sentences[k].start, sentences[k].end)) >= LEAD_WORDS), 1)


def _restates(view: View, h: int, b: int, roles: bool = True) -> bool:
    """Whether a lead figure states what a headline figure summarises: same kind, unit, subject, counted noun (when
    both name one: "4.5M people affected" is no toll of deaths) and, with roles, role."""
    head, body = view.figures[h], view.figures[b]
    # a headline drops modifiers: "profit" summarises "net profit"
    if (head.kind, head.unit) != (body.kind, body.unit) or body.value is None or not body.subject \
            or head.subject.split()[-1] != body.subject.split()[-1]:
        return False
    if roles and view.role[h] != view.role[b]:
        return False
    nouns = {_word_after(view.text, f) for f in (head, body)}
    if None not in nouns and len(nouns) > 1:
        return False
    directions = {view.direction[h], view.direction[b]} - {None}
    return len(directions) <= 1 and (head.anchor is None or body.anchor in (None, head.anchor))


def _words_after(text: str, fig: Figure, n: int) -> tuple[str, ...] | None:
    """The n words right after a figure, lower-case ("jobs at risk"), or None when fewer follow in its line."""
    found = re.match(rf"(?:[ \u00a0]+[A-Za-z]+){{{n}}}", text[fig.span.end : fig.span.end + 60])
    return tuple(found.group(0).lower().split()) if found else None


def _word_after(text: str, fig: Figure) -> str | None:
    """The counted noun right after a count ("4.5M people", "four more deaths": death), singular, or None."""
    m = WORD_AFTER.match(text, fig.span.end)
    return m.group(1).lower().removesuffix("s") if m else None
