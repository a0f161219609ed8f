"""Reading an output folder the way users do: a table is every part file of its folder."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.store.writers import DOCUMENT_TABLES


def read(out_dir: str | Path, table: str) -> pa.Table:
    return pq.read_table(Path(out_dir) / table)


def doc_table(out_dir: str | Path, table: str, doc_id: str) -> pa.Table:
    t = read(out_dir, table)
    return t.filter(pc.equal(t.column("doc_id"), doc_id))


def doc_rows(out_dir: str | Path, table: str, doc_id: str) -> list[dict]:
    """The rows `table` holds for one document, in the order they were written."""
    return doc_table(out_dir, table, doc_id).to_pylist()


def doc_ids(out_dir: str | Path, table: str = "documents") -> set[str]:
    folder = Path(out_dir) / table
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return set()
    return set(read(out_dir, table).column("doc_id").to_pylist())


def table_contents(out_dir: str | Path, ids: set[str] | None = None) -> dict[str, pa.Table]:
    """`table/doc_id` → that document's rows without `processed_at`, the one
    column that legitimately differs between runs; a document without rows in
    a table is absent. `ingest_log` is left out: it records the run, not the
    documents."""
    out = {}
    for table in DOCUMENT_TABLES:
        if not (Path(out_dir) / table).is_dir():
            continue
        t = read(out_dir, table)
        if "processed_at" in t.column_names:
            t = t.drop_columns(["processed_at"])
        for doc_id in sorted(set(t.column("doc_id").to_pylist())):
            if ids is None or doc_id in ids:
                out[f"{table}/{doc_id}"] = t.filter(pc.equal(t.column("doc_id"), doc_id)).combine_chunks()
    return out
