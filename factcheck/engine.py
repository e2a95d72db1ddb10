"""Run the rules over documents: extraction, every check, findings sorted, one report per file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from . import document, switches
from .checks import KINDS, CheckContext, Hit
from .config import Config, apply_date_keys
from .errors import FactcheckError, InputError
from .model import SEVERITY_RANK, FileReport, Finding, Report, Rule

NUMERIC_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    from .rules import load_rules

    return tuple(load_rules())


def default_rules() -> list[Rule]:
    """The built-in rule packs, loaded once."""
    return list(_builtin_rules())


def check_document(doc: document.Document, rules: list[Rule], rates: str | None = None) -> FileReport:
    """Extract a document's figures, read the statements they make, and run every rule over them (rates: an ECB
    history file, else the installed one)."""
    from .extract import extract
    from .reading import read

    if rates is not None:
        from .rates import load

        load(rates)  # a missing or invalid file is an InputError before any check runs
    figures = extract(doc)
    statements = read(doc, figures)
    ctx = CheckContext(doc=doc, figures=figures, published=doc.published, rates=rates, statements=statements)
    findings: list[Finding] = []
    notes = list(doc.notes)
    if doc.published is None:
        notes.append("no publication date: checks against it were skipped (give --published or front matter)")
    for rule in rules:
        for hit in KINDS[rule.check].run(rule, ctx):
            findings.append(_finding(rule, hit))
    notes.extend(ctx.notes)
    findings, off, switch_notes = switches.split(doc, _dedupe(findings))  # inline <!-- factcheck: ... -->
    notes.extend(switch_notes)
    findings.sort(key=lambda f: (f.span.start, f.rule))
    tokens = [m.span() for m in NUMERIC_TOKEN.finditer(doc.text)]
    covered = _covered(tokens, figures)
    return FileReport(
        path=doc.path,
        published=doc.published.isoformat() if doc.published else None,
        figures=tuple(figures),
        findings=tuple(findings),
        suppressed=tuple(sorted(off, key=lambda f: (f.span.start, f.rule))),
        checked=frozenset(ctx.checked),
        statements=statements,
        numeric_tokens=len(tokens),
        covered_tokens=covered,
        notes=tuple(notes),
        document=doc,
    )


def _covered(tokens: list[tuple[int, int]], figures: list) -> int:
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
