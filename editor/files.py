"""Opening a user's file without trusting the path: regular files only, within a size cap.

Images and .cube files both come from a file dialog, a drop or the command line, so a path
may name a FIFO (opening it waits forever for a writer), a device, a directory, or a file
swapped for one of these between our check and our open. Both decoders open files here.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO

from editor.errors import EditorError

__all__ = ["file_error", "open_regular"]

# O_NONBLOCK: if the path is swapped for a FIFO between our stat and open, opening it must not
# wait forever for a writer. O_NOCTTY: a terminal swapped in must not become ours. Both are
# no-ops on the regular files we accept. O_BINARY exists (and matters) on Windows only.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def open_regular(path: Path | str, check_size: Callable[[int], None]) -> tuple[IO[bytes], int]:
    """Open `path` for reading if it is a regular file whose size `check_size` accepts.

    Returns:
        The open binary stream (the caller closes it) and the file's size.

    Raises:
        EditorError: ``file.not_found``, ``file.unreadable`` ({errno}), ``file.not_regular``
            ({kind}), or whatever `check_size` raises.
    """
    try:
        before = os.stat(path)
    except OSError as exc:
        raise file_error(exc) from exc
    # Refuse before opening: opening a FIFO blocks, and opening a device can act on it.
    _check_regular(before.st_mode)
    check_size(before.st_size)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise file_error(exc) from exc
    try:
        # The path may have been replaced since the stat: judge what was actually opened.
        opened = os.fstat(fd)
        _check_regular(opened.st_mode)
        check_size(opened.st_size)
        return os.fdopen(fd, "rb"), opened.st_size
    except BaseException:
        os.close(fd)
        raise


def file_error(exc: OSError) -> EditorError:
    """The EditorError for an OSError met while opening or reading a user's file."""
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return EditorError("file.not_found")
    return EditorError("file.unreadable", {"errno": errno.errorcode.get(exc.errno or 0, "")})


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "directory"
    elif stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    else:
        kind = "other"
    raise EditorError("file.not_regular", {"kind": kind})
