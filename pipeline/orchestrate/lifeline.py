"""Processes that die with their parent, even when the parent is killed with SIGKILL.

Signal handlers cannot run on SIGKILL, so a killed `vnplans run` would leave
its workers and their Tesseract processes burning CPU. Linux's
`PR_SET_PDEATHSIG` asks the kernel to send a signal to a process when its
parent dies: each worker sets it (its parent is the forkserver, which exits
when the main process goes away), and each Tesseract process it starts sets it
too, so the whole tree goes down with the main process.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from pipeline.libc import PR_SET_PDEATHSIG, prctl


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send `sig` to this process when its parent dies; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    parent = os.getppid()
    if prctl(PR_SET_PDEATHSIG, sig) != 0:
        return False
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), sig)
    return True


def with_lifeline(preexec: Callable[[], Any] | None = None) -> Callable[[], None]:
    """A `preexec_fn` for `subprocess.Popen` that ties the child to its parent (after `preexec`)."""

    def run() -> None:
        if preexec is not None:
            preexec()
        die_with_parent()

    return run


def tie_tesseract_to_its_worker() -> None:
    """Make every Tesseract that pytesseract starts in this process die with it."""
    import pytesseract.pytesseract as pt

    if getattr(pt, "_vnplans_lifeline", False):
        return
    original = pt.subprocess_args

    def subprocess_args(include_stdout: bool = True) -> dict:
        kwargs = original(include_stdout)
        if sys.platform.startswith("linux"):
            kwargs["preexec_fn"] = with_lifeline(kwargs.get("preexec_fn"))
        return kwargs

    pt.subprocess_args = subprocess_args
    pt._vnplans_lifeline = True


def exit_when_gone(pid: int, interval: float = 0.5) -> None:
    """Kill this process as soon as process `pid` no longer exists.

    A forkserver worker's parent is the forkserver, which stays up while any
    worker holds its liveness pipe: the kernel's parent-death signal never fires
    for it when the main process is killed. A daemon thread watching the main
    process closes that gap (a worker's Tesseract dies with the worker)."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os.kill(os.getpid(), signal.SIGKILL)
            except PermissionError:  # alive, owned by someone else
                pass

    threading.Thread(target=watch, name="vnplans-lifeline", daemon=True).start()


class Watchdog:
    """A small process that kills what this process started if this process is killed.

    Parent-death signals cover the processes vnplans starts itself; Prefect's
    temporary API server and Dask's processes are started by those libraries,
    beyond their reach, and outlived a `kill -9` of the run. The watchdog
    records this process's descendants twice a second and, the moment its
    parent is gone, kills those still running (matched by start time, so a
    reused PID is never hit). Used as a context manager around a run.
    """

    def __init__(self) -> None:
        self.proc: Any = None

    def __enter__(self) -> Watchdog:
        import subprocess

        if sys.platform.startswith("linux"):
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.orchestrate.lifeline", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()


def _watch(parent: int, interval: float = 0.5) -> None:
    import time

    import psutil

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the run; this one stays to clean up
    me = os.getpid()
    seen: dict[int, float] = {}
    while os.getppid() == parent:
        try:
            for p in psutil.Process(parent).children(recursive=True):
                if p.pid != me and p.pid not in seen:
                    seen[p.pid] = p.create_time()
        except psutil.Error:
            pass
        time.sleep(interval)
    for pid, started in seen.items():
        try:
            p = psutil.Process(pid)
            if p.create_time() == started:
                p.kill()
        except psutil.Error:
            continue


if __name__ == "__main__":
    _watch(int(sys.argv[1]))
