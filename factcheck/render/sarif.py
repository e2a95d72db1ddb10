"""SARIF 2.1.0 for code scanning (GitHub and others): rule metadata, results, related figure locations."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from ..model import Report, Rule
from . import Options
from .records import finding_record
from .sanitize import json_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/factcheck/factcheck"
RULES_DOC = f"{INFORMATION_URI}/blob/main/docs/rules.md"  # every built-in rule, one heading each


def known_rules(options: Options) -> list[Rule]:
    """The rules of this run (from the CLI), else the built-in packs: renderers need their docs."""
    if options.rules:
        return list(options.rules)
    from ..engine import default_rules

    return default_rules()


def _section(description: str, heading: str) -> str:
    """The text under a `## heading` of a rule's docs, up to the next heading."""
    m = re.search(rf"^{re.escape(heading)}\s*$\n(.*?)(?=^## |\Z)", description, re.S | re.M)
    return m.group(1).strip() if m else ""


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor: what GitHub shows as the rule's title, help and default level."""
    what = _section(rule.description, "## What it does") or rule.message
    help_md = rule.description or what
    if rule.fix:
        help_md += f"\n\n**Fix:** {rule.fix}"
    return {
        "id": rule.id,
        "name": _pascal(rule.name),
        "shortDescription": {"text": f"{rule.id} {rule.name}"},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": help_md, "markdown": help_md},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": list(dict.fromkeys(["factcheck", rule.pack, rule.check])), "pack": rule.pack},
    } | ({"helpUri": help_uri(rule)} if is_builtin(rule) else {})


def is_builtin(rule: Rule) -> bool:
    """A rule of the built-in packs (documented in docs/rules.md), not a house rule."""
    from ..rules import BUILTIN

    return bool(rule.path) and Path(rule.path).resolve().is_relative_to(BUILTIN)


def help_uri(rule: Rule) -> str:
    """Where a built-in rule's documentation is read on the web: its heading in docs/rules.md."""
    return f"{RULES_DOC}#{rule.id.lower()}-{rule.name}"


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI for a file (relative to the working folder when inside it)."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return quote(os.fsencode(p.as_posix()), safe="/")  # the name's own bytes, even when they are not UTF-8


def _region(loc: dict[str, int]) -> dict[str, int]:
    return {"startLine": loc["line"], "startColumn": loc["column"],
            "endLine": loc["end_line"], "endColumn": loc["end_column"]}


def sarif_log(report: Report, options: Options) -> dict[str, Any]:
    """The SARIF log object for a report."""
    from .. import __version__
    from ..baseline import fingerprint

    rules = known_rules(options)
    descriptors = [rule_descriptor(r) for r in rules]
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    notifications = []
    for file in sorted(report.files, key=lambda f: f.path):
        uri = artifact_uri(file.path)
        for note in file.notes:
            notifications.append({"level": "note", "message": {"text": f"{file.path}: {note}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
        inline = _inline_switches(file)
        for finding, suppressed in [*((f, False) for f in file.findings), *((f, True) for f in file.suppressed)]:
            if finding.rule not in index:  # a rule we have no docs for still gets an entry
                index[finding.rule] = len(descriptors)
                descriptors.append({"id": finding.rule, "shortDescription": {"text": finding.rule}})
            record = finding_record(file, finding)
            text = record["message"]
            if record["evidence"]:
                text += f" ({record['evidence']})"
            artifact = {"uri": uri} if ":" in uri else {"uri": uri, "uriBaseId": "%SRCROOT%"}
            locations = [{"physicalLocation": {"artifactLocation": artifact, "region": _region(loc)}}
                         for loc in record["locations"]]
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVEL[finding.severity],
                "message": {"text": text},
                "locations": locations[:1],
                "partialFingerprints": {"factcheckFinding/v1": fingerprint(file, finding)},
                "properties": {"name": finding.name, "figures": list(finding.figures)},
            }
            if len(locations) > 1:
                result["relatedLocations"] = [dict(loc, id=i, message={"text": f"figure {fid}"})
                                              for i, (loc, fid) in enumerate(zip(locations[1:], finding.figures[1:],
                                                                                  strict=False), start=1)]
            if finding.fix:
                result["properties"]["fix"] = finding.fix
            if finding.replacement is not None:
                result["fixes"] = [{"description": {"text": finding.fix or f"Write {finding.replacement}."},
                                    "artifactChanges": [{"artifactLocation": artifact, "replacements": [
                                        {"deletedRegion": _region(record["locations"][0]),
                                         "insertedContent": {"text": finding.replacement}}]}]}]
            if suppressed:  # switched off inline (in the article) or matched by the baseline (outside it)
                inside = any(region.covers(finding) for region in inline)
                result["suppressions"] = [{"kind": "inSource" if inside else "external",
                                           "justification": "switched off in the article" if inside else
                                           "already in the baseline"}]
            results.append(result)
    results.sort(key=lambda r: (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                                r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"]))
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": descriptors}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": results,
        }],
    }


def _inline_switches(file) -> list:
    """The article's own `factcheck: disable` regions, to tell an inline suppression from a baseline's."""
    if file.document is None or not file.suppressed:
        return []
    from ..switches import regions

    return regions(file.document)[0]


def render(report: Report, out: TextIO, options: Options) -> None:
    out.write(json_text(json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False)))
    out.write("\n")
