"""Documents in worker processes: a hard time limit, a memory cap, a crash costs one file.

A hung C library (a pathological PDF, an image bomb) cannot be interrupted
inside a thread, but a process can be killed; and a crash or memory blow-up
takes down only that process. Workers fork from a forkserver that has the
pipeline imported (no threads inherited from Prefect or Dask).

A worker is long-lived: each thread that runs documents (the runner's pool,
Prefect's task runner) keeps one and sends it document after document, because
a fresh process per document costs more than extracting a text plan (its
lazily built tables, gazetteers and language model start cold every time). A
worker is replaced when it is killed at the time limit, when it crashes, after
`max_docs` documents, and when its memory grew past `recycle_mb`.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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


def _setting(name: str) -> Any:
    return lambda: getattr(Settings(), name)


@dataclass
class Limits:
    """Per-document limits enforced on the worker process, and when a worker is replaced."""

    timeout_s: float = Settings.model_fields["timeout_s"].default
    memory_mb: int = Settings.model_fields["memory_mb"].default
    max_docs: int = field(default_factory=_setting("worker_max_docs"))
    recycle_mb: int = field(default_factory=_setting("worker_recycle_mb"))

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            timeout_s=settings.timeout_s,
            memory_mb=settings.memory_mb,
            max_docs=settings.worker_max_docs,
            recycle_mb=settings.worker_recycle_mb,
        )


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


def _serve(
    conn: Connection, memory_mb: int, stage_slot: Any, main_pid: int = 0, lanes: Any = None, waiting: Any = None
) -> None:
    """Worker process body: cap memory, then take documents from `conn` until it closes."""
    import resource

    from pipeline.ocr import lanes as ocr_lanes
    from pipeline.orchestrate.lifeline import die_with_parent, exit_when_gone, tie_tesseract_to_its_worker

    # Go down with the main process (even on its SIGKILL) and with the forkserver,
    # and take Tesseract along: a killed run leaves nothing burning CPU.
    die_with_parent()
    # Ctrl-C reaches the whole process group: the main process decides what stops, not each worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if main_pid:
        exit_when_gone(main_pid)
    tie_tesseract_to_its_worker()
    if lanes is not None:
        ocr_lanes.connect(lanes, waiting)

    if memory_mb:
        cap = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ValueError, OSError):
            pass
    settled = False
    while True:
        try:
            path, ocr = conn.recv()
        except (EOFError, OSError):
            return  # the run is over (or gone)
        stage_slot.value = 0
        try:
            outcome = work(path, ocr, stage_slot)
            if not settled:
                settle_heap()
                settled = True
        except MemoryError:
            stage = _STAGES[stage_slot.value]
            err = MemoryLimitError(
                f"the document needed more than {memory_mb} MB; raise --memory-mb or split the file", stage
            )
            conn.send(Outcome.failure(err))
            return  # a heap that hit its cap is not worth keeping
        conn.send(outcome)


def settle_heap() -> None:
    """Move what the first document loaded (models, compiled patterns, the
    pipeline's modules) out of the garbage collector's sight.

    Every later document allocates thousands of short-lived objects, and each
    full collection walked those ~100,000 long-lived ones again: 7 % of the
    extraction time on the samples. Garbage is collected first, so nothing
    unreachable is kept."""
    gc.collect()
    gc.freeze()


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

    if proc.exitcode is not None:
        return  # already reaped: its pid may be another process's now
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


def _failed(err: DocumentError, started: dt.datetime, t0: float, doc_id: str | None) -> Outcome:
    failed = Outcome.failure(err, started, doc_id=doc_id)
    failed.duration_s = time.monotonic() - t0
    return failed


def _interrupted(started: dt.datetime, t0: float, doc_id: str | None) -> Outcome:
    return _failed(InterruptedRunError(), started, t0, doc_id)


class Worker:
    """One long-lived worker process and the pipe to it."""

    def __init__(self, limits: Limits) -> None:
        ctx = _context()
        self.memory_mb = limits.memory_mb
        self.stage_slot = ctx.Value("i", 0, lock=False)
        # Cores its scan pages may use (written here) and its pages waiting for one (written there).
        self.lanes = ctx.Value("i", 1, lock=False)
        self.waiting = ctx.Value("i", 0, lock=False)
        self.conn, theirs = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=_serve,
            args=(theirs, limits.memory_mb, self.stage_slot, os.getpid(), self.lanes, self.waiting),
            daemon=True,
        )
        self.proc.start()
        theirs.close()
        self.done = 0

    @property
    def stage(self) -> Stage:
        return _STAGES[self.stage_slot.value]

    def rss_mb(self) -> float:
        import psutil

        try:
            return psutil.Process(self.proc.pid).memory_info().rss / 2**20
        except psutil.Error:
            return 0.0

    def kill(self) -> None:
        kill_tree(self.proc)
        self.close()

    def close(self) -> None:
        """Let the worker finish: closing the pipe ends its loop; a worker that lingers is killed."""
        _close_all([self])


_LANE = threading.local()
_WORKERS: set[Worker] = set()
_WORKERS_LOCK = threading.Lock()
#: Workers processing a document now, and the cores the run was given (0: no sharing).
_BUSY: list[Worker] = []
_CORES = 0


def share_cores(cores: int) -> None:
    """Let documents OCR pages on the run's idle cores (`pipeline.ocr.lanes`); 0 stops it."""
    global _CORES
    _CORES = cores


def _share_spare_cores() -> None:
    """Give the cores no document is using to the documents with pages waiting for OCR.

    Round robin, at most one lane per waiting page; every other document gets
    one lane (its own core). Called while documents start, run and end."""
    with _WORKERS_LOCK:
        busy = list(_BUSY)
    spare = max(0, _CORES - len(busy))
    lanes = {id(w): 1 for w in busy}
    hungry = [w for w in busy if w.waiting.value > 0]
    while spare and hungry:
        for w in list(hungry):
            if not spare:
                break
            if lanes[id(w)] > w.waiting.value:
                hungry.remove(w)
                continue
            lanes[id(w)] += 1
            spare -= 1
    for w in busy:
        w.lanes.value = lanes[id(w)]


#: Workers started ahead of the batch's threads (`prestart_workers`), and the thread starting them.
_SPARE: list[Worker] = []
_PRESTARTING: list[threading.Thread] = []


def prestart_workers(n: int, limits: Limits) -> None:
    """Start `n` workers in the background for the batch's threads to take.

    A run's first worker waits ~2 s for the forkserver to import the pipeline;
    started here, that overlaps what the run does first (Prefect starting its
    server, planning the batch) instead of following it."""
    if n < 1 or multiprocessing.current_process().daemon:
        return

    def start() -> None:
        for _ in range(n):
            if STOP.is_set():
                return
            w = _started(limits)
            with _WORKERS_LOCK:
                _SPARE.append(w)

    t = threading.Thread(target=start, name="vnplans-prestart", daemon=True)
    _PRESTARTING.append(t)
    t.start()


def _await_prestart() -> None:
    for t in list(_PRESTARTING):
        t.join()
    _PRESTARTING.clear()


def _started(limits: Limits) -> Worker:
    """A new worker, registered so that `close_workers` ends it."""
    w = Worker(limits)
    with _WORKERS_LOCK:
        _WORKERS.add(w)
    return w


def _pop_spare(limits: Limits) -> Worker | None:
    """A prestarted worker for these limits; spares that are not (dead, or another memory cap) are ended."""
    unfit: list[Worker] = []
    found = None
    with _WORKERS_LOCK:
        while _SPARE and found is None:
            w = _SPARE.pop()
            if w.memory_mb == limits.memory_mb and w.proc.is_alive():
                found = w
            else:
                _WORKERS.discard(w)
                unfit.append(w)
    _close_all(unfit)
    return found


def _take_spare(limits: Limits) -> Worker | None:
    """A prestarted worker for these limits, waiting for the prestart if none is ready yet."""
    w = _pop_spare(limits)
    if w is None and _PRESTARTING:
        _await_prestart()
        w = _pop_spare(limits)
    return w


def _worker(limits: Limits) -> Worker:
    """This thread's worker, started (or replaced, when the memory cap changed) as needed."""
    w: Worker | None = getattr(_LANE, "worker", None)
    if w is not None and (w.memory_mb != limits.memory_mb or not w.proc.is_alive()):
        _retire(w)
        w = None
    if w is None:
        w = _LANE.worker = _take_spare(limits) or _started(limits)
    return w


def _retire(w: Worker, kill: bool = False) -> None:
    if getattr(_LANE, "worker", None) is w:
        _LANE.worker = None
    with _WORKERS_LOCK:
        _WORKERS.discard(w)
    w.kill() if kill else w.close()


def release_worker() -> None:
    """Hand this thread's worker to the next thread that needs one, instead of ending it."""
    w: Worker | None = getattr(_LANE, "worker", None)
    _LANE.worker = None
    if w is not None:
        with _WORKERS_LOCK:
            _SPARE.append(w)


def close_workers() -> None:
    """End every worker this process started (at the end of a batch)."""
    _await_prestart()
    with _WORKERS_LOCK:
        workers = list(_WORKERS)
        _WORKERS.clear()
        _SPARE.clear()
    _close_all(workers)


#: How long a worker whose pipe was closed may take to exit before it is killed.
_EXIT_GRACE_S = 5.0


def _close_all(workers: list[Worker]) -> None:
    """Close every pipe first, then wait once: the workers exit side by side,
    so ending a run costs one worker's exit, not the sum of them."""
    for w in workers:
        w.conn.close()
    deadline = time.monotonic() + _EXIT_GRACE_S
    for w in workers:
        w.proc.join(max(0.0, deadline - time.monotonic()))
        if w.proc.is_alive():
            kill_tree(w.proc)
            w.proc.join()


@contextmanager
def _busy(w: Worker) -> Iterator[None]:
    with _WORKERS_LOCK:
        _BUSY.append(w)
    try:
        yield
    finally:
        with _WORKERS_LOCK:
            _BUSY.remove(w)
        w.lanes.value = 1
        _share_spare_cores()


def run_isolated(path: Path, ocr: bool, limits: Limits, doc_id: str | None = None) -> Outcome:
    """One document in this thread's worker process, killed at the time limit; a crash is retried once.

    `doc_id` (known to the caller from hashing the file) goes on failure rows
    the worker could not fill itself: a timeout, a crash.
    """
    if multiprocessing.current_process().daemon:
        # Daemonic workers (some Dask set-ups) may not have children: work inline.
        return work(str(path), ocr)
    started = now()
    t0 = time.monotonic()
    last = None
    stage = Stage.READ
    # Starting a worker (the first one of a process also starts the fork
    # server, which imports the pipeline: seconds on a slow machine) is not
    # the document's time.
    starting = 0.0
    for _attempt in range(2):
        if STOP.is_set():
            return _interrupted(started, t0, doc_id)
        t_start = time.monotonic()
        w = _worker(limits)
        starting += time.monotonic() - t_start
        try:
            w.conn.send((str(path), ocr))
        except OSError:
            pass  # the worker died idle: the read below sees it
        deadline = t0 + starting + limits.timeout_s
        with _busy(w):
            while not w.conn.poll(_POLL_S) and time.monotonic() < deadline and not STOP.is_set():
                if not w.proc.is_alive() and not w.conn.poll(0):
                    break
                _share_spare_cores()
        if STOP.is_set() and not w.conn.poll(0):
            _retire(w, kill=True)
            return _interrupted(started, t0, doc_id)
        if w.conn.poll(0):
            try:
                outcome: Outcome = w.conn.recv()
            except (EOFError, OSError):
                pass  # the process died before answering
            else:
                outcome.duration_s = time.monotonic() - t0
                if outcome.doc_id is None:
                    outcome.doc_id = doc_id
                w.done += 1
                if (
                    w.done >= limits.max_docs
                    or outcome.error_type == MemoryLimitError.__name__
                    or w.rss_mb() > limits.recycle_mb
                ):
                    _retire(w)
                return outcome
        elif w.proc.is_alive():
            stage = w.stage
            _retire(w, kill=True)
            err = DocumentTimeoutError(
                f"processing took longer than {limits.timeout_s:.0f} s (stage {stage}) and was stopped; "
                "the file may be pathological (check it opens), or raise --timeout",
                stage,
            )
            return _failed(err, started, t0, doc_id)
        stage = w.stage
        _retire(w, kill=True)
        last = w.proc.exitcode
        # A crash is retried once, on a fresh worker: it may have been the machine, not the file.
    sig = f"signal {-last}" if last is not None and last < 0 else f"exit code {last}"
    crashed = WorkerCrashedError(
        f"the worker process died twice on this file ({sig}: out of memory or a crash in a "
        "PDF/OCR library); check the file opens in a PDF viewer, or split it",
        stage,
    )
    return _failed(crashed, started, t0, doc_id)
