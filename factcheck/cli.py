"""The command line: check, baseline, figures, rules, explain, config, cache, serve, lsp; exit 0, 1 or 2 (bad input)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import NoReturn

from .errors import FactcheckError
from .render import FORMATS
from .render.sanitize import one_line

FAIL_LEVELS = ("error", "warning", "info", "never")
DEFAULT_TIMEOUT = 60.0  # seconds per file, --timeout-per-file


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is (like Ctrl-C), so workers are ended and temporary files removed."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("factcheck").strip()  # `factcheck check`: "check: ...", said once
        raise FactcheckError(f"{command + ': ' if command else ''}{message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="factcheck", description="Find every figure in an article and check them.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and report discrepancies")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="files or folders, or - for standard input (after --, every argument is a path)")
    check.add_argument("--format", default="rich", help=f"output format: {', '.join(FORMATS)}")
    _common(check)
    check.add_argument("--fail-on", default=None,
                       help="exit 1 at or above: error, warning, info, never (default: the config's, else error)")
    check.add_argument("--baseline", metavar="FILE", help="report and fail only on findings not in this baseline")
    check.add_argument("--report-dir", metavar="DIR", help="also write a Markdown and an HTML report into DIR")
    check.add_argument("--select", action="append", default=[], metavar="CODES", help="only these rules (FC101,FC2)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES", help="leave these rules out")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no notes or scorecard")
    check.add_argument("--no-color", action="store_true", help="no colour (also NO_COLOR=1)")
    check.add_argument("--config", metavar="FILE", help="pyproject.toml or .factcheck.yaml (default: found upward)")
    check.add_argument("--verbose", "-v", action="store_true",
                       help="say on stderr which configuration file is used (or that none is)")
    check.add_argument("--statistics", action="store_true",
                       help="only the number of findings per rule (as text, or JSON with --format json)")
    check.add_argument("--diff", metavar="REV",
                       help="only findings on lines changed since this git revision (e.g. origin/main, HEAD~1)")
    check.add_argument("--store", metavar="FILE", help="also write the run into this results store (SQLite)")

    base = sub.add_parser("baseline", help="record the current findings so later checks fail only on new ones")
    base.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    base.add_argument("--output", "-o", default=".factcheck-baseline.json", metavar="FILE",
                      help="where to write it (default .factcheck-baseline.json)")
    _common(base)
    base.add_argument("--select", action="append", default=[], metavar="CODES", help="only these rules")
    base.add_argument("--ignore", action="append", default=[], metavar="CODES", help="leave these rules out")
    base.add_argument("--config", metavar="FILE", help="pyproject.toml or .factcheck.yaml (default: found upward)")

    figures = sub.add_parser("figures", help="list the figures found in articles")
    figures.add_argument("paths", nargs="+", metavar="PATH")
    figures.add_argument("--format", default="rich", help="rich or json")
    _common(figures)
    figures.add_argument("--config", metavar="FILE", help="pyproject.toml or .factcheck.yaml (default: found upward)")

    rules = sub.add_parser("rules", help="list the rules (with the configuration's packs, selection and severities)")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs")
    rules.add_argument("--format", default="rich", help="rich or json")
    rules.add_argument("--config", metavar="FILE",
                       help="pyproject.toml or .factcheck.yaml (default: found upward from the current folder)")

    explain = sub.add_parser("explain", help="show one rule's documentation")
    explain.add_argument("code", help="a rule code (FC101) or name")
    explain.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs")
    explain.add_argument("--config", metavar="FILE",
                         help="pyproject.toml or .factcheck.yaml (default: found upward from the current folder)")

    conf = sub.add_parser("config", help="show the configuration in effect and where each value comes from")
    conf.add_argument("paths", nargs="*", metavar="PATH", help="the files it is for (default: the current folder)")
    conf.add_argument("--config", metavar="FILE", help="pyproject.toml or .factcheck.yaml (default: found upward)")
    conf.add_argument("--format", default="rich", help="rich or json")

    cache = sub.add_parser("cache", help="the result cache: clean it, or show where it is")
    cache.add_argument("action", choices=("clean", "dir"), help="clean: remove every cached result; dir: its folder")

    serve = sub.add_parser("serve", help="the web page and HTTP API for editors (needs factcheck[serve])")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    lsp = sub.add_parser("lsp", help="the language server for editors, over stdio (needs factcheck[lsp])")
    for p in (serve, lsp):
        p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs")
        p.add_argument("--config", metavar="FILE",
                       help="pyproject.toml or .factcheck.yaml (default: found upward from the current folder)")
    _store_commands(sub)
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", help="publication date YYYY-MM-DD (overrides front matter)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule packs (folder or file)")
    p.add_argument("--rates", metavar="FILE", help="ECB exchange rates to convert with (eurofxref-hist.zip or its CSV)")
    p.add_argument("--max-size", type=_size, metavar="SIZE",
                   help="skip files larger than this, with a note (default 20MB; 0: no limit)")
    _scale(p)


def _size(text: str) -> int:
    from .document import parse_size

    try:
        return parse_size(text)
    except FactcheckError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--max-size: ")) from None


def _scale(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: every core)")
    p.add_argument("--engine", default="local", choices=("local", "dask"), help="local processes or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--no-cache", action="store_true", help="check every file again (no cached results)")
    p.add_argument("--timeout-per-file", type=_seconds, default=None, metavar="SECONDS",
                   help=f"a file that takes longer gets a note instead (default {DEFAULT_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="check articles that are symbolic links (by default they are skipped with a note)")
    _cache_size_option(p)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (0 <= value < float("inf")):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    previous = _catch_sigterm()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:  # a bare `factcheck`: what it can do
            parser.print_help()
            return 0
        from .document import size_limit

        with size_limit(getattr(args, "max_size", None)):
            return {"check": _check, "figures": _figures, "rules": _rules, "explain": _explain,
                    "baseline": _baseline, "config": _show_config, "cache": _cache, "serve": _serve,
                    "lsp": _lsp, **STORE_COMMANDS}[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: {error_text(str(exc))}", file=sys.stderr)
        return 2
    except Terminated:
        print("factcheck: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback for the user; FACTCHECK_DEBUG=1 shows it
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(exc).__name__}: {one_line(str(exc))} (FACTCHECK_DEBUG=1 shows more)",
              file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def error_text(message: str) -> str:
    """An error message on one line, without a `factcheck:` of its own (the error line adds exactly one)."""
    text = one_line(message).strip()
    while text.lower().startswith("factcheck:"):
        text = text[len("factcheck:"):].lstrip()
    return text


def _catch_sigterm():
    """SIGTERM ends the run as Ctrl-C does (in the main thread only; the old handler comes back after)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _on_sigterm)


