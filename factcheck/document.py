"""Load .txt, .md and .html articles into a Document: plain text mapped back to the source."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import stat
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Span

MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt", ".text"}
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES
DATE_KEYS = ("published", "date")
MAX_SIZE = 20 * 1024 * 1024  # bytes; larger files are skipped with a note (--max-size changes it, 0 means no limit)
# Notes that say an input was skipped or damaged: the command line repeats them on stderr as warnings.
INPUT_WARNINGS = ("not an article", "invalid UTF-8", "no text", "malformed front matter", "checked without a "
                  "publication date", "cannot parse HTML")
LINE_END = re.compile(r"\r\n?|\n")  # a line ends at CRLF, a lone CR or LF, as CommonMark and editors count lines
TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t\r]*$", re.M)  # a Markdown table row, bar to bar
TABLE_RULE = re.compile(r"^[\s|:-]+$")  # the rule under a Markdown table's header

# Invisible characters that may sit inside a number ("1\u200b000"): the plain text leaves them out.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")


@dataclass
class Document:
    """An article's plain text, where each character came from, and what the article says of itself."""

    path: str
    source: str
    text: str
    fmt: str = "txt"
    published: dt.date | None = None
    published_from: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    # (plain offset, source offset) at the start of each mapped run; identity when empty.
    segments: list[tuple[int, int]] = field(default_factory=list)
    # Inline switches: (source line, directive text) for each `<!-- factcheck: ... -->`.
    switches: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # An HTML source's tables: each a list of rows, each row its cells' (start, end) source offsets, left to right.
    tables: list[list[list[tuple[int, int]]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in LINE_END.finditer(self.source)]
        self._plain_starts = [p for p, _ in self.segments]
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s.start for s in self.sentences]
        self._table_rows: list[list[list[tuple[int, int]]]] | None = None
        self._segment_sources = [src for _, src in self.segments]

    def table_rows(self) -> list[list[list[tuple[int, int]]]]:
        """The tables of the source, each its rows, each row its cells' (start, end) source offsets: an HTML source's
        as its parser read them, a Markdown or plain source's rows between bars ("| North | 12,400 |"), one table
        for each run of such lines (the rule line under a header left out). Tables of one row are left out."""
        if self._table_rows is None:
            self._table_rows = self._read_table_rows()
        return self._table_rows

    def window_tables(self, start: int, end: int) -> list[list[list[tuple[int, int]]]]:
        """The tables wholly inside the plain text's [start, end), in that slice's offsets: a window of a long
        document is checked as a document of its own, whose source is the slice (engine._windowed)."""
        out = []
        for table in self.table_rows():
            rows = [[(self.plain_offset(a) - start, self.plain_offset(b) - start) for a, b in row] for row in table]
            if all(0 <= a <= b <= end - start for row in rows for a, b in row):
                out.append(rows)
        return out

    def plain_offset(self, src: int) -> int:
        """The plain-text offset of a source offset (the last plain character mapped at or before it)."""
        if not self.segments:
            return min(src, len(self.text))
        sources = self._segment_sources
        i = max(0, bisect.bisect_right(sources, src) - 1)
        plain, at = self.segments[i]
        nxt = self.segments[i + 1][0] if i + 1 < len(self.segments) else len(self.text)
        return min(plain + max(0, src - at), nxt)

    def _read_table_rows(self) -> list[list[list[tuple[int, int]]]]:
        if self.fmt == "html" or self.tables:  # an HTML source's, or a window's given it (window_tables)
            return [table for table in self.tables if len(table) >= 2]
        if "|" not in self.source:
            return []
        tables: list[list[list[tuple[int, int]]]] = []
        end = -2
        for row in TABLE_ROW.finditer(self.source):
            if self.source[end : row.start()].strip() or not tables:
                tables.append([])  # a row after other lines opens another table
            end = row.end()
            if not TABLE_RULE.match(row.group(0)):
                bars = [row.start() + m.start() for m in re.finditer(r"\|", row.group(0))]
                tables[-1].append([(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)])
        return [table for table in tables if len(table) >= 2]

    def source_offset(self, offset: int) -> int:
        """The source offset of a plain-text offset."""
        if not self.segments:
            return min(offset, len(self.source))
        i = max(0, bisect.bisect_right(self._plain_starts, offset) - 1)
        plain, src = self.segments[i]
        return min(src + (offset - plain), len(self.source))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the source file of a plain-text offset."""
        return self.source_line_col(self.source_offset(offset))

    def source_line_col(self, src: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self._line_starts, src) - 1
        return line + 1, src - self._line_starts[line] + 1

    def source_line(self, line: int) -> str:
        """The text of a 1-based source line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    def line_starts(self) -> list[int]:
        """The source offset where each line starts (after CRLF, a lone CR or LF)."""
        return self._line_starts

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_span(self, index: int) -> Span:
        return self.sentences[index] if self.sentences else Span(0, len(self.text))


