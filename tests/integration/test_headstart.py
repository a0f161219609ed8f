"""The head start: the first tasks' documents run while Prefect starts, then the tasks take over.

Each file is processed exactly once, by the head or by its task; never more
documents at once than the run has workers; a head thread's worker serves the
task after it; and what no task claimed comes back from `close`.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from pipeline.models import Outcome
from pipeline.orchestrate import headstart, isolate
from pipeline.orchestrate.headstart import HeadStart
from pipeline.orchestrate.isolate import Limits, close_workers, run_isolated
from pipeline.orchestrate.runner import run_batch
from schemas.enums import Status
from tests.tables import doc_ids, read, table_contents


@pytest.fixture(autouse=True)
def no_workers_left():
    yield
    close_workers()
    assert not isolate._WORKERS


class FakeRuns:
    """Stands in for `run_isolated`: each call takes `seconds`, and the most running at once is kept."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.lock = threading.Lock()
        self.running = self.peak = 0
        self.calls: list[tuple[Path, str]] = []

    def __call__(self, path: Path, ocr: bool, limits: Limits, doc_id: str | None = None) -> Outcome:
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.calls.append((path, doc_id or ""))
        time.sleep(self.seconds)
        with self.lock:
            self.running -= 1
        return Outcome(Status.OK, doc_id=doc_id)


def _chunks(sizes: list[int]) -> list[list[tuple[Path, str]]]:
    n = 0
    out = []
    for size in sizes:
        out.append([(Path(f"f{n + i}.txt"), f"d{n + i}") for i in range(size)])
        n += size
    return out


def _wait_for(cond, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_tasks_take_what_the_head_did_and_each_file_runs_once(monkeypatch):
    runs = FakeRuns(0.02)
    monkeypatch.setattr(headstart, "run_isolated", runs)
    chunks = _chunks([6, 5, 3, 2])
    head = HeadStart(chunks, False, Limits(), threads=2)
    _wait_for(lambda: len(runs.calls) >= 4)
    # The head works in the order the task runner starts the tasks: the first two chunks, each from its start.
    assert set(runs.calls[:2]) == {chunks[0][0], chunks[1][0]}
    done: dict[tuple[Path, str], str] = {}

    def task(files) -> None:  # what `process_documents` does with its chunk
        ready = head.claim(files)
        for item in files:
            done[item] = "head" if item in ready else "task"
            if item not in ready:
                runs(item[0], False, Limits(), item[1])

    threads = [threading.Thread(target=task, args=(c,)) for c in chunks[:2]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in chunks[2:]:
        task(c)
    assert head.close() == []
    every = [item for c in chunks for item in c]
    assert sorted(runs.calls) == sorted(every)  # each file once
    assert sorted(done) == sorted(every)
    assert "head" in done.values() and "task" in done.values()
    assert runs.peak <= 2  # never more at once than workers


def test_after_the_first_claim_the_head_starts_nothing_new(monkeypatch):
    runs = FakeRuns(0.05)
    monkeypatch.setattr(headstart, "run_isolated", runs)
    chunks = _chunks([20, 20])
    head = HeadStart(chunks, False, Limits(), threads=2)
    _wait_for(lambda: len(runs.calls) >= 2)
    ready = head.claim(chunks[0])
    started = len(runs.calls)
    time.sleep(0.3)
    left = head.close()
    # At most the document the other thread had under way when the claim came.
    assert len(runs.calls) <= started + 1
    assert set(ready) <= set(chunks[0]) and {item for item, _ in left} <= set(chunks[1])
    assert len(ready) + len(left) == len(runs.calls)


def test_close_hands_back_what_no_task_claimed(monkeypatch):
    runs = FakeRuns(0.0)
    monkeypatch.setattr(headstart, "run_isolated", runs)
    chunks = _chunks([3, 2, 1])
    head = HeadStart(chunks, False, Limits(), threads=2)
    _wait_for(lambda: len(runs.calls) == 6)
    left = head.close()
    assert sorted(item for item, _ in left) == sorted(item for c in chunks for item in c)
    assert all(outcome.doc_id == item[1] for item, outcome in left)


def test_the_task_after_a_head_thread_takes_its_worker(plans):
    chunk = [(p, f"doc-{i}") for i, p in enumerate(plans)]
    head = HeadStart([chunk], False, Limits(), threads=1)
    _wait_for(lambda: len(head._done) >= 1, timeout=60)
    ready = head.claim(chunk)
    # The head thread handed its worker back, before the claim returned, instead of ending it.
    (spare,) = isolate._SPARE
    outcomes = [ready[item] if item in ready else run_isolated(item[0], False, Limits(), item[1]) for item in chunk]
    assert [o.status for o in outcomes] == ["ok"] * 4
    if len(ready) < len(chunk):
        assert isolate._LANE.worker is spare  # this thread ran the rest on it
    assert len(isolate._WORKERS) == 1
    isolate.release_worker()


@pytest.mark.slow
def test_a_flow_that_fails_loses_none_of_the_documents_the_head_finished(plans, tmp_path, monkeypatch):
    from pipeline.orchestrate import prefect_flow

    class Failing:
        """A flow that never starts its tasks: it waits for the head to finish everything, then fails."""

        def with_options(self, **_):
            return self

        def __call__(self, chunks, out_dir, ocr, batch, limits):
            head = prefect_flow._head(batch)
            _wait_for(lambda: len(head._done) == len(plans), timeout=120)
            raise RuntimeError("the orchestrator could not start")

    monkeypatch.setattr(prefect_flow, "ingest_flow", Failing())
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        run_batch(plans, out_dir=out, use_prefect=True, workers=2)
    assert len(doc_ids(out)) == len(plans)
    assert read(out, "ingest_log").column("status").to_pylist() == ["ok"] * len(plans)


@pytest.mark.slow
def test_a_prefect_batch_with_a_head_start_reads_as_a_direct_one(plans, tmp_path):
    direct = run_batch(plans, out_dir=tmp_path / "direct", use_prefect=False, workers=2)
    flow = run_batch(plans, out_dir=tmp_path / "flow", use_prefect=True, workers=2)
    assert sorted(r.status for r in flow.log) == sorted(r.status for r in direct.log) == ["ok"] * 4
    assert table_contents(tmp_path / "direct") == table_contents(tmp_path / "flow")
