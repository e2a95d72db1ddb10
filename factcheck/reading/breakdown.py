"""Breakdowns: a total and its listed parts, or shares of one whole that should make 100%.

Statement(kind="breakdown", roles: total (absent for shares of a whole), parts (ids, in text order); facts:
complete (the text says the list is the whole: "split between", "made up of", a colon close after the total, "the
rest"/"others"/"the remaining" before a part, a poll's "did not know"), exclusive (each one is counted in one part
only: a count or sum against its total unless the words say the parts overlap; shares only with a sign that they
are answers to one question, vote or market shares, or a complete list), unit (the counted noun of a count
breakdown: "the 150-seat council: 80, 50 and 15 seats" counts seats), complete_by_closeness (complete only because a
word opens the parts close after the total: "£42m on housing, of which £25m ...")).

Where the parts are: in one list ("38 seats, the Social Democrats 27 and the Greens 14"), in brackets after their
names ("Lyon (1,300), Nantes (700)"), across clauses; the total before them ("Of the 1,200 workers, 700 ...",
"640 beds: 220 ...", "cut 2,400 jobs (1,300 in Lyon ..."), after them ("..., out of 80 seats in all") or in the
previous sentence ("Exports reached 4.1m tonnes. Wheat made up 2.3m tonnes, ..."); a list of one item a line after
a total and a colon; a last part in the next sentence when it is what remains ("The Farmers' League took the
remaining 3 seats"). A part may count a generic noun for its total's ("24,300 visitors. Friday drew 7,200 people, ...";
breakdown.yml: generic_nouns) or leave its noun out, each at a place ("Four will be in Gloucester, two in Stroud");
classes of a noun ("golds" of medals) are the medal reader's. The words are data:
factcheck/extract/lexicon/breakdown.yml.
"""

from __future__ import annotations

import re

from ..extract.context import CONTEXT_REACH, STOP_NOUNS, phrases
from ..extract.lexicon import load
from ..model import Figure, Statement
from .view import View

LEX = load("breakdown")
AMOUNT_KINDS = {"count", "money", "quantity"}
TAKEN = ("change", "new", "old", "total", "part")  # roles that tie a figure to another statement
MAX_PARTS = 30  # a longer list is a table, not a sentence's breakdown (and the bound keeps the reading linear)
LEAD_REACH = 200  # characters before a list that its lead (the words that say what it is) is read from
TAIL_REACH = 80  # characters after a list's last part that its last answer is read from
BACK_REACH = 8  # figures at the end of the previous sentence that can be the total a sentence breaks down
ITEM_WORDS = 12  # the most words a list item (a line of its own after a colon) has
WORDS = re.compile(r"[A-Za-z0-9][\w'’-]*")
COUNTED_NOUN = re.compile(r"^[ \u00a0]+(?:(?:more|new|other)[ \u00a0]+)?(?P<noun>[a-z]+)\b")
# ... or after at most two words that qualify it ("820 council homes", "12 gold medals"), none a verb or a particle
QUALIFIED_NOUN = re.compile(r"^[ \u00a0]+(?:(?!(?:is|are|was|were|have|has|had|will|would|of|in|on|at|to|for|and"
                            r"|or|the|a|an|its|their|who|that|which|said|say|says|by|with|from|into|as|per|than)\b)"
                            r"[a-z-]+[ \u00a0]+){1,2}(?P<noun>[a-z]+(?<![su]s)(?<!is)s)\b")  # not "bus", "crisis"
# A sentence that opens with a name and a verb before its first part ("Lyon loses 1,300"), and a name right before
# each later part (", Nantes 700 and Lille 500"): the parts of a whole counted in the sentence before.
NAMED_FIRST = re.compile(r"[\s\"“]*(?:(?:The|In)[ \u00a0]+)?(?:[A-Z][\w'’.-]*[ \u00a0]+){1,3}(?:[a-z]+[ \u00a0]+){1,2}")
NAMED_AFTER_TOTAL = re.compile(r"(?:[ \u00a0]+[a-z]+){0,6},[ \u00a0]+(?:with[ \u00a0]+)?(?:the[ \u00a0]+)?"
                               r"(?:(?:[A-Z][\w'’.-]*[ \u00a0]+){1,3}"
                               r"|with[ \u00a0]+(?:[a-z]+[ \u00a0]+)?[a-z]+s[ \u00a0]+)"
                               r"(?:[a-z]+[ \u00a0]+){1,2}")  # "..., with clinics contributing 34,000 jobs"
NAMED_NEXT = re.compile(r"^(?:[ \u00a0]+(?:[a-z]+|[A-Z]{2,}s?)){0,4}(?:,|,?[ \u00a0]+and)[ \u00a0]+"
                        r"(?:(?:the|its|their)[ \u00a0]+)?(?:(?:[A-Z][\w'’.-]*[ \u00a0]+){1,3}"
                        r"|(?:[a-z]+[ \u00a0]+)?[a-z]+s[ \u00a0]+(?:[a-z]+ing[ \u00a0]+(?:another[ \u00a0]+)?)?)$")
# "and independents 14", "and care homes adding 17,000"
# A place before each count: the first opens its sentence ("In Carrow 1,450 homes were cut off"), each later one
# follows a separator, after at most four words of the part before ("..., in Penmore 760 and in Tildon 390").
PLACE_NAME = (r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday"
              r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z][\w'’.-]*[ \u00a0]+){1,3}")
PLACED_FIRST = re.compile(rf"[\s\"“]*(?:In|At)[ \u00a0]+{PLACE_NAME}")
PLACED_NEXT = re.compile(rf"(?:[ \u00a0]+[a-z]+){{0,4}}(?:,|,?[ \u00a0]+and)[ \u00a0]+(?:in|at)[ \u00a0]+{PLACE_NAME}")
PREDICATE = re.compile(r"[ \u00a0]+(?:(?:of[ \u00a0]+them|also|now)[ \u00a0]+)?([a-z]+)\b")
TRAIT_VERBS = {"are", "were", "is", "was", "have", "had", "has", "hold", "held"}
GENERIC = set(LEX["generic_nouns"])
# an aside set off by commas between a part's name and its count: "and Sunday, when heavy rain arrived, 15,600"
ASIDE = re.compile(r",[ \u00a0\n]+(?:when|where|as|while|after|before|which|though|despite)\b[^,;:.\d]{1,80},"
                   r"(?=[ \u00a0\n]*$)")
OF_THE_NOUN = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|these|those)[ \u00a0]+(?:new[ \u00a0]+)?(?P<noun>[a-z]+s)\b")
NEW_ITEM = re.compile(r"\n[ \t]*(?:[-*+\u2022]|\d+[.)])[ \t]|\n[ \t]*\r?\n")  # a list item's or paragraph's start
RESTATED = re.compile(r"[ \u00a0]*\(")  # between a part and its own figure in brackets
CLAUSE_END = re.compile(r"[;:!?]|[.](?:\s|$)|,\s+(?:according|said|says|the\s+\w+\s+said)\b")


def _cue(words: list[str], anchor: str = "") -> re.Pattern[str]:
    """One pattern for a list of cues: punctuation as written, phrases on word boundaries; anchor "$" or "^" ties
    it to the end or start of the text searched."""
    marks = [re.escape(w) for w in words if not w[:1].isalnum()]
    named = [w for w in words if w[:1].isalnum()]
    alts = marks + ([rf"\b(?:{phrases(named)})\b"] if named else [])
    body = "|".join(alts)
    if anchor == "$":
        return re.compile(rf"(?i:(?:{body})[\s,]*$)")
    return re.compile(rf"(?i:{body})")


