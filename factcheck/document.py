"""Load .txt, .md and .html articles into a Document: plain text mapped back to the source."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import stat
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
INPUT_WARNINGS = ("not an article", "invalid UTF-8", "no text")
SWITCH = re.compile(r"<!--\s*factcheck:\s*(.*?)\s*-->", re.S)


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

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.source)]
        self._plain_starts = [p for p, _ in self.segments]
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s.start for s in self.sentences]

    def source_offset(self, offset: int) -> int:
        """The source offset of a plain-text offset."""
        if not self.segments:
            return min(offset, len(self.source))
        i = max(0, bisect.bisect_right(self._plain_starts, offset) - 1)
        plain, src = self.segments[i]
        return min(src + (offset - plain), len(self.source))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the source file of a plain-text offset."""
        src = self.source_offset(offset)
        line = bisect.bisect_right(self._line_starts, src) - 1
        return line + 1, src - self._line_starts[line] + 1

    def source_line(self, line: int) -> str:
        """The text of a 1-based source line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

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
BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[•*\-+]|\d+[.)])\s)")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans: at terminal punctuation (not after an abbreviation), blank lines and list items."""
    cuts = {0, len(text)}
    for m in BREAK.finditer(text):
        cuts.add(m.end())
    for m in re.finditer(r"\n", text):  # a line ending in punctuation, or a short heading line, ends a sentence
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()].rstrip()
        if line and (line[-1] in ".!?:\"”" or len(line) < 90):
            cuts.add(m.end())
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


