"""Alternations of literal phrases written as a trie: the matches of the flat alternation, longest first, for less.

A flat alternation of a few hundred phrases ("dollar|dollars|deal|...") is tried phrase by phrase at every position
of a text; the same phrases as a trie ("d(?:eal|ollars?)") are tried a character at a time. Where several phrases
match at one position they are prefixes of one another, and both forms try the longest first, so every match (and
every backtrack of the pattern around it) is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import groupby

_END = ""  # the key that marks a node where a phrase ends


def alternation(phrases: Iterable[str], fold: bool = False, space: str | None = None) -> str:
    """A regex matching any of the phrases, as "|".join of them sorted longest first would.

    fold: the pattern is used case-insensitively (phrases that differ only in ASCII case share a path); space: the
    regex each space of a phrase stands for (e.g. r"[ \\u00a0]+"), else a space matches itself.
    """
    items = list(dict.fromkeys(phrases))
    spaced = space is not None and any(c.isspace() and c != " " for p in items for c in p)  # a tab beside r"\s+"
    if items and "" not in items and not spaced:
        root: dict = {}
        for phrase in items:
            node = root
            for ch in phrase:
                node = node.setdefault(ch.lower() if fold and ch.isascii() else ch, {})
            node[_END] = {}
        if not fold or _distinct(root):
            return "|".join(_branches(root, space))
    return "|".join(sorted((re.escape(p).replace(r"\ ", space) if space else re.escape(p) for p in items), key=len,
                           reverse=True))


def _distinct(node: dict) -> bool:
    """No text character matches two children of a node case-insensitively ("ó" and "Ó"; "s" and "ſ"), which would
    make the order of the children matter: then the flat alternation is kept."""
    keys = [k for k in node if k != _END]
    for k in keys:
        if not k.isascii() and any(_folded(k).fullmatch(other) for other in keys if other != k):
            return False
    return all(_distinct(child) for child in node.values())


@cache
def _folded(ch: str) -> re.Pattern:
    return re.compile(re.escape(ch), re.I)


def _branches(node: dict, space: str | None) -> list[str]:
    """The alternatives after this node, a child each: its character, then the rest of the trie below it."""
    out = []
    for ch in sorted(k for k in node if k != _END):
        head = space if space and ch == " " else re.escape(ch)
        out.append(head + _rest(node[ch], space))
    return out


def _rest(node: dict, space: str | None) -> str:
    branches = _branches(node, space)
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        return f"(?:{body})?" if _END in node else body
    # greedy when a phrase ends here too: the longer phrases first, then the one ending here
    return f"(?:{'|'.join(branches)})" + ("?" if _END in node else "")


def factored(alternatives: Iterable[str], fold: bool = False) -> str:
    """Regex alternatives (in their order of preference) joined as "|".join would, for less: those opening with the
    same plain character are tried under it once ("a(?:bout|round)|by" for "about|by|around").

    Two plain characters that differ (under fold, the pattern being case-insensitive: differ in more than ASCII case)
    never match one text character, so at a position only one group can match, and within it the alternatives keep
    their order: every match, and every backtrack, is the same. A set where some alternative does not open with a
    plain ASCII letter or digit (a class, a quantified character, an empty alternative) is joined as it is.
    """
    items = list(alternatives)
    plain = [_plain_head(p) and _one_branch(p) for p in items]
    if len(items) < 2 or not any(plain):
        return "|".join(items)
    if not all(plain):  # each run of plain ones factored apart, in place: the others may match what they match
        runs = [list(run) for _, run in groupby(zip(plain, items, strict=True), key=lambda pair: pair[0])]
        return "|".join(factored((p for _, p in run), fold) if run[0][0] else "|".join(p for _, p in run)
                        for run in runs)
    groups: dict[str, tuple[str, list[str]]] = {}
    for p in items:
        groups.setdefault(p[0].lower() if fold else p[0], (p[0], []))[1].append(p[1:])
    out = []
    for head, rests in groups.values():
        body = factored(rests, fold)
        out.append(head + (body if len(rests) == 1 and _atomic(body) else f"(?:{body})"))
    return "|".join(out)


def _plain_head(pattern: str) -> bool:
    """The pattern opens with an ASCII letter or digit that no quantifier follows."""
    return bool(pattern) and pattern[0].isascii() and pattern[0].isalnum() and pattern[1:2] not in ("?", "*", "+", "{")


def _atomic(body: str) -> bool:
    """A body that may follow a character unbracketed: empty, or holding no top-level alternation (one rest)."""
    return "|" not in body


def _one_branch(pattern: str) -> bool:
    """The pattern holds no "|" outside brackets ("plans?", "a(?:b|c)"; not "go|went"); one with a "|" and a
    character class is taken to hold one (a "]" may stand first in a class), and so is not factored."""
    if "|" not in pattern:
        return True
    if "[" in pattern:
        return False
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return False
        i += 1
    return True
