"""Long-lived worker processes: reused across documents, replaced when they must be.

Each thread that runs documents keeps one worker process. It is replaced after
a timeout, a crash, `max_docs` documents or when its memory grew past
`recycle_mb`, and a crash or a hang still costs one document only.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import psutil
import pytest

from pipeline.orchestrate import isolate
from pipeline.orchestrate.isolate import Limits, close_workers, run_isolated
from pipeline.orchestrate.runner import run_batch
from tests.processes import tesseracts, watching_tesseracts
from tests.samples import image_pdf


@pytest.fixture(autouse=True)
def no_workers_left():
    yield
    close_workers()
    assert not isolate._WORKERS


def _pid() -> int | None:
    w = getattr(isolate._LANE, "worker", None)
    return w.proc.pid if w is not None else None


def test_one_worker_serves_document_after_document(plans):
    pids = []
    for p in plans:
        assert run_isolated(p, False, Limits()).status == "ok"
        pids.append(_pid())
    assert len(set(pids)) == 1 and pids[0] is not None


def test_starting_a_worker_is_not_counted_against_the_document(plans, monkeypatch):
    # The first worker of a process waits for the fork server to import the
    # pipeline: seconds on a slow machine, none of it the document's doing.
    started = isolate._worker

    def slow_start(limits):
        time.sleep(1.5)
        return started(limits)

    monkeypatch.setattr(isolate, "_worker", slow_start)
    monkeypatch.setattr(isolate, "_POLL_S", 0.01)  # the first look comes before the document is done
    run_isolated(plans[0], False, Limits())  # the worker is warm: the document takes well under 1 s
    out = run_isolated(plans[1], False, Limits(timeout_s=1.0))
    assert out.status == "ok", out.error_message


def test_a_worker_is_replaced_after_max_docs(plans):
    limits = Limits(max_docs=2)
    pids = []
    for p in plans:
        assert run_isolated(p, False, limits).status == "ok"
        pids.append(_pid())
    # Retired after its 2nd document: none is kept, the next document starts one.
    assert pids[1] is None and pids[3] is None
    before, after = set(), set()
    for p in plans[:2]:
        run_isolated(p, False, Limits(max_docs=3))
        before.add(_pid())
    for p in plans[2:]:
        run_isolated(p, False, Limits(max_docs=3))
        after.add(_pid())
    assert len(before) == 1 and None in after


def test_a_worker_whose_memory_grew_is_replaced(plans):
    limits = Limits(recycle_mb=1)  # every worker is bigger than 1 MB
    assert run_isolated(plans[0], False, limits).status == "ok"
    assert _pid() is None


def test_a_new_memory_cap_gets_a_new_worker(plans):
    run_isolated(plans[0], False, Limits(memory_mb=4096))
    first = _pid()
    run_isolated(plans[1], False, Limits(memory_mb=3000))
    assert _pid() not in (None, first)
    assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE


def test_a_timeout_costs_one_document_and_the_next_gets_a_fresh_worker(plans, tmp_path):
    run_isolated(plans[0], False, Limits())
    first = _pid()
    slow = image_pdf(tmp_path / "scan.pdf", pages=3)
    out = run_isolated(slow, True, Limits(timeout_s=0.3))
    assert out.error_type == "DocumentTimeoutError"
    assert _pid() is None and not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE
    assert run_isolated(plans[1], False, Limits()).status == "ok"


def _kill_workers_while(running: threading.Event, times: int) -> threading.Thread:
    """Kill the worker that is processing a document, `times` times."""

    def killer() -> None:
        killed: set[int] = set()
        while running.is_set() and len(killed) < times:
            for w in list(isolate._WORKERS):
                if w.proc.pid not in killed and w.proc.is_alive():
                    time.sleep(0.3)  # into the document
                    psutil.Process(w.proc.pid).kill()
                    killed.add(w.proc.pid)
            time.sleep(0.02)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    return t


def _run_while_killing(tmp_path: Path, times: int):
    """OCR a scan while its worker is killed `times` times."""
    scan = image_pdf(tmp_path / "scan.pdf", pages=3)
    running = threading.Event()
    running.set()
    killer = _kill_workers_while(running, times)
    try:
        return run_isolated(scan, True, Limits())
    finally:
        running.clear()
        killer.join()


def test_a_worker_killed_mid_document_is_replaced_and_the_document_retried(tmp_path):
    out = _run_while_killing(tmp_path, times=1)
    assert out.status == "ok", out.error_message


def test_a_document_that_kills_its_worker_twice_fails_alone(tmp_path, plans):
    out = _run_while_killing(tmp_path, times=2)
    assert out.error_type == "WorkerCrashedError"
    assert "died twice" in out.error_message and "signal 9" in out.error_message
    assert run_isolated(plans[0], False, Limits()).status == "ok"


def test_prestarted_workers_serve_the_first_documents(plans):
    isolate.prestart_workers(2, Limits())
    for t in list(isolate._PRESTARTING):
        t.join()
    spares = {w.proc.pid for w in isolate._SPARE}
    assert len(spares) == 2 and all(psutil.pid_exists(pid) for pid in spares)
    pids = []

    def one(p: Path) -> None:
        assert run_isolated(p, False, Limits()).status == "ok"
        pids.append(_pid())

    threads = [threading.Thread(target=one, args=(p,)) for p in plans[:2]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Each thread took a spare instead of starting a worker of its own.
    assert set(pids) == spares and not isolate._SPARE


def test_a_document_waits_for_a_prestart_under_way_and_a_spare_of_other_limits_is_ended(plans):
    isolate.prestart_workers(1, Limits(memory_mb=3000))
    assert run_isolated(plans[0], False, Limits(memory_mb=3000)).status == "ok"
    # The document took the worker being prestarted rather than starting a second one.
    assert _pid() is not None and len(isolate._WORKERS) == 1
    assert not isolate._SPARE and not isolate._PRESTARTING
    close_workers()
    isolate.prestart_workers(1, Limits(memory_mb=3000))
    for t in list(isolate._PRESTARTING):
        t.join()
    (unfit,) = isolate._SPARE
    assert run_isolated(plans[1], False, Limits(memory_mb=4096)).status == "ok"
    assert _pid() != unfit.proc.pid and not unfit.proc.is_alive()


def test_close_workers_ends_prestarted_ones(plans):
    isolate.prestart_workers(2, Limits())
    close_workers()  # waits for the prestart, then ends what it started
    assert not isolate._SPARE and not isolate._WORKERS and not isolate._PRESTARTING


def test_a_batch_ends_its_workers(plans, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in plans:
        shutil.copy(p, src / p.name)
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=False, workers=2)
    assert [r.status for r in summary.log] == ["ok"] * 4
    assert not isolate._WORKERS
    # Workers are the forkserver's children; it stays (it is cheap and serves the next batch).
    forkservers = [c for c in psutil.Process().children() if "multiprocessing.forkserver" in " ".join(c.cmdline())]
    assert forkservers, "the workers came from the forkserver"
    deadline = time.monotonic() + 5
    while any(f.children() for f in forkservers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [c.pid for f in forkservers for c in f.children()] == []


def test_small_files_share_tasks_and_large_ones_go_alone(tmp_path):
    from pipeline.orchestrate.batch import ALONE_BYTES, chunked

    todo = []
    for i in range(2):
        big = tmp_path / f"scan-{i}.pdf"
        big.write_bytes(b"x" * (ALONE_BYTES + i))
        todo.append((big, f"big{i}"))
    for i in range(60):
        small = tmp_path / f"plan-{i}.txt"
        small.write_bytes(b"y" * 10_000)
        todo.append((small, f"small{i}"))
    chunks = chunked(todo, workers=2)
    assert [item for chunk in chunks for item in chunk] == todo, "every file once, in order"
    assert chunks[0] == [todo[0]] and chunks[1] == [todo[1]]
    small = [len(c) for c in chunks[2:]]
    assert small[0] == 60 // 2 // 2, "a task takes half of what is left per worker"
    assert small == sorted(small, reverse=True), "tasks shrink as the batch drains"
    assert small[-2:] == [1, 1], "the last tasks are single files, so the workers end together"
    assert len(chunks) < 62 // 2
    assert chunked(todo[2:5], workers=2) == [[t] for t in todo[2:5]], "a small batch: one file a task"


def test_the_largest_files_start_first(tmp_path):
    from pipeline.models import RunSummary
    from pipeline.orchestrate.batch import plan_batch

    sizes = [3, 50, 7, 20_000, 400]
    for i, n in enumerate(sizes):
        (tmp_path / f"f{i}.txt").write_bytes(bytes([65 + i]) * n)
    files = sorted(tmp_path.glob("*.txt"))
    todo = plan_batch(files, tmp_path / "out", False, RunSummary("r", tmp_path / "out"), None)
    assert [p.stat().st_size for p, _ in todo] == sorted(sizes, reverse=True)


@pytest.mark.slow
def test_prefect_runs_small_files_a_few_to_a_task(plans, tmp_path, monkeypatch):
    from pipeline.orchestrate import prefect_flow

    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"plan-{i}.txt").write_text(plans[0].read_text() + f"\n(more {i})\n")
    labels: list[str] = []
    real = prefect_flow._label
    monkeypatch.setattr(prefect_flow, "_label", lambda files: labels.append(real(files)) or labels[-1])
    summary = run_batch([src], out_dir=tmp_path / "out", use_prefect=True, workers=1)
    assert [r.status for r in summary.log] == ["ok"] * 12
    # 12 files on one worker: half of them in the first task, then fewer, the last ones alone.
    assert labels[0].endswith(" +5") and labels[1].endswith(" +2") and len(labels) == 5, labels
    assert all("+" not in label for label in labels[2:]), labels


def test_a_long_scan_uses_the_idle_workers_cores_and_reads_the_same(tmp_path):
    """One scan in a batch of two workers: its pages are OCR'd two at a time, never more, same tables."""
    from tests.tables import table_contents

    # pages of 40 lines: Tesseract in the worker reads a line's page in ~0.05 s, too short to be
    # seen at work side by side
    scan = image_pdf(tmp_path / "scan.pdf", pages=6, lines=40)
    peaks, tables = {}, {}
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}"
        with watching_tesseracts() as watch:
            summary = run_batch([scan], out, workers=workers, use_prefect=False, force=True)
        peaks[workers] = watch.peak
        assert [r.status for r in summary.log] == ["ok"]
        tables[workers] = table_contents(out)
    assert peaks == {1: 1, 2: 2}
    assert tables[1] == tables[2] and tables[1]