def _load_rules(args: argparse.Namespace, config=None):
    from .rules import load_rules, select_rules

    rules = load_rules([*args.rules, *(config.packs if config is not None else ())])
    if config is not None:
        config.validate(rules)
    select = _split(getattr(args, "select", [])) or list(config.select if config is not None else ())
    return select_rules(rules, select, _split(getattr(args, "ignore", [])))


def _config(args: argparse.Namespace):
    """The configuration: --config FILE, else the nearest one above the checked paths, else the defaults."""
    from .config import Config, find_config, load_config

    if getattr(args, "config", None):
        config = load_config(args.config)
    else:
        found = find_config(getattr(args, "paths", None) or [])  # no paths: upward from the current folder
        config = load_config(found) if found is not None else Config()
    if hasattr(args, "rates"):  # --rates wins over the config's (confined) rates file
        args.rates = args.rates or config.rates
    _cache_cap(args, config)
    return config


def _options(args: argparse.Namespace, rules=()):
    from .render import Options

    color = not (getattr(args, "no_color", False) or os.environ.get("NO_COLOR")) and sys.stdout.isatty()
    return Options(color=color, quiet=getattr(args, "quiet", False), rules=tuple(rules))


def _report(args: argparse.Namespace, rules, config=None):
    from . import document
    from .model import Report

    if args.published:
        document.parse_date(args.published, "--published")
    if args.paths == ["-"]:
        return Report(files=(_check_stdin(args, config.rules_for(rules) if config is not None else rules, config),))
    files = _run(args, rules, config)
    try:
        return Report(files=tuple(files))
    finally:
        files.close()  # an error or an interruption ends the workers now


