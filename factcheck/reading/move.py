"""A move stated twice: an amount and its percentage against the closing level ("down 48 cents, or 2.1%, at $22.90").

Statement(kind="change", roles: stated (the percentage), new (the level the move ends at), old (the level it starts
from, when the text gives it) or amount (the stated move, when it does not: the old level is the new one less the
move); facts: direction). Markets and results write "fell 48 cents, or 2.1%, to $22.90", "rose 1.2 points, or 0.8%,
to 151.3", "grew $5m, or 5%, to $105m from $100m".
"""

from __future__ import annotations

import re

from ..model import Figure, Statement

OR_PERCENT = re.compile(
    r"[ \u00a0]*(?:,?[ \u00a0]*or[ \u00a0]+(?:(?:about|around|roughly|nearly|almost|some)[ \u00a0]+)?[+]?"
    r"|\([ \u00a0]*)$"
)


def read(figures: list[Figure], text: str, changes: list[Statement]) -> list[Statement]:
    """For each change stated as an amount with its new level (change.read's statements), the percentage after
    ", or" that restates it."""
    index = {f.id: i for i, f in enumerate(figures)}
    out: list[Statement] = []
    for statement in changes:
        ids = [statement.id_of(role) for role in ("stated", "new", "old")]
        if ids[0] is None or ids[1] is None or ids[0] not in index:
            continue
        at = index[ids[0]]
        amount, new = figures[at], figures[index[ids[1]]]
        if at + 1 >= len(figures) or amount.unit == "%" or not _moves(amount, new):
            continue
        percent = figures[at + 1]
        if percent.unit != "%" or percent.value is None or percent.sentence != amount.sentence:
            continue
        if not OR_PERCENT.fullmatch(text[amount.span.end : percent.span.start]):
            continue
        roles = {"stated": percent.id, "new": new.id}
        roles.update({"old": ids[2]} if ids[2] else {"amount": amount.id})
        out.append(Statement.of("change", roles, direction=statement.fact("direction")))
    return out


def _moves(amount: Figure, new: Figure) -> bool:
    """An amount that moves this level: the same kind and unit ("48 cents" of "$22.90"), or index points of a level
    that is a bare number ("1.2 points" of "151.3")."""
    if amount.value is None or new.value is None:
        return False
    if amount.kind == new.kind and amount.unit == new.unit:
        return True
    return amount.unit == "pp" and "point" in amount.surface.lower() and new.kind == "count" and not new.unit
