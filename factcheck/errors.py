"""The one error family a user can cause: each says what is wrong in one line."""


class FactcheckError(Exception):
    """A usage, input or configuration error: the CLI prints it in one line and exits 2."""


class InputError(FactcheckError):
    """An article that cannot be read or understood."""


class RuleError(FactcheckError):
    """A rule file that is broken: the message names the file, the line and the field."""


class ConfigError(FactcheckError):
    """A configuration file or option with an unknown key or a bad value."""
