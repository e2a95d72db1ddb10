"""Apply inline switches (`<!-- factcheck: ignore-next-line | ignore FC101 | off | on -->`) to findings.

- `ignore-next-line [CODES]`: findings with a figure on the next non-blank source line.
- `ignore [CODES]`: findings with a figure in the next block (paragraph, list item run, HTML block).
- `off [CODES]` ... `on`: findings with a figure between the two (or to the end of the file).
Without CODES a switch applies to every rule; CODES are rule codes, code prefixes or names,
separated by commas or spaces.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .document import Document, switch_comments
from .model import Finding

BLANK_LINE = re.compile(r"\n[ \t]*\n")
SPACE = re.compile(r"\s*")
ACTIONS = ("ignore-next-line", "ignore", "off", "on")


@dataclass(frozen=True)
class Region:
    """Plain-text offsets [start, end) where some rules (all when codes is empty) are switched off."""

    start: int
    end: int
    codes: tuple[str, ...] = ()

    def covers(self, finding: Finding) -> bool:
        if self.codes and not any(_matches(finding, code) for code in self.codes):
            return False
        return any(self.start <= span.start < self.end for span in finding.spans)


def _matches(finding: Finding, token: str) -> bool:
    return token == finding.name or (token.upper().startswith("FC") and finding.rule.startswith(token.upper()))


def regions(doc: Document) -> tuple[list[Region], list[str]]:
    """The regions the document's switches turn off, and a note for each switch not understood.

    One pass over the switches; each finds its next line or block by bisection, never by a rescan of the text.
    """
    found: list[Region] = []
    notes: list[str] = []
    plain_at = _plain_offsets(doc)
    next_line = _next_lines(doc)
    gaps = [m.start() for m in BLANK_LINE.finditer(doc.text)]
    text_from = _text_from(doc.text)
    off_since: tuple[int, tuple[str, ...]] | None = None
    for start, end, directive in switch_comments(doc.source):
        line = doc.source_line_col(start)[0]
        words = directive.split(None, 1)
        action = words[0].lower() if words else ""
        codes = tuple(c for c in re.split(r"[\s,]+", words[1]) if c) if len(words) > 1 else ()
        if action not in ACTIONS or (action == "on" and codes):
            notes.append(f"line {line}: unknown factcheck switch {directive!r} "
                         f"(use ignore-next-line, ignore CODES, off or on)")
            continue
        bad = [c for c in codes if not re.fullmatch(r"FC\d{0,3}|[a-z][a-z0-9-]*", c, re.I)]
        if bad:
            notes.append(f"line {line}: factcheck switch names {', '.join(bad)}, which is not a rule code or name")
            continue
        after = plain_at(end)
        if action == "ignore-next-line":
            a, b = next_line(doc.source_line_col(end)[0])
            found.append(Region(plain_at(a), plain_at(b), codes))
        elif action == "ignore":
            block = text_from(after)
            i = bisect.bisect_left(gaps, block)
            found.append(Region(block, gaps[i] if i < len(gaps) else len(doc.text), codes))
        elif action == "off":
            if off_since is None:
                off_since = (after, codes)
        elif off_since is not None:  # on
            found.append(Region(off_since[0], plain_at(start), off_since[1]))
            off_since = None
    if off_since is not None:
        found.append(Region(off_since[0], len(doc.text), off_since[1]))
    return found, notes


def _text_from(text: str):
    """A function from an offset to the first non-space offset at or after it, for offsets in increasing order:
    a run of white space (a block blanked from the plain text, with many switches in it) is scanned once."""
    scanned = [0, 0]  # text[scanned[0]:scanned[1]] is white space, and text[scanned[1]] is not

    def first(offset: int) -> int:
        if not scanned[0] <= offset <= scanned[1]:
            scanned[:] = [offset, SPACE.match(text, offset).end()]
        return scanned[1]

    return first


def _next_lines(doc: Document):
    """A function from a 1-based source line to the source span of the next line after it with text on it
    (a line holding only switch comments has none); computed once, backwards, for every line."""
    starts = doc.line_starts()
    chars = list(doc.source)
    for start, end, _ in switch_comments(doc.source):  # blank the switches, so a line of switches alone is blank
        chars[start:end] = [c if c in "\r\n" else " " for c in chars[start:end]]
    text = "".join(chars)
    ends = [*starts[1:], len(text)]
    following = [(len(text), len(text))] * (len(starts) + 1)  # following[n]: first text line at 0-based n or later
    for n in range(len(starts) - 1, -1, -1):
        following[n] = (starts[n], ends[n]) if text[starts[n] : ends[n]].strip() else following[n + 1]
    return lambda line: following[line]


def _plain_offsets(doc: Document):
    """A function from a source offset to the first plain-text offset at or after it."""
    if not doc.segments:
        return lambda offset: min(offset, len(doc.text))
    sources = [src for _, src in doc.segments]
    plains = [plain for plain, _ in doc.segments]

    def plain_at(offset: int) -> int:
        i = bisect.bisect_left(sources, offset)
        if i > 0:  # inside the previous run?
            plain, src = doc.segments[i - 1]
            run_end = plains[i] if i < len(plains) else len(doc.text)
            if src + (run_end - plain) > offset:
                return plain + (offset - src)
        return plains[i] if i < len(plains) else len(doc.text)

    return plain_at


def split(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Finding], list[str]]:
    """The findings the switches leave, the ones they switch off, and notes (bad switches, how many were off)."""
    if not doc.switches:
        return findings, [], []
    found, notes = regions(doc)
    kept: list[Finding] = []
    off: list[Finding] = []
    for f in findings:
        (off if any(r.covers(f) for r in found) else kept).append(f)
    if off:
        n = len(off)
        notes.append(f"{n} finding{'s' if n != 1 else ''} switched off by inline factcheck comments")
    return kept, off, notes


def apply(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[str]]:
    """The findings the switches leave, and notes (bad switches, how many findings were switched off)."""
    kept, _, notes = split(doc, findings)
    return kept, notes


__all__ = ["apply", "split", "regions", "Region"]
