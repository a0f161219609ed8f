"""Two runs on one output folder: the second says who is writing, or waits its turn."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from pipeline.errors import ExitCode, OutputLockedError
from pipeline.orchestrate.outlock import output_lock
from pipeline.orchestrate.runner import run_batch
from tests.samples import RAW

PLAN = RAW / "kontum-2021-ctrhd-06nqcp.txt"


def test_a_second_run_is_refused_with_the_owner(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out), pytest.raises(OutputLockedError, match=f"pid {os.getpid()}"):
        run_batch([PLAN], out_dir=out, use_prefect=False)


def test_the_cli_exits_with_the_locked_code(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out):
        done = subprocess.run(
            [sys.executable, "-m", "vnplans", "run", str(PLAN), "--out", str(out), "--no-prefect"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == int(ExitCode.LOCKED), done.stderr
    assert "another vnplans run" in done.stderr


def test_a_waiting_run_goes_after_the_first_and_processes_once(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    held = threading.Event()

    def first():
        with output_lock(out):
            held.set()
            time.sleep(1.5)

    t = threading.Thread(target=first)
    t.start()
    held.wait()
    started = time.monotonic()
    summary = run_batch([PLAN], out_dir=out, use_prefect=False, wait_for_lock=True)
    t.join()
    assert time.monotonic() - started >= 1.0
    assert [r.status for r in summary.log] == ["ok"]


def test_a_killed_run_leaves_no_stale_lock(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    code = f"from pipeline.orchestrate.outlock import output_lock\nimport os\nwith output_lock({str(out)!r}):\n    os._exit(0)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    summary = run_batch([PLAN], out_dir=out, use_prefect=False)
    assert [r.status for r in summary.log] == ["ok"]