def _check_stdin(args: argparse.Namespace, rules, config=None):
    """Standard input as one article: bytes decoded like a file's, its format guessed from its start."""
    from . import document, engine
    from .errors import InputError
    from .model import FileReport

    stream = getattr(sys.stdin, "buffer", None)  # a test may put a text stream in its place
    limit = document.MAX_SIZE + 1 if document.MAX_SIZE else -1
    data = stream.read(limit) if stream is not None else sys.stdin.read(limit).encode("utf-8", "surrogateescape")
    try:
        if document.MAX_SIZE and len(data) > document.MAX_SIZE:
            raise InputError(f"<stdin>: not an article (over the --max-size limit of {document.MAX_SIZE} bytes)")
        text, notes = document.decode(data, "<stdin>")
    except InputError as exc:
        return FileReport(path="<stdin>", published=None, figures=(), findings=(), notes=(str(exc),))
    fmt = "html" if text.lstrip().startswith("<") else "md" if text.startswith("---") else "txt"
    doc = document.from_text(text, fmt=fmt, path="<stdin>", published=args.published)
    doc.notes[:0] = notes
    if config is not None:
        from .config import apply_date_keys

        apply_date_keys(doc, config.date_keys_for(None))
    return engine.check_document(doc, rules, rates=args.rates)


def _run(args: argparse.Namespace, rules, config=None):
    """Each file's report in input order, as it is ready: from the cache, --jobs processes or a Dask cluster."""
    if args.engine == "dask":
        from .distributed import iter_reports as on_cluster

        return on_cluster(args.paths, rules, args.published, scheduler=args.scheduler, cache=not args.no_cache,
                          config=config, rates=args.rates, timeout=_timeout(args),
                          follow_symlinks=args.follow_symlinks)
    if args.scheduler:
        raise FactcheckError("--scheduler is for --engine dask")
    from .runner import iter_reports

    return iter_reports(args.paths, rules, args.published, jobs=args.jobs, cache=not args.no_cache, config=config,
                        rates=args.rates, timeout=_timeout(args), follow_symlinks=args.follow_symlinks)


def _timeout(args: argparse.Namespace) -> float | None:
    """The per-file time limit in seconds (None: none)."""
    seconds = DEFAULT_TIMEOUT if args.timeout_per_file is None else args.timeout_per_file
    return seconds or None


def _check(args: argparse.Namespace) -> int:
    from .model import SEVERITY_RANK, Report
    from .render import renderer

    if args.format not in FORMATS:
        raise FactcheckError(f"unknown format {args.format!r} (choose from {', '.join(FORMATS)})")
    if args.fail_on is not None and args.fail_on not in FAIL_LEVELS:
        raise FactcheckError(f"--fail-on: {args.fail_on!r} is not one of {', '.join(FAIL_LEVELS)}")
    config = _config(args)
    if args.verbose:
        from .render.settings import config_used

        config_used(config, sys.stderr)
    args.baseline, args.report_dir = args.baseline or config.baseline, args.report_dir or config.report_dir
    rules = _load_rules(args, config)
    fail_on = args.fail_on or config.fail_on or "error"
    module = renderer(args.format)
    if args.statistics:
        from .render import statistics

        module = statistics
    options = _options(args, rules)
    if args.diff:
        from .gitdiff import changed_lines

        args.changed = changed_lines(args.diff, args.paths)  # asked of git before any checking
    severities: set[str] = set()
    kept: list = []  # every file's report, for --report-dir
    streaming = hasattr(module, "stream") and args.paths != ["-"]
    with _progress(args, enabled=not (streaming and sys.stdout.isatty())) as tick:
        if args.paths == ["-"]:
            files = iter(_report(args, rules, config).files)
        else:
            files = _run(args, rules, config)
        files = _stored(files, args, rules, config)
        if args.report_dir:
            _report_folder(args.report_dir)  # refused before any checking when it cannot be written safely
        files = _after(files, args, tick, kept if args.report_dir else None)
        try:
            if streaming:  # one file at a time: memory stays flat
                module.stream(_tally(files, severities), sys.stdout, options)
            else:
                report = Report(files=tuple(files))
        finally:
            files.close()  # an error or an interruption ends the workers now
    if args.statistics:
        module.render(report, sys.stdout, options, as_json=args.format == "json")
    elif not streaming:
        module.render(report, sys.stdout, options)
    if not streaming:
        severities.update(f.severity for f in report.findings)
    if args.report_dir:
        _write_reports(args.report_dir, Report(files=tuple(kept)), options)
    if fail_on == "never":
        return 0
    level = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[s] >= level for s in severities) else 0


