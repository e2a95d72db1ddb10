"""A count split into named classes that make it up: "won 12 medals: five gold, four silver and three bronze", or into
a tally of its classes in their usual order ("a three-medal haul (0-1-2)", "finished with 15 medals, on 6-5-4"); the
classes may come later in the sentence ("a total of 88 medals, with 27 golds, ...") or in the next ("The haul was made
up of three golds, ...").

Statement(kind="breakdown", roles: total (the count of medals), parts (the counts of each class, in text order);
facts: complete (a colon or a dash after the total says the list is the whole; "including" does not), unit).
The classes come from the lexicon (reading.yml: partitions); a breakdown the general reader (reading.breakdown)
already found for the same total is left to it.
"""

from __future__ import annotations

import re

from ..extract.lexicon import load
from ..model import Statement
from .breakdown import counted
from .view import View

LEX = load("reading")
PARTITIONS: dict[str, set[str]] = {noun: set(classes) for noun, classes in LEX["partitions"].items()}
CLASS_AFTER = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+(?:the|its|their)[ \u00a0]+)?(?P<word>[a-z]+)\b", re.I)
TOTAL_AFTER = re.compile(
    r"[ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?P<noun>[a-z]+)(?:[ \u00a0]+(?:in[ \u00a0]+(?:all|total)|altogether|overall))?"
    r"(?:[ \u00a0]+(?:at|in|during|from)[ \u00a0]+(?:the[ \u00a0]+)?[a-z-]+(?:[ \u00a0]+[a-z-]+)?(?=,))?"
    r"(?P<gap>[ \u00a0]*(?:[:\u2014\u2013-]|,?[ \u00a0]*(?:including|of[ \u00a0]+which|comprising)\b))",
    re.I,
)
TALLY_LEAD = re.compile(r"[^\d.;:!?]{0,40}")  # from a total to its tally: " haul (", " medals, on "
TALLY_DASH = re.compile(r"[-–]")
PART_GAP = re.compile(r"^[ \u00a0]*(?:,|;|and|,[ \u00a0]*(?:and|while|with))[ \u00a0]*$", re.I)


def read(view: View, found: list[Statement]) -> list[Statement]:
    figures, text = view.figures, view.text
    totals = {s.id_of("total") for s in found if s.kind == "breakdown"}
    out: list[Statement] = []
    for i, fig in enumerate(figures):
        if fig.kind != "count" or fig.value is None or fig.id in totals:
            continue
        if (tally := _tally(view, i)) is not None:
            out.append(tally)
            continue
        m = TOTAL_AFTER.match(text, fig.span.end, min(len(text), fig.span.end + 60))
        noun = m.group("noun").lower() if m else counted(text, fig)
        classes = PARTITIONS.get(noun or "")
        if classes is None:
            continue
        parts = _classes(view, i, classes, m.end() if m else fig.span.end)
        if len(parts) >= 2:
            # "including four golds, three silvers and three bronzes": every class named, the list is whole
            named = {_class(figures[view.index[p]], text) for p in parts}
            gap = m.group("gap").lower() if m else ""
            complete = (bool(gap) and "includ" not in gap and "which" not in gap) \
                or (len(named) == len(parts) and named == {c.rstrip("s") for c in classes})
            out.append(Statement.of("breakdown", {"total": fig.id, "parts": parts}, complete=complete or None,
                                    unit=noun))
    return out


def _classes(view: View, i: int, classes: set[str], end: int) -> list[str]:
    """The run of counts of the classes of figure i's noun, one after each ("five golds, four silvers and six
    bronzes"), joined as a list is: right after the total's words, later in its sentence after no count of another
    thing ("a total of 88 medals, with 27 golds, ..."), or in the next sentence ("The tally was made up of ...")."""
    figures, text = view.figures, view.text
    fig = figures[i]
    parts: list[str] = []
    for k in range(i + 1, len(figures)):
        part = figures[k]
        if part.sentence > fig.sentence + 1 or part.kind != "count" and (parts or part.sentence != fig.sentence):
            break  # a date or amount of the next sentence may set its medals apart ("In 2024 it won ...")
        if part.kind != "count":
            continue  # "14 medals, its best haul since 1988, ..."
        word = CLASS_AFTER.match(text, part.span.end, min(len(text), part.span.end + 30))
        is_class = word is not None and word.group("word").lower() in classes
        if parts and (not is_class or not PART_GAP.match(text[end : part.span.start])):
            break
        if not parts and not is_class:
            if part.value is not None and counted(text, part) is not None:
                break  # a count of another thing between the total and the list: "14 medals from 30 events. ..."
            continue
        parts.append(part.id)
        end = word.end()
    return parts


def _class(part, text: str) -> str:
    """The class a part counts, in the singular: "three bronzes" -> bronze."""
    word = CLASS_AFTER.match(text, part.span.end, min(len(text), part.span.end + 30))
    return word.group("word").lower().rstrip("s") if word else ""


def _tally(view: View, i: int) -> Statement | None:
    """A count of a partitioned noun ("15 medals", "a three-medal haul") with, before its clause ends, a tally of as
    many numbers as it has classes, joined by dashes ("(6-5-4)", "on 0-1-2"): the parts of the count, all of them."""
    figures, text = view.figures, view.text
    fig = figures[i]
    noun = counted(text, fig)
    classes = PARTITIONS.get(f"{noun}s") if noun else None
    width = len({c.rstrip("s") for c in classes}) if classes else 0
    if not width or i + width >= len(figures):
        return None
    parts = figures[i + 1 : i + 1 + width]
    if any(p.kind != "count" or p.value is None or p.sentence != fig.sentence for p in parts) \
            or not TALLY_LEAD.fullmatch(text, fig.span.end, parts[0].span.start) \
            or not all(TALLY_DASH.fullmatch(text, a.span.end, b.span.start)
                       for a, b in zip(parts, parts[1:], strict=False)) \
            or TALLY_DASH.match(text, parts[-1].span.end):
        return None
    return Statement.of("breakdown", {"total": fig.id, "parts": [p.id for p in parts]}, complete=True, unit=noun)
