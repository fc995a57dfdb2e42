"""The one gate for paths: every file the tools read or write by a name that came from a descriptor,
an annotation or an archive goes through here.

A name is refused when it is absolute, climbs with `..`, is a URL, holds a control character, or
leads (through a symbolic link) outside its root: the package folder, the project, the output
folder. A file is read only when it is a regular file (never a device, a FIFO or a socket), and
never past the size the caller allows, whatever `stat` says. frictionless's own test for a safe
path (`helpers.is_safe_path`: no absolute path, no `..`) is the reference; following symbolic
links out of the root is refused here too.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

# A URL: a scheme, then "://". Such names are fetched by some tools; ours never fetch.
REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Characters no file name of ours holds: control characters (a newline forges a checksum line) and
# the ones Windows or a shell would read otherwise.
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\\]")
# A name that becomes one path component of an output file (package, resource, sheet, export).
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
# A descriptor can hold inline data and so be large, but not this large.
MAX_DESCRIPTOR_BYTES = 50_000_000


class UnsafePath(ValueError):
    """A path or name that must not be used; the message says why, for the user."""


class TooLarge(UnsafePath):
    """A file that holds more bytes than its reader allows."""


def is_remote(value: object) -> bool:
    return isinstance(value, str) and REMOTE.match(value) is not None


NOT_TEXT = "a path must be a non-empty text"


def path_problem(relative: object) -> str | None:
    """Why `relative`, a path named inside a package or a project, cannot be used; None when it can."""
    if not isinstance(relative, str) or not relative:
        return NOT_TEXT
    shown = repr(relative)
    if is_remote(relative):
        return f"{shown} is a remote URL; remote files are not fetched (download it and name the local copy)"
    if _FORBIDDEN.search(relative):
        return f"{shown} holds a control character or a backslash"
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).drive or relative.startswith("~"):
        return f"{shown} is an absolute path; a path must be relative to the folder that names it"
    if ".." in PurePosixPath(relative).parts:
        return f"{shown} climbs out of its folder with '..'"
    return None


def inside(root: Path, relative: object) -> Path:
    """`root / relative`, once it is sure to stay inside `root` even after following symbolic links.
    `relative` is taken as a descriptor gives it: anything but a relative path in text is refused."""
    problem = path_problem(relative)
    if problem or not isinstance(relative, str):
        raise UnsafePath(problem or NOT_TEXT)
    target = root / relative
    base = root.resolve()
    if not target.resolve().is_relative_to(base):
        raise UnsafePath(f"{relative!r} leads outside {root} through a symbolic link")
    return target


def _open_regular(path: Path, shown: str) -> tuple[int, int]:
    """(descriptor, size) of `path` opened for reading, once it is a regular file; UnsafePath for a
    device, a FIFO, a socket or a folder. Opened without blocking, so a FIFO is refused instead of
    waiting for a writer; checked on the descriptor itself, so nothing can be swapped in between."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise type(error)(error.errno, error.strerror or str(error), shown) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UnsafePath(f"{shown} is not a regular file")
    return fd, info.st_size


def regular_file(path: Path, shown: str | None = None) -> int:
    """The size of `path`, a regular file; UnsafePath for anything else (see _open_regular)."""
    fd, size = _open_regular(path, shown or str(path))
    os.close(fd)
    return size


def read_limited(path: Path, limit: int, shown: str | None = None) -> bytes:
    """The bytes of the regular file `path`, refused (UnsafePath) when it holds more than `limit`."""
    shown = shown or str(path)
    fd, _ = _open_regular(path, shown)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{shown} is larger than {_size(limit)}")
    return data


def read_inside(root: Path, relative: str, limit: int) -> bytes:
    """The bytes of `relative`, a regular file inside `root`, at most `limit` of them."""
    return read_limited(inside(root, relative), limit, relative)


def safe_name(name: object, what: str = "name") -> str:
    """`name` when it can be one component of a file name we write; UnsafePath otherwise."""
    if not isinstance(name, str) or not SAFE_NAME.match(name) or name.endswith("."):
        raise UnsafePath(f"the {what} {name!r} cannot name a file: use letters, digits, '.', '_' and '-' "
                         "(no '/', no leading dot, at most 200 characters)")
    return name


def _size(limit: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if limit >= size:
            return f"{limit / size:g} {unit}"
    return f"{limit} bytes"
