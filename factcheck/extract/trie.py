"""Alternations of literal phrases written as a trie: the matches of the flat alternation, longest first, for less.

A flat alternation of a few hundred phrases ("dollar|dollars|deal|...") is tried phrase by phrase at every position
of a text; the same phrases as a trie ("d(?:eal|ollars?)") are tried a character at a time. Where several phrases
match at one position they are prefixes of one another, and both forms try the longest first, so every match (and
every backtrack of the pattern around it) is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks a node where a phrase ends


def alternation(phrases: Iterable[str], fold: bool = False, space: str | None = None) -> str:
    """A regex matching any of the phrases, as "|".join of them sorted longest first would.

    fold: the pattern is used case-insensitively (phrases that differ only in case share a path); space: the regex
    each space of a phrase stands for (e.g. r"[ \\u00a0]+"), else a space matches itself. Phrases beyond ASCII (whose
    case folding has exceptions) keep the flat alternation.
    """
    items = list(dict.fromkeys(phrases))
    flat = sorted((re.escape(p).replace(r"\ ", space) if space else re.escape(p) for p in items), key=len,
                  reverse=True)
    if not items or not all(p.isascii() for p in items) or "" in items:
        return "|".join(flat)
    root: dict = {}
    for phrase in items:
        node = root
        for ch in phrase.lower() if fold else phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return "|".join(_branches(root, space))


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
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if _END not in node:
        return body
    return f"(?:{body})?"  # greedy: the longer phrases first, then the one ending here
