"""Temporary files that become output files: created beside their target, with
the permissions an ordinary file gets.

`tempfile.mkstemp` creates files readable by their owner only (0600) whatever
the umask, which is right for secrets but wrong for tables a team shares: an
output folder with umask 002 must get group-readable (0664) tables, as `cp`
or `touch` would make them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def current_umask() -> int:
    """This process's umask, read without changing it (other threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # No /proc (not Linux): the set-and-restore round trip is the only way.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_file_beside(folder: Path | str, prefix: str, suffix: str) -> tuple[int, str]:
    """`mkstemp` in `folder`, its mode what the umask gives a new file (0666 & ~umask)."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
    except BaseException:
        os.close(fd)
        os.unlink(name)
        raise
    return fd, name


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (best effort: not every file system can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
