"""Hard-wrap an article as an editor's reformatter does: paragraphs and list items refilled, structure kept.

Shared by tests/test_wrapping.py and benchmarks/wrapping.py. Markdown: front matter, headings, tables,
code, HTML and blank lines are kept as they are; a paragraph is refilled to the width; a list item is
refilled with its continuation lines indented under its text; a block quote keeps its `> ` on each line.
Plain text: each paragraph line is refilled. No line is made to start with something that would begin a
new block (`- `, `# `, `> `, `1. `; in plain text a bullet or `12.`): the word moves up to the line before,
as mdformat and prettier do, so the wrapped file says what the unwrapped one says.
"""

from __future__ import annotations

import re
import textwrap

FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
KEEP = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|\||<|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)|^[ \t]{4,}\S|^[ \t]*$")
ITEM = re.compile(r"^([ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+)(?=\S)")
QUOTE = re.compile(r"^((?:[ \t]{0,3}>[ \t]?)+)")
# What would begin a new block at the start of a line inside a paragraph: CommonMark's interrupters, and
# plain text's bullets and short list numbers (a line may start with "2004." in either).
BLOCK_START = {
    "md": re.compile(r"(?:[-*+>|=]|#{1,6}|1[.)])(?:[ \t]|$)"),
    "txt": re.compile(r"(?:[-*+•–]|\d{1,2}[.)])(?:[ \t]|$)"),
}


def fill(text: str, width: int, first: str = "", rest: str = "", fmt: str = "md") -> list[str]:
    """One paragraph's words refilled to width, first line after `first`, the others after `rest`."""
    lines = textwrap.wrap(" ".join(text.split()), width, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False)
    out: list[str] = []
    for line in lines:
        if out and BLOCK_START[fmt].match(line[len(rest):]):
            out[-1] += " " + line[len(rest):]
        else:
            out.append(line)
    return out


def wrap_markdown(source: str, width: int) -> str:
    """A Markdown article with every paragraph, list item and quote refilled to width."""
    lines = source.split("\n")
    out: list[str] = []
    i = 0
    if lines and lines[0].strip() == "---":  # front matter, as it is
        end = next((j for j in range(1, len(lines)) if lines[j].strip() in ("---", "...")), 0)
        out.extend(lines[: end + 1])
        i = end + 1
    fence: str | None = None
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if fence is not None or m:
            if m and fence is None:
                fence = m.group(1)[0] * 3
            elif m and line.strip().startswith(fence):
                fence = None
            out.append(line)
            i += 1
            continue
        if KEEP.match(line) or _setext(lines, i):
            out.append(line)
            i += 1
            continue
        quote = QUOTE.match(line)
        prefix = quote.group(1) if quote else ""
        body = line[len(prefix):]
        item = ITEM.match(body)
        first = prefix + (item.group(1) if item else "")
        rest = prefix + (" " * len(item.group(1)) if item else "")
        words = [body[len(item.group(1)):] if item else body]
        i += 1
        while i < len(lines) and not _ends_paragraph(lines, i, prefix):
            words.append(lines[i][len(prefix):] if prefix else lines[i])
            i += 1
        out.extend(fill(" ".join(words), width, first, rest))
    return "\n".join(out)


def _setext(lines: list[str], i: int) -> bool:
    underline = i + 1 < len(lines) and re.match(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", lines[i + 1])
    return bool(underline and lines[i].strip())


def _ends_paragraph(lines: list[str], i: int, prefix: str) -> bool:
    line = lines[i]
    if prefix:
        m = QUOTE.match(line)
        if not m or m.group(1) != prefix:
            return True
        line = line[len(prefix):]
    return bool(KEEP.match(line) or FENCE.match(line) or ITEM.match(line) or QUOTE.match(line) or _setext(lines, i))


def wrap_text(source: str, width: int) -> str:
    """A plain-text article with each paragraph line refilled to width (list items indented under their text)."""
    out: list[str] = []
    for line in source.split("\n"):
        if not line.strip():
            out.append(line)
            continue
        item = ITEM.match(line)
        lead = item.group(1) if item else re.match(r"[ \t]*", line).group(0)
        out.extend(fill(line[len(lead):], width, lead, " " * len(lead), "txt"))
    return "\n".join(out)


def wrap(source: str, fmt: str, width: int | None = None, crlf: bool = False) -> str:
    """The article hard-wrapped at width (None: as it is), with CRLF line ends when crlf."""
    if width:
        source = wrap_markdown(source, width) if fmt == "md" else wrap_text(source, width)
    return source.replace("\n", "\r\n") if crlf else source
