"""Writers and schemas: every table matches the contract; writes are atomic."""

import dataclasses
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.store.files import current_umask
from pipeline.store.writers import atomic_write_table, remove_stale_temp_files, write_document, write_ingest_log
from schemas import RECORD_TYPES, SCHEMAS, TABLES, Document, IngestLog, to_arrow
from tests.samples import RAW

BIN = Path(sys.executable).parent


def test_every_table_has_doc_id_first_and_record_type_matches_schema():
    assert TABLES == ["documents", "sections", "legal_refs", "targets", "deadlines", "tasks", "ingest_log"]
    for name, schema in SCHEMAS.items():
        assert schema.names[0] == "doc_id"
        assert [f.name for f in dataclasses.fields(RECORD_TYPES[name])] == schema.names


def test_contract_types():
    s = SCHEMAS
    assert s["documents"].field("issue_date").type == pa.date32()
    assert s["documents"].field("horizon_year").type == pa.int16()
    assert s["documents"].field("implements").type == pa.list_(pa.string())
    assert s["documents"].field("processed_at").type == pa.timestamp("us", tz="UTC")
    assert s["sections"].field("level").type == pa.int8()
    assert s["sections"].field("char_start").type == pa.int64()
    assert s["targets"].field("value").type == pa.float64()
    assert s["deadlines"].field("ongoing").type == pa.bool_()
    assert s["ingest_log"].field("pages").type == pa.int32()


def test_to_arrow_rejects_wrong_types():
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        to_arrow("documents", [Document(doc_id="x", horizon_year="two thousand")])


def test_write_document_writes_every_table_with_its_schema(tmp_path):
    tables = {"documents": [Document(doc_id="abc", source_path="x.txt", doc_kind="ke_hoach")]}
    paths = write_document(tmp_path, "abc", tables)
    assert {p.parent.name for p in paths} == set(TABLES) - {"ingest_log"}
    for p in paths:
        assert pq.read_schema(p).remove_metadata() == SCHEMAS[p.parent.name]
    assert paths[-1].parent.name == "documents"  # written last: its presence means the rest is complete
    log = write_ingest_log(tmp_path, "run1", [IngestLog(source_path="x.txt", status="ok")])
    assert pq.read_table(log).num_rows == 1


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    dest = tmp_path / "targets" / "abc.parquet"
    atomic_write_table(to_arrow("targets", []), dest)
    before = dest.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(OSError):
        atomic_write_table(to_arrow("targets", []), dest)
    assert dest.read_bytes() == before
    assert not list(dest.parent.glob(".*.tmp"))


def test_stale_temp_files_removed(tmp_path):
    (tmp_path / "tasks").mkdir()
    (tmp_path / "tasks" / ".abc.parquet.x1.tmp").write_bytes(b"half")
    assert remove_stale_temp_files(tmp_path) == 1


@pytest.fixture
def umask():
    """Set the process umask for one test, restoring it after."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o002, 0o664), (0o022, 0o644), (0o077, 0o600)])
def test_tables_get_the_mode_the_umask_gives(tmp_path, umask, mask, mode):
    umask(mask)
    assert current_umask() == mask
    tables = {"documents": [Document(doc_id="abc", source_path="x.txt", doc_kind="ke_hoach")]}
    paths = write_document(tmp_path, "abc", tables)
    paths.append(write_ingest_log(tmp_path, "run1", [IngestLog(source_path="x.txt", status="ok")]))
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {mode}


def test_a_run_in_a_shared_folder_leaves_group_readable_tables(tmp_path):
    # End to end, as an operator's shell with umask 002 runs it.
    (tmp_path / "in").mkdir()
    shutil.copy(RAW / "kontum-2021-ctrhd-06nqcp.txt", tmp_path / "in" / "plan.txt")
    out = tmp_path / "out"
    cmd = f"umask 002 && exec {BIN / 'vnplans'} run in --out out --no-prefect --no-ocr --workers 1"
    done = subprocess.run(["sh", "-c", cmd], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    files = list(out.rglob("*.parquet"))
    assert len(files) >= 7
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o664}


def test_arrow_allocates_through_the_system_allocator_unless_told_otherwise():
    """mimalloc keeps what a write freed (a 1,000-document run's writer grew by 170 MB, not 100)."""
    import os
    import subprocess
    import sys

    code = "import pipeline, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "system"
    env["ARROW_DEFAULT_MEMORY_POOL"] = "mimalloc"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "mimalloc"
