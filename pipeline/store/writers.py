"""Atomic Parquet writers: `data/processed/<table>/<doc_id>.parquet`.

Each file is written to a temporary name in the same folder, fsynced and
renamed over the target, so readers see the old file or the new one, never
half of one, and a killed run leaves at most a stray `.tmp` file that the
next run removes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store.files import temp_file_beside
from schemas import SCHEMAS, TABLES, to_arrow

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
    _fsync_dir(dest.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_document(out_dir: Path, doc_id: str, tables: dict) -> list[Path]:
    """Write one document's rows for every table; `documents` last.

    `documents` goes last so that its presence means the document's other
    tables are complete — the skip-if-unchanged check relies on it.
    """
    written = []
    order = [t for t in DOCUMENT_TABLES if t != "documents"] + ["documents"]
    for name in order:
        dest = Path(out_dir) / name / f"{doc_id}.parquet"
        atomic_write_table(to_arrow(name, tables.get(name, [])), dest)
        written.append(dest)
    return written


def write_ingest_log(out_dir: Path, run_id: str, rows: list) -> Path:
    for row in rows:
        row.run_id = run_id
    dest = Path(out_dir) / "ingest_log" / f"{run_id}.parquet"
    atomic_write_table(to_arrow("ingest_log", rows), dest)
    return dest


def remove_stale_temp_files(out_dir: Path) -> int:
    """Delete `.tmp` leftovers of a killed run."""
    n = 0
    for tmp in Path(out_dir).glob("*/.*.tmp"):
        try:
            tmp.unlink()
            n += 1
        except OSError:
            pass
    return n


def read_processed_documents(out_dir: Path) -> dict[str, dict]:
    """doc_id → its `documents` row, for skip-if-unchanged checks."""
    folder = Path(out_dir) / "documents"
    out: dict[str, dict] = {}
    if not folder.is_dir():
        return out
    for f in folder.glob("*.parquet"):
        try:
            rows = pq.read_table(f, schema=SCHEMAS["documents"]).to_pylist()
        except Exception:
            continue  # unreadable: treat as not processed
        for row in rows:
            out[row["doc_id"]] = row
    return out
