"""The scheduled-ingest flow that `vnplans serve` deploys (the commands are in
`pipeline/cli/fetch_serve.py`).

The scheduled flow calls `ingest_source` with `use_prefect=True`, so each run
is a `scheduled-ingest` flow run with the usual `vnplans-ingest` subflow and
its `process-documents` tasks (one per large file, one per few small files:
retries, history in the UI). That is safe under a served deployment: the runner starts every
flow run in a fresh, non-daemonic spawned process, so the per-document worker
processes of `run_isolated` start as they do from the command line, and the
subflow's thread pool lives and dies with that process.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import SourceUnavailableError
from pipeline.ingest.sources import FetchLimits
from pipeline.orchestrate.runner import ingest_source

FLOW_NAME = "scheduled-ingest"


DEFAULT_NAME = "vnplans"


DEFAULT_TZ = "Asia/Ho_Chi_Minh"


def scheduled_ingest_fn(
    source: str,
    out_dir: str = "data/processed",
    inbox: str | None = None,
    workers: int | None = None,
    ocr: bool = True,
    force: bool = False,
    dask: str | None = None,
    connect_timeout_s: float = 10,
    read_timeout_s: float = 60,
    max_mb: float = 200,
    timeout_s: float = 1800,
    memory_mb: int = 4096,
) -> dict:
    """Collect the source, process what is new, log every failure in `ingest_log`."""
    from prefect import get_run_logger

    from pipeline.orchestrate.isolate import Limits

    logger = get_run_logger()
    summary = ingest_source(
        source,
        out_dir,
        inbox,
        fetch_limits=FetchLimits(connect_timeout_s=connect_timeout_s, read_timeout_s=read_timeout_s, max_mb=max_mb),
        workers=workers,
        ocr=ocr,
        force=force,
        use_prefect=True,
        dask=dask,
        limits=Limits(timeout_s=timeout_s, memory_mb=memory_mb),
    )
    counts = _counts(summary)
    logger.info(
        "run %s: %s; ingest_log in %s",
        summary.run_id,
        ", ".join(f"{k} {v}" for k, v in counts.items()),
        Path(out_dir) / "ingest_log",
    )
    for r in summary.failed[:20]:
        logger.warning("failed [%s] %s: %s: %s", r.stage, r.source_path, r.error_type, r.error_message)
    if "://" in source and not summary.fetched:
        # An index always lists its documents, old ones too: none at all
        # usually means a login or error page took its place.
        logger.warning("the index %s listed no documents; check it in a browser", source)
    down = [f for f in summary.fetched if f.status == "failed" and f.url == source]
    if down:
        # Bad links are the source's problem and only logged; an unreachable
        # source means nothing was looked at, which the operator must see.
        raise SourceUnavailableError(down[0].error_message or f"{source} could not be fetched")
    return counts


_FLOW = None


def scheduled_flow():
    """The `scheduled-ingest` Prefect flow, built on first use.

    Lazily, because importing Prefect takes seconds and every `vnplans`
    command imports this module to register its sub-commands. The function
    stays a module attribute, so the runner's subprocess unpickles the flow
    by importing this module.
    """
    global _FLOW
    if _FLOW is None:
        from prefect import flow

        _FLOW = flow(name=FLOW_NAME, persist_result=False, log_prints=False)(scheduled_ingest_fn)
    return _FLOW


def __getattr__(name: str):
    if name == "scheduled_ingest":
        return scheduled_flow()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _counts(summary) -> dict:
    fetched = summary.fetched
    return {
        "downloaded": sum(f.status == "downloaded" for f in fetched),
        "unchanged downloads": sum(f.status == "unchanged" for f in fetched),
        "processed": summary.count("ok"),
        "skipped": summary.count("skipped"),
        "failed": summary.count("failed"),
    }
