"""Compile the regular expressions of rule packs with RE2: linear time, so no pattern can hang a run."""

from __future__ import annotations

from typing import Any

MAX_PATTERN = 2000  # characters; a rule's pattern is a phrase, not a program
MAX_MEMORY = 8 << 20  # bytes RE2 may use for one compiled pattern


class PatternError(ValueError):
    """A pattern RE2 refuses: bad syntax, or a backtracking-only feature (look-around, backreferences)."""


def compile(pattern: str, ignore_case: bool = False) -> Any:
    """A compiled pattern with the `re` methods (search, match, fullmatch, finditer, findall, sub), in linear time.

    RE2 runs in time linear in the text whatever the pattern, so a rule's regular expression cannot
    backtrack for hours. It refuses look-around and backreferences; `\\d`, `\\w` and `\\b` are ASCII
    (write `\\p{N}` or `\\pL` for any script). Python's `\\Z` is accepted and means end of text.
    """
    import re2

    from .errors import unquoted

    if not isinstance(pattern, str):
        raise PatternError(f"a pattern must be a string, not {type(pattern).__name__}")
    if len(pattern) > MAX_PATTERN:
        raise PatternError(f"pattern is {len(pattern)} characters long (at most {MAX_PATTERN})")
    options = re2.Options()
    options.log_errors = False  # RE2 would write its complaint to stderr; the caller says it in one line
    options.max_mem = MAX_MEMORY
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(_python_to_re2(pattern), options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(f"not a supported regular expression: {unquoted(reason)}") from None


def problem(pattern: Any, ignore_case: bool = False) -> str | None:
    """What is wrong with a pattern, for a check kind's validate(params); None when it compiles."""
    try:
        compile(pattern, ignore_case)
    except PatternError as exc:
        return str(exc)
    return None


def _python_to_re2(pattern: str) -> str:
    """Rewrite the one Python spelling RE2 reads differently: `\\Z` (end of text) is RE2's `\\z`."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append("\\z" if pair == "\\Z" else pair)
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)
