"""A batch: which files need work, and the record of each file's outcome.

The planning step hashes each file (streamed) and logs those that need no
work as `skipped`; `record` writes a finished document's tables in this
process and appends its `ingest_log` row. The executors (`runner`: a thread
pool of isolated workers, or Prefect tasks) sit between the two.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pipeline.config import Settings
from pipeline.errors import NotARegularFileError, TooLargeError, UnreadableFileError, VnplansError
from pipeline.models import Outcome, RunSummary, now
from pipeline.orchestrate.process import PIPELINE_VERSION, doc_id_of, path_digest
from pipeline.store.writers import TableWriter, read_processed_documents
from schemas import IngestLog
from schemas.enums import Stage, Status

ProgressFn = Callable[[IngestLog], None]


F = TypeVar("F")
#: How often the main thread wakes while it waits on the workers. The kernel may hand
#: Ctrl-C or SIGTERM to any thread; Python acts on it only when the main thread runs,
#: and a wait without a timeout would hold it until a document finished (a scan: minutes).
WAKE_S = 0.25


def completed(futures: Iterable[F], wait_some: Callable[[set[F], float], Any]) -> Iterator[F]:
    """Each future as it finishes. `wait_some(pending, timeout)` returns (done, not done):
    `concurrent.futures.wait` or `prefect.futures.wait`."""
    pending = set(futures)
    while pending:
        done, pending = wait_some(pending, WAKE_S)
        yield from done


def _failed_row(path: Path, exc: VnplansError, doc_id: str | None = None) -> IngestLog:
    return Outcome.failure(exc, doc_id=doc_id).log_row(str(path))


def plan_file(
    path: Path, processed: dict, force: bool, seen: dict[str, Path], max_bytes: float = float("inf")
) -> IngestLog | str:
    """A log row if the file needs no work (skipped, or unreadable), else its doc_id."""
    started = now()
    try:
        # Reading a FIFO blocks until something writes to it: check first,
        # or one stray pipe in a folder hangs the whole batch.
        if not stat.S_ISREG(path.stat().st_mode):
            return _failed_row(path, NotARegularFileError())
        size = path.stat().st_size
        if size > max_bytes:
            return _failed_row(
                path,
                TooLargeError(
                    f"the file is {size / 1e6:,.0f} MB, more than the {max_bytes / 1e6:,.0f} MB limit; "
                    "raise VNPLANS_MAX_FILE_MB if it is a real document"
                ),
            )
        doc_id = doc_id_of(path_digest(path))
    except OSError as exc:
        err = UnreadableFileError(f"cannot read the file: {exc.strerror or exc}; check it exists and is readable")
        return _failed_row(path, err)
    first = seen.get(doc_id)
    # Empty files are each reported as empty (by the reader), not as copies of one another.
    if first is not None and size > 0:
        return IngestLog(
            doc_id=doc_id,
            source_path=str(path),
            status=Status.SKIPPED,
            error_message=f"same content as {first} (doc_id {doc_id}) in this batch",
            started_at=started,
            finished_at=now(),
        )
    seen.setdefault(doc_id, path)
    prev = processed.get(doc_id)
    if not force and prev is not None and prev.get("pipeline_version") == PIPELINE_VERSION:
        return IngestLog(
            doc_id=doc_id,
            source_path=str(path),
            status=Status.SKIPPED,
            error_message="already processed with this pipeline version (same content hash)",
            started_at=started,
            finished_at=now(),
            pages=prev.get("n_pages"),
            ocr_pages=prev.get("ocr_pages"),
        )
    return doc_id


def plan_batch(
    files: list[Path], out_dir: Path, force: bool, summary: RunSummary, on_progress: ProgressFn | None
) -> list[tuple[Path, str]]:
    """Log skips; return the files that need work, with their doc_ids, largest first.

    Largest first: a long scan started last would run alone on one core while
    the others sit idle; started first, the small files fill in around it.
    """
    processed = {} if force else read_processed_documents(out_dir)
    seen: dict[str, Path] = {}
    todo = []
    max_bytes = Settings().max_file_mb * 1e6
    for path in files:
        planned = plan_file(path, processed, force, seen, max_bytes)
        if isinstance(planned, str):
            todo.append((path, planned))
            continue
        planned.source_path = summary.source_of(path)
        summary.log.append(planned)
        if on_progress:
            on_progress(planned)
    return sorted(todo, key=lambda item: -_size(item[0]))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


#: A file this large is a task of its own (a scan, a long PDF); smaller ones share tasks.
ALONE_BYTES = 1_000_000
#: Most files one task carries, and most bytes.
CHUNK_FILES, CHUNK_BYTES = 100, 4_000_000
#: A new task takes at most this share of what is left per worker: tasks shrink
#: as the batch drains, so the workers end together.
SHARE_PER_TASK = 0.5


def chunked(todo: list[tuple[Path, str]], workers: int) -> list[list[tuple[Path, str]]]:
    """Files grouped into tasks, so orchestration costs per task, not per file.

    Small files share a task; each task takes at most half of the files left
    per worker (up to `CHUNK_FILES` files, `CHUNK_BYTES` bytes), so tasks are
    large while much remains and shrink to single files at the end, where a
    worker would otherwise wait on another's last large task (guided
    scheduling). A file over `ALONE_BYTES` is a task of its own.
    """
    workers = max(1, workers)
    sizes = [_size(path) for path, _ in todo]
    out: list[list[tuple[Path, str]]] = []
    current: list[tuple[Path, str]] | None = None  # the task small files are joining
    limit = size = 0
    for i, (item, n) in enumerate(zip(todo, sizes, strict=True)):
        if n >= ALONE_BYTES:
            out.append([item])
            current = None
            continue
        if current is None or len(current) >= limit or size + n > CHUNK_BYTES:
            left = len(todo) - i
            limit = max(1, min(CHUNK_FILES, int(SHARE_PER_TASK * left / workers)))
            current, size = [], 0
            out.append(current)
        current.append(item)
        size += n
    return out


class Sink:
    """A run's finished documents on their way to the tables, and their log rows."""

    def __init__(self, out_dir: Path, summary: RunSummary) -> None:
        settings = Settings()
        self.writer = TableWriter(out_dir, summary.run_id, settings.flush_docs, settings.flush_s)
        self.summary = summary
        self.held: list[IngestLog] = []

    def add(self, doc_id: str, tables: dict, row: IngestLog) -> None:
        self.held.append(row)
        if self.writer.add(doc_id, tables):
            self.flush()

    def flush(self) -> None:
        """Write what is held; if that fails, its documents are failed (stage write) in the log."""
        held, self.held = self.held, []
        try:
            written = self.writer.flush()
        except OSError as exc:
            for row in held:
                row.status = Status.FAILED
                row.stage = Stage.WRITE
                row.error_type = "WriteError"
                row.error_message = (
                    f"could not write tables to {self.writer.out_dir}: {exc.strerror or exc}; "
                    "check disk space and permissions"
                )
            return
        for name, n in written.items():
            self.summary.rows[name] = self.summary.rows.get(name, 0) + n


def sink_of(out_dir: Path, summary: RunSummary) -> Sink:
    if summary.sink is None:
        summary.sink = Sink(out_dir, summary)
    return summary.sink


def finish(path: Path, outcome: Outcome, out_dir: Path, summary: RunSummary) -> IngestLog:
    """Hand a finished document's tables to the run's sink (in this process) and make its log row."""
    p = outcome.processed
    source = summary.source_of(path)
    row = outcome.log_row(source)
    if outcome.status == Status.OK and p is not None:
        p.document.source_path = source
        sink_of(out_dir, summary).add(p.doc_id, p.tables, row)
    return row


def record(path: Path, outcome: Outcome, out_dir: Path, summary: RunSummary, on_progress: ProgressFn | None) -> None:
    """Hand the document to the sink and log it; the outcome lets go of its rows.

    The outcome may outlive this call (Prefect keeps every task's result until
    the flow ends): holding its rows would grow the run by every document."""
    row = finish(path, outcome, out_dir, summary)
    outcome.processed = None
    summary.log.append(row)
    if on_progress:
        on_progress(row)
