"""Tables as bucket files: each document's rows exactly once, in one known file, whatever happens."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.cli.app import main
from pipeline.orchestrate.runner import run_batch
from pipeline.store import parts
from pipeline.store.writers import (
    DOCUMENT_TABLES,
    TableWriter,
    atomic_write_table,
    remove_stale_temp_files,
    write_documents,
)
from schemas import Document, Section, Task, to_arrow
from tests.samples import RAW
from tests.tables import table_contents


def ids(i: int) -> str:
    """doc_ids like real ones: hash prefixes, spread over the buckets."""
    return hashlib.sha256(str(i).encode()).hexdigest()[:16]


def doc(i: int, version: int = 1, tasks: int = 2) -> dict:
    doc_id = ids(i)
    return {
        "documents": [Document(doc_id=doc_id, source_path=f"/in/{i}.txt", title=f"v{version}")],
        "sections": [Section(doc_id=doc_id, section_id=f"s{k}", level=1) for k in range(3)],
        "tasks": [Task(doc_id=doc_id, task_id=f"t{k}", text=f"v{version}") for k in range(tasks)],
    }


def rows_per_doc(out: Path, table: str) -> Counter:
    return Counter(pq.read_table(out / table).column("doc_id").to_pylist())


def files(out: Path, table: str) -> list[Path]:
    return parts.part_files(out / table)


def test_every_document_is_in_its_bucket_once_and_the_file_count_is_bounded(tmp_path):
    w = TableWriter(tmp_path, "r1", flush_docs=37)
    for i in range(300):
        if w.add(ids(i), doc(i)):
            w.flush()
    w.flush()
    assert rows_per_doc(tmp_path, "sections") == {ids(i): 3 for i in range(300)}
    for table in ("documents", "sections", "tasks"):
        found = files(tmp_path, table)
        assert 1 < len(found) <= parts.BUCKETS, table
        for f in found:
            keys = set(pq.read_table(f).column("doc_id").to_pylist())
            assert {parts.bucket_name(parts.bucket_of(k)) for k in keys} == {f.name}


def test_processing_a_document_again_replaces_exactly_its_rows(tmp_path):
    write_documents(tmp_path, {ids(i): doc(i) for i in range(30)})
    before = table_contents(tmp_path)
    mtimes = {f: f.stat().st_mtime_ns for t in DOCUMENT_TABLES for f in files(tmp_path, t)}
    # Document 3 again: one task fewer, new text; document 4 again: no tasks at all.
    write_documents(tmp_path, {ids(3): doc(3, version=2, tasks=1), ids(4): doc(4, version=2, tasks=0)}, "r2")
    after = table_contents(tmp_path)
    assert rows_per_doc(tmp_path, "tasks")[ids(3)] == 1
    assert ids(4) not in rows_per_doc(tmp_path, "tasks"), "old rows of a table now empty for it are gone"
    assert [r["text"] for r in after[f"tasks/{ids(3)}"].to_pylist()] == ["v2"]
    unchanged = {k for k in before if ids(3) not in k and ids(4) not in k}
    assert all(after[k].equals(before[k]) for k in unchanged)
    assert rows_per_doc(tmp_path, "documents") == {ids(i): 1 for i in range(30)}
    touched = {f for f, m in mtimes.items() if f.stat().st_mtime_ns != m}
    assert {f.name for f in touched} <= {parts.bucket_name(parts.bucket_of(ids(n))) for n in (3, 4)}


def test_a_table_without_rows_still_has_its_columns(tmp_path):
    write_documents(tmp_path, {ids(1): doc(1)})
    t = pq.read_table(tmp_path / "targets")
    assert t.num_rows == 0 and t.column_names[0] == "doc_id" and "value" in t.column_names


def test_one_file_per_document_tables_are_folded_into_buckets(tmp_path):
    # The layout of earlier versions: TABLE/<doc_id>.parquet.
    for i in range(35):
        for table, rows in doc(i).items():
            atomic_write_table(to_arrow(table, rows), tmp_path / table / f"{ids(i)}.parquet")
    before = table_contents(tmp_path)
    assert len(files(tmp_path, "sections")) == 35
    assert main(["compact", "--out", str(tmp_path)]) == 0
    assert table_contents(tmp_path) == before
    for table in ("documents", "sections", "tasks"):
        assert not parts.unbucketed(tmp_path / table) and len(files(tmp_path, table)) <= parts.BUCKETS
    # A run that writes into such a folder folds it first.
    for table, rows in doc(99).items():
        atomic_write_table(to_arrow(table, rows), tmp_path / table / f"{ids(99)}.parquet")
    write_documents(tmp_path, {ids(99): doc(99, version=2)}, "r2")
    assert rows_per_doc(tmp_path, "documents")[ids(99)] == 1
    assert not parts.unbucketed(tmp_path / "documents")


def test_a_failed_write_leaves_every_document_whole(tmp_path, monkeypatch):
    write_documents(tmp_path, {ids(i): doc(i) for i in range(40)})
    real, calls = parts.replace_file, []

    def fail_third(table, dest):
        calls.append(dest)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(table, dest)

    monkeypatch.setattr(parts, "replace_file", fail_third)
    with pytest.raises(OSError):
        write_documents(tmp_path, {ids(i): doc(i, version=2, tasks=3) for i in range(40)}, "r2")
    monkeypatch.setattr(parts, "replace_file", real)
    # Some buckets have the new version, the others the old: each document one of them, once.
    counts = rows_per_doc(tmp_path, "tasks")
    assert set(counts) == {ids(i) for i in range(40)} and set(counts.values()) <= {2, 3}
    assert remove_stale_temp_files(tmp_path) == 0, "the failed file's temporary copy is gone already"


def test_a_table_folder_appears_only_with_a_whole_file_in_it(tmp_path, monkeypatch):
    """A run that dies writing a table's first file leaves no empty folder:
    DuckDB refuses a folder without files and pyarrow reads it without columns."""

    def die(t, dest):
        raise KeyboardInterrupt  # as a kill would, mid-file

    monkeypatch.setattr(parts, "_write", die)
    with pytest.raises(KeyboardInterrupt):
        write_documents(tmp_path, {ids(1): doc(1)})
    with pytest.raises(KeyboardInterrupt):
        atomic_write_table(to_arrow("tasks", doc(1)["tasks"]), tmp_path / "ingest_log" / "r1.parquet")
    assert not [p.name for p in tmp_path.iterdir()], "no table folder, no staging folder"
    monkeypatch.undo()
    write_documents(tmp_path, {ids(1): doc(1)})
    assert rows_per_doc(tmp_path, "tasks") == {ids(1): 2}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_leftovers_of_a_killed_run_are_removed(tmp_path):
    write_documents(tmp_path, {ids(1): doc(1)})
    stage = tmp_path / ".tasks.next-999-abc"
    stage.mkdir()
    (stage / "bucket-01.parquet").write_bytes(b"half a file")
    (tmp_path / "tasks" / ".bucket-07.parquet.x1.tmp").write_bytes(b"half")
    assert remove_stale_temp_files(tmp_path) == 2
    assert not stage.exists() and rows_per_doc(tmp_path, "tasks") == {ids(1): 2}


def test_without_folder_swaps_a_fold_replaces_files_one_by_one(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "_exchange", lambda a, b: False)
    for i in range(20):
        for table, rows in doc(i).items():
            atomic_write_table(to_arrow(table, rows), tmp_path / table / f"{ids(i)}.parquet")
    write_documents(tmp_path, {ids(i): doc(i, version=2) for i in range(5)}, "r2")
    assert rows_per_doc(tmp_path, "sections") == {ids(i): 3 for i in range(20)}
    assert not parts.unbucketed(tmp_path / "sections")


def test_a_slow_reader_during_writes_sees_every_document_once(tmp_path):
    """One file at a time, with pauses: some files read before a write, some after."""
    write_documents(tmp_path, {ids(i): doc(i) for i in range(60)})
    stop, reads, wrong, errors = threading.Event(), [], [], []

    def reader():
        while not stop.is_set():
            try:
                counts: Counter = Counter()
                for f in sorted((tmp_path / "sections").glob("*.parquet")):
                    # Each file opened once, as DuckDB and a folder read do (see
                    # the next test for why not `pq.read_table(f)`).
                    with pq.ParquetFile(f) as pf:
                        counts.update(pf.read(columns=["doc_id"]).column("doc_id").to_pylist())
                    time.sleep(0.002)
            except (OSError, pa.ArrowException) as exc:
                errors.append(exc)
                continue
            reads.append(1)
            if counts != {ids(i): 3 for i in range(60)}:
                wrong.append(counts)

    t = threading.Thread(target=reader)
    t.start()
    try:
        for round_ in range(20):
            write_documents(tmp_path, {ids(i): doc(i, version=round_) for i in range(round_, 60, 7)}, f"r{round_}")
    finally:
        stop.set()
        t.join()
    assert reads and not wrong and not errors


def test_a_folder_opened_before_a_write_and_read_after_it_reads_the_new_files_once(tmp_path):
    """pandas and pyarrow open a folder's files when they read, not when the dataset is made.

    (`pq.read_table` of one *file* is different: it keeps the footer it read
    first and reads pages from whatever file the path names later, so a
    write in between fails that read: "Deserializing page header failed".
    The README says to read folders, or open a file once.)
    """
    write_documents(tmp_path, {ids(i): doc(i) for i in range(40)})
    opened = [pq.ParquetDataset(tmp_path / "tasks"), ds.dataset(tmp_path / "tasks", format="parquet")]
    write_documents(tmp_path, {ids(i): doc(i, version=2, tasks=5) for i in range(0, 40, 3)}, "r2")
    for dataset in opened:
        t = dataset.read() if isinstance(dataset, pq.ParquetDataset) else dataset.to_table()
        per_doc = Counter(t.column("doc_id").to_pylist())
        assert per_doc == {ids(i): 5 if i % 3 == 0 else 2 for i in range(40)}


def test_a_write_that_fails_fails_its_documents_in_the_log(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_bytes((RAW / "kontum-2021-ctrhd-06nqcp.txt").read_bytes())

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parts, "write_buckets", no_space)
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=False, workers=1)
    [row] = summary.log
    assert (row.status, row.stage, row.error_type) == ("failed", "write", "WriteError")
    assert "No space left on device" in row.error_message and "disk space" in row.error_message
    assert not any(files(tmp_path / "out", t) for t in DOCUMENT_TABLES)


def test_writes_are_spaced_by_their_cost(tmp_path, monkeypatch):
    w = TableWriter(tmp_path, "r1", flush_docs=1, flush_s=0)
    assert w.add(ids(0), doc(0)) is True
    slow = parts.write_buckets

    def slower(*args, **kwargs):
        time.sleep(0.05)
        slow(*args, **kwargs)

    monkeypatch.setattr(parts, "write_buckets", slower)
    w.flush()
    # That write took 0.3 s (6 tables): the next one waits four times as long, within memory bounds.
    assert w.add(ids(1), doc(1)) is False
    for i in range(2, 11):
        w.add(ids(i), doc(i))
    assert w.held == 10 and w.add(ids(11), doc(11)) is True


def test_a_run_writes_buckets_and_the_logs_of_earlier_runs_are_folded(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = (RAW / "kontum-2021-ctrhd-06nqcp.txt").read_text()
    for i in range(6):
        (src / f"plan-{i}.txt").write_text(text + f"\n(copy {i})\n")
    out = tmp_path / "out"
    runs = [run_batch([src], out_dir=out, use_prefect=False, workers=2, force=True) for _ in range(3)]
    assert all(r.status == "ok" for run in runs for r in run.log)
    for table in DOCUMENT_TABLES:
        assert all(f.name.startswith("bucket-") for f in files(out, table)), table
    assert len(rows_per_doc(out, "documents")) == 6
    # The last run's log is its own file; the two before were folded into buckets.
    assert [f.name for f in parts.unbucketed(out / "ingest_log")] == [f"{runs[-1].run_id}.parquet"]
    log = pq.read_table(out / "ingest_log").to_pylist()
    assert Counter(r["run_id"] for r in log) == {run.run_id: 6 for run in runs}