# --- sentences -------------------------------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col", "capt",
    "inc", "corp", "ltd", "co", "bros", "vs", "no", "nos", "approx", "est", "fig", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e",
}
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9$£€])")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans: at terminal punctuation (not after an abbreviation or an initial) and at every line break.

    The loaders have already turned the soft breaks inside a paragraph into spaces, so a line break left in the
    plain text ends a block: a paragraph, a heading or headline, a list item, a table row.
    """
    cuts = {0, len(text)} | {m.end() for m in re.finditer("\n", text)}
    for m in SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)[.!?][\"'”’)\]]*$", text[max(0, m.start() - 12) : m.end()])
        if word and m.group(0)[0] == "." and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        if m.group(0)[0] == "." and re.search(r"\b[A-Z]$", text[max(0, m.start() - 2) : m.start()]):
            continue  # an initial: "Joe R. Smith"
        cuts.add(m.end())
    bounds = sorted(cuts)
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            spans.append(Span(a, b))
    return spans or [Span(0, len(text))]


# --- loading ---------------------------------------------------------------------------------


# The written forms of a date that front matter, metadata and --published may use, tried in turn: ISO 8601
# first (a date, or a date and time with or without an offset, through dateutil's strict ISO parser).
DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S %z", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d %B %Y", "%d %b %Y",
    "%A, %B %d, %Y", "%a, %d %b %Y %H:%M:%S %z",
)
UNDATED = ": checked without a publication date"
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]|$)")


def parse_date(value: Any, where: str) -> dt.date:
    """A publication date from front matter, metadata or the command line, in one of the common written forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 100:  # true, 2023, a list: no date (and no str() of an alias bomb)
        shown = repr(value) if isinstance(value, str | int | float | bool) else f"a {type(value).__name__}"
        raise InputError(f"{where}: not a date: {shown[:60]} (use YYYY-MM-DD)")
    text = " ".join(value.split())
    impossible = None
    if ISO_DATE.match(text):
        from dateutil.parser import isoparse

        try:
            return isoparse(text).date()
        except (ValueError, OverflowError) as exc:
            impossible = exc
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError as exc:  # "does not match format", or "day is out of range for month"
            impossible = impossible or (exc if "out of range" in str(exc) else None)
    if impossible is not None:
        raise InputError(f"{where}: impossible date {text!r}: {impossible}")
    raise InputError(f"{where}: not a date: {text!r} (use YYYY-MM-DD, or a date such as March 17, 2023)")


def take_date(doc: Document, keys: tuple[str, ...] | list[str] = DATE_KEYS) -> None:
    """The publication date from the first front matter key that holds one; a value that is no date is a note.

    A value that cannot be read (`published: true`, as Jekyll writes it, or free text) leaves the article
    undated, with a note naming it, unless a later key gives a date. Taken again with other keys (a config's
    date-keys), the date and notes of the earlier reading are replaced.
    """
    doc.notes[:] = [note for note in doc.notes if not note.endswith(UNDATED)]
    doc.published, doc.published_from = None, None
    unread: list[str] = []
    for key in keys:
        value = doc.front_matter.get(key)
        if value is None or value == "" or value is False:
            continue
        try:
            doc.published = parse_date(value, f"{doc.path}: front matter '{key}'")
        except InputError as exc:
            unread.append(f"{exc}{UNDATED}")
            continue
        doc.published_from = f"front matter '{key}'"
        return
    doc.notes.extend(unread)


def read_source(path: Path, max_size: int | None = None) -> tuple[str, list[str]]:
    """A file's text, decoded as UTF-8 (invalid bytes replaced, with a note); too large or binary files refused."""
    limit = MAX_SIZE if max_size is None else max_size
    if isinstance(path, Path):
        precheck(path, limit)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    _check_size(path, len(data), limit)
    return decode(data, str(path))


