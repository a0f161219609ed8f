"""One run at a time writes an output folder.

Two runs on one `--out` would process overlapping files twice, and the second
would sweep the first one's in-flight temporary files. The lock is an `flock`
on `OUT/.vnplans.lock` (released by the kernel when the process dies, so a
killed run never leaves a stale lock); the file holds the owner's pid for the
message.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import OutputLockedError

LOCK_NAME = ".vnplans.lock"


@contextmanager
def output_lock(out_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the output folder's lock; raise `OutputLockedError` if another run holds it (unless `wait`)."""
    path = Path(out_dir) / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputLockedError(
                f"another vnplans run (pid {owner}) is writing {out_dir}; wait for it to finish, "
                "use another --out, or pass --wait to queue behind it"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