def _after(files, args: argparse.Namespace, tick, kept: list | None):
    """Each file's report minus the baseline's findings, counted on the progress bar, kept for --report-dir."""
    from .baseline import Baseline

    known = Baseline(args.baseline) if args.baseline else None
    for file in files:
        if known is not None:
            file = known.filter(file)
        if getattr(args, "changed", None) is not None:
            from .gitdiff import only_changed

            file = only_changed(file, args.changed)
        if args.format != "rich":  # the terminal report shows notes; other formats' readers may never look
            _warn_input(file)
        tick(file.path)
        if kept is not None:
            kept.append(file)
        yield file


def _warn_input(file) -> None:
    """A skipped or damaged input (binary, too large, no text, invalid UTF-8) is a warning on stderr."""
    from .document import INPUT_WARNINGS
    from .runner import NOT_CHECKED

    for note in file.notes:
        if any(marker in note for marker in (*INPUT_WARNINGS, NOT_CHECKED)):
            print(f"factcheck: warning: {one_line(note)}", file=sys.stderr)


def _progress(args: argparse.Namespace, enabled: bool = True):
    """A progress bar on stderr for multi-file runs when stderr is a terminal (not with --quiet)."""
    from .render.terminal import progress

    if not enabled or args.quiet or args.paths == ["-"] or not sys.stderr.isatty():
        return progress(0, None)
    from .engine import article_paths

    total = len(article_paths(args.paths))
    return progress(total, sys.stderr if total > 1 else None, color=not (args.no_color or os.environ.get("NO_COLOR")))


REPORT_NAMES = ("factcheck-report.md", "factcheck-report.html")


def _report_folder(folder: str):
    """--report-dir made ready: created if missing; a symbolic link (the folder or a report in it) is refused."""
    from .safe_write import check_folder, check_target

    try:
        out = check_folder(folder)
        for name in REPORT_NAMES:
            check_target(out / name)
    except FactcheckError as exc:
        raise FactcheckError(f"--report-dir: {exc}") from None
    except OSError as exc:
        raise FactcheckError(f"--report-dir: cannot write {folder}: {exc.strerror or exc}") from None
    return out


def _write_reports(folder: str, report, options) -> None:
    """--report-dir: the run's Markdown and HTML reports, side by side, each written safely."""
    from .render import html as html_report
    from .render import markdown
    from .safe_write import replacing

    out = _report_folder(folder)
    try:
        for name, module in zip(REPORT_NAMES, (markdown, html_report), strict=True):
            with replacing(out / name) as fh:
                module.render(report, fh, options)
    except FactcheckError as exc:
        raise FactcheckError(f"--report-dir: {exc}") from None
    except OSError as exc:
        raise FactcheckError(f"--report-dir: cannot write {out}: {exc.strerror or exc}") from None


def _baseline(args: argparse.Namespace) -> int:
    from . import baseline, safe_write
    from .render.terminal import baseline_written

    config = _config(args)
    try:
        safe_write.check_target(args.output)  # refused before any checking
    except FactcheckError as exc:
        raise FactcheckError(f"--output: {exc}") from None
    report = _report(args, _load_rules(args, config), config)
    try:
        count = baseline.write(report, args.output)
    except FactcheckError as exc:
        raise FactcheckError(f"--output: {exc}") from None
    except OSError as exc:
        raise FactcheckError(f"--output: cannot write {args.output}: {exc.strerror or exc}") from None
    baseline_written(args.output, count, len(report.files), sys.stdout)
    return 0


