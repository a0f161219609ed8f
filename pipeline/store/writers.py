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
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store import parts
from schemas import TABLES, to_arrow

DOCUMENT_TABLES = [t for t in TABLES if t != "ingest_log"]


def atomic_write_table(table: pa.Table, dest: Path) -> None:
    with parts.folder_to_fill(dest.parent) as where:
        parts.replace_file(table, where / dest.name)


#: Time between two writes, as a multiple of the last write's duration (writes ≤ 1/5 of a run).
WRITE_SPACING = 4.0
#: Held documents that force a write whatever the spacing (memory), as a multiple of `flush_docs`.
HOLD_MAX_FACTOR = 10
#: Held documents are combined into one Arrow table per table this often.
COMBINE_EVERY = 32
#: Tables in the order a flush writes them: `documents` last.
WRITE_ORDER = [t for t in DOCUMENT_TABLES if t != "documents"] + ["documents"]


class TableWriter:
    """Finished documents of one run, written to the tables in groups."""

    def __init__(self, out_dir: Path, run_id: str, flush_docs: int = 100, flush_s: float = 60.0) -> None:
        self.out_dir = Path(out_dir)
        self.run_id = run_id
        self.flush_docs = flush_docs
        self.flush_s = flush_s
        self._recent: dict[str, dict[str, pa.Table]] = {}
        self._combined: dict[str, list[pa.Table]] = {name: [] for name in WRITE_ORDER}
        self._held: list[str] = []
        self._folded: set[str] = set()
        self._last = time.monotonic()
        self._gap = 0.0

    @property
    def held(self) -> int:
        """Documents waiting for the next write."""
        return len(self._held) + len(self._recent)

    def add(self, doc_id: str, tables: dict) -> bool:
        """Hold a document's records; True when it is time to `flush`."""
        return self.add_arrow(doc_id, {name: to_arrow(name, tables.get(name, [])) for name in WRITE_ORDER})

    def add_arrow(self, doc_id: str, tables: dict[str, pa.Table]) -> bool:
        """Hold a document's rows as Arrow tables; True when it is time to `flush`.

        Held as Arrow, not records (ten times smaller), and every
        `COMBINE_EVERY` documents combined into one table per table: hundreds
        of tiny tables cost more in buffers than their rows.
        """
        self._recent[doc_id] = tables
        if len(self._recent) >= COMBINE_EVERY:
            self._combine()
        waited = time.monotonic() - self._last
        if self.held >= HOLD_MAX_FACTOR * self.flush_docs:
            return True
        due = self.held >= self.flush_docs or waited >= self.flush_s
        # A write rewrites the documents' buckets, which grow with the table:
        # writes are spaced so that they take at most a fifth of the run.
        return due and waited >= self._gap

    def _combine(self) -> None:
        if not self._recent:
            return
        for name in WRITE_ORDER:
            recent = [tables[name] for tables in self._recent.values()]
            self._combined[name].append(pa.concat_tables(recent).combine_chunks())
        self._held.extend(self._recent)
        self._recent = {}

    def flush(self) -> dict[str, int]:
        """Write the held documents (raises OSError; they are then dropped); rows written per table."""
        self._combine()
        done, combined = self._held, self._combined
        self._held, self._combined = [], {name: [] for name in WRITE_ORDER}
        started = time.monotonic()
        self._last = started
        written: dict[str, int] = {}
        if done:
            for name in WRITE_ORDER:
                folder = self.out_dir / name
                if name not in self._folded:
                    # A folder of an older layout becomes buckets before the first write to it.
                    parts.fold(folder, name)
                    self._folded.add(name)
                new = pa.concat_tables(combined[name])
                parts.write_buckets(folder, name, new, set(done))
                written[name] = len(new)
            self._gap = WRITE_SPACING * (time.monotonic() - started)
            # Hand the allocator back what the held documents took.
            pa.default_memory_pool().release_unused()
        return {name: written[name] for name in DOCUMENT_TABLES if name in written}


def write_documents(out_dir: Path, docs: dict[str, dict], run_id: str = "direct") -> list[Path]:
    """Write several documents' rows at once; the tables' files, `documents` last."""
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
            with pq.ParquetFile(f) as pf:
                rows = pf.read(columns=_SKIP_COLUMNS).to_pylist()
        except Exception:
            continue  # unreadable: treat as not processed
        for row in rows:
            out[row["doc_id"]] = row
    return out


def compact_tables(out_dir: Path) -> None:
    """Fold every table's files of an older layout (and earlier runs' logs) into buckets."""
    for name in [*WRITE_ORDER, "ingest_log"]:
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
