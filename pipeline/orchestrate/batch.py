"""The Prefect flow: every file under the given paths, one task per document.

Prefect orchestrates (tasks, retries, concurrency, run history); the work of a
document happens in a pool of worker processes so that both cores are used
(the extractors are pure Python) and Tesseract runs single-threaded in each
(`OMP_THREAD_LIMIT=1`, measured 5× faster than letting OpenMP oversubscribe).
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import os
import stat
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import apply_env_defaults  # noqa: E402

apply_env_defaults()

from pipeline.orchestrate.process import PIPELINE_VERSION, StageError, doc_id_of, file_digest, process_file  # noqa: E402
from pipeline.store.writers import (  # noqa: E402
    read_processed_documents,
    remove_stale_temp_files,
    write_document,
    write_ingest_log,
)
from schemas import IngestLog  # noqa: E402

SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def discover(paths: list[str | Path]) -> list[Path]:
    """Files under `paths` (files or folders), sorted, hidden and temp files skipped.

    Symlinked folders are not followed, so a symlink loop cannot trap the walk.
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name in SKIP_NAMES or name.endswith((".tmp", ".truth.txt")):
                        continue
                    found.append(Path(root) / name)
        else:
            found.append(p)
    seen, unique = set(), []
    for f in found:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


# ---------------------------------------------------------------- worker side


def _work(path: str, ocr: bool) -> dict:
    """Runs in a worker process: everything but the writing."""
    started = now()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return {
            "status": "failed",
            "stage": "read",
            "error_type": exc.__class__.__name__,
            "error_message": f"cannot read the file: {exc.strerror or exc}; check it exists and is readable",
            "started_at": started,
        }
    try:
        result = process_file(path, data=data, ocr=ocr)
    except StageError as exc:
        return {
            "status": "failed",
            "doc_id": doc_id_of(file_digest(data)),
            "stage": exc.stage,
            "error_type": exc.error_type,
            "error_message": exc.message,
            "started_at": started,
        }
    return {"status": "ok", "result": result, "started_at": started}


# ---------------------------------------------------------------- orchestration


@dataclass
class RunSummary:
    run_id: str
    out_dir: Path
    log: list = field(default_factory=list)  # IngestLog records
    rows: dict = field(default_factory=dict)  # table → rows written this run
    started_at: _dt.datetime = field(default_factory=now)
    finished_at: _dt.datetime | None = None

    @property
    def failed(self) -> list:
        return [r for r in self.log if r.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.log if r.status == status)


#: Defaults for one document: a 300-page scan OCRs in about 7 minutes on one core.
DEFAULT_TIMEOUT_S = 1800
DEFAULT_MEMORY_MB = 4096
PRELOAD = [
    "pipeline.orchestrate.process",
    "extractors.analyse",
    "pipeline.ingest",
    "pipeline.ingest.pdf",
    "pipeline.ocr.page",
]


@dataclass
class Limits:
    """Per-document limits enforced on the worker process."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB


def _child(conn, path: str, ocr: bool, memory_mb: int) -> None:
    """Worker process body: cap memory, do the work, send the outcome back."""
    import resource

    if memory_mb:
        cap = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ValueError, OSError):
            pass
    try:
        outcome = _work(path, ocr)
    except MemoryError:
        outcome = {
            "status": "failed",
            "stage": "read",
            "error_type": "MemoryLimit",
            "error_message": f"the document needed more than {memory_mb} MB; raise --memory-mb or split the file",
        }
    conn.send(outcome)
    conn.close()


_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        # forkserver: workers fork from a clean server that has the pipeline
        # imported (cheap to start, no threads inherited from Prefect or Dask).
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(PRELOAD)
    return _CTX


def _kill_tree(proc) -> None:
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


def run_isolated(path: Path, ocr: bool, limits: Limits) -> dict:
    """One document in its own process, killed at the time limit.

    A hung C library (a pathological PDF, an image bomb) cannot be
    interrupted inside a thread, but a process can be killed; and a crash or
    memory blow-up takes down only that process.
    """
    if multiprocessing.current_process().daemon:
        # Daemonic workers (some Dask set-ups) may not have children: work inline.
        return _work(str(path), ocr)
    ctx = _context()
    last = None
    for _attempt in range(2):
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(send, str(path), ocr, limits.memory_mb), daemon=True)
        proc.start()
        send.close()
        try:
            if recv.poll(limits.timeout_s):
                try:
                    return recv.recv()
                except EOFError:
                    pass  # the process died before answering
            else:
                _kill_tree(proc)
                proc.join()
                return {
                    "status": "failed",
                    "stage": "read",
                    "error_type": "Timeout",
                    "error_message": f"processing took longer than {limits.timeout_s:.0f} s and was stopped; "
                    "the file may be pathological (check it opens), or raise --timeout",
                }
        finally:
            recv.close()
        proc.join()
        last = proc.exitcode
        # A crash is retried once: it may have been the machine, not the file.
    sig = f"signal {-last}" if last is not None and last < 0 else f"exit code {last}"
    return {
        "status": "failed",
        "stage": "read",
        "error_type": "WorkerCrashed",
        "error_message": f"the worker process died twice on this file ({sig}: out of memory or a crash in a "
        "PDF/OCR library); check the file opens in a PDF viewer, or split it",
    }


def run_batch(
    paths: list[str | Path],
    out_dir: str | Path = "data/processed",
    workers: int | None = None,
    ocr: bool = True,
    force: bool = False,
    use_prefect: bool = True,
    on_progress: Callable[[IngestLog], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    limits: Limits | None = None,
    dask: str | None = None,
    extra_log: list[IngestLog] | None = None,
) -> RunSummary:
    """Process every file under `paths` into `out_dir`; never raises for a bad file.

    `extra_log`: rows logged by the caller before the batch (failed downloads
    of `pipeline.ingest.sources`), written in this run's `ingest_log`.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out_dir)
    files = discover(paths)
    workers = workers or max(1, min(os.cpu_count() or 1, len(files) or 1))
    summary = RunSummary(
        run_id=_dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6], out_dir=out_dir
    )
    summary.log.extend(extra_log or [])
    if on_start:
        on_start(len(files))
    if use_prefect:
        from pipeline.orchestrate.prefect_flow import run_flow

        run_flow(files, out_dir, workers, ocr, force, summary, on_progress, limits or Limits(), dask)
    else:
        ingest_direct(files, out_dir, workers, ocr, force, summary, on_progress, limits or Limits())
    summary.finished_at = now()
    write_ingest_log(out_dir, summary.run_id, summary.log)
    return summary


