"""Prefect wiring for `pipeline.flow`: one flow run per batch, one task per document.

Kept apart so that importing the pipeline does not import Prefect (and start
its machinery) for callers that only want `process_file`.
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.flow import _pool, finish, plan_file, run_in_pool
from pipeline.writers import read_processed_documents


def _transient(task, task_run, state) -> bool:
    """Retry only OS-level hiccups; bad input is a permanent, logged failure."""
    try:
        state.result()
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(name="process-document", retries=2, retry_delay_seconds=1, retry_condition_fn=_transient,
      cache_policy=NO_CACHE, persist_result=False)
def process_document(path: Path, ocr: bool, workers: int, pool_holder: list) -> dict:
    # The task thread waits on a worker process doing the CPU work.
    return run_in_pool(pool_holder, path, ocr, workers)


@flow(name="vnplans-ingest", validate_parameters=False, log_prints=False, persist_result=False)
def ingest_flow(files: list[Path], out_dir: Path, workers: int, ocr: bool, force: bool, summary, on_progress=None):
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
    if not todo:
        return None
    pool_holder = [_pool(workers)]
    try:
        futures = {process_document.submit(p, ocr, workers, pool_holder): p for p in todo}
        for fut in as_completed(list(futures)):
            path = futures[fut]
            try:
                outcome = fut.result()
            except Exception as exc:  # an orchestration bug: log it, keep the batch going
                outcome = {"status": "failed", "stage": "extract", "error_type": exc.__class__.__name__,
                           "error_message": f"{exc} (internal error; please report it with the file)"}
            row = finish(path, outcome, out_dir, summary)
            summary.log.append(row)
            on_progress and on_progress(row)
    finally:
        pool_holder[0].shutdown(wait=True, cancel_futures=True)
    return None


def run_flow(files, out_dir, workers, ocr, force, summary, on_progress=None) -> None:
    ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=workers))(
        files, out_dir, workers, ocr, force, summary, on_progress)