def test_a_timeout_stops_every_page_lane(tmp_path):
    scan = image_pdf(tmp_path / "scan.pdf", pages=30, lines=40)
    isolate.share_cores(3)  # as a batch of three workers with nothing else to do
    try:
        with watching_tesseracts() as watch:
            out = run_isolated(scan, True, Limits(timeout_s=5.0))
    finally:
        isolate.share_cores(0)
    assert out.error_type == "DocumentTimeoutError"
    assert watch.peak >= 2  # it stopped pages running side by side
    deadline = time.monotonic() + 5
    while tesseracts() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not tesseracts()


def test_settle_heap_collects_garbage_then_hides_what_is_left_from_the_collector():
    import gc
    import weakref

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle only the collector can free
    dead = weakref.ref(a)
    del a, b
    kept = Node()
    try:
        isolate.settle_heap()
        assert dead() is None  # collected before the freeze, not kept forever
        assert gc.get_freeze_count() > 0 and gc.is_tracked(kept)
        assert gc.get_count()[2] == 0
    finally:
        gc.unfreeze()


def test_an_interrupt_handed_to_a_worker_thread_still_stops_the_wait():
    """The kernel may deliver Ctrl-C to any thread; Python acts on it in the main thread
    only when that thread runs. Waiting on a long document must not hold it off."""
    import signal
    import threading
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    from pipeline.orchestrate.batch import completed

    release = threading.Event()
    # as `vnplans` sets it, whatever the shell that started the tests left (a background job ignores SIGINT)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    with ThreadPoolExecutor(max_workers=1) as pool:
        worker = pool.submit(threading.get_ident).result()
        long_document = pool.submit(release.wait, 20)
        poke = threading.Timer(0.3, signal.pthread_kill, (worker, signal.SIGINT))
        started = time.monotonic()
        poke.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                for _ in completed([long_document], lambda fs, t: wait(fs, timeout=t, return_when=FIRST_COMPLETED)):
                    pass
            assert time.monotonic() - started < 3
        finally:
            release.set()
            poke.cancel()
            signal.signal(signal.SIGINT, previous)


def test_an_error_raised_while_an_interrupt_is_handled_is_the_interrupt(plans, tmp_path, monkeypatch):
    """Prefect's cancellation can fire inside the wait Ctrl-C broke; the wait's
    lock then fails (`RuntimeError: release unlocked lock`) with the interrupt
    only in its context. The run is interrupted, not crashed: its log is written."""
    import pyarrow.parquet as pq

    from pipeline.orchestrate import runner

    def broken_wait(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("release unlocked lock") from None

    monkeypatch.setattr(runner, "ingest_direct", broken_wait)
    summary = run_batch([plans[0]], out_dir=tmp_path / "out", use_prefect=False)
    assert summary.interrupted
    log = pq.ParquetDataset(tmp_path / "out" / "ingest_log").read().to_pylist()
    assert [row["error_type"] for row in log] == ["InterruptedRunError"]
    # an error with no interrupt behind it is not swallowed
    monkeypatch.setattr(runner, "ingest_direct", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
    with pytest.raises(RuntimeError, match="bug"):
        run_batch([plans[0]], out_dir=tmp_path / "out2", use_prefect=False)
