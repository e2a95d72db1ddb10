"""The command line: check, figures, rules and explain; exit 0, 1 (findings) or 2 (usage or input error)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from .errors import FactcheckError

FAIL_LEVELS = ("error", "warning", "info", "never")
FORMATS = ("rich", "line", "json")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise FactcheckError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="factcheck", description="Find every figure in an article and check them.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and report discrepancies")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, or - for standard input")
    check.add_argument("--format", default="rich", help=f"output format: {', '.join(FORMATS)}")
    _common(check)
    check.add_argument("--fail-on", default="error", help="exit 1 at or above: error, warning, info, never")
    check.add_argument("--select", action="append", default=[], metavar="CODES", help="only these rules (FC101,FC2)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES", help="leave these rules out")
    check.add_argument("--quiet", action="store_true", help="findings only, no notes or scorecard")
    check.add_argument("--no-color", action="store_true", help="no colour (also NO_COLOR=1)")

    figures = sub.add_parser("figures", help="list the figures found in articles")
    figures.add_argument("paths", nargs="+", metavar="PATH")
    figures.add_argument("--format", default="rich", help="rich or json")
    _common(figures)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs")
    rules.add_argument("--format", default="rich", help="rich or json")

    explain = sub.add_parser("explain", help="show one rule's documentation")
    explain.add_argument("code", help="a rule code (FC101) or name")
    explain.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", help="publication date YYYY-MM-DD (overrides front matter)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs (folder or file)")


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return {"check": _check, "figures": _figures, "rules": _rules, "explain": _explain}[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback for the user; FACTCHECK_DEBUG=1 shows it
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(exc).__name__}: {exc} (FACTCHECK_DEBUG=1 shows more)",
              file=sys.stderr)
        return 2


def _load_rules(args: argparse.Namespace):
    from .rules import load_rules, select_rules

    rules = load_rules(args.rules)
    return select_rules(rules, _split(getattr(args, "select", [])), _split(getattr(args, "ignore", [])))


def _options(args: argparse.Namespace):
    from .render import Options

    color = not (getattr(args, "no_color", False) or os.environ.get("NO_COLOR")) and sys.stdout.isatty()
    return Options(color=color, quiet=getattr(args, "quiet", False))


def _report(args: argparse.Namespace, rules):
    from . import document, engine
    from .model import Report

    if args.published:
        document.parse_date(args.published, "--published")
    if args.paths == ["-"]:
        text = sys.stdin.read()
        fmt = "html" if text.lstrip().startswith("<") else "md" if text.startswith("---") else "txt"
        doc = document.from_text(text, fmt=fmt, path="<stdin>", published=args.published)
        return Report(files=(engine.check_document(doc, rules),))
    return engine.check_paths(args.paths, published=args.published, rules=rules)


def _check(args: argparse.Namespace) -> int:
    from .model import SEVERITY_RANK
    from .render import renderer

    if args.format not in FORMATS:
        raise FactcheckError(f"unknown format {args.format!r} (choose from {', '.join(FORMATS)})")
    if args.fail_on not in FAIL_LEVELS:
        raise FactcheckError(f"--fail-on: {args.fail_on!r} is not one of {', '.join(FAIL_LEVELS)}")
    report = _report(args, _load_rules(args))
    renderer(args.format).render(report, sys.stdout, _options(args))
    if args.fail_on == "never":
        return 0
    level = SEVERITY_RANK[args.fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= level for f in report.findings) else 0


def _figures(args: argparse.Namespace) -> int:
    from .render import figures

    if args.format not in ("rich", "json"):
        raise FactcheckError(f"unknown format {args.format!r} for figures (choose from rich, json)")
    report = _report(args, [])
    figures.render(report, sys.stdout, _options(args), as_json=args.format == "json")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from .render import catalogue

    catalogue.render_rules(_load_rules(args), sys.stdout, _options(args), as_json=args.format == "json")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from .render import catalogue
    from .rules import load_rules

    rules = load_rules(args.rules)
    code = args.code.upper() if args.code.upper().startswith("FC") else args.code
    rule = next((r for r in rules if code in (r.id, r.name)), None)
    if rule is None:
        raise FactcheckError(f"unknown rule: {args.code} (see 'factcheck rules')")
    catalogue.render_explain(rule, sys.stdout, _options(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
