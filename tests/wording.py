"""The wording gate: what an editor reads in a finding is true, filled in and written as the text writes numbers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from factcheck.model import FileReport, Report
from factcheck.render import FORMATS, Options, renderer

# "X, not Y" / "X is Y, not Z" / "adds up to X, not Y": the two sides of a contrast, as written.
NUMBER = r"[-+−]?(?:[$£€¥]|[A-Z]{3}[ ]?)?\d[\d,]*(?:\.\d+)?(?:[ ]?(?:%|pp|bn|m|k|billion|million|trillion|thousand))?"
CONTRAST = re.compile(rf"(?<![\w.])(?P<x>{NUMBER}(?:[ ][a-z]+){{0,2}}), not (?P<rest>[^\n]{{0,80}})")
RANGE = re.compile(rf"(?<![\w.])(?P<x>{NUMBER}(?:[ ][a-z]+){{0,2}})–(?P<rest>[^\n]{{0,80}})")
SCIENTIFIC = re.compile(r"(?<![\w.])\d(?:\.\d+)?e[+-]?\d+(?![\w])", re.I)
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
EMPTY = re.compile(r"\bNone\b|\bnan\b|\b(?:in|of|on|at|to|as) {2,}\w")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
# A number other than one followed by a singular count noun, or one followed by a plural: "145 seat", "1 seats".
SINGULARS = (
    "seat|member|person|job|vote|year|day|month|week|hour|minute|point|percentage point|share|employee|worker"
    "|patient|student|school|home|house|car|death|case|tonne|ton|mile|kilometre|kilometer|metre|meter|foot|pound"
    "|dollar|euro|barrel|acre|hectare|degree|child|runner|game|goal|run|medal|visitor|passenger|flight|store|branch"
)
WRONG_PLURAL = re.compile(rf"(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)[ ](?P<word>{SINGULARS})(?![\w-])")
WRONG_SINGULAR = re.compile(rf"(?<![\w.,])1[ ](?P<word>(?:{SINGULARS})s)(?![\w-])")


def problems(text: str) -> list[str]:
    """Every wording problem in one rendered text (empty when it reads right)."""
    found = []
    for m in CONTRAST.finditer(text):
        if _same(m.group("x"), m.group("rest")):
            found.append(f"says {m.group('x')}, not {m.group('x')}: the two sides are equal as written")
    for m in RANGE.finditer(text):
        if _same(m.group("x"), m.group("rest")):
            found.append(f"says {m.group('x')}–{m.group('x')}: a range whose ends are equal as written")
    found += [f"scientific notation {m.group(0)!r}" for m in SCIENTIFIC.finditer(text)]
    found += [f"unfilled placeholder {m.group(0)!r}" for m in PLACEHOLDER.finditer(text)]
    found += [f"an empty or missing value: {m.group(0)!r}" for m in EMPTY.finditer(text)]
    for m in WRONG_PLURAL.finditer(text):
        if float(m.group("n").replace(",", "")) != 1:
            found.append(f"singular unit after a number other than one: {m.group(0)!r}")
    found += [f"plural unit after one: {m.group(0)!r}" for m in WRONG_SINGULAR.finditer(text)]
    return found


def _same(x: str, rest: str) -> bool:
    """True when the words after ", not" begin with x as written (and no further digit follows)."""
    x, rest = _plain(x), _plain(rest)
    return rest.startswith(x) and not rest[len(x) : len(x) + 1].isdigit()


def _plain(text: str) -> str:
    return re.sub(r"[\s,]", "", text).replace("−", "-")


def finding_texts(report: FileReport) -> Iterator[tuple[str, str]]:
    """(where, text) for the message, evidence and fix of every finding."""
    for f in report.findings:
        for part in ("message", "evidence", "fix"):
            text = getattr(f, part, None)
            if text:
                yield f"{f.rule} {part}", text


def rendered(report: FileReport | Report) -> Iterator[tuple[str, str]]:
    """(format, output) for the report in every format, without colour."""
    whole = report if isinstance(report, Report) else Report(files=[report])
    for name in FORMATS:
        out = io.StringIO()
        renderer(name).render(whole, out, Options(color=False, width=160))
        yield name, out.getvalue()


def gate(report: FileReport) -> list[str]:
    """Every problem in what the report shows an editor, as 'where: problem' lines."""
    found = []
    found += [f"{report.path}: {f.rule} fix: the fix repeats the evidence" for f in report.findings
              if f.fix and f.evidence and f.evidence.strip() in f.fix]
    for where, text in finding_texts(report):
        found += [f"{report.path}: {where}: {p}" for p in problems(text)]
        if where.endswith("message"):  # the sentence an editor reads first gives dates in words
            found += [f"{report.path}: {where}: ISO date {m.group(0)!r}" for m in ISO_DATE.finditer(text)]
    if report.findings:
        for name, output in rendered(report):
            found += [f"{report.path}: {name}: {p}" for p in problems(_shown_text(name, output))]
    return sorted(set(found))


def _shown_text(name: str, output: str) -> str:
    """The part of a rendered report an editor reads as prose (markup and data keys stripped)."""
    # The article's own words, quoted beside a finding, are the reporter's, not factcheck's.
    if name == "html":
        output = re.sub(r"<(script|style)\b.*?</\1>|<p class=\"text[^\"]*\">.*?</p>", " ", output, flags=re.S)
        output = re.sub(r"<[^>]+>", " ", output)
    if name == "markdown":
        output = re.sub(r"```text\n.*?```", " ", output, flags=re.S)
        output = re.sub(r"(?m)^(\| F\d+ \| \d+ \| ).*?(?<!\\)\|", r"\1|", output)  # the figure as the text writes it
    if name == "github":  # workflow commands escape "%", "\r" and "\n"
        output = output.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    if name == "rich":
        output = re.sub(r"(?m)^ *\d+ │.*$", " ", output)
    if name in ("json", "jsonl", "sarif"):
        # Only the strings editors read: messages, evidence, fixes.
        output = "\n".join(re.findall(r'"(?:message|evidence|fix|text|markdown)": "((?:[^"\\]|\\.)*)"', output))
    return output
