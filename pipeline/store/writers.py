"""Writing the tables: documents' rows gathered into part files, the run's log as one file.

A run's finished documents are held in memory and written together every
`flush_docs` documents or `flush_s` seconds (`TableWriter`): each write is one
atomic change of each table folder (`pipeline.store.parts`), `documents` last,
so a document listed there has its rows in every other table. A killed run
loses at most the documents of one flush, which the next run processes again.
Single files (the run's `ingest_log`) are written to a temporary name,
fsynced and renamed over the target.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store import parts
from pipeline.store.files import fsync_dir, temp_file_beside
from schemas import TABLES, to_arrow

DOCUMENT_TABLES = [t for t in TABLES if t != "ingest_log"]


def atomic_write_table(table: pa.Table, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_file_beside(dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(dest.parent)


#: Tables in the order a flush writes them: `documents` last.
WRITE_ORDER = [t for t in DOCUMENT_TABLES if t != "documents"] + ["documents"]


class TableWriter:
    """Finished documents of one run, written to the tables in groups."""

    def __init__(self, out_dir: Path, run_id: str, flush_docs: int = 500, flush_s: float = 60.0) -> None:
        self.out_dir = Path(out_dir)
        self.run_id = run_id
        self.flush_docs = flush_docs
        self.flush_s = flush_s
        self.pending: dict[str, dict] = {}
        self._index: dict[str, dict[str, set[str]]] = {}
        self._last = time.monotonic()

    def add(self, doc_id: str, tables: dict) -> bool:
        """Hold a document's rows; True when it is time to `flush`."""
        self.pending[doc_id] = tables
        return len(self.pending) >= self.flush_docs or time.monotonic() - self._last >= self.flush_s

    def flush(self) -> list[str]:
        """Write the held documents (raises OSError; they are then dropped); their doc_ids."""
        done = list(self.pending)
        batch, self.pending = self.pending, {}
        self._last = time.monotonic()
        if batch:
            for name in WRITE_ORDER:
                rows = [r for tables in batch.values() for r in tables.get(name, [])]
                self._change(name, to_arrow(name, rows), set(batch))
        return done

    def compact(self) -> None:
        """Merge under-full parts (and one-file-per-document tables of older versions)."""
        for name in WRITE_ORDER:
            folder = self.out_dir / name
            if folder.is_dir() and parts.needs_change(self._index_of(name)):
                self._change(name, None, set())

    def _index_of(self, name: str) -> dict[str, set[str]]:
        if name not in self._index:
            self._index[name] = parts.scan(self.out_dir / name, name)
        return self._index[name]

    def _change(self, name: str, new: pa.Table | None, doc_ids: set[str]) -> None:
        index = self._index_of(name)
        if new is not None and not len(new) and index:
            # No rows for these documents: only their old rows (if any) go.
            if not any(keys & doc_ids for keys in index.values()):
                return
            new = None
        try:
            self._index[name] = parts.change(self.out_dir / name, name, index, new, self.run_id, replace=doc_ids)
        except BaseException:
            self._index.pop(name, None)  # unknown now: read again next time
            raise


def write_documents(out_dir: Path, docs: dict[str, dict], run_id: str = "direct") -> list[Path]:
    """Write several documents' rows at once (one change per table); the tables' part files, `documents` last."""
    writer = TableWriter(out_dir, run_id)
    writer.pending = dict(docs)
    writer.flush()
    return [p for name in WRITE_ORDER for p in parts.part_files(Path(out_dir) / name)]


def write_document(out_dir: Path, doc_id: str, tables: dict) -> list[Path]:
    """One document's rows for every table, replacing its old rows."""
    return write_documents(out_dir, {doc_id: tables})


def write_ingest_log(out_dir: Path, run_id: str, rows: list) -> Path:
    for row in rows:
        row.run_id = run_id
    dest = Path(out_dir) / "ingest_log" / f"{run_id}.parquet"
    atomic_write_table(to_arrow("ingest_log", rows), dest)
    return dest


def remove_stale_temp_files(out_dir: Path) -> int:
    """Delete `.tmp` files and hidden staging folders a killed run left."""
    n = parts.remove_staging(out_dir)
    for tmp in Path(out_dir).glob("*/.*.tmp"):
        try:
            tmp.unlink()
            n += 1
        except OSError:
            pass
    return n


#: What the skip check needs of each processed document.
_SKIP_COLUMNS = ["doc_id", "pipeline_version", "n_pages", "ocr_pages"]


def read_processed_documents(out_dir: Path) -> dict[str, dict]:
    """doc_id → what the skip-if-unchanged check needs of its `documents` row.

    Reads four columns of the `documents` parts (a handful of files at 100,000
    documents), not the tables.
    """
    out: dict[str, dict] = {}
    for f in parts.part_files(Path(out_dir) / "documents"):
        try:
            rows = pq.read_table(f, columns=_SKIP_COLUMNS).to_pylist()
        except Exception:
            continue  # unreadable: treat as not processed
        for row in rows:
            out[row["doc_id"]] = row
    return out


def compact_tables(out_dir: Path, run_id: str = "compact", on_table: Callable[[str], None] | None = None) -> None:
    """Merge each table's under-full parts, the run logs included."""
    writer = TableWriter(out_dir, run_id)
    for name in [*WRITE_ORDER, "ingest_log"]:
        if on_table:
            on_table(name)
        folder = Path(out_dir) / name
        if folder.is_dir() and parts.needs_change(writer._index_of(name)):
            writer._change(name, None, set())


def compact_log(out_dir: Path) -> None:
    """Merge earlier runs' `ingest_log` files, so a daily run does not add a file a day for ever."""
    folder = Path(out_dir) / "ingest_log"
    try:
        index = parts.scan(folder, "ingest_log")
        if parts.needs_change(index):
            parts.change(folder, "ingest_log", index, None, "log")
    except OSError:
        pass  # merging is an optimisation; the run goes on