def parse_date(value: Any, where: str) -> dt.date:
    """A publication date from front matter, metadata or the command line."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str | int):  # a list or mapping is no date (and str() of an alias bomb never ends)
        raise InputError(f"{where}: not a date: a {type(value).__name__} (use YYYY-MM-DD)")
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not m:
        raise InputError(f"{where}: not a date: {text!r} (use YYYY-MM-DD)")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise InputError(f"{where}: impossible date {text!r}: {exc}") from None


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
    return Document(path=path, source=source, text=source, fmt="txt", switches=_switches(source))


def _switches(source: str) -> list[tuple[int, str]]:
    return [(source.count("\n", 0, m.start()) + 1, m.group(1)) for m in SWITCH.finditer(source)]


# --- Markdown --------------------------------------------------------------------------------

# Every open-ended run is bounded ({0,N}): unbounded, a file of a thousand unclosed "![" or "<a" rescans the rest
# of the text from each one, quadratic time that turns a 1 MB file into hours.
INLINE_NOISE = [
    re.compile(r"!\[[^\[\]]{0,1000}\]\([^()\[\]]{0,2000}\)"),  # images
    re.compile(r"\[(?=[^\[\]\n]{0,1000}\]\()"),  # the "[" of a link
    re.compile(r"`+[^`\n]{0,1000}`+"),  # inline code
    re.compile(r"\]\([^()\[\]\s]{0,2000}(?:\s+\"[^\"]{0,1000}\")?\)"),  # link targets: the "](url)" part
    re.compile(r"<https?://[^>]{1,2000}>|https?://[^\s)\]>]+|www\.[^\s)\]>]+"),  # URLs
    re.compile(r"<!--.*?-->|</?[A-Za-z][^<>\n]{0,2000}>", re.S),  # inline HTML and comments
    re.compile(r"^[ \t]{0,3}#{1,6}(?=\s)|^[ \t]*>[ \t]?", re.M),  # heading and quote markers
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M),  # list markers
    # emphasis, table rules and pipes; the table rule is possessive (`++`): "-{3,}" repeated would backtrack
    # exponentially on a long line of dashes that is not a table rule
    re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"
               r"|^[ \t]*+\|?(?:[ \t]*+:?-{3,}+:?[ \t]*+\|?)++[ \t]*$|\|", re.M),
]


def _blank(chars: list[str], start: int, end: int) -> None:
    """Replace source characters with spaces, keeping line breaks so offsets stay put."""
    for i in range(start, min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _markdown(source: str, path: str) -> Document:
    from markdown_it import MarkdownIt

    chars = list(source)
    front: dict[str, Any] = {}
    body_start = 0
    m = re.match(r"---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", source, re.S)
    if m:
        front = _front_matter(m.group(1), path)
        body_start = m.end()
        _blank(chars, 0, body_start)
    elif source.startswith("---\n") or source.startswith("---\r\n"):
        raise InputError(f"{path}:1: malformed front matter: no closing '---' line")

    # Lines as markdown-it counts them: it ends a line at "\r\n", a lone "\r" or "\n".
    breaks = [m.end() for m in re.finditer(r"\r\n?|\n", source)]
    line_starts = [0] + breaks + [len(source) + 1]
    body = source[body_start:]
    first_line = bisect.bisect_right(breaks, body_start)
    blocks = MarkdownIt("commonmark").enable("table").disable("inline")  # blocks only: inline parsing is unused
    for token in blocks.parse(body):  # (and slow: unclosed "![" make its link-label scan quadratic)
        if token.type in ("fence", "code_block", "html_block") and token.map:
            a, b = token.map[0] + first_line, token.map[1] + first_line
            last = len(line_starts) - 1
            _blank(chars, line_starts[min(a, last)], line_starts[min(b, last)] - 1)
    text = "".join(chars)
    for pattern in INLINE_NOISE:
        for hit in pattern.finditer(text):
            _blank(chars, hit.start(), hit.end())
        text = "".join(chars)
    doc = Document(path=path, source=source, text=text, fmt="md", front_matter=front, switches=_switches(source))
    for key in DATE_KEYS:
        if front.get(key):
            doc.published = parse_date(front[key], f"{path}: front matter '{key}'")
            doc.published_from = f"front matter '{key}'"
            break
    return doc


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
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "main", "blockquote", "figcaption", "figure", "pre", "dd", "dt", "hr", "title",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _TextCollector(HTMLParser):
    """Collects visible text runs with their source offsets, and publication metadata."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.runs: list[tuple[str, int, bool]] = []  # (text, source offset or -1, inside <article>/<main>)
        self.stack: list[str] = []
        self.hidden = 0
        self.article = 0
        self.meta_date: str | None = None
        self.time_date: str | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")) in ("article:published_time", "date", "pubdate"):
            self.meta_date = self.meta_date or a.get("content")
        if tag == "time" and a.get("datetime") and not self.hidden:
            self.time_date = self.time_date or a.get("datetime")
        if tag in BLOCK:
            self.runs.append(("\n\n", -1, self.article > 0))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in HIDDEN:
            self.hidden += 1
        if tag in ("article", "main"):
            self.article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag: broken HTML still yields its text
        while self.stack:
            top = self.stack.pop()
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
    """The source with each "<" that no ">" (or "<!--" that no "-->") follows replaced by LONE_LT, same length.

    html.parser rescans from each such "<" to the end of the text when it is closed: quadratic time.
    """
    last_gt = source.rfind(">")
    last_close = source.rfind("-->")
    head, tail = source[: last_gt + 1], source[last_gt + 1 :].replace("<", LONE_LT)
    if last_close >= 0 or "<!--" in head:
        cut = last_close + 3 if last_close >= 0 else 0
        head = head[:cut] + head[cut:].replace("<!--", LONE_LT + "!--")
    return head + tail


def _html(source: str, path: str) -> Document:
    parser = _TextCollector(source)
    try:
        parser.feed(_unopenable(source))
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything left is still an input problem
        raise InputError(f"{path}: cannot parse HTML: {exc}") from None
    runs = parser.runs
    if any(inside for _, _, inside in runs):
        runs = [r for r in runs if r[2]]
    parts: list[str] = []
    segments: list[tuple[int, int]] = []
    pos = 0
    for text, src, _ in runs:
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
    doc = Document(path=path, source=source, text="".join(parts), fmt="html", segments=segments,
                   switches=_switches(source))
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