def plan_file(path: Path, processed: dict, force: bool, seen_hashes: set) -> IngestLog | None:
    """A `skipped` log row if the file needs no work, else None."""
    started = now()
    try:
        # Reading a FIFO blocks until something writes to it: check first,
        # or one stray pipe in a folder hangs the whole batch.
        if not stat.S_ISREG(path.stat().st_mode):
            return IngestLog(
                source_path=str(path),
                status="failed",
                stage="read",
                error_type="NotARegularFile",
                error_message="not a regular file (a FIFO, socket or device); pass the document file itself",
                started_at=started,
                finished_at=now(),
            )
        data = path.read_bytes()
    except OSError as exc:
        return IngestLog(
            source_path=str(path),
            status="failed",
            stage="read",
            error_type=exc.__class__.__name__,
            error_message=f"cannot read the file: {exc.strerror or exc}; check it exists and is readable",
            started_at=started,
            finished_at=now(),
        )
    doc_id = doc_id_of(file_digest(data))
    if doc_id in seen_hashes:
        return IngestLog(
            doc_id=doc_id,
            source_path=str(path),
            status="skipped",
            error_message="same content as another file in this batch",
            started_at=started,
            finished_at=now(),
        )
    seen_hashes.add(doc_id)
    prev = processed.get(doc_id)
    if not force and prev is not None and prev.get("pipeline_version") == PIPELINE_VERSION:
        return IngestLog(
            doc_id=doc_id,
            source_path=str(path),
            status="skipped",
            error_message="already processed with this pipeline version (same content hash)",
            started_at=started,
            finished_at=now(),
            pages=prev.get("n_pages"),
            ocr_pages=prev.get("ocr_pages"),
        )
    return None


def finish(path: Path, outcome: dict, out_dir: Path, summary: RunSummary) -> IngestLog:
    """Write a finished document's tables (in this process) and make its log row."""
    started = outcome.get("started_at") or now()
    if outcome["status"] == "ok":
        result = outcome["result"]
        try:
            write_document(out_dir, result.doc_id, result.tables)
        except OSError as exc:
            return IngestLog(
                doc_id=result.doc_id,
                source_path=str(path),
                status="failed",
                stage="write",
                error_type=exc.__class__.__name__,
                error_message=f"could not write tables to {out_dir}: {exc.strerror or exc}; check disk space and permissions",
                started_at=started,
                finished_at=now(),
                pages=result.n_pages,
                ocr_pages=result.ocr_pages,
            )
        for name, rows in result.tables.items():
            summary.rows[name] = summary.rows.get(name, 0) + len(rows)
        return IngestLog(
            doc_id=result.doc_id,
            source_path=str(path),
            status="ok",
            started_at=started,
            finished_at=now(),
            pages=result.n_pages,
            ocr_pages=result.ocr_pages,
            warnings=result.warnings,
        )
    return IngestLog(
        doc_id=outcome.get("doc_id"),
        source_path=str(path),
        status="failed",
        stage=outcome.get("stage"),
        error_type=outcome.get("error_type"),
        error_message=outcome.get("error_message"),
        started_at=started,
        finished_at=now(),
    )


def plan_batch(files, out_dir, force, summary, on_progress) -> list[Path]:
    """Log skips; return the files that need work."""
    processed = {} if force else read_processed_documents(out_dir)
    seen: set = set()
    todo = []
    for path in files:
        skip = plan_file(path, processed, force, seen)
        if skip is not None:
            summary.log.append(skip)
            on_progress and on_progress(skip)
        else:
            todo.append(path)
    return todo


def record(path, outcome, out_dir, summary, on_progress) -> None:
    row = finish(path, outcome, out_dir, summary)
    summary.log.append(row)
    on_progress and on_progress(row)


def ingest_direct(files, out_dir, workers, ocr, force, summary, on_progress, limits: Limits) -> None:
    """The same batch without Prefect (benchmarks, and a fallback for debugging)."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    todo = plan_batch(files, out_dir, force, summary, on_progress)
    with ThreadPoolExecutor(max_workers=workers) as threads:
        futures = {threads.submit(run_isolated, p, ocr, limits): p for p in todo}
        for fut in as_completed(futures):
            record(futures.pop(fut), fut.result(), out_dir, summary, on_progress)  # a kept future keeps its rows alive
