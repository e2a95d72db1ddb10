"""The one error family a user can cause: each says what is wrong in one line, quoting nothing it read."""

from __future__ import annotations

import re

# A name an error may repeat from a file factcheck does not trust: a word (lowercase letters and digits in parts of
# at most 16 characters, joined by - or _, 40 in all) or a rule code. A token or key of any other shape is not shown.
SHOWN_NAME = re.compile(r"(?=.{1,40}$)[a-z][a-z0-9]{0,15}(?:[-_][a-z0-9]{1,16})*|[Ff][Cc]\d{1,3}")
QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|\([^)\n]*\)")
TAIL = re.compile(r":\s+\S.*$", re.S)


class FactcheckError(Exception):
    """A usage, input or configuration error: the CLI prints it in one line and exits 2."""


class InputError(FactcheckError):
    """An article that cannot be read or understood."""


class RuleError(FactcheckError):
    """A rule file that is broken: the message names the file, the line and the field."""


class ConfigError(FactcheckError):
    """A configuration file or option with an unknown key or a bad value."""


def shown(name: object, instead: str = "<key>") -> str:
    """A key or rule token from an untrusted file as an error may name it: itself if it looks like a word or a
    rule code, else `instead` (a secret in a file that is not a rule pack must not reach a public CI log)."""
    return name if isinstance(name, str) and SHOWN_NAME.fullmatch(name) else instead


def unquoted(problem: object) -> str:
    """A parser's complaint without the text it quotes: "found character '\\t' that cannot..." -> "found character …
    that cannot...". Quoted or parenthesised parts and anything after a colon go."""
    return QUOTED.sub("…", TAIL.sub("", str(problem))).strip()
