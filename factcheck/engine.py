"""Run the rules over documents: extraction, every check, findings sorted, one report per file."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import document, switches
from .checks import KINDS, CheckContext, Hit
from .config import Config, apply_date_keys
from .errors import FactcheckError, InputError
from .model import SEVERITY_RANK, Figure, FileReport, Finding, Packed, Report, Rule, Span, Statement, replaced

NUMERIC_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    from .rules import load_rules

    return tuple(load_rules())


def default_rules() -> list[Rule]:
    """The built-in rule packs, loaded once."""
    return list(_builtin_rules())


# A document whose plain text is longer than WHOLE_UP_TO characters (an archive dump, a table or a wire feed
# pasted into one file) is checked in windows of about WINDOW characters, cut at paragraph (else line) breaks;
# each window also reads REACH characters of its neighbours, so statements across a few sentences still pair.
WHOLE_UP_TO = 200_000
WINDOW = 100_000
REACH = 4_000


# The cyclic collector's thresholds while a document is checked: the check makes and drops objects by the hundred
# thousand (matches, figures, strings), nearly all freed by their counts, and at the default (700) the collector
# walks the young ones thousands of times a file for nothing (a tenth of a dense file's time).
COLLECT_EVERY = (10_000, 10, 10)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*COLLECT_EVERY)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def check_document(doc: document.Document, rules: list[Rule], rates: str | None = None) -> FileReport:
    """Extract a document's figures, read the statements they make, and run every rule over them (rates: an ECB
    history file, else the installed one); a long document is checked in windows (its figures kept Packed)."""
    with _fewer_collections():
        return _check_document(doc, rules, rates)


def _check_document(doc: document.Document, rules: list[Rule], rates: str | None) -> FileReport:
    if rates is not None:
        from .rates import load

        load(rates)  # a missing or invalid file is an InputError before any check runs
    notes = list(doc.notes)
    if doc.published is None:
        notes.append("no publication date: checks against it were skipped (give --published or front matter)")
    if len(doc.text) > WHOLE_UP_TO:
        figures, statements, found, checked, check_notes, tokens, covered = _windowed(doc, rules, rates)
    else:
        part = _check_part(doc, rules, rates)
        figures, statements, found, checked, check_notes = tuple(part.figures), part.statements, *part.results
        spans = [m.span() for m in NUMERIC_TOKEN.finditer(doc.text)]
        tokens, covered = len(spans), _covered(spans, figures)
    notes.extend(check_notes)
    findings, off, switch_notes = switches.split(doc, _dedupe(found))  # inline <!-- factcheck: ... -->
    notes.extend(switch_notes)
    findings.sort(key=lambda f: (f.span.start, f.rule))
    return FileReport(
        path=doc.path,
        published=doc.published.isoformat() if doc.published else None,
        figures=figures,
        findings=tuple(findings),
        suppressed=tuple(sorted(off, key=lambda f: (f.span.start, f.rule))),
        checked=frozenset(checked),
        statements=statements,
        numeric_tokens=tokens,
        covered_tokens=covered,
        notes=tuple(notes),
        document=doc,
    )


@dataclass
class _Part:
    """One document's (or one window's) figures, statements, findings, checked figure ids and check notes."""

    figures: list[Figure]
    statements: tuple[Statement, ...]
    findings: list[Finding]
    checked: set[str]
    notes: list[str]

    @property
    def results(self) -> tuple[list[Finding], set[str], list[str]]:
        return self.findings, self.checked, self.notes


def _check_part(doc: document.Document, rules: list[Rule], rates: str | None) -> _Part:
    from .extract import extract
    from .reading import read

    figures = extract(doc)
    statements = read(doc, figures)
    ctx = CheckContext(doc=doc, figures=figures, published=doc.published, rates=rates, statements=statements)
    findings = [_finding(rule, hit) for rule in rules for hit in KINDS[rule.check].run(rule, ctx)]
    return _Part(figures, statements, findings, ctx.checked, ctx.notes)


def windows(text: str) -> list[tuple[int, int, int, int]]:
    """(core start, core end, read start, read end) of each window of a long text: the cores tile the text,
    cut at whitespace (a paragraph break if one is near, else a line break); each reads REACH more each side."""
    cuts = [0]
    while len(text) - cuts[-1] > WINDOW * 3 // 2:
        cuts.append(_cut(text, cuts[-1] + WINDOW // 2, cuts[-1] + WINDOW))
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        start = 0 if a == 0 else _cut(text, max(0, a - REACH * 2), max(0, a - REACH))
        end = len(text) if b == len(text) else _cut(text, b + REACH, min(len(text), b + REACH * 2))
        out.append((a, b, start, end))
    return out


def _cut(text: str, low: int, high: int) -> int:
    """The offset just after the last paragraph break in [low, high), else line break, else space, else high."""
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, low, high)
        if at >= 0:
            return at + len(mark)
    return high


def _windowed(doc: document.Document, rules: list[Rule], rates: str | None) -> tuple:
    """Check a long document window by window; what a window finds is kept when its first figure lies in the
    window's core, with the window's figure ids made the document's (F1, F2, ... in text order)."""
    from .extract.spans import SpanIndex

    figures, statements = Packed(), Packed()
    findings: list[Finding] = []
    checked: set[str] = set()
    notes: list[str] = []
    named: dict[tuple[int, int], str] = {}  # document span -> id, for the figures of the last three windows' cores
    recent: deque[list[tuple[int, int]]] = deque()
    waiting: _Window | None = None
    tokens = covered = count = 0
    previous: list[Figure] = []
    for a, b, start, end in windows(doc.text):
        piece = doc.text[start:end]
        part = _check_part(document.Document(path=doc.path, source=piece, text=piece, fmt=doc.fmt,
                                             published=doc.published, published_from=doc.published_from,
                                             front_matter=doc.front_matter,
                                             tables=doc.window_tables(start, end)), rules, rates)
        window = _Window(part, start, a, b)
        for span in window.core_spans:
            count += 1
            named[span] = f"F{count}"
        recent.append(window.core_spans)
        if waiting is not None:
            waiting.emit(doc, named, figures, statements, findings, checked)
        if len(recent) > 3:
            for span in recent.popleft():
                named.pop(span, None)
        waiting = window
        notes.extend(n for n in part.notes if n not in notes)
        core = [f for f in part.figures if window.in_core(f.span.start)]
        index = SpanIndex((f.span.start + start, f.span.end + start) for f in (*previous, *core))
        for m in NUMERIC_TOKEN.finditer(doc.text, a, b):
            tokens += 1
            covered += index.covers(*m.span())
        previous = [replaced(f, span=Span(f.span.start - b + start, f.span.end - b + start)) for f in core
                    if f.span.end + start > b]  # a figure running on into the next core, in its offsets
    if waiting is not None:
        waiting.emit(doc, named, figures, statements, findings, checked)
    return figures, statements, findings, checked, notes, tokens, covered