def _tally(files, severities: set[str]):
    """Pass reports through, noting the severities seen (for the exit code)."""
    for file in files:
        severities.update(f.severity for f in file.findings)
        yield file


def _figures(args: argparse.Namespace) -> int:
    from .render import figures

    if args.format not in ("rich", "json"):
        raise FactcheckError(f"unknown format {args.format!r} for figures (choose from rich, json)")
    report = _report(args, [], _config(args))  # the config's front matter date keys (and its per-path ones)
    figures.render(report, sys.stdout, _options(args), as_json=args.format == "json")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from .render import catalogue
    from .rules import load_rules

    if args.format not in ("rich", "json"):
        raise FactcheckError(f"unknown format {args.format!r} for rules (choose from rich, json)")
    config = _config(args)
    every = load_rules([*args.rules, *config.packs])
    config.validate(every)
    active = {r.id: r for r in config.rules_for(_load_rules(args, config))}  # select, ignore, severity
    catalogue.render_rules(every, sys.stdout, _options(args), as_json=args.format == "json", active=active,
                           config=config.path)
    return 0


def _explain(args: argparse.Namespace) -> int:
    from .render import catalogue
    from .rules import load_rules

    rules = load_rules([*args.rules, *_config(args).packs])  # the config's rule packs too
    code = args.code.upper() if args.code.upper().startswith("FC") else args.code
    rule = next((r for r in rules if code in (r.id, r.name)), None)
    if rule is None:
        raise FactcheckError(f"unknown rule: {args.code} (see 'factcheck rules')")
    catalogue.render_explain(rule, sys.stdout, _options(args))
    return 0


def _show_config(args: argparse.Namespace) -> int:
    from .render.settings import render_config

    if args.format not in ("rich", "json"):
        raise FactcheckError(f"unknown format {args.format!r} for config (choose from rich, json)")
    config = _config(args)
    from .rules import load_rules

    config.validate(load_rules(list(config.packs)))  # what a check would refuse, refused here too
    render_config(config, sys.stdout, as_json=args.format == "json")
    return 0


def _cache(args: argparse.Namespace) -> int:
    from . import cache
    from .render import settings

    if args.action == "dir":
        settings.cache_folder(cache.cache_dir(), sys.stdout)
        return 0
    try:
        removed, freed, folder = cache.clean()
    except OSError as exc:
        raise FactcheckError(f"cache clean: cannot remove {exc.filename}: {exc.strerror or exc}") from None
    settings.cache_cleaned(removed, freed, folder, sys.stdout)
    return 0


