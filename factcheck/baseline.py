"""Baselines: record today's findings so a later run reports and fails only on new ones.

A finding is keyed by its rule, its file (relative to the baseline's folder), the surfaces of its
figures and a hash of the sentence it sits in, never by line numbers, so edits elsewhere in the
file keep old findings matched. Equal keys are counted: a second copy of a baselined finding is new.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import Any

from . import safe_write
from .errors import ConfigError
from .model import FileReport, Finding, Report
from .render.sanitize import json_text

SCHEMA = "factcheck-baseline/1"
DEFAULT_NAME = ".factcheck-baseline.json"
MAX_SIZE = 64 * 1024 * 1024  # bytes: a bigger "baseline" is refused unread


def _relative(path: str, root: Path) -> str:
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()


def context_hash(file: FileReport, finding: Finding) -> str:
    """A short hash of the sentence the finding's first figure sits in (whitespace-normalised)."""
    doc = file.document
    if doc is not None and doc.sentences:
        span = doc.sentence_span(doc.sentence_index(finding.span.start))
        text = doc.text[span.start : span.end]
    else:
        text = finding.message
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def surfaces(file: FileReport, finding: Finding) -> list[str]:
    by_id = {fig.id: fig.surface for fig in file.figures}
    if finding.figures and all(fid in by_id for fid in finding.figures):
        return [by_id[fid] for fid in finding.figures]
    doc = file.document
    return [re.sub(r"\s+", " ", doc.text[s.start : s.end]) if doc is not None else "" for s in finding.spans]


def key(file: FileReport, finding: Finding, root: Path) -> tuple[str, str, tuple[str, ...], str]:
    """What identifies a finding across edits: rule, relative path, figure surfaces, sentence hash."""
    return (finding.rule, _relative(file.path, root), tuple(surfaces(file, finding)), context_hash(file, finding))


def fingerprint(file: FileReport, finding: Finding, root: Path | None = None) -> str:
    """The key as one stable hex string (SARIF partialFingerprints use it too)."""
    text = json.dumps(key(file, finding, root or Path.cwd()), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def build(report: Report, root: Path) -> dict[str, Any]:
    """The baseline file's content for a report; entries sorted so the file diffs cleanly."""
    entries = []
    for file in report.files:
        for finding in file.findings:
            rule, path, figs, context = key(file, finding, root)
            line, _ = file.locate(finding.span.start)
            entries.append({"rule": rule, "path": path, "figures": list(figs), "context": context,
                            "line": line, "message": finding.message})
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["figures"]))
    return {"schema": SCHEMA, "findings": entries}


def write(report: Report, path: str | Path) -> int:
    """Write a baseline of the report's findings; returns how many it holds."""
    p = Path(path)
    data = build(report, p.parent if str(p.parent) else Path("."))
    safe_write.write_text(p, json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    return len(data["findings"])


def _read(p: Path) -> str:
    """The file's text, after a look: a folder, FIFO or device, or a file over MAX_SIZE is refused unread."""
    st = os.stat(p)
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(f"{p}: not a baseline file (not a regular file)")
    if st.st_size > MAX_SIZE:
        raise ConfigError(f"{p}: not a baseline file (over {MAX_SIZE // 1024 // 1024} MB)")
    with open(p, "rb") as fh:
        data = fh.read(MAX_SIZE + 1)
    if len(data) > MAX_SIZE:  # it grew since the look
        raise ConfigError(f"{p}: not a baseline file (over {MAX_SIZE // 1024 // 1024} MB)")
    return data.decode("utf-8")


def load(path: str | Path) -> Counter:
    """The keys a baseline file holds, counted; a broken file is a ConfigError naming it."""
    p = Path(path)
    try:
        data = json.loads(_read(p))
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such baseline file (write one with 'factcheck baseline PATH...')") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{p}: not a baseline file: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{p}: not a baseline file (expected schema {SCHEMA!r})")
    keys: Counter = Counter()
    for i, entry in enumerate(data["findings"]):
        try:
            keys[(entry["rule"], entry["path"], tuple(entry["figures"]), entry["context"])] += 1
        except (KeyError, TypeError):
            raise ConfigError(f"{p}: findings[{i}]: needs rule, path, figures and context") from None
    return keys


class Baseline:
    """A loaded baseline: takes its findings out of each file's report, one match per recorded finding."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.known = load(path)
        parent = Path(path).parent
        self.root = parent if str(parent) else Path(".")

    def filter(self, file: FileReport) -> FileReport:
        """The file's report without the findings in the baseline, with a note of how many were left out."""
        kept, matched = [], []
        for finding in file.findings:
            k = key(file, finding, self.root)
            if self.known[k] > 0:
                self.known[k] -= 1
                matched.append(finding)
            else:
                kept.append(finding)
        if not matched:
            return file
        dropped = len(matched)
        note = f"{dropped} finding{'s' if dropped != 1 else ''} already in the baseline {self.path} not shown"
        suppressed = tuple(sorted((*file.suppressed, *matched), key=lambda f: (f.span.start, f.rule)))
        return dataclasses.replace(file, findings=tuple(kept), suppressed=suppressed, notes=file.notes + (note,))


def subtract(report: Report, path: str | Path) -> Report:
    """The report without the findings the baseline holds."""
    base = Baseline(path)
    return dataclasses.replace(report, files=tuple(base.filter(f) for f in report.files))
