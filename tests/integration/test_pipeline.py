"""The batch: every file gets a log row, bad files don't stop it, re-runs skip."""

import gc
import shutil
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.ingest.discover import discover
from pipeline.models import Processed
from pipeline.orchestrate.process import process_file
from pipeline.orchestrate.runner import run_batch
from tests.samples import RAW, image_pdf
from tests.tables import doc_ids, doc_rows, table_contents


@pytest.fixture
def inbox(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "kontum-2021-ctrhd-06nqcp.txt", src / "plan.txt")
    shutil.copy(RAW / "kontum-2021-ctrhd-06nqcp.txt", src / "copy-of-plan.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.bin").write_bytes(bytes(range(256)) * 20)
    (src / ".hidden.txt").write_text("ignored")
    return src


def test_discover_skips_hidden_and_temp(inbox):
    names = [p.name for p in discover([inbox])]
    assert names == ["copy-of-plan.txt", "empty.txt", "junk.bin", "plan.txt"]


def test_discover_leaves_out_the_pictures_saved_beside_a_web_page(tmp_path):
    for name in ("plan.htm", "other.doc", "notes.txt"):
        (tmp_path / name).write_text("x")
    for folder in ("plan_files", "other_files", "notes_files", "scans"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "image001.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    # `notes_files/` sits beside no page: its files are documents like any others
    assert found == ["notes.txt", "other.doc", "plan.htm", "notes_files/image001.png", "scans/image001.png"]


def test_source_path_is_absolute_whatever_the_working_folder(inbox, tmp_path, monkeypatch):
    # A run started with a relative path must not store that relative path:
    # the tables outlive the shell they were made in.
    monkeypatch.chdir(inbox.parent)
    out = tmp_path / "out"
    summary = run_batch([inbox.name], out_dir=out, use_prefect=False, workers=1)
    logged = [r.source_path for r in summary.log]
    assert logged and all(Path(p).is_absolute() for p in logged), logged
    assert str(inbox / "plan.txt") in logged
    [doc] = pq.read_table(out / "documents").to_pylist()
    assert doc["source_path"] in (str(inbox / "plan.txt"), str(inbox / "copy-of-plan.txt"))


def test_batch_logs_every_file_and_goes_on(inbox, tmp_path):
    out = tmp_path / "out"
    summary = run_batch([inbox], out_dir=out, use_prefect=False, workers=2)
    status = {r.source_path.rsplit("/", 1)[1]: r for r in summary.log}
    assert status["empty.txt"].status == "failed" and status["empty.txt"].stage == "read"
    assert "empty" in status["empty.txt"].error_message
    assert status["junk.bin"].status == "failed" and "binary" in status["junk.bin"].error_message
    oks = [r for r in summary.log if r.status == "ok"]
    skipped = [r for r in summary.log if r.status == "skipped"]
    assert len(oks) == 1 and len(skipped) == 1  # the copy has the same hash
    doc_id = oks[0].doc_id
    for table in ("documents", "sections", "legal_refs", "targets", "deadlines", "tasks"):
        assert doc_rows(out, table, doc_id), table
    log = pq.read_table(next((out / "ingest_log").glob("*.parquet"))).to_pylist()
    assert len(log) == 4

    again = run_batch([inbox / "plan.txt"], out_dir=out, use_prefect=False)
    assert [r.status for r in again.log] == ["skipped"]

    def contents():  # which of the two copies a first run names may differ
        return {
            k: t.drop_columns(["source_path"]) if k.startswith("documents/") else t
            for k, t in table_contents(out).items()
        }

    before = contents()
    [stamp] = [r["processed_at"] for r in doc_rows(out, "documents", doc_id)]
    forced = run_batch([inbox / "plan.txt"], out_dir=out, use_prefect=False, force=True)
    assert [r.status for r in forced.log] == ["ok"]
    # Replaced, not added: the same rows once, with a new processing time.
    assert contents() == before
    [again_stamp] = [r["processed_at"] for r in doc_rows(out, "documents", doc_id)]
    assert again_stamp > stamp


def test_process_file_rows_point_into_text():
    result = process_file(RAW / "kontum-2021-ctrhd-06nqcp.txt")
    doc = result.tables["documents"][0]
    assert doc.source_format == "txt" and doc.n_pages is None and doc.text_chars > 20000
    text_len = doc.text_chars
    for name in ("sections", "legal_refs", "targets", "deadlines", "tasks"):
        for r in result.tables[name]:
            assert 0 <= r.char_start < r.char_end <= text_len, (name, r)
            assert r.doc_id == doc.doc_id


@pytest.mark.slow
def test_prefect_flow_runs_without_a_server(inbox, tmp_path):
    out = tmp_path / "out"
    summary = run_batch([inbox / "plan.txt", inbox / "empty.txt"], out_dir=out, use_prefect=True)
    assert sorted(r.status for r in summary.log) == ["failed", "ok"]


def test_hung_document_is_stopped_at_the_time_limit(tmp_path):
    from pipeline.orchestrate.isolate import Limits

    slow = image_pdf(tmp_path / "scan.pdf", pages=3)
    summary = run_batch([slow], out_dir=tmp_path / "out", use_prefect=False, limits=Limits(timeout_s=0.2))
    (row,) = summary.log
    assert (row.status, row.error_type) == ("failed", "DocumentTimeoutError")
    assert "--timeout" in row.error_message
    assert not doc_ids(tmp_path / "out")


def test_memory_limit_fails_one_document_not_the_batch(tmp_path):
    import shutil

    from pipeline.orchestrate.isolate import Limits

    src = tmp_path / "in"
    src.mkdir()
    image_pdf(src / "scan.pdf")
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=False, limits=Limits(memory_mb=64))
    (row,) = summary.log
    assert row.status == "failed" and row.error_type in ("MemoryLimitError", "WorkerCrashedError", "OcrError")
    assert "memory" in row.error_message.lower() or "tesseract" in row.error_message.lower()
    shutil.copy(RAW / "kiengiang-2020-kh182.md", src / "plan.md")
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=False)
    assert sorted(r.status for r in summary.log) == ["ok", "ok"]