class _Window:
    """One window's part, with its offsets, until the next window has named the figures it reads into."""

    def __init__(self, part: _Part, start: int, a: int, b: int) -> None:
        self.part, self.start, self.a, self.b = part, start, a, b
        self.spans = {f.id: (f.span.start + start, f.span.end + start) for f in part.figures}
        self.core_spans = [span for span in self.spans.values() if a <= span[0] < b]

    def in_core(self, offset: int) -> bool:
        return self.a <= offset + self.start < self.b

    def _first_in_core(self, ids: Iterable[str]) -> bool:
        starts = [self.spans[i][0] for i in ids if i in self.spans]
        return bool(starts) and self.a <= min(starts) < self.b

    def emit(self, doc: document.Document, named: dict[tuple[int, int], str], figures: Packed, statements: Packed,
             findings: list[Finding], checked: set[str]) -> None:
        """Add this window's core figures, and what its checks found starting in its core, in document ids."""
        def name(fid: str) -> str | None:
            span = self.spans.get(fid)
            return named.get(span) if span else None

        shift = self.start
        kept = []
        for fig in self.part.figures:
            if not self.a <= fig.span.start + shift < self.b:
                continue
            attrs = fig.attrs if fig.attr("link") is None else tuple(
                (k, name(v) if k == "link" else v) for k, v in fig.attrs if k != "link" or name(v))
            kept.append(replaced(fig, id=name(fig.id), span=Span(fig.span.start + shift, fig.span.end + shift),
                                sentence=doc.sentence_index(fig.span.start + shift), attrs=attrs))
        figures.extend(kept)
        renamed = (_renamed(s, name) for s in self.part.statements if self._first_in_core(s.figure_ids))
        statements.extend(s for s in renamed if s is not None)
        for found in self.part.findings:
            alone = not found.figures and found.spans and self.a <= found.span.start + shift < self.b
            if alone or self._first_in_core(found.figures):
                ids = tuple(n for n in map(name, found.figures) if n)
                spans = tuple(Span(s.start + shift, s.end + shift) for s in found.spans)
                findings.append(replaced(found, figures=ids, spans=spans))
        checked.update(n for n in map(name, self.part.checked) if n)
        self.part = _Part([], (), [], set(), [])


