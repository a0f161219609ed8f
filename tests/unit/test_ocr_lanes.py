"""OCR lanes: a scan's pages side by side, never more at once than allowed."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from pipeline.ocr import lanes
from pipeline.orchestrate import isolate


class Counter:
    """A page job that records how many jobs ran at once."""

    def __init__(self, seconds: float = 0.05) -> None:
        self.seconds = seconds
        self.now = self.peak = 0
        self.lock = threading.Lock()

    def __call__(self, page: int) -> str:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        time.sleep(self.seconds)
        with self.lock:
            self.now -= 1
        return f"page {page}"


@pytest.fixture
def shared():
    """This process as a worker would be: an allowance the runner writes, a waiting count it reads."""
    allowed, waiting = SimpleNamespace(value=1), SimpleNamespace(value=0)
    lanes.connect(allowed, waiting)
    yield allowed, waiting
    lanes.connect(None, None)


def test_outside_a_batch_pages_are_read_one_after_another():
    job = Counter()
    out = lanes.run_lanes(job, list(range(6)))
    assert job.peak == 1
    assert out == [(i, f"page {i}") for i in range(6)]


def test_pages_run_side_by_side_up_to_the_allowance_and_keep_their_order(shared):
    allowed, waiting = shared
    allowed.value = 3
    job = Counter()
    out = lanes.run_lanes(job, list(range(12)))
    assert job.peak == 3
    assert out == [(i, f"page {i}") for i in range(12)]
    assert waiting.value == 0


def test_an_allowance_of_one_keeps_one_lane(shared):
    job = Counter()
    lanes.run_lanes(job, list(range(5)))
    assert job.peak == 1


def test_lanes_follow_the_allowance_as_it_changes(shared):
    allowed, waiting = shared
    counter, seen = Counter(), []

    def job(page: int) -> str:
        seen.append(waiting.value)
        if page == 2:
            allowed.value = 2  # another worker went idle
        return counter(page)

    lanes.run_lanes(job, list(range(10)))
    assert counter.peak == 2  # the second lane started at a page boundary
    assert seen[0] == 9  # the runner sees how many pages wait


def test_a_fixed_lane_count_needs_no_runner():
    job = Counter()
    lanes.run_lanes(job, list(range(6)), lanes=2)
    assert job.peak == 2


def test_the_first_failure_stops_the_lanes_and_is_raised(shared):
    allowed, _ = shared
    allowed.value = 2
    started = []

    def job(page: int) -> int:
        started.append(page)
        time.sleep(0.02)
        if page == 1:
            raise RuntimeError("tesseract died")
        return page

    with pytest.raises(RuntimeError, match="tesseract died"):
        lanes.run_lanes(job, list(range(20)))
    assert len(started) < 20


def _worker(waiting: int) -> SimpleNamespace:
    return SimpleNamespace(waiting=SimpleNamespace(value=waiting), lanes=SimpleNamespace(value=1))


@pytest.fixture
def busy():
    isolate._BUSY.clear()
    yield isolate._BUSY
    isolate._BUSY.clear()
    isolate.share_cores(0)


def test_spare_cores_go_to_the_documents_with_pages_waiting(busy):
    scan, text = _worker(waiting=20), _worker(waiting=0)
    busy += [scan, text]
    isolate.share_cores(4)
    isolate._share_spare_cores()
    assert (scan.lanes.value, text.lanes.value) == (3, 1)  # two idle cores, both to the scan


def test_spare_cores_are_shared_round_robin_and_never_beyond_the_pages_left(busy):
    a, b, c = _worker(waiting=20), _worker(waiting=20), _worker(waiting=1)
    busy += [a, b, c]
    isolate.share_cores(8)
    isolate._share_spare_cores()
    assert c.lanes.value == 2  # one waiting page: one more lane
    assert a.lanes.value + b.lanes.value == 2 + 4
    assert abs(a.lanes.value - b.lanes.value) <= 1
    assert sum(w.lanes.value for w in busy) <= 8


def test_no_spare_cores_when_every_worker_is_busy_or_outside_a_batch(busy):
    a, b = _worker(waiting=20), _worker(waiting=20)
    busy += [a, b]
    isolate.share_cores(2)
    isolate._share_spare_cores()
    assert (a.lanes.value, b.lanes.value) == (1, 1)
    isolate.share_cores(0)
    isolate._share_spare_cores()
    assert (a.lanes.value, b.lanes.value) == (1, 1)