def _editor_setup(args: argparse.Namespace, extra: str, module: str):
    """serve and lsp: their optional extra's check, and the configured rules and date keys."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise FactcheckError(f"{args.command} needs the {extra} extra: pip install 'factcheck[{extra}]'")
    config = _config(args)
    return config.rules_for(_load_rules(args, config)), config.date_keys_for(None)


def _serve(args: argparse.Namespace) -> int:
    from . import serve

    serve.run(args.host, args.port, *_editor_setup(args, "serve", "uvicorn"))
    return 0


def _lsp(args: argparse.Namespace) -> int:
    from . import lsp

    lsp.run(*_editor_setup(args, "lsp", "pygls"))
    return 0


# --- the results store (factcheck check --store, runs, diff, query) and the cache's size cap ------------------------


def _store_commands(sub) -> None:
    """The subcommands that read a results store."""
    runs = sub.add_parser("runs", help="list the runs in a results store (written by check --store)")
    diff = sub.add_parser("diff", help="findings that appeared, went away or changed between two stored runs")
    diff.add_argument("run_a", nargs="?", default="previous", metavar="RUN_A",
                      help="a run id from 'factcheck runs', or latest or previous (default: previous)")
    diff.add_argument("run_b", nargs="?", default="latest", metavar="RUN_B", help="another (default: latest)")
    query = sub.add_parser("query", help="stored findings by rule, file, severity and date")
    query.add_argument("--rule", action="append", default=[], metavar="CODES", help="rule codes or names (FC131)")
    query.add_argument("--file", metavar="PATH", help="a file, a folder or a glob pattern (archive/2023/*)")
    query.add_argument("--severity", help="at or above: error, warning or info")
    query.add_argument("--since", metavar="DATE", help="every run started on or after DATE (default: the latest run)")
    query.add_argument("--run", metavar="RUN", help="one run: its id, or latest or previous (default: latest)")
    for p in (runs, diff, query):
        p.add_argument("--store", metavar="FILE", help="the results store (default: $FACTCHECK_STORE)")
        p.add_argument("--format", default="rich", help="rich or json")
        p.add_argument("--no-color", action="store_true", help="no colour (also NO_COLOR=1)")


def _open_store(path: str | None, create: bool = False):
    """The results store named by --store (else $FACTCHECK_STORE); errors name the option."""
    from .store import ENV, Store

    path = path or os.environ.get(ENV)
    if not path:
        raise FactcheckError(f"no results store: give --store FILE (or set {ENV})")
    try:
        return Store(path, create=create)
    except FactcheckError as exc:
        raise FactcheckError(f"--store {exc}") from None


def _stored(files, args: argparse.Namespace, rules, config):
    """check --store FILE: a run row, then each file's report written to the store as it passes."""
    if not args.store:
        return files
    from .store import recorded

    try:
        store = _open_store(args.store, create=True)
        settings = {"paths": list(args.paths), "cwd": os.getcwd(), "published": args.published,
                    "select": _split(args.select), "ignore": _split(args.ignore), "rules": list(args.rules),
                    "config": config.path if config is not None else None, "engine": args.engine,
                    "rates": args.rates, "baseline": args.baseline, "no_cache": args.no_cache}
        run = store.begin_run(rules, settings)
    except BaseException:
        getattr(files, "close", lambda: None)()  # the workers end now
        raise
    return recorded(files, store, run)


def _store_reader(args: argparse.Namespace):
    if args.format not in ("rich", "json"):
        raise FactcheckError(f"unknown format {args.format!r} for {args.command} (choose from rich, json)")
    return _open_store(args.store)


def _runs(args: argparse.Namespace) -> int:
    from .render.audit import render_runs

    store = _store_reader(args)
    try:
        render_runs(store.runs(), sys.stdout, _options(args), as_json=args.format == "json")
    finally:
        store.close()
    return 0


def _diff(args: argparse.Namespace) -> int:
    from .render.audit import render_diff

    store = _store_reader(args)
    try:
        diff = store.diff(store.run_id(args.run_a), store.run_id(args.run_b))
        render_diff(diff, sys.stdout, _options(args), as_json=args.format == "json")
    finally:
        store.close()
    return 0


def _query(args: argparse.Namespace) -> int:
    from .model import SEVERITY_RANK
    from .render.audit import render_query
    from .store import since_date

    if args.severity is not None and args.severity not in SEVERITY_RANK:
        raise FactcheckError(f"--severity: {args.severity!r} is not one of {', '.join(SEVERITY_RANK)}")
    since = since_date(args.since) if args.since is not None else None
    if since is not None and args.run is not None:
        raise FactcheckError("--since and --run: give one (a date for every run since it, or one run)")
    store = _store_reader(args)
    try:
        run = store.run_id(args.run) if args.run is not None else None
        found = store.query(_split(args.rule), since=since, file=args.file, severity=args.severity, run=run)
        render_query(found, sys.stdout, _options(args), as_json=args.format == "json")
    finally:
        store.close()
    return 0


STORE_COMMANDS = {"runs": _runs, "diff": _diff, "query": _query}


def _cache_size_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cache-size", type=_size, metavar="SIZE",
                   help="cap the result cache, least recently used entries go first "
                        "(default: the config's cache-size, else 512MB; 0: no cap)")


def _cache_cap(args: argparse.Namespace, config) -> None:
    """The cache's size cap for this run: --cache-size, else the config's cache-size, else the default."""
    from . import cache

    if hasattr(args, "cache_size"):
        chosen = args.cache_size if args.cache_size is not None else config.cache_size
        cache.CAP = cache.DEFAULT_CAP if chosen is None else chosen


if __name__ == "__main__":
    sys.exit(main())
