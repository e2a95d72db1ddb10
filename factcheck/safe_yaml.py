"""Read YAML that factcheck does not trust (rule packs, .factcheck.yaml): capped in size and depth, no aliases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import unquoted

MAX_BYTES = 1 << 20  # a rule or a configuration is a page of text, not a megabyte
MAX_DEPTH = 32  # mappings and lists inside each other; the deepest real rule nests 4


class YamlProblem(Exception):
    """Why a file is refused, and the 1-based line: the message quotes nothing from the file."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """A file's text, refused when it is larger than limit bytes (read no further) or not UTF-8."""
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise YamlProblem(1, f"larger than {limit} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(data.count(b"\n", 0, exc.start) + 1, "not UTF-8 text") from None


def load_file(path: Path, error: type[Exception]) -> tuple[Any, Any]:
    """A YAML file's data and node tree (see load); any problem is `error`, naming the file and the line."""
    try:
        return load(read_text(path))
    except YamlProblem as exc:
        raise error(f"{path}:{exc.line}: {exc}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or type(exc).__name__}") from None


def load(text: str) -> tuple[Any, Any]:
    """The data of one YAML document and its node tree (for the fields' lines); None, None when it is empty.

    The event stream is checked first, so an alias bomb or a document nested thousands deep is refused after
    reading at most a few lines of it, before anything is built.
    """
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: several times faster
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(event.start_mark.line + 1, "anchors and aliases are not allowed (write the value "
                                  "out)")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = loader_class(text)
        try:  # composed once: the node gives the fields' lines, and the data is constructed from it
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlProblem(mark.line + 1 if mark is not None else 1,
                          f"not valid YAML: {unquoted(getattr(exc, 'problem', None) or 'cannot parse')}") from None
    except (ValueError, OverflowError, TypeError) as exc:  # a value YAML reads as an impossible date: 2023-02-30
        raise YamlProblem(1, f"not valid YAML: a value that cannot be read: {unquoted(exc)}") from None
    except RecursionError:
        raise YamlProblem(1, "not valid YAML: nested too deeply") from None
    return data, node