SEPARATOR = _cue(LEX["list_separators"])
LIST_STOP = _cue(LEX["list_stops"])
SOFT_STOP = _cue(LEX["soft_stops"])
TO_NAME = re.compile(LEX["separator_to_name"])
PART_BEFORE_TOTAL = re.compile(LEX["part_before_total"])
POLL = _cue(LEX["poll_words"])
OWN_BACK = re.compile(LEX["own_back"], re.I)
TOTAL_IN_CLAUSE = re.compile(LEX["total_in_clause"], re.I)
FURTHER = _cue(LEX["further"], "$")
SHARE_VERB = _cue(LEX["share_verbs"])
BY_DIMENSION = re.compile(LEX["by_dimension"], re.I)
NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’.-]+")
COMPLEMENTARY = [tuple(re.compile(rf"(?i:\b{re.escape(w)}\b)") for w in pair) for pair in LEX["complementary"]]
# "three phases of", "two tranches of", "three hospitals, with": a count of the parts, then its noun, up to the first
IN_SO_MANY = re.compile(r"[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?[a-z]+s\b[^\d.;]{0,25}", re.I)
LABEL_SPLIT = re.compile(r"[,;]|\band\b")
NEXT_WORDS = 3  # most words before a share that opens the next sentence and goes on a list of answers
GAPPED_WORDS = 4  # most words of the label before a share that drops its whole ("devices 35%", "and services 20%")
OWN_OF = re.compile(r"^\s*of\s+(?:the\s+)?\w+\s+(?:were|was|are|is)?\s*", re.I)  # "2% of papers were spoiled"
RANGE_BEFORE = _cue(LEX["range_before"], "$")
ALTERNATIVES = re.compile(r"(?i:\b(?:either|or)\b)")
LIST_GAP = int(LEX["list_gap"])
TOTAL_CLAUSE_START = re.compile(LEX["total_clause_start"], re.I)
OPENER = _cue(LEX["openers"])
OPENER_WORDS = int(LEX["opener_words"])
BRACKET_WORDS = int(LEX["bracket_words"])
ADDITION = _cue(LEX["addition"])
OF_WHOLE = re.compile(r"[ \u00a0]+of[ \u00a0]+[^,;:()\d]*")  # a part's own whole up to a year in it: " of the total "
CHANGE_AFTER = re.compile(rf"(?i:[ \u00a0]+(?:{phrases(LEX['change_after'])})\b)")
ELSEWHERE = re.compile(r"(?i:\belsewhere\b)")
SUM_OPENER = _cue(LEX["sum_openers"])
WON = _cue(LEX["won"])
WHOLE_SENTENCES = 4  # sentences before a result that the whole it shares ("the 60-seat chamber") is looked for in
COMPLEMENT = re.compile(LEX["complement"], re.I)
TABLE_LEAD = _cue(LEX["table_lead"])
MARKS = {":", "(", "–", "—", "-"}  # openers that are marks, not words
SHARE_PLACE = re.compile(LEX["share_place"], re.I)
OPENER_BREAK = re.compile(r"[);\n]")
TIME_PHRASE = re.compile(LEX["time_phrase"], re.I)
SET_OFF = re.compile(r"[,(:;–—-][ \u00a0]*$")
PART_OF = _cue(LEX["part_of"])
PART_OF_END = _cue(LEX["part_of"], "$")
TOTAL_LEAD = _cue(LEX["total_lead"], "$")
SUM_LEAD = _cue(LEX["sum_leads"], "$")
TOTAL_TAIL = re.compile(rf"(?i:^(?:[ \u00a0]+[a-z]+)?[ \u00a0]+(?:{phrases(LEX['total_tail'])})\b)")
TOTAL_GAP_WORDS = int(LEX["total_gap_words"])
COMPLETE_OPENER = _cue(LEX["complete_openers"])
COMPLETE_WORDS = int(LEX["complete_words"])
INCOMPLETE = _cue(LEX["incomplete"])
REMAINDER = _cue(LEX["remainder"])
CATCH_ALL = _cue(LEX["catch_all"])
ANSWERS = _cue(LEX["answers"])
ALTERNATIVE = _cue(LEX["alternative"])
EXCLUSIVE_NOUNS = _cue(LEX["exclusive_nouns"])
OVERLAP = _cue(LEX["overlap"])
# "will be used for", "Biden's own voters": the passive, and "own" after an owner, say nothing of overlap
PASSIVE_BEFORE = re.compile(r"(?i:(?:\b(?:be|been|being|is|are|was|were|their|his|her|its|our|my|your)|['’]s)"
                            r"[ \u00a0]+$)")
BY_AFTER = re.compile(r"[ \u00a0]+by\b")
TALLY = _cue(LEX["tally_nouns"])
TALLY_COUNTED = set(LEX["tally_counted"])
TALLY_DEATHS = _cue(LEX["tally_deaths"])
PART_PLACE = re.compile(LEX["part_place"])
TOTAL_LABEL = _cue(LEX["total_labels"])
LABEL = re.compile(r"^[\s;,.]*(?:[-*+•]|\d+[.)])?[ \t]*(?P<label>[^:\n\d;,.()]{1,80}):[ \t]*$")
BRACKETED = re.compile(r"\([^()]*\)")
LABEL_WORDS = int(LEX["label_words"])
ROW_MARKS = re.compile(r"[|:*•\t]|^\s*[-+]\s|\s[-–—]\s")  # a row's marks around its label: "- Yes: 61%", "| No | 21% |"
ROW_QUESTION = re.compile(LEX["row_question"], re.I)
ROW_LEAD_SENTENCES = 3  # sentences before a list of rows its lead (the question, "could give more than one") is in
# the first part's own qualifier ("consists of at least 117 people ..."): no word on the list's completeness
OWN_QUALIFIER = re.compile(r"(?i:\b(?:at least|at most|more than|fewer than|less than|about|around|some|nearly|almost|"
                           r"roughly|another|a further)\s*$)")


def read(view: View) -> list[Statement]:
    """The breakdowns of the text; their parts and totals take the roles part and total in the view."""
    out: list[Statement] = []
    n = len(view.figures)
    i = 0
    while i < n:
        found = _at(view, i)
        if found is None:
            i += 1
            continue
        statement, last = found
        out.append(statement)
        i = last + 1
    return out


