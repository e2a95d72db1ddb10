"""Read [tool.factcheck] in pyproject.toml or .factcheck.yaml: rules, severities, params, overrides, fail level.

A configuration file belongs to the repository it sits in, and anyone who can open a pull request can change it:
it is read as untrusted data. Its paths stay inside the repository, its errors quote none of its values, and
it is looked for no higher than the repository's top (or the home folder, outside a repository).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safe_yaml
from .confine import Escape, repository, resolve, within
from .errors import ConfigError, FactcheckError, shown, unquoted
from .model import SEVERITIES, Rule

CONFIG_NAMES = (".factcheck.yaml", ".factcheck.yml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")
TOP_KEYS = ("select", "ignore", "packs", "severity", "params", "date-keys", "fail-on", "overrides", "baseline",
            "report-dir", "rates", "cache-size")
PATH_KEYS = ("baseline", "report-dir", "rates")  # one path each, confined like packs
MAX_TOML_BYTES = 1 << 20
OVERRIDE_KEYS = ("paths", "ignore", "severity", "params", "date-keys")


@dataclass(frozen=True)
class Settings:
    """Rule settings for a set of files: what to ignore, severities and params by rule, date keys."""

    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    date_keys: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Override:
    """Settings that apply only to files matching some glob patterns (relative to the config's folder)."""

    paths: tuple[str, ...]
    settings: Settings


@dataclass(frozen=True)
class Config:
    """One configuration file, parsed and checked; `Config()` is the default (no file)."""

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()  # real paths inside the repository (see confine.resolve)
    baseline: str | None = None  # the baseline to filter findings with (the command line's --baseline wins)
    report_dir: str | None = None  # where to write the Markdown and HTML reports (--report-dir wins)
    rates: str | None = None  # an ECB rates file to use instead of the built-in one
    fail_on: str | None = None
    cache_size: int | None = None  # the result cache's cap in bytes (--cache-size wins)
    base: Settings = field(default_factory=Settings)
    overrides: tuple[Override, ...] = ()
    # Where each key sits in the file: "select", "severity.FC202", "overrides[0].paths" -> 1-based line.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> str:
        """How an error names a key: `pyproject.toml:7: [tool.factcheck] select` (the line when known).

        A part of the key that came from the file (a rule token, an unknown key) is named only when it looks like a
        word or a rule code (errors.shown); any other shows as <key>, with the line to find it by.
        """
        name = self.path or "configuration"
        line = self.line_of(key)
        if line is not None:
            name += f":{line}"
        table = "[tool.factcheck] " if self.path and self.path.endswith(".toml") else ""
        safe = ".".join(_shown_part(part) for part in key.split(".")) if key else ""
        return f"{name}: {table}{safe}"

    def line_of(self, key: str) -> int | None:
        """The line of a key, else of the nearest enclosing key that was found (None: not known)."""
        while True:
            if key in self.lines:
                return self.lines[key]
            if not key:
                return None
            key = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", key) if re.search(r"[.\[]", key) else ""

    def validate(self, rules: list[Rule]) -> None:
        """Every rule the file names exists, and every parameter suits its rule's check kind."""
        from .checks import KINDS

        def known(token: str, key: str) -> None:
            if not any(_matches(rule, token) for rule in rules):
                name = shown(token, "(not a rule code or name)")
                raise ConfigError(f"{self.where(key)}: unknown rule {name} (see 'factcheck rules')")

        for i, token in enumerate(self.select):
            known(token, f"select[{i}]")
        blocks = [("", self.base)] + [(f"overrides[{i}].", o.settings) for i, o in enumerate(self.overrides)]
        for prefix, settings in blocks:
            for i, token in enumerate(settings.ignore):
                known(token, f"{prefix}ignore[{i}]")
            for token in settings.severity:
                known(token, f"{prefix}severity.{token}")
            for token, params in settings.params.items():
                known(token, f"{prefix}params.{token}")
                for rule in (r for r in rules if _matches(r, token)):
                    merged = {**rule.params, **params}
                    check = getattr(KINDS.get(rule.check), "validate", None)
                    problem = check(merged) if check else None
                    if check is None:
                        unknown = sorted(shown(k) for k in set(params) - set(rule.params))
                        problem = f"unknown parameter(s): {', '.join(unknown)}" if unknown else None
                    if problem:
                        raise ConfigError(f"{self.where(prefix + 'params.' + token)}: {problem} (rule {rule.id})")

    def rules_for(self, rules: list[Rule], path: str | Path | None = None) -> list[Rule]:
        """The rules that apply to one file, with this file's severities and params."""
        out = list(rules)
        for settings in self._settings_for(path):
            out = [r for r in out if not any(_matches(r, t) for t in settings.ignore)]
            out = [_adjust(r, settings) for r in out]
        return out

    def date_keys_for(self, path: str | Path | None = None) -> tuple[str, ...] | None:
        """The front matter keys that carry the publication date for one file (None: the defaults)."""
        keys = None
        for settings in self._settings_for(path):
            keys = settings.date_keys if settings.date_keys is not None else keys
        return keys

    def _settings_for(self, path: str | Path | None) -> list[Settings]:
        found = [self.base]
        if path is None or not self.overrides:
            return found
        try:
            rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        for override in self.overrides:
            if any(_glob(rel, pattern) for pattern in override.paths):
                found.append(override.settings)
        return found


def _shown_part(part: str) -> str:
    """One dotted part of a key path as an error shows it: `overrides[0]` as is, a file's token through shown()."""
    m = re.fullmatch(r"(.*?)((?:\[\d+\])*)", part, re.S)
    return (shown(m.group(1)) if m and m.group(1) else "") + (m.group(2) if m else "")


def _glob(rel: str, pattern: str) -> bool:
    pattern = pattern.removeprefix("./")
    if pattern.endswith("/"):
        pattern += "**"
    return fnmatch.fnmatchcase(rel, pattern) or (pattern.endswith("/**") and rel.startswith(pattern[:-2]))


def _matches(rule: Rule, token: str) -> bool:
    return token == rule.name or (token.upper().startswith("FC") and rule.id.startswith(token.upper()))


def _adjust(rule: Rule, settings: Settings) -> Rule:
    severity, params = rule.severity, rule.params
    for token, level in settings.severity.items():
        if _matches(rule, token):
            severity = level
    for token, extra in settings.params.items():
        if _matches(rule, token):
            params = {**params, **extra}
    if severity == rule.severity and params is rule.params:
        return rule
    return dataclasses.replace(rule, severity=severity, params=params)


# --- finding and reading the file ------------------------------------------------------------


def find_config(paths: Iterable[str | Path]) -> Path | None:
    """The nearest configuration file above the checked paths (their common folder, then upward).

    The search stops at the top of the repository that holds them; outside a repository it stops at the home
    folder, and outside both it looks in their own folder only. It never reads a file from above the home
    folder or from the filesystem's root there, where someone else may have put it. A configuration file that
    is a symbolic link leading out of the repository is an error, not read.
    """
    resolved = [Path(os.path.abspath(p)) for p in paths if str(p) != "-"] or [Path.cwd()]
    folders = [p if p.is_dir() else p.parent for p in resolved]
    start = Path(os.path.commonpath([str(f) for f in folders]))
    top = repository(start)
    if top is None:
        home = os.path.abspath(os.path.expanduser("~"))
        top = Path(home) if within(str(start), home) and home != os.sep else start
        if start == Path(start.anchor):
            return None  # the filesystem's root, outside a repository: anyone's
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_symlink():
                try:
                    resolve(name, folder, top, _tree(top))
                except Escape as exc:
                    raise ConfigError(f"{candidate}: {exc}; not read") from None
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if folder == top:
            break  # the top of the repository (or the home folder): a file above it belongs to someone else
    return None


def _tree(top: Path) -> str:
    """How an error names the folder tree a configuration's paths must stay in."""
    return f"the repository ({top})" if (top / ".git").exists() else f"the configuration file's folder ({top})"


def _has_tool_table(path: Path) -> bool:
    try:
        return "factcheck" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # broken: let load_config say so


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        text = safe_yaml.read_text(path, MAX_TOML_BYTES)
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = unquoted(str(exc).split(" (at line")[0])
        raise ConfigError(f"{path}{':' + at.group(1) if at else ''}: not valid TOML: {reason}") from None
    except safe_yaml.YamlProblem as exc:
        raise ConfigError(f"{path}:{exc.line}: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or type(exc).__name__}") from None


def load_config(path: str | Path) -> Config:
    """Parse one configuration file; unknown keys and bad values are ConfigErrors naming file and key.

    Its paths (packs, baseline, report-dir, rates) must stay inside the repository that holds the file (or the
    file's folder, outside a repository): see confine.resolve.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: no such configuration file")
    if p.suffix == ".toml":
        raw = _read_toml(p)
        data = raw.get("tool", {}).get("factcheck") if isinstance(raw.get("tool"), dict) else None
        if data is None:
            raise ConfigError(f"{p}: no [tool.factcheck] table")
        lines = toml_lines(safe_yaml.read_text(p, MAX_TOML_BYTES))
    elif p.suffix in (".yaml", ".yml"):
        data, node = safe_yaml.load_file(p, ConfigError)
        data = {} if data is None else data
        lines = yaml_lines(node)
    else:
        raise ConfigError(f"{p}: a configuration file is pyproject.toml or .factcheck.yaml")
    folder = Path(os.path.abspath(p)).parent
    top = repository(folder) or folder
    return parse_config(data, str(p), root=str(folder), lines=lines, top=str(top))


# --- where keys are, for error messages ---------------------------------------------------------

TOML_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
TOML_KEY = re.compile(rf"^\s*({TOML_KEY_PART}(?:\s*\.\s*{TOML_KEY_PART})*)\s*=\s*(.*)$")
TOML_HEADER = re.compile(rf"^\s*(\[\[?)\s*({TOML_KEY_PART}(?:\s*\.\s*{TOML_KEY_PART})*)\s*\]\]?\s*(?:#.*)?$")
TOML_INLINE_KEY = re.compile(rf"[{{,]\s*({TOML_KEY_PART}(?:\s*\.\s*{TOML_KEY_PART})*)\s*=")


def _toml_parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.findall(TOML_KEY_PART, dotted)]


def toml_lines(text: str) -> dict[str, int]:
    """The line of each key of [tool.factcheck] in pyproject.toml text (tomllib keeps no positions).

    A small scan, not a parser: table headers ([tool.factcheck.severity], [[tool.factcheck.overrides]]),
    `key = value` lines (dotted keys too) and the keys of one-line inline tables; lines inside
    multi-line strings are skipped.
    """
    found: dict[str, int] = {}
    table: list[str] = []
    override = -1
    in_string: str | None = None

    def record(parts: list[str], line: int) -> None:
        if parts[:2] != ["tool", "factcheck"]:
            return
        rest = parts[2:]
        if rest and rest[0] == "overrides" and override >= 0:
            rest = [f"overrides[{override}]", *rest[1:]]
        key = ".".join(rest).replace(".[", "[")
        found.setdefault(key, line)

    for number, raw in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if in_string in raw:
                in_string = None
            continue
        header = TOML_HEADER.match(raw)
        if header:
            table = _toml_parts(header.group(2))
            if header.group(1) == "[[" and table == ["tool", "factcheck", "overrides"]:
                override += 1
            record(table, number)
            continue
        m = TOML_KEY.match(raw)
        if not m:
            continue
        parts = table + _toml_parts(m.group(1))
        record(parts, number)
        value = m.group(2)
        if value.startswith("{"):
            for inner in TOML_INLINE_KEY.finditer(value):
                record(parts + _toml_parts(inner.group(1)), number)
        for quote in ('"""', "'''"):
            if value.startswith(quote) and value.count(quote) == 1:
                in_string = quote
    if "overrides[0]" in found:
        found.setdefault("overrides", found["overrides[0]"])
    return found


def yaml_lines(root: Any) -> dict[str, int]:
    """The line of each key (and list item) of a .factcheck.yaml, from its composed node tree's marks."""
    import yaml

    found: dict[str, int] = {}

    def walk(node: Any, key: str) -> None:
        found.setdefault(key, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                name = f"{key}.{k.value}" if key else str(k.value)
                found.setdefault(name, k.start_mark.line + 1)
                walk(v, name)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{key}[{i}]")

    if root is not None:
        walk(root, "")
    return found


def parse_config(data: Any, path: str | None = None, root: str = ".", lines: dict[str, int] | None = None,
                 top: str | None = None) -> Config:
    """A Config from the mapping a file holds (lines: where its keys are, for error messages).

    Paths resolve from root (the file's folder) and must stay inside top (its repository; root when None).
    """
    lines = lines or {}
    probe = Config(path=path, root=root, lines=lines)
    if not isinstance(data, dict):
        raise ConfigError(f"{probe.where('')}: expected a table of settings".rstrip())
    _unknown(probe, data, TOP_KEYS, "")
    fail_on = data.get("fail-on")
    if fail_on is not None and (not isinstance(fail_on, str) or fail_on not in FAIL_LEVELS):
        raise ConfigError(f"{probe.where('fail-on')}: expected one of {', '.join(FAIL_LEVELS)}")
    top = top or root
    packs = tuple(_confined(probe, f"packs[{i}]", p, top) for i, p in enumerate(_strings(probe, data, "packs")))
    places: dict[str, str | None] = {}
    for key in PATH_KEYS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{probe.where(key)}: expected a path (a string, relative to this file)")
        places[key] = _confined(probe, key, value, top) if value is not None else None
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list) or not all(isinstance(o, dict) for o in raw_overrides):
        raise ConfigError(f"{probe.where('overrides')}: expected a list of tables ([[tool.factcheck.overrides]])")
    for i, raw in enumerate(raw_overrides):
        prefix = f"overrides[{i}]."
        _unknown(probe, raw, OVERRIDE_KEYS, prefix)
        paths = _strings(probe, raw, "paths", prefix)
        if not paths:
            raise ConfigError(f"{probe.where(prefix + 'paths')}: an override needs a list of path patterns")
        overrides.append(Override(paths=paths, settings=_settings(probe, raw, prefix)))
    return Config(path=path, root=root, select=_strings(probe, data, "select"), packs=packs,
                  baseline=places["baseline"], report_dir=places["report-dir"], rates=places["rates"],
                  fail_on=fail_on, cache_size=_cache_size(probe, data.get("cache-size")),
                  base=_settings(probe, data, ""), overrides=tuple(overrides), lines=lines)


def _cache_size(probe: Config, value: Any) -> int | None:
    """cache-size: bytes (an integer) or a size such as 500MB; 0 means no cap."""
    from .document import parse_size

    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    try:
        return parse_size(value) if isinstance(value, str) else parse_size("?")
    except FactcheckError:
        raise ConfigError(f"{probe.where('cache-size')}: expected a size (bytes, or 500MB, 1GB)") from None


def _confined(probe: Config, key: str, value: str, top: str) -> str:
    """A path from the file, resolved from its folder, inside its repository: else an error saying how it leaves
    (absolute, `..`, a symbolic link), given before anything outside is read or looked at."""
    try:
        return resolve(value, probe.root, top, _tree(Path(top)))
    except Escape as exc:
        raise ConfigError(f"{probe.where(key)}: {exc}; not read") from None


def _unknown(probe: Config, data: dict, allowed: tuple[str, ...], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            name = prefix + (key if isinstance(key, str) else "<key>")
            raise ConfigError(f"{probe.where(name)}: unknown key (expected one of {', '.join(allowed)})")


def _strings(probe: Config, data: dict, key: str, prefix: str = "") -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{probe.where(prefix + key)}: expected a list of strings")
    return tuple(value)


def _settings(probe: Config, data: dict, prefix: str) -> Settings:
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or not all(isinstance(k, str) for k in severity):
        raise ConfigError(f"{probe.where(prefix + 'severity')}: expected a table of rule = severity")
    for token, level in severity.items():
        if not isinstance(level, str) or level not in SEVERITIES:
            raise ConfigError(f"{probe.where(f'{prefix}severity.{token}')}: expected one of {', '.join(SEVERITIES)}")
    params = data.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
        raise ConfigError(f"{probe.where(prefix + 'params')}: expected a table of rule = {{parameter = value}}")
    for token, values in params.items():
        if not isinstance(values, dict) or not all(isinstance(k, str) for k in values):
            raise ConfigError(f"{probe.where(f'{prefix}params.{token}')}: expected a table of parameter = value")
    date_keys = _strings(probe, data, "date-keys", prefix) if "date-keys" in data else None
    if date_keys is not None and not date_keys:
        raise ConfigError(f"{probe.where(prefix + 'date-keys')}: name at least one front matter key")
    return Settings(ignore=_strings(probe, data, "ignore", prefix), severity=dict(severity),
                    params={k: dict(v) for k, v in params.items()}, date_keys=date_keys)


def apply_date_keys(doc: Any, keys: tuple[str, ...] | None) -> None:
    """Take the publication date from the configured front matter keys (unless --published gave it)."""
    from .document import take_date

    if keys is None or doc.published_from == "option" or doc.fmt != "md":
        return
    take_date(doc, keys)
