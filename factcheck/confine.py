"""Resolve a path written in an untrusted file inside one folder tree, never following a link out of it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_LINKS = 40  # symbolic links followed in one path, as the kernel allows


class Escape(ValueError):
    """A path that leaves its folder tree: the message says how (absolute, `..`, a symbolic link)."""


def repository(path: str | Path) -> Path | None:
    """The top of the git work tree holding a folder (the nearest one with a .git folder or file), else None."""
    folder = Path(os.path.abspath(path))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def within(path: str, folder: str) -> bool:
    """Whether path is folder or lies below it (both absolute and normalised)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def resolve(relative: str, start: str | Path, top: str | Path, what: str = "the repository") -> str:
    """The real path that `relative` names from folder `start`, when every step stays inside `top`.

    Walks the path one name at a time with lstat and readlink, so a symbolic link that leads out of `top` is
    refused before anything behind it is looked at; names that do not exist yet (a report folder) resolve as
    written. An absolute path is refused whatever it names: a path in a repository's file is relative to it.
    """
    if os.path.isabs(relative) or (os.altsep and relative.startswith(os.altsep)):
        raise Escape(f"an absolute path (write a path relative to the configuration file inside {what})")
    spellings = [os.path.realpath(top), os.path.abspath(top)]  # a link may name the tree by either
    root = spellings[0]
    current = os.path.realpath(start)
    if not within(current, root):
        raise Escape(f"the starting folder is outside {what}")
    pending = [(name, False) for name in _names(relative)]  # (name, whether a link's target gave it)
    links, exists = 0, True
    while pending:
        name, linked = pending.pop(0)
        if name in ("", "."):
            continue
        if name == "..":
            current = os.path.dirname(current)
            if not within(current, root):
                raise Escape(f"a symbolic link leads out of {what}" if linked else f"'..' leads out of {what}")
            continue
        candidate = os.path.join(current, name)
        if exists:
            try:
                mode = os.lstat(candidate).st_mode
            except OSError:  # not there (yet): nothing below it can be a link
                exists = False
            else:
                if stat.S_ISLNK(mode):
                    links += 1
                    if links > MAX_LINKS:
                        raise Escape("too many symbolic links")
                    target = os.readlink(candidate)
                    if os.path.isabs(target):
                        inside = _under(target, spellings)
                        if inside is None:
                            raise Escape(f"a symbolic link leads out of {what}")
                        current, target = root, inside
                    pending[:0] = [(n, True) for n in _names(target)]
                    continue
        current = candidate
    return current


def _names(path: str) -> list[str]:
    return path.replace(os.altsep, os.sep).split(os.sep) if os.altsep else path.split(os.sep)


def _under(target: str, spellings: list[str]) -> str | None:
    """An absolute link target as a path relative to the tree, when it starts with one of its spellings."""
    for top in spellings:
        if within(target, top):
            return target[len(top):].lstrip(os.sep) or "."
    return None