def _at(view: View, i: int) -> tuple[Statement, int] | None:
    """The breakdown whose first figure (its total, or its first part) is figure i, and the last figure it holds."""
    figures, text, role = view.figures, view.text, view.role
    head = figures[i]
    if head.value is None or head.kind not in AMOUNT_KINDS | {"percent"} or head.kind == "percent" and head.unit != "%":
        return None
    noun = counted(text, head) if head.kind == "count" else None
    labelled = _labelled(view, i) or _rows(view, i)
    if labelled:
        return labelled
    # a share whose parts follow a word ("The fare rise of 4.6% is made up of 3.6% for inflation and 1% ...")
    if head.kind == "percent":
        sent = view.doc.sentence_span(head.sentence)
        parts, opener = _after_opener(view, i, text[head.span.end : min(sent.end, head.span.end + LEAD_REACH)])
        if opener is not None and COMPLETE_OPENER.fullmatch(opener.group(0)) \
                and not any(_like(view, k, head, None) for k in range(i + 1, parts[0])):
            # not "27% Reform UK, 19% the Conservatives and the rest were split between": 19% is no part of 27%
            # only a word that says the parts are the whole: "rose 5%, including 4% in Asia and 3% in Europe" gives
            # growth rates, which do not add up
            lead = text[head.span.end : figures[parts[0]].span.start]
            return _finish(view, i, parts, lead, _opener(lead), None)
    # a total before its parts: "Of the 1,200 workers, 700 ...", "640 beds: 220 ...", "the 60-seat council: ..."
    if head.kind in AMOUNT_KINDS or role[i] == "total":
        sent = view.doc.sentence_span(head.sentence)
        after = text[head.span.end : min(sent.end, head.span.end + LEAD_REACH)]
        if (placed := _shares_by_place(view, i, after)) is not None:
            return placed
        parts, opener = _after_opener(view, i, after)
        if opener is None:
            parts = _parts(view, i, i + 1, noun)
        if parts and any(figures[k].kind == head.kind and figures[k].unit == head.unit and figures[k].value is not None
                         and figures[k].value >= max(figures[j].value or 0 for j in parts)
                         for k in range(i + 1, parts[0])):
            parts = []  # "The squad of 96 athletes won 12 medals: five gold, ...": the nearer 12 is the total (not
            # "The 150-seat council is split three ways: Labour holds 80 seats": three is smaller than its parts)
        lead = text[head.span.end : figures[parts[0]].span.start] if parts else ""
        of_the = TOTAL_CLAUSE_START.search(text[max(sent.start, head.span.start - 60) : head.span.start])
        if len(parts) > 2 and figures[parts[0]].value == len(parts) - 1 and IN_SO_MANY.fullmatch(
                text, figures[parts[0]].span.end, figures[parts[1]].span.start):
            parts = parts[1:]  # "Its 1,500 staff work at two sites, 900 at Crewe and 600 at Stoke": two counts them
        before = _part_before(view, i, parts, noun) if len(parts) >= 2 else None
        named = len(parts) >= 2 and (OWN_BACK.match(text, figures[parts[0]].span.end) is not None
                                     or TOTAL_IN_CLAUSE.search(view.clause_words(i)) is not None
                                     or _named_parts(view, parts, i))
        if parts and (role[i] == "total" or of_the or opener or _in_so_many(view, i, parts) or before is not None
                      or named):
            return _finish(view, i, ([before] if before is not None else []) + parts, lead, _opener(lead), noun)
        items, lead = _items(view, i)
        if len(items) >= 2:
            return _finish(view, i, items, lead, _opener(lead), noun)
    # a list from the head, its total after it or in the previous sentence
    parts = _parts(view, i, i, noun, skip=False)
    if not parts:
        return None
    total = _total_after(view, parts[-1])
    if total is None and (sibling := _sibling_before(view, parts)) is not None:
        # "Labour won 27 seats. The Greens took 14, independents 12 and ...": 27 is one more party's, not their total
        return _finish(view, _named_whole(view, sibling), [sibling] + parts, "", None, counted(text, figures[sibling]))
    if total is None:
        total = _total_back(view, parts)
    if total is None:
        total = _total_next(view, parts)
    return _finish(view, total, parts, "", None, noun)


def _total_next(view: View, parts: list[int]) -> int | None:
    """The total of a list of named counts that the next sentence gives as their sum ("Fianna Fail returned 48 TDs,
    Fine Gael 38 and Sinn Fein 39. Between them the three parties hold 125 seats"): its first figure, like the parts
    and larger than each, after at most TOTAL_GAP_WORDS + 4 words with one of `sum_openers`; counting what the parts
    count, unless a count of as many as the parts names them ("Together they employ 9,400 people" is no sum of
    stores)."""
    figures, text = view.figures, view.text
    last = figures[parts[-1]]
    after = view.by_sentence.get(last.sentence + 1, [])
    if not after or not _named_parts(view, parts):
        return None
    named = len(after) > 1 and figures[after[0]].value == len(parts)  # "the three parties": the sum of these
    k = after[1] if named else after[0]
    lead = text[view.doc.sentence_span(last.sentence + 1).start : figures[k].span.start]
    noun = counted(text, figures[k])
    if not _like(view, k, last, None) or figures[k].value <= max(figures[j].value for j in parts) \
            or not named and (noun is None or noun != counted(text, figures[parts[0]])) \
            or len(WORDS.findall(lead)) > TOTAL_GAP_WORDS + 4 or not SUM_OPENER.search(lead):
        return None
    return k


def _sibling_before(view: View, parts: list[int]) -> int | None:
    """The first part of a list of named counts that the sentence before gives, a result like theirs ("Labour is the
    largest group with 22 seats. The Conservatives won 15, the Greens 10 and ..."): the one count there like the
    parts that counts a noun, after a verb of winning in its clause."""
    figures, text = view.figures, view.text
    first = figures[parts[0]]
    if first.sentence == 0 or not _named_parts(view, parts) \
            or any(_like(view, k, first, None) for k in view.sentence_of(parts[0]) if k < parts[0]):
        return None
    like = [k for k in view.by_sentence.get(first.sentence - 1, [])[-BACK_REACH:]
            if _like(view, k, first, None) and counted(text, figures[k]) is not None and not _taken(view, k)]
    if len(like) != 1 or not WON.search(view.clause_words(like[0])):
        return None
    return like[0]


def _named_whole(view: View, k: int) -> int | None:
    """The whole a count of a noun is one share of, named for that noun a few sentences before or in its own ("the
    60-seat chamber", "the assembly's 120 seats")): None when there is none, or more than one."""
    figures, text = view.figures, view.text
    noun = counted(text, figures[k])
    wholes = [j for j in range(k - 1, -1, -1) if figures[j].sentence >= figures[k].sentence - WHOLE_SENTENCES
              and figures[j].kind == "count" and "-" in figures[j].surface and counted(text, figures[j]) == noun
              and (figures[j].value or 0) > (figures[k].value or 0)]
    return wholes[0] if len(wholes) == 1 else None


def _shares_by_place(view: View, head: int, after: str) -> tuple[Statement, int] | None:
    """Shares of an amount listed right after it behind a bracket, colon or dash, each where a part of it is ("The
    firm's 5,400 workers (62% in manufacturing, 31% in logistics and 15% in offices)", "its 4,200 pupils are spread
    over three sites: 44% at Ashby, ..."): every one of the whole is in one place, so the shares exclude each other
    and make at most 100%, all of it when the words say the list is whole. Shares by trait ("(58% women, 49%
    graduates)") may overlap and are left alone."""
    figures, text = view.figures, view.text
    base = figures[head].span.end
    for m in OPENER.finditer(after):
        lead = after[: m.start()]
        if m.group(0).strip() not in MARKS or OPENER_BREAK.search(lead) or len(WORDS.findall(lead)) > OPENER_WORDS:
            continue
        k = next((j for j in range(head + 1, len(figures)) if figures[j].span.start >= base + m.end()), None)
        if k is None or figures[k].unit != "%" or figures[k].kind != "percent" or _taken(view, k) \
                or len(WORDS.findall(text[base + m.end() : figures[k].span.start])) > BRACKET_WORDS:
            return None
        parts = _parts(view, k, k, None, skip=False)
        places = {p.group("prep").lower() for j in parts if (p := SHARE_PLACE.match(text, figures[j].span.end))}
        if len(parts) < 2 or len(places) != 1 or not all(SHARE_PLACE.match(text, figures[j].span.end) for j in parts):
            return None
        # all of the whole only when the words say so ("split between", "over three sites:", "and 8% elsewhere")
        so_many = any(figures[j].kind == "count" and figures[j].value == len(parts) for j in range(head + 1, k))
        listed = text[figures[parts[0]].span.start : figures[parts[-1]].span.end + TAIL_REACH]
        complete = not INCOMPLETE.search(lead) and bool(so_many or COMPLETE_OPENER.search(lead)
                                                        or REMAINDER.search(listed) or ELSEWHERE.search(listed))
        for j in parts:
            view.role[j] = "part"
        return Statement.of("breakdown", {"total": None, "parts": [figures[j].id for j in parts]},
                            complete=complete, exclusive=True), parts[-1]
    return None