def precheck(path: Path, max_size: int | None = None) -> None:
    """Look before reading: a folder, a FIFO or device (reading would block) or a file over max_size is refused."""
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder, not an article")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not an article (not a regular file)")
    _check_size(path, st.st_size, MAX_SIZE if max_size is None else max_size)


@contextmanager
def size_limit(max_size: int | None) -> Iterator[None]:
    """Within the block, files over max_size bytes are skipped (None: keep the limit; 0: no limit)."""
    global MAX_SIZE
    old = MAX_SIZE
    MAX_SIZE = old if max_size is None else max_size
    try:
        yield
    finally:
        MAX_SIZE = old


def parse_size(text: str) -> int:
    """A size like 20MB, 500k or 1048576 (bytes); 0 means no limit."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text, re.I)
    if not m:
        raise InputError(f"--max-size: not a size: {text!r} (use bytes or 500KB, 20MB, 1GB)")
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def _check_size(path: object, size: int, limit: int) -> None:
    if limit and size > limit:
        raise InputError(f"{path}: not an article ({_mb(size)}, over the --max-size limit of {_mb(limit)})")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (or UTF-16 with a byte order mark); binary data refused; bad bytes replaced."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: not an article (binary file)")
    notes: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        notes.append(f"{where}: invalid UTF-8 at byte {exc.start}: undecodable bytes replaced")
        text = data.decode("utf-8-sig", errors="replace")
    head = text[:8192]  # text in a legacy encoding is mostly U+FFFD now, and still worth reading; control bytes not
    if head and sum(1 for c in head if c < " " and c not in "\t\n\r\f\v\x1b") > len(head) * 0.05:
        raise InputError(f"{where}: not an article (binary file)")
    return text, notes


def load(
    path: str | Path, published: str | dt.date | None = None, fmt: str | None = None, max_size: int | None = None
) -> Document:
    """Read an article file into a Document."""
    p = Path(path)
    source, notes = read_source(p, max_size)
    doc = from_text(source, fmt=fmt or format_of(p), path=str(path), published=published)
    doc.notes.extend(notes)
    return doc


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "txt"


def from_text(
    source: str, fmt: str = "txt", path: str = "<text>", published: str | dt.date | None = None
) -> Document:
    """Build a Document from source text in a given format ("txt", "md" or "html")."""
    builders = {"txt": _plain, "md": _markdown, "html": _html}
    if fmt not in builders:
        raise InputError(f"{path}: unknown article format {fmt!r}")
    doc = builders[fmt](source, path)
    if not doc.text.strip():
        doc.notes.append(f"{path}: no text to check")
    if published is not None:
        doc.published = parse_date(published, "--published")
        doc.published_from = "option"
    return doc


def _plain(source: str, path: str) -> Document:
    text = _line_ends(source)
    chars = _characters(text)
    headline = _headline_break(text)
    for m in SOFT_BREAK.finditer(text):  # a line break inside a paragraph is a space
        if m.end() != headline:
            _soft_break(chars, m.end() - 1)
    return _document(source, _joined(chars), path=path, fmt="txt")


# A text longer than this has its characters kept as _Blanked while a loader blanks them (a list takes 8 bytes
# a character: 80 MB for a 10 MB file).
LONG_TEXT = 200_000
BLANKED_RUN = re.compile(rb"\x01+")


class _Blanked:
    """A long text's characters as the loaders change them (each change makes one a space): the text, and a
    byte a character saying whether it is a space now."""

    __slots__ = ("_text", "_mask")

    def __init__(self, text: str) -> None:
        self._text, self._mask = text, bytearray(len(text))

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, i: int) -> str:
        return " " if self._mask[i] else self._text[i]

    def __setitem__(self, i: int, value: str) -> None:
        if value != " ":
            raise ValueError("a loader only ever makes a character a space")
        self._mask[i] = 1

    def joined(self, start: int = 0, end: int | None = None) -> str:
        end = len(self._text) if end is None else min(end, len(self._text))
        parts, pos = [], start
        for m in BLANKED_RUN.finditer(self._mask, start, max(start, end)):
            parts += [self._text[pos:m.start()], " " * (m.end() - m.start())]
            pos = m.end()
        parts.append(self._text[pos:end])
        return "".join(parts)


Characters = list[str] | _Blanked


def _characters(text: str) -> Characters:
    return _Blanked(text) if len(text) > LONG_TEXT else list(text)


def _joined(chars: Characters, start: int = 0, end: int | None = None) -> str:
    """The text the characters make now, or the part [start, end) of it."""
    return chars.joined(start, end) if isinstance(chars, _Blanked) else "".join(chars[start:end])


# A line break inside a plain-text paragraph: text on both sides, and the next line is no list item.
SOFT_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)(?![ \t]*(?:[-*+•–]|\d{1,2}[.)])[ \t])")
# Words that open a sentence, and are capitalised mid-sentence only when they do.
OPENERS = {"the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "there"}
RUNS_ON = {"to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as", "the", "an", "a"}


def _headline_break(text: str) -> int:
    """The offset after the line break that ends a headline right above the lead, else -1.

    A plain-text article may open with its headline on the line above the lead, no blank line between
    ("Inflation eases to 10.4%\nInflation fell..."), the headline itself wrapped or not. The headline ends at
    the first line break of the first paragraph, within 160 characters, where the line does not end in
    punctuation or on a word that runs on ("to", "the"), the next line starts with a capital letter, and that
    line's first word would have fitted on the line (wrapping at the paragraph's widest line breaks only where
    it would not) or is one that opens sentences ("The"); and only when the paragraph goes on to end as a
    sentence does (a lead).
    """
    start = LEADING_SPACE.match(text).end()
    gap = BLANK_LINE.search(text, start)
    end = gap.start() if gap else len(text)
    last = end - 1
    while last > start and text[last].isspace():
        last -= 1
    if last <= start or text[last] not in ".!?\"”’')":
        return -1
    widest = max(len(line.rstrip()) for line in text[start:end].split("\n"))
    pos = start
    while (nl := text.find("\n", pos, min(end, start + 161))) != -1:
        line = text[pos:nl].rstrip()
        if line and line[-1] in ".!?;:,":
            return -1  # the paragraph opens with a sentence: no headline
        word = CAPITAL_WORD.match(text, nl + 1)
        fits = word and (len(line) + len(word.group(1)) < widest or word.group(1).lower() in OPENERS)
        if line and line.split()[-1].lower() not in RUNS_ON and fits:
            return nl + 1
        pos = nl + 1
    return -1


LEADING_SPACE = re.compile(r"\s*")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
CAPITAL_WORD = re.compile(r"[ \t]*([\"“‘']?[A-Z]\S*)")


def _soft_break(chars: Characters, at: int) -> None:
    """The line break at `at`, and the tabs around it (a continuation line's indent), become spaces."""
    chars[at] = " "
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(chars) and chars[i] in " \t":
            chars[i] = " "
            i += step


def _line_ends(source: str) -> str:
    """The source with every line ending in LF, same length: the CR of CRLF becomes a space, a lone CR a LF."""
    return source.replace("\r\n", " \n").replace("\r", "\n")


def _document(source: str, text: str, segments: list[tuple[int, int]] | None = None, **fields: Any) -> Document:
    """A Document over plain text, with zero-width characters left out of it (so "1\u200b000" reads 1000).

    Left out, not blanked: a space would split the number. The segments map keeps every later character
    mapped to its own source offset, so lines and columns stay right.
    """
    text, segments = _without_zero_width(text, segments or [])
    return Document(source=source, text=text, segments=segments, switches=_switches(source), **fields)


def _without_zero_width(text: str, segments: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    if ZERO_WIDTH.search(text) is None:
        return text, segments
    old = segments or [(0, 0)]
    starts = [plain for plain, _ in old]
    parts: list[str] = []
    out: list[tuple[int, int]] = []
    pos = new = 0
    for m in [*ZERO_WIDTH.finditer(text), None]:
        end = m.start() if m else len(text)
        if end > pos:  # a kept run: mapped at its start and at every old segment start inside it
            i = bisect.bisect_right(starts, pos) - 1
            out.append((new, old[i][1] + pos - old[i][0]))
            while i + 1 < len(old) and old[i + 1][0] < end:
                i += 1
                out.append((new + old[i][0] - pos, old[i][1]))
            parts.append(text[pos:end])
            new += end - pos
        pos = m.end() if m else end
    return "".join(parts), out


def switch_comments(source: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, directive) of each `<!-- factcheck: ... -->` comment, in one pass over the source.

    A comment ends at the first "-->" after its "<!--" (an unclosed one ends nothing, and nothing after it is
    rescanned); the directive is what follows "factcheck:", trimmed.
    """
    pos = source.find("<!--")
    while pos != -1:
        close = source.find("-->", pos + 4)
        if close == -1:
            return
        start = source.rfind("<!--", pos, close)  # "<!-- <!-- factcheck: off -->": the last opener counts
        m = SWITCH_BODY.match(source, start + 4, close)
        if m:
            yield start, close + 3, source[m.end() : close].strip()
        pos = source.find("<!--", close + 3)


SWITCH_BODY = re.compile(r"\s*factcheck:")


def _switches(source: str) -> list[tuple[int, str]]:
    found = list(switch_comments(source))
    if not found:
        return []
    starts = [0] + [m.end() for m in LINE_END.finditer(source)]
    return [(bisect.bisect_right(starts, start), directive) for start, _, directive in found]


# --- Markdown --------------------------------------------------------------------------------

# Every open-ended run is bounded ({0,N}): unbounded, a file of a thousand unclosed "![" or "<a" rescans the rest
# of the text from each one, quadratic time that turns a 1 MB file into hours. (Comments are found by
# _blank_comments, in one pass; block markers from markdown-it's block tokens.)
INLINE_NOISE = [
    re.compile(r"!\[[^\[\]]{0,1000}\]\([^()\[\]]{0,2000}\)"),  # images
    re.compile(r"\[(?=[^\[\]\n]{0,1000}\]\()"),  # the "[" of a link
    re.compile(r"`+[^`\n]{0,1000}`+"),  # inline code
    re.compile(r"\]\([^()\[\]\s]{0,2000}(?:\s+\"[^\"]{0,1000}\")?\)"),  # link targets: the "](url)" part
    re.compile(r"<https?://[^>]{1,2000}>|https?://[^\s)\]>]+|www\.[^\s)\]>]+"),  # URLs
    re.compile(r"</?[A-Za-z][^<>\n]{0,2000}>"),  # inline HTML
    # emphasis, table rules and pipes; the table rule is possessive (`++`): "-{3,}" repeated would backtrack
    # exponentially on a long line of dashes that is not a table rule
    re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"
               r"|^[ \t]*+\|?(?:[ \t]*+:?-{3,}+:?[ \t]*+\|?)++[ \t]*$|\|", re.M),
]
# Block markers at the start of a line, blanked where markdown-it's tokens say the block starts.
QUOTE_MARKS = re.compile(r"(?:[ \t]*>[ \t]?)+")
LIST_MARK = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
ATX_MARK = re.compile(r"[ \t]*#{1,6}(?=[ \t]|$)")
FRONT_OPEN = re.compile(r"---[ \t]*\n")
FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.M)


def _blank(chars: Characters, start: int, end: int) -> None:
    """Replace source characters with spaces, keeping line breaks so offsets stay put."""
    for i in range(start, min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _blank_comments(chars: Characters, text: str) -> None:
    """Blank every closed `<!-- ... -->`, in one pass (an unclosed "<!--" is text, as CommonMark reads it)."""
    pos = text.find("<!--")
    while pos != -1:
        close = text.find("-->", pos + 4)
        if close == -1:
            return
        _blank(chars, pos, close + 3)
        pos = text.find("<!--", close + 3)


def _markdown(source: str, path: str) -> Document:
    from markdown_it import MarkdownIt

    norm = _line_ends(source)  # markdown-it, too, ends lines at CRLF, a lone CR or LF
    chars = _characters(norm)
    notes: list[str] = []
    front, body_start = _split_front_matter(norm, path, notes)
    _blank(chars, 0, body_start)
    line_starts = [0] + [m.end() for m in re.finditer("\n", norm)] + [len(norm) + 1]
    first_line = norm.count("\n", 0, body_start)
    last = len(line_starts) - 1

    def start_of(line: int) -> int:  # source offset of a body line, as markdown-it numbers them
        return line_starts[min(line + first_line, last)]

    def marks(pattern: re.Pattern[str], line: int) -> str:  # blank the marker that starts a line; the rest
        a, b = start_of(line), start_of(line + 1) - 1
        text = _joined(chars, a, b)
        m = pattern.match(text)
        if m:
            _blank(chars, a, a + m.end())
        return text

    blocks = MarkdownIt("commonmark").enable("table").disable("inline")  # blocks only: inline parsing is unused
    for token, first, end in _blocks(blocks, norm[body_start:]):  # (and slow: unclosed "![" make its link-label
        # scan quadratic)
        if token.type in ("fence", "code_block", "html_block"):
            _blank(chars, start_of(first), start_of(end) - 1)
        elif token.type == "blockquote_open":
            for line in range(first, end):
                marks(QUOTE_MARKS, line)
        elif token.type == "list_item_open":
            marks(LIST_MARK, first)
        elif token.type == "heading_open" and token.markup.startswith("#"):
            heading = marks(ATX_MARK, first).rstrip(" \t")  # and the closing "#"s of "# Title ##"
            hashes = len(heading) - len(heading.rstrip("#"))
            if hashes and heading[:-hashes].endswith((" ", "\t")):
                at = start_of(first) + len(heading)
                _blank(chars, at - hashes, at)
        elif token.type == "heading_open":  # setext: the underline
            _blank(chars, start_of(end - 1), start_of(end) - 1)
        elif token.type == "paragraph_open":  # soft breaks: a line break inside a paragraph is a space
            for line in range(first + 1, end):
                at = start_of(line) - 1
                if at and chars[at - 1] == "\\":  # a hard break's backslash
                    chars[at - 1] = " "
                _soft_break(chars, at)
    text = _joined(chars)
    _blank_comments(chars, text)
    for pattern in INLINE_NOISE:
        text = _joined(chars)
        for hit in pattern.finditer(text):
            _blank(chars, hit.start(), hit.end())
    del text, norm  # a long text's copies go before its plain text is made
    doc = _document(source, _joined(chars), path=path, fmt="md", front_matter=front)
    doc.notes.extend(notes)
    take_date(doc)
    return doc


# A Markdown body longer than this is parsed a run of blocks at a time: markdown-it's tokens for a whole 10 MB
# table would take hundreds of MB. Runs are cut only at a blank line before an unindented line (not a quote).
MD_CHUNK = 200_000
MD_CUT = re.compile(r"\n[ \t]*\n(?=[^\s>])")


def _blocks(md: Any, body: str) -> Iterator[tuple[Any, int, int]]:
    """Each block token with a line map, and its first and end line in the body, a run of blocks at a time.

    A run whose fence or HTML block reaches its end (it may go on past the cut) is parsed again with the next run.
    """
    start = line = 0
    while start < len(body):
        end = _md_cut(body, start + MD_CHUNK)
        while True:
            piece = body[start:end]
            tokens = [t for t in md.parse(piece) if t.map]
            lines = piece.count("\n")
            if end == len(body) or not any(t.map[1] >= lines - 1 and t.type in ("fence", "html_block") for t in tokens):
                break
            end = _md_cut(body, end + 1)
        for token in tokens:
            yield token, token.map[0] + line, token.map[1] + line
        start, line = end, line + lines


def _md_cut(body: str, at: int) -> int:
    """The start of the first unindented line after a blank line at or after `at` (the body's end if none)."""
    if at >= len(body):
        return len(body)
    m = MD_CUT.search(body, max(0, at - 1))
    return m.end() if m else len(body)


def _split_front_matter(norm: str, path: str, notes: list[str]) -> tuple[dict[str, Any], int]:
    """The front matter's keys and where the body starts; a block that cannot be read is a note, not a stop."""
    opening = FRONT_OPEN.match(norm)
    if not opening:
        return {}, 0
    closing = FRONT_CLOSE.search(norm, opening.end())
    if not closing:
        notes.append(f"{path}:1: malformed front matter: no closing '---' line (read as text, without a date)")
        return {}, 0
    try:
        return _front_matter(norm[opening.end() : closing.start()], path), closing.end()
    except InputError as exc:
        notes.append(f"{exc} (checked without a date)")
        return {}, closing.end()


def _bad_value_line(block: str) -> int:
    """The 1-based line of the first impossible YYYY-MM-DD in a block (1 when there is none)."""
    for number, line in enumerate(block.splitlines(), 1):
        for m in re.finditer(r"\b(\d{4})-(\d\d?)-(\d\d?)", line):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError:
                return number
    return 1


def _front_matter(block: str, path: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(f"{path}:{line}: malformed front matter: {problem}") from None
    except (ValueError, OverflowError) as exc:  # YAML reads 2023-02-30 as a date, and the calendar refuses it
        raise InputError(f"{path}:{_bad_value_line(block) + 1}: malformed front matter: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}:2: malformed front matter: nested too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:2: malformed front matter: expected 'key: value' lines")
    return data


# --- HTML ------------------------------------------------------------------------------------

HIDDEN = {
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "svg", "button",
}
BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "main", "blockquote", "figcaption", "figure", "pre", "dd", "dt", "hr", "title",
}
CELL = {"td", "th"}  # a table row is one line of the plain text, its cells apart, as a Markdown table row is
CELL_GAP = "   "
PROSE_CELL = 300  # characters: a cell longer than this is prose, and its table a page's layout, not a table of data
PROSE_BLOCKS = 80  # characters: ... and so is a shorter one in blocks of its own (paragraphs), not "12<br>(2024)"
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _TextCollector(HTMLParser):
    """Collects visible text runs with their source offsets, and publication metadata."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.runs: list[tuple[str, int, bool]] = []  # (text, source offset or -1, inside <article>/<main>)
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()  # how many of each tag the stack holds: "is it open?" in O(1)
        self.hidden = 0
        self.article = 0
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.tables: list[list[list[tuple[int, int]]]] = []  # every table read, in the order it opened
        self.gaps: list[list[int]] = []  # for each table, the runs that stand between its cells
        self.layout: list[bool] = []  # for each table, whether a cell holds prose (a page laid out in a table)
        self.open_tables: list[int] = []  # the tables open now, innermost last
        self.cell: int | None = None  # the source offset where the open cell's text starts
        self.cell_run = 0  # the index of the open cell's first run

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")) in ("article:published_time", "date", "pubdate"):
            self.meta_date = self.meta_date or a.get("content")
        if tag == "time" and a.get("datetime") and not self.hidden:
            self.time_date = self.time_date or a.get("datetime")
        if not self.hidden:
            self._table_start(tag)  # before the block break of a row or table: the open cell ends there
        if tag in BLOCK:
            self.runs.append(("\n\n", -1, self.article > 0))
        if tag in VOID:
            return
        self.stack.append(tag)
        self.open[tag] += 1
        if tag in HIDDEN:
            self.hidden += 1
        if tag in ("article", "main"):
            self.article += 1

    def _table_start(self, tag: str) -> None:
        """A table, row or cell opening: rows and cells are kept by their source offsets (a cell's text begins after
        its start tag); an open cell ends where the next cell, row or table begins, since HTML may leave out </td>."""
        if tag == "table":
            self._close_cell()
            self.open_tables.append(len(self.tables))
            self.tables.append([])
            self.gaps.append([])
            self.layout.append(False)
        elif tag == "tr" and self.open_tables:
            self._close_cell()
            self.tables[self.open_tables[-1]].append([])
        elif tag in CELL and self.open_tables:
            self._close_cell()
            table = self.open_tables[-1]
            if not self.tables[table]:
                self.tables[table].append([])  # a cell with no <tr> before it opens a row
            self.cell = self._offset() + len(self.get_starttag_text() or "")
            self.gaps[table].append(len(self.runs))
            self.runs.append((CELL_GAP, -1, self.article > 0))
            self.cell_run = len(self.runs)

    def _close_cell(self) -> None:
        if self.cell is not None and self.open_tables:
            table = self.open_tables[-1]
            if self.tables[table]:
                self.tables[table][-1].append((self.cell, max(self.cell, self._offset())))
            inside = self.runs[self.cell_run :]
            size = sum(len(t) for t, src, _ in inside if src >= 0)
            if size > PROSE_CELL or (size > PROSE_BLOCKS and any(src < 0 for _, src, _ in inside)):
                self.layout[table] = True  # paragraphs or a long text in a cell: the table lays out a page
        self.cell = None

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # a stray end tag: broken HTML still yields its text
        if tag in CELL or tag == "tr" or tag == "table":
            self._close_cell()
            if tag == "table" and self.open_tables:
                self.open_tables.pop()
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in HIDDEN:
                self.hidden -= 1
            if top in ("article", "main"):
                self.article -= 1
            if top == tag:
                break
        if tag in BLOCK:
            self.runs.append(("\n\n", -1, self.article > 0))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.runs.append((data, self._offset(), self.article > 0))

    def handle_entityref(self, name: str) -> None:
        from html import unescape

        self.handle_data_char(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        from html import unescape

        self.handle_data_char(unescape(f"&#{name};"))

    def handle_data_char(self, char: str) -> None:
        if not self.hidden:
            self.runs.append((char, self._offset(), self.article > 0))


LONE_LT = "\ue000"  # stands in for a "<" that can open nothing


def _unopenable(source: str) -> str:
    """The source with each "<" that no ">" follows (a "<!--" that no "-->" follows, a "<![" that no "]>" follows)
    replaced by LONE_LT, same length.

    html.parser rescans from each such "<" to the end of the text when it is closed: quadratic time.
    """
    last_gt = source.rfind(">")
    head, tail = source[: last_gt + 1], source[last_gt + 1 :].replace("<", LONE_LT)
    for opener, closer in (("<!--", re.compile("-->")), ("<![", SECTION_CLOSE)):
        if opener in head:
            cut = max((m.end() for m in closer.finditer(head)), default=0)
            head = head[:cut] + head[cut:].replace(opener, LONE_LT + opener[1:])
    return head + tail


SECTION_CLOSE = re.compile(r"\][ \t\r\n\f]*>")  # how html.parser ends "<![CDATA[ ... ]]>" and "<![if ...]>"


def _parse_html(source: str, path: str) -> tuple[_TextCollector, list[str]]:
    """The collected text of the source; a construct html.parser rejects is a note, and the rest is still read.

    html.parser raises on a few declarations ("<![foo]>": an AssertionError); the second reading takes every
    "<![" as text, and should that fail too, the text read up to the failure is what the file has.
    """
    norm = _line_ends(source)  # html.parser counts lines at LF only
    notes: list[str] = []
    for attempt in (norm, norm.replace("<![", LONE_LT + "![")):
        parser = _TextCollector(attempt)
        try:
            parser.feed(_unopenable(attempt))
            parser.close()
            return parser, notes
        except Exception as exc:  # noqa: BLE001 - any failure of the parser is this file's problem, not the run's
            line = parser.getpos()[0]
            if not notes:
                notes.append(f"{path}:{line}: cannot parse HTML ({type(exc).__name__}: {exc}); read on as text")
    return parser, notes


def _html(source: str, path: str) -> Document:
    parser, notes = _parse_html(source, path)
    runs = parser.runs
    for table, gaps in enumerate(parser.gaps):
        if parser.layout[table]:
            for at in gaps:  # a page laid out in a table: each cell a block of its own, as before it was read so
                runs[at] = ("\n\n", -1, runs[at][2])
    if any(inside for _, _, inside in runs):
        runs = [r for r in runs if r[2]]
    parts: list[str] = []
    segments: list[tuple[int, int]] = []
    pos = 0
    for text, src, _ in runs:
        if src < 0 and text == CELL_GAP:  # the gap before a table cell
            segments.append((pos, _last_src(segments, pos)))
            parts.append(text)
            pos += len(text)
            continue
        if src < 0:  # a block break: collapse repeats
            if parts and not parts[-1].endswith("\n\n"):
                parts.append("\n\n")
                segments.append((pos, _last_src(segments, pos)))
                pos += 2
            continue
        text = re.sub(r"[\xa0\r\n\t]", " ", text).replace(LONE_LT, "<")  # same length: offsets stay mapped
        segments.append((pos, src))
        parts.append(text)
        pos += len(text)
    doc = _document(source, "".join(parts), segments, path=path, fmt="html")
    doc.notes.extend(notes)
    doc.tables = [[row for row in table if row] for table, layout in zip(parser.tables, parser.layout, strict=True)
                  if not layout]
    for value, origin in ((parser.meta_date, "article:published_time"), (parser.time_date, "<time datetime>")):
        if value:
            try:
                doc.published = parse_date(value, f"{path}: {origin}")
                doc.published_from = origin
                break
            except InputError as exc:
                doc.notes.append(str(exc))
    return doc


def _last_src(segments: list[tuple[int, int]], pos: int) -> int:
    if not segments:
        return 0
    plain, src = segments[-1]
    return src + (pos - plain)
