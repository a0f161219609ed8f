"""Tables as bounded sets of part files: each document's rows exactly once, whatever happens.

Part sizes are made small (`PART_DOCS` 20, `SEALED_DOCS` 10) so that sealing,
rewriting and merging all happen with a hundred documents.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli.app import main
from pipeline.orchestrate.runner import run_batch
from pipeline.store import parts
from pipeline.store.writers import (
    DOCUMENT_TABLES,
    TableWriter,
    atomic_write_table,
    compact_tables,
    remove_stale_temp_files,
    write_documents,
)
from schemas import Document, Section, Task, to_arrow
from tests.samples import RAW
from tests.tables import table_contents


@pytest.fixture(autouse=True)
def small_parts(monkeypatch):
    monkeypatch.setattr(parts, "PART_DOCS", 20)
    monkeypatch.setattr(parts, "SEALED_DOCS", 10)


def doc(i: int, version: int = 1, tasks: int = 2) -> dict:
    doc_id = f"{i:016x}"
    return {
        "documents": [Document(doc_id=doc_id, source_path=f"/in/{i}.txt", title=f"v{version}")],
        "sections": [Section(doc_id=doc_id, section_id=f"s{k}", level=1) for k in range(3)],
        "tasks": [Task(doc_id=doc_id, task_id=f"t{k}", text=f"v{version}") for k in range(tasks)],
    }


def ids(i: int) -> str:
    return f"{i:016x}"


def rows_per_doc(out: Path, table: str) -> Counter:
    return Counter(pq.read_table(out / table).column("doc_id").to_pylist())


def files(out: Path, table: str) -> int:
    return len(parts.part_files(out / table))


def test_file_count_stays_bounded_and_every_document_is_there_once(tmp_path):
    w = TableWriter(tmp_path, "r1", flush_docs=7)
    for i in range(100):
        if w.add(ids(i), doc(i)):
            w.flush()
    w.flush()
    assert rows_per_doc(tmp_path, "sections") == {ids(i): 3 for i in range(100)}
    assert rows_per_doc(tmp_path, "documents") == {ids(i): 1 for i in range(100)}
    for table in ("documents", "sections", "tasks"):
        # Sealed parts hold 10 to 20 documents; at most one part holds fewer.
        assert files(tmp_path, table) <= 100 // 10 + 1, table
        sizes = [len(parts.read_keys(p, table)) for p in parts.part_files(tmp_path / table)]
        assert sum(s < 10 for s in sizes) <= 1 and max(sizes) <= 20, sizes


def test_processing_a_document_again_replaces_exactly_its_rows(tmp_path):
    write_documents(tmp_path, {ids(i): doc(i) for i in range(30)})
    before = table_contents(tmp_path)
    # Document 3 again: one task fewer, new text; document 4 again: no tasks at all.
    write_documents(tmp_path, {ids(3): doc(3, version=2, tasks=1), ids(4): doc(4, version=2, tasks=0)}, "r2")
    after = table_contents(tmp_path)
    assert rows_per_doc(tmp_path, "tasks")[ids(3)] == 1
    assert ids(4) not in rows_per_doc(tmp_path, "tasks"), "old rows of a table now empty for it are gone"
    assert [r["text"] for r in after[f"tasks/{ids(3)}"].to_pylist()] == ["v2"]
    unchanged = {k for k in before if ids(3) not in k and ids(4) not in k}
    assert all(after[k].equals(before[k]) for k in unchanged)
    assert rows_per_doc(tmp_path, "documents") == {ids(i): 1 for i in range(30)}


def test_a_table_without_rows_still_has_its_columns(tmp_path):
    write_documents(tmp_path, {ids(1): doc(1)})
    t = pq.read_table(tmp_path / "targets")
    assert t.num_rows == 0 and t.column_names[0] == "doc_id" and "value" in t.column_names


def test_one_file_per_document_tables_are_migrated(tmp_path):
    # The layout of earlier versions: TABLE/<doc_id>.parquet.
    for i in range(35):
        for table, rows in doc(i).items():
            atomic_write_table(to_arrow(table, rows), tmp_path / table / f"{ids(i)}.parquet")
    before = table_contents(tmp_path)
    assert files(tmp_path, "sections") == 35
    assert main(["compact", "--out", str(tmp_path)]) == 0
    assert table_contents(tmp_path) == before
    assert files(tmp_path, "sections") <= 35 // 10 + 1


def test_a_failed_change_leaves_the_table_as_it_was(tmp_path, monkeypatch):
    write_documents(tmp_path, {ids(i): doc(i) for i in range(12)})
    before = table_contents(tmp_path)
    real = parts._write
    calls = []

    def fail_second(table, dest):
        calls.append(dest)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(table, dest)

    monkeypatch.setattr(parts, "_write", fail_second)
    with pytest.raises(OSError):
        write_documents(tmp_path, {ids(i): doc(i, version=2) for i in range(5, 40)}, "r2")
    monkeypatch.setattr(parts, "_write", real)
    assert table_contents(tmp_path) == before
    assert not list(tmp_path.glob(".*"))


def test_a_killed_change_leaves_a_staging_folder_the_next_run_removes(tmp_path):
    write_documents(tmp_path, {ids(1): doc(1)})
    stage = tmp_path / ".tasks.next-999-abc"
    stage.mkdir()
    (stage / "part-x.parquet").write_bytes(b"half a file")
    assert remove_stale_temp_files(tmp_path) == 1
    assert not stage.exists()


def test_without_folder_swaps_parts_are_replaced_one_by_one(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "_exchange", lambda a, b: False)
    for round_ in range(3):
        write_documents(tmp_path, {ids(i): doc(i, version=round_) for i in range(25)}, f"r{round_}")
    assert rows_per_doc(tmp_path, "sections") == {ids(i): 3 for i in range(25)}
    assert files(tmp_path, "sections") <= 25 // 10 + 1


def test_readers_during_changes_see_every_document_once(tmp_path):
    write_documents(tmp_path, {ids(i): doc(i) for i in range(40)})
    stop, seen, wrong = threading.Event(), [], []

    def reader():
        while not stop.is_set():
            try:
                counts = rows_per_doc(tmp_path, "sections")
            except (FileNotFoundError, OSError):
                continue  # a part replaced between listing and reading: read again
            seen.append(1)
            if counts != {ids(i): 3 for i in range(40)}:
                wrong.append(counts)

    t = threading.Thread(target=reader)
    t.start()
    try:
        for round_ in range(15):
            # Some documents again (rewriting sealed parts), which also merges the open part.
            write_documents(tmp_path, {ids(i): doc(i, version=round_) for i in range(round_, 40, 7)}, f"r{round_}")
    finally:
        stop.set()
        t.join()
    assert seen and not wrong


def test_a_write_that_fails_fails_its_documents_in_the_log(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_bytes((RAW / "kontum-2021-ctrhd-06nqcp.txt").read_bytes())

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parts, "change", no_space)
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=False, workers=1)
    [row] = summary.log
    assert (row.status, row.stage, row.error_type) == ("failed", "write", "WriteError")
    assert "No space left on device" in row.error_message and "disk space" in row.error_message
    assert not any((tmp_path / "out" / t).exists() for t in DOCUMENT_TABLES)


def test_a_run_writes_parts_not_one_file_per_document(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = (RAW / "kontum-2021-ctrhd-06nqcp.txt").read_text()
    for i in range(6):
        (src / f"plan-{i}.txt").write_text(text + f"\n(copy {i})\n")
    out = tmp_path / "out"
    summary = run_batch([src], out_dir=out, use_prefect=False, workers=2)
    assert [r.status for r in summary.log] == ["ok"] * 6
    for table in DOCUMENT_TABLES:
        assert files(out, table) == 1, table
    assert len(rows_per_doc(out, "documents")) == 6
    compact_tables(out)  # nothing to merge: nothing changes
    assert files(out, "documents") == 1