def _part_before(view: View, total: int, parts: list[int], noun: str | None) -> int | None:
    """A count right before a total that counts the same noun, the first of its parts: "Labour won 28 seats on the
    55-seat council, while the Conservatives took 19 seats and independents 8", "The Alliance won 58 of the
    assembly's 120 seats, the Union 44 and independents 21"."""
    figures = view.figures
    k = total - 1
    if k < 0 or noun is None or figures[k].sentence != figures[total].sentence or _taken(view, k) \
            or not _like(view, k, figures[parts[0]], noun) \
            or counted(view.text, figures[k]) not in (noun, None) or figures[k].value >= figures[total].value:
        return None
    return k if PART_BEFORE_TOTAL.fullmatch(view.text, figures[k].span.end, figures[total].span.start) else None


def _fraction_before(view: View, first: int) -> int | None:
    """A fraction word right before a list of percentages, separated from it as a list is: its first share."""
    k = first - 1
    figures = view.figures
    if k < 0 or figures[k].kind != "fraction" or figures[k].sentence != figures[first].sentence \
            or figures[k].value is None or not 0 < figures[k].value < 1 or _taken(view, k):
        return None
    gap = view.text[figures[k].span.end : figures[first].span.start]
    ok = len(gap) <= LIST_GAP and SEPARATOR.search(gap) and not LIST_STOP.search(gap) \
        and not RESTATED.fullmatch(gap)  # "Just over half (52%) support ...": the share itself, given exactly
    return k if ok else None


def _in_so_many(view: View, head: int, parts: list[int]) -> bool:
    """Between a total and its parts, a count of them with its noun and "of" ("1,240 homes will be built in three
    phases of 400, 500 and 340"): as many parts as it says."""
    figures = view.figures
    return any(figures[k].kind == "count" and figures[k].value == len(parts)
               and IN_SO_MANY.fullmatch(view.text, figures[k].span.end, figures[parts[0]].span.start)
               for k in range(head + 1, parts[0]))


def _so_many_before(view: View, total: int, parts: list[int]) -> bool:
    """The total's sentence counts what the next sentence's parts are ("58,300 visitors over three days. Friday
    drew 21,400 people, Saturday ..."): a count of a noun after the total, as many as the parts, the parts all in
    the next sentence."""
    figures = view.figures
    return figures[parts[0]].sentence == figures[total].sentence + 1 and any(
        figures[k].value == len(parts)
        and (figures[k].kind == "duration" or figures[k].kind == "count" and counted(view.text, figures[k]) is not None)
        for k in view.sentence_of(total) if k > total)  # "over three days", "at four sites"


def _finish(view: View, total: int | None, parts: list[int], lead: str, opener: re.Match | None,
            noun: str | None) -> tuple[Statement, int] | None:
    """The statement for a total (or none) and its parts, with the part the next sentence adds when it says what
    remains; None when there are too few parts or nothing to sum them against."""
    figures, text = view.figures, view.text
    if total is None and figures[parts[0]].unit == "%" and (half := _fraction_before(view, parts[0])) is not None:
        parts = [half] + parts  # "Half said yes, 38% said no and 12% did not know"
    first = figures[parts[0]]
    # "Another 21 were sent to Dublin" adds to a list of counts whose total its own sentence gives; after a total of
    # an earlier sentence, or among shares, "another" may add to a list one level up ("almost 30% concerned credit.
    # New cards 16.5%, existing credit 12%. Another 18% came from bank accounts")
    further = total is not None and figures[total].sentence == first.sentence and figures[total].kind != "percent"
    more = _remaining(view, parts[-1], figures[parts[-1]], noun, further) if total is not None or len(parts) >= 2 \
        else None
    parts = parts + ([more] if more is not None else [])
    if total is not None:
        # a whole is no smaller than any of its parts: the list ends before the first larger figure ("640p a share,
        # comprising 410p in cash and 230p in shares, valuing the brewer at £1.9bn"), and is none when that is its
        # first ("split three ways: 80 seats, ...")
        parts = parts[: next((n for n, j in enumerate(parts) if figures[j].value > figures[total].value), len(parts))]
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return None
    span = _span(view, total, parts)
    before_last = text[max(figures[parts[-2]].span.end, view.doc.sentence_span(figures[parts[-1]].sentence).start)
                       : figures[parts[-1]].span.start]
    said_whole = bool(opener) and not INCOMPLETE.search(lead) and (
        bool(COMPLETE_OPENER.search(lead)) or len(WORDS.findall(lead[: opener.start()])) <= COMPLETE_WORDS)
    list_lead = OWN_QUALIFIER.sub("", text[max(view.doc.sentence_span(first.sentence).start,
                                               first.span.start - LEAD_REACH) : first.span.start])
    rest = more is not None and total is not None and not FURTHER.search(_before(view, more, 40)) \
        or bool(COMPLEMENT.match(_clause_after(view, parts[-1])))  # "325 receive aid while 344 do not"
    told = (rest or bool(REMAINDER.search(before_last)) or _summed_to(view, total, parts)
            or (total is not None and total < parts[0] and (_in_so_many(view, total, parts)
                                                            or _so_many_before(view, total, parts)))
            or bool(CATCH_ALL.search(span)) or (bool(COMPLETE_OPENER.search(list_lead))
                                                and not INCOMPLETE.search(list_lead)))
    complete = said_whole or told
    # the words say the parts are all of it ("made up of", "the rest", a colon), not only a word close after the
    # total ("£42m ..., of which £25m ..."; fact complete_by_closeness): the total check reads a whole unit missing
    # from rounded parts as an error only in the first case
    whole_said = told or said_whole and opener is not None and (
        opener.group(0).strip() in MARKS or bool(COMPLETE_OPENER.search(lead)))
    if total is None and complete and _earlier_shares(view, parts[0]):
        complete = False  # "Half said yes. 30% said no and 20% did not know": the list is not all of the whole
    overlap = (_overlaps(span) or _traits(view, parts, span)) and not EXCLUSIVE_NOUNS.search(span)
    # "how they would vote: 38% named Labour" is exclusive all the same
    if total is None and len(_wholes_named(view, parts)) > 1:
        return None  # "86% of Trump voters and 87% of Biden voters": shares of two wholes
    if total is None:
        if figures[parts[-1]].unit != "%":
            return None  # parts with nothing to sum them against
        exclusive = not overlap and (complete or bool(ALTERNATIVE.search(span) or EXCLUSIVE_NOUNS.search(span)
                                                      or CATCH_ALL.search(span))
                                     or any(a.search(span) and b.search(span) for a, b in COMPLEMENTARY)
                                     or _named_in_poll(view, parts, span) or _gapped_shares(view, parts)
                                     or bool(BY_DIMENSION.search(span))
                                     or len({m.group(0).lower() for m in ANSWERS.finditer(span)}) >= 2)
        if not exclusive:
            return None  # "60% use Facebook, 40% use Instagram": shares that may overlap are no breakdown
    else:
        exclusive = not overlap
        view.role[total] = "total"
    for j in parts:
        view.role[j] = "part"
    statement = Statement.of("breakdown", {"total": figures[total].id if total is not None else None,
                                           "parts": [figures[j].id for j in parts]},
                             complete=complete, exclusive=exclusive, unit=noun,
                             complete_by_closeness=(complete and not whole_said) or None)
    return statement, max(parts + ([total] if total is not None else []))


def _traits(view: View, parts: list[int], span: str) -> bool:
    """Counts each with its own predicate, one of them a trait ("Of the 1,200 staff, 700 work part time and 800 are
    women"): groups by different traits may overlap; not answers to one question ("820 said yes, 610 said no")."""
    text, figures = view.text, view.figures
    if figures[parts[0]].kind != "count" or CATCH_ALL.search(span) or ANSWERS.search(span) or REMAINDER.search(span):
        return False
    verbs = []
    for j in parts:
        m = PREDICATE.match(text, figures[j].span.end)
        if m is None:
            return False
        verbs.append(m.group(1).lower())
    return len(set(verbs)) == len(verbs) and bool(set(verbs) & TRAIT_VERBS)


