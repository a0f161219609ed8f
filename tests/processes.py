"""Watching the Tesseract processes a test's documents start."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psutil
import pytest


@dataclass
class TesseractWatch:
    seen: dict[int, psutil.Process] = field(default_factory=dict)  # every Tesseract, by pid
    peak: int = 0  # most running at once

    def alive(self) -> list[int]:
        return [p for p, proc in self.seen.items() if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE]


def tesseracts() -> list[psutil.Process]:
    """Tesseracts at work (through workers) under this test process: `tesseract` processes, and
    the threads of a worker running Tesseract's library, which name themselves `tesseract`."""
    out = []
    for child in psutil.Process().children(recursive=True):
        try:
            # by its program: a worker's main thread running the library is named `tesseract` too
            if os.path.basename(child.exe()).startswith("tesseract"):
                out.append(child)
                continue
            for thread in child.threads():
                if _thread_name(child.pid, thread.id) == "tesseract":
                    out.append(psutil.Process(thread.id))
        except psutil.Error:
            pass
    return out


def _thread_name(pid: int, tid: int) -> str:
    try:
        with open(f"/proc/{pid}/task/{tid}/comm", encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return ""


@contextmanager
def watching_tesseracts(interval: float = 0.02) -> Iterator[TesseractWatch]:
    """Sample this process's Tesseracts while the block runs."""
    watch, running = TesseractWatch(), threading.Event()
    running.set()

    def sample() -> None:
        while running.is_set():
            try:
                now = tesseracts()
            except psutil.Error:
                now = []
            watch.peak = max(watch.peak, len(now))
            for proc in now:
                watch.seen.setdefault(proc.pid, proc)
            time.sleep(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        yield watch
    finally:
        running.clear()
        t.join()


def describe_tree(pid: int) -> str:
    """A process and its descendants as `ps` would list them, with the load: what a hang report needs."""
    lines = [f"load average {os.getloadavg()}"]
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return "\n".join([*lines, f"{pid} gone"])
    for p in procs:
        try:
            cpu = p.cpu_times()
            lines.append(f"{p.pid} {p.status()} cpu {cpu.user + cpu.system:.1f}s {' '.join(p.cmdline())[:120]}")
        except psutil.Error:
            continue
    return "\n".join(lines)


def communicate_or_explain(proc: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """`proc.communicate(timeout)`; a process that does not end in time fails the
    test with its process tree and the stacks of its threads (`vnplans` prints
    them on SIGUSR1), then is killed with everything it started."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        tree = describe_tree(proc.pid)
        descendants = []
        try:
            descendants = psutil.Process(proc.pid).children(recursive=True)
            os.kill(proc.pid, signal.SIGUSR1)
            time.sleep(1.0)
        except (psutil.Error, ProcessLookupError):
            pass
        proc.kill()
        for p in descendants:
            try:
                p.kill()
            except psutil.Error:
                pass
        _, stderr = proc.communicate()
        pytest.fail(f"pid {proc.pid} still running after {timeout} s\n{tree}\nstderr:\n{stderr[-8000:]}")
