"""The C library, loaded once, for the few Linux calls Python does not wrap: `prctl` (a
worker's parent-death signal, a thread's name while it runs Tesseract) and `renameat2`
(two table folders exchanged atomically)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15
PR_GET_NAME = 16


@cache
def libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def prctl(option: int, arg: object) -> int:
    """`prctl(option, arg, 0, 0, 0)`: 0 on success."""
    return int(libc().prctl(option, arg, 0, 0, 0))


@contextmanager
def thread_named(name: bytes) -> Iterator[None]:
    """This OS thread named `name` (at most 15 bytes) while the block runs; elsewhere than
    Linux nothing. `top -H` and `ps -L` show the name."""
    if not sys.platform.startswith("linux"):
        yield
        return
    before = ctypes.create_string_buffer(16)
    prctl(PR_GET_NAME, before)
    prctl(PR_SET_NAME, ctypes.c_char_p(name))
    try:
        yield
    finally:
        prctl(PR_SET_NAME, before)