def _summed_to(view: View, total: int | None, parts: list[int]) -> bool:
    """A total after its parts with words that make it their sum ("Leeds took 1,200, Bradford 650 and Wakefield 500,
    bringing the total to 2,350", "...: 2,350 in all"), and no figure like them before the list, in its sentence or
    the one before, that they were added to."""
    figures = view.figures
    if total is None or total < parts[-1]:
        return False
    end = figures[total].span.end
    next_lead = view.text[view.doc.sentence_span(figures[total].sentence).start : figures[total].span.start]
    if not SUM_LEAD.search(view.text[figures[parts[-1]].span.end : figures[total].span.start]) \
            and not TOTAL_TAIL.match(view.text[end : end + 30]) \
            and not (figures[total].sentence > figures[parts[-1]].sentence and SUM_OPENER.search(next_lead)):
        return False  # "...: 2,350 in all", "... and 39. Together they hold 125 seats"
    first = figures[parts[0]]
    return not any(_like(view, k, first, None) and figures[k].sentence >= first.sentence - 1
                   for k in range(parts[0] - 1, -1, -1) if k != total)


def _gapped_shares(view: View, parts: list[int]) -> bool:
    """Shares of the whole the first one names after a verb of sharing, the others dropping it ("Cloud accounted for
    45% of revenue, devices 35% and services 20%", "Gas generated 41% of the electricity, wind 35%"): every unit of
    the whole goes to one part. Each later share has a label of a few words before it and no whole of its own."""
    figures, text = view.figures, view.text
    if not figures[parts[0]].attr("of_phrase") or not SHARE_VERB.search(view.clause_words(parts[0])):
        return False
    for a, b in zip(parts, parts[1:], strict=False):
        label = LABEL_SPLIT.split(text[figures[a].span.end : figures[b].span.start])[-1]
        if figures[b].attr("of_phrase") or len(WORDS.findall(label)) > GAPPED_WORDS:
            return False
    return True


def _named_in_poll(view: View, parts: list[int], span: str) -> bool:
    """Shares each named by a capitalised name before it, in words about a poll or a vote ("The poll of 1,000 voters
    gave Labour 41%, the Conservatives 33% and the Liberal Democrats 26%"): the shares of one vote."""
    if not POLL.search(span):
        return False
    figures, text = view.figures, view.text
    start = view.doc.sentence_span(figures[parts[0]].sentence).start
    for n, j in enumerate(parts):
        lead = text[figures[parts[n - 1]].span.end if n else max(start, figures[j].span.start - 40)
                    : figures[j].span.start]
        if not NAME.search(lead):
            return False
    return True


def _wholes_named(view: View, parts: list[int]) -> set[str]:
    """The wholes the parts' own "of ..." words name (their first three words), but a catch-all answer's ("... and
    40% against, while 2% of papers were spoiled" names the ballot's papers)."""
    return {" ".join(WORDS.findall(w.lower())[:3]) for j in parts
            if (w := view.figures[j].attr("of_phrase")) and not CATCH_ALL.match(_clause_after(view, j))}


def _overlaps(words: str) -> bool:
    """A word of `overlap` that says one may be counted in several parts ("60% use Facebook", "could name more than
    one"), not in the passive ("11 named by the councils", "the remaining 21 will be used for day surgery") nor
    after an owner ("Biden's own voters")."""
    return any(not PASSIVE_BEFORE.search(words, 0, m.start()) and not BY_AFTER.match(words, m.end())
               for m in OVERLAP.finditer(words))


def _earlier_shares(view: View, first: int) -> bool:
    """A share (a percentage or a fraction) just before a list of shares, in its sentence or the one before."""
    figures = view.figures
    sentence = figures[first].sentence
    for k in range(first - 1, max(-1, first - 1 - 2 * BACK_REACH), -1):
        fig = figures[k]
        if fig.sentence < sentence - 1:
            break
        if (fig.kind == "fraction" or fig.unit == "%") and view.role[k] not in ("change", "new", "old") \
                and not CHANGE_AFTER.match(view.text, fig.span.end):  # not "0.9 per cent more than in 2006"
            return True
    return False


def _span(view: View, total: int | None, parts: list[int]) -> str:
    """The words of a breakdown: from its lead (the sentence start, at most LEAD_REACH characters back) to the end
    of its last part's clause."""
    figures, text = view.figures, view.text
    first = figures[min(parts + ([total] if total is not None else []))]
    last = figures[parts[-1]]
    start = max(view.doc.sentence_span(first.sentence).start, first.span.start - LEAD_REACH)
    end_sent = view.doc.sentence_span(last.sentence).end
    tail = text[last.span.end : min(end_sent, last.span.end + TAIL_REACH)]
    stop = CLAUSE_END.search(tail)
    return text[start : last.span.end] + (tail[: stop.start()] if stop else tail)


def _after_opener(view: View, head: int, after: str) -> tuple[list[int], re.Match | None]:
    """The parts after an opener close after the head ("1,800 jobs (900 pilots, 600 cabin crew ...)"), from the
    first opener that two or more follow ("split three ways: 80 seats, ...": not "three" but the list after the
    colon), and that opener."""
    figures = view.figures
    base = figures[head].span.end
    k = head + 1
    noun = counted(view.text, figures[head]) if figures[head].kind == "count" else None
    for m in OPENER.finditer(after):
        if not _opens(after, m):
            break
        while k < len(figures) and figures[k].span.start < base + m.end():
            k += 1
        if k == len(figures):
            break
        between = view.text[base + m.end() : figures[k].span.start]
        if len(WORDS.findall(between)) > OPENER_WORDS or (m.group(0) == "(" and ")" in between):
            continue  # the parts follow their opener closely ("(900 pilots", not "(a career high), and 1.83 ERA")
        if ADDITION.match(between.lstrip()):
            continue  # "640 homes (along with 26 shops and 39 barns)": more besides the total, no parts of it
        # "1,800 jobs: 900 pilots, 600 cabin crew" names kinds of the whole; after a word ("houses, including 3,000
        # that were destroyed, and caused four fatalities") a part counts what the total counts
        parts = _parts(view, head, k, None if m.group(0) in ":(" else noun, skip=False)
        if len(parts) >= 2:
            return parts, m
    return [], None


def _opener(lead: str) -> re.Match | None:
    """The word or mark that ties a total to the parts after it, close enough after the total."""
    m = OPENER.search(lead)
    return m if m is not None and _opens(lead, m) else None


def _opens(lead: str, m: re.Match) -> bool:
    """The opener m is close enough after the total, with no bracket or clause closing between them (a time phrase
    between them is the total's own: "will close 1,150 branches by 2027 (620 in England, ...")."""
    before = lead[: m.start()]
    if m.group(0).lower().startswith("of ") and not SET_OFF.search(before):
        return False  # "520 of whom live in the town": a part of an earlier whole, not "900 members, of whom 520"
    words = len(WORDS.findall(TIME_PHRASE.sub(" ", before)))
    return not OPENER_BREAK.search(before) and words <= (BRACKET_WORDS if m.group(0) == "(" else OPENER_WORDS)


def _like(view: View, j: int, model: Figure, noun: str | None) -> bool:
    """Figure j can be a part (or total) of a breakdown of model's kind and unit, counting model's noun."""
    fig = view.figures[j]
    if fig.kind != model.kind or fig.unit != model.unit or fig.value is None:
        return False
    own = counted(view.text, fig) if fig.kind == "count" else None
    return not (noun and own) or kin(own, noun)


