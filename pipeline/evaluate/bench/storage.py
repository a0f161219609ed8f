"""The tables at 100,000 documents: file counts, DuckDB queries, the skip check, one more write.

The output is synthetic: the rows of a few real documents replicated under new
doc_ids (running the pipeline 100,000 times would take hours), written as
the pipeline writes them, in its buckets.
"""

from __future__ import annotations

import hashlib
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.store import parts
from pipeline.store.writers import DOCUMENT_TABLES, TableWriter, read_processed_documents

#: Queries a researcher runs, over the views `vnplans query` opens.
QUERIES = {
    "count": "select count(*) from tasks",
    "group-by": "select d.province, count(*) as targets, avg(t.value) from targets t "
    "join documents d using (doc_id) group by d.province",
    "view": "select count(*) from task_leads",
}


def synthetic_ids(n: int, offset: int = 0) -> list[str]:
    """doc_ids that look like the real ones (hash prefixes), so they spread over the buckets."""
    return [hashlib.sha256(f"bench {i}".encode()).hexdigest()[:16] for i in range(offset, offset + n)]


def synthetic_output(base: Path, dest: Path, n_docs: int) -> dict[str, int]:
    """`n_docs` documents' tables from the documents in `base`, in buckets; rows per table."""
    ids = synthetic_ids(n_docs)
    by_bucket: dict[int, list[int]] = {}
    for i, doc_id in enumerate(ids):
        by_bucket.setdefault(parts.bucket_of(doc_id), []).append(i)
    rows = {}
    for table in DOCUMENT_TABLES:
        src = pq.read_table(base / table)
        src_ids = np.array(src.column("doc_id").to_pylist(), dtype=object)
        order = list(dict.fromkeys(src_ids.tolist()))
        rows_of = [np.flatnonzero(src_ids == d) for d in order]
        folder = dest / table
        folder.mkdir(parents=True)
        rows[table] = 0
        for b, members in sorted(by_bucket.items()):
            pattern = [rows_of[i % len(order)] for i in members]
            counts = np.array([len(r) for r in pattern])
            t = src.take(pa.array(np.concatenate(pattern), pa.int64()))
            doc_ids = np.repeat(np.array([ids[i] for i in members], dtype=object), counts)
            t = t.set_column(0, "doc_id", pa.array(doc_ids, pa.string()))
            if len(t):
                parts.replace_file(t, folder / parts.bucket_name(b))
            rows[table] += len(t)
    return rows


def _median_s(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_storage(base: Path, work: Path, n_docs: int = 100_000, repeats: int = 3) -> dict:
    """Everything a user and the next run pay at `n_docs` documents."""
    from pipeline.store.query import connect

    dest = work / f"storage-{n_docs}"
    shutil.rmtree(dest, ignore_errors=True)
    t0 = time.perf_counter()
    rows = synthetic_output(base, dest, n_docs)
    res: dict = {"n_docs": n_docs, "rows": rows, "generate_s": time.perf_counter() - t0}
    res["files"] = {t: len(parts.part_files(dest / t)) for t in DOCUMENT_TABLES}
    res["mb"] = {t: sum(p.stat().st_size for p in parts.part_files(dest / t)) / 1e6 for t in DOCUMENT_TABLES}

    con = connect(dest)
    res["queries"] = {
        name: _median_s(lambda sql=sql: con.execute(sql).fetchall(), repeats) for name, sql in QUERIES.items()
    }
    con.close()
    res["connect_s"] = _median_s(lambda: connect(dest).close(), repeats)

    # The commands as users run them (interpreter start-up included).
    res["tables_s"] = _median_s(lambda: _vnplans("tables", "--out", str(dest)), 1)
    res["skip_check_s"] = _median_s(lambda: read_processed_documents(dest), repeats)

    # One more write: 100 documents processed again and 100 new ones, as a run's flush writes them.
    writer = TableWriter(dest, "bench-write")
    fresh = {table: pq.read_table(base / table) for table in DOCUMENT_TABLES}
    base_ids = list(dict.fromkeys(fresh["documents"].column("doc_id").to_pylist()))
    again = synthetic_ids(n_docs)[:: max(1, n_docs // 100)][:100]
    for j, doc_id in enumerate(again + synthetic_ids(100, offset=n_docs)):
        src_id = base_ids[j % len(base_ids)]
        writer.add_arrow(doc_id, {table: _rows_as(fresh[table], src_id, doc_id) for table in DOCUMENT_TABLES})
    t0 = time.perf_counter()
    writer.flush()
    res["write_200_s"] = time.perf_counter() - t0
    res["files_after_write"] = {t: len(parts.part_files(dest / t)) for t in DOCUMENT_TABLES}
    counts = pq.read_table(dest / "documents", columns=["doc_id"]).column("doc_id")
    res["documents_after_write"] = len(counts)
    res["unique_after_write"] = len(pc.unique(counts))

    res["report_s"] = _median_s(lambda: _vnplans("report", "--out", str(dest), "-o", str(work / "report.html")), 1)
    shutil.rmtree(dest, ignore_errors=True)
    return res


def _vnplans(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "vnplans", *args], check=True, capture_output=True, timeout=600)


def _rows_as(t: pa.Table, src_id: str, doc_id: str) -> pa.Table:
    t = t.filter(pc.equal(t.column("doc_id"), src_id))
    return t.set_column(0, "doc_id", pa.array([doc_id] * len(t), pa.string()))