def _renamed(statement: Statement, name: Callable[[str], str | None]) -> Statement | None:
    """A window's statement in document ids; None when a figure it names was not kept under the same span."""
    roles = []
    for role, value in statement.roles:
        ids = [name(v) for v in ((value,) if isinstance(value, str) else value)]
        if not all(ids):
            return None
        roles.append((role, ids[0] if isinstance(value, str) else tuple(ids)))
    return replaced(statement, roles=tuple(roles))


def _covered(tokens: list[tuple[int, int]], figures: Iterable[Figure]) -> int:
    """How many numeric tokens lie inside some figure's span (a bisect per token, not a scan of every figure)."""
    from .extract.spans import SpanIndex

    index = SpanIndex((f.span.start, f.span.end) for f in figures)
    return sum(1 for a, b in tokens if index.covers(a, b))


def _finding(rule: Rule, hit: Hit) -> Finding:
    severity = rule.severity
    if hit.severity and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity]:
        severity = hit.severity  # a check may only soften: "consistent only through rounding"
    try:
        message = rule.message.format(**hit.args)
    except (KeyError, IndexError, ValueError) as exc:
        message = f"{rule.message} [message field {exc} not given by the check]"
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=severity,
        message=message,
        spans=tuple(f.span for f in hit.figures),
        figures=tuple(f.id for f in hit.figures),
        evidence=hit.evidence,
        fix=hit.fix or rule.fix,
        replacement=hit.replacement,
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.rule, frozenset(f.figures))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by paths: files as given, folders searched for article suffixes."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in document.ARTICLE_SUFFIXES and f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise InputError(f"{p}: no articles in this folder (looked for .md, .markdown, .txt, .html, .htm)")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def check_file(
    path: Path, rules: list[Rule], published: str | dt.date | None = None, config: Config | None = None,
    max_size: int | None = None, rates: str | None = None,
) -> FileReport:
    """Load and check one file; a non-article file (binary, over max_size bytes) gives a report with a note."""
    try:
        doc = document.load(path, published=published, max_size=max_size)
    except InputError as exc:
        if "not an article" in str(exc):
            return FileReport(path=str(path), published=None, figures=(), findings=(), notes=(str(exc),))
        raise
    if config is not None:  # this file's rules, severities, params and front matter date keys
        rules = config.rules_for(rules, path)
        apply_date_keys(doc, config.date_keys_for(path))
    return check_document(doc, rules, rates)


def check_paths(
    paths: Iterable[str | Path], published: str | dt.date | None = None, rules: list[Rule] | None = None,
    config: Config | None = None, progress: Callable[[int, int], None] | None = None,
    jobs: int | None = 1, cache: bool = False, rates: str | None = None,
) -> Report:
    """Check every article under the given paths, in a deterministic order; progress(done, total) after each.

    jobs: worker processes (None: every core); cache: reuse and store results in the user's cache dir;
    rates: an ECB history file (eurofxref-hist.zip or its CSV) instead of the installed one.
    """
    from .runner import Planner, run

    rules = default_rules() if rules is None else rules
    if published is not None:
        document.parse_date(published, "--published")
    files = article_paths(paths)
    reports = []
    for report in run(files, Planner(rules, published, config, cache, rates=rates), jobs=jobs):
        reports.append(report)
        if progress is not None:
            progress(len(reports), len(files))
    return Report(files=tuple(reports))


__all__ = ["check_document", "check_paths", "check_file", "article_paths", "default_rules", "FactcheckError"]
