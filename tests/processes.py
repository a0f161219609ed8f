"""Watching the Tesseract processes a test's documents start."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psutil


@dataclass
class TesseractWatch:
    seen: dict[int, psutil.Process] = field(default_factory=dict)  # every Tesseract, by pid
    peak: int = 0  # most running at once

    def alive(self) -> list[int]:
        return [p for p, proc in self.seen.items() if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE]


def tesseracts() -> list[psutil.Process]:
    """Tesseract processes started (through workers) by this test process."""
    out = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.name().startswith("tesseract"):
                out.append(child)
        except psutil.Error:
            pass
    return out


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
