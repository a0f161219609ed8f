"""Crash safety: a run killed with SIGKILL at any moment leaves only readable
tables, and a re-run completes the set with the same contents as a clean run.

`vnplans run` is started in its own process group (its forkserver, workers
and any Tesseract are in it too) and the whole group is killed after a random
delay. Runs use `--no-prefect`: the tables are written by the same code either
way, and Prefect's start-up would only make each trial longer. Finished
documents are written two at a time (`VNPLANS_FLUSH_DOCS=2`), so the kills land
between and inside writes, not only before the first.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.bad_inputs import assert_same_tables
from tests.samples import RAW, ROOT
from tests.tables import table_contents

TRIALS = 4
SEED = 20240604


def _inputs(folder: Path) -> Path:
    """Eight documents: the three text samples, a digital PDF, and copies
    changed just enough to have their own content hash."""
    folder.mkdir()
    texts = [
        RAW / "kontum-2021-ctrhd-06nqcp.txt",
        RAW / "kiengiang-2020-kh182.md",
        RAW / "kontum-2025-qd243-congbao.txt",
    ]
    for src in texts:
        shutil.copyfile(src, folder / src.name)
    pdf = RAW / "kiengiang-2020-kh182.pdf"
    shutil.copyfile(pdf, folder / pdf.name)
    for i, src in enumerate(texts[:3]):
        data = src.read_bytes() + f"\n\nGhi chú: bản sao số {i + 1}.\n".encode()
        (folder / f"copy-{i + 1}-{src.name}").write_bytes(data)
    # Bytes after %%EOF: a different file, the same PDF to every reader.
    (folder / "copy-4-kiengiang-2020-kh182.pdf").write_bytes(pdf.read_bytes() + b"\n% copy 4\n")
    return folder


def _start(inputs: Path, out: Path) -> subprocess.Popen:
    # Output to a file, not a pipe: a full pipe nobody reads would block the
    # run, and the kill would always land on a stalled process.
    with open(out.parent / f"{out.name}.log", "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out), "--no-prefect"],
            cwd=ROOT,
            env=os.environ | {"VNPLANS_FLUSH_DOCS": "2"},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _any_table_file(out: Path) -> bool:
    """Whether a table file exists yet. The run renames and removes its staging
    folders while this looks: one that vanishes between the listing and the look
    inside it is no table file (a race of this probe, not of the run)."""
    try:
        return any(out.glob("*/*.parquet"))
    except FileNotFoundError:
        return False


def _finish(inputs: Path, out: Path) -> float | None:
    """Run to completion; seconds until the first table file appeared."""
    started = time.perf_counter()
    first = None
    proc = _start(inputs, out)
    while proc.poll() is None:
        if first is None and _any_table_file(out):
            first = time.perf_counter() - started
        time.sleep(0.05)
    assert proc.returncode == 0, (out.parent / f"{out.name}.log").read_text(errors="replace")[-3000:]
    return first


def _assert_consistent(out: Path, want: dict) -> None:
    """Every table file a reader sees reads whole, and every table folder has
    one (a folder without files has no columns to read); leftovers are hidden temp
    files and staging folders (and the output folder's lock file, which a dead
    run leaves unlocked); a document in `documents` has all its rows in every
    other table, the same as a clean run's."""
    for f in out.glob("*/*"):
        if f.is_file() and not f.name.endswith(".parquet"):
            assert f.name.startswith(".") and f.name.endswith(".tmp"), f"unexpected file {f}"
    for f in out.glob("*"):
        if f.is_dir():
            assert not f.name.startswith(".") or ".next-" in f.name, f"unexpected folder {f}"
            if not f.name.startswith("."):
                assert any(f.glob("*.parquet")), f"table folder {f.name} without a table file"
    for f in out.glob("*/*.parquet"):
        pq.read_table(f)  # raises on a partial or corrupt file
    if not (out / "documents").is_dir():
        return
    got = table_contents(out)
    listed = {key.split("/")[1] for key in got if key.startswith("documents/")}
    for key, rows in want.items():
        if key.split("/")[1] in listed:
            assert key in got and got[key].equals(rows), f"{key}: a listed document without its rows"


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_completes_the_set(tmp_path):
    """Each trial's documents are processed by runs other than the clean one,
    so equal tables also show that a re-run gives identical contents."""
    inputs = _inputs(tmp_path / "in")
    clean = tmp_path / "clean"
    started = time.perf_counter()
    first_write = _finish(inputs, clean)
    clean_s = time.perf_counter() - started
    want = table_contents(clean)
    assert len([key for key in want if key.startswith("documents/")]) == 8 and first_write is not None

    rng = random.Random(SEED)
    for trial in range(TRIALS):
        out = tmp_path / f"trial-{trial}"
        # Start-up (imports, the forkserver) writes nothing, so the kills are
        # spread over the stretch where documents are written: one delay in
        # each slice of it, from just before the first file to the end.
        window = clean_s - 0.8 * first_write
        delay = 0.8 * first_write + window * (trial + rng.random()) / TRIALS
        proc = _start(inputs, out)
        time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # finished before the kill: a valid (if dull) trial
        proc.wait(timeout=60)
        if out.exists():
            _assert_consistent(out, want)
        _finish(inputs, out)
        _assert_consistent(out, want)
        assert not list(out.rglob(".*.tmp")), "the re-run must clean up temp files"
        assert not list(out.glob(".*.next-*")), "the re-run must clean up staging folders"
        assert_same_tables(table_contents(out), want)
        for log in (out / "ingest_log").glob("*.parquet"):
            assert all(r["status"] != "failed" for r in pq.read_table(log).to_pylist())