def kin(own: str | None, noun: str | None) -> bool:
    """A part counting own can be a part of a total counting noun (singular nouns, None when elided): the same noun
    or a generic one ("people", "jobs"); classes of a noun ("golds" of medals) are the medal reader's."""
    return own is None or noun is None or own == noun or own in GENERIC


def _parts(view: View, head: int, first: int, noun: str | None, skip: bool = True) -> list[int]:
    """The figures listed from figure first (the head's, or the head itself for a list from its first part): like
    the head, separated as a list is, at most MAX_PARTS + 1; a figure a total word introduces ("out of 80") ends the
    list. With skip, figures unlike the head before the first part are passed over ("split three ways: 80 ...")."""
    figures, text = view.figures, view.text
    lead = figures[head]
    parts: list[int] = []
    for j in range(first, len(figures)):
        fig = figures[j]
        current = figures[parts[-1]].sentence if parts else lead.sentence
        if (fig.sentence != current and not (parts and _answers_go_on(view, parts[-1], j))) or len(parts) > MAX_PARTS:
            break
        if not parts and fig.span.start - lead.span.end > CONTEXT_REACH:
            break
        if parts and (fig.kind == "duration" or fig.is_calendar and fig.kind != "year"
                      or fig.kind == "year" and OF_WHOLE.fullmatch(text, figures[parts[-1]].span.end, fig.span.start)):
            continue  # "48% intended to leave within five years, 27% ...", "kept 62 seats on Sunday, the opposition
            # won 39": a part's own words (a year is not: "45% of the vote in 2019, and the Conservatives 40% in 2017";
            # but in the part's own whole it is: "73% of the total 2007 figure, with charter the remaining 27%")
        taken = _taken(view, j) and not _part_of_before(view, j)
        if taken or not _like(view, j, lead, noun):
            if parts and lead.unit == "%" and fig.kind != "percent" and not taken and not fig.is_calendar:
                continue  # "58% of senior managers at the ten largest employers, and women 42%": the part's words
            if parts or not skip:
                break
            continue  # "split three ways: 80 seats, ...": a count of something else before the list
        if parts:
            gap = text[figures[parts[-1]].span.end : fig.span.start]
            stop = soft = LIST_STOP.search(gap)
            if stop and SOFT_STOP.fullmatch(stop.group(0)) and (CATCH_ALL.match(_clause_after(view, j))
                                                                or COMPLEMENT.match(_clause_after(view, j))):
                stop = None  # "58% voted for and 40% against, while 2% of papers were spoiled", "while 340 do not"
            # "19% the Conservatives and the rest were split between the Liberal Democrats on 12%": the list goes on
            reach = 2 * LIST_GAP if REMAINDER.search(gap) or fig.sentence != current else LIST_GAP
            said = SEPARATOR.search(gap) or TO_NAME.search(gap) or fig.sentence != current or soft and not stop
            if (len(gap) > reach or not said or stop
                    or _total_after_at(view, j, gap) or gap.count("(") != gap.count(")")):
                break  # "12 heads of mission (eight ambassadors and four ...)": a bracket holds a breakdown of its own
            if len(parts) == 1 and RANGE_BEFORE.search(_before(view, parts[0], 12)):
                break  # "between 10 and 12": a range, not a list
        parts.append(j)
    return parts


def _answers_go_on(view: View, last: int, j: int) -> bool:
    """Share j opens the sentence after share last's (at most NEXT_WORDS words before it: "Another 39% said ...",
    "39% said no") and that sentence ends the answers with a catch-all ("did not know", "undecided"): a poll's answers
    told over two sentences ("52% said yes. 39% said no, while 14% did not know"); not "48% were pessimistic, while
    41% were optimistic. And 47% saw ..." (another question)."""
    figures, text = view.figures, view.text
    fig = figures[j]
    if fig.unit != "%" or figures[last].unit != "%" or fig.sentence != figures[last].sentence + 1 \
            or NEW_ITEM.search(view.doc.source, view.doc.source_offset(figures[last].span.end),
                               view.doc.source_offset(fig.span.start)):
        return False  # not across list items: "- ... 17% are neutral.\n- Just over half (52%) support ..."
    start = view.doc.sentence_span(fig.sentence).start
    if any(figures[k].span.start < fig.span.start for k in view.by_sentence.get(fig.sentence, [])) \
            or len(WORDS.findall(text[start : fig.span.start])) > NEXT_WORDS:
        return False
    span = view.doc.sentence_span(fig.sentence)
    return bool(CATCH_ALL.search(text, span.start, span.end))


def _taken(view: View, j: int) -> bool:
    """Figure j belongs to another statement: a part or total of a breakdown, or a change, new or old value that a
    change reads ("won 51.2% of the vote against 44.1% for her rival": the words make 44.1% an old value, but no
    change holds it)."""
    role = view.role[j]
    return role in ("total", "part") or (role in TAKEN and j in view.partner)


def _clause_after(view: View, j: int) -> str:
    """The words right after figure j (up to TAIL_REACH characters, its clause only), without its own "of ..."."""
    fig = view.figures[j]
    tail = view.text[fig.span.end : min(view.doc.sentence_span(fig.sentence).end, fig.span.end + TAIL_REACH)]
    stop = CLAUSE_END.search(tail)
    return OWN_OF.sub(" ", tail[: stop.start()] if stop else tail).strip()


def _part_of_before(view: View, j: int) -> bool:
    """ "Wheat made up 2.3 million tonnes": a part, whatever a direction word in its lead made of it."""
    return view.role[j] == "change" and bool(PART_OF_END.search(_before(view, j, 30)))


def _before(view: View, j: int, reach: int) -> str:
    """The reach characters before figure j."""
    start = view.figures[j].span.start
    return view.text[max(0, start - reach) : start]


def _total_after_at(view: View, j: int, gap: str) -> bool:
    """Figure j, after a list and the words gap, is the list's total: "out of 80 seats", "a total of 300", "80 in
    all", "in the 300-seat parliament"."""
    words = len(WORDS.findall(gap))
    if TOTAL_LEAD.search(gap):
        return words <= TOTAL_GAP_WORDS + 4
    if words > TOTAL_GAP_WORDS:
        return False
    fig = view.figures[j]
    return view.role[j] == "total" or bool(TOTAL_TAIL.match(view.text[fig.span.end : fig.span.end + 30]))


def _total_after(view: View, last: int) -> int | None:
    """The figure right after a list's last part that is its total."""
    figures = view.figures
    k = last + 1
    while k < len(figures) and figures[k].is_calendar and figures[k].kind != "year":
        k += 1  # the last part's own date ("290 in July, bringing its total to 1,080")
    if k >= len(figures) or figures[k].sentence != figures[last].sentence:
        return None
    fig = figures[k]
    if not _like(view, k, figures[last], None):
        return None
    return k if _total_after_at(view, k, view.text[figures[last].span.end : fig.span.start]) else None


