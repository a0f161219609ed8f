"""The tables at 100,000 documents: file counts, DuckDB queries, the skip check, one more write.

The output is synthetic: the rows of a few real documents replicated under new
doc_ids (running the pipeline 100,000 times would take hours), written as
the pipeline writes them, in parts of `PART_DOCS` documents.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def synthetic_output(base: Path, dest: Path, n_docs: int) -> dict[str, int]:
    """`n_docs` documents' tables from the documents in `base`; rows per table."""
    rows = {}
    for table in DOCUMENT_TABLES:
        src = pq.read_table(base / table)
        ids = src.column("doc_id").to_pylist()
        order = {d: i for i, d in enumerate(dict.fromkeys(ids))}
        k = len(order)
        base_idx = pa.array([order[d] for d in ids], pa.int64())
        per_part = (parts.PART_DOCS // k) * k
        folder = dest / table
        folder.mkdir(parents=True)
        total = 0
        for start in range(0, n_docs, per_part):
            n = min(per_part, n_docs - start)
            chunks = []
            for rep in range((n + k - 1) // k):
                first = start + rep * k
                number = pc.add(base_idx, first)
                keep = pc.less(number, start + n)
                doc_ids = pa.array([f"{i:016x}" for i in number.to_pylist()], pa.string())
                t = src.set_column(0, "doc_id", doc_ids).filter(keep)
                chunks.append(t)
            part = pa.concat_tables(chunks)
            parts._write(part, folder / parts.part_name("bench"))
            total += len(part)
        rows[table] = total
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
    res["index_s"] = _median_s(lambda: [parts.scan(dest / t, t) for t in DOCUMENT_TABLES], 1)

    # One more write: 100 documents processed again (rewriting their parts) and 100 new ones.
    writer = TableWriter(dest, "bench-write")
    fresh = {}
    for table in DOCUMENT_TABLES:
        t = pq.read_table(base / table)
        fresh[table] = t
    per_doc: dict[str, dict] = {}
    base_ids = list(dict.fromkeys(pq.read_table(base / "documents").column("doc_id").to_pylist()))
    for j in range(200):
        doc_id = f"{(j * 499) % n_docs if j < 100 else n_docs + j:016x}"
        src_id = base_ids[j % len(base_ids)]
        per_doc[doc_id] = {table: _rows_as(fresh[table], src_id, doc_id) for table in DOCUMENT_TABLES}
    writer._index = {t: parts.scan(dest / t, t) for t in DOCUMENT_TABLES}
    t0 = time.perf_counter()
    for table in DOCUMENT_TABLES:
        new = pa.concat_tables([d[table] for d in per_doc.values()])
        writer._change(table, new, set(per_doc))
    res["write_200_s"] = time.perf_counter() - t0
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
