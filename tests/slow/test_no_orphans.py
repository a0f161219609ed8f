"""`kill -9` of `vnplans run` leaves nothing behind: no worker, no Tesseract."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from tests.samples import RAW

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("prefect", [False, True], ids=["direct", "prefect"])
def test_sigkill_of_the_main_process_leaves_no_descendant(prefect, tmp_path):
    main = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vnplans",
            "run",
            str(RAW / "kiengiang-2020-kh182.scan.pdf"),
            str(RAW / "kontum-2021-ctrhd-06nqcp.scan.pdf"),
            "--out",
            str(tmp_path / "out"),
            *([] if prefect else ["--no-prefect"]),
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the test's own process group stays out of it
    )
    me = psutil.Process(main.pid)
    descendants: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + 120
    # Wait until the tree is at full work: workers and at least one Tesseract.
    while time.monotonic() < deadline:
        for p in me.children(recursive=True):
            descendants.setdefault(p.pid, p)
        names = []
        for p in descendants.values():
            try:
                names.append(p.name())
            except psutil.Error:
                pass
        # With Prefect, its temporary API server is among them (a Python child).
        if any(n.startswith("tesseract") for n in names) and (not prefect or len(names) >= 4):
            break
        time.sleep(0.1)
    assert any(True for _ in descendants), "the run started no process: the test proves nothing"
    os.kill(main.pid, signal.SIGKILL)
    main.wait(timeout=10)
    time.sleep(5)
    alive = []
    for p in descendants.values():
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(f"{p.pid} {p.name()} {' '.join(p.cmdline()[:3])}")
        except psutil.NoSuchProcess:
            pass
    for p in alive:  # do not leave them to the next test either
        try:
            os.kill(int(p.split()[0]), signal.SIGKILL)
        except OSError:
            pass
    assert not alive, alive