def _total_back(view: View, parts: list[int]) -> int | None:
    """The total in the previous sentence that a sentence breaks down ("Exports reached 4.1 million tonnes. Wheat made
    up 2.3 million tonnes, ...", "The increase is made up of 2.99% for ..."), or a tally the parts give by place
    ("The toll rose to 64. The floods have killed 41 in Varn and 23 in Oster"): the previous sentence has one
    figure like the parts (one of a tally)."""
    figures, text = view.figures, view.text
    first = parts[0]
    fig = figures[first]
    if fig.kind not in AMOUNT_KINDS | {"percent"} or fig.sentence == 0:
        return None
    sent = view.doc.sentence_span(fig.sentence)
    lead = text[max(sent.start, fig.span.start - LEAD_REACH) : fig.span.start]
    said = bool(PART_OF.search(lead))
    if fig.kind == "percent" and not COMPLETE_OPENER.search(lead):
        return None  # a rise of 4.99% "is made up of" 2.99% and 2%; not "Asia accounted for 4%" of another whole
    # "Parliament has 300 seats. The coalition has 171, the opposition 122 and others 17": a list closed by what is
    # left over breaks down the one counted figure like it in the sentence before
    # (three parts at least, and no digits before the first: a number the extraction passed over would be a part)
    rest = fig.kind == "count" and len(parts) >= 3 and not any(c.isdigit() for c in text[sent.start : fig.span.start]) \
        and bool(REMAINDER.search(text, figures[parts[-2]].span.end, figures[parts[-1]].span.start))
    named = not said and not rest and _named_parts(view, parts)
    of_noun = OF_THE_NOUN.match(text, fig.span.end)  # "Two of the schools will be built in ...": parts of the schools
    # "Four will be in Gloucester, two in Stroud and three in ...": a place after each part, the noun left out
    placed = fig.kind == "count" and all(PART_PLACE.match(text[figures[j].span.end : figures[j].span.end + 80])
                                         for j in parts)
    by_place = _by_place(view, parts)
    if not said and not rest and not named and not of_noun and not placed and not by_place:
        return None
    if any(figures[k].kind == fig.kind and figures[k].unit == fig.unit for k in view.sentence_of(first) if k < first):
        return None  # the sentence has its own figure of the kind before the list
    before = view.by_sentence.get(fig.sentence - 1, [])[-BACK_REACH:]
    biggest = max(figures[j].value for j in parts)
    like = [k for k in before if _like(view, k, fig, None) and figures[k].value > biggest
            and (not _taken(view, k) or figures[k].attr("role") == "total")  # the words make it a whole: "40-seat"
            and (said or (rest and counted(text, figures[k]) is not None)
                 or (of_noun is not None and _singular(of_noun.group("noun")) == counted(text, figures[k], True))
                 or (placed and counted(text, figures[k], True) is not None
                     and all(counted(text, figures[j]) in (None, counted(text, figures[k], True)) for j in parts))
                 or (named and counted(text, figures[k]) is not None
                     and kin(counted(text, fig, qualified=True), counted(text, figures[k])))
                 or ((by_place or said or rest or named) and _tally(view, k)
                     and counted(text, figures[k]) in TALLY_COUNTED | {None}))]
    return like[0] if len(like) == 1 else None


def _named_parts(view: View, parts: list[int], total: int | None = None) -> bool:
    """Counts each right after a name, the first one after a name and a verb that open its sentence ("2,400 jobs
    will go. Lyon loses 1,300, Nantes 700 and Lille 500") or a clause after the total ("2,400 jobs will go, with Lyon
    losing 1,300, ..."), the later ones bare: the places, firms or parties the counted whole is shared among."""
    text, figures = view.text, view.figures
    first = figures[parts[0]]
    if first.kind != "count" or any(counted(text, figures[j]) is not None for j in parts[1:]):
        return False
    start = view.doc.sentence_span(first.sentence).start
    if total is None and PLACED_FIRST.fullmatch(text, start, first.span.start):
        # "In Carrow 1,450 homes were cut off, in Penmore 760 and in Tildon 390": each count after its place
        return all(PLACED_NEXT.fullmatch(text, figures[a].span.end, figures[b].span.start)
                   for a, b in zip(parts, parts[1:], strict=False))
    if total is None:
        lead = NAMED_FIRST.fullmatch(text, start, first.span.start)
    else:
        lead = NAMED_AFTER_TOTAL.fullmatch(text, figures[total].span.end, first.span.start)
    if lead is None:
        return False
    return all(NAMED_NEXT.search(ASIDE.sub("", text[figures[a].span.end : figures[b].span.start]))
               for a, b in zip(parts, parts[1:], strict=False))


def _by_place(view: View, parts: list[int]) -> bool:
    """The sentence says the parts died, every part is followed closely by a place ("killed 41 people in Varn and 23
    in neighbouring Oster") and counts what a toll counts (not "30 homes in Varn")."""
    text, figures = view.text, view.figures
    said = text[view.doc.sentence_span(figures[parts[0]].sentence).start : figures[parts[-1]].span.start]
    if not TALLY_DEATHS.search(said):
        return False
    return all(PART_PLACE.match(text[figures[j].span.end : figures[j].span.end + 80])
               and counted(text, figures[j]) in TALLY_COUNTED | {None} for j in parts)


def _tally(view: View, k: int) -> bool:
    """The words of figure k's clause before it name a tally ("The death toll from the floods rose to 64")."""
    return bool(TALLY.search(view.clause_words(k)))


def _labelled(view: View, head: int) -> tuple[Statement, int] | None:
    """A list of "Label: figure" items whose first label names the total ("Total flights: 51,240", "Domestic
    flights: 12,410", "International flights: 38,830", one a line or run together in plain text): the figure right
    after each later label is a part, up to anything else. Such a list says nothing of being complete (an item may
    be a subset), and its parts exclude each other unless a label says they overlap."""
    figures, text = view.figures, view.text
    fig = figures[head]
    line = _before(view, head, 200).rsplit("\n", 1)[-1]
    first = LABEL.match(line)
    if first is None or not _short_total(first.group("label")) or view.role[head] in TAKEN:
        return None
    parts: list[int] = []
    labels: list[str] = []
    end = fig.span.end
    for k in range(head + 1, min(len(figures), head + 2 * MAX_PARTS)):
        gap = text[end : figures[k].span.start]
        if gap.count("(") > gap.count(")"):
            continue  # inside the item's bracket: "(up 3% on August 2023)"
        item = LABEL.match(BRACKETED.sub(" ", gap))
        if item is None or len(WORDS.findall(item.group("label"))) > LABEL_WORDS or _short_total(item.group("label")) \
                or not _like(view, k, fig, None) or view.role[k] in TAKEN:
            break  # a line of words ("Cargo:"), another total or a figure of another kind ends the list
        parts.append(k)
        labels.append(item.group("label"))
        end = figures[k].span.end
    if len(parts) < 2 or len(parts) > MAX_PARTS or any(figures[j].value > fig.value for j in parts):
        return None
    view.role[head] = "total"
    for j in parts:
        view.role[j] = "part"
    statement = Statement.of("breakdown", {"total": fig.id, "parts": [figures[j].id for j in parts]},
                             complete=False, exclusive=not any(_overlaps(x) for x in labels))
    return statement, parts[-1]


