"""Writing a file safely: never through a symbolic link, through a temporary file beside it, replaced atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import FactcheckError

TEMP_PREFIX, TEMP_SUFFIX = ".factcheck-", ".tmp"


class UnsafeTarget(FactcheckError):
    """A target that writing would follow out of its place (a symbolic link) or that is not a regular file."""


def check_folder(folder: str | Path) -> Path:
    """The folder, created if missing; a symbolic link or a non-folder there is refused."""
    path = Path(folder)
    if path.is_symlink():
        raise UnsafeTarget(f"{path}: is a symbolic link; factcheck does not write through links")
    path.mkdir(parents=True, exist_ok=True)
    if not path.is_dir():
        raise UnsafeTarget(f"{path}: is not a folder")
    return path


def check_target(target: str | Path) -> Path:
    """The target, if writing it cannot reach anything else: missing, or a regular file that is not a link."""
    path = Path(target)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeTarget(f"{path}: is a symbolic link; factcheck does not write through links")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeTarget(f"{path}: is not a regular file; factcheck writes only regular files")
    return path


@contextmanager
def replacing(target: str | Path, binary: bool = False) -> Iterator[IO]:
    """Yield a temporary file beside the target; on success it replaces the target in one step.

    On any failure or interruption the temporary file is removed and the old target is left as it was.
    """
    path = check_target(target)
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        check_target(path)  # still not a link (a race between the check and the replace)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(target: str | Path, text: str) -> None:
    """Write text (UTF-8) to the target safely."""
    with replacing(target) as fh:
        fh.write(text)


def write_bytes(target: str | Path, data: bytes) -> None:
    """Write bytes to the target safely."""
    with replacing(target, binary=True) as fh:
        fh.write(data)
