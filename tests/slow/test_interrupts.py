"""Ctrl-C or SIGTERM stops a run within seconds and loses nothing: the log is written,
unfinished files are marked, nothing keeps running. SIGUSR1 only asks where it is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pyarrow.parquet as pq
import pytest

from pipeline.errors import ExitCode
from tests.processes import communicate_or_explain
from tests.samples import RAW

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("prefect", [False, True], ids=["direct", "prefect"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_stops_the_run_and_writes_its_log(sig, prefect, tmp_path):
    out = tmp_path / "out"
    scans = [RAW / "kontum-2025-qd243-congbao.scan.pdf", RAW / "kontum-2021-ctrhd-06nqcp.scan.pdf"]
    text = RAW / "kiengiang-2020-kh182.md"
    main = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vnplans",
            "run",
            *map(str, [text, *scans]),
            "--out",
            str(out),
            *([] if prefect else ["--no-prefect"]),
            # The largest files start first: a third worker takes the text plan
            # while the two scans are in their OCR.
            "--workers",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Each finished document written at once: `documents` appearing means the text plan is done.
        env=os.environ | {"VNPLANS_FLUSH_DOCS": "1"},
    )
    me = psutil.Process(main.pid)
    descendants: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "documents").is_dir():
        for p in me.children(recursive=True):
            descendants.setdefault(p.pid, p)
        time.sleep(0.1)
    time.sleep(1.0)  # the scans are in their OCR now
    for p in me.children(recursive=True):
        descendants.setdefault(p.pid, p)
    sent = time.monotonic()
    os.kill(main.pid, sig)
    _, stderr = communicate_or_explain(main, timeout=30)
    took = time.monotonic() - sent
    assert main.returncode == int(ExitCode.INTERRUPTED), stderr
    assert took < 10, took
    assert "Traceback" not in stderr, stderr
    (log_file,) = (out / "ingest_log").glob("*.parquet")
    rows = {r["source_path"]: r for r in pq.read_table(log_file).to_pylist()}
    assert rows[str(text)]["status"] == "ok"
    for scan in scans:
        assert (rows[str(scan)]["status"], rows[str(scan)]["error_type"]) == ("failed", "InterruptedRunError")
    time.sleep(2)
    alive = [p.pid for p in descendants.values() if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, alive


def test_sigusr1_prints_where_a_run_is_and_the_run_goes_on(tmp_path):
    import pypdfium2 as pdfium

    out, scan = tmp_path / "out", tmp_path / "two-pages.scan.pdf"
    two = pdfium.PdfDocument.new()
    two.import_pages(pdfium.PdfDocument(RAW / "kiengiang-2020-kh182.scan.pdf"), [0, 1])
    two.save(scan)
    main = subprocess.Popen(
        [sys.executable, "-m", "vnplans", "run", str(scan), "--out", str(out), "--no-prefect", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    me = psutil.Process(main.pid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not me.children():  # a worker: the run is under way
        time.sleep(0.1)
    assert me.children(), "the run started no worker"
    os.kill(main.pid, signal.SIGUSR1)
    _, stderr = communicate_or_explain(main, timeout=600)
    assert main.returncode == 0, stderr
    assert "most recent call first" in stderr and "run_batch" in stderr, stderr[-3000:]
    (log_file,) = (out / "ingest_log").glob("*.parquet")
    assert [r["status"] for r in pq.read_table(log_file).to_pylist()] == ["ok"]
