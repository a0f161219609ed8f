"""One document in a worker process of its own: a hard time limit, a memory cap, a crash costs one file.

A hung C library (a pathological PDF, an image bomb) cannot be interrupted
inside a thread, but a process can be killed; and a crash or memory blow-up
takes down only that process. Workers fork from a forkserver that has the
pipeline imported (cheap to start, no threads inherited from Prefect or Dask).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.errors import (
    DocumentError,
    DocumentTimeoutError,
    InterruptedRunError,
    MemoryLimitError,
    UnreadableFileError,
    WorkerCrashedError,
)
from pipeline.models import Outcome, now
from pipeline.orchestrate.process import doc_id_of, file_digest, process_file
from schemas.enums import Stage

PRELOAD = [
    "pipeline.orchestrate.process",
    "extractors.analyse",
    "pipeline.ingest",
    "pipeline.ingest.pdf",
    "pipeline.ocr.page",
]
_STAGES = list(Stage)


@dataclass
class Limits:
    """Per-document limits enforced on the worker process."""

    timeout_s: float = Settings.model_fields["timeout_s"].default
    memory_mb: int = Settings.model_fields["memory_mb"].default

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(timeout_s=settings.timeout_s, memory_mb=settings.memory_mb)


def work(path: str, ocr: bool, stage_slot: Any = None) -> Outcome:
    """Everything but the writing, for one file (runs in the worker)."""
    started = now()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        err = UnreadableFileError(f"cannot read the file: {exc.strerror or exc}; check it exists and is readable")
        return Outcome.failure(err, started)

    def on_stage(stage: Stage) -> None:
        if stage_slot is not None:
            stage_slot.value = _STAGES.index(stage)

    try:
        result = process_file(path, data=data, ocr=ocr, on_stage=on_stage)
    except DocumentError as exc:
        return Outcome.failure(exc, started, doc_id=doc_id_of(file_digest(data)))
    return Outcome.ok(result, started)


def _child(conn: Connection, path: str, ocr: bool, memory_mb: int, stage_slot: Any, main_pid: int = 0) -> None:
    """Worker process body: cap memory, do the work, send the outcome back."""
    import resource

    from pipeline.orchestrate.lifeline import die_with_parent, exit_when_gone, tie_tesseract_to_its_worker

    # Go down with the main process (even on its SIGKILL) and with the forkserver,
    # and take Tesseract along: a killed run leaves nothing burning CPU.
    die_with_parent()
    # Ctrl-C reaches the whole process group: the main process decides what stops, not each worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if main_pid:
        exit_when_gone(main_pid)
    tie_tesseract_to_its_worker()

    if memory_mb:
        cap = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ValueError, OSError):
            pass
    try:
        outcome = work(path, ocr, stage_slot)
    except MemoryError:
        stage = _STAGES[stage_slot.value]
        err = MemoryLimitError(
            f"the document needed more than {memory_mb} MB; raise --memory-mb or split the file", stage
        )
        outcome = Outcome.failure(err)
    conn.send(outcome)
    conn.close()


_CTX: Any = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(PRELOAD)
    return _CTX


def kill_tree(proc: Any) -> None:
    """Kill a worker and whatever it started.

    A Tesseract the worker was waiting on would otherwise run on, orphaned,
    for up to its own page timeout and hold a core. The worker is stopped
    first so it cannot start another child between the listing and the kill.
    """
    import psutil

    try:
        worker = psutil.Process(proc.pid)
        worker.suspend()
        children = worker.children(recursive=True)
    except psutil.Error:
        children = []
    for child in children:
        try:
            child.kill()
        except psutil.Error:
            pass
    proc.kill()


#: Set when the run is interrupted: running workers are stopped, queued documents not started.
STOP = threading.Event()
#: How often a waiting document checks for an interrupt.
_POLL_S = 0.25


def _interrupted(started: dt.datetime, t0: float, doc_id: str | None) -> Outcome:
    failed = Outcome.failure(InterruptedRunError(), started, doc_id=doc_id)
    failed.duration_s = time.monotonic() - t0
    return failed


def run_isolated(path: Path, ocr: bool, limits: Limits, doc_id: str | None = None) -> Outcome:
    """One document in its own process, killed at the time limit; a crash is retried once.

    `doc_id` (known to the caller from hashing the file) goes on failure rows
    the worker could not fill itself: a timeout, a crash.
    """
    if multiprocessing.current_process().daemon:
        # Daemonic workers (some Dask set-ups) may not have children: work inline.
        return work(str(path), ocr)
    ctx = _context()
    started = now()
    t0 = time.monotonic()
    last = None
    stage_slot = ctx.Value("i", 0, lock=False)
    for _attempt in range(2):
        if STOP.is_set():
            return _interrupted(started, t0, doc_id)
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(
            target=_child, args=(send, str(path), ocr, limits.memory_mb, stage_slot, os.getpid()), daemon=True
        )
        proc.start()
        send.close()
        try:
            deadline = t0 + limits.timeout_s
            while not recv.poll(_POLL_S) and time.monotonic() < deadline and not STOP.is_set():
                pass
            if STOP.is_set() and not recv.poll(0):
                kill_tree(proc)
                proc.join()
                return _interrupted(started, t0, doc_id)
            if recv.poll(0):
                try:
                    outcome: Outcome = recv.recv()
                    outcome.duration_s = time.monotonic() - t0
                    if outcome.doc_id is None:
                        outcome.doc_id = doc_id
                    return outcome
                except EOFError:
                    pass  # the process died before answering
            else:
                kill_tree(proc)
                proc.join()
                stage = _STAGES[stage_slot.value]
                err = DocumentTimeoutError(
                    f"processing took longer than {limits.timeout_s:.0f} s (stage {stage}) and was stopped; "
                    "the file may be pathological (check it opens), or raise --timeout",
                    stage,
                )
                failed = Outcome.failure(err, started, doc_id=doc_id)
                failed.duration_s = time.monotonic() - t0
                return failed
        finally:
            recv.close()
        proc.join()
        last = proc.exitcode
        # A crash is retried once: it may have been the machine, not the file.
    sig = f"signal {-last}" if last is not None and last < 0 else f"exit code {last}"
    crashed = WorkerCrashedError(
        f"the worker process died twice on this file ({sig}: out of memory or a crash in a "
        "PDF/OCR library); check the file opens in a PDF viewer, or split it",
        _STAGES[stage_slot.value],
    )
    failed = Outcome.failure(crashed, started, doc_id=doc_id)
    failed.duration_s = time.monotonic() - t0
    return failed