@pytest.mark.slow
def test_dask_local_cluster_runs_the_documents(inbox, tmp_path):
    out = tmp_path / "out"
    # A progress callback holding a lock, like the CLI's console: it must stay
    # in this process, never be shipped to the Dask workers.
    lock, seen = threading.RLock(), []

    def on_progress(row):
        with lock:
            seen.append(row.status)

    summary = run_batch(
        [inbox / "plan.txt", inbox / "empty.txt"],
        out_dir=out,
        use_prefect=True,
        dask="local",
        workers=2,
        on_progress=on_progress,
    )
    assert sorted(r.status for r in summary.log) == ["failed", "ok"] == sorted(seen)
    assert len(doc_ids(out, "tasks")) == 1


def test_the_flow_pickles_the_way_dask_ships_it():
    # Dask sends the flow-run context with every task, the flow's function
    # pickled by value with every global it names: none may hold a lock.
    import cloudpickle

    from pipeline.orchestrate.prefect_flow import _LIVE, ingest_flow, process_documents

    # (summary, progress callback, head start): the last two hold locks.
    _LIVE["live-batch"] = (object(), threading.RLock(), threading.Lock())
    try:
        cloudpickle.dumps(ingest_flow.fn)
        cloudpickle.dumps(process_documents.fn)
    finally:
        del _LIVE["live-batch"]


@pytest.mark.slow
@pytest.mark.parametrize("use_prefect", [True, False], ids=["prefect", "direct"])
def test_a_batch_lets_go_of_each_documents_rows_once_they_are_written(plans, tmp_path, use_prefect):
    # Prefect keeps every task's result until the flow ends: if the outcomes
    # kept their rows, a run would grow by every document it processed.
    src = tmp_path / "in"
    src.mkdir()
    for i in range(8):
        (src / f"plan-{i}.txt").write_text(plans[0].read_text() + f"\n(more {i})\n")
    held = []

    def on_progress(row) -> None:
        gc.collect()
        held.append(sum(isinstance(o, Processed) for o in gc.get_objects()))

    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=use_prefect, workers=1, on_progress=on_progress)
    assert [r.status for r in summary.log] == ["ok"] * 8
    assert len(held) == 8 and held[-1] == 0, held  # when the last is logged, no document's rows are left