def _rows(view: View, head: int) -> tuple[Statement, int] | None:
    """Parts one a row, each a short label and one figure: a bullet list ("- Yes: 61%"), a Markdown table
    ("| Oppose | 36% |") or an HTML table (the label and the figure in cells of their own).

    Amounts need a row labelled as their total ("| Total | 55 |", first or last), and exclude each other unless a
    label or the lead says they overlap; the list says nothing of being complete (a row may be a subset). Percentages
    are shares of one whole when the labels say they answer one question (a catch-all answer, two answer words, the
    option that excludes the others), the lead asks the question ("How much of the time do you trust ...?") or names
    the column ("Response", "Answer"), or says they share a vote or a market; and the lead does not say an answer may
    count more than once ("could give more than one reason"); a catch-all or a remainder label makes them the whole."""
    figures = view.figures
    fig = figures[head]
    share = fig.kind == "percent" and fig.unit == "%"
    if not (share or fig.kind in AMOUNT_KINDS) or fig.value is None or view.role[head] in TAKEN:
        return None
    row = _row(view, head)
    if row is None:
        return None
    first_sentence, label = row
    total = head if not share and _short_total(label) else None
    parts, labels = ([], []) if total is not None else ([head], [label])
    last = head
    for k in range(head + 1, min(len(figures), head + MAX_PARTS + 2)):
        row = _row(view, k)
        if row is None or row[0] != figures[last].sentence + 1 or not _like(view, k, fig, None) \
                or view.role[k] in TAKEN:
            break
        if _short_total(row[1]):
            total = k if total is None and not share else total
            break
        parts.append(k)
        labels.append(row[1])
        last = k
    lead_start = view.doc.sentence_span(max(0, first_sentence - ROW_LEAD_SENTENCES)).start
    lead = view.text[max(lead_start, view.doc.sentence_span(first_sentence).start - 2 * LEAD_REACH)
                     : view.doc.sentence_span(first_sentence).start]
    said_whole = False
    if not share and total is None and len(parts) >= 2:
        total, said_whole = _lead_total(view, first_sentence, parts)
    if len(parts) < 2 or (not share and total is None):
        return None
    said = " ; ".join(labels)
    if _overlaps(lead) or _overlaps(said):
        return None
    complete = said_whole or share and bool(CATCH_ALL.search(said) or REMAINDER.search(said))
    exclusive = complete or bool(ALTERNATIVE.search(said) or EXCLUSIVE_NOUNS.search(lead + " " + said)
                                 or ROW_QUESTION.search(lead)) \
        or len({m.group(0).lower() for m in ANSWERS.finditer(said)}) >= 2
    if share and not exclusive:
        return None
    if total is not None:
        if any(figures[j].value > figures[total].value for j in parts):
            return None
        view.role[total] = "total"
    for j in parts:
        view.role[j] = "part"
    statement = Statement.of("breakdown", {"total": figures[total].id if total is not None else None,
                                           "parts": [figures[j].id for j in parts]},
                             complete=complete, exclusive=True)
    return statement, max(parts + ([total] if total is not None else []))


def _lead_total(view: View, first_sentence: int, parts: list[int]) -> tuple[int | None, bool]:
    """The total of rows of amounts with no total row, given in the sentence before them that points to them ("The
    hospital has 475 beds across its four divisions, broken down in the table below.", "... by district:"): the one
    figure like the rows and larger than each in the nearest sentence (of ROW_LEAD_SENTENCES, not counting captions
    and header cells) that has any, with a
    word of `table_lead` or a colon closing it; and whether it says the rows are all of it (a word of
    `complete_openers` and none of `incomplete`, or a count of as many as there are rows: "across its four main
    divisions")."""
    figures, text = view.figures, view.text
    s, seen = first_sentence - 1, 0
    while s >= 0 and seen < ROW_LEAD_SENTENCES:
        span, figs = view.doc.sentence_span(s), view.by_sentence.get(s, [])
        words = text[span.start : span.end].rstrip()
        like = [k for k in figs if _like(view, k, figures[parts[0]], None) and not _taken(view, k)]
        if not like:
            seen += bool(figs) or len(WORDS.findall(words)) > LABEL_WORDS  # not a caption or a header cell
            s -= 1
            continue
        big = [k for k in like if figures[k].value > max(figures[j].value for j in parts)]
        if len(big) != 1 or not (TABLE_LEAD.search(words) or words.endswith(":")):
            return None, False
        so_many = any(figures[k].kind == "count" and figures[k].value == len(parts) and k != big[0] for k in figs)
        return big[0], so_many or bool(COMPLETE_OPENER.search(words)) and not INCOMPLETE.search(words)
    return None, False


def _row(view: View, k: int) -> tuple[int, str] | None:
    """Figure k as a row of a list or table: the only figure of its sentence, with a label of a few words and no
    digits (in its own sentence, or in the sentence before, a cell of its own); the row's first sentence and label."""
    fig = view.figures[k]
    s = fig.sentence
    if view.by_sentence.get(s) != [k]:
        return None
    span = view.doc.sentence_span(s)
    label = ROW_MARKS.sub(" ", view.text[span.start : fig.span.start] + " " + view.text[fig.span.end : span.end])
    if not label.strip() and s > 0 and not view.by_sentence.get(s - 1):
        before = view.doc.sentence_span(s - 1)
        s, label = s - 1, ROW_MARKS.sub(" ", view.text[before.start : before.end])
    words = WORDS.findall(label)
    if not words or len(words) > LABEL_WORDS or any(c.isdigit() for c in label) or "\n" in label.strip():
        return None
    return s, " ".join(words)


def _short_total(label: str) -> bool:
    """A label of a few words that names a total ("Total flights", "All admissions")."""
    return len(WORDS.findall(label)) <= LABEL_WORDS and bool(TOTAL_LABEL.search(label))


def _remaining(view: View, last: int, model: Figure, noun: str | None, further: bool = False) -> int | None:
    """The first figure of the next sentence, like the parts, that the words before it call what remains ("The
    Farmers' League took the remaining 3 seats", "The rest, 12%, ...") or one more part ("Another 21 were sent to
    Dublin")."""
    figures, text = view.figures, view.text
    for k in view.by_sentence.get(figures[last].sentence + 1, [])[:BACK_REACH]:
        if not _like(view, k, model, noun) or view.role[k] in TAKEN:
            continue
        sent = view.doc.sentence_span(figures[k].sentence)
        before = text[max(sent.start, figures[k].span.start - 40) : figures[k].span.start]
        after = text[figures[k].span.end : min(sent.end, figures[k].span.end + 40)]
        if ALTERNATIVES.search(before) or ALTERNATIVES.search(after):
            return None  # "The remainder account for either nine species or more than 40"
        return k if REMAINDER.search(before) or (further and FURTHER.search(before)) else None
    return None


def _items(view: View, head: int) -> tuple[list[int], str]:
    """The parts listed one a line after a total whose sentence ends with a colon ("will spend 3.6 billion kronor
    next year:" then "hospitals: 2.1 billion kronor", ...): each line short, with one figure, like the total; and
    the words from the total to its colon."""
    figures, text = view.figures, view.text
    fig = figures[head]
    sent = view.doc.sentence_span(fig.sentence)
    end = sent.end
    while end > fig.span.end and text[end - 1].isspace():
        end -= 1
    if text[end - 1 : end] != ":" or end - fig.span.end > LEAD_REACH:
        return [], ""
    lead = text[fig.span.end : end]
    k = head + 1
    while k < len(figures) and figures[k].sentence == fig.sentence:
        if not figures[k].is_calendar:
            return [], ""  # the sentence lists its own parts
        k += 1
    if _opener(lead) is None:
        return [], ""
    noun = counted(text, fig) if fig.kind == "count" else None
    items: list[int] = []
    s = fig.sentence + 1
    while k < len(figures) and len(items) <= MAX_PARTS and s < len(view.doc.sentences):
        span = view.doc.sentence_span(s)
        if view.by_sentence.get(s, []) != [k] or len(WORDS.findall(text[span.start : span.end])) > ITEM_WORDS:
            break
        if not _like(view, k, fig, noun) or view.role[k] in TAKEN:
            break
        items.append(k)
        k, s = k + 1, s + 1
    return items, lead


def counted(text: str, fig: Figure, qualified: bool = False) -> str | None:
    """The noun a count counts, singular: "80 seats" -> seat, "the 150-seat council" -> seat; with qualified, also
    after words that qualify it ("820 council homes" -> home)."""
    if "-" in fig.surface:
        tail = fig.surface.rsplit("-", 1)[-1].lower()
        return tail if tail.isalpha() else None
    after = text[fig.span.end : fig.span.end + 40]
    m = COUNTED_NOUN.match(after)
    if not m:
        return None
    noun = m.group("noun")
    if qualified and not noun.endswith("s") and (q := QUALIFIED_NOUN.match(after)) is not None:
        noun = q.group("noun")
    if noun in STOP_NOUNS or not noun.endswith("s") or len(noun) < 3:
        return None
    return _singular(noun)


def _singular(noun: str) -> str:
    """A plural noun in the singular: schools -> school, companies -> company."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
