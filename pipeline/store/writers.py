"""Writing the tables: documents' rows into bucket files, the run's log as one file.

A run's finished documents are held in memory and written together every
`flush_docs` documents or `flush_s` seconds (`TableWriter`): each write
rewrites the buckets those documents fall in (`pipeline.store.parts`),
`documents` last, so a document listed there has its rows in every other
table. A killed run loses at most the documents of one flush, which the next
run processes again. The run's `ingest_log` is one file, written to a
temporary name, fsynced and renamed into place.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store import parts
from pipeline.store.files import fsync_dir
from schemas import TABLES, to_arrow

DOCUMENT_TABLES = [t for t in TABLES if t != "ingest_log"]


def atomic_write_table(table: pa.Table, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    parts.replace_file(table, dest)
    fsync_dir(dest.parent)


#: Time between two writes, as a multiple of the last write's duration (writes ≤ 1/10 of a run).
WRITE_SPACING = 9.0
#: Held documents that force a write whatever the spacing (memory), as a multiple of `flush_docs`.
HOLD_MAX_FACTOR = 10
#: Tables in the order a flush writes them: `documents` last.
WRITE_ORDER = [t for t in DOCUMENT_TABLES if t != "documents"] + ["documents"]


class TableWriter:
    """Finished documents of one run, written to the tables in groups."""

    def __init__(self, out_dir: Path, run_id: str, flush_docs: int = 500, flush_s: float = 60.0) -> None:
        self.out_dir = Path(out_dir)
        self.run_id = run_id
        self.flush_docs = flush_docs
        self.flush_s = flush_s
        self.pending: dict[str, dict[str, pa.Table]] = {}
        self._folded: set[str] = set()
        self._last = time.monotonic()
        self._gap = 0.0

    def add(self, doc_id: str, tables: dict) -> bool:
        """Hold a document's rows; True when it is time to `flush`.

        Held as Arrow tables: a document's records as Python objects take ten
        times the memory, and 500 of them would be most of the run's.
        """
        self.pending[doc_id] = {name: to_arrow(name, tables.get(name, [])) for name in WRITE_ORDER}
        waited = time.monotonic() - self._last
        if len(self.pending) >= HOLD_MAX_FACTOR * self.flush_docs:
            return True
        due = len(self.pending) >= self.flush_docs or waited >= self.flush_s
        # A write rewrites the documents' buckets, which grow with the table:
        # writes are spaced so that they take at most a tenth of the run.
        return due and waited >= self._gap

    def flush(self) -> list[str]:
        """Write the held documents (raises OSError; they are then dropped); their doc_ids."""
        done = list(self.pending)
        batch, self.pending = self.pending, {}
        started = time.monotonic()
        self._last = started
        if batch:
            for name in WRITE_ORDER:
                folder = self.out_dir / name
                if name not in self._folded:
                    # A folder of an older layout becomes buckets before the first write to it.
                    parts.fold(folder, name)
                    self._folded.add(name)
                new = pa.concat_tables([tables[name] for tables in batch.values()])
                parts.write_buckets(folder, name, new, set(batch))
            self._gap = WRITE_SPACING * (time.monotonic() - started)
        return done


def write_documents(out_dir: Path, docs: dict[str, dict], run_id: str = "direct") -> list[Path]:
    """Write several documents' rows at once (one change per table); the tables' part files, `documents` last."""
    writer = TableWriter(out_dir, run_id)
    for doc_id, tables in docs.items():
        writer.add(doc_id, tables)
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

    Reads four columns of the `documents` buckets (64 files at most), not the tables.
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


def compact_tables(out_dir: Path, on_table: Callable[[str], None] | None = None) -> None:
    """Fold every table's files of an older layout (and earlier runs' logs) into buckets."""
    for name in [*WRITE_ORDER, "ingest_log"]:
        if on_table:
            on_table(name)
        folder = Path(out_dir) / name
        if folder.is_dir():
            parts.fold(folder, name)


def compact_log(out_dir: Path) -> None:
    """Fold earlier runs' `ingest_log` files into buckets, so a daily run does not add a file a day for ever."""
    folder = Path(out_dir) / "ingest_log"
    try:
        if len(parts.unbucketed(folder)) > 1:
            parts.fold(folder, "ingest_log")
    except OSError:
        pass  # folding is an optimisation; the run goes on
