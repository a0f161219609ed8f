"""`run_batch`: every file under some paths into the tables, directly or through Prefect.

Also `ingest_source`: a folder or an HTTP index collected first, then the same batch.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

from pipeline.config import Settings
from pipeline.errors import InterruptedRunError
from pipeline.ingest.discover import discover
from pipeline.ingest.sources import FetchLimits, collect, default_inbox
from pipeline.models import FetchResult, Outcome, RunSummary, now
from pipeline.orchestrate.batch import ProgressFn, completed, plan_batch, record
from pipeline.orchestrate.isolate import STOP, Limits, close_workers, prestart_workers, run_isolated, share_cores
from pipeline.orchestrate.lifeline import Watchdog
from pipeline.orchestrate.outlock import output_lock
from pipeline.store.writers import compact_log, remove_stale_temp_files, write_ingest_log
from schemas import IngestLog
from schemas.enums import Stage, Status

DEFAULT_OUT = Settings.model_fields["out"].default


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def run_batch(
    paths: list[str | Path],
    out_dir: str | Path = DEFAULT_OUT,
    workers: int | None = None,
    ocr: bool = True,
    force: bool = False,
    use_prefect: bool = True,
    on_progress: ProgressFn | None = None,
    on_start: Callable[[int], None] | None = None,
    limits: Limits | None = None,
    dask: str | None = None,
    extra_log: list[IngestLog] | None = None,
    settings: Settings | None = None,
    wait_for_lock: bool = False,
    origins: dict[str, str] | None = None,
) -> RunSummary:
    """Process every file under `paths` into `out_dir`; never raises for a bad file.

    `extra_log`: rows logged by the caller before the batch (failed downloads
    of `ingest_source`), written in this run's `ingest_log`. `settings` gives
    the environment of Tesseract and Prefect (`Settings()` when omitted).
    `origins`: absolute path → URL of fetched files, their `source_path`.
    """
    (settings or Settings()).apply_environment()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with output_lock(out_dir, wait=wait_for_lock):
        return _locked_batch(
            paths, out_dir, workers, ocr, force, use_prefect, on_progress, on_start, limits, dask, extra_log, origins
        )


def _locked_batch(
    paths: list[str | Path],
    out_dir: Path,
    workers: int | None,
    ocr: bool,
    force: bool,
    use_prefect: bool,
    on_progress: ProgressFn | None,
    on_start: Callable[[int], None] | None,
    limits: Limits | None,
    dask: str | None,
    extra_log: list[IngestLog] | None,
    origins: dict[str, str] | None,
) -> RunSummary:
    # Only this run writes here now: temporary files left are a dead run's.
    remove_stale_temp_files(out_dir)
    compact_log(out_dir)
    files = discover(paths)
    workers = workers or max(1, min(os.cpu_count() or 1, len(files) or 1))
    summary = RunSummary(run_id=new_run_id(), out_dir=out_dir, origins=dict(origins or {}))
    summary.log.extend(extra_log or [])
    if on_start:
        on_start(len(files))
    STOP.clear()
    # A scan's pages may use the cores other documents leave idle (under Dask the cluster schedules).
    share_cores(0 if dask else workers)
    if not dask:  # under Dask the workers live in the cluster's processes
        prestart_workers(min(workers, len(files)), limits or Limits())
    try:
        if use_prefect:
            from pipeline.orchestrate.prefect_flow import run_flow

            # Prefect's temporary server and Dask's processes are not ours to
            # tie to this process; the watchdog ends them if it is killed.
            with Watchdog():
                run_flow(files, out_dir, workers, ocr, force, summary, on_progress, limits or Limits(), dask)
        else:
            ingest_direct(files, out_dir, workers, ocr, force, summary, on_progress, limits or Limits())
    except BaseException as exc:
        if not interrupted(exc):
            raise
        # Ctrl-C or SIGTERM: stop the workers, keep what is finished, log the rest.
        STOP.set()
        summary.interrupted = True
        logged = {r.source_path for r in summary.log}
        for path in files:
            if summary.source_of(path) not in logged:
                summary.log.append(Outcome.failure(InterruptedRunError()).log_row(summary.source_of(path)))
    finally:
        share_cores(0)
        close_workers()
        if summary.sink is not None:
            summary.sink.flush()  # the documents still held, even after an interrupt
        # Even when the orchestrator failed: the documents written are logged.
        summary.finished_at = now()
        write_ingest_log(out_dir, summary.run_id, summary.log)
    return summary


def interrupted(exc: BaseException | None) -> bool:
    """Whether `exc` is a Ctrl-C or SIGTERM, or an error raised while one was
    being handled: Prefect's cancellation can fire inside the wait the
    interrupt broke, and the wait's lock then fails as `RuntimeError: release
    unlocked lock`, the interrupt only in its context."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__context__
    return False


def ingest_direct(
    files: list[Path],
    out_dir: Path,
    workers: int,
    ocr: bool,
    force: bool,
    summary: RunSummary,
    on_progress: ProgressFn | None,
    limits: Limits,
) -> None:
    """The same batch without Prefect (benchmarks, and a fallback for debugging)."""
    todo = plan_batch(files, out_dir, force, summary, on_progress)
    with ThreadPoolExecutor(max_workers=workers) as threads:
        futures = {threads.submit(run_isolated, p, ocr, limits, doc_id): p for p, doc_id in todo}
        try:
            for fut in completed(futures, lambda fs, t: wait(fs, timeout=t, return_when=FIRST_COMPLETED)):
                record(
                    futures.pop(fut), fut.result(), out_dir, summary, on_progress
                )  # a kept future keeps its rows alive
        except KeyboardInterrupt:
            # Workers stop within a poll interval; queued documents return at once.
            STOP.set()
            for fut, path in list(futures.items()):
                record(path, fut.result(), out_dir, summary, on_progress)
            summary.interrupted = True


def fetch_log_rows(results: list[FetchResult]) -> list[IngestLog]:
    """`ingest_log` rows for failed fetches: stage `read`, the URL as source_path."""
    return [
        IngestLog(
            source_path=r.url,
            status=Status.FAILED,
            stage=Stage.READ,
            error_type=r.error_type,
            error_message=r.error_message,
            started_at=r.started_at,
            finished_at=r.finished_at,
        )
        for r in results
        if r.status == "failed"
    ]


def ingest_source(
    source: str | os.PathLike,
    out_dir: str | os.PathLike = DEFAULT_OUT,
    inbox: str | os.PathLike | None = None,
    fetch_limits: FetchLimits | None = None,
    **run_kwargs,
) -> RunSummary:
    """Collect a source, process what it offers with `run_batch`, and log failed fetches in the same run.

    `run_kwargs` go to `run_batch` (workers, ocr, force, use_prefect, limits,
    dask, on_progress, on_start). The returned RunSummary also carries the
    fetch results as `.fetched`.
    """
    inbox = Path(inbox) if inbox else default_inbox(out_dir)
    results = collect(source, inbox, fetch_limits)
    paths: list[str | Path] = [r.path for r in results if r.path is not None]
    # A fetched file is known by its URL, not by its place in the inbox.
    origins = {
        os.path.abspath(r.path): r.url
        for r in results
        if r.path is not None and r.status in ("downloaded", "unchanged")
    }
    summary = run_batch(paths, Path(out_dir), extra_log=fetch_log_rows(results), origins=origins, **run_kwargs)
    summary.fetched = results
    return summary
