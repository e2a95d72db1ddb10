"""Run the rules over documents: extraction, every check, findings sorted, one report per file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from . import document
from .checks import KINDS, CheckContext, Hit
from .errors import FactcheckError, InputError
from .model import SEVERITY_RANK, FileReport, Finding, Report, Rule

NUMERIC_TOKEN = re.compile(r"(?<![\w.])\d[\d,.]*(?:\d)?")


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    from .rules import load_rules

    return tuple(load_rules())


def default_rules() -> list[Rule]:
    """The built-in rule packs, loaded once."""
    return list(_builtin_rules())


def check_document(doc: document.Document, rules: list[Rule]) -> FileReport:
    """Extract a document's figures and run every rule over them."""
    from .extract import extract

    figures = extract(doc)
    ctx = CheckContext(doc=doc, figures=figures, published=doc.published)
    findings: list[Finding] = []
    notes = list(doc.notes)
    if doc.published is None:
        notes.append("no publication date: checks against it were skipped (give --published or front matter)")
    for rule in rules:
        for hit in KINDS[rule.check].run(rule, ctx):
            findings.append(_finding(rule, hit))
    findings = _dedupe(findings)
    findings.sort(key=lambda f: (f.span.start, f.rule))
    tokens = [m.span() for m in NUMERIC_TOKEN.finditer(doc.text)]
    covered = sum(1 for a, b in tokens if any(f.span.start <= a and b <= f.span.end for f in figures))
    return FileReport(
        path=doc.path,
        published=doc.published.isoformat() if doc.published else None,
        figures=tuple(figures),
        findings=tuple(findings),
        checked=frozenset(ctx.checked),
        numeric_tokens=len(tokens),
        covered_tokens=covered,
        notes=tuple(notes),
        document=doc,
    )


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


def check_file(path: Path, rules: list[Rule], published: str | dt.date | None = None) -> FileReport:
    """Load and check one file; an unreadable or non-article file gives a report with a note."""
    try:
        doc = document.load(path, published=published)
    except InputError as exc:
        if "not an article" in str(exc):
            return FileReport(path=str(path), published=None, figures=(), findings=(), notes=(str(exc),))
        raise
    return check_document(doc, rules)


def check_paths(
    paths: Iterable[str | Path], published: str | dt.date | None = None, rules: list[Rule] | None = None
) -> Report:
    """Check every article under the given paths, in a deterministic order."""
    rules = default_rules() if rules is None else rules
    if published is not None:
        document.parse_date(published, "--published")
    files = article_paths(paths)
    return Report(files=tuple(check_file(p, rules, published) for p in files))


__all__ = ["check_document", "check_paths", "check_file", "article_paths", "default_rules", "FactcheckError"]
