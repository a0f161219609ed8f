"""Prefect wiring for a batch: one flow run per batch, one task per large file or per few small ones.

Kept apart so that importing the pipeline does not import Prefect (and start
its machinery) for callers that only want `process_file`. Tasks run on a
thread pool locally (each thread waits on an isolated worker process) or on
a Dask cluster through prefect-dask.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.errors import StageError
from pipeline.models import Outcome
from pipeline.orchestrate.batch import chunked, completed, plan_batch, record
from pipeline.orchestrate.headstart import HeadStart
from pipeline.orchestrate.isolate import STOP, Limits, run_isolated
from schemas.enums import Stage


def _transient(task, task_run, state) -> bool:
    """Retry only OS-level hiccups; bad input is a permanent, logged failure."""
    try:
        state.result()
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(
    name="process-documents",
    # Named after its file (or first file), so the UI's task list reads as the batch's files.
    task_run_name="{label}",
    retries=2,
    retry_delay_seconds=1,
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def process_documents(
    files: list[tuple[Path, str]], ocr: bool, limits: Limits, label: str, batch: str
) -> list[Outcome]:
    """A few small files (or one large one), each in the worker process with its own limits.

    What the batch's head start did for these files already is taken, not done again."""
    head = _head(batch)
    ready = head.claim(files) if head is not None else {}
    return [ready[item] if item in ready else run_isolated(item[0], ocr, limits, item[1]) for item in files]


def _label(files: list[tuple[Path, str]]) -> str:
    first = files[0][0].name
    return first if len(files) == 1 else f"{first} +{len(files) - 1}"


# The run's summary, progress callback and head start, by batch: kept out of
# the flow's parameters because Prefect ships the flow-run context, parameters
# included, with every task sent to Dask, and a callback holding a console lock
# cannot be pickled. The flow and the tasks read them through `_live` and
# `_head` (pickled by reference), as the flow's own function is pickled by
# value with the globals it names.
_LIVE: dict[str, tuple[Any, Any, HeadStart | None]] = {}


def _live(batch: str) -> tuple[Any, Any, HeadStart | None]:
    return _LIVE[batch]


def _head(batch: str) -> HeadStart | None:
    """The batch's head start; None in a Dask worker's process, which has none."""
    live = _LIVE.get(batch)
    return live[2] if live is not None else None


@flow(name="vnplans-ingest", validate_parameters=False, log_prints=False, persist_result=False)
def ingest_flow(
    chunks: list[list[tuple[Path, str]]],
    out_dir: Path,
    ocr: bool,
    batch: str,
    limits: Limits | None = None,
):
    summary, on_progress, _ = _live(batch)
    limits = limits or Limits()
    futures = {process_documents.submit(chunk, ocr, limits, _label(chunk), batch): chunk for chunk in chunks}
    try:
        _collect(futures, out_dir, summary, on_progress)
    except BaseException:
        # Ctrl-C, or SIGTERM (which Prefect turns into its TerminationSignal):
        # stop the workers now. The task runner's threads wait on them, and
        # Prefect waits on its threads before the interrupt can leave the flow.
        _stop_workers()
        raise


def _stop_workers() -> None:
    # A function, not `STOP.set()` in the flow: the flow's function is pickled
    # by value with the globals it names, and an Event holds a lock.
    STOP.set()


def _collect(futures: dict, out_dir: Path, summary, on_progress) -> None:
    for fut in completed(futures, lambda fs, t: wait(list(fs), timeout=t)):
        chunk = futures[fut]
        try:
            outcomes = fut.result()
        except Exception as exc:  # an orchestration fault: log it, keep the batch going
            err = StageError(
                Stage.EXTRACT, f"{type(exc).__name__}: {exc} (internal error; please report it with the file)"
            )
            outcomes = [Outcome.failure(err, doc_id=doc_id) for _, doc_id in chunk]
        # Tables are written here, in the flow's process, so a remote worker
        # needs no access to the output folder.
        for (path, _), outcome in zip(chunk, outcomes, strict=True):
            record(path, outcome, out_dir, summary, on_progress)


def task_runner(workers: int, dask: str | None = None):
    """Threads locally; `dask="local"` starts a LocalCluster, else `tcp://HOST:8786`."""
    if not dask:
        return ThreadPoolTaskRunner(max_workers=workers)
    import dask as dask_lib
    from prefect_dask import DaskTaskRunner

    # Dask workers are daemonic by default and so could not start the
    # per-document worker process; local clusters are started non-daemonic.
    dask_lib.config.set({"distributed.worker.daemon": False})
    if dask == "local":
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return DaskTaskRunner(address=dask)


def run_flow(files, out_dir, workers, ocr, force, summary, on_progress=None, limits=None, dask=None) -> None:
    """The batch as one flow run; locally, its first tasks get a head start while Prefect starts."""
    limits = limits or Limits()
    chunks = chunked(plan_batch(files, out_dir, force, summary, on_progress), workers)
    # Under Dask the workers are the cluster's: nothing here to start early.
    head = HeadStart(chunks, ocr, limits, workers) if not dask else None
    _LIVE[summary.run_id] = (summary, on_progress, head)
    try:
        ingest_flow.with_options(task_runner=task_runner(workers, dask))(chunks, out_dir, ocr, summary.run_id, limits)
    except BaseException:
        STOP.set()  # the run is over: documents the head start has under way stop too
        raise
    finally:
        del _LIVE[summary.run_id]
        for (path, _), outcome in head.close() if head is not None else []:
            record(path, outcome, out_dir, summary, on_progress)
